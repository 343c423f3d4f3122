"""The six official languages as data: data/languages/<code>.yaml holds each language's
boilerplate strings (masthead, headings, labels), its date pattern, number and list rules,
and where each string was checked. The templates print these strings; no template keeps an
English word of its own."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.i18n.scripts import SCRIPTS
from pipeline.inputs.layout import languages_dir
from pipeline.inputs.problems import did_you_mean, InputError, Location, Problem, display_path
from pipeline.inputs.sources import load_yaml, locate

ORIGINAL = "en"  # every edition is written in English; the other languages translate it
LANGUAGE_ORDER = ("en", "fr", "es", "ru", "zh", "ar")  # English, then as the UN lists its versions here
REQUIRED_STRINGS = ("organization", "organs", "authors", "distribution", "version_language", "original",
                    "language_names", "session", "agenda_item_provisional", "agenda_item", "agenda_items_provisional",
                    "agenda_items", "agenda_item_preliminary", "agenda_items_preliminary", "agenda_label",
                    "addendum", "corrigendum", "summary", "contents", "paragraphs", "page", "annex", "annex_original", "draft_resolution", "draft_decision", "table", "figure",
                    "source", "draft", "missing_translation", "labels", "counted", "web_page")


# How numbers are set (data/languages/en.yaml states them too): a language file's `numbering`
# overrides any of these forms and may name a level's numbers (`names`).
HOUSE_NUMBERING = {"paragraph": "{number}.", "chapter": "{roman}.", "section": "{letter}.",
                   "subsection": "{number}.", "names": {}}
NUMBERING_PLACEHOLDERS = {"number", "roman", "letter", "name"}
MAX_NUMBER_FORM = 24  # characters: a number's form or name ("{name} -", "حادي عشر") is short


@dataclass(frozen=True, eq=False)
class Language:
    """One language's strings and style rules, as data/languages/<code>.yaml gives them."""

    code: str
    name: str  # its English name: "French" (how editions name an original language)
    letter: str  # the job number's letter: F
    locale: str
    direction: str  # "ltr" | "rtl"
    strings: dict[str, Any]
    dates: dict[str, Any]
    numbers: dict[str, Any]
    lists: dict[str, Any]
    subparagraphs: str
    letters: tuple[str, ...] | str
    numbering: dict[str, Any] = field(default_factory=lambda: dict(HOUSE_NUMBERING))
    unverified: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    script: str = "LATIN"  # the letters its texts are written in (pipeline/i18n/scripts.py)

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    def text(self, key: str, **values: Any) -> str:
        """A boilerplate string with its {placeholders} filled in."""
        template = self.strings[key]
        if not values:
            return template
        try:
            return template.format(**values)
        except KeyError as exc:
            raise InputError([Problem(locate(self.strings, key) or Location(display_path(self.path or Path("."))),
                                      "error", f"'strings.{key}' uses {{{exc.args[0]}}}, which is not filled in "
                                      f"there; use {', '.join('{' + n + '}' for n in sorted(values))}")]) from None

    def page_words(self) -> tuple[tuple[str, str], ...]:
        """What the writers print of their own (the web page's links and headings, the Word
        file's author and status), for the writers' context."""
        return (("organization", self.strings["organization"]), ("draft", self.strings["draft"]),
                *((key, str(value)) for key, value in self.strings["web_page"].items()))

    def lookup(self, key: str, name: str) -> str:
        """A string from one of the string maps (organs, authors, distribution, language names);
        a name the map lacks is printed as it is written in the edition."""
        return self.strings.get(key, {}).get(name, name)

    def language_list(self, names: list[str]) -> str:
        """Several original languages as a masthead names them: 'English/French/Spanish'
        (A/43/26/Add.1/Corr.1: "ORIGINAL: ENGLISH/FRENCH/SPANISH")."""
        return "/".join(self.lookup("language_names", name) for name in names)


