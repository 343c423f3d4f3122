"""Word styles: a named style for each tree class, defined once in styles.xml, and the
page set-up of each place."""

from __future__ import annotations

import copy
from functools import lru_cache

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from pipeline.writers.docx.ooxml import RPR_ORDER, insert_ordered, new_element
from pipeline.writers.docx.state import Build

# Tree class -> Word paragraph style.
PARAGRAPH_STYLE_OF_CLASS = {
    "draft-mark": "UN Draft Mark",
    "organization": "UN Organization",
    "symbol": "UN Symbol",
    "organ": "UN Organ",
    "distribution": "UN Distribution",
    "doc-date": "UN Document Date",
    "original-language": "UN Original Language",
    "session": "UN Session",
    "agenda-item": "UN Agenda Item",
    "agenda-title": "UN Agenda Title",
    "report-title": "UN Title",
    "report-author": "UN Author",
    "numbered-paragraph": "UN Numbered Paragraph",
    "job-number": "UN Job Number",
    "barcode": "UN Barcode",
}
FOOTNOTE_TEXT, FOOTNOTE_REFERENCE = "footnote text", "footnote reference"  # Word's own names
SYMBOL_LETTER = "UN Symbol Letter"

# Paragraph styles: name -> properties (sizes and spacing in pt). "base" defaults to Normal.
# "width" (the agenda title's measure) needs the text width, so styles are built per page.
PARAGRAPH_STYLES: dict[str, dict] = {
    "UN Draft Mark": dict(size=9, bold=True, caps=True, spacing=2, box=True, align="center", after=6, line=None),
    # The running head ends 12 pt above the text, which starts at 54 pt as in the PDF; without a
    # draft mark above it, it keeps the mark's room free (19 pt) so the text does not move up.
    "UN Running Header": dict(size=9, bold=True, align="right", line=None, before=19, after=12),
    "UN Running Header Even": dict(base="UN Running Header", align="left"),
    "UN Running Header Under Draft": dict(base="UN Running Header", before=0),
    "UN Running Header Even Under Draft": dict(base="UN Running Header Even", before=0),
    "UN Header Spacer": dict(size=1, line=1),  # page 1 without a draft mark: an empty header
    "UN Page Number": dict(size=9, bold=True, align="right", line=None),
    "UN Page Number Even": dict(base="UN Page Number", align="left"),
    "UN Job Number": dict(before=12),
    "UN Barcode": dict(before=2, line=None),
    "UN Organization": dict(size=14, line=16, after=2),
    "UN Symbol": dict(align="right", line=22, after=2),
    "UN Organ": dict(size=20, bold=True, line=24, before=12, after=8),
    "UN Distribution": dict(before=6),
    "UN Document Date": dict(base="UN Distribution", before=0, after=12),
    "UN Original Language": dict(base="UN Distribution", before=0, after=8),
    "UN Session": dict(bold=True, before=12, after=12, keep=True),
    "UN Agenda Item": dict(keep=True),
    "UN Agenda Title": dict(bold=True, keep=True, width=185),  # as .agenda-title in the CSS
    "UN Title": dict(size=14, bold=True, line=16, before=24, left=24, keep=True),
    "UN Author": dict(size=12, bold=True, line=14, before=12, after=24, left=24, keep=True),
    "UN Numbered Paragraph": dict(align="justify", left=24, hanging=24, after=12),
    "UN Table Head": dict(italic=True, before=3, after=3),
    "UN Table Head Last": dict(base="UN Table Head", align="right"),
    "UN Table Cell": dict(before=2, after=2),
    "UN Table Cell Last": dict(base="UN Table Cell", align="right"),
    "UN Table Spacer": dict(),
    FOOTNOTE_TEXT: dict(size=9, line=10, after=2),
}
CHARACTER_STYLES: dict[str, dict] = {
    SYMBOL_LETTER: dict(size=20),
    FOOTNOTE_REFERENCE: dict(superscript=True),
}
STYLE_IDS = {FOOTNOTE_TEXT: "FootnoteText", FOOTNOTE_REFERENCE: "FootnoteReference"}

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
FONT = "Times New Roman"
LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES"}

# Page geometry per place (pt): size, margins (top, right, bottom, left), header/footer distance.
PAGES = {
    # Top margin 36 pt: page 1's masthead starts there; on later pages the running head
    # (from 12 pt) pushes the text down to 54 pt, the PDF's top margin after page 1.
    "New York": dict(width=612, height=792, margins=(36, 121, 72, 123), header=12, footer=36),
    "Geneva": dict(width=595.3, height=841.9, margins=(56.7, 56.7, 56.7, 113.4), header=24, footer=28),
}


def define_styles(doc: DocxDocument, meta: dict[str, str], text_width: float) -> dict[str, str]:
    """Give the document our styles part; returns style name -> style id.

    The part depends only on the language and the text width, so it is built once per
    process and copied: python-docx's add_style scans every style on each call."""
    lang = LANGUAGE_TAGS.get(meta.get("language", "en"), "en-GB")
    styles, style_ids = _styles_part(lang, text_width)
    doc.part._styles_part._element = copy.deepcopy(styles)
    return dict(style_ids)


