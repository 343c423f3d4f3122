"""Parsed input files kept between the builds of one process (the live preview's), each only
while its file is unchanged: a paragraph edit re-reads its edition, not the ledger.

A file is known by its stamp (inode, size, modification time in nanoseconds), taken before
it is read, so an edit made while it is being read is seen by the next build.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from pipeline.inputs.problems import InputError, Problem

Stamp = tuple[int, int, int]


def file_stamp(path: Path) -> Stamp | None:
    """What changes when a file is written or replaced; None when it cannot be read."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


class ParsedFiles:
    """What reading each file gave (its parsed content, or the problems it raised)."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], tuple[Stamp, Any, list[Problem] | None]] = {}
        self.reads = 0  # files actually parsed (the rest came from here)

    def read(self, path: Path, parse: Callable[[Path], Any]) -> Any:
        """parse(path), or what it gave last time if the file has not changed since; an
        InputError it raised is raised again the same way."""
        stamp = file_stamp(path)
        key = (str(Path(path).resolve()), parse.__qualname__)
        known = self._entries.get(key)
        if stamp is None or known is None or known[0] != stamp:
            self.reads += 1
            try:
                known = (stamp, parse(path), None)  # type: ignore[assignment]
            except InputError as exc:
                known = (stamp, None, exc.problems)  # type: ignore[assignment]
            if stamp is not None:
                self._entries[key] = known  # type: ignore[assignment]
        _, content, problems = known  # type: ignore[misc]
        if problems is not None:
            raise InputError(problems)
        return content
