"""`unreport diff` never writes a view over its inputs, into the data folder or an input folder,
twice to one path or over a device (a view is written by renaming a finished file over its
path: /dev/full became a plain file); and it refuses sides it cannot compare instead of saying
nothing (a .txt with a .pdf exited 0, as if the same) or comparing a file that is not a report.
Found by an attacker (3 December)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, build
from pipeline.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Session 53's report built (tree, canonical text, PDF) and a copy of the data, in one folder."""
    root = tmp_path_factory.mktemp("diff-attack")
    shutil.copytree(DATA, root / "data")
    build(root / "data", root / "output", 53, formats=("html", "txt", "pdf"))
    shutil.copytree(root / "output" / "53", root / "other")
    (root / "notes.txt").write_text("NAME=Debian\n", encoding="utf-8")
    (root / "notes.pdf").write_text("not a pdf\n", encoding="utf-8")
    english = (root / "output" / "53" / "cat-status.txt").read_text(encoding="utf-8")
    (root / "cat-status.fr.txt").write_text(english.replace("symbol: A/53/253", "symbol: A/54/1"), encoding="utf-8")
    (root / "long.txt").write_text("draft: no\n¶1 " + "word " * 30000 + "\n", encoding="utf-8")
    (root / "many.txt").write_text("draft: no\n" + "".join(f"¶{i} word\n" for i in range(20000)), encoding="utf-8")
    return root


def diff(root: Path, monkeypatch, *args: str):
    monkeypatch.chdir(root)
    return CliRunner().invoke(main, ["diff", *args])


REPORT = "output/53/cat-status"
CASES = [
    ([f"{REPORT}.html", "other/cat-status.html", "--html", f"{REPORT}.html"],
     f"error: --html {REPORT}.html would write over an input ({REPORT}.html); give a path outside it"),
    (["output/53", "other", "--out", "other/views"],
     "error: --html other/views/redline.html would write into an input (other); give a path outside it"),
    (["53", "53", "--html", "data/sessions/53/cat-status.yaml"],
     "error: --html data/sessions/53/cat-status.yaml would write into the data folder (data); give a path outside it"),
    ([f"{REPORT}.html", "other/cat-status.html", "--html", "red.html", "--docx", "red.html"],
     "error: --docx red.html is the path of another view too; give each its own"),
    ([f"{REPORT}.html", "other/cat-status.html", "--html", "/dev/null"],
     "error: --html /dev/null exists and is not a plain file; give the path of a file to write"),
    ([f"{REPORT}.txt", "other/cat-status.pdf"],
     f"error: {REPORT}.txt and other/cat-status.pdf have nothing to compare: a canonical text (.txt) compares with "
     "a text or a tree, a PDF with a PDF or a tree"),
    (["notes.pdf", f"{REPORT}.pdf"], "error: notes.pdf: not a PDF (it does not begin with '%PDF-')"),
    (["long.txt", f"{REPORT}.txt"],
     "error: long.txt: not a canonical text a build writes (a line of 150,003 characters; a report's texts hold at "
     "most 50,000)"),
    (["many.txt", f"{REPORT}.txt"],
     "error: many.txt: not a canonical text a build writes (20,001 lines; a report's run to a few thousand)"),
    (["cat-status.fr.txt", f"{REPORT}.txt"],
     f"error: cat-status.fr.txt and {REPORT}.txt are in two languages and of two editions (symbols A/54/1 and A/53/253): "
     "compare the versions of one edition, or two editions in one language"),
    (["53", "60"], "error: 53 and 60 have no report of one series in common: nothing to compare (they hold "
                   "cat-status and cmw-status)"),
    (["notes.txt", f"{REPORT}.txt"],
     "error: notes.txt: not a canonical text of a report (it begins with 'draft: yes' or 'draft: no', as unreport "
     "writes it)"),
]


@pytest.mark.parametrize("args, message", CASES, ids=[" ".join(c[0]) for c in CASES])
def test_diff_refuses_what_it_cannot_do_safely(built, monkeypatch, args, message):
    before = {p: p.read_bytes() for p in built.rglob("*") if p.is_file()}
    result = diff(built, monkeypatch, *args)
    assert result.exit_code == 2, result.output
    assert result.output.strip() == message
    assert {p: p.read_bytes() for p in built.rglob("*") if p.is_file()} == before
    assert Path("/dev/null").is_char_device()
