"""The HTML writer: the document tree itself, as the other writers read it."""

from __future__ import annotations

from pipeline.writers.registry import WriteContext


def write(tree_html: str, context: WriteContext) -> bytes:
    return tree_html.encode("utf-8")
