"""The redline tree: B's document tree with the changes from A marked, for Word and HTML.

The blocks of A and B are aligned as in the text diff (pipeline/diff.py). Then:
- a changed block (masthead field, numbered paragraph, table cell, masthead note) gets a
  word-level diff as <ins>/<del> inline elements. Its inline content is read as tokens
  (word, space or mark, with the em/strong/a around it); a footnote, a note call or a
  symbol letter is one token, so it is inserted or deleted whole and never split;
- a paragraph or table row that is new in B carries data-revision="ins"; one that only A has
  is copied in from A, at its place, with data-revision="del" (a masthead note likewise: its
  text is inserted or deleted with its call);
- fields that only A has, the draft mark, the job number and the barcode are left to the
  text summary: the writers put them in headers and footers, not in the text.
The result is still the tree vocabulary plus ins, del and data-revision, which the DOCX
writer maps to tracked changes and redline.css to colours.
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass, field

import lxml.html
from lxml.etree import _Element

from pipeline.compose.numbering import letter
from pipeline.doctree.vocabulary import ELEMENTS, Role, element_of, kind_of, role_of
from pipeline.inputs.layout import TEMPLATES_DIR
from pipeline.compare.textdiff import Block, Change, align, diff_opcodes, parse_blocks, tokens
from pipeline.writers.text import canonical_lines, classes

REDLINE_CSS = TEMPLATES_DIR / "redline" / "redline.css"
# Inline elements whose content is diffed word by word (with the element kept around it).
WRAPPERS = {e.kind for e in ELEMENTS if e.formatting}
NOT_REDLINED = {e.kind for e in ELEMENTS if e.part == "end"}  # job number and barcode: printed as plain text
BODY_LEVEL = ("paragraph", "heading", "item", "table")
TEXT_BLOCKS = (Role.BLOCK, Role.HEADING, Role.ITEM, Role.FIELD, Role.RUNNING)


@dataclass(frozen=True)
class Token:
    """One piece of inline content: a text token or a whole element (an atom)."""

    key: tuple
    text: str = ""
    wrappers: tuple[_Element, ...] = ()
    atom: _Element | None = None


@dataclass
class _Redline:
    """The B tree being marked, and where copies from A went."""

    root: _Element
    a_root: _Element
    copied_tables: dict[int, _Element] = field(default_factory=dict)  # id(A table) -> its copy in B


def redline_tree(a_html: str, b_html: str) -> str:
    """B's tree with the changes from A as ins/del elements and data-revision blocks."""
    a_root = lxml.html.document_fromstring(a_html)
    b_root = lxml.html.document_fromstring(b_html)
    redline = _Redline(b_root, a_root)
    changes = align(parse_blocks(canonical_lines(a_root)), parse_blocks(canonical_lines(b_root)))
    # Which elements to diff word by word is settled before any is rebuilt (a rebuilt
    # paragraph holds copies, and a footnote change must still find its paragraph).
    to_mark: dict[int, tuple[_Element, _Element]] = {}
    for change in changes:
        if change.kind == "changed":
            to_mark.update((id(b_el), (a_el, b_el)) for a_el, b_el in _changed_elements(change))
    for a_el, b_el in to_mark.values():
        _mark_inline(a_el, b_el)
    last_placed: _Element | None = None  # the B element of the last body block seen, for deletions
    for change in changes:
        if change.kind == "added":
            _mark_added(change.b)  # type: ignore[arg-type]
        elif change.kind == "removed":
            copied = _copy_removed(redline, change.a, last_placed)  # type: ignore[arg-type]
            last_placed = copied if copied is not None else last_placed
        if change.b is not None and change.b.kind in BODY_LEVEL + ("row",) and change.b.element is not None:
            last_placed = change.b.element
    _restore_deleted_masthead_notes(redline)
    _renumber_footnotes(b_root)
    return lxml.html.tostring(b_root, doctype="<!DOCTYPE html>", encoding="unicode", method="html")


# ---------------------------------------------------------------- which elements change

