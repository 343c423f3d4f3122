"""The peaceful-assembly-association series (data/series/peaceful-assembly-association.yaml), a
thematic report of a Special Rapporteur issued to the Human Rights Council under the Council's
own symbol, authored as data only from the README: session 26 reproduces what the sources reached
give of A/HRC/26/29 (14 April 2014): the masthead under "Agenda item 3", the title that names the
mandate holder (no author line) with its masthead note "* Late submission.", the summary in three
paragraphs, the contents list with chapters and sections and their real paragraph ranges, and
paragraph 1 as far as the copy goes, in the canonical text, the PDF and the DOCX, in order; every
other paragraph is a marked gap, none invented.

The job number "GE.14-13475" is printed as the copies print it, without a language letter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext
from docxtext import body_blocks, footer_xmls, footnote_texts
from reference import canonical_values, fixture_sections, normalize, sentences_of, unhyphenated

FIXTURE = Path(__file__).parent / "fixtures" / "reference-hrc26-29-peaceful-assembly-association.txt"

REF = fixture_sections(FIXTURE)
MASTHEAD = REF["masthead"]
NOTE_LINE = MASTHEAD[-1]
MASTHEAD_LINES = MASTHEAD[:-1]
HEADINGS = REF["heading"]
TITLES = [h.split(". ", 1)[1] for h in HEADINGS]  # the PDF's contents list sets numbers in a column of their own
SUMMARY = sentences_of(REF, "summary 1", "summary 2", "summary 3")
GAPS = ["[the rest of paragraph 1 is not available in the sources reached]",
        "[Paragraph 2 is not available in the sources reached.]",
        "[The text of section II.A, paragraph 3, is not available in the sources reached.]",
        "[The text of section II.B, paragraph 4, is not available in the sources reached.]",
        "[The text of section II.C, paragraphs 5 and 6, is not available in the sources reached.]",
        "[The text of section III.A, paragraphs 7 to 15, is not available in the sources reached.]",
        "[The text of section III.B, paragraphs 16 to 21, is not available in the sources reached.]",
        "[The text of section III.C, paragraphs 22 to 47, is not available in the sources reached.]",
        "[The text of section III.D, paragraphs 48 to 70, is not available in the sources reached.]",
        "[The text of chapter IV, paragraphs 71 to 78, is not available in the sources reached.]"]


def body_sequence(headings: list[str] = HEADINGS) -> list[str]:
    """After the contents list: chapter I, paragraph 1's sentences and its gap, paragraph 2's
    gap, then each heading whose text follows it (sections II.A-C, chapter III with its
    sections, chapter IV) before its gap."""
    h = headings
    first = [h[0]] + sentences_of(REF, "paragraph 1") + GAPS[:2] + [h[1]]
    rest = [h[2], GAPS[2], h[3], GAPS[3], h[4], GAPS[4], h[5], h[6], GAPS[5], h[7], GAPS[6],
            h[8], GAPS[7], h[9], GAPS[8], h[10], GAPS[9]]
    return first + rest


def after_contents(text: str, last_entry: str = HEADINGS[-1]) -> str:
    """The text after the contents list, whose last entry is chapter IV's heading."""
    return text[text.index(last_entry) + len(last_entry):]


@pytest.fixture(scope="module")
def built_26(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=26, series="peaceful-assembly-association")


def test_the_fixture_has_page_one_the_contents_and_paragraph_1():
    assert MASTHEAD[0] == "A/HRC/26/29" and MASTHEAD[5] == "Human Rights Council"
    assert len(MASTHEAD) == 11 and NOTE_LINE == "* Late submission."
    assert MASTHEAD[-2].endswith("Maina Kiai*")
    assert len(HEADINGS) == 11 and len(REF["contents paragraphs"]) == 11
    assert REF["paragraph 1"][0].endswith("and addresses legislation and practices")


def test_canonical_text_has_masthead_summary_contents_and_body_in_order(built_26):
    text = built_26["txt"].read_text(encoding="utf-8")
    assert_in_order(canonical_values(built_26["txt"]), MASTHEAD_LINES + ["Late submission."] + SUMMARY)
    assert "masthead note *: Late submission." in text
    assert "author:" not in text  # the title names the mandate holder: no author line
    summary, rest = normalize(text).split("[contents] Contents", 1)
    assert_in_order(summary.split("[summary] Summary", 1)[1], SUMMARY)
    assert_in_order(rest, [f"entry: {h}" for h in HEADINGS])
    assert_in_order(after_contents(rest), body_sequence())
    assert re.findall(r"^¶(\d+) ", text, re.M) == ["1"]  # no paragraph written from guesses
    assert len(re.findall(r"^¶ \[", text, re.M)) == 9  # paragraphs 2-78, marked
    assert "[annex" not in text  # none reached, none invented