@lru_cache(maxsize=8)
def _styles_part(lang: str, text_width: float) -> tuple[etree._Element, dict[str, str]]:
    """A styles part of Normal (Times New Roman 10/12 pt), then the UN paragraph and
    character styles, with style name -> style id."""
    doc = Document()
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    _set_run_properties(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), size=10, lang=lang)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.attrib.update({qn("w:after"): "0", qn("w:line"): "240", qn("w:lineRule"): "auto"})
    normal = doc.styles["Normal"]
    _set_run_properties(normal.element.get_or_add_rPr(), size=10, lang=lang)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.widow_control = Pt(0), Pt(0), True
    pf.line_spacing_rule, pf.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(12)
    style_ids: dict[str, str] = {}
    for name, spec in CHARACTER_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER, builtin=name in STYLE_IDS)
        style.style_id = STYLE_IDS.get(name, style.style_id)
        style.font.size = Pt(spec["size"]) if "size" in spec else None
        style.font.superscript = spec.get("superscript")
        style_ids[name] = style.style_id
    for name, spec in PARAGRAPH_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=name in STYLE_IDS)
        style.style_id = STYLE_IDS.get(name, style.style_id)
        style.base_style = doc.styles[spec.get("base", "Normal")]
        style.quick_style = True
        _apply_paragraph_spec(style, spec, text_width)
        style_ids[name] = style.style_id
    return doc.styles.element, style_ids


def set_style(b: Build, target: Paragraph | Run, name: str) -> None:
    """Give a paragraph or run one of our styles by its id (python-docx's lookup by name
    scans every style of the document on each call, the writer's main cost)."""
    element = target._p if isinstance(target, Paragraph) else target._r
    element.style = b.style_ids[name]


def _apply_paragraph_spec(style, spec: dict, text_width: float) -> None:
    """Set a paragraph style's font and paragraph properties from its spec."""
    font, pf = style.font, style.paragraph_format
    if "size" in spec:
        font.size = Pt(spec["size"])
        _set_rpr_child(style.element.get_or_add_rPr(), "szCs", {"w:val": str(spec["size"] * 2)})
    font.bold = spec.get("bold")
    font.italic = spec.get("italic")
    font.all_caps = spec.get("caps")
    rpr = style.element.get_or_add_rPr()
    if "spacing" in spec:
        _set_rpr_child(rpr, "spacing", {"w:val": str(int(spec["spacing"] * 20))})
    if spec.get("box"):
        _set_rpr_child(rpr, "bdr", {"w:val": "single", "w:sz": "6", "w:space": "2", "w:color": "000000"})
    if "align" in spec:
        pf.alignment = ALIGN[spec["align"]]
    for key, attr in (("before", "space_before"), ("after", "space_after"),
                      ("left", "left_indent"), ("right", "right_indent")):
        if key in spec:
            setattr(pf, attr, Pt(spec[key]))
    if "width" in spec:
        pf.right_indent = Pt(text_width - spec["width"])
    if "hanging" in spec:
        pf.first_line_indent = Pt(-spec["hanging"])
        pf.tab_stops.add_tab_stop(Pt(spec["left"]))
    if "line" in spec and spec["line"] is None:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    elif "line" in spec:
        pf.line_spacing_rule, pf.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(spec["line"])
    if spec.get("keep"):
        pf.keep_with_next = True


def _set_run_properties(rpr: etree._Element, size: int, lang: str) -> None:
    """Times New Roman for every script, the size for both scripts and the language."""
    fonts = {f"w:{a}": FONT for a in ("ascii", "hAnsi", "eastAsia", "cs")}
    old = rpr.find(qn("w:rFonts"))
    if old is not None:
        rpr.remove(old)
    _set_rpr_child(rpr, "rFonts", fonts)
    _set_rpr_child(rpr, "sz", {"w:val": str(size * 2)})
    _set_rpr_child(rpr, "szCs", {"w:val": str(size * 2)})
    _set_rpr_child(rpr, "lang", {"w:val": lang, "w:eastAsia": "en-US", "w:bidi": "ar-SA"})


def _set_rpr_child(rpr: etree._Element, local: str, attrs: dict[str, str]) -> None:
    """Set one run property (w:<local>) in schema order."""
    insert_ordered(rpr, new_element(f"w:{local}", attrs), RPR_ORDER)


def set_up_page(doc: DocxDocument, page: dict) -> None:
    """Page size and margins; different first page and odd/even running heads."""
    section = doc.sections[0]
    section.page_width, section.page_height = Pt(page["width"]), Pt(page["height"])
    top, right, bottom, left = page["margins"]
    section.top_margin, section.right_margin = Pt(top), Pt(right)
    section.bottom_margin, section.left_margin = Pt(bottom), Pt(left)
    section.header_distance, section.footer_distance = Pt(page["header"]), Pt(page["footer"])
    section.different_first_page_header_footer = True
    doc.settings.odd_and_even_pages_header_footer = True
