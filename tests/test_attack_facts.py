"""Findings of the hostile-drafter attack (editions, facts and data checks): each mistake is a
located error or warning in a drafter's words, never a wrong document built silently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FULL_DATA, replace_in
from pipeline.cli import main
from pipeline.inputs.load import load_session
from pipeline.validate import validate

SERIES = Path("series") / "cmw-status.yaml"
CAT_SERIES = Path("series") / "cat-status.yaml"
CAT_53 = Path("sessions") / "53" / "cat-status.yaml"
CHANGES_CSV = Path("reference") / "state-name-changes.csv"
CHANGE_PARAGRAPH_START = "change_paragraph: >-\n  Since the previous report ({{ previous.symbol }}),"


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def located(problems, severity: str = "error") -> list[tuple[str, int, int, str]]:
    return [(Path(p.location.path).name, p.location.line, p.location.column, p.message)
            for p in problems if p.severity == severity]


def new_edition(data_dir: Path, *args: str):
    return CliRunner().invoke(main, ["new-edition", *args, "--data", str(data_dir)])


# 10. A name that forks, or a row given twice.

@pytest.mark.parametrize("row, words", [
    ("Libyan Arab Jamahiriya,Libyan Republic,2004-01-01,sure,http://example.org/x,", "is renamed twice"),
    ("Libyan Arab Jamahiriya,Libya,2004-01-01,sure,http://example.org/x,", "is renamed twice"),
    ("Cape Verde,Cabo Verde,2013-10-24,sure,http://example.org/x,", "is renamed twice"),
    (",Timor-Leste,2002-05-20,sure,http://example.org/x,", "is given twice"),
])
def test_a_name_change_given_twice_is_an_error_at_the_second_row(data_copy, row, words):
    csv = data_copy / CHANGES_CSV
    csv.write_text(csv.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    errors = located(validate(load_session(data_copy, 59)))
    last = len(csv.read_text(encoding="utf-8").splitlines())
    assert [(e[0], e[1], e[2]) for e in errors] == [("state-name-changes.csv", last, 1)]
    assert words in errors[0][3]


# 11. An official language version names its source.

def test_an_official_version_without_a_source_is_an_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    version = data / "sessions" / "59" / "cmw-status.fr.yaml"
    replace_in(version, "status: unofficial", "status: official")
    errors = located(validate(load_session(data, 59)))
    assert errors == [("cmw-status.fr.yaml", line_of(version, "status: official"), 9,
                       "an official version is the UN's own text: say where it comes from in 'source:' (the "
                       "document's address or symbol), or write 'status: unofficial' for a translation of our own")]
