"""The measures the page layout and validation share: page geometry by place, the text
column a table has, and how narrow a table column can be.

The PDF is laid out by WeasyPrint (templates/base/un-report.css: tables indented 24 pt, 6 pt
between columns, a column at least as wide as the longest word of its head, since a head's
words do not break); the DOCX writer shares out column widths itself (writers/docx/tables.py).
Validation refuses, with the same measure, a table whose columns cannot stand side by side
in the text column, so that no format prints it past the margin (the PDF would fail at the
page edge, the DOCX would print a smear).
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

# Page geometry per place (pt): size, margins (top, right, bottom, left), header/footer distance.
PAGES = {
    # Top margin 36 pt: page 1's masthead starts there; on later pages the running head
    # (from 12 pt) pushes the text down to 54 pt, the PDF's top margin after page 1.
    "New York": dict(width=612, height=792, margins=(36, 121, 72, 123), header=12, footer=36),
    "Geneva": dict(width=595.3, height=841.9, margins=(56.7, 56.7, 56.7, 113.4), header=24, footer=28),
}


TABLE_INDENT = 24  # pt: tables start at the paragraph text, like the numbered text
TABLE_CELL_RIGHT_PAD = 6  # pt between columns
MIN_CELL_WIDTH = 5  # pt: one character of a cell, whose words may break anywhere


def table_width(place: str) -> float:
    """The width (pt) a table has in a place's text column."""
    page = PAGES[place]
    return page["width"] - page["margins"][1] - page["margins"][3] - TABLE_INDENT


# Times Roman advance widths (1/1000 em) for sharing out table columns.
TIMES_WIDTHS = dict(zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278,
    500, 500, 722, 500, 500, 444, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722,
    722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611)))


def _wide(ch: str) -> bool:
    """A character set a full em wide (Chinese, Japanese and Korean characters, full-width forms)."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def times_width(text: str, size: float = 10) -> float:
    """The Times width of *text* in pt (digits 0.5 em, space and punctuation 0.25-0.33 em,
    Chinese characters a full em)."""
    def em(ch: str) -> float:
        if _wide(ch):
            return 1000
        if ch.isdigit():
            return 500
        if ch in " .,;:":
            return 250
        return TIMES_WIDTHS.get(ch, 500 if ch.isalpha() else 333)
    return size * sum(em(ch) for ch in text) / 1000


def unbreakable_parts(text: str) -> list[str]:
    """The parts of *text* a line cannot break inside: its words, and each full-width (Chinese,
    Japanese) character alone, since a line may break before or after any of them."""
    parts: list[str] = []
    for word in text.split():
        run = ""
        for ch in word:
            if _wide(ch):
                parts += [run, ch] if run else [ch]
                run = ""
            else:
                run += ch
        if run:
            parts.append(run)
    return parts


def longest_part(texts: Iterable[str]) -> float:
    """The width (pt) of the widest part of these texts a line cannot break inside (0 for none)."""
    return max([0.0] + [times_width(part) for text in texts for part in unbreakable_parts(text)])


def column_minimum(texts: Iterable[str]) -> float:
    """The narrowest (pt) a column holding these texts can be: its longest word (at least one character)."""
    return max(MIN_CELL_WIDTH, longest_part(texts))


def narrowest_table(heads: list[str]) -> float:
    """The narrowest (pt) a table with these column heads can be: each column as wide as its
    head's longest word, 6 pt between columns (a cell's words may break anywhere)."""
    return sum(column_minimum([head]) for head in heads) + TABLE_CELL_RIGHT_PAD * (len(heads) - 1)
