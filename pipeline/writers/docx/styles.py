"""Word styles: the looks of each Word style the vocabulary names (pipeline/doctree/vocabulary.py
gives every element its style name; this module is Word's rendering of them, as the CSS is the
PDF's), defined once in styles.xml, and the page set-up of each place.

Headings are based on Word's built-in "Heading 1" ... "Heading 9" (by their depth in the
document), so that Word's navigation pane, a Word table of contents and accessibility checkers
see the outline. Lists and contents entries have one style per depth ("UN Subparagraph 2").
"""

from __future__ import annotations

import copy
from functools import lru_cache

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from pipeline.writers.docx.ooxml import RPR_ORDER, insert_ordered, new_element
from pipeline.writers.docx.state import Build

FOOTNOTE_TEXT, FOOTNOTE_REFERENCE = "footnote text", "footnote reference"  # Word's own names
STEP = 24  # pt: the hang of a paragraph or heading number, and the step in of each list depth
LIST_DEPTHS = 6  # list styles for depths 1..6 (deeper lists keep the deepest indent)
CONTENTS_DEPTHS = 7  # contents entry styles, one per heading level a contents may list
RANGE_END, TITLE_END = 36, 90  # pt from the right edge: where a contents paragraph range ends, where titles wrap

_HEAD = dict(keep=True, before=12, after=12, left=STEP, hanging=STEP, right=STEP)  # a numbered heading
_NOTE = dict(size=9, line=10)

