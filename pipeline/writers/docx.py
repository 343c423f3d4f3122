"""The DOCX writer: the document tree -> a Word document through python-docx.

Every tree class maps to a named Word style (defined once in styles.xml); paragraphs carry
no direct formatting, runs only the italic/bold of <em>/<strong>. Footnotes, running heads
and fields are real Word objects, and the bytes are reproducible (no clock, fixed zip).
Anything in the tree this module does not know raises ValueError: nothing is dropped.
A redline tree (pipeline/redline.py) adds <ins>/<del> and data-revision="ins"|"del" on
paragraphs and table rows; they become Word tracked changes (w:ins, w:del with w:delText).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache

import lxml.html
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.parts.story import StoryPart
from docx.shared import Inches, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from ..reproducible import document_timestamp
from ..barcodes import code39_png

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

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
REVISION_AUTHOR = "unreport"  # the author of tracked changes in a redline
REVISIONS = ("ins", "del")
SYMBOL_LETTER = "UN Symbol Letter"

# Paragraph styles: name -> properties (sizes and spacing in pt). "base" defaults to Normal.
# "width" (the agenda title's measure) needs the text width, so styles are built per page.
PARAGRAPH_STYLES: dict[str, dict] = {
    "UN Draft Mark": dict(size=9, bold=True, caps=True, spacing=2, box=True, align="center", after=6, line=None),
    "UN Running Header": dict(size=9, bold=True, align="right", line=None),
    "UN Running Header Even": dict(base="UN Running Header", align="left"),
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
    "UN Agenda Title": dict(bold=True, keep=True, width=240),
    "UN Title": dict(size=14, bold=True, line=16, before=24, left=24, right=48, keep=True),
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
META_NAMES = {"symbol", "draft", "subject", "language", "date", "session", "place"}

# Page geometry per place (pt): size, margins (top, right, bottom, left), header/footer distance.
PAGES = {
    "New York": dict(width=612, height=792, margins=(54, 121, 72, 123), header=24, footer=36),
    "Geneva": dict(width=595.3, height=841.9, margins=(56.7, 56.7, 56.7, 113.4), header=24, footer=28),
}
TABLE_INDENT = 24  # pt: tables start at the paragraph text, like the numbered text
TABLE_CELL_RIGHT_PAD = 6  # pt between columns

RULE_THIN, RULE_HEAVY = 4, 12  # border sizes in eighths of a point: 0.5 pt and 1.5 pt
RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
             "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
             "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()
TBLPR_ORDER = ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
               "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook").split()
TCPR_ORDER = "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark".split()
TRPR_ORDER = "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden".split()
SETTINGS_AFTER_FOOTNOTEPR = ("endnotePr compat docVars rsids m:mathPr attachedSchema themeFontLang clrSchemeMapping "
                             "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
                             "readModeInkLockDown smartTagType sl:schemaLibrary shapeDefaults doNotEmbedSmartTags "
                             "decimalSymbol listSeparator").split()


@dataclass
class _Build:
    """What the writer collects while it walks the tree."""

    doc: DocxDocument
    meta: dict[str, str]
    text_width: float
    footnotes: etree._Element
    notes_story: object
    masthead_notes: dict[str, etree._Element] = field(default_factory=dict)
    called_notes: set[str] = field(default_factory=set)
    numbered_notes: int = 0
    draft_mark: str | None = None
    job_number: str | None = None
    barcode: str | None = None
    revision_date: str = ""
    revisions: int = 0
    style_ids: dict[str, str] = field(default_factory=dict)

    def next_note_id(self) -> int:
        """The next free footnote id (0 and 1 are the separators)."""
        return len(self.footnotes)

    def revision_attributes(self) -> dict[str, str]:
        """w:id (unique in the document), w:author and w:date of a new tracked change."""
        self.revisions += 1
        return {"w:id": str(self.revisions), "w:author": REVISION_AUTHOR, "w:date": self.revision_date}


class _Story:
    """A minimal parent giving python-docx paragraphs their part (for the footnotes part)."""

    def __init__(self, part: StoryPart):
        self.part = part


# ---------------------------------------------------------------- entry point

def write_docx(tree_html: str, document_date: dt.date) -> bytes:
    """The document tree -> DOCX bytes. Pure: same input, same bytes."""
    root = lxml.html.document_fromstring(tree_html)
    meta = _meta_of_head(root.find("head"))
    place = meta.get("place", "")
    if place not in PAGES:
        raise ValueError(f"unknown place {place!r}: no page layout for it")
    doc = Document()
    page = PAGES[place]
    text_width = page["width"] - page["margins"][1] - page["margins"][3]
    style_ids = _define_styles(doc, meta, text_width)
    _set_up_page(doc, page)
    b = _new_build(doc, meta, text_width)
    b.revision_date = document_timestamp(document_date).strftime("%Y-%m-%dT%H:%M:%SZ")
    b.style_ids = style_ids
    body = root.find("body")
    if body is None or _classes(body) - {"un-report"}:
        raise ValueError("the tree has no <body class='un-report'>")
    _add_blocks(b, body)
    unused = set(b.masthead_notes) - b.called_notes
    if unused:
        raise ValueError(f"masthead notes never called: {sorted(unused)}")
    _add_headers_and_footers(b)
    _set_core_properties(doc, meta, document_date)
    _drop_template_leftovers(doc)
    out = io.BytesIO()
    doc.save(out)
    return _normalized_zip(out.getvalue(), document_date)


def _meta_of_head(head: etree._Element | None) -> dict[str, str]:
    """The <meta name> values and the <title> of the head."""
    if head is None:
        raise ValueError("the tree has no <head>")
    meta: dict[str, str] = {}
    for el in _elements(head):
        if el.tag == "title":
            meta["title"] = _text(el)
        elif el.tag == "meta" and el.get("name") in META_NAMES:
            meta[el.get("name")] = el.get("content", "")
        elif el.tag == "meta" and el.get("charset") and el.get("name") is None:
            continue
        elif el.tag == "link" and el.get("rel") == "stylesheet":
            continue  # the CSS is the PDF's; the styles below are Word's rendering of it
        else:
            raise ValueError(f"unknown head element <{el.tag} {dict(el.attrib)}>")
    return meta


def _new_build(doc: DocxDocument, meta: dict[str, str], text_width: float) -> _Build:
    """A build with an empty footnotes part (separators only) related to the document."""
    footnotes = OxmlElement("w:footnotes", nsdecls={"w": NS_W, "r": NS_R})
    for note_id, kind in ((0, "separator"), (1, "continuationSeparator")):
        note = _sub(footnotes, "w:footnote", {"w:type": kind, "w:id": str(note_id)})
        p = _sub(note, "w:p")
        _sub(_sub(p, "w:pPr"), "w:spacing", {"w:after": "0", "w:line": "240", "w:lineRule": "auto"})
        _sub(_sub(p, "w:r"), f"w:{kind}")
    part = StoryPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, footnotes, doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    note_pr = OxmlElement("w:footnotePr")
    for note_id in ("0", "1"):
        _sub(note_pr, "w:footnote", {"w:id": note_id})
    doc.settings.element.insert_element_before(note_pr, *(_w(t) for t in SETTINGS_AFTER_FOOTNOTEPR))
    return _Build(doc, meta, text_width, footnotes, _Story(part))


# ---------------------------------------------------------------- styles and page

def _define_styles(doc: DocxDocument, meta: dict[str, str], text_width: float) -> dict[str, str]:
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


def _set_style(b: _Build, target: Paragraph | Run, name: str) -> None:
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


def _set_up_page(doc: DocxDocument, page: dict) -> None:
    """Page size and margins; different first page and odd/even running heads."""
    section = doc.sections[0]
    section.page_width, section.page_height = Pt(page["width"]), Pt(page["height"])
    top, right, bottom, left = page["margins"]
    section.top_margin, section.right_margin = Pt(top), Pt(right)
    section.bottom_margin, section.left_margin = Pt(bottom), Pt(left)
    section.header_distance, section.footer_distance = Pt(page["header"]), Pt(page["footer"])
    section.different_first_page_header_footer = True
    doc.settings.odd_and_even_pages_header_footer = True


# ---------------------------------------------------------------- blocks

def _add_blocks(b: _Build, container: etree._Element) -> None:
    """Add every block child of *container* in order; stray text is an error."""
    _no_stray_text(container)
    for el in _elements(container):
        kind = _kind(el)
        handler = BLOCK_HANDLERS.get(kind)
        if handler is None and kind[1] in PARAGRAPH_STYLE_OF_CLASS and kind[0] in ("p", "h1"):
            handler = _add_styled_paragraph
        if handler is None:
            raise ValueError(f"unknown block <{el.tag} class={el.get('class')!r}> in the tree")
        handler(b, el)


def _add_styled_paragraph(b: _Build, el: etree._Element) -> Paragraph:
    """A body paragraph in the style of its class, with its inline content."""
    par = b.doc.add_paragraph()
    _set_style(b, par, PARAGRAPH_STYLE_OF_CLASS[_kind(el)[1]])
    revision = _revision_of(el)
    _fill_paragraph(b, par, el, revision)
    if revision:
        _mark_paragraph(b, par, revision)
    return par


def _fill_paragraph(b: _Build, par: Paragraph, el: etree._Element, revision: str | None = None) -> None:
    """Inline content of *el* into *par*, trimmed at both ends like HTML."""
    _add_inline(b, par, el, italic=False, bold=False, revision=revision)
    _use_deleted_text(par)
    texts = par._p.xpath(".//w:t | .//w:delText")
    if texts:
        texts[0].text = texts[0].text.lstrip()
        texts[-1].text = texts[-1].text.rstrip()


def _revision_of(el: etree._Element) -> str | None:
    """The data-revision of a block: "ins", "del" or None."""
    revision = el.get("data-revision")
    if revision is not None and revision not in REVISIONS:
        raise ValueError(f"unknown data-revision {revision!r} on <{el.tag}>")
    return revision


def _mark_paragraph(b: _Build, par: Paragraph, revision: str) -> None:
    """Mark the paragraph mark itself inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
    ppr = par._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = _sub(ppr, "w:rPr")
    _sub(rpr, f"w:{revision}", b.revision_attributes())


