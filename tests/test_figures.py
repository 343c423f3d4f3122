"""Figures: a picture (PNG or JPEG in data/figures/) with "Figure I" and its title above it, its
description as alternative text and its source below, numbered in roman numerals through the
document and cited by `ref()`, in every format: canonical text, PDF (tagged as a Figure with its
description), DOCX (a picture with its alternative text), Akoma Ntoso, web page; translated by
id in a language version; a picture that is missing, of another kind, or too large is an error
at its line, exit 2."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from PIL import Image

from conftest import build, pdftotext, replace_in
from test_accessible_pdf import structure_roles
from test_document_model import sampler_data
from test_validate_cli import the_one_error

EDITION = "sessions/59/element-sampler.yaml"
DESCRIPTION = "A bar chart of four bars, the third the highest."
TITLE = "A figure is numbered in roman numerals through the document"


@pytest.fixture(scope="module")
def sampler(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("figures")
    return build(sampler_data(root), root / "output", formats=("html", "txt", "pdf", "docx", "akn", "web.html"))


def test_the_canonical_text_names_the_figure_its_picture_and_its_description(sampler):
    text = sampler["txt"].read_text(encoding="utf-8")
    digest = __import__("hashlib").sha256((Path(__file__).parent / "fixtures" / "docmodel" / "figures" /
                                           "bars.png").read_bytes()).hexdigest()[:12]
    assert (f"[figure I]\n  caption: Figure I {TITLE}\n  picture: bars.png sha256 {digest}: {DESCRIPTION}\n"
            f"  source: _Source_: A picture drawn for the test.\n") in text


def test_the_pdf_prints_number_title_picture_and_source_and_tags_the_figure_with_its_description(sampler):
    words = " ".join(pdftotext(sampler["pdf"]).split())
    assert f"Figure I {TITLE}" in words and words.index(TITLE) < words.index("Source: A picture drawn for the test.")
    figures = [details for role, details in structure_roles(sampler["pdf"]) if role == "/Figure"]
    assert any(details["alt"] == DESCRIPTION for details in figures)


def test_the_docx_holds_the_picture_with_its_description_and_ids_unique_across_parts(sampler):
    with zipfile.ZipFile(sampler["docx"]) as package:
        parts = {name: package.read(name) for name in package.namelist() if name.endswith(".xml")}
        media = [name for name in package.namelist() if name.startswith("word/media/")]
    pictures = re.findall(rb'<wp:docPr id="(\d+)"[^>]*descr="([^"]*)"', b"".join(parts.values()))
    assert (DESCRIPTION.encode(),) == tuple(d for _, d in pictures if d == DESCRIPTION.encode())
    ids = [i for i, _ in pictures]
    assert len(ids) == len(set(ids)) >= 2  # the figure and the barcode: each its own id
    assert media  # the picture is in the package
    assert b"Figure I" in parts["word/document.xml"] and TITLE.encode() in parts["word/document.xml"]


def test_the_akn_and_the_web_page_carry_the_picture_and_its_description(sampler):
    akn = lxml.etree.parse(str(sampler["akn"]))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    block = akn.find(".//a:tblock[@class='figure']", ns)
    assert block is not None and block.findtext("a:num", namespaces=ns) == "Figure I"
    image = block.find(".//a:img", ns)
    assert image.get("alt") == DESCRIPTION and image.get("src").startswith("data:image/png;base64,")
    page = lxml.html.fromstring(sampler["web.html"].read_bytes())
    assert [img.get("alt") for img in page.iter("img") if "figure-image" in (img.get("class") or "")] == [DESCRIPTION]


def test_figures_are_numbered_through_the_document_and_cited_by_ref(tmp_path):
    data = sampler_data(tmp_path)
    replace_in(data / EDITION, "  - chapter: Recommendations\n", """  - figure:
      id: first-chart
      title: The first figure of the body
      image: bars.png
      description: The same bars again.
  - paragraph: The figures are {{ ref("first-chart") }} and {{ ref("terms-chart") }}.
  - chapter: Recommendations
