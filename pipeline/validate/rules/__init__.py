"""The rules of the domain, grouped by what they check. `pipeline/validate.py` runs them.

Every rule is a small function that yields located problems; it never raises for a
mistake in the inputs, and it stays silent about data another problem already covers
(a file that failed to load, a model the load stage could not build).
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.problems import Location, Problem, display_path
from pipeline.inputs.sources import LocatedDict, LocatedList, locate, locate_key

Problems = Iterator[Problem]
EditionRule = Callable[[Inputs, Sourced], Problems]
FileRule = Callable[[Inputs, Sourced], Problems]
CommitteeRule = Callable[[Inputs, Sourced, "Sourced | None"], Problems]


def at(sourced: Sourced, *path: str | int) -> Location:
    """Where the value at `path` of a loaded file starts."""
    return locate(sourced.raw, *path) or Location(display_path(sourced.path), 1, 1)


def at_key(sourced: Sourced, *path: str | int) -> Location:
    """Where the key at the end of `path` stands (for what is wrong with the entry as a whole)."""
    return locate_key(sourced.raw, *path) or at(sourced, *path)


def error(where: Location, message: str) -> Problem:
    return Problem(where, "error", message)


def warning(where: Location, message: str) -> Problem:
    return Problem(where, "warning", message)


def dropped_on_load(sourced: Any, key: str) -> bool:
    """Whether a key's value was given but dropped on loading, being ill-formed (its own error
    tells it there, so the rules that miss the value say nothing more). A key left empty, or
    false, was not given."""
    value = sourced.raw.get(key) if isinstance(sourced.raw, dict) else None
    return value is not None and value is not False and getattr(sourced.model, key, None) in (None, False)


def until_final(draft: bool) -> Callable[[Location, str], Problem]:
    """What is a warning while an edition is a draft (no symbol yet) and an error once it is
    final, so a draft can be built and read before everything is in place."""
    return warning if draft else error


def strings(raw: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text value in located data, with its path."""
    if isinstance(raw, LocatedDict):
        for key, value in raw.items():
            yield from strings(value, path + (key,))
    elif isinstance(raw, LocatedList):
        for index, value in enumerate(raw):
            yield from strings(value, path + (index,))
    elif isinstance(raw, str):
        yield path, raw


def out_of_order(items: list[Any], key: Callable[[Any], Any]) -> Iterator[int]:
    """The index of each item that sorts before the item just above it."""
    for index in range(1, len(items)):
        if key(items[index]) < key(items[index - 1]):
            yield index
