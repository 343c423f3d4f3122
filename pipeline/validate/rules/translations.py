"""Language versions kept in step with their original (data/sessions/<n>/<series>.<lang>.yaml).

- A translated block names a block of the original by its id; an unknown id is an error.
- Each translated block records the hash of the original text it translates: when the
  original changes afterwards, the block is stale, and validation warns for each language,
  at the block's line in the translation file, naming the paragraph.
- A block of the original that a language version lacks is a warning while the edition is a
  draft and an error once it has its symbol (a final version must be complete).
- Each language version's texts compose in its language (expressions, inline markup, the
  characters its fonts print), each problem at the line of the translated text.
- A State name that is not from an official UN list (marked in state-names.csv) is a warning
  on each use in a language version; a State with no name in the language is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from pipeline.compose.blocks import EXPRESSION_ERRORS, ComposeError, Composer, drafted_texts
from pipeline.compose.inline import InlineContext, NoteMarks, TableNotes, markup
from pipeline.compose.language_version import (given_text, localized_facts, text_sources, translated_edition, translated_tables,
                                               translated_version, version_environment)
from pipeline.compose.numbering import Numbers, number_edition
from pipeline.compose.sandbox import render_paragraph_text
from pipeline.i18n.scripts import script_mismatch
from pipeline.i18n.fonts import glyph_message, missing_glyphs
from pipeline.facts.edition import EditionFacts, edition_facts, facts_ready
from pipeline.i18n.languages import ORIGINAL, Language, languages, load_language
from pipeline.inputs.layout import languages_dir, translation_language
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.problems import InputError, Location, Problem, did_you_mean, display_path
from pipeline.inputs.figures import unread_picture
from pipeline.model.blocks import DRAFT_KEYS, FigureBlock, HeadingBlock, ParagraphBlock, TableBlock, TableSpec
from pipeline.model.edition import PRINTED_TITLES, UNNUMBERED_PARTS, Edition
from pipeline.model.translation import Translation, source_hash
from pipeline.validate.rules import Problems, at, at_key, error, until_final, warning
from pipeline.inputs.sources import find_in_value
from pipeline.validate.rules.blocks import table_too_wide
from pipeline.validate.rules.edition import job_letter_problems, plain_title_problems
from pipeline.validate.rules.glyphs import title_glyph_problems
from pipeline.validate.rules.paragraphs import FOOTNOTE_CALL, expression_problem


def translatable_blocks(edition: Edition) -> list[tuple[tuple[Any, ...], Any]]:
    """The blocks of the original a translation gives the text of: paragraphs and headings of
    the summary, the body and the annexes, with their data paths."""
    return [(at_path + (index,), block) for at_path, blocks in edition.block_lists()
            for index, block in enumerate(blocks) if isinstance(block, (ParagraphBlock, HeadingBlock))]


def _shown(edition: Edition, path: tuple[Any, ...], block: Any, numbers: Numbers | None) -> str:
    """'paragraph 2 (entry-into-force)', 'the heading (introduction)', 'summary paragraph 1'."""
    name = f" ({block.id})" if block.id else ""
    if isinstance(block, _Text):
        return f"the {block.kind}{name}"
    if isinstance(block, HeadingBlock):
        return f"the {block.level} heading{name}"
    number = numbers.paragraphs.get(path) if numbers else None
    if path[0] == "summary":
        return f"summary paragraph {path[1] + 1}{name}"
    if len(path) >= 3 and path[-3] in DRAFT_KEYS:
        kind, numeral = DRAFT_KEYS[path[-3]], numbers.drafts.get(path[:-3], "") if numbers else ""
        draft = f"draft {kind} {numeral}" if numeral else f"the draft {kind}"
        return f"paragraph {number} of {draft}{name}" if number else f"an unnumbered paragraph of {draft}{name}"
    if path[0] == "annexes":
        return f"paragraph {number} of annex {path[1] + 1}{name}" if number else f"an unnumbered annex paragraph{name}"
    return f"paragraph {number}{name}" if number else f"an unnumbered paragraph{name}"


def check_translations(inputs: Inputs, sourced: Sourced) -> Problems:
    """Each language version of an edition against its original: ids, hashes, completeness."""
    edition: Edition = sourced.model
    versions = inputs.translations.get(sourced.path, [])
    if not versions:
        return
    try:
        known = languages(inputs.data_dir)
    except InputError as exc:
        yield from exc.problems
        return
    series = inputs.series.get(edition.series)
    if series is None and edition.series in inputs.unreadable:
        return  # the series file's own errors say what is wrong; its tables are not known
    tables = series.model.tables if series is not None else {}
    try:
        numbers = number_edition(edition, tables)
    except Exception:  # noqa: BLE001 -- the block rules report a numbering that cannot be made
        numbers = None
    blocks = translatable_blocks(edition)
    by_id: dict[str, tuple[tuple[Any, ...], Any]] = {block.id: (path, block) for path, block in blocks if block.id}
    by_id.update(_other_texts(edition))
    original = _Original(by_id, blocks, numbers,
                         {**tables, **{spec.id: spec for spec in _edition_tables(edition) if spec.id}})
    for translated in versions:
        yield from _check_version(inputs, sourced, translated, known, original)
        if translated.model.status == "official" and translated.model.source is None:
            yield error(at(translated, "status"),
                        "an official version is the UN's own text: say where it comes from in 'source:' (the "
                        "document's address or symbol), or write 'status: unofficial' for a translation of our own")


@dataclass(frozen=True)
class _Text:
    """A text translated by id that is not a block: a list item's, an annex's title."""

    id: str
    text: str
    kind: str


def _other_texts(edition: Edition) -> dict[str, tuple[tuple[Any, ...], _Text]]:
    """The list items, annex titles and masthead notes a translation gives by id, with their
    data paths."""
    found: dict[str, tuple[tuple[Any, ...], _Text]] = {}

    def items(holder: Any, at: tuple[Any, ...]) -> None:
        for key in ("items", "bullets"):
            for index, item in enumerate(getattr(holder, key) or []):
                if item.id:
                    found[item.id] = (at + (key, index), _Text(item.id, item.text, "list item"))
                items(item, at + (key, index))

    for path, block in translatable_blocks(edition):
        if isinstance(block, ParagraphBlock):
            items(block, path)
    for index, annex in enumerate(edition.annexes):
        if annex.id:
            found[annex.id] = (("annexes", index), _Text(annex.id, annex.title, "annex title"))
    for path, draft in edition.drafts():
        if draft.id and draft.spec.title:
            found[draft.id] = (path, _Text(draft.id, draft.spec.title, f"draft {draft.kind}'s title"))
    for index, note in enumerate(edition.masthead_notes):
        if note.id:
            found[note.id] = (("masthead_notes", index), _Text(note.id, note.text, "masthead note"))
    return found


def _edition_blocks(edition: Edition) -> list:
    """The blocks of an edition's body and annexes (and of their drafts)."""
    return [b for at_path, blocks in edition.block_lists() if at_path[0] not in UNNUMBERED_PARTS for b in blocks]


