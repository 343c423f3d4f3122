"""Code 39 barcodes of job numbers, as SVG (for the PDF) and PNG (for Word)."""

from __future__ import annotations

import io
import re
from html import escape
from functools import lru_cache

# The UN barcode is about 29 mm wide and 8 mm high with no human-readable line under it.
BAR_OPTIONS = {"write_text": False, "module_height": 8.0, "module_width": 0.2, "quiet_zone": 0.0}


def _code39(digits: str, writer):
    import barcode  # with Pillow, ~14 ms: imported only for documents that have a job number

    return barcode.Code39(digits, writer=writer, add_checksum=False)


@lru_cache(maxsize=64)
def code39_svg(digits: str, description: str = "") -> str:
    """An inline <svg> element (no XML prologue) of the Code 39 barcode *digits*; with a
    description, as its <title> and role="img": the alternative text a tagged PDF's figure
    and a screen reader take (an SVG without one is an unlabelled picture)."""
    from barcode.writer import SVGWriter

    out = io.BytesIO()
    _code39(digits, SVGWriter()).write(out, options=BAR_OPTIONS)
    svg = out.getvalue().decode("utf-8")
    svg = re.sub(r"<!--.*?-->", "", svg[svg.index("<svg"):])
    if description:
        opening = svg.index(">") + 1
        svg = svg[:4] + ' role="img"' + svg[4:opening] + f"<title>{escape(description)}</title>" + svg[opening:]
    return svg


@lru_cache(maxsize=64)
def code39_png(digits: str, dpi: int = 300) -> bytes:
    """The same barcode as a PNG image."""
    from barcode.writer import ImageWriter

    out = io.BytesIO()
    _code39(digits, ImageWriter()).write(out, options={**BAR_OPTIONS, "dpi": dpi})
    return out.getvalue()
