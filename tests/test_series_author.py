"""A series whose title names its author itself ("Report of the Secretary-General on the issue
of child, early and forced marriage", A/73/257) has no author line; a masthead note attached to
an author line the masthead does not print is a located error."""

from __future__ import annotations

from pathlib import Path

from conftest import build, replace_in
from pipeline.inputs.load import load_session
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
