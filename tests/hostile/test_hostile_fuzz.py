"""Hostile corpus, class "fuzz": hypothesis writes paragraph expressions from the sandbox's
operators, data and filters, and raw bytes into YAML and CSV inputs. Whatever it writes,
`validate` ends with exit 0 or 2 (never a traceback) in a bounded time, and `render` either
returns text within the paragraph limit or raises an error validation reports."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

pytest.register_assert_rewrite("hostile_corpus")

from conftest import DATA  # noqa: E402
from hostile_corpus import E, N, invoke  # noqa: E402
from pipeline.compose.blocks import EXPRESSION_ERRORS  # noqa: E402
from pipeline.compose.sandbox import MAX_TEXT, render_paragraph_text  # noqa: E402

EXAMPLES = int(os.environ.get("UNREPORT_HYPOTHESIS_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])

ATOMS = st.sampled_from(["parties", "signatories", "session", "as_at", "'x'", "'ab'", "10", "10000", "64", "2",
                         "[1]", "[parties]", "-1", "0", "1.5", "''", "members", "treaty"])
OPERATORS = st.sampled_from(["*", "**", "+", "-", "~", "//", "%", "/"])
FILTERS = st.sampled_from(["", "|count", "|states", "|number", "|date", "|and_list", "|upper_first", "|ordinal"])


@st.composite
def expressions(draw, depth: int = 0) -> str:
    """An expression of atoms, operators and filters, nested a few levels."""
    if depth > 3 or draw(st.booleans()):
        return draw(ATOMS) + draw(FILTERS)
    left, right = draw(expressions(depth + 1)), draw(expressions(depth + 1))
    return f"({left} {draw(OPERATORS)} {right}){draw(FILTERS)}"


CONTEXT = {"parties": [f"State {n}" for n in range(26)], "signatories": [f"State {n}" for n in range(15)],
           "session": 59, "members": [], "treaty": "cmw"}


@FUZZ
@given(st.lists(expressions(), min_size=1, max_size=4))
def test_paragraph_expressions_are_bounded(parts):
    source = "As at " + " and ".join("{{ " + part + " }}" for part in parts) + "."
    started = time.perf_counter()
    try:
        text = render_paragraph_text(source, CONTEXT)
    except EXPRESSION_ERRORS:
        pass  # validation turns these into located messages
    else:
        assert len(text) <= MAX_TEXT
    assert time.perf_counter() - started < 20  # a hang, not a speed target (those are in bench/)


@FUZZ
@given(st.sampled_from([E, N]), st.integers(min_value=0, max_value=2000), st.binary(min_size=1, max_size=8))
def test_raw_bytes_in_inputs_give_exit_0_or_2(tmp_path_factory, file, position, garbage):
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(DATA, root / "data")
    path = root / "data" / file
    content = path.read_bytes()
    at = position % (len(content) + 1)
    path.write_bytes(content[:at] + garbage + content[at:])
    here = Path.cwd()
    os.chdir(root)
    try:
        result = invoke(["validate", "--data", "data", "59"])
    finally:
        os.chdir(here)
    assert result.exit_code in (0, 2)
    if result.exit_code == 2:
        assert all(": error: " in line or ": warning: " in line for line in result.stdout.splitlines())
