"""Blocks of the tree: the masthead, styled and numbered paragraphs, data tables, and the
parts that go to the page headers and footers instead of the body."""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from pipeline.writers.docx.inline import fill_paragraph
from pipeline.writers.docx.ooxml import TRPR_ORDER, insert_ordered, subelement
from pipeline.writers.docx.state import Build
from pipeline.writers.docx.styles import PARAGRAPH_STYLE_OF_CLASS, set_style
from pipeline.writers.docx.tables import (RULE_HEAVY, RULE_THIN, TABLE_INDENT, column_widths, new_table, set_cell_bottom_rule,
                     set_cell_margins, set_table_borders)
from pipeline.writers.docx.tree import child_elements, fail, kind_of, no_stray_text, only_children, text_of
from pipeline.writers.text import classes

REVISIONS = ("ins", "del")


def add_blocks(b: Build, container: etree._Element) -> None:
    """Add every block child of *container* in order; stray text is an error."""
    no_stray_text(container)
    for el in child_elements(container):
        kind = kind_of(el)
        handler = BLOCK_HANDLERS.get(kind)
        if handler is None and kind[1] in PARAGRAPH_STYLE_OF_CLASS and kind[0] in ("p", "h1"):
            handler = _add_styled_paragraph
        if handler is None:
            raise ValueError(f"unknown block <{el.tag} class={el.get('class')!r}> in the tree")
        handler(b, el)


def _add_styled_paragraph(b: Build, el: etree._Element) -> Paragraph:
    """A body paragraph in the style of its class, with its inline content."""
    par = b.doc.add_paragraph()
    set_style(b, par, PARAGRAPH_STYLE_OF_CLASS[kind_of(el)[1]])
    revision = _revision_of(el)
    fill_paragraph(b, par, el, revision)
    if revision:
        _mark_paragraph(b, par, revision)
    return par


def _revision_of(el: etree._Element) -> str | None:
    """The data-revision of a block: "ins", "del" or None."""
    revision = el.get("data-revision")
    if revision is not None and revision not in REVISIONS:
        raise ValueError(f"unknown data-revision {revision!r} on <{el.tag}>")
    return revision


def _mark_paragraph(b: Build, par: Paragraph, revision: str) -> None:
    """Mark the paragraph mark itself inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
    ppr = par._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = subelement(ppr, "w:rPr")
    subelement(rpr, f"w:{revision}", b.revision_attributes())


def _record_draft_mark(b: Build, el: etree._Element) -> None:
    """The draft mark goes into every page header, not the body."""
    b.draft_mark = text_of(el)


def _record_first_page_footer(b: Build, el: etree._Element) -> None:
    """Masthead notes wait for their call; job number and barcode go to the first footer."""
    no_stray_text(el)
    for child in child_elements(el):
        kind = kind_of(child)
        if kind == ("p", "masthead-note"):
            b.masthead_notes[child.get("id", "")] = child
        elif kind == ("p", "job-number"):
            b.job_number = text_of(child)
        elif kind == ("p", "barcode"):
            b.barcode = child.get("data-code") or fail(f"barcode without data-code: {child.attrib}")
        else:
            raise ValueError(f"unknown first-page footer element <{child.tag} class={child.get('class')!r}>")


def _add_masthead(b: Build, el: etree._Element) -> None:
    """The masthead as a borderless 2-column table with a thin and a heavy rule under its rows."""
    no_stray_text(el)
    rows = only_children(el, {("div", "masthead-top"), ("div", "masthead-organ")})
    if [kind_of(r)[1] for r in rows] != ["masthead-top", "masthead-organ"]:
        raise ValueError("the masthead must hold .masthead-top then .masthead-organ")
    right_width = 108  # the distribution block's width
    table = new_table(b, len(rows), [b.text_width - right_width, right_width], indent=0)
    set_table_borders(table, {"insideH": RULE_THIN, "bottom": RULE_HEAVY})
    for row, row_el in zip(table.rows, rows):
        no_stray_text(row_el)
        parts = child_elements(row_el)
        if len(parts) != 2:
            raise ValueError(f"masthead row .{kind_of(row_el)[1]} must have two parts")
        align = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM if row_el is rows[0] else WD_CELL_VERTICAL_ALIGNMENT.TOP
        for cell, part in zip(row.cells, parts):
            cell.vertical_alignment = align
            _fill_masthead_cell(b, cell, _masthead_paragraphs(part))


def _masthead_paragraphs(part: etree._Element) -> list[etree._Element]:
    """The <p> elements of one masthead cell: the part itself or the distribution block's."""
    if kind_of(part) == ("div", "distribution-block"):
        no_stray_text(part)
        return child_elements(part)
    return [part]


