"""Organs as data (data/reference/organs.yaml): a series reporting to the Human Rights Council
prints the General Assembly in its masthead and the Council over its session, takes A/HRC/
symbols and a Geneva job number, in every format; a symbol of another organ or an organ the
file does not declare is a located error."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from conftest import assert_in_order, build, pdftotext, replace_in
from pipeline.inputs.load import load_session
from pipeline.inputs.problems import InputError
from pipeline.validate import validate

SERIES = """id: hrc-report
title: Question of the death penalty
author: Report of the Secretary-General
organ: Human Rights Council
facts: []
"""
EDITION = """series: hrc-report
session: 15
symbol: A/HRC/15/19
date: 2010-07-02
as_at: 2010-07-02
place: Geneva
job_number: GE.10-14635 (E) 060710
agenda:
  item: 2
  title: Annual report of the United Nations High Commissioner for Human Rights
body:
  - chapter: Introduction
  - paragraph: The present report is submitted pursuant to Council decision 2/102.
  - chapter: Conclusions
  - paragraph: The Secretary-General reports the figures above.
"""


def hrc_data(data: Path, edition: str = EDITION, series: str = SERIES) -> Path:
    (data / "series" / "hrc-report.yaml").write_text(series, encoding="utf-8")
    (data / "sessions" / "15").mkdir()
    (data / "sessions" / "15" / "hrc-report.yaml").write_text(edition, encoding="utf-8")
    return data


def problems_of(data: Path) -> list[str]:
    try:
        return [str(p) for p in validate(load_session(data, 15))]
    except InputError as exc:
        return [str(p) for p in exc.problems]


def test_a_council_report_has_the_assembly_masthead_and_the_council_over_its_session(data_copy, tmp_path):
    files = build(hrc_data(data_copy), tmp_path / "out", session=15)
    masthead = ["United Nations", "A/HRC/15/19", "General Assembly", "Distr.: General", "2 July 2010",
                "Human Rights Council", "Fifteenth session", "Agenda item 2",
                "Annual report of the United Nations High Commissioner for Human Rights",
                "Question of the death penalty", "GE.10-14635 (E) 060710"]
    text = files["txt"].read_text(encoding="utf-8")
    assert_in_order(text, ["organ: General Assembly", "session of: Human Rights Council", "session: Fifteenth session",
                           "agenda item: Agenda item 2"])
    pdf_words = " ".join(pdftotext(files["pdf"]).split())
    assert all(line in pdf_words for line in masthead), pdf_words[:600]
    assert_in_order(pdf_words, masthead[5:])  # the session block, the title and the footer, in order
    document = Document(str(files["docx"]))
    words = " ".join(p.text for table in document.tables for row in table.rows for c in row.cells
                     for p in c.paragraphs) + " " + " ".join(p.text for p in document.paragraphs)
    for line in masthead[:-1]:
        assert line in words
    assert 'data-code="1014635"' in files["html"].read_text(encoding="utf-8")  # the barcode drops "GE."


def _space(paragraph, side: str) -> float:
    """A paragraph's space before or after in points, as Word resolves it through base styles."""
    style = paragraph.style
    while style is not None:
        value = getattr(style.paragraph_format, f"space_{side}")
        if value is not None:
            return value.pt
        style = style.base_style
    return 0.0


def test_the_docx_sets_the_council_right_over_its_session_line(data_copy, tmp_path):
    """No blank line between "Human Rights Council" and its session (Word adds both spaces)."""
    files = build(hrc_data(data_copy), tmp_path / "out", session=15)
    paragraphs = Document(str(files["docx"])).paragraphs
    organ = next(i for i, p in enumerate(paragraphs) if p.text == "Human Rights Council")
    session = paragraphs[organ + 1]
    assert session.text == "Fifteenth session"
    assert _space(paragraphs[organ], "after") + _space(session, "before") == 0
    assert _space(paragraphs[organ], "before") == 12  # the block keeps its 12 pt under the masthead


def test_no_date_warning_for_a_council_session(data_copy):
    problems = problems_of(hrc_data(data_copy))
    assert not [p for p in problems if "far from session" in p], problems
    assert not [p for p in problems if ": error:" in p], problems


def test_an_assembly_symbol_in_a_council_report_is_a_located_error(data_copy):
    hrc_data(data_copy, EDITION.replace("symbol: A/HRC/15/19", "symbol: A/15/19"))
    problems = problems_of(data_copy)
    assert any("hrc-report.yaml:3:" in p and "'A/15/19' is not a symbol of the Human Rights Council; "
               "write it like A/HRC/15/150" in p for p in problems), problems


def test_an_organ_the_file_does_not_declare_is_a_located_error(data_copy):
    hrc_data(data_copy, series=SERIES.replace("organ: Human Rights Council", "organ: Human Rights Counsel"))
    problems = problems_of(data_copy)
    assert any("hrc-report.yaml:4:" in p and "no organ 'Human Rights Counsel'" in p
               and "did you mean 'Human Rights Council'" in p for p in problems), problems


