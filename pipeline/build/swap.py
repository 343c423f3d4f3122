"""Putting a session's outputs in place in one step, under a lock.

    output/59/                      the session's documents (what readers open)
    output/.staging-59-<pid>/       the next set, written in full here first
    output/                         locked (flock on the folder) while a build puts a set in place

The new set is written into a staging folder beside the session folder (the files of
reports not rebuilt are linked in from the current set), then the two folders are exchanged
with one `renameat2(RENAME_EXCHANGE)` call: a reader, or a build killed at any moment, sees
the complete old set or the complete new set, never a mix. The staging folder then holds the
old set and is removed; one left by a killed build (its process is gone) is removed by the
next build of the session. The lock keeps two builds of one session from interleaving.

On a file system without RENAME_EXCHANGE the old folder is renamed aside and the new one
renamed into place (two renames, microseconds apart); the next build finishes or rolls back
a swap that was cut between them (`recover`).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

STAGING = ".staging-{session}-{pid}"
ASIDE = ".previous-{session}-{pid}"
RENAME_EXCHANGE = 2
AT_FDCWD = -100
PAUSE_VARIABLE = "UNREPORT_TEST_PAUSE_AT"  # read only by pause_for_test: lets the kill test stop a build there


class NotAFolder(NotADirectoryError):
    """A file (not a folder) stands where a session's folder goes: it is never replaced."""


def unwritable_message(folder: Path | str, code: int) -> str:
    """A drafter's words for an output folder the build may not write in (errno `code`)."""
    why = "the disk is read-only" if code == errno.EROFS else "permission denied"
    return f"cannot write in {folder}: {why}; make it writable, or give another folder with --output"


def write_failure(error: OSError, output_dir: Path) -> str | None:
    """What to tell a drafter when putting a set in place failed for want of permission, or
    because a file stands where the session's folder goes; None for any other failure (a
    fault to report as it is)."""
    from pipeline.inputs.problems import display_path

    where = Path(error.filename) if error.filename else output_dir
    if isinstance(error, NotAFolder):
        return (f"a file stands where the builds of session {where.name} go ({display_path(where)}), and a build "
                "would replace it with the session's folder: move or remove it")
    if error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
        return None
    if where.name.startswith("."):  # a staging folder or temporary of this build: its folder is the one
        where = where.parent
    return unwritable_message(display_path(where), error.errno)


def pause_for_test(point: str) -> None:
    """Stop here for a minute when the kill test asks for this point (so it can kill the
    build exactly between two steps); does nothing otherwise."""
    if os.environ.get(PAUSE_VARIABLE) == point:
        print(f"paused at {point}", file=sys.stderr, flush=True)
        time.sleep(60)


@contextmanager
def session_lock(output_dir: Path, session: int) -> Iterator[None]:
    """Hold a lock (flock) on the output folder itself while a session's outputs are put in
    place: no lock file to leave behind, and the kernel drops it when a build is killed. It
    covers every session of the folder; putting a set in place takes milliseconds."""
    output_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(output_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _pid_of(folder: Path) -> int | None:
    tail = folder.name.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


def process_alive(pid: int) -> bool:
    """Whether a process of this id runs (a temporary or staging folder of a dead one is litter)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(output_dir: Path, session: int) -> None:
    """Finish what a killed build of this session left (call it under the session lock):
    a set renamed aside with no set in place goes back; staging and aside folders of
    processes that no longer run are removed."""
    target = output_dir / str(session)
    for aside in sorted(output_dir.glob(ASIDE.format(session=session, pid="*"))):
        pid = _pid_of(aside)
        if pid is not None and process_alive(pid) and pid != os.getpid():
            continue
        if not target.exists():
            os.rename(aside, target)  # cut between the two renames: the old set comes back
        else:
            shutil.rmtree(aside, ignore_errors=True)
    for staging in output_dir.glob(STAGING.format(session=session, pid="*")):
        pid = _pid_of(staging)
        if pid is None or not process_alive(pid) or pid == os.getpid():
            shutil.rmtree(staging, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False when the file system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    function = getattr(libc, "renameat2", None)
    if function is None:
        return False
    if function(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _write(path: Path, content: bytes) -> None:
    with open(path, "wb") as out:
        out.write(content)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(path, 0o644)


def keep_all(name: str) -> bool:
    """The `keep` of `replace_set` that keeps every file of the current set."""
    return True


def replace_set(output_dir: Path, session: int, files: dict[str, bytes],
                keep: Callable[[str], bool] = keep_all) -> list[Path]:
    """Make output/SESSION/ hold `files` (name -> bytes) and the files of the current set not
    among them that `keep` accepts (the outputs of reports still in the session), in one step.
    Call under `session_lock`, after `recover`."""
    target = output_dir / str(session)
    if (target.exists() or target.is_symlink()) and not target.is_dir():
        raise NotAFolder(errno.ENOTDIR, "not a folder", str(target))
    staging = output_dir / STAGING.format(session=session, pid=os.getpid())
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        if target.is_dir():
            for kept in target.iterdir():
                if kept.name not in files and kept.is_file() and not kept.is_symlink() and keep(kept.name):
                    os.link(kept, staging / kept.name)
        for name, content in files.items():
            _write(staging / name, content)
        pause_for_test("staged")
        if not target.exists():
            os.rename(staging, target)
        elif not _exchange(staging, target):
            aside = output_dir / ASIDE.format(session=session, pid=os.getpid())
            os.rename(target, aside)
            pause_for_test("aside")
            os.rename(staging, target)
            shutil.rmtree(aside, ignore_errors=True)
        pause_for_test("exchanged")
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # the old set, or a new one that never went in
    return [target / name for name in files]
