"""The contents list in the languages whose labels are long: "Приложение III" (Russian annex)
and a chapter numbered in words ("خامسا -", Arabic) stay on one line with their entry's title,
as the English "Annex I" and "V." do (the stress test found the Russian label printed over its
title and the Arabic number alone on its line)."""

from __future__ import annotations

import shutil

import pytest

from conftest import FULL_DATA, build, pdftotext, replace_in

CHAPTERS = "".join(f"  - chapter: Chapter {n}\n  - paragraph: Text of chapter {n}.\n" for n in range(1, 7))
ANNEXES = "".join(f"  - title: Annex title {n}\n    body:\n      - paragraph: Annex text {n}.\n" for n in range(1, 4))


@pytest.fixture(scope="module")
def with_contents(tmp_path_factory):
    data = tmp_path_factory.mktemp("contents") / "data"
    shutil.copytree(FULL_DATA, data)
    edition = data / "sessions/59/cmw-status.yaml"
    text = edition.read_text(encoding="utf-8")
    start = text.index("body:\n")
    edition.write_text(text[:start] + "contents: true\nbody:\n" + CHAPTERS + "annexes:\n" + ANNEXES, encoding="utf-8")
    for code in ("fr", "es", "zh", "ar", "ru"):  # versions of the old body: left out, but the two checked
        if code not in ("ru", "ar"):
            (data / f"sessions/59/cmw-status.{code}.yaml").unlink()
    for code in ("ru", "ar"):
        path = data / f"sessions/59/cmw-status.{code}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text[:text.index("translations:")] if "translations:" in text else text, encoding="utf-8")
    return data


def _contents_lines(data, tmp_path, code):
    files = build(data, tmp_path / code, formats=("html", "pdf"), language=code)
    return [line for line in pdftotext(files["pdf"], "-layout", "-f", "2", "-l", "3").splitlines() if line.strip()]


def test_russian_annex_labels_stand_on_their_entry_line(with_contents, tmp_path):
    lines = _contents_lines(with_contents, tmp_path, "ru")
    annex = [line for line in lines if "Приложение" in line]
    assert len(annex) == 3 and all(line.split("Приложение", 1)[1].split()[0] in ("I", "II", "III")
                                   for line in annex), annex


def test_arabic_chapter_numbers_in_words_stand_on_their_entry_line(with_contents, tmp_path):
    lines = _contents_lines(with_contents, tmp_path, "ar")
    for word in ("خامسا", "سادسا"):
        line = next(line for line in lines if word in line)
        assert len(line.split()) > 2, line  # not the number alone
