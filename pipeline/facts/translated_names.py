"""State names in the six languages: data/reference/state-names.csv, keyed by the English UN
short name (current and past names both: a report finds the English name in force on its
date, then that name's translation)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from pipeline.facts.names import State
from pipeline.inputs.problems import Location, Problem

STATE_NAMES_FILE = "state-names.csv"
LANGUAGE_COLUMNS = ("fr", "es", "ru", "zh", "ar")
# The script each column's names are written in: every letter of a name must be of it (the
# start of the letter's Unicode name); Latin in the Russian column is a slip of the keyboard.
SCRIPTS = {"en": ("LATIN", "Latin"), "fr": ("LATIN", "Latin"), "es": ("LATIN", "Latin"),
           "ru": ("CYRILLIC", "Cyrillic"), "zh": ("CJK", "Chinese"), "ar": ("ARABIC", "Arabic")}
MARKDOWN = "*_[]`#"  # would print as markup, or vanish, in a report's text


@dataclass(frozen=True)
class TranslatedName:
    name: str
    verified: bool  # False: not from an official UN list (validation warns on each use)
    where: Location  # the row of the CSV file


@dataclass
class TranslatedNames:
    """English UN short name -> language -> its name in that language."""

    names: dict[str, dict[str, TranslatedName]] = field(default_factory=dict)
    rows: dict[str, Location] = field(default_factory=dict)  # English name -> its row of the CSV file

    def lookup(self, english: str, language: str) -> TranslatedName | None:
        if language == "en":
            return TranslatedName(english, True, Location(""))
        return self.names.get(english, {}).get(language)

    def translate(self, state: State, language: str) -> State:
        """The State as a version in `language` names it (the English name when none is known;
        validation has said so already)."""
        found = self.lookup(state.name, language)
        return state if found is None else State(state.identity, found.name, state.name)


def read_translated_names(rows: list[dict]) -> tuple[TranslatedNames, list[Problem]]:
    """The rows of state-names.csv (as load_csv gives them, each with its location), and the
    problems of rows that name a State a second time (the first row stands)."""
    names = TranslatedNames()
    problems: list[Problem] = []
    for row in rows:
        english = row.get("en", "")
        if english in names.names:
            problems.append(Problem(row.location, "error", f"'{english}' has a row already; keep one row per State"))
            continue
        problems += [Problem(row.location, "error", message) for code in ("en",) + LANGUAGE_COLUMNS
                     if (message := name_problem(row.get(code) or "", code))]
        unverified = set((row.get("unverified") or "").split())
        names.rows[english] = row.location
        names.names[english] = {code: TranslatedName(row[code], code not in unverified, row.location)
                                for code in LANGUAGE_COLUMNS if row.get(code)}
    return names, problems


def name_problem(name: str, column: str) -> str | None:
    """What is wrong with a name in a column of state-names.csv: markup characters, or a
    letter of another script than the column's language; None when nothing is."""
    markup = sorted({c for c in name if c in MARKDOWN})
    if markup:
        shown = " ".join(f"'{c}'" for c in markup)
        return f"column '{column}': '{name}' has {shown}, which a report would print as markup; remove it"
    prefix, script = SCRIPTS[column]
    foreign = [c for c in name if unicodedata.category(c).startswith("L") and
               not unicodedata.name(c, "").startswith(prefix)]
    if foreign:
        return (f"column '{column}': '{name}' has '{foreign[0]}' ({unicodedata.name(foreign[0], 'unnamed')}), a letter "
                f"that is not {script}; write the name in the {script} script (a name pasted into the wrong column?)")
    return None