def _edition_tables(edition: Edition) -> list[TableSpec]:
    """The tables an edition writes out itself (not the series' named ones)."""
    return [b.table for b in _edition_blocks(edition) if isinstance(b, TableBlock) and not isinstance(b.table, str)]


@dataclass(frozen=True)
class _Version:
    """One language version being checked against its original, and its language."""

    sourced: Sourced     # the original edition
    translated: Sourced  # the language version's file
    language: Language   # from data/languages/<code>.yaml

    @property
    def edition(self) -> Edition:
        return self.sourced.model

    @property
    def version(self) -> Translation:
        return self.translated.model

    @property
    def name(self) -> str:
        """The language's English name: 'French'."""
        return self.language.name

    @property
    def until_final(self) -> Callable[[Location, str], Problem]:
        """A warning while the edition is a draft, an error once it is final."""
        return until_final(self.edition.is_draft)


@dataclass(frozen=True)
class _Original:
    """What each language version of an edition is checked against, found once for them all."""

    by_id: dict[str, tuple[tuple[Any, ...], Any]]  # id -> (data path, block or _Text) of each text translated by id
    blocks: list[tuple[tuple[Any, ...], Any]]      # the paragraphs and headings, with their data paths
    numbers: Numbers | None                        # None when the edition cannot be numbered
    tables: dict[str, TableSpec]                   # the series' named tables and the edition's own, by id


