"""The DOCX writer on every element of the tree vocabulary: the element-sampler edition
(tests/fixtures/docmodel/) written to Word, checked for its text in the order of the canonical
text, its Word structure (heading outline, list styles, the summary box, contents fields and
bookmarks, tables, annexes, footnotes, cross-references), its validity against the OOXML
schema (openxml-audit) and, with LibreOffice, the contents' page numbers."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import lxml.html
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Pt
from lxml import etree

from pipeline.doctree.vocabulary import ELEMENTS
from pipeline.writers.docx import write_docx
from pipeline.writers.docx.anchors import bookmark_names
from pipeline.writers.text import canonical_text

from conftest import DATA

REPO = Path(__file__).resolve().parent.parent
SAMPLER = REPO / "tests" / "fixtures" / "docmodel"
DATE = dt.date(2004, 8, 27)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


# ---------------------------------------------------------------- fixtures and helpers

def sampler_data(root: Path, letters: bool = False) -> Path:
    """A data folder with the reference data and the element-sampler series and session."""
    shutil.copytree(DATA / "reference", root / "reference")
    for folder in ("series", "sessions", "figures"):
        shutil.copytree(SAMPLER / folder, root / folder)
    if letters:
        edition = root / "sessions" / "59" / "element-sampler.yaml"
        edition.write_text(edition.read_text(encoding="utf-8") + "footnote_marks: letters\n", encoding="utf-8")
    return root


def compose_sampler(root: Path, letters: bool = False) -> str:
    from pipeline.compose.report import compose
    from pipeline.inputs.load import load_session

    inputs = load_session(sampler_data(root, letters), 59)
    return compose(inputs, inputs.editions[0])


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> str:
    return compose_sampler(tmp_path_factory.mktemp("sampler"))


@pytest.fixture(scope="module")
def docx(tree: str) -> bytes:
    return write_docx(tree, DATE)


@pytest.fixture(scope="module")
def lettered(tmp_path_factory) -> tuple[str, bytes]:
    """The sampler with footnote_marks: letters, its tree and its DOCX."""
    lettered_tree = compose_sampler(tmp_path_factory.mktemp("lettered"), letters=True)
    return lettered_tree, write_docx(lettered_tree, DATE)


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def opened(data: bytes):
    return Document(io.BytesIO(data))


def style_of(p: etree._Element) -> str:
    style = p.find("w:pPr/w:pStyle", NS)
    return style.get(f"{W}val") if style is not None else ""


def paragraphs(data: bytes, style_id: str) -> list[etree._Element]:
    return [p for p in part(data, "word/document.xml").iter(f"{W}p") if style_of(p) == style_id]


def shown_text(p: etree._Element, marks: list[str] | None = None) -> str:
    """A paragraph's text as a reader sees it: tabs and breaks as spaces, a footnote call as
    [mark] (Word's next mark from *marks*), a further call (NOTEREF) as [its result], a table
    note call as [letter]; a contents page (PAGEREF) left out, being the layout's."""
    out, field, instruction = [], None, ""
    for el in p.iter():
        tag = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if tag == "fldChar":
            kind = el.get(f"{W}fldCharType")
            field = "instruction" if kind == "begin" else "result" if kind == "separate" else None
            instruction = "" if kind == "begin" else instruction
        elif tag == "instrText":
            instruction += el.text or ""
        elif tag in ("t", "delText") and field == "result":
            if instruction.split()[0] == "NOTEREF":
                out.append(f"[{el.text}]")
        elif tag in ("t", "delText") and field is None:
            run_style = el.getparent().find("w:rPr/w:rStyle", NS)
            call = run_style is not None and run_style.get(f"{W}val") == "UNTableNoteCall"
            out.append(f"[{el.text}]" if call else el.text or "")
        elif tag in ("tab", "br") and el.getparent().tag == f"{W}r":
            out.append(" ")
        elif tag == "footnoteReference" and el.get(f"{W}customMarkFollows") is None and marks is not None:
            out.append(f"[{marks.pop(0)}]")
    return "".join(out)


def body_words_after_title(data: bytes, marks: list[str]) -> list[str]:
    """The words of every paragraph (table cells included) after the author line, in order."""
    body = part(data, "word/document.xml").find("w:body", NS)
    all_paragraphs = list(body.iter(f"{W}p"))
    start = next(i for i, p in enumerate(all_paragraphs) if style_of(p) == "UNAuthor") + 1
    return " ".join(shown_text(p, marks) for p in all_paragraphs[start:]).split()


def canonical_words(lines: list[str]) -> list[str]:
    """The words of canonical text lines as the document prints them: labels dropped, a
    paragraph's number as "5.", a table note's letter as [a], italics unmarked, a picture's
    line (its description is alternative text, not printed words) left out."""
    words = []
    for line in lines:
        text = line.strip()
        text = re.sub(r"^\[(table|figure) [^\]]+\]$", "", text)
        text = re.sub(r"^picture: .*$", "", text)  # a picture: no words in the document (its alternative text)
        text = re.sub(r"^\[[a-z -]+\] ", "", text)
        text = re.sub(r"^¶(\d+) ", r"\1. ", text)
        text = re.sub(r"^¶ ", "", text)
        text = re.sub(r"^(columns|entry|caption|head|row|source|original): ", "", text)
        text = re.sub(r"^note (\w+): ", r"[\1] ", text)
        text = re.sub(r"_([^_]+)_", r"\1", text)
        words += text.replace(" | ", " ").split()
    return words


def footnote_texts(data: bytes, marks: list[str]) -> list[str]:
    """Numbered (or lettered) footnotes as the canonical text writes them: 'footnote 1 text'."""
    notes = [n for n in part(data, "word/footnotes.xml").iter(f"{W}footnote")
             if n.get(f"{W}type") is None and n.find(f".//{W}footnoteRef") is not None]
    return [f"footnote {mark} {' '.join(shown_text(n).split())}" for mark, n in zip(marks, notes)]


def canonical_parts(tree: str) -> tuple[list[str], list[str]]:
    """The canonical text's body lines and its footnote lines."""
    blocks = canonical_text(tree).split("\n\n")
    body = next(b for b in blocks if b.startswith("[summary]")).splitlines()
    notes = next(b for b in blocks if b.startswith("footnote ")).splitlines()
    return body, notes


# ---------------------------------------------------------------- text in order

@pytest.mark.parametrize("which, marks", [("numbered", ["1", "2"]), ("lettered", ["a", "b"])])
def test_text_in_order_matches_the_canonical_text(which, marks, request):
    tree, data = request.getfixturevalue("lettered") if which == "lettered" else \
        (request.getfixturevalue("tree"), request.getfixturevalue("docx"))
    body, notes = canonical_parts(tree)
    assert body_words_after_title(data, list(marks)) == canonical_words(body)
    assert footnote_texts(data, list(marks)) == notes


def test_every_word_style_of_the_vocabulary_is_defined(docx):
    styles = {s.find(f"{W}name").get(f"{W}val"): s.get(f"{W}type") for s in part(docx, "word/styles.xml").iter(f"{W}style")}
    for element in ELEMENTS:
        if element.word_style:
            assert element.word_style in styles, f"{element.kind}: {element.word_style}"


# ---------------------------------------------------------------- headings

HEADING_LOOKS = {  # style -> (outline level, size, bold, italic): the sampler has parts, so chapters are second
    "UN Part Heading": (1, 20, True, None), "UN Chapter Heading": (2, 14, True, None),
    "UN Section Heading": (3, 12, True, None), "UN Subsection Heading": (4, None, True, None),
    "UN Third Degree Heading": (5, None, True, None), "UN Fourth Degree Heading": (6, None, None, True),
    "UN Fifth Degree Heading": (7, None, None, None), "UN Annex Title": (1, 14, True, None),
}


def test_headings_are_word_headings_by_depth_with_their_looks(docx):
    doc = opened(docx)
    for name, (level, size, bold, italic) in HEADING_LOOKS.items():
        style = doc.styles[name]
        assert style.base_style.name == f"Heading {level}", name
        outline = style.base_style.element.find(f"{W}pPr/{W}outlineLvl")
        assert outline.get(f"{W}val") == str(level - 1)
        assert (style.font.size, style.font.bold, style.font.italic) == (Pt(size) if size else None, bold, italic)
        assert style.base_style.font.color.rgb is None and style.base_style.element.find(f"{W}rPr") is None
    texts = [p.text for p in doc.paragraphs if p.style.name == "UN Chapter Heading"]
    assert texts == ["I.\tIntroduction", "II.\tStatus of the Convention", "III.\tConclusions", "IV.\tRecommendations"]
    assert doc.styles["UN Chapter Heading"].paragraph_format.first_line_indent == Pt(-24)   # the number hangs


def test_a_part_heading_moves_the_outline_down_and_stands_on_its_own_line(tree, docx):
    doc = opened(docx)
    part_heading = next(p for p in doc.paragraphs if p.style.name == "UN Part Heading")
    assert part_heading.text == "Part one\nBackground"
    assert doc.styles["UN Part Heading"].font.size == Pt(20)
    assert doc.styles["UN Chapter Heading"].base_style.name == "Heading 2"
    # without its parts, the same report has its chapters at the top of the outline
    root = lxml.html.document_fromstring(tree)
    for heading in root.xpath('//*[@class="part-heading"] | //*[@data-level="part"]'):
        heading.getparent().remove(heading)
    for link in root.xpath('//a[@href="#way-forward"]'):  # its reference to the part, as plain words
        link.drop_tag()
    for heading in root.xpath("//main/h3|//main/h4|//main/h5|//main/h6"):
        heading.tag = f"h{int(heading.tag[1]) - 1}"  # one level further up
    without = opened(write_docx(lxml.html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode"), DATE))
    assert without.styles["UN Chapter Heading"].base_style.name == "Heading 1"
    assert without.styles["UN Fifth Degree Heading"].base_style.name == "Heading 6"
    assert without.styles["UN Annex Title"].base_style.name == "Heading 1"


# ---------------------------------------------------------------- paragraphs and lists

def test_unnumbered_and_recommendation_paragraphs(docx):
    doc = opened(docx)
    unnumbered = [p for p in doc.paragraphs if p.style.name == "UN Paragraph"]
    assert [p.text for p in unnumbered] == ["This paragraph is not numbered, so the paragraph after it keeps the count."]
    assert doc.styles["UN Paragraph"].paragraph_format.left_indent == Pt(24)
    recommendation = next(p for p in doc.paragraphs if p.text.startswith("9.\t"))
    assert [r.bold for r in recommendation.runs if r.text.strip()] == [None, True]


def test_list_items_have_their_labels_and_indents_by_depth(docx):
    doc = opened(docx)
    items = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("UN Subparagraph", "UN Bullet"))]
    assert items == [
        ("UN Subparagraph", "(a)\tThe first subparagraph is labelled (a);"),
        ("UN Subparagraph", "(b)\tThe second subparagraph is labelled (b) and holds its own list:"),
        ("UN Subparagraph 2", "(i)\tThe first nested subparagraph is labelled (i);"),
        ("UN Subparagraph 2", "(ii)\tThe second nested subparagraph is labelled (ii) and goes deeper:"),
        ("UN Subparagraph 3", "a.\tThe third level is labelled a.;"),
        ("UN Subparagraph 3", "b.\tThe fourth level follows:"),
        ("UN Subparagraph 4", "i.\tThe fourth level is labelled i."),
        ("UN Bullet", "•\tA short bullet"),
        ("UN Bullet", "•\tA bullet with nested bullets"),
        ("UN Bullet 2", "–\tA nested bullet"),
    ]
    indents = [doc.styles[f"UN Subparagraph{' ' + str(d) if d > 1 else ''}"].paragraph_format for d in (1, 2, 3, 4)]
    assert [f.left_indent.pt for f in indents] == [48, 72, 96, 120]
    assert {f.first_line_indent.pt for f in indents} == {-24}


# ---------------------------------------------------------------- summary and contents

def test_summary_is_a_framed_box(docx):
    doc = opened(docx)
    box = doc.tables[1]  # after the masthead
    assert len(box.rows) == 1 and len(box.columns) == 1
    borders = {b.tag.removeprefix(W): b.get(f"{W}val") for b in box._tbl.tblPr.find(f"{W}tblBorders")}
    assert borders == {"top": "single", "left": "single", "bottom": "single", "right": "single",
                       "insideH": "nil", "insideV": "nil"}
    cell = box.rows[0].cells[0]
    assert [(p.style.name, p.text[:30]) for p in cell.paragraphs] == [
        ("UN Summary Heading", "Summary"), ("UN Summary Paragraph", "The first summary paragraph is"),
        ("UN Summary Paragraph", "The second summary paragraph i")]
    # the text starts 12 pt inside the frame on both sides, as the PDF's padding (it stood 24 pt
    # in on both, 23 pt narrower than the PDF: every line broke elsewhere)
    margins = {m.tag.removeprefix(W): int(m.get(f"{W}w")) for m in cell._tc.tcPr.find(f"{W}tcMar")}
    assert margins["left"] == margins["right"] == 12 * 20
    assert not doc.styles["UN Summary Paragraph"].paragraph_format.left_indent
    assert doc.styles["UN Summary Heading"].font.bold
    assert doc.styles["UN Summary Heading"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER  # as in the PDF


def pageref_targets(data: bytes) -> list[tuple[str, str]]:
    """(entry text before the page, bookmark) of each contents entry."""
    found = []
    document = part(data, "word/document.xml")
    entries = [p for p in document.iter(f"{W}p")
               if (p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) or "").startswith("UNContentsEntry")]
    for p in entries:
        instruction = "".join(t.text for t in p.iter(f"{W}instrText")).split()
        assert instruction[0] == "PAGEREF" and instruction[2] == "\\h"
        found.append((shown_text(p), instruction[1]))
    return found


def test_contents_pages_are_pagerefs_to_bookmarks_on_their_headings(docx):
    document = part(docx, "word/document.xml")
    bookmarked = {}
    for start in document.iter(f"{W}bookmarkStart"):
        p = start.getparent()
        bookmarked[start.get(f"{W}name")] = shown_text(p)
    targets = pageref_targets(docx)
    assert len(targets) == 10
    for entry, bookmark in targets:
        number_and_title = " ".join(entry.split()[:-1] if entry.split()[-1][0].isdigit() else entry.split())
        assert bookmark in bookmarked, bookmark
        heading = bookmarked[bookmark]
        if number_and_title.startswith("Annex"):
            assert heading == number_and_title.rsplit(" ", len(number_and_title.split()) - 2)[0]  # the annex label
        else:
            assert " ".join(heading.split()) == number_and_title
    names = list(bookmarked)
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", n) for n in names)
    results = [p.xpath("string(.//w:r[preceding-sibling::w:r/w:fldChar/@w:fldCharType='separate'][1]/w:t)", namespaces=NS)
               for p in paragraphs(docx, "UNContentsEntry")]
    assert all(r.isdigit() for r in results)   # a page estimate, never empty


def test_contents_columns_and_styles(docx):
    doc = opened(docx)
    columns = next(p for p in doc.paragraphs if p.style.name == "UN Contents Columns")
    assert columns.text == "\t\tParagraphs\tPage"
    entry = next(p for p in doc.paragraphs if p.style.name == "UN Contents Entry")
    assert entry.text.startswith("I.\tIntroduction\t1–2\t")
    stops = doc.styles["UN Contents Entry"].paragraph_format.tab_stops
    assert [(round(s.position.pt), s.alignment, s.leader) for s in stops] == [
        (24, WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.SPACES), (332, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS),
        (368, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.SPACES)]  # title; paragraphs after dots; page at the right edge


def with_stored_pages(data: bytes, page: str) -> bytes:
    """The same DOCX with every PAGEREF's stored result replaced by *page*."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content, count = re.subn(rb'(PAGEREF \w+ \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
                                         rb'</w:r><w:r><w:t>)\d+(</w:t>)', rb"\g<1>" + page.encode() + rb"\2", content)
                assert count == 10
            target.writestr(info, content)
    return out.getvalue()


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="needs soffice and pdftotext")
def test_libreoffice_shows_each_contents_page_where_its_heading_lands(docx, tmp_path):
    """LibreOffice computes the PAGEREF fields when it lays the document out: with every stored
    result made 0 first, it still shows each entry's page as the page its heading lands on."""
    source = tmp_path / "sampler.docx"
    source.write_bytes(with_stored_pages(docx, "0"))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=300)
    pages = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(tmp_path / "sampler.pdf"), "-"],
                           check=True, capture_output=True, text=True).stdout.split("\f")
    entries = [m.groups() for m in re.finditer(r"^\s*((?:Annex |Part )?\S+)\s+(\S.*?)\.{3,}\s*[\d–]*?\s*(\d+)\s*$",
                                               pages[0] + pages[1], re.M)]
    assert len(entries) == 10
    for number, title, page in entries:
        landed = [i for i, text in enumerate(pages, start=1)
                  if re.search(r"^\s*(\S+\s+)?" + re.escape(title) + r"\s*$", text, re.M)]
        assert landed and int(page) == landed[0], (number, title, page, landed)
    assert len({page for _, _, page in entries}) > 3  # the entries are on several pages