def _use_deleted_text(par: Paragraph) -> None:
    """Text inside a deletion is w:delText, as Word requires."""
    for text in par._p.xpath(".//w:del//w:t"):
        text.tag = qn("w:delText")


def _record_draft_mark(b: _Build, el: etree._Element) -> None:
    """The draft mark goes into every page header, not the body."""
    b.draft_mark = _text(el)


def _record_first_page_footer(b: _Build, el: etree._Element) -> None:
    """Masthead notes wait for their call; job number and barcode go to the first footer."""
    _no_stray_text(el)
    for child in _elements(el):
        kind = _kind(child)
        if kind == ("p", "masthead-note"):
            b.masthead_notes[child.get("id", "")] = child
        elif kind == ("p", "job-number"):
            b.job_number = _text(child)
        elif kind == ("p", "barcode"):
            b.barcode = child.get("data-code") or _fail(f"barcode without data-code: {child.attrib}")
        else:
            raise ValueError(f"unknown first-page footer element <{child.tag} class={child.get('class')!r}>")


def _add_masthead(b: _Build, el: etree._Element) -> None:
    """The masthead as a borderless 2-column table with a thin and a heavy rule under its rows."""
    _no_stray_text(el)
    rows = _only_children(el, {("div", "masthead-top"), ("div", "masthead-organ")})
    if [_kind(r)[1] for r in rows] != ["masthead-top", "masthead-organ"]:
        raise ValueError("the masthead must hold .masthead-top then .masthead-organ")
    right_width = 108  # the distribution block's width
    table = _new_table(b, len(rows), [b.text_width - right_width, right_width], indent=0)
    _set_table_borders(table, {"insideH": RULE_THIN, "bottom": RULE_HEAVY})
    for row, row_el in zip(table.rows, rows):
        _no_stray_text(row_el)
        parts = _elements(row_el)
        if len(parts) != 2:
            raise ValueError(f"masthead row .{_kind(row_el)[1]} must have two parts")
        align = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM if row_el is rows[0] else WD_CELL_VERTICAL_ALIGNMENT.TOP
        for cell, part in zip(row.cells, parts):
            cell.vertical_alignment = align
            _fill_masthead_cell(b, cell, _masthead_paragraphs(part))


