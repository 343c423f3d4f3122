"""Organs beyond the General Assembly and the Human Rights Council, as data
(data/reference/organs.yaml): the Economic and Social Council (a session named by its year,
its dates under it), one of its functional commissions (the Council large, the Commission over
its ordinal session, the session's dates) and the Security Council (no session, no agenda
line). Each fixture edition (tests/fixtures/organs/) is built to PDF, DOCX and canonical text
and its masthead lines are checked in order against the real masthead its organ's entry cites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from conftest import DATA, assert_in_order, build, pdftotext, replace_in
from pipeline.inputs.load import load_session
from pipeline.inputs.problems import InputError
from pipeline.validate import validate

FIXTURE = Path(__file__).parent / "fixtures" / "organs"

# session, series, the masthead lines in the order printed (the organization and the symbol share
# the top line)
MASTHEADS = {
    "ecosoc": (2019, "ecosoc-report",
               ["United Nations", "E/2019/999", "Economic and Social Council", "Distr.: General", "2 May 2019",
                "Original: English", "2019 session", "26 July 2018–24 July 2019",
                "Item 18 (b) of the provisional agenda", "Economic and environmental questions: test item",
                "Test report to the Economic and Social Council", "Report of the Secretary-General"]),
    # the masthead of the Commission's sixtieth-session document cited in organs.yaml
    "csw": (60, "csw-report",
            ["United Nations", "E/CN.6/2016/L.99", "Economic and Social Council", "Distr.: Limited", "22 March 2016",
             "Original: English", "Commission on the Status of Women", "Sixtieth session", "14–24 March 2016",
             "Agenda item 2", "Adoption of the agenda and other organizational matters",
             "Multi-year programme of work of the Commission on the Status of Women"]),
    # S/2015/1030's masthead: no session, dates or agenda line
    "sc": (2015, "sc-report",
           ["United Nations", "S/2015/1030", "Security Council", "Distr.: General", "24 December 2015",
            "Original: English", "Report of the Secretary-General on the situation in Mali"]),
}
CANONICAL = {
    "ecosoc": ["organ: Economic and Social Council", "session: 2019 session",
               "session dates: 26 July 2018–24 July 2019", "agenda item: Item 18 (b) of the provisional agenda*"],
    "csw": ["organ: Economic and Social Council", "session of: Commission on the Status of Women",
            "session: Sixtieth session", "session dates: 14–24 March 2016", "agenda item: Agenda item 2"],
    "sc": ["symbol: S/2015/1030", "organ: Security Council", "original: Original: English",
           "title: Report of the Secretary-General on the situation in Mali"],
}


def organs_data(target: Path) -> Path:
    """The repository's data with the fixture series and editions added."""
    data = target / "data"
    shutil.copytree(DATA, data)
    for part in ("series", "sessions"):
        shutil.copytree(FIXTURE / part, data / part, dirs_exist_ok=True)
    return data


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, dict[str, Path]]:
    root = tmp_path_factory.mktemp("organs")
    data = organs_data(root)
    return {name: build(data, root / "out", session=session, series=series, formats=("txt", "pdf", "docx", "akn"))
            for name, (session, series, _) in MASTHEADS.items()}


def problems_of(data: Path, session: int) -> list[str]:
    try:
        return [str(p) for p in validate(load_session(data, session))]
    except InputError as exc:
        return [str(p) for p in exc.problems]


def docx_words(path: Path) -> str:
    document = Document(str(path))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return " ".join(cells + [p.text for p in document.paragraphs])


@pytest.mark.parametrize("name", MASTHEADS)
def test_the_masthead_lines_are_the_real_ones_in_order(built, name):
    lines = MASTHEADS[name][2]
    pdf = " ".join(pdftotext(built[name]["pdf"]).split())
    assert all(line in pdf for line in lines[:2]), pdf[:300]  # the symbol's line is read before the organization's
    assert_in_order(pdf, lines[2:])
    assert_in_order(docx_words(built[name]["docx"]), lines)
    assert_in_order(built[name]["txt"].read_text(encoding="utf-8"), CANONICAL[name])


def test_the_security_council_masthead_has_no_session_block(built):
    text = built["sc"]["txt"].read_text(encoding="utf-8")
    assert "session" not in text and "agenda" not in text
    assert "session" not in pdftotext(built["sc"]["pdf"]).lower()
    assert "sessionDates" not in built["sc"]["akn"].read_text(encoding="utf-8")


def test_the_session_dates_stand_right_under_the_session_in_word(built):
    """The session line drops its space after over the dates (the CSS pulls the dates up)."""
    paragraphs = Document(str(built["csw"]["docx"])).paragraphs
    session = next(i for i, p in enumerate(paragraphs) if p.text == "Sixtieth session")
    assert paragraphs[session + 1].text == "14–24 March 2016"
    assert paragraphs[session].paragraph_format.space_after.pt == 0


def test_the_akoma_ntoso_masthead_carries_the_session_dates(built):
    akn = built["csw"]["akn"].read_text(encoding="utf-8")
    assert "<unreport:sessionDates>14–24 March 2016</unreport:sessionDates>" in akn
    assert "<unreport:sessionOrgan>Commission on the Status of Women</unreport:sessionOrgan>" in akn


