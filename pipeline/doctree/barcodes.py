"""Code 39 barcodes of job numbers and QR codes of documents' addresses, as SVG (for the PDF)
and PNG (for Word).

Here, beside the document tree, rather than among the writers: compose puts the SVGs in the
tree and the DOCX writer draws the PNGs, so both stages import it and neither imports the other."""

from __future__ import annotations

import io
import re
from html import escape
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported at run time only when a document needs one (see below)
    import segno
    from barcode import Code39
    from barcode.writer import BaseWriter

# The UN barcode is about 29 mm wide and 8 mm high with no human-readable line under it.
BAR_OPTIONS = {"write_text": False, "module_height": 8.0, "module_width": 0.2, "quiet_zone": 0.0}


def _code39(digits: str, writer: BaseWriter) -> Code39:
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
    return titled(re.sub(r"<!--.*?-->", "", svg[svg.index("<svg"):]), description)


def titled(svg: str, description: str) -> str:
    """An <svg> with role="img" and *description* as its <title>: the alternative text a
    tagged PDF's figure and a screen reader take (an SVG without one is an unlabelled picture)."""
    if not description:
        return svg
    opening = svg.index(">") + 1
    return svg[:4] + ' role="img"' + svg[4:opening] + f"<title>{escape(description)}</title>" + svg[opening:]


@lru_cache(maxsize=64)
def code39_png(digits: str, dpi: int = 300) -> bytes:
    """The same barcode as a PNG image."""
    from barcode.writer import ImageWriter

    out = io.BytesIO()
    _code39(digits, ImageWriter()).write(out, options={**BAR_OPTIONS, "dpi": dpi})
    return out.getvalue()


QR_SCALE = 4  # pixels a module in the PNG; the size on the page is set by the writers


@lru_cache(maxsize=64)
def _qr(address: str) -> segno.QRCode:
    import segno  # imported only for documents that print a QR code

    return segno.make_qr(address, error="m")


@lru_cache(maxsize=64)
def qr_svg(address: str, description: str = "") -> str:
    """An inline <svg> element (no XML prologue) of the QR code of *address*, sized by CSS,
    with its alternative text when given (see `titled`)."""
    out = io.BytesIO()
    _qr(address).save(out, kind="svg", xmldecl=False, svgns=True, omitsize=True, border=0,
                      svgclass=None, lineclass=None)
    return titled(out.getvalue().decode("utf-8"), description)


@lru_cache(maxsize=64)
def qr_png(address: str) -> bytes:
    """The same QR code as a PNG image."""
    out = io.BytesIO()
    _qr(address).save(out, kind="png", scale=QR_SCALE, border=0)
    return out.getvalue()
