"""An edition: one report of a series for one session, written as data."""

from __future__ import annotations

from typing import Annotated, Literal, Union, get_args

from pydantic import (BeforeValidator, Discriminator, Field, PrivateAttr, StrictBool, StringConstraints, Tag,
                      model_validator)
from pydantic_core import PydanticCustomError

from pipeline.model.blocks import Block, DraftBlock, ParagraphBlock, draft_lists
from pipeline.model.common import JOB_NUMBER, LAST_YEAR, BlockId, Day, FileName, NonEmpty, Strict, WholeNumber, block_id_field, plain_name


# Page 1 sets an agenda item's title in a wider measure in recent documents than in the 2004
# reference (185 pt): A/HRC/23/28 (March 2013, right-docs.org) sets lines of 242 and 254 pt,
# A/HRC/34/52 (2017) and E/2019/68 (2019) lines of up to 257 pt, and E/2019/68's breaks put the
# measure under 272.6 pt (writers set 264 pt). The year of the change is not known: 2013 is the
# earliest seen, so editions from that year take the wide measure.
WIDE_AGENDA_TITLES_FROM = 2013


class AgendaItem(Strict):
    """The agenda item the report is issued under.

    A new edition starts with `todo` set and `item` and `provisional_agenda` empty: the agenda
    of the next session is not known when it is drafted. Validation flags it until filled in.
    """

    todo: NonEmpty | None = None  # what the drafter still has to fill in; delete it when done
    item: WholeNumber | None = Field(default=None, gt=0)
    sub_item: Annotated[str, StringConstraints(pattern=r"^[a-z]$")] | None = Field(
        None, description="a single lower-case letter", examples=["a"])
    title: NonEmpty
    provisional_agenda: NonEmpty | None = None  # symbol of the provisional agenda; None once adopted
    # symbol of the preliminary list of items, for a report issued before the provisional
    # agenda (A/66/96 of June 2011: "Item 110 of the preliminary list*", "* A/66/50.")
    preliminary_list: NonEmpty | None = None

    @property
    def is_filled_in(self) -> bool:
        return self.todo is None and self.item is not None

    @property
    def label(self) -> str:
        """'107 (a)', '107', or '...' while the item number is not yet filled in."""
        number = "..." if self.item is None else str(self.item)
        return f"{number} ({self.sub_item})" if self.sub_item else number


def _one_or_more_names(value: object) -> object:
    """A name, or a list of names: anything else is told as a name's mistake (one message, not
    one per form)."""
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("no_names", "an empty name names no language: write the language (English)")
    if isinstance(value, list) and not value:
        raise PydanticCustomError("no_names", "an empty list names no language: write the language (English), or "
                                              "the list of them ([English, French])")
    if isinstance(value, (str, list)):
        return value
    raise PydanticCustomError("string_type", "Input should be a valid string")


def _contents_form(value: object) -> object:
    """`contents:` is true, false or "pages": one message for anything else."""
    if value is True or value is False or value == "pages":
        return value
    raise PydanticCustomError("contents_form", "must be true (paragraphs and pages), pages (pages alone) or false, "
                                               "not {value}", {"value": repr(value) if isinstance(value, str) else str(value)})


def _agenda_form(value: object) -> str:
    """One agenda item (a mapping) or several (a list): which shape to check the value against."""
    return "several" if isinstance(value, list) else "one"


class SessionDates(Strict):
    """The days a session opens and closes, as the masthead prints them under the session
    ("9-20 March 2015", "21 July 2014-22 July 2015")."""

    opens: Day
    closes: Day

    @model_validator(mode="after")
    def _closes_after_it_opens(self) -> SessionDates:
        if self.closes < self.opens:
            raise PydanticCustomError("session_dates", "the session closes ({closes}) before it opens ({opens})",
                                      {"closes": str(self.closes), "opens": str(self.opens)})
        return self


# The titles an edition's masthead may print besides the series' own, each printed as written:
# key -> what it is, in messages.
PRINTED_TITLES = {"title": "the edition's title", "author": "the edition's author line",
                  "addendum_title": "the addendum's title", "transmitted_title": "the transmitted report's title"}

# The edition's lists of paragraphs that take no number, in document order: a note's
# transmittal paragraphs and the summary (the body and the annexes come after them).
UNNUMBERED_PARTS = ("transmittal", "summary")

