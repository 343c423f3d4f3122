"""Reading the document tree: child elements, text, and the check that a container holds no
text of its own. What each element is comes from the vocabulary
(pipeline.doctree.vocabulary.element_of)."""

from __future__ import annotations

import re
from typing import NoReturn

from lxml import etree


def child_elements(el: etree._Element) -> list[etree._Element]:
    """Element children, without comments."""
    return [c for c in el if isinstance(c.tag, str)]


def no_stray_text(el: etree._Element) -> None:
    """Raise if a block container holds text outside its children."""
    texts = [el.text] + [c.tail for c in el]
    if any(t and t.strip() for t in texts):
        raise ValueError(f"text directly inside <{el.tag} class={el.get('class')!r}>")


def text_of(el: etree._Element) -> str:
    """The whitespace-collapsed text of *el*."""
    return re.sub(r"\s+", " ", el.text_content()).strip()


def fail(message: str) -> NoReturn:
    """Raise ValueError(message); usable inside expressions."""
    raise ValueError(message)
