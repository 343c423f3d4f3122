"""Subparagraphs and lettered headings carry each language's letters and brackets
(un-editorial.md: "(a) (b) (c), then (i) (ii) (iii), then a. b. c., then i. ii. iii. (French and
Spanish: a) b) c) and i) ii) iii))"; the Arabic letters أ ب ج from data/languages/ar.yaml), in the
canonical text, the PDF and the DOCX. Numbering printed the English (a) in every version."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import pdftotext
from tests.docxtext import body_blocks
from tests.sampler_versions import sampler_versions

LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")
# The labels of the sampler's items and lettered headings in document order, as the canonical
# text prints them: third-degree heading, the four levels of subparagraphs, then headings again.
EXPECTED = {
    "en": ["(a)", "(a)", "(b)", "(i)", "(ii)", "a.", "b.", "i.", "(b)", "(i)", "(ii)", "a.", "b."],
    "fr": ["a)", "a)", "b)", "i)", "ii)", "a.", "b.", "i.", "b)", "i)", "ii)", "a.", "b."],
    "es": ["a)", "a)", "b)", "i)", "ii)", "a.", "b.", "i.", "b)", "i)", "ii)", "a.", "b."],
    "ru": ["a)", "a)", "b)", "i)", "ii)", "a.", "b.", "i.", "b)", "i)", "ii)", "a.", "b."],
    "zh": ["(a)", "(a)", "(b)", "(i)", "(ii)", "a.", "b.", "i.", "(b)", "(i)", "(ii)", "a.", "b."],
    "ar": ["(أ)", "(أ)", "(ب)", "(i)", "(ii)", "أ.", "ب.", "i.", "(ب)", "(i)", "(ii)", "أ.", "ب."],
}
LABELLED = re.compile(r"^\s*(?:\[(?:third|fourth|fifth)-degree\] )?(\(?[a-zأ-ي]{1,3}[.)])\s")


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """The sampler built in every language: language -> format -> path."""
    from pipeline.build.session import build_session

    data = sampler_versions(tmp_path_factory.mktemp("labels"), LANGUAGES[1:])
    result = build_session(59, data, tmp_path_factory.mktemp("labels-out"), ("txt", "pdf", "docx"),
                           languages=LANGUAGES)
    return {(e.series.split(".")[1] if "." in e.series else "en"): e.files for e in result.editions}


def labels_in(lines: list[str]) -> list[str]:
    return [m.group(1) for m in map(LABELLED.match, lines) if m]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_canonical_text_labels_items_and_headings_in_the_language(versions, code):
    lines = versions[code]["txt"].read_text(encoding="utf-8").splitlines()
    assert labels_in(lines) == EXPECTED[code]


@pytest.mark.parametrize("code", ("fr", "ar"))
def test_the_docx_prints_the_same_labels(versions, code):
    """The DOCX writer prints the tree's labels: each starts a block, in order."""
    assert labels_in(body_blocks(versions[code]["docx"])) == EXPECTED[code]


def test_the_pdf_prints_the_same_labels(versions):
    """In order at the start of a line in French; the Arabic letters in the Arabic version (its
    lines come out of pdftotext with direction marks and mirrored brackets, so only the letters'
    labels are looked for)."""
    lines = pdftotext(versions["fr"]["pdf"], "-layout").splitlines()
    assert labels_in(lines) == EXPECTED["fr"]
    arabic = re.sub("[\u200e\u200f\u202a-\u202e]", "", pdftotext(versions["ar"]["pdf"]))
    assert all(label in arabic for label in ("(أ)", "(ب)", "أ.", "ب.")) and "(a)" not in arabic


def test_arabic_numbers_chapters_and_sections_in_words_and_paragraphs_with_a_dash(versions):
    """'أولا -' (I.), 'ألف -' (B.), '1 -' (1.), as A/71/1007 sets them (data/languages/ar.yaml,
    numbering); the English original keeps 'I.', 'A.', '1.'."""
    arabic = versions["ar"]["txt"].read_text(encoding="utf-8").splitlines()
    headings = [line.split(" [")[0] for line in arabic if line.startswith(("[chapter]", "[section]", "[subsection]"))]
    assert headings == ["[chapter] أولا -", "[chapter] ثانيا -", "[section] ألف -", "[section] باء -",
                        "[subsection] 1 -", "[subsection] 2 -", "[chapter] ثالثا -", "[chapter] رابعا -"]
    english = versions["en"]["txt"].read_text(encoding="utf-8")
    assert "[chapter] I. Introduction" in english and "[section] A. Parties" in english
    numbered = [b for b in body_blocks(versions["ar"]["docx"]) if re.match(r"^\d+ -", b)]
    # paragraphs 1 to 9 with subsections 1 and 2 among them, then annex I's 1, 2 and annex II's 1
    assert [b.split(" -")[0] for b in numbered] == "1 2 3 1 4 2 5 6 7 8 9 1 2 1".split()
    assert "أولا" in re.sub("[\u200e\u200f\u202a-\u202e]", "", pdftotext(versions["ar"]["pdf"]))


@pytest.mark.parametrize("numbering, message", [
    ("numbering:\n  clause: \"{number}.\"\n", "'numbering.clause' is not a level numbered here"),
    ("numbering:\n  chapter: \"{ordinal} -\"\n", "'numbering.chapter' uses {ordinal}"),
    ("numbering:\n  names: [a, b]\n", "'numbering.names' must be a mapping"),
    ("numbering:\n  names:\n    chapter: premier\n", "'numbering.names.chapter' must be a list"),
    ("numbering:\n  names:\n    annex: [un]\n", "'numbering.names.annex' is not a level"),
    ("numbering:\n  paragraph: \"\"\n", "'numbering.paragraph' prints no number"),
    ("numbering:\n  paragraph: \"{name}.\"\n", "'numbering.paragraph' cannot use {name}"),
    ("numbering:\n  chapter: \"" + "x" * 30 + "{roman}\"\n", "'numbering.chapter' is 37 characters"),
    # letters and brackets (they ended in tracebacks, or printed 'g) r) e) e) k)' for 'greek')
    ("letters: []\n", "'letters' is latin"),
    ("letters: 5\n", "'letters' is latin"),
    ("letters: greek\n", "'letters' is latin"),
    ("letters: [a, a, b]\n", "'letters' is latin"),
    ("letters: ['', '']\n", "'letters' is latin"),
    ("subparagraphs: \"{label}{x})\"\n", "'subparagraphs' is how a subparagraph's letter"),
    ("subparagraphs: \"-\"\n", "'subparagraphs' is how a subparagraph's letter"),
])
def test_a_language_files_numbering_letters_and_brackets_are_checked(tmp_path, numbering, message):
    import shutil

    from pipeline.i18n.languages import load_language
    from pipeline.inputs.problems import InputError
    from tests.conftest import DATA

    folder = tmp_path / "data" / "languages"
    shutil.copytree(DATA / "languages", folder)
    path = folder / "fr.yaml"
    key = numbering.split(":")[0]
    text = re.sub(rf"(?m)^{key}:.*\n", "", path.read_text(encoding="utf-8"))  # the file's own line goes
    path.write_text(text + numbering, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_language(path)
    assert any(message in p.message and p.location.line for p in raised.value.problems), raised.value.problems
