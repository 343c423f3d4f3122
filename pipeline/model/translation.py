"""A language version of an edition: data/sessions/<session>/<series>.<language>.yaml.

The original (English) edition is written once. A translation file gives the translated
masthead fields and, for each block of the original by its `id`, the translated text and
the hash of the original text it translates (`source_hash`), so that validation can say
which translated paragraphs are stale once the original changes.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from pipeline.model.blocks import Cell
from pipeline.model.common import JOB_NUMBER, BlockId, NonEmpty, Strict

HASH_LENGTH = 12
SourceHash = Annotated[str, StringConstraints(strip_whitespace=True, pattern=rf"^[0-9a-f]{{{HASH_LENGTH}}}$")]


def source_hash(text: str) -> str:
    """The hash a translation records of the original text it translates (whitespace-insensitive,
    so re-wrapping a folded paragraph does not make its translations stale)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:HASH_LENGTH]


class TranslatedBlock(Strict):
    """The translation of one block of the original."""

    text: NonEmpty
    source_hash: SourceHash = Field(description="the hash of the original text this translates (12 hex digits)")
    stale: bool = False  # set by `unreport new-edition` when the original's text changed


class TranslatedTable(Strict):
    """A table's translated texts, by the series' table name or the table's id: its column
    headings (in order), title, the texts of its written-out rows (cells of figures alone stay
    as they are), notes (by label) and source (rows made from facts are computed in each
    language)."""

    columns: list[NonEmpty] = []
    groups: list[NonEmpty] = []  # the headings over groups of columns, left to right
    rows: list[list[Cell]] = []  # a table written out in the edition: its rows' texts, cell by cell
    title: NonEmpty | None = None
    notes: dict[str, NonEmpty] = {}
    source: NonEmpty | None = None


class TranslatedFigure(Strict):
    """A figure's translated texts, by its id: its title, its description (the alternative text)
    and its source line (the picture is the same in every version)."""

    title: NonEmpty | None = None
    description: NonEmpty | None = None
    source: NonEmpty | None = None


class Translation(Strict):
    """One language version of an edition."""

    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    status: Literal["official", "unofficial"] = Field(
        description="'official' for the UN's own text (say where it comes from in `source`), "
                    "'unofficial' for a translation of our own")
    source: NonEmpty | None = None
    job_number: Annotated[str, StringConstraints(pattern=JOB_NUMBER)] | None = None
    title: NonEmpty
    # the hash of the English title this title translates (the edition's own, or the series'):
    # validation says when the English title changed since
    title_source_hash: SourceHash | None = None
    # the agenda item's title; a list, one title each, for a report issued under several items
    agenda_title: NonEmpty | list[NonEmpty] | None = None
    transmitted_title: NonEmpty | None = None  # the transmitted report's title, for a note that transmits one
    addendum_title: NonEmpty | None = None  # an addendum's own title
    author: NonEmpty | None = None  # the edition's own author line, where it gives one
    tables: dict[str, TranslatedTable] = {}
    figures: dict[BlockId, TranslatedFigure] = {}  # by the figure's id
    translations: dict[BlockId, TranslatedBlock] = {}  # paragraphs, headings, list items, annex titles,
    # masthead notes
    footnotes: dict[str, TranslatedBlock] = {}  # by the original's footnote label
