"""Pictures in Word: an inline picture with its alternative text (what a screen reader says
for it; Word: Edit Alt Text), used for the barcode, the QR code and figures."""

from __future__ import annotations

import io

from docx.shared import Length
from docx.text.paragraph import Paragraph


def add_picture(paragraph: Paragraph, image: bytes, width: Length, height: Length | None, alt_text: str,
                picture_id: int) -> None:
    """`image` (PNG or JPEG) as an inline picture at the end of `paragraph`; a height of None
    keeps the picture's proportions; `picture_id` is its id in the whole document."""
    picture = paragraph.add_run().add_picture(io.BytesIO(image), width=width, height=height)
    for side in ("distT", "distB", "distL", "distR"):  # Word's defaults, written out
        picture._inline.set(side, "0")
    picture._inline.docPr.set("descr", alt_text)
    picture._inline.docPr.set("id", str(picture_id))
