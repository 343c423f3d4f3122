"""The treaty-body-status series (data/series/treaty-body-status.yaml), the Secretary-General's
biennial report on the status of the human rights treaty body system, authored as data only:
session 71 reproduces what the source reached gives of A/71/118 (a masthead under two agenda
items, 69 (a) and 124, the job number, the summary, chapter I, paragraph 1 with the calls of
footnotes 1 and 2, the first words of paragraph 2) in PDF, DOCX and canonical text, in order,
and marks the rest as not available (the two footnotes' texts among it), inventing no
chapter and no annex."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext
from docxtext import body_blocks, footer_xmls, footnote_texts, part_xml
from reference import fixture_sections, normalize, sentences, sentences_of, unhyphenated

FIXTURE = Path(__file__).parent / "fixtures" / "reference-a71-treaty-body-status.txt"

REF = fixture_sections(FIXTURE)
MASTHEAD = REF["masthead"]
MASTHEAD_LINES = [line for line in MASTHEAD if not line.startswith("* ")]
CALLS = REF["calls"]
NOT_AVAILABLE = "[The text of footnote {n} is not available in the sources reached.]"


def text_sequence() -> list[str]:
    """Every reproduced sentence in order: the summary, chapter I's heading, paragraphs 1 and 2."""
    return sentences_of(REF, "summary 1") + REF["heading"] + sentences_of(REF, "paragraph 1", "paragraph 2")


def without_calls(text: str, call: str) -> str:
    """The text with the footnote calls after the words of [calls] taken out (`call` is the
    pattern of a call: r"\\[\\d+\\]" in the canonical text, r"\\d+" in the PDF's text)."""
    return re.sub(rf"\b({'|'.join(CALLS)}){call}(?=\s)", r"\1", text)


@pytest.fixture(scope="module")
def built_71(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=71, series="treaty-body-status")


def test_the_fixture_has_the_masthead_summary_and_paragraphs():
    assert len(MASTHEAD) == 12 and MASTHEAD[0] == "A/71/118" and MASTHEAD[-1] == "* A/71/150."
    assert len(sentences(REF["summary 1"][0])) == 2
    assert len(text_sequence()) == 2 + 1 + 3 + 1
    assert CALLS == ["committees", "treaties"]


def test_canonical_text_has_masthead_summary_and_paragraphs_in_order(built_71):
    text = built_71["txt"].read_text(encoding="utf-8")
    lines = [normalize(line.split(": ", 1)[1]) for line in text.splitlines() if ": " in line]
    assert_in_order(" ".join(lines), MASTHEAD_LINES + REF["foot"])
    assert "masthead note *: A/71/150." in text
    assert "agenda item: Items 69 (a) and 124 of the provisional agenda*" in text
    body = normalize(text.split("[summary] Summary", 1)[1])
    assert_in_order(body, [f"{word}[{n}]" for n, word in enumerate(CALLS, 1)])
    assert_in_order(without_calls(body, r"\[\d+\]"), text_sequence())
    assert "[chapter] I. Introduction" in text
    assert re.search(r"^¶1 The human rights treaty body system consists", text, re.M)
    assert re.search(r"^¶2 The present report covers the period from the adoption", text, re.M)
    for n in (1, 2):
        assert f"footnote {n} {NOT_AVAILABLE.format(n=n)}" in text


def test_pdf_has_masthead_on_page_one_and_the_text_in_order(built_71):
    first_page = unhyphenated(normalize(pdftotext(built_71["pdf"], "-l", "1")))
    for line in MASTHEAD + REF["foot"][:1]:  # the masthead's columns come out in either order
        assert unhyphenated(line) in first_page, line
    assert_in_order(first_page, [unhyphenated(m) for m in MASTHEAD[5:11]])
    flat = normalize(pdftotext(built_71["pdf"]))
    assert_in_order(flat, [f"{word}{n}" for n, word in enumerate(CALLS, 1)])
    assert_in_order(unhyphenated(without_calls(flat, r"\d+")),
                    ["Summary"] + [unhyphenated(s) for s in text_sequence()])
    for n in (1, 2):
        assert NOT_AVAILABLE.format(n=n) in flat


def test_docx_has_masthead_summary_paragraphs_and_the_two_footnotes(built_71):
    joined = " ".join(body_blocks(built_71["docx"]))
    assert_in_order(joined, MASTHEAD_LINES)
    assert_in_order(joined, ["Summary"] + text_sequence())
    notes = footnote_texts(built_71["docx"])
    assert any("A/71/150." in note for note in notes)
    assert [NOT_AVAILABLE.format(n=n) in notes for n in (1, 2)] == [True, True]
    document = part_xml(built_71["docx"], "word/document.xml")
    for word in CALLS:  # each call stands right after its word, no text between
        assert re.search(rf"{word}</w:t></w:r>(?:(?!<w:t[ >]).)*<w:footnoteReference w:id", document), word
    assert any(REF["foot"][0] in footer for footer in footer_xmls(built_71["docx"]))


def test_missing_text_is_marked_and_no_chapter_or_annex_invented(built_71):
    text = built_71["txt"].read_text(encoding="utf-8")
    assert "from the adoption [the rest of paragraph 2 is not available in the sources reached]" in text
    assert "¶ [Paragraph 3 and the paragraphs after it are not available" in text
    assert re.findall(r"^¶(\d+) ", text, re.M) == ["1", "2"]  # no paragraph written from guesses
    assert re.findall(r"^\[chapter\] ", text, re.M) == ["[chapter] "]  # chapter I only
    assert "[annex" not in text and "[contents" not in text  # page 2 opens with chapter I
    docx = " ".join(body_blocks(built_71["docx"]))
    pdf = normalize(pdftotext(built_71["pdf"]))
    for words in ("[the rest of paragraph 2 is not available", "[Paragraph 3 and the paragraphs after it"):
        assert words in docx and words in pdf, words
