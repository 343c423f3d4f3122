"""Tables: column widths shared out like CSS automatic layout, and the raw OOXML that
python-docx lacks (fixed widths, indent, borders, cell margins)."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from lxml import etree

from pipeline.writers.docx.ooxml import TBLPR_ORDER, TCPR_ORDER, insert_ordered, new_element, subelement
from pipeline.writers.docx.state import Build
from pipeline.writers.docx.tree import text_of

TABLE_INDENT = 24  # pt: tables start at the paragraph text, like the numbered text
TABLE_CELL_RIGHT_PAD = 6  # pt between columns
RULE_THIN, RULE_HEAVY = 4, 12  # border sizes in eighths of a point: 0.5 pt and 1.5 pt


def new_table(b: Build, nrows: int, widths: list[float], indent: float) -> Table:
    """A fixed-layout table of *widths* (pt), no borders, no left/right cell padding."""
    table = b.doc.add_table(rows=nrows, cols=len(widths))
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


def set_cell_bottom_rule(cell) -> None:
    """A thin rule under a header cell."""
    borders = new_element("w:tcBorders")
    subelement(borders, "w:bottom", {"w:val": "single", "w:sz": str(RULE_THIN), "w:space": "0", "w:color": "000000"})
    insert_ordered(cell._tc.get_or_add_tcPr(), borders, TCPR_ORDER)


def set_cell_margins(cell, right: float) -> None:
    """The right padding of one cell (pt)."""
    margins = new_element("w:tcMar")
    subelement(margins, "w:right", {"w:w": str(round(right * 20)), "w:type": "dxa"})
    insert_ordered(cell._tc.get_or_add_tcPr(), margins, TCPR_ORDER)


def column_widths(rows: list[list[etree._Element]], width: float) -> list[float]:
    """Column widths (pt) shared out over *width* like CSS automatic table layout."""
    ncols = max(len(r) for r in rows)
    pads = [TABLE_CELL_RIGHT_PAD] * (ncols - 1) + [0]
    texts = [[text_of(r[c]) if c < len(r) else "" for r in rows] for c in range(ncols)]
    widest = [max(map(_text_width, col)) + pad for col, pad in zip(texts, pads)]
    longest_word = [max(_text_width(w) for t in col for w in t.split() or [""]) + pad
                    for col, pad in zip(texts, pads)]
    if sum(widest) <= width:
        return [w + (width - sum(widest)) * w / sum(widest) for w in widest]
    slack = [w - m for w, m in zip(widest, longest_word)]
    if sum(longest_word) <= width and sum(slack):
        return [m + (width - sum(longest_word)) * s / sum(slack) for m, s in zip(longest_word, slack)]
    return [width * m / sum(longest_word) for m in longest_word]


# Times Roman advance widths (1/1000 em) for sharing out table columns.
TIMES_WIDTHS = dict(zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278,
    500, 500, 722, 500, 500, 444, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722,
    722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611)))


def _text_width(text: str, size: float = 10) -> float:
    """The Times width of *text* in pt (digits 0.5 em, space and punctuation 0.25-0.33 em)."""
    def em(ch: str) -> float:
        if ch.isdigit():
            return 500
        if ch in " .,;:":
            return 250
        return TIMES_WIDTHS.get(ch, 500 if ch.isalpha() else 333)
    return size * sum(em(ch) for ch in text) / 1000
