"""The pictures of figures: PNG or JPEG files in data/figures/, read and checked before any
writer sees them (a regular file inside the data folder, of a bounded size and pixel count, that
Pillow can decode), so that a bad picture is a located error and never a writer's traceback."""

from __future__ import annotations

import base64
import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from pipeline.inputs.files import MAX_PICTURE_BYTES, read_input_bytes
from pipeline.inputs.layout import figures_dir
from pipeline.inputs.problems import InputError

MAX_FIGURE_PIXELS = 40_000_000  # a 300-dpi picture of a whole page is 8 million
MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
CSS_PX_PER_INCH = 96  # a picture that states no resolution is taken at 96 pixels an inch, as browsers do


class FigureError(ValueError):
    """What is wrong with a figure's picture, in a drafter's words."""


@dataclass(frozen=True)
class FigureImage:
    """A figure's picture, checked."""

    name: str
    data: bytes
    media_type: str
    width: int  # pixels
    height: int
    dpi: float  # pixels an inch, as the file states (or 96)

    @property
    def digest(self) -> str:
        """The first 12 hex digits of the picture's SHA-256: a changed picture changes the canonical text."""
        return hashlib.sha256(self.data).hexdigest()[:12]

    @property
    def data_uri(self) -> str:
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"

    @property
    def natural_width_pt(self) -> float:
        """Its width printed at its own resolution, in points."""
        return self.width / self.dpi * 72


def unread_picture(name: str) -> FigureImage:
    """A stand-in for a picture that is not read (composing a figure's texts only, as validation
    of a language version does: the picture itself is checked once, by check_figures)."""
    return FigureImage(name, b"", "image/png", 1, 1, CSS_PX_PER_INCH)


def load_figure(data_dir: Path, name: str) -> FigureImage:
    """The picture `name` of data/figures/; FigureError says what is wrong with it."""
    from PIL import Image  # imported here: only reports with figures need it

    path = figures_dir(data_dir) / name
    try:
        data = read_input_bytes(path, data_dir, limit=MAX_PICTURE_BYTES)
    except InputError as exc:
        problem = exc.problems[0].message
        if "No such file" in problem:
            raise FigureError(f"no picture '{name}' in {figures_dir(data_dir).name}/ of the data folder; "
                              "put the PNG or JPEG file there, or correct the name") from None
        raise FigureError(f"the picture '{name}' {problem.removeprefix('file ').replace('input files are', 'pictures are')}") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind, (width, height) = image.format, image.size
                dpi = image.info.get("dpi", (CSS_PX_PER_INCH, CSS_PX_PER_INCH))[0]
                if kind in MEDIA_TYPES and width * height <= MAX_FIGURE_PIXELS:
                    image.load()  # decodes every pixel: a truncated or corrupt file fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise FigureError(f"the picture '{name}' has too many pixels; figures are limited to "
                          f"{MAX_FIGURE_PIXELS:,} (make it smaller)") from None
    except (OSError, ValueError, SyntaxError) as exc:  # Pillow's ways of saying it cannot decode it
        raise FigureError(f"the picture '{name}' cannot be read as a PNG or JPEG image ({exc}); "
                          "save it again as PNG or JPEG") from None
    if kind not in MEDIA_TYPES:
        raise FigureError(f"the picture '{name}' is a {kind or 'file of unknown kind'}; figures are PNG or JPEG files")
    if width * height > MAX_FIGURE_PIXELS:
        raise FigureError(f"the picture '{name}' is {width} x {height} pixels; figures are limited to "
                          f"{MAX_FIGURE_PIXELS:,} pixels (make it smaller)")
    try:
        dpi = float(dpi)
    except (TypeError, ValueError):
        dpi = CSS_PX_PER_INCH
    if not 10 <= dpi <= 2400:  # a resolution no printer has: the file's is taken as missing
        dpi = CSS_PX_PER_INCH
    return FigureImage(name, data, MEDIA_TYPES[kind], width, height, dpi)
