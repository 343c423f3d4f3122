"""Text of a built PDF as a reader sees it, using poppler's pdftotext."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from conftest import pdftotext
from reference import normalize

# Page areas (points) between the running header and the footer, from templates/base/un-report.css.
FIRST_PAGE_BODY = (36, 792 - 108)
OTHER_PAGE_BODY = (54, 792 - 72)


def page_count(pdf: Path) -> int:
    return len(PdfReader(str(pdf)).pages)


def page_text(pdf: Path, page: int, area: tuple[float, float] | None = None) -> str:
    """Text of one page (1-based); with an area, only what lies between those y values."""
    args = ["-f", str(page), "-l", str(page)]
    if area:
        top, bottom = area
        args += ["-r", "72", "-x", "0", "-y", str(int(top)), "-W", "612", "-H", str(int(bottom - top))]
    return pdftotext(pdf, *args)


def body_text(pdf: Path) -> str:
    """The running text of the whole document without running headers, page numbers and footer."""
    pages = []
    for page in range(1, page_count(pdf) + 1):
        pages.append(page_text(pdf, page, FIRST_PAGE_BODY if page == 1 else OTHER_PAGE_BODY))
    return normalize(" ".join(pages))
