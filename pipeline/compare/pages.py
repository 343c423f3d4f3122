"""Page images: two PDFs rasterized page by page and compared, changed regions marked.

Pages are rendered with pdftoppm (poppler-utils) at DPI dots per inch and compared in grey.
The tolerance, so that anti-aliasing is not a change:
- a pixel has changed when its grey level differs by more than PIXEL_TOLERANCE (of 255):
  the same glyph rasterized by another library version differs at its edges by less;
- changed pixels are counted in CELL x CELL squares, and a square is a changed region only
  with at least MIN_PIXELS_PER_CELL of them: a stray pixel is noise, a changed letter
  (about 5 x 7 pixels at 72 dpi) is not.
A page with no changed region is unchanged. Each changed page gets one PNG: A's page and B's
side by side, changed regions tinted red on A and green on B. A page only one PDF has is
compared with a blank page.
"""

from __future__ import annotations

import glob
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

DPI = 72
PIXEL_TOLERANCE = 64
CELL = 8
MIN_PIXELS_PER_CELL = 4
LABEL_HEIGHT = 22
GUTTER = 12
TINT_REMOVED = (220, 30, 30, 80)
TINT_ADDED = (20, 160, 60, 80)


class PageDiffError(Exception):
    """The pages cannot be compared (no pdftoppm, or a PDF it cannot read)."""


@dataclass(frozen=True)
class PageChange:
    """One page that differs: "changed", "added" (only B has it) or "removed" (only A)."""

    number: int
    kind: str
    regions: int
    image: Path | None = None


def rasterize(pdf: bytes, dpi: int = DPI, name: str = "") -> list[Image.Image]:
    """Every page of a PDF as an RGB image (`name` says which PDF a message is about)."""
    if shutil.which("pdftoppm") is None:
        raise PageDiffError("pdftoppm not found: install poppler-utils to compare pages")
    with tempfile.TemporaryDirectory(prefix="unreport-pages-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        done = subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(folder) / "page")],
                              capture_output=True, text=True)
        if done.returncode != 0:
            said = (done.stderr.strip().splitlines() or ["no reason given"])[-1]
            raise PageDiffError(f"{name + ': ' if name else ''}not a PDF pdftoppm can read ({said})")
        pages = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1]))
        return [Image.open(p).convert("RGB") for p in pages]


def changed_cells(a: Image.Image, b: Image.Image) -> list[tuple[int, int]]:
    """The top-left corners of the CELL x CELL squares where a and b differ beyond the tolerance."""
    a_grey, b_grey = _same_size(a.convert("L"), b.convert("L"))
    changed = ImageChops.difference(a_grey, b_grey).point(lambda v: 255 if v > PIXEL_TOLERANCE else 0)
    share = changed.reduce(CELL)  # each pixel: the mean of one square, 255 * changed / CELL**2
    threshold = 255 * MIN_PIXELS_PER_CELL / CELL ** 2 - 0.5
    width = share.width
    return [((i % width) * CELL, (i // width) * CELL) for i, v in enumerate(share.tobytes()) if v >= threshold]


@dataclass(frozen=True)
class PageComparison:
    """Two PDFs compared: their page counts and the pages that differ."""

    a_pages: int
    b_pages: int
    changes: list[PageChange]

    def describe(self) -> str:
        """One line: "pages: 2 of 3 differ: 2, 3" or "pages: no differences (3 pages)"."""
        total = max(self.a_pages, self.b_pages)
        if not self.changes:
            return f"pages: no differences ({total} page{'s' if total != 1 else ''})"
        listed = ", ".join(f"{c.number}" + ("" if c.kind == "changed" else f" ({c.kind})") for c in self.changes)
        counts = f" (A has {self.a_pages}, B has {self.b_pages})" if self.a_pages != self.b_pages else ""
        return f"pages: {len(self.changes)} of {total} differ{counts}: {listed}"


def compare_pdfs(a_pdf: bytes, b_pdf: bytes, out_dir: Path | None = None, name: str = "page",
                 labels: tuple[str, str] = ("A", "B"), sources: tuple[str, str] = ("A", "B")) -> PageComparison:
    """The pages that differ; with out_dir, a side-by-side PNG of each is written there as
    <name>-page-<n>.png (older images of that name are removed first). `sources` name the two
    PDFs in messages."""
    a_pages, b_pages = rasterize(a_pdf, name=sources[0]), rasterize(b_pdf, name=sources[1])
    if out_dir is not None:
        for old in out_dir.glob(f"{glob.escape(name)}-page-*.png"):
            old.unlink()
    changes: list[PageChange] = []
    for index in range(max(len(a_pages), len(b_pages))):
        a_page = a_pages[index] if index < len(a_pages) else None
        b_page = b_pages[index] if index < len(b_pages) else None
        reference = a_page or b_page
        cells = changed_cells(a_page or _blank(reference), b_page or _blank(reference))
        if not cells:
            continue
        kind = "changed" if a_page and b_page else ("added" if b_page else "removed")
        image = None
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
            image = out_dir / f"{name}-page-{index + 1}.png"
            picture = side_by_side(a_page, b_page, cells, (f"{labels[0]} page {index + 1}", f"{labels[1]} page {index + 1}"))
            picture.save(image, optimize=True)
        changes.append(PageChange(index + 1, kind, len(cells), image))
    return PageComparison(len(a_pages), len(b_pages), changes)


def side_by_side(a: Image.Image | None, b: Image.Image | None, cells: list[tuple[int, int]],
                 labels: tuple[str, str]) -> Image.Image:
    """A's page and B's next to each other, changed squares tinted, each under its label."""
    reference = a or b
    panels = [_tinted(page or _blank(reference), cells, tint, label if page else f"{label}: no such page")
              for page, tint, label in ((a, TINT_REMOVED, labels[0]), (b, TINT_ADDED, labels[1]))]
    width = panels[0].width + GUTTER + panels[1].width
    out = Image.new("RGB", (width, max(p.height for p in panels)), "white")
    out.paste(panels[0], (0, 0))
    out.paste(panels[1], (panels[0].width + GUTTER, 0))
    return out


def _tinted(page: Image.Image, cells: list[tuple[int, int]], tint: tuple[int, int, int, int], label: str) -> Image.Image:
    overlay = Image.new("RGBA", page.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for x, y in cells:
        draw.rectangle((x, y, x + CELL - 1, y + CELL - 1), fill=tint)
    marked = Image.alpha_composite(page.convert("RGBA"), overlay).convert("RGB")
    framed = Image.new("RGB", (page.width, page.height + LABEL_HEIGHT), "white")
    framed.paste(marked, (0, LABEL_HEIGHT))
    draw = ImageDraw.Draw(framed)
    draw.rectangle((0, LABEL_HEIGHT, page.width - 1, framed.height - 1), outline=(150, 150, 150))
    draw.text((4, 4), label, fill=(0, 0, 0), font=ImageFont.load_default(size=13))
    return framed


def _same_size(a: Image.Image, b: Image.Image) -> tuple[Image.Image, Image.Image]:
    """Both images on white canvases of the larger width and height."""
    size = (max(a.width, b.width), max(a.height, b.height))
    return tuple(_on_canvas(img, size) for img in (a, b))  # type: ignore[return-value]


def _on_canvas(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    if image.size == size:
        return image
    canvas = Image.new(image.mode, size, 255 if image.mode == "L" else "white")
    canvas.paste(image, (0, 0))
    return canvas


def _blank(like: Image.Image) -> Image.Image:
    return Image.new("RGB", like.size, "white")
