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

from pipeline.compose.blocks import cell_without_words
from pipeline.compose.sandbox import language_environment, marked_states
from pipeline.facts.edition import EditionFacts
from pipeline.facts.names import State
from pipeline.facts.committee import SeatedMember
from pipeline.facts.treaty import StateRecord, TreatyStatus
from pipeline.facts.translated_names import TranslatedNames
from pipeline.i18n.labels import Labels
from pipeline.i18n.languages import Language
from pipeline.i18n.localized import LanguageStyle, style_of
from pipeline.model.blocks import DRAFT_KEYS, HEADING_KEYS, DraftBlock, FigureBlock, HeadingBlock, ParagraphBlock, TableBlock, TableSpec
from pipeline.model.edition import UNNUMBERED_PARTS, Edition
from pipeline.model.translation import Translation

Path = tuple  # a path into an edition's or a translation's data


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

    def prints_its_language(self, original_languages: list[str]) -> bool:
        """Whether the masthead names this version's language over "Original: ...": a version
        in another language than the original's ("English" over "Original: French")."""
        return self.language.name not in original_languages

    @property
    def labels(self) -> Labels:
        """The words of its numbering and cross-references."""
        return Labels(self.language)

    def job_number(self, edition: Edition) -> str | None:
        return edition.job_number if self.translation is None else self.translation.job_number


def original_version(language: Language) -> Version:
    return Version(language, style_of(language), None)


def translated_version(language: Language, translation: Translation) -> Version:
    return Version(language, style_of(language), translation)


FIGURE_TEXTS = ("title", "description", "source")  # what a language version translates of a figure


def table_text_sources(spec: TableSpec, key: str, at: Path = ()) -> dict[Path, Path]:
    """Where a table's texts stand in a translation file (under `tables: <key>:`), by their path
    under `at`."""
    found: dict[Path, Path] = {at + ("columns", index): ("tables", key, "columns", index)
                               for index in range(len(spec.columns))}
    group, heading = -1, None
    for index, column in enumerate(spec.columns):  # a group heading, once for all its columns
        if column.group is not None and column.group != heading:
            group += 1
        heading = column.group
        if column.group is not None:
            found[at + ("columns", index, "group")] = ("tables", key, "groups", group)
    if spec.title:
        found[at + ("title",)] = ("tables", key, "title")
    for r, row in enumerate(spec.rows or []):
        found.update({at + ("rows", r, c): ("tables", key, "rows", r, c) for c, cell in enumerate(row)
                      if not cell_without_words(cell)})
    found.update({at + ("notes", label): ("tables", key, "notes", label) for label in spec.notes})
    if spec.source:
        found[at + ("source",)] = ("tables", key, "source")
    return found


def text_sources(edition: Edition, tables: dict[str, TableSpec]) -> dict[Path, Path]:
    """Where each translatable text of an edition stands in a translation file, by its data
    path in the edition: a paragraph's, heading's, list item's or annex title's text under
    `translations: <id>: text` (a masthead note's too), a table's title, columns, rows, notes
    and source under `tables: <name or id>:`, a figure's title, description and source under
    `figures: <id>:`, a footnote under `footnotes: <label>: text`."""
    found: dict[Path, Path] = {("masthead_notes", index, "text"): ("translations", note.id, "text")
                               for index, note in enumerate(edition.masthead_notes) if note.id}

    def items(holder: Any, at: Path) -> None:
        for key in ("items", "bullets"):
            for index, item in enumerate(getattr(holder, key) or []):
                where = at + (key, index)
                if item.id:
                    found[where + ("text",)] = ("translations", item.id, "text")
                items(item, where)

    def blocks(values: list, at: Path) -> None:
        for index, block in enumerate(values):
            where = at + (index,)
            if isinstance(block, ParagraphBlock):
                if block.id:
                    found[where + ("paragraph",)] = ("translations", block.id, "text")
                items(block, where)
            elif isinstance(block, HeadingBlock) and block.id:
                found[where + (block.key,)] = ("translations", block.id, "text")
            elif isinstance(block, TableBlock):
                spec = block.spec(tables)
                if spec is not None and block.name:
                    found.update(table_text_sources(spec, block.name, where + ("table",)))
            elif isinstance(block, FigureBlock) and block.figure.id:
                found.update({where + ("figure", text): ("figures", block.figure.id, text)
                              for text in FIGURE_TEXTS if getattr(block.figure, text)})
            elif isinstance(block, DraftBlock):
                draft = where + (block.key,)
                if block.id and block.spec.title:
                    found[draft + ("title",)] = ("translations", block.id, "text")
                blocks(list(block.spec.preamble), draft + ("preamble",))
                blocks(list(block.spec.body), draft + ("body",))

    for key in UNNUMBERED_PARTS + ("body",):
        blocks(getattr(edition, key), (key,))
    for index, annex in enumerate(edition.annexes):
        if annex.id:
            found[("annexes", index, "title")] = ("translations", annex.id, "text")
        blocks(annex.body, ("annexes", index, "body"))
    for label in edition.footnotes:
        found[("footnotes", label)] = ("footnotes", label, "text")
    return found


