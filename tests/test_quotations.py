"""A quoted passage (`quote: true`): indented on both sides, never numbered (the paragraphs
around it keep their count), in every format; asking a quotation for a number is a located
error."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from conftest import build, replace_in
from pipeline.inputs.load import load_session
from pipeline.inputs.problems import InputError

EDITION = Path("sessions/59/cmw-status.yaml")
ANCHOR = "body:\n"
QUOTED = """body:
  - paragraph: "In its resolution 58/166, the General Assembly:"
  - paragraph: Calls upon all States that have not yet done so to consider signing and ratifying the Convention;
    quote: true
    id: quoted-call
"""


def test_a_quotation_is_indented_and_not_numbered_in_every_format(data_copy, tmp_path):
    replace_in(data_copy / EDITION, ANCHOR, QUOTED)
    files = build(data_copy, tmp_path / "out", formats=("html", "txt", "docx", "akn"))
    lines = files["txt"].read_text(encoding="utf-8").splitlines()
    start = lines.index("¶1 In its resolution 58/166, the General Assembly:")
    assert lines[start + 1] == ("¶ quoted: Calls upon all States that have not yet done so to consider signing and "
                                "ratifying the Convention;")
    assert lines[start + 2].startswith("¶2 ")  # the count goes on after the quotation
    quoted = next(p for p in Document(str(files["docx"])).paragraphs if p.text.startswith("Calls upon all States"))
    assert quoted.style.name == "UN Quotation"
    assert quoted.style.paragraph_format.left_indent > 0 and quoted.style.paragraph_format.right_indent > 0
    assert '<p class="quotation">Calls upon all States' in files["akn"].read_text(encoding="utf-8")


def test_a_numbered_quotation_is_a_located_error(data_copy):
    replace_in(data_copy / EDITION, ANCHOR, QUOTED.replace("    quote: true\n", "    quote: true\n    numbered: true\n"))
    try:
        load_session(data_copy, 59).raise_if_errors()
        problems = []
    except InputError as exc:
        problems = [str(p) for p in exc.problems]
    assert any("cmw-status.yaml:19:" in p and "a quoted passage takes no number" in p for p in problems), problems
