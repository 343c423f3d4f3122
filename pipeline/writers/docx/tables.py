"""Tables: data tables (caption, header rows repeated and marked as headers, horizontal rules
only, cells aligned as the tree says), the summary's framed box, column widths shared out like
CSS automatic layout, and the raw OOXML that python-docx lacks (fixed widths, indent, borders,
cell margins)."""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table, _Cell
from lxml import etree

from pipeline.doctree.measure import TABLE_CELL_RIGHT_PAD, TABLE_INDENT, longest_part, times_width
from pipeline.doctree.vocabulary import element_of
from pipeline.writers.docx.ooxml import TBLPR_ORDER, TCPR_ORDER, TRPR_ORDER, insert_ordered, new_element, subelement
from pipeline.writers.docx.paragraph import in_story, revision_of, write_paragraph
from pipeline.writers.docx.state import Build
from pipeline.writers.docx.styles import style_variant
from pipeline.writers.docx.tree import child_elements, text_of

RULE_THIN, RULE_HEAVY = 4, 12  # border sizes in eighths of a point: 0.5 pt and 1.5 pt
ALIGNMENTS = ("left", "right", "center")  # data-align values; a style per alignment ("UN Table Cell Right")
BOX_PADDING = 8  # pt above the summary's text inside the frame
BOX_SIDE = 12  # pt between the frame and the summary's text on each side, as the stylesheet's .summary padding


def add_data_table(b: Build, el: etree._Element, revision: str | None) -> None:
    """A data table: its caption (kept with the table), then the table with rules above, under
    the heads and below; heads italic, repeated on each page and marked as header rows."""
    parts = [(element_of(part), part) for part in child_elements(el)]
    rows: list[tuple[etree._Element, bool]] = []  # (tr, in the head)
    caption = None
    for declared, part in parts:
        if declared.kind == "table-caption" and not rows:
            caption = part
            write_paragraph(b, part, declared.word_style, revision)
        elif declared.kind in ("thead", "tbody"):
            rows += [(tr, declared.kind == "thead") for tr in child_elements(part)]
        else:
            raise ValueError(f"'{declared.kind}' cannot stand there in a data table")
    cells = [child_elements(tr) for tr, _ in rows]
    widths = [sum(_span(cell) for cell in r) for r in cells]
    ncols = max(widths, default=0)
    if not ncols or any(w != ncols for w in widths):
        raise ValueError("a data table needs rows that all span the same number of columns")
    head_rows = sum(is_head for _, is_head in rows)
    unspanned = [r for r in cells if all(_span(cell) == 1 for cell in r)]  # a group heading sets no width
    table = new_table(b, len(rows), column_widths(unspanned, b.text_width - TABLE_INDENT), indent=TABLE_INDENT)
    set_table_borders(table, {"top": RULE_THIN, "bottom": RULE_THIN})
    if caption is not None:
        title = " ".join(text_of(part) for part in child_elements(caption))  # the table's name for screen readers
        insert_ordered(table._tbl.tblPr, new_element("w:tblCaption", {"w:val": title}), TBLPR_ORDER)
    for index, (row, (tr, is_head), row_cells) in enumerate(zip(table.rows, rows, cells)):
        tr_pr = row._tr.get_or_add_trPr()
        insert_ordered(tr_pr, OxmlElement("w:cantSplit"), TRPR_ORDER)
        if is_head:
            insert_ordered(tr_pr, OxmlElement("w:tblHeader"), TRPR_ORDER)
        row_revision = revision_of(tr, revision)
        if row_revision:
            subelement(tr_pr, f"w:{row_revision}", b.revision_attributes())  # after the row properties
        col = 0
        for cell_el in row_cells:
            span = _span(cell_el)
            cell = row.cells[col] if span == 1 else row.cells[col].merge(row.cells[col + span - 1])
            with in_story(b, cell, cell.paragraphs[0]):
                kept = index == head_rows and len(rows) - head_rows > 1  # the first row, kept with the second
                write_paragraph(b, cell_el, _cell_style(cell_el, kept), row_revision)
            if is_head:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
                if index == head_rows - 1 or text_of(cell_el).strip():  # a group heading has its own rule
                    set_cell_bottom_rule(cell)
            col += span
            if col == ncols:
                set_cell_margins(cell, right=0)


def _span(cell: etree._Element) -> int:
    """How many columns a cell spans (a group heading's colspan)."""
    return int(cell.get("colspan") or 1)


