"""Inline markup of paragraph text: Markdown (emphasis, links, footnotes) -> the tree's inline
HTML.

- `*italic*`, `**bold**`, `<http://address>`, `[text](http://address)`;
- `[text](#id)`: a cross-reference to the block with that id (`{{ ref("id") }}` writes one);
- footnotes `[^label]` (text under the edition's `footnotes:`) or `^[inline text]`, numbered
  (or lettered) through the document in the order they are first called; a note called again
  is the same note, called again;
- in a table, `[^a]` calls the table's own lettered note `a` when the table has one.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.footnote import footnote_plugin

from pipeline.compose.numbering import letter
from pipeline.compose.sandbox import (PERSON_CLOSE, PERSON_OPEN, STATE_CLOSE, STATE_LIST_CLOSE, STATE_LIST_OPEN,
                                      STATE_OPEN)
from pipeline.inputs.characters import REFUSED, code_point
from pipeline.inputs.problems import did_you_mean


class InlineError(ValueError):
    """Markup a paragraph cannot hold, said in a drafter's words; `source` is the text to look
    for in the paragraph's source to place the message at its line (when it can be found)."""

    def __init__(self, message: str, source: str | None = None):
        super().__init__(message)
        self.source = source


# Where a link may go: the web, an e-mail address, or a block of the report ('#id'). Anything
# else (file:, javascript:, data:, a path) would leak the build machine's files into the PDF
# or run in a reader's viewer.
LINK_SCHEMES = ("http://", "https://", "mailto:")


@lru_cache(maxsize=1)
def inline_markdown() -> MarkdownIt:
    """Markdown limited to inline markup: emphasis, links, autolinks, footnotes; no raw HTML."""
    md = MarkdownIt("zero").enable(["emphasis", "link", "autolink", "escape", "entity", "image"])
    md.validateLink = lambda url: True  # every link is parsed as one, and _link says which are allowed
    return md.use(footnote_plugin, inline=True, move_to_end=False)


@dataclass
class NoteMarks:
    """The marks of the document's footnotes: 1, 2, 3 (or a, b, c), in the order of first call."""

    style: Literal["numbers", "letters"] = "numbers"
    by_label: dict[str, str] = field(default_factory=dict)
    count: int = 0

    def new(self) -> str:
        self.count += 1
        return str(self.count) if self.style == "numbers" else letter(self.count)

    def call(self, label: str | None) -> tuple[str, bool]:
        """The mark of the note a call names, and whether this is its first call."""
        if label is not None and label in self.by_label:
            return self.by_label[label], False
        mark = self.new()
        if label is not None:
            self.by_label[label] = mark
        return mark, True


@dataclass
class TableNotes:
    """A table's lettered notes (a, b, c in the order the cells first call them)."""

    texts: dict[str, str]
    anchor: str  # the table's anchor; a note's id is '<anchor>-note-<mark>'
    marks: dict[str, str] = field(default_factory=dict)

    def call(self, label: str) -> str:
        if label not in self.marks:
            self.marks[label] = letter(len(self.marks) + 1)
        return self.marks[label]

    def note_id(self, mark: str) -> str:
        return f"{self.anchor}-note-{mark}"


@dataclass
class InlineContext:
    """What inline markup resolves against: the footnotes, the ids a link may point at."""

    footnotes: dict[str, str]
    marks: NoteMarks
    anchors: set[str] = field(default_factory=set)
    table_notes: TableNotes | None = None
    notes_allowed: bool = True  # no footnotes inside footnotes or masthead notes

    def within(self, **changes) -> InlineContext:
        return InlineContext(**{**self.__dict__, **changes})


BLANK_LINE = re.compile(r"\n[ \t]*\n")  # Markdown's paragraph break: a text is one paragraph


