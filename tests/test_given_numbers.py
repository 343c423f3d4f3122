"""A reproduction whose middle is out of reach keeps the real numbers of what it reached:
`number:` on a heading or paragraph (chapter VIII, paragraph 60 after paragraph 2) prints that
number in every format, the count goes on from it, contents ranges and cross-references follow;
a number that repeats or goes back is a located error, one the count would give anyway a
warning."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import DATA, assert_in_order, build, pdftotext, replace_in
from docxtext import body_blocks
from pipeline.inputs.load import load_session
from pipeline.validate import validate

EDITION = Path("sessions/59/cmw-status.yaml")
ANCHOR = "body:\n"
REACHED = """contents: true
body:
  - chapter: Introduction
  - paragraph: The first paragraph reached.
  - paragraph: "[Paragraphs 2 to 59 and chapters II to VII are not available in the sources reached.]"
    numbered: false
  - chapter: Conclusions
    number: 8
  - paragraph: The sixtieth paragraph, the first reached after the gap.
    number: 60
  - paragraph: The next one, as {{ ref("next-one") }} says.
    id: next-one
  - chapter: Recommendations
  - paragraph: A recommendation after them.
"""


def _problems(data_copy) -> list[str]:
    return [str(p) for p in validate(load_session(data_copy, 59))]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    data = tmp_path_factory.mktemp("given") / "data"
    shutil.copytree(DATA, data)
    replace_in(data / EDITION, ANCHOR, REACHED)
    return build(data, tmp_path_factory.mktemp("out"), formats=("txt", "pdf", "docx", "akn"))


def test_given_numbers_print_and_the_count_goes_on_in_the_canonical_text(built):
    text = built["txt"].read_text(encoding="utf-8")
    assert "[chapter] VIII. Conclusions" in text
    assert re.findall(r"^¶(\d+) ", text, re.M)[:4] == ["1", "60", "61", "62"]
    assert "as paragraph 61 says" in text
    chapters = re.findall(r"^\[chapter\] ([IVXL]+)\.", text, re.M)
    assert chapters[:3] == ["I", "VIII", "IX"]  # the chapter after the given one is IX


def test_given_numbers_print_in_pdf_and_docx(built):
    pdf = " ".join(pdftotext(built["pdf"]).split())
    assert_in_order(pdf, ["VIII. Conclusions", "60. The sixtieth paragraph", "61. The next one, as paragraph 61 says"])
    assert re.search(r"VIII\.\s+Conclusions\s.*?\b60\b", pdf), "the contents list names chapter VIII from paragraph 60"
    docx = " ".join(body_blocks(built["docx"]))
    assert_in_order(docx, ["VIII.", "Conclusions", "60.", "The sixtieth paragraph", "61.", "The next one"])


def test_given_numbers_reach_akoma_ntoso(built):
    akn = built["akn"].read_text(encoding="utf-8")
    assert re.search(r"<num>VIII\.?</num>\s*<heading>Conclusions</heading>", akn), akn[:2000]
    assert re.search(r"<num>60\.?</num>", akn)


def test_a_number_that_goes_back_is_a_located_error(data_copy):
    replace_in(data_copy / EDITION, ANCHOR, REACHED.replace("    number: 60\n", "    number: 1\n"))
    errors = [p for p in _problems(data_copy) if ": error: " in p]
    assert len(errors) == 1, errors
    assert "sessions/59/cmw-status.yaml:26:13: error: " in errors[0], errors
    assert "would print paragraph 1, but paragraph 1 comes before it" in errors[0]


def test_a_chapter_number_that_repeats_is_a_located_error(data_copy):
    replace_in(data_copy / EDITION, ANCHOR, REACHED.replace("    number: 8\n", "    number: 1\n"))
    errors = [p for p in _problems(data_copy) if ": error: " in p]
    assert len(errors) == 1 and "cmw-status.yaml:24:13: error: " in errors[0], errors
    assert "would print chapter I., but chapter I. comes before it" in errors[0]


def test_a_number_the_count_gives_anyway_is_a_warning(data_copy):
    replace_in(data_copy / EDITION, ANCHOR, REACHED.replace("    number: 60\n", "    number: 2\n"))
    problems = _problems(data_copy)
    assert not [p for p in problems if ": error: " in p]
    assert any("cmw-status.yaml:26:13: warning: " in p and "'number: 2' is the number the count gives" in p for p in problems)


@pytest.mark.parametrize("block, message", [
    ("  - paragraph: Unnumbered.\n    numbered: false\n    number: 3\n", "takes no 'number:'"),
    ("  - paragraph: Quoted.\n    quote: true\n    number: 3\n", "a quoted passage takes no number"),
])
def test_a_number_on_a_block_without_one_is_refused(data_copy, block, message):
    replace_in(data_copy / EDITION, ANCHOR, "body:\n" + block)
    problems = [str(p) for p in load_session(data_copy, 59).problems]
    assert any("cmw-status.yaml:" in p and message in p for p in problems), problems


def test_a_number_on_a_summary_paragraph_is_a_located_error(data_copy):
    replace_in(data_copy / EDITION, ANCHOR, "summary:\n  - paragraph: A summary.\n    number: 4\n" + REACHED)
    errors = [p for p in _problems(data_copy) if ": error: " in p]
    assert len(errors) == 1 and "cmw-status.yaml:19:13: error: the summary's paragraphs are never numbered" in errors[0]


def test_a_number_beyond_what_a_report_bears_is_an_error(data_copy):
    """'number: 99999' on a chapter printed a line of Ms that ran off the page, and 30 on a
    section printed 'DD.': both are errors at the number."""
    from pipeline.inputs.load import load_session
    from pipeline.validate import validate

    edition = data_copy / "sessions" / "59" / "cmw-status.yaml"
    edition.write_text(edition.read_text(encoding="utf-8").replace(
        "body:\n", "body:\n  - chapter: Later\n    number: 99999\n  - section: S\n    number: 30\n", 1), encoding="utf-8")
    errors = [str(p) for p in validate(load_session(data_copy, 59)) if p.severity == "error"]
    assert any("cmw-status.yaml:19:13:" in e and "beyond the highest number a chapter bears (XCIX.)" in e for e in errors)
    assert any("cmw-status.yaml:21:13:" in e and "beyond the highest number a section bears (Z.)" in e for e in errors)


# ---------------------------------------------------------------- placeholders: stands_for

STANDS_FOR = """contents: true
body:
  - chapter: Introduction
  - paragraph: The first paragraph reached.
  - paragraph: "[Paragraphs 2 to 4 are not available in the sources reached.]"
    numbered: false
    stands_for: 2-4
  - chapter: Conclusions
  - paragraph: "[The text of chapter II, paragraphs 5 to 12, is not available in the sources reached.]"
    numbered: false
    stands_for: 5-12
  - chapter: Recommendations
  - paragraph: The thirteenth paragraph, as {{ ref("thirteen") }} says.
    id: thirteen
