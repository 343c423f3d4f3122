"""Findings of the third attack (on organs, the preliminary list and notes transmitting a
report): each is a located message or a right document, never an internal error or a wrong
document with exit 0."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import FULL_DATA, build, pdftotext, problems_of, replace_in
from pipeline.cli import main
from test_organ_mastheads import organs_data

NOTE = Path("sessions/69/trafficking-in-persons.yaml")
A66 = Path("sessions/66/terrorism-measures.yaml")


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    return data


def _errors(data: Path, session: int) -> list[str]:
    return [p for p in problems_of(data, session) if ": error: " in p]


def test_subparagraphs_in_the_note_are_labelled_and_built(tmp_path):
    """1: validate passed and the build failed with a bare KeyError."""
    data = _copy(tmp_path)
    replace_in(data / NOTE, "    id: transmittal\n", "    id: transmittal\n    items: [one thing;, another thing.]\n")
    assert _errors(data, 69) == []
    text = build(data, tmp_path / "out", session=69, formats=("html", "txt", "docx"))["txt"].read_text(encoding="utf-8")
    assert "  (a) one thing;\n  (b) another thing." in text


def test_a_numbered_note_paragraph_and_an_id_used_twice_are_errors(tmp_path):
    """10: 'numbered: true' was ignored and an id of the note repeated in the body was not refused."""
    data = _copy(tmp_path)
    replace_in(data / NOTE, "    id: transmittal\n", "    id: transmittal\n    numbered: true\n")
    replace_in(data / NOTE, "  - chapter: Introduction\n", "  - chapter: Introduction\n    id: transmittal\n")
    errors = _errors(data, 69)
    assert any("the note's paragraphs are never numbered; remove 'numbered: true'" in e for e in errors), errors
    assert any("id 'transmittal' is used twice" in e for e in errors), errors


def test_a_language_without_the_author_line_says_so_and_french_prints_its_own(tmp_path):
    """2: every version printed 'Note by the Secretary-General' in English, silently."""
    data = _copy(tmp_path)
    replace_in(data / NOTE, "symbol: A/69/33797\n", "symbol: null\n")
    (data / "sessions/69/trafficking-in-persons.fr.yaml").write_text(
        "language: fr\nstatus: unofficial\ntitle: La traite\ntransmitted_title: Rapport\n", encoding="utf-8")
    text = build(data, tmp_path / "out", session=69, formats=("html", "txt"), language="fr")["txt"]
    assert "author: Note du Secrétaire général" in text.read_text(encoding="utf-8")
    replace_in(data / "languages/fr.yaml", "    Note by the Secretary-General: Note du Secrétaire général\n", "")
    found = [p for p in problems_of(data, 69) if "strings.authors" in p]
    assert len(found) == 1 and "would print its author line in English" in found[0], found


def test_markup_in_the_transmitted_title_is_an_error_and_a_very_long_one_a_warning(tmp_path):
    """11, 12: markup printed literally; a 2,000-character title filled page 2 silently."""
    data = _copy(tmp_path)
    title = "  Report of the Special Rapporteur on trafficking in persons, especially women and children\n"
    replace_in(data / NOTE, title, "  Report *of* the Special Rapporteur[^f9] {{ session }}\n")
    assert any("title prints as it is written" in e for e in _errors(data, 69))
    replace_in(data / NOTE, "  Report *of* the Special Rapporteur[^f9] {{ session }}\n", "  " + "Report " * 60 + "\n")
    assert any(": warning: the transmitted report's title has 419 characters" in p for p in problems_of(data, 69))


def test_the_reports_own_symbol_as_its_preliminary_list_is_an_error(tmp_path):
    """14: the report's own symbol was printed as its preliminary list."""
    data = _copy(tmp_path)
    replace_in(data / A66, "  preliminary_list: A/66/50\n", "  preliminary_list: A/66/96\n")
    errors = _errors(data, 66)
    assert len(errors) == 1 and "A/66/96 is this report's own symbol, not the preliminary list's" in errors[0], errors


def test_a_year_as_the_session_of_an_organ_that_numbers_them_is_an_error(tmp_path):
    """5: 'Two thousand and sixteenth session'."""
    data = organs_data(tmp_path)
    source = data / "sessions/60/csw-report.yaml"
    (data / "sessions/2016").mkdir(exist_ok=True)
    target = data / "sessions/2016/csw-report.yaml"
    target.write_text(source.read_text(encoding="utf-8").replace("session: 60", "session: 2016"), encoding="utf-8")
    source.unlink()
    assert any("numbers its sessions" in e and "2016 is a year" in e for e in _errors(data, 2016))


def test_new_edition_of_a_commission_report_leaves_the_new_sessions_days_to_fill_in(tmp_path):
    """4: the draft of session 61 printed session 60's days and an E/CN.6/2016 placeholder."""
    data = organs_data(tmp_path)
    result = CliRunner().invoke(main, ["new-edition", "60", "61", "--series", "csw-report", "--date", "2017-03-20",
                                       "--as-at", "2017-03-20", "--data", str(data)])
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load((data / "sessions/61/csw-report.yaml").read_text(encoding="utf-8"))
    assert "session_dates" not in drafted
    assert "(E/CN.6/2017/...)" in drafted["agenda"]["todo"]
    assert any("missing key 'session_dates'" in p and ": warning: " in p for p in problems_of(data, 61))


