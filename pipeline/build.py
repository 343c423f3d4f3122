"""The build stage: validate a session, compose each edition, run the writers, and put the
files in place atomically (all of a session's outputs, or none of them)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .compose import compose
from .load import check_session_id, load_session
from .problems import Problem
from .validate import require_valid
from .writers.text import canonical_text

FORMATS = ("html", "txt", "pdf", "docx")


@dataclass
class BuiltEdition:
    """The files written for one edition."""

    series: str
    files: dict[str, Path] = field(default_factory=dict)


@dataclass
class SessionBuild:
    session: int
    editions: list[BuiltEdition]
    warnings: list[Problem]


def render_edition(tree_html: str, document_date, formats: tuple[str, ...]) -> dict[str, bytes]:
    """Run each writer over one tree; returns format -> bytes."""
    writers: dict[str, Callable[[], bytes]] = {
        "html": lambda: tree_html.encode("utf-8"),
        "txt": lambda: canonical_text(tree_html).encode("utf-8"),
        "pdf": lambda: _pdf(tree_html, document_date),
        "docx": lambda: _docx(tree_html, document_date),
    }
    return {fmt: writers[fmt]() for fmt in formats}


def _pdf(tree_html: str, document_date) -> bytes:
    from .writers.pdf import write_pdf

    return write_pdf(tree_html, document_date)


def _docx(tree_html: str, document_date) -> bytes:
    from .writers.docx import write_docx

    return write_docx(tree_html, document_date)


TEMP_SUFFIX = ".tmp"


def _temp_prefix(target: Path, pid: int) -> str:
    return f".{target.name}.{pid}."


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporaries left by builds that were killed (their process no longer exists)."""
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        parts = temp.name.split(".")
        pid = int(parts[-3]) if len(parts) >= 4 and parts[-3].isdigit() else None
        if pid is None or _process_alive(pid):
            continue
        temp.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_atomically(files: dict[Path, bytes]) -> None:
    """Write every file to a temporary sibling, then rename them all into place.

    Nothing is renamed until every file has been written, so a failure leaves the
    previous outputs as they were; each rename is atomic on POSIX file systems, so a
    reader (or a concurrent build) only ever sees a complete file.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for target, content in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(prefix=_temp_prefix(target, os.getpid()),
                                                 suffix=TEMP_SUFFIX, dir=target.parent)
            staged.append((Path(temp_name), target))  # from now on removed again if anything fails
            with os.fdopen(handle, "wb") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp_name, 0o644)
        for temp, target in staged:
            os.replace(temp, target)
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)


def build_session(session: int | str, data_dir: Path, output_dir: Path,
                  formats: tuple[str, ...] = FORMATS) -> SessionBuild:
    """Validate and build every edition of a session into output_dir/<session>/."""
    number = check_session_id(session)
    inputs = load_session(data_dir, number)
    warnings = require_valid(inputs)
    target_dir = output_dir / str(number)
    if target_dir.is_dir():
        remove_stale_temporaries(target_dir)
    pending: dict[Path, bytes] = {}
    built: list[BuiltEdition] = []
    for sourced in inputs.editions:
        tree_html = compose(inputs, sourced)
        outputs = render_edition(tree_html, sourced.model.date, formats)
        edition = BuiltEdition(sourced.model.series)
        for fmt, content in outputs.items():
            path = target_dir / f"{sourced.model.series}.{fmt}"
            pending[path] = content
            edition.files[fmt] = path
        built.append(edition)
    write_atomically(pending)
    return SessionBuild(number, built, warnings)
