"""The printed pages as the browser shows them: each page of the PDF as a PNG (pypdfium2,
grey, about 108 dpi) with the text of its lines laid over it, where it prints, so the words
can be found (Ctrl-F), selected and read by tests.

A page's address is the digest of its pixels: a page an edit did not change keeps its
address, is not encoded again and the browser does not fetch it again.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import pypdfium2

SCALE = 1.5  # pixels per PDF point: 108 dpi, a US Letter page 918 x 1188 pixels
KEPT_BUILDS = 3  # page images are kept for this many builds (a page still loading finds its image)


@dataclass(frozen=True)
class TextLine:
    """A run of text on a page and its box, in fractions of the page's width and height
    from the top left (so the overlay scales with the image)."""

    left: float
    top: float
    width: float
    height: float
    text: str


@dataclass(frozen=True)
class PageImage:
    digest: str
    width: float  # in points
    height: float
    lines: tuple[TextLine, ...]

    @property
    def url(self) -> str:
        return f"/pages/{self.digest}.png"


class PageImages:
    """Rasterises PDFs into PageImages and keeps the PNGs of the last few builds."""

    def __init__(self, scale: float = SCALE) -> None:
        self.scale = scale
        self._png: dict[str, bytes] = {}
        self._builds: list[set[str]] = []
        self.encoded = 0  # pages encoded (the rest were unchanged)

    def png(self, digest: str) -> bytes | None:
        return self._png.get(digest)

    def pages(self, pdf: bytes) -> list[PageImage]:
        """The pages of a PDF, encoding only those not seen in a recent build."""
        document = pypdfium2.PdfDocument(pdf)
        try:
            pages = [self._page(document[index]) for index in range(len(document))]
        finally:
            document.close()
        self._builds.append({page.digest for page in pages})
        del self._builds[:-KEPT_BUILDS]
        kept = set().union(*self._builds)
        for digest in [d for d in self._png if d not in kept]:
            del self._png[digest]
        return pages

    def _page(self, page: pypdfium2.PdfPage) -> PageImage:
        width, height = page.get_size()
        bitmap = page.render(scale=self.scale, grayscale=True)
        digest = hashlib.blake2b(bytes(bitmap.buffer), digest_size=16).hexdigest()
        if digest not in self._png:
            out = io.BytesIO()
            bitmap.to_pil().save(out, "PNG", compress_level=1)
            self._png[digest] = out.getvalue()
            self.encoded += 1
        lines = _text_lines(page, width, height)
        page.close()
        return PageImage(digest, width, height, lines)


def _text_lines(page: pypdfium2.PdfPage, width: float, height: float) -> tuple[TextLine, ...]:
    """Each text rectangle pdfium finds on the page (about a line each) with its text."""
    textpage = page.get_textpage()
    try:
        found = []
        for index in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(index)
            text = textpage.get_text_bounded(left, bottom, right, top).strip()
            if text:
                found.append(TextLine(left / width, 1 - top / height, (right - left) / width,
                                      (top - bottom) / height, text))
        return tuple(found)
    finally:
        textpage.close()
