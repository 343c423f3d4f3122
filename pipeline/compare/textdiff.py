"""The text diff: two canonical texts -> what changed, block by block.

A canonical text (writers/text.py) has one labelled line per block. Those lines become
Blocks; the blocks of two documents are aligned (masthead fields by their name, a name the
masthead repeats first with first; paragraphs, tables, table rows and footnotes in order, so
that an inserted paragraph does not make every later one "changed"); changed blocks get a
word-level diff. The result reads as a summary ("paragraph 5 changed: added ...") and as a
unified diff whose hunks are named blocks.
"""

from __future__ import annotations

import difflib
import re
import textwrap
from collections import Counter
from dataclasses import dataclass, replace
from typing import Hashable, Sequence

from lxml.etree import _Element

from pipeline.doctree.vocabulary import VOCABULARY, labels_printed_once
from pipeline.model.blocks import DRAFT_KEYS
from pipeline.writers.text import CanonicalLine

# The number a heading's text starts with ("I.", "A.", "1.", "(a)", "Part one", "Annex II").
NUMBER = re.compile(r"^(Part \w+|Annex(?: [IVXLC]+)?|[IVXLC]+\.|[A-Z]\.|\d+\.|\([a-z]+\)|[a-z]+\.)(?:\s|$)")
# A word (with inner hyphens, apostrophes, slashes or dots: "Timor-Leste", "45/158"), a run
# of white space, or one punctuation mark.
TOKEN = re.compile(r"\w+(?:[-'’./:]\w+)*|\s+|[^\w\s]")
PAIRING_SIMILARITY = 0.5  # blocks in a changed stretch pair up when at least this alike
# Sequences longer than this (words of a paragraph, blocks of a report) are compared with difflib's
# popular-element heuristic: exact matching grows with the square of their length (a diff of
# long, wholly rewritten paragraphs ran for minutes), the heuristic stays near-linear; shorter
# ones, every real paragraph, are compared exactly.
LONG_SEQUENCE = 4_000
# Pairing bounds: a block of a changed stretch is paired with one at most PAIRING_WINDOW blocks
# further on (a paragraph moved further shows as removed and added), judged by its first
# PAIRING_WORDS words, and matched word by word with at most PAIRING_TRIES of those whose words
# overlap enough (the rest are told apart by counting words alone): a diff stays near-linear in the
# number of changed blocks, however long and however many.
PAIRING_WINDOW = 30
PAIRING_WORDS = 300
PAIRING_TRIES = 3
SHORT_BLOCK = 100  # characters: a changed block this short is shown whole, old -> new


@dataclass(frozen=True)
class Block:
    """One block of a document: a masthead field, a paragraph, a table, a row or a footnote."""

    kind: str  # "field" | "heading" | "paragraph" | "item" | "table" (a table or figure) | "row" | "footnote" | "text"
    name: str  # what a reader calls it: "symbol", "paragraph 5", "table committee-members row"
    text: str  # the content compared (paragraph and footnote numbers left out)
    line: str  # the canonical line as written
    element: _Element | None = None

    @property
    def identity(self) -> tuple[str, str, str]:
        """What makes two blocks "the same block, unchanged" when aligning sequences."""
        numbered = self.kind in ("paragraph", "footnote", "item", "heading")
        text = NUMBER.sub("", self.text, count=1) if self.kind == "heading" else self.text
        return (self.kind, "" if numbered else self.name, text)


@dataclass(frozen=True)
class Change:
    """One aligned pair: kind is "equal", "renumbered", "changed", "added" or "removed"."""

    kind: str
    a: Block | None
    b: Block | None

    @property
    def block(self) -> Block:
        return self.b if self.b is not None else self.a  # type: ignore[return-value]

    @property
    def name(self) -> str:
        return self.block.name


@dataclass(frozen=True)
class Edit:
    """One word-level change inside a block: removed text replaced by added text."""

    removed: str
    added: str


@dataclass(frozen=True)
class DocumentDiff:
    """The aligned blocks of two documents, with the names the reader knows them by."""

    a_name: str
    b_name: str
    changes: list[Change]

    @property
    def differs(self) -> bool:
        return any(c.kind != "equal" for c in self.changes)


# ---------------------------------------------------------------- blocks

# the headings a report prints once, named by their place rather than their words (which a
# language version translates: "Contents", "Table des matières")
ONCE_HEADINGS = labels_printed_once()


