"""Rules over the fonts: the report's fonts are installed, and they can print every character
of its text (pipeline/i18n/fonts.py declares the fonts by document language)."""

from __future__ import annotations

import re

from pipeline.i18n.fonts import glyph_message, installed_stack, missing_glyphs, no_house_font_message
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.sources import find_in_value
from pipeline.validate.rules import Problems, at, error
from pipeline.validate.rules.paragraphs import rendered_texts


def document_language(sourced: Sourced) -> str | None:
    """The language the edition is written in (None: the default stack)."""
    return getattr(sourced.model, "language", None)


def check_fonts(inputs: Inputs, sourced: Sourced) -> Problems:
    """The house fonts are installed, and every drafted text (its expressions filled in) and
    footnote has a glyph for each of its characters."""
    language = document_language(sourced)
    if not installed_stack(language):
        yield error(at(sourced, "series"), no_house_font_message(language))
        return
    rendered = rendered_texts(inputs, sourced)
    texts = [(drafted.path, text) for drafted, text in rendered.texts if isinstance(text, str)] if rendered else []
    texts += [(("footnotes", label), text) for label, text in sourced.model.footnotes.items()]
    for path, text in texts:
        missing = missing_glyphs(text, language)
        if missing:  # at the first of them in the source, or at the text when it came from data
            found = find_in_value(sourced.raw, path, re.escape(missing[0]))
            yield error(found[0][0] if found else at(sourced, *path), glyph_message(missing, language))