# Paragraph styles: name -> properties (sizes and spacing in pt). "base" defaults to Normal.
# "width" (the agenda title's measure) needs the text width, so styles are built per page;
# tab positions below zero count from the right edge of the text column.
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
    "UN QR Code": dict(before=2, line=None, align="right"),
    "UN Organization": dict(size=14, line=16, after=2),
    "UN Symbol": dict(align="right", line=22, after=2),
    "UN Organ": dict(size=20, bold=True, line=24, before=12, after=8),
    "UN Distribution": dict(before=6),
    "UN Document Date": dict(base="UN Distribution", before=0, after=12),
    "UN Version Language": dict(base="UN Distribution", before=0),
    "UN Original Language": dict(base="UN Distribution", before=0, after=8),
    "UN Session Organ": dict(bold=True, before=12, after=0, keep=True),  # a subsidiary organ over its session
    "UN Session": dict(bold=True, before=12, after=12, keep=True),
    "UN Session Under Organ": dict(base="UN Session", before=0),
    "UN Agenda Item": dict(keep=True),
    "UN Agenda Title": dict(bold=True, keep=True, width=185),  # as .agenda-title in the CSS
    "UN Agenda Title Wide": dict(base="UN Agenda Title", width=264),  # see VARIANTS
    # the 12 pt between title and author line is the title's (Word adds spacing, never collapses
    # it): a title with no author line under it keeps 12 pt from what follows
    "UN Title": dict(size=14, bold=True, line=16, before=24, after=12, left=STEP, keep=True),
    # not kept with the summary box: a long box may start on page 1 and run over
    "UN Author": dict(size=12, bold=True, line=14, before=0, after=24, left=STEP),
    # the author line and an addendum's lines stand 12 pt apart, as the PDF sets them (Word adds
    # the space after to the space before, where CSS collapses them)
    "UN Author Followed": dict(base="UN Author", after=12),  # see VARIANTS
    "UN Transmitted Title": dict(size=14, bold=True, line=16, after=24, left=STEP, keep=True, page_break=True),
    # ---- summary and contents
    "UN Summary Heading": dict(bold=True, after=12, align="center", keep=True),  # centred, as the PDF
    # in the summary's box (whose 12 pt padding is the cell's margins) paragraphs start at its edge
    "UN Summary Paragraph": dict(align="justify", after=12),
    "UN Summary Quotation": dict(align="justify", left=STEP, right=STEP, after=12),
    "UN Contents Heading": dict(size=14, bold=True, line=16, after=12, keep=True, page_break=True),
    "UN Contents Heading Page One": dict(size=14, bold=True, line=16, before=24, after=12, keep=True),
    "UN Contents Columns": dict(size=9, italic=True, after=6, keep=True,
                                tabs=[(STEP, "left", None), (-RANGE_END, "right", None), (0, "right", None)]),
    # ---- headings: the editorial manual's levels; the number hangs like a paragraph number
    "UN Part Heading": dict(size=20, bold=True, line=22, before=12, after=12, keep=True),
    "UN Chapter Heading": dict(size=14, bold=True, line=16, **_HEAD),
    "UN Section Heading": dict(size=12, bold=True, line=14, **_HEAD),
    "UN Subsection Heading": dict(bold=True, **_HEAD),
    "UN Third Degree Heading": dict(bold=True, **_HEAD),
    "UN Fourth Degree Heading": dict(italic=True, **_HEAD),
    "UN Fifth Degree Heading": dict(**_HEAD),
    # ---- paragraphs
    "UN Numbered Paragraph": dict(align="justify", left=STEP, hanging=STEP, after=12),
    "UN Paragraph": dict(align="justify", left=STEP, after=12),
    "UN Quotation": dict(align="justify", left=2 * STEP, right=STEP, after=12),  # a quoted passage, one step in
    # ---- tables (they start at the paragraph text, STEP in)
    "UN Table Caption": dict(left=STEP, after=6, keep=True),
    # a table's head is kept with its first rows, as the PDF keeps it (never alone at a page's
    # foot): the head, and the first row of a longer table, keep with the next row
    "UN Table Head": dict(italic=True, before=3, after=3, keep=True),
    "UN Table Head Right": dict(base="UN Table Head", align="right"),
    "UN Table Head Center": dict(base="UN Table Head", align="center"),
    "UN Table Cell": dict(before=2, after=2),
    "UN Table Cell Right": dict(base="UN Table Cell", align="right"),
    "UN Table Cell Center": dict(base="UN Table Cell", align="center"),
    "UN Table Cell Kept": dict(base="UN Table Cell", keep=True),  # see VARIANTS
    "UN Table Cell Kept Right": dict(base="UN Table Cell Right", keep=True),
    "UN Table Cell Kept Center": dict(base="UN Table Cell Center", keep=True),
    "UN Table Note": dict(before=3, left=STEP + 6, hanging=6, **_NOTE),
    "UN Table Source": dict(before=3, left=STEP, **_NOTE),
    "UN Table Spacer": dict(),
    # ---- figures (they start at the paragraph text, STEP in; the picture's line grows with it)
    "UN Figure Caption": dict(left=STEP, after=6, keep=True),
    "UN Figure": dict(left=STEP, line=None, keep=True),
    # ---- annexes: each from a new page
    "UN Annex Label": dict(size=14, bold=True, line=16, page_break=True, keep=True),
    "UN Annex Original": dict(align="right", keep=True),
    # a draft resolution or decision: its label and title bold as an annex's title; "New Page":
    # a draft that starts a new page (data-new-page); preambular paragraphs with a first-line indent
    "UN Draft Label": dict(size=14, bold=True, line=16, before=12, after=12, left=STEP, keep=True),
    "UN Draft Label New Page": dict(base="UN Draft Label", before=0, page_break=True),
    "UN Draft Title": dict(size=14, bold=True, line=16, after=24, left=STEP, right=STEP, keep=True),
    "UN Preamble Paragraph": dict(base="UN Paragraph", first_line=STEP),
    "UN Annex Title": dict(size=14, bold=True, line=16, before=12, after=24, left=STEP, right=STEP, keep=True),
    FOOTNOTE_TEXT: dict(size=9, line=10, after=2),
}
CHARACTER_STYLES: dict[str, dict] = {
    "UN Symbol Letter": dict(size=20),
    "UN Table Title": dict(bold=True),
    "UN Table Note Call": dict(superscript=True),
    FOOTNOTE_REFERENCE: dict(superscript=True),
}
STYLE_IDS = {FOOTNOTE_TEXT: "FootnoteText", FOOTNOTE_REFERENCE: "FootnoteReference"}

