"""The DOCX writer: content, Word structure (styles, footnotes, running heads, fields),
page set-up, core properties, reproducible bytes, refusal of unknown tree parts, and one
LibreOffice round trip."""

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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from lxml import etree

from pipeline.writers.docx import write_docx
from pipeline.writers.docx.styles import ALL_PARAGRAPH_STYLES, VARIANTS, style_variant

from conftest import DATA, build, replace_in
REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "tests" / "fixtures" / "tree-sample.html"
DATE = dt.date(2004, 8, 27)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
MEMBERS = ["Francisco Alba", "José Serrano Brillantes", "Francisco Carrión Mena", "Ana Elizabeth Cubias Medina",
           "Ana María Dieguez", "Ahmed Hassan El-Borai", "Abdelhamid El Jamri", "Arthur Shatto Gakwandi",
           "Prasad Kariyawasam", "Azad Taghizade"]


# ---------------------------------------------------------------- fixtures and helpers

@pytest.fixture(scope="module")
def draft_tree() -> str:
    """The tree of the repository's session 59 edition (a draft: no symbol, no job number)."""
    from pipeline.compose.report import compose
    from pipeline.inputs.load import load_session

    inputs = load_session(DATA, 59)
    return compose(inputs, inputs.editions[0])


@pytest.fixture(scope="module")
def sample_tree() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def draft_docx(draft_tree: str) -> bytes:
    return write_docx(draft_tree, DATE)


@pytest.fixture(scope="module")
def sample_docx(sample_tree: str) -> bytes:
    return write_docx(sample_tree, DATE)


def opened(data: bytes):
    return Document(io.BytesIO(data))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def part_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def tree_paragraph_texts(tree: str) -> list[str]:
    """The numbered paragraphs of the tree as Word shows them: number, tab, text (no notes)."""
    root = lxml.html.document_fromstring(tree)
    texts = []
    for p in root.xpath('//p[@class="numbered-paragraph"]'):
        for note in p.xpath('.//span[@class="footnote"]'):
            note.drop_tree()
        number = p.xpath('span[@class="paragraph-number"]')[0]
        rest = (number.tail or "") + "".join(lxml.html.tostring(s, method="text", encoding="unicode")
                                             for s in number.itersiblings())
        texts.append(f"{number.text}\t{rest}")
    return texts


def footnotes(data: bytes) -> list[etree._Element]:
    """The real footnotes (not the separators), in order."""
    return [n for n in part(data, "word/footnotes.xml").iter(f"{W}footnote") if n.get(f"{W}type") is None]


