"""Findings of attack 9 on the newest features (3 December): a draft inside a draft was told
"not 'draft_decision' (did you mean 'draft_decision'?)", ref() to a preamble paragraph said to give
the block the id it had, an agenda title written line by line broke early in the PDF, and one of
forty lines passed without a word."""

from __future__ import annotations

from pathlib import Path

from conftest import build, pdftotext, problems_of, replace_in

EDITION = Path("sessions/62/fifth-committee-efficiency.yaml")
TITLE = "  title: Review of the efficiency of the administrative and financial functioning of the United Nations\n"
LINES = ["Review of the efficiency of the", "administrative and financial functioning of", "the United Nations"]


def test_a_draft_inside_a_draft_is_told_in_words(data_copy):
    replace_in(data_copy / EDITION, "        - paragraph: A\n",
               "        - draft_resolution:\n            body:\n              - paragraph: Nested.\n"
               "        - paragraph: A\n")
    errors = [p for p in problems_of(data_copy, 62) if ": error:" in p]
    assert len(errors) == 1 and "'- draft_resolution: ...' cannot stand here" in errors[0], errors
    assert "did you mean" not in errors[0]


def test_ref_to_a_preamble_paragraph_says_it_has_no_number(data_copy):
    replace_in(data_copy / EDITION, "      new_page: true\n      body:\n",
               "      new_page: true\n      preamble:\n        - paragraph: The General Assembly,\n"
               "          id: pre1\n      body:\n")
    replace_in(data_copy / EDITION, "      decision:\n", "      decision ({{ ref(\"pre1\") }}):\n")
    errors = [p for p in problems_of(data_copy, 62) if "ref('pre1')" in p]
    assert errors and "names a block without a number to cite" in errors[0], errors
    assert "give the block 'id: pre1'" not in errors[0]


def test_an_agenda_title_written_line_by_line_keeps_its_lines_in_the_pdf(data_copy, tmp_path):
    replace_in(data_copy / EDITION, TITLE, "  title: |-\n" + "".join(f"    {line}\n" for line in LINES))
    built = build(data_copy, tmp_path / "out", session=62, formats=("html", "txt", "pdf"))
    lines = [line.strip() for line in pdftotext(built["pdf"], "-l", "1").splitlines()]
    start = lines.index(LINES[0])
    assert lines[start:start + 3] == LINES, lines[start - 2:start + 5]


def test_an_agenda_title_of_many_lines_is_a_warning(data_copy):
    replace_in(data_copy / EDITION, TITLE, "  title: |-\n" + "".join(f"    line {n}\n" for n in range(40)))
    warned = [p for p in problems_of(data_copy, 62) if "written in 40 lines" in p]
    assert warned and ": warning:" in warned[0] and "fifth-committee-efficiency.yaml:" in warned[0]


def test_a_changed_unnumbered_line_of_a_draft_is_named_with_its_draft(data_copy, tmp_path):
    """Attack 9: a change to A/62/604's draft decision (all unnumbered) was told only as
    "unnumbered paragraph changed"."""
    from pipeline.compare.textdiff import diff_texts, report

    before = build(data_copy, tmp_path / "a", session=62, formats=("html", "txt"))["txt"].read_text(encoding="utf-8")
    replace_in(data_copy / EDITION, "        - paragraph: Item 140\n", "        - paragraph: Item 141\n")
    after = build(data_copy, tmp_path / "b", session=62, formats=("html", "txt"))["txt"].read_text(encoding="utf-8")
    text = report(diff_texts(before, after))
    assert "unnumbered paragraph of draft decision changed" in text, text


def test_a_numbered_preamble_paragraph_is_an_error(data_copy):
    """Attack 9: `numbered: true` on a preamble paragraph was silently ignored."""
    replace_in(data_copy / EDITION, "      new_page: true\n      body:\n",
               "      new_page: true\n      preamble:\n        - paragraph: The General Assembly,\n"
               "          numbered: true\n      body:\n")
    errors = [p for p in problems_of(data_copy, 62) if ": error:" in p]
    assert len(errors) == 1 and "a preamble's paragraphs take no number" in errors[0], errors


def test_tables_in_a_draft_are_numbered_in_document_order(data_copy, tmp_path):
    """Review 3: a titled table inside a draft was numbered after the tables that follow the draft
    ("Table 1", "Table 3", "Table 2")."""
    def table(title: str, indent: str) -> str:
        return (f"{indent}- table:\n{indent}    title: {title}\n{indent}    columns: [Item]\n"
                f"{indent}    rows: [[one]]\n")

    replace_in(data_copy / EDITION, "  - draft_decision:\n",
               table("Before the draft", "  ") + "  - draft_decision:\n")
    replace_in(data_copy / EDITION, "        - paragraph: A\n", table("In the draft", "        ") + "        - paragraph: A\n")
    with (data_copy / EDITION).open("a", encoding="utf-8") as file:  # after the draft, in the body
        file.write(table("After the draft", "  "))
    built = build(data_copy, tmp_path / "out", session=62, formats=("html", "txt"))
    captions = [line for line in built["txt"].read_text(encoding="utf-8").splitlines() if "caption:" in line]
    assert captions == ["  caption: Table 1 Before the draft", "  caption: Table 2 In the draft",
                        "  caption: Table 3 After the draft"], captions


def test_a_versions_untranslated_draft_paragraph_names_its_draft(data_copy):
    """Review 3: the translation checks said "of a draft decision" for any draft."""
    replace_in(data_copy / EDITION, "        - paragraph: A\n", "        - paragraph: A\n          id: part-a\n")
    (data_copy / "sessions/62/fifth-committee-efficiency.fr.yaml").write_text(
        "language: fr\nstatus: unofficial\ntitle: Rapport\nagenda_title: Examen\nauthor: Rapporteur\n", encoding="utf-8")
    told = [p for p in problems_of(data_copy, 62) if "(part-a)" in p]
    assert told and "an unnumbered paragraph of the draft decision (part-a)" in told[0], told


def test_a_draft_title_of_a_paragraphs_length_is_a_warning(data_copy):
    """Attack 9: a 2,000-character draft title passed without a word."""
    replace_in(data_copy / EDITION, "      title: Questions deferred for future consideration\n",
               "      title: " + "Questions deferred for future consideration " * 45 + "\n")
    warned = [p for p in problems_of(data_copy, 62) if "the draft decision's title has" in p]
    assert warned and ": warning:" in warned[0] and "a title or an author line runs to three lines" in warned[0]
