"""Draft resolutions and draft decisions (`draft_resolution:` / `draft_decision:`), the text a
report recommends for adoption: their own paragraph count (the report's goes on after them),
their labels ("Draft resolution I", "Draft decision" alone), ref() forms, each writer (canonical
text, PDF, DOCX, Akoma Ntoso), located validation errors, a French version, and a diff that names
a changed operative paragraph apart from the report's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from conftest import build, pdftotext, problems_of, replace_in
from pipeline.compare.textdiff import align, parse_blocks
from pipeline.model.translation import source_hash
from test_akn import NS, SCHEMA

EDITION = Path("sessions/62/fifth-committee-efficiency.yaml")
ANCHOR = "body:\n  - chapter: Introduction\n"
DRAFTS = """body:
  - chapter: Introduction
  - paragraph: >-
      The Committee recommends {{ ref("hrc-report") }}, whose {{ ref("takes-note") }} notes the report,
      {{ ref("second-resolution") }} and {{ ref("deferral") }}.
  - draft_resolution:
      id: hrc-report
      title: Report of the Human Rights Council
      new_page: true
      preamble:
        - paragraph: The General Assembly,
        - paragraph: "*Recalling* its resolution 60/251 of 15 March 2006,"
      body:
        - paragraph: "*Takes note* of the report of the Human Rights Council;[^draft-note]"
          id: takes-note
          items: [its first part, its second part]
        - paragraph: "*Decides* to remain seized of the matter."
  - paragraph: The paragraph after the draft resolution keeps the report's count.
  - draft_decision:
      id: deferral
      body:
        - paragraph: The General Assembly decides to defer the item.
          numbered: false
"""
ANNEX = """annexes:
  - title: A further recommendation
    body:
      - paragraph: The annex's own paragraph.
      - draft_resolution:
          id: second-resolution
          body:
            - paragraph: "*Welcomes* the report."
"""
NOTE = 'footnotes:\n  closed-missions:'
NOTE_NEW = 'footnotes:\n  draft-note: "A note called in the draft resolution."\n  closed-missions:'


def with_drafts(data: Path) -> Path:
    edition = data / EDITION
    replace_in(edition, ANCHOR, DRAFTS)
    replace_in(edition, NOTE, NOTE_NEW)
    edition.write_text(edition.read_text(encoding="utf-8") + ANNEX, encoding="utf-8")
    return data


@pytest.fixture
def drafts(data_copy, tmp_path) -> dict[str, Path]:
    return build(with_drafts(data_copy), tmp_path / "out", session=62, series="fifth-committee-efficiency",
                 formats=("html", "txt", "pdf", "docx", "akn"))


def lines_of(files: dict[str, Path]) -> list[str]:
    return files["txt"].read_text(encoding="utf-8").splitlines()


def test_numbering_labels_and_references(drafts):
    lines = lines_of(drafts)
    body = lines[lines.index("[chapter] I. Introduction"):]
    assert body[1] == ("¶1 The Committee recommends draft resolution I, whose paragraph 1 of draft resolution I "
                       "notes the report, draft resolution II and draft decision I.")
    assert body[2:6] == ["[draft resolution] Draft resolution I", "[draft title] Report of the Human Rights Council",
                         "¶ The General Assembly,", "¶ _Recalling_ its resolution 60/251 of 15 March 2006,"]
    assert body[6] == "¶1 _Takes note_ of the report of the Human Rights Council;[1]"
    assert body[7:9] == ["  (a) its first part", "  (b) its second part"]
    assert body[9:12] == ["¶2 _Decides_ to remain seized of the matter.", "[end of draft resolution]",
                          "¶2 The paragraph after the draft resolution keeps the report's count."]
    # the edition's own draft decision (A/62/604's) comes later: this one is draft decision I
    assert body[12:15] == ["[draft decision] Draft decision I", "¶ The General Assembly decides to defer the item.",
                           "[end of draft decision]"]
    assert "[draft decision] Draft decision II" in lines
    annex = lines[lines.index("[annex] Annex"):]
    assert annex[2:6] == ["¶1 The annex's own paragraph.", "[draft resolution] Draft resolution II",
                          "¶1 _Welcomes_ the report.", "[end of draft resolution]"]
    # one footnote sequence: the draft's note is 1, the decision's later notes go on
    assert "footnote 1 A note called in the draft resolution." in lines
    assert re.findall(r"^footnote (\d+)", "\n".join(lines), re.M) == ["1", "2", "3"]


def test_a_lone_draft_resolution_has_no_numeral(data_copy, tmp_path):
    edition = data_copy / EDITION
    replace_in(edition, ANCHOR, """body:
  - chapter: Introduction
  - paragraph: See {{ ref("only") }} and {{ ref("only-op") }}.
  - draft_resolution:
      id: only
      body:
        - paragraph: Decides.
          id: only-op
