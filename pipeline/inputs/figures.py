"""The pictures of figures: PNG or JPEG files in data/figures/, read and checked before any
writer sees them (a regular file inside the data folder, of a bounded size and pixel count, that
Pillow can decode), so that a bad picture is a located error and never a writer's traceback.

A picture the writers would each show differently is made plain first, once, losslessly: turned
upright as its EXIF orientation says (WeasyPrint turned it, Word does not), 16-bit or CMYK
pixels to 8-bit RGB or grey (WeasyPrint painted a 16-bit grey picture black; python-docx cannot
read a CMYK JPEG), a phone's multi-picture JPEG to its first picture; such a picture is stored
as PNG. The canonical text's digest stays the drafter's file's."""

from __future__ import annotations

import base64
import hashlib
import io
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.inputs.files import MAX_PICTURE_BYTES, read_input_bytes
from pipeline.inputs.layout import figures_dir
from pipeline.inputs.problems import InputError

MAX_FIGURE_PIXELS = 40_000_000  # a 300-dpi picture of a whole page is 8 million
MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
JPEG_KINDS = ("JPEG", "MPO")  # MPO: a JPEG with further pictures after the first (phones write them)
PLAIN_MODES = {"PNG": ("1", "L", "LA", "P", "RGB", "RGBA"), "JPEG": ("L", "RGB")}  # shown alike everywhere
CSS_PX_PER_INCH = 96  # a picture that states no resolution is taken at 96 pixels an inch, as browsers do
MAX_FIGURE_HEIGHT_PT = 540  # a picture is never printed higher: its caption, it and its source fit on a page


class FigureError(ValueError):
    """What is wrong with a figure's picture, in a drafter's words."""


@dataclass(frozen=True)
class FigureImage:
    """A figure's picture, checked and made plain."""

    name: str
    data: bytes  # what the writers embed
    media_type: str
    width: int  # pixels, upright
    height: int
    dpi: float  # pixels an inch, as the file states (or 96)
    digest: str = ""  # the first 12 hex digits of the SHA-256 of the drafter's file

    @property
    def data_uri(self) -> str:
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"

    @property
    def natural_width_pt(self) -> float:
        """Its width printed at its own resolution, in points."""
        return self.width / self.dpi * 72

    @property
    def print_width_pt(self) -> float:
        """How wide it prints (before the text column narrows it): at its own resolution, but
        never so wide that it would stand higher than MAX_FIGURE_HEIGHT_PT."""
        return min(self.natural_width_pt, MAX_FIGURE_HEIGHT_PT * self.width / self.height)


def unread_picture(name: str) -> FigureImage:
    """A stand-in for a picture that is not read (composing a figure's texts only, as validation
    of a language version does: the picture itself is checked once, by check_figures)."""
    return FigureImage(name, b"", "image/png", 1, 1, CSS_PX_PER_INCH)


def load_figure(data_dir: Path, name: str) -> FigureImage:
    """The picture `name` of data/figures/; FigureError says what is wrong with it."""
    data = _read(data_dir, name)
    if not data:
        raise FigureError(f"the picture '{name}' is an empty file; put the PNG or JPEG file itself there")
    return _checked(name, data)


def _read(data_dir: Path, name: str) -> bytes:
    path = _found(figures_dir(data_dir), name)
    try:
        return read_input_bytes(path, data_dir, limit=MAX_PICTURE_BYTES)
    except InputError as exc:
        problem = exc.problems[0].message
        if "No such file" in problem:
            raise FigureError(f"no picture '{name}' in {figures_dir(data_dir).name}/ of the data folder; "
                              "put the PNG or JPEG file there, or correct the name") from None
        if "limited to" in problem:
            raise FigureError(f"the picture '{name}' is larger than {MAX_PICTURE_BYTES // (1024 * 1024)} MB; "
                              "save it smaller (fewer pixels, or JPEG for a photograph)") from None
        problem = problem.removeprefix("file ").replace("input files must be ordinary text files",
                                                        "a figure's picture is a PNG or JPEG file")
        raise FigureError(f"the picture '{name}' {problem}") from None