def load_language(path: Path) -> Language:
    """One language file; a file that lacks what the templates need is a located error."""
    shown = display_path(path)
    # the checked loader: a regular file inside the data folder, no refused characters, YAML
    # errors located in an editor's words
    raw = load_yaml(path, path.parent.parent)
    if not isinstance(raw, dict):
        raise InputError([Problem(Location(shown, 1, 1), "error", "a language file is a mapping of keys "
                                  "(code: fr, name: ..., strings: ...); see data/languages/en.yaml")])
    missing = [k for k in ("code", "name", "letter", "locale", "direction", "strings", "dates", "numbers", "lists",
                           "subparagraphs") if k not in raw]
    missing += [f"strings.{k}" for k in REQUIRED_STRINGS if k not in (raw.get("strings") or {})]
    if missing:
        raise InputError([Problem(Location(shown, 1, 1), "error", f"this language file lacks {', '.join(missing)}")])
    if raw["code"] != path.stem:
        raise InputError([Problem(locate(raw, "code") or Location(shown, 1, 1), "error",
                                  f"code '{raw['code']}' is not the file's name; name the file {raw['code']}.yaml")])
    problems = _shape_problems(raw, shown, path)
    if problems:
        raise InputError(problems)
    letters = raw.get("letters", "latin")
    return Language(raw["code"], raw["name"], raw["letter"], raw["locale"], raw["direction"], raw["strings"],
                    raw["dates"], raw["numbers"], raw["lists"], raw["subparagraphs"],
                    tuple(letters) if isinstance(letters, list) else letters,
                    {**HOUSE_NUMBERING, **(raw.get("numbering") or {})},
                    tuple(raw.get("unverified") or ()), dict(raw.get("sources") or {}), path,
                    str(raw.get("script", "latin")).upper())


PLACEHOLDER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
SHAPED = ("strings", "dates", "numbers", "lists", "subparagraphs", "numbering")  # compared with the original's file


def placeholders(text: str) -> set[str]:
    """The {name} placeholders of a string; ValueError for anything else ('{x:>9}', '{x.y}',
    '{0}', '{x!r}', a lone brace): strings are data, never Python format programs."""
    names = set()
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        raise ValueError("a brace stands alone; write placeholders as {name}, and a brace itself as {{ or }}") from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if spec or conversion or not PLACEHOLDER.match(name):
            raise ValueError(f"'{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}' "
                             "is not a placeholder; write placeholders as {name}, as the English file does")
        names.add(name)
    return names


def _shape_problems(raw: dict, shown: str, path: Path) -> list[Problem]:
    """What would fail or mislead when the file is used: a direction, letter or locale that is
    not one, any string with a placeholder that is not a plain {name} (a format spec such as
    '{x:>2000000000}' or an attribute '{x.__class__}' would run as Python), and any value whose
    kind (text, mapping, list) differs from the English file's."""
    from babel import Locale, UnknownLocaleError  # imported here: the CLI's start-up does not need Babel

    problems: list[Problem] = []

    def bad(key_path: tuple, message: str) -> None:
        problems.append(Problem(locate(raw, *key_path) or Location(shown, 1, 1), "error", message))

    if str(raw.get("script", "latin")).upper() not in SCRIPTS:
        bad(("script",), f"script must be one of {', '.join(s.lower() for s in SCRIPTS)}")
    if raw.get("direction") not in ("ltr", "rtl"):
        bad(("direction",), "direction must be ltr (left to right) or rtl (right to left)")
    if not (isinstance(raw.get("letter"), str) and re.fullmatch(r"[A-Z]", raw["letter"])):
        bad(("letter",), "letter must be the job number's capital letter for the language (E, F, S, R, C, A)")
    try:
        Locale.parse(str(raw.get("locale")))
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        bad(("locale",), f"locale '{raw.get('locale')}' is not a locale Babel and ICU know (fr, es, ru, zh, ar, ...)")
    pattern = (raw.get("dates") or {}).get("pattern") if isinstance(raw.get("dates"), dict) else None
    if isinstance(pattern, str) and not _whole_date(pattern):
        given, outcome = (f"'{pattern}'", "incomplete") if pattern.strip() else ("empty", "as nothing")
        bad(("dates", "pattern"), f"'dates.pattern' is {given}: it must show the day (d), the month (MMMM) and the "
                                  f"year (y), like 'd MMMM y', or every date of the report prints {outcome}")
    for key, (fields, like) in SHARED_PATTERNS.items():
        given = (raw.get("dates") or {}).get(key) if isinstance(raw.get("dates"), dict) else None
        if given is not None and not isinstance(given, str):
            bad(("dates", key), f"'dates.{key}' must be a text, a date pattern like '{like.split(chr(39))[1]}'")
        elif isinstance(given, str) and _date_fields(given) != fields:
            bad(("dates", key), f"'dates.{key}' is '{given}': it must show {like} (the first day of a range "
                                "whose last day prints the rest)")
    english = _english_shape(path)

    def walk(value: Any, model: Any, key_path: tuple) -> None:
        shown_key = ".".join(str(k) for k in key_path)
        if model is not None and _kind(value) != _kind(model):
            bad(key_path, f"'{shown_key}' must be {_kind(model)}, as in the English file")
            return
        if isinstance(value, str):
            try:
                placeholders(value)
            except ValueError as exc:
                bad(key_path, f"'{shown_key}': {exc}")
                return
        elif isinstance(value, dict):
            for key, item in value.items():
                place = (*key_path, key)
                if isinstance(model, dict) and key not in model and place not in LANGUAGE_ONLY_KEYS \
                        and tuple(key_path) not in NAME_MAPS:
                    known = [k for k in model] + [k[-1] for k in LANGUAGE_ONLY_KEYS if k[:-1] == tuple(key_path)]
                    bad(place, f"unknown key '{key}' under '{'.'.join(map(str, key_path))}'"
                               f"{did_you_mean(str(key), known)}; it would be left unused (the keys here: "
                               f"{', '.join(map(str, known))})")
                    continue
                walk(item, model.get(key) if isinstance(model, dict) else None, place)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, model[0] if isinstance(model, list) and model else None, (*key_path, index))

    for key in SHAPED:
        if key in raw:
            walk(raw[key], english.get(key) if english else None, (key,))
    labels, english_labels = ((data.get("strings") or {}).get("labels") for data in (raw, english or {}))
    if isinstance(labels, dict) and isinstance(english_labels, dict):
        missing = [key for key in english_labels if key not in labels]
        if missing:
            bad(("strings", "labels"), f"'strings.labels' lacks {', '.join(missing)}, which the English file has: "
                                       "every label the pipeline prints must be given in each language")
    if isinstance(raw.get("numbering"), dict):
        problems += _numbering_problems(raw, shown)
    problems += _label_problems(raw, shown)
    return problems


