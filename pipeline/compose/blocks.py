"""Composing an edition's blocks: every drafted text run through the paragraph sandbox and
inline markup, with the numbers worked out beforehand (numbering.py), into plain objects the
report templates turn into the tree.

A text that fails to render raises ComposeError with the data path of the block it belongs
to, so the message can point at the line the drafter wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

import jinja2
from markupsafe import Markup

from pipeline.compose.inline import InlineContext, NoteMarks, TableNotes, markup
from pipeline.compose.numbering import Numbers, Path, number_edition
from pipeline.compose.sandbox import evaluate_expression, render_paragraph_text
from pipeline.facts.edition import EditionFacts
from pipeline.i18n.labels import Labels, original_labels
from pipeline.inputs.figures import CSS_PX_PER_INCH, FigureError, FigureImage
from pipeline.inputs.problems import did_you_mean
from pipeline.model.blocks import DraftBlock, FigureBlock, HeadingBlock, ListItem, ParagraphBlock, TableBlock, TableSpec
from pipeline.model.edition import MASTHEAD_NOTE_PLACES, UNNUMBERED_PARTS, Edition

NUMERIC_CELL = re.compile(r"^[\d\s.,%\u2013\u2014()+-]*\d[\d\s.,%\u2013\u2014()+-]*$")
# What a column of figures shows where there is no figure: a dash (nil), two dots (not
# available), an ellipsis; such cells leave a column of numbers right-aligned.
NIL_CELL = re.compile(r"^(-|\u2013|\u2014|\.\.|\u2026|n/a)$")


def cell_without_words(cell: str | None) -> bool:
    """A table cell with nothing to translate: empty, a figure, or a nil mark."""
    return cell is None or bool(NUMERIC_CELL.match(cell)) or bool(NIL_CELL.match(cell.strip()))
EXPRESSION_ERRORS = (jinja2.TemplateError, TypeError, ValueError, AttributeError, ArithmeticError, LookupError,
                     RecursionError)


class UnknownReference(ValueError):
    """`{{ ref("x") }}` naming no block, or one without a number to cite."""


class ComposeError(Exception):
    """A drafted text that cannot be composed, with the data path of its block."""

    def __init__(self, path: Path, cause: Exception):
        super().__init__(str(cause))
        self.path, self.cause = path, cause


@dataclass(frozen=True)
class ComposedHeading:
    level: str
    number: str | None
    html: Markup
    anchor: str
    tag: str
    kind: str = "heading"


@dataclass(frozen=True)
class ComposedList:
    kind: str  # "subparagraphs" | "bullets"
    depth: int
    items: tuple[ComposedItem, ...]


@dataclass(frozen=True)
class ComposedItem:
    label: str
    html: Markup
    anchor: str | None
    lists: tuple[ComposedList, ...] = ()


@dataclass(frozen=True)
class ComposedParagraph:
    number: int | None
    html: Markup
    anchor: str | None = None
    recommendation: bool = False
    lists: tuple[ComposedList, ...] = ()
    kind: str = "paragraph"
    quote: bool = False  # a quoted passage (never numbered)
    label: str = ""  # its number as printed: '5.' ('5 -' in Arabic)


@dataclass(frozen=True)
class ComposedTableNote:
    mark: str
    anchor: str
    html: Markup


@dataclass(frozen=True)
class ComposedTable:
    name: str  # its name in the canonical text: the series' table name or its id
    anchor: str
    number: int | None
    title: Markup | None
    columns: tuple[tuple[Markup, str], ...]  # (heading, alignment)
    rows: tuple[tuple[Markup, ...], ...]
    groups: tuple[tuple[Markup, int], ...] = ()  # the head row over the columns: (heading, span); () if none
    notes: tuple[ComposedTableNote, ...] = ()
    source: Markup | None = None
    kind: str = "table"


@dataclass(frozen=True)
class ComposedFigure:
    anchor: str
    number: str  # "I", "II"
    title: Markup
    description: str  # the alternative text: plain words
    picture: FigureImage
    width_px: int  # how wide it prints, in CSS pixels (picture.print_width_pt; the writers narrow it to the column)
    source: Markup | None = None
    kind: str = "figure"


@dataclass(frozen=True)
class ComposedDraft:
    """A draft resolution or decision the report recommends: its label's number, its title, its
    preamble's paragraphs (never numbered) and its blocks (numbered in its own count)."""

    draft_kind: str  # "resolution" | "decision"
    anchor: str
    number: str  # "I", "II"; "" when it is the only one of its kind
    title: Markup | None
    new_page: bool
    preamble: tuple[ComposedParagraph, ...]
    blocks: tuple[Any, ...]
    kind: str = "draft"


