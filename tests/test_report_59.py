"""The session 59 report, end to end: both outputs reproduce the reference text and layout."""

from __future__ import annotations

import re
import subprocess

from pypdf import PdfReader

from conftest import assert_in_order, build, pdftotext, replace_in
from docxtext import body_blocks, footnote_texts, part_names, part_xml
from pdftext import FIRST_PAGE_BODY, body_text, page_count, page_text
from reference import load_reference, normalize, unhyphenated

REF = load_reference()


def reference_sequence() -> list[str]:
    """Masthead lines, then every sentence of paragraphs 1-12 with the table rows after paragraph 3."""
    sequence = [line for line in REF.masthead if line != "Item 107 (a) of the provisional agenda*"]
    for number in range(1, 13):
        sequence += REF.sentences(number)
        if number == 3:
            sequence.append(" ".join(REF.table_head))
            sequence += [" ".join(row) for row in REF.table_rows]
    return sequence


# PDF ------------------------------------------------------------------------------------

def test_pdf_text_matches_reference_in_order(built_59):
    text = normalize(pdftotext(built_59["pdf"]))
    assert_in_order(text, [line for line in REF.masthead[:5]])
    body = unhyphenated(body_text(built_59["pdf"]))
    assert_in_order(body, [unhyphenated(s) for s in reference_sequence()[5:]])


def test_pdf_paragraph_numbers_run_1_to_12(built_59):
    text = body_text(built_59["pdf"])
    numbers = [int(n) for n in re.findall(r"(?:^|\s)(\d{1,2})\. (?=[A-Z])", text)]
    assert numbers == list(range(1, 13))


def test_pdf_masthead_footnote_on_page_1(built_59):
    first = normalize(page_text(built_59["pdf"], 1))
    assert "Item 107 (a) of the provisional agenda*" in first
    lines = [line.strip() for line in pdftotext(built_59["pdf"], "-layout", "-f", "1", "-l", "1").splitlines()]
    assert normalize([line for line in lines if line][-1]) == REF.footnote, "the note ends page 1"
    for page in range(2, page_count(built_59["pdf"]) + 1):
        assert "A/59/150" not in page_text(built_59["pdf"], page)


def test_pdf_running_header_shows_draft_symbol_from_page_2(built_59):
    pdf = built_59["pdf"]
    assert page_count(pdf) >= 3
    header_2 = normalize(page_text(pdf, 2, (0, 54)))
    assert "A/59/..." in header_2 and "DRAFT" in header_2
    layout = pdftotext(pdf, "-layout", "-f", "2", "-l", "3").split("\f")
    # even page: symbol at the left; odd page: symbol at the right
    symbol_line_2 = next(l for l in layout[0].splitlines() if "A/59/..." in l)
    symbol_line_3 = next(l for l in layout[1].splitlines() if "A/59/..." in l)
    assert symbol_line_2.startswith("A/59/...")
    assert symbol_line_3.startswith(" " * 40)
    assert normalize(page_text(pdf, 1, (0, 36))) == "DRAFT"  # page 1: no running header


def test_pdf_page_numbers_from_page_2(built_59):
    pdf = built_59["pdf"]
    for page in range(2, page_count(pdf) + 1):
        assert normalize(page_text(pdf, page, (792 - 72, 792))) == str(page)


