"""Accessible Word: the DOCX of a report built from YAML gives screen readers what the tree
says: headings as outline levels in the tree's order, the table header row marked, alternative
text on the barcode picture, real footnotes, and the document's title, subject and language.
(Every DOCX the project writes, reports and redlines, passes openxml-audit in
tests/test_docx_elements.py::test_every_docx_passes_openxml_audit.)"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import lxml.html
import pytest
from docx import Document
from lxml import etree

from conftest import build
from test_document_model import sampler_data

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1], "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}


@pytest.fixture(scope="module")
def sampler(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("docx-access")
    return build(sampler_data(root), root / "output", formats=("html", "txt", "docx"))


def part(docx: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(docx) as archive:
        return etree.fromstring(archive.read(name))


def outline_level(style) -> int | None:
    """The outline level a paragraph style gives (its own or inherited), 0-based as Word stores it."""
    while style is not None:
        found = style.element.find(f"{W}pPr/{W}outlineLvl")
        if found is not None:
            return int(found.get(f"{W}val"))
        style = style.base_style
    return None


def test_headings_are_outline_levels_in_the_order_of_the_tree(sampler):
    tree = lxml.html.fromstring(sampler["html"].read_bytes())
    body_headings = [h for h in tree.iter("h2", "h3", "h4", "h5", "h6") if h.get("class").endswith("-heading")
                     and h.get("class") not in ("summary-heading", "contents-heading")]
    document = Document(io.BytesIO(sampler["docx"].read_bytes()))
    outlined = [(p.text, outline_level(p.style)) for p in document.paragraphs if outline_level(p.style) is not None]
    texts = ["".join(h.text_content().split()) for h in body_headings]  # number and title, spacing aside
    assert ["".join(text.split()) for text, _ in outlined if "".join(text.split()) in texts] == texts
    assert all(level is not None and 0 <= level <= 8 for _, level in outlined)


def test_table_header_rows_repeat_and_are_marked(sampler):
    document = part(sampler["docx"], "word/document.xml")
    tables = document.findall(f".//{W}tbl")
    data_tables = [t for t in tables if t.find(f"{W}tblPr/{W}tblCaption") is not None]
    assert data_tables
    for table in data_tables:
        assert table.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None


def test_the_barcode_picture_has_alternative_text(sampler):
    footers = [part(sampler["docx"], name) for name in zipfile.ZipFile(sampler["docx"]).namelist()
               if name.startswith("word/footer")]
    described = [d.get("descr") for footer in footers for d in footer.iterfind(".//wp:docPr", NS)]
    assert described == ["Bar code of job number 04-99999 (E) 270804"]


def test_footnotes_are_word_footnotes(sampler):
    notes = [n for n in part(sampler["docx"], "word/footnotes.xml").iterfind(f"{W}footnote")
             if n.get(f"{W}type") is None]
    canonical = [line for line in sampler["txt"].read_text(encoding="utf-8").splitlines() if line.startswith("footnote ")]
    assert canonical and len(notes) >= len(canonical)
    calls = part(sampler["docx"], "word/document.xml").findall(f".//{W}footnoteReference")
    assert {c.get(f"{W}id") for c in calls} >= {n.get(f"{W}id") for n in notes[:len(canonical)]}


def test_title_subject_and_language_are_set(sampler):
    properties = Document(io.BytesIO(sampler["docx"].read_bytes())).core_properties
    tree = lxml.html.fromstring(sampler["html"].read_bytes())
    assert properties.title == tree.findtext(".//title")
    assert properties.subject == tree.find(".//meta[@name='subject']").get("content")
    assert properties.language == tree.get("lang") == "en"
