"""The DOCX writer: the document tree -> a Word document through python-docx.

The writer reads the tree's vocabulary (pipeline/doctree/vocabulary.py): each element is
written by its role, in the Word style the vocabulary names for it (defined once in
styles.xml); paragraphs carry no direct formatting, runs only the italic/bold of <em>/<strong>.
Headings are Word headings (outline levels), footnotes, running heads, bookmarks, internal
hyperlinks and fields (PAGE, PAGEREF, NOTEREF) are real Word objects, and the bytes are
reproducible (no clock, fixed zip). A tree that breaks the vocabulary, or anything in it this
package cannot write, raises ValueError: nothing is dropped. A redline tree
(pipeline/compare/redline.py) adds <ins>/<del> and data-revision="ins"|"del" on blocks and
table rows; they become Word tracked changes (w:ins, w:del with w:delText).

write_docx below walks the tree with blocks.py (by role; the masthead, summary box and
contents lines by kind), which writes paragraphs with paragraph.py and fills them with
inline.py (runs, labels, links, footnotes, fields, tracked changes); tables.py writes data
tables and the summary box, anchors.py the bookmarks that cross-references and the contents
point at, pages.py estimates the contents' pages, headers.py writes the headers and footers,
styles.py the styles and page, package.py the core properties and zip. Under them: state.py
(what a build collects), fields.py, tree.py (reading the tree) and ooxml.py (raw OOXML
elements in schema order).
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from lxml import etree

from pipeline.doctree.check import TreeError, check_root, parse_tree
from pipeline.doctree.vocabulary import HEADINGS, VOCABULARY, Role
from pipeline.writers.registry import WriteContext
from pipeline.writers.reproducible import document_timestamp, iso_stamp
from pipeline.writers.docx.anchors import bookmark_names, check_references
from pipeline.writers.docx.blocks import add_blocks
from pipeline.writers.docx.headers import add_headers_and_footers
from pipeline.writers.docx.inline import letter_footnotes
from pipeline.writers.docx.direction import LEFT_TO_RIGHT_KINDS, set_right_to_left
from pipeline.writers.docx.package import drop_template_leftovers, normalized_zip, set_core_properties
from pipeline.writers.docx.pages import estimate_pages
from pipeline.writers.docx.state import new_build
from pipeline.doctree.measure import PAGES
from pipeline.writers.docx.styles import HANGING, define_styles, set_up_page
from pipeline.writers.docx.tree import child_elements, text_of

META_NAMES = {"symbol", "draft", "subject", "language", "date", "session", "place"}
HEADING_TAGS = sorted({tag for e in VOCABULARY.values() if e.role is Role.HEADING for tag in e.tags})


def write_docx(tree_html: str, document_date: dt.date, context: WriteContext | None = None) -> bytes:
    """The document tree -> DOCX bytes (its author and status in the version's language, as
    `context` gives them; the original's by default). Pure: same input, same bytes."""
    root = parse_tree(tree_html)
    try:
        check_root(root)
    except TreeError as exc:
        raise ValueError(str(exc)) from exc
    meta = _meta_of_head(root.find("head"))
    place = meta.get("place", "")
    if place not in PAGES:
        raise ValueError(f"unknown place {place!r}: no page layout for it")
    body = root.find("body")
    doc = Document()
    page = PAGES[place]
    text_width = page["width"] - page["margins"][1] - page["margins"][3]
    style_ids = define_styles(doc, meta, text_width, heading_outline(body))
    set_up_page(doc, page)
    b = new_build(doc, meta, text_width)
    b.running_job = body.get("data-running-job") or ""
    stamp = document_timestamp(document_date)  # the one time written into the file
    b.revision_date = iso_stamp(stamp)
    b.style_ids = style_ids
    b.hanging_styles = frozenset(style_ids[name] for name in HANGING)
    b.bookmark_names = bookmark_names(body)
    add_blocks(b, body)
    unused = set(b.masthead_notes) - b.called_notes
    if unused:
        raise ValueError(f"masthead notes never called: {sorted(unused)}")
    check_references(b)
    letter_footnotes(b)
    estimate_pages(b, page)
    add_headers_and_footers(b)
    if body.get("dir") == "rtl":
        set_right_to_left(doc, frozenset(style_ids[VOCABULARY[kind].word_style] for kind in LEFT_TO_RIGHT_KINDS
                                         if VOCABULARY[kind].word_style in style_ids))
    words = context or WriteContext(document_date)
    set_core_properties(doc, meta, stamp, words.word("organization"), words.word("draft"))
    drop_template_leftovers(doc)
    out = io.BytesIO()
    doc.save(out)
    return normalized_zip(out.getvalue(), stamp)


def heading_outline(body: etree._Element) -> dict[str, int]:
    """Word style of each heading used -> its outline level: the heading levels the document
    uses, outermost first, are levels 1, 2, 3 ... (as the tree's h2, h3 ...); other headings
    (annex titles) are at level 1."""
    used = {el.get("class") for el in body.iter(*HEADING_TAGS)}
    ladder = [kind for kind in HEADINGS if kind in used]
    outline = {VOCABULARY[kind].word_style: depth for depth, kind in enumerate(ladder, start=1)}
    for element in VOCABULARY.values():
        if element.role is Role.HEADING and element.kind not in HEADINGS:
            outline[element.word_style] = 1
    return outline


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
    return write_docx(tree_html, context.document_date, context)
