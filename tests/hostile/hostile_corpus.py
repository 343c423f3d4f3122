"""The hostile-input corpus: how a case is run and checked.

A case edits a scratch copy of the committed data in one place (or runs a command line), then
runs `unreport validate` and `unreport build` in this process (click's CliRunner) over a
folder of earlier outputs. Each case must end in exactly its expected error lines (file:line:col,
the exact message), exit status 2, no traceback, and the earlier outputs byte-identical.
"""

from __future__ import annotations

import hashlib
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from click.testing import CliRunner

from conftest import DATA
from pipeline.cli import main

E = "sessions/59/cmw-status.yaml"
S = "series/cmw-status.yaml"
L = "reference/cmw-ledger.yaml"
C = "reference/cmw-committee.yaml"
N = "reference/state-name-changes.csv"
M = "reference/un-member-states.yaml"
CASE_SECONDS = 20  # a case that takes longer has hung (they take well under a second)


@dataclass(frozen=True)
class Case:
    """One hostile input: replace `old` by `new` in `file` (the whole file when `old` is None),
    or prepare the data with `setup`; then `expected` are the exact error lines."""

    name: str
    file: str
    old: str | bytes | None
    new: str | bytes
    expected: list[str]
    setup: Callable[[Path], None] | None = field(default=None, compare=False)
    args: tuple[str, ...] = ("59",)

    def __str__(self) -> str:
        return self.name


def where(file: str, anchor: str, shift: int = 0) -> str:
    """'data/FILE:LINE:COL' of `anchor` (moved on by `shift` characters) in the committed data."""
    text = (DATA / file).read_text(encoding="utf-8")
    assert text.count(anchor) >= 1, f"{anchor!r} not in {file}"
    offset = text.index(anchor) + shift
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"data/{file}:{line}:{column}"


def insert_at(file: str, anchor: str, text: str, expected: list[str], name: str) -> Case:
    """A case that puts `text` just before the first `anchor` of `file`."""
    return Case(name, file, anchor, text + anchor, expected)


def _edit(data: Path, case: Case) -> None:
    if case.setup is not None:
        case.setup(data)
    if not case.file:
        return
    path = data / case.file
    if case.old is None:
        path.write_bytes(case.new if isinstance(case.new, bytes) else case.new.encode("utf-8"))
        return
    old = case.old if isinstance(case.old, bytes) else case.old.encode("utf-8")
    new = case.new if isinstance(case.new, bytes) else case.new.encode("utf-8")
    content = path.read_bytes()
    assert old in content, f"{case.old!r} not in {case.file}"
    path.write_bytes(content.replace(old, new, 1))


EARLIER = {"59/cmw-status.pdf": b"%PDF-1.7 earlier build", "59/cmw-status.docx": b"PK earlier build",
           "59/cmw-status.html": b"<html>earlier build</html>", "59/cmw-status.txt": b"earlier build\n"}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the SHA-256 of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def earlier_outputs(output: Path) -> dict[str, str]:
    """Put an earlier build's files (EARLIER) in `output`; their snapshot, to compare after a
    failed build (which must leave them untouched)."""
    for name, content in EARLIER.items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_bytes(content)
    return snapshot(output)


def invoke(args: list[str]):
    """Run `unreport ARGS` in this process, failing the case when it outlives CASE_SECONDS."""
    result: list = []
    worker = threading.Thread(target=lambda: result.append(CliRunner().invoke(main, args)), daemon=True)
    worker.start()
    worker.join(CASE_SECONDS)
    assert result, f"unreport {' '.join(args)} did not finish in {CASE_SECONDS} s"
    outcome = result[0]
    if outcome.exception is not None and not isinstance(outcome.exception, SystemExit):
        raise AssertionError(f"traceback from unreport {' '.join(args)}") from outcome.exception
    return outcome


def errors_in(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line]


def run_case(case: Case, tmp_path: Path, monkeypatch, build: bool = True) -> None:
    """Validate and build the case's data; check the exact errors, exit 2, outputs untouched."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, symlinks=True)
    _edit(data, case)
    output = tmp_path / "output"
    before = earlier_outputs(output)
    monkeypatch.chdir(tmp_path)
    checked = invoke(["validate", "--data", "data", *case.args])
    assert errors_in(checked.stdout) == case.expected
    assert checked.exit_code == 2
    if build:
        built = invoke(["build", "--data", "data", "--output", "output", "--jobs", "1", *case.args])
        assert errors_in(built.stderr) == case.expected
        assert built.exit_code == 2
    assert snapshot(output) == before
