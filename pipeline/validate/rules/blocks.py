"""Rules over an edition's blocks: ids, headings as the Editorial Manual wants them, list
items, and tables (their shape, their rows, their notes)."""

from __future__ import annotations

import re
from functools import partial
from typing import Any, Iterator

import jinja2
import jinja2.meta

from pipeline.compose.blocks import EXPRESSION_ERRORS, table_rows_source
from pipeline.compose.numbering import HEADING_LEVELS, heading_number, number_edition
from pipeline.i18n.labels import original_labels
from pipeline.compose.sandbox import paragraph_environment
from pipeline.facts.edition import LIST_FACTS, edition_facts, facts_ready, undeclared_fact_message
from pipeline.inputs.figures import FigureError, load_figure
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.problems import did_you_mean
from pipeline.model.blocks import DraftBlock, FigureBlock, HeadingBlock, ListItem, ParagraphBlock, TableBlock, TableSpec
from pipeline.model.edition import Edition
from pipeline.validate.rules import Problems, at, error, warning
from pipeline.build.limits import MAX_TABLE_ROWS
from pipeline.compose.inline import NOTE_LABEL
from pipeline.doctree.measure import TABLE_CELL_RIGHT_PAD, narrowest_table, table_width
from pipeline.validate.rules.declared import unknown_declared
from pipeline.validate.rules.paragraphs import FOOTNOTE_CALL, note_label_message, rendered_texts

Path = tuple


def first_heading_number(level: str) -> str:
    """How the pipeline numbers the first heading of a level: 'Part one', 'I.', 'A.'."""
    return original_labels().part(1) if level == "part" else heading_number(level, 1, original_labels())


# A number a drafter typed at the start of a heading: "I.", "A.", "1.", "(a)", "(iv)", "a.", "Part one"
PART_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
              "seventeen|eighteen|nineteen|twenty")
TYPED_NUMBER = re.compile(rf"^\s*(?P<number>Part\s+(?:{PART_WORDS}|[IVXLC]+|\d+)\b:?|[IVXLC]+\.|[A-Z]\.|\d+(\.\d+)*\.?|"
                          r"\([a-z]{1,4}\)|[a-z]\.)\s")


def _all_blocks(edition: Edition) -> Iterator[tuple[Path, Any]]:
    """Every block and list item with its data path, in document order."""
    for at_path, blocks in edition.block_lists():
        for index, block in enumerate(blocks):
            yield at_path + (index,), block
            if isinstance(block, ParagraphBlock):
                yield from _items(block, at_path + (index,))


def _items(holder: ParagraphBlock | ListItem, path: Path) -> Iterator[tuple[Path, ListItem]]:
    for key in ("items", "bullets"):
        for index, item in enumerate(getattr(holder, key) or []):
            yield path + (key, index), item
            yield from _items(item, path + (key, index))


def _id_of(block: Any) -> tuple[str | None, Path]:
    """A block's own id and the path of its 'id' key."""
    if isinstance(block, DraftBlock):
        return block.id, (block.key, "id")
    if isinstance(block, TableBlock) and isinstance(block.table, TableSpec):
        return block.table.id, ("table", "id")
    if isinstance(block, FigureBlock):
        return block.figure.id, ("figure", "id")
    return getattr(block, "id", None), ("id",)


def check_block_ids(inputs: Inputs, sourced: Sourced) -> Problems:
    """Each id names one block: cross-references must not be ambiguous."""
    edition: Edition = sourced.model
    seen: dict[str, Path] = {}
    places = list(_all_blocks(edition)) + [(("annexes", i), a) for i, a in enumerate(edition.annexes)]
    for path, block in places:
        block_id, key = _id_of(block)
        if block_id is None:
            continue
        if block_id in seen:
            yield error(at(sourced, *path, *key), f"id '{block_id}' is used twice; give each block its own id")
        seen[block_id] = path


