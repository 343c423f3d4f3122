"""The document model end to end: a fixture edition that uses every element of the tree
(tests/fixtures/docmodel/) builds in every format, numbered as the Editorial Manual wants,
with every text of its tree in every output, in order; templates cannot drop text silently."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import lxml.html
import pytest

from conftest import DATA, REPO, pdftotext, replace_in
from docxtext import body_blocks, footnote_texts
from pdftext import page_count, page_text
from pipeline.doctree.vocabulary import Role, element_of
from pipeline.inputs.layout import TEMPLATES_DIR
from pipeline.writers.registry import WRITERS

FIXTURE = REPO / "tests" / "fixtures" / "docmodel"
EDITION = "sessions/59/element-sampler.yaml"


def sampler_data(target: Path) -> Path:
    """A data folder: the repository's reference data with the fixture series and edition."""
    data = target / "data"
    shutil.copytree(DATA / "reference", data / "reference")
    shutil.copytree(FIXTURE / "series", data / "series")
    shutil.copytree(FIXTURE / "sessions", data / "sessions")
    shutil.copytree(FIXTURE / "figures", data / "figures")
    return data


def run_build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "build", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def sampler(tmp_path_factory) -> dict[str, Path]:
    """The fixture edition built in every registered format."""
    root = tmp_path_factory.mktemp("sampler")
    data, out = sampler_data(root), root / "output"
    done = run_build("59", "--data", str(data), "--output", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    return {fmt: out / "59" / f"element-sampler.{fmt}" for fmt in WRITERS}


def canonical(sampler: dict[str, Path]) -> list[str]:
    return sampler["txt"].read_text(encoding="utf-8").splitlines()


def words(text: str) -> list[str]:
    """The words of a text, as outputs can be compared: ligatures undone, numbers and words only."""
    return re.findall(r"[^\W\d_]+|\d+", unicodedata.normalize("NFKC", text).replace("\u00ad", ""))


# ---------------------------------------------------------------- builds and numbers

def test_the_sampler_builds_in_every_registered_format(sampler):
    for fmt, path in sampler.items():
        assert path.is_file() and path.stat().st_size > 0, fmt


def test_headings_are_numbered_at_every_level(sampler):
    headings = [line for line in canonical(sampler) if re.match(r"\[(part|chapter|section|subsection|"
                                                               r"third-degree|fourth-degree|fifth-degree)\]", line)]
    assert headings == [
        "[part] Part one Background",
        "[chapter] I. Introduction",
        "[chapter] II. Status of the Convention",
        "[section] A. Parties and signatories",
        "[section] B. Committee on Migrant Workers",
        "[subsection] 1. Membership",
        "[subsection] 2. Sessions",
        "[third-degree] (a) First third-degree heading",
        "[third-degree] (b) Second third-degree heading",
        "[fourth-degree] (i) First fourth-degree heading",
        "[fourth-degree] (ii) Second fourth-degree heading",
        "[fifth-degree] a. First fifth-degree heading",
        "[fifth-degree] b. Second fifth-degree heading",
        "[part] Part two The way forward",
        "[chapter] III. Conclusions",  # chapters run on through the parts
        "[chapter] IV. Recommendations",
    ]


def test_paragraphs_run_through_the_chapters_and_restart_in_each_annex(sampler):
    lines = canonical(sampler)
    annexes = [i for i, line in enumerate(lines) if line.startswith("[annex] ")]
    body, annex_one, annex_two = lines[:annexes[0]], lines[annexes[0]:annexes[1]], lines[annexes[1]:]
    numbers = [int(m[1]) for line in body if (m := re.match(r"¶(\d+) ", line))]
    assert numbers == list(range(1, 10))
    assert [line[:3] for line in annex_one if line.startswith("¶")] == ["¶1 ", "¶2 "]
    assert [line[:3] for line in annex_two if line.startswith("¶")] == ["¶1 "]
    assert lines[annexes[0]] == "[annex] Annex I" and lines[annexes[1]] == "[annex] Annex II"
    assert "  original: [Original: French]" in annex_two


def test_subparagraphs_and_bullets_are_labelled_by_depth(sampler):
    items = [line for line in canonical(sampler) if re.match(r"(  )+(\(\w+\)|[a-z]+\.|\u2022|\u2013) ", line)]
    labels = [(len(line) - len(line.lstrip())) // 2 * " " + line.split()[0] for line in items]
    assert labels == [" (a)", " (b)", "  (i)", "  (ii)", "   a.", "   b.", "    i.", " \u2022", " \u2022", "  \u2013"]


def test_the_summary_is_framed_on_page_1_and_its_paragraphs_are_not_numbered(sampler):
    lines = canonical(sampler)
    start = lines.index("[summary] Summary")
    assert lines[start + 1].startswith("¶ The first summary paragraph") and lines[start + 2].startswith("¶ The second")
    tree = lxml.html.fromstring(sampler["html"].read_bytes())
    summary = tree.xpath('//section[@class="summary"]')[0]
    assert [p.get("class") for p in summary.xpath("p")] == ["unnumbered-paragraph"] * 2
    first_page = " ".join(words(page_text(sampler["pdf"], 1)))
    assert "Summary The first summary paragraph is not numbered" in first_page
    docx = body_blocks(sampler["docx"])
    summary_texts = [b for b in docx if "summary paragraph" in b]
    assert summary_texts and all(not re.match(r"\d", b) for b in summary_texts)


def test_a_note_called_twice_is_one_note(sampler):
    lines = canonical(sampler)
    assert [line for line in lines if line.startswith("footnote ")] == [
        "footnote 1 The shared footnote is called twice and printed once.",
        "footnote 2 The second footnote follows the shared one."]
    assert "¶2 The second numbered paragraph cites the shared footnote again[1] and then the second footnote.[2]" in lines
    notes = [note for note in footnote_texts(sampler["docx"]) if not note.startswith("*")]  # masthead notes first
    assert notes == ["The shared footnote is called twice and printed once.", "The second footnote follows the shared one."]


def test_table_number_title_notes_and_source(sampler):
    lines = canonical(sampler)
    start = lines.index("[table status-table]")
    assert lines[start + 1:start + 8] == [
        "  caption: Table 1 Parties and signatories as at 20 August 2004",
        "  head: State | Status",
        "  row: 26 States[a] | Parties",
        "  row: 10 States | Signatories[b]",
        "  note a: The first table note is lettered a.",
        "  note b: The second table note is lettered b.",
        "  source: _Source_: The ledger of the Convention in the reference data."]


def test_cross_references_name_what_they_point_at(sampler):
    line = next(line for line in canonical(sampler) if line.startswith("¶8 "))
    assert line == ("¶8 This paragraph cross-refers to paragraph 1, chapter II, section II.A, part two, "
                    "paragraph 5 (b), annex I and table 1.")
    summary = next(line for line in canonical(sampler) if line.startswith("¶ The first summary"))
    assert "refers to paragraph 2 of the report and to table 1" in summary
    assert "¶1 The only paragraph of annex II is numbered 1 and cites paragraph 2 of annex I." in canonical(sampler)
    tree = lxml.html.fromstring(sampler["html"].read_bytes())
    links = tree.xpath('//a[@class="cross-reference"]')
    assert links and all(tree.get_element_by_id(a.get("href")[1:], None) is not None for a in links)


# ---------------------------------------------------------------- nothing is dropped

def _flow_texts(tree_html: bytes) -> tuple[list[str], list[str]]:
    """The texts of the tree in reading order: the main flow (masthead, summary, contents, body,
    annexes) and the footnotes, each text being one element's own words."""
    root = lxml.html.fromstring(tree_html)
    body = root.find("body")
    main: list[str] = []
    notes: list[str] = []

    def own_text(el) -> str:
        parts = [el.text or ""]
        for child in el:
            declared = element_of(child)
            if declared.role is Role.NOTE:
                notes.append(child.text_content())
            elif declared.role in (Role.LIST, Role.GRAPHIC) or declared.kind == "table-note-call":
                pass
            else:
                parts.append(own_text(child))
            parts.append(child.tail or "")
        return " ".join(parts)

    def walk(el) -> None:
        declared = element_of(el)
        if declared.kind in ("first-page-footer", "draft-mark"):
            return  # page furniture: checked by the report tests, not in the reading flow
        if declared.inline_content or declared.role in (Role.FIELD, Role.BLOCK, Role.HEADING, Role.ITEM):
            text = own_text(el)
            if text.strip():
                main.append(text)
            for child in el:
                if element_of(child).role is Role.LIST:
                    walk(child)
            return
        for child in el:
            walk(child)

    walk(body)
    return main, notes


def _assert_in_order(texts: list[str], stream: list[str], what: str) -> None:
    """Every word of every text appears in the stream, in the tree's order (other words, such
    as running heads or page numbers, may stand between them)."""
    position = 0
    for text in texts:
        for word in words(text):
            # a note's mark may stick to the word it follows in a PDF's text ("Statesa")
            found = next((i for i in range(position, len(stream)) if stream[i] == word or
                          (stream[i].startswith(word) and len(stream[i]) - len(word) <= 2)), None)
            if found is None:
                context = " ".join(stream[max(0, position - 8):position + 8])
                pytest.fail(f"{what}: {word!r} of {text.strip()[:60]!r} is missing after: ...{context}...")
            position = found + 1


def _pdf_words(pdf: Path) -> list[str]:
    """The PDF's words in the order they are drawn (pdftotext -raw): the order of the tree, where
    the layout order of a two-column masthead would put the symbol first."""
    return words(pdftotext(pdf, "-raw"))


def _docx_words(docx: Path) -> list[str]:
    return words(" ".join(body_blocks(docx)))


@pytest.mark.parametrize("output", ["txt", "pdf", "docx"])
def test_every_text_of_the_tree_reaches_the_output_in_order(sampler, output):
    main, notes = _flow_texts(sampler["html"].read_bytes())
    assert len(main) > 80 and len(notes) == 2
    if output == "txt":
        stream = words(sampler["txt"].read_text(encoding="utf-8"))
        note_stream = stream
    elif output == "pdf":
        stream = note_stream = _pdf_words(sampler["pdf"])
    else:
        stream, note_stream = _docx_words(sampler["docx"]), words(" ".join(footnote_texts(sampler["docx"])))
    _assert_in_order(main, stream, output)
    _assert_in_order(notes, note_stream, f"{output} footnotes")


def test_the_session_59_report_loses_no_text_either(built_59):
    main, notes = _flow_texts(built_59["html"].read_bytes())
    _assert_in_order(main, words(built_59["txt"].read_text(encoding="utf-8")), "txt")
    _assert_in_order(main, _pdf_words(built_59["pdf"]), "pdf")
    _assert_in_order(main, _docx_words(built_59["docx"]), "docx")


# ---------------------------------------------------------------- the contents list

def _contents_entries(pdf: Path) -> tuple[int, list[tuple[str, int]]]:
    """The page of the contents list and its entries as (title, page) from the PDF."""
    for page in range(1, page_count(pdf) + 1):
        text = pdftotext(pdf, "-layout", "-f", str(page), "-l", str(page))
        if "Contents" in text and "Paragraphs" in text:
            entries = []
            for line in text.splitlines():
                found = re.match(r"\s*(?:Part \w+|Annex(?: [IVX]+)?|[IVX]+\.|[A-Z]\.)\s+(.+?)\s+(?:[\d\u2013]+\s+)?(\d+)\s*$",
                                 line)
                if found:  # the title without its dot leaders
                    entries.append((re.sub(r"(\s*\.)+$", "", found[1]), int(found[2])))
            return page, entries
    raise AssertionError("no contents page")


def test_contents_pages_are_the_pages_the_headings_land_on(sampler):
    pdf = sampler["pdf"]
    contents_page, entries = _contents_entries(pdf)
    assert [title for title, _ in entries] == [
        "Background", "Introduction", "Status of the Convention", "Parties and signatories",
        "Committee on Migrant Workers", "The way forward", "Conclusions", "Recommendations",
        "Members of the Committee", "A note received in French"]
    pages = {page: " ".join(words(page_text(pdf, page))) for page in range(1, page_count(pdf) + 1)}
    for title, page in entries:
        landed = [p for p, text in pages.items() if p > contents_page and " ".join(words(title)) in text]
        assert landed and landed[0] == page, f"{title!r}: contents says page {page}, it is on {landed}"


def test_contents_paragraph_ranges(sampler):
    entries = [line for line in canonical(sampler) if line.startswith("  entry: ")]
    assert entries[:8] == [
        "  entry: Part one Background | 1–7",
        "  entry: I. Introduction | 1–2",
        "  entry: II. Status of the Convention | 3–7",
        "  entry: A. Parties and signatories | 3",
        "  entry: B. Committee on Migrant Workers | 4–7",
        "  entry: Part two The way forward | 8–9",
        "  entry: III. Conclusions | 8",
        "  entry: IV. Recommendations | 9"]


# ---------------------------------------------------------------- cross-references follow renumbering

def test_inserting_a_paragraph_renumbers_its_cross_references_in_every_format(tmp_path):
    data = sampler_data(tmp_path)
    replace_in(data / EDITION, "  - paragraph: >-\n      The first numbered paragraph opens chapter I.",
               "  - paragraph: A paragraph inserted before the one that is cited.\n"
               "  - paragraph: >-\n      The first numbered paragraph opens chapter I.")
    out = tmp_path / "output"
    done = run_build("59", "--data", str(data), "--output", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    built = {fmt: out / "59" / f"element-sampler.{fmt}" for fmt in ("txt", "pdf", "docx")}
    expected = "This paragraph cross-refers to paragraph 2, chapter II"
    assert f"¶9 {expected}" in built["txt"].read_text(encoding="utf-8")
    assert " ".join(words(expected)) in " ".join(_pdf_words(built["pdf"]))
    assert " ".join(words(expected)) in " ".join(_docx_words(built["docx"]))


# ---------------------------------------------------------------- templates cannot drop text

def _templates_with(tmp_path: Path, old: str, new: str, name: str = "base/un-report.html.j2") -> Path:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, templates)
    replace_in(templates / name, old, new)
    return templates


@pytest.mark.parametrize("old, new, message", [
    # a second report-body around the chapters: the trap that once dropped every paragraph
    ('{% for block in report.body %}{{ blocks.block(block, t) }}{% endfor %}',
     '<main class="report-body">{% for block in report.body %}{{ blocks.block(block, t) }}{% endfor %}</main>',
     "'report-body' is not allowed inside 'report-body'"),
    ('<main class="report-body">', '<section class="chapter"><main class="report-body">',
     "<section class='chapter'> is not in the tree's vocabulary"),
    ('<main class="report-body">', '<p class="report-body-intro">Text</p>\n<main class="report-body">',
     "is not in the tree's vocabulary"),
    ('<main class="report-body">', 'Stray words\n<main class="report-body">',
     "text 'Stray words' stands directly inside 'un-report'"),
])
def test_a_template_that_breaks_the_vocabulary_fails_at_its_line(tmp_path, old, new, message):
    templates = _templates_with(tmp_path, old, new)
    out = tmp_path / "output"
    done = run_build("59", "--output", str(out), "--templates", str(templates), "--format", "txt")
    assert done.returncode == 2, done.stderr
    line = next(n for n, text in enumerate((templates / "base" / "un-report.html.j2").read_text().splitlines(), 1)
                if new.splitlines()[0] in text)
    assert re.search(rf"un-report\.html\.j2:{line}:\d+: error: the template writes .*{re.escape(message)}", done.stderr), \
        done.stderr
    assert "Traceback" not in done.stderr
    assert not (out / "59").exists()


# ---------------------------------------------------------------- a format is a module and a registry line

def test_a_new_format_is_one_module_and_one_registry_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.writers.registry import WriterSpec, register

    monkeypatch.syspath_prepend(str(REPO / "tests" / "fixtures"))
    register(WriterSpec("words", "writer_words", "a throwaway format: the word count of the report"))
    try:
        result = CliRunner().invoke(main, ["build", "59", "--data", str(DATA), "--output", str(tmp_path),
                                           "--format", "words", "--jobs", "1"])
    finally:
        WRITERS.pop("words")
    assert result.exit_code == 0, result.output
    count = int((tmp_path / "59" / "cmw-status.words").read_text())
    assert 900 < count < 1200


def test_the_readme_example_builds(tmp_path):
    """The example of "Writing a report" in README.md, in the session 59 edition."""
    import yaml

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("A short example (a test builds it"):]
    example = yaml.safe_load(section[section.index("```yaml") + 7:section.index("```", section.index("```yaml") + 7)])
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    edition = yaml.safe_load((data / "sessions/59/cmw-status.yaml").read_text(encoding="utf-8"))
    edition.update(example)
    (data / "sessions/59/cmw-status.yaml").write_text(yaml.safe_dump(edition, allow_unicode=True), encoding="utf-8")
    done = run_build("59", "--data", str(data), "--output", str(tmp_path / "out"), "--format", "txt")
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "out" / "59" / "cmw-status.txt").read_text(encoding="utf-8")
    assert "(see table 1); the date of entry into force is in paragraph 1." in text
    assert "  caption: Table 1 States parties" in text and "  (b) Other States, in particular:" in text


