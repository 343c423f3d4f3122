"""Mends to WeasyPrint's layout that the reports need, each naming what it mends; installed once,
when the PDF writer imports WeasyPrint (pdf.import_weasyprint)."""

from __future__ import annotations


def install() -> None:
    """Install every mend (twice is harmless: each one wraps the original function once)."""
    _justified_width()


def _justified_width() -> None:
    """A justified line is drawn wider than its column when the font kerns against the space
    (Liberation Serif does: 1.5 pt on a line of the Spanish A/59/...). WeasyPrint 70.0
    (layout/inline.py, justify_line) shares the line's free width among its spaces as if each
    added exactly its share, but text shaped with extra word spacing loses its kerning across
    the spaces (https://github.com/Kozea/WeasyPrint/issues/2928). Here the spaces share the
    free width less what that loss adds, measured by shaping the line's texts once with
    their share."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout import inline
    from weasyprint.text.line_break import create_layout, line_size

    original = inline.justify_line
    if getattr(original, "mends", None) is not None:
        return

    def texts(box) -> list:
        if isinstance(box, boxes.TextBox):
            return [box]
        if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
            return [text for child in box.children for text in texts(child)]
        return []

    def justify_line(context, line, extra_width: float) -> None:
        spaces = inline.count_expandable_spaces(line)
        if spaces:
            share, added = extra_width / spaces, 0.0
            for text in texts(line):
                count = inline.count_expandable_spaces(text)
                if count:
                    layout = create_layout(text.text, text.style, context, max_width=None, justification_spacing=share)
                    layout.set_text(text.text, justify=True)  # as it is drawn (Layout.reactivate)
                    added += line_size(layout.get_first_line()[0], text.style)[0] - text.width - share * count
                    layout.deactivate()
            extra_width -= added
        original(context, line, extra_width)

    justify_line.mends = original
    inline.justify_line = justify_line