def markup(text: str, context: InlineContext) -> Markup:
    """Paragraph text with inline Markdown -> inline HTML, marking any footnotes it calls."""
    _check_character_references(text)
    if not text.strip():
        return Markup("")  # else the first inline the parse finds is a note's definition
    if BLANK_LINE.search(text.strip()):
        raise ValueError("this text has a blank line, which would start a second paragraph and lose it: "
                         "remove the blank line, or make the rest a block of its own ('- paragraph: ...')")
    definitions = dict(context.footnotes)
    if context.table_notes is not None:
        definitions.update(context.table_notes.texts)
    source = text + "".join(f"\n\n[^{label}]: {body}" for label, body in definitions.items())
    env: dict = {}
    tokens = inline_markdown().parse(source, env)
    inline = next((t for t in tokens if t.type == "inline"), None)
    if inline is None:
        return Markup("")
    return Markup(_render(inline.children or [], _NoteBodies(tokens, env), context))


@dataclass
class _NoteBodies:
    """The inline tokens of each note the parse found, by the plugin's note id, and their labels."""

    bodies: dict[int, list[Token]]
    labels: dict[int, str | None]

    def __init__(self, tokens: list[Token], env: dict):
        by_label: dict[str, list[Token]] = {}
        label: str | None = None
        for token in tokens:
            if token.type == "footnote_reference_open":
                label = token.meta["label"]
            elif token.type == "footnote_reference_close":
                label = None
            elif token.type == "inline" and label is not None:
                by_label.setdefault(label, token.children or [])
        self.bodies, self.labels = {}, {}
        for index, item in env.get("footnotes", {}).get("list", {}).items():
            self.labels[index] = item.get("label")
            if "tokens" in item:  # an inline note ^[...]
                self.bodies[index] = item["tokens"]
            elif item.get("label") in by_label:
                self.bodies[index] = by_label[item["label"]]


# The marks of computed lists of States and of persons' names (compose/sandbox.py) -> their
# elements in the tree.
MARK_TAGS = str.maketrans({STATE_LIST_OPEN: '<span class="state-list">', STATE_LIST_CLOSE: "</span>",
                           STATE_OPEN: '<span class="state">', STATE_CLOSE: "</span>",
                           PERSON_OPEN: '<span class="person">', PERSON_CLOSE: "</span>"})
UNMARKED = str.maketrans("", "", STATE_LIST_OPEN + STATE_LIST_CLOSE + STATE_OPEN + STATE_CLOSE + PERSON_OPEN
                         + PERSON_CLOSE)
CALL_SEPARATOR = '<span class="call-separator">,</span>'
SIMPLE_TAGS = {"em_open": "<em>", "em_close": "</em>", "strong_open": "<strong>", "strong_close": "</strong>",
               "link_close": "</a>", "softbreak": " ", "hardbreak": " "}


def _render(tokens: list[Token], notes: _NoteBodies, context: InlineContext) -> str:
    """Markdown inline tokens -> the tree's inline HTML."""
    out: list[str] = []
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "text":
            if token.content.startswith("](") and _follows_a_call(tokens, index):
                raise InlineError("a link's text cannot hold a footnote call ('[text[^a]](...)' prints as it "
                                  "stands): put the call after the link, '[text](...)[^a]'", "](")
            _no_stray_call(token.content)
            out.append(html.escape(_printable(token.content), quote=False).translate(MARK_TAGS))
        elif kind == "image":
            raise InlineError("a picture (![...](...)) cannot go in paragraph text; remove the '!' to make it a "
                              "link, or leave it out", "![")
        elif kind in SIMPLE_TAGS:
            out.append(SIMPLE_TAGS[kind])
        elif kind == "link_open":
            out.append(_link(token.attrGet("href") or "", context))
        elif kind == "footnote_ref":
            if _follows_a_call(tokens, index):  # "1,2", not "12" (vocabulary: call-separator)
                out.append(CALL_SEPARATOR)
            out.append(_note_call(token, notes, context))
        elif kind == "inline":
            out.append(_render(token.children or [], notes, context))
        else:  # a token our vocabulary has no name for is a defect, never a silent drop
            raise InlineError(f"inline markup {kind!r} is not supported in paragraph text")
    return "".join(out)


FORMATTING = ("em_open", "em_close", "strong_open", "strong_close")


def _follows_a_call(tokens: list[Token], index: int) -> bool:
    """Whether a note call stands right before tokens[index], formatting aside ('**x[^a]**[^b]':
    the two calls stand together, and print "1,2")."""
    before = index - 1
    while before >= 0 and (tokens[before].type in FORMATTING
                           or tokens[before].type == "text" and not tokens[before].content):
        before -= 1
    return before >= 0 and tokens[before].type == "footnote_ref"


