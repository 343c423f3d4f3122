"""Findings of the attack on the document model (the attack report's rows 3-7 and 12-14): each
mistake a drafter can make in blocks, footnotes, tables and paragraph expressions is a located
problem in a drafter's words, never a document printed wrong with exit 0."""

from __future__ import annotations

import pytest

from test_validate_blocks import E, problems_after

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
]


@pytest.mark.parametrize("name, edits, expected", CASES, ids=[c[0] for c in CASES])
def test_attack_problem(tmp_path, monkeypatch, name, edits, expected):
    found = problems_after(tmp_path, monkeypatch, *edits)
    if expected is None:
        print("\n".join(found))
        assert found and all(": error: " in p or ": warning: " in p for p in found)
    else:
        assert found == expected