def _masthead_paragraphs(part: etree._Element) -> list[etree._Element]:
    """The <p> elements of one masthead cell: the part itself or the distribution block's."""
    if _kind(part) == ("div", "distribution-block"):
        _no_stray_text(part)
        return _elements(part)
    return [part]


def _fill_masthead_cell(b: _Build, cell, paragraphs: list[etree._Element]) -> None:
    """Styled paragraphs in a masthead cell (its first, empty paragraph is reused)."""
    for i, block in enumerate(paragraphs):
        tag, cls = _kind(block)
        if tag != "p" or cls not in PARAGRAPH_STYLE_OF_CLASS:
            raise ValueError(f"unknown masthead element <{tag} class={block.get('class')!r}>")
        par = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        _set_style(b, par, PARAGRAPH_STYLE_OF_CLASS[cls])
        _fill_paragraph(b, par, block)


def _add_numbered_paragraph(b: _Build, el: etree._Element) -> None:
    """A numbered paragraph: the number, a tab, the text (the style hangs the number)."""
    first = next(iter(_elements(el)), None)
    if first is None or _kind(first) != ("span", "paragraph-number") or (el.text or "").strip():
        raise ValueError(f"numbered paragraph {el.get('data-number')} does not start with its number")
    _add_styled_paragraph(b, el)


