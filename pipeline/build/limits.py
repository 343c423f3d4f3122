"""Limits on the processes that write reports: they die with the build, and each report has
a time and a memory limit.

- A worker asks the kernel to kill it when its parent dies (prctl PR_SET_PDEATHSIG), so a
  `kill -9` of `unreport build` leaves no worker behind, blocked for ever on its queue.
- A worker's address space is limited (RLIMIT_AS, UNREPORT_WORKER_MEMORY_MB, default 4096):
  a report that needs more fails with a MemoryError, named, instead of taking the machine.
- Writing one report is limited in time (SIGALRM, UNREPORT_REPORT_SECONDS, default 600).
- A table holds at most MAX_TABLE_ROWS rows written under `rows:` (validation refuses more, at
  the first row past it): the longest real UN tables (lists of States, of treaty actions) run
  to a few hundred rows, and 20,000 rows took the PDF writer 80 s and 1.3 GB.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
from contextlib import contextmanager
from typing import Iterator

PR_SET_PDEATHSIG = 1
REPORT_SECONDS = int(os.environ.get("UNREPORT_REPORT_SECONDS", "600"))
MAX_TABLE_ROWS = 3000  # rows of one table written out under `rows:`
WORKER_MEMORY = int(os.environ.get("UNREPORT_WORKER_MEMORY_MB", "4096")) * 2**20


class ReportLimitError(RuntimeError):
    """A report took longer, or needed more memory, than one report may."""


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when `parent` ends (Linux; elsewhere nothing)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def limit_memory(limit: int = WORKER_MEMORY) -> None:
    """Cap this process's address space (never above a cap set already)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


@contextmanager
def time_limit(seconds: int, what: str) -> Iterator[None]:
    """Raise ReportLimitError in this (main) thread when the block runs longer than `seconds`."""
    def expired(signum, frame):  # noqa: ANN001 -- a signal handler's signature
        raise ReportLimitError(f"{what}: writing it took longer than {seconds} s, the limit for one report "
                               "(UNREPORT_REPORT_SECONDS)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