""")
    text = build(data, tmp_path / "out", formats=("html", "txt"))["txt"].read_text(encoding="utf-8")
    assert "caption: Figure I The first figure of the body" in text and f"caption: Figure II {TITLE}" in text
    assert "The figures are figure I and figure II." in text


def test_a_language_version_translates_the_figure_by_its_id(tmp_path):
    from pipeline.build.session import build_session
    from tests.sampler_versions import sampler_versions

    data = sampler_versions(tmp_path, ("fr",))
    version = data / "sessions" / "59" / "element-sampler.fr.yaml"
    version.write_text(version.read_text(encoding="utf-8") + (
        "figures:\n  terms-chart:\n    title: Une figure est numérotée en chiffres romains\n"
        "    description: Un diagramme de quatre barres.\n"), encoding="utf-8")
    result = build_session(59, data, tmp_path / "out", ("txt",), languages=("fr",))
    text = result.editions[0].files["txt"].read_text(encoding="utf-8")
    assert "caption: Figure I Une figure est numérotée en chiffres romains" in text
    assert ": Un diagramme de quatre barres." in text
    assert "source: _Source_: [Traduction à venir]" in text  # the source line it does not give


def picture(path: Path, kind: str, size: tuple[int, int] = (40, 20)) -> None:
    Image.new("RGB", size, "white").save(path, kind)


@pytest.mark.parametrize("mistake, expected", [
    ("missing", "error: no picture 'bars.png' in figures/ of the data folder"),
    ("gif", "error: the picture 'bars.png' is a GIF file; figures are PNG or JPEG files"),
    ("text", "error: the picture 'bars.png' is not a PNG or JPEG picture (its kind is not recognised)"),
    ("huge", "error: the picture 'bars.png' has too many pixels; figures are limited to 40,000,000"),
    ("truncated", "error: the picture 'bars.png' cannot be read as a PNG or JPEG image"),
])
def test_a_bad_picture_is_one_error_at_its_line(tmp_path, mistake, expected):
    data = sampler_data(tmp_path)
    target = data / "figures" / "bars.png"
    if mistake == "missing":
        target.unlink()
    elif mistake == "gif":
        picture(target, "GIF")
    elif mistake == "text":
        target.write_text("not a picture", encoding="utf-8")
    elif mistake == "huge":
        Image.new("1", (10_000, 9_000)).save(target, "PNG")  # 90 million pixels, a few kilobytes
    else:
        target.write_bytes(target.read_bytes()[:200])
    line = the_one_error(data, "59")
    assert re.match(rf"data/{EDITION}:\d+:\d+: {re.escape(expected)}", line), line
    assert line.split(":")[1] == str(next(i for i, text in enumerate((data / EDITION).read_text().splitlines(), 1)
                                          if "image: bars.png" in text))


def test_a_figure_without_a_description_is_an_error(tmp_path):
    data = sampler_data(tmp_path)
    replace_in(data / EDITION, "          description: A bar chart of four bars, the third the highest.\n", "")
    assert "missing key 'description' under 'annexes[0].body[3].figure'" in the_one_error(data, "59")


def test_changing_the_picture_rebuilds_the_report_and_changes_its_digest(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    data, out = sampler_data(tmp_path), tmp_path / "out"
    args = ["build", "59", "--data", str(data), "--output", str(out), "--format", "txt"]
    assert CliRunner().invoke(main, args).exit_code == 0
    before = (out / "59" / "element-sampler.txt").read_text(encoding="utf-8")
    picture(data / "figures" / "bars.png", "PNG", (60, 30))
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0 and "built 1, skipped 0" in done.output
    after = (out / "59" / "element-sampler.txt").read_text(encoding="utf-8")
    assert before != after and "picture: bars.png sha256" in after


def sampler_60(data: Path, edit) -> None:
    """Session 60 of the sampler: session 59's edition a year on, then `edit(text)`."""
    text = (data / EDITION).read_text(encoding="utf-8")
    for old, new in (("session: 59", "session: 60"), ("date: 2004-08-27", "date: 2005-08-26"),
                     ("as_at: 2004-08-20", "as_at: 2005-08-19"), ("A/59/999", "A/60/999"),
                     ("04-99999 (E) 270804", "05-99999 (E) 260805"), ("A/59/150", "A/60/150")):
        text = text.replace(old, new)
    (data / "sessions" / "60").mkdir()
    (data / "sessions" / "60" / "element-sampler.yaml").write_text(edit(text), encoding="utf-8")