@dataclass(frozen=True)
class ComposedAnnex:
    anchor: str
    number: str  # "I", "II"; "" when it is the only annex
    original_language: str | None
    title: Markup
    blocks: tuple[Any, ...]


@dataclass(frozen=True)
class ComposedMastheadNote:
    place: str  # symbol, agenda, title, author, addendum or contents: where its call stands
    mark: str  # *, **, ***
    anchor: str
    html: Markup
    entry: str | None = None  # on a contents entry: the anchor of the entry's heading or annex


@dataclass(frozen=True)
class ContentsEntry:
    level: str  # a heading level, or "annex"
    number: str
    html: Markup
    paragraphs: str  # "1-3" (with an en dash), "4", or "" for an annex
    anchor: str


@dataclass
class ComposedReport:
    """Everything the report templates print, composed and numbered."""

    masthead_notes: list[ComposedMastheadNote]
    summary: list[ComposedParagraph]
    contents: list[ContentsEntry] | None
    body: list[Any]
    annexes: list[ComposedAnnex]
    numbers: Numbers = field(repr=False)
    transmittal: list[ComposedParagraph] = field(default_factory=list)  # a note's paragraphs, on page 1

    def note_calls(self, place: str, entry: str | None = None) -> list[ComposedMastheadNote]:
        """The masthead notes called at one place of the masthead (or one contents entry)."""
        return [note for note in self.masthead_notes if note.place == place and note.entry == entry]


def reference_function(numbers: Numbers) -> Callable[[str], str]:
    """`ref(id)` for paragraph expressions: the label of the block with that id, as a link."""

    def ref(block_id: Any) -> str:
        target = numbers.targets.get(str(block_id))
        if target is None:
            hint = did_you_mean(str(block_id), numbers.targets)
            advice = "; correct the id, or give the block you mean that id" if hint else \
                f"; give the block 'id: {block_id}'"
            raise UnknownReference(f"ref('{block_id}') names no block{hint}{advice}")
        if not target.label:
            raise UnknownReference(f"ref('{block_id}') names a block without a number to cite (an unnumbered "
                                   "paragraph, heading or table); number it or write the reference out")
        return f"[{target.label}](#{target.anchor})"

    return ref


def expression_context(facts: EditionFacts, numbers: Numbers) -> dict[str, Any]:
    """The names drafted text may use: the edition's facts and `ref`."""
    return {**facts.context(), "ref": reference_function(numbers)}


def table_rows_source(spec: TableSpec, context: dict[str, Any], environment: Any = None) -> list[Any] | None:
    """The facts a table's rows are made from (`rows_from`: a list of facts, or an expression
    over them such as `states|declared("22")`), or None for literal rows; a language version
    evaluates it in its own sandbox, over its own facts."""
    if spec.rows_from is None:
        return None
    value = evaluate_expression(spec.rows_from, context, environment)
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"rows_from: '{spec.rows_from}' is not a list of facts")
    return list(value)


