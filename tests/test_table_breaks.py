"""A table never begins at a page foot with its title alone or with a single row (the stress
test's 90-row table began under the last line of page 9 with one row): its title and first
three rows stay together, whatever text comes before it."""

from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader

from conftest import DATA, build, pdftotext, replace_in

ROWS = "".join(f"        - [Row {n} of the long table, {1000 + n}]\n" for n in range(1, 40))
FILLER = ("  - paragraph: >-\n      " + "Words that fill the page before the table begins. " * 9 + "\n")


@pytest.mark.parametrize("fillers", range(7, 12))
def test_a_tables_title_and_first_rows_share_a_page(tmp_path, fillers):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    table = ("  - table:\n      title: The long table\n      columns: [Region, Figure]\n"
             f"      rows:\n{ROWS}")
    replace_in(data / "sessions/59/cmw-status.yaml", "  - id: entry-into-force\n",
               FILLER * fillers + table + "  - id: entry-into-force\n")
    pdf = build(data, tmp_path / "out", formats=("html", "pdf"))["pdf"]
    for page in range(1, len(PdfReader(str(pdf)).pages) + 1):
        text = pdftotext(pdf, "-f", str(page), "-l", str(page))
        if "The long table" in text:
            rows = [n for n in range(1, 40) if f"Row {n} of the long table" in text]
            assert rows[:3] == [1, 2, 3], (page, rows[:5])
            return
    raise AssertionError("the table's title is on no page")


def test_the_docx_keeps_a_tables_head_with_its_first_two_rows(built_59):
    """Word keeps a row with the next when its paragraphs keep with the next: the head and the
    first body row do, so a table never begins at a page's foot with its head and one row."""
    from docx import Document

    table = next(t for t in Document(str(built_59["docx"])).tables if len(t.rows) > 3)
    def keeps(row) -> bool:
        paragraph = row.cells[0].paragraphs[0]
        return bool(paragraph.style.paragraph_format.keep_with_next
                    or (paragraph.style.base_style and paragraph.style.base_style.paragraph_format.keep_with_next))
    head = next(i for i, row in enumerate(table.rows) if not row._tr.xpath("./w:trPr/w:tblHeader"))
    assert all(keeps(row) for row in table.rows[:head + 1])
    assert not any(keeps(row) for row in table.rows[head + 1:])
