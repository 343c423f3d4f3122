"""The check of a composed tree against the vocabulary: every element declared, where it may
stand, with only its declared attributes, and no text outside the elements that hold text.

A tree that passes can be read by every writer without losing a word: the canonical text,
the PDF and the DOCX all walk the same declared roles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import lxml.html
from lxml import etree

from pipeline.doctree.vocabulary import HEAD_ELEMENTS, INLINE_KINDS, Element, Role, describe, element_of, kind_of


@dataclass
class TreeError(Exception):
    """A tree that breaks the vocabulary, with the element at fault (for locating it)."""

    message: str
    element: etree._Element | None = None
    stray_text: str | None = None  # text standing where no text may: what to look for in a template

    def __str__(self) -> str:
        return self.message


def parse_tree(tree_html: str) -> etree._Element:
    """The <html> root of a tree as lxml parses it."""
    return lxml.html.document_fromstring(tree_html)


def check_tree(tree_html: str) -> etree._Element:
    """Parse a composed tree and check it; returns the root, raises TreeError."""
    root = parse_tree(tree_html)
    check_root(root)
    return root


def check_root(root: etree._Element) -> None:
    """Check a parsed tree: <html> holding <head> and one <body class="un-report">."""
    children = [c for c in root if isinstance(c.tag, str)]
    if [c.tag for c in children] != ["head", "body"]:
        raise TreeError("the tree must be <html> with a <head> and a <body>", root)
    head, body = children
    for element in head:
        if isinstance(element.tag, str) and element.tag not in HEAD_ELEMENTS:
            raise TreeError(f"<{element.tag}> is not allowed in <head> (only {describe(HEAD_ELEMENTS)})", element)
    try:
        declared = element_of(body)
    except ValueError as exc:
        raise TreeError(f"the <body> must be class 'un-report': {exc}", body) from None
    if declared.kind != "un-report":
        raise TreeError("the <body> must be class 'un-report'", body)
    counts: Counter[str] = Counter()
    _check(body, declared, counts)


def _check(node: etree._Element, declared: Element, counts: Counter[str]) -> None:
    """Check one element's attributes and text, then each child against what it may contain."""
    counts[declared.kind] += 1
    if declared.once and counts[declared.kind] > 1:
        raise TreeError(f"a second '{declared.kind}' element: a report has only one", node)
    if declared.role is Role.GRAPHIC and node.tag == "svg":
        return  # a drawing: its inside is not the tree's business
    allowed_attributes = {"class", *declared.allowed_attributes}
    for name in node.attrib:
        if name not in allowed_attributes:
            raise TreeError(f"attribute '{name}' is not declared for '{declared.kind}'", node)
    if not declared.inline_content:
        _no_text(node, declared)
    for child in node:
        if not isinstance(child.tag, str):
            continue  # comments and processing instructions carry no text of the report
        try:
            child_declared = element_of(child)
        except ValueError as exc:
            raise TreeError(f"{exc} (inside '{declared.kind}')", child) from None
        if not _may_contain(declared, child_declared.kind):
            where = f"inside '{declared.kind}'"
            allowed = _allowed(declared)
            raise TreeError(f"'{child_declared.kind}' is not allowed {where}; it may hold {allowed}", child)
        _check(child, child_declared, counts)


def _may_contain(parent: Element, kind: str) -> bool:
    return kind in parent.contains or (parent.inline_content and kind in INLINE_KINDS)


def _allowed(declared: Element) -> str:
    kinds = [k for k in declared.contains if k != "inline"]
    if declared.inline_content:
        kinds.append("text and inline markup")
    return describe(kinds) if kinds else "nothing"


def _no_text(node: etree._Element, declared: Element) -> None:
    """Text directly inside an element that does not hold text would be lost: an error."""
    texts = [node.text] + [child.tail for child in node]
    stray = next((t for t in texts if t and t.strip()), None)
    if stray is not None:
        raise TreeError(f"text {stray.strip()[:40]!r} stands directly inside '{declared.kind}', "
                        "which holds no text of its own; put it in a paragraph", node, stray.strip())


def element_summary(node: etree._Element) -> str:
    """'<p class="x"> "first words..."' for messages about an element."""
    try:
        kind = kind_of(node)
    except ValueError:
        kind = node.get("class") or node.tag
    words = " ".join((node.text_content() or "").split())
    shown = f' "{words[:50]}{"..." if len(words) > 50 else ""}"' if words else ""
    return f"<{node.tag} class='{kind}'>{shown}"


