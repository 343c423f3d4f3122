"""Shared fixtures: the repository's data, scratch copies of it, and built reports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
sys.path.insert(0, str(Path(__file__).parent))


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


def build(data_dir: Path, output_dir: Path, session: int = 59, formats=("html", "txt", "pdf", "docx")) -> dict[str, Path]:
    """Build one session's single report and return format -> path."""
    from pipeline.build import build_session

    result = build_session(session, data_dir, output_dir, tuple(formats))
    assert len(result.editions) == 1
    return result.editions[0].files


@pytest.fixture(scope="session")
def built_59(tmp_path_factory) -> dict[str, Path]:
    """The session 59 report built from the repository's data, every format."""
    return build(DATA, tmp_path_factory.mktemp("output"))


def pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