""")
    lines = lines_of(build(data_copy, tmp_path / "out", session=62, series="fifth-committee-efficiency",
                           formats=("html", "txt")))
    assert "¶1 See the draft resolution and paragraph 1 of the draft resolution." in lines
    assert "[draft resolution] Draft resolution" in lines


def test_pdf_prints_the_draft_on_a_new_page(drafts):
    page_two = " ".join(pdftotext(drafts["pdf"], "-f", "2", "-l", "2").split())
    assert page_two.find("Draft resolution I") < page_two.find("Report of the Human Rights Council") \
        < page_two.find("The General Assembly,") < page_two.find("1. Takes note")
    page_one = " ".join(pdftotext(drafts["pdf"], "-l", "1").split())
    assert "Draft resolution I" not in page_one


def test_docx_styles_and_page_break(drafts):
    paragraphs = Document(str(drafts["docx"])).paragraphs
    label = next(p for p in paragraphs if p.text == "Draft resolution I")
    assert label.style.name == "UN Draft Label New Page" and label.style.paragraph_format.page_break_before
    assert label.style.base_style.font.bold and label.style.base_style.name == "UN Draft Label"
    title = next(p for p in paragraphs if p.text == "Report of the Human Rights Council")
    assert title.style.name == "UN Draft Title"
    preamble = next(p for p in paragraphs if p.text.startswith("Recalling"))
    assert preamble.style.name == "UN Preamble Paragraph" and preamble.style.paragraph_format.first_line_indent > 0
    decision = next(p for p in paragraphs if p.text == "Draft decision I")
    assert decision.style.name == "UN Draft Label"
    operative = next(p for p in paragraphs if "Takes note" in p.text)
    assert operative.style.name == "UN Numbered Paragraph" and operative.text.startswith("1.")


def test_akoma_ntoso_is_valid_and_its_eids_do_not_collide(drafts):
    document = etree.parse(str(drafts["akn"]))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(document), [f"{e.line}: {e.message}" for e in schema.error_log][:5]
    eids = document.xpath("//@eId")
    assert len(eids) == len(set(eids))
    draft = document.xpath("//a:hcontainer[@name='draftResolution']", namespaces=NS)[0]
    assert draft.findtext("a:num", namespaces=NS) == "Draft resolution I"
    assert "Report of the Human Rights Council" in "".join(draft.find("a:heading", namespaces=NS).itertext())
    assert len(draft.xpath("a:intro/a:p", namespaces=NS)) == 2
    inner = draft.xpath("a:paragraph", namespaces=NS)
    assert [p.findtext("a:num", namespaces=NS) for p in inner] == ["1.", "2."]
    assert all(p.get("eId") != "chp_I__para_1" and "draftResolution" in p.get("eId") for p in inner)
    assert document.xpath("//a:hcontainer[@name='draftDecision']", namespaces=NS)


@pytest.mark.parametrize("block, message", [
    ("        - section: A heading in the draft\n", "section heading inside a draft resolution"),
    (None, "needs its text"),
    ("TABLE", "preamble holds paragraphs only"),
])
def test_validation_errors_are_located(data_copy, block, message):
    with_drafts(data_copy)
    edition = data_copy / EDITION
    if block is None:
        replace_in(edition, """      body:
        - paragraph: The General Assembly decides to defer the item.
          numbered: false
