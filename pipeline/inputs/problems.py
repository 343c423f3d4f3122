"""Problems found in the inputs: located, sortable, printable, and raised together."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Location:
    """A place in an input file (1-based line and column; 0 when unknown)."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake (or warning) in the inputs, with where it is and what to do."""

    location: Location
    severity: Severity = field(compare=False)
    message: str = field(compare=True)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"


class InputError(Exception):
    """Raised when the inputs have errors; carries every problem found, sorted."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def display_path(path: Path | str) -> str:
    """A path as users see it: relative to the working directory when it is inside it."""
    path = Path(path)
    try:  # the folders resolved, not the file itself: a link is shown by its own name
        real = path.parent.resolve() / path.name if path.name not in ("", ".", "..") else path.resolve()
        return str(real.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'X'?)' for the closest choice, or '' when none is close."""
    hint = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{hint[0]}'?)" if hint else ""
