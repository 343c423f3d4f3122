"""Page 1 of a report with a summary holds the masthead and the summary only: the text begins
on page 2 (as in A/73/266 and A/73/257; page 2 of A/70/255 and A/74/215 begins with chapter I),
in the PDF and in the DOCX;
a contents list after the summary keeps starting its own page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from conftest import DATA, build, replace_in
from pdftext import page_text


@pytest.fixture(scope="module")
def built_73(tmp_path_factory) -> dict[str, Path]:
    return build(DATA, tmp_path_factory.mktemp("out"), session=73, formats=("pdf", "docx"), series="female-genital-mutilation")


def test_the_pdf_text_begins_on_page_2(built_73):
    first, second = page_text(built_73["pdf"], 1), page_text(built_73["pdf"], 2)
    assert "Summary" in first and "recommendations for future action." in first
    assert "Introduction" not in first and "In its resolution 71/168" not in first
    assert re.match(r"\s*A/73/266\s+I\.\s+Introduction", second), second[:200]


def _break_follows_summary(docx: Path) -> bool:
    """Whether a page break comes after the summary's box and before the next text."""
    body = Document(str(docx)).element.body
    box = next(t for t in body.iter(qn("w:tbl")) if "Summary" in "".join(t.itertext()))
    following = box.getnext()
    while following is not None and not "".join(following.itertext()).strip():
        if any(br.get(qn("w:type")) == "page" for br in following.iter(qn("w:br"))):
            return True
        following = following.getnext()
    return False


def test_the_docx_breaks_the_page_after_the_summary(built_73):
    assert _break_follows_summary(built_73["docx"])


def test_a_contents_list_after_the_summary_needs_no_second_break(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    replace_in(data / "sessions/73/female-genital-mutilation.yaml", "body:\n", "contents: true\nbody:\n")
    files = build(data, tmp_path / "out", session=73, formats=("pdf", "docx"), series="female-genital-mutilation")
    assert not _break_follows_summary(files["docx"])
    assert re.match(r"\s*A/73/266\s+Contents", page_text(files["pdf"], 2)), page_text(files["pdf"], 2)[:200]
    assert re.match(r"\s*A/73/266\s+I\.\s+Introduction", page_text(files["pdf"], 3))