def check_drafts(inputs: Inputs, sourced: Sourced) -> Problems:
    """A draft resolution or decision holds no heading: its label and title are printed by the
    pipeline, and its paragraphs are numbered in its own count."""
    edition: Edition = sourced.model
    for path, draft in edition.drafts():
        for index, block in enumerate(draft.spec.body):
            if isinstance(block, HeadingBlock):
                yield error(at(sourced, *path, draft.key, "body", index, block.key),
                            f"a {block.key.replace('_', ' ')} heading inside a draft {draft.kind}: a draft holds its "
                            "paragraphs, lists, tables and figures, not headings (its label and 'title:' are its "
                            "heading); write it as a paragraph, or move it out of the draft")
        written = _raw_at(sourced.raw, *path, draft.key, "preamble")
        for index, paragraph in enumerate(written if isinstance(written, list) else []):
            if isinstance(paragraph, dict) and paragraph.get("numbered") is True:
                yield error(at(sourced, *path, draft.key, "preamble", index, "numbered"),
                            "a preamble's paragraphs take no number (the body's are numbered 1, 2 ...): remove "
                            "'numbered: true', or move the paragraph to the 'body:'")


def _raw_at(raw: Any, *path: str | int) -> Any:
    """The value the file gives at `path` (None where it gives none): what the drafter wrote,
    not the model's defaults."""
    for step in path:
        try:
            raw = raw[step]
        except (KeyError, IndexError, TypeError):
            return None
    return raw


def check_headings(inputs: Inputs, sourced: Sourced) -> Problems:
    """A level with a single heading under its parent ('an A. needs a B.') and a number typed
    by hand at the start of a heading are editorial errors: warnings."""
    edition: Edition = sourced.model
    containers = [(("body",), edition.body)] + [(("annexes", i, "body"), a.body) for i, a in enumerate(edition.annexes)]
    for at_path, blocks in containers:
        groups: dict[tuple, list[int]] = {}
        parents: dict[str, int] = {}  # level -> index of the last heading at that level
        for index, block in enumerate(blocks):
            if not isinstance(block, HeadingBlock):
                continue
            rank = HEADING_LEVELS.index(block.level)
            for lower in HEADING_LEVELS[rank:]:
                parents.pop(lower, None)
            parent = max((i for lvl, i in parents.items() if HEADING_LEVELS.index(lvl) < rank), default=None)
            parents[block.level] = index
            if block.numbered:
                groups.setdefault((parent, block.level), []).append(index)
            typed = TYPED_NUMBER.match(block.text)
            if typed:
                yield warning(at(sourced, *at_path, index, block.key),
                              f"the heading starts with '{typed['number']}', a number typed by hand; the pipeline "
                              f"numbers headings ({first_heading_number(block.level)}, ...): remove it")
        yield from _heading_nesting(sourced, at_path, blocks)
        for (parent, level), indexes in groups.items():
            if len(indexes) == 1:
                index = indexes[0]
                under = "in the report" if parent is None else "under its heading"
                yield warning(at(sourced, *at_path, index, blocks[index].key),
                              f"this is the only {level} heading {under}; a level with a single heading is an "
                              f"editorial error (if there is an A. there must be a B.): add another or remove it")


def _level_words(level: str) -> str:
    """'a section heading (A.)', 'a part heading (Part one)' for messages."""
    article = "an" if level[0] in "aeiou" else "a"
    return f"{article} {level} heading ({first_heading_number(level)})"


