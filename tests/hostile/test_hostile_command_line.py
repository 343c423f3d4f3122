"""Hostile corpus, class "command line": arguments that are not sessions, files that are not
project inputs, folders that are not data folders; each is one located line and exit 2, with
the earlier outputs untouched."""

from __future__ import annotations

import shutil

import pytest

pytest.register_assert_rewrite("hostile_corpus")

from conftest import DATA  # noqa: E402
from hostile_corpus import earlier_outputs, errors_in, invoke, snapshot  # noqa: E402

NOT_AN_INPUT = ("error: not an input file of the data folder data: give a session number, an edition "
                "(sessions/<session>/<series>.yaml), a series (series/<series>.yaml) or a reference file "
                "(reference/...) of that folder")


def session_error(text: str) -> str:
    return f"<command line>: error: session must be a number from 1 to 999 or a year from 1940 to 2099, not {text!r}"


CASES = [(["build", "--output", "output", session], [session_error(session)])
         for session in ("../../etc", "0", "1000", "59x", "+59", "059", " 59", "59/..", "1e3", "٥٩")] + [
    (["validate", session], [session_error(session)]) for session in ("0", "abc", "59.0")] + [
    (["validate", "../../etc"], ["../../etc: error: cannot read file: No such file or directory"]),
    (["validate", "999"], ["data/sessions/999: error: no editions for session 999 in data/sessions/999"]),
    (["build", "--output", "output", "998"],
     ["data/sessions/998: error: no editions for session 998: add data/sessions/998/<series>.yaml"]),
    (["validate", "data/sessions"], ["data/sessions: error: cannot validate a folder; give a session number or a file"]),
    (["validate", "data/nothing.yaml"], ["data/nothing.yaml: error: cannot read file: No such file or directory"]),
    (["validate", "/etc/passwd"], [f"/etc/passwd: {NOT_AN_INPUT}"]),
    (["validate", "/dev/zero"], [f"/dev/zero: {NOT_AN_INPUT}"]),
    (["validate", "notes.txt"], [f"notes.txt: {NOT_AN_INPUT}"]),
    (["validate", "data/reference/../../notes.txt"], [f"notes.txt: {NOT_AN_INPUT}"]),
    (["validate", "data/sessions/59/notes.txt"], [f"data/sessions/59/notes.txt: {NOT_AN_INPUT}"]),
    (["validate", "data/cmw-status.yaml"], [f"data/cmw-status.yaml: {NOT_AN_INPUT}"]),
    (["validate", "--data", "nowhere"], ["nowhere: error: no such data folder; give the folder of the input data with --data"]),
    (["build", "--all", "--data", "nowhere", "--output", "output"],
     ["nowhere: error: no sessions folder here; give the folder of the input data with --data"]),
    (["build", "59", "--output", "data/sessions"],
     ["data/sessions: error: the output folder is inside the input data folder (data): builds would mix "
      "with the data; give a folder outside it with --output"]),
    (["build", "59", "--output", "data"],
     ["data: error: the output folder is inside the input data folder (data): builds would mix "
      "with the data; give a folder outside it with --output"]),
    (["build", "59", "--output", "output", "--templates", "data/reference", "--format", "txt"],
     ["data/series/cmw-status.yaml:2:1: error: no template 'report': data/reference holds no report templates "
      "(<name>/report.html.j2); is --templates the right folder?"]),
    (["build", "59", "--output", "linked", "--format", "txt"],
     ["linked/59: error: a session's output folder is a symbolic link; a build replaces the session's folder as a "
      "whole, so it must be a real folder: remove the link"]),
    (["build", "59", "--output", "notes.txt/sub"],
     ["notes.txt/sub: error: cannot write the builds here: notes.txt is a file, not a folder; give another "
      "folder with --output"]),
]


@pytest.mark.parametrize("args, expected", CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_hostile_command_line(args, expected, tmp_path, monkeypatch):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "notes.txt").write_text("root:x:0:0\n")
    (tmp_path / "data" / "sessions" / "59" / "notes.txt").write_text("notes\n")
    (tmp_path / "data" / "cmw-status.yaml").write_text("series: cmw-status\n")
    (tmp_path / "data" / "sessions" / "998").mkdir()
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / "59").symlink_to(tmp_path / "data" / "sessions" / "998")
    before = earlier_outputs(tmp_path / "output")
    monkeypatch.chdir(tmp_path)
    result = invoke(args)
    assert errors_in(result.output) == expected
    assert result.exit_code == 2
    assert snapshot(tmp_path / "output") == before
