"""State names: the UN short name of a State on any date, and the order the UN lists them in."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from pipeline.model.reference import NameChange


def un_sort_key(name: str) -> str:
    """Alphabetical order as the UN lists names in English: accents, case, spaces and
    punctuation ignored ("El-Borai" before "El Jamri", "Côte d'Ivoire" after "Congo")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if c.isalnum()).casefold()


class StateNames:
    """UN short names of States over time, keyed by the State's current name."""

    def __init__(self, changes: list[NameChange], members: Iterable[str] = ()):
        self._firsts = [c for c in changes if not c.old_name]  # a State's first name, from its birth
        self._changes = sorted((c for c in changes if c.old_name), key=lambda c: c.in_force_from)
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
        return (self._members | {c.old_name for c in self._changes} | {c.new_name for c in self._changes}
                | {c.new_name for c in self._firsts})

    def exists_from(self, name: str) -> dt.date | None:
        """The day the State (any of its names) came into being, when the data says; before
        it the State has no name. None: a State older than any date a report names."""
        identity = self.current(name)
        return min((c.in_force_from for c in self._firsts if self.current(c.new_name) == identity), default=None)

    def has_name_on(self, name: str, on: dt.date) -> bool:
        """Whether the State had a UN name on `on` (it existed then)."""
        born = self.exists_from(name)
        return born is None or born <= on


@dataclass(frozen=True)
class State:
    """A State as a report shows it: its identity (current name) and the name in force."""

    identity: str
    name: str
    english: str | None = None  # in a language version: the English name it translates (for English order)

    def __str__(self) -> str:
        return self.name


def sorted_states(states: list[State]) -> list[State]:
    return sorted(states, key=lambda s: un_sort_key(s.name))