"""


@pytest.fixture(scope="module")
def built_placeholders(tmp_path_factory) -> dict[str, Path]:
    data = tmp_path_factory.mktemp("stands") / "data"
    shutil.copytree(DATA, data)
    replace_in(data / EDITION, ANCHOR, STANDS_FOR)
    return build(data, tmp_path_factory.mktemp("out"), formats=("txt", "pdf", "docx"))


def test_placeholders_keep_the_count_and_the_contents_ranges(built_placeholders):
    """The real contents list gives each chapter's paragraphs (1-4, 5-12, 13): so does ours,
    though only paragraphs 1 and 13 are reproduced; the placeholders print no number."""
    text = built_placeholders["txt"].read_text(encoding="utf-8")
    assert re.findall(r"^¶(\d+) ", text, re.M)[:3] == ["1", "13", "14"]  # then the edition's own paragraphs
    assert "as paragraph 13 says" in text
    pdf = " ".join(pdftotext(built_placeholders["pdf"]).split())
    assert re.search(r"I\. Introduction[ .]*1\u20134\b", pdf), pdf[:1500]
    assert re.search(r"II\. Conclusions[ .]*5\u201312\b", pdf), pdf[:1500]
    assert re.search(r"III\. Recommendations[ .]*13\b", pdf), pdf[:1500]
    assert "[Paragraphs 2 to 4 are not available in the sources reached.]" in pdf
    docx = " ".join(body_blocks(built_placeholders["docx"]))
    assert_in_order(docx, ["1\u20134", "5\u201312", "13", "13.", "The thirteenth paragraph"])


@pytest.mark.parametrize("placeholder, message", [
    ("    numbered: false\n    stands_for: 1-4\n", "'stands_for: 1-4' would take paragraph 1, but paragraph 1 comes before it"),
    ("    numbered: false\n    stands_for: 4-2\n", "must run forward from paragraph 1 or later, like 2-4, not 4-2"),
    ("    numbered: false\n    stands_for: two\n", "must be the paragraph numbers it stands for, like 2-4 or 5"),
    ("    stands_for: 2-4\n", "'stands_for:' goes on a placeholder with 'numbered: false'"),
])
def test_a_wrong_stands_for_is_one_located_error(data_copy, placeholder, message):
    replace_in(data_copy / EDITION, ANCHOR, STANDS_FOR.replace("    numbered: false\n    stands_for: 2-4\n", placeholder))
    try:
        errors = [p for p in _problems(data_copy) if ": error: " in p]
    except Exception as exc:  # a model error stops loading: its problems are the exception's
        errors = [str(p) for p in getattr(exc, "problems", [])]
    assert len(errors) == 1 and message in errors[0] and "cmw-status.yaml:2" in errors[0], errors


def test_a_placeholder_that_leaves_paragraphs_out_is_a_warning(data_copy):
    """Attack 4 row 13: 'stands_for: 5-9' right after paragraph 1 left 2-4 in no chapter."""
    path = data_copy / "sessions/69/trafficking-in-persons.yaml"
    replace_in(path, "    stands_for: 2-7\n", "    stands_for: 5-9\n")
    problems = [str(p) for p in validate(load_session(data_copy, 69))]
    assert any("trafficking-in-persons.yaml:" in p and ": warning: 'stands_for: 5-9' leaves paragraph(s) 2 to 4 out"
               in p for p in problems), problems