class Composer:
    """Composes one edition's blocks, numbering and marking notes through the document."""

    def __init__(self, facts: EditionFacts, tables: dict[str, TableSpec], environment: Any = None,
                 labels: Labels | None = None, pictures: Callable[[str], FigureImage] | None = None):
        self.edition: Edition = facts.edition
        self.series = facts.series
        self.placeholder = facts.placeholder_symbol or f"A/{self.edition.session}/..."  # a symbol yet to come
        self.tables = tables
        self.labels = labels or original_labels()
        self.pictures = pictures  # a figure's picture by its file name (load_figure over the data folder)
        self.numbers = number_edition(self.edition, tables, self.labels)
        self.context = expression_context(facts, self.numbers)
        self.environment = environment  # the paragraph sandbox of a language version (None: the original's)
        self.cited = cited_ids(self.edition, tables)
        self.inline = InlineContext(self.edition.footnotes, NoteMarks(self.edition.footnote_marks),
                                    anchors=set(self.numbers.anchors.values()))

    # ---- text

    def text(self, source: str, path: Path, inline: InlineContext | None = None, **names: Any) -> Markup:
        """One drafted text: expressions, then inline markup."""
        try:
            rendered = render_paragraph_text(source, {**self.context, **names} if names else self.context,
                                             self.environment, marked=True)
            return markup(rendered, inline or self.inline)
        except EXPRESSION_ERRORS as exc:
            raise ComposeError(path, exc) from None

    def cell(self, source: str | None, path: Path, inline: InlineContext, **names: Any) -> Markup:
        """A table cell's text; an empty cell (null in the data) stays empty."""
        return Markup("") if source is None else self.text(source, path, inline, **names)

    # ---- the report

    def compose(self) -> ComposedReport:
        """The masthead notes, a note's transmittal paragraphs, the summary, body and annexes,
        then the contents list."""
        masthead_notes = self.masthead_notes()
        transmittal = [self.paragraph(block, ("transmittal", i), numbered=False)
                       for i, block in enumerate(self.edition.transmittal)]
        summary = [self.paragraph(block, ("summary", i), numbered=False)
                   for i, block in enumerate(self.edition.summary)]
        body = self.blocks(self.edition.body, ("body",))
        annexes = [self.annex(i) for i in range(len(self.edition.annexes))]
        contents = self.contents() if self.edition.contents else None
        return ComposedReport(masthead_notes, summary, contents, body, annexes, self.numbers, transmittal)

    def masthead_notes(self) -> list[ComposedMastheadNote]:
        """The provisional agenda's note, then the edition's own, marked *, **, *** in the
        order their calls stand in the masthead."""
        notes: list[tuple[str, Markup, str | None]] = []
        listing = self.edition.agenda_listing_shown(self.placeholder)
        if listing:
            kind, symbol = listing
            notes.append(("agenda", Markup.escape(symbol if symbol.endswith(".") else symbol + "."), None))
        plain = self.inline.within(notes_allowed=False)
        for index, note in enumerate(self.edition.masthead_notes):
            path = ("masthead_notes", index, "text")
            notes.append((note.attached_to, self.text(note.text, path, plain), note.entry))
        entries = [entry.anchor for entry in self.numbers.outline]
        notes.sort(key=lambda note: (MASTHEAD_NOTE_PLACES.index(note[0]),
                                     entries.index(note[2]) if note[2] in entries else 0))
        return [ComposedMastheadNote(place, "*" * (i + 1), f"masthead-note-{i + 1}", html, entry)
                for i, (place, html, entry) in enumerate(notes)]

    def blocks(self, blocks: list, at: Path) -> list[Any]:
        composed = []
        for index, block in enumerate(blocks):
            path = at + (index,)
            if isinstance(block, HeadingBlock):
                composed.append(self.heading(block, path))
            elif isinstance(block, ParagraphBlock):
                composed.append(self.paragraph(block, path))
            elif isinstance(block, FigureBlock):
                composed.append(self.figure(block, path))
            elif isinstance(block, DraftBlock):
                composed.append(self.draft(block, path))
            elif isinstance(block, TableBlock):
                table = self.table(block, path)
                if table is not None:
                    composed.append(table)
        return composed

    def heading(self, block: HeadingBlock, path: Path) -> ComposedHeading:
        depth = self.numbers.heading_depth[path]
        return ComposedHeading(block.level, self.numbers.headings.get(path),
                               self.text(block.text, path + (block.key,)),
                               self.numbers.anchors[path], f"h{min(2 + depth, 6)}")

    def paragraph(self, block: ParagraphBlock, path: Path, numbered: bool = True) -> ComposedParagraph:
        html = self.text(block.paragraph, path + ("paragraph",))
        number = self.numbers.paragraphs.get(path) if numbered else None
        return ComposedParagraph(number, html, self.anchor_if_cited(path), block.recommendation,
                                 self.lists(block, path, depth=0), quote=block.quote,
                                 label=self.labels.numbered("paragraph", number) if number else "")

    def lists(self, holder: ParagraphBlock | ListItem, path: Path, depth: int) -> tuple[ComposedList, ...]:
        """The subparagraphs and bullets under a paragraph or an item."""
        lists = []
        for key, kind in (("items", "subparagraphs"), ("bullets", "bullets")):
            items: list[ListItem] = getattr(holder, key) or []
            if items:
                lists.append(ComposedList(kind, depth + 1, tuple(
                    self.item(item, path + (key, i), depth) for i, item in enumerate(items))))
        return tuple(lists)

    def item(self, item: ListItem, path: Path, depth: int) -> ComposedItem:
        return ComposedItem(self.numbers.items[path], self.text(item.text, path + ("text",)),
                            self.anchor_if_cited(path), self.lists(item, path, depth + 1))

    def anchor_if_cited(self, path: Path) -> str | None:
        """A paragraph's or item's id is written into the tree when something cites it: ids
        that only name a block for its translations leave the tree as it was."""
        anchor = self.numbers.anchors.get(path)
        return anchor if anchor in self.cited else None

    def table(self, block: TableBlock, path: Path) -> ComposedTable | None:
        """A table with its rows, or None when its rows come from facts and there are none."""
        spec = block.spec(self.tables)
        if spec is None:
            raise ComposeError(path + ("table",), ValueError(f"no table named '{block.table}'"))
        anchor = self.numbers.anchors[path]
        notes = TableNotes(dict(spec.notes), anchor)
        cells = self.inline.within(table_notes=notes, notes_allowed=True)
        where = path + ("table",)
        try:
            facts = table_rows_source(spec, self.context, self.environment)
        except EXPRESSION_ERRORS as exc:
            raise ComposeError(where + ("rows_from",), exc) from None
        if facts is not None and not facts:
            return None
        columns = [self.text(c.text, where + ("columns", i), cells) for i, c in enumerate(spec.columns)]
        groups, first = [], 0
        for heading, span in spec.column_groups:
            groups.append((self.text(heading, where + ("columns", first, "group"), cells) if heading else Markup(""),
                           span))
            first += span
        if facts is None:
            rows = [tuple(self.cell(cell, where + ("rows", r, c), cells) for c, cell in enumerate(row))
                    for r, row in enumerate(spec.rows or [])]
        else:
            rows = [tuple(self.cell(cell, where + ("row", c), cells, row=fact) for c, cell in enumerate(spec.row or []))
                    for fact in facts]
        aligns = [c.align or _alignment(rows, i) for i, c in enumerate(spec.columns)]
        plain = self.inline.within(notes_allowed=False)
        table_notes = tuple(ComposedTableNote(mark, notes.note_id(mark),
                                              self.text(spec.notes[label], where + ("notes", label), plain))
                            for label, mark in notes.marks.items())
        return ComposedTable(
            name=block.name,
            anchor=anchor, number=self.numbers.tables.get(path),
            title=self.text(spec.title, where + ("title",)) if spec.title else None,
            columns=tuple(zip(columns, aligns)), rows=tuple(rows), groups=tuple(groups), notes=table_notes,
            source=self.text(spec.source, where + ("source",), plain) if spec.source else None)

    def figure(self, block: FigureBlock, path: Path) -> ComposedFigure:
        """A figure: its number and title, its picture with its description, its source."""
        spec, where = block.figure, path + ("figure",)
        if self.pictures is None:
            raise ComposeError(where + ("image",), ValueError("figures are composed with their pictures"))
        try:
            picture = self.pictures(spec.image)
        except FigureError as exc:
            raise ComposeError(where + ("image",), exc) from None
        plain = self.inline.within(notes_allowed=False)
        description = Markup(self.text(spec.description, where + ("description",), plain)).striptags()
        return ComposedFigure(self.numbers.anchors[path], self.numbers.figures[path],
                              self.text(spec.title, where + ("title",)), " ".join(description.split()), picture,
                              max(1, round(picture.print_width_pt / 72 * CSS_PX_PER_INCH)),
                              self.text(spec.source, where + ("source",), plain) if spec.source else None)

    def draft(self, block: DraftBlock, path: Path) -> ComposedDraft:
        """A draft: its title, its preamble's paragraphs, its own blocks."""
        spec, where = block.spec, path + (block.key,)
        return ComposedDraft(block.kind, self.numbers.anchors[path], self.numbers.drafts[path],
                             self.text(spec.title, where + ("title",)) if spec.title else None, spec.new_page,
                             tuple(self.paragraph(p, where + ("preamble", i), numbered=False)
                                   for i, p in enumerate(spec.preamble)),
                             tuple(self.blocks(spec.body, where + ("body",))))

    def annex(self, index: int) -> ComposedAnnex:
        annex = self.edition.annexes[index]
        path = ("annexes", index)
        return ComposedAnnex(self.numbers.anchors[path], self.numbers.annexes[index], annex.original_language,
                             self.text(annex.title, path + ("title",)),
                             tuple(self.blocks(annex.body, path + ("body",))))

    def contents(self) -> list[ContentsEntry]:
        """Chapters, sections and annexes with their paragraph ranges (pages come from the layout)."""
        entries = []
        quiet = self.inline.within(notes_allowed=False, marks=NoteMarks())
        for entry in self.numbers.outline:
            if not entry.in_contents:
                continue
            text_path = entry.path + (entry.text_key,)
            html = self.text(_without_notes(entry.text), text_path, quiet)
            span = ""
            if entry.first_paragraph is not None:
                span = str(entry.first_paragraph) if entry.first_paragraph == entry.last_paragraph else \
                    f"{entry.first_paragraph}\u2013{entry.last_paragraph}"
            entries.append(ContentsEntry(entry.level, entry.number, html, span, entry.anchor))
        return entries