def test_the_redline_marks_changed_added_and_removed_figures_and_captions(tmp_path):
    """A changed figure title and table title are marked word by word inside the caption's title
    (the redline put <ins> straight into the caption, which the DOCX writer refused with a
    traceback); a figure removed is copied back marked deleted beside the body's blocks (it went
    into a table)."""
    from click.testing import CliRunner

    from pipeline.cli import main

    data = sampler_data(tmp_path)

    def edit(text: str) -> str:
        text = text.replace(TITLE, "A figure whose title changed")
        text = text.replace("title: Parties and signatories as at 20 August 2004",
                            "title: Parties and signatories as at 19 August 2005")
        return text.replace("  - chapter: Recommendations\n", "  - figure:\n      title: A new figure\n"
                            "      image: bars.png\n      description: New bars.\n  - chapter: Recommendations\n")

    sampler_60(data, edit)
    html, docx = tmp_path / "red.html", tmp_path / "red.docx"
    done = CliRunner().invoke(main, ["diff", "59", "60", "--data", str(data), "--html", str(html), "--docx", str(docx)])
    assert done.exit_code == 1 and done.exception is None or isinstance(done.exception, SystemExit), done.output
    page = lxml.html.fromstring(html.read_bytes())
    titles = page.xpath("//span[@class='figure-title' or @class='table-title']")
    marked = {lxml.etree.tostring(t, encoding="unicode", method="text"): [c.tag for c in t] for t in titles}
    assert any("whose title changed" in text and "ins" in tags for text, tags in marked.items())
    assert any("Parties and signatories" in text and "ins" in tags and "del" in tags for text, tags in marked.items())
    figures = page.xpath("//div[@class='figure-block']")
    assert [f.getparent().get("class") for f in figures if f.get("data-revision") == "del"] == ["annex"]
    with zipfile.ZipFile(docx) as package:
        document = package.read("word/document.xml").decode("utf-8")
    assert "A new figure" in document and "<w:del " in document


# ---------------------------------------------------------------- pictures made plain, and messages

def plain(tmp_path: Path, image: Image.Image, kind: str, name: str = "bars.png", **options):
    """The FigureImage the loader makes of `image` saved as `kind` in data/figures/."""
    from pipeline.inputs.figures import load_figure

    data = tmp_path / "data"
    (data / "figures").mkdir(parents=True, exist_ok=True)
    image.save(data / "figures" / name, kind, **options)
    return load_figure(data, name)


def pixels(picture) -> Image.Image:
    return Image.open(io.BytesIO(picture.data))


def test_a_cmyk_jpeg_is_made_rgb_so_every_writer_reads_it(tmp_path):
    """python-docx could not read a CMYK JPEG: the build failed with an empty message."""
    picture = plain(tmp_path, Image.new("CMYK", (40, 20), (0, 255, 255, 0)), "JPEG", "photo.jpg")
    assert picture.media_type == "image/png" and pixels(picture).mode == "RGB"
    from docx.image.image import Image as WordImage
    WordImage.from_blob(picture.data)  # python-docx reads it


