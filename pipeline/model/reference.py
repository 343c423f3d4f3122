"""Reference data: treaty ledgers, committees, State name changes, the Member States."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from pipeline.model.common import FIRST_YEAR, LAST_YEAR, Day, DayOrYear, NonEmpty, Strict, WholeNumber


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
    term_ends: WholeNumber = Field(ge=FIRST_YEAR, le=LAST_YEAR)

    @property
    def takes_office(self) -> dt.date:
        """Terms begin on 1 January after the election."""
        return dt.date(self.elected_on.year + 1, 1, 1)

    def in_office(self, on: dt.date) -> bool:
        """Whether the term covers `on` (it ends on 31 December of `term_ends`)."""
        return self.takes_office <= on and on.year <= self.term_ends


class Committee(Strict):
    committee: NonEmpty
    seats: WholeNumber = Field(gt=0)
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