def _heading_nesting(sourced: Sourced, at_path: Path, blocks: list) -> Problems:
    """Headings nest as the Editorial Manual's levels go: Part one, I., A., 1., (a), (i), a.

    - A heading before the first heading of a level above it that the same body (or annex)
      uses belongs to nothing: a section before any chapter prints "A." outside every chapter,
      and its references and the contents list lose their chapter. An error; but a chapter
      before the first part is a warning, since chapters are numbered through the parts and
      nothing prints wrong (an introduction may come before part one).
    - A heading that skips a level (a subsection, 1., right under a chapter; a fifth-degree
      heading with nothing above it) prints a number that reads as the level below a missing
      one: a warning, like a level with a single heading. Headings outside a numbered body
      start at a part, a chapter or a section (A., as annexes often do).
    Unnumbered headings (short reports' subheadings) are not held to the levels, but a heading
    may stand under one."""
    headings = [(index, block) for index, block in enumerate(blocks) if isinstance(block, HeadingBlock)]
    open_levels: dict[str, int] = {}  # level -> index of the last heading at that level still open
    for index, block in headings:
        rank = HEADING_LEVELS.index(block.level)
        for lower in HEADING_LEVELS[rank:]:
            open_levels.pop(lower, None)
        parent = max((lvl for lvl in open_levels if HEADING_LEVELS.index(lvl) < rank), key=HEADING_LEVELS.index,
                     default=None)
        open_levels[block.level] = index
        if not block.numbered:
            continue
        where = at(sourced, *at_path, index, block.key)
        later_above = sorted({b.level for i, b in headings if i > index and HEADING_LEVELS.index(b.level) < rank},
                             key=HEADING_LEVELS.index)
        if parent is None and later_above:
            above = later_above[-1]
            if block.level == "chapter":
                yield warning(where, "this chapter comes before the first part: in a report divided into parts, every "
                                     "chapter belongs to one; put a part heading above it, or leave the parts out")
            else:
                yield error(where, f"this {block.level} heading comes before the first {above} heading, so it belongs to "
                                   f"no {above}: {_level_words(block.level)} belongs under {_level_words(above)}; move "
                                   f"it under one, or make it {_level_words(above)}")
            continue
        expected = HEADING_LEVELS[HEADING_LEVELS.index(parent) + 1] if parent else None
        if parent is None and rank > HEADING_LEVELS.index("section"):
            yield warning(where, f"{_level_words(block.level)} with no heading above it: headings start at a part, a "
                                 "chapter or a section (A.) and go down one level at a time; make it a section or a "
                                 "chapter, or put one above it")
        elif parent is not None and rank > HEADING_LEVELS.index(expected):
            yield warning(where, f"this {block.level} heading stands right under {_level_words(parent)}, with no "
                                 f"{expected} heading between: headings go down one level at a time (Part one, I., "
                                 f"A., 1., (a), (i), a.); make it {_level_words(expected)}, or put one above it")


# The highest numbers a report's blocks bear: letters run to Z, chapters and parts stay short.
GIVEN_NUMBER_LIMIT = {"paragraph": 9999, "part": 20, "chapter": 99, "section": 26, "subsection": 99,
                      "third-degree": 26, "fourth-degree": 39, "fifth-degree": 26}


def check_given_numbers(inputs: Inputs, sourced: Sourced) -> Problems:
    """A `number:` (or a placeholder's `stands_for:`) goes forward from the block before it: a
    paragraph or heading cannot repeat or go back (an error); one equal to what the count gives
    is redundant (a warning); the summary's paragraphs take none."""
    edition: Edition = sourced.model
    for part, name in (("transmittal", "the note's"), ("summary", "the summary's")):
        for index, block in enumerate(getattr(edition, part)):
            for key in ("number", "stands_for"):
                if getattr(block, key) is not None:
                    yield error(at(sourced, part, index, key), f"{name} paragraphs are never numbered; remove '{key}:'")
            if "numbered" in block.model_fields_set and block.numbered:
                yield error(at(sourced, part, index, "numbered"), f"{name} paragraphs are never numbered; remove "
                                                                  "'numbered: true'")
    blocks = dict(_all_blocks(edition))
    numbers = number_edition(edition, {})
    for path, (first, last) in numbers.stood_for.items():
        if last > GIVEN_NUMBER_LIMIT["paragraph"]:
            yield error(at(sourced, *path, "stands_for"), f"'stands_for: {first}-{last}' is beyond the highest number "
                        f"a paragraph bears ({GIVEN_NUMBER_LIMIT['paragraph']}): check it")
    for path, (given, counted) in numbers.given.items():
        block = blocks[path]
        kind = block.level if isinstance(block, HeadingBlock) else "paragraph"
        shown = (partial(heading_number, kind, labels=original_labels()) if isinstance(block, HeadingBlock)
                 else str)
        key, written = (("stands_for", "stands_for: {}-{}".format(*numbers.stood_for[path])) if path in numbers.stood_for
                        else ("number", f"number: {given}"))
        if given > GIVEN_NUMBER_LIMIT.get(kind, GIVEN_NUMBER_LIMIT["paragraph"]):
            limit = GIVEN_NUMBER_LIMIT.get(kind, GIVEN_NUMBER_LIMIT["paragraph"])
            yield error(at(sourced, *path, key),
                        f"'{written}' is beyond the highest number a {kind} bears ({shown(limit)}): check it")
        elif given < counted:
            before = f"{kind} {shown(counted - 1)} comes before it" if counted > 1 else f"it is the first {kind}"
            yield error(at(sourced, *path, key),
                        f"'{written}' would {'take' if key == 'stands_for' else 'print'} {kind} {shown(given)}, but {before}; a given number must go "
                        f"forward (at least {counted}): correct it, or remove it to let the count number the {kind}")
        elif given == counted:
            yield warning(at(sourced, *path, key),
                          f"'{written}' is the number the count gives this {kind} anyway; remove it")
        elif key == "stands_for":
            skipped = f"{counted}" if given == counted + 1 else f"{counted} to {given - 1}"
            yield warning(at(sourced, *path, key),
                          f"'{written}' leaves paragraph(s) {skipped} out: neither written nor stood for, they count "
                          f"in no chapter of the contents list; start it at {counted}, or add a placeholder for them")