def _form(form: str) -> str:
    """A line form of the vocabulary ('draft {kind}') as a pattern, {kind} standing for a draft's
    kind ('resolution', 'decision')."""
    return re.escape(form).replace(re.escape("{kind}"), "(?:" + "|".join(DRAFT_KEYS.values()) + ")")


# A draft's label line opens its own paragraph count, its closing line ends it (vocabulary: draft-text).
DRAFT_LABEL = re.compile(_form(re.fullmatch(r"\[([^\]]+)\] \{text\}", str(VOCABULARY["draft-label"].canonical))[1]))
DRAFT_CLOSING = re.compile(_form(str(VOCABULARY["draft-text"].closing)))


def parse_blocks(lines: Sequence[CanonicalLine | str]) -> list[Block]:
    """The blocks of a canonical text (lines as strings, or with their tree elements), in the
    line forms pipeline/doctree/vocabulary.py declares."""
    blocks: list[Block] = []
    opener = ""  # the table, contents or annex the indented lines below belong to
    scope = ""  # " of annex I" inside an annex: its paragraphs have their own numbers
    outer_scope = ""  # the scope around a draft ("" or " of annex I"), taken up again at its end
    paragraph = ""  # the paragraph list items belong to
    labels: list[str] = []  # the labels of the list items above, by depth: "(b)", "(i)"
    for index, item in enumerate(lines, start=1):
        line, element = (item, None) if isinstance(item, str) else (item.text, item.element)
        if not line.strip():
            continue
        if match := re.fullmatch(r"¶(\S*) (.*)", line):
            paragraph = f"paragraph {match[1]}{scope}" if match[1] else f"unnumbered paragraph{scope}"
            blocks.append(Block("paragraph", paragraph, match[2], line, element))
        elif match := re.fullmatch(r"\[(table|figure) ?(.*)\]", line):  # its caption, rows, picture and source follow
            opener = f"{match[1]} {match[2]}".strip()
            blocks.append(Block("table", opener, match[2], line, element))
        elif DRAFT_CLOSING.fullmatch(line):
            scope = outer_scope  # the report's count goes on after a draft
            continue
        elif match := re.fullmatch(r"\[([^\]]+)\] ?(.*)", line):
            label, text = match[1], match[2]
            if DRAFT_LABEL.fullmatch(label):  # a draft's paragraphs have their own count
                outer_scope = scope
                scope = " of " + text[:1].lower() + text[1:] + scope
                paragraph = ""
            elif label == "annex":
                scope = " of " + text[:1].lower() + text[1:]
                opener = text
            elif label in ("summary", "contents"):
                opener = label
            number = NUMBER.match(text)
            name = label if label in ONCE_HEADINGS else f"{label} {number[1]}" if number else f"{label} \"{_short(text)}\""
            blocks.append(Block("heading", name + (scope if label not in ("annex", "annex title") and not DRAFT_LABEL.fullmatch(label) else ""),
                                text, line, element))
        elif match := re.fullmatch(r"  (head|row): (.*)", line):
            name = f"{opener} {'head row' if match[1] == 'head' else 'row'}"
            blocks.append(Block("row", name, match[2], line, element))
        elif match := re.fullmatch(r"  ([\w ]+): (.*)", line):
            blocks.append(Block("row", f"{opener} {match[1]}", match[2], line, element))
        elif match := re.fullmatch(r"((?:  )+)(\S+) (.*)", line):
            labels = labels[:len(match[1]) // 2 - 1] + [match[2]]
            blocks.append(Block("item", f"{paragraph} {' '.join(labels)}", match[3], line, element))
        elif match := re.fullmatch(r"footnote (\S+) ?(.*)", line):
            blocks.append(Block("footnote", f"footnote {match[1]}", match[2], line, element))
        elif match := re.fullmatch(r"([^:]+): ?(.*)", line):
            blocks.append(Block("field", match[1], match[2], line, element))
        else:
            blocks.append(Block("text", f"line {index}", line, line, element))
    return blocks


def _short(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[:length - 3].rstrip() + "..."


# ---------------------------------------------------------------- alignment

def align(a: list[Block], b: list[Block]) -> list[Change]:
    """Pair the blocks of two documents: fields by name, everything else in sequence."""
    fields_a = [x for x in a if x.kind == "field"]
    fields_b = [x for x in b if x.kind == "field"]
    body_a = [x for x in a if x.kind != "field"]
    body_b = [x for x in b if x.kind != "field"]
    return _align_fields(fields_a, fields_b) + _align_sequence(body_a, body_b)


def _align_fields(a: list[Block], b: list[Block]) -> list[Change]:
    """Pair masthead fields by name; a label a masthead repeats (an "agenda title" for each
    agenda item) pairs in order, the first with the first, and is named by its place
    ("agenda title 1", "agenda title 2") so that a change to any of them is seen."""
    repeated = {name for side in (a, b) for name, n in Counter(x.name for x in side).items() if n > 1}
    a, b = _numbered_fields(a, repeated), _numbered_fields(b, repeated)
    a_by_name = {x.name: x for x in a}
    b_by_name = {x.name: x for x in b}
    names: dict[str, None] = {}  # ordered set: B's order, with A-only names where A had them
    for _, i1, i2, j1, j2 in diff_opcodes([x.name for x in a], [x.name for x in b]):
        names.update((x.name, None) for x in a[i1:i2] + b[j1:j2])
    return [_pair_change(a_by_name.get(name), b_by_name.get(name)) for name in names]


def _numbered_fields(fields: list[Block], repeated: set[str]) -> list[Block]:
    """The fields, each one whose label repeats (in either document) named by its place."""
    seen: Counter[str] = Counter()
    out = []
    for field in fields:
        if field.name in repeated:
            seen[field.name] += 1
            field = replace(field, name=f"{field.name} {seen[field.name]}")
        out.append(field)
    return out


def _pair_change(a: Block | None, b: Block | None) -> Change:
    if a is None:
        return Change("added", None, b)
    if b is None:
        return Change("removed", a, None)
    if a.text != b.text:
        return Change("changed", a, b)
    return Change("equal" if a.line == b.line else "renumbered", a, b)


def _align_sequence(a: list[Block], b: list[Block]) -> list[Change]:
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in diff_opcodes([x.identity for x in a], [x.identity for x in b]):
        if op == "equal":
            changes += [_pair_change(x, y) for x, y in zip(a[i1:i2], b[j1:j2])]
        else:
            changes += _pair_alike(a[i1:i2], b[j1:j2])
    return changes


def _pair_alike(a: list[Block], b: list[Block]) -> list[Change]:
    """Within a changed stretch, pair blocks of one kind that are alike; the rest were
    removed or added."""
    changes: list[Change] = []
    next_b = 0
    for old in a:
        match = _alike_ahead(old, b, next_b)
        if match is None:
            changes.append(Change("removed", old, None))
            continue
        changes += [Change("added", None, new) for new in b[next_b:match]]
        changes.append(_pair_change(old, b[match]))
        next_b = match + 1
    changes += [Change("added", None, new) for new in b[next_b:]]
    return changes


def _alike_ahead(old: Block, b: list[Block], start: int) -> int | None:
    """The first block of `b` from `start` (within PAIRING_WINDOW) of old's kind that is alike."""
    ours = words(old.text)[:PAIRING_WORDS]
    tries = 0
    for k in range(start, min(len(b), start + PAIRING_WINDOW)):
        if b[k].kind != old.kind:
            continue
        matcher = _matcher(ours, words(b[k].text)[:PAIRING_WORDS])
        if matcher.real_quick_ratio() < PAIRING_SIMILARITY or matcher.quick_ratio() < PAIRING_SIMILARITY:
            continue
        if matcher.ratio() >= PAIRING_SIMILARITY:
            return k
        tries += 1
        if tries == PAIRING_TRIES:
            return None
    return None


# ---------------------------------------------------------------- words

def diff_opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes."""
    return _matcher(a, b).get_opcodes()


def _matcher(a: Sequence[Hashable], b: Sequence[Hashable]) -> difflib.SequenceMatcher:
    """A matcher without difflib's "popular element" heuristic (spaces and commas are frequent in
    prose, and junking them makes odd matches), except for sequences past LONG_SEQUENCE."""
    return difflib.SequenceMatcher(None, a, b, autojunk=max(len(a), len(b)) > LONG_SEQUENCE)


def tokens(text: str) -> list[str]:
    """Words, white space and punctuation marks, in order."""
    return TOKEN.findall(text)


def words(text: str) -> list[str]:
    return [t for t in tokens(text) if not t.isspace()]


def similarity(a: str, b: str) -> float:
    """How alike two texts are, word by word (0 to 1)."""
    return _matcher(words(a), words(b)).ratio()


def word_edits(a: str, b: str) -> list[Edit]:
    """The word-level edits from a to b. Replacements separated by one word merge, so that
    "20 August 2004" -> "1 August 2005" reads as one edit."""
    ta, tb = tokens(a), tokens(b)
    spans: list[list[int]] = []  # [i1, i2, j1, j2] of each edit
    for op, i1, i2, j1, j2 in diff_opcodes(ta, tb):
        if op == "equal":
            continue
        if spans and _mergeable(spans[-1], (i1, i2, j1, j2), ta):
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    return [Edit("".join(ta[i1:i2]), "".join(tb[j1:j2])) for i1, i2, j1, j2 in spans]


def _mergeable(previous: list[int], current: tuple[int, int, int, int], ta: list[str]) -> bool:
    """Two replacements with at most one word between them."""
    gap = ta[previous[1]:current[0]]
    both_replace = all(s[1] > s[0] and s[3] > s[2] for s in (previous, current))
    return both_replace and sum(1 for t in gap if t[0].isalnum()) <= 1


# ---------------------------------------------------------------- documents

def diff_documents(a_lines: Sequence[CanonicalLine | str], b_lines: Sequence[CanonicalLine | str],
                   a_name: str, b_name: str) -> DocumentDiff:
    """Align two canonical texts (given as lines) block by block."""
    return DocumentDiff(a_name, b_name, align(parse_blocks(a_lines), parse_blocks(b_lines)))


def diff_texts(a: str, b: str, a_name: str = "a", b_name: str = "b") -> DocumentDiff:
    """Align two canonical texts."""
    return diff_documents(a.splitlines(), b.splitlines(), a_name, b_name)


def summary(diff: DocumentDiff) -> str:
    """What changed, block by block, for a reader at a terminal."""
    changed = [c for c in diff.changes if c.kind != "equal"]
    if not changed:
        return f"{diff.a_name} -> {diff.b_name}: no differences\n"
    edited = [c for c in changed if c.kind != "renumbered"]
    renumbered = len(changed) - len(edited)
    headline = _count(edited) if edited else "no text differs"
    if renumbered:
        headline += f"; {renumbered} renumbered, text unchanged"
    out = [f"{diff.a_name} -> {diff.b_name}: {headline}"]
    for item in _with_renumberings_grouped(changed):
        out += [f"  {_renumbering(item)}"] if isinstance(item, list) else _describe(item)
    unchanged = _unchanged(diff.changes)
    if unchanged:
        out += textwrap.wrap("unchanged: " + unchanged, 100, initial_indent="  ", subsequent_indent="    ")
    return "\n".join(out) + "\n"


def unified(diff: DocumentDiff) -> str:
    """A unified diff of the canonical texts whose hunks are the changed blocks."""
    if not diff.differs:
        return ""
    out = [f"--- {diff.a_name}", f"+++ {diff.b_name}"]
    for change in _with_renumberings_grouped([c for c in diff.changes if c.kind != "equal"]):
        if isinstance(change, list):
            out.append(f"@@ {_renumbering(change)} @@")
            continue
        out.append(f"@@ {_heading(change)} @@")
        if change.a is not None:
            out.append("-" + change.a.line)
        if change.b is not None:
            out.append("+" + change.b.line)
    return "\n".join(out) + "\n"


def report(diff: DocumentDiff) -> str:
    """Summary, then the unified diff."""
    body = unified(diff)
    return summary(diff) + ("\n" + body if body else "")


def _with_renumberings_grouped(changes: list[Change]) -> list[Change | list[Change]]:
    """The changes, with each run of blocks renumbered in step (6, 7, 8 -> 7, 8, 9) as one list."""
    out: list[Change | list[Change]] = []
    for change in changes:
        previous = out[-1] if out and isinstance(out[-1], list) else None
        if change.kind == "renumbered" and previous and _follows(previous[-1], change):
            previous.append(change)
        else:
            out.append([change] if change.kind == "renumbered" else change)
    return out


def _follows(before: Change, after: Change) -> bool:
    """Two renumbered blocks of one kind whose old and new numbers both go up by one."""
    numbers = [_number(x) for x in (before.a, after.a, before.b, after.b)]
    return (before.block.kind == after.block.kind and None not in numbers
            and numbers[1] == numbers[0] + 1 and numbers[3] == numbers[2] + 1)  # type: ignore[operator]


def _number(block: Block | None) -> int | None:
    last = block.name.rsplit(" ", 1)[-1] if block else ""
    return int(last) if last.isdigit() else None


def _renumbering(run: list[Change]) -> str:
    """"paragraph 6 is now paragraph 7" or "paragraphs 6-12 are now 7-13", text unchanged."""
    first, last = run[0], run[-1]
    if len(run) == 1:
        return f"{first.a.name} is now {first.b.name} (text unchanged)"  # type: ignore[union-attr]
    kind = first.block.kind
    return (f"{kind}s {_number(first.a)}-{_number(last.a)} are now "
            f"{_number(first.b)}-{_number(last.b)} (text unchanged)")


def _heading(change: Change) -> str:
    if change.kind == "changed" and change.a.name != change.b.name:  # type: ignore[union-attr]
        return f"{change.a.name} (now {change.b.name}) changed"  # type: ignore[union-attr]
    return f"{change.name} {change.kind}"


def _label(block: Block) -> str:
    """What a summary counts a block as: 'paragraph', 'table row', 'contents entry', ..."""
    if block.kind == "row" and block.name.startswith("contents "):
        return "contents entry"  # the contents list's lines are rows of no table
    kinds = {"field": "masthead field", "heading": "heading", "paragraph": "paragraph", "item": "list item",
             "row": "table row", "table": "table", "footnote": "footnote", "text": "line"}
    return kinds.get(block.kind, block.kind)


def _count(changed: list[Change]) -> str:
    counts: dict[str, int] = {}
    for change in changed:
        label = _label(change.block)
        counts[label] = counts.get(label, 0) + 1
    verb = " differs" if len(changed) == 1 else " differ"
    return ", ".join(f"{n} {_plural(label, n)}" for label, n in counts.items()) + verb


def _plural(label: str, n: int) -> str:
    """'1 table row', '2 table rows', '2 contents entries'."""
    if n == 1:
        return label
    return label[:-1] + "ies" if label.endswith("y") else label + "s"


def _describe(change: Change) -> list[str]:
    """Lines saying what happened to one block."""
    heading = _heading(change)
    if change.kind in ("added", "removed"):
        return textwrap.wrap(f"{heading}: {_quote(change.block.text)}", 100,
                             initial_indent="  ", subsequent_indent="    ")
    a, b = change.a.text, change.b.text  # type: ignore[union-attr]
    if len(a) <= SHORT_BLOCK and len(b) <= SHORT_BLOCK:
        return [f"  {heading}: {_quote(a)} -> {_quote(b)}"]
    edits = word_edits(a, b)
    swapped = [e for e in edits if e.removed and e.added and not (_names(e.removed) and _names(e.added))]
    groups = {
        "replaced": [f"{_quote(e.removed)} -> {_quote(e.added)}" for e in swapped],
        "added": [_quote(e.added) for e in edits if e.added and e not in swapped],
        "removed": [_quote(e.removed) for e in edits if e.removed and e not in swapped],
    }
    lines = [f"  {heading}:"]
    for label, items in groups.items():
        if items:
            lines += textwrap.wrap(f"{label}: " + "; ".join(items), 100,
                                   initial_indent="    ", subsequent_indent="      ")
    return lines


def _names(text: str) -> bool:
    """Whether an edited phrase is names (of States, say): a list lost one and gained another,
    which reads better as removed and added than as 'replaced "Chile" -> "Cambodia"'."""
    shown = text.strip().strip(",;").strip()
    return bool(shown) and shown[0].isupper() and not any(ch.isdigit() for ch in shown)


def _quote(text: str) -> str:
    """A phrase as shown in the summary: stripped of edge spaces and list commas, quoted."""
    shown = text.strip().strip(",;").strip() or text
    return f'"{shown}"'


def _unchanged(changes: list[Change]) -> str:
    """"paragraphs 1-4, 6-12; 10 table rows; ..." for the blocks that did not change."""
    equal = [c.b for c in changes if c.kind == "equal" and c.b is not None]
    numbers = [int(b.name.split()[1]) for b in equal
               if b.kind == "paragraph" and b.name.split()[1].isdigit() and " of " not in b.name]
    parts = []
    if numbers:
        parts.append(("paragraphs " if len(numbers) > 1 else "paragraph ") + _ranges(numbers))
    for label in ("masthead field", "heading", "list item", "table row", "contents entry", "footnote"):
        n = sum(1 for b in equal if _label(b) == label)
        if n:
            parts.append(f"{n} {_plural(label, n)}")
    return "; ".join(parts)


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 4, 6, 7] -> "1-4, 6-7"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
