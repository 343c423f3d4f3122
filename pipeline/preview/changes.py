"""The preview's "Changes" tab: the edition as it stands, with what changed since the edition
it follows marked (the redline `unreport diff --html` writes, over the same two trees)."""

from __future__ import annotations

import html
from pathlib import Path

from pipeline.inputs.cache import ParsedFiles
from pipeline.inputs.problems import InputError


def changes_page(data_dir: Path, templates_dir: Path, files: ParsedFiles, series: str, session: int,
                 previous: int | None, tree: str) -> str:
    """The redline page of `tree` against the previous session's edition of the series, or
    a page that says why there is none."""
    from pipeline.compare.redline import redline_page, redline_tree
    from pipeline.compare.textdiff import diff_texts, summary
    from pipeline.writers.text import canonical_text

    if previous is None:
        return _note(f"Session {session} follows no earlier edition of {series}: there is nothing to compare.")
    try:
        before = _previous_tree(data_dir, templates_dir, files, series, previous)
    except LookupError:
        return _note(f"Session {previous} has no edition of {series}: there is nothing to compare.")
    except InputError as exc:
        problems = "\n".join(str(p) for p in exc.problems)
        return _note(f"The previous edition (session {previous}) does not build, so there is nothing to compare "
                     f"it with:\n{problems}")
    a_name, b_name = f"{previous}/{series}", f"{session}/{series}"
    diff = diff_texts(canonical_text(before), canonical_text(tree), a_name, b_name)
    return redline_page(redline_tree(before, tree), f"Changes from {a_name} to {b_name}", summary(diff))


def _previous_tree(data_dir: Path, templates_dir: Path, files: ParsedFiles, series: str, session: int) -> str:
    """The tree of the previous session's edition of the series, as `unreport diff` composes it."""
    from pipeline.compose.report import compose
    from pipeline.inputs.load import load_session
    from pipeline.validate import require_valid

    inputs = load_session(data_dir, session, files)
    inputs.templates_dir = templates_dir
    require_valid(inputs)
    sourced = next((s for s in inputs.editions if s.model.series == series), None)
    if sourced is None:
        raise LookupError(series)
    return compose(inputs, sourced, templates_dir)


def _note(text: str) -> str:
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Changes</title>"
            "<style>body{font-family:sans-serif;margin:2em;color:#333}pre{white-space:pre-wrap}</style></head>"
            f"<body><pre>{html.escape(text)}</pre></body></html>")