def _label_problems(raw: dict, shown: str) -> list[Problem]:
    """`letters` is latin or the language's own letters, each once; `subparagraphs` prints
    {label} and nothing else from braces."""
    problems: list[Problem] = []
    letters = raw.get("letters", "latin")
    if not (letters == "latin" or (isinstance(letters, list) and letters and len(set(map(str, letters))) == len(letters)
                                   and all(isinstance(x, str) and x.strip() and len(x) <= 3 for x in letters))):
        problems.append(Problem(locate(raw, "letters") or Location(shown, 1, 1), "error",
                                "'letters' is latin (a, b, c ...) or a list of the language's own letters in their "
                                "order, each once and each a letter: [أ, ب, ج, ...]"))
    form = raw.get("subparagraphs")
    if isinstance(form, str):
        try:
            used = placeholders(form)
        except ValueError:
            used = {"label"}  # reported with the other strings
        if used != {"label"} or len(form) > MAX_NUMBER_FORM:
            problems.append(Problem(locate(raw, "subparagraphs") or Location(shown, 1, 1), "error",
                                    "'subparagraphs' is how a subparagraph's letter or numeral is bracketed: "
                                    "{label} and at most a few characters around it, as '({label})' or '{label})'"))
    return problems


def _numbering_problems(raw: dict, shown: str) -> list[Problem]:
    """A language's `numbering`: forms only for the levels numbered here, each printing the number
    ({number}, {roman}, {letter} or {name}) and nothing else; `names` a list of texts per level."""
    problems: list[Problem] = []
    levels = [k for k in HOUSE_NUMBERING if k != "names"]

    def bad(key_path: tuple, message: str) -> None:
        problems.append(Problem(locate(raw, "numbering", *key_path) or Location(shown, 1, 1), "error", message))

    for key, form in raw["numbering"].items():
        if key == "names":
            for level, names in (form.items() if isinstance(form, dict) else ()):
                if level not in levels:
                    bad(("names", level), f"'numbering.names.{level}' is not a level numbered here; the levels "
                                          f"are {', '.join(levels)}")
                elif not (isinstance(names, list) and names and all(isinstance(n, str) and n.strip()
                                                                     and len(n) <= MAX_NUMBER_FORM for n in names)):
                    bad(("names", level), f"'numbering.names.{level}' must be a list of the level's numbers in "
                                          "words, first to last: [أولا, ثانيا, ...]")
        elif key not in levels:
            bad((key,), f"'numbering.{key}' is not a level numbered here; the levels are {', '.join(levels)}")
        elif isinstance(form, str):
            try:
                used = placeholders(form)
            except ValueError:
                continue  # reported with the other strings
            if used - NUMBERING_PLACEHOLDERS:
                bad((key,), f"'numbering.{key}' uses {{{sorted(used - NUMBERING_PLACEHOLDERS)[0]}}}; a number's "
                            "form may use {number}, {roman}, {letter} and {name}")
            elif not used:
                bad((key,), f"'numbering.{key}' prints no number; write where it goes: \"{{number}}.\", "
                            "\"{name} -\"")
            elif len(form) > MAX_NUMBER_FORM:
                bad((key,), f"'numbering.{key}' is {len(form)} characters; a number's form is at most "
                            f"{MAX_NUMBER_FORM}, as \"{{number}}.\" or \"{{name}} -\"")
            elif key == "paragraph" and "{name}" in form:
                bad((key,), "'numbering.paragraph' cannot use {name}: paragraphs are numbered in figures "
                            "(past the names given they would print roman numerals, as chapters do)")
    return problems