def _add_data_table(b: _Build, el: etree._Element) -> None:
    """A data table: rules above, under the heads and below; heads italic and repeated."""
    _no_stray_text(el)
    head_rows, body_rows = [], []
    for group in _elements(el):
        _no_stray_text(group)
        if group.tag not in ("thead", "tbody") or _classes(group):
            raise ValueError(f"unknown table part <{group.tag} class={group.get('class')!r}>")
        for tr in _elements(group):
            _no_stray_text(tr)
            cell_tag = "th" if group.tag == "thead" else "td"
            if tr.tag != "tr" or _classes(tr) or any(c.tag != cell_tag or _classes(c) for c in _elements(tr)):
                raise ValueError(f"unknown table row content in <{group.tag}>")
            (head_rows if group.tag == "thead" else body_rows).append(tr)
    row_revisions = [_revision_of(tr) for tr in head_rows + body_rows]
    rows = [_elements(tr) for tr in head_rows + body_rows]
    ncols = max(map(len, rows), default=0)
    if not ncols or any(len(r) != ncols for r in rows):
        raise ValueError("a data table needs rows that all have the same number of cells")
    widths = _column_widths(rows, b.text_width - TABLE_INDENT)
    table = _new_table(b, len(rows), widths, indent=TABLE_INDENT)
    _set_table_borders(table, {"top": RULE_THIN, "bottom": RULE_THIN})
    for index, (row, cells) in enumerate(zip(table.rows, rows)):
        is_head = index < len(head_rows)
        tr_pr = row._tr.get_or_add_trPr()
        _insert_ordered(tr_pr, OxmlElement("w:cantSplit"), TRPR_ORDER)
        if is_head:
            _insert_ordered(tr_pr, OxmlElement("w:tblHeader"), TRPR_ORDER)
        revision = row_revisions[index]
        if revision:
            _sub(tr_pr, f"w:{revision}", b.revision_attributes())  # after the row properties
        for col, (cell, cell_el) in enumerate(zip(row.cells, cells)):
            last = col == ncols - 1
            kind = ("UN Table Head" if is_head else "UN Table Cell") + (" Last" if last else "")
            par = cell.paragraphs[0]
            _set_style(b, par, kind)
            _fill_paragraph(b, par, cell_el, revision)
            if is_head:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
                if index == len(head_rows) - 1:
                    _set_cell_bottom_rule(cell)
            if last:
                _set_cell_margins(cell, right=0)
    _set_style(b, b.doc.add_paragraph(), "UN Table Spacer")  # the table's 12 pt bottom margin