# The variants a writer picks for an element's style where it stands: base style -> variant ->
# the style to use. "page-one": the contents heading of a list on page 1 (not opening page 2);
# "followed": the author line or an issue line with another issue line under it (12 pt apart);
# "wide": an agenda title in the wide measure of recent documents (data-measure, CSS .agenda-title);
# "kept": a table cell kept with the next row (a head cell is kept always).
VARIANTS: dict[str, dict[str, str]] = {
    "UN Contents Heading": {"page-one": "UN Contents Heading Page One"},
    "UN Contents Entry": {"wide": "UN Contents Entry Wide"},
    "UN Author": {"followed": "UN Author Followed"},
    "UN Agenda Title": {"wide": "UN Agenda Title Wide"},
    "UN Table Cell": {"kept": "UN Table Cell Kept"},
    "UN Table Head": {"kept": "UN Table Head"},
    "UN Draft Label": {"new-page": "UN Draft Label New Page"},
    "UN Paragraph": {"preamble": "UN Preamble Paragraph"},
}


def style_variant(base: str, variant: str) -> str:
    """The style *base* takes as *variant* ('UN Author', 'followed' -> 'UN Author Followed');
    a style or variant not declared in VARIANTS is a ValueError naming what is."""
    try:
        return VARIANTS[base][variant]
    except KeyError:
        raise ValueError(f"the Word style {base!r} has no variant {variant!r}; the variants are "
                         + "; ".join(f"{name}: {', '.join(kinds)}" for name, kinds in VARIANTS.items())) from None


WIDE_NUMBER = 48  # pt: the column of a contents list's chapter numbers past XVII


def depth_style(name: str, depth: int) -> str:
    """The style of a list or contents entry at *depth* (1: the outermost): "UN Bullet",
    "UN Bullet 2" ..."""
    return name if depth <= 1 else f"{name} {depth}"


def _derived_styles() -> dict[str, dict]:
    """Styles per depth: list items (label at the depth's indent, text STEP further in) and
    contents entries (number, title, dot leader to the paragraph range, then the page)."""
    styles: dict[str, dict] = {}
    for name in ("UN Subparagraph", "UN Bullet"):
        for depth in range(1, LIST_DEPTHS + 1):
            styles[depth_style(name, depth)] = dict(align="justify", left=STEP * (depth + 1), hanging=STEP, after=12)
    columns = [(-RANGE_END, "right", "dot"), (0, "right", None)]
    for depth in range(1, CONTENTS_DEPTHS + 1):
        styles[depth_style("UN Contents Entry", depth)] = dict(left=STEP * depth, hanging=STEP, right=TITLE_END,
                                                               after=6, tabs=columns)
    # chapter numbers past XVII ("XXVIII.") need a wider column (the PDF's: un-report.css)
    styles["UN Contents Entry Wide"] = dict(left=WIDE_NUMBER, hanging=WIDE_NUMBER, right=TITLE_END, after=6,
                                            tabs=columns)
    # a part's number in words needs a wider column; annexes have no paragraph range: dots run to the page
    styles["UN Contents Entry Part"] = dict(left=2 * STEP, hanging=2 * STEP, right=TITLE_END, after=6, tabs=columns)
    styles["UN Contents Entry Annex"] = dict(left=2 * STEP, hanging=2 * STEP, right=TITLE_END, after=6,
                                             tabs=[(-RANGE_END, "right", "dot"), (0, "right", "dot")])
    return styles


ALL_PARAGRAPH_STYLES = {**PARAGRAPH_STYLES, **_derived_styles()}
HANGING = frozenset(name for name, spec in ALL_PARAGRAPH_STYLES.items() if "hanging" in spec)

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
TAB_ALIGN = {"left": WD_TAB_ALIGNMENT.LEFT, "right": WD_TAB_ALIGNMENT.RIGHT}
FONT = "Times New Roman"
LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ru": "ru-RU", "zh": "zh-CN", "ar": "ar-SA"}
# The fonts Word is told to use for East Asian and complex-script (Arabic) text, per version
# language: the non-Latin family of pipeline/i18n/fonts.py's stack (Times New Roman otherwise).
SCRIPT_FONTS = {"zh": {"w:eastAsia": "Noto Serif CJK SC"}, "ar": {"w:cs": "Amiri"}}