def check_bullets(inputs: Inputs, sourced: Sourced) -> Problems:
    """Bulleted items take no semicolons (the Editorial Manual): short ones no punctuation,
    sentences a full stop."""
    for path, block in _all_blocks(sourced.model):
        if isinstance(block, ListItem) and "bullets" in path and block.text.rstrip().endswith(";"):
            yield warning(at(sourced, *path, "text"), "a bullet does not end with a semicolon; end a short item with nothing and a "
                          "sentence with a full stop")


def check_tables(inputs: Inputs, sourced: Sourced) -> Problems:
    """Every table is one the series defines or a complete table: columns, rows given or
    made from a list of facts, rows as wide as the columns, notes that are called."""
    if not facts_ready(inputs, sourced):
        return
    facts = edition_facts(inputs, sourced)
    tables = facts.series.tables
    rendered = rendered_texts(inputs, sourced)
    context = rendered.context if rendered else {}
    for path, block in _all_blocks(sourced.model):
        if not isinstance(block, TableBlock):
            continue
        spec = block.spec(tables)
        if spec is None:
            yield error(at(sourced, *path, "table"),
                        f"no table named '{block.table}' in series '{facts.series.id}'"
                        f"{did_you_mean(str(block.table), tables) or ''}; the series' tables: "
                        f"{', '.join(tables) or 'none'} (or write the table here, with its columns and rows)")
            continue
        # a named table's mistakes are the series' (check_series_tables); here, what depends on the edition
        where = (lambda *p: at(sourced, *path, "table", *p)) if isinstance(block.table, TableSpec) else \
            (lambda *p: at(sourced, *path))
        if isinstance(block.table, TableSpec):
            yield from _table_shape(spec, where)
        yield from _table_width(spec, sourced.model.place, where, block)
        yield from _table_rows(inputs, facts, spec, context, where, block, lambda: at(sourced, *path, "table"))


def check_series_tables(inputs: Inputs, sourced: Sourced) -> Problems:
    """The shape of each table a series defines, and the facts it uses are declared (reported
    here once, not at every edition that uses the table)."""
    for name, spec in sourced.model.tables.items():
        yield from _table_shape(spec, lambda *p, name=name: at(sourced, "tables", name, *p))
        if spec.rows_from is not None and _expression_syntax(spec.rows_from) is None:
            for fact in sorted(_names_in(spec.rows_from)):
                message = undeclared_fact_message(fact, sourced.model, what=f"the table '{name}'")
                if message:
                    yield error(at(sourced, "tables", name, "rows_from"), message)


def _names_in(expression: str) -> set[str]:
    """The data names an expression reads."""
    environment = paragraph_environment()
    return jinja2.meta.find_undeclared_variables(environment.parse("{{ " + expression + " }}"))


