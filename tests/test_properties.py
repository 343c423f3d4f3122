"""Property-based tests: any text a drafter (or a pasted e-mail) puts in an edition either
builds both formats or fails with located validation errors, never with a traceback."""

from __future__ import annotations

import os
import shutil

import yaml
from hypothesis import HealthCheck, event, given, settings, strategies as st

from conftest import DATA
from pipeline.build.session import build_session
from pipeline.inputs.problems import InputError

settings.register_profile("ci", max_examples=int(os.environ.get("UNREPORT_HYPOTHESIS_EXAMPLES", "40")),
                          deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
settings.load_profile("ci")

EDITION = yaml.safe_load((DATA / "sessions" / "59" / "cmw-status.yaml").read_text(encoding="utf-8"))

COMBINING = st.characters(min_codepoint=0x0300, max_codepoint=0x036F)
RIGHT_TO_LEFT = st.characters(min_codepoint=0x0590, max_codepoint=0x06FF)
PRINTABLE = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
ANY = st.characters(codec="utf-8", exclude_categories=("Cs",))  # control characters too
words = st.one_of(
    st.text(PRINTABLE, min_size=1, max_size=12),
    st.text(PRINTABLE, min_size=1, max_size=12),
    st.text(ANY, min_size=1, max_size=3),
    st.text(RIGHT_TO_LEFT, min_size=1, max_size=12),
    st.builds(lambda base, marks: base + marks, st.text(st.characters(min_codepoint=0x61, max_codepoint=0x7A),
                                                       min_size=1, max_size=3), st.text(COMBINING, max_size=4)),
    st.text(st.characters(min_codepoint=0x61, max_codepoint=0x7A), min_size=200, max_size=400),  # one long word
)
prose = st.lists(words, min_size=1, max_size=40).map(" ".join)


@st.composite
def editions(draw) -> dict:
    edition = {**EDITION, "agenda": dict(EDITION["agenda"])}
    body = [{"paragraph": draw(prose)} for _ in range(draw(st.integers(1, 6)))]
    if draw(st.booleans()):
        body = [dict(block) for block in body * draw(st.integers(1, 8))]  # a long list of paragraphs
    if draw(st.booleans()):
        body.insert(draw(st.integers(0, len(body))), {"table": "committee-members"})
    edition["body"] = body
    edition["agenda"]["title"] = draw(prose)
    if draw(st.booleans()):
        edition["footnotes"] = {"n": draw(prose)}
        first = next(i for i, block in enumerate(body) if "paragraph" in block)
        body[first] = {"paragraph": body[first]["paragraph"] + "[^n]"}
    for optional in ("job_number", "symbol"):
        if draw(st.booleans()):
            edition.pop(optional, None)
    return edition


@given(edition=editions())
def test_any_text_builds_or_fails_with_located_errors(edition, tmp_path_factory):
    root = tmp_path_factory.mktemp("prop")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("60"))
    path = data / "sessions" / "59" / "cmw-status.yaml"
    path.write_text(yaml.safe_dump(edition, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        result = build_session(59, data, root / "out", ("html", "txt", "pdf", "docx"))
        event("built")
    except InputError as failure:
        event("refused: " + failure.errors[0].message.split(";")[0][:40])
        assert failure.errors, "an InputError must carry at least one error"
        for problem in failure.errors:
            assert problem.location.path and problem.message
        assert not (root / "out").exists()
        return
    files = result.editions[0].files
    assert files["pdf"].read_bytes().startswith(b"%PDF")
    assert files["docx"].read_bytes().startswith(b"PK")