def _without_notes(text: str) -> str:
    """A heading's text without its footnote calls (a contents entry does not repeat them)."""
    return re.sub(r"\[\^[^\]]+\]|\^\[[^\]]*\]", "", text)


def _alignment(rows: list[tuple[Markup, ...]], column: int) -> str:
    """Right for a column of numbers, left otherwise."""
    cells = [Markup(row[column]).striptags() for row in rows if column < len(row)]
    filled = [c for c in cells if c.strip() and not NIL_CELL.match(c.strip())]
    return "right" if filled and all(NUMERIC_CELL.match(c) for c in filled) else "left"


CITATION = re.compile(r"""ref\(\s*\\?["']([a-z][a-z0-9-]*)\\?["']\s*\)|\(#([a-z][a-z0-9-]*)\)""")


def cited_ids(edition: Edition, tables: dict[str, TableSpec]) -> set[str]:
    """The ids some text of the edition cites, by `ref("id")` or a `(#id)` link."""
    texts = edition.model_dump_json() + "".join(spec.model_dump_json() for spec in tables.values())
    return {a or b for a, b in CITATION.findall(texts)}


def compose_blocks(facts: EditionFacts, tables: dict[str, TableSpec], environment: Any = None,
                   labels: Labels | None = None, pictures: Callable[[str], FigureImage] | None = None) -> ComposedReport:
    """An edition's blocks, composed (in a language version's sandbox and with its labels when
    one is given; its figures' pictures from `pictures`)."""
    return Composer(facts, tables, environment, labels, pictures).compose()



