"""The canonical text writer: the document tree -> a labelled, deterministic plain text.

One line per block, in the form the vocabulary declares for its element (masthead fields by
name, paragraphs by number, headings, list items, table rows, footnotes), so that a diff of
two builds reads block by block. The walk covers every element by its role, so no text of
the tree is left out; the form depends only on the tree, never on fonts, page breaks or
library versions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.etree import _Element

from pipeline.doctree.check import parse_tree
from pipeline.doctree.vocabulary import Role, element_of
from pipeline.writers.registry import WriteContext

PARTS = ("head", "masthead", "masthead notes", "body", "notes", "end")  # the canonical text's parts, in order
WALKED = (Role.DOCUMENT, Role.CONTAINER, Role.LIST, Role.TABLE)  # roles whose children make lines


def classes(element: _Element) -> set[str]:
    """The class names of a tree element."""
    return set((element.get("class") or "").split())


def squeeze(text: str) -> str:
    """Collapse runs of white space into single spaces."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class CanonicalLine:
    """One line of the canonical text and the tree element it was read from (None for the
    draft flag and blank separators)."""

    text: str
    element: _Element | None = None


@dataclass
class _Lines:
    """Lines collected by part while the tree is walked."""

    parts: dict[str, list[CanonicalLine]] = field(default_factory=lambda: {p: [] for p in PARTS})
    notes: list[tuple[str, _Element]] = field(default_factory=list)  # (number, footnote span)

    def add(self, part: str, text: str, element: _Element | None) -> None:
        self.parts[part].append(CanonicalLine(text, element))


def inline_text(element: _Element, notes: list[tuple[str, _Element]] | None = None) -> str:
    """The readable text of an inline run: italics as _x_, footnote calls as [n] (the notes
    collected in `notes`), numbers the line's label shows left out, nested lists left to
    their own lines."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        declared = element_of(child)
        if declared.role is Role.NOTE:
            number = child.get("data-number", "?")
            if notes is not None:
                notes.append((number, child))
            parts.append(f"[{number}]")
        elif declared.kind == "footnote-ref":
            parts.append(f"[{child.get('data-number', '?')}]")
        elif declared.kind == "table-note-call":
            parts.append(f"[{squeeze(child.text_content())}]")
        elif declared.shown_by_label or declared.role in (Role.GRAPHIC, Role.LIST):
            pass
        elif declared.kind == "em":
            parts.append(f"_{inline_text(child, notes)}_")
        else:
            parts.append(inline_text(child, notes) + declared.joiner)
        parts.append(child.tail or "")
    return "".join(parts)


def _line(node: _Element, form: str, notes: list[tuple[str, _Element]]) -> str:
    """An element's canonical line, its form's fields filled in from the element."""
    fields = {
        "number": node.get("data-number", ""),
        "mark": node.get("data-mark", ""),
        "code": node.get("data-code", ""),
        "table": node.get("data-table", ""),
        "indent": "  " * int(node.get("data-depth") or 0),
        "row": "head" if node.getparent() is not None and node.getparent().tag == "thead" else "row",
        "file": node.get("data-file", ""),
        "digest": node.get("data-digest", ""),
        "alt": squeeze(node.get("alt", "")),
        "kind": node.get("data-kind", ""),
    }
    if node.tag == "tr":
        # a cell spanning columns (a group heading) is followed by empty places, so columns line up
        fields["text"] = " | ".join(" | ".join([squeeze(inline_text(cell, notes))] + [""] * (int(cell.get("colspan") or 1) - 1))
                                    for cell in node if cell.tag in ("th", "td"))
    elif "{text}" in form:
        fields["text"] = squeeze(inline_text(node, notes))
    return form.format(**fields).rstrip(" |")


def _walk(node: _Element, lines: _Lines) -> None:
    declared = element_of(node)
    if declared.canonical:
        lines.add(declared.part, _line(node, declared.canonical, lines.notes), node)
    if declared.role in WALKED or declared.role is Role.ITEM:
        for child in node:
            if not isinstance(child.tag, str):
                continue
            child_role = element_of(child).role
            if declared.role is Role.ITEM and child_role is not Role.LIST:
                continue  # an item's inline content is in its own line
            _walk(child, lines)
    if declared.closing:
        lines.add(declared.part, _line(node, declared.closing, lines.notes), node)


def canonical_lines(tree: _Element) -> list[CanonicalLine]:
    """The canonical text of a parsed tree, line by line, with the element behind each line."""
    body = tree.find("body")
    lines = _Lines()
    _walk(body, lines)
    for _, span in lines.notes:
        lines.add("notes", _line(span, element_of(span).canonical or "", []), span)
    head = lines.parts["head"] or [CanonicalLine("draft: no")]
    out = head + lines.parts["masthead"] + lines.parts["masthead notes"]
    for part in ("body", "notes", "end"):
        if lines.parts[part]:
            out += [CanonicalLine("")] + lines.parts[part]
    return out


def canonical_text(tree_html: str) -> str:
    """The canonical text of a document tree."""
    return "\n".join(line.text for line in canonical_lines(parse_tree(tree_html))) + "\n"


def write(tree_html: str, context: WriteContext) -> bytes:
    """The canonical text writer's entry in the registry."""
    return canonical_text(tree_html).encode("utf-8")