def _changed_elements(change: Change) -> list[tuple[_Element, _Element]]:
    """(A element, B element) pairs to diff word by word for one changed block."""
    a, b = change.a, change.b
    if a is None or b is None or a.element is None or b.element is None:
        return []
    if a.kind == "footnote":  # a note is a token of the paragraph or cell that calls it
        if a.text == b.text:
            return []
        return [(_enclosing_block(a.element), _enclosing_block(b.element))]
    if a.kind == "row" and b.element.tag == "tr":
        a_cells, b_cells = _cells(a.element), _cells(b.element)
        return list(zip(a_cells, b_cells)) if len(a_cells) == len(b_cells) else []
    if a.kind == "field" and classes(b.element) & NOT_REDLINED:
        return []
    if a.kind in ("field", "paragraph", "heading", "item", "row"):
        return _word_holders(a.element, b.element)
    return []


def _word_holders(a_el: _Element, b_el: _Element) -> list[tuple[_Element, _Element]]:
    """The elements to diff word by word for a changed line: the element itself when it holds
    text; else its parts that do, paired in order (a table's or figure's caption: its number and
    its title); a picture holds no words (its change shows in the text diff, by its digest)."""
    declared = element_of(b_el)
    if declared.role is Role.GRAPHIC:
        return []
    if declared.inline_content or not declared.contains:
        return [(a_el, b_el)]
    a_parts, b_parts = ([c for c in el if isinstance(c.tag, str)] for el in (a_el, b_el))
    if [kind_of(c) for c in a_parts] != [kind_of(c) for c in b_parts]:
        return []
    return [pair for a_part, b_part in zip(a_parts, b_parts) for pair in _word_holders(a_part, b_part)]


def _enclosing_block(element: _Element) -> _Element:
    """The paragraph, heading, list item or table cell an inline element stands in."""
    node = element.getparent()
    while node is not None and not (node.tag in ("td", "th") or role_of(node) in TEXT_BLOCKS):
        node = node.getparent()
    if node is None:
        raise ValueError("a footnote outside any paragraph or table cell")
    return node


BLOCK_HOLDERS = {e.kind for e in ELEMENTS if set(e.contains) & {"numbered-paragraph", "unnumbered-paragraph"}}


def _block_of(element: _Element) -> _Element:
    """The block an element is part of: itself, or its ancestor that stands in a container of
    blocks (the body, the summary, an annex), so a table row's block is its whole table."""
    node = element
    while node.getparent() is not None and kind_of(node.getparent()) not in BLOCK_HOLDERS \
            and role_of(node.getparent()) is not Role.DOCUMENT:
        node = node.getparent()
    return node


def _cells(row: _Element) -> list[_Element]:
    return [c for c in row if c.tag in ("td", "th")]


# ---------------------------------------------------------------- whole blocks

def _mark_added(block: Block) -> None:
    """A block only B has: paragraphs and rows are marked whole; fields get their content in <ins>."""
    el = block.element
    if el is None or classes(el) & NOT_REDLINED:
        return
    if block.kind in ("paragraph", "heading", "item") or el.tag == "tr" or "masthead-note" in classes(el):
        el.set("data-revision", "ins")  # a note's text follows its call, which is marked inserted
    elif block.kind in ("field", "row"):
        for _, holder in _word_holders(el, el):
            _rebuild(holder, [("ins", t) for t in tokens_of(holder)])


def _copy_removed(redline: _Redline, block: Block, after: _Element | None) -> _Element | None:
    """Copy a paragraph, table or row only A has into B, after *after*, marked deleted."""
    el = block.element
    if el is None or block.kind not in ("paragraph", "heading", "item", "table", "row"):
        return None
    if block.kind == "row" and (el.tag != "tr" or id(_table_of(el)) in redline.copied_tables):
        return None  # its table was copied whole (or it is a table's note: the summary reports it)
    if block.kind == "item" and (after is None or after.tag != "li"):
        return None  # an item needs a list of B to go in: the summary reports it
    removed = copy.deepcopy(el)
    removed.tail = "\n"
    if block.kind == "table" and removed.find(".//tr") is not None:
        redline.copied_tables[id(el)] = removed
        for row in removed.iter("tr"):
            row.set("data-revision", "del")
    else:  # a paragraph, heading, item or row; a figure (a table without rows) is deleted whole
        removed.set("data-revision", "del")
    _insert_after(redline, removed, after, row=block.kind == "row", original=el)
    return removed


