"""Hostile corpus, class "glyphs and fonts": text the report's fonts cannot print (Chinese or
Hindi in an English report with no font for them) is an error at the character, not blank
space in the PDF; a report whose house fonts are all missing is an error, not a report set in
DejaVu."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("hostile_corpus")

from hostile_corpus import C, E, Case, run_case, where  # noqa: E402
from pipeline.i18n import fonts  # noqa: E402
from pipeline.inputs.problems import InputError  # noqa: E402

FAMILIES = ", ".join(font.family for font in fonts.installed_stack(None))


def no_glyph(chars: str) -> str:
    shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars[:5]) + (" ..." if len(chars) > 5 else "")
    return (f"the report's fonts ({FAMILIES}) have no glyph for {shown}, which would print as blanks or in another "
            "font; write the text in the document's language, or add a font that has them to pipeline/i18n/fonts.py")


CASES = [
    Case(f"{name} in a paragraph", E, "The Convention entered", f"The {text} Convention entered",
         [f"{where(E, 'The Convention entered', 4)}: error: {no_glyph(distinct)}"])
    for name, text, distinct in (("Chinese", "公约", "公约"), ("Hindi", "सम्मेलन", "सम्ेलन"),
                                 ("Thai", "อนุสัญญา", "อนุสัญา"), ("an emoji", "🌍", "🌍"),
                                 ("Japanese kana", "じょうやく", "じょうやく"), ("Georgian", "კონვენცია", "კონვენცია"))
] + [
    Case("Chinese in a heading", E, "paragraph: >-\n      By its resolution",
         "chapter: 公约\n  - paragraph: >-\n      By its resolution",
         [f"data/{E}:19:14: error: {no_glyph('公约')}"]),
    Case("Chinese in a committee member's name (a table row from data)", C, "name: Francisco Alba\n    family_name: Alba",
         "name: Francisco Alba 阿尔巴\n    family_name: Alba",
         [f"{where(E, 'table: committee-members', 7)}: error: {no_glyph('阿尔巴')}"]),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_text_the_fonts_cannot_print(case: Case, tmp_path, monkeypatch):
    run_case(case, tmp_path, monkeypatch)


def test_no_house_font_installed_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setitem(fonts.FONT_STACKS, "default", ["No Such Font Family For The Test"])
    message = ("none of the report's fonts (No Such Font Family For The Test) is installed, so the report would be "
               "set in another font; install fonts-liberation2 (apt-get install fonts-liberation2) or one of these "
               "fonts")
    run_case(Case("no house font", "", None, "", [f"{where(E, 'series: cmw-status', 8)}: error: {message}"]),
             tmp_path, monkeypatch)


def test_the_composed_tree_is_checked_too(data_copy):
    """Wording a template adds (not drafted text) is checked when the tree is composed."""
    from pipeline.build.session import check_tree_glyphs
    from pipeline.inputs.load import load_session

    sourced = load_session(data_copy, 59).editions[0]
    check_tree_glyphs("<html><body><p class='paragraph'>The Convention</p></body></html>", sourced, "en")
    with pytest.raises(InputError) as caught:
        check_tree_glyphs("<html><body><p class='paragraph'>The 公约 Convention</p></body></html>", sourced, "en")
    [problem] = caught.value.problems
    assert problem.message == f"{no_glyph('公约')} (in the composed report: 'The 公约 Convention')"
