"""Numbering: every number a report prints, worked out from the blocks before any text is
rendered, so that a cross-reference can name a paragraph that comes later.

- headings: Part one; I., II.; A., B.; 1., 2.; (a), (b); (i), (ii); a., b. -- a heading resets
  the counters of the levels below it, but chapters run on through the parts;
- paragraphs: 1, 2, 3 ... through the body (not restarting per chapter); each annex numbers
  its own from 1; the summary and unnumbered paragraphs take no number;
- a heading or paragraph with `number:` bears that number (a reproduction whose earlier
  blocks are out of reach) and the count goes on from it; an unnumbered placeholder with
  `stands_for: 2-4` takes those numbers without printing them, and the count goes on at 5;
- subparagraphs: (a) -> (i) -> a. -> i.; bullets: a bullet, then a dash;
- annexes: "Annex" alone, or "Annex I", "Annex II" when there are several;
- drafts (a draft resolution or decision the report recommends): "Draft resolution" alone, or
  "Draft resolution I", "II" when there are several of that kind, counted through the body and
  the annexes; a draft's paragraphs are numbered 1, 2 ... in its own count, and the report's
  count goes on after it as if it were not there ("paragraph 2 of draft resolution I");
- tables: those with a title are "Table 1", "Table 2" ... through the document;
- figures: "Figure I", "Figure II" ... through the document.

Each block is keyed by its path in the edition's data (("body", 3), ("annexes", 0, "body", 2),
("body", 5, "items", 1)), the same path validation uses to point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from pipeline.doctree.vocabulary import CONTENTS_LEVELS
from pipeline.i18n.labels import Labels, lettered, original_labels, roman
from pipeline.model.blocks import (DRAFT_KEYS, HEADING_KEYS, DraftBlock, FigureBlock, HeadingBlock, ListItem,
                                   ParagraphBlock, TableBlock, TableSpec)
from pipeline.model.edition import UNNUMBERED_PARTS, Edition

Path = tuple  # a path into the edition's data: ("body", 3, "items", 0)
HEADING_LEVELS = tuple(key.replace("_", "-") for key in HEADING_KEYS)


def letter(number: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa': the Latin letter of lettered footnotes and, in capitals, of
    sections in every version."""
    return lettered(number)


def heading_number(level: str, number: int, labels: Labels) -> str:
    """What a numbered heading prints before its text: 'I.', 'A.', '1.', '(a)', '(i)', 'a.', in the
    language's forms ('a)' in French; 'أولا -', 'ألف -', '(أ)' in Arabic); a part's is a label of
    its own ('Part one')."""
    if level in ("chapter", "section", "subsection"):
        return labels.numbered(level, number)
    return labels.subparagraph(number, {"third-degree": 0, "fourth-degree": 1, "fifth-degree": 2}[level])


def heading_reference_part(level: str, number: int, labels: Labels) -> str:
    """What a heading adds to a reference: 'II' (chapter II), 'B' (section II.B), '1', ' (a)'
    (references keep the roman numeral and the letter in every version)."""
    if level == "chapter":
        return roman(number)
    if level == "section":
        return letter(number).upper()
    if level == "subsection":
        return str(number)
    return " " + heading_number(level, number, labels)


BULLETS = ("\u2022", "\u2013")  # a bullet, then an en dash for nested bullets


@dataclass(frozen=True)
class Target:
    """Something a cross-reference can point at: its label in running text and its anchor."""

    label: str  # "paragraph 3", "chapter II", "annex I", "table 2"
    anchor: str  # the id of its element in the tree