def _column_widths(rows: list[list[etree._Element]], width: float) -> list[float]:
    """Column widths (pt) shared out over *width* like CSS automatic table layout."""
    ncols = max(len(r) for r in rows)
    pads = [TABLE_CELL_RIGHT_PAD] * (ncols - 1) + [0]
    texts = [[_text(r[c]) if c < len(r) else "" for r in rows] for c in range(ncols)]
    widest = [max(map(_text_width, col)) + pad for col, pad in zip(texts, pads)]
    longest_word = [max(_text_width(w) for t in col for w in t.split() or [""]) + pad
                    for col, pad in zip(texts, pads)]
    if sum(widest) <= width:
        return [w + (width - sum(widest)) * w / sum(widest) for w in widest]
    slack = [w - m for w, m in zip(widest, longest_word)]
    if sum(longest_word) <= width and sum(slack):
        return [m + (width - sum(longest_word)) * s / sum(slack) for m, s in zip(longest_word, slack)]
    return [width * m / sum(longest_word) for m in longest_word]


# Times Roman advance widths (1/1000 em) for sharing out table columns.
TIMES_WIDTHS = dict(zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278,
    500, 500, 722, 500, 500, 444, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722,
    722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611)))


def _text_width(text: str, size: float = 10) -> float:
    """The Times width of *text* in pt (digits 0.5 em, space and punctuation 0.25-0.33 em)."""
    def em(ch: str) -> float:
        if ch.isdigit():
            return 500
        if ch in " .,;:":
            return 250
        return TIMES_WIDTHS.get(ch, 500 if ch.isalpha() else 333)
    return size * sum(em(ch) for ch in text) / 1000


BLOCK_HANDLERS = {
    ("p", "draft-mark"): _record_draft_mark,
    ("footer", "first-page-footer"): _record_first_page_footer,
    ("header", "masthead"): _add_masthead,
    ("section", "session-block"): _add_blocks,
    ("main", "report-body"): _add_blocks,
    ("p", "numbered-paragraph"): _add_numbered_paragraph,
    ("table", "data-table"): _add_data_table,
}


# ---------------------------------------------------------------- inline content

def _add_inline(b: _Build, par: Paragraph, el: etree._Element, *, italic: bool, bold: bool,
                link: etree._Element | None = None, in_note: bool = False, revision: str | None = None) -> None:
    """Text and inline children of *el* as runs of *par* (inside *link* and a tracked change
    of kind *revision* when given)."""
    _add_text(b, par, el.text, italic, bold, link, revision)
    for child in _elements(el):
        tag, cls = _kind(child)
        inner = dict(italic=italic, bold=bold, link=link, in_note=in_note, revision=revision)
        if (tag, cls) == ("em", ""):
            _add_inline(b, par, child, **{**inner, "italic": True})
        elif (tag, cls) == ("strong", ""):
            _add_inline(b, par, child, **{**inner, "bold": True})
        elif (tag, cls) in (("ins", ""), ("del", "")) and revision is None:
            _add_inline(b, par, child, **{**inner, "revision": tag})
        elif (tag, cls) == ("a", "") and child.get("href") and link is None:
            hyperlink = _new_hyperlink(par, child.get("href"))
            _add_inline(b, par, child, **{**inner, "link": hyperlink})
        elif (tag, cls) == ("a", "note-call") and not in_note:
            _add_masthead_note(b, par, child, link, revision)
        elif (tag, cls) == ("span", "footnote") and not in_note:
            _add_numbered_note(b, par, child, link, revision)
        elif (tag, cls) == ("span", "paragraph-number"):
            _add_text(b, par, _text(child), italic, bold, link, revision)
            _new_run(b, par, link, revision).add_tab()
        elif (tag, cls) == ("span", "symbol-letter"):
            _new_run(b, par, link, revision, _text(child), style=SYMBOL_LETTER)
        elif (tag, cls) == ("span", "symbol-rest"):
            _add_inline(b, par, child, **inner)
        else:
            raise ValueError(f"unknown inline element <{tag} class={child.get('class')!r}> in the tree")
        _add_text(b, par, child.tail, italic, bold, link, revision)


def _add_text(b: _Build, par: Paragraph, text: str | None, italic: bool, bold: bool,
              link: etree._Element | None, revision: str | None) -> None:
    """A run of whitespace-collapsed *text*; italic/bold only for <em>/<strong>."""
    text = re.sub(r"\s+", " ", text or "")
    if not text:
        return
    run = _new_run(b, par, link, revision, text)
    if italic:
        run.italic = True
    if bold:
        run.bold = True


