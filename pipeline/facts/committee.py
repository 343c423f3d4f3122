"""Committee membership on a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.facts.names import State, StateNames, un_sort_key
from pipeline.model.reference import Committee


@dataclass(frozen=True)
class SeatedMember:
    """A committee member as a report shows them."""

    name: str
    family_name: str
    nationality: State
    term_ends: int

    def __str__(self) -> str:
        return self.name


def members_in_office(committee: Committee, names: StateNames, on: dt.date,
                      named_on: dt.date | None = None) -> list[SeatedMember]:
    """Members whose term covers `on`, their nationality named as on `named_on` (default `on`)."""
    seated = [
        SeatedMember(
            m.name,
            m.family_name,
            State(names.current(m.nationality), names.in_force(m.nationality, named_on or on)),
            m.term_ends,
        )
        for m in committee.members
        if m.in_office(on)
    ]
    return sorted(seated, key=lambda m: un_sort_key(m.family_name))