def _found(folder: Path, name: str) -> Path:
    """The file `name` in `folder`, or the one whose name is the same text written with other
    Unicode code points (macOS writes 'é' as e and an accent: NFD)."""
    path = folder / name
    if path.exists() or path.is_symlink() or not folder.is_dir():
        return path
    wanted = unicodedata.normalize("NFC", name)
    return next((p for p in folder.iterdir() if unicodedata.normalize("NFC", p.name) == wanted), path)


@lru_cache(maxsize=16)
def _checked(name: str, data: bytes) -> FigureImage:
    """The picture decoded and made plain: once for the same bytes, however many language
    versions and checks ask (a failure is not cached, and is raised again)."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # imported here: only reports with figures need it

    digest = hashlib.sha256(data).hexdigest()[:12]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind, (width, height) = image.format, image.size
                dpi = _dpi(image.info.get("dpi"))
                if kind not in MEDIA_TYPES and kind not in JPEG_KINDS:
                    raise FigureError(f"the picture '{name}' is a {kind} file; figures are PNG or JPEG files "
                                      "(save it as PNG, or JPEG for a photograph)")
                if width * height > MAX_FIGURE_PIXELS:
                    raise FigureError(f"the picture '{name}' is {width} x {height} pixels; figures are limited to "
                                      f"{MAX_FIGURE_PIXELS:,} pixels (make it smaller)")
                image.load()  # decodes every pixel: a truncated or corrupt file fails here
                plain = _plain(image, kind, data)
                if plain is not None:
                    upright = ImageOps.exif_transpose(plain)
                    width, height = upright.size
                    out = io.BytesIO()
                    upright.save(out, "PNG", dpi=(dpi, dpi))
                    data, kind = out.getvalue(), "PNG"
    except FigureError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise FigureError(f"the picture '{name}' has too many pixels; figures are limited to "
                          f"{MAX_FIGURE_PIXELS:,} (make it smaller)") from None
    except UnidentifiedImageError:
        raise FigureError(f"the picture '{name}' is not a PNG or JPEG picture (its kind is not recognised); "
                          "save it as PNG or JPEG") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:  # Pillow's ways of saying it cannot decode it
        raise FigureError(f"the picture '{name}' cannot be read as a PNG or JPEG image ({exc}); "
                          "save it again as PNG or JPEG") from None
    return FigureImage(name, data, MEDIA_TYPES[kind], width, height, dpi, digest)


def _plain(image, kind: str, data: bytes):
    """The picture's pixels to store again as PNG, or None when its file is plain already
    (every writer shows it alike): 8-bit RGB, grey or palette, upright, and readable by
    python-docx."""
    rotated = image.getexif().get(0x0112, 1) not in (0, 1)  # EXIF Orientation
    if kind in MEDIA_TYPES and image.mode in PLAIN_MODES[kind] and not rotated and _word_reads(data):
        return None
    if kind == "MPO":
        image.seek(0)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")  # 16-bit grey to 8-bit
    if image.mode in ("LA", "RGBA", "PA") or (image.mode == "P" and "transparency" in image.info):
        return image.convert("RGBA")
    return image.convert("RGB" if image.mode not in ("1", "L") else image.mode)


def _word_reads(data: bytes) -> bool:
    """Whether python-docx can read the picture's header (it reads only some JPEG and PNG forms)."""
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image as WordImage

    try:
        WordImage.from_blob(data)
    except (UnrecognizedImageError, ValueError, IndexError, KeyError, OSError):
        return False
    return True


def _dpi(value) -> float:
    """The picture's resolution in pixels an inch; 96 when it states none, or one no printer has."""
    try:
        dpi = float(value[0]) if isinstance(value, (tuple, list)) else float(value)
    except (TypeError, ValueError, IndexError):
        return CSS_PX_PER_INCH
    return dpi if 10 <= dpi <= 2400 else CSS_PX_PER_INCH
