"""`unreport diff` between two language versions of one edition (cmw-status.txt and
cmw-status.fr.txt): their words differ everywhere, so what is compared is their alignment,
the structure every language version shares: the same paragraph numbers in the same order,
the same headings, tables with as many rows, the same footnotes and masthead notes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.compare.textdiff import parse_blocks

STRUCTURAL = ("paragraph", "heading", "table", "row", "footnote", "item")
HEADING_LABEL = re.compile(r"\[([^\]]+)\]")  # "[chapter] I. Introduction" -> chapter


def language_versions(a_name: str, b_name: str) -> bool:
    """Whether two report files are versions of one edition in two languages: the same series
    stem, one or both with a language suffix ('cmw-status' and 'cmw-status.fr')."""
    a_stem, b_stem = Path(a_name).stem, Path(b_name).stem
    return a_stem != b_stem and a_stem.split(".")[0] == b_stem.split(".")[0]


@dataclass(frozen=True)
class Alignment:
    text: str
    differs: bool


def _structure(canonical: str) -> list[str]:
    """The names of the structural blocks, in order: 'paragraph 5', 'table committee-members row';
    a heading by its kind and place ('chapter 3', 'annex 1'), since a version words and numbers
    it in its own language ("Annex"/"Annexe", "I."/"أولا -")."""
    names, seen = [], Counter()
    for block in parse_blocks(canonical.splitlines()):
        if block.kind not in STRUCTURAL:
            continue
        label = HEADING_LABEL.match(block.line) if block.kind == "heading" else None
        if label:
            seen[label[1]] += 1
            names.append(f"{label[1]} {seen[label[1]]}")
        else:
            names.append(block.name)
    return names


def _masthead_notes(canonical: str) -> int:
    return sum(1 for line in canonical.splitlines() if line.startswith("masthead note"))


def align_versions(a_canonical: str, b_canonical: str, a_name: str, b_name: str) -> Alignment:
    """A report of how two language versions line up, paragraph by paragraph."""
    a, b = _structure(a_canonical), _structure(b_canonical)
    lines = [f"{a_name} and {b_name}: language versions of one edition, compared for alignment"]
    a_paragraphs = [n for n in a if n.startswith("paragraph")]
    b_paragraphs = [n for n in b if n.startswith("paragraph")]
    lines.append(f"  paragraphs: {len(a_paragraphs)} and {len(b_paragraphs)}"
                 + (", the same numbers in the same order" if a_paragraphs == b_paragraphs else ""))
    differs = False
    if a != b:
        differs = True
        only_a = Counter(a) - Counter(b)
        only_b = Counter(b) - Counter(a)
        for name, count in sorted(only_a.items()):
            lines.append(f"  only in {a_name}: {name}" + (f" (x{count})" if count > 1 else ""))
        for name, count in sorted(only_b.items()):
            lines.append(f"  only in {b_name}: {name}" + (f" (x{count})" if count > 1 else ""))
        if not only_a and not only_b:
            first = next(i for i, (x, y) in enumerate(zip(a, b)) if x != y)
            lines.append(f"  out of order from block {first + 1}: {a[first]} / {b[first]}")
    rows = tuple(Counter(n for n in side if n.endswith(" row") and not n.endswith(" head row")) for side in (a, b))
    for table in sorted(set(rows[0]) | set(rows[1])):
        lines.append(f"  {table.removesuffix(' row')}: {rows[0][table]} and {rows[1][table]} rows")
    notes = (_masthead_notes(a_canonical), _masthead_notes(b_canonical))
    lines.append(f"  masthead notes: {notes[0]} and {notes[1]}")
    differs |= notes[0] != notes[1]
    lines.append("  aligned" if not differs else "  NOT aligned")
    return Alignment("\n".join(lines) + "\n", differs)