def test_pdf_has_page_one_then_contents_and_body_in_order(built_26):
    first_page = unhyphenated(normalize(pdftotext(built_26["pdf"], "-l", "1")))
    for line in MASTHEAD:  # the masthead's columns come out in either order
        assert unhyphenated(line) in first_page, line
    assert_in_order(first_page, [unhyphenated(m) for m in MASTHEAD[5:10]] + ["Summary"]
                    + [unhyphenated(s) for s in SUMMARY] + [unhyphenated(NOTE_LINE)])
    flat = unhyphenated(normalize(pdftotext(built_26["pdf"], "-f", "2")))
    contents = flat.split("Contents", 1)[1]
    assert_in_order(contents, [unhyphenated(t) for t in TITLES])
    assert_in_order(after_contents(contents, unhyphenated(TITLES[-1])),
                    [unhyphenated(s) for s in body_sequence(TITLES)])


def test_docx_has_masthead_summary_contents_and_body_in_order(built_26):
    joined = normalize(" ".join(body_blocks(built_26["docx"])))
    assert_in_order(joined, MASTHEAD_LINES + ["Summary"] + SUMMARY + ["Contents"] + HEADINGS)
    assert_in_order(after_contents(joined.split("Contents", 1)[1]), body_sequence())
    assert any("Late submission." in note for note in footnote_texts(built_26["docx"]))


def test_the_contents_list_gives_each_entrys_real_paragraphs(built_26):
    """Only paragraph 1 is reproduced, but the gaps stand for paragraphs 2-78 (`stands_for:`),
    so the contents list prints the real ranges of every chapter and section."""
    ranges = [tuple(part.strip() for part in line.split("|")) for line in REF["contents paragraphs"]]
    text = built_26["txt"].read_text(encoding="utf-8")
    for (number, span), heading in zip(ranges, HEADINGS):
        assert heading.startswith(number)
        assert f"entry: {heading} | {span}" in text
    pdf = normalize(pdftotext(built_26["pdf"], "-layout", "-f", "2", "-l", "2"))
    assert_in_order(pdf, [span for _, span in ranges])


# What the project prints otherwise than the real page 1 (the code is not changed here).

def test_page_one_foot_has_the_real_job_number(built_26):
    """Both copies print 'GE.14-13475' without a language letter: printed as written."""
    job = REF["foot"][0]
    assert f"job number: {job}" in built_26["txt"].read_text(encoding="utf-8")
    assert job in pdftotext(built_26["pdf"], "-l", "1")
    assert any(job in footer for footer in footer_xmls(built_26["docx"]))


def test_inner_pages_print_the_geneva_job_number_beside_the_page_number(built_26):
    """A Geneva document's inner pages print "2 GE.14-13475" at the foot (left pages) and
    "GE.14-13475 3" (right pages), as A/HRC/34/52 and A/HRC/28/63 do; a New York one the page
    number alone."""
    page_two = pdftotext(built_26["pdf"], "-layout", "-f", "2", "-l", "2").split()
    assert page_two[-2:] == ["2", "GE.14-13475"], page_two[-5:]
    page_one = pdftotext(built_26["pdf"], "-layout", "-l", "1").split()
    assert page_one[-1] == "GE.14-13475", page_one[-5:]  # page 1's foot: the job number and barcode only
    footers = " ".join(footer_xmls(built_26["docx"]))
    assert "GE.14-13475\u2003" in footers and "\u2003GE.14-13475" in footers


def test_a_new_york_document_prints_the_page_number_alone(built_59):
    assert "GE." not in pdftotext(built_59["pdf"], "-f", "2") and "data-running-job" not in \
        built_59["html"].read_text(encoding="utf-8")


def test_a_geneva_job_number_on_a_new_york_document_is_a_warning_and_not_run(data_copy, tmp_path):
    """Attack 6 row 4: the DOCX printed the running job number by its form, the PDF by the place."""
    from conftest import problems_of, replace_in

    replace_in(data_copy / "sessions/26/peaceful-assembly-association.yaml", "place: Geneva\n", "place: New York\n")
    assert any("warning: a job number of the Geneva office (GE.) on a document of New York" in p
               for p in problems_of(data_copy, 26))
    html = build(data_copy, tmp_path / "out", session=26, formats=("html",))["html"].read_text(encoding="utf-8")
    assert "data-running-job" not in html
