"""A language version's text left in English (or mostly in Latin letters where the language
writes Cyrillic, Arabic or Chinese ones), or a word mixing Latin and Cyrillic lookalike letters,
is a located warning; it built silently (found by an attacker, 3 December)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FULL_DATA, problems_of, replace_in
from pipeline.i18n.scripts import script_mismatch

RU = "sessions/59/cmw-status.ru.yaml"


@pytest.fixture
def versions_copy(tmp_path: Path) -> Path:
    shutil.copytree(FULL_DATA, tmp_path / "data")
    return tmp_path / "data"


def test_a_russian_word_with_a_latin_o_is_a_warning_at_its_text(versions_copy, monkeypatch):
    replace_in(versions_copy / RU, "Конвенцию ратифицировали", "Кoнвенцию ратифицировали")  # a Latin o
    monkeypatch.chdir(versions_copy.parent)
    found = [p for p in problems_of(Path("data"), 59) if "lookalike" in p]
    assert found == [f"data/{RU}:19:11: warning: the Russian text of paragraph 5 (status) mixes Latin and Cyrillic "
                     "letters in the word 'Кoнвенцию' (a lookalike letter?)"], found


def test_english_left_in_a_russian_version_is_a_warning(versions_copy, monkeypatch):
    text = (versions_copy / RU).read_text(encoding="utf-8")
    start = text.index("      По состоянию на")
    following = re.compile(r"\n {0,4}\S").search(text, start)  # the next key, if the text is not the last
    end = following.start() if following else len(text.rstrip("\n"))
    (versions_copy / RU).write_text(text[:start] + "      As at the date, the Convention had been ratified by the "
                                    "following States." + text[end:], encoding="utf-8")
    monkeypatch.chdir(versions_copy.parent)
    found = [p for p in problems_of(Path("data"), 59) if "Latin letters" in p]
    assert len(found) == 1 and "is written mostly in Latin letters, not Cyrillic ones" in found[0], found


def test_symbols_expressions_and_addresses_do_not_count_as_latin_prose():
    assert script_mismatch("Резолюция A/RES/45/158 {{ parties|states }} <http://untreaty.un.org>", "CYRILLIC") is None
    assert script_mismatch("本报告 A/59/299 {{ as_at|date }}", "CJK") is None
    assert script_mismatch("The present report is submitted", "LATIN") is None