""", "      body: []\n")
        line = _line_of(edition, "  - draft_decision:\n      id: deferral") + 1
    elif block == "TABLE":
        replace_in(edition, "        - paragraph: The General Assembly,\n",
                   "        - table:\n            columns: [A]\n            rows: [[x]]\n")
        line = _line_of(edition, "        - table:\n            columns: [A]")
    else:
        replace_in(edition, "        - paragraph: \"*Decides* to remain", block + "        - paragraph: \"*Decides* to remain")
        line = _line_of(edition, "- section: A heading in the draft")
    problems = [p for p in problems_of(data_copy, 62) if ": error: " in p]
    assert any(message in p for p in problems), problems
    assert any(f"fifth-committee-efficiency.yaml:{line}:" in p and message in p for p in problems), problems


def _line_of(path: Path, text: str) -> int:
    """The line (from 1) a text starts on in a file."""
    content = path.read_text(encoding="utf-8")
    return content[:content.index(text)].count("\n") + 1


def test_a_french_version_translates_the_title_and_a_paragraph(data_copy, tmp_path):
    with_drafts(data_copy)
    # a draft edition (no symbol), so the texts this test leaves untranslated are warnings; the
    # rapporteur's line in French is this test's own (not a source's)
    replace_in(data_copy / EDITION, "symbol: A/62/604\n", "symbol: null\n")
    replace_in(data_copy / "languages/fr.yaml", "  authors:\n",
               "  authors:\n    \"Rapporteur: Mr. Steven Ssenabulya Nkayivu (Uganda)\": \"Rapporteur : M. (test)\"\n")
    original = "*Takes note* of the report of the Human Rights Council;[^draft-note]"
    title = "Report of the Human Rights Council"
    (data_copy / "sessions/62/fifth-committee-efficiency.fr.yaml").write_text(f"""language: fr
status: unofficial
title: Rapport de la Cinquième Commission
agenda_title: Titre du point (pour ce test)
translations:
  hrc-report:
    source_hash: {source_hash(title)}
    text: Rapport du Conseil des droits de l’homme
  takes-note:
    source_hash: {source_hash(original)}
    text: "*Prend note* du rapport du Conseil des droits de l’homme ;[^draft-note]"
""", encoding="utf-8")
    files = build(data_copy, tmp_path / "out", session=62, formats=("html", "txt"), language="fr")
    lines = lines_of(files)
    assert "[draft resolution] Projet de résolution I" in lines
    assert "[draft title] Rapport du Conseil des droits de l’homme" in lines
    assert "¶1 _Prend note_ du rapport du Conseil des droits de l’homme ;[1]" in lines


def test_diff_names_a_changed_operative_paragraph_apart_from_the_reports(drafts, data_copy, tmp_path):
    replace_in(data_copy / EDITION, "*Decides* to remain seized of the matter.", "*Decides* to remain actively seized "
               "of the matter.")
    before = lines_of(drafts)
    after = lines_of(build(data_copy, tmp_path / "after", session=62, series="fifth-committee-efficiency",
                           formats=("html", "txt")))
    changes = [c for c in align(parse_blocks(before), parse_blocks(after)) if c.kind != "equal"]
    assert [c.name for c in changes] == ["paragraph 2 of draft resolution I"]
    names = [b.name for b in parse_blocks(after) if b.kind == "paragraph"]
    assert "paragraph 2" in names and "paragraph 2 of draft resolution I" in names
    assert "paragraph 1 of draft resolution II of annex" in names


def test_contents_lists_do_not_list_drafts(data_copy, tmp_path):
    with_drafts(data_copy)
    replace_in(data_copy / EDITION, "body:\n  - chapter: Introduction\n", "contents: true\nbody:\n  - chapter: Introduction\n")
    lines = lines_of(build(data_copy, tmp_path / "out", session=62, series="fifth-committee-efficiency",
                           formats=("html", "txt")))
    entries = [line for line in lines if line.startswith("  entry: ")]
    assert [e.split(" | ")[0] for e in entries] == ["  entry: I. Introduction", "  entry: II. Consideration of "
                                                    "draft decision A/C.5/62/L.24", "  entry: III. Recommendation of "
                                                    "the Fifth Committee", "  entry: Annex A further recommendation"]
    assert not any("Human Rights Council" in e or "Draft" in e.split(" | ")[0] for e in entries)
    assert entries[0].split(" | ")[1] == "1\u20134"  # the report's paragraphs 1-4, the drafts' not counted
