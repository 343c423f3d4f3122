"""An estimate of the page each bookmark lands on, for the shown result of the contents'
PAGEREF fields before anything lays the document out.

LibreOffice computes PAGEREF fields when it lays a document out, so the pages it shows are
exact whatever is written here; Word shows a field's stored result until it updates fields
(it does when it prints or saves a PDF). The stored result is this estimate: paragraphs wrapped
word by word in Times widths at their style's measure and line height, table rows as their
tallest cell, footnotes taking room at the foot of their page, a page break before each annex, the space between two
paragraphs the larger of the one's space after and the other's space before (as LibreOffice
lays out a DOCX).
"""

from __future__ import annotations

import math

from docx.oxml.ns import qn
from lxml import etree

from pipeline.writers.docx.state import Build
from pipeline.writers.docx.styles import ALL_PARAGRAPH_STYLES
from pipeline.doctree.measure import times_width

FIRST_PAGE_FOOTER = 46  # pt the first-page footer (job number, barcode) rises above its footer distance
NOTE_SEPARATOR = 12  # pt the footnote rule takes on a page with footnotes
MIN_LINES = 2  # a paragraph starts on a new page unless this many lines fit (widow control)


def estimate_pages(b: Build, page: dict) -> None:
    """Fill each PAGEREF's shown result with the estimated page of its bookmark."""
    if not b.page_references:
        return
    layout = _Layout(b, page)
    for block in b.doc.element.body:
        if block.tag == qn("w:p"):
            layout.paragraph(block)
        elif block.tag == qn("w:tbl"):
            layout.table(block)
    for shown, name in b.page_references:
        shown.text = str(layout.pages.get(name, shown.text))


class _Layout:
    def __init__(self, b: Build, page: dict):
        top, _, bottom, _ = page["margins"]
        self.b = b
        self.first = page["height"] - top - max(bottom, page["footer"] + FIRST_PAGE_FOOTER)
        self.later = page["height"] - top - page["header"] - bottom  # the running head pushes the text down
        self.page, self.used, self.notes_on_page, self.after = 1, 0.0, False, 0.0
        self.specs = {b.style_ids[name]: _resolved(name) for name in ALL_PARAGRAPH_STYLES}
        self.notes = {n.get(qn("w:id")): n for n in b.footnotes}
        self.pages: dict[str, int] = {}

    @property
    def room(self) -> float:
        return (self.first if self.page == 1 else self.later) - self.used

    def new_page(self) -> None:
        self.page, self.used, self.notes_on_page = self.page + 1, 0.0, False

    def paragraph(self, p: etree._Element) -> None:
        spec = self._spec(p)
        if spec.get("page_break") and self.used:
            self.new_page()
        line = _line_height(spec)
        if self.room < spec.get("before", 0) + MIN_LINES * line:
            self.new_page()
        self._mark(p)
        self.used += self.height(p, self.b.text_width) - min(spec.get("before", 0), self.after)  # spacing collapses
        self.used += self._notes(p)
        self.after = spec.get("after", 0)
        while self.room < 0:
            overflow = -self.room
            self.new_page()
            self.used = overflow
        if p.find(f".//{qn('w:br')}[@{qn('w:type')}='page']") is not None:
            self.new_page()  # the break that ends the contents

    def table(self, tbl: etree._Element) -> None:
        for tr in tbl.iter(qn("w:tr")):
            cells = tr.findall(qn("w:tc"))
            height = max((sum(self.height(p, _cell_width(tc)) for p in tc.iter(qn("w:p"))) for tc in cells), default=0)
            if height > self.room:
                self.new_page()
            self._mark(tr)
            self.used += height + sum(self._notes(p) for p in tr.iter(qn("w:p")))
        self.after = 0.0

    def height(self, p: etree._Element, width: float) -> float:
        """Space before, the wrapped lines and space after of one paragraph."""
        spec = self._spec(p)
        size = spec.get("size", 10) * (1.05 if spec.get("bold") else 1)
        measure = max(width - spec.get("left", 0) - spec.get("right", 0), 36)
        text = "".join((t.text or "") if t.tag == qn("w:t") else "    " for t in p.iter(qn("w:t"), qn("w:tab")))
        lines = _lines(text, measure, size) + sum(1 for _ in p.iter(qn("w:br")))
        return spec.get("before", 0) + lines * _line_height(spec) + spec.get("after", 0)

    def _notes(self, p: etree._Element) -> float:
        """Room the footnotes called in *p* take at the foot of the page."""
        room = 0.0
        for ref in p.iter(qn("w:footnoteReference")):
            note = self.notes.get(ref.get(qn("w:id")))
            text = "".join(t.text or "" for t in note.iter(qn("w:t"))) if note is not None else ""
            room += _lines(text, self.b.text_width, 9) * 10 + 2 + (0 if self.notes_on_page else NOTE_SEPARATOR)
            self.notes_on_page = True
        return room

    def _mark(self, el: etree._Element) -> None:
        for start in el.iter(qn("w:bookmarkStart")):
            self.pages.setdefault(start.get(qn("w:name")), self.page)

    def _spec(self, p: etree._Element) -> dict:
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return self.specs.get(style.get(qn("w:val")) if style is not None else "", {})


def _resolved(name: str) -> dict:
    """A style's spec with what it inherits from its bases."""
    spec = ALL_PARAGRAPH_STYLES[name]
    return {**(_resolved(spec["base"]) if "base" in spec else {}), **spec}


def _line_height(spec: dict) -> float:
    line = spec.get("line", 12)
    return spec.get("size", 10) * 1.15 if line is None else line


def _lines(text: str, measure: float, size: float) -> int:
    """Lines *text* takes when wrapped word by word at *measure* (pt)."""
    lines, used = 1, 0.0
    space = times_width(" ", size)
    for word in text.split():
        width = times_width(word, size)
        if used and used + space + width > measure:
            lines, used = lines + 1, width
        else:
            used += (space if used else 0) + width
        if width > measure:
            lines += math.floor(width / measure)
    return lines


def _cell_width(tc: etree._Element) -> float:
    width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    return int(width.get(qn("w:w"))) / 20 if width is not None else 100.0