def _cell_style(cell: etree._Element, kept: bool = False) -> str:
    """The cell's style ("UN Table Head"), kept with the next row ("UN Table Cell Kept": the head
    keeps with the first row and that with the second, so a table never begins at a page's foot
    with its head and one row), with its alignment ("UN Table Cell Right")."""
    align = cell.get("data-align", "left")
    if align not in ALIGNMENTS:
        raise ValueError(f"unknown data-align {align!r} on <{cell.tag}>")
    style = str(element_of(cell).word_style)
    style = style_variant(style, "kept") if kept else style
    return style if align == "left" else f"{style} {align.title()}"


def new_box(b: Build) -> _Cell:
    """A framed box over the text width (the summary's), as a one-cell table; returns its cell."""
    table = new_table(b, 1, [b.text_width], indent=0)
    set_table_borders(table, {side: RULE_THIN for side in ("top", "left", "bottom", "right")})
    cell = table.rows[0].cells[0]
    set_cell_margins(cell, top=BOX_PADDING, left=BOX_SIDE, right=BOX_SIDE)
    return cell


def new_table(b: Build, nrows: int, widths: list[float], indent: float) -> Table:
    """A fixed-layout table of *widths* (pt), no borders, no left/right cell padding."""
    table = b.story.add_table(nrows, len(widths))
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(round(sum(widths) * 20)))
    insert_ordered(tbl_pr, new_element("w:tblInd", {"w:w": str(round(indent * 20)), "w:type": "dxa"}), TBLPR_ORDER)
    margins = new_element("w:tblCellMar")
    for side, pad in (("left", 0), ("right", TABLE_CELL_RIGHT_PAD if indent else 0)):
        subelement(margins, f"w:{side}", {"w:w": str(pad * 20), "w:type": "dxa"})
    insert_ordered(tbl_pr, margins, TBLPR_ORDER)
    return table


def set_table_borders(table: Table, rules: dict[str, int]) -> None:
    """Table borders: the given sides as single rules, all others none."""
    borders = new_element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        size = rules.get(side)
        attrs = {"w:val": "single", "w:sz": str(size), "w:space": "0", "w:color": "000000"} if size else {"w:val": "nil"}
        subelement(borders, f"w:{side}", attrs)
    insert_ordered(table._tbl.tblPr, borders, TBLPR_ORDER)


def set_cell_bottom_rule(cell: _Cell) -> None:
    """A thin rule under a header cell."""
    borders = new_element("w:tcBorders")
    subelement(borders, "w:bottom", {"w:val": "single", "w:sz": str(RULE_THIN), "w:space": "0", "w:color": "000000"})
    insert_ordered(cell._tc.get_or_add_tcPr(), borders, TCPR_ORDER)


def set_cell_margins(cell: _Cell, **sides: float) -> None:
    """The padding of one cell (pt) on the sides given (top, left, bottom, right)."""
    margins = new_element("w:tcMar")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            subelement(margins, f"w:{side}", {"w:w": str(round(sides[side] * 20)), "w:type": "dxa"})
    insert_ordered(cell._tc.get_or_add_tcPr(), margins, TCPR_ORDER)


def _widest_figure(rows: list[list[etree._Element]], column: int) -> float:
    """The widest cell of a column of figures (its body cells right-aligned), which never breaks,
    as in the PDF; 0 for a column of words."""
    cells = [r[column] for r in rows if column < len(r) and r[column].tag == "td"]
    if not cells or any(cell.get("data-align") != "right" for cell in cells):
        return 0
    return max(times_width(text_of(cell)) for cell in cells)


def column_widths(rows: list[list[etree._Element]], width: float) -> list[float]:
    """Column widths (pt) shared out over *width* like CSS automatic table layout."""
    ncols = max(len(r) for r in rows)
    pads = [TABLE_CELL_RIGHT_PAD] * (ncols - 1) + [0]
    texts = [[text_of(r[c]) if c < len(r) else "" for r in rows] for c in range(ncols)]
    widest = [max(map(times_width, col)) + pad for col, pad in zip(texts, pads)]
    longest_word = [max(longest_part(col), _widest_figure(rows, c)) + pad
                    for c, (col, pad) in enumerate(zip(texts, pads))]
    if sum(widest) <= width:
        return [w + (width - sum(widest)) * w / sum(widest) for w in widest]
    slack = [w - m for w, m in zip(widest, longest_word)]
    if sum(longest_word) <= width and sum(slack):
        return [m + (width - sum(longest_word)) * s / sum(slack) for m, s in zip(longest_word, slack)]
    return [width * m / sum(longest_word) for m in longest_word]
