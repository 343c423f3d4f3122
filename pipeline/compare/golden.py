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
from dataclasses import dataclass
from pathlib import Path

from pipeline.compare.command import compose_session
from pipeline.build.session import write_atomically
from pipeline.compare.textdiff import diff_texts, report
from pipeline.inputs.layout import REPOSITORY, TEMPLATES_DIR, session_numbers
from pipeline.inputs.problems import display_path
from pipeline.writers.text import canonical_text

GOLDEN_DIR = REPOSITORY / "tests" / "golden"
ACCEPT_HINT = "if the change is intended, review it and run `make golden` (unreport golden --update)"


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
    if not text_path.exists() or not tree_path.exists():
        return (f"{where}: no golden snapshot ({display_path(text_path)}): "
                "review its output, then run `make golden` to record it\n")
    problems = [compare_with_golden(snapshot.canonical, text_path.read_text(encoding="utf-8"), snapshot.name),
                compare_tree_with_golden(snapshot.tree, tree_path.read_text(encoding="utf-8"), snapshot.name)]
    found = [p for p in problems if p]
    if not found:
        return None
    return f"{where}: the build differs from its golden ({display_path(text_path)}):\n" + "\n".join(found) + ACCEPT_HINT + "\n"


def stale_goldens(data_dir: Path, golden_dir: Path = GOLDEN_DIR, current: list[Snapshot] | None = None) -> list[Path]:
    """Golden files no committed edition has any more."""
    current = snapshots(data_dir) if current is None else current
    wanted = {path for s in current for path in s.golden_paths(golden_dir)}
    return sorted(p for p in golden_dir.glob("*/*") if p.suffix in (".txt", ".html") and p not in wanted)


def update(data_dir: Path, golden_dir: Path = GOLDEN_DIR) -> tuple[list[Path], list[Path]]:
    """Record the current output as golden; returns (files written or changed, files removed)."""
    current = snapshots(data_dir)
    written: list[Path] = []
    for snapshot in current:
        for path, content in zip(snapshot.golden_paths(golden_dir), (snapshot.canonical, snapshot.tree)):
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                write_atomically({path: content.encode("utf-8")})  # "\n" line ends on every system
                written.append(path)
    removed = stale_goldens(data_dir, golden_dir, current)
    for path in removed:
        path.unlink()
    return written, removed
