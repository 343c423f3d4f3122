"""Style rules for a language version: dates, number words, ordinals, list joining, plural
nouns, collation and agenda labels, from the language's data file (numbering's letters and
brackets are in labels.py).

English keeps the functions of style.py (the original's output does not change); the other
languages use ICU through PyICU: its rule-based number formats spell numbers and ordinals
in every UN language (num2words has no Chinese and no feminine Russian ordinals), and its
collators sort State names in each language's alphabetical order.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import cached_property, lru_cache
from typing import Any, Callable, Iterable

import icu
from babel import Locale
from babel.dates import format_date

from pipeline.i18n import style
from pipeline.i18n.languages import ORIGINAL, Language
from pipeline.inputs.problems import InputError, Location, Problem, display_path

@lru_cache(maxsize=32)
def _spellout(locale: str, rule_set: str) -> icu.RuleBasedNumberFormat:
    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(locale))
    formatter.setDefaultRuleSet(rule_set)
    return formatter


@lru_cache(maxsize=8)
def collator(locale: str) -> icu.Collator:
    """ICU's collator for a language: its alphabetical order (accents, case and spaces as
    that language's dictionaries order them)."""
    return icu.Collator.createInstance(icu.Locale(locale))



# The patterns a range's first day may take, by what it shares with the last (style.shared_by_range),
# most shortened first: a range within a month falls back to the year's pattern.
SHARED_PARTS = {"month": ("month", "year"), "year": ("year",), "": ()}

