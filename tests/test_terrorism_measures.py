"""The terrorism-measures series (data/series/terrorism-measures.yaml), the Secretary-General's
report on measures to eliminate international terrorism, authored as data only from the README:
session 66 reproduces what the source reached gives of A/66/96 (24 June 2011): the masthead with
its note "* A/66/50.", the summary, the job number and barcode text on page 1, the contents list
(page column alone) with chapters I to IV and the lettered sections II.A and II.B, and each
heading's text marked not available, in the canonical text, the PDF and the DOCX, in order.

The document's item line, "Item 110 of the preliminary list*", is printed from
`agenda.preliminary_list: A/66/50` (with its note)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext
from docxtext import body_blocks, footer_xmls, footnote_texts
from reference import canonical_values, fixture_sections, normalize, sentences, sentences_of, unhyphenated

FIXTURE = Path(__file__).parent / "fixtures" / "reference-a66-terrorism-measures.txt"

REF = fixture_sections(FIXTURE)
MASTHEAD = REF["masthead"]
MASTHEAD_LINES = [line for line in MASTHEAD if not line.startswith("* ")]
CONTENTS = REF["contents"]
HEADINGS = [line.split(". ", 1)[1] for line in CONTENTS]  # the headings' words, without numbers
GAPS = ["[The text of chapter I is not available in the sources reached.]",
        "[The text of section II.A is not available in the sources reached.]",
        "[The text of section II.B is not available in the sources reached.]",
        "[The text of chapter III is not available in the sources reached.]",
        "[The text of chapter IV is not available in the sources reached,"]
# each heading with text, then its gap (chapter II has its sections' gaps only)
BODY = [line for pair in zip(HEADINGS[:1] + HEADINGS[2:], GAPS) for line in pair]


@pytest.fixture(scope="module")
def built_66(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=66, series="terrorism-measures")



def test_the_fixture_has_the_masthead_summary_contents_and_foot():
    assert len(MASTHEAD) == 10 and MASTHEAD[0] == "A/66/96" and MASTHEAD[-1] == "* A/66/50."
    assert len(sentences(REF["summary 1"][0])) == 4
    assert [line.split(". ", 1)[0] for line in CONTENTS] == ["I", "II", "A", "B", "III", "IV"]
    assert REF["foot"] == ["11-38749 (E) 220711", "*1138749*"]


def test_canonical_text_has_masthead_summary_contents_and_headings_in_order(built_66):
    text = built_66["txt"].read_text(encoding="utf-8")
    assert_in_order(canonical_values(built_66["txt"]), MASTHEAD_LINES + ["A/66/50."] + REF["foot"])
    assert "masthead note *: A/66/50." in text
    body = normalize(text.split("[summary] Summary", 1)[1])
    contents, headings = body.split("[chapter] ", 1)
    assert_in_order(contents, sentences_of(REF, "summary 1") + ["Contents", "columns: Page"]
                    + [f"entry: {line}" for line in CONTENTS])
    assert_in_order("[chapter] " + headings, [f"[{kind}] {line}" for kind, line in
                                              zip(["chapter", "chapter", "section", "section",
                                                   "chapter", "chapter"], CONTENTS)])
    assert_in_order(headings, BODY)
    assert re.findall(r"^¶(\d+) ", text, re.M) == []  # no paragraph of the body was reached
    assert "[annex" not in text and "[table" not in text  # none invented


def test_pdf_has_masthead_summary_on_page_one_then_contents_and_headings(built_66):
    first_page = unhyphenated(normalize(pdftotext(built_66["pdf"], "-l", "1")))
    for line in MASTHEAD + REF["foot"][:1]:  # the masthead's columns come out in either order
        assert unhyphenated(line) in first_page, line
    assert_in_order(first_page, [unhyphenated(s) for s in MASTHEAD[6:9] + ["Summary"]
                                 + sentences_of(REF, "summary 1") + ["* A/66/50."]])
    second_page = normalize(pdftotext(built_66["pdf"], "-f", "2", "-l", "2"))
    assert_in_order(second_page, ["Contents", "Page"] + HEADINGS)
    rest = normalize(pdftotext(built_66["pdf"], "-f", "3"))
    assert_in_order(rest, BODY)


def test_docx_has_masthead_summary_contents_headings_note_and_foot(built_66):
    joined = normalize(" ".join(body_blocks(built_66["docx"])))
    assert_in_order(joined, MASTHEAD_LINES + ["Summary"] + sentences_of(REF, "summary 1")
                    + ["Contents"] + HEADINGS + BODY)
    assert any("A/66/50." in note for note in footnote_texts(built_66["docx"]))
    assert any(REF["foot"][0] in footer for footer in footer_xmls(built_66["docx"]))


def test_the_item_line_reads_as_in_the_document(built_66):
    """'Item 110 of the preliminary list*' (agenda.preliminary_list), its note '* A/66/50.'."""
    assert REF["agenda item"][0] in canonical_values(built_66["txt"])
    assert "masthead note *: A/66/50." in built_66["txt"].read_text(encoding="utf-8")
