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


# 2. The series' change paragraph is checked where it is written, and new-edition refuses a
#    draft with errors.

BROKEN_CHANGE_PARAGRAPHS = {
    "unknown name": ("Since {{ previus.symbol }} nothing.", "unknown data 'previus' (did you mean 'previous'?)"),
    "unclosed": ("Since {{ previous.symbol  nothing.", "not closed"),
    "statement": ("{% for s in parties %}{{ s }}{% endfor %}", "{%"),
    "internals": ("See {{ parties.__class__ }}.", "not allowed"),
    "huge": ("See {{ 'x' * 10**8 }}.", ""),
    "unknown footnote": ("Since then.[^nope]", "footnote [^nope] is not among the footnotes"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_CHANGE_PARAGRAPHS))
def test_a_broken_change_paragraph_is_an_error_at_the_series_line(data_copy, case):
    text, words = BROKEN_CHANGE_PARAGRAPHS[case]
    series = data_copy / SERIES
    replace_in(series, CHANGE_PARAGRAPH_START, f"change_paragraph: >-\n  {text}\n  Since the previous report,")
    errors = [p for p in validate(load_session(data_copy, 59)) if p.severity == "error"]
    assert errors, case
    assert {(Path(p.location.path).name, p.location.line) for p in errors} == {("cmw-status.yaml", line_of(series, text))}
    assert all(p.location.path.endswith("series/cmw-status.yaml") for p in errors)
    assert all(p.location.column > 1 or case == "unknown footnote" for p in errors)
    assert words in errors[0].message
    assert all("change_paragraph" in p.message for p in errors)


def test_new_edition_refuses_a_draft_with_errors_and_writes_nothing(data_copy):
    series = data_copy / SERIES
    replace_in(series, CHANGE_PARAGRAPH_START, "change_paragraph: >-\n  Since {{ previus.symbol }},")
    shutil.rmtree(data_copy / "sessions" / "60")
    result = new_edition(data_copy, "59", "60")
    assert result.exit_code == 2, result.output
    assert not (data_copy / "sessions" / "60").exists()
    assert f"series/cmw-status.yaml:{line_of(series, 'previus')}:" in result.output
    assert "nothing was written" in result.stderr
    assert "Traceback" not in result.output


def test_an_error_the_draft_carries_from_its_source_is_told_at_the_source_line(data_copy):
    """The draft is not written when it has errors, so a mistake in a paragraph it carries over is
    told at the line of the edition it is drafted from, where the drafter can correct it."""
    edition = data_copy / "sessions" / "59" / "cmw-status.yaml"
    replace_in(edition, "      mandate.\n", "      mandate.[^nope]\n")
    result = new_edition(data_copy, "59", "61")
    assert result.exit_code == 2, result.output
    assert not (data_copy / "sessions" / "61").exists()
    assert (f"sessions/59/cmw-status.yaml:{line_of(edition, 'mandate.[^nope]')}:15: error: footnote [^nope] has no "
            "text under 'footnotes:'; add 'nope: ...' there (carried into the draft of ") in result.output
    assert "sessions/61/cmw-status.yaml)" in result.output and "sessions/61/cmw-status.yaml:" not in result.output


def test_the_committed_change_paragraph_is_clean_and_new_edition_still_drafts(data_copy):
    assert not [p for p in validate(load_session(data_copy, 59)) if p.severity == "error"]
    shutil.rmtree(data_copy / "sessions" / "60")
    result = new_edition(data_copy, "59", "60", "--as-at", "2005-08-01", "--date", "2005-08-26")
    assert result.exit_code == 0, result.output
    assert (data_copy / "sessions" / "60" / "cmw-status.yaml").is_file()


# 20. Conflicting options.

def test_force_and_keep_existing_together_are_refused(data_copy):
    before = (data_copy / "sessions" / "60" / "cmw-status.yaml").read_text(encoding="utf-8")
    result = new_edition(data_copy, "59", "60", "--force", "--keep-existing")
    assert result.exit_code == 2
    assert "--force" in result.output and "--keep-existing" in result.output
    assert (data_copy / "sessions" / "60" / "cmw-status.yaml").read_text(encoding="utf-8") == before


# 21. Facts as at a day that has not come.

def test_an_as_at_in_the_future_is_a_located_warning(data_copy, monkeypatch):
    import datetime as dt

    monkeypatch.setattr("pipeline.validate.rules.edition.today", lambda: dt.date(2026, 12, 3))
    edition = data_copy / CAT_53
    replace_in(edition, "symbol: A/53/253", "symbol: null")
    replace_in(edition, "date: 1998-08-17", "date: 2099-08-17")
    replace_in(edition, "as_at: 1998-08-17", "as_at: 2099-08-17")
    warnings = [w for w in located(validate(load_session(data_copy, 53)), "warning") if "has not come" in w[3]]
    assert warnings == [("cat-status.yaml", line_of(edition, "as_at: 2099"), 8,
                         "as_at 2099-08-17 is after today (2026-12-03): the facts in the ledger cannot be known "
                         "as at a day that has not come; give the day they were last checked")]


# 8. Facts as at a day before the treaty existed.

def test_an_as_at_before_the_treaty_was_adopted_is_an_error(data_copy):
    edition = data_copy / CAT_53
    replace_in(edition, "as_at: 1998-08-17", "as_at: 1980-01-01")
    problems = validate(load_session(data_copy, 53))
    assert located(problems) == [
        ("cat-status.yaml", line_of(edition, "as_at: 1980"), 8,
         "as_at 1980-01-01 is before the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment "
         "or Punishment was adopted on 1984-12-10: there are no facts of it to report as at that day; correct "
         "'as_at'")]
    warnings = [w[3] for w in located(problems, "warning") if "left out" in w[3]]
    assert warnings and all("1980-01-01" in w and "1998-08-17" not in w for w in warnings)


# 9. rows_from: an article no entry of the ledger declares under, or not an article.

@pytest.mark.parametrize("argument", ['"99"', "21.0", '"abc"'])
def test_declared_under_an_article_the_ledger_never_names_is_an_error(data_copy, argument):
    series = data_copy / CAT_SERIES
    replace_in(series, 'rows_from: states|declared("21")', f"rows_from: states|declared({argument})")
    errors = located(validate(load_session(data_copy, 53)))
    assert [(e[0], e[1]) for e in errors] == [("cat-status.yaml", line_of(series, f"declared({argument})"))]
    assert errors[0][3].startswith("rows_from: ")
    assert "the ledger's declarations are under articles 21, 22" in errors[0][3] or "not an article" in errors[0][3]


def test_declared_under_a_real_article_with_none_yet_stays_a_warning(data_copy):
    edition = data_copy / CAT_53
    replace_in(edition, "as_at: 1998-08-17", "as_at: 1985-01-01")
    problems = validate(load_session(data_copy, 53))
    assert not located(problems)
    assert any("declared(\"21\")' has nothing as at 1985-01-01" in w[3] for w in located(problems, "warning"))


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