def _fill_masthead_cell(b: Build, cell, paragraphs: list[etree._Element]) -> None:
    """Styled paragraphs in a masthead cell (its first, empty paragraph is reused)."""
    for i, block in enumerate(paragraphs):
        tag, cls = kind_of(block)
        if tag != "p" or cls not in PARAGRAPH_STYLE_OF_CLASS:
            raise ValueError(f"unknown masthead element <{tag} class={block.get('class')!r}>")
        par = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        set_style(b, par, PARAGRAPH_STYLE_OF_CLASS[cls])
        fill_paragraph(b, par, block)


def _add_numbered_paragraph(b: Build, el: etree._Element) -> None:
    """A numbered paragraph: the number, a tab, the text (the style hangs the number)."""
    first = next(iter(child_elements(el)), None)
    if first is None or kind_of(first) != ("span", "paragraph-number") or (el.text or "").strip():
        raise ValueError(f"numbered paragraph {el.get('data-number')} does not start with its number")
    _add_styled_paragraph(b, el)


def _add_data_table(b: Build, el: etree._Element) -> None:
    """A data table: rules above, under the heads and below; heads italic and repeated."""
    no_stray_text(el)
    head_rows, body_rows = [], []
    for group in child_elements(el):
        no_stray_text(group)
        if group.tag not in ("thead", "tbody") or classes(group):
            raise ValueError(f"unknown table part <{group.tag} class={group.get('class')!r}>")
        for tr in child_elements(group):
            no_stray_text(tr)
            cell_tag = "th" if group.tag == "thead" else "td"
            if tr.tag != "tr" or classes(tr) or any(c.tag != cell_tag or classes(c) for c in child_elements(tr)):
                raise ValueError(f"unknown table row content in <{group.tag}>")
            (head_rows if group.tag == "thead" else body_rows).append(tr)
    row_revisions = [_revision_of(tr) for tr in head_rows + body_rows]
    rows = [child_elements(tr) for tr in head_rows + body_rows]
    ncols = max(map(len, rows), default=0)
    if not ncols or any(len(r) != ncols for r in rows):
        raise ValueError("a data table needs rows that all have the same number of cells")
    widths = column_widths(rows, b.text_width - TABLE_INDENT)
    table = new_table(b, len(rows), widths, indent=TABLE_INDENT)
    set_table_borders(table, {"top": RULE_THIN, "bottom": RULE_THIN})
    for index, (row, cells) in enumerate(zip(table.rows, rows)):
        is_head = index < len(head_rows)
        tr_pr = row._tr.get_or_add_trPr()
        insert_ordered(tr_pr, OxmlElement("w:cantSplit"), TRPR_ORDER)
        if is_head:
            insert_ordered(tr_pr, OxmlElement("w:tblHeader"), TRPR_ORDER)
        revision = row_revisions[index]
        if revision:
            subelement(tr_pr, f"w:{revision}", b.revision_attributes())  # after the row properties
        for col, (cell, cell_el) in enumerate(zip(row.cells, cells)):
            last = col == ncols - 1
            kind = ("UN Table Head" if is_head else "UN Table Cell") + (" Last" if last else "")
            par = cell.paragraphs[0]
            set_style(b, par, kind)
            fill_paragraph(b, par, cell_el, revision)
            if is_head:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
                if index == len(head_rows) - 1:
                    set_cell_bottom_rule(cell)
            if last:
                set_cell_margins(cell, right=0)
    set_style(b, b.doc.add_paragraph(), "UN Table Spacer")  # the table's 12 pt bottom margin


BLOCK_HANDLERS = {
    ("p", "draft-mark"): _record_draft_mark,
    ("footer", "first-page-footer"): _record_first_page_footer,
    ("header", "masthead"): _add_masthead,
    ("section", "session-block"): add_blocks,
    ("main", "report-body"): add_blocks,
    ("p", "numbered-paragraph"): _add_numbered_paragraph,
    ("table", "data-table"): _add_data_table,
}