def define_styles(doc: DocxDocument, meta: dict[str, str], text_width: float,
                  outline: dict[str, int]) -> dict[str, str]:
    """Give the document our styles part; returns style name -> style id. *outline* gives
    each heading style its outline level (1: outermost), the built-in heading it is based on.

    The part depends only on the language, the text width and the outline, so it is built
    once per process and copied: python-docx's add_style scans every style on each call."""
    code = meta.get("language", "en")
    lang = LANGUAGE_TAGS.get(code, "en-GB")
    styles, style_ids = _styles_part(lang, text_width, tuple(sorted(outline.items())))
    if code in SCRIPT_FONTS:
        styles = _with_script_fonts(styles, SCRIPT_FONTS[code])
    doc.part._styles_part._element = copy.deepcopy(styles)
    return dict(style_ids)


@lru_cache(maxsize=16)
def _styles_part(lang: str, text_width: float, outline: tuple[tuple[str, int], ...]) -> tuple[etree._Element, dict[str, str]]:
    """A styles part of Normal (Times New Roman 10/12 pt), plain built-in headings, then the
    UN paragraph and character styles, with style name -> style id."""
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
    _plain_built_in_headings(doc)
    style_ids: dict[str, str] = {}
    for name, spec in CHARACTER_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER, builtin=name in STYLE_IDS)
        style.style_id = STYLE_IDS.get(name, style.style_id)
        style.font.size = Pt(spec["size"]) if "size" in spec else None
        style.font.bold = spec.get("bold")
        style.font.superscript = spec.get("superscript")
        style_ids[name] = style.style_id
    levels = dict(outline)
    for name, spec in ALL_PARAGRAPH_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=name in STYLE_IDS)
        style.style_id = STYLE_IDS.get(name, style.style_id)
        base = f"Heading {levels[name]}" if name in levels else spec.get("base", "Normal")
        style.base_style = doc.styles[base]
        style.quick_style = True
        _apply_paragraph_spec(style, spec, text_width)
        style_ids[name] = style.style_id
    return doc.styles.element, style_ids


def _plain_built_in_headings(doc: DocxDocument) -> None:
    """Heading 1..9 keep their outline level and keep-with-next but lose the template's
    looks (theme font, colour, spacing): the UN heading styles based on them set their own."""
    for level in range(1, 10):
        element = doc.styles[f"Heading {level}"].element
        for child in element.findall(qn("w:rPr")):
            element.remove(child)
        ppr = element.find(qn("w:pPr"))
        for child in ppr.findall(qn("w:spacing")):
            ppr.remove(child)


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
    if "first_line" in spec:
        pf.first_line_indent = Pt(spec["first_line"])
    if "hanging" in spec:
        pf.first_line_indent = Pt(-spec["hanging"])
        pf.tab_stops.add_tab_stop(Pt(spec["left"]))
    for position, align, leader in spec.get("tabs", ()):
        at = position if position > 0 else text_width + position
        pf.tab_stops.add_tab_stop(Pt(at), TAB_ALIGN[align], WD_TAB_LEADER.DOTS if leader else WD_TAB_LEADER.SPACES)
    if "line" in spec and spec["line"] is None:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    elif "line" in spec:
        pf.line_spacing_rule, pf.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(spec["line"])
    if spec.get("keep"):
        pf.keep_with_next = True
    if spec.get("page_break"):
        pf.page_break_before = True


def _set_run_properties(rpr: etree._Element, size: int, lang: str) -> None:
    """Times New Roman for every script, the size for both scripts and the language."""
    fonts = {f"w:{a}": FONT for a in ("ascii", "hAnsi", "eastAsia", "cs")}
    old = rpr.find(qn("w:rFonts"))
    if old is not None:
        rpr.remove(old)
    _set_rpr_child(rpr, "rFonts", fonts)
    _set_rpr_child(rpr, "sz", {"w:val": str(size * 2)})
    _set_rpr_child(rpr, "szCs", {"w:val": str(size * 2)})
    east_asian = lang if lang.startswith("zh") else "en-US"
    _set_rpr_child(rpr, "lang", {"w:val": lang, "w:eastAsia": east_asian, "w:bidi": "ar-SA"})


def _with_script_fonts(styles: etree._Element, fonts: dict[str, str]) -> etree._Element:
    """A copy of the styles part whose run fonts name the version's CJK or Arabic family."""
    styles = copy.deepcopy(styles)
    for rfonts in styles.iter(qn("w:rFonts")):
        for attribute, family in fonts.items():
            rfonts.set(qn(attribute), family)
    return styles


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
