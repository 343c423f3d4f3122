"""The typed model of the inputs: series, editions, the treaty ledger, committees, State names.

Pydantic checks shapes and types; `validate.py` turns its errors into located problems and
adds the rules of the domain that span several fields or files.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Annotated, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StringConstraints, Tag
from pydantic_core import PydanticCustomError

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# The name of a file, series or template kind: never a path, so data cannot point outside data/.
PLAIN_NAME = r"^\w[\w.-]*$"
FileName = Annotated[str, StringConstraints(strip_whitespace=True, pattern=PLAIN_NAME)]


def plain_name(example: str) -> Any:
    """A field holding a plain name, with the words its error message uses."""
    return Field(description="a plain name (letters, digits, '-' and '.'; no '/')", examples=[example])

ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
FIRST_YEAR, LAST_YEAR = 1900, 2200  # any year outside is a typo


def _day(value: object) -> object:
    """A real calendar day, written YYYY-MM-DD (numbers are not dates, 2004-02-30 is not a day)."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_with_time", "{value} has a time; write the date alone as YYYY-MM-DD",
                                  {"value": str(value)})
    if isinstance(value, dt.date):
        return value
    if value is None:
        raise PydanticCustomError("no_date", "has no value; write a date as YYYY-MM-DD")
    match = ISO_DAY.match(value) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError("not_a_date", "{value} is not a date; write it as YYYY-MM-DD, like 2004-08-27",
                                  {"value": repr(value)})
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise PydanticCustomError("impossible_date", "{value} is not a real date: there is no month {month}",
                                  {"value": value, "month": month})
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise PydanticCustomError("impossible_date", "{value} is not a real date: {month} {year} has {last} days",
                                  {"value": value, "month": calendar.month_name[month], "year": year, "last": last})
    return dt.date(year, month, day)


def _day_or_year(value: object) -> object:
    """A day, or a year alone (an int) when the day is not known."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not FIRST_YEAR <= value <= LAST_YEAR:
            raise PydanticCustomError("not_a_year", "{value} is not a year; write a date as YYYY-MM-DD or a year "
                                      "like 2013", {"value": value})
        return value
    return None if value is None else _day(value)


Day = Annotated[dt.date, BeforeValidator(_day)]
DayOrYear = Annotated[Union[dt.date, int, None], BeforeValidator(_day_or_year)]


class Strict(BaseModel):
    """Base for input models: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Series(Strict):
    """One kind of recurring report."""

    id: FileName = plain_name("cmw-status")
    title: NonEmpty
    author: NonEmpty
    organ: NonEmpty = "General Assembly"
    template: FileName = plain_name("status-report")
    ledger: FileName = plain_name("cmw-ledger.yaml")
    committee: FileName | None = Field(None, description="a plain name (letters, digits, '-' and '.'; no '/')",
                                       examples=["cmw-committee.yaml"])
    # added by new-edition after the status paragraph when an edition reports no changes yet
    change_paragraph: NonEmpty | None = None


class AgendaItem(Strict):
    """The agenda item the report is issued under.

    A new edition starts with `todo` set and `item` and `provisional_agenda` empty: the agenda
    of the next session is not known when it is drafted. Validation flags it until filled in.
    """

    todo: NonEmpty | None = None  # what the drafter still has to fill in; delete it when done
    item: int | None = Field(default=None, gt=0)
    sub_item: Annotated[str, StringConstraints(pattern=r"^[a-z]$")] | None = Field(
        None, description="a single lower-case letter", examples=["a"])
    title: NonEmpty
    provisional_agenda: NonEmpty | None = None  # symbol of the provisional agenda; None once adopted

    @property
    def is_filled_in(self) -> bool:
        return self.todo is None and self.item is not None

    @property
    def label(self) -> str:
        """'107 (a)', '107', or '...' while the item number is not yet filled in."""
        number = "..." if self.item is None else str(self.item)
        return f"{number} ({self.sub_item})" if self.sub_item else number


class ParagraphBlock(Strict):
    paragraph: NonEmpty


class TableBlock(Strict):
    table: Literal["committee-members"]


def _block_kind(value: object) -> str | None:
    """Which kind of body block a raw mapping is, by its key."""
    if isinstance(value, dict):
        return next((k for k in ("paragraph", "table") if k in value), None)
    return "paragraph" if isinstance(value, ParagraphBlock) else "table" if isinstance(value, TableBlock) else None


Block = Annotated[
    Union[Annotated[ParagraphBlock, Tag("paragraph")], Annotated[TableBlock, Tag("table")]],
    Discriminator(_block_kind),
]


class Edition(Strict):
    """One report of a series for one session."""

    series: FileName = plain_name("cmw-status")
    session: int = Field(gt=0, lt=1000)
    previous: int | None = Field(default=None, gt=0, lt=1000)  # session of the edition this one follows
    symbol: NonEmpty | None = None  # None: not yet assigned, the edition is a draft
    date: Day
    as_at: Day
    distribution: Literal["General", "Limited", "Restricted"] = "General"
    original_language: NonEmpty = "English"
    place: Literal["New York", "Geneva"] = "New York"
    job_number: Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{5} \([A-Z]\) \d{6}( \d{6})?$")] | None = Field(
        None, description="a job number", examples=["04-39651 (E) 300704"])
    agenda: AgendaItem
    footnotes: dict[str, NonEmpty] = {}
    body: list[Block] = Field(min_length=1)

    @property
    def is_draft(self) -> bool:
        return self.symbol is None

    @property
    def shown_symbol(self) -> str:
        """The symbol as printed: the real one, or 'A/59/...' while it is not yet assigned."""
        return self.symbol or f"A/{self.session}/..."

    @property
    def shown_provisional_agenda(self) -> str | None:
        """The provisional agenda's symbol as printed in the masthead note: the real one,
        'A/60/...' while it is still to be filled in, or None once the agenda is adopted."""
        if self.agenda.provisional_agenda:
            return self.agenda.provisional_agenda
        return None if self.agenda.is_filled_in else f"A/{self.session}/..."


ConsentKind = Literal["ratification", "accession"]


class TreatyAction(Strict):
    """One State's signature and consent to be bound (ratification or accession)."""

    state: NonEmpty
    signature: Day | None = None
    consent: DayOrYear = None  # an int is a year whose day is not known
    kind: ConsentKind | None = None
    note: str | None = None

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
    actions: list[TreatyAction]


class Member(Strict):
    name: NonEmpty
    family_name: NonEmpty
    nationality: NonEmpty
    elected_on: Day
    term_ends: int = Field(gt=FIRST_YEAR, lt=LAST_YEAR)

    @property
    def takes_office(self) -> dt.date:
        """Terms begin on 1 January after the election."""
        return dt.date(self.elected_on.year + 1, 1, 1)

    def in_office(self, on: dt.date) -> bool:
        """Whether the term covers `on` (it ends on 31 December of `term_ends`)."""
        return self.takes_office <= on and on.year <= self.term_ends


class Committee(Strict):
    committee: NonEmpty
    seats: int = Field(gt=0)
    members: list[Member]


class NameChange(Strict):
    """A State's UN short name changed from old_name to new_name on in_force_from."""

    old_name: NonEmpty
    new_name: NonEmpty
    in_force_from: Day
    certainty: str = ""
    note: str = ""


class MemberStates(Strict):
    """The Member States of the United Nations by their current UN short names."""

    source: NonEmpty
    states: list[NonEmpty] = Field(min_length=1)