def _check_version(inputs: Inputs, sourced: Sourced, translated: Sourced, known: dict[str, Language],
                   original: _Original) -> Problems:
    """One language version against its original: what it is, then each part of it in turn."""
    wrong = _identity_problem(translated, known)
    if wrong is not None:
        yield wrong
        return
    v = _Version(sourced, translated, known[translated.model.language])
    yield from _check_job_number(v)
    yield from _check_language_strings(inputs, v)
    yield from _check_titles(v)
    yield from _check_title_hash(v, inputs)
    yield from title_glyph_problems(translated, v.language.code)
    yield from _check_agenda_titles(v)
    yield from _check_blocks(v, original)
    yield from _check_missing(v, original)
    yield from _check_tables(v, original)
    yield from _check_figures_and_notes(v)
    yield from _check_untranslated(v, original)


def _identity_problem(translated: Sourced, known: dict[str, Language]) -> Problem | None:
    """The version's language is the one its file name says, and a language of a translation."""
    code = translation_language(translated.path)
    if code == ORIGINAL or code not in known:  # the file's name first: its 'language:' follows it
        others = sorted(c for c in known if c != ORIGINAL)
        return error(at(translated, "language"), f"'{code}' (in the file's name) is not a language of a translation"
                                                  f"{did_you_mean(code, others)}; the languages are {', '.join(others)}: "
                                                  "rename the file")
    if translated.model.language != code:
        return error(at(translated, "language"), f"language '{translated.model.language}' is not the one the file's "
                                                  f"name says ('{code}'); write language: {code}")
    return None


def _check_job_number(v: _Version) -> Problems:
    """A version's job number carries its language's letter (when it carries a letter at all)."""
    yield from job_letter_problems(v.translated, v.name, v.language.letter)


def _check_language_strings(inputs: Inputs, v: _Version) -> Problems:
    """What the language file lacks for this masthead: told at the file, a warning in a draft."""
    language_file = Location(display_path(languages_dir(inputs.data_dir) / f"{v.language.code}.yaml"), 1, 1)
    edition, strings, shown = v.edition, v.language.strings, display_path(v.sourced.path)
    series = inputs.series.get(edition.series)
    author = series.model.author if series is not None and not edition.author else None  # its own: translated
    # (group of strings, the name it must hold, what prints in English without it, what to add)
    named = [("authors", author, "its author line", "form")] if author else []
    named += [("organs", name, "it", "name") for name in _printed_organs(inputs, edition)]
    for group, name, prints, noun in named:
        if name not in (strings.get(group) or {}):
            yield v.until_final(language_file, f"this file names no '{name}' under strings.{group}, so the {v.name} "
                                               f"version of {shown} would print {prints} in English; add its "
                                               f"{v.name} {noun} there")
    for key, what in _printed_session_forms(inputs, edition):
        if key not in strings:
            yield v.until_final(language_file, f"this file gives no 'strings.{key}', the {v.name} form of {what}, so "
                                               f"the {v.name} version of {shown} cannot be built; add it from a UN "
                                               f"document in {v.name} (with its source)")


def _check_agenda_titles(v: _Version) -> Problems:
    """One translated agenda title for each agenda item of the edition."""
    if v.version.agenda_title is None:
        return
    titles = v.version.agenda_title if isinstance(v.version.agenda_title, list) else [v.version.agenda_title]
    items = len(v.edition.agenda_items)
    if len(titles) != items:
        yield error(at(v.translated, "agenda_title"),
                    f"{len(titles)} agenda title(s) for an edition issued under {items} agenda item(s); "
                    + ("give one title for each item, as a list, in the order of the English" if items
                       else "the English edition names no agenda item: delete 'agenda_title'"))
    for index, title in enumerate(titles):
        path = ("agenda_title", index) if isinstance(v.version.agenda_title, list) else "agenda_title"
        yield from plain_title_problems(v.translated, path, "the agenda item's title", title or "")


