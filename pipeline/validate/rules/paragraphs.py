"""Rules over drafted text (paragraphs, headings, list items, table cells, notes): expressions
name known data, cross-references and footnotes resolve, nothing is empty or too long.

Paragraph text is usually a folded YAML block, which Jinja sees as one long line, so a
Jinja line number says little. Problems are placed by searching the text's source for
what the error names (the unknown name or filter, the unclosed '{{'), so the line shown is
the line the editor must change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from pipeline.compose.blocks import EXPRESSION_ERRORS, Composer, DraftedText, UnknownReference, drafted_texts
from pipeline.compose.inline import NOTE_LABEL, NOTE_LABEL_WORDS, InlineContext, NoteMarks, TableNotes, markup
from pipeline.compose.sandbox import (PARAGRAPH_FILTERS, FilterInputError, ParagraphLimitError, ParagraphStatementError,
                                      paragraph_environment, render_paragraph_text)
from pipeline.facts.edition import edition_facts, facts_ready, undeclared_fact_message
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.problems import Location, Problem, did_you_mean, display_path
from pipeline.inputs.sources import find_in_value
from pipeline.model.edition import Edition
from pipeline.model.series import Series
from pipeline.validate.rules import Problems, at, at_key, error, warning

MAX_WORDS = 8500  # UN Editorial Manual: a manuscript should not exceed 8,500 words
TAGS = re.compile(r"\{\{(?P<expression>.*?)\}\}|\{%(?P<statement>.*?)%\}|\{#.*?#\}|(?P<unclosed>\{[{%#])", re.S)
KIND_WORDS = {"paragraph": "paragraph", "heading": "heading", "item": "list item", "cell": "table cell",
              "note": "note", "title": "title", "text": "text", "description": "a figure's description"}
FOOTNOTE_CALL = re.compile(r"\[\^([^\]]+)\]")
WORD = re.compile(r"[^\W_][\w'’-]*")


@dataclass(frozen=True)
class Rendered:
    """Every drafted text of an edition after its expressions (or the error they raised)."""

    context: dict[str, Any]
    composer: Composer
    texts: list[tuple[DraftedText, str | Exception]]


def rendered_texts(inputs: Inputs, sourced: Sourced) -> Rendered | None:
    """The edition's drafted texts rendered, worked out once per edition for the rules that
    read them; None when its series or reference data did not load."""
    if not facts_ready(inputs, sourced):
        return None
    key = ("rendered", sourced.path)
    if key not in inputs.memo:
        inputs.memo[key] = _render_all(inputs, sourced)
    return inputs.memo[key]


def _render_all(inputs: Inputs, sourced: Sourced) -> Rendered:
    facts = edition_facts(inputs, sourced)
    composer = Composer(facts, facts.series.tables)
    out: list[tuple[DraftedText, str | Exception]] = []
    for text in drafted_texts(sourced.model, facts.series.tables, composer.context):
        try:
            out.append((text, render_paragraph_text(text.source, {**composer.context, **dict(text.names)})))
        except EXPRESSION_ERRORS as exc:
            out.append((text, exc))
    return Rendered(composer.context, composer, out)


def check_paragraphs(inputs: Inputs, sourced: Sourced) -> Problems:
    """Every drafted text's expressions and inline markup render; footnotes and
    cross-references resolve."""
    edition: Edition = sourced.model
    rendered = rendered_texts(inputs, sourced)
    if rendered is None:
        return
    # Notes that call notes are reported at the note (check_footnote_calls), not at each call.
    footnotes = {label: FOOTNOTE_CALL.sub("", text) for label, text in edition.footnotes.items()}
    inline = InlineContext(footnotes, NoteMarks(edition.footnote_marks),
                           anchors=set(rendered.composer.numbers.anchors.values()))
    for drafted, text in rendered.texts:
        path = drafted.path
        if isinstance(text, Exception):
            home, home_path = text_home(inputs, sourced, path)
            yield expression_problem(home, home_path, text, rendered.context, rendered.composer.series,
                                     KIND_WORDS[drafted.kind])
            continue
        if not text.strip() and not (drafted.kind == "cell" and drafted.names):  # a fact's cell may be blank
            yield error(at(sourced, *path), f"{KIND_WORDS[drafted.kind]} is empty once its expressions are filled "
                                            "in; write its text or remove the block")
            continue
        for label in dict.fromkeys(FOOTNOTE_CALL.findall(text)):
            if label not in edition.footnotes and label not in drafted.table_notes:
                found = find_in_value(sourced.raw, path, re.escape(f"[^{label}]"))
                where = "under 'footnotes:'" + (" or the table's 'notes:'" if drafted.kind == "cell" else "")
                yield error(found[0][0] if found else at(sourced, *path),
                            f"footnote [^{label}] has no text {where}"
                            f"{did_you_mean(label, list(edition.footnotes) + list(drafted.table_notes))}; "
                            f"add '{label}: ...' there")
        notes = TableNotes({label: "" for label in drafted.table_notes}, "t") if drafted.table_notes else None
        allowed = drafted.kind not in ("note", "description")
        try:
            markup(text, inline.within(table_notes=notes, notes_allowed=allowed))
        except ValueError as exc:
            needle = getattr(exc, "source", None)
            found = find_in_value(sourced.raw, path, re.escape(needle)) if needle else []
            yield error(found[0][0] if found else at(sourced, *path), f"{exc}")


LINK_TARGET = re.compile(r"\]\(#([^)\s]+)\)")


def check_self_references(inputs: Inputs, sourced: Sourced) -> Problems:
    """A block that cites itself ('See paragraph 1.' in paragraph 1) is almost always a slip:
    a warning at the reference."""
    rendered = rendered_texts(inputs, sourced)
    if rendered is None:
        return
    anchors = rendered.composer.numbers.anchors
    for drafted, text in rendered.texts:
        if not isinstance(text, str):
            continue
        # the anchors of the block the text belongs to, innermost first (an item's, then its paragraph's)
        own = {anchors[drafted.path[:n]]: n for n in range(1, len(drafted.path) + 1) if drafted.path[:n] in anchors}
        for anchor in dict.fromkeys(LINK_TARGET.findall(text)):
            if anchor not in own:
                continue
            # a text's path is its block's, or its block's and the key of the text ('text', 'paragraph')
            itself = "itself" if own[anchor] >= len(drafted.path) - 1 else "the block it stands in"
            needle = rf"ref\(\s*[\"']{re.escape(anchor)}[\"']\s*\)|\]\(#{re.escape(anchor)}\)"
            found = find_in_value(sourced.raw, drafted.path, needle)
            yield warning(found[0][0] if found else at(sourced, *drafted.path),
                          f"this {KIND_WORDS[drafted.kind]} refers to {itself} (the block with id '{anchor}'), which "
                          "is almost always a slip: name the block you mean, or write the reference out")


def check_footnote_calls(inputs: Inputs, sourced: Sourced) -> Problems:
    """A footnote may not call a footnote: one that cites itself, directly or through others,
    would never end."""
    edition: Edition = sourced.model
    for label in edition.footnotes:
        if not NOTE_LABEL.fullmatch(label):
            yield error(at_key(sourced, "footnotes", label), note_label_message(label))
    calls = {label: FOOTNOTE_CALL.findall(text) for label, text in edition.footnotes.items()}
    for label, called in calls.items():
        if not called:
            continue
        cycle = _cycle_from(label, calls)
        if cycle:
            yield error(at(sourced, "footnotes", label),
                        f"footnote '{label}' cites itself ({' → '.join(cycle)}); a note cannot call a note")
        else:
            yield error(at(sourced, "footnotes", label),
                        f"footnote '{label}' calls footnote '{called[0]}'; a note cannot call a note: write "
                        "its text in this note, or call both from the paragraph")


# two calls with only a space between ("[^a] [^b]" prints "1 2"); one note called twice at one
# place ("[^c][^c]" prints "3,3"), emphasis marks aside
SPACED_CALLS = re.compile(r"(?:\[\^[^\]\s]+\]|\^\[[^\]]*\])[ \t]+(?=\[\^|\^\[)")
REPEATED_CALL = re.compile(r"\[\^([^\]\s]+)\][*_]*\[\^\1\]")


def check_calls_at_one_place(inputs: Inputs, sourced: Sourced) -> Problems:
    """Calls at one place are written together ("1,2", UN Editorial Manual), and a note is
    called once there."""
    rendered = rendered_texts(inputs, sourced)
    for drafted, _ in rendered.texts if rendered else []:
        spaced, repeated = SPACED_CALLS.search(drafted.source), REPEATED_CALL.search(drafted.source)
        if spaced:
            found = find_in_value(sourced.raw, drafted.path, re.escape(spaced.group(0)))
            yield warning(found[0][0] if found else at(sourced, *drafted.path),
                          "two footnote calls with a space between print as '1 2'; write them together "
                          "([^a][^b]) to print '1,2', as the Editorial Manual sets them")
        if repeated:
            found = find_in_value(sourced.raw, drafted.path, re.escape(repeated.group(0)))
            yield warning(found[0][0] if found else at(sourced, *drafted.path),
                          f"footnote '{repeated[1]}' is called twice at one place (it would print its number "
                          "twice); call it once")


def note_label_message(label: str, what: str = "footnote") -> str:
    """Why a note's label cannot be called, in a drafter's words."""
    return (f"{what} label '{label}' cannot be called: a call [^{label}] would print as it stands and the note be "
            f"lost; a label has {NOTE_LABEL_WORDS}: rename it here and in its calls")


def _cycle_from(start: str, calls: dict[str, list[str]]) -> list[str] | None:
    """The labels of a chain of calls from `start` back to itself, if there is one."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        label, chain = stack.pop()
        for called in calls.get(label, []):
            if called == start:
                return chain + [start]
            if called not in seen:
                seen.add(called)
                stack.append((called, chain + [called]))
    return None


