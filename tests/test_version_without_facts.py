"""A language version of a series that declares no committee (the CAT status report: a treaty
only) or no facts at all (the FGM report): its facts are named in the language without the
sources the series does not declare. Both ended in a Python traceback in validate, build,
new-edition, diff and the preview (`facts.members` / `facts.status` were None)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import build, data_copy  # noqa: F401 -- data_copy is a fixture


def drafted_with_french_version(data: Path, session: int, series: str) -> None:
    """Make the edition a draft (a draft may leave its blocks untranslated) with a French version."""
    edition = data / "sessions" / str(session) / f"{series}.yaml"
    text = edition.read_text(encoding="utf-8")
    edition.write_text(re.sub(r"(?m)^(symbol|job_number): .*$", r"\1: ~", text), encoding="utf-8")
    (edition.parent / f"{series}.fr.yaml").write_text(
        'language: fr\nstatus: unofficial\njob_number: null\ntitle: "Titre de brouillon"\n'
        'agenda_title: "Titre du point"\n', encoding="utf-8")


@pytest.mark.parametrize("session, series", [(53, "cat-status"), (73, "female-genital-mutilation")])
def test_a_version_of_a_series_without_a_committee_or_facts_validates_and_builds(data_copy, tmp_path,
                                                                                 session, series):
    from pipeline.inputs.load import load_session
    from pipeline.validate import validate

    drafted_with_french_version(data_copy, session, series)
    problems = validate(load_session(data_copy, session))
    assert not [p for p in problems if p.severity == "error"], problems
    files = build(data_copy, tmp_path / "out", session, formats=("txt",), language="fr", series=f"{series}.fr")
    text = files["txt"].read_text(encoding="utf-8")
    assert "Titre de brouillon" in text
