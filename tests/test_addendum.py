"""An addendum (A/HRC/26/37/Add.2: "Report of the Special Rapporteur ...", "Addendum", then its
own title "Stocktaking exercise on the work of the mandate on its tenth anniversary*"): the
masthead prints "Addendum" under the author line for a symbol .../Add.N, then `addendum_title:`,
whose masthead note (`attached_to: addendum`) it calls; every format and language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import FULL_DATA, assert_in_order, build, pdftotext, problems_of, replace_in
from docxtext import body_blocks
from pipeline.model.translation import source_hash

EDITION = Path("sessions/59/cmw-status.yaml")
TITLE = "Stocktaking exercise on the work of the Committee"
NOTE = "The summary of the present report is circulated in all official languages."


def addendum(tmp_path: Path, title: bool = True) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    replace_in(data / EDITION, "symbol: null ", "symbol: A/59/312/Add.1 ")
    if title:
        replace_in(data / EDITION, "body:\n", f"addendum_title: {TITLE}\nmasthead_notes:\n  - attached_to: addendum\n"
                                              f"    text: {NOTE}\n    id: addendum-note\nbody:\n")
    for code in ("fr", "es", "ru", "zh", "ar"):  # the versions of a draft: left out but French
        path = data / f"sessions/59/cmw-status.{code}.yaml"
        if code == "fr":
            text = path.read_text(encoding="utf-8").replace("\ntitle:", "\naddendum_title: Bilan\ntitle:", 1)
            if title:
                text = text.replace("translations:\n", "translations:\n  addendum-note:\n"
                                    f"    source_hash: {source_hash(NOTE)}\n    text: Le résumé est distribué.\n", 1)
            path.write_text(text, encoding="utf-8")
        else:
            path.unlink()
    return data


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("addendum")
    return build(addendum(root), root / "out", formats=("html", "txt", "pdf", "docx", "akn"))


def test_the_masthead_prints_addendum_and_its_title_in_every_format(built):
    expected = ["Status of the International Convention", "Report of the Secretary-General", "Addendum", TITLE + "**"]
    text = built["txt"].read_text(encoding="utf-8")
    assert "addendum: Addendum" in text and f"addendum title: {TITLE}**" in text
    assert f"masthead note **: {NOTE}" in text  # after the provisional agenda's note, as the masthead reads
    assert_in_order(" ".join(pdftotext(built["pdf"], "-l", "1").split()), expected + ["** " + NOTE])
    assert_in_order(" ".join(body_blocks(built["docx"])), expected)


def test_the_akoma_ntoso_preface_holds_the_addendum_lines(built):
    from test_akn import SCHEMA

    document = etree.parse(str(built["akn"]))
    assert etree.XMLSchema(etree.parse(str(SCHEMA))).validate(document)
    classes = [p.get("class") for p in document.getroot().iter("{*}p")]
    assert "addendumLabel" in classes and "addendumTitle" in classes


def test_the_french_version_prints_additif_and_its_title(tmp_path):
    data = addendum(tmp_path)
    text = build(data, tmp_path / "out", formats=("html", "txt"), language="fr")["txt"].read_text(encoding="utf-8")
    assert "addendum: Additif" in text and "addendum title: Bilan**" in text


def test_an_addendum_title_under_a_symbol_of_no_addendum_is_an_error(tmp_path):
    data = addendum(tmp_path)
    replace_in(data / EDITION, "symbol: A/59/312/Add.1 ", "symbol: A/59/312 ")
    errors = [p for p in problems_of(data, 59) if ": error: " in p]
    assert any("A/59/312 is no addendum's symbol" in e for e in errors), errors


def test_a_note_on_the_addendum_line_of_no_addendum_is_an_error(tmp_path):
    data = addendum(tmp_path)
    replace_in(data / EDITION, f"addendum_title: {TITLE}\n", "")
    replace_in(data / "sessions/59/cmw-status.fr.yaml", "\naddendum_title: Bilan\n", "\n")
    errors = [p for p in problems_of(data, 59) if ": error: " in p]
    assert any("attached to the addendum line, but this edition gives no addendum_title" in e for e in errors), errors


def test_a_symbol_of_an_addendum_alone_prints_addendum(tmp_path):
    data = addendum(tmp_path, title=False)
    replace_in(data / "sessions/59/cmw-status.fr.yaml", "\naddendum_title: Bilan\n", "\n")
    text = build(data, tmp_path / "out", formats=("html", "txt"))["txt"].read_text(encoding="utf-8")
    assert "addendum: Addendum" in text and "addendum title:" not in text


def test_a_corrigendum_prints_corrigendum_under_addendum_in_every_format(tmp_path):
    """A/43/26/Add.1/Corr.1 prints "Addendum" then "Corrigendum" under its title; a French
    version, "Additif" then "Rectificatif"."""
    data = addendum(tmp_path)
    replace_in(data / EDITION, "symbol: A/59/312/Add.1 ", "symbol: A/59/312/Add.1/Corr.1 ")
    files = build(data, tmp_path / "out", formats=("html", "txt", "pdf", "docx", "akn"))
    text = files["txt"].read_text(encoding="utf-8")
    assert f"addendum: Addendum\naddendum title: {TITLE}**\ncorrigendum: Corrigendum\n" in text
    expected = ["Report of the Secretary-General", "Addendum", TITLE, "Corrigendum"]
    assert_in_order(" ".join(pdftotext(files["pdf"], "-l", "1").split()), expected)
    assert_in_order(" ".join(body_blocks(files["docx"])), expected)
    french = build(data, tmp_path / "fr", formats=("html", "txt"), language="fr")["txt"].read_text(encoding="utf-8")
    assert "addendum: Additif\naddendum title: Bilan**\ncorrigendum: Rectificatif\n" in french


@pytest.mark.parametrize("symbol, message", [
    ("A/59/312/Add.0", "'Add.0' in the symbol is no issue of a document"),
    ("A/59/312/add.1", "'add.1' in the symbol is no issue of a document"),
    ("A/59/312/Addendum.1", "'Addendum.1' in the symbol is no issue of a document"),
    ("A/59/312/Corr.x", "'Corr.x' in the symbol is no issue of a document"),
    ("A/59/312/Add.1/Add.2", "the symbol names Add. twice"),
])
def test_an_issue_part_of_the_symbol_is_written_as_the_un_writes_it(tmp_path, symbol, message):
    data = addendum(tmp_path)
    replace_in(data / EDITION, "symbol: A/59/312/Add.1 ", f"symbol: {symbol} ")
    errors = [p for p in problems_of(data, 59) if ": error: " in p and ("no issue of" in p or "twice" in p)]
    assert len(errors) == 1 and "cmw-status.yaml:" in errors[0] and message in errors[0], errors


def test_an_addendum_filed_beside_its_report_is_told_where_it_goes(tmp_path):
    """Attack 4 row 14: 'cmw-status.add1.yaml' was read as a language version 'add1' (13
    unknown keys); 'cmw-status-add1.yaml' was refused without saying where an addendum goes."""
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    shutil.copy(data / EDITION, data / "sessions/59/cmw-status.add1.yaml")
    errors = [p for p in problems_of(data, 59) if ": error: " in p]
    assert len(errors) == 1 and "cmw-status.add1.yaml:1:1: error: 'cmw-status.add1.yaml' is not a language " \
        "version's name" in errors[0] and "a series of its own" in errors[0], errors
    (data / "sessions/59/cmw-status.add1.yaml").rename(data / "sessions/59/cmw-status-add1.yaml")
    errors = [p for p in problems_of(data, 59) if ": error: " in p]
    assert any("cmw-status-add1.yaml:" in e and "data/series/cmw-status-add1.yaml" in e for e in errors), errors


def test_the_docx_sets_the_addendum_lines_12_pt_apart_as_the_pdf_does(built):
    """Word adds the author line's space after to the next line's space before: the author line
    and "Addendum" take a style with 12 pt after, the last line 24 pt."""
    from docx import Document

    paragraphs = {p.text: p for p in Document(str(built["docx"])).paragraphs}
    author, label, title = (paragraphs[t] for t in ("Report of the Secretary-General", "Addendum", TITLE + "**"))
    assert author.style.name == label.style.name == "UN Author Followed"
    assert author.style.paragraph_format.space_after.pt == 12
    assert title.style.name == "UN Author" and title.style.paragraph_format.space_after.pt == 24