def _insert_after(redline: _Redline, new: _Element, after: _Element | None, *, row: bool, original: _Element) -> None:
    """Put *new* (a copy of A's *original*) after *after*; a row goes into its table's same part."""
    if row:
        if after is not None and after.tag == "tr" and _table_name(after) == _table_name(original):
            after.addnext(new)
            return
        part = original.getparent().tag
        table = after if after is not None and "table-block" in classes(after) else None
        group = table.find(f".//{part}") if table is not None else None
        if group is None:
            return  # no table of B to put it in; the summary reports it
        group.insert(0, new)
        return
    if after is not None and new.tag == "li":
        after.addnext(new)
        return
    if after is not None:
        _block_of(after).addnext(new)
        return
    body = redline.root.xpath('//*[contains(concat(" ", @class, " "), " report-body ")]')[0]
    body.insert(0, new)


def _table_of(row: _Element) -> _Element:
    """The table block a row belongs to."""
    return next(a for a in row.iterancestors() if "table-block" in classes(a))


def _table_name(row: _Element) -> str | None:
    return _table_of(row).get("data-table")


def _restore_deleted_masthead_notes(redline: _Redline) -> None:
    """A deleted call to a masthead note that B no longer has needs the note: copy it from A."""
    footer = redline.root.find(".//footer")
    for call in redline.root.xpath('//del/a[@class="note-call"]'):
        target = (call.get("href") or "").removeprefix("#")
        if not target or redline.root.get_element_by_id(target, None) is not None:
            continue
        note = redline.a_root.get_element_by_id(target, None)
        if note is not None and footer is not None:
            note = copy.deepcopy(note)
            note.set("data-revision", "del")  # the writers delete its text with its call
            footer.insert(0, note)


def _renumber_footnotes(root: _Element) -> None:
    """Number footnotes 1, 2, 3 (or a, b, c) in document order, deleted ones included (as Word
    does); further calls of a note follow it."""
    spans = root.xpath('//span[@class="footnote"]')
    lettered = any(not (span.get("data-number") or "1").isdigit() for span in spans)
    new_marks: dict[str, str] = {}
    for number, span in enumerate(spans, start=1):
        mark = letter(number) if lettered else str(number)
        new_marks.setdefault(span.get("id") or "", mark)
        span.set("data-number", mark)
    for call in root.xpath('//a[@class="footnote-ref"]'):
        target = (call.get("href") or "").removeprefix("#")
        if target in new_marks:
            call.set("data-number", new_marks[target])


# ---------------------------------------------------------------- word-level marks

def tokens_of(block: _Element) -> list[Token]:
    """The inline content of a block as tokens, in order."""
    found: list[Token] = []
    _collect(block, (), found)
    return found


def _collect(el: _Element, wrappers: tuple[_Element, ...], found: list[Token]) -> None:
    _text_tokens(el.text, wrappers, found)
    for child in el:
        if not isinstance(child.tag, str):
            pass
        elif kind_of(child) in WRAPPERS:
            _collect(child, wrappers + (child,), found)
        else:
            found.append(Token(_atom_key(child), wrappers=wrappers, atom=child))
        _text_tokens(child.tail, wrappers, found)


def _text_tokens(text: str | None, wrappers: tuple[_Element, ...], found: list[Token]) -> None:
    """Text as word, space and mark tokens (runs of white space count as one space)."""
    signature = tuple(_wrapper_key(w) for w in wrappers)
    for piece in tokens(re.sub(r"\s+", " ", text or "")):
        found.append(Token(("text", piece, signature), text=piece, wrappers=wrappers))


def _wrapper_key(el: _Element) -> tuple:
    return (el.tag, tuple(sorted(el.attrib.items())))


def _atom_key(el: _Element) -> tuple:
    """Atoms compare by their whole markup; a paragraph number always matches (renumbering
    is not a word change, and the writers need the number first)."""
    if "paragraph-number" in classes(el):
        return ("paragraph-number",)
    markup = copy.deepcopy(el)
    markup.tail = None
    markup.attrib.pop("data-number", None)  # footnote numbers follow from order
    return ("atom", lxml.html.tostring(markup, encoding="unicode"))