@pytest.fixture
def organs(tmp_path) -> Path:
    return organs_data(tmp_path)


@pytest.mark.parametrize("session", [2019, 60, 2015])
def test_the_fixtures_validate_without_errors(organs, session):
    assert not [p for p in problems_of(organs, session) if ": error:" in p and "cmw-status" not in p]


EDIT_ERRORS = {
    # an agenda where the organ's documents carry none
    "agenda in a Security Council report": (
        2015, "sc-report", "body:\n", "agenda:\n  item: 5\n  title: A made-up item\nbody:\n",
        ["sc-report.yaml:12:", "error: the Security Council's documents are issued under no agenda item",
         "delete 'agenda'"]),
    # an organ without sessions files under the year of the date
    "Security Council report under another year": (
        2015, "sc-report", "date: 2015-12-24", "date: 2016-01-04",
        ["sc-report.yaml:7:", "error: the Security Council has no sessions", "write session: 2016"]),
    # a year session runs from July of the year before to July of its year
    "year session dated outside it": (
        2019, "ecosoc-report", "date: 2019-05-02", "date: 2020-05-04",
        ["ecosoc-report.yaml:7:", "error: the document date 2020-05-04 does not fit the Economic and Social "
                                  "Council's 2019 session"]),
    "symbol of another year": (
        2019, "ecosoc-report", "symbol: E/2019/999", "symbol: E/2018/999",
        ["ecosoc-report.yaml:6:", "'E/2018/999' belongs to year 2018", "write E/2019/999"]),
    # the Commission's symbols carry the year its session opens, not its session's number
    "commission symbol of another year": (
        60, "csw-report", "symbol: E/CN.6/2016/L.99", "symbol: E/CN.6/2015/L.99",
        ["csw-report.yaml:10:", "the year its session opens, 2016", "write E/CN.6/2016/L.99"]),
}


@pytest.mark.parametrize("case", EDIT_ERRORS)
def test_an_edition_that_does_not_fit_its_organ_is_a_located_error(organs, case):
    session, series, old, new, fragments = EDIT_ERRORS[case]
    replace_in(organs / "sessions" / str(session) / f"{series}.yaml", old, new)
    problems = problems_of(organs, session)
    assert any(all(fragment in p for fragment in fragments) for p in problems), problems


def test_missing_session_dates_are_an_error_and_stray_ones_too(organs):
    replace_in(organs / "sessions" / "60" / "csw-report.yaml",
               "session_dates: {opens: 2016-03-14, closes: 2016-03-24}\n", "")
    problems = problems_of(organs, 60)
    assert any("csw-report.yaml:" in p and "error: missing key 'session_dates'" in p for p in problems), problems
    replace_in(organs / "sessions" / "2015" / "sc-report.yaml", "session: 2015\n",
               "session: 2015\nsession_dates: {opens: 2015-01-05, closes: 2015-12-31}\n")
    problems = problems_of(organs, 2015)
    assert any("sc-report.yaml:8:" in p and "prints no dates of its session; delete 'session_dates'" in p
               for p in problems), problems


def test_a_session_that_closes_before_it_opens_is_refused(organs):
    replace_in(organs / "sessions" / "60" / "csw-report.yaml", "closes: 2016-03-24", "closes: 2016-03-04")
    problems = problems_of(organs, 60)
    assert any("csw-report.yaml:" in p and "the session closes (2016-03-04) before it opens (2016-03-14)" in p
               for p in problems), problems


def test_session_dates_left_empty_are_missing(organs):
    """Review 2, bug 1: 'session_dates:' left empty dropped the days from a final masthead silently."""
    replace_in(organs / "sessions" / "60" / "csw-report.yaml",
               "session_dates: {opens: 2016-03-14, closes: 2016-03-24}\n", "session_dates:\n")
    problems = problems_of(organs, 60)
    assert any("csw-report.yaml:" in p and "error: missing key 'session_dates'" in p for p in problems), problems


@pytest.mark.parametrize("value", ['"26 July 2018-24 July 2019"', "{opens: 2019-07-24, closes: 2018-07-26}"])
def test_ill_formed_session_dates_are_told_once_not_also_as_missing(organs, value):
    """A value that does not load is told where it stands; it is not also 'missing'."""
    replace_in(organs / "sessions" / "2019" / "ecosoc-report.yaml",
               "session_dates: {opens: 2018-07-26, closes: 2019-07-24}", f"session_dates: {value}")
    problems = problems_of(organs, 2019)
    assert any("ecosoc-report.yaml:" in p and "session_dates" in p for p in problems), problems
    assert not any("missing key 'session_dates'" in p for p in problems), problems