@dataclass(frozen=True)
class DraftedText:
    """One text the drafter wrote, where it stands in the data, and the extra names it sees
    (a table row template sees `row`)."""

    path: Path
    source: str
    names: tuple[tuple[str, Any], ...] = ()
    kind: str = "text"  # "paragraph", "heading", "item", "cell", "note", "title", "description"
    table_notes: tuple[str, ...] = ()  # the labels of the table notes a cell may call


def drafted_texts(edition: Edition, tables: dict[str, TableSpec], context: dict[str, Any]) -> list[DraftedText]:
    """Every text of an edition that goes through the sandbox and inline markup, in document
    order (a named table's texts are the series', shown at the block that uses it)."""
    texts = [DraftedText(("masthead_notes", i, "text"), note.text, kind="note")
             for i, note in enumerate(edition.masthead_notes)]
    for key in UNNUMBERED_PARTS:
        for i, block in enumerate(getattr(edition, key)):
            texts += _paragraph_texts(block, (key, i))
    texts += _block_texts(edition.body, ("body",), tables, context)
    for i, annex in enumerate(edition.annexes):
        texts.append(DraftedText(("annexes", i, "title"), annex.title, kind="title"))
        texts += _block_texts(annex.body, ("annexes", i, "body"), tables, context)
    return texts


