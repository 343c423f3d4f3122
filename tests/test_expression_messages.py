"""An expression that fails in a named table's cell is reported at the series file, where the
cell is written (it was reported at the edition's `- table:` line and called a "paragraph"), and
the expression engine's Python words are said in a drafter's ("cannot take a StrictUndefined",
"ref() missing 1 required positional argument", "unsupported operand type(s)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import problems_of, replace_in

SERIES = "series/cat-status.yaml"
EDITION = "sessions/53/cat-status.yaml"
CELL = "\"{{ row.declarations['21']|date }}\""



CASES = [
    (SERIES, CELL, "\"{{ row.declarations['99']|date }}\"",
     f"data/{SERIES}:34:56: error: the filter 'date' cannot take nothing (the data it is given does not exist); "
     "see 'Writing paragraphs' in README for what each filter takes"),
    (SERIES, CELL, "\"{{ row.declarations['99'] }}\"",
     f"data/{SERIES}:34:51: error: table cell uses data that does not exist: it has no '99'"),
    (SERIES, CELL, "\"{{ row.nmae }}\"",
     f"data/{SERIES}:34:37: error: table cell uses data that does not exist: a State's entry has no attribute 'nmae'"),
    (SERIES, CELL, "\"{{ 10**99|ordinal }}\"",
     f"data/{SERIES}:34:30: error: table cell expression failed: '**' cannot combine a number and text"),
    (EDITION, "Convention entered into force on", "Convention entered into force {{ ref() }} on",
     f"data/{EDITION}:36:66: error: paragraph expression failed: ref() needs the id of the block it refers "
     "to between its brackets, like ref(\"adoption\")"),
]


@pytest.mark.parametrize("file, old, new, expected", CASES, ids=[c[2] for c in CASES])
def test_a_failing_expression_is_told_where_it_is_written_in_a_drafters_words(data_copy, monkeypatch,
                                                                               file, old, new, expected):
    replace_in(data_copy / file, old, new)
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data"), 53) == [expected]
