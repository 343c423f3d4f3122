"""The Convention against Torture status series (data/series/cat-status.yaml), authored as data
only: session 53 reproduces what the sources reached give of A/53/253 in PDF, DOCX and
canonical text, in order; its annex tables come from the ledger (a date changed there changes
both formats); the names are those in force on the edition's date; a State named on a date
before it existed, and a fact the series does not declare, are located errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext, replace_in
from docxtext import body_blocks, footnote_texts
from reference import fixture_sections, normalize, sentences_of, unhyphenated

FIXTURE = Path(__file__).parent / "fixtures" / "reference-a53-cat-status.txt"
EDITION = Path("sessions/53/cat-status.yaml")
LEDGER = Path("reference/cat-ledger.yaml")


REF = fixture_sections(FIXTURE)


def text_sequence() -> list[str]:
    """Every reproduced sentence of paragraphs 1-3 in order."""
    return sentences_of(REF, "paragraph 1", "paragraph 2", "paragraph 3")


def table_rows() -> list[str]:
    return [line for name in ("status", "article-21", "article-22") for line in REF[f"table {name}"] + REF[f"rows {name}"]]


@pytest.fixture(scope="module")
def built_53(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=53)


# The text reproduced, in every format ---------------------------------------------------

def test_canonical_text_has_masthead_paragraphs_and_rows_in_order(built_53):
    text = built_53["txt"].read_text(encoding="utf-8")
    lines = [normalize(line.split(": ", 1)[1]) for line in text.splitlines() if ": " in line]
    flat = normalize(text)
    masthead = [m for m in REF["masthead"] if not m.startswith("* ")]
    assert_in_order(" ".join(lines), masthead)
    assert "masthead note *: A/53/150." in text
    assert_in_order(flat, text_sequence())
    assert_in_order(flat, table_rows())


def test_pdf_has_masthead_paragraphs_and_rows_in_order(built_53):
    flat = unhyphenated(normalize(pdftotext(built_53["pdf"])))
    first_page = unhyphenated(normalize(pdftotext(built_53["pdf"], "-l", "1")))
    for line in REF["masthead"]:  # the masthead's two columns come out of pdftotext in either order
        assert unhyphenated(line) in first_page, line
    assert_in_order(first_page, [unhyphenated(m) for m in REF["masthead"][4:9]])
    assert_in_order(flat, [unhyphenated(s) for s in text_sequence()])
    # a table's cells wrap in their columns: read the page as laid out, row by row
    layout = normalize(pdftotext(built_53["pdf"], "-layout"))
    needles = []
    for row in REF["rows status"]:
        state, signature, consent = [c.strip() for c in row.split("|")]
        needles += [state.split()[0]] + ([" ".join(signature.split()[:2])] if signature else []) + [consent]
    assert_in_order(layout, needles)
    for name in ("article-21", "article-22"):
        assert_in_order(layout, [row.split(" | ")[0] for row in REF[f"rows {name}"]])


def test_pdf_page_1_notes_masthead_note_first_then_footnotes_in_the_column(built_53):
    """As in the real documents: the masthead note (*) opens page 1's notes, the numbered
    footnote follows, and both start at the text column's edge (x = 123 pt), not in the margin."""
    bbox = pdftotext(built_53["pdf"], "-f", "1", "-l", "1", "-bbox")

    def word(text: str) -> tuple[float, float]:
        """Left and top of the last word `text` on page 1."""
        found = re.findall(rf'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>{re.escape(text)}</word>', bbox)
        assert found, text
        return float(found[-1][0]), float(found[-1][1])

    mark_x, mark_y = word("A/53/150.")
    note_x, note_y = word("[Text")
    assert mark_y < note_y, "the masthead note comes before the numbered footnote"
    assert note_x >= 123 - 0.5, f"the footnote starts in the margin (x = {note_x})"


def test_docx_has_masthead_paragraphs_and_rows_in_order(built_53):
    blocks = body_blocks(built_53["docx"])
    joined = " ".join(blocks)
    assert_in_order(joined, [m for m in REF["masthead"] if not m.startswith("* ")])
    assert_in_order(joined, text_sequence())
    assert_in_order(" ".join(normalize(b) for b in blocks), table_rows())
    notes = footnote_texts(built_53["docx"])
    assert any("A/53/150." in n for n in notes)


