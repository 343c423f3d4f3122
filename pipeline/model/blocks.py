"""The blocks a report is written in: headings, paragraphs (with subparagraphs or bullets),
tables and figures. An edition's body, its summary and each annex are lists of these; the pipeline numbers
them, the drafter never types a number."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Discriminator, Field, StrictBool, Tag, model_validator
from pydantic_core import PydanticCustomError

from pipeline.model.common import BlockId, FileName, NonEmpty, Strict, WholeNumber, block_id_field, plain_name

# The heading levels of the UN Editorial Manual, outermost first, as data keys
# (part: "Part one"; chapter: I.; section: A.; subsection: 1.; then (a), (i), a.).
HEADING_KEYS = ("part", "chapter", "section", "subsection", "third_degree", "fourth_degree", "fifth_degree")


def _text_item(value: Any) -> Any:
    """A list item given as plain text is an item with that text."""
    return {"text": value} if isinstance(value, str) else value


class ListItem(Strict):
    """One subparagraph or bullet: its text, and perhaps a nested list."""

    text: NonEmpty
    id: BlockId | None = block_id_field()
    items: list[Item] | None = Field(None, min_length=1)
    bullets: list[Item] | None = Field(None, min_length=1)


Item = Annotated[ListItem, BeforeValidator(_text_item)]
ListItem.model_rebuild()


def given_number() -> Any:
    """`number:` on a block: the number it bears in the real document, for a reproduction whose
    earlier blocks are out of reach (paragraph 60 first reached after paragraph 2); the count
    goes on from it. Validation refuses one that does not go forward."""
    return Field(None, gt=0, description="the number the block bears in the real document", examples=[60])


def _paragraph_range(value: object) -> object:
    """`stands_for: 2-4` (or `5`): the first and last paragraph numbers a placeholder stands for."""
    if isinstance(value, bool):
        raise PydanticCustomError("yes_no_number", "must be paragraph numbers like 2-4 or 5, not a yes/no value")
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, (tuple, list)) and len(value) == 2 and all(type(v) is int for v in value):
        value = f"{value[0]}-{value[1]}"  # the range as the model holds it (a language version re-reads it)
    match = re.fullmatch(r"\s*(\d+)\s*(?:[-\u2013]\s*(\d+)\s*)?", value) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError("paragraph_range", "must be the paragraph numbers it stands for, like 2-4 or 5")
    first, last = int(match[1]), int(match[2] or match[1])
    if first < 1 or last < first:
        raise PydanticCustomError("paragraph_range", "must run forward from paragraph 1 or later, like 2-4, not "
                                  "{value}", {"value": value.strip()})
    return (first, last)


ParagraphRange = Annotated[tuple[int, int], BeforeValidator(_paragraph_range)]


def _number_needs_numbered(block: Any) -> Any:
    if block.number is not None and not block.numbered:
        raise PydanticCustomError("number_unnumbered", "a block with 'numbered: false' takes no 'number:'; remove one")
    return block


class ParagraphBlock(Strict):
    """A paragraph: numbered unless `numbered: false`; bold when it is a recommendation; with
    subparagraphs (a), (b) under `items:` or bullets under `bullets:`."""

    paragraph: NonEmpty
    id: BlockId | None = block_id_field()
    numbered: StrictBool = True
    number: WholeNumber | None = given_number()
    # a placeholder for paragraphs out of reach: the count runs on past them, the contents list
    # counts them in its chapter's paragraphs
    stands_for: ParagraphRange | None = Field(
        None, description="the paragraphs of the real report an unnumbered placeholder stands for", examples=["2-4"])
    recommendation: StrictBool = False
    quote: StrictBool = False  # a passage quoted from another text: indented, and never numbered
    items: list[Item] | None = Field(None, min_length=1)
    bullets: list[Item] | None = Field(None, min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _quotes_take_no_number(cls, data: Any) -> Any:
        """A quotation is not numbered: `quote: true` means `numbered: false` unless it says
        otherwise, and then it is an error."""
        if isinstance(data, dict) and data.get("quote") is True:
            if data.get("numbered") is True:
                raise PydanticCustomError("quote_numbered", "a quoted passage takes no number; remove 'numbered: true'")
            if data.get("recommendation") is True or data.get("items") or data.get("bullets"):
                raise PydanticCustomError("quote_kind", "a quoted passage is neither a recommendation nor a list "
                                                        "holder; make it a paragraph of its own")
            if data.get("number") is not None:
                raise PydanticCustomError("quote_numbered", "a quoted passage takes no number; remove 'number:'")
            data = {**data, "numbered": False}
        return data

    @model_validator(mode="after")
    def _number_if_numbered(self) -> ParagraphBlock:
        if self.stands_for is not None and (self.numbered or self.quote):
            raise PydanticCustomError("stands_for_numbered", "'stands_for:' goes on a placeholder with 'numbered: "
                                      "false' (a line saying the paragraphs are not available); add it or remove "
                                      "'stands_for:'")
        return _number_needs_numbered(self)

    @property
    def text(self) -> str:
        return self.paragraph


class HeadingBlock(Strict):
    """A heading at one level of the Editorial Manual, numbered by the pipeline unless
    `numbered: false`."""

    part: NonEmpty | None = None
    chapter: NonEmpty | None = None
    section: NonEmpty | None = None
    subsection: NonEmpty | None = None
    third_degree: NonEmpty | None = None
    fourth_degree: NonEmpty | None = None
    fifth_degree: NonEmpty | None = None
    id: BlockId | None = block_id_field()
    numbered: StrictBool = True
    number: WholeNumber | None = given_number()  # 8 for chapter VIII, 2 for section B.

    @model_validator(mode="after")
    def _one_level(self) -> HeadingBlock:
        given = [key for key in HEADING_KEYS if getattr(self, key) is not None]
        if len(given) != 1:
            raise PydanticCustomError("heading_levels", "a heading has one level, not {levels}; make separate blocks",
                                      {"levels": " and ".join(given)})
        return _number_needs_numbered(self)

    @property
    def key(self) -> str:
        """'chapter', 'third_degree', ...: the data key that holds the heading's text."""
        return next(key for key in HEADING_KEYS if getattr(self, key) is not None)

    @property
    def level(self) -> str:
        """'chapter', 'third-degree', ...: the level as the tree names it."""
        return self.key.replace("_", "-")

    @property
    def text(self) -> str:
        return getattr(self, self.key)


