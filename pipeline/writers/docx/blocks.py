"""Blocks of the tree, read by their role in the vocabulary (pipeline/doctree/vocabulary.py):
a field, block or heading is a paragraph in the element's Word style; a container writes its
children; a list writes its items, each a paragraph in its style for its depth, nested lists
after it; a data table is a Word table.

A few elements have a layout of their own in Word, by kind: the draft mark and the first-page
footer go to the page headers and footers (headers.py), the masthead is a borderless two-column
table, the summary a framed box, and a contents line is tab-stop columns with a PAGEREF field.
Anything else raises ValueError: nothing is dropped.
"""

from __future__ import annotations

import base64
import binascii

from docx.enum.text import WD_BREAK
from docx.shared import Pt
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from lxml import etree

from pipeline.doctree.vocabulary import HEADING_LEVELS, ISSUE_LINES, VOCABULARY, Element, Role, element_of
from pipeline.writers.docx.anchors import expect_anchor
from pipeline.writers.docx.inline import At, add_inline, add_page_reference, add_tab
from pipeline.writers.docx.paragraph import finish_paragraph, in_story, new_paragraph, revision_of, write_paragraph
from pipeline.writers.docx.pictures import add_picture
from pipeline.writers.docx.state import Build
from pipeline.writers.docx.styles import CONTENTS_DEPTHS, LIST_DEPTHS, depth_style, set_style, style_variant
from pipeline.writers.docx.tables import (RULE_HEAVY, RULE_THIN, add_data_table, new_box, new_table, set_table_borders)
from pipeline.writers.docx.tree import child_elements, fail, no_stray_text, text_of

FIGURE_INDENT = 24  # pt: figures start at the paragraph text, like tables
SPACER = "UN Table Spacer"
SUMMARY_STYLES = {"UN Paragraph": "UN Summary Paragraph", "UN Quotation": "UN Summary Quotation"}  # an empty 12 pt line: the margin under a table (Word tables have none)
MASTHEAD_RIGHT = 108  # pt: the width of the masthead's right column (the distribution block)
# A contents line's columns, one tab apart: number, title, paragraph range, page.
CONTENTS_COLUMN = {"contents-number": 0, "contents-title": 1, "contents-paragraphs": 2, "contents-paragraphs-label": 2,
                   "contents-page": 3, "contents-page-label": 3}
# Entries whose number is in words ("Part one", "Annex II") have a wider number column.
WORDED_LEVELS = {"part": "UN Contents Entry Part", "annex": "UN Contents Entry Annex"}


def add_blocks(b: Build, container: etree._Element, revision: str | None = None) -> None:
    """Add every block child of *container* in order; stray text is an error."""
    no_stray_text(container)
    for el in child_elements(container):
        add_block(b, el, revision)


def add_block(b: Build, el: etree._Element, revision: str | None = None) -> None:
    """One element of the tree, by its kind's own Word layout or else by its role."""
    declared = element_of(el)
    writer = BY_KIND.get(declared.kind) or BY_ROLE.get(declared.role)
    if writer is None:
        raise ValueError(f"<{el.tag} class={el.get('class')!r}> ({declared.role.value}) cannot stand as a block")
    writer(b, el, declared, revision_of(el, revision))


# ---------------------------------------------------------------- by role

