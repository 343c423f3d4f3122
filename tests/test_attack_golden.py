"""The second attack report's findings on `unreport golden`, on standard output and error that
cannot be written, and on the preview's log (rows 10-13 and 3 of
/work/briefs/attack-second-report.md): each a one-line message and a plain exit code, never
a traceback, and `golden --update` removes nothing that is not its own stale snapshot."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, REPO
from pipeline.cli import main
from pipeline.compare import golden
from previewing import running_preview

GOLDENS = REPO / "tests" / "golden"


@pytest.fixture
def goldens(tmp_path) -> Path:
    """A copy of the committed goldens (with the folder's marker)."""
    target = tmp_path / "golden"
    shutil.copytree(GOLDENS, target)
    return target


def run_golden(*args: str):
    return CliRunner().invoke(main, ["golden", *args])


def files_in(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


# ---------------------------------------------------------------- 10: --update deletes only its own snapshots

def test_the_committed_golden_folder_carries_the_marker():
    assert (GOLDENS / golden.MARKER).is_file()


def test_update_refuses_a_folder_golden_did_not_make(tmp_path):
    """A build folder with the goldens copied in (a wrong --golden): nothing written or removed."""
    wrong = tmp_path / "out"
    (wrong / "59").mkdir(parents=True)
    for name in ("cmw-status.ar.html", "cmw-status.ar.txt", "cmw-status.web.html", "notes.txt"):
        (wrong / "59" / name).write_text("kept\n", encoding="utf-8")
    for path in GOLDENS.glob("*/*"):
        (wrong / path.parent.name).mkdir(exist_ok=True)
        shutil.copy(path, wrong / path.parent.name / path.name)
    before = {p: p.read_bytes() for p in files_in(wrong)}
    result = run_golden("--update", "--golden", str(wrong))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: {wrong}: not a folder of golden snapshots")
    assert {p: p.read_bytes() for p in files_in(wrong)} == before


def test_update_into_a_new_or_empty_folder_writes_the_marker(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    for folder in (empty, tmp_path / "new"):
        result = run_golden("--update", "--golden", str(folder))
        assert result.exit_code == 0, result.output
        assert (folder / golden.MARKER).is_file() and (folder / "59" / "cmw-status.txt").is_file()
        assert run_golden("--update", "--golden", str(folder)).exit_code == 0  # its own folder now


def test_update_removes_only_stale_snapshots_of_known_series(goldens):
    (goldens / "99").mkdir()
    (goldens / "99" / "x.txt").write_text("stray\n", encoding="utf-8")  # no such series
    (goldens / "59" / "cmw-status.french.txt").write_text("stray\n", encoding="utf-8")  # not a snapshot's name
    (goldens / "59" / "cmw-status.bk.txt").write_text("stray\n", encoding="utf-8")  # nor a language's (review 3)
    (goldens / "59" / "notes.md").write_text("stray\n", encoding="utf-8")
    (goldens / "58").mkdir()
    (goldens / "58" / "cmw-status.html").write_text("old\n", encoding="utf-8")  # a stale snapshot
    result = run_golden("--update", "--golden", str(goldens))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("removed ") == 1 and f"removed {goldens / '58' / 'cmw-status.html'}" in result.stdout
    for kept in ("99/x.txt", "59/cmw-status.french.txt", "59/cmw-status.bk.txt", "59/notes.md"):
        assert (goldens / kept).read_text(encoding="utf-8") == "stray\n"


# ---------------------------------------------------------------- 11: unreadable or unwritable goldens

def one_line_error(result, path: Path, words: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: {path}: ")
    assert words in result.stderr


def test_an_unwritable_golden_on_update_is_one_line(goldens, monkeypatch):
    target = goldens / "59" / "cmw-status.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("Convention", "Konvention"), encoding="utf-8")

    def refuse(files):
        (path,) = files
        raise PermissionError(1, "Operation not permitted", str(path.parent / ".cmw-status.txt.1.tmp"))

    monkeypatch.setattr(golden, "write_atomically", refuse)
    one_line_error(run_golden("--update", "--golden", str(goldens)), target, "cannot write the golden file: Operation not permitted")


def test_a_golden_that_is_not_utf8_is_one_line_and_update_rewrites_it(goldens):
    target = goldens / "60" / "cmw-status.txt"
    target.write_bytes(b"\xff\xfe")
    one_line_error(run_golden("--golden", str(goldens)), target, "not UTF-8 text")
    update = run_golden("--update", "--golden", str(goldens))
    assert update.exit_code == 0 and f"wrote {target}" in update.stdout
    assert target.read_bytes() == (GOLDENS / "60" / "cmw-status.txt").read_bytes()


def test_a_folder_where_a_golden_file_should_be_is_one_line(goldens):
    target = goldens / "53" / "cat-status.txt"
    target.unlink()
    target.mkdir()
    one_line_error(run_golden("--golden", str(goldens)), target, "a folder stands where a golden file should be")
    one_line_error(run_golden("--update", "--golden", str(goldens)), target, "a folder stands where a golden file should be")
    assert target.is_dir()


# ---------------------------------------------------------------- 12: the missing file is named

def test_a_missing_golden_tree_is_named(goldens):
    (goldens / "59" / "cmw-status.html").unlink()
    result = run_golden("--golden", str(goldens))
    assert result.exit_code == 1
    assert f"no golden snapshot ({goldens / '59' / 'cmw-status.html'})" in result.stdout
    assert str(goldens / "59" / "cmw-status.txt") not in result.stdout


# ---------------------------------------------------------------- 3: stdout on a full device or a closed pipe

FULL = Path("/dev/full")
needs_full = pytest.mark.skipif(not (FULL.exists() and stat.S_ISCHR(FULL.stat().st_mode)), reason="no /dev/full")
TEXT_59, TEXT_60 = GOLDENS / "59" / "cmw-status.txt", GOLDENS / "60" / "cmw-status.txt"


def unreport(args: list[str], stdout) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=REPO, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=300)


def assert_said_once(done: subprocess.CompletedProcess, reason: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == f"error: cannot write to the standard output: {reason}"


@needs_full
@pytest.mark.parametrize("args", [
    ["diff", str(TEXT_59), str(TEXT_60)],
    ["diff", str(TEXT_59), str(TEXT_59)],  # the same: exit 2 (not written), not 1 (they differ)
    ["validate", "59"],
    ["golden"],
], ids=["diff", "diff-same", "validate", "golden"])
def test_stdout_on_a_full_device_is_one_line_and_exit_2(args):
    with FULL.open("w") as full:
        assert_said_once(unreport(args, full), "No space left on device")


@needs_full
def test_build_with_stdout_on_a_full_device(tmp_path):
    with FULL.open("w") as full:
        done = unreport(["build", "59", "--format", "txt", "--output", str(tmp_path / "out")], full)
    assert_said_once(done, "No space left on device")


def test_stdout_on_a_closed_pipe_is_one_line_and_exit_2():
    read, write = os.pipe()
    os.close(read)
    try:
        done = unreport(["diff", str(TEXT_59), str(TEXT_60)], write)
    finally:
        os.close(write)
    assert_said_once(done, "Broken pipe")


@needs_full
def test_stderr_on_a_full_device_is_exit_2_without_traceback():
    full = os.open(FULL, os.O_WRONLY)
    try:
        done = subprocess.run([sys.executable, "-m", "pipeline.cli", "validate", "59", "--data", str(DATA)],
                              cwd=REPO, stdout=subprocess.DEVNULL, stderr=full, timeout=300)
    finally:
        os.close(full)
    assert done.returncode == 2


def test_other_os_errors_are_not_taken_for_a_stream():
    from pipeline.cli import failed_stream

    try:
        Path("/nonexistent-folder/x").read_text()
    except OSError as exc:
        assert failed_stream(exc) is None


# ---------------------------------------------------------------- 13: a malformed request logs one line

def test_a_malformed_chunked_request_logs_one_line_not_a_traceback(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with running_preview(data, tmp_path / "out") as preview:
        for request in (b"POST / HTTP/1.1\r\n", b"GET /state HTTP/1.1\r\n"):
            with socket.create_connection(("127.0.0.1", preview.port), timeout=10) as sock:
                sock.sendall(request + b"Host: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                             b"Connection: close\r\n\r\nZZZ\r\n")
                answer = b""
                while chunk := sock.recv(4096):
                    answer += chunk
            assert answer.startswith(b"HTTP/1.1 400 ")
        with socket.create_connection(("127.0.0.1", preview.port), timeout=10) as sock:  # still serving
            sock.sendall(b"GET /state HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            assert sock.recv(4096).startswith(b"HTTP/1.1 200 ")
        assert preview.stop() == 0
    said = "".join(preview.said)
    assert "Traceback" not in said and "LocalProtocolError" not in said
    assert said.count("Invalid HTTP request received.") == 2
