"""Reading YAML: every syntax mistake is one located problem that says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.inputs.problems import InputError
from pipeline.inputs.sources import find_in_value, load_yaml, locate_key

# (file text, expected "line:col: message") -- each a small bad file
SYNTAX_CASES = [
    ("series cmw-status\nsession: 59\n",
     "1:1: error: YAML syntax: this line has no ':' after its key; write 'key: value'"),
    ("a: 1\nseries cmw-status\nsession: 59\n",
     "2:1: error: YAML syntax: this line is neither 'key: value' nor indented as part of the text above it; "
     "add the ':' or indent it like the lines above"),
    ("a: 1\ntitle: Human rights: implementation\n",
     "2:20: error: YAML syntax: a ': ' inside a value; put the whole value in double quotes"),
    ('a: "abc\nb: 2\n', "1:4: error: YAML syntax: the quotation mark opened here is never closed"),
    ("a: 1\n\tb: 2\n", "2:1: error: YAML syntax: a tab character; indent YAML with spaces only"),
    ("a:\n  b: 1\n c: 2\n",
     "3:2: error: YAML syntax: this line is indented differently from the lines above it; "
     "line it up with the other keys or list items at its level"),
    ("a: 1\na: 2\n", "2:1: error: duplicate key 'a': keep only one of them"),
    ("a: 1\n---\nb: 2\n", "2:1: error: YAML syntax: a file holds one document; remove this '---' line and what it starts"),
    ("a: @x\n", "1:4: error: YAML syntax: a value cannot start with '@'; put the value in double quotes"),
    ("a: [1, 2\nb: 3\n", "1:4: error: YAML syntax: the bracket opened here is not closed; close it with ']' (or put the value in double quotes)"),
    ("a: " + "[" * 3000 + "]" * 3000 + "\n", "1:1: error: YAML nested too deeply to read; check the brackets"),
    (b"a: caf\xe9\n", "1:7: error: file is not valid UTF-8 text; save it as UTF-8"),
]


@pytest.mark.parametrize("text, expected", SYNTAX_CASES)
def test_syntax_mistake_is_one_located_problem(tmp_path: Path, text: str | bytes, expected: str):
    path = tmp_path / "bad.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert [str(p) for p in caught.value.problems] == [f"{path}:{expected}"]


def test_impossible_date_stays_text_for_the_model_to_report(tmp_path: Path):
    path = tmp_path / "d.yaml"
    path.write_text("good: 2004-02-29\nbad: 2004-02-30\n")
    value = load_yaml(path)
    assert str(value["good"]) == "2004-02-29" and value["bad"] == "2004-02-30"


def test_keys_and_text_inside_folded_values_are_located(tmp_path: Path):
    path = tmp_path / "t.yaml"
    path.write_text("a: 1\nbody:\n  - paragraph: >-\n      one Libyan Arab\n      Jamahiriya and\n      Libya.\n")
    value = load_yaml(path)
    assert str(locate_key(value, "body")) == f"{path}:2:1"
    found = find_in_value(value, ("body", 0, "paragraph"), r"Libyan\s+Arab\s+Jamahiriya|Libya\b")
    assert [(str(where), m.group()) for where, m in found] == [
        (f"{path}:4:11", "Libyan Arab\n      Jamahiriya"), (f"{path}:6:7", "Libya")]
