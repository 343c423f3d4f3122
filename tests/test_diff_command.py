"""`unreport diff`: sessions, build folders and files; the views; exit codes; bad input."""

from __future__ import annotations

import re
import zipfile

import pytest
from click.testing import CliRunner

from conftest import build
from pipeline.cli import main
from scratch60 import scratch_data


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return scratch_data(tmp_path_factory.mktemp("scratch"))


@pytest.fixture(scope="module")
def builds(data, tmp_path_factory):
    """Sessions 59 and 60 built (tree and canonical text only) into one output folder."""
    output = tmp_path_factory.mktemp("output")
    for session in (59, 60):
        build(data, output, session, formats=("html", "txt"))
    return output


def run(*args: str):
    return CliRunner().invoke(main, ["diff", *args])


def test_the_same_session_is_no_difference(data):
    result = run("59", "59", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert result.stdout == "59/cmw-status -> 59/cmw-status: no differences\n"


def test_two_editions_differ_and_say_where(data):
    result = run("59", "60", "--data", str(data))
    assert result.exit_code == 1
    assert result.stdout.startswith("59/cmw-status -> 60/cmw-status: 4 masthead fields, 1 paragraph differ\n")
    assert "  paragraph 5 changed:\n" in result.stdout and "@@ paragraph 5 changed @@" in result.stdout


def test_out_writes_every_view(data, tmp_path):
    out = tmp_path / "diff-59-60"
    result = run("59", "60", "--data", str(data), "--out", str(out))
    assert result.exit_code == 1
    assert (out / "summary.txt").read_text(encoding="utf-8") == result.stdout
    assert "<ins>" in (out / "redline.html").read_text(encoding="utf-8")
    assert b"<w:ins " in zipfile.ZipFile(out / "redline.docx").read("word/document.xml")
    pages = sorted(p.name for p in (out / "pages").iterdir())
    assert pages and pages[0] == "cmw-status-page-1.png"
    assert "pages: " in result.stdout and f"images in {out / 'pages'}" in result.stdout
    assert f"wrote {out / 'redline.docx'}" in result.stderr


def test_build_folders_pair_their_reports_and_give_redlines(builds, tmp_path):
    result = run(str(builds / "59"), str(builds / "60"), "--docx", str(tmp_path / "r.docx"), "--html", str(tmp_path / "r.html"))
    assert result.exit_code == 1, result.output
    assert f"{builds / '59' / 'cmw-status'} -> {builds / '60' / 'cmw-status'}" in result.stdout
    assert (tmp_path / "r.docx").exists() and (tmp_path / "r.html").exists()


def test_canonical_text_files_compare_but_cannot_make_a_redline(builds, tmp_path):
    a, b = builds / "59" / "cmw-status.txt", builds / "60" / "cmw-status.txt"
    assert run(str(a), str(b)).exit_code == 1
    assert run(str(a), str(a)).exit_code == 0
    refused = run(str(a), str(b), "--docx", str(tmp_path / "r.docx"))
    assert refused.exit_code == 2 and "need document trees" in refused.stderr
    assert not (tmp_path / "r.docx").exists()


def test_tree_files_compare_as_their_canonical_text(builds):
    result = run(str(builds / "59" / "cmw-status.html"), str(builds / "60" / "cmw-status.html"))
    assert result.exit_code == 1 and "paragraph 5 changed" in result.stdout


def test_a_pdf_compared_with_itself(built_59):
    result = run(str(built_59["pdf"]), str(built_59["pdf"]))
    assert result.exit_code == 0, result.output
    assert re.search(r"\npages: no differences \(\d+ pages\)\n$", result.stdout)


@pytest.mark.parametrize("args, message", [
    (("59", "61"), "no editions for session 61"),
    (("59", "no/such/file.txt"), "no/such/file.txt: no such file or folder, and not a session number"),
    (("59", "pyproject.toml"), "not a file with a session or folder"),
])
def test_bad_input_is_one_line_and_exit_2(data, args, message):
    result = run(*args, "--data", str(data))
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_a_build_folder_of_every_format_compares_its_trees_only(data, tmp_path):
    """A folder as `unreport build` writes it (every registered format: the web page
    '<series>.web.html' and the AKN too) pairs only its trees, texts and PDFs."""
    output = tmp_path / "output"
    build(data, output, 59, formats=("html", "txt", "akn", "web.html"))
    result = run(str(output / "59"), str(output / "59"))
    assert result.exit_code == 0, result.output
    assert "not a report tree" not in result.output


def test_the_first_of_two_agenda_titles_changed_is_a_difference_in_text_and_tree(data_copy, tmp_path):
    """Attack 4 row 3: the Council's 2019 report is issued under two agenda items; a change
    to the first one's title was "no differences", exit 0."""
    from conftest import DATA, replace_in

    replace_in(data_copy / "sessions" / "2019" / "sdg-progress.yaml", "      High-level segment: ministerial meeting of the high-level",
               "      High-level segment: ministerial meeting of the LOW-level")
    before = build(DATA, tmp_path / "before", 2019, formats=("html", "txt"))
    after = build(data_copy, tmp_path / "after", 2019, formats=("html", "txt"))
    for kind in ("txt", "html"):
        result = run(str(before[kind]), str(after[kind]))
        assert result.exit_code == 1, result.output
        assert ": 1 masthead field differs\n  agenda title 1 changed:\n" in result.stdout
        assert '"high-level" -> "LOW-level"' in result.stdout
