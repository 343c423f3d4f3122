"""Every line of the PDF lies inside its text column: a justified line is drawn no longer than
the column (pipeline/writers/weasyprint_mends.py)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path


def printed_lines(pdf: Path | bytes) -> list[tuple[int, float, float, str]]:
    """(page, left, right, text) of each line of glyphs of a PDF, in points from the page's left."""
    import pypdfium2

    found = []
    for number, page in enumerate(pypdfium2.PdfDocument(pdf if isinstance(pdf, Path) else io.BytesIO(pdf)), 1):
        text = page.get_textpage()
        lines: dict[int, list[tuple[float, float, str]]] = {}
        for index in range(text.count_chars()):
            character = text.get_text_range(index, 1)
            if not character.strip():
                continue
            left, _, right, _ = text.get_charbox(index)
            baseline = round(text.get_charbox(index, loose=True)[1])  # the glyphs of a line share it
            lines.setdefault(baseline, []).append((left, right, character))
        for _, glyphs in sorted(lines.items(), reverse=True):  # from the top of the page
            found.append((number, min(g[0] for g in glyphs), max(g[1] for g in glyphs), "".join(g[2] for g in glyphs)))
    return found


def outside(lines, column: tuple[float, float], tolerance: float) -> list[str]:
    """The lines with a glyph past either edge of the column."""
    left, right = column
    return [f"page {page}, x {lo:.1f}-{hi:.1f} pt: {text[:50]}" for page, lo, hi, text in lines
            if lo < left - tolerance or hi > right + tolerance]


def page(body: str, language: str, direction: str, width: float) -> str:
    """A one-page tree with a text column `width` pt wide from x = 28 pt, in the report's font."""
    font = "Amiri" if language == "ar" else "Liberation Serif"
    return (f'<!DOCTYPE html><html lang="{language}" dir="{direction}"><head><title>t</title><style>'
            f'@page {{ size: {width + 56}pt 300pt; margin: 20pt 28pt }} body {{ margin: 0 }} '
            f'p {{ margin: 0; text-align: justify; font: 10pt/12pt "{font}" }} '
            'a { white-space: nowrap }'
            f'</style></head><body><p>{body}</p></body></html>')


def test_a_justified_line_in_a_font_that_kerns_against_the_space_stays_in_the_column():
    """Liberation Serif kerns against the space; with the extra word spacing of justification
    that kerning is lost, and the line was drawn 1.5 pt longer than the column."""
    from pipeline.writers.pdf import write_pdf

    tree = page("La importancia de ratificar la Convención también se ha destacado en el plano regional. "
                "Así, la Asamblea General de la Organización de los Estados Americanos, en su trigésimo "
                "cuarto período de sesiones, en su resolución 2027, de 8 de junio de 2004, titulada "
                "“Los derechos humanos de todos los trabajadores migratorios y de sus familias”, resolvió "
                "reconocer con satisfacción la entrada en vigor de la Convención.", "es", "ltr", 344)
    lines = printed_lines(write_pdf(tree, dt.date(2004, 8, 27)))
    assert len(lines) >= 3 and outside(lines, (28.0, 372.0), 0.5) == []
