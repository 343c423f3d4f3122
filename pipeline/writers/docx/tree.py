"""Reading the document tree: element kinds, classes and text, and the checks that make
anything unknown an error."""

from __future__ import annotations

import re

from lxml import etree


def child_elements(el: etree._Element) -> list[etree._Element]:
    """Element children, without comments."""
    return [c for c in el if isinstance(c.tag, str)]


def kind_of(el: etree._Element) -> tuple[str, str]:
    """(tag, the one class) of a tree element; data tables may add naming classes."""
    names = (el.get("class") or "").split()
    if el.tag == "table" and "data-table" in names:
        return ("table", "data-table")
    if len(names) > 1:
        raise ValueError(f"unknown class combination {names} on <{el.tag}>")
    return (el.tag, names[0] if names else "")


def only_children(el: etree._Element, allowed: set[tuple[str, str]]) -> list[etree._Element]:
    """The children of *el*, all of an allowed kind."""
    children = child_elements(el)
    for child in children:
        if kind_of(child) not in allowed:
            raise ValueError(f"unknown element <{child.tag} class={child.get('class')!r}> in <{el.tag}>")
    return children


def no_stray_text(el: etree._Element) -> None:
    """Raise if a block container holds text outside its children."""
    texts = [el.text] + [c.tail for c in el]
    if any(t and t.strip() for t in texts):
        raise ValueError(f"text directly inside <{el.tag} class={el.get('class')!r}>")


def text_of(el: etree._Element) -> str:
    """The whitespace-collapsed text of *el*."""
    return re.sub(r"\s+", " ", el.text_content()).strip()


def fail(message: str):
    """Raise ValueError(message); usable inside expressions."""
    raise ValueError(message)
