"""The fonts a report is set in, by document language, and which characters they can print.

FONT_STACKS is the one place the font families are declared: the first family of a stack that
is installed sets the text (the CSS of templates/base/, its `:lang()` rules, names the same
families). A language without a stack of its own uses "default". Debian packages install them
(scripts/ensure-system-packages): fonts-liberation2 (Liberation Serif, metric-compatible with
Times New Roman; it has Cyrillic), fonts-noto-cjk (Noto Serif CJK SC) and fonts-hosny-amiri
(Amiri, a Naskh face).

The checks the build makes with them (validation rule rules/glyphs.py, and the composed tree
in build/session.py):
- the house fonts: at least one family of the stack is installed (otherwise WeasyPrint would
  set the report in whatever fontconfig offers instead, without a word);
- glyphs: every character of the text is in the character map (fontTools cmap) of an installed
  font of the stack; one that is not would print as a blank box or in a fallback font.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache

LATIN = ["Times New Roman", "Liberation Serif"]
FONT_STACKS: dict[str, list[str]] = {
    # UN documents in English and French are set in Times New Roman; Liberation Serif has the
    # same metrics and is what Debian installs (fonts-liberation2).
    "default": LATIN,
    "zh": LATIN + ["Noto Serif CJK SC"],  # Latin words in the Latin face, the rest in Noto Serif CJK
    "ar": ["Amiri"] + LATIN,
}
FONT_PACKAGES = {"default": "fonts-liberation2", "zh": "fonts-noto-cjk", "ar": "fonts-hosny-amiri"}
NOT_PRINTED = frozenset(" \t\n\r\u00ad")  # spacing and the soft hyphen are not looked up as glyphs


def stack_for(language: str | None) -> list[str]:
    """The font families of a document language ('en', 'zh', ...), in order of preference."""
    return FONT_STACKS.get((language or "default").lower(), FONT_STACKS["default"])


def font_package(language: str | None) -> str:
    """The Debian package that installs the free font of a language's stack."""
    return FONT_PACKAGES.get((language or "default").lower(), FONT_PACKAGES["default"])


@dataclass(frozen=True)
class InstalledFont:
    family: str
    file: str
    index: int


@lru_cache(maxsize=32)
def installed(family: str) -> InstalledFont | None:
    """The regular face of a family as fontconfig has it, or None when it is not installed
    (fontconfig's substitutes do not count: `fc-list` matches the family exactly)."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{style[0]}\t%{file}\t%{index}\n", f":family={family}"],
                                capture_output=True, text=True, timeout=60, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    faces = [line.split("\t") for line in listed.splitlines() if line.count("\t") == 2]
    if not faces:
        return None
    style, file, index = next((face for face in faces if face[0] in ("Regular", "Book", "Roman")), faces[0])
    return InstalledFont(family, file, int(index or 0))


@lru_cache(maxsize=32)
def _cmap(font: InstalledFont) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # WeasyPrint's own dependency

    with TTFont(font.file, fontNumber=font.index, lazy=True) as face:
        return frozenset(face.getBestCmap() or {})


def installed_stack(language: str | None) -> list[InstalledFont]:
    return [font for family in stack_for(language) if (font := installed(family)) is not None]


def missing_glyphs(text: str, language: str | None) -> list[str]:
    """The characters of `text` (each once, in order) that no installed font of the language's
    stack has a glyph for."""
    fonts = installed_stack(language)
    maps = [_cmap(font) for font in fonts]
    missing: dict[str, None] = {}
    for char in text:
        if char not in NOT_PRINTED and char not in missing and not any(ord(char) in cmap for cmap in maps):
            missing[char] = None
    return list(missing)


def no_house_font_message(language: str | None) -> str:
    families, package = ", ".join(stack_for(language)), font_package(language)
    return (f"none of the report's fonts ({families}) is installed, so the report would be set in another font; "
            f"install {package} (apt-get install {package}) or one of these fonts")


def glyph_message(chars: list[str], language: str | None) -> str:
    shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars[:5]) + (" ..." if len(chars) > 5 else "")
    families = ", ".join(font.family for font in installed_stack(language))
    return (f"the report's fonts ({families}) have no glyph for {shown}, which would print as blanks or in "
            "another font; write the text in the document's language, or add a font that has them to "
            "pipeline/i18n/fonts.py")
