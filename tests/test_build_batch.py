"""Batch and incremental builds (issue 7): several sessions in parallel, unchanged reports
skipped, a failing report named without stopping the others. Nothing here is timed."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, REPO, replace_in
from pipeline.cli import main
from pipeline.writers.registry import WRITERS
from pipeline.inputs.layout import TEMPLATES_DIR

EDITION_59 = Path("sessions") / "59" / "cmw-status.yaml"


def add_edition(data_dir: Path, session: int, series: str = "cmw-status", template: str | None = None) -> Path:
    """A copy of the session 59 edition as session `session`'s edition of `series` (a copy
    of the cmw-status series, with its own template kind when `template` is given)."""
    if series != "cmw-status":
        text = (data_dir / "series" / "cmw-status.yaml").read_text(encoding="utf-8")
        text = text.replace("id: cmw-status\n", f"id: {series}\n")
        if template:
            text = text.replace("organ: General Assembly\n", f"organ: General Assembly\ntemplate: {template}\n")
        (data_dir / "series" / f"{series}.yaml").write_text(text, encoding="utf-8")
    text = (data_dir / EDITION_59).read_text(encoding="utf-8")
    text = (text.replace("series: cmw-status\n", f"series: {series}\n")
                .replace("session: 59\n", f"session: {session}\n")
                .replace("provisional_agenda: A/59/150", f"provisional_agenda: A/{session}/150"))
    path = data_dir / "sessions" / str(session) / f"{series}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", *args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def states(folder: Path) -> dict[str, tuple[int, int, str]]:
    """name -> (inode, mtime, sha256) of every file below folder: a rewrite changes the inode."""
    return {str(p.relative_to(folder)): (p.stat().st_ino, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def two_sessions(data_copy: Path) -> Path:
    """Data with sessions 59 and 60, one report each (the other committed sessions left out)."""
    add_edition(data_copy, 60)
    for folder in (data_copy / "sessions").iterdir():
        if folder.name not in ("59", "60"):
            shutil.rmtree(folder)
    return data_copy


# Incremental ----------------------------------------------------------------------------

def test_unchanged_reports_are_skipped_and_force_rebuilds(two_sessions, tmp_path):
    out = tmp_path / "out"
    code, output = run_build("59", "60", "--data", str(two_sessions), "--output", str(out), "--format", "txt")
    assert code == 0 and "built 2, skipped 0, failed 0" in output
    before = states(out)
    assert (out / ".build-manifests" / "59.json").is_file()
    code, output = run_build("59", "60", "--data", str(two_sessions), "--output", str(out), "--format", "txt")
    assert code == 0 and "built 0, skipped 2, failed 0" in output
    assert states(out) == before
    code, output = run_build("59", "--force", "--data", str(two_sessions), "--output", str(out), "--format", "txt")
    assert code == 0 and "built 1, skipped 0" in output


def test_a_missing_output_or_another_format_is_built_again(two_sessions, tmp_path):
    out = tmp_path / "out"
    run_build("59", "--data", str(two_sessions), "--output", str(out), "--format", "txt")
    (out / "59" / "cmw-status.txt").unlink()
    code, output = run_build("59", "--data", str(two_sessions), "--output", str(out), "--format", "txt")
    assert "built 1, skipped 0" in output and (out / "59" / "cmw-status.txt").is_file()
    code, output = run_build("59", "--data", str(two_sessions), "--output", str(out), "--format", "docx")
    assert "built 1, skipped 0" in output and (out / "59" / "cmw-status.docx").is_file()


def test_a_data_change_rebuilds_only_the_report_that_reads_it(two_sessions, tmp_path):
    out = tmp_path / "out"
    run_build("59", "60", "--data", str(two_sessions), "--output", str(out), "--format", "txt")
    before = states(out / "59")
    replace_in(two_sessions / "sessions" / "60" / "cmw-status.yaml", "as_at: 2004-08-20", "as_at: 2004-03-01")
    code, output = run_build("59", "60", "--data", str(two_sessions), "--output", str(out), "--format", "txt")
    assert code == 0 and "built 1, skipped 1" in output and "60/cmw-status" in output
    assert states(out / "59") == before
    assert "As at 1 March 2004" in (out / "60" / "cmw-status.txt").read_text(encoding="utf-8")
    # the ledger feeds both reports
    replace_in(two_sessions / "reference" / "cmw-ledger.yaml", "consent: 2001-02-15", "consent: 2004-09-01")
    code, output = run_build("59", "60", "--data", str(two_sessions), "--output", str(out), "--format", "txt")
    assert "built 2, skipped 0" in output


def test_a_template_change_rebuilds_the_reports_that_use_it_and_nothing_else(data_copy, tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, templates)
    shutil.copytree(templates / "report", templates / "other-report")
    add_edition(data_copy, 61, series="other-status", template="other-report")
    out = tmp_path / "out"
    args = ["59", "61", "--data", str(data_copy), "--output", str(out), "--templates", str(templates), "--format", "txt"]
    assert run_build(*args)[0] == 0
    before_61 = states(out / "61")
    with (templates / "report" / "report.html.j2").open("a", encoding="utf-8") as template:
        template.write("{% block author %}Note by the Secretary-General{% endblock %}\n")
    code, output = run_build(*args)
    assert code == 0 and "built 1, skipped 1" in output and "59/cmw-status" in output
    assert "author: Note by the Secretary-General" in (out / "59" / "cmw-status.txt").read_text(encoding="utf-8")
    assert states(out / "61") == before_61
    # the shared base template (and its CSS) is used by both
    replace_in(templates / "base" / "un-report.css", "font-size: 10pt;\n  line-height: 12pt;\n  color: black;",
               "font-size: 10pt;\n  line-height: 12pt;\n  color: #000;")
    code, output = run_build(*args)
    assert code == 0 and "built 2, skipped 0" in output


def test_a_no_op_build_loads_no_models_and_no_writers(two_sessions, tmp_path):
    out = tmp_path / "out"
    run_build("59", "--data", str(two_sessions), "--output", str(out), "--format", "txt")
    probe = ("import sys\nfrom pipeline.cli import main\n"
             "try:\n    main()\nexcept SystemExit as exit:\n"
             "    heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'docx', 'pydantic', 'jinja2'))\n"
             "    print('heavy:', heavy, 'exit:', exit.code)\n")
    result = subprocess.run([sys.executable, "-c", probe, "build", "59", "--data", str(two_sessions),
                             "--output", str(out), "--format", "txt"], cwd=REPO, capture_output=True, text=True)
    assert "built 0, skipped 1" in result.stdout, result.stdout + result.stderr
    assert "heavy: [] exit: 0" in result.stdout


# Parallel -------------------------------------------------------------------------------

def test_jobs_2_writes_the_same_files_as_jobs_1(two_sessions, tmp_path):
    add_edition(two_sessions, 60, series="cmw-status-b")
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        code, output = run_build("--all", "--jobs", jobs, "--data", str(two_sessions), "--output", str(out))
        assert code == 0 and "built 3, skipped 0, failed 0" in output, output
        outputs[jobs] = {name: digest for name, (_, _, digest) in states(out).items()}
    assert outputs["1"] == outputs["2"]
    assert {"59/cmw-status.pdf", "60/cmw-status.docx", "60/cmw-status-b.pdf"} <= set(outputs["2"])


def test_one_report_on_two_jobs_is_split_and_writes_the_same_files(tmp_path):
    outputs = {}
    for jobs in ("1", "2"):  # with 2 jobs a worker writes the PDF while this process writes the rest
        out = tmp_path / f"out-{jobs}"
        code, output = run_build("59", "--jobs", jobs, "--output", str(out), "--data", str(DATA))  # English only
        assert code == 0 and "built 1, skipped 0, failed 0" in output, output
        outputs[jobs] = {name: digest for name, (_, _, digest) in states(out).items()}
    assert outputs["1"] == outputs["2"]
    assert len(outputs["2"]) == len(WRITERS) + 1  # a document of every registered format and the manifest


# Failures -------------------------------------------------------------------------------

def test_an_input_error_in_one_session_leaves_it_unwritten_and_builds_the_others(two_sessions, tmp_path):
    replace_in(two_sessions / "sessions" / "60" / "cmw-status.yaml", "provisional_agenda: A/60/150",
               "provisional_agenda: A/61/150")
    out = tmp_path / "out"
    code, output = run_build("59", "60", "--jobs", "2", "--data", str(two_sessions), "--output", str(out),
                             "--format", "txt")
    assert code == 2
    assert "sessions/60/cmw-status.yaml" in output and "belongs to session 61" in output
    assert "not built: session 60" in output
    assert (out / "59" / "cmw-status.txt").is_file()
    assert not (out / "60").exists() and not (out / ".build-manifests" / "60.json").exists()


def test_the_progress_bar_names_the_report_that_failed(two_sessions, tmp_path):
    """On a terminal, the bar's line names a failed report while its failure is shown, not
    the report of another session the workers were still on."""
    import io

    from pipeline.build.batch import BatchOptions, run_batch
    from pipeline.build.progress import BarProgress

    replace_in(two_sessions / "sessions" / "60" / "cmw-status.yaml", "provisional_agenda: A/60/150",
               "provisional_agenda: A/61/150")
    shown = io.StringIO()
    progress = BarProgress(shown)
    named: list[str] = []
    original = progress.finished

    def finished(report: str, ok: bool, seconds: float) -> None:
        original(report, ok, seconds)
        named.append(progress.bar.postfix)

    progress.finished = finished
    options = BatchOptions(two_sessions, tmp_path / "out", TEMPLATES_DIR, ("txt",), jobs=2)
    run_batch(["59", "60"], options, progress)
    assert "60/cmw-status: FAILED" in named


def test_a_failing_report_is_named_and_leaves_its_session_as_it_was(two_sessions, tmp_path, monkeypatch):
    add_edition(two_sessions, 60, series="cmw-status-b")
    out = tmp_path / "out"
    assert run_build("60", "--data", str(two_sessions), "--output", str(out), "--format", "txt")[0] == 0
    before = states(out / "60")
    replace_in(two_sessions / "sessions" / "60" / "cmw-status.yaml", "as_at: 2004-08-20", "as_at: 2004-03-01")
    replace_in(two_sessions / "sessions" / "60" / "cmw-status-b.yaml", "as_at: 2004-08-20", "as_at: 2004-03-02")
    import pipeline.writers.text as text_writer

    real_write = text_writer.write

    def text_writer_failing_for_b(tree_html: str, context) -> bytes:
        if "A/60/150" in tree_html and "As at 2 March 2004" in tree_html:
            raise RuntimeError("writer crashed on this one")
        return real_write(tree_html, context)

    monkeypatch.setattr(text_writer, "write", text_writer_failing_for_b)  # forked workers inherit it
    code, output = run_build("59", "60", "--force", "--jobs", "2", "--data", str(two_sessions),
                             "--output", str(out), "--format", "txt")
    assert code == 1
    assert "60/cmw-status-b: RuntimeError: writer crashed on this one" in output
    assert "session 60: not built" in output
    assert states(out / "60") == before  # its sibling was rendered, but not written alone
    assert (out / "59" / "cmw-status.txt").is_file()
    assert "built 1, skipped 0, failed 2" in output


def test_bad_session_ids_build_nothing(two_sessions, tmp_path):
    code, output = run_build("59", "6o", "--data", str(two_sessions), "--output", str(tmp_path / "out"))
    assert code == 2 and "session must be a number from 1 to 999 or a year from 1940 to 2099, not '6o'" in output
    assert not (tmp_path / "out").exists()
    code, output = run_build("--data", str(two_sessions))
    assert code == 2 and "--all" in output


def test_all_builds_every_session_folder_with_progress_lines(two_sessions, tmp_path):
    code, output = run_build("--all", "--data", str(two_sessions), "--output", str(tmp_path / "out"), "--format", "txt")
    assert code == 0 and "[1/2]" in output and "[2/2]" in output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".build-manifests", "59", "60"]


@pytest.mark.parametrize("also_changed", [False, True])
def test_a_deleted_language_versions_outputs_are_removed(tmp_path, also_changed):
    """Attack 5 row 13: the outputs of a version whose file was deleted stayed beside the rebuilt
    original (the French '27 août' beside the English '30 August'), whether or not anything
    else changed."""
    from conftest import FULL_DATA

    data, out = tmp_path / "data", tmp_path / "out"
    shutil.copytree(FULL_DATA / "sessions" / "59", data / "sessions" / "59")
    for part in ("series", "reference", "languages", "figures"):
        if (FULL_DATA / part).is_dir():
            shutil.copytree(FULL_DATA / part, data / part)
    code, output = run_build("59", "--data", str(data), "--output", str(out), "--format", "txt")
    assert code == 0 and (out / "59" / "cmw-status.fr.txt").is_file(), output
    (out / "59" / "my-notes.txt").write_text("a drafter's own file\n", encoding="utf-8")  # attack 7 row 9: kept
    (data / "sessions" / "59" / "cmw-status.fr.yaml").unlink()
    if also_changed:
        replace_in(data / EDITION_59, "date: 2004-08-27", "date: 2004-08-30")
    code, output = run_build("59", "--data", str(data), "--output", str(out), "--format", "txt")
    assert code == 0, output
    assert not list((out / "59").glob("cmw-status.fr.*")) and (out / "59" / "cmw-status.es.txt").is_file()
    assert (out / "59" / "my-notes.txt").is_file()
    assert "cmw-status.fr is no longer in the session; its outputs are removed" in output
