"""Shared fixtures: the repository's data, scratch copies of it, and built reports."""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))


def committed_data_snapshot() -> Path:
    """A copy of data/ with only the files git tracks, so the tests see the committed editions
    and never a drafter's edition in progress (a new data/sessions/61/, say). Outside a git
    checkout (an unpacked archive) every file is copied."""
    source = REPO / "data"
    target = Path(tempfile.mkdtemp(prefix="unreport-test-data-")) / "data"
    atexit.register(shutil.rmtree, target.parent, ignore_errors=True)
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--", "data"], cwd=REPO, capture_output=True,
                                check=True).stdout.decode("utf-8").split("\0")
        tracked = [REPO / name for name in listed if name]
    except (OSError, subprocess.CalledProcessError):
        tracked = []
    if not tracked:
        shutil.copytree(source, target)
        return target
    for path in tracked:
        if path.is_file():  # a tracked file deleted in the work tree is left out
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
    return target


FULL_DATA = committed_data_snapshot()


def original_only(data: Path) -> Path:
    """A copy of a data folder without the language versions of its editions
    (data/sessions/*/<series>.<lang>.yaml): the English originals, as the tests of other
    features build and validate them (tests/test_languages.py tests the versions on FULL_DATA;
    building six versions of every report in every test would multiply the suite's time)."""
    target = Path(tempfile.mkdtemp(prefix="unreport-test-originals-")) / "data"
    atexit.register(shutil.rmtree, target.parent, ignore_errors=True)
    shutil.copytree(data, target, ignore=lambda folder, names: [n for n in names if n.count(".") >= 2
                                                                and n.endswith(".yaml")])
    return target


DATA = original_only(FULL_DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of data/ that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a data file in place; the old text must be there exactly once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def build(data_dir: Path, output_dir: Path, session: int = 59, formats=("html", "txt", "pdf", "docx"),
          language: str = "en", series: str | None = None) -> dict[str, Path]:
    """Build one session's reports in one language (the English original by default; the
    language versions have tests of their own) and return format -> path of its single report,
    or of the report of `series` in a session that holds several."""
    from pipeline.build.session import build_session

    result = build_session(session, data_dir, output_dir, tuple(formats), languages=(language,))
    editions = [e for e in result.editions if series is None or e.series == series]
    assert len(editions) == 1, [e.series for e in result.editions]
    return editions[0].files


@pytest.fixture(scope="session")
def built_59(tmp_path_factory) -> dict[str, Path]:
    """The session 59 report built from the repository's data, every format."""
    return build(DATA, tmp_path_factory.mktemp("output"))


def pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Each needle occurs in haystack after the previous one."""
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        assert found >= 0, f"not found (in order) after char {position}: {needle!r}"
        position = found + len(needle)


def problems_of(data_dir: Path, session: int) -> list[str]:
    """Every problem validation reports for a session, as printed (a load error's included)."""
    from pipeline.inputs.load import load_session
    from pipeline.inputs.problems import InputError
    from pipeline.validate import validate

    try:
        return [str(p) for p in validate(load_session(data_dir, session))]
    except InputError as exc:
        return [str(p) for p in exc.problems]
