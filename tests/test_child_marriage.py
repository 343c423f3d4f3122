"""The child-marriage series (data/series/child-marriage.yaml), a report of the Secretary-General
not about a treaty (facts: []), authored as data only: session 73 reproduces what the sources
reached give of A/73/257 (masthead, job number, the whole summary, the contents list and every
chapter heading, I to XI) in PDF, DOCX and canonical text, in order, beside the session's other
report; the text of each chapter is marked as not available, no paragraph and no annex is
invented; a committee fact used in its text is one located error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext, replace_in
from docxtext import body_blocks, footer_xmls, footnote_texts
from reference import fixture_sections, normalize, unhyphenated

FIXTURE = Path(__file__).parent / "fixtures" / "reference-a73-child-marriage.txt"
EDITION = Path("sessions/73/child-marriage.yaml")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]


REF = fixture_sections(FIXTURE)
MASTHEAD = REF["masthead"]
MASTHEAD_LINES = [line for line in MASTHEAD if not line.startswith("* ")]
HEADINGS = REF["heading"]
SUMMARY = [REF["summary 1"][0], REF["summary 2"][0]]


def body_sequence() -> list[str]:
    """Each chapter heading, then the line that marks its text as not available."""
    return [text for number, heading in zip(ROMAN, HEADINGS)
            for text in (heading, f"[The text of chapter {number} is not available in the sources reached")]


def after_contents(text: str) -> str:
    """The text after the contents list (whose last entry is chapter XI)."""
    return text[text.index(HEADINGS[-1]) + len(HEADINGS[-1]):]


@pytest.fixture(scope="module")
def built_73(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=73, series="child-marriage")


def test_the_fixture_has_the_masthead_summary_and_eleven_headings():
    assert len(MASTHEAD) == 9 and MASTHEAD[0] == "A/73/257" and MASTHEAD[-1] == "* A/73/150."
    assert len(HEADINGS) == 11 and [h.split(". ", 1)[0] for h in HEADINGS] == ROMAN
    assert HEADINGS[-1] == "XI. Conclusions"


def test_canonical_text_has_masthead_summary_contents_and_chapters_in_order(built_73):
    text = built_73["txt"].read_text(encoding="utf-8")
    lines = [normalize(line.split(": ", 1)[1]) for line in text.splitlines() if ": " in line]
    assert_in_order(" ".join(lines), MASTHEAD_LINES + REF["foot"])
    assert "masthead note *: A/73/150." in text
    summary, rest = normalize(text).split("[contents] Contents", 1)
    assert_in_order(summary.split("[summary] Summary", 1)[1], SUMMARY)
    assert_in_order(rest, [f"entry: {h}" for h in HEADINGS])
    assert re.findall(r"^\[chapter\] (.+)$", text, re.M) == HEADINGS
    assert_in_order(after_contents(normalize(text)), body_sequence())


def test_pdf_has_masthead_on_page_one_contents_and_chapters_in_order(built_73):
    first_page = unhyphenated(normalize(pdftotext(built_73["pdf"], "-l", "1")))
    for line in MASTHEAD + REF["foot"][:1]:  # the title line is printed on two lines
        assert unhyphenated(line) in first_page, line
    assert_in_order(first_page, [unhyphenated(m) for m in MASTHEAD[4:8]] + ["Summary"]
                    + [unhyphenated(s) for s in SUMMARY])
    flat = unhyphenated(normalize(pdftotext(built_73["pdf"])))
    contents = flat.split("Contents", 1)[1]
    assert_in_order(contents, [unhyphenated(h) for h in HEADINGS])
    assert_in_order(after_contents(contents), [unhyphenated(s) for s in body_sequence()])


def test_docx_has_masthead_summary_contents_and_chapters_in_order(built_73):
    joined = normalize(" ".join(body_blocks(built_73["docx"])))
    assert_in_order(joined, MASTHEAD_LINES + ["Summary"] + SUMMARY + ["Contents"] + HEADINGS)
    assert_in_order(after_contents(joined.split("Contents", 1)[1]), body_sequence())
    assert any("A/73/150." in note for note in footnote_texts(built_73["docx"]))
    assert any(REF["foot"][0] in footer for footer in footer_xmls(built_73["docx"]))


def test_no_paragraph_or_annex_is_invented(built_73):
    text = built_73["txt"].read_text(encoding="utf-8")
    assert re.findall(r"^¶(\d+) ", text, re.M) == []  # no numbered paragraph: none was reached
    assert len(re.findall(r"^¶ \[The text of chapter [IVX]+ is not available", text, re.M)) == 11
    assert "[annex" not in text
    assert "only as far as “Conclusions”" in text


def test_a_committee_fact_in_a_series_without_facts_is_one_located_error(data_copy):
    from test_validate_cli import the_one_error

    replace_in(data_copy / EDITION, "      and forced marriage during the period from June 2016 to May 2018.\n",
               "      and forced marriage during the period from June 2016 to May 2018. {{ members|count }}\n")
    error = the_one_error(data_copy, "73")
    assert error.startswith("data/sessions/73/child-marriage.yaml:")
    assert "'members'" in error and "does not declare 'committee'" in error
