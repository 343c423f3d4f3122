"""The PDF writer: the document tree -> PDF through WeasyPrint and the templates' CSS."""

from __future__ import annotations

import contextlib
import ctypes.util
import datetime as dt
import os
import re
import struct
import subprocess
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Iterator
from urllib.parse import unquote, urlparse

from pipeline.inputs.layout import TEMPLATES_DIR
from pipeline.writers import weasyprint_mends
from pipeline.writers.registry import DEFAULT_PDF_VARIANT, WriteContext
from pipeline.writers.reproducible import document_timestamp, iso_stamp, source_date_epoch

if TYPE_CHECKING:  # WeasyPrint is imported only by the builds that write a PDF (import_weasyprint)
    import pydyf
    from weasyprint import Document
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher, URLFetcherResponse


LINK_TARGET = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"']*)["']""", re.I)
LINKABLE = ("http://", "https://", "mailto:", "#")


def refuse_local_links(tree_html: str) -> None:
    """A link of the tree that is not to the web, an e-mail address or a block of the report
    would become a file:// link to this machine's templates folder in the PDF (WeasyPrint
    resolves it against the base URL): refused, so no path of the build machine reaches it.
    Paragraph links are refused earlier, at validation; this guards template wording."""
    for target in LINK_TARGET.findall(tree_html):
        if not target.lower().startswith(LINKABLE):
            raise ValueError(f"the report links to '{target}', which would put a path of this machine in the "
                             "PDF; a link must start http://, https://, mailto: or # (check the templates)")


def restricted_fetcher(templates_dir: Path) -> URLFetcher:
    """A WeasyPrint URL fetcher that serves data: URLs and files under templates_dir only.

    Anything else (http:, other files, ../ escapes) is refused; WeasyPrint then leaves the
    resource out and the document renders without it.
    """
    return _restricted_fetcher_class()(templates_dir.resolve(), allowed_protocols=("file", "data"))


@lru_cache(maxsize=1)
def _restricted_fetcher_class() -> type:
    """The fetcher class, defined once WeasyPrint is imported."""
    import_weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class RestrictedFetcher(URLFetcher):
        def __init__(self, root: Path, **options: Any) -> None:
            super().__init__(**options)
            self.root = root

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parsed = urlparse(url)
            if parsed.scheme == "file":
                target = Path(unquote(parsed.path)).resolve()
                if target.is_relative_to(self.root) and target.is_file():
                    return URLFetcherResponse(url, target.read_bytes(), {"Content-Type": _mime(target)})
            raise ValueError(f"refused to fetch {url!r}: only files under templates/ may be used")

    return RestrictedFetcher


def _mime(path: Path) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(path.suffix, "application/octet-stream")


@lru_cache(maxsize=1)
def import_weasyprint() -> ModuleType:
    """WeasyPrint, imported (once) with library look-ups answered from one `ldconfig -p`.

    WeasyPrint tries several names for each C library it loads; every miss makes cffi ask
    ctypes.util.find_library, which runs ldconfig, gcc and ld in turn: ~0.25 s of each
    process that imports WeasyPrint. Where there is no ldconfig, nothing is changed.
    The mends of weasyprint_mends.py are installed with it."""
    with _library_lookups_from_linker_cache():
        import weasyprint
    weasyprint_mends.install()
    return weasyprint


