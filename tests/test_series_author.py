"""A series whose title names its author itself ("Report of the Secretary-General on the issue
of child, early and forced marriage", A/73/257) has no author line; a masthead note attached to
an author line the masthead does not print is a located error."""

from __future__ import annotations

from pathlib import Path

from conftest import build, replace_in
from pipeline.inputs.load import load_session
from pipeline.inputs.problems import InputError
from pipeline.validate import validate

SERIES = Path("series/child-marriage.yaml")
EDITION = Path("sessions/73/child-marriage.yaml")


def test_no_author_line_when_the_series_has_none(tmp_path):
    from conftest import DATA

    files = build(DATA, tmp_path / "out", session=73, formats=("txt", "html"), series="child-marriage")
    text = files["txt"].read_text(encoding="utf-8")
    assert "title: Report of the Secretary-General on the issue of child, early and forced marriage" in text
    assert "\nauthor: " not in text
    assert 'class="report-author"' not in files["html"].read_text(encoding="utf-8")


def test_a_note_on_an_author_line_that_is_not_printed_is_a_located_error(data_copy):
    replace_in(data_copy / EDITION, "body:\n", "masthead_notes:\n  - attached_to: author\n    text: A note.\nbody:\n")
    lines = (data_copy / EDITION).read_text(encoding="utf-8").splitlines()
    line = next(i for i, l in enumerate(lines, start=1) if "attached_to: author" in l)
    errors = [str(p) for p in validate(load_session(data_copy, 73)) if p.severity == "error"]
    assert any(f"child-marriage.yaml:{line}:" in e and "has no author line" in e for e in errors), errors


def test_an_empty_author_is_one_error_in_the_series_not_one_per_version(tmp_path):
    """The series is still read without it, so each language version's checks find its tables."""
    from conftest import FULL_DATA
    import shutil

    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    replace_in(data / "series" / "cmw-status.yaml", "author: Report of the Secretary-General", "author: ''")
    try:
        errors = [str(p) for p in validate(load_session(data, 59)) if p.severity == "error"]
    except InputError as exc:
        errors = [str(p) for p in exc.problems if p.severity == "error"]
    assert len(errors) == 1 and "cmw-status.yaml:4:" in errors[0] and "'author': must not be empty" in errors[0], errors
