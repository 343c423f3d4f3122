"""The six official languages as data: data/languages/<code>.yaml holds each language's
boilerplate strings (masthead, headings, labels), its date pattern, number and list rules,
and where each string was checked. The templates print these strings; no template keeps an
English word of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.inputs.layout import languages_dir
from pipeline.inputs.problems import InputError, Location, Problem, display_path
from pipeline.inputs.sources import load_yaml, locate

ORIGINAL = "en"  # every edition is written in English; the other languages translate it
LANGUAGE_ORDER = ("en", "fr", "es", "ru", "zh", "ar")  # English, then as the UN lists its versions here
REQUIRED_STRINGS = ("organization", "organs", "authors", "distribution", "version_language", "original",
                    "language_names", "session", "agenda_item_provisional", "agenda_item", "agenda_label",
                    "summary", "contents", "paragraphs", "page", "annex", "annex_original", "table",
                    "source", "draft", "missing_translation")


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
    unverified: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    def text(self, key: str, **values: Any) -> str:
        """A boilerplate string with its {placeholders} filled in."""
        template = self.strings[key]
        return template.format(**values) if values else template

    def lookup(self, key: str, name: str) -> str:
        """A string from one of the string maps (organs, authors, distribution, language names);
        a name the map lacks is printed as it is written in the edition."""
        return self.strings.get(key, {}).get(name, name)


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
    letters = raw.get("letters", "latin")
    return Language(raw["code"], raw["name"], raw["letter"], raw["locale"], raw["direction"], raw["strings"],
                    raw["dates"], raw["numbers"], raw["lists"], raw["subparagraphs"],
                    tuple(letters) if isinstance(letters, list) else letters,
                    tuple(raw.get("unverified") or ()), dict(raw.get("sources") or {}), path)


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
