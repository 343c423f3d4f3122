"""Files are read through libyaml when PyYAML has it (pipeline/inputs/sources.py): the fast
loader must give every committed data file the same values and the same locations (line,
column, spans) as the careful pure-Python loader, and leave every problem to the careful one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import FULL_DATA
from pipeline.inputs import sources

FILES = sorted(FULL_DATA.rglob("*.yaml"))
pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml: one loader only")


def located(value):
    """A value with every location the loaders record, for comparison."""
    if isinstance(value, sources.LocatedDict):
        return ("map", value.location, dict(value.key_locations), dict(value.key_positions), dict(value.spans),
                {k: located(v) for k, v in value.items()})
    if isinstance(value, sources.LocatedList):
        return ("seq", value.location, value.item_locations, value.item_spans, [located(v) for v in value])
    return value


def careful(path: Path):
    loader = sources._LocatingLoader(path.read_text(encoding="utf-8"))
    loader.source_path, loader.source_text = str(path), path.read_text(encoding="utf-8")
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(FULL_DATA)))
def test_the_fast_loader_reads_each_data_file_as_the_careful_one(path):
    text = path.read_text(encoding="utf-8")
    assert located(sources._fast_load(text, str(path))) == located(careful(path))


@pytest.mark.parametrize("text, message", [
    ("a: &x [1, 2]\nb: *x\n", "aliases (*x) are not allowed"),
    ("a: 1\na: 2\n", "duplicate key 'a'"),
    ("a: [1, 2\n", "YAML syntax"),
])
def test_what_the_fast_loader_cannot_read_is_told_by_the_careful_one(tmp_path, text, message):
    from pipeline.inputs.problems import InputError

    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        sources.load_yaml(path)
    assert message in raised.value.problems[0].message and raised.value.problems[0].location.line
