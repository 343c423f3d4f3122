"""The canonical text writer: the document tree -> a labelled, deterministic plain text.

One line per block, each labelled with what it is (masthead fields, paragraph numbers, table
cells, footnotes), so that a diff of two builds reads paragraph by paragraph. The form
depends only on the tree, never on fonts, page breaks or library versions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html
from lxml.etree import _Element

MASTHEAD_FIELDS = [
    ("organization", "organization"),
    ("symbol", "symbol"),
    ("organ", "organ"),
    ("distribution", "distribution"),
    ("doc-date", "date"),
    ("original-language", "original"),
    ("session", "session"),
    ("agenda-item", "agenda item"),
    ("agenda-title", "agenda title"),
    ("report-title", "title"),
    ("report-author", "author"),
]


def classes(element: _Element) -> set[str]:
    return set((element.get("class") or "").split())


def squeeze(text: str) -> str:
    """Collapse runs of white space into single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def inline_text(element: _Element, notes: list[str] | None = None) -> str:
    """The readable text of an inline run; footnotes become [n] calls collected in `notes`."""
    parts = [element.text or ""]
    for child in element:
        child_classes = classes(child)
        if "footnote" in child_classes:
            number = child.get("data-number", "?")
            if notes is not None:
                notes.append(f"{number} {squeeze(inline_text(child))}")
            parts.append(f"[{number}]")
        elif "paragraph-number" in child_classes or child.tag == "svg":
            pass
        elif child.tag == "em":
            parts.append(f"_{inline_text(child, notes)}_")
        else:
            parts.append(inline_text(child, notes))
        parts.append(child.tail or "")
    return "".join(parts)


def first(tree: _Element, css_class: str) -> _Element | None:
    found = tree.xpath(f'//*[contains(concat(" ", normalize-space(@class), " "), " {css_class} ")]')
    return found[0] if found else None


@dataclass(frozen=True)
class CanonicalLine:
    """One line of the canonical text and the tree element it was read from (None for the
    draft flag, table captions and blank separators)."""

    text: str
    element: _Element | None = None


def canonical_lines(tree: _Element) -> list[CanonicalLine]:
    """The canonical text of a parsed tree, line by line, with the element behind each line."""
    lines: list[CanonicalLine] = []

    def add(text: str, element: _Element | None = None) -> None:
        lines.append(CanonicalLine(text, element))

    draft = tree.xpath('//meta[@name="draft"]/@content')
    add(f"draft: {draft[0] if draft else 'no'}")
    for css_class, label in MASTHEAD_FIELDS:
        element = first(tree, css_class)
        if element is not None:
            add(f"{label}: {squeeze(inline_text(element))}", element)
    for note in tree.xpath('//*[contains(@class, "masthead-note")]'):
        add(f"masthead note {note.get('data-mark')}: {squeeze(inline_text(note))}", note)
    body = first(tree, "report-body")
    notes: list[str] = []
    if body is not None:
        add("")
        for block in body:
            block_classes = classes(block)
            if "numbered-paragraph" in block_classes:
                add(f"¶{block.get('data-number')} {squeeze(inline_text(block, notes))}", block)
            elif block.tag == "table":
                add(f"[table {' '.join(sorted(block_classes - {'data-table'}))}]", block)
                for row in block.iter("tr"):
                    cells = [squeeze(inline_text(cell, notes)) for cell in row if cell.tag in ("th", "td")]
                    marker = "head" if row.getparent().tag == "thead" else "row"
                    add(f"  {marker}: " + " | ".join(cells), row)
            else:
                raise ValueError(f"canonical text: no rule for <{block.tag} class={sorted(block_classes)}>")
    if notes:
        add("")
        spans = body.xpath('.//*[contains(concat(" ", normalize-space(@class), " "), " footnote ")]')
        for note, span in zip(notes, spans):
            add(f"footnote {note}", span)
    job = first(tree, "job-number")
    if job is not None:
        add("")
        add(f"job number: {squeeze(job.text_content())}", job)
        barcode = first(tree, "barcode")
        if barcode is not None:
            add(f"barcode: *{barcode.get('data-code')}*", barcode)
    return lines


def canonical_text(tree_html: str) -> str:
    """The canonical text of a document tree."""
    tree = lxml_html.document_fromstring(tree_html)
    return "\n".join(line.text for line in canonical_lines(tree)) + "\n"
