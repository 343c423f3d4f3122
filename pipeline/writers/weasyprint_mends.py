"""Mends to WeasyPrint's layout that the reports need, each naming what it mends; installed once,
when the PDF writer imports WeasyPrint (pdf.import_weasyprint)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # WeasyPrint is imported only when the PDF writer installs the mends
    from weasyprint.formatting_structure.boxes import Box, LineBox, TextBox
    from weasyprint.layout import LayoutContext


def install() -> None:
    """Install every mend (twice is harmless: each one wraps the original function once)."""
    _right_to_left_trailing_space()
    _justified_width()


def _right_to_left_trailing_space() -> None:
    """A right-to-left line that ends where an element begins (the space before a link or a
    span, the element set on the next line) keeps the space at the end of its last text.
    WeasyPrint 70.0 (layout/inline.py, remove_last_whitespace) strips it from the text but keeps
    the text's shaped layout, space included, and moves the line's content one space to the
    left, where that layout draws the space. Justifying the line then shapes the text again
    without the space (add_word_spacing), so the line is drawn one space too far left: past
    the left edge of the column, short of its right edge (paragraph 5 of the Arabic A/59/...).
    Here the stripped text gets its own layout and stays where it was."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout import inline

    original = inline.remove_last_whitespace
    if getattr(original, "mends", None) is not None:
        return

    def remove_last_whitespace(context: LayoutContext, line: LineBox) -> None:
        last = line
        while isinstance(last, (boxes.LineBox, boxes.InlineBox)) and last.children:
            last = last.children[-1]
        if not isinstance(last, boxes.TextBox):
            original(context, line)
            return
        text, x = last.text, last.position_x
        original(context, line)
        moved = x - last.position_x
        if last.text and last.text != text and moved:
            last.pango_layout = inline.split_text_box(context, last, None, 0)[0].pango_layout
            for child in line.children:
                child.translate(dx=moved, ignore_floats=True)

    remove_last_whitespace.mends = original
    inline.remove_last_whitespace = remove_last_whitespace


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

    def texts(box: Box) -> list[TextBox]:
        if isinstance(box, boxes.TextBox):
            return [box]
        if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
            return [text for child in box.children for text in texts(child)]
        return []

    def justify_line(context: LayoutContext, line: LineBox, extra_width: float) -> None:
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