def _block_texts(blocks: list, at: Path, tables: dict[str, TableSpec], context: dict[str, Any]) -> list[DraftedText]:
    texts: list[DraftedText] = []
    for index, block in enumerate(blocks):
        path = at + (index,)
        if isinstance(block, HeadingBlock):
            texts.append(DraftedText(path + (block.key,), block.text, kind="heading"))
        elif isinstance(block, ParagraphBlock):
            texts += _paragraph_texts(block, path)
        elif isinstance(block, TableBlock):
            spec = block.spec(tables)
            if spec is not None:
                texts += _table_texts(spec, path + ("table",), context)
        elif isinstance(block, FigureBlock):
            where = path + ("figure",)
            texts += [DraftedText(where + ("title",), block.figure.title, kind="title"),
                      DraftedText(where + ("description",), block.figure.description, kind="description")]
            if block.figure.source:
                texts.append(DraftedText(where + ("source",), block.figure.source, kind="note"))
        elif isinstance(block, DraftBlock):
            where = path + (block.key,)
            if block.spec.title:
                texts.append(DraftedText(where + ("title",), block.spec.title, kind="title"))
            for i, paragraph in enumerate(block.spec.preamble):
                texts += _paragraph_texts(paragraph, where + ("preamble", i))
            texts += _block_texts(block.spec.body, where + ("body",), tables, context)
    return texts


def _paragraph_texts(block: ParagraphBlock | ListItem, path: Path) -> list[DraftedText]:
    if isinstance(block, ParagraphBlock):
        texts = [DraftedText(path + ("paragraph",), block.paragraph, kind="paragraph")]
    else:
        texts = [DraftedText(path + ("text",), block.text, kind="item")]
    for key in ("items", "bullets"):
        for i, item in enumerate(getattr(block, key) or []):
            texts += _paragraph_texts(item, path + (key, i))
    return texts


def _table_texts(spec: TableSpec, where: Path, context: dict[str, Any]) -> list[DraftedText]:
    texts = [DraftedText(where + ("title",), spec.title, kind="title")] if spec.title else []
    notes = tuple(spec.notes)
    texts += [DraftedText(where + ("columns", i), c.text, kind="cell", table_notes=notes)
              for i, c in enumerate(spec.columns)]
    texts += [DraftedText(where + ("columns", i, "group"), c.group, kind="cell", table_notes=notes)
              for i, c in enumerate(spec.columns) if c.group and (i == 0 or spec.columns[i - 1].group != c.group)]
    for r, row in enumerate(spec.rows or []):
        texts += [DraftedText(where + ("rows", r, c), cell, kind="cell", table_notes=notes)
                  for c, cell in enumerate(row) if cell is not None]
    try:
        facts = table_rows_source(spec, context) or []
    except EXPRESSION_ERRORS:
        facts = []  # validation reports the rows_from itself
    for fact in facts:
        texts += [DraftedText(where + ("row", c), cell, (("row", fact),), kind="cell", table_notes=notes)
                  for c, cell in enumerate(spec.row or []) if cell is not None]
    texts += [DraftedText(where + ("notes", label), text, kind="note") for label, text in spec.notes.items()]
    if spec.source:
        texts.append(DraftedText(where + ("source",), spec.source, kind="note"))
    return texts