@contextlib.contextmanager
def _library_lookups_from_linker_cache() -> Iterator[None]:
    try:
        cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, check=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        yield
        return
    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
           "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}.get(machine, "libc6")  # as ctypes.util has it

    def find_library(name: str) -> str | None:  # ctypes.util's first step, without its gcc and ld fallbacks
        found = re.search(os.fsencode(r"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(name), abi)), cache)
        return os.fsdecode(found.group(1)) if found else None

    original, ctypes.util.find_library = ctypes.util.find_library, find_library
    try:
        yield
    finally:
        ctypes.util.find_library = original


@lru_cache(maxsize=1)
def shared_font_configuration() -> FontConfiguration:
    """One WeasyPrint font configuration per process: building one per document costs
    ~10 ms (fontconfig set-up) and the reports use no @font-face that would need a new one."""
    import_weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


# The PDF variants a report can be written as (`unreport build --pdf-variant`); WeasyPrint
# writes one conformance claim per file. Every one of them is tagged (a structure tree in the
# tree's reading order): PDF/UA by definition, PDF/A level "a" (accessible) by definition, and
# the "b"/"u" levels because we ask for tags anyway. See README "Accessible and archival PDF".
# WeasyPrint's "pdf/a-4u" is not offered: PDF/A-4 has no level u (only e and f), so the file would
# claim a conformance that does not exist (https://github.com/Kozea/WeasyPrint/issues/2573).
PDF_VARIANTS = ("pdf/ua-1", "pdf/ua-2", "pdf/a-3a", "pdf/a-2a", "pdf/a-3u", "pdf/a-2u", "pdf/a-3b",
                "pdf/a-2b")


def write_pdf(tree_html: str, document_date: dt.date, templates_dir: Path = TEMPLATES_DIR,
              variant: str = DEFAULT_PDF_VARIANT) -> bytes:
    """Render the tree to tagged PDF bytes of a variant (PDF/UA-1 by default). Pure: every date
    in the file is the document's timestamp (see reproducible.py), the identifier derives from
    it, and subset fonts carry it too."""
    if variant not in PDF_VARIANTS:
        raise ValueError(f"unknown PDF variant {variant!r}; choose one of {', '.join(PDF_VARIANTS)}")
    refuse_local_links(tree_html)
    import_weasyprint()  # imported here: only PDF builds pay for it

    stamp = document_timestamp(document_date)
    with source_date_epoch(stamp):
        document = _laid_out(tree_html, templates_dir)
        pdf_date = iso_stamp(stamp)
        document.metadata.created = pdf_date
        document.metadata.modified = pdf_date
        document.metadata.generator = "unreport"
        return document.write_pdf(pdf_identifier=b"unreport-" + pdf_date.encode(), pdf_variant=variant,
                                  pdf_tags=True, finisher=_finish_structure)


# Addresses are set whole (un-report.css); one longer than a line may break, after a '/' or
# anywhere, when the report is set again with this style.
WRAPPED_ADDRESSES = "a { white-space: normal !important; overflow-wrap: anywhere !important; }"
TOLERANCE = 1.0  # CSS px: what rounding may put past an edge


class LayoutError(ValueError):
    """Text the layout could not keep on the page (it would be cut off)."""

    def __init__(self, page: int, text: str) -> None:
        super().__init__(page, text)
        self.page, self.text = page, text

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return (f"'{shown}' runs off page {self.page} of the PDF and would be cut off; a table with too many or too "
                "wide columns is the usual cause: shorten its cell texts, or split it into two tables")


def _laid_out(tree_html: str, templates_dir: Path) -> Document:
    """The laid-out document: set again with breakable addresses when an address runs past
    the text column; a LayoutError when text still runs off the page."""
    weasyprint = import_weasyprint()
    html = weasyprint.HTML(string=tree_html, base_url=str(templates_dir.resolve()) + "/",
                           url_fetcher=restricted_fetcher(templates_dir))
    document = html.render(font_config=shared_font_configuration())
    if any(in_link for _, _, in_link in overflowing_text(document, within="column")):
        wrapped = weasyprint.CSS(string=WRAPPED_ADDRESSES, font_config=shared_font_configuration())
        document = html.render(font_config=shared_font_configuration(), stylesheets=[wrapped])
    past = overflowing_text(document, within="page")
    if past:
        page, text, _ = past[0]
        raise LayoutError(page, text)
    _require_shown_text(tree_html, document)
    return document


SHOWN_SHARE = 0.5  # the least share of the tree's text the pages must show (they show more: running heads)


class HiddenTextError(ValueError):
    """The pages show far less text than the tree holds: the stylesheet hides part of the report."""


def _require_shown_text(tree_html: str, document: Document) -> None:
    """A HiddenTextError when the pages show less than SHOWN_SHARE of the tree's characters (a
    stylesheet's `display: none` made a blank or gutted PDF that a build wrote as if whole). It reads
    WeasyPrint's box tree (`page._page_box`, private) as overflowing_text does: checked with the
    WeasyPrint of requirements.lock."""
    from lxml import html as lxml_html
    from weasyprint.formatting_structure import boxes

    body = lxml_html.fromstring(tree_html).find("body")
    written = len("".join((body.text_content() if body is not None else "").split()))
    shown = 0
    for page in document.pages:
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            if isinstance(box, boxes.TextBox):
                if box.style["visibility"] == "visible":
                    shown += len("".join(box.text.split()))
            elif isinstance(box, boxes.ParentBox):
                stack.extend(box.children)
            footnotes = getattr(box, "footnote_area", None)
            if footnotes is not None:
                stack.append(footnotes)
    if written and shown < written * SHOWN_SHARE:
        raise HiddenTextError(f"the PDF's pages would show {shown} of the report's {written} characters: the "
                              "stylesheet hides part of it (a 'display: none' or 'visibility: hidden' rule?); the "
                              "PDF is not written")


def overflowing_text(document: Document, within: str = "column") -> list[tuple[int, str, bool]]:
    """(page number, text, whether it is in a link) of each piece of text laid out past the
    left or right edge of its page's text column (`within="column"`) or of the page itself
    (`"page"`); the running headers and footers in the margins aside."""
    from weasyprint.formatting_structure import boxes

    found: list[tuple[int, str, bool]] = []
    for number, page in enumerate(document.pages, start=1):
        box = page._page_box
        left, right = (box.content_box_x(), box.content_box_x() + box.width) if within == "column" else \
            (0, box.margin_width())
        stack = [(child, False) for child in reversed(box.children) if not isinstance(child, boxes.MarginBox)]
        while stack:
            child, in_link = stack.pop()
            if isinstance(child, boxes.TextBox):
                if child.position_x + child.width > right + TOLERANCE or child.position_x < left - TOLERANCE:
                    found.append((number, child.text, in_link))
            elif isinstance(child, boxes.ParentBox):
                link = in_link or (isinstance(child, boxes.InlineBox) and child.element_tag == "a")
                stack.extend((grandchild, link) for grandchild in reversed(child.children))  # in reading order
    return found


def _finish_structure(document: Document, pdf: pydyf.PDF) -> None:
    """Mend what WeasyPrint's structure tree says differently from the document tree."""
    import pydyf  # WeasyPrint's PDF library

    elements = {obj.reference: obj for obj in pdf.objects if isinstance(obj, dict) and obj.get("Type") == "/StructElem"}
    for element in elements.values():
        parent = elements.get(element["P"])
        if element["S"] == "/TH":
            _give_scope(element, parent, elements, pydyf)
        elif parent is not None and element["S"] == parent["S"] and element["S"] in HEADING_ROLES:
            element["S"] = "/NonStruct"  # a line box of the heading (its number set as a block), not a heading


HEADING_ROLES = {f"/H{level}" for level in range(1, 7)}


def _give_scope(cell: pydyf.Dictionary, row: pydyf.Dictionary | None,
                elements: dict[bytes, pydyf.Dictionary], pydyf: ModuleType) -> None:
    """Give a tagged header cell its /Scope, as HTML implies it: a <th> in the table head heads
    its column, one in the body its row. (WeasyPrint links data cells to their headers with
    /Headers but leaves /Scope out, which PDF/UA checkers read on the header cell.)"""
    group = elements.get(row["P"]) if row is not None else None
    if "A" not in cell:
        cell["A"] = pydyf.Dictionary({"O": "/Table"})
    cell["A"]["Scope"] = "/Column" if group is not None and group["S"] == "/THead" else "/Row"


def write(tree_html: str, context: WriteContext) -> bytes:
    """The PDF writer's entry in the registry."""
    return write_pdf(tree_html, context.document_date, context.templates_dir, context.pdf_variant)


def warm_up() -> None:
    """Import WeasyPrint and set up fontconfig before the first document."""
    shared_font_configuration()
