"""The words and marks numbering and cross-references print, in one language: a part's heading
('Part one'), the letters and brackets of subparagraphs and lettered headings ((a), (i) in
English; a), i) in French and Spanish; (أ) in Arabic), what `ref("id")` prints ('paragraph 5',
'chapter II', 'the annex', 'table 1', 'paragraph 2 of annex I'), and the clauses of
`counted_list`. They come from the `labels`, `counted`, `subparagraphs` and `letters` entries of
data/languages/<code>.yaml; numbering and the paragraph filters keep no word of their own."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from num2words import num2words

from pipeline.i18n.languages import ORIGINAL, Language, load_language
from pipeline.inputs.layout import REPOSITORY


LATIN = "abcdefghijklmnopqrstuvwxyz"


def lettered(number: int, letters: str | tuple[str, ...] = LATIN) -> str:
    """The number-th of a series of letters, 1 -> 'a'; past the last the series doubles: 27 -> 'aa',
    as the Editorial Manual continues a lettered series."""
    return letters[(number - 1) % len(letters)] * ((number - 1) // len(letters) + 1)


def roman(number: int) -> str:
    """1 -> 'I', 14 -> 'XIV'."""
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, numeral in numerals:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


class Labels:
    """The numbering and reference words of one language."""

    def __init__(self, language: Language):
        self.language = language

    def _words(self, number: int) -> dict[str, str]:
        """The forms of a number a label may use: {number} {Number} (cardinal words), {ordinal}
        {Ordinal}, {figure}, {roman}."""
        if self.language.code == ORIGINAL:  # the original's words, as style.py spells them
            cardinal, ordinal = num2words(number), num2words(number, to="ordinal")
        else:
            from pipeline.i18n.localized import style_of
            style = style_of(self.language)
            cardinal = style.spell(number, self.language.numbers["cardinal"])
            ordinal = style.ordinal(number)
        return {"number": cardinal, "Number": cardinal[:1].upper() + cardinal[1:], "ordinal": ordinal,
                "Ordinal": ordinal[:1].upper() + ordinal[1:], "figure": str(number), "roman": roman(number)}

    def letter(self, number: int) -> str:
        """1 -> 'a' (or 'أ' in Arabic), 27 -> 'aa', in the language's letters."""
        return lettered(number, LATIN if self.language.letters == "latin" else self.language.letters)

    def bracketed(self, label: str) -> str:
        """A letter or numeral as the language brackets a subparagraph: '(a)', 'a)'."""
        return self.language.subparagraphs.format(label=label)

    def numbered(self, level: str, number: int) -> str:
        """A paragraph's, chapter's, section's or subsection's number as the language sets it:
        '5.', 'II.', 'B.', '1.'; in Arabic '5 -', 'ثانيا -', 'باء -'. A level whose form names its
        numbers ({name}) past the last name given falls back to its roman numeral or letter."""
        form = self.language.numbering[level]
        names = (self.language.numbering.get("names") or {}).get(level) or []
        letter = lettered(number).upper()
        fallback = letter if level == "section" else roman(number)
        name = names[number - 1] if number <= len(names) else fallback
        return form.format(number=number, roman=roman(number), letter=letter, name=name)

    def subparagraph(self, number: int, depth: int) -> str:
        """The label of a subparagraph at a depth (0 outermost): (a) -> (i) -> a. -> i., then again."""
        return (lambda: self.bracketed(self.letter(number)), lambda: self.bracketed(roman(number).lower()),
                lambda: f"{self.letter(number)}.", lambda: f"{roman(number).lower()}.")[depth % 4]()

    def _string(self, group: str, key: str, **values: Any) -> str:
        return self.language.strings[group][key].format(**values)

    def part(self, number: int) -> str:
        """A part's heading: 'Part one', 'Première partie'."""
        return self._string("labels", "part", **self._words(number))

    def part_reference(self, number: int) -> str:
        """'part one'."""
        return self._string("labels", "part_reference", **self._words(number))

    def reference(self, kind: str, number: str | int) -> str:
        """'paragraph 5', 'chapter II', 'section II.B', 'annex I', 'table 1'."""
        return self._string("labels", kind, number=number)

    def lone_annex(self) -> str:
        """An annex that is the only one: 'the annex'."""
        return self.language.strings["labels"]["lone_annex"]

    def draft(self, kind: str, number: str) -> str:
        """A draft resolution or decision as a reference names it: 'draft resolution I', or 'the
        draft decision' for the only one of its kind."""
        labels = self.language.strings["labels"]
        return labels[f"draft_{kind}"].format(number=number) if number else labels[f"lone_draft_{kind}"]

    def in_draft(self, reference: str, draft: str) -> str:
        """'paragraph 2 of draft resolution I'."""
        return " ".join(self._string("labels", "in_draft", reference=reference, draft=draft).split())

    def in_annex(self, reference: str, annex: str, number: str) -> str:
        """'paragraph 2 of annex I', 'paragraph 2 of the annex' ({annex}: the annex's reference;
        {number}: its number alone, '' for the only annex, for languages that decline 'annex')."""
        return " ".join(self._string("labels", "in_annex", reference=reference, annex=annex, number=number).split())

    def counted_list(self, items: Iterable[Any], predicate: str, noun: str | None = None,
                     nouns: str | None = None, count_words: Any = None, join: Any = None, plural: Any = None) -> str:
        """A clause naming what it counts: 'no State has P', 'one State, Chile, has P', 'the following
        four States have P: A, B, C and D' (the language's `counted` strings)."""
        names = [str(item) for item in items]
        counted = self.language.strings["counted"]
        noun = noun or counted["noun"]
        if not names:
            return counted["none"].format(noun=noun, predicate=predicate)
        if len(names) == 1:
            return counted["one"].format(noun=noun, name=names[0], predicate=predicate)
        if nouns is None:
            forms = counted["nouns"] if noun == counted["noun"] else {"other": noun + counted["plural_ending"]}
            nouns = plural(len(names), **{"one": forms.get("one", forms["other"]), **forms}) if plural \
                else forms["other"]
        return counted["many"].format(count=count_words(len(names)), nouns=nouns, predicate=predicate,
                                      names=join(names))


@lru_cache(maxsize=1)
def original_labels() -> Labels:
    """The original's labels (the repository's data/languages/en.yaml), for numbering done
    without a language version at hand (validation, preview)."""
    path = REPOSITORY / "data" / "languages" / f"{ORIGINAL}.yaml"
    return Labels(load_language(path))
