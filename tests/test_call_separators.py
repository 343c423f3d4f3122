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


def test_calls_parted_only_by_emphasis_are_separated_too(data_copy, tmp_path):
    """Attack 5 row 1: '**x[^a]**[^b]' printed "x12" (the bold's end stood between the calls)."""
    path = data_copy / "sessions" / "66" / "terrorism-measures.yaml"
    replace_in(path, '  - paragraph: "[The text of chapter I is not available in the sources reached.]"\n'
                     "    numbered: false\n", '  - paragraph: "Bold **x[^x]**[^y] and *y[^x]*[^y]."\n')
    path.write_text(path.read_text(encoding="utf-8") + "footnotes:\n  x: First.\n  y: Second.\n", encoding="utf-8")
    files = build(data_copy, tmp_path / "out", session=66, formats=("html", "txt"), series="terrorism-measures")
    assert "Bold x[1],[2] and _y[1]_,[2]." in files["txt"].read_text(encoding="utf-8")


def test_a_footnote_call_inside_a_links_text_is_a_located_error(data_copy):
    """Attack 5 row 2: '[see[^a]](#status)' printed as raw Markdown, "[see1](#status)"."""
    from conftest import problems_of

    path = data_copy / "sessions" / "66" / "terrorism-measures.yaml"
    replace_in(path, '  - paragraph: "[The text of chapter I is not available in the sources reached.]"\n'
                     "    numbered: false\n", '  - paragraph: "See [the list[^x]](https://undocs.org/A/66/50)."\n')
    path.write_text(path.read_text(encoding="utf-8") + "footnotes:\n  x: First.\n", encoding="utf-8")
    errors = [p for p in problems_of(data_copy, 66) if ": error: " in p]
    assert len(errors) == 1 and "terrorism-measures.yaml:" in errors[0] and \
        "a link's text cannot hold a footnote call" in errors[0], errors


def test_spaced_calls_and_a_note_called_twice_at_one_place_are_warnings(data_copy):
    """Attack 5 row 3: '[^x] [^y]' printed "1 2" and '[^x][^x]' "1,1", without a word."""
    from conftest import problems_of

    path = data_copy / "sessions" / "66" / "terrorism-measures.yaml"
    replace_in(path, '  - paragraph: "[The text of chapter I is not available in the sources reached.]"\n'
                     "    numbered: false\n", '  - paragraph: "Spaced.[^x] [^y] Twice.[^x][^x]"\n')
    path.write_text(path.read_text(encoding="utf-8") + "footnotes:\n  x: First.\n  y: Second.\n", encoding="utf-8")
    problems = problems_of(data_copy, 66)
    assert any("warning: two footnote calls with a space between print as '1 2'" in p for p in problems), problems
    assert any("warning: footnote 'x' is called twice at one place" in p for p in problems), problems