def test_a_16_bit_grey_picture_stays_grey(tmp_path):
    """WeasyPrint painted a 16-bit grey PNG black."""
    picture = plain(tmp_path, Image.new("I;16", (10, 10), 40000), "PNG")
    assert abs(pixels(picture).getpixel((5, 5)) - 40000 / 256) <= 1


def test_a_picture_is_turned_upright_as_its_exif_orientation_says(tmp_path):
    """WeasyPrint turned it and Word did not: the formats disagreed."""
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to show
    picture = plain(tmp_path, Image.new("RGB", (400, 100), "white"), "JPEG", "phone.jpg", exif=exif)
    assert (picture.width, picture.height) == (100, 400) and picture.media_type == "image/png"


def test_a_phones_multi_picture_jpeg_is_read_as_its_first_picture(tmp_path):
    first, second = Image.new("RGB", (30, 20), "red"), Image.new("RGB", (30, 20), "blue")
    picture = plain(tmp_path, first, "MPO", "phone.jpg", save_all=True, append_images=[second])
    assert pixels(picture).getpixel((1, 1))[0] > 200  # red


def test_a_tall_picture_is_narrowed_so_that_it_stands_no_higher_than_540_points(tmp_path):
    """A 400 x 3000 picture printed at 96 dpi would stand 2,250 pt high: half of it was lost."""
    picture = plain(tmp_path, Image.new("RGB", (400, 3000), "white"), "PNG")
    assert picture.print_width_pt * 3000 / 400 == pytest.approx(540)


@pytest.mark.parametrize("content, expected", [
    (b"", "the picture 'bars.png' is an empty file"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "the picture 'bars.png' is not a PNG or JPEG picture"),
])
def test_an_empty_or_unknown_picture_is_named_so(tmp_path, content, expected):
    data = sampler_data(tmp_path)
    (data / "figures" / "bars.png").write_bytes(content)
    line = the_one_error(data, "59")
    assert expected in line and "BytesIO" not in line


def test_a_picture_named_with_other_unicode_code_points_is_found(tmp_path):
    """macOS saves 'é' as 'e' and an accent (NFD); the data names it in one code point (NFC)."""
    import unicodedata

    data = sampler_data(tmp_path)
    shutil.move(data / "figures" / "bars.png", data / "figures" / unicodedata.normalize("NFD", "barés.png"))
    replace_in(data / EDITION, "image: bars.png", "image: barés.png")
    text = build(data, tmp_path / "out", formats=("html", "txt"))["txt"].read_text(encoding="utf-8")
    assert "picture: barés.png" in text


def test_a_text_with_a_blank_line_is_an_error_not_a_lost_paragraph(tmp_path):
    """Markdown starts a paragraph at a blank line, and only the first was printed."""
    data = sampler_data(tmp_path)
    replace_in(data / EDITION, f"          description: {DESCRIPTION}\n",
               "          description: |\n            The first part.\n\n            The second part.\n")
    assert "has a blank line, which would start a second paragraph" in the_one_error(data, "59")


def test_a_translated_figure_title_must_call_the_footnotes_the_english_calls(tmp_path):
    from tests.sampler_versions import sampler_versions

    data = sampler_versions(tmp_path, ("fr",))
    version = data / "sessions" / "59" / "element-sampler.fr.yaml"
    version.write_text(version.read_text(encoding="utf-8") + (
        "figures:\n  terms-chart:\n    title: Une figure[^shared]\n"), encoding="utf-8")
    line = the_one_error(data, "59")
    assert "element-sampler.fr.yaml" in line and "calls [^shared] where the English calls none" in line


def test_a_very_long_text_without_expressions_is_told_as_too_long_not_as_an_expression(tmp_path):
    data = sampler_data(tmp_path)
    replace_in(data / EDITION, f"          description: {DESCRIPTION}\n", "          description: " + "word " * 12_000 + "\n")
    line = the_one_error(data, "59")
    assert "this text is longer than 50,000 characters" in line and "expression" not in line
