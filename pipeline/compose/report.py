"""Composing a report: a validated edition and its facts -> the document tree (semantic HTML),
through the trusted report templates in `templates/<kind>/`, checked against the vocabulary.

Whatever goes wrong here is a located problem, never a traceback: a drafted text that fails
points at its line in the data; a template that fails, or that writes an element the
vocabulary does not declare (or one where it may not stand), points at the template line.
"""

from __future__ import annotations

import re
import traceback
from functools import lru_cache, partial
from pathlib import Path

import jinja2
import jinja2.meta
from markupsafe import Markup, escape

from pipeline.compose.blocks import ComposeError, ComposedReport, compose_blocks
from pipeline.compose.inline import CALL_SEPARATOR
from pipeline.compose.language_version import (Version, localized_facts, original_version, translated_edition,
                                               text_sources, translated_tables, translated_version,
                                               version_environment)
from pipeline.compose.sandbox import PARAGRAPH_FILTERS
from pipeline.i18n.languages import ORIGINAL, language
from pipeline.doctree.check import TreeError, check_tree, element_summary
from pipeline.facts.edition import EditionFacts, edition_facts
from pipeline.i18n import style
from pipeline.inputs.figures import load_figure
from pipeline.inputs.layout import TEMPLATES_DIR
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.problems import InputError, Location, Problem, display_path
from pipeline.inputs.sources import locate
from pipeline.model.edition import Edition
from pipeline.model.series import Series
from pipeline.doctree.barcodes import code39_svg, qr_svg

REPORT_TEMPLATE = "report.html.j2"  # each template kind's entry point: templates/<kind>/report.html.j2


# The white space after the break keeps a word space between the lines wherever the tree's text
# is read without its breaks (metadata, search); the layout drops it at the start of a line (before
# the break, WeasyPrint would count it in the line's width and break the line early).
LINE_BREAK = '<br class="line-break">\n'


def line_breaks(text: str) -> Markup:
    """A text whose line breaks the data wrote (a YAML literal block) are kept: each line
    escaped, a line-break element between lines (vocabulary: line-break)."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return Markup(LINE_BREAK).join(escape(line) for line in lines)


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
    env.filters["running_job"] = style.running_job_number
    env.filters["line_breaks"] = line_breaks
    env.globals["call_separator"] = Markup(CALL_SEPARATOR)  # between two masthead marks, as between two footnote calls
    env.filters["code39_svg"] = lambda digits, description="": Markup(code39_svg(digits, description))
    env.filters["qr_svg"] = lambda address, description="": Markup(qr_svg(address, description))
    return env


def compose_report(facts: EditionFacts, sourced: Sourced, version: Version | None = None,
                   original: Sourced | None = None, data_dir: Path | None = None) -> ComposedReport:
    """The edition's blocks composed (figures' pictures from `data_dir`); a text that fails is a
    problem at its line: in the translation file for a text the language version gives, else in
    the `original` edition."""
    tables = facts.series.tables if version is None else translated_tables(facts.series.tables, version)
    pictures = None if data_dir is None else partial(load_figure, data_dir)
    try:
        return compose_blocks(facts, tables, None if version is None else version_environment(version),
                              None if version is None else version.labels, pictures)
    except ComposeError as exc:
        where = None
        if version is not None and version.translation is not None:
            translated = text_sources((original or sourced).model, facts.series.tables).get(exc.path)
            if translated is not None:
                where = locate(sourced.raw, *translated)
            elif original is not None:
                sourced = original
        where = where or locate(sourced.raw, *exc.path) or Location(display_path(sourced.path))
        raise InputError([Problem(where, "error", f"cannot compose this text: {exc.cause}")]) from None


def edition_version(inputs: Inputs, sourced: Sourced, code: str = ORIGINAL) -> tuple[Version, Sourced]:
    """The version of an edition in a language, and the file its texts come from."""
    if code == ORIGINAL:
        return original_version(language(inputs.data_dir, ORIGINAL)), sourced
    for translated in inputs.translations.get(sourced.path, []):
        if translated.model.language == code:
            return translated_version(language(inputs.data_dir, code), translated.model), translated
    raise InputError([Problem(Location(display_path(sourced.path)), "error", f"this edition has no '{code}' version")])


def compose(inputs: Inputs, sourced: Sourced, templates_dir: Path = TEMPLATES_DIR, code: str = ORIGINAL) -> str:
    """The document tree of one edition in one language (the original by default), as a
    complete semantic HTML document, checked against the vocabulary."""
    version, texts_from = edition_version(inputs, sourced, code)
    facts = edition_facts(inputs, sourced)
    if not version.is_original:
        edition = translated_edition(facts.edition, version)
        facts = localized_facts(facts, inputs.translated_names, version, edition)
    report = compose_report(facts, texts_from, version, sourced, inputs.data_dir)
    env = report_environment(templates_dir)
    name = f"{facts.series.template}/{REPORT_TEMPLATE}"
    organ = inputs.organ(facts.series.organ)  # validation has made sure it is known
    symbol = facts.edition.symbol or inputs.placeholder_symbol(facts.edition)
    try:
        tree = env.get_template(name).render(edition=facts.edition, series=facts.series, facts=facts,
                                             report=report, version=version, t=version.language,
                                             organ=organ, symbol=symbol,
                                             author_line=author_line(facts.edition, facts.series, version))
    except jinja2.TemplateError as exc:
        raise InputError([_template_problem(exc, templates_dir, name)]) from None
    try:
        check_tree(tree)
    except TreeError as exc:
        raise InputError([_tree_problem(exc, env, templates_dir, name)]) from None
    return tree


def author_line(edition: Edition, series: Series, version: Version) -> str | None:
    """The line under the title: the edition's own (`author:`, in a version its translation's, or
    the pending line), else the series' in the version's language; None when there is none."""
    if edition.author:
        if version.is_original or version.translation is None:
            return edition.author
        return version.translation.author or version.language.text("missing_translation")
    return version.language.lookup("authors", series.author) if series.author else None


def _template_problem(exc: jinja2.TemplateError, templates_dir: Path, name: str) -> Problem:
    """A template's own error, at the template line Jinja reports (or its traceback shows)."""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not line:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
        if frames:
            filename, line = frames[-1].filename, frames[-1].lineno
    path = display_path(Path(filename) if filename else templates_dir / name)
    message = getattr(exc, "message", None) or str(exc)
    return Problem(Location(path, line or 0, 1 if line else 0), "error", f"the template failed: {message}")