def test_dates_on_an_organ_without_sessions_get_one_piece_of_advice(organs):
    """session_dates: true on the Security Council is refused in organs.yaml; its editions are
    not also told to add the dates it was told to delete."""
    replace_in(organs / "reference" / "organs.yaml", "    session_style: none\n",
               "    session_style: none\n    session_dates: true\n")
    problems = problems_of(organs, 2015)
    assert not any("missing key 'session_dates'" in p for p in problems), problems
    told = [p for p in problems if "session_dates" in p]
    assert len(told) == 1 and "organs.yaml:" in told[0] and "delete 'session_dates'" in told[0], told


def test_stray_session_dates_are_not_also_asked_of_each_language(organs):
    """Session dates on a General Assembly edition: one error, not also a warning for each
    language file that has no form for them."""
    replace_in(organs / "sessions" / "59" / "cmw-status.yaml", "as_at:",
               "session_dates: {opens: 2004-09-14, closes: 2004-12-23}\nas_at:")
    problems = problems_of(organs, 59)
    assert any("prints no dates of its session; delete 'session_dates'" in p for p in problems), problems
    assert not any("strings.session_dates" in p for p in problems), problems


def test_an_organ_whose_keys_disagree_is_a_located_error(organs):
    replace_in(organs / "reference" / "organs.yaml", "    session_style: none\n",
               "    session_style: none\n    session_dates: true\n")
    problems = problems_of(organs, 2015)
    assert any("organs.yaml:" in p and "an organ without sessions (session_style: none) prints no session dates" in p
               for p in problems), problems


def test_a_language_without_the_year_session_form_says_so(organs, tmp_path):
    """No Russian form of "2019 session", of a session's dates or of the Council's name was
    found in a UN source: a Russian version names what its language file lacks."""
    (organs / "sessions" / "2019" / "ecosoc-report.ru.yaml").write_text(
        "language: ru\nstatus: unofficial\ntitle: Тестовый доклад\ntranslations: {}\n", encoding="utf-8")
    problems = problems_of(organs, 2019)
    assert any("data/languages/ru.yaml:1:1:" in p and "no 'strings.session_year'" in p for p in problems), problems
    assert any("no 'strings.session_dates'" in p for p in problems), problems
    assert any("names no 'Economic and Social Council' under strings.organs" in p for p in problems), problems


def test_a_draft_prints_its_organ_s_placeholders(organs, tmp_path):
    """A draft to the Council prints 'E/2019/...' for its symbol and for a provisional agenda
    still to be filled in, not the Assembly's 'A/2019/...'."""
    path = organs / "sessions" / "2019" / "ecosoc-report.yaml"
    replace_in(path, "symbol: E/2019/999", "symbol: null")
    replace_in(path, "  item: 18\n  sub_item: b\n", "  todo: fill in from the provisional agenda\n")
    replace_in(path, "  provisional_agenda: E/2019/998\n", "")
    text = build(organs, tmp_path / "out", session=2019, series="ecosoc-report", formats=("txt",))["txt"]
    lines = text.read_text(encoding="utf-8")
    assert "symbol: E/2019/..." in lines and "masthead note *: E/2019/..." in lines, lines[:800]
    assert "A/2019" not in lines


def test_a_session_of_years_is_a_warning(organs):
    """Attack 4 row 11: session dates three years apart printed without a word."""
    replace_in(organs / "sessions" / "60" / "csw-report.yaml", "closes: 2016-03-24", "closes: 2019-03-24")
    problems = problems_of(organs, 60)
    assert any("csw-report.yaml:" in p and "warning: the session would last from 2016-03-14 to 2019-03-24" in p
               for p in problems), problems


def test_a_human_rights_council_edition_may_print_its_session_dates(data_copy, tmp_path):
    """The Council's mastheads print the session's days from about 2016 (A/HRC/34/52: "Thirty-fourth
    session / 27 February-24 March 2017"), not in 2014 (A/HRC/26/29): optional, in every format."""
    path = data_copy / "sessions" / "26" / "peaceful-assembly-association.yaml"
    assert not any("session_dates" in p for p in problems_of(data_copy, 26))
    replace_in(path, "session: 26\n", "session: 26\nsession_dates: {opens: 2014-06-10, closes: 2014-06-27}\n")
    files = build(data_copy, tmp_path / "out", session=26, formats=("txt", "pdf", "docx"))
    assert_in_order(files["txt"].read_text(encoding="utf-8"),
                    ["session: Twenty-sixth session", "session dates: 10–27 June 2014", "agenda item: Agenda item 3"])
    assert_in_order(" ".join(pdftotext(files["pdf"], "-l", "1").split()),
                    ["Twenty-sixth session", "10–27 June 2014", "Agenda item 3"])
    assert "10–27 June 2014" in docx_words(files["docx"])


def test_an_organs_session_dates_of_another_value_is_one_error(organs):
    """Attack 5 row 15: 'session_dates: maybe' gave two messages in the models' words."""
    replace_in(organs / "reference" / "organs.yaml", "    session_dates: optional\n", "    session_dates: maybe\n")
    errors = [p for p in problems_of(organs, 2015) if ": error: " in p]
    assert len(errors) == 1 and "organs.yaml:" in errors[0] and "must be true, false or optional, not 'maybe'" \
        in errors[0], errors
