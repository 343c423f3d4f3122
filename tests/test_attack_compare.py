"""Findings of attack 8 on `unreport diff` and `unreport golden` (3 December): the README's own
`unreport diff output/59 59` exited 1 on a folder just built from the same data (the session side
composed the English original alone, so a changed French text was never reported), and a golden
tree that differs was reported under the name of the canonical text's snapshot."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import FULL_DATA, REPO, replace_in
from pipeline.cli import main


def diff(*args: str):
    return CliRunner().invoke(main, ["diff", *args])


def test_a_built_folder_and_its_session_are_the_same_in_every_language(tmp_path):
    data_copy = tmp_path / "data"
    shutil.copytree(FULL_DATA, data_copy)
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", "59", "--data", str(data_copy), "--output", str(out)]).exit_code == 0
    same = diff(str(out / "59"), "59", "--data", str(data_copy))
    assert same.exit_code == 0, same.output
    replace_in(data_copy / "sessions/59/cmw-status.fr.yaml", "Au {{ as_at|date }}", "À la date du {{ as_at|date }}")
    changed = diff(str(out / "59"), "59", "--data", str(data_copy))
    assert changed.exit_code == 1 and "cmw-status.fr" in changed.output and "À la date du" in changed.output
    assert "only in" not in changed.output


def test_the_golden_that_differs_is_the_one_named(tmp_path):
    goldens = tmp_path / "golden"
    shutil.copytree(REPO / "tests" / "golden", goldens)
    tree = goldens / "59" / "cmw-status.html"
    tree.write_text(tree.read_text(encoding="utf-8").replace("<body", "<bodx", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["golden", "--golden", str(goldens)])
    assert result.exit_code == 1
    assert f"the build differs from its golden ({tree})" in result.output
    assert "cmw-status.txt" not in result.output


def test_language_versions_have_golden_snapshots():
    names = {p.name for p in (REPO / "tests" / "golden" / "59").iterdir()}
    assert {f"cmw-status.{code}.{kind}" for code in ("fr", "es", "ru", "zh", "ar") for kind in ("txt", "html")} <= names


def test_wholly_rewritten_long_paragraphs_are_compared_a_bounded_number_of_times(monkeypatch):
    """Attack 8: 300 rewritten paragraphs of 150 words took 48 s, 200 of 8,000 words ran past two
    minutes (each block was matched word by word with every block ahead of it). Matching is now
    bounded per block (textdiff.PAIRING_TRIES), and a paragraph still pairs with its edit."""
    import difflib
    import random

    from pipeline.compare import textdiff

    rng = random.Random(8)
    vocabulary = [f"word{n}" for n in range(400)]

    def text(paragraphs: int, seed_words: list[list[str]]) -> str:
        return "".join(f"¶{n + 1} {' '.join(seed_words[n])}\n" for n in range(paragraphs))

    a_words = [[rng.choice(vocabulary) for _ in range(400)] for _ in range(60)]
    b_words = [[rng.choice(vocabulary) for _ in range(400)] for _ in range(60)]
    b_words[10] = a_words[10][:-1] + ["changed"]  # one real edit among the rewrites
    calls = []
    ratio = difflib.SequenceMatcher.ratio
    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", lambda self: calls.append(1) or ratio(self))
    found = textdiff.diff_texts(text(60, a_words), text(60, b_words))
    assert len(calls) <= textdiff.PAIRING_TRIES * 60
    assert any(c.kind == "changed" and c.a is not None and c.a.text.endswith(a_words[10][-1])
               for c in found.changes), [c.kind for c in found.changes][:20]


def test_a_missing_file_is_named_as_missing(tmp_path):
    there = tmp_path / "a.txt"
    there.write_text("title: A\n", encoding="utf-8")
    result = diff(str(there), str(tmp_path / "nothere.txt"))
    assert result.exit_code == 2 and f"{tmp_path / 'nothere.txt'}: no such file or folder" in result.output


def test_an_unreadable_pdf_is_named(tmp_path, built_59):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\ngarbage")
    result = diff(str(bad), str(built_59["pdf"]))
    assert result.exit_code == 2 and f"{bad}: not a PDF pdftoppm can read (" in result.output and "['" not in result.output


def test_a_view_under_a_file_is_told_in_words(tmp_path, built_59):
    blocking = tmp_path / "afile"
    blocking.write_text("hi\n", encoding="utf-8")
    result = diff(str(built_59["html"]), str(built_59["html"]), "--docx", str(blocking / "x.docx"))
    assert result.exit_code == 2 and "is a file, not a folder" in result.output and "Errno" not in result.output


def test_out_writes_the_views_canonical_texts_can_give_and_says_which_it_leaves_out(tmp_path, built_59):
    out = tmp_path / "views"
    result = diff(str(built_59["txt"]), str(built_59["txt"]), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "note: redline.html and redline.docx left out: redlines need document trees" in result.output
    assert [p.name for p in out.iterdir()] == ["summary.txt"]
    asked = diff(str(built_59["txt"]), str(built_59["txt"]), "--html", str(tmp_path / "r.html"))
    assert asked.exit_code == 2 and "--html: redlines need document trees" in asked.output


def test_a_stylesheet_that_hides_the_report_fails_the_build(tmp_path):
    """Attack 8: `body { display: none }` in a templates copy gave a blank one-page PDF with exit 0
    (the layout checks caught text off the page, not text gone from it)."""
    from conftest import DATA
    from pipeline.inputs.layout import TEMPLATES_DIR

    for rule in ("body { display: none }", ".numbered-paragraph, table { visibility: hidden }"):
        templates = tmp_path / f"templates-{len(rule)}"
        shutil.copytree(TEMPLATES_DIR, templates)
        with (templates / "base" / "un-report.css").open("a", encoding="utf-8") as css:
            css.write(rule + "\n")
        out = tmp_path / f"out-{len(rule)}"
        result = CliRunner().invoke(main, ["build", "59", "--data", str(DATA), "--output", str(out),
                                           "--templates", str(templates)])
        assert result.exit_code != 0 and "the stylesheet hides part of it" in result.output, result.output
        assert not (out / "59" / "cmw-status.pdf").exists()


def test_out_with_a_view_asked_by_name_leaves_out_only_the_others(tmp_path, built_59):
    """Review 3: `--out D --pages P` on two PDFs failed on --html and --docx, which nobody asked for."""
    result = diff(str(built_59["pdf"]), str(built_59["pdf"]), "--out", str(tmp_path / "views"),
                  "--pages", str(tmp_path / "pages"))
    assert result.exit_code == 0, result.output
    assert "note: redline.html and redline.docx left out: redlines need document trees" in result.output
