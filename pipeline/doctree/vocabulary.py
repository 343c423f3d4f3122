"""The vocabulary of the document tree, declared once.

Every element a report tree may hold is declared here: its kind (the CSS class that names
it, or the bare tag for structural HTML such as `tr` or `em`), the tags it may have, its
role (how every writer treats it), what it may contain, its line in the canonical text, its
Word style and its Akoma Ntoso element. The composer checks each composed tree against it
(doctree/check.py); the canonical text, the DOCX writer, the diff and the redline read it
instead of restating it. Adding an element is one entry here, its looks in the CSS, and its
Word style's looks in writers/docx/styles.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Iterable

from lxml import etree


class Role(str, Enum):
    """How writers treat an element (each writer handles roles, not element names)."""

    DOCUMENT = "document"    # the <body>: the root of the tree
    CONTAINER = "container"  # groups other elements; its own text is only white space
    FIELD = "field"          # a masthead line: one labelled line of canonical text
    BLOCK = "block"          # a paragraph-like block in the reading flow
    HEADING = "heading"      # a numbered or unnumbered heading (an outline level)
    LIST = "list"            # a list of items (subparagraphs or bullets)
    ITEM = "item"            # one list item: inline text, then perhaps a nested list
    TABLE = "table"          # a table and its parts
    RUNNING = "running"      # printed on the page's furniture (header or footer), not in the flow
    NOTE = "note"            # a note whose text is printed away from its call (footnote)
    INLINE = "inline"        # inline markup within a line of text
    GRAPHIC = "graphic"      # a picture (the barcode), opaque to text


# Canonical text (writers/text.py): each element with a `canonical` form makes one line. The
# form's fields: {text} its text, {number} data-number, {mark} data-mark, {code} data-code,
# {table} data-table, {row} "head" or "row", {indent} two spaces per list depth, {file} data-file,
# {digest} data-digest, {alt} alt (a picture's alternative text), {kind} data-kind. The line
# kinds, by their shape (pipeline/compare/textdiff.py reads them back):
#   label: text            masthead fields, masthead notes, job number, barcode
#   ¶N text / ¶ text       numbered and unnumbered paragraphs
#   [label] text           headings, and the first line of a summary, contents, table or annex
#   <indent>label: text    table rows and notes, contents entries (indented under their opener)
#   <indent>(a) text       list items
#   footnote N text        footnotes, after the body
#   [end of draft K]       a container's closing line (`closing`): where a draft's own count ends
# `part` says where the line goes: head (the draft flag), masthead, masthead notes, body, notes, end.


@dataclass(frozen=True)
class Element:
    """One kind of element of the tree."""

    kind: str                          # the class naming it, or the tag of bare structural HTML
    tags: tuple[str, ...]              # the HTML tags it may have
    role: Role
    contains: tuple[str, ...] = ()     # kinds allowed as children ("inline" = text and inline kinds)
    canonical: str | None = None       # its line form in the canonical text (None: no line of its own)
    word_style: str | None = None      # the Word paragraph or character style it maps to
    akn: str | None = None             # its Akoma Ntoso element
    attributes: tuple[str, ...] = ()   # attributes it may carry besides class
    once: bool = False                 # at most one in a document
    part: str = "body"                 # where the canonical text puts its line (writers/text.py PARTS)
    joiner: str = ""                   # what the canonical text puts after it in a line (" " after a number)
    shown_by_label: bool = False       # its text is what the line's label says ("5." of "¶5")
    formatting: bool = False           # inline formatting around words (a redline diffs the words inside)
    doc: str = ""                      # what it is, for the README and error messages
    closing: str | None = None         # a container's line after its children in the canonical text

    @property
    def inline_content(self) -> bool:
        return "inline" in self.contains

    @property
    def allowed_attributes(self) -> tuple[str, ...]:
        """Its attributes; a redline may mark any block, item or table row inserted or deleted."""
        revisable = self.role in (Role.BLOCK, Role.HEADING, Role.ITEM) or self.kind in ("tr", "table-block",
                                                                                        "figure-block")
        return self.attributes + (REVISION if revisable and REVISION[0] not in self.attributes else ())


INLINE_KINDS = ("em", "strong", "link", "footnote", "footnote-ref", "note-call", "call-separator", "cross-reference",
                "table-note-call", "ins", "del", "state-list", "person", "line-break")
INLINE = ("inline",)
BODY_BLOCKS = ("part-heading", "chapter-heading", "section-heading", "subsection-heading",
               "third-degree-heading", "fourth-degree-heading", "fifth-degree-heading",
               "numbered-paragraph", "unnumbered-paragraph", "quoted-paragraph", "subparagraphs", "bullets",
               "table-block", "figure-block")
REVISION = ("data-revision",)  # a redline marks whole blocks inserted or deleted
# What a draft resolution or decision holds: the body's blocks but headings (its label and
# title are its own; validation refuses a heading in a draft).
DRAFT_BLOCKS = tuple(kind for kind in BODY_BLOCKS if not kind.endswith("-heading"))

# Heading levels of the UN Editorial Manual, outermost first.
HEADING_LEVELS = ("part", "chapter", "section", "subsection", "third-degree", "fourth-degree", "fifth-degree")
# The heading levels a contents list shows (with the annexes), outermost first.
CONTENTS_LEVELS = ("part", "chapter", "section")
# The lines under the author line of an addendum or a corrigendum, in their order.
ISSUE_LINES = ("addendum-label", "addendum-title", "corrigendum-label")
# A masthead note's call at its place: the call, and the comma between two calls at one place.
NOTE_CALLS = ("note-call", "call-separator")


def _heading(level: str, look: str, akn: str) -> Element:
    return Element(f"{level}-heading", ("h2", "h3", "h4", "h5", "h6"), Role.HEADING,
                   ("heading-number",) + INLINE, canonical=f"[{level}] {{text}}", word_style=f"UN {level.replace('-', ' ').title()} Heading",
                   akn=akn, attributes=("id", "data-number"), doc=f"a {level} heading ({look})")


ELEMENTS: tuple[Element, ...] = (
    # ---- the document
    Element("un-report", ("body",), Role.DOCUMENT,
            ("draft-mark", "first-page-footer", "masthead", "session-block", "report-title", "report-author",
             *ISSUE_LINES, "transmittal", "transmitted-title", "summary", "contents", "report-body", "annex"),
            akn="doc", attributes=("data-place", "data-running-job", "dir"), once=True,
            doc="the report (data-running-job: the job number a Geneva document prints at its inner pages' foot)"),
    # ---- page furniture
    Element("draft-mark", ("p",), Role.RUNNING, INLINE, canonical="draft: yes", word_style="UN Draft Mark", part="head",
            once=True, doc="DRAFT at the top of every page while the symbol is not assigned"),
    Element("first-page-footer", ("footer",), Role.CONTAINER, ("masthead-note", "job-number", "barcode", "qr-code"),
            once=True, doc="the foot of page 1: masthead notes, job number, barcode, QR code"),
    Element("masthead-note", ("p",), Role.RUNNING, INLINE, canonical="masthead note {mark}: {text}", word_style="footnote text",
            part="masthead notes",
            akn="authorialNote", attributes=("id", "data-mark", "data-revision"), doc="a masthead note (*, **, ***)"),
    Element("job-number", ("p",), Role.RUNNING, INLINE, canonical="job number: {text}", word_style="UN Job Number", part="end",
            once=True, doc="the job number"),
    Element("barcode", ("p",), Role.GRAPHIC, ("svg",), canonical="barcode: *{code}*", word_style="UN Barcode", part="end",
            attributes=("data-code",), once=True, doc="the Code 39 barcode of the job number"),
    Element("qr-code", ("p",), Role.GRAPHIC, ("svg",), canonical="qr code: *{code}*", word_style="UN QR Code", part="end",
            attributes=("data-code",), once=True, doc="the QR code of the document's address (https://undocs.org/<symbol>)"),
    Element("svg", ("svg",), Role.GRAPHIC, doc="drawing of a graphic (opaque)"),
    # ---- masthead
    Element("masthead", ("header",), Role.CONTAINER, ("masthead-top", "masthead-organ"), once=True,
            akn="preface", doc="the masthead"),
    Element("masthead-top", ("div",), Role.CONTAINER, ("organization", "symbol"), once=True),
    Element("organization", ("p",), Role.FIELD, INLINE, canonical="organization: {text}", part="masthead", word_style="UN Organization",
            once=True),
    Element("symbol", ("p",), Role.FIELD, ("symbol-letter", "symbol-rest", *NOTE_CALLS), canonical="symbol: {text}", part="masthead",
            word_style="UN Symbol", akn="docNumber", once=True),
    Element("symbol-letter", ("span",), Role.INLINE, INLINE, word_style="UN Symbol Letter"),
    Element("symbol-rest", ("span",), Role.INLINE, INLINE, formatting=True),
    Element("masthead-organ", ("div",), Role.CONTAINER, ("organ", "distribution-block"), once=True),
    Element("organ", ("p",), Role.FIELD, INLINE, canonical="organ: {text}", part="masthead", word_style="UN Organ", akn="docAuthority",
            once=True),
    Element("distribution-block", ("div",), Role.CONTAINER,
            ("distribution", "doc-date", "version-language", "original-language"), once=True),
    Element("distribution", ("p",), Role.FIELD, INLINE, canonical="distribution: {text}", part="masthead", word_style="UN Distribution",
            once=True),
    Element("doc-date", ("p",), Role.FIELD, INLINE, canonical="date: {text}", part="masthead", word_style="UN Document Date",
            akn="docDate", once=True),
    Element("version-language", ("p",), Role.FIELD, INLINE, canonical="language: {text}", part="masthead",
            word_style="UN Version Language", once=True, doc="the language of a translated version"),
    Element("original-language", ("p",), Role.FIELD, INLINE, canonical="original: {text}", part="masthead",
            word_style="UN Original Language", once=True),
    Element("session-block", ("section",), Role.CONTAINER,
            ("session-organ", "session", "session-dates", "agenda-item", "agenda-title"), once=True,
            doc="the session block: absent for an organ without sessions (the Security Council)"),
    Element("session-organ", ("p",), Role.FIELD, INLINE, canonical="session of: {text}", part="masthead",
            word_style="UN Session Organ", once=True,
            doc="a subsidiary organ's name over its session (the masthead's organ is its parent's)"),
    Element("session", ("p",), Role.FIELD, INLINE, canonical="session: {text}", part="masthead", word_style="UN Session",
            akn="session", once=True),
    # Word: the document date's style (a masthead date line, regular, 12 pt after), so that the
    # styles part every DOCX carries stays as it was; the session line over it drops its space after
    Element("session-dates", ("p",), Role.FIELD, INLINE, canonical="session dates: {text}", part="masthead",
            word_style="UN Document Date", once=True,
            doc="the days a session opens and closes, under its name (\"9-20 March 2015\")"),
    Element("agenda-item", ("p",), Role.FIELD, INLINE, canonical="agenda item: {text}", part="masthead", word_style="UN Agenda Item",
            once=True),
    Element("agenda-title", ("p",), Role.FIELD, INLINE, canonical="agenda title: {text}", part="masthead", word_style="UN Agenda Title",
            attributes=("data-measure",),
            doc="the title of an agenda item: one for each item the report is issued under (data-measure 'wide' "
                "or 'narrow': the measure page 1 sets it in, by the edition's year)"),
    Element("report-title", ("h1",), Role.FIELD, INLINE, canonical="title: {text}", part="masthead", word_style="UN Title",
            akn="docTitle", once=True),
    Element("report-author", ("p",), Role.FIELD, INLINE, canonical="author: {text}", part="masthead", word_style="UN Author",
            akn="docProponent", once=True),
    Element("note-call", ("a",), Role.INLINE, INLINE, attributes=("href",), doc="the call of a masthead note"),
    # two calls at one place are separated by a comma (UN Editorial Manual, "Footnote indicators",
    # https://www.un.org/dgacm/en/content/editorial-manual/footnotes/chap-09): "*,**", not "***"
    Element("call-separator", ("span",), Role.INLINE, INLINE, doc="the comma between two note calls at one place"),
    Element("line-break", ("br",), Role.INLINE, (), joiner=" ", akn="eol",
            doc="a line break the data wrote in an agenda item's title (as the real masthead breaks it)"),
    # ---- an addendum: "Addendum" and its own title under the author line (A/HRC/26/37/Add.2)
    Element("addendum-label", ("p",), Role.FIELD, INLINE, canonical="addendum: {text}", part="masthead",
            word_style="UN Author", once=True, doc="'Addendum' under the author line of an addendum (…/Add.2)"),
    Element("addendum-title", ("p",), Role.FIELD, INLINE, canonical="addendum title: {text}", part="masthead",
            word_style="UN Author", once=True, doc="the addendum's own title, under 'Addendum'"),
    # ---- a corrigendum: "Corrigendum" under the author line (A/43/26/Add.1/Corr.1: under "Addendum")
    Element("corrigendum-label", ("p",), Role.FIELD, INLINE, canonical="corrigendum: {text}", part="masthead",
            word_style="UN Author", once=True, doc="'Corrigendum' under the author line of a corrigendum (…/Corr.1)"),
    # ---- a note transmitting a report
    Element("transmittal", ("section",), Role.CONTAINER,
            ("unnumbered-paragraph", "quoted-paragraph", "subparagraphs", "bullets"), once=True,
            doc="the paragraphs of a note transmitting another author's report, on page 1 under the author line"),
    Element("transmitted-title", ("h2",), Role.BLOCK, INLINE, canonical="[transmitted report] {text}",
            word_style="UN Transmitted Title", akn="docTitle", once=True,
            doc="the transmitted report's own title, opening a new page"),
    # ---- summary and contents
    Element("summary", ("section",), Role.CONTAINER,
            ("summary-heading", "unnumbered-paragraph", "quoted-paragraph", "subparagraphs", "bullets"), once=True,
            akn="longTitle", doc="the summary box on page 1"),
    Element("summary-heading", ("h2",), Role.BLOCK, INLINE, canonical="[summary] {text}", word_style="UN Summary Heading",
            once=True),
    Element("contents", ("nav",), Role.CONTAINER, ("contents-heading", "contents-columns", "contents-entry"),
            once=True, akn="toc", attributes=("data-placement", "data-numbers"),
            doc="the contents list (data-placement 'page-one': on page 1, not opening page 2; data-numbers "
                "'wide': chapter numbers past XVII)"),
    Element("contents-heading", ("h2",), Role.BLOCK, INLINE, canonical="[contents] {text}",
            word_style="UN Contents Heading", once=True),
    Element("contents-columns", ("p",), Role.BLOCK, ("contents-paragraphs-label", "contents-page-label"),
            canonical="  columns: {text}", word_style="UN Contents Columns", once=True),
    Element("contents-paragraphs-label", ("span",), Role.INLINE, INLINE, joiner=" | "),
    Element("contents-page-label", ("span",), Role.INLINE, INLINE),
    Element("contents-entry", ("p",), Role.BLOCK,
            ("contents-number", "contents-title", "contents-paragraphs", "contents-page"),
            canonical="  entry: {text}", word_style="UN Contents Entry", attributes=("data-level",), akn="tocItem"),
    Element("contents-number", ("span",), Role.INLINE, INLINE, joiner=" "),
    Element("contents-title", ("span",), Role.INLINE, INLINE, joiner=" | "),
    Element("contents-paragraphs", ("span",), Role.INLINE, INLINE),
    Element("contents-page", ("a",), Role.INLINE, (), attributes=("href",),
            doc="the page of a contents entry (filled in by the page layout)"),
    # ---- body
    Element("report-body", ("main",), Role.CONTAINER, BODY_BLOCKS + ("draft-text",), once=True, akn="mainBody"),
    _heading("part", "Part one, 20 pt bold", "part"),
    _heading("chapter", "I., 14 pt bold", "chapter"),
    _heading("section", "A., 12 pt bold", "section"),
    _heading("subsection", "1., 10 pt bold", "subsection"),
    _heading("third-degree", "(a), 10 pt bold", "subsection"),
    _heading("fourth-degree", "(i), 10 pt italic", "subsection"),
    _heading("fifth-degree", "a., 10 pt roman", "subsection"),
    Element("heading-number", ("span",), Role.INLINE, INLINE, akn="num", joiner=" "),
    Element("numbered-paragraph", ("p",), Role.BLOCK, ("paragraph-number",) + INLINE, canonical="¶{number} {text}",
            word_style="UN Numbered Paragraph", akn="paragraph",
            attributes=("id", "data-number", "data-recommendation")),
    Element("paragraph-number", ("span",), Role.INLINE, INLINE, akn="num", shown_by_label=True),
    Element("unnumbered-paragraph", ("p",), Role.BLOCK, INLINE, canonical="¶ {text}", word_style="UN Paragraph",
            akn="paragraph", attributes=("id", "data-recommendation")),
    Element("quoted-paragraph", ("p",), Role.BLOCK, INLINE, canonical="¶ quoted: {text}", word_style="UN Quotation",
            akn="paragraph", attributes=("id",), doc="a passage quoted from another text, indented on both sides, not numbered"),
    Element("subparagraphs", ("ol",), Role.LIST, ("subparagraph",), akn="blockList",
            attributes=("data-depth",), doc="subparagraphs (a), (i), a., i."),
    Element("subparagraph", ("li",), Role.ITEM, ("item-label",) + INLINE + ("subparagraphs", "bullets"),
            canonical="{indent}{text}", word_style="UN Subparagraph", akn="item", attributes=("id", "data-depth")),
    Element("item-label", ("span",), Role.INLINE, INLINE, akn="num", joiner=" "),
    Element("bullets", ("ul",), Role.LIST, ("bullet",), akn="blockList", attributes=("data-depth",)),
    Element("bullet", ("li",), Role.ITEM, ("item-label",) + INLINE + ("subparagraphs", "bullets"), canonical="{indent}{text}",
            word_style="UN Bullet", akn="item", attributes=("id", "data-depth")),
    # ---- tables
    Element("table-block", ("div",), Role.CONTAINER, ("data-table", "table-note", "table-source"),
            canonical="[table {table}]", attributes=("id", "data-table", "data-number"), akn="tblock",
            doc="a table with its notes and source"),
    Element("data-table", ("table",), Role.TABLE, ("table-caption", "thead", "tbody"), akn="table"),
    Element("table-caption", ("caption",), Role.TABLE, ("table-number", "table-title"), canonical="  caption: {text}",
            word_style="UN Table Caption"),
    Element("table-number", ("span",), Role.INLINE, INLINE, akn="num", joiner=" "),
    Element("table-title", ("span",), Role.INLINE, INLINE, word_style="UN Table Title"),
    Element("thead", ("thead",), Role.TABLE, ("tr",)),
    Element("tbody", ("tbody",), Role.TABLE, ("tr",)),
    Element("tr", ("tr",), Role.TABLE, ("th", "td"), canonical="  {row}: {text}", akn="tr"),
    Element("th", ("th",), Role.TABLE, INLINE, word_style="UN Table Head", akn="th",
            attributes=("scope", "colspan", "data-align")),
    Element("td", ("td",), Role.TABLE, INLINE, word_style="UN Table Cell", akn="td", attributes=("data-align",)),
    Element("table-note", ("p",), Role.BLOCK, INLINE, canonical="  note {mark}: {text}", word_style="UN Table Note",
            attributes=("id", "data-mark")),
    Element("table-note-call", ("a",), Role.INLINE, INLINE, word_style="UN Table Note Call", attributes=("href",)),
    Element("table-source", ("p",), Role.BLOCK, INLINE, canonical="  source: {text}", word_style="UN Table Source"),
    # ---- figures
    Element("figure-block", ("div",), Role.CONTAINER, ("figure-caption", "figure-image", "figure-source"),
            canonical="[figure {number}]", attributes=("id", "data-number"), akn="tblock",
            doc="a figure: its number and title, its picture, its source"),
    Element("figure-caption", ("p",), Role.BLOCK, ("figure-number", "figure-title"), canonical="  caption: {text}",
            word_style="UN Figure Caption"),
    Element("figure-number", ("span",), Role.INLINE, INLINE, akn="num", joiner=" "),
    Element("figure-title", ("span",), Role.INLINE, INLINE, word_style="UN Table Title"),
    Element("figure-image", ("img",), Role.GRAPHIC, (), canonical="  picture: {file} sha256 {digest}: {alt}",
            word_style="UN Figure", akn="img", attributes=("src", "alt", "width", "data-file", "data-digest"),
            doc="a figure's picture, with its description as alternative text"),
    Element("figure-source", ("p",), Role.BLOCK, INLINE, canonical="  source: {text}", word_style="UN Table Source"),
    # ---- annexes
    Element("annex", ("section",), Role.CONTAINER,
            ("annex-label", "annex-original", "annex-title") + BODY_BLOCKS + ("draft-text",),
            attributes=("id", "data-number"), akn="attachment", doc="an annex"),
    Element("annex-label", ("p",), Role.BLOCK, INLINE, canonical="[annex] {text}", word_style="UN Annex Label"),
    Element("annex-original", ("p",), Role.BLOCK, INLINE, canonical="  original: {text}", word_style="UN Annex Original"),
    Element("annex-title", ("h2",), Role.HEADING, INLINE, canonical="[annex title] {text}", word_style="UN Annex Title",
            akn="docTitle"),
    # ---- a draft resolution or decision the report recommends for adoption
    Element("draft-text", ("section",), Role.CONTAINER, ("draft-label", "draft-title", "draft-preamble") + DRAFT_BLOCKS,
            attributes=("id", "data-kind", "data-number", "data-new-page"), akn="hcontainer",
            closing="[end of draft {kind}]",
            doc="a draft resolution or decision (data-kind 'resolution' or 'decision'; data-number 'I', 'II' "
                "when there are several of its kind; data-new-page 'yes': it starts a new page); its "
                "paragraphs are numbered in its own count"),
    Element("draft-label", ("p",), Role.BLOCK, INLINE, canonical="[draft {kind}] {text}", word_style="UN Draft Label",
            akn="num", attributes=("data-kind",), doc="'Draft resolution I', 'Draft decision' over a draft's title"),
    Element("draft-title", ("p",), Role.BLOCK, INLINE, canonical="[draft title] {text}", word_style="UN Draft Title",
            akn="heading", doc="a draft's title"),
    Element("draft-preamble", ("div",), Role.CONTAINER, ("unnumbered-paragraph", "quoted-paragraph", "subparagraphs",
                                                         "bullets"),
            akn="intro", doc="a draft resolution's preambular paragraphs (never numbered)"),
    # ---- inline
    Element("em", ("em",), Role.INLINE, INLINE, akn="i", formatting=True),
    Element("strong", ("strong",), Role.INLINE, INLINE, akn="b", formatting=True),
    Element("link", ("a",), Role.INLINE, INLINE, attributes=("href",), akn="a", formatting=True,
            doc="a link to an address"),
    Element("cross-reference", ("a",), Role.INLINE, INLINE, attributes=("href",), akn="ref",
            doc="a reference to a paragraph, heading, annex or table of the report"),
    Element("footnote", ("span",), Role.NOTE, INLINE, canonical="footnote {number} {text}", word_style="footnote text", part="notes",
            akn="authorialNote", attributes=("id", "data-number")),
    Element("footnote-ref", ("a",), Role.INLINE, (), attributes=("href", "data-number"),
            doc="a further call of a footnote already called"),
    Element("state-list", ("span",), Role.INLINE, ("state",) + INLINE, formatting=True,
            doc="a list of States computed from the data (`states` filter), as it reads"),
    Element("state", ("span",), Role.INLINE, INLINE, akn="location", formatting=True,
            doc="one State of a computed list, by its UN name on the edition's date"),
    Element("person", ("span",), Role.INLINE, INLINE, akn="person", formatting=True,
            doc="a person's name from the data (`person` filter), such as a committee member's"),
    Element("ins", ("ins",), Role.INLINE, INLINE, doc="inserted text in a redline"),
    Element("del", ("del",), Role.INLINE, INLINE, doc="deleted text in a redline"),
)

VOCABULARY: dict[str, Element] = {element.kind: element for element in ELEMENTS}
BARE_TAGS = {"em", "strong", "thead", "tbody", "tr", "th", "td", "svg", "ins", "del"}  # no class needed
HEADINGS = tuple(f"{level}-heading" for level in HEADING_LEVELS)
HEAD_ELEMENTS = {"title", "meta", "link"}  # what <head> may hold (read by writers/meta.py)


def kind_of(element: etree._Element) -> str:
    """The vocabulary kind of a tree element: its one class, the tag of bare structural HTML,
    or 'link' for an <a> with no class. Raises ValueError for anything else."""
    tag = element.tag if isinstance(element.tag, str) else ""
    names = (element.get("class") or "").split()
    if len(names) > 1:
        raise ValueError(f"<{tag} class='{' '.join(names)}'> has more than one class; the tree gives each "
                         "element one class")
    if names:
        return names[0]
    if tag == "a":
        return "link"
    if tag in BARE_TAGS:
        return tag
    raise ValueError(f"<{tag}> has no class; every element of the tree is named by its class")


def element_of(node: etree._Element) -> Element:
    """The declaration of a tree element (ValueError when the vocabulary has none)."""
    kind = kind_of(node)
    declared = VOCABULARY.get(kind)
    if declared is None:
        raise ValueError(f"<{node.tag} class='{kind}'> is not in the tree's vocabulary")
    if node.tag not in declared.tags:
        raise ValueError(f"'{kind}' is a <{'/'.join(declared.tags)}>, not a <{node.tag}>")
    return declared


def role_of(node: etree._Element) -> Role:
    return element_of(node).role


def heading_level(kind: str) -> str | None:
    """'chapter' for 'chapter-heading'; None for other kinds."""
    return kind.removesuffix("-heading") if kind in HEADINGS else None


def describe(kinds: Iterable[str]) -> str:
    """A readable list of element kinds for messages."""
    return ", ".join(sorted(kinds))


def labels_printed_once() -> tuple[str, ...]:
    """The '[label]' of each heading line a report prints once ('summary', 'contents',
    'transmitted report'), which names the line in any language."""
    found = (re.fullmatch(r"\[([^\]{]+)\] \{text\}", element.canonical or "") for element in ELEMENTS if element.once)
    return tuple(match[1] for match in found if match)