class LanguageStyle:
    """The style functions of one language; `filters()` gives them to templates and paragraphs
    under the names English paragraphs already use (date, number, Number, ordinal, states...)."""

    def __init__(self, language: Language):
        self.language = language

    @property
    def is_original(self) -> bool:
        return self.language.code == ORIGINAL

    # ---- numbers

    def spell(self, value: int, rule_set: str) -> str:
        return _spellout(self.language.locale, rule_set).format(int(value))

    def number(self, value: int) -> str:
        """Numbers up to the language's limit in words, others in figures."""
        if self.is_original:
            return style.number(value)
        if 1 <= value <= int(self.language.numbers.get("words_up_to", 0)):
            return self.spell(value, self.language.numbers["cardinal"])
        return str(value)

    def number_capitalized(self, value: int) -> str:
        """A number that opens a sentence, in words (in figures where the language uses none)."""
        if self.is_original:
            return style.number_capitalized(value)
        if not int(self.language.numbers.get("words_up_to", 0)):
            return str(value)
        return style.upper_first(self.spell(value, self.language.numbers["cardinal"]))

    def ordinal(self, value: int) -> str:
        if self.is_original:
            return style.ordinal(value)
        return self.spell(value, self.language.numbers["ordinal"])

    def session_name(self, session: int) -> str:
        """'Fifty-ninth session', 'Cinquante-neuvième session', '第五十九届会议', 'الدورة التاسعة والخمسون'."""
        if self.is_original:
            return style.session_name(session)
        ordinal = self.ordinal(session)
        return self.language.text("session", ordinal=ordinal, Ordinal=style.upper_first(ordinal))

    def year_session_name(self, year: int) -> str:
        """'2015 session': a session named by its year; a language that gives no form for it
        (`strings.session_year`, "{year}") stops the build at its file."""
        if self.is_original:
            return style.year_session_name(year)
        return self.language.text(self._needed("session_year", "a session named by its year"), year=year)

    def session_dates(self, opens: dt.date, closes: dt.date) -> str:
        """The session's days under its name: '9-20 March 2015'; a language that gives no
        form for them (`strings.session_dates`, "{opens}", "{closes}") stops the build at its
        file. "{closes}" is a long date; "{opens}" leaves out what it shares with it where the
        language gives the pattern for that (`dates.pattern_shared_year`, "d MMMM":
        '27 février-24 mars 2017'; `dates.pattern_shared_month`, "d"), and is whole otherwise."""
        if self.is_original:
            return style.session_dates(opens, closes)
        form = self._needed("session_dates", "the days of a session")
        if opens == closes:
            return self.long_date(opens)
        shared = style.shared_by_range(opens, closes)
        patterns = [self.language.dates.get(f"pattern_shared_{part}") for part in SHARED_PARTS[shared]]
        pattern = next((given for given in patterns if given), None)
        return self.language.text(form, opens=self._formatted(opens, pattern) if pattern else self.long_date(opens),
                                  closes=self.long_date(closes))

    def _needed(self, key: str, what: str) -> str:
        """A string key the language file must give for this masthead: a located error when it
        does not (no form is printed that no source gave)."""
        if key not in self.language.strings:
            where = display_path(self.language.path) if self.language.path else f"data/languages/{self.language.code}.yaml"
            raise InputError([Problem(Location(where, 1, 1), "error",
                                      f"this file gives no 'strings.{key}', the {self.language.name} form of "
                                      f"{what}, which this edition's masthead prints; add it from a UN document "
                                      "in the language (with its source)")])
        return key

    def plural(self, count: int, one: str, other: str, few: str | None = None, many: str | None = None,
               two: str | None = None, zero: str | None = None) -> str:
        """The noun form CLDR's plural rules choose for a count: Russian 26 государств, 22
        государства; Arabic 26 دولة, 10 دول."""
        forms = {"one": one, "other": other, "few": few, "many": many, "two": two, "zero": zero}
        chosen = Locale.parse(self.language.locale).plural_form(int(count))
        return forms.get(chosen) or other

    # ---- dates

    def long_date(self, value: dt.date | int | None) -> str:
        """A date in the language's UN form: 27 août 2004, 27 de agosto de 2004, 27 августа
        2004 года, 2004年8月27日, 27 آب/أغسطس 2004; as in English, no date (a State that has not
        signed) prints as nothing and a year known without its day as the year (never as
        today's date, which is what Babel makes of no date)."""
        if self.is_original or value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return style.long_date(value)
        return self._formatted(value, self.language.dates["pattern"])

    def _formatted(self, value: dt.date, pattern: str) -> str:
        """A date by a CLDR pattern of the language, with its own month names where it gives them."""
        months = self.language.dates.get("months")
        if months and "MMMM" in pattern:  # a month name CLDR does not have (UN Arabic gives both names)
            pattern = pattern.replace("MMMM", "'{month}'")
            return format_date(value, pattern, locale=self.language.locale).replace("{month}", months[value.month - 1])
        return format_date(value, pattern, locale=self.language.locale)

    def masthead_date(self, value: dt.date) -> str:
        """The masthead's date: in the language, or in English where its distribution block
        stays in English (Russian, Chinese and Arabic versions)."""
        if self.language.dates.get("masthead_locale") == ORIGINAL:
            return style.long_date(value)
        return self.long_date(value)

    # ---- lists and names

    def join_list(self, items: Iterable[Any], conjunction: str | None = None) -> str:
        """'A, B et C', 'A, B y C' ('e' before an i sound), 'A、B和C', 'A، وB، وC'."""
        if self.is_original:
            return style.join_list(items) if conjunction is None else style.join_list(items, conjunction)
        words = [str(item) for item in items]
        if len(words) <= 1:
            return "".join(words)
        rules = self.language.lists
        last = rules["last"]
        if rules.get("last_before_i") and _starts_with_i_sound(words[-1]):
            last = rules["last_before_i"]
        return rules["separator"].join(words[:-1]) + last + words[-1]

    def sort_key(self, name: str) -> Any:
        if self.is_original:
            from pipeline.facts.names import un_sort_key
            return un_sort_key(name)
        for prefix in self.language.lists.get("ignore_prefixes", ()):  # Arabic: "ال" does not count
            if name.startswith(prefix):
                name = name[len(prefix):]
                break
        return collator(self.language.locale).getSortKey(name)

    def sorted_names(self, names: Iterable[Any], key: Callable[[Any], str] = str) -> list[Any]:
        """Items in the language's alphabetical order (ICU collation), by the name `key` gives."""
        return sorted(names, key=lambda item: self.sort_key(key(item)))

    def sorted_states(self, states: Iterable[Any]) -> list[Any]:
        """States in the version's order: its own alphabetical order, or, where its lists
        follow the English names (`lists.order: english`, as UN Chinese lists do), theirs."""
        if self.language.lists.get("order") == "english":
            from pipeline.facts.names import un_sort_key
            return sorted(states, key=lambda s: un_sort_key(getattr(s, "english", None) or s.name))
        return self.sorted_names(states, key=lambda s: s.name)

    # ---- labels

    def agenda_label(self, item: int | None, sub_item: str | None) -> str:
        """'107 (a)', '107 a)', '107(a)', '107 (أ)'; '...' while the number is still to come."""
        number = "..." if item is None else str(item)
        if not sub_item:
            return number
        from pipeline.i18n.labels import LATIN, Labels  # imported here: labels uses this module's styles
        letter = Labels(self.language).letter(LATIN.index(sub_item) + 1)  # a sub-item is a Latin letter in the data
        return self.language.text("agenda_label", number=number, letter=letter)

    def agenda_line(self, items: list[Any], listing: tuple[str, str] | None) -> str:
        """The masthead's agenda line: 'Item 107 (a) of the provisional agenda', 'Item 110 of
        the preliminary list', 'Agenda item 107 (a)', or for a report issued under several items
        'Items 28 (a) and 134 of the provisional agenda'."""
        labels = [self.agenda_label(item.item, item.sub_item) for item in items]
        key = "agenda_item" if len(labels) == 1 else "agenda_items"
        if listing:
            key += f"_{listing[0]}"
        if len(labels) == 1:
            return self.language.text(key, item=labels[0])
        return self.language.text(key, items=self.join_list(labels))

    @cached_property
    def filters(self) -> dict[str, Callable[..., Any]]:
        """The filters paragraphs and templates use, in this language."""
        return {
            **style.FILTERS,
            "and_list": self.join_list,
            "number": self.number,
            "Number": self.number_capitalized,
            "ordinal": self.ordinal,
            "date": self.long_date,
            "plural": self.plural,
            "counted_list": self.counted_list,
        }

    def counted_list(self, items: Iterable[Any], predicate: str, noun: str | None = None,
                     nouns: str | None = None) -> str:
        """`counted_list` in the language: its `counted` strings, number words, list joining and
        plural forms."""
        from pipeline.i18n.labels import Labels  # imported here: labels uses this module's styles

        return Labels(self.language).counted_list(items, predicate, noun, nouns, count_words=self.number,
                                                  join=self.join_list, plural=self.plural)


def _starts_with_i_sound(word: str) -> bool:
    """Spanish writes 'e' for 'y' before a word that starts with the sound i ('i', 'hi', not 'hie')."""
    lower = "".join(c for c in word if unicodedata.category(c) != "Co").lower()  # not the marks of a State
    return lower.startswith(("i", "í")) or (lower.startswith(("hi", "hí")) and not lower.startswith("hie"))


_STYLES: dict[int, LanguageStyle] = {}


def style_of(language: Language) -> LanguageStyle:
    """The style of a language (made once per loaded language)."""
    key = id(language)
    if key not in _STYLES or _STYLES[key].language is not language:
        _STYLES[key] = LanguageStyle(language)
    return _STYLES[key]
