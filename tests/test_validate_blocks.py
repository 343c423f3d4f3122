"""Validation of the document model's blocks: editorial checks (headings, bullets), ids and
cross-references, footnotes that call footnotes, and tables; each problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import replace_in
from pipeline.inputs.load import load_session
from pipeline.inputs.problems import InputError
from pipeline.validate import validate
from test_document_model import EDITION, sampler_data

E = "data/sessions/59/element-sampler.yaml"
S = "data/series/element-sampler.yaml"


def problems_after(tmp_path: Path, monkeypatch, *edits: tuple[str, str], file: str = EDITION) -> list[str]:
    """The problems of the sampler edition after replacing each old text by the new one."""
    data = sampler_data(tmp_path)
    for old, new in edits:
        replace_in(data / file, old, new)
    monkeypatch.chdir(tmp_path)
    try:
        return [str(p) for p in validate(load_session(Path("data"), 59))]
    except InputError as exc:
        return [str(p) for p in exc.problems]


def test_the_sampler_has_no_problems(tmp_path, monkeypatch):
    assert problems_after(tmp_path, monkeypatch) == []


CASES = [
    ("a level with a single heading warns",
     [("  - subsection: Sessions\n", "")],
     [f"{E}:57:17: warning: this is the only subsection heading under its heading; a level with a single heading "
      "is an editorial error (if there is an A. there must be a B.): add another or remove it"]),
    ("a number typed at the start of a heading warns",
     [("  - chapter: Introduction\n", "  - chapter: I. Introduction\n")],
     [f"{E}:27:14: warning: the heading starts with 'I.', a number typed by hand; the pipeline numbers headings "
      "(I., ...): remove it"]),
    ("a bullet ending in a semicolon warns",
     [("      - A short bullet\n", "      - A short bullet;\n")],
     [f"{E}:80:9: warning: a bullet does not end with a semicolon; end a short item with nothing and a sentence "
      "with a full stop"]),
    ("a reference to no block is an error",
     [('{{ ref("opening") }}', '{{ ref("openin") }}')],
     [f"{E}:96:46: error: ref('openin') names no block (did you mean 'opening'?); correct the id, or give the "
      "block you mean that id"]),
    ("a reference to an unnumbered paragraph is an error",
     [("    numbered: false\n", "    numbered: false\n    id: unnumbered\n"),
      ('{{ ref("opening") }}', '{{ ref("unnumbered") }}')],
     [f"{E}:97:46: error: ref('unnumbered') names a block without a number to cite (an unnumbered paragraph, "
      "heading or table); number it or write the reference out"]),
    ("an id used twice is an error",
     [("    id: mandate\n", "    id: opening\n")],
     [f"{E}:18:73: error: ref('mandate') names no block; give the block 'id: mandate'",
      f"{E}:35:9: error: id 'opening' is used twice; give each block its own id"]),
    ("a link to no block is an error",
     [("It cites the shared footnote.[^shared]", "It cites [the mandate](#mandat).[^shared]")],
     [f"{E}:29:16: error: the link '#mandat' names no block of the report (did you mean 'mandate'?); correct the "
      "link"]),
    ("a link to no block, nothing close",
     [("It cites the shared footnote.[^shared]", "It cites [the mandate](#elsewhere).[^shared]")],
     [f"{E}:29:16: error: the link '#elsewhere' names no block of the report; give the block 'id: elsewhere' or "
      "correct the link"]),
    ("a footnote that cites itself is an error",
     [("  second: The second footnote follows the shared one.", "  second: The second footnote cites itself.[^second]")],
     [f"{E}:24:11: error: footnote 'second' cites itself (second → second); a note cannot call a note"]),
    ("footnotes that cite each other are an error",
     [("  second: The second footnote follows the shared one.", "  second: The second cites the first.[^shared]"),
      ("  shared: The shared footnote is called twice and printed once.",
       "  shared: The shared footnote cites the second.[^second]")],
     [f"{E}:23:11: error: footnote 'shared' cites itself (shared → second → shared); a note cannot call a note",
      f"{E}:24:11: error: footnote 'second' cites itself (second → shared → second); a note cannot call a note"]),
    ("a table row narrower than the columns is an error",
     [('        - ["{{ signatories|count }} States", "Signatories[^b]"]',
       '        - ["{{ signatories|count }} States"]')],
     [f"{E}:50:11: error: this row has 1 cell(s) but the table has 2 column(s)",
      f"{E}:53:12: warning: table note 'b' is never called; add [^b] to a cell or remove it"]),
    ("rows from a list the edition does not have",
     [("    rows_from: members\n", "    rows_from: member\n")],
     [f"{S}:14:16: error: rows_from: 'member' is not a list of facts (did you mean 'members'?); the lists: members, "
      "parties, signatories, states"]),
    ("rows from something that is not a list, in a drafter's words",
     [("    rows_from: members\n", "    rows_from: members.name\n")],
     [f"{S}:14:16: error: rows_from: 'members.name' is not a list of facts; rows_from takes the name of a list "
      "of facts (members, parties, signatories, states) or a filter over one, like states|declared(\"22\")"]),
     # once, where the series' table is written (not at each use of it)
    ("rows from an expression that does not read, in a drafter's words",
     [("    rows_from: members\n", "    rows_from: members|declard(\"22\")\n")],
     [f"{S}:14:16: error: rows_from: 'members|declard(\"22\")' is not a list of facts (there is no filter 'declard' "
      "(did you mean 'declared'?)); rows_from takes the name of a list of facts (members, parties, signatories, "
      "states) or a filter over one, like states|declared(\"22\")"]),
    ("a table note call with no note is an error",
     [('"Signatories[^b]"', '"Signatories[^c]"')],
     [f"{E}:50:58: error: footnote [^c] has no text under 'footnotes:' or the table's 'notes:'; add 'c: ...' there",
      f"{E}:53:12: warning: table note 'b' is never called; add [^b] to a cell or remove it"]),
]


@pytest.mark.parametrize("name, edits, expected", CASES, ids=[c[0] for c in CASES])
def test_block_problems(tmp_path, monkeypatch, name, edits, expected):
    file = S if any("rows_from" in old for old, _ in edits) else EDITION
    path = "series/element-sampler.yaml" if file == S else EDITION
    assert problems_after(tmp_path, monkeypatch, *edits, file=path) == expected
