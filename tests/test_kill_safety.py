"""A build killed with SIGKILL at any moment leaves the complete old set or the complete new
set of a session's outputs, the next build leaves no temporary behind, and no worker process
outlives the killed build (they die with it: prctl PR_SET_PDEATHSIG).

The build is killed at fixed moments after it starts, and exactly between the steps of
putting the set in place: the test hook UNREPORT_TEST_PAUSE_AT (read only by
pipeline/build/swap.py's pause_for_test) makes the build stop at a named point."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, replace_in

from pipeline.writers.registry import WRITERS

UNREPORT = [sys.executable, "-m", "pipeline.cli"]
REPO = Path(__file__).resolve().parent.parent
SET_FILES = tuple(f"cmw-status.{fmt}" for fmt in WRITERS)  # one file of every registered format


# `unreport` on a file system without RENAME_EXCHANGE: the swap is two renames
WITHOUT_EXCHANGE = [sys.executable, "-c", "import sys, pipeline.build.swap as swap\n"
                    "swap._exchange = lambda a, b: False\n"
                    "from pipeline.cli import run\nsys.argv[0] = 'unreport'\nrun()"]


def run_build(data: Path, output: Path, pause: str | None = None, command: list[str] = UNREPORT) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("UNREPORT_TEST_PAUSE_AT", None)
    if pause:
        env["UNREPORT_TEST_PAUSE_AT"] = pause
    return subprocess.Popen([*command, "build", "59", "--force", "--jobs", "2", "--data", str(data),
                             "--output", str(output)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def the_set(output: Path) -> dict[str, str]:
    folder = output / "59"
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
            for name in sorted(os.listdir(folder))} if folder.is_dir() else {}


def processes_in_session(session: int) -> list[int]:
    """The processes of a session id (the build and anything it started)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry))
    return found


def wait_until_gone(session: int, seconds: float = 30) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := processes_in_session(session)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def wait_for_pause(build: subprocess.Popen, point: str) -> None:
    for line in build.stderr:
        if line.strip() == f"paused at {point}":
            return
    pytest.fail(f"the build ended without reaching {point}")


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """Data whose build differs from the committed data's, and the two complete sets."""
    root = tmp_path_factory.mktemp("kill")
    old_data, new_data = root / "old-data", root / "new-data"
    shutil.copytree(DATA, old_data)
    shutil.copytree(DATA, new_data)
    replace_in(new_data / "sessions/59/cmw-status.yaml", "The Convention entered into force",
               "The Convention, adopted in 1990, entered into force")
    for data, output in ((old_data, root / "old"), (new_data, root / "new")):
        assert run_build(data, output).wait(timeout=300) == 0
    old, new = the_set(root / "old"), the_set(root / "new")
    assert sorted(old) == sorted(new) == sorted(SET_FILES) and old != new
    return root, new_data, old, new


@pytest.mark.parametrize("kill", ["after 0.5 s", "after 2 s", "after 4 s", "at staged", "at exchanged", "at manifest"])
def test_a_killed_build_leaves_the_old_or_the_new_set(sets, tmp_path, kill):
    root, new_data, old, new = sets
    output = tmp_path / "output"
    shutil.copytree(root / "old", output)
    point = kill.removeprefix("at ") if kill.startswith("at ") else None
    build = run_build(new_data, output, pause=point)
    if point:
        wait_for_pause(build, point)
    else:
        time.sleep(float(kill.split()[1]))
    os.kill(build.pid, signal.SIGKILL)
    build.wait(timeout=60)
    build.stderr.close()
    assert wait_until_gone(build.pid) == [], "a worker outlived the killed build"
    after = the_set(output)
    assert after in (old, new), f"a mixed set after a kill {kill}"
    if point in ("exchanged", "manifest"):
        assert after == new
    if point == "staged":
        assert after == old
    # the next build finishes the job and leaves nothing of the killed one behind
    finish = run_build(new_data, output)
    assert finish.wait(timeout=300) == 0, finish.stderr.read()
    finish.stderr.close()
    assert the_set(output) == new
    leftovers = [p.name for p in output.rglob("*") if p.name.startswith((".staging", ".previous"))
                 or p.name.endswith(".tmp")]
    assert leftovers == []
    assert wait_until_gone(finish.pid) == []


def test_a_build_killed_between_the_two_renames_is_rolled_back_by_the_next(sets, tmp_path):
    """Without RENAME_EXCHANGE the old set is renamed aside, then the new one into place: a
    kill between the two leaves the old set complete beside, and the next build puts it back
    before building (then the new set is in place and nothing else is left)."""
    root, new_data, old, new = sets
    output = tmp_path / "output"
    shutil.copytree(root / "old", output)
    build = run_build(new_data, output, pause="aside", command=WITHOUT_EXCHANGE)
    wait_for_pause(build, "aside")
    os.kill(build.pid, signal.SIGKILL)
    build.wait(timeout=60)
    build.stderr.close()
    assert wait_until_gone(build.pid) == []
    [aside] = [p for p in output.iterdir() if p.name.startswith(".previous-59-")]
    assert {name: hashlib.sha256((aside / name).read_bytes()).hexdigest() for name in os.listdir(aside)} == old
    from pipeline.build.swap import recover
    recover(output, 59)  # what the next build does first, under the lock
    assert the_set(output) == old
    finish = run_build(new_data, output, command=WITHOUT_EXCHANGE)
    assert finish.wait(timeout=300) == 0, finish.stderr.read()
    finish.stderr.close()
    assert the_set(output) == new
    assert not [p.name for p in output.iterdir() if p.name.startswith((".staging", ".previous"))]