def text_of(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def inherited(style, attribute: str):
    """A font attribute of *style* as Word resolves it through the base styles."""
    while style is not None:
        value = getattr(style.font, attribute)
        if value is not None:
            return value
        style = style.base_style
    return None


def style_names_used(doc) -> list[str]:
    """Style names of every paragraph in the body, its tables, headers and footers."""
    names = [p.style.name for p in doc.paragraphs]
    for table in doc.tables:
        names += [p.style.name for row in table.rows for cell in row.cells for p in cell.paragraphs]
    section = doc.sections[0]
    for story in (section.header, section.even_page_header, section.first_page_header,
                  section.footer, section.even_page_footer, section.first_page_footer):
        names += [p.style.name for p in story.paragraphs]
    return names


# ---------------------------------------------------------------- content

@pytest.mark.parametrize("which", ["draft", "sample"])
def test_numbered_paragraphs_in_order(which, request):
    tree, data = request.getfixturevalue(f"{which}_tree"), request.getfixturevalue(f"{which}_docx")
    paragraphs = [p for p in opened(data).paragraphs if p.style.name == "UN Numbered Paragraph"]
    assert [p.text for p in paragraphs] == tree_paragraph_texts(tree)
    assert [p.text.split("\t")[0] for p in paragraphs] == [f"{n}." for n in range(1, 13)]
    assert "the General Assembly adopted and opened for signature" in paragraphs[0].text


def test_body_order_masthead_to_last_paragraph(draft_docx):
    texts = [p.text for p in opened(draft_docx).paragraphs if p.text]
    assert texts[:5] == ["Fifty-ninth session", "Item 107 (a) of the provisional agenda*",
                         "Human rights questions: implementation of human rights instruments",
                         "Status of the International Convention on the Protection of the Rights of All "
                         "Migrant Workers and Members of Their Families",
                         "Report of the Secretary-General"]
    assert texts[-1].startswith("12.\tFinally, through the programme of advisory services")


def test_masthead_is_a_two_column_table_with_two_rules(sample_docx):
    masthead = opened(sample_docx).tables[0]
    cells = [[c.text for c in row.cells] for row in masthead.rows]
    assert cells == [["United Nations", "A/59/312"],
                     ["General Assembly", "Distr.: General\n27 August 2004\nOriginal: English"]]
    borders = masthead._tbl.tblPr.find(f"{W}tblBorders")
    assert borders.find(f"{W}insideH").get(f"{W}sz") == "4"    # 0.5 pt under the top line
    assert borders.find(f"{W}bottom").get(f"{W}sz") == "12"    # 1.5 pt under the organ line
    assert borders.find(f"{W}left").get(f"{W}val") == "nil"
    letter = masthead.rows[0].cells[1].paragraphs[0].runs[0]
    assert (letter.text, letter.style.name, letter.style.font.size) == ("A", "UN Symbol Letter", Pt(20))


def test_table_rows_rules_and_repeating_header(draft_docx):
    table = opened(draft_docx).tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Name of member", "Country of nationality", "Term expires on 31 December"]
    assert [r[0] for r in rows[1:]] == MEMBERS
    assert rows[1] == ["Francisco Alba", "Mexico", "2007"] and rows[-1] == ["Azad Taghizade", "Azerbaijan", "2005"]
    tr_prs = [row._tr.trPr for row in table.rows]
    assert tr_prs[0].find(f"{W}tblHeader") is not None
    assert all(t.find(f"{W}tblHeader") is None for t in tr_prs[1:])
    assert all(t.find(f"{W}cantSplit") is not None for t in tr_prs)
    tbl_pr = table._tbl.tblPr
    borders = {b.tag.removeprefix(W): b.get(f"{W}val") for b in tbl_pr.find(f"{W}tblBorders")}
    assert borders == {"top": "single", "bottom": "single", "left": "nil", "right": "nil",
                       "insideH": "nil", "insideV": "nil"}
    head_rules = [c._tc.tcPr.find(f"{W}tcBorders/{W}bottom") for c in table.rows[0].cells]
    assert all(r is not None and r.get(f"{W}val") == "single" for r in head_rules)
    assert tbl_pr.find(f"{W}tblInd").get(f"{W}w") == "480"    # 24 pt, like the paragraph text
    head = table.rows[0].cells[0].paragraphs[0].style
    assert head.name == "UN Table Head" and head.font.italic is True
    first = table.rows[1].cells[2].paragraphs[0].style    # data-align="right" in the tree; kept with the next row
    assert first.name == "UN Table Cell Kept Right" and first.paragraph_format.keep_with_next
    last = table.rows[-1].cells[2].paragraphs[0].style
    assert last.name == "UN Table Cell Right" and last.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[0].cells[2].paragraphs[0].style.name == "UN Table Head Right"


# ---------------------------------------------------------------- footnotes

def test_footnotes_part_is_related_and_typed(sample_docx):
    assert "word/footnotes.xml" in part_names(sample_docx)
    types = part(sample_docx, "[Content_Types].xml")
    override = [o for o in types if o.get("PartName") == "/word/footnotes.xml"]
    assert override[0].get("ContentType") == \
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    rels = part(sample_docx, "word/_rels/document.xml.rels")
    assert any(r.get("Target") == "footnotes.xml" and r.get("Type").endswith("/footnotes") for r in rels)
    separators = [n for n in part(sample_docx, "word/footnotes.xml") if n.get(f"{W}type")]
    assert [(n.get(f"{W}type"), n.get(f"{W}id")) for n in separators] == \
        [("separator", "0"), ("continuationSeparator", "1")]


@pytest.mark.parametrize("which", ["draft", "sample"])
def test_masthead_note_has_a_custom_mark(which, request):
    data = request.getfixturevalue(f"{which}_docx")
    notes = footnotes(data)
    assert text_of(notes[0]) == "* A/59/150."
    body = part(data, "word/document.xml")
    ref = body.xpath("//w:footnoteReference[@w:customMarkFollows='1']", namespaces=NS)
    assert len(ref) == 1 and ref[0].get(f"{W}id") == notes[0].get(f"{W}id")
    assert text_of(ref[0].getparent()) == "*"          # the mark follows in the same run
    paragraph = ref[0].getparent().getparent()
    assert text_of(paragraph) == "Item 107 (a) of the provisional agenda*"


def test_numbered_footnotes_in_order_with_reference_style(sample_docx):
    notes = footnotes(sample_docx)
    assert [text_of(n).strip() for n in notes[1:]] == \
        ["See article 87 of the Convention, in General Assembly resolution 45/158.", "A second, inline note."]
    for note in notes[1:]:
        assert note.find(f".//{W}footnoteRef") is not None
        assert note.find(f".//{W}pStyle").get(f"{W}val") == "FootnoteText"
    body = part(sample_docx, "word/document.xml")
    refs = body.xpath("//w:footnoteReference[not(@w:customMarkFollows)]", namespaces=NS)
    assert [r.get(f"{W}id") for r in refs] == [n.get(f"{W}id") for n in notes[1:]]
    assert all(r.getparent().find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference" for r in refs)
    italic = notes[1].xpath(".//w:r[w:rPr/w:i]", namespaces=NS)
    assert text_of(italic[0]) == "General Assembly resolution 45/158"
    doc = opened(sample_docx)
    assert doc.styles["footnote reference"].font.superscript is True
    assert doc.styles["footnote text"].font.size == Pt(9)


def test_footnote_number_out_of_sequence_is_refused(sample_tree):
    with pytest.raises(ValueError, match="out of sequence"):
        write_docx(sample_tree.replace('data-number="2">A second', 'data-number="7">A second'), DATE)


# ---------------------------------------------------------------- running heads, page

def test_section_first_page_and_odd_even_heads(draft_docx, sample_docx):
    for data in (draft_docx, sample_docx):
        doc = opened(data)
        section = doc.sections[0]
        assert section.different_first_page_header_footer is True
        assert doc.settings.odd_and_even_pages_header_footer is True
        assert doc.settings.element.find(f"{W}evenAndOddHeaders") is not None
        assert section._sectPr.find(f"{W}titlePg") is not None


def test_running_heads_carry_the_symbol(sample_docx, draft_docx):
    section = opened(sample_docx).sections[0]
    odd, even = section.header.paragraphs, section.even_page_header.paragraphs
    assert [p.text for p in odd] == ["A/59/312"] and [p.text for p in even] == ["A/59/312"]
    assert odd[0].style.name == "UN Running Header" and even[0].style.name == "UN Running Header Even"
    assert odd[0].style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even[0].style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert odd[0].style.font.bold and odd[0].style.font.size == Pt(9)
    assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
    names = [n for n in part_names(sample_docx) if re.fullmatch(r"word/header\d\.xml", n)]
    assert len(names) == 3


def test_draft_mark_on_every_header(draft_docx):
    section = opened(draft_docx).sections[0]
    for header in (section.first_page_header, section.header, section.even_page_header):
        mark = header.paragraphs[0]
        assert mark.text == "Draft" and mark.style.name == "UN Draft Mark"
        assert mark.style.font.all_caps and mark.style.font.bold
        assert mark.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert mark.style.element.find(f"{W}rPr/{W}bdr") is not None     # boxed
    assert [p.text for p in section.header.paragraphs] == ["Draft", "A/59/..."]
    assert [p.text for p in section.first_page_header.paragraphs] == ["Draft"]


def test_page_number_fields(sample_docx):
    section = opened(sample_docx).sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        paragraph = footer.paragraphs[0]
        instructions = "".join(t.text for t in paragraph._p.iter(f"{W}instrText"))
        types = [f.get(f"{W}fldCharType") for f in paragraph._p.iter(f"{W}fldChar")]
        assert instructions.strip() == "PAGE" and types == ["begin", "separate", "end"]
        assert paragraph.style.paragraph_format.alignment == align
        assert inherited(paragraph.style, "bold") and inherited(paragraph.style, "size") == Pt(9)


def test_first_page_footer_job_number_and_barcode(sample_docx, draft_docx):
    footer = opened(sample_docx).sections[0].first_page_footer
    job, bar = footer.paragraphs
    assert (job.text, job.style.name) == ("04-48573 (E) 270804", "UN Job Number")
    assert bar.style.name == "UN Barcode" and bar._p.find(f".//{W}drawing") is not None
    assert any(n.startswith("word/media/") and n.endswith(".png") for n in part_names(sample_docx))
    draft_footer = opened(draft_docx).sections[0].first_page_footer
    assert "".join(p.text for p in draft_footer.paragraphs) == ""
    assert not any(n.startswith("word/media/") for n in part_names(draft_docx))


def test_page_is_letter_with_the_un_text_column(sample_docx, sample_tree):
    section = opened(sample_docx).sections[0]
    pg_size = section._sectPr.find(f"{W}pgSz")
    assert (pg_size.get(f"{W}w"), pg_size.get(f"{W}h")) == ("12240", "15840")
    assert (section.left_margin, section.right_margin) == (Pt(123), Pt(121))
    # page 1's masthead starts at 36 pt; later pages' running head pushes the text to 54 pt
    assert (section.top_margin, section.bottom_margin, section.header_distance) == (Pt(36), Pt(72), Pt(12))
    geneva = opened(write_docx(sample_tree.replace('content="New York"', 'content="Geneva"'), DATE))
    size = geneva.sections[0]._sectPr.find(f"{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")


# ---------------------------------------------------------------- styles

def test_every_style_variant_is_a_defined_style_and_an_unknown_one_is_told():
    for base, variants in VARIANTS.items():
        assert base in ALL_PARAGRAPH_STYLES, base
        for variant, name in variants.items():
            assert style_variant(base, variant) == name and name in ALL_PARAGRAPH_STYLES, (base, variant)
    with pytest.raises(ValueError, match="'UN Author' has no variant 'folowed'"):
        style_variant("UN Author", "folowed")


def test_paragraphs_use_named_styles_without_direct_formatting(draft_docx, sample_docx):
    allowed = set(ALL_PARAGRAPH_STYLES)
    for data in (draft_docx, sample_docx):
        used = style_names_used(opened(data))
        assert set(used) <= allowed, set(used) - allowed
        assert {"UN Organization", "UN Symbol", "UN Organ", "UN Distribution", "UN Session", "UN Agenda Item",
                "UN Agenda Title", "UN Title", "UN Author", "UN Numbered Paragraph", "UN Table Head",
                "UN Table Cell"} <= set(used)
        assert any(name.startswith("UN Running Header") for name in used)
        stories = [n for n in part_names(data) if re.fullmatch(r"word/(document|header\d|footer\d|footnotes)\.xml", n)]
        for name in stories:
            root = part(data, name)
            for p_pr in root.iter(f"{W}pPr"):
                if p_pr.getparent().getparent().get(f"{W}type") in ("separator", "continuationSeparator"):
                    continue
                assert [c.tag for c in p_pr] == [f"{W}pStyle"], f"direct paragraph formatting in {name}"
            for r_pr in root.iter(f"{W}rPr"):
                assert {c.tag.removeprefix(W) for c in r_pr} <= {"i", "b", "rStyle"}, f"direct run formatting in {name}"


def test_styles_defined_once_with_un_properties(sample_docx):
    styles = part(sample_docx, "word/styles.xml")
    names = [s.find(f"{W}name").get(f"{W}val") for s in styles.iter(f"{W}style")]
    for name in list(ALL_PARAGRAPH_STYLES) + ["UN Symbol Letter", "footnote reference"]:
        assert names.count(name) == 1, name
    doc = opened(sample_docx)
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(10)
    assert normal.paragraph_format.line_spacing == Pt(12)
    fonts = normal.element.find(f"{W}rPr/{W}rFonts")
    assert {fonts.get(f"{W}{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    assert normal.element.find(f"{W}rPr/{W}lang").get(f"{W}val") in ("en-GB", "en-US")
    numbered = doc.styles["UN Numbered Paragraph"].paragraph_format
    assert (numbered.left_indent, numbered.first_line_indent) == (Pt(24), Pt(-24))
    assert numbered.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and numbered.space_after == Pt(12)
    assert (doc.styles["UN Title"].font.size, doc.styles["UN Author"].font.size) == (Pt(14), Pt(12))
    assert doc.styles["UN Organ"].font.size == Pt(20) and doc.styles["UN Organ"].font.bold


# ---------------------------------------------------------------- package

def test_core_properties(sample_docx, draft_docx):
    props = opened(sample_docx).core_properties
    assert props.title.startswith("Status of the International Convention on the Protection")
    assert (props.subject, props.language, props.author, props.keywords) == \
        ("Report of the Secretary-General", "en", "United Nations", "A/59/312")
    midnight = dt.datetime(2004, 8, 27, 0, 0)
    for stamp in (props.created, props.modified, props.last_printed):
        assert stamp.replace(tzinfo=None) == midnight
    assert props.revision == 1
    assert opened(draft_docx).core_properties.keywords == "A/59/..."


def test_same_input_same_bytes(sample_tree, sample_docx, draft_tree, draft_docx):
    assert write_docx(sample_tree, DATE) == sample_docx
    assert write_docx(draft_tree, DATE) == draft_docx
    with zipfile.ZipFile(io.BytesIO(sample_docx)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(2004, 8, 27, 0, 0, 0)}


def test_hyperlink_is_real(sample_docx):
    rels = part(sample_docx, "word/_rels/document.xml.rels")
    assert any(r.get("Target") == "http://untreaty.un.org" and r.get("TargetMode") == "External" for r in rels)
    links = part(sample_docx, "word/document.xml").iter(f"{W}hyperlink")
    assert [text_of(h) for h in links] == ["http://untreaty.un.org"] * 2


@pytest.mark.parametrize("old, new", [
    ('<p class="numbered-paragraph" data-number="8">', '<p class="mystery-paragraph" data-number="8">'),
    ('<em>twentieth</em>', '<span class="unknown">twentieth</span>'),
    ('<em>twentieth</em>', 'twentieth<br>'),
    ('<p class="job-number">', '<p class="job-number extra">'),
    ('<meta name="place" content="New York">', '<meta name="place" content="Nairobi">'),
    ('<meta name="session" content="59">', '<meta name="session" content="59"><meta name="owner" content="x">'),
    ('<p class="report-author">', '<p class="report-author">stray</p><div>text</div><p class="report-author">'),
    ('<td>Mexico</td>', ''),
    ('href="#masthead-note-1"', 'href="#masthead-note-9"'),
    ('<a class="note-call" href="#masthead-note-1">*</a>', ''),
    ('<main class="report-body">', '<main class="report-body">stray text'),
    ('<p class="agenda-title">', '<p class="agenda-title"><i>italic by another name</i>'),
    ('<div class="table-block"', '<div class="table-blocks"'),
    ('<td data-align="right">2007</td>', '<td data-align="justify">2007</td>'),
    ('<span class="paragraph-number">4.</span>', '<span class="paragraph-number">4.</span><ol class="subparagraphs"></ol>'),
    ('<p class="numbered-paragraph" data-number="4">', '<p class="numbered-paragraph" data-number="4" id="p4">'
                                                        '<a class="cross-reference" href="#nowhere">x</a>'),
])
def test_unknown_tree_parts_are_refused(sample_tree, old, new):
    assert old in sample_tree
    with pytest.raises(ValueError):
        write_docx(sample_tree.replace(old, new, 1), DATE)


# ---------------------------------------------------------------- LibreOffice round trip

@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="needs soffice and pdftotext")
def test_libreoffice_renders_the_report(sample_docx, tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(sample_docx)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "report.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    assert "A/59/150." in text
    assert "Report of the Secretary-General" in text
    assert "Azad Taghizade" in text and "12." in text


# ---------------------------------------------------------------- tracked changes (redline trees)

def test_ins_and_del_become_tracked_changes(sample_tree):
    tree = sample_tree.replace("following receipt of the <em>twentieth</em>",
                               "following <del>receipt</del><ins>the receipt</ins> of the <em><ins>very </ins>twentieth</em>")
    tree = tree.replace('<p class="numbered-paragraph" data-number="8">', '<p class="numbered-paragraph" data-number="8" data-revision="del">')
    tree = tree.replace("<tr><td>Francisco Alba</td>", '<tr data-revision="ins"><td>Francisco Alba</td>')
    document = etree.fromstring(zipfile.ZipFile(io.BytesIO(write_docx(tree, DATE))).read("word/document.xml"))
    marks = document.xpath("//w:ins | //w:del", namespaces=NS)
    assert [m.get(f"{W}author") for m in marks] == ["unreport"] * len(marks)
    assert {m.get(f"{W}date") for m in marks} == {"2004-08-27T00:00:00Z"}
    assert len({m.get(f"{W}id") for m in marks}) == len(marks)
    assert document.xpath("string(//w:del/w:r/w:delText)", namespaces=NS) == "receipt"
    assert document.xpath("//w:ins/w:r[w:rPr/w:i]/w:t/text()", namespaces=NS) == ["very "]
    deleted = document.xpath("//w:p[w:pPr/w:rPr/w:del]", namespaces=NS)
    assert len(deleted) == 1 and not deleted[0].xpath(".//w:t", namespaces=NS)
    assert document.xpath("//w:tr[w:trPr/w:ins]//w:ins/w:r/w:t/text()", namespaces=NS) == ["Francisco Alba", "Mexico", "2007"]


def test_unknown_revision_is_refused(sample_tree):
    with pytest.raises(ValueError, match="data-revision"):
        write_docx(sample_tree.replace('data-number="8">', 'data-number="8" data-revision="moved">'), DATE)


def test_a_title_longer_than_word_allows_in_its_properties_still_builds(data_copy, tmp_path):
    """Word keeps at most 255 characters in a core property: a longer title (a warning, not an
    error) is cut at a word there with an ellipsis, and printed whole on the page."""
    long_title = "Progress towards the Sustainable Development Goals " * 8
    replace_in(data_copy / "sessions" / "2019" / "sdg-progress.yaml", "original_language: English\n",
               f"original_language: English\ntitle: {long_title.strip()}\n")
    files = build(data_copy, tmp_path / "out", session=2019, formats=("docx",))
    document = Document(str(files["docx"]))
    title = document.core_properties.title
    assert len(title) <= 255 and title.endswith(" Development\u2026"), title
    assert long_title.strip() in " ".join(p.text for p in document.paragraphs)


def test_the_agenda_titles_measures_are_the_stylesheets():
    """The agenda title's two measures (narrow before 2013, wide from 2013) are stated in the CSS
    and in the Word styles: they must agree (review 3)."""
    from pipeline.inputs.layout import TEMPLATES_DIR
    from pipeline.writers.docx.styles import PARAGRAPH_STYLES

    css = (TEMPLATES_DIR / "base" / "un-report.css").read_text(encoding="utf-8")
    narrow = re.search(r"^\.agenda-title \{[^}]*width: (\d+)pt", css, re.M)
    wide = re.search(r'^\.agenda-title\[data-measure="wide"\] \{[^}]*width: (\d+)pt', css, re.M)
    assert narrow and wide
    assert PARAGRAPH_STYLES["UN Agenda Title"]["width"] == int(narrow[1])
    assert PARAGRAPH_STYLES["UN Agenda Title Wide"]["width"] == int(wide[1])