def test_pdf_is_us_letter_with_embedded_serif_font(built_59):
    reader = PdfReader(str(built_59["pdf"]))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)
    fonts = subprocess.run(["pdffonts", str(built_59["pdf"])], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts  # every font embedded (emb column)
    assert any(re.search(r"Times-?New-?Roman|Liberation-?Serif", row) for row in rows), fonts


def test_pdf_has_no_barcode_without_job_number(built_59):
    assert "job number" not in built_59["txt"].read_text(encoding="utf-8")


# DOCX -----------------------------------------------------------------------------------

def test_docx_text_matches_reference_in_order(built_59):
    blocks = body_blocks(built_59["docx"])
    joined = " ".join(blocks)
    sequence = reference_sequence()
    sequence = [s.replace("Name of member Country", "Name of member | Country")
                 .replace("nationality Term", "nationality | Term") for s in sequence]
    rows = [" | ".join(row) for row in REF.table_rows]
    sequence = [s for s in sequence if s not in [" ".join(r) for r in REF.table_rows]]
    assert_in_order(joined, [s for s in sequence if "|" not in s])
    assert_in_order(joined, ["Name of member | Country of nationality | Term expires on 31 December", *rows])


def test_docx_paragraph_numbers_run_1_to_12(built_59):
    numbers = [int(m[1]) for b in body_blocks(built_59["docx"]) if (m := re.match(r"^(\d{1,2})\.\s", b))]
    assert numbers == list(range(1, 13))


def test_docx_masthead_footnote_is_a_real_footnote(built_59):
    assert "word/footnotes.xml" in part_names(built_59["docx"])
    assert footnote_texts(built_59["docx"]) == ["* A/59/150."] or footnote_texts(built_59["docx"]) == ["A/59/150."]
    document = part_xml(built_59["docx"], "word/document.xml")
    assert 'w:customMarkFollows="1"' in document


def test_docx_headers_carry_the_symbol_and_draft_mark(built_59):
    names = part_names(built_59["docx"])
    headers = [n for n in names if re.match(r"word/header\d+\.xml", n)]
    assert len(headers) >= 3  # first page, odd (default), even
    texts = [re.sub(r"<[^>]+>", "", part_xml(built_59["docx"], h)) for h in headers]
    assert sum("A/59/..." in t for t in texts) >= 2
    assert any("DRAFT" in t.upper() for t in texts)
    settings = part_xml(built_59["docx"], "word/settings.xml")
    assert "evenAndOddHeaders" in settings
    assert "<w:titlePg" in part_xml(built_59["docx"], "word/document.xml")


def test_docx_table_header_repeats(built_59):
    document = part_xml(built_59["docx"], "word/document.xml")
    assert "<w:tblHeader" in document


# Both -----------------------------------------------------------------------------------

def test_computed_counts_equal_list_lengths(built_59):
    """Paragraph 5 prints each computed list whole, after the count of that same list."""
    from conftest import DATA
    from pipeline.facts.edition import edition_facts
    from pipeline.inputs.load import load_session
    from pipeline.i18n.style import join_list

    inputs = load_session(DATA, 59)
    facts = edition_facts(inputs, inputs.editions[0])
    text = built_59["txt"].read_text(encoding="utf-8")
    paragraph_5 = next(line for line in text.splitlines() if line.startswith("¶5 "))
    found = re.findall(r"the following (\d+) States[^:]*: ([^.]+)\.", paragraph_5)
    assert len(found) == 2
    for (count, listed), states in zip(found, (facts.status.parties, facts.status.signatories)):
        assert listed == join_list(s.name for s in states)
        assert int(count) == len(states)


def test_ledger_change_updates_paragraph_5_in_both_formats(data_copy, tmp_path):
    """Uruguay's accession moved after the as-at date: 25 parties, no Uruguay; no template edit."""
    replace_in(data_copy / "reference" / "cmw-ledger.yaml", "consent: 2001-02-15", "consent: 2004-09-01")
    files = build(data_copy, tmp_path / "out")
    pdf = body_text(files["pdf"])
    docx = " ".join(body_blocks(files["docx"]))
    for text in (pdf, docx):
        assert "ratified by the following 25 States:" in text
        assert "Timor-Leste and Uganda." in text
        assert "Uganda and Uruguay" not in text and "Uruguay" not in text


def test_edition_with_symbol_shows_it_everywhere_and_no_draft_mark(data_copy, tmp_path):
    replace_in(data_copy / "sessions" / "59" / "cmw-status.yaml", "symbol: null", "symbol: A/59/312")
    files = build(data_copy, tmp_path / "out")
    assert "DRAFT" not in pdftotext(files["pdf"]).upper()
    top_line = next(l for l in pdftotext(files["pdf"], "-layout", "-f", "1", "-l", "1").splitlines() if l.strip())
    assert top_line.split() == ["United", "Nations", "A/59/312"]
    assert "A/59/312" in normalize(page_text(files["pdf"], 2, (0, 54)))
    headers = [part_xml(files["docx"], n) for n in part_names(files["docx"]) if n.startswith("word/header")]
    assert sum("A/59/312" in h for h in headers) >= 2
    assert not any("DRAFT" in re.sub(r"<[^>]+>", "", h).upper() for h in headers)


def test_job_number_prints_with_code39_barcode(data_copy, tmp_path):
    replace_in(data_copy / "sessions" / "59" / "cmw-status.yaml", "job_number: null", 'job_number: "04-48573 (E) 270804"')
    files = build(data_copy, tmp_path / "out")
    foot = normalize(page_text(files["pdf"], 1, (FIRST_PAGE_BODY[1], 792)))
    assert "04-48573 (E) 270804" in foot
    tree = files["html"].read_text(encoding="utf-8")
    assert 'data-code="0448573"' in tree and "<svg" in tree
    footers = [part_xml(files["docx"], n) for n in part_names(files["docx"]) if n.startswith("word/footer")]
    assert any("04-48573 (E) 270804" in f and "<pic:pic" in f for f in footers)


def test_table_header_row_repeats_when_the_table_breaks(data_copy, tmp_path):
    """A committee long enough to break across pages repeats its column heads on the next page."""
    committee = data_copy / "reference" / "cmw-committee.yaml"
    extra = "".join(
        f"  - name: Member Zz{n:02d} Example\n    family_name: Zz{n:02d}\n    nationality: Mexico\n"
        f"    elected_on: 2003-12-11\n    term_ends: 2007\n" for n in range(60))
    replace_in(committee, "seats: 10", "seats: 70")
    first_of_2005 = "  - name: José Serrano Brillantes\n    family_name: Brillantes\n    nationality: Philippines\n" \
                    "    elected_on: 2005\n"
    replace_in(committee, first_of_2005, extra + first_of_2005)  # after the members elected in 2003
    files = build(data_copy, tmp_path / "out", formats=("html", "txt", "pdf"))
    texts = [page_text(files["pdf"], p) for p in range(1, page_count(files["pdf"]) + 1)]
    pages_with_rows = [n for n, text in enumerate(texts, 1) if "Example" in text]
    assert len(pages_with_rows) >= 2
    assert all("Name of member" in texts[n - 1] for n in pages_with_rows)
    assert "Name of member" not in texts[pages_with_rows[-1]]  # the page after the table
