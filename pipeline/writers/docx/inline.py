"""Inline content: runs (italic/bold only for <em>/<strong>), links, footnotes (masthead
and numbered) and tracked changes (w:ins, w:del with w:delText)."""

from __future__ import annotations

import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from pipeline.writers.docx.ooxml import subelement
from pipeline.writers.docx.state import Build
from pipeline.writers.docx.styles import FOOTNOTE_REFERENCE, FOOTNOTE_TEXT, SYMBOL_LETTER, set_style
from pipeline.writers.docx.tree import child_elements, fail, kind_of, text_of


def fill_paragraph(b: Build, par: Paragraph, el: etree._Element, revision: str | None = None) -> None:
    """Inline content of *el* into *par*, trimmed at both ends like HTML."""
    _add_inline(b, par, el, italic=False, bold=False, revision=revision)
    _use_deleted_text(par)
    texts = par._p.xpath(".//w:t | .//w:delText")
    if texts:
        texts[0].text = texts[0].text.lstrip()
        texts[-1].text = texts[-1].text.rstrip()


def _use_deleted_text(par: Paragraph) -> None:
    """Text inside a deletion is w:delText, as Word requires."""
    for text in par._p.xpath(".//w:del//w:t"):
        text.tag = qn("w:delText")


def _add_inline(b: Build, par: Paragraph, el: etree._Element, *, italic: bool, bold: bool,
                link: etree._Element | None = None, in_note: bool = False, revision: str | None = None) -> None:
    """Text and inline children of *el* as runs of *par* (inside *link* and a tracked change
    of kind *revision* when given)."""
    _add_text(b, par, el.text, italic, bold, link, revision)
    for child in child_elements(el):
        tag, cls = kind_of(child)
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
            _add_text(b, par, text_of(child), italic, bold, link, revision)
            _new_run(b, par, link, revision).add_tab()
        elif (tag, cls) == ("span", "symbol-letter"):
            _new_run(b, par, link, revision, text_of(child), style=SYMBOL_LETTER)
        elif (tag, cls) == ("span", "symbol-rest"):
            _add_inline(b, par, child, **inner)
        else:
            raise ValueError(f"unknown inline element <{tag} class={child.get('class')!r}> in the tree")
        _add_text(b, par, child.tail, italic, bold, link, revision)


def _add_text(b: Build, par: Paragraph, text: str | None, italic: bool, bold: bool,
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


def _new_run(b: Build, par: Paragraph, link: etree._Element | None, revision: str | None,
             text: str = "", style: str | None = None) -> Run:
    """A new run at the end of *par*, inside *link* when given, and inside a w:ins or w:del
    when *revision* is given (joining the tracked change just before it, if of that kind)."""
    run = par.add_run(text)
    if style is not None:
        set_style(b, run, style)
    if link is None and revision is None:
        return run
    parent = link if link is not None else par._p
    par._p.remove(run._r)
    if revision is not None:
        last = parent[-1] if len(parent) else None
        if last is None or last.tag != qn(f"w:{revision}"):
            last = subelement(parent, f"w:{revision}", b.revision_attributes())
        parent = last
    parent.append(run._r)
    return run


def _new_hyperlink(par: Paragraph, url: str) -> etree._Element:
    """An empty external w:hyperlink at the end of *par*."""
    r_id = par.part.relate_to(url, RT.HYPERLINK, is_external=True)
    return subelement(par._p, "w:hyperlink", {"r:id": r_id, "w:history": "1"})


def _add_masthead_note(b: Build, par: Paragraph, call: etree._Element,
                       link: etree._Element | None = None, revision: str | None = None) -> None:
    """A masthead note: footnote with a custom mark (*) at its call."""
    note_key = (call.get("href") or "").removeprefix("#")
    note_el = b.masthead_notes.get(note_key)
    if note_el is None:
        raise ValueError(f"note call to unknown masthead note {call.get('href')!r}")
    mark = note_el.get("data-mark") or fail(f"masthead note {note_key!r} has no data-mark")
    if text_of(call) != mark:
        raise ValueError(f"note call {text_of(call)!r} does not match its note's mark {mark!r}")
    b.called_notes.add(note_key)
    note_id = b.next_note_id()
    run = _new_run(b, par, link, revision)
    subelement(run._r, "w:footnoteReference", {"w:customMarkFollows": "1", "w:id": str(note_id)})
    run.add_text(mark)
    note_par = _new_note_paragraph(b, note_id)
    note_par.add_run(mark + " ")  # the note's own mark stays outside any tracked change (see _fill_note)
    _fill_note(b, note_par, note_el, revision)


def _add_numbered_note(b: Build, par: Paragraph, span: etree._Element,
                       link: etree._Element | None = None, revision: str | None = None) -> None:
    """A numbered footnote; Word numbers it, so the tree's number must be the next one."""
    b.numbered_notes += 1
    if span.get("data-number") != str(b.numbered_notes):
        raise ValueError(f"footnote {span.get('data-number')!r} out of sequence (expected {b.numbered_notes})")
    note_id = b.next_note_id()
    run = _new_run(b, par, link, revision, style=FOOTNOTE_REFERENCE)
    subelement(run._r, "w:footnoteReference", {"w:id": str(note_id)})
    note_par = _new_note_paragraph(b, note_id)
    reference = note_par.add_run()
    set_style(b, reference, FOOTNOTE_REFERENCE)
    subelement(reference._r, "w:footnoteRef")
    note_par.add_run(" ")
    _fill_note(b, note_par, span, revision)


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
    _add_inline(b, par, el, italic=False, bold=False, in_note=True, revision=revision)
    _use_deleted_text(par)
    texts = par._p.xpath(".//w:t | .//w:delText")
    texts[-1].text = texts[-1].text.rstrip()