def _table_shape(spec: TableSpec, where) -> Problems:
    width = len(spec.columns)
    if (spec.rows is None) == (spec.rows_from is None):
        yield error(where(), "a table has its rows under 'rows:' or makes them from facts with 'rows_from:' "
                             "and 'row:'; give one of the two")
    if spec.rows is not None and not spec.rows:
        yield error(where("rows"), "the table has no rows ('rows: []') and would print its head alone: give its rows, "
                                   "or remove the table")
    if spec.rows is not None and len(spec.rows) > MAX_TABLE_ROWS:
        yield error(where("rows", MAX_TABLE_ROWS),
                    f"the table has {len(spec.rows):,} rows, more than the {MAX_TABLE_ROWS:,} a table may have "
                    f"(MAX_TABLE_ROWS, pipeline/build/limits.py); this is row {MAX_TABLE_ROWS + 1:,}: split the table, "
                    "or publish the data as a document of its own")
    if spec.rows_from is not None and spec.row is None:
        yield error(where("rows_from"), "'rows_from:' needs a 'row:' with the text of each cell (using 'row')")
    if spec.rows_from is not None and re.fullmatch(r"\w+", spec.rows_from) and spec.rows_from not in LIST_FACTS:
        yield error(where("rows_from"), f"rows_from: '{spec.rows_from}' is not a list of facts"
                                        f"{did_you_mean(spec.rows_from, LIST_FACTS)}; the lists: {', '.join(LIST_FACTS)}")
    elif spec.rows_from is not None and (syntax := _expression_syntax(spec.rows_from)) is not None:
        yield error(where("rows_from"), f"rows_from: '{spec.rows_from}' is not a list of facts{syntax}; "
                                        f"{ROWS_FROM_TAKES}")
    if spec.row is not None and spec.rows_from is None:
        yield error(where("row"), "'row:' makes rows from facts: add 'rows_from:' naming the list of facts")
    if spec.row is not None and len(spec.row) != width:
        yield error(where("row"), f"the row has {len(spec.row)} cell(s) but the table has {width} column(s)")
    for index, row in enumerate(spec.rows or []):
        if len(row) != width:
            yield error(where("rows", index), f"this row has {len(row)} cell(s) but the table has {width} column(s)")
    groups = [heading for heading, _ in spec.column_groups if heading is not None]
    for heading in sorted({g for g in groups if groups.count(g) > 1}):
        first = next(i for i, c in enumerate(spec.columns) if c.group == heading)
        yield error(where("columns", first, "group"),
                    f"the columns of group '{heading}' are not side by side; a group heading spans neighbouring "
                    "columns: move them together, or give the groups different headings")
    texts = [[c.text for c in spec.columns], [c.group or "" for c in spec.columns], spec.row or []] + (spec.rows or [])
    called = {label for row in texts for text in row if text for label in FOOTNOTE_CALL.findall(text)}
    for label in spec.notes:
        if not NOTE_LABEL.fullmatch(label):
            yield error(where("notes", label), note_label_message(label, "table note"))
        elif label not in called:
            yield warning(where("notes", label), f"table note '{label}' is never called; add [^{label}] to a cell "
                                                 "or remove it")


def _table_width(spec: TableSpec, place: str, where, block: TableBlock) -> Problems:
    """Columns that cannot stand side by side in the text column, each as wide as the longest
    word of its head (the measure the DOCX writer shares widths out by; the PDF would run off
    the page)."""
    name = f"the table '{block.table}'" if isinstance(block.table, str) else "the table"
    too_wide = table_too_wide([c.text for c in spec.columns], place, name)
    if too_wide:
        yield error(where("columns") if isinstance(block.table, TableSpec) else where(), too_wide)


def table_too_wide(heads: list[str], place: str, name: str) -> str | None:
    """What to say of a table whose column *heads* cannot stand side by side in a *place*'s
    text column (None when they can)."""
    needed, room = narrowest_table(heads), table_width(place)
    if needed <= room:
        return None
    return (f"{name} has {len(heads):,} columns, which need at least {needed:,.0f} pt side by side (each as wide "
            f"as its heading's longest word, {TABLE_CELL_RIGHT_PAD} pt apart), but a table has {room:.0f} pt across "
            f"a {place} page: it would run past the margin; split it into two tables or shorten the column headings")


ROWS_FROM_TAKES = (f"rows_from takes the name of a list of facts ({', '.join(LIST_FACTS)}) or a filter over one, "
                   "like states|declared(\"22\")")


