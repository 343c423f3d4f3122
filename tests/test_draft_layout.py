"""A drafted edition differs from its source in the lines new-edition changes only, whatever
indentation the source is written in; what ruamel.yaml cannot write back as it stood (a text run
over several lines without '>-') is named, with its first line, so a drafter knows why a
comparison of the two files shows more."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from conftest import DATA
from pipeline.cli import main

EDITION = Path("sessions/59/cmw-status.yaml")
DRAFT = Path("sessions/60/cmw-status.yaml")


def _draft(tmp_path: Path, rewrite=None):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    shutil.rmtree(data / "sessions" / "60")
    if rewrite:
        (data / EDITION).write_text(rewrite((data / EDITION).read_text(encoding="utf-8")), encoding="utf-8")
    result = CliRunner().invoke(main, ["new-edition", "59", "60", "--data", str(data)])
    assert result.exit_code == 0, result.output
    source = (data / EDITION).read_text(encoding="utf-8").splitlines()
    draft = (data / DRAFT).read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(source, draft, lineterm="", n=0)
               if line[:1] in "-+" and not line.startswith(("---", "+++"))]
    return result.output, changed


def test_a_committed_edition_drafts_line_for_line(tmp_path):
    output, changed = _draft(tmp_path)
    assert "note:" not in output
    assert len(changed) < 40, changed  # the header, session, previous, symbol, dates, agenda, change paragraph


def test_an_edition_in_pyyaml_layout_keeps_its_indentation_and_names_what_it_cannot_keep(tmp_path):
    def pyyaml_layout(text: str) -> str:
        return yaml.safe_dump(yaml.safe_load(text), sort_keys=False, allow_unicode=True, width=90)

    output, changed = _draft(tmp_path, pyyaml_layout)
    assert f"note: {tmp_path / 'data' / EDITION}:" in output and "write such texts as '>-' blocks" in output
    # the sequences keep PyYAML's indentation ("- paragraph:" at the key's column): no line of
    # the draft is a re-indented copy of a source line
    removed = {line[1:].strip() for line in changed if line.startswith("-")}
    added = {line[1:].strip() for line in changed if line.startswith("+")}
    assert not (removed & added), sorted(removed & added)[:3]


def test_a_draft_names_what_it_carries_that_may_be_the_source_editions_alone(tmp_path):
    """Attack 4 row 10: a late submission's note, a reissue's mark or a special edition's title
    were carried into the next edition silently; the draft now names them, and the todo of an
    organ whose sessions are years names 'the 2020 session' (not 'the two thousand and twentieth')."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    result = CliRunner().invoke(main, ["new-edition", "2019", "2020", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert ("sdg-progress.yaml: carried over as they stand in" in result.output
            and "the masthead note on the author 'The present report was submitted after the deadline"
            in result.output), result.output
    drafted = (data / "sessions" / "2020" / "sdg-progress.yaml").read_text(encoding="utf-8")
    assert "provisional agenda of the 2020 session (E/2020/...)" in drafted
    assert "twentieth" not in drafted


def test_a_draft_says_it_leaves_the_session_days_out(tmp_path):
    """Attack 5 row 20: the Council's optional session dates were dropped without a word."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "sessions" / "26" / "peaceful-assembly-association.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "session: 26\n", "session: 26\nsession_dates: {opens: 2014-06-10, closes: 2014-06-27}\n", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["new-edition", "26", "27", "--data", str(data), "--series",
                                       "peaceful-assembly-association", "--date", "2015-04-14", "--as-at", "2015-04-14"])
    assert result.exit_code == 0, result.output
    assert "session_dates) are left out; give the new session's" in result.output
