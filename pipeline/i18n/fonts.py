"""The font families each language's text is set in, first choice first. The stylesheet
(templates/base/un-report.css, the `:lang()` rules) gives the same stacks; a glyph check
can read them here to say which character of which block no font of its stack has.

Debian packages that install them (scripts/ensure-system-packages): fonts-liberation2
(Liberation Serif, metric-compatible with Times New Roman), fonts-noto-cjk (Noto Serif CJK
SC) and fonts-hosny-amiri (Amiri, a Naskh face)."""

from __future__ import annotations

LATIN = ["Times New Roman", "Liberation Serif"]

FONT_STACKS: dict[str, list[str]] = {
    "en": LATIN,
    "fr": LATIN,
    "es": LATIN,
    "ru": LATIN,  # Liberation Serif has Cyrillic
    "zh": LATIN + ["Noto Serif CJK SC"],
    "ar": ["Amiri"] + LATIN,
}


def font_stack(language: str) -> list[str]:
    """The families a version in `language` uses (the Latin stack for a language not listed)."""
    return FONT_STACKS.get(language, LATIN)
