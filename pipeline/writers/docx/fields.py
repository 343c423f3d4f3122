"""Word fields (PAGE, PAGEREF, NOTEREF): begin, instruction, separate, result, end."""

from __future__ import annotations

from typing import Callable

from docx.oxml.ns import qn
from docx.text.run import Run
from lxml import etree

from pipeline.writers.docx.ooxml import subelement


def add_field(new_run: Callable[[], Run], instruction: str, result: str) -> etree._Element:
    """A complex field, one run per part (each from *new_run*, so that the caller decides the
    runs' style, link and tracked change); returns the w:t of its shown result."""
    subelement(new_run()._r, "w:fldChar", {"w:fldCharType": "begin"})
    subelement(new_run()._r, "w:instrText", {"xml:space": "preserve"}).text = f" {instruction} "
    subelement(new_run()._r, "w:fldChar", {"w:fldCharType": "separate"})
    shown = new_run()
    shown.add_text(result)
    subelement(new_run()._r, "w:fldChar", {"w:fldCharType": "end"})
    return shown._r.find(qn("w:t"))
