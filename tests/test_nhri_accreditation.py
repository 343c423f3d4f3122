"""The nhri-accreditation series (data/series/nhri-accreditation.yaml), a report of the
Secretary-General to the Human Rights Council not about a treaty (facts: []), authored as data
only: session 27 reproduces what the sources reached give of A/HRC/27/40 (masthead under two
agenda items, the masthead note on the author line, job number, summary, contents list, the
four chapter headings ending in "Conclusions and recommendations", paragraph 1 as far as it was
reached, the annex's title) in PDF, DOCX and canonical text, in order; the rest of the text and
the annex are marked as not available, no paragraph and no annex row is invented; a committee
fact used in its text is one located error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext, replace_in
from docxtext import body_blocks, footer_xmls, footnote_texts
from reference import fixture_sections, normalize, sentences, unhyphenated

FIXTURE = Path(__file__).parent / "fixtures" / "reference-hrc27-nhri-accreditation.txt"
EDITION = Path("sessions/27/nhri-accreditation.yaml")
NOTE = "The annex to the present report is circulated as received, in the language of submission only."

REF = fixture_sections(FIXTURE)
MASTHEAD = REF["masthead"]
MASTHEAD_LINES = [line for line in MASTHEAD if not line.startswith("* ")]
HEADINGS = REF["heading"]
ANNEX = REF["annex"][0]
MISSING = ["[the rest of paragraph 1 is not available in the sources reached]",
           "[Paragraphs 2 to 4 are not available in the sources reached.]",
           "[The text of chapter II, paragraphs 5 to 12, is not available in the sources reached.]",
           "[The text of chapter III, paragraphs 13 to 22, is not available in the sources reached.]",
           "[The text of chapter IV, paragraphs 23 to 31, is not available in the sources reached.]",
           "[The annex, circulated as received in the language of submission only, is not available"]


def body_sequence() -> list[str]:
    """After the contents list: chapter I, paragraph 1's sentences and the marks of what is
    missing, each chapter heading before its mark, then the annex's title and its mark."""
    paragraph = sentences(REF["paragraph 1"][0])
    return ([HEADINGS[0]] + paragraph + MISSING[:2] + [HEADINGS[1], MISSING[2], HEADINGS[2], MISSING[3],
            HEADINGS[3], MISSING[4], "Annex", ANNEX, MISSING[5]])


def after_contents(text: str, annex: str = ANNEX) -> str:
    """The text after the contents list (whose last entry is the annex's title)."""
    return text[text.index(annex) + len(annex):]


@pytest.fixture(scope="module")
def built_27(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=27, series="nhri-accreditation")


def test_the_fixture_has_the_masthead_summary_headings_and_paragraph_1():
    assert len(MASTHEAD) == 12 and MASTHEAD[0] == "A/HRC/27/40" and MASTHEAD[-1] == f"* {NOTE}"
    assert [h.split(". ", 1)[0] for h in HEADINGS] == ["I", "II", "III", "IV"]
    assert HEADINGS[-1] == "IV. Conclusions and recommendations"
    assert len(sentences(REF["paragraph 1"][0])) == 1


def test_canonical_text_has_masthead_summary_contents_and_body_in_order(built_27):
    text = built_27["txt"].read_text(encoding="utf-8")
    lines = [normalize(line.split(": ", 1)[1]) for line in text.splitlines() if ": " in line]
    assert_in_order(" ".join(lines), MASTHEAD_LINES + REF["foot"])
    assert f"masthead note *: {NOTE}" in text
    # the copies print "Twenty-third session"; the pipeline prints the session of the symbol
    assert "session: Twenty-seventh session" in text and REF["session as copied"][0] not in text
    summary, rest = normalize(text).split("[contents] Contents", 1)
    assert_in_order(summary.split("[summary] Summary", 1)[1], REF["summary 1"])
    assert_in_order(rest, [f"entry: {h}" for h in HEADINGS] + [f"entry: Annex {ANNEX}"])
    assert re.findall(r"^\[chapter\] (.+)$", text, re.M) == HEADINGS
    assert_in_order(after_contents(rest), body_sequence())


def test_pdf_has_masthead_on_page_one_contents_and_body_in_order(built_27):
    first_page = unhyphenated(normalize(pdftotext(built_27["pdf"], "-l", "1")))
    for line in MASTHEAD + REF["foot"][:1]:
        assert unhyphenated(line) in first_page, line
    assert_in_order(first_page, [unhyphenated(m) for m in MASTHEAD[5:11]] + ["Summary"]
                    + [unhyphenated(s) for s in REF["summary 1"]] + [unhyphenated(MASTHEAD[-1])])
    flat = unhyphenated(normalize(pdftotext(built_27["pdf"])))
    contents = flat.split("Contents", 1)[1]
    assert_in_order(contents, [unhyphenated(h) for h in HEADINGS] + ["Annex", unhyphenated(ANNEX)])
    assert_in_order(after_contents(contents, unhyphenated(ANNEX)), [unhyphenated(s) for s in body_sequence()])


def test_docx_has_masthead_summary_contents_and_body_in_order(built_27):
    joined = normalize(" ".join(body_blocks(built_27["docx"])))
    assert_in_order(joined, MASTHEAD_LINES + ["Summary"] + REF["summary 1"] + ["Contents"] + HEADINGS + [ANNEX])
    assert_in_order(after_contents(joined.split("Contents", 1)[1]), body_sequence())
    assert any(NOTE in note for note in footnote_texts(built_27["docx"]))
    assert any(REF["foot"][0] in footer for footer in footer_xmls(built_27["docx"]))


def test_only_paragraph_1_is_numbered_and_no_annex_row_is_invented(built_27):
    text = built_27["txt"].read_text(encoding="utf-8")
    assert re.findall(r"^¶(\d+) ", text, re.M) == ["1"]  # no paragraph written from guesses
    assert len(re.findall(r"^¶ \[", text, re.M)) == 5  # paragraphs 2-31 and the annex, marked
    assert text.count("[annex title]") == 1
    assert "[table" not in text and "row:" not in text  # the annex's form was not reached


def test_the_contents_list_gives_each_chapters_real_paragraphs(built_27):
    """Only paragraph 1 is reproduced, but the placeholders stand for paragraphs 2-31
    (`stands_for:`), so the contents list prints the real ranges, in every format."""
    ranges = [tuple(part.strip() for part in line.split("|")) for line in REF["contents paragraphs"]]
    text = built_27["txt"].read_text(encoding="utf-8")
    for (number, span), heading in zip(ranges, HEADINGS):
        assert f"entry: {heading} | {span}" in text
    pdf = normalize(pdftotext(built_27["pdf"], "-layout", "-f", "2", "-l", "2"))
    assert_in_order(pdf, [span for _, span in ranges])
    docx = " ".join(body_blocks(built_27["docx"]))
    contents = docx[:docx.index(ANNEX)]
    assert_in_order(contents, [item for number, span in ranges for item in (number, span)])


def test_a_committee_fact_in_a_series_without_facts_is_one_located_error(data_copy):
    from test_validate_cli import the_one_error

    replace_in(data_copy / EDITION, "      institutions.\n", "      institutions. {{ members|count }}\n")
    error = the_one_error(data_copy, "27")
    assert error.startswith("data/sessions/27/nhri-accreditation.yaml:")
    assert "'members'" in error and "does not declare 'committee'" in error