def _check_blocks(v: _Version, original: _Original) -> Problems:
    """Each translated text names a text of the original, calls its footnotes, is translated
    (not the English itself, in the language's script) and is current."""
    edition, translated = v.edition, v.translated
    for key, block in v.version.translations.items():
        if key not in original.by_id:
            yield error(at_key(translated, "translations", key),
                        f"no block of {display_path(v.sourced.path)} has the id '{key}'"
                        f"{did_you_mean(key, original.by_id)}")
            continue
        path, english = original.by_id[key]
        shown = _shown(edition, path, english, original.numbers)
        called, called_in_english = set(FOOTNOTE_CALL.findall(block.text)), set(FOOTNOTE_CALL.findall(english.text))
        for label in sorted(called - called_in_english):
            yield error(at(translated, "translations", key, "text"),
                        f"the {v.name} text of {shown} calls footnote [^{label}], which the English text does "
                        f"not call; call the notes the English text calls"
                        f" ({', '.join('[^' + n + ']' for n in sorted(called_in_english)) or 'none'})")
        if block.text.strip() == english.text.strip():
            yield warning(at(translated, "translations", key, "text"),
                          f"the {v.name} text of {shown} is the English text itself; translate it")
        elif (letters := script_mismatch(block.text, v.language.script)) is not None:
            yield warning(at(translated, "translations", key, "text"), f"the {v.name} text of {shown} {letters}")
        now = source_hash(english.text)
        if block.source_hash != now:  # a final version prints current translations only
            yield v.until_final(at(translated, "translations", key, "source_hash"),
                                f"{shown} is stale in the {v.name} version: the English text changed since it "
                                f"was translated (source_hash {block.source_hash}, the English text's is now {now}); "
                                "update the translation, then its source_hash"
                                + ("" if edition.is_draft else " (a final version needs every translation current)"))
        elif block.stale:
            yield warning(at(translated, "translations", key, "stale"),
                          f"{shown} is marked stale in the {v.name} version; check the translation, then "
                          f"delete 'stale: true'")


def _check_missing(v: _Version, original: _Original) -> Problems:
    """Each paragraph and heading of the original is translated (and so has an id)."""
    edition, translated = v.edition, v.translated
    for path, block in original.blocks:
        if block.id and block.id in v.version.translations:
            continue
        shown = _shown(edition, path, block, original.numbers)
        if not block.id:
            yield v.until_final(at(v.sourced, *path), f"{shown} has no id, so the {v.name} version cannot translate "
                                                      f"it; give the block an 'id:'")
        else:
            yield v.until_final(at_key(translated, "translations") if "translations" in translated.raw else at(translated),
                                f"{shown} is not translated in the {v.name} version"
                                + ("" if edition.is_draft else " (a final version needs every block)"))


def _check_tables(v: _Version, original: _Original) -> Problems:
    """A translated table is one the edition shows, with no more headings or rows than it has,
    and fits the page."""
    edition, translated, tables = v.edition, v.translated, original.tables
    for name, given in v.version.tables.items():
        if name not in tables:
            yield error(at_key(translated, "tables", name), f"no table named '{name}' in series '{edition.series}', "
                                                            "nor a table of the edition with that id"
                                                            f"{did_you_mean(name, tables)}")
        elif given.columns and len(given.columns) != len(tables[name].columns):
            yield error(at(translated, "tables", name, "columns"),
                        f"{len(given.columns)} column heading(s) for a table of {len(tables[name].columns)} columns")
        elif len(given.groups) > len(groups := [g for g, _ in tables[name].column_groups if g is not None]):
            yield error(at(translated, "tables", name, "groups"),
                        f"{len(given.groups)} group heading(s) for a table of {len(groups)} group(s) of columns")
        elif len(given.rows) > len(tables[name].rows or []):
            yield error(at(translated, "tables", name, "rows"),
                        f"{len(given.rows)} row(s) for a table of {len(tables[name].rows or [])} written-out rows")
        elif given.columns and (too_wide := table_too_wide(given.columns, edition.place,
                                                           f"the {v.name} table '{name}'")):
            yield error(at(translated, "tables", name, "columns"), too_wide)


def _check_figures_and_notes(v: _Version) -> Problems:
    """Translated figures and footnotes are the edition's own; a footnote's translation is current."""
    edition, translated = v.edition, v.translated
    figure_ids = {b.figure.id for b in _edition_blocks(edition) if isinstance(b, FigureBlock) and b.figure.id}
    for key in v.version.figures:
        if key not in figure_ids:
            yield error(at_key(translated, "figures", key), f"no figure of {display_path(v.sourced.path)} has the id "
                                                            f"'{key}'{did_you_mean(key, figure_ids)}")
    for label, note in v.version.footnotes.items():
        if label not in edition.footnotes:
            yield error(at_key(translated, "footnotes", label), f"no footnote '{label}' in {display_path(v.sourced.path)}"
                                                                f"{did_you_mean(label, edition.footnotes)}")
        elif note.source_hash != source_hash(edition.footnotes[label]):
            yield v.until_final(at(translated, "footnotes", label, "source_hash"),
                                f"footnote '{label}' is stale in the {v.name} version: the English text changed "
                                "since it was translated; update the translation, then its source_hash"
                                + ("" if edition.is_draft else " (a final version needs every translation current)"))


