"""Where the inputs live in the data folder, and which session ids are valid.

Kept free of heavy imports: the no-op build check finds its files through this module
without loading the typed models.

    data/series/<series-id>.yaml               one file per report series
    data/sessions/<session>/<series-id>.yaml   one edition per series and session
    data/sessions/<session>/<series-id>.<language>.yaml   its language versions (fr, es, ru, zh, ar)
    data/reference/                            ledgers, committees, State name changes
    data/figures/                              the pictures of figures (PNG, JPEG)
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.inputs.problems import InputError, Location, Problem

REPOSITORY = Path(__file__).resolve().parents[2]  # the checkout this package runs from
PIPELINE_DIR = REPOSITORY / "pipeline"
TEMPLATES_DIR = REPOSITORY / "templates"  # the repository's templates
DEFAULT_TEMPLATE = "report"  # the template kind of a series that names none: templates/report/
# a session number (1-999), or a year (1946-2099): the session of an organ whose sessions are years
# (the Economic and Social Council's 2015 session) or the year an organ without sessions files under
SESSION_PATTERN = re.compile(r"^(?:[1-9][0-9]{0,2}|19[4-9][0-9]|20[0-9]{2})$")
SESSION_RANGE = "a number from 1 to 999 or a year from 1940 to 2099"
NAME_CHANGES_FILE = "state-name-changes.csv"


def check_session_id(session: str | int) -> int:
    """A session number from the command line; anything but 1-999 or a year is refused."""
    text = str(session)
    if not SESSION_PATTERN.match(text):
        raise InputError([Problem(Location("<command line>"), "error",
                                  f"session must be {SESSION_RANGE}, not {text!r}")])
    return int(text)


def session_numbers(data_dir: Path, series_id: str | None = None, misnamed: bool = False) -> list[int]:
    """The sessions that have editions (of one series, when given), in order; with `misnamed`,
    also those whose only would-be editions end otherwise than '.yaml' ('.yml', '.YAML'), so
    that building or validating every session names them. Folders whose names are not session
    numbers (a 'drafts' folder, '059') are not sessions."""
    pattern = f"*/{series_id}.yaml" if series_id else "*/*.yaml"
    files = list((data_dir / "sessions").glob(pattern))
    if misnamed:
        files += [p for p in (data_dir / "sessions").glob("*/*") if p.suffix.lower() in (".yaml", ".yml")]
    names = {p.parent.name for p in files if not is_translation_file(p)}
    return sorted(int(name) for name in names if SESSION_PATTERN.match(name))


def edition_path(data_dir: Path, session: int, series_id: str) -> Path:
    return data_dir / "sessions" / str(session) / f"{series_id}.yaml"


def all_edition_files(data_dir: Path) -> list[Path]:
    """Every edition of every session, in session order."""
    return [path for number in session_numbers(data_dir) for path in edition_files(data_dir, number)]


def edition_files(data_dir: Path, session: int) -> list[Path]:
    """A session's editions (its originals; the language versions beside them are not editions)."""
    return sorted(p for p in (data_dir / "sessions" / str(session)).glob("*.yaml") if not is_translation_file(p))


def is_translation_file(path: Path) -> bool:
    """'cmw-status.fr.yaml' is the French version of the edition 'cmw-status.yaml'."""
    return "." in path.stem


def translation_files(edition: Path) -> list[Path]:
    """The language versions of an edition, by language code order of their file names."""
    return sorted(edition.parent.glob(f"{edition.stem}.*.yaml"))


def translation_language(path: Path) -> str:
    return path.stem.rsplit(".", 1)[1]


def series_file(data_dir: Path, series_id: str) -> Path:
    return data_dir / "series" / f"{series_id}.yaml"


def reference_file(data_dir: Path, name: str) -> Path:
    return data_dir / "reference" / name


def languages_dir(data_dir: Path) -> Path:
    """The data folder's languages (data/languages/<code>.yaml), or the repository's when it has
    none of its own (a data folder of a few editions, as tests make, uses the project's)."""
    own = data_dir / "languages"
    return own if own.is_dir() else REPOSITORY / "data" / "languages"


def figures_dir(data_dir: Path) -> Path:
    """Where the pictures of figures live: data/figures/."""
    return data_dir / "figures"
