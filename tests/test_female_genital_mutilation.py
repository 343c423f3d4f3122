"""The female-genital-mutilation series (data/series/female-genital-mutilation.yaml), a report of
the Secretary-General not about a treaty (facts: []), authored as data only: session 73
reproduces what the source reached gives of A/73/266 (masthead, job number, summary, chapter I
and its paragraphs 1 and 2) in PDF, DOCX and canonical text, in order, and marks the rest as not
available, inventing no chapter and no annex; a treaty fact used in its text is one located
error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext, replace_in
from docxtext import body_blocks, footer_xmls, footnote_texts
from reference import fixture_sections, normalize, sentences, sentences_of, unhyphenated

FIXTURE = Path(__file__).parent / "fixtures" / "reference-a73-female-genital-mutilation.txt"
EDITION = Path("sessions/73/female-genital-mutilation.yaml")


REF = fixture_sections(FIXTURE)
MASTHEAD = REF["masthead"]
MASTHEAD_LINES = [line for line in MASTHEAD if not line.startswith("* ")]


def text_sequence() -> list[str]:
    """Every reproduced sentence in order: the summary, chapter I's heading, paragraphs 1 and 2."""
    return sentences_of(REF, "summary 1") + REF["heading"] + sentences_of(REF, "paragraph 1", "paragraph 2")


@pytest.fixture(scope="module")
def built_73(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=73, series="female-genital-mutilation")


def test_the_fixture_has_the_masthead_summary_and_paragraphs():
    assert len(MASTHEAD) == 10 and MASTHEAD[0] == "A/73/266" and MASTHEAD[-1] == "* A/73/150."
    assert len(sentences(REF["summary 1"][0])) == 3
    assert len(text_sequence()) == 3 + 1 + 2 + 2


def test_canonical_text_has_masthead_summary_and_paragraphs_in_order(built_73):
    text = built_73["txt"].read_text(encoding="utf-8")
    lines = [normalize(line.split(": ", 1)[1]) for line in text.splitlines() if ": " in line]
    assert_in_order(" ".join(lines), MASTHEAD_LINES + REF["foot"])
    assert "masthead note *: A/73/150." in text
    body = normalize(text.split("[summary] Summary", 1)[1])
    assert_in_order(body, text_sequence())
    assert "[chapter] I. Introduction" in text
    assert re.search(r"^¶1 In its resolution 71/168", text, re.M)
    assert re.search(r"^¶2 The Assembly called upon States", text, re.M)


def test_pdf_has_masthead_on_page_one_and_the_text_in_order(built_73):
    first_page = unhyphenated(normalize(pdftotext(built_73["pdf"], "-l", "1")))
    for line in MASTHEAD + REF["foot"][:1]:  # the masthead's columns come out in either order
        assert unhyphenated(line) in first_page, line
    assert_in_order(first_page, [unhyphenated(m) for m in MASTHEAD[4:9]])
    flat = unhyphenated(normalize(pdftotext(built_73["pdf"])))
    assert_in_order(flat, ["Summary"] + [unhyphenated(s) for s in text_sequence()])


def test_docx_has_masthead_summary_and_paragraphs_in_order(built_73):
    joined = " ".join(body_blocks(built_73["docx"]))
    assert_in_order(joined, MASTHEAD_LINES)
    assert_in_order(joined, ["Summary"] + text_sequence())
    assert any("A/73/150." in note for note in footnote_texts(built_73["docx"]))
    assert any(REF["foot"][0] in footer for footer in footer_xmls(built_73["docx"]))


def test_missing_text_is_marked_and_no_chapter_or_annex_invented(built_73):
    text = built_73["txt"].read_text(encoding="utf-8")
    assert "aimed at eliminating the [the rest of paragraph 2 is not available in the sources reached]" in text
    assert "¶ [Paragraph 3 and the paragraphs after it are not available" in text
    assert re.findall(r"^¶(\d+) ", text, re.M) == ["1", "2"]  # no paragraph written from guesses
    assert re.findall(r"^\[chapter\] ", text, re.M) == ["[chapter] "]  # chapter I only
    assert "[annex" not in text and "[contents" not in text  # the document has no contents list
    docx = " ".join(body_blocks(built_73["docx"]))
    pdf = normalize(pdftotext(built_73["pdf"]))
    for words in ("[the rest of paragraph 2 is not available", "[Paragraph 3 and the paragraphs after it"):
        assert words in docx and words in pdf, words


def test_a_treaty_fact_in_a_series_without_facts_is_one_located_error(data_copy):
    from test_validate_cli import the_one_error

    replace_in(data_copy / EDITION, "      recommendations for future action.\n",
               "      recommendations for future action. {{ parties|count }}\n")
    error = the_one_error(data_copy, "73")
    assert error.startswith("data/sessions/73/female-genital-mutilation.yaml:")
    assert "'parties'" in error and "does not declare 'treaty'" in error
