"""The women-un-system series (data/series/women-un-system.yaml), a report of the
Secretary-General not about a treaty (facts: []), authored as data only: session 67
reproduces what the sources reached give of A/67/347 (masthead, summary) in PDF, DOCX and
canonical text, in order, and marks the rest as not available; a treaty fact used in its text
is one located error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext, replace_in
from docxtext import body_blocks, footnote_texts
from reference import normalize

FIXTURE = Path(__file__).parent / "fixtures" / "reference-a67-women-un-system.txt"
EDITION = Path("sessions/67/women-un-system.yaml")


def reference() -> dict[str, list[str]]:
    """The fixture's sections: 'masthead' (its lines) and 'summary N' (a paragraph's text)."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if header := re.fullmatch(r"\[(.+)\]", line):
            current = header[1]
            continue
        sections.setdefault(current, []).append(normalize(line))
    return sections


REF = reference()
MASTHEAD = REF["masthead"]
MASTHEAD_LINES = [line for line in MASTHEAD if not line.startswith("* ")]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;])\s+(?=[A-Za-z])", text) if s]


def summary_sentences() -> list[str]:
    """Every reproduced sentence of the summary, in order."""
    return [s for n in (1, 2) for s in sentences(REF[f"summary {n}"][0])]


def unhyphenated(text: str) -> str:
    return text.replace("-", "")


@pytest.fixture(scope="module")
def built_67(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=67)


def test_the_fixture_has_the_masthead_and_the_summary():
    assert len(MASTHEAD) == 10 and MASTHEAD[0] == "A/67/347"
    assert len(summary_sentences()) == 9


def test_canonical_text_has_masthead_and_summary_in_order(built_67):
    text = built_67["txt"].read_text(encoding="utf-8")
    lines = [normalize(line.split(": ", 1)[1]) for line in text.splitlines() if ": " in line]
    assert_in_order(" ".join(lines), MASTHEAD_LINES)
    assert "masthead note *: A/67/150." in text
    summary = text.split("[summary] Summary", 1)[1]
    assert_in_order(normalize(summary), summary_sentences())


def test_pdf_has_masthead_and_summary_on_page_one_in_order(built_67):
    first_page = unhyphenated(normalize(pdftotext(built_67["pdf"], "-l", "1")))
    for line in MASTHEAD:  # the masthead's two columns come out of pdftotext in either order
        assert unhyphenated(line) in first_page, line
    assert_in_order(first_page, [unhyphenated(m) for m in MASTHEAD[4:9]])
    flat = unhyphenated(normalize(pdftotext(built_67["pdf"])))
    assert_in_order(flat, ["Summary"] + [unhyphenated(s) for s in summary_sentences()])


def test_docx_has_masthead_and_summary_in_order(built_67):
    joined = " ".join(body_blocks(built_67["docx"]))
    assert_in_order(joined, MASTHEAD_LINES)
    assert_in_order(joined, ["Summary"] + summary_sentences())
    assert any("A/67/150." in note for note in footnote_texts(built_67["docx"]))


def test_missing_text_is_marked_not_invented(built_67):
    text = built_67["txt"].read_text(encoding="utf-8")
    assert "was greater than at the [the rest of the summary is not available in the sources reached]" in text
    assert "[The body of the report (its chapters" in text
    assert "[The annexes of the report and their tables of statistics" in text
    assert not re.search(r"^¶ \d+\.", text, re.M)  # no numbered paragraph was written from guesses
    docx = " ".join(body_blocks(built_67["docx"]))
    pdf = normalize(pdftotext(built_67["pdf"]))
    for words in ("[the rest of the summary is not available", "[The body of the report",
                  "[Title not available in the sources reached]"):
        assert words in docx and words in pdf, words


def test_a_treaty_fact_in_a_series_without_facts_is_one_located_error(data_copy):
    from test_validate_cli import unreport

    replace_in(data_copy / EDITION, "      cent.\n", "      cent. {{ parties|count }}\n")
    result = unreport("validate", "67", cwd=data_copy.parent)
    assert result.returncode == 2
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 1
    assert errors[0].startswith("data/sessions/67/women-un-system.yaml:")
    assert "'parties'" in errors[0] and "does not declare 'treaty'" in errors[0]