def _date_fields(pattern: str) -> set[str]:
    """The fields a CLDR date pattern shows, outside its quoted literals ('de', 'года'): 'd' the
    day, 'M' the month (M or L), 'y' the year."""
    fields = re.sub(r"'[^']*'", "", pattern).replace("L", "M")
    return {field for field in "dMy" if field in fields}


def _whole_date(pattern: str) -> bool:
    """Whether a CLDR date pattern shows a day (d), a month (M or L) and a year (y)."""
    return _date_fields(pattern) == {"d", "M", "y"}


# Keys a language file may give that the English file has no need of (its masthead and lists are
# the code's: i18n/style.py), and the maps whose keys are names (organs, authors, count nouns).
LANGUAGE_ONLY_KEYS = {("dates", "pattern_shared_year"), ("dates", "pattern_shared_month"), ("dates", "masthead_locale"),
                      ("dates", "months"), ("lists", "last_before_i"), ("lists", "order"), ("lists", "ignore_prefixes"),
                      ("strings", "session_dates"), ("strings", "session_year")}
NAME_MAPS = {("strings", "authors"), ("strings", "organs"), ("strings", "counted", "nouns"), ("numbering", "names")}

# The shortened patterns of a range's first day (localized.session_dates): the fields each shows.
SHARED_PATTERNS = {"pattern_shared_year": ({"d", "M"}, "the day and the month, like 'd MMMM'"),
                   "pattern_shared_month": ({"d"}, "the day alone, like 'd'")}


def _kind(value: Any) -> str:
    """What a language file's value is, in a drafter's words."""
    for kind, name in ((dict, "a mapping"), (list, "a list"), (str, "a text")):
        if isinstance(value, kind):
            return name
    return f"a {type(value).__name__}"


def _english_shape(path: Path) -> dict | None:
    """The original's language file beside this one (None for the original itself, or when it
    cannot be read: its own problems are reported on its own)."""
    original = path.with_name(f"{ORIGINAL}.yaml")
    if path.name == original.name or not original.is_file():
        return None
    try:
        raw = load_yaml(original, path.parent.parent)
    except InputError:
        return None
    return raw if isinstance(raw, dict) else None


@lru_cache(maxsize=8)
def _languages(folder: Path, stamp: tuple[tuple[str, float], ...]) -> dict[str, Language]:
    return {path.stem: load_language(path) for path in sorted(folder.glob("*.yaml"))}


def languages(data_dir: Path) -> dict[str, Language]:
    """Every language of the data folder, by code (read once while the files are unchanged)."""
    folder = languages_dir(data_dir)
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return _languages(folder, tuple((p.name, p.stat().st_mtime) for p in files))


def language(data_dir: Path, code: str) -> Language:
    found = languages(data_dir)
    if code not in found:
        raise InputError([Problem(Location(display_path(languages_dir(data_dir))), "error",
                                  f"no language '{code}': the languages are {', '.join(sorted(found)) or 'none'}")])
    return found[code]
