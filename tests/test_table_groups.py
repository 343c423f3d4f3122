"""Tables with a heading over several columns ("2009" over "Women | Men", as the statistical
annexes of the Secretary-General's reports print them) and empty cells: the group heading spans
its columns in the tree, PDF, DOCX, canonical text and Akoma Ntoso; groups that are not side by
side are a located error."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from conftest import build, pdftotext
from pipeline.inputs.load import load_session
from pipeline.validate import validate

EDITION = Path("sessions/59/cmw-status.yaml")
TABLE = """annexes:
  - title: Staff by level
    body:
      - table:
          id: levels
          title: Staff by level and sex
          columns:
            - Level
            - {text: Women, group: "2009"}
            - {text: Men, group: "2009"}
            - {text: Women, group: "2011"}
            - {text: Men, group: "2011"}
            - Remarks
          rows:
            - [P-1, 10, 12, 14, 9, ~]
            - [D-2, 3, 11, 4, 10, Rising]
"""


def with_table(data: Path, table: str = TABLE) -> Path:
    (data / EDITION).write_text((data / EDITION).read_text(encoding="utf-8") + table, encoding="utf-8")
    return data


def test_the_group_heading_spans_its_columns_in_every_format(data_copy, tmp_path):
    files = build(with_table(data_copy), tmp_path / "out", formats=("html", "txt", "pdf", "docx", "akn"))
    lines = files["txt"].read_text(encoding="utf-8").splitlines()
    start = lines.index("[table levels]")
    assert lines[start + 2:start + 6] == [
        "  head:  | 2009 |  | 2011",  # each group heading, then an empty place for each further column it spans
        "  head: Level | Women | Men | Women | Men | Remarks",
        "  row: P-1 | 10 | 12 | 14 | 9",  # the empty last cell
        "  row: D-2 | 3 | 11 | 4 | 10 | Rising"]
    html = files["html"].read_text(encoding="utf-8")
    assert '<th scope="colgroup" colspan="2" data-align="center">2009</th>' in html
    pdf_words = " ".join(pdftotext(files["pdf"]).split())
    table_words = pdf_words[pdf_words.index("Staff by level and sex"):].split()
    assert {"2009", "2011", "Level", "Women", "Men", "Remarks", "Rising"} <= set(table_words)
    assert table_words.count("2009") == 1 and table_words.count("Women") == 2
    table = Document(str(files["docx"])).tables[-1]
    head = table.rows[0]
    assert [c.text for c in head.cells] == ["", "2009", "2009", "2011", "2011", ""]  # merged: one cell seen twice
    assert head.cells[1]._tc is head.cells[2]._tc
    assert [c.text for c in table.rows[2].cells] == ["P-1", "10", "12", "14", "9", ""]
    assert 'colspan="2"' in files["akn"].read_text(encoding="utf-8")


def test_groups_apart_are_a_located_error(data_copy):
    apart = TABLE.replace('            - {text: Men, group: "2011"}\n            - Remarks\n',
                          '            - Remarks\n            - {text: Men, group: "2009"}\n')
    with_table(data_copy, apart)
    problems = [str(p) for p in validate(load_session(data_copy, 59)) if p.severity == "error"]
    lines = (data_copy / EDITION).read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines, start=1) if 'group: "2009"' in line)
    assert any(f"cmw-status.yaml:{first}:" in p and "the columns of group '2009' are not side by side" in p
               for p in problems), problems


def test_an_empty_cell_must_be_written_as_null_not_left_out(data_copy):
    short = TABLE.replace("[P-1, 10, 12, 14, 9, ~]", "[P-1, 10, 12, 14, 9]")
    with_table(data_copy, short)
    problems = [str(p) for p in validate(load_session(data_copy, 59)) if p.severity == "error"]
    assert any("this row has 5 cell(s) but the table has 6 column(s)" in p for p in problems), problems


def test_the_readme_documents_groups_and_empty_cells():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "group:" in readme and "`~`" in readme


def test_a_nil_dash_keeps_a_column_of_figures_right_aligned(data_copy, tmp_path):
    files = build(with_table(data_copy, TABLE.replace("[D-2, 3, 11, 4, 10, Rising]", "[D-2, 3, \"–\", 4, \"..\", Rising]")),
                  tmp_path / "out", formats=("html",))
    html = files["html"].read_text(encoding="utf-8")
    assert '<td data-align="right">–</td>' in html and '<td data-align="right">..</td>' in html


def test_group_headings_and_nil_cells_in_a_language_version(tmp_path):
    """A French version translates the group headings (`groups:`); its empty and nil cells need
    no translation (a `~` cell in a translated session used to end in a traceback)."""
    import shutil

    from conftest import FULL_DATA
    from pipeline.inputs.load import load_session

    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    for code in ("es", "ru", "zh", "ar"):
        (data / f"sessions/59/cmw-status.{code}.yaml").unlink()
    with_table(data, TABLE.replace("[D-2, 3, 11, 4, 10, Rising]", "[D-2, 3, \"–\", 4, \"..\", ~]")
               .replace("          id: levels\n", "          id: levels\n"))
    french = data / "sessions/59/cmw-status.fr.yaml"
    french.write_text(french.read_text(encoding="utf-8").replace("tables:\n", """tables:
  levels:
    title: Personnel par classe et par sexe
    columns: [Classe, Femmes, Hommes, Femmes, Hommes, Observations]
    groups: ["2009 (fr)", "2011 (fr)"]
    rows: [[P-1, ~, ~, ~, ~, ~], [D-2, ~, ~, ~, ~, ~]]
""", 1), encoding="utf-8")
    problems = [str(p) for p in validate(load_session(data, 59)) if "levels" in str(p)]
    assert not [p for p in problems if "cell" in p], problems  # figures, dashes and ~ need no translation
    files = build(data, tmp_path / "out", formats=("txt",), language="fr")
    lines = files["txt"].read_text(encoding="utf-8").splitlines()
    start = lines.index("[table levels]")
    assert lines[start + 2] == "  head:  | 2009 (fr) |  | 2011 (fr)"
