"""Bookmarks and what points at them: every id of the tree becomes a Word bookmark on the
paragraph that begins its element (a heading, paragraph, list item, the caption or first row of
a table, the label of an annex), so that cross-references are internal hyperlinks and the
contents' pages are PAGEREF fields."""

from __future__ import annotations

import hashlib
import re

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from pipeline.writers.docx.ooxml import new_element, subelement
from pipeline.writers.docx.state import Build

MAX_NAME = 40  # Word's longest bookmark name


def bookmark_names(body: etree._Element) -> dict[str, str]:
    """Tree id -> a valid Word bookmark name (a letter, then letters, digits and '_', at most
    40 characters), unique, in document order. An id given twice names its first element,
    as in HTML."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for el in body.iter():
        anchor = el.get("id") if isinstance(el.tag, str) else None
        if anchor and anchor not in names:
            names[anchor] = _unique(_valid_name(anchor), used)
            used.add(names[anchor])
    return names


def _valid_name(anchor: str) -> str:
    name = re.sub(r"[^A-Za-z0-9_]", "_", anchor)
    if not re.match(r"[A-Za-z]", name):
        name = "b_" + name
    if len(name) > MAX_NAME:
        name = name[:MAX_NAME - 9] + "_" + hashlib.sha1(anchor.encode()).hexdigest()[:8]
    return name


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 1
    while candidate in used:
        n += 1
        suffix = f"_{n}"
        candidate = name[:MAX_NAME - len(suffix)] + suffix
    return candidate


def expect_anchor(b: Build, el: etree._Element) -> None:
    """The element's id (if any) waits for the next paragraph written."""
    anchor = el.get("id")
    if anchor and b.bookmark_names.get(anchor) not in b.placed_bookmarks:
        b.pending_anchors.append(anchor)


def place_bookmarks(b: Build, par: Paragraph) -> None:
    """Put the waiting ids' bookmarks around the whole of *par*."""
    for anchor in b.pending_anchors:
        name = b.bookmark_names[anchor]
        if name not in b.placed_bookmarks:
            enclose(b, name, par._p, first=_first_content(par._p), last=None)
    b.pending_anchors.clear()


def enclose(b: Build, name: str, parent: etree._Element, first: etree._Element | None, last: etree._Element | None) -> None:
    """A bookmark *name* in *parent* from before *first* (or at its end) to after *last* (or
    at the end)."""
    number = b.next_bookmark_id()
    start = new_element("w:bookmarkStart", {"w:id": number, "w:name": name})
    if first is None:
        parent.append(start)
    else:
        first.addprevious(start)
    end = new_element("w:bookmarkEnd", {"w:id": number})
    if last is None:
        parent.append(end)
    else:
        last.addnext(end)
    b.placed_bookmarks.add(name)


def _first_content(p: etree._Element) -> etree._Element | None:
    """The first child of a w:p after its properties."""
    return next((c for c in p if c.tag != qn("w:pPr")), None)


def bookmark_of(b: Build, href: str | None, what: str) -> str:
    """The bookmark an internal href ('#id') points at; records it, to be checked at the end."""
    anchor = (href or "").removeprefix("#")
    if not href or not href.startswith("#") or anchor not in b.bookmark_names:
        raise ValueError(f"{what} points at {href!r}, which no element of the tree has as its id")
    name = b.bookmark_names[anchor]
    b.references.setdefault(name, f"{what} to {href!r}")
    return name


def internal_link(b: Build, par: Paragraph, href: str | None) -> etree._Element:
    """An empty internal w:hyperlink to the bookmark of *href* at the end of *par*."""
    return subelement(par._p, "w:hyperlink", {"w:anchor": bookmark_of(b, href, "a cross-reference"), "w:history": "1"})


def check_references(b: Build) -> None:
    """Every bookmark a link or field points at was placed (an id on an element the writer
    gives no paragraph would leave a dead link)."""
    dead = sorted(set(b.references) - b.placed_bookmarks)
    if dead:
        raise ValueError(f"{b.references[dead[0]]} has no paragraph to point at in the Word document")