def test_a_lone_annex_is_the_annex_in_cross_references(tmp_path):
    """An edition with one annex prints "Annex" without a number, so a reference to it (or to a
    paragraph in it) reads "the annex", not "annex"."""
    from pipeline.compose.numbering import number_edition
    from pipeline.inputs.load import load_session

    edition = load_session(sampler_data(tmp_path), 59).editions[0].model
    lone = edition.model_copy(update={"annexes": edition.annexes[:1]})
    targets = number_edition(lone, {}).targets
    assert targets["annex-members"].label == "the annex"
    assert targets["annex-second"].label.endswith(" of the annex")
    assert number_edition(edition, {}).targets["annex-members"].label == "annex I"


def test_a_contents_list_of_pages_alone(tmp_path):
    """`contents: pages` prints each entry's page without the paragraph ranges, as the contents
    lists of later reports do, in every format."""
    data = sampler_data(tmp_path)
    replace_in(data / EDITION, "contents: true", "contents: pages")
    out = tmp_path / "output"
    done = run_build("59", "--data", str(data), "--output", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    text = (out / "59" / "element-sampler.txt").read_text(encoding="utf-8")
    assert "[contents] Contents" in text and "Paragraphs" not in text and "1–7" not in text
    assert 'class="contents-paragraphs' not in (out / "59" / "element-sampler.html").read_text(encoding="utf-8")
    contents = pdftotext(out / "59" / "element-sampler.pdf", "-f", "2", "-l", "2")
    assert "Page" in contents and "Paragraphs" not in contents and "Introduction" in contents
    docx_words = " ".join(_docx_words(out / "59" / "element-sampler.docx"))
    assert "Paragraphs" not in docx_words and "Introduction" in docx_words


def test_contents_that_is_neither_true_false_nor_pages_is_one_error(tmp_path):
    from pipeline.inputs.load import load_session
    from pipeline.inputs.problems import InputError

    data = sampler_data(tmp_path)
    replace_in(data / EDITION, "contents: true", "contents: maybe")
    with pytest.raises(InputError) as caught:
        load_session(data, 59).raise_if_errors()
    errors = [str(p) for p in caught.value.problems if p.severity == "error"]
    assert len(errors) == 1 and "'contents': must be true (paragraphs and pages), pages (pages alone) or false, " \
                                "not 'maybe'" in errors[0], errors