# What a footnote's or a table note's label may be: the characters a call `[^label]` can name.
# Markdown ends a call at a space, so '[^a b]' would print as it stands and its note be lost.
NOTE_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
NOTE_LABEL_WORDS = "letters, digits, '-' and '_', starting with a letter or digit (no spaces)"


def _no_stray_call(text: str) -> None:
    """'[^' left in the text is a footnote call Markdown could not read (a label with a space,
    an empty '[^]'): it would print as it stands and the note be lost."""
    start = text.find("[^")
    if start < 0:
        return
    end = text.find("]", start)
    shown = text[start: end + 1] if end >= 0 else text[start: start + 20]
    if NOTE_LABEL.fullmatch(shown[2:-1]):
        return  # a call of a note that has no text: validation says so, with the labels there are
    raise InlineError(f"'{shown}' is not a footnote call and would print as it stands: a footnote's label has "
                      f"{NOTE_LABEL_WORDS}", shown)


CHARACTER_REFERENCE = re.compile(r"&#(?:[xX][0-9a-fA-F]+|[0-9]+);")


def _check_character_references(text: str) -> None:
    """A character reference ('&#0;', '&#x202E;') may not stand for a character an input file
    may not hold (a private-use one would forge the marks of a computed list of States)."""
    for reference in CHARACTER_REFERENCE.finditer(text):
        _refuse_characters(html.unescape(reference.group()))


def _printable(text: str) -> str:
    """Text after Markdown's character references were replaced, less the marks the sandbox's
    filters put in: the characters an input file may not hold may not come in this way either."""
    _refuse_characters(text.translate(UNMARKED))
    return text


def _refuse_characters(text: str) -> None:
    bad = REFUSED.search(text)
    if bad:
        shown = "U+FFFD" if bad.group() == "\ufffd" else code_point(bad.group())
        raise InlineError(f"a character reference ('&#...;') in the text stands for {shown}, which no "
                          "document can show (or which hides itself); remove it", "&#")


def _link(href: str, context: InlineContext) -> str:
    """An internal link ('#id') is a cross-reference to a block of the report; others are links
    to the web or to an e-mail address, and nothing else."""
    if not href.startswith("#") and not href.lower().startswith(LINK_SCHEMES):
        raise InlineError(f"the link '{href}' is not allowed: a link goes to an address starting http://, "
                          "https:// or mailto:, or to a block of the report as #id", href)
    if href.startswith("#"):
        anchor = href[1:]
        if anchor not in context.anchors:
            hint = did_you_mean(anchor, sorted(context.anchors))
            advice = "correct the link" if hint else f"give the block 'id: {anchor}' or correct the link"
            raise InlineError(f"the link '#{anchor}' names no block of the report{hint}; {advice}")
        return f'<a class="cross-reference" href="#{html.escape(anchor, quote=True)}">'
    return f'<a href="{html.escape(href, quote=True)}">'


def _note_call(token: Token, notes: _NoteBodies, context: InlineContext) -> str:
    """A call of a table note, or of a footnote: the note itself at its first call, a further
    call of the same note after that."""
    note_id = token.meta["id"]
    label = notes.labels.get(note_id)
    tables = context.table_notes
    if tables is not None and label in tables.texts:
        mark = tables.call(label)
        return f'<a class="table-note-call" href="#{tables.note_id(mark)}">{mark}</a>'
    if not context.notes_allowed:
        shown = f"[^{label}]" if label else "^[...]"
        raise InlineError(f"no footnote can be called here ({shown}): a note, a source line or a picture's "
                          "description calls none; write its text out here")
    if label is None and not "".join(t.content for t in notes.bodies.get(note_id, [])).strip():
        raise InlineError("the inline footnote ^[] has no text and would print an empty footnote: write its text "
                          "inside the brackets, or remove it", "^[")
    mark, first = context.marks.call(label)
    if not first:
        return f'<a class="footnote-ref" href="#footnote-{mark}" data-number="{mark}"></a>'
    body = _render(notes.bodies.get(note_id, []), notes, context.within(notes_allowed=False))
    return f'<span class="footnote" id="footnote-{mark}" data-number="{mark}">{body}</span>'
