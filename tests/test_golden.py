"""Golden snapshots: every committed edition's canonical text and tree equal their reviewed
copies in tests/golden/; a template change fails naming the block; builds are deterministic."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, FULL_DATA, REPO, replace_in
from pipeline.compare import golden
from pipeline.inputs.problems import InputError
from pipeline.cli import main
from pipeline.inputs.layout import TEMPLATES_DIR
from scratch60 import add_session_60

EDITIONS = sorted((DATA / "sessions").glob("*/*.yaml"))


@pytest.mark.parametrize("edition", EDITIONS, ids=[f"{p.parent.name}/{p.stem}" for p in EDITIONS])
def test_committed_edition_matches_its_golden(edition: Path):
    """Discovered from data/sessions: a new edition without a golden fails, saying what to run;
    each of its language versions is checked against its own golden."""
    committed = FULL_DATA / edition.relative_to(DATA)
    found = [s for s in golden.snapshots(FULL_DATA, edition.parent.name) if s.source == committed]
    assert found
    problems = [problem for snapshot in found if (problem := golden.check(snapshot))]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_no_golden_without_an_edition():
    assert golden.stale_goldens(FULL_DATA) == []


@pytest.fixture
def templates_copy(tmp_path) -> Path:
    target = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, target)
    return target


def check_59_with(templates: Path) -> str | None:
    (snapshot,) = golden.snapshots(DATA, "59", templates)
    return golden.check(snapshot)


def test_moving_the_agenda_note_fails_naming_both_lines(templates_copy):
    base = templates_copy / "base" / "un-report.html.j2"
    call = '{{ blocks.note_calls(report, "agenda") }}'
    line = "version.style.agenda_line(edition.agenda_items, edition.agenda_listing) }}"
    replace_in(base, f"{line}{call}</p>", f"{line}</p>")  # the wording itself is in data/languages/
    replace_in(base, "{{ item.title|line_breaks }}</p>", "{{ item.title|line_breaks }}" + call + "</p>")
    problem = check_59_with(templates_copy)
    assert problem is not None
    assert '  agenda item changed: "Item 107 (a) of the provisional agenda*" -> "Item 107 (a) of the provisional agenda"' in problem
    assert "  agenda title changed:" in problem
    assert "run `make golden`" in problem


def test_renaming_a_table_heading_fails_naming_the_row(templates_copy):
    replace_in(templates_copy / "base" / "blocks.html.j2", "{{ heading }}</th>", "{{ heading|replace('Name of', 'Name of the') }}</th>")
    problem = check_59_with(templates_copy)
    assert '  table committee-members head row changed: "Name of member | ' in problem
    assert "@@ table committee-members head row changed @@" in problem


def test_a_markup_only_change_fails_on_the_tree(templates_copy):
    author = '{% block author %}{{ author_line }}{% endblock %}'
    replace_in(templates_copy / "base" / "un-report.html.j2", author, f'<strong>{author}</strong>')
    problem = check_59_with(templates_copy)
    assert "cmw-status document tree (golden)" in problem
    assert '+<p class="report-author"><strong>Report of the Secretary-General</strong></p>' in problem


def test_an_undeclared_attribute_fails_the_build_at_its_template_line(templates_copy):
    replace_in(templates_copy / "base" / "un-report.html.j2", '<p class="report-author">', '<p class="report-author" lang="en">')
    with pytest.raises(InputError) as caught:
        check_59_with(templates_copy)
    (problem,) = caught.value.problems
    lines = (templates_copy / "base" / "un-report.html.j2").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if '<p class="report-author" lang="en">' in text)
    assert str(problem.location).endswith(f"base/un-report.html.j2:{line}:4")
    assert "attribute 'lang' is not declared for 'report-author'" in problem.message


def test_unchanged_templates_pass(templates_copy):
    assert check_59_with(templates_copy) is None


def test_compare_with_golden_is_none_when_equal_and_a_diff_otherwise():
    text = (REPO / "tests" / "golden" / "59" / "cmw-status.txt").read_text(encoding="utf-8")
    assert golden.compare_with_golden(text, text) is None
    changed = text.replace("twentieth instrument", "twenty-first instrument")
    assert '  paragraph 2 changed:\n    replaced: "twentieth" -> "twenty-first"' in golden.compare_with_golden(changed, text)


def test_new_edition_without_golden_says_run_make_golden(data_copy, tmp_path):
    add_session_60(data_copy)
    goldens = tmp_path / "golden"
    shutil.copytree(REPO / "tests" / "golden", goldens)
    shutil.rmtree(goldens / "60", ignore_errors=True)  # the scratch 60 is new, whatever is committed
    result = CliRunner().invoke(main, ["golden", "--data", str(data_copy), "--golden", str(goldens)])
    assert result.exit_code == 1
    assert "sessions/60/cmw-status.yaml: no golden snapshot" in result.stdout and "run `make golden`" in result.stdout
    update = CliRunner().invoke(main, ["golden", "--update", "--data", str(data_copy), "--golden", str(goldens)])
    assert update.exit_code == 0 and f"wrote {goldens / '60' / 'cmw-status.txt'}" in update.stdout
    again = CliRunner().invoke(main, ["golden", "--data", str(data_copy), "--golden", str(goldens)])
    editions = len(list((data_copy / "sessions").glob("*/*.yaml")))
    assert again.exit_code == 0 and again.stdout == f"ok: {editions} edition(s) match their golden snapshots\n"


def test_update_removes_goldens_of_editions_that_are_gone(tmp_path):
    goldens = tmp_path / "golden"
    shutil.copytree(REPO / "tests" / "golden", goldens)
    (goldens / "58").mkdir()
    (goldens / "58" / "cmw-status.txt").write_text("old\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["golden", "--golden", str(goldens)]).exit_code == 1
    written, removed = golden.update(FULL_DATA, goldens)
    assert removed == [goldens / "58" / "cmw-status.txt"]
    assert all(path.parent.name != "58" for path in written)
    assert not (goldens / "58" / "cmw-status.txt").exists()


def test_the_same_build_twice_gives_identical_canonical_forms(tmp_path):
    """Two builds in fresh processes with other hash seeds, time zones and locales."""
    outputs = []
    for seed, zone, locale in (("1", "Pacific/Auckland", "C"), ("2", "America/Los_Angeles", "C.UTF-8")):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone, "LC_ALL": locale}
        subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "59", "--format", "txt", "--output", str(out)],
                       cwd=REPO, env=env, check=True, capture_output=True)
        outputs.append({fmt: (out / "59" / f"cmw-status.{fmt}").read_bytes() for fmt in ("txt", "html")})
    assert outputs[0] == outputs[1]
    assert outputs[0]["txt"] == (REPO / "tests" / "golden" / "59" / "cmw-status.txt").read_bytes()