@dataclass
class Numbers:
    """The numbers of one edition's blocks, by data path."""

    headings: dict[Path, str] = field(default_factory=dict)  # path -> "I.", "(a)"
    heading_depth: dict[Path, int] = field(default_factory=dict)  # path -> 0 for the outermost level used
    paragraphs: dict[Path, int] = field(default_factory=dict)
    items: dict[Path, str] = field(default_factory=dict)  # list item path -> "(a)", "\u2022"
    tables: dict[Path, int] = field(default_factory=dict)  # titled tables only
    figures: dict[Path, str] = field(default_factory=dict)  # path -> "I", "II"
    annexes: dict[int, str] = field(default_factory=dict)  # annex index -> "I" ("" when it is the only one)
    drafts: dict[Path, str] = field(default_factory=dict)  # a draft's path -> "I" ("" when the only one of its kind)
    anchors: dict[Path, str] = field(default_factory=dict)  # path -> id of its element in the tree
    targets: dict[str, Target] = field(default_factory=dict)  # the drafter's block ids
    outline: list[OutlineEntry] = field(default_factory=list)
    # path -> (the number given with `number:`, the one the count would have given): validation
    # refuses a given number that does not go forward
    given: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # path -> (first, last) paragraphs an unnumbered placeholder stands for (`stands_for: 2-4`)
    stood_for: dict[Path, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class OutlineEntry:
    """A heading or an annex as a contents list shows it."""

    path: Path
    level: str  # a heading level, or "annex"
    number: str
    text: str  # its text as in the data (rendered later)
    anchor: str
    first_paragraph: int | None = None
    last_paragraph: int | None = None

    @property
    def in_contents(self) -> bool:
        """Whether a contents list shows it: a part, chapter or section, or an annex."""
        return self.level in CONTENTS_LEVELS or self.level == "annex"

    @property
    def text_key(self) -> str:
        """The data key that holds its text: 'title' for an annex, else the heading's ('third_degree')."""
        return "title" if self.level == "annex" else self.level.replace("-", "_")


def annex_label_number(index: int, count: int) -> str:
    """'I', 'II' when there are several annexes; '' for the only one."""
    return roman(index + 1) if count > 1 else ""


def number_edition(edition: Edition, tables: dict[str, TableSpec], labels: Labels | None = None) -> Numbers:
    """Number every block of an edition (the body, each annex, and the list items of the note's
    transmittal and the summary), its labels in a language (the original's by default)."""
    numbering = _Numbering(Numbers(), tables, labels or original_labels(), _depths(edition))
    numbering.drafts(edition)
    # the body and the annexes first, the unnumbered parts after them (the order anchors are taken
    # in); a draft's lists are numbered where the draft stands, within the list that holds it
    for at, blocks in sorted(edition.block_lists(), key=lambda entry: entry[0][0] in UNNUMBERED_PARTS):
        if at[0] in UNNUMBERED_PARTS:
            numbering.unnumbered(blocks, at)
        elif not in_draft(at):
            numbering.blocks(blocks, at, numbering.annex(edition, at[1]) if at[0] == "annexes" else None)
    _paragraph_ranges(numbering.numbers)
    return numbering.numbers


def in_draft(at: Path) -> bool:
    """Whether a list of blocks (by its path) is a draft's preamble or body."""
    return len(at) >= 2 and at[-2] in DRAFT_KEYS


def _depths(edition: Edition) -> dict[str, int]:
    """Heading level -> its depth among the levels the edition uses (0: the outermost)."""
    blocks = [b for at, lists in edition.block_lists() if at[0] not in UNNUMBERED_PARTS for b in lists]
    used = {b.level for b in blocks if isinstance(b, HeadingBlock)}
    return {level: depth for depth, level in enumerate(lvl for lvl in HEADING_LEVELS if lvl in used)}


class _Numbering:
    """Numbers an edition's lists of blocks, one after the other, into `numbers`. Tables and
    figures are counted through the document; headings and paragraphs within one list (the
    body, or one annex's)."""

    def __init__(self, numbers: Numbers, tables: dict[str, TableSpec], labels: Labels,
                 depth_of: dict[str, int]) -> None:
        self.numbers = numbers
        self.tables = tables
        self.labels = labels
        self.depth_of = depth_of
        self.table_count = 0
        # the list being numbered: its annex's (label, number), the heading counters, each
        # level's part of a reference ("II", "B", "1"), the last paragraph number
        self.in_annex: tuple[str, str] | None = None
        self.in_draft: str | None = None  # in a draft: its reference ("draft resolution I")
        self.draft_references: dict[Path, str] = {}  # each draft's reference, by its path (drafts())
        self.counters: dict[str, int] = {}
        self.reference: dict[str, str] = {}
        self.last_paragraph = 0

    def annex(self, edition: Edition, index: int) -> tuple[str, str]:
        """Number an annex ('I', or '' for the only one); its label and number, for its blocks."""
        annex = edition.annexes[index]
        number = annex_label_number(index, len(edition.annexes))
        self.numbers.annexes[index] = number
        anchor = annex.id or f"annex_{index + 1}"
        self.numbers.anchors[("annexes", index)] = anchor
        label = self.labels.reference("annex", number) if number else self.labels.lone_annex()  # no number if lone
        if annex.id:
            self.numbers.targets[annex.id] = Target(label, anchor)
        self.numbers.outline.append(OutlineEntry(("annexes", index), "annex", number, annex.title, anchor))
        return label, number

    def drafts(self, edition: Edition) -> None:
        """Number the drafts ('I', or '' for the only one of its kind), through the body and the
        annexes, and keep each one's reference by its path ("draft resolution I", "the draft
        decision") in `draft_references`."""
        found = edition.drafts()
        references = self.draft_references
        for kind in DRAFT_KEYS.values():
            of_kind = [(path, block) for path, block in found if block.kind == kind]
            for position, (path, block) in enumerate(of_kind):
                number = roman(position + 1) if len(of_kind) > 1 else ""
                self.numbers.drafts[path] = number
                anchor = block.id or f"draft_{kind}_{position + 1}"
                self.numbers.anchors[path] = anchor
                references[path] = self.labels.draft(kind, number)
                if block.id:
                    self.numbers.targets[block.id] = Target(references[path], anchor)

    def blocks(self, blocks: list, at: Path, in_annex: tuple[str, str] | None = None, in_draft: str | None = None) -> None:
        """Number a body's, an annex's or a draft's blocks, its counts starting afresh."""
        self.in_annex, self.in_draft = in_annex, in_draft
        self.counters = {level: 0 for level in HEADING_LEVELS}
        self.reference = {}
        self.last_paragraph = 0
        for index, block in enumerate(blocks):
            path = at + (index,)
            if isinstance(block, HeadingBlock):
                self.heading(block, path)
            elif isinstance(block, ParagraphBlock):
                self.paragraph(block, path)
            elif isinstance(block, TableBlock):
                self.table(block, path)
            elif isinstance(block, FigureBlock):
                self.figure(block, path)
            elif isinstance(block, DraftBlock):
                self.draft(block, path)

    def draft(self, block: DraftBlock, path: Path) -> None:
        """Number a draft's preamble and body where it stands (its tables and figures counted in
        document order), then go on with the list that holds it, its counts as they were."""
        around = (self.in_annex, self.in_draft, self.counters, self.reference, self.last_paragraph)
        reference = self.draft_references[path]
        self.unnumbered(block.spec.preamble, path + (block.key, "preamble"), reference)
        self.blocks(block.spec.body, path + (block.key, "body"), in_draft=reference)
        self.in_annex, self.in_draft, self.counters, self.reference, self.last_paragraph = around

    def unnumbered(self, blocks: list, at: Path, in_draft: str | None = None) -> None:
        """The paragraphs of an unnumbered part (or a draft's preamble) take no number, but their
        subparagraphs are labelled."""
        self.in_annex, self.in_draft = None, in_draft
        for index, block in enumerate(blocks):
            if block.id:  # known, so that ref() says it has no number to cite (not that no block has the id)
                self.numbers.targets.setdefault(block.id, Target("", block.id))
            _number_items(self.numbers, block, at + (index,), None, self.of_annex, self.labels)

    def of_annex(self, reference: str) -> str:
        """'paragraph 2', or 'paragraph 2 of annex I' in an annex ('paragraph 2 of draft resolution I'
        in a draft)."""
        if self.in_draft is not None and reference:
            return self.labels.in_draft(reference, self.in_draft)
        return self.labels.in_annex(reference, *self.in_annex) if self.in_annex is not None and reference else reference

    def heading(self, block: HeadingBlock, path: Path) -> None:
        numbers, labels, level = self.numbers, self.labels, block.level
        numbers.heading_depth[path] = self.depth_of[level]
        anchor = block.id or "_".join(str(p) for p in ("h",) + path)
        numbers.anchors[path] = anchor
        if not block.numbered:
            numbers.outline.append(OutlineEntry(path, level, "", block.text, anchor))
            return
        counters, reference = self.counters, self.reference
        counters[level] = _count(numbers, path, block.number, counters[level])
        # chapters run on through the parts, as paragraphs do; a chapter restarts its sections
        below = HEADING_LEVELS[HEADING_LEVELS.index(level) + 1:] if level != "part" else ()
        for lower in below:
            counters[lower] = 0
            reference.pop(lower, None)
        if level == "part":
            numbers.headings[path] = labels.part(counters[level])
            reference[level] = labels.part_reference(counters[level])
        else:
            numbers.headings[path] = heading_number(level, counters[level], labels)
            reference[level] = heading_reference_part(level, counters[level], labels)
        numbers.outline.append(OutlineEntry(path, level, numbers.headings[path], block.text, anchor))
        if block.id:
            numbers.targets[block.id] = Target(self.of_annex(_heading_reference(level, reference, labels)), anchor)

    def paragraph(self, block: ParagraphBlock, path: Path) -> None:
        numbers = self.numbers
        if block.numbered:
            self.last_paragraph = _count(numbers, path, block.number, self.last_paragraph)
            numbers.paragraphs[path] = self.last_paragraph
        elif block.stands_for is not None:
            first, last = block.stands_for
            if first != self.last_paragraph + 1:
                numbers.given[path] = (first, self.last_paragraph + 1)  # validation checks it goes forward
            numbers.stood_for[path] = (first, last)
            self.last_paragraph = last
        label = self.labels.reference("paragraph", self.last_paragraph) if block.numbered else None
        if block.id:
            numbers.anchors[path] = block.id
            numbers.targets[block.id] = Target(self.of_annex(label) if label else "", block.id)
        _number_items(numbers, block, path, label, self.of_annex, self.labels)

    def table(self, block: TableBlock, path: Path) -> None:
        numbers, spec = self.numbers, block.spec(self.tables)
        anchor = (spec.id if spec and spec.id else None) or block.name or "_".join(str(p) for p in ("t",) + path)
        if anchor in numbers.anchors.values():  # a series' table shown twice: each its own anchor
            anchor = "_".join(str(p) for p in (anchor,) + path)
        numbers.anchors[path] = anchor
        if spec is not None and spec.title:
            self.table_count += 1
            numbers.tables[path] = self.table_count
            if spec.id:
                numbers.targets[spec.id] = Target(self.labels.reference("table", self.table_count), anchor)
        elif spec is not None and spec.id:
            numbers.targets[spec.id] = Target("", anchor)

    def figure(self, block: FigureBlock, path: Path) -> None:
        numbers = self.numbers
        number = roman(len(numbers.figures) + 1)
        numbers.figures[path] = number
        anchor = block.figure.id or "_".join(str(p) for p in ("f",) + path)
        numbers.anchors[path] = anchor
        if block.figure.id:
            numbers.targets[block.figure.id] = Target(self.labels.reference("figure", number), anchor)


def _count(numbers: Numbers, path: Path, given: int | None, last: int) -> int:
    """The next number of a count: the one the block gives (noted for validation), or the next."""
    if given is None:
        return last + 1
    numbers.given[path] = (given, last + 1)
    return given


def _number_items(numbers: Numbers, holder: ParagraphBlock | ListItem, path: Path, reference: str | None,
                  of_annex: Callable[[str], str], labels: Labels, depth: int = 0) -> None:
    """Label the subparagraphs and bullets under a paragraph or an item, at any depth."""
    for key in ("items", "bullets"):
        items: list[ListItem] = getattr(holder, key) or []
        for index, item in enumerate(items, start=1):
            item_path = path + (key, index - 1)
            if key == "items":
                label = labels.subparagraph(index, depth)
            else:
                label = BULLETS[min(depth, len(BULLETS) - 1)]
            numbers.items[item_path] = label
            item_reference = f"{reference} {label}" if reference and key == "items" else None
            if item.id:
                numbers.anchors[item_path] = item.id
                numbers.targets[item.id] = Target(of_annex(item_reference) if item_reference else "", item.id)
            _number_items(numbers, item, item_path, item_reference, of_annex, labels, depth + 1)


def _heading_reference(level: str, reference: dict[str, str], labels: Labels) -> str:
    """'part two', 'chapter II', 'section II.B', 'section II.B.1 (a)'."""
    if level == "part":
        return reference["part"]
    if level == "chapter":
        return labels.reference("chapter", reference["chapter"])
    joined = ""
    for name in HEADING_LEVELS[1:HEADING_LEVELS.index(level) + 1]:
        part = reference.get(name)
        if part is None:
            continue
        joined += part if not joined or part.startswith(" ") else f".{part}"
    return labels.reference("section", joined)


def _paragraph_ranges(numbers: Numbers) -> None:
    """The first and last numbered paragraph under each heading: up to the next heading of the
    same or a higher level in the same body."""
    outline = numbers.outline
    for position, entry in enumerate(outline):
        if entry.level == "annex":
            continue
        container, start = entry.path[:-1], entry.path[-1]
        rank = HEADING_LEVELS.index(entry.level)
        end = next((e.path[-1] for e in outline[position + 1:] if e.path[:-1] == container
                    and e.level != "annex" and HEADING_LEVELS.index(e.level) <= rank), None)
        counted = [(p, (n, n)) for p, n in numbers.paragraphs.items()] + list(numbers.stood_for.items())
        inside = sorted(n for p, span in counted for n in span
                        if p[:-1] == container and p[-1] > start and (end is None or p[-1] < end))
        if inside:
            outline[position] = OutlineEntry(entry.path, entry.level, entry.number, entry.text, entry.anchor,
                                             inside[0], inside[-1])
