"""The typed model of the inputs: series, editions, the treaty ledger, committees, State names.

Pydantic checks shapes and types; `validate.py` turns its errors into located problems and
adds the rules of the domain that span several fields or files.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base for input models: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Series(Strict):
    """One kind of recurring report."""

    id: NonEmpty
    title: NonEmpty
    author: NonEmpty
    organ: NonEmpty = "General Assembly"
    template: NonEmpty
    ledger: NonEmpty
    committee: NonEmpty | None = None


class AgendaItem(Strict):
    """The agenda item the report is issued under.

    A new edition starts with `todo` set and `item` and `provisional_agenda` empty: the agenda
    of the next session is not known when it is drafted. Validation flags it until filled in.
    """

    todo: NonEmpty | None = None  # what the drafter still has to fill in; delete it when done
    item: int | None = Field(default=None, gt=0)
    sub_item: Annotated[str, StringConstraints(pattern=r"^[a-z]$")] | None = None
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

    series: NonEmpty
    session: int = Field(gt=0, lt=1000)
    previous: int | None = Field(default=None, gt=0, lt=1000)  # session of the edition this one follows
    symbol: NonEmpty | None = None  # None: not yet assigned, the edition is a draft
    date: dt.date
    as_at: dt.date
    distribution: Literal["General", "Limited", "Restricted"] = "General"
    original_language: NonEmpty = "English"
    place: Literal["New York", "Geneva"] = "New York"
    job_number: Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{5} \([A-Z]\) \d{6}( \d{6})?$")] | None = None
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
    signature: dt.date | None = None
    consent: dt.date | int | None = None  # an int is a year whose day is not known
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
    adopted: dt.date
    entry_into_force: dt.date | None = None
    actions: list[TreatyAction]


class Member(Strict):
    name: NonEmpty
    family_name: NonEmpty
    nationality: NonEmpty
    elected_on: dt.date
    term_ends: int = Field(gt=1900, lt=2200)


class Committee(Strict):
    committee: NonEmpty
    seats: int = Field(gt=0)
    members: list[Member]


class NameChange(Strict):
    """A State's UN short name changed from old_name to new_name on in_force_from."""

    old_name: NonEmpty
    new_name: NonEmpty
    in_force_from: dt.date
    certainty: str = ""
    note: str = ""
