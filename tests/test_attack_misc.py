"""Findings of an attack on the validation (3 December): an absurdly long symbol passed
validation and failed in the PDF under another name; a broken series also reported every
footnote as never called; a footnote called only by another footnote was reported as never called."""

from __future__ import annotations

from pathlib import Path

from conftest import problems_of, replace_in

EDITION = "sessions/53/cat-status.yaml"


def test_a_symbol_longer_than_any_real_one_is_refused_at_its_line(data_copy, monkeypatch):
    replace_in(data_copy / EDITION, "symbol: A/53/253", "symbol: A/53/" + "2" * 70)
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data"), 53) == [
        f"data/{EDITION}:12:9: error: the symbol is 75 characters long; a UN symbol has at most 40 "
        "(like A/53/312/Add.1)"]


def test_a_broken_series_does_not_also_report_the_footnotes_as_never_called(data_copy, monkeypatch):
    replace_in(data_copy / "series/cat-status.yaml", "organ: General Assembly", "organ: 5")
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data"), 53) == [
        "data/series/cat-status.yaml:10:8: error: 'organ': must be text, not 5; put it in double quotes"]


def test_a_footnote_called_by_another_footnote_is_not_reported_as_never_called(data_copy, monkeypatch):
    replace_in(data_copy / EDITION, "footnotes:\n", "footnotes:\n  second: \"A second note.\"\n")
    replace_in(data_copy / EDITION, 'committee-report: "[Text of footnote 1/ not available in the sources reached.]"',
               'committee-report: "[Text of footnote 1/ not available in the sources reached.][^second]"')
    monkeypatch.chdir(data_copy.parent)
    assert not [p for p in problems_of(Path("data"), 53) if "'second' is never called" in p]


def test_a_missing_previous_edition_is_named_as_the_cause_of_previous_being_unknown(data_copy, monkeypatch):
    replace_in(data_copy / "sessions/60/cmw-status.yaml", "previous: 59 ", "previous: 58 ")
    monkeypatch.chdir(data_copy.parent)
    errors = [p for p in problems_of(Path("data"), 60) if ": error: " in p]
    assert errors == [
        "data/sessions/60/cmw-status.yaml:7:11: error: previous edition data/sessions/58/cmw-status.yaml does not exist",
        "data/sessions/60/cmw-status.yaml:59:37: error: paragraph uses 'previous', which needs the previous edition: "
        "its 'previous:' cannot be read (see the error at 'previous:')"]


def test_new_edition_for_a_date_no_un_document_has_says_which_option_to_give(data_copy, monkeypatch):
    from click.testing import CliRunner

    from pipeline.cli import main

    monkeypatch.chdir(data_copy.parent)
    result = CliRunner().invoke(main, ["new-edition", "59", "61", "--date", "2150-01-01"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: drafted data/sessions/61/cmw-status.yaml does not load: 'date': 2150-01-01 is not a date of a "
        "United Nations document: write a year from 1945 to 2100 (give --date); nothing was written")
    assert not (data_copy / "sessions" / "61").exists()


def test_a_negative_number_an_expression_gives_prints_with_the_minus_sign():
    from pipeline.compose.sandbox import render_paragraph_text

    assert render_paragraph_text("A change of {{ 0 - 5 }} States.", {}) == "A change of \u22125 States."
    assert render_paragraph_text("{{ 7 - 2 }}", {}) == "5"


def test_a_direction_mark_is_refused_with_a_reason_that_fits_it():
    from pipeline.inputs.characters import refused_message

    message = refused_message("\u200f")
    assert message.startswith("the text holds the invisible direction mark U+200F RIGHT-TO-LEFT MARK; the PDF and "
                              "the DOCX set the direction of Arabic text themselves")