def test_missing_text_is_marked_not_invented(built_53):
    text = built_53["txt"].read_text(encoding="utf-8")
    assert "[the rest of paragraph 3 is not available in the sources reached]" in text
    assert "[Paragraph 4 and the paragraphs after it are not available" in text
    assert "[Text of footnote 1/ not available in the sources reached.]" in text


# The annex tables come from the ledger ---------------------------------------------------

def test_a_ledger_date_changes_the_annex_in_pdf_and_docx(data_copy, tmp_path):
    replace_in(data_copy / LEDGER, "  - state: Albania\n    consent: 1994-05-11",
               "  - state: Albania\n    consent: 1994-06-15")
    files = build(data_copy, tmp_path / "out", session=53, formats=("html", "txt", "pdf", "docx"))
    pdf = normalize(pdftotext(files["pdf"], "-layout"))
    docx = " ".join(body_blocks(files["docx"]))
    for text in (pdf, docx):
        assert "15 June 1994 a" in text
        assert "11 May 1994" not in text
    assert "Albania |  | 15 June 1994 a" in docx


def test_a_declaration_withdrawn_leaves_the_article_22_list(data_copy, tmp_path):
    replace_in(data_copy / LEDGER, '      - article: "22"\n        date: 1993-01-28\n',
               '      - article: "22"\n        date: 1993-01-28\n        withdrawn: 1997-01-01\n')
    text = build(data_copy, tmp_path / "out", session=53, formats=("html", "txt"))["txt"].read_text("utf-8")
    article_22 = text.split("[table article-22]", 1)[1]
    assert "Australia" not in article_22
    assert "Australia | 28 January 1993" in text.split("[table article-22]", 1)[0]  # still under article 21


def test_a_state_without_declarations_is_in_neither_article_list(built_53):
    """Sri Lanka acceded without the declarations (A/53/44, paragraph 244): a row in the status
    table, none under articles 21 and 22."""
    text = built_53["txt"].read_text(encoding="utf-8")
    status, declarations = text.split("[table article-21]", 1)
    assert "row: Sri Lanka |  | 3 January 1994 a" in status
    assert "Sri Lanka" not in declarations


def test_every_entry_beyond_the_ledger_source_names_its_own():
    """The ledger's own source (the UK treaty record) covers Afghanistan to Austria; every other
    entry says where its dates were read, and an unconfirmed one says why in a note."""
    import yaml

    ledger = yaml.safe_load((DATA / LEDGER).read_text(encoding="utf-8"))
    assert "Afghanistan to Austria" in ledger["source"]
    states = [action["state"] for action in ledger["actions"]]
    beyond = ledger["actions"][states.index("Austria") + 1:]
    assert len(beyond) >= 11
    for action in beyond:
        assert action.get("source") or action.get("note"), action["state"]
        if action.get("verified") is False:
            assert action.get("note"), action["state"]


# Names in force on the edition's date -----------------------------------------------------

def edition_for(data_dir: Path, session: int, day: str, symbol: str = "null") -> None:
    """The session 53 edition moved to another session and date (a draft)."""
    folder = data_dir / "sessions" / str(session)
    folder.mkdir(parents=True, exist_ok=True)
    text = (data_dir / EDITION).read_text(encoding="utf-8")
    text = text.replace("session: 53", f"session: {session}").replace("symbol: A/53/253", f"symbol: {symbol}")
    text = text.replace("date: 1998-08-17", f"date: {day}").replace("as_at: 1998-08-17", f"as_at: {day}")
    text = text.replace("A/53/150", f"A/{session}/150").replace("resolution 51/86", "resolution 51/86")
    (folder / "cat-status.yaml").write_text(text, encoding="utf-8")
    shutil.rmtree(data_dir / "sessions" / "53")