# The titles of an edition's masthead besides the series' own: key -> what it is, and what an
# edition without it is (for the messages of a version that translates one it lacks).
EDITION_TITLES = {key: (PRINTED_TITLES[key], lacking) for key, lacking in
                  (("transmitted_title", "transmits no report"), ("addendum_title", "is no addendum with a title"),
                   ("author", "gives no author line of its own"))}


def _check_titles(v: _Version) -> Problems:
    """Each title the edition has is translated (a warning in a draft, an error once final),
    plain text; one the edition lacks is not."""
    edition, translated, version = v.edition, v.translated, v.version
    yield from plain_title_problems(translated, "title", "the title", version.title)
    for key, (what, lacking) in EDITION_TITLES.items():
        english, given = getattr(edition, key), getattr(version, key)
        if english and not given:
            yield v.until_final(at(translated, "title"), f"the {v.name} version gives no {key}, {what} "
                                                         f"'{english}'; add it"
                                                         + ("" if edition.is_draft else " (a final version needs it)"))
        elif given and not english:
            yield error(at(translated, key), f"{display_path(v.sourced.path)} {lacking} (it has no {key}): remove "
                                             "this one")
        elif given:
            yield from plain_title_problems(translated, key, what, given)


def _check_title_hash(v: _Version, inputs: Inputs) -> Problems:
    """The version's title translates the English title printed now (the edition's own, or the
    series'): told when it changed since (`title_source_hash`), and a hint when no hash is given."""
    series = inputs.series.get(v.edition.series)
    english = v.edition.title or (series.model.title if series is not None else None)
    if english is None:
        return
    current = source_hash(english)
    if v.version.title_source_hash is None:
        yield warning(at(v.translated, "title"), f"the {v.name} title gives no title_source_hash, so a change of the "
                                                 f"English title would go untold; add 'title_source_hash: "
                                                 f"{current}' (the hash of '{english}')")
    elif v.version.title_source_hash != current:
        yield v.until_final(at(v.translated, "title_source_hash"),
                            f"the {v.name} title is stale: the English title is now '{english}', changed since it "
                            f"was translated; update the title, then its title_source_hash (now {current})"
                            + ("" if v.edition.is_draft else " (a final version needs every translation current)"))


def _printed_session_forms(inputs: Inputs, edition: Edition) -> list[tuple[str, str]]:
    """The session forms an edition's masthead prints beyond the ordinal session: a session
    named by its year, the days of the session (the string keys a language must give)."""
    series = inputs.series.get(edition.series)
    organ = inputs.organ(series.model.organ) if series is not None else None
    forms = [("session_year", "a session named by its year")] if organ is not None and organ.session_style == "year" else []
    if edition.session_dates is not None and (organ is None or organ.prints_session_dates):
        forms.append(("session_dates", "the days of a session"))
    return forms


def _printed_organs(inputs: Inputs, edition: Edition) -> list[str]:
    """The organs an edition's masthead names: its series' organ, and the principal organ
    printed above it for a subsidiary one."""
    series = inputs.series.get(edition.series)
    if series is None:
        return []
    organ = inputs.organ(series.model.organ)
    return [series.model.organ] + ([organ.masthead] if organ is not None and organ.masthead else [])


def _check_untranslated(v: _Version, original: _Original) -> Problems:
    """The texts besides paragraphs and headings that a version lacks (list items, annex titles,
    masthead notes, table texts, footnotes), and those that cannot be translated for want of an
    id: each prints the pending line."""
    edition, translated = v.edition, v.translated
    block_ids = {block.id for _, block in original.blocks if block.id}
    final = "" if edition.is_draft else " (a final version needs every text)"
    for where in text_sources(edition, original.tables).values():
        if (where[0] == "translations" and where[1] in block_ids) or given_text(v.version, where) is not None:
            continue
        place = at_key(translated, where[0]) if where[0] in translated.raw else at(translated)
        yield v.until_final(place, f"{_text_name(where, original.by_id, edition)} is not translated in the {v.name} "
                                   f"version{final}")
    for path, kind in _texts_without_id(edition):
        yield v.until_final(at(v.sourced, *path), f"this {kind} has no id, so the {v.name} version cannot translate "
                                                  "it (it prints the pending line); give it an 'id:'")


