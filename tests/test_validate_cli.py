"""`unreport validate` and `unreport build` on broken data: one located line per mistake,
exit code 2, no traceback, and the outputs of an earlier good build left byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, replace_in
from pipeline.cli import main

FORMATS = ("--format", "pdf", "--format", "txt")  # the DOCX writer is not on this branch yet
EDITION = "sessions/59/cmw-status.yaml"

# (mutation of data/, the one line `unreport validate` must print)
MISTAKES = {
    "YAML syntax error": (EDITION, "as_at: 2004-08-20", "as_at 2004-08-20",
                          "data/sessions/59/cmw-status.yaml:8:1: error: YAML syntax: this line is neither "
                          "'key: value' nor indented as part of the text above it; add the ':' or indent it like "
                          "the lines above"),
    "unknown key": (EDITION, "original_language: English", "original_languge: English",
                    "data/sessions/59/cmw-status.yaml:10:1: error: unknown key 'original_languge' "
                    "(did you mean 'original_language'?)"),
    "misspelt State": ("reference/cmw-committee.yaml", "nationality: Guatemala\n    elected_on: 2003-12-11",
                       "nationality: Guatamala\n    elected_on: 2003-12-11",
                       "data/reference/cmw-committee.yaml:32:18: error: unknown State 'Guatamala' (did you mean "
                       "'Guatemala'?); use the UN short name, as in data/reference/un-member-states.yaml or "
                       "state-name-changes.csv"),
    "impossible date": (EDITION, "date: 2004-08-27", "date: 2004-08-32",
                        "data/sessions/59/cmw-status.yaml:7:7: error: 'date': 2004-08-32 is not a real date: "
                        "August 2004 has 31 days"),
}


def unreport(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command as users run it, in its own process (so a traceback would show)."""
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, capture_output=True, text=True)