def test_1998_names_in_force_not_todays(built_53):
    text = built_53["txt"].read_text(encoding="utf-8")
    for old in ("Czech Republic", "The former Yugoslav Republic of Macedonia", "Turkey", "Cape Verde"):
        assert f"row: {old} |" in text
    for new in ("Czechia", "North Macedonia", "Türkiye", "Cabo Verde"):
        assert new not in text


def test_an_earlier_date_shows_zaire(data_copy, tmp_path):
    edition_for(data_copy, 51, "1996-09-27")
    text = build(data_copy, tmp_path / "out", session=51, formats=("html", "txt"))["txt"].read_text("utf-8")
    assert "row: Zaire |  | 18 March 1996 a" in text
    assert "Democratic Republic of the Congo" not in text
    assert "row: Czech Republic |" in text


def test_a_later_date_shows_todays_names(data_copy, tmp_path):
    edition_for(data_copy, 78, "2023-08-15")
    text = build(data_copy, tmp_path / "out", session=78, formats=("html", "txt"))["txt"].read_text("utf-8")
    for new in ("Czechia", "North Macedonia", "Türkiye", "Cabo Verde", "Democratic Republic of the Congo"):
        assert f"row: {new} |" in text
    assert "row: Andorra | 5 August 2002 | 22 September 2006" in text
    assert "row: Angola | 24 September 2013" in text  # signed only, as far as the ledger knows


def test_a_state_named_before_it_existed_is_a_located_error(data_copy, monkeypatch):
    from test_validate_cli import unreport

    edition_for(data_copy, 47, "1992-09-15")
    replace_in(data_copy / LEDGER, "    consent: 1993-02-22\n    kind: succession",
               "    consent: 1992-06-01\n    kind: succession")
    result = unreport("validate", "47", cwd=data_copy.parent)
    assert result.returncode == 2
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert errors == ["data/sessions/47/cat-status.yaml:13:7: error: the report names Czech Republic (from the "
                      "ledger) on 15 September 1992, but state-name-changes.csv has no UN name for it before "
                      "1 January 1993; check the edition's date, or the State's dates in the ledger"]
    assert "data/reference/cat-ledger.yaml:155:14: warning: Czechia's consent (1992-06-01) predates the State" \
        in result.stdout


# Declared facts ------------------------------------------------------------------------------

def test_a_fact_the_series_does_not_declare_is_one_located_error(data_copy):
    from test_validate_cli import unreport

    replace_in(data_copy / EDITION, "      twentieth instrument of ratification or accession.",
               "      twentieth instrument of ratification or accession. {{ members|count }}")
    result = unreport("validate", "53", cwd=data_copy.parent)
    assert result.returncode == 2
    assert [line for line in result.stdout.splitlines() if ": error: " in line] == [
        "data/sessions/53/cat-status.yaml:38:61: error: paragraph uses 'members', a fact of the committee data, "
        "but series 'cat-status' does not declare 'committee' (its facts: treaty); add 'committee' to 'facts:' "
        "in data/series/cat-status.yaml, with its 'committee:' file, or remove 'members'"]


def test_a_series_table_with_an_undeclared_fact_is_one_error_at_the_series(data_copy):
    """`unreport validate` on the series file: one located error, exit 2 (not one per edition)."""
    from test_validate_cli import unreport

    replace_in(data_copy / "series/cat-status.yaml", "tables:\n",
               "tables:\n  members:\n    columns: [Name]\n    rows_from: members\n    row: [\"{{ row.name }}\"]\n")
    replace_in(data_copy / EDITION, "      - table: article-22\n", "      - table: article-22\n      - table: members\n")
    result = unreport("validate", "data/series/cat-status.yaml", cwd=data_copy.parent)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "data/series/cat-status.yaml:16:16: error: the table 'members' uses 'members', a fact of the committee data, "
        "but series 'cat-status' does not declare 'committee' (its facts: treaty); add 'committee' to 'facts:' in "
        "data/series/cat-status.yaml, with its 'committee:' file, or remove 'members'"]
    assert result.stderr == "1 error(s), 0 warning(s)\n"


def test_the_docx_is_valid_ooxml(built_53, tmp_path):
    from test_docx_elements import audit_errors

    assert audit_errors(built_53["docx"].read_bytes(), tmp_path, "cat-status") == []