def check_previous_symbol_when_final(inputs: Inputs, sourced: Sourced) -> Problems:
    """A report with its symbol must not print its predecessor's placeholder symbol
    ('A/59/...'): judged on the rendered text, however a paragraph reaches the symbol."""
    edition: Edition = sourced.model
    previous = inputs.previous.get(sourced.path)
    rendered = rendered_texts(inputs, sourced)
    if edition.is_draft or previous is None or not previous.model.is_draft or rendered is None:
        return
    placeholder = inputs.placeholder_symbol(previous.model)
    for drafted, text in rendered.texts:
        if isinstance(text, str) and placeholder in text:
            yield error(at(sourced, *drafted.path),
                        f"this report has its symbol, but it cites the previous report (session "
                        f"{previous.model.session}), which has none yet and would print "
                        f"'{placeholder}'; give {display_path(previous.path)} its symbol first")


def check_footnotes_used(inputs: Inputs, sourced: Sourced) -> Problems:
    """A footnote under 'footnotes:' that no text calls is probably a mistake."""
    edition: Edition = sourced.model
    rendered = rendered_texts(inputs, sourced)
    if rendered is None:  # the texts cannot be drafted (the series or the facts are in error): unknown
        return
    sources = [d.source for d, _ in rendered.texts] + list(edition.footnotes.values())  # a note may call a note
    called = {label for source in sources for label in FOOTNOTE_CALL.findall(source)}
    for label in edition.footnotes:
        if label not in called:
            yield warning(at(sourced, "footnotes", label),
                          f"footnote '{label}' is never called; add [^{label}] to a paragraph or remove it")


