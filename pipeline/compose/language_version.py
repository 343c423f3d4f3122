"""A language version of an edition: the original's blocks with the translation's texts
(matched by block id), the facts named and sorted in the language, and its filters.

Blocks the translation lacks (or whose original has no id) print the language's "translation
pending" line under their number, so that paragraph numbers stay the same in every version;
validation warns about them in a draft and refuses them in a final version.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from pipeline.compose.sandbox import language_environment, marked_states
from pipeline.facts.edition import EditionFacts
from pipeline.facts.names import State
from pipeline.facts.committee import SeatedMember
from pipeline.facts.treaty import TreatyStatus
from pipeline.facts.translated_names import TranslatedNames
from pipeline.i18n.languages import Language
from pipeline.i18n.localized import LanguageStyle, style_of
from pipeline.model.blocks import HeadingBlock, ParagraphBlock, TableSpec
from pipeline.model.edition import Edition
from pipeline.model.translation import Translation


@dataclass(frozen=True)
class Version:
    """What the templates need of the version being written."""

    language: Language
    style: LanguageStyle
    translation: Translation | None  # None for the original

    @property
    def code(self) -> str:
        return self.language.code

    @property
    def is_original(self) -> bool:
        return self.translation is None

    def job_number(self, edition: Edition) -> str | None:
        return edition.job_number if self.translation is None else self.translation.job_number


def original_version(language: Language) -> Version:
    return Version(language, style_of(language), None)


def translated_version(language: Language, translation: Translation) -> Version:
    return Version(language, style_of(language), translation)


def translated_edition(edition: Edition, version: Version) -> Edition:
    """The edition with each block's text in the version's language."""
    translation = version.translation
    if translation is None:
        return edition
    pending = version.language.text("missing_translation")
    texts = {key: block.text for key, block in translation.translations.items()}

    def block(b: Any) -> Any:
        if isinstance(b, ParagraphBlock):
            return b.model_copy(update={"paragraph": texts.get(b.id or "", pending), "items": None, "bullets": None})
        if isinstance(b, HeadingBlock):
            level = b.level.replace("-", "_")
            return b.model_copy(update={level: texts.get(b.id or "", pending)})
        return b

    annexes = [a.model_copy(update={"body": [block(b) for b in a.body]}) for a in edition.annexes]
    agenda = edition.agenda
    if agenda is not None and translation.agenda_title:
        titles = translation.agenda_title
        titles = titles if isinstance(titles, list) else [titles]
        translated = [item.model_copy(update={"title": title}) for item, title in zip(edition.agenda_items, titles)]
        agenda = translated if isinstance(agenda, list) else translated[0]
    return edition.model_copy(update={
        "body": [block(b) for b in edition.body],
        "summary": [block(b) for b in edition.summary],
        "annexes": annexes,
        "agenda": agenda,
        "masthead_notes": [],
        "job_number": translation.job_number,
    })


def translated_tables(tables: dict[str, TableSpec], version: Version) -> dict[str, TableSpec]:
    """The series' named tables with their column headings in the version's language."""
    if version.translation is None:
        return tables
    result = {}
    for name, spec in tables.items():
        given = version.translation.tables.get(name)
        if given is None:
            result[name] = spec
            continue
        columns = [column.model_copy(update={"text": text}) for column, text in zip(spec.columns, given.columns)]
        result[name] = spec.model_copy(update={"columns": columns + list(spec.columns[len(columns):])})
    return result


def localized_facts(facts: EditionFacts, names: TranslatedNames, version: Version,
                    edition: Edition) -> EditionFacts:
    """The facts named in the version's language and sorted in its alphabetical order."""
    if version.translation is None:
        return facts
    code, sort = version.code, version.style.sorted_states

    def states(values: list[State]) -> list[State]:
        return sort([names.translate(s, code) for s in values])

    status = TreatyStatus(facts.status.as_at, states(facts.status.parties), states(facts.status.signatories))
    members = [dataclasses.replace(m, nationality=names.translate(m.nationality, code)) for m in facts.members]
    changes = facts.changes
    if changes is not None:
        changes = dataclasses.replace(changes, **{
            f.name: states(getattr(changes, f.name)) for f in dataclasses.fields(changes)
            if getattr(changes, f.name) and isinstance(getattr(changes, f.name)[0], State)})
    return dataclasses.replace(facts, edition=edition, status=status, members=members, changes=changes)


def version_filters(version: Version) -> dict[str, Any]:
    """The paragraph filters in the version's language; `states` sorts with its collator."""
    style = version.style

    def states(values: list[State]) -> str:
        return marked_states((s.name for s in style.sorted_states(list(values))), style.join_list)

    return {**style.filters, "states": states}


_ENVIRONMENTS: dict[str, Any] = {}


def version_environment(version: Version) -> Any:
    """The paragraph sandbox of a translated version (None for the original: its own)."""
    if version.translation is None:
        return None
    key = f"{version.code}:{id(version.language)}"
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS[key] = language_environment(version_filters(version))
    return _ENVIRONMENTS[key]


__all__ = ["Version", "original_version", "translated_version", "translated_edition", "translated_tables",
           "localized_facts", "version_environment", "SeatedMember"]
