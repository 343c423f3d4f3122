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
    english: str | None = None  # in a language version: the English name it translates (for English order)

    def __str__(self) -> str:
        return self.name


def sorted_states(states: list[State]) -> list[State]:
    return sorted(states, key=lambda s: un_sort_key(s.name))
