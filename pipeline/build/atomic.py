"""Writing files atomically: each file goes to a temporary sibling first and is renamed into
place only once every file is complete, so a reader never sees half a file.

Used by the build (a session's manifest), by drafting (new edition files) and by compare (golden
files and redlines); it depends on nothing of theirs, so none of them imports another's stage.
Temporaries are named `.<target>.<pid>.<random>.tmp`, so the next build can tell which ones a
killed process left (`remove_stale_temporaries`).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pipeline.build.swap import process_alive

TEMP_SUFFIX = ".tmp"


def _temp_prefix(target: Path, pid: int) -> str:
    return f".{target.name}.{pid}."


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporaries left by builds that were killed (their process no longer exists)."""
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        parts = temp.name.split(".")
        pid = int(parts[-3]) if len(parts) >= 4 and parts[-3].isdigit() else None
        if pid is None or process_alive(pid):
            continue
        temp.unlink(missing_ok=True)


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