def _new_run(b: _Build, par: Paragraph, link: etree._Element | None, revision: str | None,
             text: str = "", style: str | None = None) -> Run:
    """A new run at the end of *par*, inside *link* when given, and inside a w:ins or w:del
    when *revision* is given (joining the tracked change just before it, if of that kind)."""
    run = par.add_run(text)
    if style is not None:
        _set_style(b, run, style)
    if link is None and revision is None:
        return run
    parent = link if link is not None else par._p
    par._p.remove(run._r)
    if revision is not None:
        last = parent[-1] if len(parent) else None
        if last is None or last.tag != qn(f"w:{revision}"):
            last = _sub(parent, f"w:{revision}", b.revision_attributes())
        parent = last
    parent.append(run._r)
    return run


def _new_hyperlink(par: Paragraph, url: str) -> etree._Element:
    """An empty external w:hyperlink at the end of *par*."""
    r_id = par.part.relate_to(url, RT.HYPERLINK, is_external=True)
    return _sub(par._p, "w:hyperlink", {"r:id": r_id, "w:history": "1"})


def _add_masthead_note(b: _Build, par: Paragraph, call: etree._Element,
                       link: etree._Element | None = None, revision: str | None = None) -> None:
    """A masthead note: footnote with a custom mark (*) at its call."""
    note_key = (call.get("href") or "").removeprefix("#")
    note_el = b.masthead_notes.get(note_key)
    if note_el is None:
        raise ValueError(f"note call to unknown masthead note {call.get('href')!r}")
    mark = note_el.get("data-mark") or _fail(f"masthead note {note_key!r} has no data-mark")
    if _text(call) != mark:
        raise ValueError(f"note call {_text(call)!r} does not match its note's mark {mark!r}")
    b.called_notes.add(note_key)
    note_id = b.next_note_id()
    run = _new_run(b, par, link, revision)
    _sub(run._r, "w:footnoteReference", {"w:customMarkFollows": "1", "w:id": str(note_id)})
    run.add_text(mark)
    note_par = _new_note_paragraph(b, note_id)
    note_par.add_run(mark + " ")  # the note's own mark stays outside any tracked change (see _fill_note)
    _fill_note(b, note_par, note_el, revision)


def _add_numbered_note(b: _Build, par: Paragraph, span: etree._Element,
                       link: etree._Element | None = None, revision: str | None = None) -> None:
    """A numbered footnote; Word numbers it, so the tree's number must be the next one."""
    b.numbered_notes += 1
    if span.get("data-number") != str(b.numbered_notes):
        raise ValueError(f"footnote {span.get('data-number')!r} out of sequence (expected {b.numbered_notes})")
    note_id = b.next_note_id()
    run = _new_run(b, par, link, revision, style=FOOTNOTE_REFERENCE)
    _sub(run._r, "w:footnoteReference", {"w:id": str(note_id)})
    note_par = _new_note_paragraph(b, note_id)
    reference = note_par.add_run()
    _set_style(b, reference, FOOTNOTE_REFERENCE)
    _sub(reference._r, "w:footnoteRef")
    note_par.add_run(" ")
    _fill_note(b, note_par, span, revision)


def _new_note_paragraph(b: _Build, note_id: int) -> Paragraph:
    """A new footnote with one empty "footnote text" paragraph."""
    note = _sub(b.footnotes, "w:footnote", {"w:id": str(note_id)})
    par = Paragraph(_sub(note, "w:p"), b.notes_story)
    _set_style(b, par, FOOTNOTE_TEXT)
    return par


def _fill_note(b: _Build, par: Paragraph, el: etree._Element, revision: str | None = None) -> None:
    """The note's inline content (no notes inside notes); a deleted or inserted call deletes
    or inserts its note's text too. The text follows the note's mark: LibreOffice loses a
    tracked change that opens a footnote."""
    _add_inline(b, par, el, italic=False, bold=False, in_note=True, revision=revision)
    _use_deleted_text(par)
    texts = par._p.xpath(".//w:t | .//w:delText")
    texts[-1].text = texts[-1].text.rstrip()