def the_one_error(data: Path, session: str) -> str:
    """`unreport validate SESSION` on a data folder: exit 2 with exactly one error line, returned."""
    result = unreport("validate", session, cwd=data.parent)
    assert result.returncode == 2, result.stdout
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 1, errors
    return errors[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_output(tmp_path_factory) -> Path:
    """output/59/ from a good build of the repository's data."""
    work = tmp_path_factory.mktemp("good")
    shutil.copytree(DATA, work / "data")
    done = unreport("build", "59", *FORMATS, cwd=work)
    assert done.returncode == 0, done.stderr
    return work / "output"


@pytest.fixture
def workspace(tmp_path: Path, good_output: Path) -> Path:
    """A folder with a copy of data/ and output/ filled by a good build."""
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(good_output, tmp_path / "output")
    return tmp_path


@pytest.mark.parametrize("mistake", MISTAKES, ids=list(MISTAKES))
def test_mistake_gives_one_line_exit_2_and_leaves_output_alone(mistake: str, workspace: Path):
    file, old, new, expected = MISTAKES[mistake]
    replace_in(workspace / "data" / file, old, new)
    before = snapshot(workspace / "output")
    assert "59/cmw-status.pdf" in before

    checked = unreport("validate", "59", cwd=workspace)
    assert (checked.returncode, checked.stdout.splitlines()) == (2, [expected])
    assert checked.stderr == "1 error(s), 0 warning(s)\n"

    built = unreport("build", "59", *FORMATS, cwd=workspace)
    assert built.returncode == 2
    assert "wrote" not in built.stdout and "built 0" in built.stdout
    assert built.stderr.splitlines()[0] == expected
    assert "session 59: not built; output/59 left as it was" in built.stderr.splitlines()
    assert "Traceback" not in checked.stderr + built.stderr
    assert snapshot(workspace / "output") == before


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_a_folder_cannot_be_validated_as_a_file(data_copy: Path):
    code, out, err = run("validate", str(data_copy / "sessions" / "59"), "--data", str(data_copy))
    assert code == 2 and "error: cannot validate a folder; give a session number or a file" in out + err


def test_clean_data_exits_0(data_copy: Path):
    assert run("validate", "59", "--data", str(data_copy)) == (0, "", "ok: 1 file(s) checked, no problems\n")
    assert run("validate", "--data", str(data_copy))[0] == 0


def test_warnings_exit_0_or_1_with_strict(data_copy: Path, monkeypatch):
    replace_in(data_copy / EDITION, "as_at: 2004-08-20", "as_at: 2004-05-20")
    monkeypatch.chdir(data_copy.parent)
    warning = ("data/sessions/59/cmw-status.yaml:8:8: warning: as_at 2004-05-20 is 99 days before the document "
               "date 2004-08-27; update the figures or check the date (more than 60 days)\n")
    assert run("validate", "59") == (0, warning, "0 error(s), 1 warning(s)\n")
    assert run("validate", "--strict", "59") == (1, warning, "0 error(s), 1 warning(s)\n")


def test_problems_of_several_files_sorted_by_file_and_line(data_copy: Path, monkeypatch):
    replace_in(data_copy / EDITION, "symbol: null ", "symbol: A/58/1 ")
    replace_in(data_copy / EDITION, "as_at: 2004-08-20", "as_at: 2004-08-30")
    replace_in(data_copy / "reference/cmw-committee.yaml", "seats: 10", "seats: 8")
    monkeypatch.chdir(data_copy.parent)
    code, out, err = run("validate", "59")
    assert code == 2 and err == "5 error(s), 0 warning(s)\n"
    assert [line.split(": error: ")[0] for line in out.splitlines()] == [
        "data/reference/cmw-committee.yaml:50:5",  # 2004: the ten elected in 2003
        "data/reference/cmw-committee.yaml:87:5",  # 2006: ten (five elected in 2005)
        "data/reference/cmw-committee.yaml:126:5",  # 2008: ten (five elected in 2007)
        "data/sessions/59/cmw-status.yaml:6:9",
        "data/sessions/59/cmw-status.yaml:8:8",
    ]


def test_a_file_target_finds_its_data_folder(data_copy: Path):
    replace_in(data_copy / EDITION, "distribution: General", "distribution: general")
    code, out, _ = run("validate", str(data_copy / EDITION))
    assert code == 2 and "cmw-status.yaml:9:15: error: 'distribution': 'general' is not one of General, " \
                         "Limited, Restricted (did you mean 'General'?)" in out


def test_a_reference_file_target_lists_the_problems_in_that_file(data_copy: Path, monkeypatch):
    replace_in(data_copy / "reference/cmw-ledger.yaml", "  - state: Palau", "  - state: Palau\n    kind: ratification")
    replace_in(data_copy / EDITION, "as_at: 2004-08-20", "as_at: 2004-08-30")
    monkeypatch.chdir(data_copy.parent)
    code, out, _ = run("validate", "data/reference/cmw-ledger.yaml")
    assert code == 2
    assert [line.split(": error: ")[0] for line in out.splitlines()] == ["data/reference/cmw-ledger.yaml:179:11"]


@pytest.mark.parametrize("args, expected", [
    (("validate", "fifty-nine"), "<command line>: error: session must be a number from 1 to 999 or a year from 1940 to 2099, not 'fifty-nine'"),
    (("validate", "58"), "data/sessions/58: error: no editions for session 58 in data/sessions/58"),
    (("validate", "data/sessions/59/nothing.yaml"),
     "data/sessions/59/nothing.yaml: error: cannot read file: No such file or directory"),
    (("build", "58", "--format", "txt"), "data/sessions/58: error: no editions for session 58: add "
                                          "data/sessions/58/<series>.yaml"),
])
def test_command_line_mistakes_are_problems_too(args, expected, data_copy: Path, monkeypatch):
    monkeypatch.chdir(data_copy.parent)
    code, out, err = run(*args)
    assert code == 2 and expected in (out + err).splitlines()


def test_missing_data_folder(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("validate")
    assert code == 2 and out == "data: error: no such data folder; give the folder of the input data with --data\n"