def check_length(inputs: Inputs, sourced: Sourced) -> Problems:
    """The UN asks that a manuscript from the Secretariat not exceed 8,500 words, footnotes
    and headings included."""
    rendered = rendered_texts(inputs, sourced)
    texts = [t for _, t in rendered.texts if isinstance(t, str)] if rendered else []
    texts += list(sourced.model.footnotes.values())
    words = sum(len(WORD.findall(re.sub(r"\]\(#[^)]*\)", "]", t))) for t in texts)
    if words > MAX_WORDS:
        yield warning(at(sourced, "body"), f"the report has {words:,} words, more than the {MAX_WORDS:,} a UN "
                                           "manuscript should not exceed; shorten it or ask for a waiver")


OBJECT_WORDS = {"StateRecord": "a State's entry", "SeatedMember": "a member"}
TYPE_WORDS = {"int": "a number", "float": "a number", "str": "text", "list": "a list", "tuple": "a list",
              "dict": "a set of named values", "date": "a date", "NoneType": "nothing", "bool": "yes or no"}


def _engine_words(message: str) -> str | None:
    """A Python error of an expression said in a drafter's words (None when not one of these)."""
    if missing := re.search(r"(\w+)\(\) missing \d+ required positional argument: '(\w+)'", message):
        if missing[1] == "ref":
            return 'ref() needs the id of the block it refers to between its brackets, like ref("adoption")'
        return f"{missing[1]}() needs its '{missing[2]}' between the brackets, like {missing[1]}(\"...\")"
    if extra := re.search(r"(\w+)\(\) takes .* but (\d+) (?:was|were) given", message):
        return f"{extra[1]}() is given {extra[2]} values between its brackets, more than it takes"
    if operands := re.search(r"unsupported operand type\(s\) for ([^:]+): '(\w+)' and '(\w+)'", message):
        left, right = (TYPE_WORDS.get(t, t) for t in operands.group(2, 3))
        operator = operands[1].split(" or ")[0]
        return f"'{operator}' cannot combine {left} and {right}"
    return None


def text_home(inputs: Inputs, sourced: Sourced, path: tuple) -> tuple[Sourced, tuple]:
    """The file and path where a drafted text is written: a named table's texts (its columns,
    its `row:` cells, its notes) are the series' (`tables: <name>: ...`), not the edition's."""
    if "table" not in path:
        return sourced, path
    cut = path.index("table") + 1
    name: Any = sourced.raw
    for key in path[:cut]:
        try:
            name = name[key]
        except (KeyError, IndexError, TypeError):
            return sourced, path
    series = inputs.series.get(getattr(sourced.model, "series", ""))
    if not isinstance(name, str) or series is None or name not in getattr(series.model, "tables", {}):
        return sourced, path
    return series, ("tables", name) + tuple(path[cut:])