def _text_name(where: tuple[Any, ...], by_id: dict[str, tuple[tuple[Any, ...], Any]], edition: Edition) -> str:
    """'the list item (first)', "footnote '1'", "column heading 2 of table 'seats'"."""
    kind, key, *rest = where
    if kind == "translations":
        return _shown(edition, *by_id[key], None)
    if kind == "footnotes":
        return f"footnote '{key}'"
    if kind == "figures":
        return f"the {rest[0]} of figure '{key}'"
    part = {"columns": lambda: f"column heading {rest[1] + 1}", "groups": lambda: f"group heading {rest[1] + 1}",
            "rows": lambda: f"row {rest[1] + 1}, cell {rest[2] + 1}",
            "notes": lambda: f"note '{rest[1]}'", "title": lambda: "the title", "source": lambda: "the source line"}
    return f"{part[rest[0]]()} of table '{key}'"


def _texts_without_id(edition: Edition) -> list[tuple[tuple[Any, ...], str]]:
    """The list items, annexes, masthead notes and written-out tables that have no id."""
    found: list[tuple[tuple[Any, ...], str]] = [(("masthead_notes", i), "masthead note")
                                                for i, note in enumerate(edition.masthead_notes) if not note.id]

    def items(holder: Any, at_path: tuple[Any, ...]) -> None:
        for key in ("items", "bullets"):
            for index, item in enumerate(getattr(holder, key) or []):
                if not item.id:
                    found.append((at_path + (key, index), "list item"))
                items(item, at_path + (key, index))

    for path, block in translatable_blocks(edition):
        if isinstance(block, ParagraphBlock) and block.id:  # a paragraph without an id is named already
            items(block, path)
    containers = [(at_path, values) for at_path, values in edition.block_lists() if at_path[0] not in UNNUMBERED_PARTS]
    for at_path, values in containers:
        found += [(at_path + (i, "table"), "table") for i, b in enumerate(values)
                  if isinstance(b, TableBlock) and not isinstance(b.table, str) and not b.table.id]
        found += [(at_path + (i, "figure"), "figure") for i, b in enumerate(values)
                  if isinstance(b, FigureBlock) and not b.figure.id]
    found += [(("annexes", a), "annex") for a, annex in enumerate(edition.annexes) if not annex.id]
    found += [(path + (draft.key,), f"draft {draft.kind}'s title") for path, draft in edition.drafts()
              if draft.spec.title and not draft.id]
    return found


def check_translated_state_names(inputs: Inputs, sourced: Sourced) -> Problems:
    """Every State a language version names has a name in its language (without one the
    version prints the English name: a warning in a draft, an error once the edition has its
    symbol); a name not from an official UN list is a warning on each use."""
    versions = inputs.translations.get(sourced.path, [])
    if not versions or not facts_ready(inputs, sourced):
        return
    facts = edition_facts(inputs, sourced)
    status, members = facts.status, facts.members or []
    used = sorted({s.name for s in (status.parties + status.signatories if status else [])}
                  | {m.nationality.name for m in members})
    if facts.changes is not None:
        used = sorted(set(used) | {s.name for s in facts.changes.new_parties + facts.changes.new_signatories})
    for translated in versions:
        code = translated.model.language
        for english in used:
            found = inputs.translated_names.lookup(english, code)
            if found is None:
                row = inputs.translated_names.rows.get(english)
                where = f"its row, {row}, has an empty '{code}' column" if row else "it has no row there"
                report = until_final(sourced.model.is_draft)
                yield report(at(translated, "language"),
                             f"the {code} version would print the State '{english}' in English: "
                             f"data/reference/state-names.csv has no {code} name for it ({where}); add it (from "
                             "UNTERM), or mark a fallback in its 'unverified' column"
                             + ("" if sourced.model.is_draft else " (a final version needs every name)"))
            elif not found.verified:
                yield warning(at(translated, "language"),
                              f"the {code} version names '{english}' '{found.name}', a name not checked against an "
                              f"official UN list ({found.where}: marked unverified)")


