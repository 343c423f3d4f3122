"""Reproducible, atomic and safe builds (issue 6): same bytes, nothing half-written, no escape."""

from __future__ import annotations

import hashlib
import multiprocessing
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, REPO, build, pdftotext, replace_in
from docxtext import body_blocks
from pipeline.cli import main
from pipeline.inputs.problems import InputError
from pipeline.writers.registry import WRITERS

EDITION_59 = Path("sessions") / "59" / "cmw-status.yaml"


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


# Reproducible --------------------------------------------------------------------------

def test_two_builds_give_identical_bytes(tmp_path):
    first = build(DATA, tmp_path / "a")
    second = build(DATA, tmp_path / "b")
    for fmt in ("pdf", "docx", "html", "txt"):
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), fmt


def test_source_date_epoch_is_honoured_and_reproducible(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1100000000")
    first = build(DATA, tmp_path / "a")
    second = build(DATA, tmp_path / "b")
    assert first["pdf"].read_bytes() == second["pdf"].read_bytes()
    assert first["docx"].read_bytes() == second["docx"].read_bytes()
    assert creation_date(first["pdf"]).startswith("D:20041109")  # 1100000000 = 2004-11-09T11:33:20Z
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert creation_date(build(DATA, tmp_path / "c")["pdf"]).startswith("D:20040827")  # the document date


def creation_date(pdf: Path) -> str:
    from pypdf import PdfReader

    return str(PdfReader(str(pdf)).metadata["/CreationDate"])


# Atomic --------------------------------------------------------------------------------

def test_failing_writer_leaves_previous_outputs_identical(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(DATA, out)
    before = digests(out / "59")
    import pipeline.writers.docx as docx_writer

    def broken(*args, **kwargs):
        raise RuntimeError("writer crashed mid-way")

    monkeypatch.setattr(docx_writer, "write", broken)
    with pytest.raises(RuntimeError):
        build(DATA, out)
    assert digests(out / "59") == before
    assert not [p for p in (out / "59").iterdir() if p.name.startswith(".")]


def _build_in_subprocess(output: str) -> None:
    from pipeline.build.session import build_session

    build_session(59, DATA, Path(output))


KILLED_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
import pipeline.build.session as build

def killed(point):  # the moment the new set is complete in its staging folder, not yet in place
    if point == "staged":
        os.kill(os.getpid(), signal.SIGKILL)

build.pause_for_test = killed
import pipeline.build.swap as swap
swap.pause_for_test = killed
build.build_session(59, Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_killed_build_leaves_previous_outputs_identical(tmp_path):
    out = tmp_path / "out"
    build(DATA, out)
    before = digests(out / "59")
    child = subprocess.run([sys.executable, "-c", KILLED_WHILE_WRITING, str(DATA), str(out)], cwd=REPO)
    assert child.returncode == -signal.SIGKILL
    [staging] = [p for p in out.iterdir() if p.name.startswith(".staging-59-")]  # the dead build's new set ...
    assert len(list(staging.iterdir())) == len(WRITERS)  # one file per registered format
    assert digests(out / "59") == before  # ... and the old outputs untouched
    build(DATA, out)  # the next build sweeps what dead builds left
    assert not [p for p in out.iterdir() if p.name.startswith(".staging")]
    assert not [p for p in (out / "59").iterdir() if p.name.startswith(".")]


def test_concurrent_builds_end_with_complete_files(tmp_path):
    out = tmp_path / "out"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_build_in_subprocess, args=(str(out),)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
        assert worker.exitcode == 0
    files = sorted((out / "59").iterdir())
    assert [p.name for p in files] == sorted(f"cmw-status.{fmt}" for fmt in WRITERS)
    assert (out / "59" / "cmw-status.pdf").read_bytes().rstrip().endswith(b"%%EOF")
    with zipfile.ZipFile(out / "59" / "cmw-status.docx") as archive:
        assert archive.testzip() is None


# Untrusted input ------------------------------------------------------------------------

def set_paragraph_1(data_dir: Path, text: str) -> None:
    replace_in(data_dir / EDITION_59, "By its resolution 45/158 of 18 December 1990, the General Assembly adopted and",
               text.replace("\n", " ") + " By its resolution 45/158 of 18 December 1990, the General Assembly adopted and")


def test_markup_in_paragraphs_appears_literally_in_both_formats(data_copy, tmp_path):
    set_paragraph_1(data_copy, "Tags <script>alert(1)</script> & <b>bold</b> stay text.")
    files = build(data_copy, tmp_path / "out")
    tree = files["html"].read_text(encoding="utf-8")
    assert "<script>" not in tree and "&lt;script&gt;alert(1)&lt;/script&gt;" in tree
    literal = "Tags <script>alert(1)</script> & <b>bold</b> stay text."
    assert literal in " ".join(pdftotext(files["pdf"]).split())
    assert any(literal in block for block in body_blocks(files["docx"]))


@pytest.mark.parametrize("expression, fragment", [
    ("{{ ''.__class__.__mro__ }}", "not allowed"),
    ("{{ as_at.__class__ }}", "not allowed"),
    ("{{ parties.__len__() }}", "not allowed"),
    ("{{ cycler.__init__.__globals__ }}", "not allowed"),
    ("{{ lipsum() }}", "unknown data"),
    ("{% for x in range(10**9) %}{% endfor %}", "expressions only, not {% ... %} statements"),
    ("{{ parties|attr('__class__') }}", "unknown filter 'attr'"),
    ("{{ 'x' * 10**9 }}", "not allowed"),
    ("{{ 'x' * 100000 }}", "not allowed"),
    ("{{ [1] * 10**6 }}", "not allowed"),
])
def test_sandbox_refuses_internals_with_a_located_error(data_copy, tmp_path, expression, fragment):
    set_paragraph_1(data_copy, expression)
    with pytest.raises(InputError) as caught:
        build(data_copy, tmp_path / "out")
    [problem] = caught.value.errors
    assert problem.location.path.endswith("sessions/59/cmw-status.yaml")
    assert problem.location.line == 20  # the line of the expression inside the paragraph
    assert fragment in problem.message
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://127.0.0.1:9/x.css", "../../../../etc/passwd",
                                 "templates/../../../../etc/passwd"])
def test_pdf_writer_fetches_nothing_outside_templates(url):
    from pipeline.writers.pdf import write_pdf

    tree = (f'<html><head><link rel="stylesheet" href="{url}"></head><body>'
            f'<p>before<img src="{url}">after</p><p style="background: url({url})">x</p></body></html>')
    import datetime as dt

    pdf = write_pdf(tree, dt.date(2004, 8, 27))
    assert b"root:" not in pdf
    assert "root:x:0:0" not in pdftotext_bytes(pdf)


def pdftotext_bytes(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_restricted_fetcher_refuses_outside_urls():
    from pipeline.inputs.layout import TEMPLATES_DIR
    from pipeline.writers.pdf import restricted_fetcher

    fetch = restricted_fetcher(TEMPLATES_DIR)
    for url in ("file:///etc/passwd", "http://example.org/", f"file://{TEMPLATES_DIR}/../pyproject.toml"):
        with pytest.raises(ValueError, match="refused"):
            fetch.fetch(url)
    assert b"@page" in fetch.fetch(f"file://{TEMPLATES_DIR}/base/un-report.css").read()


@pytest.mark.parametrize("session", ["../../etc", "59/../../x", "-1", "0", "abc", "1000", "59 ", ""])
def test_session_ids_from_the_command_line_are_refused(session, tmp_path):
    result = CliRunner().invoke(main, ["build", "--output", str(tmp_path / "out"), "--", session])
    assert result.exit_code == 2
    assert "session must be a number from 1 to 999 or a year from 1940 to 2099" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_alias_bomb_is_refused(data_copy, tmp_path):
    path = data_copy / EDITION_59
    path.write_text(path.read_text(encoding="utf-8") + "x: &a [1, 1]\ny: [*a, *a]\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build(data_copy, tmp_path / "out")
    assert any("aliases (*a) are not allowed" in p.message for p in caught.value.errors)


def test_oversized_and_non_utf8_files_are_refused(data_copy, tmp_path):
    path = data_copy / EDITION_59
    path.write_bytes(path.read_bytes().replace(b"Human rights", b"Hum\xffn rights", 1))
    with pytest.raises(InputError) as caught:
        build(data_copy, tmp_path / "out")
    [problem] = caught.value.errors
    assert "not valid UTF-8" in problem.message and problem.location.line > 1
    path.write_bytes(b"# padding\n" * 300_000)
    with pytest.raises(InputError) as caught:
        build(data_copy, tmp_path / "out")
    assert "input files are limited" in caught.value.errors[0].message


def test_no_path_of_the_build_machine_reaches_the_pdf(built_59):
    """The PDF names no file of this machine: no file:// link, no path of the checkout."""
    from conftest import REPO

    content = built_59["pdf"].read_bytes()
    assert b"file:" not in content
    assert str(REPO).encode() not in content


@pytest.mark.parametrize("target", ["base/un-report.css", "/etc/shadow", "file:///etc/passwd", "javascript:x"])
def test_a_template_link_to_a_local_path_fails_the_pdf_writer(target):
    from pipeline.writers.pdf import refuse_local_links

    refuse_local_links('<a href="http://untreaty.un.org">x</a><a class="cross-reference" href="#p3">3</a>')
    with pytest.raises(ValueError, match="would put a path of this machine in the PDF"):
        refuse_local_links(f'<p>see <a href="{target}">this</a></p>')
