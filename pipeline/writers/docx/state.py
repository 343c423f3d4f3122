"""What the writer collects while it walks the tree, and a new build with its empty
footnotes part."""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.parts.story import StoryPart
from lxml import etree

from pipeline.writers.docx.ooxml import NS_R, NS_W, SETTINGS_AFTER_FOOTNOTEPR, prefixed, subelement

REVISION_AUTHOR = "unreport"  # the author of tracked changes in a redline


@dataclass
class Build:
    """What the writer collects while it walks the tree."""

    doc: DocxDocument
    meta: dict[str, str]
    text_width: float
    footnotes: etree._Element
    notes_story: object
    story: object = None                 # where blocks go: the document body or a table cell
    fresh_paragraph: object = None       # a new cell's empty first paragraph, used before adding one
    masthead_notes: dict[str, etree._Element] = field(default_factory=dict)
    called_notes: set[str] = field(default_factory=set)
    numbered_notes: int = 0
    note_marks: str | None = None        # "numbers" or "letters", as the first footnote says
    note_mark_of: dict[str, str] = field(default_factory=dict)  # footnote id -> its mark
    bookmark_names: dict[str, str] = field(default_factory=dict)  # tree id -> Word bookmark name
    placed_bookmarks: set[str] = field(default_factory=set)
    pending_anchors: list[str] = field(default_factory=list)  # ids waiting for their paragraph
    bookmarks: int = 0
    references: dict[str, str] = field(default_factory=dict)  # bookmark name -> a reference to it (for messages)
    page_references: list[tuple[etree._Element, str]] = field(default_factory=list)  # (PAGEREF result w:t, bookmark)
    draft_mark: str | None = None
    job_number: str | None = None
    running_job: str = ""  # the job number of the inner pages' foot (a Geneva document's)
    barcode: str | None = None
    barcode_description: str = ""  # its alternative text: the <title> of its drawing
    qr_code: str | None = None  # the address the first-page footer's QR code encodes
    qr_description: str = ""  # its alternative text
    pictures: int = 0  # pictures placed so far: each needs an id of its own in the whole document
    revision_date: str = ""
    revisions: int = 0
    style_ids: dict[str, str] = field(default_factory=dict)
    hanging_styles: frozenset[str] = frozenset()  # ids of the styles whose first line hangs (a label, a tab, the text)

    def next_note_id(self) -> int:
        """The next free footnote id (0 and 1 are the separators)."""
        return len(self.footnotes)

    def next_picture_id(self) -> int:
        """An id for the next picture's wp:docPr, unique across the body, headers and footers
        (python-docx numbers pictures per part, so two parts' first pictures both took 1)."""
        self.pictures += 1
        return self.pictures

    def next_bookmark_id(self) -> str:
        self.bookmarks += 1
        return str(self.bookmarks)

    def revision_attributes(self) -> dict[str, str]:
        """w:id (unique in the document), w:author and w:date of a new tracked change."""
        self.revisions += 1
        return {"w:id": str(self.revisions), "w:author": REVISION_AUTHOR, "w:date": self.revision_date}


class _Story:
    """A minimal parent giving python-docx paragraphs their part (for the footnotes part)."""

    def __init__(self, part: StoryPart):
        self.part = part


def new_build(doc: DocxDocument, meta: dict[str, str], text_width: float) -> Build:
    """A build with an empty footnotes part (separators only) related to the document."""
    footnotes = OxmlElement("w:footnotes", nsdecls={"w": NS_W, "r": NS_R})
    for note_id, kind in ((0, "separator"), (1, "continuationSeparator")):
        note = subelement(footnotes, "w:footnote", {"w:type": kind, "w:id": str(note_id)})
        p = subelement(note, "w:p")
        subelement(subelement(p, "w:pPr"), "w:spacing", {"w:after": "0", "w:line": "240", "w:lineRule": "auto"})
        subelement(subelement(p, "w:r"), f"w:{kind}")
    part = StoryPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, footnotes, doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    note_pr = OxmlElement("w:footnotePr")
    for note_id in ("0", "1"):
        subelement(note_pr, "w:footnote", {"w:id": note_id})
    doc.settings.element.insert_element_before(note_pr, *(prefixed(t) for t in SETTINGS_AFTER_FOOTNOTEPR))
    return Build(doc, meta, text_width, footnotes, _Story(part), story=doc)
