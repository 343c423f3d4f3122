"""Reference data: treaty ledgers, committees, State name changes, the Member States."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from pipeline.model.common import FIRST_YEAR, LAST_YEAR, Day, DayOrYear, NonEmpty, Strict, WholeNumber, _day_or_year


# How a State consented to be bound, as the UN Treaty Collection marks it in its status
# tables: ratification (no mark), accession (a), succession (d), acceptance (A), approval (AA).
ConsentKind = Literal["ratification", "accession", "succession", "acceptance", "approval"]
CONSENT_MARKS: dict[str, str] = {"ratification": "", "accession": "a", "succession": "d",
                                 "acceptance": "A", "approval": "AA"}
# Kinds that follow a signature; accession and succession stand alone.
SIGNED_KINDS = ("ratification", "acceptance", "approval")


class Declaration(Strict):
    """A declaration or reservation a State made under a named article, and its withdrawal."""

    article: NonEmpty  # "22", "21", "20", "30, paragraph 1"
    kind: Literal["declaration", "reservation"] = "declaration"
    date: Day
    withdrawn: Day | None = None
    verified: bool = True  # false: the article or date could not be checked against a source
    note: str | None = None

    def in_force(self, on: dt.date) -> bool:
        """Made on or before `on` and not withdrawn by then."""
        return self.date <= on and (self.withdrawn is None or on < self.withdrawn)


class TreatyAction(Strict):
    """One State's entry in a treaty's status table: its signature, its consent to be bound
    (with the kind of instrument) and its declarations and reservations under named articles."""

    state: NonEmpty
    signature: Day | None = None
    consent: DayOrYear = None  # an int is a year whose day is not known
    kind: ConsentKind | None = None
    declarations: list[Declaration] = []
    note: str | None = None
    source: NonEmpty | None = None  # where this entry's dates were read, when not the ledger's own source
    verified: bool = True  # false: the dates could not be checked against a source (say why in `note`)

    def consent_effective(self) -> dt.date | None:
        """The date from which the State counts as a party (31 December for a bare year)."""
        if isinstance(self.consent, int):
            return dt.date(self.consent, 12, 31)
        return self.consent


class Ledger(Strict):
    """All actions under one treaty."""

    treaty: NonEmpty
    title: NonEmpty
    adopted: Day
    entry_into_force: Day | None = None
    source: NonEmpty | None = None  # where the ledger's dates come from (URL or document symbol)
    actions: list[TreatyAction]


class Member(Strict):
    name: NonEmpty
    family_name: NonEmpty
    nationality: NonEmpty
    elected_on: Annotated[Union[dt.date, int], BeforeValidator(_day_or_year)]  # a year alone: day not known
    term_ends: WholeNumber = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    # a member elected to finish a term (a replacement) serves from this day, not from 1 January
    took_office_on: Day | None = None
    # a member who left before the term ended (death, resignation) is not in office from this day
    left_on: Day | None = None
    source: NonEmpty | None = None  # where the election is recorded (press release, report symbol)
    note: str | None = None  # what the source does not confirm

    @property
    def election_day(self) -> dt.date:
        """The day of the election; 31 December for an election known by its year alone."""
        return dt.date(self.elected_on, 12, 31) if isinstance(self.elected_on, int) else self.elected_on

    @property
    def takes_office(self) -> dt.date:
        """Terms begin on 1 January after the election; a replacement's on `took_office_on`."""
        return self.took_office_on or dt.date(self.election_day.year + 1, 1, 1)

    def in_office(self, on: dt.date) -> bool:
        """Whether the member serves on `on`: from taking office to 31 December of `term_ends`,
        or to the day before `left_on` for a member who left early."""
        if self.left_on is not None and on >= self.left_on:
            return False
        return self.takes_office <= on and on.year <= self.term_ends


class Enlargement(Strict):
    """The committee's seats from a date on (the Migrant Workers Committee went from 10 to 14
    members after the forty-first ratification, article 72 (1) (b))."""

    since: Day  # ('on' would read as true in YAML)
    seats: WholeNumber = Field(gt=0)
    source: NonEmpty


class Committee(Strict):
    committee: NonEmpty
    seats: WholeNumber = Field(gt=0)  # at the start
    enlargements: list[Enlargement] = []
    members: list[Member]

    def seats_on(self, day: dt.date) -> int:
        """The number of seats on a date."""
        return max(((e.since, e.seats) for e in self.enlargements if e.since <= day),
                   default=(day, self.seats))[1]