# ---------------------------------------------------------------- tables

def test_table_caption_notes_and_source(docx):
    doc = opened(docx)
    caption = next(p for p in doc.paragraphs if p.style.name == "UN Table Caption")
    assert caption.text == "Table 1\nParties and signatories as at 20 August 2004"
    title = [r for r in caption.runs if r.text.startswith("Parties")]
    assert title[0].style.name == "UN Table Title" and doc.styles["UN Table Title"].font.bold
    assert doc.styles["UN Table Caption"].paragraph_format.keep_with_next
    table = doc.tables[2]
    assert table._tbl.tblPr.find(f"{W}tblCaption").get(f"{W}val") == caption.text.replace("\n", " ")
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["State", "Status"], ["26 Statesa", "Parties"], ["10 States", "Signatoriesb"]]
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    calls = [r for row in table.rows for c in row.cells for r in c.paragraphs[0].runs if r.style.name == "UN Table Note Call"]
    assert [r.text for r in calls] == ["a", "b"] and doc.styles["UN Table Note Call"].font.superscript
    notes = [p for p in doc.paragraphs if p.style.name == "UN Table Note"]
    assert [p.text for p in notes] == ["a\tThe first table note is lettered a.", "b\tThe second table note is lettered b."]
    assert notes[0].runs[0].style.name == "UN Table Note Call"
    assert doc.styles["UN Table Note"].font.size == Pt(9)
    source = next(p for p in doc.paragraphs if p.style.name == "UN Table Source")
    assert source.text == "Source: The ledger of the Convention in the reference data."
    assert source.runs[0].italic


