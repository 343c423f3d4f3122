"""Writing one paragraph: in its Word style, in the story being written (the body or a table
cell), with its inline content, the bookmarks of the ids that begin there, and its tracked
change when a redline marks the whole block inserted or deleted."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from pipeline.writers.docx.anchors import place_bookmarks
from pipeline.writers.docx.inline import fill_paragraph
from pipeline.writers.docx.ooxml import subelement
from pipeline.writers.docx.state import Build
from pipeline.writers.docx.styles import set_style

REVISIONS = ("ins", "del")


def new_paragraph(b: Build, style: str) -> Paragraph:
    """An empty paragraph in *style* at the end of the story (a new cell's own first one)."""
    if b.fresh_paragraph is not None:
        par, b.fresh_paragraph = b.fresh_paragraph, None
    else:
        par = b.story.add_paragraph()
    set_style(b, par, style)
    return par


def write_paragraph(b: Build, el: etree._Element, style: str, revision: str | None = None) -> Paragraph:
    """*el*'s inline content as a paragraph in *style* (a table note's letter first)."""
    par = new_paragraph(b, style)
    fill_paragraph(b, par, el, revision, mark=el.get("data-mark"))
    finish_paragraph(b, par, revision)
    return par


def finish_paragraph(b: Build, par: Paragraph, revision: str | None) -> None:
    """Bookmarks of the ids waiting for this paragraph; the paragraph mark tracked as inserted
    or deleted (w:pPr/w:rPr/w:ins|w:del) in a redline."""
    place_bookmarks(b, par)
    if revision:
        ppr = par._p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = subelement(ppr, "w:rPr")
        subelement(rpr, f"w:{revision}", b.revision_attributes())


def revision_of(el: etree._Element, inherited: str | None = None) -> str | None:
    """The data-revision of a block ("ins", "del" or None), or the one of the block around it."""
    revision = el.get("data-revision")
    if revision is not None and revision not in REVISIONS:
        raise ValueError(f"unknown data-revision {revision!r} on <{el.tag}>")
    return revision or inherited


@contextmanager
def in_story(b: Build, story: _Cell, fresh: Paragraph | None = None) -> Iterator[None]:
    """Write into *story* (a table cell) for a while; *fresh* is its empty first paragraph,
    used by the first paragraph written."""
    saved = b.story, b.fresh_paragraph
    b.story, b.fresh_paragraph = story, fresh
    try:
        yield
    finally:
        b.story, b.fresh_paragraph = saved