class NameChange(Strict):
    """A State's UN short name changed from old_name to new_name on in_force_from; a row with
    no old_name is a State's first name, from the day it came into being (no name before)."""

    old_name: str  # empty: the first name of a State
    new_name: NonEmpty
    in_force_from: Day
    certainty: str = ""
    source: NonEmpty
    note: str = ""


class MemberStates(Strict):
    """The Member States of the United Nations by their current UN short names."""

    source: NonEmpty
    states: list[NonEmpty] = Field(min_length=1)


def _session_dates_form(value: object) -> object:
    """An organ's `session_dates:` is true, false or optional: one message for anything else."""
    if isinstance(value, bool) or value == "optional":
        return value
    raise PydanticCustomError("session_dates_form", "must be true, false or optional, not {value}",
                              {"value": repr(value) if isinstance(value, str) else str(value)})


class Organ(Strict):
    """An organ a series may report to: how its documents' symbols and mastheads are made."""

    symbols: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Za-z.]*(/[A-Z][A-Za-z.0-9]*)*/\{(session|year)\}/$")] = Field(
        description="how a session's symbols begin, with {session} for its number or {year} for the year its "
                    "symbols carry, and a '/' after it",
        examples=["A/HRC/{session}/' or 'E/CN.6/{year}/"])
    # the principal organ printed large in the masthead, when it is another: a subsidiary organ's
    # documents carry its parent's name there and their own over the session line
    masthead: NonEmpty | None = None
    # how the masthead names a session: "Fifty-ninth session" (ordinal), "2015 session" (year: the
    # session is the year, as the Economic and Social Council's), or no session line (none: the
    # Security Council, whose editions are filed under the year of their date)
    session_style: Literal["ordinal", "year", "none"] = "ordinal"
    # whether the masthead prints the session's dates under its name ("9-20 March 2015"): each
    # edition then gives them (`session_dates:`); "optional" where some of its mastheads print them
    # and others not (the Human Rights Council's from about 2016): an edition may give them
    session_dates: Annotated[bool | Literal["optional"], BeforeValidator(_session_dates_form)] = False
    # whether its documents are issued under an agenda item (the Security Council's are not)
    agenda: bool = True
    # the year session 1 opened, for an organ that holds one session a year (the date check)
    first_session_year: int | None = Field(None, gt=FIRST_YEAR, lt=LAST_YEAR)
    source: NonEmpty

    @property
    def prints_session_dates(self) -> bool:
        """Whether its mastheads print a session's days (never for an organ without sessions)."""
        return bool(self.session_dates) and self.session_style != "none"

    @property
    def needs_session_dates(self) -> bool:
        """Whether every edition gives its session's days (not where they are optional)."""
        return self.session_dates is True and self.session_style != "none"

    @property
    def symbol_prefix(self) -> str:
        """'A/HRC/': what comes before the session number (or the year)."""
        return self.symbols.removesuffix("{session}/").removesuffix("{year}/")

    @property
    def symbols_by_year(self) -> bool:
        """Whether its symbols carry a year (E/CN.6/2015/3) rather than a session (A/59/312)."""
        return self.symbols.endswith("{year}/")

    def symbol_number(self, edition: Any) -> int:
        """The number its symbols carry for an edition (see `symbol_number_of`)."""
        opens = edition.session_dates.opens if edition.session_dates is not None else None
        return self.symbol_number_of(edition.session, edition.date, opens)

    def symbol_number_of(self, session: int, date: dt.date, opens: dt.date | None = None) -> int:
        """The number its symbols carry for a session's document: the session's (A/59/), or a
        year: the session itself for an organ whose sessions are years or that has none
        (E/2015/, S/2015/), else the year the session opens (E/CN.6/2015/ for the fifty-ninth
        session, 9-20 March 2015), else the document's year."""
        if not self.symbols_by_year or self.session_style != "ordinal":
            return session
        return opens.year if opens is not None else date.year

    def draft_symbol(self, number: int) -> str:
        """The symbol printed while the real one is not assigned: 'A/HRC/15/...', 'S/2015/...'."""
        return f"{self.symbol_prefix}{number}/..."


class Organs(Strict):
    """The organs series may report to, by the name a series gives in `organ:`."""

    organs: dict[NonEmpty, Organ] = Field(min_length=1)
