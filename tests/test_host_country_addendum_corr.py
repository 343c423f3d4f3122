"""The host-country-addendum-corr series (data/series/host-country-addendum-corr.yaml): a real
corrigendum to an addendum, A/43/26/Add.1/Corr.1 of 30 November 1988 ("Report of the Committee
on Relations with the Host Country / Addendum / Corrigendum"), authored as data only from the
README by a newcomer. Session 43 reproduces what the one copy reached gives
(https://www.un.org/unispal/document/auto-insert-177777): the masthead with "Addendum" and
"Corrigendum" under the title (the title names the Committee: no author line), the three
numbered instructions, the replacement paragraph 7 whole and the replacement paragraph 12 as far
as the copy goes, in the canonical text, the PDF and the DOCX, in order; the rest is a marked
gap, none invented.

Where the project prints the real page otherwise, a strict xfail says so (the code is not
changed here): page 1's foot "88-31846 0592g (E)" (the typist's code is refused by the
job-number field) and the running head "A/43/26/Add.1/Corr.1 English Page 2" (the page number
alone). "ORIGINAL: ENGLISH/FRENCH/SPANISH" is printed from original_language's list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext
from docxtext import body_blocks, footer_xmls
from reference import canonical_values, fixture_sections, normalize, sentences_of, unhyphenated

FIXTURE = Path(__file__).parent / "fixtures" / "reference-a43-26-add1-corr1-host-country.txt"

REF = fixture_sections(FIXTURE)
MASTHEAD = REF["masthead"]
REPLACE = REF["replace"][0]
GAPS = ["[the rest of paragraph 12 is not available in the sources reached]",
        "[Anything after the replacement paragraph 12 is not available in the sources reached.]"]


def body_sequence() -> list[str]:
    """The instructions in order, each "Replace ..." line before its replacement paragraph's
    sentences, then the marked gaps."""
    return (REF["instruction 1"] + REF["instruction 2"] + [REPLACE] + sentences_of(REF, "replacement 7")
            + REF["instruction 3"] + [REPLACE] + sentences_of(REF, "replacement 12") + GAPS)


@pytest.fixture(scope="module")
def built_43(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("output"), session=43, series="host-country-addendum-corr")


def test_the_fixture_has_the_masthead_instructions_and_replacements():
    assert MASTHEAD[0] == "A/43/26/Add.1/Corr.1" and MASTHEAD[-2:] == ["Addendum", "Corrigendum"]
    assert REF["replacement 7"][0].startswith("7. The representative of Spain")
    assert REF["replacement 12"][0].endswith("wished for an international")


def test_canonical_text_has_masthead_then_instructions_in_order(built_43):
    text = built_43["txt"].read_text(encoding="utf-8")
    assert_in_order(canonical_values(built_43["txt"]), MASTHEAD + body_sequence())
    assert "corrigendum: Corrigendum" in text and "addendum: Addendum" in text
    assert "author:" not in text  # the title names the Committee: no author line
    assert re.findall(r"^¶(\d+) ", text, re.M) == ["1", "2", "3"]  # the three instructions only
    assert len(re.findall(r"^¶ quoted: ", text, re.M)) == 2  # the replacements keep their own numbers


def test_pdf_has_masthead_then_instructions_in_order(built_43):
    first_page = unhyphenated(normalize(pdftotext(built_43["pdf"], "-l", "1")))
    for line in MASTHEAD:  # the masthead's columns come out in either order
        assert unhyphenated(line) in first_page, line
    assert_in_order(pdf_body(built_43["pdf"]), [unhyphenated(m) for m in MASTHEAD[3:]]
                    + [unhyphenated(s) for s in body_sequence()])


def pdf_body(pdf: Path) -> str:
    """The PDF's text with page furniture left out (page 1's job number, the running head's
    symbol and the page numbers of later pages), so that the replacement paragraph 12, which runs
    over the page break, reads on."""
    pages = pdftotext(pdf).split("\f")
    furniture = {"88-31846 (E)", MASTHEAD[0]}
    kept = [line for number, page in enumerate(pages, 1) for line in page.splitlines()
            if number == 1 and line.strip() != "88-31846 (E)"
            or number > 1 and line.strip() not in furniture and not line.strip().isdigit()]
    return unhyphenated(normalize("\n".join(kept)))


def test_docx_has_masthead_then_instructions_in_order(built_43):
    joined = normalize(" ".join(body_blocks(built_43["docx"])))
    assert_in_order(joined, MASTHEAD[3:] + body_sequence())


# The differences from the real page (the code is not changed here: strict xfails).

def test_the_original_line_names_the_three_languages(built_43):
    real = REF["real original"][0]
    # the line breaks after "French/" in the narrow column, as the real one does
    assert real.lower() in normalize(pdftotext(built_43["pdf"], "-l", "1")).lower().replace("/ ", "/")
    assert real.lower() in " ".join(body_blocks(built_43["docx"])).lower()


@pytest.mark.xfail(strict=True, reason="the real foot prints '88-31846 0592g (E)' (with a typist's code); the "
                   "job_number field refuses it ('not a job number'), so '88-31846 (E)' is written")
def test_page_one_foot_has_the_real_job_line(built_43):
    job = REF["real foot"][0].rstrip(" /")
    assert f"job number: {job}" in built_43["txt"].read_text(encoding="utf-8")
    assert job in pdftotext(built_43["pdf"], "-l", "1")
    assert any(job in footer for footer in footer_xmls(built_43["docx"]))


@pytest.mark.xfail(strict=True, reason="page 2 of the real document is headed 'A/43/26/Add.1/Corr.1 English Page 2'; "
                   "the project prints the symbol in the header and the page number at the foot, and no key "
                   "asks for the 1988 running head")
def test_page_two_has_the_real_running_head(built_43):
    page_two = normalize(pdftotext(built_43["pdf"], "-f", "2", "-l", "2"))
    assert REF["real page 2 head"][0] in page_two