def _column(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Column(Strict):
    """A table column: its heading, and its alignment (default: right when every cell is a number)."""

    text: NonEmpty
    align: Literal["left", "right", "center"] | None = None
    # a heading over several neighbouring columns ("2011" over "Women | Men | Percentage"):
    # the columns that share it say so; it prints in a head row of its own, across them
    group: NonEmpty | None = None


def _cell(value: Any) -> Any:
    """Numbers in a table row print as written ("2007")."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


# A cell's text; null (~) leaves the cell empty, as a table shows where there is nothing to say.
Cell = Annotated[NonEmpty | None, BeforeValidator(_cell)]


class TableSpec(Strict):
    """A general table: columns, and rows given in the data (`rows`) or made from a list of
    facts (`rows_from` with a `row` of cell texts that use `row`); numbered and titled when it
    has a `title`; lettered notes called in cells as [^a]; a source line."""

    id: BlockId | None = block_id_field()
    title: NonEmpty | None = None
    columns: list[Annotated[Column, BeforeValidator(_column)]] = Field(min_length=1)
    rows: list[list[Cell]] | None = None
    rows_from: NonEmpty | None = None
    row: list[Cell] | None = None
    notes: dict[str, NonEmpty] = {}
    source: NonEmpty | None = None

    @property
    def column_groups(self) -> list[tuple[str | None, int]]:
        """The head row over the columns: (group heading or None, how many columns it spans),
        left to right; [] when no column has a group."""
        if not any(column.group for column in self.columns):
            return []
        spans: list[tuple[str | None, int]] = []
        for column in self.columns:
            if spans and column.group is not None and spans[-1][0] == column.group:
                spans[-1] = (column.group, spans[-1][1] + 1)
            else:
                spans.append((column.group, 1))
        return spans


def _table_form(value: Any) -> str:
    return "name" if isinstance(value, str) else "spec"


TableName = Annotated[FileName, plain_name("committee-members")]


class TableBlock(Strict):
    """A table: the name of one the series defines, or the table itself."""

    table: Annotated[Union[Annotated[TableName, Tag("name")], Annotated[TableSpec, Tag("spec")]],
                     Discriminator(_table_form)]

    def spec(self, tables: dict[str, TableSpec]) -> TableSpec | None:
        """The table shown: its own, or the one of the series' `tables` it names (None if unknown)."""
        return tables.get(self.table) if isinstance(self.table, str) else self.table

    @property
    def name(self) -> str:
        """The series' table it names, or its own table's id ('' when it has none)."""
        return self.table if isinstance(self.table, str) else (self.table.id or "")


FigureFileName = Annotated[FileName, plain_name("prevalence.png")]


class FigureSpec(Strict):
    """A figure: a picture (a PNG or JPEG file in data/figures/), numbered 'Figure I', 'Figure
    II' through the document with its title above it; what it shows in words for readers who
    cannot see it (`description`, its alternative text); a source line under it."""

    id: BlockId | None = block_id_field()
    title: NonEmpty
    image: FigureFileName
    description: NonEmpty = Field(description="what the figure shows, in words: its alternative text for "
                                               "screen readers and in the canonical text",
                                   examples=["Bar chart: prevalence fell from 49 to 37 per cent between 2000 "
                                             "and 2015"])
    source: NonEmpty | None = None


class FigureBlock(Strict):
    """A figure in the flow of the report."""

    figure: FigureSpec


# The keys of a draft the report recommends for adoption, and the kind each names.
DRAFT_KEYS = {"draft_resolution": "resolution", "draft_decision": "decision"}

# The key that names a block's kind (checked in this order when a block has two).
BLOCK_KEYS = {"paragraph": "paragraph", **{key: "heading" for key in HEADING_KEYS}, "table": "table",
              "figure": "figure", **{key: "draft" for key in DRAFT_KEYS}}


def block_kind(value: object) -> str | None:
    """Which kind of block a raw mapping is, by its keys."""
    if isinstance(value, dict):
        return next((kind for key, kind in BLOCK_KEYS.items() if key in value), None)
    for kind, model in (("paragraph", ParagraphBlock), ("heading", HeadingBlock), ("table", TableBlock),
                        ("figure", FigureBlock), ("draft", DraftBlock)):
        if isinstance(value, model):
            return kind
    return None


# The blocks a draft's body holds: any block but another draft (a heading is taken here so that
# validation can say where it stands: validate/rules/blocks.py check_drafts).
DraftBodyBlock = Annotated[
    Union[Annotated[ParagraphBlock, Tag("paragraph")], Annotated[HeadingBlock, Tag("heading")],
          Annotated[TableBlock, Tag("table")], Annotated[FigureBlock, Tag("figure")]],
    Discriminator(block_kind),
]


def _preamble_paragraph(value: Any) -> Any:
    """A preamble holds paragraphs alone: anything else is told in the drafter's words."""
    if isinstance(value, dict) and "paragraph" not in value:
        raise PydanticCustomError("preamble_paragraphs", "a draft's preamble holds paragraphs only ('- paragraph: "
                                  "...'); put tables, figures and lists in its 'body:'")
    return value


class DraftSpec(Strict):
    """A draft resolution or decision the report recommends for adoption: its label ("Draft
    resolution I") is the pipeline's; its title, its preamble (paragraphs, never numbered) and
    its body, whose paragraphs are numbered 1, 2 ... in the draft's own count."""

    id: BlockId | None = block_id_field()
    title: NonEmpty | None = None
    new_page: StrictBool = False  # the draft starts a new page
    preamble: list[Annotated[ParagraphBlock, BeforeValidator(_preamble_paragraph)]] = []
    body: list[DraftBodyBlock]

    @model_validator(mode="before")
    @classmethod
    def _has_a_body(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("body"):
            raise PydanticCustomError("draft_body", "a draft resolution or decision needs its text: give it a "
                                      "'body:' with at least one paragraph")
        return data


class DraftBlock(Strict):
    """`draft_resolution:` or `draft_decision:` in a body or an annex's body."""

    draft_resolution: DraftSpec | None = None
    draft_decision: DraftSpec | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> DraftBlock:
        if (self.draft_resolution is None) == (self.draft_decision is None):
            raise PydanticCustomError("draft_kinds", "a draft is a resolution or a decision, not both; make two blocks")
        return self

    @property
    def key(self) -> str:
        """'draft_resolution' or 'draft_decision': the data key that holds the draft."""
        return "draft_resolution" if self.draft_resolution is not None else "draft_decision"

    @property
    def kind(self) -> str:
        """'resolution' or 'decision'."""
        return DRAFT_KEYS[self.key]

    @property
    def spec(self) -> DraftSpec:
        """The draft itself, under whichever key it is written."""
        return self.draft_resolution or self.draft_decision  # type: ignore[return-value]

    @property
    def id(self) -> str | None:
        """The draft's id (for ref() and for the language versions' title)."""
        return self.spec.id

    @property
    def text(self) -> str:
        """Its title, the one text of its own a translation gives by its id ('' without one)."""
        return self.spec.title or ""


Block = Annotated[
    Union[Annotated[ParagraphBlock, Tag("paragraph")], Annotated[HeadingBlock, Tag("heading")],
          Annotated[TableBlock, Tag("table")], Annotated[FigureBlock, Tag("figure")],
          Annotated[DraftBlock, Tag("draft")]],
    Discriminator(block_kind),
]


def draft_lists(blocks: list, at: tuple) -> list[tuple[tuple, list]]:
    """The lists of blocks inside the drafts of a list of blocks, with their data paths: each
    draft's preamble, then its body."""
    found: list[tuple[tuple, list]] = []
    for index, block in enumerate(blocks):
        if isinstance(block, DraftBlock):
            where = at + (index, block.key)
            found += [(where + ("preamble",), list(block.spec.preamble)), (where + ("body",), list(block.spec.body))]
    return found
