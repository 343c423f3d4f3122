"""README's field reference lists every key the edition and series models declare, with
whether it is required, and no key they do not: the table cannot drift from the code."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from conftest import REPO
from pipeline.model.edition import AgendaItem, Annex, Edition, MastheadNote
from pipeline.model.series import Series

ROW = re.compile(r"^\| `([\w.\[\]]+)` \| .* \| (yes|yes, in [^|]+|no) \|$")


def declared(model: type[BaseModel], prefix: str = "") -> dict[str, bool]:
    """Each key of a model (with `prefix`) -> whether the file must give it."""
    return {prefix + name: info.is_required() for name, info in model.model_fields.items()}


def readme_table(heading: str) -> dict[str, bool]:
    """The rows of README's table whose head starts with `heading`: key -> required."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(f"| {heading} | meaning | example | required |")
    rows: dict[str, bool] = {}
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        found = ROW.match(line)
        assert found, f"README field table row not in the form | `key` | meaning | example | required |: {line}"
        rows[found[1]] = found[2] != "no"
    return rows


@pytest.mark.parametrize("heading, expected", [
    ("edition key", {**declared(Edition), **declared(AgendaItem, "agenda."),
                     **declared(MastheadNote, "masthead_notes[]."), **declared(Annex, "annexes[].")}),
    ("series key", declared(Series)),
])
def test_readme_lists_every_declared_key_and_whether_it_is_required(heading, expected):
    assert readme_table(heading) == expected


def test_every_file_the_readme_names_exists():
    """A module or test the README points a reader to is where it says (the diff views' modules
    had moved into pipeline/compare/ while the README still named pipeline/diff.py)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"(?:pipeline|tests|bench|scripts|templates)/[\w./-]*\.(?:py|j2|css|yaml|md)", text))
    assert named and not sorted(path for path in named if not (REPO / path).exists())
