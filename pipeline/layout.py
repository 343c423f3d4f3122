"""Where the inputs live in the data folder, and which session ids are valid.

Kept free of heavy imports: the no-op build check finds its files through this module
without loading the typed models.

    data/series/<series-id>.yaml               one file per report series
    data/sessions/<session>/<series-id>.yaml   one edition per series and session
    data/reference/                            ledgers, committees, State name changes
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import InputError, Location, Problem

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"  # the repository's templates
SESSION_PATTERN = re.compile(r"^[1-9][0-9]{0,2}$")
NAME_CHANGES_FILE = "state-name-changes.csv"


def check_session_id(session: str | int) -> int:
    """A session number from the command line; anything but 1-999 is refused."""
    text = str(session)
    if not SESSION_PATTERN.match(text):
        raise InputError([Problem(Location("<command line>"), "error",
                                  f"session must be a number from 1 to 999, not {text!r}")])
    return int(text)


def session_folders(data_dir: Path) -> list[str]:
    """The names of every folder in data/sessions, in numeric order where they are numbers."""
    folder = data_dir / "sessions"
    names = [p.name for p in folder.iterdir() if p.is_dir()] if folder.is_dir() else []
    return sorted(names, key=lambda name: (not name.isdigit(), int(name) if name.isdigit() else 0, name))


def edition_files(data_dir: Path, session: int) -> list[Path]:
    return sorted((data_dir / "sessions" / str(session)).glob("*.yaml"))


def series_file(data_dir: Path, series_id: str) -> Path:
    return data_dir / "series" / f"{series_id}.yaml"


def reference_file(data_dir: Path, name: str) -> Path:
    return data_dir / "reference" / name
