"""Opening input files safely: regular files inside the data folder, of a bounded size.

A data folder may hold links (a shared ledger linked into several checkouts), so a link is
followed, and what it ends at must still be a regular file inside the data folder: a link to
/etc/passwd, /dev/zero or a named pipe (which would block a read for ever) is refused with a
message at the file, before a byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from pipeline.inputs.problems import InputError, Location, Problem, display_path

MAX_INPUT_BYTES = 2 * 1024 * 1024  # no report text input is anywhere near this size
MAX_PICTURE_BYTES = 8 * 1024 * 1024  # a figure's picture (data/figures/)

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def _refuse(path: Path, message: str) -> InputError:
    return InputError([Problem(Location(display_path(path)), "error", message)])


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def checked_input_path(path: Path, root: Path | None = None) -> Path:
    """The real path of an input file; raises a located InputError when it is a broken link,
    not a regular file, or (when `root` is given) outside the data folder `root`."""
    link = f"is a link to {os.readlink(path)}, which" if path.is_symlink() else ""
    try:
        real = path.resolve(strict=True)
        mode = real.stat().st_mode
    except FileNotFoundError:
        raise _refuse(path, f"{link} does not exist" if link else "cannot read file: No such file or directory") from None
    except (RuntimeError, OSError) as exc:
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            raise _refuse(path, "is a link that leads back to itself; replace it with the file") from None
        raise _refuse(path, f"cannot read file: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        raise _refuse(path, f"{link or ''}{' is' if link else 'is'} {_kind(mode)}, not a file; "
                            "input files must be ordinary text files")
    if root is not None and not real.is_relative_to(root.resolve()):
        raise _refuse(path, f"{link or ''}{' is' if link else 'is'} outside the data folder {display_path(root)}; "
                            "input files must be in the data folder")
    return real


def read_input_bytes(path: Path, root: Path | None = None, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file checked by `checked_input_path`, at most `limit` (MAX_INPUT_BYTES)."""
    real = checked_input_path(path, root)
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise _refuse(path, f"cannot read file: {exc.strerror}") from None
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):  # swapped since it was checked
            raise _refuse(path, "is not a file; input files must be ordinary text files")
        data = handle.read(limit + 1)
    if len(data) > limit:
        size = max(status.st_size, len(data))
        raise _refuse(path, f"file is {size} bytes; input files are limited to {limit}")
    return data
