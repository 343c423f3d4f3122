"""Raw OOXML: new elements, and the schema order of the properties that python-docx does
not set itself (an element out of order makes Word refuse the file)."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Schema order of the children of w:rPr, w:tblPr, w:tcPr and w:trPr, and what follows
# w:footnotePr in w:settings and in w:sectPr.
RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
             "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
             "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()
TBLPR_ORDER = ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
               "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription").split()
TCPR_ORDER = "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark".split()
TRPR_ORDER = "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden".split()
SETTINGS_AFTER_FOOTNOTEPR = ("endnotePr compat docVars rsids m:mathPr attachedSchema themeFontLang clrSchemeMapping "
                             "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
                             "readModeInkLockDown smartTagType sl:schemaLibrary shapeDefaults doNotEmbedSmartTags "
                             "decimalSymbol listSeparator").split()
SECTPR_AFTER_FOOTNOTEPR = ("endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign "
                           "noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange").split()


def prefixed(tag: str) -> str:
    """Prefixed tag name, w: by default."""
    return tag if ":" in tag else f"w:{tag}"


def new_element(tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A new OOXML element with attributes."""
    el = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        el.set(qn(key), value)
    return el


def subelement(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A new OOXML element appended to *parent*."""
    el = new_element(tag, attrs)
    parent.append(el)
    return el


def insert_ordered(parent: etree._Element, child: etree._Element, order: list[str]) -> None:
    """Put *child* into *parent* in schema order, replacing one of the same tag."""
    local = etree.QName(child).localname
    old = parent.find(child.tag)
    if old is not None:
        parent.remove(old)
    later = order[order.index(local) + 1:]
    parent.insert_element_before(child, *(prefixed(t) for t in later))
