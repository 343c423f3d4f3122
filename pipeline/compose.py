"""The compose stage: a validated edition + computed facts -> the document tree (semantic HTML).

Two kinds of template meet here:
- paragraph text from the data, a small language of its own: `{{ ... }}` expressions over the
  edition's facts (run in Jinja's sandbox), then Markdown inline markup (*italic*, <link>,
  [^note] footnotes), rendered into the tree's inline vocabulary;
- the report templates in `templates/<kind>/`, trusted, autoescaped, which own wording and order.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.footnote import footnote_plugin

from . import style
from .barcodes import code39_svg
from .facts import (Changes, SeatedMember, State, TreatyStatus, changes_between, members_in_office,
                    sorted_states, treaty_status)
from .layout import TEMPLATES_DIR
from .load import Inputs, Sourced
from .model import Edition, ParagraphBlock, Series, TableBlock


def states(values: list[State]) -> str:
    """A list of States in UN order, joined without a serial comma."""
    return style.join_list(s.name for s in sorted_states(list(values)))


PARAGRAPH_FILTERS = {**style.FILTERS, "states": states}


class FilterInputError(ValueError):
    """A paragraph filter given data it cannot take ('{{ as_at|number }}')."""


def _kind_of(value: Any) -> str:
    """How a drafter would name a value's kind."""
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


def _checked(name: str, function: Any) -> Any:
    """The filter, raising FilterInputError (in a drafter's words) for data it cannot take."""
    def filter_(value: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return function(value, *args, **kwargs)
        except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError):
            raise FilterInputError(f"the filter '{name}' cannot take {_kind_of(value)}") from None
    return filter_


MAX_REPEAT = 10_000  # '*' and '**' in a paragraph expression stay this small


class ParagraphSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with '*' and '**' bounded: '{{ "x" * 10**9 }}' in a pasted
    paragraph must fail, not fill the memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        sizes = [abs(v) for v in (left, right) if isinstance(v, int)]
        repeated = any(isinstance(v, (str, list, tuple)) for v in (left, right))
        if (operator == "**" and isinstance(right, int) and abs(right) > 64) or (
                operator == "*" and repeated and any(n > MAX_REPEAT for n in sizes)):
            raise SecurityError(f"'{operator}' with operands this large is not allowed in a paragraph")
        return super().call_binop(context, operator, left, right)


@lru_cache(maxsize=1)
def paragraph_environment() -> ImmutableSandboxedEnvironment:
    """The sandbox paragraph expressions run in: only our filters, undefined names fail."""
    env = ParagraphSandbox(undefined=jinja2.StrictUndefined, autoescape=False)
    env.globals.clear()  # no range(), lipsum(), cycler(), namespace(): paragraphs only read facts
    env.filters.clear()
    env.filters.update({name: _checked(name, f) for name, f in PARAGRAPH_FILTERS.items()})
    env.filters["count"] = _checked("count", len)
    env.filters["length"] = _checked("length", len)
    return env


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


@lru_cache(maxsize=1)
def inline_markdown() -> MarkdownIt:
    """Markdown limited to inline markup: emphasis, links, autolinks, footnotes; no raw HTML."""
    md = MarkdownIt("zero").enable(["emphasis", "link", "autolink", "escape", "entity"])
    return md.use(footnote_plugin, inline=True, move_to_end=False)


@dataclass
class Footnotes:
    """Footnotes numbered through the document in the order they are called."""

    count: int = 0

    def add(self) -> int:
        """The number of the next footnote."""
        self.count += 1
        return self.count


def render_inline(tokens: list[Token], footnote_bodies: dict[int, list[Token]], notes: Footnotes) -> str:
    """Markdown inline tokens -> the tree's inline HTML (em, strong, a, span.footnote)."""
    out: list[str] = []
    for token in tokens:
        kind = token.type
        if kind == "text":
            out.append(html.escape(token.content, quote=False))
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "em_open":
            out.append("<em>")
        elif kind == "em_close":
            out.append("</em>")
        elif kind == "strong_open":
            out.append("<strong>")
        elif kind == "strong_close":
            out.append("</strong>")
        elif kind == "link_open":
            out.append(f'<a href="{html.escape(token.attrGet("href") or "", quote=True)}">')
        elif kind == "link_close":
            out.append("</a>")
        elif kind == "footnote_ref":
            body = render_inline(footnote_bodies[token.meta["id"]], footnote_bodies, notes)
            number = notes.add()
            out.append(f'<span class="footnote" data-number="{number}">{body}</span>')
        elif kind == "inline":
            out.append(render_inline(token.children or [], footnote_bodies, notes))
        else:  # a token our vocabulary has no name for is a defect, never a silent drop
            raise ValueError(f"inline markup {kind!r} is not supported in paragraph text")
    return "".join(out)


