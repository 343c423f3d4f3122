"""Composing a report: a validated edition and its facts -> the document tree (semantic HTML),
through the trusted report templates in `templates/<kind>/`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from pipeline.compose.inline import Footnotes, markup_paragraph
from pipeline.compose.sandbox import PARAGRAPH_FILTERS, render_paragraph_text
from pipeline.facts.edition import EditionFacts, edition_facts
from pipeline.i18n import style
from pipeline.inputs.layout import TEMPLATES_DIR
from pipeline.inputs.load import Inputs, Sourced
from pipeline.model import ParagraphBlock, TableBlock
from pipeline.writers.barcodes import code39_svg


@lru_cache(maxsize=8)
def report_environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    """The environment for the trusted report templates (autoescaped HTML)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(PARAGRAPH_FILTERS)
    env.filters["session_name"] = style.session_name
    env.filters["job_digits"] = style.job_number_digits
    env.filters["code39_svg"] = lambda digits: Markup(code39_svg(digits))
    return env


@dataclass(frozen=True)
class ComposedBlock:
    kind: str  # "paragraph" | "table"
    number: int | None = None
    html: Markup = Markup("")
    name: str = ""


def compose_body(facts: EditionFacts) -> list[ComposedBlock]:
    """Paragraphs numbered 1, 2, 3 ... through the document; tables named for the template."""
    notes = Footnotes()
    blocks: list[ComposedBlock] = []
    number = 0
    context = facts.context()
    for block in facts.edition.body:
        if isinstance(block, ParagraphBlock):
            number += 1
            text = render_paragraph_text(block.paragraph, context)
            blocks.append(ComposedBlock("paragraph", number, markup_paragraph(text, facts.edition.footnotes, notes)))
        elif isinstance(block, TableBlock) and not table_is_empty(block, facts):
            blocks.append(ComposedBlock("table", name=block.table))
    return blocks


def table_is_empty(block: TableBlock, facts: EditionFacts) -> bool:
    """A table with no rows is left out of the document (validation warns about it): a
    committee-members table when no member is in office on the document date."""
    return block.table == "committee-members" and not facts.members


def compose(inputs: Inputs, sourced: Sourced, templates_dir: Path = TEMPLATES_DIR) -> str:
    """The document tree of one edition, as a complete semantic HTML document."""
    facts = edition_facts(inputs, sourced)
    template = report_environment(templates_dir).get_template(f"{facts.series.template}/report.html.j2")
    return template.render(
        edition=facts.edition,
        series=facts.series,
        facts=facts,
        body=compose_body(facts),
    )
