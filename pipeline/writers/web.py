"""The web page writer: the document tree -> one standalone HTML5 page for screens.

The page keeps the tree's own elements and classes (so its headings, lists, tables and
paragraph numbers are the tree's) and rearranges them into the landmarks a screen reader
navigates by: the masthead in the banner, the report in <main>, the job number and barcode in
the footer. Footnotes, which the print layout floats to the foot of a page, are gathered in a
list at the end, each call linked to its note and each note back to its calls; masthead notes
join them with their marks. Its stylesheet (templates/web/web.css) is inlined and it links to
nothing it would fetch: it opens offline and makes no request. Its words are the
version language's (data/languages/<code>.yaml, `web_page`); its language and direction are the tree's.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import lxml.html
from lxml import etree
from markupsafe import Markup

from pipeline.doctree.check import parse_tree
from pipeline.doctree.vocabulary import NOTE_CALLS, VOCABULARY, kind_of
from pipeline.writers.registry import WriteContext

PAGE_TEMPLATE = "web/page.html.j2"
STYLESHEET = Path("web") / "web.css"


@dataclass
class Note:
    """A note of the page's list: its mark, its text (HTML), its anchor and its calls' anchors."""

    mark: str
    html: Markup
    anchor: str
    calls: list[str] = field(default_factory=list)


def write(tree_html: str, context: WriteContext) -> bytes:
    """The web writer's entry in the registry."""
    root = parse_tree(tree_html)
    body = root.find("body")
    notes = _gather_notes(body)
    _link_contents(body)
    _label_tables(body)
    parts = {kind_of(child): child for child in body if isinstance(child.tag, str) and kind_of(child) != "annex"}
    for kind, tag in (("masthead", "div"), ("report-body", "div")):
        if kind in parts:
            parts[kind].tag = tag  # one banner and one main landmark: the page's own
    banner = ("draft-mark", "masthead", "session-block")
    masthead = [parts[k] for k in banner if k in parts]
    report = [parts[k] for k in VOCABULARY["un-report"].contains if k in parts and k not in banner + ("first-page-footer",)]
    report += body.findall("section[@class='annex']")
    footer = list(parts["first-page-footer"]) if "first-page-footer" in parts else []

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(context.templates_dir)), autoescape=True,
                                     keep_trailing_newline=True)
    head = root.find("head")
    page = environment.get_template(PAGE_TEMPLATE).render(
        lang=root.get("lang") or "en", dir=body.get("dir"),
        title=head.findtext("title") or "", symbol=head.find("meta[@name='symbol']").get("content"),
        css=Markup((context.templates_dir / STYLESHEET).read_text(encoding="utf-8")),
        masthead=_html(masthead), report=_html(report), footer=_html(footer), notes=notes,
        skip_link=context.word("skip_link"), notes_heading=context.word("notes"),
        back_to_note=lambda mark: context.word("back_to_note", mark=mark))
    return page.encode("utf-8")


def _html(elements: list[etree._Element]) -> Markup:
    return Markup("\n".join(lxml.html.tostring(e, encoding="unicode", with_tail=False) for e in elements))


def _inner_html(element: etree._Element) -> Markup:
    """An element's content (text and children) as HTML."""
    return Markup(html.escape(element.text or "", quote=False)
                  + "".join(lxml.html.tostring(child, encoding="unicode") for child in element))


def _replace(old: etree._Element, new: etree._Element) -> None:
    """Put `new` where `old` stands, keeping the text that follows it."""
    new.tail = old.tail
    old.getparent().replace(old, new)


def _gather_notes(body: etree._Element) -> list[Note]:
    """Replace each footnote (printed at its call) by a linked call, and list the notes, in the
    order of their first call, with the masthead notes; every call gets an anchor to return to."""
    notes: dict[str, Note] = {}
    masthead_notes = {note.get("id"): note for note in body.iterfind(".//p[@class='masthead-note']")}
    for element in list(body.iter()):
        if not isinstance(element.tag, str) or not element.get("class"):
            continue
        kind = kind_of(element)
        if kind == "footnote":
            mark = element.get("data-number", "")
            note = notes[element.get("id")] = Note(mark, _inner_html(element), element.get("id"))
            _replace(element, _call(note, "footnote-call"))
        elif kind == "footnote-ref":
            target = (element.get("href") or "").lstrip("#")
            if target in notes:
                _replace(element, _call(notes[target], "footnote-call"))
        elif kind == "note-call":
            target = (element.get("href") or "").lstrip("#")
            if target in masthead_notes and target not in notes:
                source = masthead_notes[target]
                notes[target] = Note(source.get("data-mark", ""), _inner_html(source), target)
            if target in notes:
                element.set("id", _call_anchor(notes[target]))
    for note in masthead_notes.values():
        note.getparent().remove(note)
    return list(notes.values())


def _call_anchor(note: Note) -> str:
    anchor = f"call-{note.anchor}" + (f"-{len(note.calls) + 1}" if note.calls else "")
    note.calls.append(anchor)
    return anchor


def _call(note: Note, css_class: str) -> etree._Element:
    call = etree.Element("a", {"class": css_class, "href": f"#{note.anchor}"})
    call.set("id", _call_anchor(note))
    call.text = note.mark
    return call


def _link_contents(body: etree._Element) -> None:
    """Contents entries link by their titles (a screen has no page numbers to show)."""
    for entry in body.iterfind(".//p[@class='contents-entry']"):
        page = entry.find("a[@class='contents-page']")
        title = entry.find("span[@class='contents-title']")
        if page is None or title is None:
            continue
        link = etree.SubElement(title, "a", {"href": page.get("href")})
        link.text, title.text = title.text, None
        for child in list(title)[:-1]:
            if child.get("class") in NOTE_CALLS:
                title.append(child)  # a masthead note's call is a link of its own: after the title's
            else:
                link.append(child)
        entry.remove(page)
    for label in body.iterfind(".//span[@class='contents-page-label']"):
        label.getparent().remove(label)


def _label_tables(body: etree._Element) -> None:
    """A table scrolls sideways on a narrow screen: its block is a named, focusable region, so
    that keyboard users can scroll it too. Its name is its caption (number and title), or its
    column headings; a name given twice (the same table in the body and an annex) is numbered."""
    seen: dict[str, int] = {}
    for block in body.iterfind(".//div[@class='table-block']"):
        caption = block.find("table/caption")
        parts = list(caption) if caption is not None else block.findall("table/thead/tr/th")
        name = (" " if caption is not None else ", ").join(" ".join(p.text_content().split()) for p in parts)
        seen[name] = seen.get(name, 0) + 1
        block.set("role", "region")
        block.set("aria-label", name if seen[name] == 1 else f"{name} ({seen[name]})")
        block.set("tabindex", "0")
