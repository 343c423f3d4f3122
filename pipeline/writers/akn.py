"""The Akoma Ntoso 3.0 writer: the document tree -> an AKN4UN `<doc name="report">`.

Identifiers follow the AKN4UN guidelines, Part 1, section 2.3.3 "IRI Identifiers for Documents"
(after the OASIS Akoma Ntoso Naming Convention 1.0): the Work IRI leaves out language and
format, so that all six language versions of a report share it; the Expression adds the
language (ISO 639-2) and the version (the document date); the Manifestation adds the format.

    Work           /akn/un/doc/report/unga/2004-08-27/A-59-312
    Expression     /akn/un/doc/report/unga/2004-08-27/A-59-312/eng@2004-08-27
    Manifestation  /akn/un/doc/report/unga/2004-08-27/A-59-312/eng@2004-08-27.akn

Headings become the hierarchy (part, chapter, section, subsection) holding the numbered
paragraphs that follow them; lists are blockLists, tables and figures tblocks (a figure's
picture an img), footnotes authorialNotes
where they are called, cross-references refs to the eId of what they cite, and computed lists
of States spans of `location`s and persons (committee members) `person`s, each of them in the
references section (TLCLocation, TLCPerson). The masthead's facts
are in the preface (docNumber, docAuthority, docDate, session, docTitle, docProponent) and,
as data, in the proprietary metadata. Which element each tree element becomes is read from
the vocabulary (`Element.akn`); this module says only how a hierarchy is built from the flat
tree. The language is the tree's `lang`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from pipeline.doctree.check import parse_tree
from pipeline.doctree.vocabulary import (CONTENTS_LEVELS, ELEMENTS, HEADING_LEVELS, VOCABULARY, Role, element_of,
                                         heading_level, kind_of, role_of)
from pipeline.writers.registry import WriteContext
from pipeline.writers.reproducible import document_timestamp

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
UNREPORT = "urn:unreport:masthead"  # our proprietary metadata: the masthead's facts as data
# ISO 639-2 codes of the six official languages (the Expression IRI's language component)
LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}
# The organ a symbol's first component names -> its short name in IRIs and its eId in references.
# Read from the symbol, not the masthead's words, so that the six language versions share one Work.
ORGANS = {"A": ("unga", "generalAssembly"), "S": ("unsc", "securityCouncil"),
          "E": ("ecosoc", "economicAndSocialCouncil")}
EID_PREFIX = {"part": "part", "chapter": "chp", "section": "sec", "subsection": "subsec", "paragraph": "para",
              "attachment": "att", "tblock": "tblock", "blockList": "list", "item": "item"}
# A contents entry's <tocItem level>: sections one in from parts, chapters and annexes.
TOC_LEVEL = {level: 2 if level == "section" else 1 for level in CONTENTS_LEVELS} | {"annex": 1}
# A draft resolution or decision -> the name of its <hcontainer> (and its eId's prefix).
DRAFT_NAMES = {"resolution": "draftResolution", "decision": "draftDecision"}
EID_MARK = "data-akn-eid"  # set on the parsed tree (never on the caller's) while writing
# The kinds the vocabulary makes an AKN <paragraph> (numbered or not), and those that are a <num>
# (a number or label the writer puts in its container's <num>, not in the text).
PARAGRAPH_KINDS = frozenset(element.kind for element in ELEMENTS if element.akn == "paragraph")
NUMBER_KINDS = frozenset(element.kind for element in ELEMENTS if element.akn == "num")


def A(tag: str) -> str:
    return f"{{{AKN}}}{tag}"


def sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, A(tag), {k.rstrip("_"): v for k, v in attributes.items()})
    if text:
        element.text = text
    return element


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def camel(text: str) -> str:
    """'Bosnia and Herzegovina' -> 'bosniaAndHerzegovina' (an eId of the references section)."""
    words = re.findall(r"[^\W_]+", text)
    return (words[0].lower() + "".join(w[:1].upper() + w[1:] for w in words[1:])) if words else "x"


def iri_number(symbol: str) -> str:
    """The number component of a Work IRI: the symbol with '/' as '-' ('A/59/312' -> 'A-59-312');
    'nn' (the naming convention's "no number") while the symbol is not assigned."""
    if "..." in symbol or not symbol.strip():
        return "nn"
    return re.sub(r"[^A-Za-z0-9.]+", "-", symbol.strip()).strip("-")


@dataclass
class Identity:
    """The facts the FRBR identifiers are built from."""

    symbol: str
    date: str
    language: str  # ISO 639-2
    organ: str

    @property
    def organ_names(self) -> tuple[str, str]:
        """(IRI actor, references eId) of the organ the symbol belongs to ('A/59/312' -> unga)."""
        return ORGANS.get(self.symbol.split("/", 1)[0].strip(), (camel(self.organ).lower(), camel(self.organ)))

    @property
    def actor(self) -> str:
        return self.organ_names[0]

    @property
    def work(self) -> str:
        return f"/akn/un/doc/report/{self.actor}/{self.date}/{iri_number(self.symbol)}"

    @property
    def expression(self) -> str:
        return f"{self.work}/{self.language}@{self.date}"

    @property
    def manifestation(self) -> str:
        return f"{self.expression}.akn"


@dataclass
class _Writer:
    """One document being written: eIds given so far, what the tree's ids became, the States met."""

    root: etree._Element  # the tree's <html>
    masthead_notes: dict[str, etree._Element] = field(default_factory=dict)
    eids: dict[str, str] = field(default_factory=dict)       # tree id -> eId
    used: set[str] = field(default_factory=set)
    counters: dict[str, int] = field(default_factory=dict)
    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # eId -> (TLC element, name): States, persons
    notes_written: set[str] = field(default_factory=set)

    def eid(self, prefix: str, number: str | None, tree_id: str | None, parent_eid: str = "",
            element: etree._Element | None = None) -> str:
        """An eId in the naming convention's form (`chp_II__sec_A__para_5`), unique in the
        document; noted on the (parsed copy of the) tree element it is for."""
        if not number:
            self.counters[prefix] = self.counters.get(prefix, 0) + 1
            number = f"nn{self.counters[prefix]}"
        own = f"{prefix}_{re.sub(r'[^A-Za-z0-9]+', '', number) or 'nn'}"
        eid = f"{parent_eid}__{own}" if parent_eid else own
        while eid in self.used:
            eid += "_"
        self.used.add(eid)
        if tree_id:
            self.eids[tree_id] = eid
        if element is not None:
            element.set(EID_MARK, eid)
        return eid


def write(tree_html: str, context: WriteContext) -> bytes:
    """The AKN writer's entry in the registry."""
    return write_akn(tree_html, context)


def write_akn(tree_html: str, context: WriteContext) -> bytes:
    root = parse_tree(tree_html)
    body = root.find("body")
    writer = _Writer(root)
    for note in body.iterfind(".//p[@class='masthead-note']"):
        writer.masthead_notes[note.get("id", "")] = note
    _assign_eids(writer, body)

    facts = _masthead_facts(root)
    language = LANGUAGES.get(root.get("lang", ""))
    if language is None:
        raise ValueError(f"the tree's lang {root.get('lang')!r} is not one of the six official languages "
                         f"({', '.join(LANGUAGES)})")
    identity = Identity(_first(facts, "symbol"), root.find("head/meta[@name='date']").get("content"), language,
                        _first(facts, "organ"))
    akoma = etree.Element(A("akomaNtoso"), nsmap={None: AKN, "unreport": UNREPORT})
    doc = sub(akoma, "doc", name="report")
    meta = sub(doc, "meta")
    preface = sub(doc, "preface")
    _preface(writer, body, preface)
    main = sub(doc, "mainBody")
    _hierarchy(writer, body.find("main[@class='report-body']"), main)
    annexes = body.findall("section[@class='annex']")
    if annexes:
        attachments = sub(doc, "attachments")
        for index, annex in enumerate(annexes, start=1):
            _annex(writer, annex, attachments, identity, index, context)
    _meta(writer, meta, identity, facts, context, component="!main")
    return etree.tostring(akoma, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ---------------------------------------------------------------- identifiers and metadata

def _masthead_facts(root: etree._Element) -> dict[str, list[str]]:
    """The masthead's fields by kind ('symbol', 'organ', ...): their texts as printed (one for
    most, one per agenda item for 'agenda-title')."""
    facts: dict[str, list[str]] = {}
    for element in root.find("body").iter():
        if isinstance(element.tag, str) and element.get("class"):
            declared = element_of(element)
            if declared.role in (Role.FIELD, Role.RUNNING) and declared.kind not in ("masthead-note", "draft-mark"):
                facts.setdefault(declared.kind, []).append(squeeze(_plain(element)))
    return facts


def _first(facts: dict[str, list[str]], kind: str, default: str = "") -> str:
    """The first text of a masthead field, or the default when the masthead has none."""
    return facts.get(kind, [default])[0]


def _plain(element: etree._Element) -> str:
    """An element's text without its note calls and footnotes."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and kind_of(child) not in ("note-call", "footnote", "footnote-ref"):
            parts.append(_plain(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _meta(writer: _Writer, meta: etree._Element, identity: Identity, facts: dict[str, list[str]],
          context: WriteContext, component: str) -> None:
    """identification (FRBR Work, Expression, Manifestation); for the report itself (not an
    annex, whose eIds must not repeat the report's) the references and proprietary metadata."""
    organ_eid = identity.organ_names[1]
    generated = document_timestamp(context.document_date).date().isoformat()
    identification = sub(meta, "identification", source="#unreport")
    levels = (("FRBRWork", identity.work, identity.date, "#" + organ_eid),
              ("FRBRExpression", identity.expression, identity.date, "#secretaryGeneral"),
              ("FRBRManifestation", identity.manifestation, generated, "#unreport"))
    for level, iri, date, author in levels:
        frbr = sub(identification, level)
        this = f"{identity.expression}/{component}.xml" if level == "FRBRManifestation" else f"{iri.removesuffix('.akn')}/{component}"
        sub(frbr, "FRBRthis", value=this)
        sub(frbr, "FRBRuri", value=iri)
        sub(frbr, "FRBRdate", date=date, name="generation" if level == "FRBRManifestation" else "publication")
        sub(frbr, "FRBRauthor", href=author)
        if level == "FRBRWork":
            sub(frbr, "FRBRcountry", value="un")
            sub(frbr, "FRBRsubtype", value="report")
            sub(frbr, "FRBRnumber", value=_first(facts, "symbol"))
            sub(frbr, "FRBRname", value=_first(facts, "report-title", "report"))
        elif level == "FRBRExpression":
            sub(frbr, "FRBRlanguage", language=identity.language)
        else:
            sub(frbr, "FRBRformat", value="application/akn+xml")
    if component != "!main":
        return
    references = sub(meta, "references", source="#unreport")
    sub(references, "TLCOrganization", eId="unitedNations", href="/akn/ontology/organization/un/unitedNations",
        showAs=context.word("organization"))
    sub(references, "TLCOrganization", eId=organ_eid, href=f"/akn/ontology/organization/un/{organ_eid}",
        showAs=identity.organ)
    sub(references, "TLCOrganization", eId="unreport", href="/akn/ontology/organization/un/unreport",
        showAs="unreport (the software that wrote this file)")
    sub(references, "TLCRole", eId="secretaryGeneral", href="/akn/ontology/role/un/secretaryGeneral",
        showAs="Secretary-General")
    for eid, (tlc, name) in sorted(writer.people.items(), key=lambda item: (item[1][0], item[0])):
        kind = "location" if tlc == "TLCLocation" else "person"
        sub(references, tlc, eId=eid, href=f"/akn/ontology/{kind}/un/{eid}", showAs=name)
    proprietary = sub(meta, "proprietary", source="#unreport")
    masthead = etree.SubElement(proprietary, f"{{{UNREPORT}}}masthead")
    # every masthead field the tree holds, in its order (the job number, which the tree puts in
    # the first page's footer, after the rest, where the page prints it)
    for kind in sorted(facts, key=lambda kind: VOCABULARY[kind].part == "end"):
        for text in facts[kind]:
            etree.SubElement(masthead, f"{{{UNREPORT}}}{camel(kind.replace('-', ' '))}").text = text
    head = writer.root.find("head")
    for name in ("date", "session", "draft", "place"):  # the same facts as data
        found = head.find(f"meta[@name='{name}']")
        if found is not None:
            etree.SubElement(masthead, f"{{{UNREPORT}}}{name}Value").text = found.get("content")


# ---------------------------------------------------------------- eIds

def _assign_eids(writer: _Writer, body: etree._Element) -> None:
    """Give every element a reference may cite its eId first, so references can be written in
    any order; a heading's eId nests in the headings above it, a paragraph's in its heading's."""
    for container, prefix in ((body.find("main[@class='report-body']"), ""),
                              *((annex, writer.eid("att", annex.get("data-number") or str(i), annex.get("id"), "", annex))
                                for i, annex in enumerate(body.findall("section[@class='annex']"), start=1))):
        _container_eids(writer, container, prefix)


def _container_eids(writer: _Writer, container: etree._Element, prefix: str) -> None:
    """The eIds of a body's, an annex's or a draft's blocks (a draft's nest in its own: its
    paragraph 1 is `draftResolution_I__para_1`, apart from the report's `para_1`)."""
    for child, kind, heading in _outline(container):
        within = heading.get(EID_MARK) if heading is not None else prefix
        if kind == "draft-text":
            name = DRAFT_NAMES[child.get("data-kind", "")]
            draft = writer.eid(name, child.get("data-number"), child.get("id"), within, child)
            _container_eids(writer, child, draft)
        elif heading_level(kind) is not None:
            element = element_of(child).akn or "hcontainer"
            writer.eid(EID_PREFIX.get(element, element), child.get("data-number"), child.get("id"), within, child)
        elif kind in PARAGRAPH_KINDS:
            eid = writer.eid("para", child.get("data-number"), child.get("id"), within, child)
            _item_eids(writer, child.getnext(), eid)
        elif kind == "table-block":
            table = writer.eid("tblock", child.get("data-number"), child.get("id"), within, child)
            for note in child.iterfind("p[@class='table-note']"):
                writer.eid("tblnote", note.get("data-mark"), note.get("id"), table, note)
        elif kind == "figure-block":
            writer.eid("fig", child.get("data-number"), child.get("id"), within, child)


def _item_eids(writer: _Writer, following: etree._Element | None, parent_eid: str) -> None:
    """The eIds of the list items that follow a paragraph (lists stand after it in the tree)."""
    while following is not None and role_of(following) is Role.LIST:
        for item in following.iter("li"):
            if item.get("id"):
                label = item.findtext("span[@class='item-label']") or ""
                writer.eid("item", label.strip("().•–"), item.get("id"), parent_eid, item)
        following = following.getnext()


def _children(element: etree._Element) -> list[etree._Element]:
    return [c for c in element if isinstance(c.tag, str)]


def _outline(container: etree._Element) -> Iterator[tuple[etree._Element, str, etree._Element | None]]:
    """Each block of a flat body with its kind and the heading it stands under (None at the top):
    a heading stands under the nearest heading before it of a higher rank (a chapter under a
    part, a section under a chapter), everything else under the last heading."""
    open_headings: list[tuple[int, etree._Element]] = []
    for child in _children(container):
        kind = kind_of(child)
        level = heading_level(kind)
        if level is not None:
            rank = HEADING_LEVELS.index(level)
            while open_headings and open_headings[-1][0] >= rank:
                open_headings.pop()
        yield child, kind, open_headings[-1][1] if open_headings else None
        if level is not None:
            open_headings.append((rank, child))


# ---------------------------------------------------------------- preface, body, annexes

def _preface(writer: _Writer, body: etree._Element, preface: etree._Element) -> None:
    """The masthead, the session block, title and author, the summary and the contents, in order."""
    for part in _children(body):
        kind = kind_of(part)
        if kind in ("masthead", "session-block"):
            for field_ in part.iter("p"):
                _field(writer, field_, preface)
        elif element_of(part).role is Role.FIELD:  # the title, the author line, an addendum's lines
            _field(writer, part, preface)
        elif kind in ("transmittal", "summary"):
            _preface_container(writer, part, sub(preface, "container", name=kind, eId=kind), kind)
        elif kind == "transmitted-title":
            _inline(writer, part, sub(sub(preface, "p", class_="transmittedTitle"), element_of(part).akn))
        elif kind == "contents":
            _contents(writer, part, preface)


def _preface_container(writer: _Writer, part: etree._Element, container: etree._Element, eid: str) -> None:
    """The paragraphs and lists of a note's transmittal or of the summary (its heading a
    classed paragraph)."""
    for child in _children(part):
        if element_of(child).role is Role.LIST:
            _list(writer, child, container, eid)
        elif kind_of(child) == "summary-heading":
            _inline(writer, child, sub(container, "p", class_="summaryHeading"))
        else:
            _inline(writer, child, sub(container, "p"))


def _field(writer: _Writer, element: etree._Element, preface: etree._Element) -> None:
    """A masthead field as a <p>, its text inside the AKN element the vocabulary names for it."""
    declared = element_of(element)
    if declared.role is not Role.FIELD:
        return
    p = sub(preface, "p", class_=camel(declared.kind.replace("-", " ")))
    if declared.akn is None:
        _inline(writer, element, p)
        return
    attributes = {}
    if declared.akn == "docDate":
        attributes["date"] = writer.root.find("head/meta[@name='date']").get("content")
    elif declared.akn == "session":
        attributes["value"] = writer.root.find("head/meta[@name='session']").get("content")
    elif declared.akn == "docProponent":
        attributes["refersTo"] = "#secretaryGeneral"
    _inline(writer, element, sub(p, declared.akn, **attributes))


def _contents(writer: _Writer, nav: etree._Element, preface: etree._Element) -> None:
    toc = sub(preface, "toc")
    for entry in nav.iterfind("p[@class='contents-entry']"):
        target = (entry.find("a[@class='contents-page']").get("href") or "").lstrip("#")
        level = TOC_LEVEL.get(entry.get("data-level", ""), 3)
        text = " ".join(squeeze(span.text_content()) for span in entry.iterfind("span") if squeeze(span.text_content()))
        sub(toc, "tocItem", text, href="#" + writer.eids.get(target, target), level=str(level))


def _hierarchy(writer: _Writer, container: etree._Element, parent: etree._Element) -> None:
    """The flat blocks of a body -> AKN's hierarchy: each heading opens a container (part,
    chapter, section, subsection) that holds what follows until a heading of its rank or above."""
    holders: dict[str, etree._Element] = {}  # heading eId -> the AKN container it opened
    last_content: etree._Element | None = None
    for child, kind, heading in _outline(container):
        within = holders[heading.get(EID_MARK)] if heading is not None else parent
        level = heading_level(kind)
        if level is not None:
            declared = element_of(child)
            attributes = {"name": level} if declared.akn == "hcontainer" else {}
            holder = holders[_eid_of(writer, child)] = sub(within, declared.akn or "hcontainer", eId=_eid_of(writer, child),
                                                           **attributes)
            number = child.get("data-number")
            if number:
                sub(holder, "num", number)
            _inline(writer, child, sub(holder, "heading"))
            last_content = None
        elif kind in PARAGRAPH_KINDS:
            paragraph = sub(within, element_of(child).akn, eId=_eid_of(writer, child))
            if child.get("data-number"):
                sub(paragraph, "num", child.get("data-number") + ".")
            last_content = sub(paragraph, "content")
            _inline(writer, child, sub(last_content, "p", **({"class_": "quotation"} if kind == "quoted-paragraph" else {})))
        elif element_of(child).role is Role.LIST:
            if last_content is None:
                raise ValueError(f"a list ('{kind}') that follows no paragraph")
            _list(writer, child, last_content, last_content.getparent().get("eId"))
        elif kind == "table-block":
            holder = sub(within, "hcontainer", name="table", eId=_eid_of(writer, child) + "_holder")
            _table(writer, child, sub(holder, "content"))
            last_content = None
        elif kind == "figure-block":
            holder = sub(within, "hcontainer", name="figure", eId=_eid_of(writer, child) + "_holder")
            _figure(writer, child, sub(holder, "content"))
            last_content = None
        elif kind == "draft-text":
            _draft(writer, child, within)
            last_content = None
        elif kind in ("annex-label", "annex-original", "annex-title", "draft-label", "draft-title", "draft-preamble"):
            continue  # written in the annex's preface, or by _draft
        else:
            raise ValueError(f"the AKN writer does not place '{kind}' in a body")


def _draft(writer: _Writer, draft: etree._Element, parent: etree._Element) -> None:
    """A draft resolution or decision -> an <hcontainer name="draftResolution"> with its label as
    <num>, its title as <heading>, its preamble as <intro> and its blocks as a hierarchy."""
    holder = sub(parent, "hcontainer", name=DRAFT_NAMES[draft.get("data-kind", "")], eId=_eid_of(writer, draft))
    label, title = draft.find("p[@class='draft-label']"), draft.find("p[@class='draft-title']")
    if label is not None:
        _inline(writer, label, sub(holder, "num"))
    if title is not None:
        _inline(writer, title, sub(holder, "heading"))
    preamble = draft.find("div[@class='draft-preamble']")
    if preamble is not None:
        intro = sub(holder, "intro")
        for child in _children(preamble):
            if element_of(child).role is Role.LIST:
                _list(writer, child, intro, holder.get("eId"))
            else:
                _inline(writer, child, sub(intro, "p", **({"class_": "quotation"}
                                                          if kind_of(child) == "quoted-paragraph" else {})))
    _hierarchy(writer, draft, holder)


def _eid_of(writer: _Writer, element: etree._Element) -> str:
    """The eId given to a tree element in _assign_eids."""
    return element.get(EID_MARK) or writer.eid("blk", None, None, element=element)


def _list(writer: _Writer, element: etree._Element, parent: etree._Element, parent_eid: str) -> None:
    """Subparagraphs or bullets -> a blockList of items, each with its label as <num>."""
    block_list = sub(parent, "blockList", eId=writer.eid("list", None, None, parent_eid or ""))
    for item in _children(element):
        eid = item.get(EID_MARK) or writer.eid("item", None, None, block_list.get("eId"), item)
        akn_item = sub(block_list, "item", eId=eid)
        label = item.find("span[@class='item-label']")
        if label is not None and squeeze(label.text_content()):
            sub(akn_item, "num", squeeze(label.text_content()))
        _inline(writer, item, sub(akn_item, "p"))
        for inner in _children(item):
            if element_of(inner).role is Role.LIST:
                _list(writer, inner, akn_item, eid)


def _table(writer: _Writer, block: etree._Element, parent: etree._Element) -> None:
    """A table block -> tblock: its number and title, the table, its notes and its source."""
    tblock = sub(parent, "tblock", eId=_eid_of(writer, block))
    table = block.find("table")
    caption = table.find("caption")
    if caption is not None:
        _caption(writer, caption, tblock, "table")
    akn_table = sub(tblock, "table", eId=tblock.get("eId") + "__table")
    for row in table.iter("tr"):
        akn_row = sub(akn_table, "tr")
        for cell in _children(row):
            spans = {"colspan": cell.get("colspan")} if cell.get("colspan") else {}
            _inline(writer, cell, sub(sub(akn_row, cell.tag, **spans), "p"))
    for child in _children(block):
        if kind_of(child) in ("table-note", "table-source"):
            attributes = {"eId": _eid_of(writer, child)} if kind_of(child) == "table-note" else {}
            p = sub(tblock, "p", class_=camel(kind_of(child).replace("-", " ")), **attributes)
            if child.get("data-mark"):
                sub(p, "sup", child.get("data-mark")).tail = " "
            _inline(writer, child, p)


def _caption(writer: _Writer, caption: etree._Element, tblock: etree._Element, kind: str) -> None:
    """A table's or figure's caption -> the tblock's num ("Table 1", "Figure I") and heading."""
    number = caption.find(f"span[@class='{kind}-number']")
    if number is not None:
        sub(tblock, "num", squeeze(number.text_content()))
    title = caption.find(f"span[@class='{kind}-title']")
    if title is not None:
        _inline(writer, title, sub(tblock, "heading"))


def _figure(writer: _Writer, block: etree._Element, parent: etree._Element) -> None:
    """A figure block -> tblock (class figure): its number and title, the picture as an <img>
    (its data inline, its description as alt) and its source."""
    tblock = sub(parent, "tblock", eId=_eid_of(writer, block), class_="figure")
    for child in _children(block):
        kind = kind_of(child)
        if kind == "figure-caption":
            _caption(writer, child, tblock, "figure")
        elif kind == "figure-image":
            sub(sub(tblock, "p"), "img", src=child.get("src") or "", alt=child.get("alt") or "")
        elif kind == "figure-source":
            _inline(writer, child, sub(tblock, "p", class_="figureSource"))


def _annex(writer: _Writer, annex: etree._Element, attachments: etree._Element, identity: Identity, index: int,
           context: WriteContext) -> None:
    """An annex -> an attachment holding a doc of its own (its identifiers name the component)."""
    attachment = sub(attachments, "attachment", eId=_eid_of(writer, annex))
    doc = sub(attachment, "doc", name="annex")
    meta = sub(doc, "meta")
    preface = sub(doc, "preface")
    for child in _children(annex):
        kind = kind_of(child)
        if kind in ("annex-label", "annex-original"):
            _inline(writer, child, sub(preface, "p", class_=camel(kind.replace("-", " "))))
        elif kind == "annex-title":
            _inline(writer, child, sub(sub(preface, "p", class_="annexTitle"), element_of(child).akn))
    main = sub(doc, "mainBody")
    _hierarchy(writer, annex, main)
    if not _children(main):
        sub(main, "p")
    _meta(writer, meta, identity, {"symbol": identity.symbol}, context, component=f"annex_{index}")


# ---------------------------------------------------------------- inline

def _inline(writer: _Writer, source: etree._Element, target: etree._Element) -> None:
    """The inline content of a tree element, mapped to AKN's inline elements; labels (the
    numbers that become <num>) and nested lists are left out."""
    _append_text(target, source.text)
    for child in source:
        if not isinstance(child.tag, str):
            _append_text(target, child.tail)
            continue
        kind = kind_of(child)
        declared = element_of(child)
        if kind in NUMBER_KINDS or declared.role in (Role.LIST, Role.GRAPHIC):
            pass
        elif kind == "footnote":
            _note(writer, target, child, child.get("data-number", ""), f"authorialNote_{child.get('data-number')}")
        elif kind == "note-call":
            note = writer.masthead_notes.get((child.get("href") or "").lstrip("#"))
            if note is not None:
                _note(writer, target, note, note.get("data-mark", ""), f"authorialNote_{camel(note.get('id', 'note'))}")
        elif kind == "line-break":
            sub(target, "eol")
        elif kind == "footnote-ref":
            sub(target, "noteRef", href=f"#authorialNote_{child.get('data-number')}", marker=child.get("data-number", ""))
        elif kind == "table-note-call":
            mark = squeeze(child.text_content())
            sub(sub(target, "sup"), "ref", mark, href="#" + writer.eids.get((child.get("href") or "").lstrip("#"), ""))
        elif kind == "cross-reference":
            tree_id = (child.get("href") or "").lstrip("#")
            _inline(writer, child, sub(target, "ref", href="#" + writer.eids.get(tree_id, tree_id)))
        elif kind == "link":
            _inline(writer, child, sub(target, "a", href=child.get("href") or ""))
        elif kind == "state-list":
            _inline(writer, child, sub(target, "span", class_="stateList"))
        elif kind in ("state", "person"):
            tlc = "TLCLocation" if kind == "state" else "TLCPerson"
            _inline(writer, child, sub(target, declared.akn, refersTo="#" + _reference(writer, tlc, child)))
        elif declared.akn in ("i", "b") or kind in ("ins", "del"):
            _inline(writer, child, sub(target, declared.akn or kind))
        else:
            _inline(writer, child, target)
        _append_text(target, child.tail)


def _reference(writer: _Writer, tlc: str, element: etree._Element) -> str:
    """The eId, in the references section, of the State or person an element names."""
    name = squeeze(element.text_content())
    eid = camel(name)
    while eid in writer.people and writer.people[eid] != (tlc, name):
        eid += "_"  # a person named as a State is another entry
    writer.people[eid] = (tlc, name)
    return eid


def _note(writer: _Writer, target: etree._Element, note: etree._Element, marker: str, eid: str) -> None:
    """A footnote or masthead note as an authorialNote where it is called (once; a second call
    of the same note is a noteRef)."""
    if eid in writer.notes_written:
        sub(target, "noteRef", href="#" + eid, marker=marker)
        return
    writer.notes_written.add(eid)
    akn_note = sub(target, "authorialNote", marker=marker, placement="bottom", eId=eid)
    _inline(writer, note, sub(akn_note, "p"))


def _append_text(element: etree._Element, text: str | None) -> None:
    """Add text after the element's last child (or as its text), keeping spacing as it is."""
    if not text:
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text
