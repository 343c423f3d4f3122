"""The DOCX writer: the document tree -> a Word document through python-docx.

Every tree class maps to a named Word style (defined once in styles.xml); paragraphs carry
no direct formatting, runs only the italic/bold of <em>/<strong>. Footnotes, running heads
and fields are real Word objects, and the bytes are reproducible (no clock, fixed zip).
Anything in the tree this package does not know raises ValueError: nothing is dropped.
A redline tree (pipeline/redline.py) adds <ins>/<del> and data-revision="ins"|"del" on
paragraphs and table rows; they become Word tracked changes (w:ins, w:del with w:delText).

write_docx below walks the tree with blocks.py (masthead, paragraphs, data tables), which
fills paragraphs with inline.py (runs, links, footnotes, tracked changes); headers.py writes
the headers and footers, styles.py the styles and page, tables.py the table layout and
package.py the core properties and zip. Under them: state.py (what a build collects),
tree.py (reading the tree) and ooxml.py (raw OOXML elements in schema order).
"""

from __future__ import annotations

import datetime as dt
import io

import lxml.html
from docx import Document
from lxml import etree

from pipeline.writers.registry import WriteContext
from pipeline.writers.reproducible import document_timestamp, iso_stamp
from pipeline.writers.docx.blocks import add_blocks
from pipeline.writers.docx.headers import add_headers_and_footers
from pipeline.writers.docx.package import drop_template_leftovers, normalized_zip, set_core_properties
from pipeline.writers.docx.state import new_build
from pipeline.writers.docx.styles import PAGES, define_styles, set_up_page
from pipeline.writers.docx.tree import child_elements, text_of
from pipeline.writers.text import classes

META_NAMES = {"symbol", "draft", "subject", "language", "date", "session", "place"}


def write_docx(tree_html: str, document_date: dt.date) -> bytes:
    """The document tree -> DOCX bytes. Pure: same input, same bytes."""
    root = lxml.html.document_fromstring(tree_html)
    meta = _meta_of_head(root.find("head"))
    place = meta.get("place", "")
    if place not in PAGES:
        raise ValueError(f"unknown place {place!r}: no page layout for it")
    doc = Document()
    page = PAGES[place]
    text_width = page["width"] - page["margins"][1] - page["margins"][3]
    style_ids = define_styles(doc, meta, text_width)
    set_up_page(doc, page)
    b = new_build(doc, meta, text_width)
    stamp = document_timestamp(document_date)  # the one time written into the file
    b.revision_date = iso_stamp(stamp)
    b.style_ids = style_ids
    body = root.find("body")
    if body is None or classes(body) - {"un-report"}:
        raise ValueError("the tree has no <body class='un-report'>")
    add_blocks(b, body)
    unused = set(b.masthead_notes) - b.called_notes
    if unused:
        raise ValueError(f"masthead notes never called: {sorted(unused)}")
    add_headers_and_footers(b)
    set_core_properties(doc, meta, stamp)
    drop_template_leftovers(doc)
    out = io.BytesIO()
    doc.save(out)
    return normalized_zip(out.getvalue(), stamp)


def _meta_of_head(head: etree._Element | None) -> dict[str, str]:
    """The <meta name> values and the <title> of the head."""
    if head is None:
        raise ValueError("the tree has no <head>")
    meta: dict[str, str] = {}
    for el in child_elements(head):
        if el.tag == "title":
            meta["title"] = text_of(el)
        elif el.tag == "meta" and el.get("name") in META_NAMES:
            meta[el.get("name")] = el.get("content", "")
        elif el.tag == "meta" and el.get("charset") and el.get("name") is None:
            continue
        elif el.tag == "link" and el.get("rel") == "stylesheet":
            continue  # the CSS is the PDF's; the styles below are Word's rendering of it
        else:
            raise ValueError(f"unknown head element <{el.tag} {dict(el.attrib)}>")
    return meta


def write(tree_html: str, context: WriteContext) -> bytes:
    """The DOCX writer's entry in the registry."""
    return write_docx(tree_html, context.document_date)