def given_text(translation: Translation, path: Path) -> str | None:
    """The translation's text at a translation-file path (None where it gives none)."""
    kind, key, *rest = path
    if kind == "translations":
        block = translation.translations.get(key)
        return block.text if block else None
    if kind == "footnotes":
        note = translation.footnotes.get(key)
        return note.text if note else None
    if kind == "figures":
        figure = translation.figures.get(key)
        return getattr(figure, rest[0]) if figure else None
    table = translation.tables.get(key)
    if table is None:
        return None
    if rest[0] in ("columns", "groups"):
        given = table.columns if rest[0] == "columns" else table.groups
        return given[rest[1]] if rest[1] < len(given) else None
    if rest[0] == "notes":
        return table.notes.get(rest[1])
    if rest[0] == "rows":
        row = table.rows[rest[1]] if rest[1] < len(table.rows) else []
        return row[rest[2]] if rest[2] < len(row) else None
    return getattr(table, rest[0])


def _put(data: Any, path: Path, value: str) -> None:
    for step in path[:-1]:
        data = data[step]
    last = path[-1]
    if isinstance(data, list) and isinstance(data[last], dict):  # a column given as {text, align}
        data[last]["text"] = value
    else:
        data[last] = value


def _translated(data: dict, sources: dict[Path, Path], translation: Translation, pending: str) -> dict:
    """`data` (an edition's or a table's dumped model) with each text the translation gives,
    and the 'translation pending' line for each it lacks."""
    for path, source in sources.items():
        _put(data, path, given_text(translation, source) or pending)
    return data


def _pending_without_id(data: dict, pending: str) -> None:
    """The 'translation pending' line for each text no translation can give: a block, list
    item, annex, table or masthead note without an id (validation names each)."""

    def items(holder: dict) -> None:
        for item in holder.get("items", []) + holder.get("bullets", []):
            if not item.get("id"):
                item["text"] = pending
            items(item)

    def blocks(values: list) -> None:
        for block in values:
            if "paragraph" in block:
                if not block.get("id"):
                    block["paragraph"] = pending
                items(block)
            elif "figure" in block:
                if not block["figure"].get("id"):
                    block["figure"].update({key: pending for key in FIGURE_TEXTS if key in block["figure"]})
            elif "table" in block:
                spec = block["table"]
                if isinstance(spec, dict) and not spec.get("id"):
                    spec.update({key: pending for key in ("title", "source") if key in spec})
                    spec["notes"] = {label: pending for label in spec.get("notes", {})}
                    for column in spec["columns"]:
                        column.update({key: pending for key in ("text", "group") if key in column})
                    spec["rows"] = [[cell if cell_without_words(cell) else pending for cell in row]
                                    for row in spec.get("rows", [])] or None
            elif any(key in block for key in DRAFT_KEYS):
                spec = block[next(key for key in DRAFT_KEYS if key in block)]
                if spec.get("title") and not spec.get("id"):
                    spec["title"] = pending
                blocks(spec.get("preamble", []))
                blocks(spec["body"])
            elif not block.get("id"):
                key = next(key for key in HEADING_KEYS if key in block)
                block[key] = pending

    for note in data["masthead_notes"]:
        if not note.get("id"):
            note["text"] = pending
    for key in UNNUMBERED_PARTS + ("body",):
        blocks(data[key])
    for annex in data.get("annexes", []):
        if not annex.get("id"):
            annex["title"] = pending
        blocks(annex["body"])


def translated_edition(edition: Edition, version: Version) -> Edition:
    """The edition with each text in the version's language: the translation's text for each
    block, list item, annex title, table text and footnote, by id; the language's 'translation
    pending' line for each it lacks (so numbers stay the same in every version)."""
    translation = version.translation
    if translation is None:
        return edition
    pending = version.language.text("missing_translation")
    data = _translated(edition.model_dump(exclude_none=True), text_sources(edition, {}), translation, pending)
    _pending_without_id(data, pending)
    data["job_number"] = translation.job_number
    if data.get("agenda") is not None and translation.agenda_title:
        titles = translation.agenda_title if isinstance(translation.agenda_title, list) else [translation.agenda_title]
        items = data["agenda"] if isinstance(data["agenda"], list) else [data["agenda"]]
        for item, title in zip(items, titles):  # validation makes sure there is one title per item
            item["title"] = title
    return Edition.model_validate(data)


def translated_tables(tables: dict[str, TableSpec], version: Version) -> dict[str, TableSpec]:
    """The series' named tables with their texts (title, column headings, notes, source) in
    the version's language."""
    if version.translation is None:
        return tables
    pending = version.language.text("missing_translation")
    result = {}
    for name, spec in tables.items():
        if name not in version.translation.tables:
            result[name] = spec
            continue
        result[name] = TableSpec.model_validate(_translated(spec.model_dump(exclude_none=True),
                                                            table_text_sources(spec, name), version.translation,
                                                            pending))
    return result


def localized_facts(facts: EditionFacts, names: TranslatedNames, version: Version,
                    edition: Edition) -> EditionFacts:
    """The facts named in the version's language and sorted in its alphabetical order."""
    if version.translation is None:
        return facts
    code, sort = version.code, version.style.sorted_states

    def states(values: list[State]) -> list[State]:
        return sort([names.translate(s, code) for s in values])

    def records(values: list[StateRecord]) -> list[StateRecord]:
        """A status table's rows (`rows_from: states`), each State named in the language."""
        named = [(dataclasses.replace(r, name=names.translate(State(r.identity, r.name), code).name), r.name)
                 for r in values]
        ordered = sort([State(str(i), record.name, english) for i, (record, english) in enumerate(named)])
        return [named[int(s.identity)][0] for s in ordered]

    status = facts.status
    if status is not None:  # a series without a treaty has no status to name
        status = TreatyStatus(status.as_at, states(status.parties), states(status.signatories),
                              records(status.states))
    members = facts.members
    if members is not None:  # nor, without a committee, members
        members = [dataclasses.replace(m, nationality=names.translate(m.nationality, code)) for m in members]
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