def test_new_edition_of_a_year_session_counts_its_dates_in_years(tmp_path):
    """3, 17: ECOSOC's 2020 session needed --date and --as-at, 'as it meets more than once a year'."""
    data = organs_data(tmp_path)
    result = CliRunner().invoke(main, ["new-edition", "2019", "2020", "--data", str(data)])
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load((data / "sessions/2020/ecosoc-report.yaml").read_text(encoding="utf-8"))
    assert drafted["session"] == 2020 and drafted["date"].year == 2020 and "session_dates" not in drafted


def test_a_session_of_two_organs_names_the_edition_that_stops_the_draft_and_the_way_round(tmp_path):
    """16: session 60 holds the Assembly's report and the Commission's; drafting 61 stopped on
    the Commission's dates without saying which report or how to draft the other alone."""
    data = organs_data(tmp_path)
    result = CliRunner().invoke(main, ["new-edition", "60", "61", "--data", str(data)])
    assert result.exit_code == 2
    assert "csw-report.yaml" in result.output and "give --series / SERIES=" in result.output


def test_a_final_report_citing_a_security_council_draft_is_an_error(tmp_path):
    """The code review's bug: the check that a final report does not print its predecessor's
    placeholder looked for 'A/2016/...', so 'S/2016/...' printed with no word from validation."""
    data = _copy(tmp_path)
    earlier = data / "sessions/2016/sc-trafficking-measures.yaml"
    replace_in(earlier, "symbol: S/2016/949\n", "symbol: null\n")
    later = data / "sessions/2017/sc-trafficking-measures.yaml"
    later.parent.mkdir()
    text = earlier.read_text(encoding="utf-8").replace("session: 2016\n", "session: 2016\nprevious: 2016\n")
    text = text.replace("session: 2016\n", "session: 2017\n", 1).replace("symbol: null\n", "symbol: S/2017/100\n")
    text = text.replace("date: 2016-11-10", "date: 2017-11-10")
    text = text.replace("The present report is submitted", "The previous report ({{ previous.symbol }}) is followed. "
                        "The present report is submitted", 1)
    later.write_text(text, encoding="utf-8")
    errors = _errors(data, 2017)
    assert any("would print 'S/2016/...'" in e for e in errors), errors


def test_an_edition_may_have_its_own_title(tmp_path):
    """E/2019/68 is titled "Special edition: progress towards the Sustainable Development Goals"
    in a series whose other editions are "Progress towards ..." (the fourth newcomer's finding)."""
    data = _copy(tmp_path)
    replace_in(data / "sessions/59/cmw-status.yaml", "body:\n", 'title: "Special edition: status of the Convention"\nbody:\n')
    files = build(data, tmp_path / "out", formats=("html", "txt", "pdf"))
    assert "title: Special edition: status of the Convention\n" in files["txt"].read_text(encoding="utf-8")
    assert "Special edition: status of the Convention" in " ".join(pdftotext(files["pdf"]).split())


def test_an_edition_title_and_a_translated_title_print_as_written(tmp_path):
    """Attack 4, rows 5, 6, 8: markup in an edition's own title printed literally, a 5,000-character
    one filled page 1 silently, and a translated title of any length passed."""
    data = _copy(tmp_path)
    edition = data / "sessions/59/cmw-status.yaml"
    replace_in(edition, "body:\n", "title: \"Status *of* the Convention[^f1] {{ session }}\"\nbody:\n")
    assert any(": error: the edition's title prints as it is written" in e for e in _errors(data, 59))
    replace_in(edition, "title: \"Status *of* the Convention[^f1] {{ session }}\"\n", f"title: {'Status ' * 60}\n")
    assert any(": warning: the edition's title has 419 characters" in p for p in problems_of(data, 59))
    (data / "sessions/59/cmw-status.fr.yaml").write_text(
        f"language: fr\nstatus: unofficial\ntitle: {'Situation ' * 40}\n", encoding="utf-8")
    assert any("cmw-status.fr.yaml:3:8: warning: the title has 399 characters" in p for p in problems_of(data, 59))


def test_a_title_with_a_copied_mark_is_an_error_and_a_lone_underscore_is_text(tmp_path):
    """Attack 5 row 18: "Kiai*" copied from the PDF printed "Kiai**" over the note "*"; a lone '_'
    was refused as emphasis."""
    data = _copy(tmp_path)
    path = data / "sessions/26/peaceful-assembly-association.yaml"
    replace_in(path, "  association, Maina Kiai\n", "  association, Maina Kiai*\n")
    assert any(": error: the edition's title ends in '*', a masthead note's mark copied with it" in e
               for e in _errors(data, 26)), _errors(data, 26)
    replace_in(path, "  association, Maina Kiai*\n", "  association, Maina Kiai (A _ B)\n")
    assert not _errors(data, 26)