def test_the_committee_table_keeps_its_look(docx):
    table = opened(docx).tables[3]
    assert table.rows[1].cells[2].paragraphs[0].style.name == "UN Table Cell Kept Right"  # kept with row 2
    assert table.rows[2].cells[2].paragraphs[0].style.name == "UN Table Cell Right"
    assert table.rows[0].cells[0].paragraphs[0].style.name == "UN Table Head"
    assert table._tbl.tblPr.find(f"{W}tblInd").get(f"{W}w") == "480"


# ---------------------------------------------------------------- annexes

def test_annexes_start_new_pages_with_label_original_and_title(docx):
    doc = opened(docx)
    label_style = doc.styles["UN Annex Label"]
    assert label_style.paragraph_format.page_break_before and label_style.font.bold
    annex = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("UN Annex")]
    assert annex == [("UN Annex Label", "Annex I"), ("UN Annex Title", "Members of the Committee"),
                     ("UN Annex Label", "Annex II"), ("UN Annex Original", "[Original: French]"),
                     ("UN Annex Title", "A note received in French")]
    assert doc.styles["UN Annex Original"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT


# ---------------------------------------------------------------- footnotes

def test_a_footnote_called_twice_is_one_footnote(docx):
    document = part(docx, "word/document.xml")
    notes = [n for n in part(docx, "word/footnotes.xml").iter(f"{W}footnote") if n.find(f".//{W}footnoteRef") is not None]
    assert len(notes) == 2
    references = document.xpath("//w:footnoteReference[not(@w:customMarkFollows)]", namespaces=NS)
    assert [r.get(f"{W}id") for r in references] == [n.get(f"{W}id") for n in notes]
    instruction = document.xpath("//w:instrText[starts-with(normalize-space(.), 'NOTEREF')]", namespaces=NS)
    assert len(instruction) == 1
    name = instruction[0].text.split()[1]
    start = document.xpath(f"//w:bookmarkStart[@w:name='{name}']", namespaces=NS)[0]
    assert start.getnext().find(f"{W}footnoteReference").get(f"{W}id") == notes[0].get(f"{W}id")
    second = next(p for p in document.iter(f"{W}p") if "cites the shared footnote again" in shown_text(p))
    assert "again[1] and" in shown_text(second)
    result_run = instruction[0].getparent().getnext().getnext()
    assert result_run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"


def test_lettered_footnotes_are_lettered_in_word(lettered):
    lettered_tree, lettered_docx = lettered
    settings = part(lettered_docx, "word/settings.xml")
    assert settings.find(f"{W}footnotePr/{W}numFmt").get(f"{W}val") == "lowerLetter"
    section = part(lettered_docx, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert section.find(f"{W}footnotePr/{W}numFmt").get(f"{W}val") == "lowerLetter"
    tags = [etree.QName(c).localname for c in section]
    assert tags.index("footnotePr") == tags.count("headerReference") + tags.count("footerReference")  # schema order
    with pytest.raises(ValueError, match="out of sequence"):
        write_docx(lettered_tree.replace('data-number="b">The second footnote', 'data-number="c">The second footnote'), DATE)


def test_numbered_footnotes_keep_words_default_format(docx):
    assert part(docx, "word/settings.xml").find(f"{W}footnotePr/{W}numFmt") is None


# ---------------------------------------------------------------- cross-references

def test_cross_references_are_internal_links_to_bookmarks_on_their_targets(docx, tree):
    document = part(docx, "word/document.xml")
    starts = {s.get(f"{W}name"): s for s in document.iter(f"{W}bookmarkStart")}
    links = list(document.iter(f"{W}hyperlink"))
    internal = [h for h in links if h.get(f"{W}anchor")]
    hrefs = lxml.html.document_fromstring(tree).xpath('//a[@class="cross-reference"]/@href')
    names = bookmark_names(lxml.html.document_fromstring(tree).find("body"))
    assert [h.get(f"{W}anchor") for h in internal] == [names[href[1:]] for href in hrefs]
    targets = {shown_text(h): shown_text(starts[h.get(f"{W}anchor")].getparent())[:40] for h in internal}
    assert targets["paragraph 2"].startswith("2. The second numbered paragraph")
    assert targets["paragraph 5 (b)"].startswith("(b) The second subparagraph")
    assert targets["chapter II"] == "II. Status of the Convention"
    assert targets["annex I"] == "Annex I"
    assert targets["table 1"].startswith("Table 1 Parties")
    assert targets["paragraph 2 of annex I"].startswith("2. The second paragraph of annex I")


def test_bookmark_names_are_valid_unique_and_first_come():
    body = lxml.html.fromstring(
        '<div><p id="a-b">1</p><p id="a_b">2</p><p id="9lives">3</p><p id="a-b">again</p>'
        f'<p id="{"x" * 60}">4</p><p id="{"x" * 60}-2">5</p></div>')
    names = bookmark_names(body)
    assert names["a-b"] == "a_b" and names["a_b"] == "a_b_2" and names["9lives"] == "b_9lives"
    assert len(names) == 5 and len(set(names.values())) == 5
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", n) for n in names.values())


# ---------------------------------------------------------------- tracked changes, bytes, validity

def test_new_elements_carry_tracked_changes(tree):
    marked = re.sub(r'(<h\d class="section-heading") id="parties"', r'\1 data-revision="ins" id="parties"', tree)
    marked = marked.replace('<li class="bullet" data-depth="2">', '<li class="bullet" data-depth="2" data-revision="del">')
    marked = marked.replace('again<a class="footnote-ref"', 'again<del><a class="footnote-ref"').replace(
        'data-number="1"></a> and', 'data-number="1"></a></del> and')
    document = part(write_docx(marked, DATE), "word/document.xml")
    inserted = document.xpath("//w:p[w:pPr/w:rPr/w:ins]", namespaces=NS)
    deleted = document.xpath("//w:p[w:pPr/w:rPr/w:del]", namespaces=NS)
    assert [shown_text(p) for p in inserted] == ["A. Parties and signatories"]
    assert [shown_text(p) for p in deleted] == ["– A nested bullet"]
    assert document.xpath("//w:del//w:delInstrText", namespaces=NS) and not document.xpath("//w:del//w:instrText", namespaces=NS)


def test_same_tree_same_bytes(tree, docx):
    assert write_docx(tree, DATE) == docx


def audit_errors(data: bytes, tmp_path: Path, name: str) -> list[str]:
    from openxml_audit import OpenXmlValidator

    validator = OpenXmlValidator()
    path = tmp_path / f"{name}.docx"
    path.write_bytes(data)
    return [str(e) for e in validator.validate(str(path)).errors]


def test_every_docx_passes_openxml_audit(docx, lettered, tmp_path):
    from pipeline.compare.redline import redline_tree
    from scratch60 import compose_edition, scratch_data

    data = scratch_data(tmp_path / "scratch")
    tree_59, tree_60 = compose_edition(data, 59), compose_edition(data, 60)
    sample = (REPO / "tests" / "fixtures" / "tree-sample.html").read_text(encoding="utf-8")
    documents = {
        "sampler": docx, "lettered": lettered[1], "report-59": write_docx(tree_59, DATE),
        "report-60": write_docx(tree_60, DATE), "sample": write_docx(sample, DATE),
        "redline-59-60": write_docx(redline_tree(tree_59, tree_60), DATE),
    }
    for name, data in documents.items():
        assert audit_errors(data, tmp_path, name) == [], name
