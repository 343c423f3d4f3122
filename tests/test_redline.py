"""The redline tree and its two writers: Word tracked changes (w:ins/w:del) and the HTML page."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.compare.redline import redline_page, redline_tree
from pipeline.writers.docx import write_docx
from scratch60 import compose_edition, scratch_data

REPO = Path(__file__).resolve().parent.parent
SAMPLE = (REPO / "tests" / "fixtures" / "tree-sample.html").read_text(encoding="utf-8")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
DATE_60 = dt.date(2005, 8, 15)


def part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.fromstring(archive.read(name))


def numbered_paragraphs(document: etree._Element) -> dict[str, etree._Element]:
    """Body paragraphs in the numbered style, by their number ("5")."""
    found = {}
    for p in document.iterfind(".//w:body/w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(f"{{{W}}}val") == "UNNumberedParagraph":
            number = "".join(p.itertext()).split(".")[0]
            found.setdefault(number, p)
    return found


def revision_texts(element: etree._Element, kind: str) -> list[str]:
    """The text of each w:ins or w:del inside element."""
    tag = "w:delText" if kind == "del" else "w:t"
    return ["".join(t.text or "" for t in r.iterfind(f".//{tag}", NS)) for r in element.iterfind(f".//w:{kind}", NS)]


@pytest.fixture(scope="module")
def trees_59_60(tmp_path_factory) -> tuple[str, str]:
    data = scratch_data(tmp_path_factory.mktemp("scratch"))
    return compose_edition(data, 59), compose_edition(data, 60)


@pytest.fixture(scope="module")
def redline_59_60(trees_59_60) -> bytes:
    return write_docx(redline_tree(*trees_59_60), DATE_60)


def test_paragraph_5_tracks_the_new_states_and_counts(redline_59_60):
    p5 = numbered_paragraphs(part(redline_59_60, "word/document.xml"))["5"]
    inserted, deleted = revision_texts(p5, "ins"), revision_texts(p5, "del")
    assert any("Algeria" in t for t in inserted)
    assert any("Syrian Arab Republic" in t for t in inserted)
    assert "26" in deleted and "30" in inserted
    assert "20" in deleted and "1" in inserted


def test_unchanged_paragraphs_have_no_tracked_changes(redline_59_60):
    paragraphs = numbered_paragraphs(part(redline_59_60, "word/document.xml"))
    assert sorted(paragraphs, key=int) == [str(n) for n in range(1, 13)]
    for number in ("1", "2", "3", "4", "6", "7", "8", "9", "10", "11", "12"):
        p = paragraphs[number]
        assert p.find(".//w:ins", NS) is None and p.find(".//w:del", NS) is None, f"paragraph {number}"


def test_tracked_changes_carry_author_date_and_unique_ids(redline_59_60):
    marks = [el for name in ("word/document.xml", "word/footnotes.xml")
             for el in part(redline_59_60, name).iter(f"{{{W}}}ins", f"{{{W}}}del")]
    assert len(marks) > 10
    assert {m.get(f"{{{W}}}author") for m in marks} == {"unreport"}
    assert {m.get(f"{{{W}}}date") for m in marks} == {"2005-08-15T00:00:00Z"}
    ids = [m.get(f"{{{W}}}id") for m in marks]
    assert len(ids) == len(set(ids))
    for deletion in (m for m in marks if m.tag == f"{{{W}}}del"):
        assert deletion.find(".//w:t", NS) is None, "deleted text must be w:delText"


def test_masthead_and_its_note_track_the_new_session(redline_59_60):
    document = part(redline_59_60, "word/document.xml")
    assert "Fifty-ninth" in revision_texts(document, "del") and "Sixtieth" in revision_texts(document, "ins")
    notes = part(redline_59_60, "word/footnotes.xml")
    assert revision_texts(notes, "del") == ["A/59/150"] and revision_texts(notes, "ins") == ["A/60/150"]


def test_a_redline_without_changes_is_the_plain_document(trees_59_60):
    tree = trees_59_60[1]
    assert write_docx(redline_tree(tree, tree), DATE_60) == write_docx(tree, DATE_60)


def renumbered_without_paragraph_8(tree: str) -> str:
    tree = re.sub(r'<p class="numbered-paragraph" data-number="8">.*?</p>\n', "", tree)
    for n in range(9, 13):
        tree = tree.replace(f'data-number="{n}"><span class="paragraph-number">{n}.',
                            f'data-number="{n - 1}"><span class="paragraph-number">{n - 1}.')
    return tree


@pytest.fixture(scope="module")
def edited_sample() -> str:
    """The sample tree with a paragraph removed, rows removed, added and changed, a footnote
    reworded, the masthead note call moved and an italic word changed."""
    tree = renumbered_without_paragraph_8(SAMPLE)
    edits = {
        '<tr><td>Ana María Dieguez</td><td>Guatemala</td><td data-align="right">2005</td></tr>': "",
        '<tr><td>Francisco Alba</td><td>Mexico</td><td data-align="right">2007</td></tr>':
            '<tr><td>Francisco Alba</td><td>Mexico</td><td data-align="right">2009</td></tr>',
        '<tr><td>Azad Taghizade</td><td>Azerbaijan</td><td data-align="right">2005</td></tr>':
            '<tr><td>Azad Taghizade</td><td>Azerbaijan</td><td data-align="right">2005</td></tr>'
            '<tr><td>Zoe Newmember</td><td>Chile</td><td data-align="right">2009</td></tr>',
        "See article 87 of the Convention": "See articles 87 and 88 of the Convention",
        'provisional agenda<a class="note-call" href="#masthead-note-1">*</a></p>': "provisional agenda</p>",
        "implementation of human rights instruments</p>":
            'implementation of human rights instruments<a class="note-call" href="#masthead-note-1">*</a></p>',
        "<em>twentieth</em>": "<em>twenty-first</em>",
    }
    for old, new in edits.items():
        assert tree.count(old) == 1, old
        tree = tree.replace(old, new)
    return tree


@pytest.fixture(scope="module")
def edited_redline(edited_sample) -> bytes:
    return write_docx(redline_tree(SAMPLE, edited_sample), dt.date(2004, 8, 27))


def test_removed_paragraph_is_a_deleted_paragraph(edited_redline):
    document = part(edited_redline, "word/document.xml")
    deleted = [p for p in document.iterfind(".//w:body/w:p", NS) if p.find("w:pPr/w:rPr/w:del", NS) is not None]
    assert len(deleted) == 1
    assert "".join(deleted[0].itertext()).startswith("8.On 18 December 2003, International Migrants Day")
    assert deleted[0].find(".//w:t", NS) is None
    assert "8.On 18 December" not in "".join(t.text for t in document.iterfind(".//w:t", NS))


def test_table_rows_removed_added_and_changed(edited_redline):
    rows = part(edited_redline, "word/document.xml").findall(".//w:body/w:tbl[2]/w:tr", NS)
    texts = {"".join(r.itertext()): r for r in rows}
    assert texts["Ana María DieguezGuatemala2005"].find("w:trPr/w:del", NS) is not None
    assert texts["Zoe NewmemberChile2009"].find("w:trPr/w:ins", NS) is not None
    alba = texts["Francisco AlbaMexico20072009"]
    assert revision_texts(alba, "del") == ["2007"] and revision_texts(alba, "ins") == ["2009"]
    assert alba.find("w:trPr/w:ins", NS) is None and alba.find("w:trPr/w:del", NS) is None


def test_reworded_footnote_is_deleted_and_inserted_whole(edited_redline):
    notes = part(edited_redline, "word/footnotes.xml")
    assert any("See article 87 of the Convention" in t for t in revision_texts(notes, "del"))
    assert any("See articles 87 and 88 of the Convention" in t for t in revision_texts(notes, "ins"))
    p2 = numbered_paragraphs(part(edited_redline, "word/document.xml"))["2"]
    assert p2.find(".//w:del//w:footnoteReference", NS) is not None
    assert p2.find(".//w:ins//w:footnoteReference", NS) is not None


def test_moved_note_call_and_italic_word(edited_redline):
    document = part(edited_redline, "word/document.xml")
    moved = document.xpath(".//w:footnoteReference[@w:customMarkFollows='1']/../..", namespaces=NS)
    assert sorted(etree.QName(m).localname for m in moved) == ["del", "ins"]
    italic_insert = next(iter(document.xpath(".//w:ins/w:r[w:rPr/w:i]", namespaces=NS)), None)
    assert italic_insert is not None and "twenty-first" in "".join(italic_insert.itertext())


@pytest.mark.parametrize("kind", ["del", "ins"])
def test_a_whole_table_and_the_masthead_note_removed_or_added(kind):
    without = re.sub(r'<div class="table-block" id="committee-members".*?</div>\n', "", SAMPLE, flags=re.S)
    without = without.replace('<a class="note-call" href="#masthead-note-1">*</a>', "")
    without = re.sub(r'<p class="masthead-note"[^>]*>.*?</p>\n', "", without)
    a, b = (SAMPLE, without) if kind == "del" else (without, SAMPLE)
    docx = write_docx(redline_tree(a, b), dt.date(2004, 8, 27))
    rows = part(docx, "word/document.xml").findall(f".//w:tbl/w:tr/w:trPr/w:{kind}", NS)
    assert len(rows) == 11  # the head row and ten members
    assert revision_texts(part(docx, "word/footnotes.xml"), kind) == ["A/59/150."]


def test_html_page_marks_words_and_blocks(trees_59_60, edited_sample):
    page = redline_page(redline_tree(*trees_59_60), "Changes from 59 to 60", "paragraph 5 changed")
    assert "<del>26</del><ins>30</ins>" in page
    assert re.search(r"<ins>[^<]*Algeria[^<]*</ins>", page)
    assert '<section class="redline-summary">' in page and "<style>" in page and "<link" not in page
    sample_page = redline_page(redline_tree(SAMPLE, edited_sample), "t", "s")
    assert 'data-revision="del"' in sample_page and 'data-revision="ins"' in sample_page


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_tracked_changes(redline_59_60, edited_redline, tmp_path):
    sources = []
    for name, content in (("redline", redline_59_60), ("edited", edited_redline)):
        sources.append(tmp_path / f"{name}.docx")
        sources[-1].write_bytes(content)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "fodt",
                    "--outdir", str(tmp_path), *map(str, sources)], check=True, capture_output=True, timeout=180)
    flat = (tmp_path / "redline.fodt").read_text(encoding="utf-8")
    kinds = dict(re.findall(r'<text:changed-region xml:id="[^"]*" text:id="([^"]+)">\s*<text:(insertion|deletion)>', flat))
    assert {"insertion", "deletion"} <= set(kinds.values())
    paragraphs = re.findall(r'<text:p text:style-name="UN_20_Numbered_20_Paragraph">(.*?)</text:p>', flat, re.S)
    by_number = {re.match(r"(?:<[^>]+>)*(\d+)\.", p).group(1): p for p in paragraphs}  # after any page break
    changed: dict[str, list[str]] = {"insertion": [], "deletion": []}
    for change_id, content in re.findall(r'<text:change-start text:change-id="([^"]+)"/>(.*?)<text:change-end text:change-id="\1"/>',
                                         by_number["5"], re.S):
        changed[kinds[change_id]].append(re.sub(r"<[^>]+>", "", content))
    assert "26" in changed["deletion"] and any("Algeria" in t for t in changed["insertion"])
    for number in ("1", "2", "4"):
        assert "text:change" not in by_number[number], f"paragraph {number} has a change mark"
    # Every reworded, moved or removed footnote keeps its marks (LibreOffice drops a change
    # that opens a footnote, so the writer keeps the note's own mark outside it).
    notes = re.findall(r"<text:note .*?</text:note>", (tmp_path / "edited.fodt").read_text(encoding="utf-8"), re.S)
    assert ["text:change-start" in note for note in notes] == [True, True, True, True, False]
