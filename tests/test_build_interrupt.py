"""Ctrl-C during `unreport build --all` (attack 4 row 2): the terminal sends SIGINT to the whole
process group, the build and its workers. Wanted: no traceback, the workers stop, no staging
folder left, every session not said to be written is as it was, one line saying so, exit 130.

The build runs in a session of its own and gets SIGINT on its process group once it has
started (its workers forked, or its first report built): no fixed sleep decides the moment."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import DATA, replace_in
from test_kill_safety import REPO, UNREPORT, processes_in_session, wait_until_gone

TIMEOUT = 300  # seconds: generous, for a slow busy machine


def sets_of(output: Path) -> dict[str, dict[str, bytes]]:
    """Every session folder's files, by session."""
    return {folder.name: {f.name: f.read_bytes() for f in sorted(folder.iterdir())}
            for folder in sorted(output.iterdir()) if folder.name.isdigit()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Data with an edit in session 59, and the output of every session built before it."""
    root = tmp_path_factory.mktemp("interrupt")
    data = root / "data"
    shutil.copytree(DATA, data)
    output = root / "output"
    done = subprocess.run([*UNREPORT, "build", "--all", "--data", str(data), "--output", str(output),
                           "--format", "txt"], env={**os.environ, "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    replace_in(data / "sessions/59/cmw-status.yaml", "The Convention entered into force",
               "The Convention, adopted in 1990, entered into force")
    return data, output


def start(data: Path, output: Path, stderr) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("UNREPORT_TEST_PAUSE_AT", None)
    return subprocess.Popen([*UNREPORT, "build", "--all", "--force", "--jobs", "2", "--data", str(data),
                             "--output", str(output), "--format", "txt", "--format", "pdf"],
                            env=env, stdout=subprocess.PIPE, stderr=stderr, text=True, start_new_session=True)


def wait_for_workers(build: subprocess.Popen) -> None:
    """Until the build has forked its workers (they are importing the PDF writer then)."""
    deadline = time.monotonic() + TIMEOUT
    while len(processes_in_session(build.pid)) < 2:
        assert build.poll() is None and time.monotonic() < deadline, "the build never started its workers"
        time.sleep(0.01)


def wait_for_first_report(build: subprocess.Popen) -> None:
    for line in build.stdout:
        if re.match(r"\[\s*1/\d+\] ", line):
            return
    pytest.fail("the build ended before its first report")


@pytest.mark.parametrize("moment", ["workers starting", "first report built"])
def test_ctrl_c_stops_the_build_with_one_line_and_exit_130(built, tmp_path, moment):
    data, prebuilt = built
    output = tmp_path / "output"
    shutil.copytree(prebuilt, output)
    before = sets_of(output)
    with open(tmp_path / "stderr", "w+", encoding="utf-8") as stderr:
        build = start(data, output, stderr)
        if moment == "workers starting":
            wait_for_workers(build)
        else:
            wait_for_first_report(build)
        os.killpg(build.pid, signal.SIGINT)
        stdout, _ = build.communicate(timeout=TIMEOUT)
        stderr.seek(0)
        said = stderr.read()
    assert "Traceback" not in said + stdout, said
    assert build.returncode == 130, said
    last = said.strip().splitlines()[-1]
    assert last.startswith("interrupted: nothing"), said
    assert wait_until_gone(build.pid) == [], "a worker outlived the interrupted build"
    leftovers = [p.name for p in output.rglob("*") if p.name.startswith((".staging", ".previous"))
                 or p.name.endswith(".tmp")]
    assert leftovers == []
    written = re.search(r"session\(s\) ([\d, ]+) were written", last)
    written_sessions = set(written[1].split(", ")) if written else set()
    after = sets_of(output)
    assert set(after) == set(before)
    for session, files in before.items():
        if session not in written_sessions:  # as it was, byte for byte
            assert after[session] == files, f"session {session} changed, though not said to be written"
        else:  # written whole: the text and the PDF of each report
            assert {name.rsplit(".", 1)[-1] for name in after[session]} >= {"txt", "pdf", "html"}
