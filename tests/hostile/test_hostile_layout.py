"""Hostile corpus, class "layout": a word or address longer than a line (in a paragraph, a
heading, a footnote, a table cell) wraps inside the text column of the PDF and of the DOCX as
LibreOffice lays it out, so no character is lost; text that still cannot fit (a table too wide
for the page) is a located error, exit 2, earlier outputs untouched."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.register_assert_rewrite("hostile_corpus")

from conftest import DATA, build, pdftotext, replace_in  # noqa: E402
from hostile_corpus import E, earlier_outputs, snapshot  # noqa: E402
from pipeline.cli import main  # noqa: E402

WORD = "Pneumono" + "x" * 280 + "END1"
ADDRESS = "http://example.org/" + "a" * 280 + "END2"
HEADING = "Heading" + "y" * 290 + "END3"
NOTE = "Foot" + "z" * 292 + "END4"
CELL = "Cell" + "c" * 292 + "END5"
LONG = (WORD, ADDRESS, HEADING, NOTE, CELL)
ANCHOR = "  - id: entry-into-force\n"


def with_long_words(data: Path) -> None:
    """The session 59 edition with a 300-character word in each place text can stand."""
    edition = data / E
    replace_in(edition, ANCHOR, f"  - chapter: {HEADING}\n"
                                f"  - paragraph: A long word {WORD}, an address <{ADDRESS}> and a note[^long].\n"
                                f"  - table:\n      columns: [State, Text]\n      rows:\n        - [Chile, {CELL}]\n"
                                + ANCHOR)
    replace_in(edition, "body:\n", f"footnotes:\n  long: {NOTE}\nbody:\n")


def glyphs_off_the_page(pdf: Path) -> list[str]:
    """The characters of a PDF drawn (partly) outside their page."""
    import pypdfium2

    outside = []
    document = pypdfium2.PdfDocument(str(pdf))
    for page in document:
        width, height = page.get_size()
        text = page.get_textpage()
        for index in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(index)
            if left < 0 or bottom < 0 or right > width or top > height:
                outside.append(text.get_text_range(index, 1))
    return outside


def joined(text: str) -> str:
    """Text with its line breaks (and any hyphens put in at them) taken out."""
    return re.sub(r"[\s\u00ad-]", "", text)


@pytest.fixture(scope="module")
def built_long(tmp_path_factory) -> dict[str, Path]:
    data = tmp_path_factory.mktemp("long") / "data"
    shutil.copytree(DATA, data)
    with_long_words(data)
    return build(data, tmp_path_factory.mktemp("output"), formats=("pdf", "docx"))


def test_long_words_wrap_inside_the_pdf_page(built_long):
    pdf = built_long["pdf"]
    assert glyphs_off_the_page(pdf) == []
    text = joined(pdftotext(pdf, "-raw"))  # in drawing order: a table cell's lines together
    for word in LONG:
        assert joined(word) in text


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="needs soffice and pdftotext")
def test_long_words_wrap_inside_the_docx_page(built_long, tmp_path):
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(built_long["docx"])], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / (built_long["docx"].stem + ".pdf")
    assert glyphs_off_the_page(pdf) == []
    text = joined(pdftotext(pdf, "-raw"))  # in drawing order: a table cell's lines together
    for word in LONG:
        assert joined(word) in text


def test_a_short_address_is_not_broken(built_59):
    """Addresses stay whole while they fit a line (the report is set again only when one does not)."""
    assert "http://untreaty.un.org" in pdftotext(built_59["pdf"]).replace("\n", " ")


def test_a_table_too_wide_for_the_page_is_a_located_error(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    columns = ", ".join(f"Column{n}" for n in range(1, 13))
    cells = ", ".join(f"Widecellvalue{n}" for n in range(1, 13))
    replace_in(data / E, ANCHOR, f"  - table:\n      columns: [{columns}]\n      rows:\n        - [{cells}]\n" + ANCHOR)
    output = tmp_path / "output"
    before = earlier_outputs(output)
    monkeypatch.chdir(tmp_path)
    # in this thread (not hostile_corpus.invoke's): the writers' time limit is a signal
    built = CliRunner().invoke(main, ["build", "--data", "data", "--output", "output", "--jobs", "1", "--format", "pdf", "59"])
    line = (data / E).read_text(encoding="utf-8").splitlines().index(f"      columns: [{columns}]") + 1
    # refused by validation, with the measure every format shares, before any writer runs (the
    # PDF writer's own check, at the page edge, is tests/test_attack_blocks.py's)
    assert [l for l in built.stderr.splitlines() if ": error: " in l] == [
        f"data/{E}:{line}:16: error: the table has 12 columns, which need at least 528 pt side by side (each as wide "
        "as its heading's longest word, 6 pt apart), but a table has 344 pt across a New York page: it would run "
        "past the margin; split it into two tables or shorten the column headings"]
    assert built.exit_code == 2
    assert snapshot(output) == before