def test_a_chinese_title_counts_its_wide_characters_twice(tmp_path):
    """Attack 5 row 19: 300 Chinese characters (12 lines on page 1) passed; 200 is a warning."""
    data = _copy(tmp_path)
    (data / "sessions/59/cmw-status.zh.yaml").write_text(
        "language: zh\nstatus: unofficial\ntitle: " + "保护所有移徙工人及其家庭成员权利国际公约" * 10 + "\n", encoding="utf-8")
    assert any("cmw-status.zh.yaml:3:8: warning: the title has 200 characters" in p for p in problems_of(data, 59))


@pytest.mark.parametrize("symbol, message", [
    ("A/53/253/Corr.1/Add.1", "'Add.1' follows Corr. in the symbol; a corrigendum's part comes last"),
    ("A/53/253/Corr.1/Corr.2", "the symbol names Corr. twice; the next issue has a number of its own"),
])
def test_issue_parts_in_the_wrong_order_or_twice_are_errors(tmp_path, symbol, message):
    """Attack 5 rows 10-11."""
    data = _copy(tmp_path)
    replace_in(data / "sessions/53/cat-status.yaml", "symbol: A/53/253\n", f"symbol: {symbol}\n")
    assert any(message in e for e in _errors(data, 53)), _errors(data, 53)


def test_session_dates_years_from_the_document_are_a_warning(tmp_path):
    """Attack 5 row 9: Human Rights Council session dates of 2030 on a 2014 report passed."""
    data = _copy(tmp_path)
    replace_in(data / "sessions/26/peaceful-assembly-association.yaml", "session: 26\n",
               "session: 26\nsession_dates: {opens: 2030-06-10, closes: 2030-06-27}\n")
    assert any("warning: the session opens on 2030-06-10, years from the document's date 2014-04-14" in p
               for p in problems_of(data, 26))


def test_an_ill_formed_contents_value_is_one_error(tmp_path):
    """Attack 5 row 16: 'contents: maybe' gave three errors for one typo."""
    data = _copy(tmp_path)
    replace_in(data / "sessions/42/csw-beijing-follow-up.yaml", "contents: true\n", "contents: maybe\n")
    errors = _errors(data, 42)
    assert len(errors) == 1 and "'contents': must be true" in errors[0], errors


@pytest.mark.parametrize("old, new, what", [
    ("  association, Maina Kiai\n", "  association, Maina Kiai *\n", "the edition's title ends in '*'"),
    ("  association, Maina Kiai\n", "  association, Maina Kiai*.\n", "the edition's title ends in '*.'"),
    ("including the right to development\n", "including the right to development*\n",
     "the agenda item's title ends in '*'"),
])
def test_a_mark_copied_with_a_title_is_an_error_in_every_form(tmp_path, old, new, what):
    """Attack 6 row 6: ' *', '*.' and an agenda title's '*' got through."""
    data = _copy(tmp_path)
    replace_in(data / "sessions/26/peaceful-assembly-association.yaml", old, new)
    assert any(what in e for e in _errors(data, 26)), _errors(data, 26)


def test_a_character_the_fonts_lack_in_the_series_title_is_told_at_the_series_file(tmp_path):
    """Attack 6 row 7: validation passed, the build stopped naming the edition with no line."""
    data = _copy(tmp_path)
    path = data / "series/cmw-status.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Members of Their Families\n",
                                                             "Members of Their Families \U0001F600\n", 1), encoding="utf-8")
    errors = _errors(data, 59)
    assert any("series/cmw-status.yaml:3:" in e and "no glyph for" in e for e in errors), errors


@pytest.mark.parametrize("old, new, message", [
    ("Members of Their Families\n", "Members of Their Families *\n", "the series' title ends in '*'"),
    ("author: Report of the Secretary-General\n", "author: Report of the Secretary-General*\n",
     "the author line ends in '*'"),
])
def test_the_series_title_and_author_line_are_checked_as_titles(tmp_path, old, new, message):
    """Attack 7 row 5: the series' title and author line were never checked for copied marks."""
    data = _copy(tmp_path)
    replace_in(data / "series/cmw-status.yaml", old, new)
    assert any("series/cmw-status.yaml:" in e and message in e for e in _errors(data, 59)), _errors(data, 59)


def test_a_heading_beginning_with_part_of_is_not_a_typed_number(tmp_path):
    """Attack 7 row 15: "Part of the solution" was taken for a hand-typed "Part one"."""
    data = _copy(tmp_path)
    replace_in(data / "sessions/42/csw-beijing-follow-up.yaml", "  - chapter: Introduction\n",
               "  - chapter: Part of the solution\n")
    assert not any("typed by hand" in p for p in problems_of(data, 42))


def test_language_versions_without_their_original_say_so(tmp_path):
    """Attack 7 row 12: "no editions ... add <series>.yaml" did not say the versions' original was missing."""
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    (data / "sessions/59/cmw-status.yaml").unlink()
    problems = problems_of(data, 59)
    assert any("is a language version of cmw-status.yaml, which is missing" in p for p in problems), problems
