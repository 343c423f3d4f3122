"""Hostile corpus, class "characters": control characters, C1 bytes from Windows-1252 pastes,
non-characters, U+FFFD, direction controls and zero-width characters, anywhere in any input file
(comments included) are errors at their line and column."""

from __future__ import annotations

import unicodedata

import pytest

pytest.register_assert_rewrite("hostile_corpus")

from hostile_corpus import C, E, L, M, N, S, Case, insert_at, run_case, where

C0 = [0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F]
C1 = [0x80, 0x85, 0x92, 0x93, 0x9F]
NONCHARACTERS = [0xFFFE, 0xFFFF]
DIRECTION = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
ZERO_WIDTH = [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x180E]

# (file, the text the character goes in front of): a comment, a paragraph, a series, a ledger
# entry, a committee member, a row of the name changes CSV, the Member States' list
PLACES = [(E, "Session 59 (2004)"), (E, "The Convention entered"), (S, "Report of the Secretary-General"),
          (L, "Albania"), (C, "Francisco Alba"), (N, "Cape Verde,"), (M, "193 Member States")]
NAME_PLACES = [(E, "The Convention entered"), (L, "Albania"), (N, "Cape Verde,")]


def message(code: int) -> str:
    char = chr(code)
    if 0x80 <= code <= 0x9F:
        return (f"the text holds the control character U+{code:04X}, which no document can show "
                "(text pasted from a Windows-1252 source?); type the character it stands for")
    if code in DIRECTION:
        return (f"the text holds the invisible direction control U+{code:04X} {unicodedata.name(char)}, which "
                "would reorder the text around it in the document; remove it")
    if code in (0x200E, 0x200F):
        return (f"the text holds the invisible direction mark U+{code:04X} {unicodedata.name(char)}; the PDF and the "
                "DOCX set the direction of Arabic text themselves (a number such as 45/158 keeps its order), and a "
                "hidden mark would make words that look the same differ: remove it")
    if code in ZERO_WIDTH:
        name = unicodedata.name(char, "")
        return (f"the text holds the invisible character U+{code:04X}{' ' + name if name else ''}, which would "
                "make words that look the same differ; remove it")
    if code == 0xFFFD:
        return ("the text holds U+FFFD, the mark of a character lost when the text was converted; "
                "type the character that was meant")
    return f"the text holds the character U+{code:04X}, which no document can show; remove it"


def case(code: int, file: str, anchor: str) -> Case:
    return insert_at(file, anchor, chr(code), [f"{where(file, anchor)}: error: {message(code)}"],
                     f"U+{code:04X} before {anchor!r} in {file}")


CASES = ([case(code, file, anchor) for code in C0 + C1 + NONCHARACTERS + [0xFFFD] for file, anchor in PLACES]
         + [case(code, file, anchor) for code in DIRECTION + ZERO_WIDTH for file, anchor in NAME_PLACES])


@pytest.mark.parametrize("case", CASES, ids=str)
def test_refused_character(case: Case, tmp_path, monkeypatch):
    run_case(case, tmp_path, monkeypatch, build=case.file == E)


def test_a_byte_order_mark_at_the_start_is_not_text(tmp_path, monkeypatch):
    """Some editors write U+FEFF first: that is not a character of the text, and builds."""
    from hostile_corpus import invoke
    import shutil
    from conftest import DATA
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    edition = data / E
    edition.write_bytes(b"\xef\xbb\xbf" + edition.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert invoke(["validate", "--data", "data", "59"]).exit_code == 0