# ---------------------------------------------------------------- headers and footers

def _add_headers_and_footers(b: _Build) -> None:
    """Draft mark on every header, the symbol on odd (right) and even (left) headers, page
    numbers likewise in the footers, job number and barcode in the first-page footer."""
    section = b.doc.sections[0]
    symbol = b.meta.get("symbol") or _fail("the tree has no symbol meta")
    draft = [("UN Draft Mark", b.draft_mark)] if b.draft_mark else []
    _fill_story(b, section.first_page_header, draft or [("UN Running Header", "")])
    _fill_story(b, section.header, draft + [("UN Running Header", symbol)])
    _fill_story(b, section.even_page_header, draft + [("UN Running Header Even", symbol)])
    for footer, style in ((section.footer, "UN Page Number"), (section.even_page_footer, "UN Page Number Even")):
        _add_page_field(_fill_story(b, footer, [(style, "")])[0])
    first = [("UN Job Number", b.job_number or "")] + ([("UN Barcode", "")] if b.barcode else [])
    paragraphs = _fill_story(b, section.first_page_footer, first)
    if b.barcode:
        png = io.BytesIO(code39_png(b.barcode))
        picture = paragraphs[-1].add_run().add_picture(png, width=Inches(1.15), height=Inches(0.3))
        for side in ("distT", "distB", "distL", "distR"):  # Word's defaults, written out
            picture._inline.set(side, "0")


def _fill_story(b: _Build, story, paragraphs: list[tuple[str, str]]) -> list[Paragraph]:
    """(style, text) paragraphs in a header or footer (its first, empty paragraph is reused)."""
    result = []
    for i, (style, text) in enumerate(paragraphs):
        par = story.paragraphs[0] if i == 0 else story.add_paragraph()
        _set_style(b, par, style)
        if text:
            par.add_run(text)
        result.append(par)
    return result


def _add_page_field(par: Paragraph) -> None:
    """A PAGE field (begin, instruction, separate, result, end)."""
    for kind in ("begin", None, "separate", "1", "end"):
        run = par.add_run()
        if kind is None:
            _sub(run._r, "w:instrText", {"xml:space": "preserve"}).text = " PAGE "
        elif kind == "1":
            run.add_text("1")
        else:
            _sub(run._r, "w:fldChar", {"w:fldCharType": kind})


# ---------------------------------------------------------------- tables (raw OOXML)

def _new_table(b: _Build, nrows: int, widths: list[float], indent: float) -> Table:
    """A fixed-layout table of *widths* (pt), no borders, no left/right cell padding."""
    table = b.doc.add_table(rows=nrows, cols=len(widths))
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(round(sum(widths) * 20)))
    _insert_ordered(tbl_pr, _el("w:tblInd", {"w:w": str(round(indent * 20)), "w:type": "dxa"}), TBLPR_ORDER)
    margins = _el("w:tblCellMar")
    for side, pad in (("left", 0), ("right", TABLE_CELL_RIGHT_PAD if indent else 0)):
        _sub(margins, f"w:{side}", {"w:w": str(pad * 20), "w:type": "dxa"})
    _insert_ordered(tbl_pr, margins, TBLPR_ORDER)
    return table


def _set_table_borders(table: Table, rules: dict[str, int]) -> None:
    """Table borders: the given sides as single rules, all others none."""
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        size = rules.get(side)
        attrs = {"w:val": "single", "w:sz": str(size), "w:space": "0", "w:color": "000000"} if size else {"w:val": "nil"}
        _sub(borders, f"w:{side}", attrs)
    _insert_ordered(table._tbl.tblPr, borders, TBLPR_ORDER)


def _set_cell_bottom_rule(cell) -> None:
    """A thin rule under a header cell."""
    borders = _el("w:tcBorders")
    _sub(borders, "w:bottom", {"w:val": "single", "w:sz": str(RULE_THIN), "w:space": "0", "w:color": "000000"})
    _insert_ordered(cell._tc.get_or_add_tcPr(), borders, TCPR_ORDER)


