"""Golden snapshots: the canonical text and the tree of every committed edition, reviewed
and kept under tests/golden/<session>/<series>.txt and .html.

A build whose canonical form differs from its golden fails the tests with a block-by-block
diff (pipeline/diff.py), so that a template edit cannot silently move a footnote or drop a
sentence. PDF and DOCX bytes are not compared: fonts and library versions differ between
machines, the tree and the canonical text do not. `unreport golden --update` (make golden)
accepts the current output once it has been reviewed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.compare.command import compose_session
from pipeline.i18n.languages import LANGUAGE_ORDER
from pipeline.build.atomic import write_atomically
from pipeline.compare.textdiff import diff_texts, report
from pipeline.inputs.layout import REPOSITORY, SESSION_PATTERN, TEMPLATES_DIR, session_numbers
from pipeline.inputs.problems import display_path
from pipeline.writers.text import canonical_text

GOLDEN_DIR = REPOSITORY / "tests" / "golden"
ACCEPT_HINT = "if the change is intended, review it and run `make golden` (unreport golden --update)"
# The file `golden --update` writes into a folder of snapshots it keeps: without it, a folder that
# holds anything is not one (a build folder given by mistake), and --update neither writes nor removes.
MARKER = ".unreport-golden"
MARKER_TEXT = ("This folder holds golden snapshots written by `unreport golden --update` (make golden):\n"
               "<session>/<series>.txt and .html. The command removes a stale snapshot only in a folder\n"
               "that holds this file.\n")
SERIES_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class GoldenError(Exception):
    """A golden folder or file the command cannot use: one line, naming the path."""


@dataclass(frozen=True)
class Snapshot:
    """The canonical form of one edition as built now."""

    session: int
    series: str
    source: Path
    canonical: str
    tree: str

    @property
    def name(self) -> str:
        return f"{self.session}/{self.series}"

    def golden_paths(self, golden_dir: Path) -> tuple[Path, Path]:
        """Where its golden canonical text and golden tree are kept."""
        folder = golden_dir / str(self.session)
        return folder / f"{self.series}.txt", folder / f"{self.series}.html"


def sessions(data_dir: Path) -> list[str]:
    """The sessions that have editions, as folder names."""
    return [str(n) for n in session_numbers(data_dir)]


def snapshots(data_dir: Path, session: str | None = None, templates_dir: Path = TEMPLATES_DIR) -> list[Snapshot]:
    """Every edition (of one session, or of all) composed in memory, in canonical form."""
    chosen = [session] if session is not None else sessions(data_dir)
    return [Snapshot(e.session, e.series, e.source, canonical_text(e.tree), e.tree)
            for s in chosen for e in compose_session(data_dir, s, templates_dir)]


def compare_with_golden(canonical: str, golden: str, name: str = "build") -> str | None:
    """None when a canonical text equals its golden; else a readable block-by-block diff."""
    if canonical == golden:
        return None
    diff = diff_texts(golden, canonical, f"{name} (golden)", f"{name} (now)")
    if not diff.differs:  # the lines differ only outside any block (blank lines, spacing)
        return _line_diff(golden, canonical, name, "canonical text")
    return report(diff)


def compare_tree_with_golden(tree: str, golden: str, name: str = "build") -> str | None:
    """None when a tree equals its golden; else a unified diff of its lines (a markup change
    the canonical text does not show: a class, an attribute, an element)."""
    return None if tree == golden else _line_diff(golden, tree, name, "document tree")


def _line_diff(golden: str, now: str, name: str, what: str) -> str:
    lines = difflib.unified_diff(golden.splitlines(), now.splitlines(), f"{name} {what} (golden)",
                                 f"{name} {what} (now)", n=1, lineterm="")
    return "\n".join(lines) + "\n"


def check(snapshot: Snapshot, golden_dir: Path = GOLDEN_DIR) -> str | None:
    """None when an edition matches its goldens; else what differs and what to do."""
    text_path, tree_path = snapshot.golden_paths(golden_dir)
    where = display_path(snapshot.source)
    missing = [display_path(path) for path in (text_path, tree_path) if not path.exists()]
    if missing:
        return (f"{where}: no golden snapshot ({' and '.join(missing)}): "
                "review its output, then run `make golden` to record it\n")
    problems = [compare_with_golden(snapshot.canonical, read_golden(text_path), snapshot.name),
                compare_tree_with_golden(snapshot.tree, read_golden(tree_path), snapshot.name)]
    found = [p for p in problems if p]
    if not found:
        return None
    differing = " and ".join(display_path(path) for path, problem in zip((text_path, tree_path), problems) if problem)
    return f"{where}: the build differs from its golden ({differing}):\n" + "\n".join(found) + ACCEPT_HINT + "\n"


def read_golden(path: Path) -> str:
    """A golden file's text, or a GoldenError naming it (a folder in its place, bytes that are
    not UTF-8, a file that cannot be read)."""
    try:
        return path.read_text(encoding="utf-8")
    except IsADirectoryError:
        raise GoldenError(f"{display_path(path)}: a folder stands where a golden file should be; "
                          "remove it, then run `make golden`") from None
    except UnicodeDecodeError as exc:
        raise GoldenError(f"{display_path(path)}: not UTF-8 text (byte {exc.start}); a golden snapshot is "
                          "the UTF-8 output of a build: restore it (git checkout) or run `make golden`") from None
    except OSError as exc:
        raise GoldenError(f"{display_path(path)}: cannot read the golden file: {exc.strerror or exc}") from None


def is_snapshot_name(path: Path, series: set[str]) -> bool:
    """<session>/<series>.txt or .html (or <series>.<language>.txt, a language version's) of a series
    the data folder defines: the only names `golden --update` writes, so the only files it may remove."""
    stem, _, language = path.stem.partition(".")
    return (SESSION_PATTERN.match(path.parent.name) is not None and path.suffix in (".txt", ".html")
            and SERIES_NAME.match(stem) is not None and stem in series
            and (not language or language in LANGUAGE_ORDER[1:]))


def stale_goldens(data_dir: Path, golden_dir: Path = GOLDEN_DIR, current: list[Snapshot] | None = None) -> list[Path]:
    """Golden files no committed edition has any more (files of other names are not ours)."""
    current = snapshots(data_dir) if current is None else current
    wanted = {path for s in current for path in s.golden_paths(golden_dir)}
    series = {p.stem for p in (data_dir / "series").glob("*.yaml")}
    return sorted(p for p in golden_dir.glob("*/*")
                  if p not in wanted and is_snapshot_name(p, series) and p.is_file() and not p.is_symlink())


def require_golden_folder(golden_dir: Path) -> bool:
    """Refuse a folder `golden --update` did not make: one that exists, holds anything and has
    no marker. Returns whether the marker is still to be written (a new or empty folder)."""
    if (golden_dir / MARKER).is_file():
        return False
    if golden_dir.exists():
        if not golden_dir.is_dir():
            raise GoldenError(f"{display_path(golden_dir)}: not a folder; give the folder of the golden snapshots with --golden")
        try:
            holds_anything = any(golden_dir.iterdir())
        except OSError as exc:
            raise GoldenError(f"{display_path(golden_dir)}: cannot read the folder: {exc.strerror or exc}") from None
        if holds_anything:
            raise GoldenError(f"{display_path(golden_dir)}: not a folder of golden snapshots (no {MARKER} file, "
                              "which `golden --update` writes); nothing was written or removed: give the golden "
                              "folder with --golden, or an empty or new one")
    return True


def update(data_dir: Path, golden_dir: Path = GOLDEN_DIR) -> tuple[list[Path], list[Path]]:
    """Record the current output as golden; returns (files written or changed, files removed).
    Only in a folder of golden snapshots (its marker) or a new or empty one, and only files
    with a snapshot's name are removed."""
    new_folder = require_golden_folder(golden_dir)
    current = snapshots(data_dir)
    if new_folder:
        _write(golden_dir / MARKER, MARKER_TEXT)
    written: list[Path] = []
    for snapshot in current:
        for path, content in zip(snapshot.golden_paths(golden_dir), (snapshot.canonical, snapshot.tree)):
            if _differs(path, content.encode("utf-8")):  # bytes: a damaged (not UTF-8) golden is rewritten
                _write(path, content)
                written.append(path)
    removed = stale_goldens(data_dir, golden_dir, current)
    for path in removed:
        try:
            path.unlink()
        except OSError as exc:
            raise GoldenError(f"{display_path(path)}: cannot remove the stale golden file: {exc.strerror or exc}") from None
    return written, removed


def _differs(path: Path, content: bytes) -> bool:
    if path.is_dir():
        raise GoldenError(f"{display_path(path)}: a folder stands where a golden file should be; remove it, "
                          "then record the goldens again")
    try:
        return not path.exists() or path.read_bytes() != content
    except OSError as exc:
        raise GoldenError(f"{display_path(path)}: cannot read the golden file: {exc.strerror or exc}") from None


def _write(path: Path, content: str) -> None:
    try:
        write_atomically({path: content.encode("utf-8")})  # "\n" line ends on every system
    except OSError as exc:
        raise GoldenError(f"{display_path(path)}: cannot write the golden file: {exc.strerror or exc}") from None
