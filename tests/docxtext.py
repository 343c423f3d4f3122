"""Text of a built DOCX in document order: body paragraphs, table rows, footnotes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from reference import normalize

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def body_blocks(path: Path) -> list[str]:
    """One string per body paragraph and per table row ('a | b | c'), in order."""
    document = Document(str(path))
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.text.strip():
                blocks.append(normalize(item.text))
        elif isinstance(item, Table):
            for row in item.rows:
                cells = [normalize(c.text) for c in row.cells]
                if any(cells):
                    blocks.append(" | ".join(cells))
    return blocks


def footnote_texts(path: Path) -> list[str]:
    """Texts of the real footnotes (separators left out), in id order."""
    with zipfile.ZipFile(path) as archive:
        if "word/footnotes.xml" not in archive.namelist():
            return []
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    notes = []
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes.append(normalize("".join(t.text or "" for t in note.iter(f"{W}t"))))
    return notes


def part_xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def footer_xmls(path: Path) -> list[str]:
    """The XML of every footer part (word/footer*.xml)."""
    return [part_xml(path, name) for name in part_names(path) if name.startswith("word/footer")]
