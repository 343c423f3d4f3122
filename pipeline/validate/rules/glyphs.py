"""Rules over the fonts: the report's fonts are installed, and they can print every character
of its text (pipeline/i18n/fonts.py declares the fonts by document language)."""

from __future__ import annotations

import re

from pipeline.i18n.fonts import glyph_message, installed_stack, missing_glyphs, no_house_font_message
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.sources import find_in_value
from pipeline.model.edition import PRINTED_TITLES, Edition
from pipeline.validate.rules import Problems, at, error
from pipeline.validate.rules.edition import agenda_path
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
    yield from title_glyph_problems(sourced, language)
    series = inputs.series.get(sourced.model.series)
    for key in ("title", "author") if series is not None else ():
        missing = missing_glyphs(getattr(series.model, key) or "", language)
        if missing:  # told at the series file, once for each of its editions' languages
            found = find_in_value(series.raw, (key,), re.escape(missing[0]))
            yield error(found[0][0] if found else at(series, key), glyph_message(missing, language))


def title_glyph_problems(sourced: Sourced, language_code: str | None) -> Problems:
    """Each title a file gives (the edition's or a version's own, an addendum's, a transmitted
    report's, the agenda items') has a glyph in the house fonts for each character: a build
    would stop at it, with no line."""
    model = sourced.model
    titles: list[tuple[tuple, str]] = [((key,), getattr(model, key)) for key in PRINTED_TITLES]
    if isinstance(model, Edition):
        titles += [(agenda_path(model, i, "title"), item.title) for i, item in enumerate(model.agenda_items)]
    else:
        given = getattr(model, "agenda_title", None)
        titles += [(("agenda_title", i), t) for i, t in enumerate(given)] if isinstance(given, list) else \
            [(("agenda_title",), given)]
    for path, text in titles:
        missing = missing_glyphs(text, language_code) if isinstance(text, str) else None
        if missing:
            spots = find_in_value(sourced.raw, path, re.escape(missing[0]))
            yield error(spots[0][0] if spots else at(sourced, *path), glyph_message(missing, language_code))
