"""Right-to-left versions in Word: a tree whose body says dir="rtl" (Arabic) gets w:bidi on
every paragraph (its number hangs on the right, its lines start there), w:rtl on every run
and w:bidiVisual on every table (its first column on the right), in the body, the headers
and footers and the footnotes; the section reads right to left too."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from pipeline.writers.docx.ooxml import RPR_ORDER, TBLPR_ORDER, insert_ordered, new_element

PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
             "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
             "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
             "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
SECTPR_ORDER = ("headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
                "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
                "printerSettings sectPrChange").split()
TEXT_PARTS = ("document", "header", "footer", "footnotes")


# The masthead lines that stay in English, left to right, in an Arabic version (the tree
# vocabulary's kinds; their Word styles come from pipeline/doctree/vocabulary.py).
LEFT_TO_RIGHT_KINDS = ("symbol", "distribution", "doc-date", "version-language", "original-language", "job-number")


def right_to_left_script(text: str) -> bool:
    """Whether a text has Arabic letters (the Arabic blocks and presentation forms)."""
    return any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" or "\ufb50" <= c <= "\ufdff"
               or "\ufe70" <= c <= "\ufeff" for c in text)


def set_right_to_left(doc: DocxDocument, left_to_right_styles: frozenset[str] = frozenset()) -> None:
    """Mark the paragraphs and tables of the document's text parts right to left (except the
    paragraphs in the given styles), and every run that holds Arabic script: a run of Latin
    text or figures stays left to right inside its right-to-left paragraph."""
    for name, root in _text_part_roots(doc):
        running = name.startswith(("header", "footer"))
        for paragraph in root.iter(qn("w:p")):
            ppr = paragraph.find(qn("w:pPr"))
            style = ppr.find(qn("w:pStyle")) if ppr is not None else None
            if style is not None and style.get(qn("w:val")) in left_to_right_styles:
                continue
            if running and not right_to_left_script("".join(t.text or "" for t in paragraph.iter(qn("w:t")))):
                continue  # a running head of the symbol or a page number stays left to right
            if ppr is None:
                ppr = new_element("w:pPr")
                paragraph.insert(0, ppr)
            insert_ordered(ppr, new_element("w:bidi"), PPR_ORDER)
        for run in root.iter(qn("w:r")):
            if not right_to_left_script("".join(t.text or "" for t in run.iter(qn("w:t")))):
                continue
            rpr = run.find(qn("w:rPr"))
            if rpr is None:
                rpr = new_element("w:rPr")
                run.insert(0, rpr)
            insert_ordered(rpr, new_element("w:rtl"), RPR_ORDER)
        for table in root.iter(qn("w:tbl")):
            tblpr = table.find(qn("w:tblPr"))
            if tblpr is not None:
                insert_ordered(tblpr, new_element("w:bidiVisual"), TBLPR_ORDER)
        for section in root.iter(qn("w:sectPr")):
            insert_ordered(section, new_element("w:bidi"), SECTPR_ORDER)


def _text_part_roots(doc: DocxDocument) -> list[tuple[str, etree._Element]]:
    """The XML of the main document, its headers and footers, and its footnotes, by part name."""
    roots = []
    for part in doc.part.package.iter_parts():
        name = str(part.partname).rsplit("/", 1)[-1]
        if any(name.startswith(kind) for kind in TEXT_PARTS) and name.endswith(".xml"):
            element = getattr(part, "element", None)
            if element is None:
                element = getattr(part, "_element", None)
            if element is not None:
                roots.append((name, element))
    return roots