# Where a masthead note's mark may stand, in the order the masthead prints them (their marks
# *, **, *** follow this order).
MastheadPlace = Literal["symbol", "agenda", "title", "author", "addendum", "contents"]
MASTHEAD_NOTE_PLACES: tuple[str, ...] = get_args(MastheadPlace)


class MastheadNote(Strict):
    """A further masthead note (*, **, ***): on the symbol ("S/2016/949*": a reissue's note), the
    agenda item, the title, the author line, or an entry of a contents list on page 1."""

    attached_to: MastheadPlace
    text: NonEmpty
    # attached_to: contents: the id of the heading (or annex) whose contents entry carries the
    # mark (E/CN.6/1998/2: "E. Joint work plan ...**", "** See E/CN.6/1998/2/Add.1.")
    entry: BlockId | None = None
    id: BlockId | None = block_id_field()  # names the note for its translations


class Annex(Strict):
    """An annex: from a new page, with its title, its original language when it differs, and
    its own blocks (its paragraphs numbered from 1)."""

    id: BlockId | None = block_id_field()
    title: NonEmpty
    original_language: NonEmpty | None = None
    body: list[Block] = Field(min_length=1)


class Edition(Strict):
    """One report of a series for one session."""

    series: FileName = plain_name("cmw-status")
    # the session's number, or its year for an organ whose sessions are years (the Economic and
    # Social Council's "2015 session") or that has none (the Security Council: the year of the date)
    session: WholeNumber = Field(gt=0, lt=LAST_YEAR)
    previous: WholeNumber | None = Field(default=None, gt=0, lt=LAST_YEAR)  # session of the edition this one follows
    # the days the session opens and closes, for an organ whose mastheads print them (organs.yaml)
    session_dates: SessionDates | None = None
    symbol: NonEmpty | None = None  # None: not yet assigned, the edition is a draft
    date: Day
    # the day the facts are counted as at; a series that declares no facts may leave it out (it is
    # then the document date: `as_at_given` says which), one that declares facts must give it
    as_at: Day | None = None
    distribution: Literal["General", "Limited", "Restricted"] = "General"
    # the language the document was written in, or several ("Original: English/French/Spanish")
    original_language: Annotated[NonEmpty | list[NonEmpty], BeforeValidator(_one_or_more_names)] = "English"
    place: Literal["New York", "Geneva"] = "New York"
    job_number: Annotated[str, StringConstraints(pattern=JOB_NUMBER)] | None = Field(
        None, description="a job number (year-serial, language letter, then the date(s) as printed, if any)",
        examples=["04-39651 (E) 300704' or 'GE.18-15291(E)"])
    # One agenda item, or a list of them for a report issued under several ("Items 28 (a) and 134
    # of the provisional agenda"): read `agenda_items`, which is always a list.
    agenda: Annotated[Union[Annotated[AgendaItem, Tag("one")],
                            Annotated[list[AgendaItem], Field(min_length=1), Tag("several")]],
                      Discriminator(_agenda_form)] | None = None
    masthead_notes: list[MastheadNote] = []
    # A note transmitting another author's report ("The Secretary-General has the honour to
    # transmit ..."): the note's paragraphs, printed on page 1 under the author line; the
    # transmitted report's own title opens page 2, then its summary, contents and chapters.
    # this edition's own title, where it is not the series' (E/2019/68: "Special edition: progress
    # towards the Sustainable Development Goals", in a series titled "Progress towards ...")
    title: NonEmpty | None = None
    # this edition's own author line, where it is not the series' (a Main Committee's report names
    # the session's rapporteur: A/62/604, "Rapporteur: Mr. Steven Ssenabulya Nkayivu (Uganda)")
    author: NonEmpty | None = None
    # an addendum (symbol .../Add.2) prints "Addendum" under the author line, then its own title
    addendum_title: NonEmpty | None = None
    transmittal: list[ParagraphBlock] = []
    transmitted_title: NonEmpty | None = None
    summary: list[ParagraphBlock] = []
    # a contents list after the summary: true (with each entry's paragraphs and page, as reports
    # printed them until the 2010s), "pages" (the page alone, as later reports print it)
    contents: Annotated[bool | str, BeforeValidator(_contents_form)] = False
    # the contents list on page 1, under the title (and the summary), as reports printed it in
    # the 1990s (E/CN.6/1998/2); by default it opens page 2
    contents_on_page_one: bool = False
    footnotes: dict[str, NonEmpty] = {}
    footnote_marks: Literal["numbers", "letters"] = "numbers"
    body: list[Block] = Field(min_length=1)
    annexes: list[Annex] = []

    @property
    def agenda_items(self) -> list[AgendaItem]:
        """The agenda items the report is issued under, in the order printed (none, one or more)."""
        if self.agenda is None:
            return []
        return list(self.agenda) if isinstance(self.agenda, list) else [self.agenda]

    @property
    def agenda_title_measure(self) -> Literal["wide", "narrow"]:
        """How wide page 1 sets the agenda items' titles: 'wide' from WIDE_AGENDA_TITLES_FROM on."""
        return "wide" if self.date.year >= WIDE_AGENDA_TITLES_FROM else "narrow"

    _as_at_given: bool = PrivateAttr(True)

    @model_validator(mode="after")
    def _as_at_defaults_to_the_date(self) -> Edition:
        """An edition without `as_at` counts its facts as at its date (check_dates says when a
        series with facts must give it)."""
        if self.as_at is None:
            object.__setattr__(self, "as_at", self.date)  # frozen: set once, while validating
            self._as_at_given = False
        return self

    @property
    def as_at_given(self) -> bool:
        """Whether the edition says its `as_at` (or takes its date)."""
        return self._as_at_given

    @property
    def is_draft(self) -> bool:
        return self.symbol is None

    def block_lists(self) -> list[tuple[tuple[str | int, ...], list]]:
        """Every list of blocks with its data path, in document order: the note's paragraphs,
        the summary, the body, each annex's body; each list followed by the lists inside its
        drafts (a draft's preamble, then its body: ("body", 7, "draft_decision", "body"))."""
        lists = [((key,), getattr(self, key)) for key in UNNUMBERED_PARTS]
        for at, blocks in self.numbered_lists():
            lists += [(at, blocks)] + draft_lists(blocks, at)
        return lists

    def numbered_lists(self) -> list[tuple[tuple[str | int, ...], list]]:
        """The lists of blocks whose paragraphs are numbered, with their data paths: the body,
        then each annex's body (the lists inside their drafts aside)."""
        return [(("body",), self.body)] + [(("annexes", i, "body"), a.body) for i, a in enumerate(self.annexes)]

    def drafts(self) -> list[tuple[tuple[str | int, ...], DraftBlock]]:
        """Every draft resolution or decision with its data path, in document order (the
        body's, then each annex's)."""
        return [(at + (index,), block) for at, blocks in self.numbered_lists() for index, block in enumerate(blocks)
                if isinstance(block, DraftBlock)]

    @property
    def is_addendum(self) -> bool:
        """An addendum ('A/HRC/26/37/Add.2'), or a draft that gives an addendum's title."""
        return bool(self.addendum_title) or "/Add." in (self.symbol or "")

    @property
    def original_languages(self) -> list[str]:
        """The original language(s), as a list."""
        return [self.original_language] if isinstance(self.original_language, str) else list(self.original_language)

    @property
    def is_corrigendum(self) -> bool:
        """A corrigendum ('A/43/26/Add.1/Corr.1'): "Corrigendum" under the author line (and under
        "Addendum" for one of an addendum)."""
        return "/Corr." in (self.symbol or "")

    @property
    def agenda_listing(self) -> tuple[str, str] | None:
        """The list the agenda items stand on, as the masthead prints it: ("preliminary", its
        symbol) or ("provisional", the provisional agenda's symbol, 'A/60/...' while it is still
        to be filled in); None once the agenda is adopted (or under no agenda item)."""
        return self.agenda_listing_shown(f"A/{self.session}/...")

    def agenda_listing_shown(self, placeholder: str) -> tuple[str, str] | None:
        """As `agenda_listing`, with the organ's own placeholder ('E/2019/...') while the
        provisional agenda's symbol is still to be filled in."""
        items = self.agenda_items
        if not items:
            return None
        preliminary = next((item.preliminary_list for item in items if item.preliminary_list), None)
        if preliminary:
            return "preliminary", preliminary
        given = next((item.provisional_agenda for item in items if item.provisional_agenda), None)
        if given:
            return "provisional", given
        return None if all(item.is_filled_in for item in items) else ("provisional", placeholder)
