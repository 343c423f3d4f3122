"""Inline content: runs (italic/bold only for <em>/<strong>, character styles for the inline
elements the vocabulary gives a Word style), labels (a number, then a tab or a line break),
links to addresses and cross-references within the report, footnotes (masthead notes, numbered
or lettered notes, a note called again) and tracked changes (w:ins, w:del with w:delText).

Inline elements are read by their role in the vocabulary; the few whose Word form is a Word
object of its own (a hyperlink, a footnote, a field, a tracked change) have a handler by kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from pipeline.doctree.vocabulary import VOCABULARY, Element, Role, element_of
from pipeline.writers.docx.anchors import bookmark_of, enclose, internal_link
from pipeline.writers.docx.fields import add_field
from pipeline.writers.docx.ooxml import SECTPR_AFTER_FOOTNOTEPR, new_element, prefixed, subelement
from pipeline.writers.docx.state import Build
from pipeline.writers.docx.styles import FOOTNOTE_REFERENCE, FOOTNOTE_TEXT, set_style
from pipeline.writers.docx.tree import child_elements, fail, text_of

CALL_STYLE = VOCABULARY["table-note-call"].word_style  # a table note's letter, at its call and before its note
PAGE_UNKNOWN = "?"  # a PAGEREF's result until pages.py estimates it


@dataclass(frozen=True)
class At:
    """Where inline content goes: its formatting, the hyperlink and tracked change around it,
    its character style, and whether it is inside a footnote (no notes in notes)."""

    italic: bool = False
    bold: bool = False
    link: etree._Element | None = None
    revision: str | None = None
    style: str | None = None
    in_note: bool = False


def fill_paragraph(b: Build, par: Paragraph, el: etree._Element, revision: str | None = None,
                   mark: str | None = None) -> None:
    """Inline content of *el* into *par*, trimmed at both ends like HTML; a *mark* (a table
    note's letter) comes first, as a label."""
    at = At(revision=revision)
    if mark:
        _new_run(b, par, at, mark, style=CALL_STYLE)
        label_separator(b, par, at)
    add_inline(b, par, el, at)
    _use_deleted_text(par)
    _trim(par)


def _trim(par: Paragraph) -> None:
    texts = par._p.xpath(".//w:t | .//w:delText")
    if texts:
        texts[0].text = texts[0].text.lstrip()
        texts[-1].text = texts[-1].text.rstrip()


def _use_deleted_text(par: Paragraph) -> None:
    """Text and field instructions inside a deletion are w:delText and w:delInstrText, as Word requires."""
    for text in par._p.xpath(".//w:del//w:t"):
        text.tag = qn("w:delText")
    for instruction in par._p.xpath(".//w:del//w:instrText"):
        instruction.tag = qn("w:delInstrText")


def add_inline(b: Build, par: Paragraph, el: etree._Element, at: At) -> None:
    """Text and inline children of *el* as runs of *par*."""
    _add_text(b, par, el.text, at)
    for child in child_elements(el):
        declared = element_of(child)
        handler = INLINE_HANDLERS.get(declared.kind) or ROLE_HANDLERS.get(declared.role)
        if handler is None:
            raise ValueError(f"<{child.tag} class={child.get('class')!r}> ({declared.role.value}) cannot stand in a line of text")
        handler(b, par, child, declared, at)
        # white space opening a line after a break is not shown (Word would show it)
        _add_text(b, par, (child.tail or "").lstrip() if declared.kind == "line-break" else child.tail, at)


def _add_text(b: Build, par: Paragraph, text: str | None, at: At) -> None:
    """A run of whitespace-collapsed *text*; italic/bold only for <em>/<strong>."""
    text = re.sub(r"\s+", " ", text or "")
    if not text:
        return
    run = _new_run(b, par, at, text, style=at.style)
    if at.italic:
        run.italic = True
    if at.bold:
        run.bold = True


def _new_run(b: Build, par: Paragraph, at: At, text: str = "", style: str | None = None) -> Run:
    """A new run at the end of *par*, inside the hyperlink of *at* when given, and inside a
    w:ins or w:del when *at* is in a revision (joining the tracked change just before it, if
    of that kind)."""
    run = par.add_run(text)
    if style is not None:
        set_style(b, run, style)
    if at.link is None and at.revision is None:
        return run
    parent = at.link if at.link is not None else par._p
    par._p.remove(run._r)
    if at.revision is not None:
        last = parent[-1] if len(parent) else None
        if last is None or last.tag != qn(f"w:{at.revision}"):
            last = subelement(parent, f"w:{at.revision}", b.revision_attributes())
        parent = last
    parent.append(run._r)
    return run


def label_separator(b: Build, par: Paragraph, at: At) -> None:
    """What follows a label (a paragraph, heading or item number, a note's mark): a tab where
    the paragraph's style hangs the label in its indent, a line break where the label stands
    on a line of its own ("Table 1", "Part one")."""
    if par._p.style in b.hanging_styles:
        add_tab(b, par, at)
    else:
        _new_run(b, par, at).add_break()


def add_tab(b: Build, par: Paragraph, at: At) -> None:
    _new_run(b, par, at).add_tab()


# ---------------------------------------------------------------- by role

def _add_span(b: Build, par: Paragraph, el: etree._Element, declared: Element, at: At) -> None:
    """An inline element without a Word object of its own: its runs, in its character style if
    the vocabulary gives it one; a label (it joins its line with a space, or the line's label
    shows it) is followed by its separator."""
    add_inline(b, par, el, replace(at, style=declared.word_style or at.style))
    if declared.joiner or declared.shown_by_label:
        label_separator(b, par, at)


def _skip_list(b: Build, par: Paragraph, el: etree._Element, declared: Element, at: At) -> None:
    """A list nested in an item follows the item's paragraph (blocks.py), not inside it."""


# ---------------------------------------------------------------- by kind

def _add_italic(b: Build, par: Paragraph, el: etree._Element, declared: Element, at: At) -> None:
    add_inline(b, par, el, replace(at, italic=True))


def _add_bold(b: Build, par: Paragraph, el: etree._Element, declared: Element, at: At) -> None:
    add_inline(b, par, el, replace(at, bold=True))


def _add_revision(b: Build, par: Paragraph, el: etree._Element, declared: Element, at: At) -> None:
    if at.revision is not None:
        raise ValueError(f"<{el.tag}> inside a tracked change")
    add_inline(b, par, el, replace(at, revision=declared.kind))


def _add_link(b: Build, par: Paragraph, el: etree._Element, declared: Element, at: At) -> None:
    """A link to an address: an external w:hyperlink."""
    if at.link is not None or not el.get("href"):
        raise ValueError(f"a link inside a link, or without an address: {text_of(el)!r}")
    r_id = par.part.relate_to(el.get("href"), RT.HYPERLINK, is_external=True)
    add_inline(b, par, el, replace(at, link=subelement(par._p, "w:hyperlink", {"r:id": r_id, "w:history": "1"})))


def _add_cross_reference(b: Build, par: Paragraph, el: etree._Element, declared: Element, at: At) -> None:
    """A reference to a part of the report: an internal w:hyperlink to its bookmark."""
    if at.link is not None:
        raise ValueError(f"a cross-reference inside a link: {text_of(el)!r}")
    add_inline(b, par, el, replace(at, link=internal_link(b, par, el.get("href"))))


def add_page_reference(b: Build, par: Paragraph, href: str | None, at: At) -> None:
    """The page of the element *href* points at: a PAGEREF field to its bookmark. LibreOffice
    computes it when it lays the document out, Word when it prints or updates fields; the
    shown result is an estimate until then (pages.py)."""
    name = bookmark_of(b, href, "a contents entry")
    shown = add_field(lambda: _new_run(b, par, at), f"PAGEREF {name} \\h", PAGE_UNKNOWN)
    b.page_references.append((shown, name))


def _add_masthead_note(b: Build, par: Paragraph, call: etree._Element, declared: Element, at: At) -> None:
    """A masthead note: footnote with a custom mark (*) at its call."""
    note_key, note_el = _called(at, call, b.masthead_notes, "a masthead note call")
    mark = note_el.get("data-mark") or fail(f"masthead note {note_key!r} has no data-mark")
    if text_of(call) != mark:
        raise ValueError(f"note call {text_of(call)!r} does not match its note's mark {mark!r}")
    b.called_notes.add(note_key)
    note_id = b.next_note_id()
    run = _new_run(b, par, at)
    subelement(run._r, "w:footnoteReference", {"w:customMarkFollows": "1", "w:id": str(note_id)})
    for character in mark:  # one w:t each: LibreOffice reads a longer one as the mark and shows it again
        run.add_text(character)
    note_par = _new_note_paragraph(b, note_id)
    note_par.add_run(mark + " ")  # the note's own mark stays outside any tracked change (see _fill_note)
    _fill_note(b, note_par, note_el, at.revision)


def _add_footnote(b: Build, par: Paragraph, span: etree._Element, declared: Element, at: At) -> None:
    """A footnote at its first call; Word numbers (or letters) it, so the tree's mark must be
    the next one. The call carries the note's bookmark, for a further call's NOTEREF."""
    if at.in_note:
        raise ValueError("a footnote inside a note")
    mark = span.get("data-number") or ""
    _check_sequence(b, mark)
    note_id = b.next_note_id()
    run = _new_run(b, par, at, style=FOOTNOTE_REFERENCE)
    subelement(run._r, "w:footnoteReference", {"w:id": str(note_id)})
    anchor = span.get("id")
    if anchor and anchor not in b.note_mark_of:  # an id given twice (a redline's deleted and inserted note) names the first
        b.note_mark_of[anchor] = mark
        enclose(b, b.bookmark_names[anchor], run._r.getparent(), first=run._r, last=run._r)
    note_par = _new_note_paragraph(b, note_id)
    reference = note_par.add_run()
    set_style(b, reference, FOOTNOTE_REFERENCE)
    subelement(reference._r, "w:footnoteRef")
    note_par.add_run(" ")
    _fill_note(b, note_par, span, at.revision)


def _check_sequence(b: Build, mark: str) -> None:
    """Marks run 1, 2, 3 ... or a, b, c ... (after z: aa, bb, as Word's lowerLetter does)."""
    b.numbered_notes += 1
    if b.note_marks is None:
        b.note_marks = "letters" if mark == "a" else "numbers"
    n = b.numbered_notes
    expected = str(n) if b.note_marks == "numbers" else chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    if mark != expected:
        raise ValueError(f"footnote {mark!r} out of sequence (expected {expected})")


def _add_footnote_again(b: Build, par: Paragraph, ref: etree._Element, declared: Element, at: At) -> None:
    """A further call of a footnote: a NOTEREF field to the first call's bookmark, showing the
    same mark in the footnote reference style (LibreOffice shows the result as written)."""
    _, mark = _called(at, ref, b.note_mark_of, "a further footnote call")
    if ref.get("data-number") != mark:
        raise ValueError(f"a further call of footnote {mark!r} shows {ref.get('data-number')!r}")
    name = bookmark_of(b, ref.get("href"), "a further footnote call")
    add_field(lambda: _new_run(b, par, at, style=FOOTNOTE_REFERENCE), f"NOTEREF {name} \\f \\h", mark)


def _called(at: At, call: etree._Element, notes: dict, what: str) -> tuple[str, object]:
    """(id, what *notes* holds for it) of the note a call's href names; no calls in notes."""
    if at.in_note:
        raise ValueError(f"{what} inside a note")
    key = (call.get("href") or "").removeprefix("#")
    if key not in notes:
        raise ValueError(f"{what} to {call.get('href')!r}: no such note (a further call must follow the first)")
    return key, notes[key]


def _new_note_paragraph(b: Build, note_id: int) -> Paragraph:
    """A new footnote with one empty "footnote text" paragraph."""
    note = subelement(b.footnotes, "w:footnote", {"w:id": str(note_id)})
    par = Paragraph(subelement(note, "w:p"), b.notes_story)
    set_style(b, par, FOOTNOTE_TEXT)
    return par


def _fill_note(b: Build, par: Paragraph, el: etree._Element, revision: str | None = None) -> None:
    """The note's inline content (no notes inside notes); a deleted or inserted call deletes
    or inserts its note's text too. The text follows the note's mark: LibreOffice loses a
    tracked change that opens a footnote."""
    add_inline(b, par, el, At(in_note=True, revision=revision))
    _use_deleted_text(par)
    texts = par._p.xpath(".//w:t | .//w:delText")
    texts[-1].text = texts[-1].text.rstrip()


def letter_footnotes(b: Build) -> None:
    """Lettered footnotes: Word's footnote numbering in lower-case letters, for the document
    (settings) and its section, where Word and LibreOffice read it."""
    if b.note_marks != "letters":
        return
    b.doc.settings.element.find(qn("w:footnotePr")).insert(0, new_element("w:numFmt", {"w:val": "lowerLetter"}))
    section_pr = new_element("w:footnotePr")
    section_pr.append(new_element("w:numFmt", {"w:val": "lowerLetter"}))
    b.doc.sections[0]._sectPr.insert_element_before(section_pr, *(prefixed(t) for t in SECTPR_AFTER_FOOTNOTEPR))


def _add_line_break(b: Build, par: Paragraph, el: etree._Element, declared: Element, at: At) -> None:
    """A line break the data wrote (an agenda title broken as the real masthead breaks it)."""
    _new_run(b, par, at).add_break()


def _add_call_separator(b: Build, par: Paragraph, el: etree._Element, declared: Element, at: At) -> None:
    """The comma between two calls at one place: raised between footnote calls, level
    between the masthead's asterisks."""
    previous = el.getprevious()
    level = previous is not None and element_of(previous).kind == "note-call"
    add_inline(b, par, el, at if level else replace(at, style=FOOTNOTE_REFERENCE))


INLINE_HANDLERS = {
    "em": _add_italic,
    "strong": _add_bold,
    "ins": _add_revision,
    "del": _add_revision,
    "link": _add_link,
    "cross-reference": _add_cross_reference,
    "note-call": _add_masthead_note,
    "call-separator": _add_call_separator,
    "line-break": _add_line_break,
    "footnote-ref": _add_footnote_again,
}
ROLE_HANDLERS = {
    Role.INLINE: _add_span,
    Role.NOTE: _add_footnote,
    Role.LIST: _skip_list,
}
