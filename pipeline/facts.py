"""Facts computed from reference data as at a date: parties, signatories, members, names."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from .model import Committee, Ledger, NameChange, TreatyAction


def un_sort_key(name: str) -> str:
    """Alphabetical order as the UN lists names in English: accents, case, spaces and
    punctuation ignored ("El-Borai" before "El Jamri", "Côte d'Ivoire" after "Congo")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if c.isalnum()).casefold()


class StateNames:
    """UN short names of States over time, keyed by the State's current name."""

    def __init__(self, changes: list[NameChange], members: Iterable[str] = ()):
        self._changes = sorted(changes, key=lambda c: c.in_force_from)
        self._members = set(members)
        self._current: dict[str, str] = {}
        for change in self._changes:
            self._current[change.old_name] = self.current(change.new_name)
            for old, new in list(self._current.items()):
                if new == change.old_name:
                    self._current[old] = self.current(change.new_name)

    def current(self, name: str) -> str:
        """The State's name today, from any of its names."""
        return self._current.get(name, name)

    def in_force(self, name: str, on: dt.date) -> str:
        """The State's name in force on a date, from any of its names."""
        identity = self.current(name)
        shown = identity
        for change in reversed(self._changes):
            if change.new_name == shown and on < change.in_force_from:
                shown = change.old_name
        return shown

    def known_names(self) -> set[str]:
        """Every name the UN uses or has used for a State: Member States' names and past names."""
        return self._members | {c.old_name for c in self._changes} | {c.new_name for c in self._changes}


@dataclass(frozen=True)
class State:
    """A State as a report shows it: its identity (current name) and the name in force."""

    identity: str
    name: str

    def __str__(self) -> str:
        return self.name


def sorted_states(states: list[State]) -> list[State]:
    return sorted(states, key=lambda s: un_sort_key(s.name))


@dataclass(frozen=True)
class TreatyStatus:
    """Who is party and who has only signed, as at a date."""

    as_at: dt.date
    parties: list[State]
    signatories: list[State]


def treaty_status(ledger: Ledger, names: StateNames, as_at: dt.date, named_on: dt.date) -> TreatyStatus:
    """Parties and signatories (not yet parties) as at `as_at`, named as on `named_on`."""

    def shown(action: TreatyAction) -> State:
        return State(names.current(action.state), names.in_force(action.state, named_on))

    parties, signatories = [], []
    for action in ledger.actions:
        consent = action.consent_effective()
        if consent is not None and consent <= as_at:
            parties.append(shown(action))
        elif action.signature is not None and action.signature <= as_at:
            signatories.append(shown(action))
    return TreatyStatus(as_at, sorted_states(parties), sorted_states(signatories))


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


@dataclass(frozen=True)
class Changes:
    """What changed between two editions: treaty actions between their as-at dates, and
    committee members between their document dates (the dates their tables show)."""

    new_parties: list[State]
    new_signatories: list[State]
    members_left: list[SeatedMember]
    members_joined: list[SeatedMember]


def changes_between(before: TreatyStatus, after: TreatyStatus,
                    members_before: list[SeatedMember], members_after: list[SeatedMember]) -> Changes:
    """States that became parties or signed, and members who left or joined, from `before` to
    `after`. States are compared by identity, so a State renamed meanwhile is not new; a State
    that signed and then became a party counts as a new party only. Lists keep `after`'s names."""
    parties_before = {s.identity for s in before.parties}
    acted_before = parties_before | {s.identity for s in before.signatories}
    seated_before = {m.name for m in members_before}
    seated_after = {m.name for m in members_after}
    return Changes(
        new_parties=[s for s in after.parties if s.identity not in parties_before],
        new_signatories=[s for s in after.signatories if s.identity not in acted_before],
        members_left=[m for m in members_before if m.name not in seated_after],
        members_joined=[m for m in members_after if m.name not in seated_before],
    )
