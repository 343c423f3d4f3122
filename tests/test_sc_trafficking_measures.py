"""The sc-trafficking-measures series (data/series/sc-trafficking-measures.yaml), a report to the
Security Council authored as data only from the README: the 2016 edition reproduces what the
source reached gives of S/2016/949 (10 November 2016): the masthead (no session, dates or agenda
line), the title that names its author (no author line), chapters I and II, paragraphs 1 and 2
and paragraph 3 as far as the copy goes, in the canonical text, the PDF and the DOCX, in order.

The copy prints the symbol with a masthead mark, "S/2016/949*", whose note was not reached: a
masthead note attached to the symbol prints the mark, its text marked not available."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext
from docxtext import body_blocks
from reference import canonical_values, fixture_sections, normalize, sentences_of, unhyphenated

FIXTURE = Path(__file__).parent / "fixtures" / "reference-s2016-949-sc-trafficking-measures.txt"

REF = fixture_sections(FIXTURE)
MASTHEAD = REF["masthead"]
HEADINGS = REF["heading"]
GAP_3 = "[the rest of paragraph 3 is not available in the sources reached]"
GAP_AFTER = "[Paragraph 4 and the paragraphs after it are not available in the sources reached,"
# chapter I, paragraph 1, chapter II, paragraphs 2 and 3, then the gaps
BODY = ([HEADINGS[0]] + sentences_of(REF, "paragraph 1") + [HEADINGS[1]]
        + sentences_of(REF, "paragraph 2", "paragraph 3") + [GAP_3, GAP_AFTER])


@pytest.fixture(scope="module")
def built_2016(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=2016,
                 series="sc-trafficking-measures")


def test_the_fixture_has_the_masthead_headings_and_three_paragraphs():
    assert MASTHEAD[0] == "S/2016/949" and MASTHEAD[1] == "Security Council"
    assert len(MASTHEAD) == 6 and len(HEADINGS) == 2
    assert REF["paragraph 3"][0].endswith("and that have a")


def test_canonical_text_has_masthead_and_body_in_order(built_2016):
    text = built_2016["txt"].read_text(encoding="utf-8")
    assert_in_order(canonical_values(built_2016["txt"]), MASTHEAD + BODY)
    assert re.findall(r"^¶(\d+) ", text, re.M) == ["1", "2", "3"]
    assert "[chapter] I. Introduction" in text
    assert f"[chapter] II. {HEADINGS[1]}" in text
    # a Security Council document: no session, session dates, agenda item or author line
    assert "session" not in text.split("[chapter]", 1)[0].lower()
    assert "agenda" not in text.lower() and "author:" not in text
    assert "[summary]" not in text and "[annex" not in text  # none reached, none invented


def test_pdf_has_masthead_and_body_on_page_one(built_2016):
    first_page = unhyphenated(normalize(pdftotext(built_2016["pdf"], "-l", "1")))
    for line in MASTHEAD:  # the masthead's columns come out in either order
        assert unhyphenated(line) in first_page, line
    assert_in_order(first_page, [unhyphenated(s) for s in BODY])


def test_docx_has_masthead_and_body_in_order(built_2016):
    joined = normalize(" ".join(body_blocks(built_2016["docx"])))
    for line in MASTHEAD:
        assert line in joined, line
    assert_in_order(joined, [MASTHEAD[-1]] + BODY)


def test_the_symbol_carries_its_masthead_mark(built_2016):
    """The mark after the symbol in every format; the running heads print the symbol alone."""
    first_page = normalize(pdftotext(built_2016["pdf"], "-l", "1"))
    assert REF["symbol as printed"][0] in first_page
    text = built_2016["txt"].read_text(encoding="utf-8")
    assert "symbol: S/2016/949*" in text
    assert "masthead note *: [The text of this note is not available in the sources reached.]" in text
    assert REF["symbol as printed"][0] in normalize(" ".join(body_blocks(built_2016["docx"])))