def _add_paragraph(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """A field, block or heading: one paragraph in its Word style (headings' styles are based
    on Word's built-in headings, so they carry the outline level)."""
    expect_anchor(b, el)
    write_paragraph(b, el, declared.word_style or fail(f"'{declared.kind}' has no Word style"), revision)


def _add_container(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """A container's children in order; its id marks its first paragraph. One that holds a
    table ends with the table's bottom margin."""
    expect_anchor(b, el)
    add_blocks(b, el, revision)
    if any(VOCABULARY[kind].role in (Role.TABLE, Role.GRAPHIC) for kind in declared.contains):
        new_paragraph(b, SPACER)


def _add_list(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    add_blocks(b, el, revision)


def _add_item(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """A list item: label, tab, text, in its style for its depth (each depth indented further);
    its nested lists follow it."""
    expect_anchor(b, el)
    depth = min(int(el.get("data-depth") or 1), LIST_DEPTHS)
    write_paragraph(b, el, depth_style(declared.word_style, depth), revision)
    for child in child_elements(el):
        if element_of(child).role is Role.LIST:
            add_block(b, child, revision)


def _add_table(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    add_data_table(b, el, revision)


BY_ROLE = {
    Role.FIELD: _add_paragraph,
    Role.BLOCK: _add_paragraph,
    Role.HEADING: _add_paragraph,
    Role.CONTAINER: _add_container,
    Role.LIST: _add_list,
    Role.ITEM: _add_item,
    Role.TABLE: _add_table,
}


# ---------------------------------------------------------------- by kind: layouts of their own

def _record_draft_mark(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """The draft mark goes into every page header, not the body."""
    b.draft_mark = text_of(el)


def _add_contents_heading(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """The contents list's heading opens page 2, or, for a list placed on page 1, stands under
    what precedes it there."""
    parent = el.getparent()
    page_one = parent is not None and parent.get("data-placement") == "page-one"
    style = str(declared.word_style)
    write_paragraph(b, el, style_variant(style, "page-one") if page_one else style, revision)


def _add_author_line(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """The author line or an addendum's line: 12 pt over the next such line, 24 pt over the text."""
    following = el.getnext()
    followed = following is not None and element_of(following).kind in ISSUE_LINES
    style = str(declared.word_style)
    write_paragraph(b, el, style_variant(style, "followed") if followed else style, revision)


def _add_agenda_title(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """An agenda item's title, in the measure the tree gives it (data-measure)."""
    style = str(declared.word_style)
    write_paragraph(b, el, style_variant(style, "wide") if el.get("data-measure") == "wide" else style, revision)


def _add_session(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """The session line; under a subsidiary organ's name it takes no space before (Word adds
    the space before to the organ's space after, where CSS collapses them), and over the
    session's dates no space after."""
    previous, following = el.getprevious(), el.getnext()
    under_organ = previous is not None and element_of(previous).kind == "session-organ"
    par = write_paragraph(b, el, f"{declared.word_style} Under Organ" if under_organ else str(declared.word_style),
                          revision)
    if following is not None and element_of(following).kind == "session-dates":
        par.paragraph_format.space_after = Pt(0)  # its dates stand right under it (the CSS pulls them up)


def _title_of(picture: etree._Element) -> str:
    """A drawing's alternative text: the <title> of its <svg>."""
    return " ".join(picture.xpath("string(.//*[local-name()='title'])").split())


def _record_first_page_footer(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """Masthead notes wait for their call; job number and barcode go to the first footer."""
    no_stray_text(el)
    for child in child_elements(el):
        kind = element_of(child).kind
        if kind == "masthead-note":
            b.masthead_notes[child.get("id", "")] = child
        elif kind == "job-number":
            b.job_number = text_of(child)
        elif kind == "barcode":
            b.barcode = child.get("data-code") or fail(f"barcode without data-code: {child.attrib}")
            b.barcode_description = _title_of(child)
        elif kind == "qr-code":
            b.qr_code = child.get("data-code") or fail(f"QR code without data-code: {child.attrib}")
            b.qr_description = _title_of(child)
        else:
            raise ValueError(f"'{kind}' cannot stand in the first-page footer")


def _add_masthead(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """The masthead as a borderless 2-column table with a thin and a heavy rule under its rows."""
    no_stray_text(el)
    rows = child_elements(el)
    if [element_of(r).kind for r in rows] != list(declared.contains):
        raise ValueError(f"the masthead must hold {' then '.join(declared.contains)}")
    table = new_table(b, len(rows), [b.text_width - MASTHEAD_RIGHT, MASTHEAD_RIGHT], indent=0)
    set_table_borders(table, {"insideH": RULE_THIN, "bottom": RULE_HEAVY})
    for row, row_el in zip(table.rows, rows):
        no_stray_text(row_el)
        parts = child_elements(row_el)
        if len(parts) != 2:
            raise ValueError(f"masthead row '{element_of(row_el).kind}' must have two parts")
        align = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM if row_el is rows[0] else WD_CELL_VERTICAL_ALIGNMENT.TOP
        for cell, part in zip(row.cells, parts):
            cell.vertical_alignment = align
            with in_story(b, cell, cell.paragraphs[0]):
                add_block(b, part, revision)


def _add_summary(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """The summary in a framed box on page 1; the text begins on page 2, as in the PDF (a
    contents list after it starts its own page)."""
    cell = new_box(b)
    with in_story(b, cell, cell.paragraphs[0]):
        add_blocks(b, el, revision)
    in_box = {b.style_ids[outside]: inside for outside, inside in SUMMARY_STYLES.items()}
    for paragraph in cell.paragraphs:  # the box's padding is the cell's margins: no indent of their own
        if paragraph.style is not None and paragraph.style.style_id in in_box:
            set_style(b, paragraph, in_box[paragraph.style.style_id])
    spacer = new_paragraph(b, SPACER)
    following = el.getnext()
    if following is not None and element_of(following).kind == "report-body":
        spacer.add_run().add_break(WD_BREAK.PAGE)


def _add_contents_line(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """A contents entry (number, title, dot leader, paragraph range, page) or the columns'
    heads ("Paragraphs", "Page"): its parts in the tab-stop columns of its style; the page is
    a PAGEREF field to the bookmark of the heading or annex it lists."""
    par = new_paragraph(b, _contents_style(el, declared))
    at, column = At(revision=revision), 0
    for child in child_elements(el):
        kind = element_of(child).kind
        for _ in range(CONTENTS_COLUMN[kind] - column):
            add_tab(b, par, at)
        column = CONTENTS_COLUMN[kind]
        if kind == "contents-page":
            add_page_reference(b, par, child.get("href"), at)
        else:
            add_inline(b, par, child, at)
    if el.getnext() is None:  # the body starts on a new page after the contents, as in the PDF
        par.add_run().add_break(WD_BREAK.PAGE)
    finish_paragraph(b, par, revision)


def _contents_style(el: etree._Element, declared: Element) -> str:
    """The style of a contents line: an entry's by its level's depth among the levels the
    contents lists (chapters, then sections further in), or the annexes'."""
    level = el.get("data-level")
    if level is None:
        return declared.word_style
    if level in WORDED_LEVELS:
        return WORDED_LEVELS[level]
    listed = {entry.get("data-level") for entry in el.getparent()}
    depths = [lvl for lvl in HEADING_LEVELS if lvl in listed and lvl not in WORDED_LEVELS]
    if level not in depths:
        raise ValueError(f"unknown contents level {level!r}")
    depth = min(depths.index(level) + 1, CONTENTS_DEPTHS)
    if depth == 1 and el.getparent().get("data-numbers") == "wide":  # chapter numbers past XVII
        return style_variant(str(declared.word_style), "wide")
    return depth_style(declared.word_style, depth)


def _add_figure_picture(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """A figure's picture in a paragraph of its own: as wide as the tree says (in CSS pixels) but
    never wider than the text, its description as its alternative text."""
    media, _, payload = (el.get("src") or "").partition(",")
    if not media.startswith("data:image/") or not media.endswith(";base64"):
        raise ValueError(f"a figure's picture must be inline data, not {media[:40]!r}")
    try:
        image = base64.b64decode(payload, validate=True)
    except binascii.Error:
        raise ValueError("a figure's picture is not valid base64 data") from None
    width = min(float(el.get("width") or 0) * 72 / 96 or b.text_width, b.text_width - FIGURE_INDENT)
    par = new_paragraph(b, declared.word_style or fail(f"'{declared.kind}' has no Word style"))
    add_picture(par, image, Pt(width), None, el.get("alt") or fail("a figure's picture has no alternative text"),
                b.next_picture_id())
    finish_paragraph(b, par, revision)


def _add_draft_label(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """A draft's label ("Draft resolution I"): from a new page when its draft says so."""
    parent = el.getparent()
    new_page = parent is not None and parent.get("data-new-page") == "yes"
    style = str(declared.word_style)
    write_paragraph(b, el, style_variant(style, "new-page") if new_page else style, revision)


def _add_draft_preamble(b: Build, el: etree._Element, declared: Element, revision: str | None) -> None:
    """A draft resolution's preamble: its paragraphs with a first-line indent, lists as elsewhere."""
    no_stray_text(el)
    for child in child_elements(el):
        child_declared = element_of(child)
        if child_declared.kind == "unnumbered-paragraph":
            expect_anchor(b, child)
            write_paragraph(b, child, style_variant(str(child_declared.word_style), "preamble"),
                            revision_of(child, revision))
        else:
            add_block(b, child, revision)


BY_KIND = {
    "draft-label": _add_draft_label,
    "draft-preamble": _add_draft_preamble,
    "draft-mark": _record_draft_mark,
    "first-page-footer": _record_first_page_footer,
    "masthead": _add_masthead,
    "session": _add_session,
    "agenda-title": _add_agenda_title,
    "contents-heading": _add_contents_heading,
    **{kind: _add_author_line for kind in ("report-author",) + ISSUE_LINES},
    "summary": _add_summary,
    "contents-entry": _add_contents_line,
    "contents-columns": _add_contents_line,
    "figure-image": _add_figure_picture,
}