def _mark_inline(a_el: _Element, b_el: _Element) -> None:
    """Replace B's inline content with the word diff from A's: equal tokens from B,
    deleted ones from A in <del>, inserted ones in <ins>. A list item's nested lists are
    blocks of their own: they are kept out of its words and put back after them."""
    nested = [child for child in b_el if isinstance(child.tag, str) and role_of(child) is Role.LIST]
    for child in nested:
        b_el.remove(child)
    a_inline = copy.deepcopy(a_el)
    for child in [c for c in a_inline if isinstance(c.tag, str) and role_of(c) is Role.LIST]:
        a_inline.remove(child)
    a_tokens, b_tokens = tokens_of(a_inline), tokens_of(b_el)
    pieces: list[tuple[str | None, Token]] = []
    for op, i1, i2, j1, j2 in _merge_space_gaps(diff_opcodes([t.key for t in a_tokens], [t.key for t in b_tokens]),
                                                b_tokens):
        if op == "equal":
            pieces += [(None, t) for t in b_tokens[j1:j2]]
        else:
            pieces += [("del", t) for t in a_tokens[i1:i2]] + [("ins", t) for t in b_tokens[j1:j2]]
    _rebuild(b_el, pieces)
    for child in nested:
        child.tail = None
        b_el.append(child)


def _merge_space_gaps(opcodes: list[tuple[str, int, int, int, int]],
                      b_tokens: list[Token]) -> list[tuple[str, int, int, int, int]]:
    """Join two changes separated only by white space into one, so that a changed phrase
    reads as one deletion and one insertion, not word by word."""
    merged: list[tuple[str, int, int, int, int]] = []
    for op, i1, i2, j1, j2 in opcodes:
        if (op != "equal" and len(merged) >= 2 and merged[-1][0] == "equal" and merged[-2][0] != "equal"
                and all(t.atom is None and t.text.isspace() for t in b_tokens[merged[-1][3]:merged[-1][4]])):
            merged.pop()
            merged[-1] = ("replace", merged[-1][1], i2, merged[-1][3], j2)
        else:
            merged.append((op, i1, i2, j1, j2))
    return merged


def _rebuild(target: _Element, pieces: list[tuple[str | None, Token]]) -> None:
    """Refill *target* (attributes and tail kept) with tokens, reopening their wrappers and
    putting marked tokens innermost, in <ins> or <del>."""
    for child in list(target):
        target.remove(child)
    target.text = None
    open_wrappers: list[tuple[tuple, _Element]] = []
    for mark, token in pieces:
        keys = [_wrapper_key(w) for w in token.wrappers]
        keep = 0
        while keep < min(len(keys), len(open_wrappers)) and open_wrappers[keep][0] == keys[keep]:
            keep += 1
        del open_wrappers[keep:]
        for wrapper, key in zip(token.wrappers[keep:], keys[keep:]):
            parent = open_wrappers[-1][1] if open_wrappers else target
            opened = parent.makeelement(wrapper.tag, dict(wrapper.attrib))
            parent.append(opened)
            open_wrappers.append((key, opened))
        container = open_wrappers[-1][1] if open_wrappers else target
        if mark is not None:
            last = container[-1] if len(container) else None
            if last is None or last.tag != mark or last.tail:
                last = container.makeelement(mark, {})
                container.append(last)
            container = last
        if token.atom is not None:
            atom = copy.deepcopy(token.atom)
            atom.tail = None
            container.append(atom)
        else:
            _append_text(container, token.text)


def _append_text(el: _Element, text: str) -> None:
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


# ---------------------------------------------------------------- the HTML view

def redline_page(redline_html: str, title: str, summary_text: str) -> str:
    """A standalone HTML page of a redline tree: the summary above, the document below,
    insertions and deletions coloured (templates/redline/redline.css)."""
    root = lxml.html.document_fromstring(redline_html)
    head = root.find("head")
    for link in head.findall("link"):
        head.remove(link)
    style = head.makeelement("style", {})
    style.text = REDLINE_CSS.read_text(encoding="utf-8")
    head.append(style)
    head.find("title").text = title
    body = root.find("body")
    summary = lxml.html.fragment_fromstring(
        f'<section class="redline-summary"><h2>{html.escape(title)}</h2><pre>{html.escape(summary_text)}</pre></section>')
    body.insert(0, summary)
    return lxml.html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
