"""Inline markup of paragraph text: Markdown (emphasis, links, footnotes) -> the tree's inline
HTML, with footnotes numbered through the document."""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.footnote import footnote_plugin


@lru_cache(maxsize=1)
def inline_markdown() -> MarkdownIt:
    """Markdown limited to inline markup: emphasis, links, autolinks, footnotes; no raw HTML."""
    md = MarkdownIt("zero").enable(["emphasis", "link", "autolink", "escape", "entity"])
    return md.use(footnote_plugin, inline=True, move_to_end=False)


@dataclass
class Footnotes:
    """Footnotes numbered through the document in the order they are called."""

    count: int = 0

    def add(self) -> int:
        """The number of the next footnote."""
        self.count += 1
        return self.count


def render_inline(tokens: list[Token], footnote_bodies: dict[int, list[Token]], notes: Footnotes) -> str:
    """Markdown inline tokens -> the tree's inline HTML (em, strong, a, span.footnote)."""
    out: list[str] = []
    for token in tokens:
        kind = token.type
        if kind == "text":
            out.append(html.escape(token.content, quote=False))
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "em_open":
            out.append("<em>")
        elif kind == "em_close":
            out.append("</em>")
        elif kind == "strong_open":
            out.append("<strong>")
        elif kind == "strong_close":
            out.append("</strong>")
        elif kind == "link_open":
            out.append(f'<a href="{html.escape(token.attrGet("href") or "", quote=True)}">')
        elif kind == "link_close":
            out.append("</a>")
        elif kind == "footnote_ref":
            body = render_inline(footnote_bodies[token.meta["id"]], footnote_bodies, notes)
            number = notes.add()
            out.append(f'<span class="footnote" data-number="{number}">{body}</span>')
        elif kind == "inline":
            out.append(render_inline(token.children or [], footnote_bodies, notes))
        else:  # a token our vocabulary has no name for is a defect, never a silent drop
            raise ValueError(f"inline markup {kind!r} is not supported in paragraph text")
    return "".join(out)


def markup_paragraph(text: str, footnotes: dict[str, str], notes: Footnotes) -> Markup:
    """Paragraph text with inline Markdown -> inline HTML, numbering any footnotes it calls."""
    definitions = "\n\n".join(f"[^{label}]: {body}" for label, body in footnotes.items())
    env: dict[str, Any] = {}
    tokens = inline_markdown().parse(text + ("\n\n" + definitions if definitions else ""), env)
    bodies = _footnote_bodies(tokens, env)
    inline = next((t for t in tokens if t.type == "inline"), None)
    return Markup(render_inline(inline.children or [], bodies, notes) if inline else "")


def _footnote_bodies(tokens: list[Token], env: dict) -> dict[int, list[Token]]:
    """Footnote id -> the inline tokens of its text, for both [^label] and ^[inline] notes."""
    by_label: dict[str, list[Token]] = {}
    label: str | None = None
    for token in tokens:
        if token.type == "footnote_reference_open":
            label = token.meta["label"]
        elif token.type == "footnote_reference_close":
            label = None
        elif token.type == "inline" and label is not None:
            by_label.setdefault(label, token.children or [])
    bodies: dict[int, list[Token]] = {}
    for index, item in env.get("footnotes", {}).get("list", {}).items():
        if "tokens" in item:  # inline note ^[...]
            bodies[index] = item["tokens"]
        elif item.get("label") in by_label:
            bodies[index] = by_label[item["label"]]
    return bodies
