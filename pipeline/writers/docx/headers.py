"""Headers and footers: the draft mark, the running heads with the symbol, PAGE fields,
and the job number and barcode of the first-page footer."""

from __future__ import annotations

from docx.shared import Inches
from docx.text.paragraph import Paragraph

from pipeline.doctree.barcodes import code39_png, qr_png
from pipeline.writers.docx.fields import add_field
from pipeline.writers.docx.pictures import add_picture
from pipeline.writers.docx.state import Build
from pipeline.writers.docx.styles import set_style
from pipeline.writers.docx.tree import fail


def add_headers_and_footers(b: Build) -> None:
    """Draft mark on every header, the symbol on odd (right) and even (left) headers, page
    numbers likewise in the footers, job number and barcode in the first-page footer."""
    section = b.doc.sections[0]
    symbol = b.meta.get("symbol") or fail("the tree has no symbol meta")
    draft = [("UN Draft Mark", b.draft_mark)] if b.draft_mark else []
    under = " Under Draft" if b.draft_mark else ""
    _fill_story(b, section.first_page_header, draft or [("UN Header Spacer", "")])
    _fill_story(b, section.header, draft + [("UN Running Header" + under, symbol)])
    _fill_story(b, section.even_page_header, draft + [("UN Running Header Even" + under, symbol)])
    for footer, style, even in ((section.footer, "UN Page Number", False),
                                (section.even_page_footer, "UN Page Number Even", True)):
        par = _fill_story(b, footer, [(style, "")])[0]
        if b.running_job and not even:
            par.add_run(b.running_job + "\u2003")  # a Geneva document: "GE.17-00986 3" on the right
        add_field(par.add_run, "PAGE", "1")
        if b.running_job and even:
            par.add_run("\u2003" + b.running_job)  # and "2 GE.17-00986" on the left
    first = [("UN Job Number", b.job_number or "")] + ([("UN Barcode", "")] if b.barcode else []) \
        + ([("UN QR Code", "")] if b.qr_code else [])
    paragraphs = _fill_story(b, section.first_page_footer, first)
    if b.barcode:
        add_picture(paragraphs[1], code39_png(b.barcode), Inches(1.15), Inches(0.3),
                    b.barcode_description or fail("the barcode's drawing has no <title>"), b.next_picture_id())
    if b.qr_code:
        add_picture(paragraphs[-1], qr_png(b.qr_code), Inches(0.75), Inches(0.75),
                    b.qr_description or fail("the QR code's drawing has no <title>"), b.next_picture_id())


def _fill_story(b: Build, story, paragraphs: list[tuple[str, str]]) -> list[Paragraph]:
    """(style, text) paragraphs in a header or footer (its first, empty paragraph is reused)."""
    result = []
    for i, (style, text) in enumerate(paragraphs):
        par = story.paragraphs[0] if i == 0 else story.add_paragraph()
        set_style(b, par, style)
        if text:
            par.add_run(text)
        result.append(par)
    return result