def _expression_syntax(source: str) -> str | None:
    """None when a `rows_from` expression reads; else what to say of it in a drafter's words
    ('' or ' (there is no filter 'x')'), not the expression engine's ('chunk after expression')."""
    try:
        paragraph_environment().compile_expression(source)
    except jinja2.TemplateSyntaxError as exc:
        unknown = re.match(r"No filter named '(\w+)'", exc.message or "")
        if unknown:
            filters = sorted(paragraph_environment().filters)
            return f" (there is no filter '{unknown[1]}'{did_you_mean(unknown[1], filters)})"
        return ""
    return None


def _rows_from_message(source: str, exc: Exception, series) -> str:
    """A `rows_from` that fails: a fact the series does not declare, an unknown name, not a list."""
    message = getattr(exc, "message", None) or str(exc)
    unknown = re.fullmatch(r"'(\w+)' is undefined", message or "")
    if unknown:
        undeclared = undeclared_fact_message(unknown[1], series, what="rows_from")
        if undeclared:
            return undeclared
        return (f"rows_from: '{unknown[1]}' is not a list of facts{did_you_mean(unknown[1], LIST_FACTS)}; "
                f"the lists: {', '.join(LIST_FACTS)}")
    return f"rows_from: '{source}' is not a list of facts; {ROWS_FROM_TAKES}"  # not the engine's words


def _table_rows(inputs: Inputs, facts, spec: TableSpec, context: dict, where, block: TableBlock,
                at_table) -> Problems:
    """Rows from facts: a list the edition has; none makes the table go, which is worth a word."""
    if spec.rows_from is None:
        return
    if _expression_syntax(spec.rows_from) is not None or (re.fullmatch(r"\w+", spec.rows_from)
                                                           and spec.rows_from not in LIST_FACTS):
        return  # reported with the table's shape
    series = inputs.series.get(facts.series.id)
    if isinstance(block.table, TableSpec):
        at_rows_from = where("rows_from")
    elif series is not None:  # a named table's rows_from is written in the series file
        at_rows_from = at(series, "tables", block.table, "rows_from")
    else:
        at_rows_from = at_table()
    try:
        rows = table_rows_source(spec, context) or []
    except EXPRESSION_ERRORS as exc:
        message = _rows_from_message(spec.rows_from, exc, facts.series)
        if not (isinstance(block.table, str) and "does not declare" in message):  # the series' own, told there
            yield error(at_rows_from, message)
        return
    shown = f"the {block.name} table" if block.name else "the table"
    if not rows and spec.rows_from == "members":
        yield warning(where(), f"no committee member is in office on {facts.edition.date}: {shown} is left out "
                               "(add the members elected since to the committee data)")
    elif not rows and unknown_declared(inputs, facts.edition.series, spec.rows_from):
        return  # no State can ever be listed: an error where `declared(...)` is written
    elif not rows:
        # a treaty's lists are as at the as-at date; the committee's members, on the document date
        on = (f"on {facts.edition.date}" if "members" in _names_in(spec.rows_from)
              else f"as at {facts.edition.as_at}")
        yield warning(where(), f"'{spec.rows_from}' has nothing {on}: {shown} is left out")
    elif spec.rows_from == "members" and facts.series.committee in inputs.committees:
        seats = inputs.committees[facts.series.committee].model.seats_on(facts.edition.date)
        if len(rows) < seats:
            yield warning(where(), f"only {len(rows)} of the committee's {seats} seats have a member in office "
                                   f"on {facts.edition.date}: add the members elected since to the committee data")


def check_figures(inputs: Inputs, sourced: Sourced) -> Problems:
    """Each figure's picture is a PNG or JPEG file in data/figures/ that can be read, of a
    bounded size; each is read once however many figures show it."""
    checked: dict[str, str | None] = {}
    for path, block in _all_blocks(sourced.model):
        if not isinstance(block, FigureBlock):
            continue
        name = block.figure.image
        if name not in checked:
            try:
                load_figure(inputs.data_dir, name)
                checked[name] = None
            except FigureError as exc:
                checked[name] = str(exc)
        if checked[name]:
            yield error(at(sourced, *path, "figure", "image"), checked[name])
