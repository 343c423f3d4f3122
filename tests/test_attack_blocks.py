"""Findings of the attack on the document model (the attack report's rows 3-7 and 12-14): each
mistake a drafter can make in blocks, footnotes, tables and paragraph expressions is a located
problem in a drafter's words, never a document printed wrong with exit 0."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import DATA, FULL_DATA, problems_of, replace_in
from scratch60 import compose_edition
from test_validate_blocks import E, problems_after

SINGLE = "a level with a single heading is an editorial error (if there is an A. there must be a B.): add another or remove it"
SKIP = ("headings go down one level at a time (Part one, I., A., 1., (a), (i), a.); make it a section heading (A.), "
        "or put one above it")
FIFTH = ("a fifth-degree heading (a.) with no heading above it: headings start at a part, a chapter or a section (A.) "
         "and go down one level at a time; make it a section or a chapter, or put one above it")

CASES = [
    # 3: a footnote label a call cannot name
    ("a footnote label with a space is an error at its key",
     [("  second: The second footnote", "  'a b': The a b footnote"),
      ("and then the\n      second footnote.[^second]", "and then the\n      second footnote.[^a b]")],
     [f"{E}:24:3: error: footnote label 'a b' cannot be called: a call [^a b] would print as it stands and the "
      "note be lost; a label has letters, digits, '-' and '_', starting with a letter or digit (no spaces): rename "
      "it here and in its calls",
      f"{E}:34:23: error: '[^a b]' is not a footnote call and would print as it stands: a footnote's label has "
      "letters, digits, '-' and '_', starting with a letter or digit (no spaces)"]),
    ("a footnote call that Markdown cannot read is an error",
     [("It cites the shared footnote.[^shared]", "It cites the shared footnote.[^shared] and [^no such]")],
     [f"{E}:30:96: error: '[^no such]' is not a footnote call and would print as it stands: a footnote's label has "
      "letters, digits, '-' and '_', starting with a letter or digit (no spaces)",
      f"{E}:30:96: error: footnote [^no such] has no text under 'footnotes:'; add 'no such: ...' there"]),
    ("a table note label with a space is an error",
     [("        a: The first table note", "        'a x': The first table note"),
      ('"{{ parties|count }} States[^a]"', '"{{ parties|count }} States[^a x]"')],
     [f"{E}:49:39: error: '[^a x]' is not a footnote call and would print as it stands: a footnote's label has "
      "letters, digits, '-' and '_', starting with a letter or digit (no spaces)",
      f"{E}:52:16: error: table note label 'a x' cannot be called: a call [^a x] would print as it stands and the "
      "note be lost; a label has letters, digits, '-' and '_', starting with a letter or digit (no spaces): rename "
      "it here and in its calls"]),
    # 4: an empty inline footnote
    ("an empty inline footnote is an error",
     [("It cites the shared footnote.[^shared]", "It cites the shared footnote.[^shared] Text.^[]")],
     [f"{E}:30:97: error: the inline footnote ^[] has no text and would print an empty footnote: write its text "
      "inside the brackets, or remove it"]),


    # 13: a block that refers to itself
    ("a paragraph that refers to itself warns at the reference",
     [("It cites the shared footnote.[^shared]", 'It cites the shared footnote.[^shared] See {{ ref("opening") }}.')],
     [f"{E}:30:99: warning: this paragraph refers to itself (the block with id 'opening'), which is almost always "
      "a slip: name the block you mean, or write the reference out"]),
    ("a list item that links to its own paragraph warns",
     [("      - The first subparagraph is labelled (a);", "      - The first subparagraph is labelled (a) [here](#x);"),
      ("    items:\n      - The first", "    id: x\n    items:\n      - The first")],
     [f"{E}:66:9: warning: this list item refers to the block it stands in (the block with id 'x'), which is "
      "almost always a slip: name the block you mean, or write the reference out"]),
    # 14: a fraction or a negative count
    ("an expression that gives a fraction is an error at the expression",
     [("It cites the shared footnote.[^shared]", "It cites the shared footnote.[^shared] A {{ 1/3 }} B.")],
     [f"{E}:30:94: error: the expression gives 0.3333333333333333, a number with a fraction, which a report does "
      "not print as it stands (reports print counts and dates); make it a whole number ('//' divides to one) or "
      "write the number out; see 'Writing paragraphs' in README for what each filter takes"]),
    ("a negative number through 'number' is an error at the expression",
     [("It cites the shared footnote.[^shared]", "It cites the shared footnote.[^shared] A {{ (0 - 5)|number }} B.")],
     [f"{E}:30:105: error: the filter 'number' writes a count, a whole number 0 or more, but the expression gives "
      "-5; see 'Writing paragraphs' in README for what each filter takes"]),
    # 12: headings that do not nest
    ("a section before any chapter is an error",
     [("body:\n  - part: Background\n", "body:\n  - section: A sec\n  - part: Background\n")],
     [f"{E}:26:14: warning: this is the only section heading in the report; {SINGLE}",
      f"{E}:26:14: error: this section heading comes before the first chapter heading, so it belongs to no chapter: "
      "a section heading (A.) belongs under a chapter heading (I.); move it under one, or make it a chapter heading "
      "(I.)"]),
    ("a subsection right under a chapter warns",
     [("  - chapter: Recommendations\n", "  - chapter: Recommendations\n  - subsection: S1\n  - subsection: S2\n")],
     [f"{E}:{line}:17: warning: this subsection heading stands right under a chapter heading (I.), with no section "
      f"heading between: {SKIP}" for line in (100, 101)]),
    ("a lone fifth-degree heading warns",
     [("      - paragraph: The only paragraph of annex II", "      - fifth_degree: Deep\n      - fifth_degree: Deeper\n"
       "      - paragraph: The only paragraph of annex II")],
     [f"{E}:{line}:23: warning: {FIFTH}" for line in (120, 121)]),
    ("a chapter before the first part warns",
     [("body:\n  - part: Background\n", "body:\n  - chapter: C0\n  - paragraph: Text.\n  - part: Background\n")],
     [f"{E}:26:14: warning: this chapter comes before the first part: in a report divided into parts, every chapter "
      "belongs to one; put a part heading above it, or leave the parts out",
      f"{E}:26:14: warning: this is the only chapter heading in the report; {SINGLE}"]),
    # 5: a table with no rows
    ("a table with 'rows: []' is an error",
     [('''        - ["{{ parties|count }} States[^a]", Parties]
        - ["{{ signatories|count }} States", "Signatories[^b]"]
''', "      rows: []\n"), ("      rows:\n      rows: []", "      rows: []")],
     [f"{E}:48:13: error: the table has no rows ('rows: []') and would print its head alone: give its rows, or "
      "remove the table",
      f"{E}:50:12: warning: table note 'a' is never called; add [^a] to a cell or remove it",
      f"{E}:51:12: warning: table note 'b' is never called; add [^b] to a cell or remove it"]),
    # 6: more columns than the text column holds
    ("a table too wide for the page is an error at its columns",
     [("      columns: [State, Status]", "      columns: [" + ", ".join(f"C{i}" for i in range(40)) + "]"),
      ('        - ["{{ parties|count }} States[^a]", Parties]',
       '        - ["{{ parties|count }} States[^a]", Parties' + ", x" * 38 + "]"),
      ('        - ["{{ signatories|count }} States", "Signatories[^b]"]',
       '        - ["{{ signatories|count }} States", "Signatories[^b]"' + ", x" * 38 + "]")],
     [f"{E}:47:16: error: the table has 40 columns, which need at least 851 pt side by side (each as wide as its "
      "heading's longest word, 6 pt apart), but a table has 344 pt across a New York page: it would run past the "
      "margin; split it into two tables or shorten the column headings"]),
]


def test_a_whole_number_made_by_division_prints_as_a_whole_number():
    from pipeline.compose.sandbox import render_paragraph_text
    assert render_paragraph_text("{{ 6/2 }} and {{ (6/2)|number }}", {}) == "3 and three"


@pytest.mark.parametrize("name, edits, expected", CASES, ids=[c[0] for c in CASES])
def test_attack_problem(tmp_path, monkeypatch, name, edits, expected):
    assert problems_after(tmp_path, monkeypatch, *edits) == expected


def test_a_table_of_more_rows_than_the_limit_is_an_error(tmp_path, monkeypatch):
    """7: a table of 20,000 rows took the PDF 80 s and 1.3 GB; past MAX_TABLE_ROWS it is an error
    at the first row too many, naming the limit."""
    from pipeline.build.limits import MAX_TABLE_ROWS
    last = '        - ["{{ signatories|count }} States", "Signatories[^b]"]\n'
    extra = "".join(f"        - [R{i}, x]\n" for i in range(MAX_TABLE_ROWS - 2))
    at_limit = problems_after(tmp_path / "at", monkeypatch, (last, last + extra))
    assert [p for p in at_limit if ": error: " in p] == []
    found = problems_after(tmp_path / "over", monkeypatch, (last, last + extra + "        - [One, Too many]\n"))
    assert [p for p in found if ": error: " in p] == [f"{E}:{49 + MAX_TABLE_ROWS}:11: error: the table has 3,001 rows, more than the 3,000 a table may "
                     "have (MAX_TABLE_ROWS, pipeline/build/limits.py); this is row 3,001: split the table, or publish "
                     "the data as a document of its own"]


def test_the_pdf_writer_still_refuses_a_table_that_runs_off_the_page(tmp_path):
    """6: validation refuses a table too wide for the text column before any format is written;
    the PDF writer's own check at the page edge stays, for a tree composed without validation."""
    from pipeline.writers.pdf import LayoutError, write_pdf

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    columns = ", ".join(f"Column{n}" for n in range(1, 13))
    anchor = "  - id: entry-into-force\n"
    replace_in(data / "sessions/59/cmw-status.yaml", anchor,
               f"  - table:\n      columns: [{columns}]\n      rows:\n        - [{columns}]\n" + anchor)
    with pytest.raises(LayoutError, match="'Column11' runs off page 1"):
        write_pdf(compose_edition(data, 59), dt.date(2004, 8, 27))


def test_a_translated_column_heading_too_wide_for_the_page_is_an_error_at_it(tmp_path):
    """A language version's column headings are measured like the original's: a French heading
    whose one word cannot fit beside the other columns is an error at the version's columns."""
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    replace_in(data / "sessions/59/cmw-status.fr.yaml", '      - "Nationalité"\n', f'      - "{"Nationalité" * 8}"\n')
    errors = [p for p in problems_of(data, 59) if ": error: " in p]
    assert len(errors) == 1 and errors[0].startswith(
        f"{data / 'sessions/59/cmw-status.fr.yaml'}:13:7: error: the French table 'committee-members' has 3 columns")
    assert errors[0].endswith("split it into two tables or shorten the column headings")


def test_chinese_headings_break_between_any_two_characters():
    """A Chinese heading has no spaces, yet a line may break after any character: the narrowest
    column is one character wide, not the whole heading."""
    from pipeline.doctree.measure import column_minimum, unbreakable_parts

    assert unbreakable_parts("批准、加入(a)") == ["批", "准", "、", "加", "入", "(a)"]
    assert column_minimum(["委员会成员姓名国籍任期届满日期"]) == 10.0
    assert unbreakable_parts("Date of the declaration") == ["Date", "of", "the", "declaration"]
