"""Running `unreport preview` in a child process for the tests (and the benchmark)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
ADDRESS = re.compile(r"at (http://127\.0\.0\.1:(\d+)/)")
START_SECONDS = 120  # first build included, on a busy two-core machine
STOP_SECONDS = 120  # the build into the output folder included


class Preview:
    """A running preview: its address, its process and what it said on stderr so far."""

    def __init__(self, process: subprocess.Popen, url: str, port: int) -> None:
        self.process, self.url, self.port = process, url, port
        self.said: list[str] = []

    def stop(self) -> int:
        """Ctrl-C, as a drafter stops it; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=STOP_SECONDS)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


@contextlib.contextmanager
def running_preview(data_dir: Path, output_dir: Path, session: int = 59, *extra: str) -> Iterator[Preview]:
    """Start the preview on a free port and stop it (Ctrl-C) at the end."""
    command = [sys.executable, "-m", "pipeline.cli", "preview", str(session), "--data", str(data_dir),
               "--output", str(output_dir), *extra]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, env=env)
    lines: list[str] = []
    found = threading.Event()
    address: list[re.Match] = []

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            match = ADDRESS.search(line)
            if match and not address:
                address.append(match)
                found.set()
        found.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not found.wait(START_SECONDS) or not address:
        process.kill()
        process.wait()
        raise AssertionError("the preview did not start:\n" + "".join(lines))
    preview = Preview(process, address[0].group(1), int(address[0].group(2)))
    preview.said = lines
    try:
        yield preview
    finally:
        preview.stop()
        reader.join(timeout=10)
