"""Two note calls at one place are separated by a comma (UN Editorial Manual, "Footnote
indicators": "When more than one indicator must be inserted at the same place in the text,
the indicators are separated by a comma"): a masthead line carrying two notes prints "*,**",
not "***", which reads as the third note's call; two footnotes called together print "1,2",
not "12". Checked in the canonical text, the PDF and the DOCX."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from conftest import DATA, build, pdftotext, replace_in

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """A/66/96 with a second note on its agenda line (beside the preliminary list's), a note on
    its title, and a paragraph calling two footnotes at once."""
    data = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(DATA, data)
    path = data / "sessions" / "66" / "terrorism-measures.yaml"
    replace_in(path, "summary:\n", "masthead_notes:\n  - {attached_to: agenda, text: Second note.}\n"
                                   "  - {attached_to: title, text: Late.}\nsummary:\n")
    replace_in(path, '  - paragraph: "[The text of chapter I is not available in the sources reached.]"\n'
                     "    numbered: false\n",
               '  - paragraph: "Two notes at once.[^x][^y] Then one.[^z]"\n')
    path.write_text(path.read_text(encoding="utf-8") + "footnotes:\n  x: First.\n  y: Second.\n  z: Third.\n",
                    encoding="utf-8")
    return build(data, tmp_path_factory.mktemp("output"), session=66, series="terrorism-measures")


def test_the_canonical_text_separates_the_calls(built):
    text = built["txt"].read_text(encoding="utf-8")
    assert "agenda item: Item 110 of the preliminary list*,**" in text
    assert "title: Measures to eliminate international terrorism***" in text
    assert "Two notes at once.[1],[2] Then one.[3]" in text


def test_the_pdf_separates_the_calls(built):
    text = pdftotext(built["pdf"])
    assert "Item 110 of the preliminary list*,**" in text
    assert "Two notes at once.1,2 Then one.3" in text


def test_the_docx_raises_the_comma_between_footnotes_only(built):
    document = Document(str(built["docx"]))
    paragraph = next(p for p in document.paragraphs if "Two notes at once." in p.text)
    comma = next(r for r in paragraph.runs if r.text == ",")
    assert comma.style.font.superscript or comma.font.superscript
    agenda = next(p for p in document.paragraphs if "preliminary list" in p.text)
    assert agenda.text.endswith("*,**")
    level = next(r for r in agenda.runs if r.text == ",")
    assert not (level.style.font.superscript or level.font.superscript)