def expression_problem(sourced: Sourced, path: tuple, exc: Exception, context: dict[str, Any],
                        series: Series, what: str = "paragraph") -> Problem:
    """An expression's error, at the line of the expression, with what to do; `what` names the
    text it stands in ('paragraph', 'table cell', ...)."""
    tags = find_in_value(sourced.raw, path, TAGS)
    where = _where(tags, exc, context) or at(sourced, *path)
    message = getattr(exc, "message", None) or str(exc)
    names = sorted(name for name, value in context.items() if not callable(value))
    if isinstance(exc, jinja2.UndefinedError) and (unknown := re.fullmatch(r"'(\w+)' is undefined", message)):
        name = unknown[1]
        undeclared = undeclared_fact_message(name, series)
        if undeclared:
            return error(where, undeclared)
        if name in ("previous", "changes") and getattr(sourced.model, "previous", None) is not None:
            return error(where, f"{what} uses '{name}', which needs the previous edition: its 'previous:' "
                                "cannot be read (see the error at 'previous:')")
        return error(where, f"{what} uses unknown data '{name}'{did_you_mean(name, names)}; "
                            f"the data a {what} can use: {', '.join(names)}")
    if isinstance(exc, jinja2.UndefinedError):
        message = re.sub(r"'[\w.]+\.(\w+) object'", r"a \1", message)  # not our module paths
        message = re.sub(r"'dict object' has no attribute '([^']*)'", r"it has no '\1'", message)
        message = re.sub(r"\ba (StateRecord|SeatedMember)\b", lambda m: OBJECT_WORDS[m[1]], message)
        return error(where, f"{what} uses data that does not exist: {message}")
    if isinstance(exc, jinja2.TemplateAssertionError) and (unknown := re.match(r"No filter named '(\w+)'", message)):
        name = unknown[1]
        return error(where, f"unknown filter '{name}'{did_you_mean(name, paragraph_environment().filters)}; "
                            f"the filters are: {', '.join(PARAGRAPH_FILTERS)} and count")
    if isinstance(exc, ParagraphStatementError):
        statement = next((place for place, m in tags if m["statement"] is not None), None)
        return error(statement or where, message)
    if isinstance(exc, ParagraphLimitError):
        return error(where, message)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        if any(m["unclosed"] for _, m in tags):
            return error(where, "an expression opened here is not closed; end it with '}}' (or '%}')")
        if before := re.match(r"expected token 'end of print statement', got '(.+)'", message):
            return error(where, f"the expression is not closed before '{before[1]}'; end it with '}}}}'")
        return error(where, f"{what} expression syntax: {message}; write expressions like "
                            "{{ parties|count|number }}")
    if isinstance(exc, SecurityError):
        return error(where, f"{what} expression not allowed: {message.rstrip('.')}; use only the data and "
                            "filters of 'Writing paragraphs' in README")
    if isinstance(exc, FilterInputError):
        return error(where, f"{message}; see 'Writing paragraphs' in README for what each filter takes")
    if isinstance(exc, UnknownReference):
        return error(where, message)
    if (plain := _engine_words(message)) is not None:
        return error(where, f"{what} expression failed: {plain}")
    return error(where, f"{what} expression failed: {message}; check the filters it uses")


def _where(tags: list[tuple[Location, re.Match]], exc: Exception, context: dict[str, Any]) -> Location | None:
    """The location of the expression at fault: the one holding the name the error quotes,
    an unclosed one, or the first that fails on its own."""
    message = getattr(exc, "message", None) or str(exc)
    for name in re.findall(r"'(\w+)'", message):
        for where, match in tags:
            group = "expression" if match["expression"] is not None else "statement"
            found = re.search(rf"\b{re.escape(name)}\b", match[group] or "")
            if found:
                return _advance(where, match.string[match.start(): match.start(group) + found.start()])
    for where, match in tags:
        if match["unclosed"]:
            return where
    if any(match["statement"] is not None for _, match in tags):
        return None  # with statements, expressions cannot be tried one by one
    for where, match in tags:
        try:
            render_paragraph_text(match.group(), context)
        except Exception:  # noqa: BLE001 -- any failure marks the culprit; the message comes from `exc`
            return where
    return None


def _advance(where: Location, before: str) -> Location:
    """The location `before` characters further on in the source text."""
    if "\n" in before:
        return Location(where.path, where.line + before.count("\n"), len(before) - before.rfind("\n"))
    return Location(where.path, where.line, where.column + len(before))
