"""A figure in a table never breaks across lines (the stress test's 4-digit numbers printed
"553" over "0" in columns as narrow as their heading "Men"): a column of figures is as wide as
its widest figure, in the PDF and in the DOCX, and the column of words wraps instead."""

from __future__ import annotations

import shutil

from conftest import DATA, build, pdftotext, replace_in

HEADS = ["Region and country of origin of the migrant workers counted"] + ["Men", "Women"] * 3
FIGURES = ["5530", "7102", "4857", "6873", "1234", "9876"]


def _with_table(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    label = "Country of origin with a long name that has to wrap in its column"
    rows = "".join(f"        - [{label} {n}, {', '.join(FIGURES)}]\n" for n in range(3))
    replace_in(data / "sessions/59/cmw-status.yaml", "  - id: entry-into-force\n",
               f"  - table:\n      columns: [{', '.join(repr(h) for h in HEADS)}]\n      rows:\n{rows}"
               "  - id: entry-into-force\n")
    return build(data, tmp_path / "out", formats=("html", "txt", "pdf", "docx"))


def test_no_figure_breaks_in_the_pdf_or_the_docx(tmp_path):
    files = _with_table(tmp_path)
    words = pdftotext(files["pdf"]).split()
    assert all(words.count(figure) >= 3 for figure in FIGURES), [w for w in words if w[:3] in "553 710 485"]

    from docx import Document
    from docx.shared import Pt

    from pipeline.doctree.measure import times_width

    table = [t for t in Document(str(files["docx"])).tables if len(t.columns) == len(HEADS)][0]
    widths = [table.cell(1, c).width for c in range(len(HEADS))]
    for c in range(1, len(HEADS)):
        assert widths[c] >= Pt(times_width("5530")), (c, widths[c], Pt(times_width("5530")))
