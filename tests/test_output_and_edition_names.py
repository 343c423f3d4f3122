"""Attack 4 rows 15 and 16: the output folder (a file where a session's folder goes, a folder
the build may not write in, --output naming a file) and edition files not named .yaml
('sdg-progress.yml', a 'sdg-progress.YAML' copy). Each is said in a drafter's words, exit 2,
and nothing is replaced."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA
from pipeline.cli import main


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def data(tmp_path) -> Path:
    """A data folder of session 2019 only (one report, quick to build)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=lambda folder, names: [n for n in names if Path(folder).name == "sessions"
                                                                and n != "2019"])
    return target


@contextmanager
def read_only(folder: Path):
    """The folder made unwritable: locked (chattr +i) for root, whom modes do not stop; else chmod."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode != 0:
            pytest.skip("cannot make a folder read-only for root here (no chattr +i)")
        undo = ["chattr", "-i", str(folder)]
    else:
        folder.chmod(0o555)
        undo = ["chmod", "755", str(folder)]
    try:
        yield
    finally:
        subprocess.run(undo, check=True)


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- row 15: the output folder

def test_a_file_where_the_session_folder_goes_is_refused_not_replaced(data, tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "2019").write_text("hi\n")
    result = invoke("build", "2019", "--data", str(data), "--output", str(output), "--format", "txt")
    assert result.exit_code == 2, result.output
    assert (f"{output / '2019'}: error: a file stands where the builds of session 2019 go, and a build would "
            "replace it with the session's folder: move or remove it") in result.output
    assert (output / "2019").read_text() == "hi\n"


def test_a_file_put_there_while_the_build_runs_is_not_replaced_either(data, tmp_path):
    """The same, found when the set goes in place (swap.py): the session is not built, exit 2."""
    from pipeline.build.swap import NotAFolder, replace_set

    output = tmp_path / "output"
    output.mkdir()
    (output / "2019").write_text("hi\n")
    with pytest.raises(NotAFolder):
        replace_set(output, 2019, {"sdg-progress.txt": b"new\n"})
    assert (output / "2019").read_text() == "hi\n"
    assert [p.name for p in output.iterdir()] == ["2019"]


def test_an_output_folder_the_build_may_not_write_in_is_exit_2_in_a_drafters_words(data, tmp_path):
    output = tmp_path / "output"
    assert invoke("build", "2019", "--data", str(data), "--output", str(output), "--format", "txt").exit_code == 0
    before = files_under(output)
    (data / "sessions" / "2019" / "sdg-progress.yaml").write_text(
        (data / "sessions" / "2019" / "sdg-progress.yaml").read_text(encoding="utf-8").replace(
            "date: 2019-05-08", "date: 2019-05-09"), encoding="utf-8")
    with read_only(output):
        result = invoke("build", "2019", "--data", str(data), "--output", str(output), "--format", "txt")
    assert result.exit_code == 2, result.output
    assert (f"{output}: error: cannot write in {output}: permission denied; make it writable, or give another "
            "folder with --output") in result.output
    assert "Errno" not in result.output
    assert files_under(output) == before


def test_permission_refused_while_the_set_goes_in_place_is_exit_2_in_a_drafters_words(data, tmp_path, monkeypatch):
    """A folder that turns read-only during the build (or a session folder locked on its own)."""
    import pipeline.build.session as session

    output = tmp_path / "output"

    def refused(output_dir, number, files, keep=None):
        staging = output_dir / f".staging-{number}-{os.getpid()}"
        raise PermissionError(errno.EPERM, "Operation not permitted", str(staging))

    monkeypatch.setattr(session, "replace_set", refused)
    result = invoke("build", "2019", "--data", str(data), "--output", str(output), "--format", "txt", "--jobs", "1")
    assert result.exit_code == 2, result.output
    assert (f"not built: 2019/sdg-progress: cannot write in {output}: permission denied; make it writable, or "
            "give another folder with --output") in result.output
    assert "Errno" not in result.output


@pytest.mark.parametrize("command", ["build", "preview"])
def test_output_naming_a_file_has_the_same_words_as_dev_null(data, tmp_path, command):
    somefile = tmp_path / "somefile"
    somefile.write_text("x\n")
    for target in (somefile, Path("/dev/null")):
        result = invoke(command, "2019", "--data", str(data), "--output", str(target))
        assert result.exit_code == 2, result.output
        assert (f"{target}: error: cannot write the builds here: {target} is a file, not a folder; give another "
                "folder with --output") in result.output
    assert somefile.read_text() == "x\n"


# ---- row 16: edition files not named .yaml

@pytest.mark.parametrize("suffix", ["yml", "YAML", "Yaml", "YML"])
def test_the_only_edition_named_otherwise_than_yaml_is_named_in_the_error(data, tmp_path, suffix):
    folder = data / "sessions" / "2019"
    (folder / "sdg-progress.yaml").rename(folder / f"sdg-progress.{suffix}")
    expected = (f"{folder / f'sdg-progress.{suffix}'}:1:1: error: sdg-progress.{suffix}: edition files end in .yaml; "
                "rename it to sdg-progress.yaml")
    for args in (["validate", "2019"], ["build", "2019", "--output", str(tmp_path / "output"), "--format", "txt"],
                 ["validate"], ["build", "--all", "--output", str(tmp_path / "output"), "--format", "txt"]):
        result = invoke(*args, "--data", str(data))
        assert result.exit_code == 2, result.output
        assert expected in result.output
        assert "no editions for session" not in result.output
    assert not (tmp_path / "output" / "2019").exists()  # (validating or building every session names it too)


def test_a_copy_named_otherwise_beside_the_edition_is_a_warning(data, tmp_path):
    folder = data / "sessions" / "2019"
    shutil.copy(folder / "sdg-progress.yaml", folder / "sdg-progress.YAML")
    expected = (f"{folder / 'sdg-progress.YAML'}:1:1: warning: sdg-progress.YAML is not read: edition files end in "
                ".yaml, and sdg-progress.yaml beside it is the one built; delete sdg-progress.YAML (or move its "
                "edits into sdg-progress.yaml)")
    checked = invoke("validate", "2019", "--data", str(data))
    assert checked.exit_code == 0 and expected in checked.output, checked.output
    assert expected in invoke("validate", "--data", str(data)).output
    built = invoke("build", "2019", "--data", str(data), "--output", str(tmp_path / "output"), "--format", "txt")
    assert built.exit_code == 0 and expected in built.output, built.output