def test_a_new_organ_is_a_few_lines_of_data(data_copy, tmp_path):
    """An organ added to organs.yaml (here a made-up 'Test Council' with T/ symbols) serves a
    series without any change to the code."""
    replace_in(data_copy / "reference" / "organs.yaml", "organs:\n",
               "organs:\n  Test Council:\n    symbols: \"T/{session}/\"\n    source: a test\n")
    hrc_data(data_copy, EDITION.replace("A/HRC/15/19", "T/15/19"),
             SERIES.replace("organ: Human Rights Council", "organ: Test Council"))
    files = build(data_copy, tmp_path / "out", session=15, formats=("txt",))
    assert_in_order(files["txt"].read_text(encoding="utf-8"), ["symbol: T/15/19", "organ: Test Council"])


def test_a_council_edition_is_drafted_with_the_dates_given_and_its_own_symbols(data_copy):
    """The Council meets three times a year: new-edition cannot count the next session's dates
    and asks for them; given them, the agenda to fill in names the Council's symbols."""
    from click.testing import CliRunner

    from pipeline.cli import main

    hrc_data(data_copy)
    asked = CliRunner().invoke(main, ["new-edition", "15", "18", "--data", str(data_copy)])
    assert asked.exit_code == 2, asked.output
    assert "sessions are not counted one a year" in asked.output and "--date and --as-at" in asked.output
    drafted = CliRunner().invoke(main, ["new-edition", "15", "18", "--date", "2011-07-01", "--as-at", "2011-06-30",
                                        "--data", str(data_copy)])
    assert drafted.exit_code == 0, drafted.output
    text = (data_copy / "sessions" / "18" / "hrc-report.yaml").read_text(encoding="utf-8")
    assert "(A/HRC/18/...)" in text and "date: 2011-07-01" in text


def test_a_geneva_job_number_without_a_date_is_accepted_and_encoded(data_copy, tmp_path):
    hrc_data(data_copy, EDITION.replace("GE.10-14635 (E) 060710", "GE.18-15291(E)"))
    files = build(data_copy, tmp_path / "out", session=15, formats=("html",))
    assert 'data-code="1815291"' in files["html"].read_text(encoding="utf-8")


def test_a_job_number_without_a_language_letter_is_printed_as_written(data_copy, tmp_path):
    """Copies of Geneva documents of 2014 print 'GE.14-13475' alone: accepted and encoded; processing
    dates without the letter before them are not a job number."""
    hrc_data(data_copy, EDITION.replace("GE.10-14635 (E) 060710", "GE.10-14635"))
    files = build(data_copy, tmp_path / "out", session=15, formats=("html",))
    assert 'data-code="1014635"' in files["html"].read_text(encoding="utf-8")
    (data_copy / "sessions" / "15" / "hrc-report.yaml").write_text(
        EDITION.replace("GE.10-14635 (E) 060710", "GE.10-14635 060710"), encoding="utf-8")
    assert any("hrc-report.yaml:7:" in p and "job_number" in p for p in problems_of(data_copy))


def test_an_organ_a_language_file_does_not_name_is_reported_for_that_version(tmp_path):
    """A language version would print an organ its language file does not name in English:
    a warning in a draft (an error once final), at the language file."""
    import shutil

    from conftest import FULL_DATA

    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    replace_in(data / "languages" / "fr.yaml", "    Human Rights Council: Conseil des droits de l’homme\n", "")
    replace_in(data / "series" / "cmw-status.yaml", "organ: General Assembly", "organ: Human Rights Council")
    problems = [str(p) for p in validate(load_session(data, 59))]
    assert any(p.startswith("data/languages/fr.yaml:1:1: error: this file names no 'Human Rights Council'")
               or ("fr.yaml:1:1:" in p and "names no 'Human Rights Council' under strings.organs" in p)
               for p in problems), [p for p in problems if "organs" in p]


def test_a_masthead_organ_must_be_a_principal_organ_of_the_file(data_copy):
    from pipeline.inputs.load import load_all

    replace_in(data_copy / "reference" / "organs.yaml", "    masthead: General Assembly\n", "    masthead: Nowhere\n")
    problems = [str(p) for p in validate(load_all(data_copy)) if p.severity == "error"]
    assert any("organs.yaml:" in p and "masthead 'Nowhere' is not an organ of this file" in p for p in problems), problems


def test_a_job_number_of_another_year_or_with_no_real_day_is_reported(data_copy):
    hrc_data(data_copy, EDITION.replace("GE.10-14635 (E) 060710", "GE.18-14635 (E) 310210"))
    problems = problems_of(data_copy)
    assert any("hrc-report.yaml:7:" in p and "'310210' in the job number is not a day" in p for p in problems), problems
    assert any("hrc-report.yaml:7:" in p and "the job number is of 2018, the document of 2010" in p for p in problems)


def test_a_key_of_another_kind_of_block_says_so(data_copy):
    hrc_data(data_copy, EDITION.replace("  - chapter: Introduction\n", "  - chapter: Introduction\n    quote: true\n"))
    problems = problems_of(data_copy)
    assert any("unknown key 'quote' in this block: 'quote:' is a key of a paragraph" in p for p in problems), problems
