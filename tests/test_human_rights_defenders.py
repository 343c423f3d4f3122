"""The human-rights-defenders series (data/series/human-rights-defenders.yaml), a report of a
Special Rapporteur issued to the Human Rights Council under the Council's own symbol as a "Note by
the Secretariat", authored as data only from the README: session 34 reproduces what the sources
reached give of A/HRC/34/52 (23 January 2017): the masthead with the session's dates under
"Thirty-fourth session" and "English / Original: French", the title and the author line, the
note's one paragraph on page 1 (`transmittal:`), the report's title opening page 2
(`transmitted_title:`), the contents list (pages only) and chapter I with paragraph 1 and the
start of paragraph 2, in the canonical text, the PDF and the DOCX, in order; the rest is a marked
gap, none invented.

Where the project prints the real pages otherwise, a strict xfail says so (the code is not
changed here): the session's dates with an en dash where the real page has a hyphen. The agenda
title in the real page's three lines (written line by line in the data), the contents list under the report's title on page 2
(`contents_on_page_one`) and page 2's foot "2 GE.17-00986" are printed as the real pages have them."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext
from docxtext import body_blocks, footer_xmls
from reference import canonical_values, fixture_sections, normalize, sentences_of, unhyphenated

FIXTURE = Path(__file__).parent / "fixtures" / "reference-hrc34-52-human-rights-defenders.txt"

REF = fixture_sections(FIXTURE)
MASTHEAD = REF["masthead"]
NOTE = sentences_of(REF, "transmittal")
TRANSMITTED_TITLE = REF["transmitted title"][0]
HEADING = REF["heading"][0]
JOB = REF["foot"][0]
REAL_DATES = REF["session dates"][0]
PARAGRAPH_2 = REF["paragraph 2"][0]
GAPS = ["[the rest of paragraph 2 is not available in the sources reached]",
        "[Paragraph 3 and the paragraphs after it are not available in the sources reached, nor are "
        "the headings after chapter I.]"]
BODY = [HEADING] + sentences_of(REF, "paragraph 1") + [PARAGRAPH_2] + GAPS


def first_page(pdf: Path) -> str:
    return unhyphenated(normalize(pdftotext(pdf, "-l", "1")))


@pytest.fixture(scope="module")
def built_34(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=34, series="human-rights-defenders")


def test_the_fixture_has_page_one_the_top_of_page_two_and_paragraphs_1_and_2():
    assert MASTHEAD[0] == "A/HRC/34/52" and MASTHEAD[4:6] == ["English", "Original: French"]
    assert MASTHEAD[-1] == "Note by the Secretariat" and len(MASTHEAD) == 12
    assert NOTE[0].startswith("In his report, prepared pursuant to") and len(NOTE) == 4
    assert REF["contents"] == ["Contents", "Page", "I. Introduction"]
    assert PARAGRAPH_2.endswith("Even the")


def test_canonical_text_has_masthead_note_title_contents_and_body_in_order(built_34):
    text = built_34["txt"].read_text(encoding="utf-8")
    assert_in_order(canonical_values(built_34["txt"]),
                    MASTHEAD + NOTE + [TRANSMITTED_TITLE] + REF["contents"] + BODY + [JOB])
    assert "author: Note by the Secretariat\n" in text
    assert f"[transmitted report] {TRANSMITTED_TITLE}\n" in text
    assert "columns: Page\n" in text  # the real contents list has a "Page" column only
    assert "[summary]" not in text  # neither copy prints "Summary" over the note
    assert re.findall(r"^¶(\d+) ", text, re.M) == ["1", "2"]  # no paragraph written from guesses
    assert len(re.findall(r"^¶ ", text, re.M)) == 2  # the note's paragraph and the marked gap
    assert "[annex" not in text and "masthead note" not in text  # none reached, none invented


def test_pdf_has_page_one_then_title_contents_and_body_in_order(built_34):
    page = first_page(built_34["pdf"])
    for line in MASTHEAD:  # the masthead's columns come out in either order
        assert unhyphenated(line) in page, line
    assert_in_order(page, [unhyphenated(m) for m in MASTHEAD[6:]] + [unhyphenated(s) for s in NOTE]
                    + [unhyphenated(JOB)])
    assert "Summary" not in page and "Contents" not in page
    rest = unhyphenated(normalize(pdftotext(built_34["pdf"], "-layout", "-f", "2")))
    assert_in_order(rest, [unhyphenated(TRANSMITTED_TITLE), "Contents", "Page", "I. Introduction"])
    after = rest.split("I. Introduction", 1)[1]
    assert_in_order(after, [unhyphenated(s) for s in BODY])


def test_docx_has_masthead_note_title_contents_and_body_in_order(built_34):
    joined = normalize(" ".join(body_blocks(built_34["docx"])))
    assert_in_order(joined, MASTHEAD + NOTE + [TRANSMITTED_TITLE] + ["Contents", "Page", HEADING] + BODY)
    assert any(JOB in footer for footer in footer_xmls(built_34["docx"]))


def test_page_one_foot_has_the_real_job_number(built_34):
    assert f"job number: {JOB}\n" in built_34["txt"].read_text(encoding="utf-8")
    assert JOB in pdftotext(built_34["pdf"], "-l", "1")


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="needs soffice and pdftotext")
def test_libreoffice_shows_masthead_note_and_job_number_on_page_one(built_34, tmp_path):
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(built_34["docx"])],
                   check=True, capture_output=True, timeout=180)
    page = first_page(tmp_path / "human-rights-defenders.pdf")
    for line in MASTHEAD:
        assert unhyphenated(line) in page, line
    assert_in_order(page, [unhyphenated(s) for s in NOTE] + [unhyphenated(JOB)])


# The differences from the real pages (the code is not changed here: strict xfails).

@pytest.mark.xfail(strict=True, reason="the project prints the session's dates with an en dash ('27 February–24 "
                   "March 2017'); the real A/HRC/34/52 prints a hyphen, '27 February-24 March 2017' (right-docs.org), "
                   "and no key lets an edition say which")
def test_the_session_dates_have_the_real_hyphen(built_34):
    assert f"session dates: {REAL_DATES}\n" in built_34["txt"].read_text(encoding="utf-8")
    assert REAL_DATES in pdftotext(built_34["pdf"], "-l", "1")
    assert REAL_DATES in body_blocks(built_34["docx"])


def test_the_agenda_title_breaks_as_the_real_one(built_34):
    lines = [line.strip() for line in pdftotext(built_34["pdf"], "-l", "1").splitlines()]
    broken = REF["agenda lines as broken"]
    start = lines.index(broken[0]) if broken[0] in lines else -1
    assert start >= 0 and lines[start:start + 3] == broken, lines[:30]


def test_the_agenda_titles_breaks_are_word_line_breaks_and_one_line_of_canonical_text(built_34):
    """The lines the data writes (`title: |-`) are Word line breaks in one paragraph; the
    canonical text reads the title as one line, with a space at each break."""
    broken = REF["agenda lines as broken"]
    xml = zipfile.ZipFile(built_34["docx"]).read("word/document.xml").decode("utf-8")
    paragraph = next(p for p in re.findall(r"<w:p>.*?</w:p>", xml) if broken[0] in p)
    texts = [t.strip() for t in re.split(r"<w:br/>", re.sub(r"<w:(?!br/)[^>]*>|</w:[^>]*>", "", paragraph))]
    assert texts == broken
    assert f"agenda title: {' '.join(broken)}\n" in built_34["txt"].read_text(encoding="utf-8")


def test_page_two_holds_the_title_and_the_contents_list(built_34):
    page = unhyphenated(normalize(pdftotext(built_34["pdf"], "-layout", "-f", "2", "-l", "2")))
    assert_in_order(page, [unhyphenated(TRANSMITTED_TITLE), "Contents", "Page", "I. Introduction"])


def test_page_two_foot_has_the_job_number(built_34):
    assert REF["page 2 as printed"][0] in normalize(pdftotext(built_34["pdf"], "-layout", "-f", "2", "-l", "2"))