def check_language_files(inputs: Inputs) -> list[Problem]:
    """Every language file of the data folder can be read (the original's too: validation
    must not pass a file the build then refuses); each bad file's problems, located."""
    try:
        languages(inputs.data_dir)  # read once while the files are unchanged
        return []
    except InputError:
        pass
    problems: list[Problem] = []
    for path in sorted(languages_dir(inputs.data_dir).glob("*.yaml")):
        try:
            load_language(path)
        except InputError as exc:
            problems.extend(exc.problems)
    return problems


def check_translated_texts(inputs: Inputs, sourced: Sourced) -> Problems:
    """Each language version composes in its language as the build would compose it: its
    texts' expressions (in its sandbox, over its facts), inline markup and characters its fonts
    print. A problem stands at the line of the translated text, or, for a text the version
    keeps from the original, at the original's line."""
    versions = inputs.translations.get(sourced.path, [])
    if not versions or not facts_ready(inputs, sourced):
        return
    try:
        known = languages(inputs.data_dir)
    except InputError:
        return  # check_language_files reports it
    facts = edition_facts(inputs, sourced)
    sources = text_sources(sourced.model, facts.series.tables)
    # the original's texts, once for every version, for the footnotes a table's or figure's text
    # calls (a block's are compared in _check_version); no context: rows made from facts are not
    # translated
    english = {d.path: d.source for d in drafted_texts(sourced.model, facts.series.tables, {})}
    for translated in versions:
        code = translated.model.language
        if code == ORIGINAL or code not in known or code != translation_language(translated.path):
            continue  # check_translations reports it
        yield from _check_version_texts(inputs, sourced, translated, known[code], facts, sources, english)


def _check_version_texts(inputs: Inputs, sourced: Sourced, translated: Sourced, language: Language,
                         facts: EditionFacts, sources: dict, english: dict) -> Problems:
    version = translated_version(language, translated.model)
    edition = translated_edition(facts.edition, version)
    local = localized_facts(facts, inputs.translated_names, version, edition)
    tables = translated_tables(facts.series.tables, version)
    # the pictures are check_figures' to read and check; here the version's texts are composed
    composer = Composer(local, tables, version_environment(version), version.labels, pictures=unread_picture)
    inline = InlineContext({label: FOOTNOTE_CALL.sub("", text) for label, text in edition.footnotes.items()},
                           NoteMarks(edition.footnote_marks), anchors=set(composer.numbers.anchors.values()))
    found = False
    for drafted in drafted_texts(edition, tables, composer.context):
        path = sources.get(drafted.path)
        if path is None:
            continue  # the original's text: its rules check it
        if path[0] in ("tables", "figures") and drafted.path in english \
                and given_text(translated.model, path) is not None:  # a text the version gives (not pending)
            called, called_in_english = (set(FOOTNOTE_CALL.findall(t)) for t in (drafted.source, english[drafted.path]))
            if called != called_in_english:
                found = True
                yield error(at(translated, *path), f"the {language.name} text calls "
                            f"{', '.join('[^' + n + ']' for n in sorted(called)) or 'no footnote'} where the English "
                            f"calls {', '.join('[^' + n + ']' for n in sorted(called_in_english)) or 'none'}; call "
                            "the notes the English text calls")
                continue
        try:
            text = render_paragraph_text(drafted.source, {**composer.context, **dict(drafted.names)},
                                         composer.environment)
        except EXPRESSION_ERRORS as exc:
            found = True
            yield expression_problem(translated, path, exc, composer.context, facts.series)
            continue
        notes = TableNotes({label: "" for label in drafted.table_notes}, "t") if drafted.table_notes else None
        try:
            markup(text, inline.within(table_notes=notes, notes_allowed=drafted.kind not in ("note", "description")))
        except ValueError as exc:
            found = True
            needle = getattr(exc, "source", None)
            spots = find_in_value(translated.raw, path, re.escape(needle)) if needle else []
            yield error(spots[0][0] if spots else at(translated, *path), str(exc))
        missing = missing_glyphs(text, language.code)
        if missing:
            found = True
            spots = find_in_value(translated.raw, path, re.escape(missing[0]))
            yield error(spots[0][0] if spots else at(translated, *path), glyph_message(missing, language.code))
    if found:
        return
    try:  # what the texts alone do not show: a table's rows_from in the version's sandbox, ...
        composer.compose()
    except ComposeError as exc:
        path = sources.get(exc.path)
        where = at(translated, *path) if path else at(sourced, *exc.path)
        yield error(where, f"the {language.name} version cannot compose this text: {exc.cause}")
