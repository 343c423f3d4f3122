"""Page images: rasterized PDFs compared with a tolerance for anti-aliasing, changed pages drawn."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.compare.pages import CELL, compare_pdfs, changed_cells
from scratch60 import compose_edition, scratch_data

SERIF = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
LINE = "The Committee held its first meeting in Geneva from 1 to 5 March 2004."


def page_of_text(lines: list[str], shift: int = 0, filter=Image.Resampling.BOX) -> Image.Image:
    """A grey page of text drawn at 4x and scaled down (shift in quarter pixels), as a
    rasterizer would anti-alias it."""
    font = ImageFont.truetype(str(SERIF), 40) if SERIF.exists() else ImageFont.load_default(size=40)
    big = Image.new("L", (1600, 1200), 255)
    draw = ImageDraw.Draw(big)
    for row, text in enumerate(lines):
        draw.text((80 + shift, 80 + row * 60), text, fill=0, font=font)
    return big.resize((400, 300), filter)


def test_identical_pages_have_no_changed_cells():
    page = page_of_text([LINE] * 12)
    assert changed_cells(page, page.copy()) == []


@pytest.mark.parametrize("other", [
    {"filter": Image.Resampling.LANCZOS},  # another library's anti-aliasing
    {"filter": Image.Resampling.BILINEAR},
    {"shift": 1},  # a quarter-pixel drift of the whole text
])
def test_anti_aliasing_differences_are_within_tolerance(other):
    assert changed_cells(page_of_text([LINE] * 12), page_of_text([LINE] * 12, **other)) == []


def test_stray_pixels_are_noise():
    page = page_of_text([LINE] * 12)
    speckled = page.copy()
    for x, y in ((5, 5), (100, 290), (399, 150), (250, 3)):
        speckled.putpixel((x, y), 0)
    assert changed_cells(page, speckled) == []


def test_a_changed_word_is_a_change_where_it_stands():
    lines = [LINE] * 12
    edited = lines[:5] + [LINE.replace("5 March", "6 March")] + lines[6:]
    cells = changed_cells(page_of_text(lines), page_of_text(edited))
    assert cells
    line_top = (80 + 5 * 60) // 4
    assert all(line_top - CELL <= y <= line_top + 15 for _, y in cells)


@pytest.fixture(scope="module")
def pdfs_59_60(tmp_path_factory) -> tuple[bytes, bytes]:
    from pipeline.writers.pdf import write_pdf

    data = scratch_data(tmp_path_factory.mktemp("scratch"))
    return (write_pdf(compose_edition(data, 59), dt.date(2004, 8, 27)),
            write_pdf(compose_edition(data, 60), dt.date(2005, 8, 15)))


def test_changed_pages_of_two_editions_are_drawn_side_by_side(pdfs_59_60, tmp_path):
    result = compare_pdfs(*pdfs_59_60, tmp_path, "cmw-status", ("59", "60"))
    assert result.a_pages == result.b_pages >= 3
    assert [c.number for c in result.changes][:1] == [1]  # the masthead changed on page 1
    image = Image.open(result.changes[0].image)
    assert image.width > 2 * 600 and image.height > 792
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"cmw-status-page-{c.number}.png" for c in result.changes]
    assert result.describe().startswith(f"pages: {len(result.changes)} of {result.a_pages} differ: 1")


def test_the_same_pdf_has_no_changed_pages(pdfs_59_60, tmp_path):
    result = compare_pdfs(pdfs_59_60[0], pdfs_59_60[0], tmp_path)
    assert result.changes == [] and list(tmp_path.iterdir()) == []
    assert result.describe() == f"pages: no differences ({result.a_pages} pages)"
