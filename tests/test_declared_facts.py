"""A series that declares no fact source (`facts: []`) needs no ledger and no committee: its
editions build from their own text, and a fact they use is one located error."""

from __future__ import annotations

from pathlib import Path

from conftest import build
from pipeline.facts.edition import SOURCE_FACTS
from pipeline.inputs.load import load_session
from pipeline.validate import validate

SERIES = """id: note-on-x
title: A report that is not about a treaty
author: Report of the Secretary-General
facts: []
"""
EDITION = """series: note-on-x
session: 59
symbol: null
date: 2004-08-27
as_at: 2004-08-20
agenda:
  item: 107
  sub_item: a
  title: "Human rights questions: implementation of human rights instruments"
  provisional_agenda: A/59/150
body:
  - paragraph: The present report is submitted for session {{ session }}.
"""


def with_series(data_dir: Path, paragraph: str | None = None) -> Path:
    (data_dir / "series" / "note-on-x.yaml").write_text(SERIES, encoding="utf-8")
    text = EDITION if paragraph is None else EDITION.replace(
        "The present report is submitted for session {{ session }}.", paragraph)
    path = data_dir / "sessions" / "59" / "note-on-x.yaml"
    path.write_text(text, encoding="utf-8")
    (data_dir / "sessions" / "59" / "cmw-status.yaml").unlink(missing_ok=True)
    return path


def test_a_series_with_no_facts_needs_no_ledger_and_builds(data_copy, tmp_path):
    with_series(data_copy)
    problems = validate(load_session(data_copy, 59))
    assert [p for p in problems if p.severity == "error"] == []
    files = build(data_copy, tmp_path / "out")
    assert "¶1 The present report is submitted for session 59." in files["txt"].read_text(encoding="utf-8")
    assert files["pdf"].stat().st_size > 0 and files["docx"].stat().st_size > 0


def test_every_fact_of_a_source_is_one_located_error_without_it(data_copy):
    for source, facts in SOURCE_FACTS.items():
        for fact in facts:
            if fact == "changes":
                continue  # only an edition that follows another has changes (session 59 follows none)
            with_series(data_copy, "Text {{ " + fact + " }}.")
            errors = [p for p in validate(load_session(data_copy, 59)) if p.severity == "error"]
            assert len(errors) == 1, (fact, errors)
            where = errors[0].location
            assert where.path.endswith("sessions/59/note-on-x.yaml") and (where.line, where.column) == (12, 24)
            assert f"paragraph uses '{fact}', a fact of the {source} data, but series 'note-on-x' does not " \
                   f"declare '{source}' (its facts: none)" in errors[0].message


def test_a_series_with_no_facts_may_leave_as_at_out(data_copy, tmp_path):
    """Nothing is counted for a series with `facts: []`, so its editions need no as_at (it is
    the document date); a series that declares facts still needs it."""
    from conftest import replace_in

    edition = data_copy / "sessions" / "73" / "female-genital-mutilation.yaml"
    replace_in(edition, "as_at: 2018-07-27", "")
    replace_in(data_copy / "sessions" / "59" / "cmw-status.yaml", "as_at: 2004-08-20\n", "")
    problems = validate(load_session(data_copy, 73))
    assert not [p for p in problems if p.severity == "error"], problems
    text = build(data_copy, tmp_path / "out", session=73, series="female-genital-mutilation", formats=("txt",))
    assert "date: 27 July 2018" in text["txt"].read_text(encoding="utf-8")
    errors = [p.message for p in validate(load_session(data_copy, 59)) if p.severity == "error"]
    assert errors == ["missing key 'as_at'; add it"]