def markup_paragraph(text: str, footnotes: dict[str, str], notes: Footnotes) -> Markup:
    """Paragraph text with inline Markdown -> inline HTML, numbering any footnotes it calls."""
    definitions = "\n\n".join(f"[^{label}]: {body}" for label, body in footnotes.items())
    env: dict[str, Any] = {}
    tokens = inline_markdown().parse(text + ("\n\n" + definitions if definitions else ""), env)
    bodies = _footnote_bodies(tokens, env)
    inline = next((t for t in tokens if t.type == "inline"), None)
    return Markup(render_inline(inline.children or [], bodies, notes) if inline else "")


def _footnote_bodies(tokens: list[Token], env: dict) -> dict[int, list[Token]]:
    """Footnote id -> the inline tokens of its text, for both [^label] and ^[inline] notes."""
    by_label: dict[str, list[Token]] = {}
    label: str | None = None
    for token in tokens:
        if token.type == "footnote_reference_open":
            label = token.meta["label"]
        elif token.type == "footnote_reference_close":
            label = None
        elif token.type == "inline" and label is not None:
            by_label.setdefault(label, token.children or [])
    bodies: dict[int, list[Token]] = {}
    for index, item in env.get("footnotes", {}).get("list", {}).items():
        if "tokens" in item:  # inline note ^[...]
            bodies[index] = item["tokens"]
        elif item.get("label") in by_label:
            bodies[index] = by_label[item["label"]]
    return bodies


@dataclass(frozen=True)
class PreviousReport:
    """The edition this one follows, as paragraphs cite it: 'the previous report (A/59/...)'."""

    session: int
    symbol: str  # the real symbol, or 'A/59/...' while that edition is a draft
    date: dt.date
    as_at: dt.date


@dataclass(frozen=True)
class EditionFacts:
    """What paragraph expressions may use: the edition's dates and its computed facts."""

    edition: Edition
    series: Series
    status: TreatyStatus
    members: list[SeatedMember]
    treaty_title: str
    entry_into_force: dt.date | None
    previous: PreviousReport | None = None
    changes: Changes | None = None  # since the previous report; None when there is none

    def context(self) -> dict[str, Any]:
        """The names paragraphs see; `previous` and `changes` only when there is a previous edition."""
        names = {
            "session": self.edition.session,
            "date": self.edition.date,
            "as_at": self.edition.as_at,
            "parties": self.status.parties,
            "signatories": self.status.signatories,
            "members": self.members,
            "treaty": self.treaty_title,
            "entry_into_force": self.entry_into_force,
        }
        if self.previous is not None:
            names["previous"] = self.previous
            names["changes"] = self.changes
        return names


def edition_facts(inputs: Inputs, sourced: Sourced) -> EditionFacts:
    """The facts of one edition, and what changed since the previous one, from the reference
    data (worked out once per edition: validation rules and composing all ask)."""
    key = ("facts", sourced.path)
    if key not in inputs.memo:
        inputs.memo[key] = _edition_facts(inputs, sourced)
    return inputs.memo[key]


def _edition_facts(inputs: Inputs, sourced: Sourced) -> EditionFacts:
    edition: Edition = sourced.model
    series: Series = inputs.series[edition.series].model
    ledger = inputs.ledgers[series.ledger].model
    committee = inputs.committees[series.committee].model if series.committee else None

    def facts_for(as_at: dt.date, on: dt.date) -> tuple[TreatyStatus, list[SeatedMember]]:
        status = treaty_status(ledger, inputs.names, as_at, named_on=edition.date)
        return status, members_in_office(committee, inputs.names, on, named_on=edition.date) if committee else []

    status, members = facts_for(edition.as_at, edition.date)
    previous_report, changes = None, None
    if sourced.path in inputs.previous:
        earlier: Edition = inputs.previous[sourced.path].model
        previous_report = PreviousReport(earlier.session, earlier.shown_symbol, earlier.date, earlier.as_at)
        status_before, members_before = facts_for(earlier.as_at, earlier.date)
        changes = changes_between(status_before, status, members_before, members)
    return EditionFacts(edition, series, status, members, ledger.title, ledger.entry_into_force,
                        previous_report, changes)


@lru_cache(maxsize=2048)
def _paragraph_template(source: str) -> jinja2.Template:
    """A paragraph compiled once: carried-over paragraphs are the same text edition after edition."""
    return paragraph_environment().from_string(source)


def render_paragraph_text(source: str, context: dict[str, Any]) -> str:
    """Run a paragraph's `{{ ... }}` expressions in the sandbox (errors propagate)."""
    return _paragraph_template(source).render(context)


def facts_ready(inputs: Inputs, sourced: Sourced) -> bool:
    """Whether the series and reference data an edition needs all loaded; when not, their
    problems are reported already and the rules that need facts stay silent."""
    series = inputs.series.get(sourced.model.series)
    if series is None:
        return False
    model: Series = series.model
    return model.ledger in inputs.ledgers and (not model.committee or model.committee in inputs.committees)


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