def _set_cell_margins(cell, right: float) -> None:
    """The right padding of one cell (pt)."""
    margins = _el("w:tcMar")
    _sub(margins, "w:right", {"w:w": str(round(right * 20)), "w:type": "dxa"})
    _insert_ordered(cell._tc.get_or_add_tcPr(), margins, TCPR_ORDER)


# ---------------------------------------------------------------- package

def _set_core_properties(doc: DocxDocument, meta: dict[str, str], document_date: dt.date) -> None:
    """Core properties from the tree; every date is the document's timestamp (reproducible.py)."""
    props = doc.core_properties
    stamp = document_timestamp(document_date)
    props.title = meta.get("title", "")
    props.subject = meta.get("subject", "")
    props.language = meta.get("language", "en")
    props.keywords = meta.get("symbol", "")
    props.author = props.last_modified_by = "United Nations"
    props.comments = ""
    props.content_status = "Draft" if meta.get("draft") == "yes" else ""
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1


def _drop_template_leftovers(doc: DocxDocument) -> None:
    """Drop the template's thumbnail (an empty page) and its stale stylesWithEffects copy."""
    for rels, reltype in ((doc.part.package.rels, RT.THUMBNAIL), (doc.part.rels, STYLES_WITH_EFFECTS)):
        for r_id, rel in list(rels.items()):
            if rel.reltype == reltype:
                del rels[r_id]


def _normalized_zip(raw: bytes, document_date: dt.date) -> bytes:
    """The same package with fixed entry times, attributes and order ([Content_Types] first)."""
    when = document_timestamp(document_date)
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second - when.second % 2)
    source = zipfile.ZipFile(io.BytesIO(raw))
    names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()


# ---------------------------------------------------------------- small helpers

def _elements(el: etree._Element) -> list[etree._Element]:
    """Element children, without comments."""
    return [c for c in el if isinstance(c.tag, str)]


def _classes(el: etree._Element) -> set[str]:
    """The class names of *el*."""
    return set((el.get("class") or "").split())


def _kind(el: etree._Element) -> tuple[str, str]:
    """(tag, the one class) of a tree element; data tables may add naming classes."""
    classes = (el.get("class") or "").split()
    if el.tag == "table" and "data-table" in classes:
        return ("table", "data-table")
    if len(classes) > 1:
        raise ValueError(f"unknown class combination {classes} on <{el.tag}>")
    return (el.tag, classes[0] if classes else "")


def _only_children(el: etree._Element, allowed: set[tuple[str, str]]) -> list[etree._Element]:
    """The children of *el*, all of an allowed kind."""
    children = _elements(el)
    for child in children:
        if _kind(child) not in allowed:
            raise ValueError(f"unknown element <{child.tag} class={child.get('class')!r}> in <{el.tag}>")
    return children


def _no_stray_text(el: etree._Element) -> None:
    """Raise if a block container holds text outside its children."""
    texts = [el.text] + [c.tail for c in el]
    if any(t and t.strip() for t in texts):
        raise ValueError(f"text directly inside <{el.tag} class={el.get('class')!r}>")


def _text(el: etree._Element) -> str:
    """The whitespace-collapsed text of *el*."""
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _w(tag: str) -> str:
    """Prefixed tag name, w: by default."""
    return tag if ":" in tag else f"w:{tag}"


def _el(tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A new OOXML element with attributes."""
    el = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        el.set(qn(key), value)
    return el


def _sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A new OOXML element appended to *parent*."""
    el = _el(tag, attrs)
    parent.append(el)
    return el


def _insert_ordered(parent: etree._Element, child: etree._Element, order: list[str]) -> None:
    """Put *child* into *parent* in schema order, replacing one of the same tag."""
    local = etree.QName(child).localname
    old = parent.find(child.tag)
    if old is not None:
        parent.remove(old)
    later = order[order.index(local) + 1:]
    parent.insert_element_before(child, *(_w(t) for t in later))


def _set_rpr_child(rpr: etree._Element, local: str, attrs: dict[str, str]) -> None:
    """Set one run property (w:<local>) in schema order."""
    _insert_ordered(rpr, _el(f"w:{local}", attrs), RPR_ORDER)


def _fail(message: str):
    """Raise ValueError(message); usable inside expressions."""
    raise ValueError(message)