def _tree_problem(exc: TreeError, env: jinja2.Environment, templates_dir: Path, name: str) -> Problem:
    """A tree that breaks the vocabulary is the template's doing: the problem stands at the
    template line that writes the element at fault (the report template first, then those it
    extends or includes): its stray text, or the n-th line writing its class for its n-th
    element of that kind."""
    shown = element_summary(exc.element) if exc.element is not None else ""
    message = f"the template writes {shown}: {exc.message}" if shown else f"the template writes a bad tree: {exc}"
    sources = [(templates_dir / n, (templates_dir / n).read_text(encoding="utf-8")) for n in _template_chain(env, name)]
    for pattern, nth in _patterns_of(exc):
        found = [(path, source, m) for path, source in sources for m in re.finditer(pattern, source)]
        if found:
            path, source, match = found[min(nth, len(found) - 1)]
            line = source.count("\n", 0, match.start()) + 1
            column = match.start() - source.rfind("\n", 0, match.start())
            return Problem(Location(display_path(path), line, column), "error", message)
    return Problem(Location(display_path(templates_dir / name), 1, 1), "error", message)


def _template_chain(env: jinja2.Environment, name: str) -> list[str]:
    """The report template, then every template it extends, includes or imports."""
    chain: list[str] = []
    pending = [name]
    while pending:
        current = pending.pop(0)
        if current in chain:
            continue
        chain.append(current)
        source = env.loader.get_source(env, current)[0]  # type: ignore[union-attr]
        pending.extend(n for n in jinja2.meta.find_referenced_templates(env.parse(source)) if n)
    return chain


def _patterns_of(exc: TreeError) -> list[tuple[str, int]]:
    """What a template line that writes the element at fault looks like (its stray text, its
    class, else its tag), and which of the lines that match to take (0: the first)."""
    element = exc.element
    if element is None:
        return []
    patterns = [(re.escape(exc.stray_text), 0)] if exc.stray_text else []
    names = (element.get("class") or "").split()
    for name in names:
        pattern = rf'class="[^"]*\b{re.escape(name)}\b'
        before = sum(1 for other in element.getroottree().iter() if other is not element and
                     name in (other.get("class") or "").split() and _precedes(other, element))
        patterns.append((pattern, before))
    patterns.append((rf"<{re.escape(element.tag)}\b", 0))
    return patterns


def _precedes(first, second) -> bool:
    """Whether an element opens before another in the document."""
    for node in second.getroottree().iter():
        if node is first:
            return True
        if node is second:
            return False
    return False
