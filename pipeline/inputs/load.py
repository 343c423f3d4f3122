"""The load stage: input files -> typed models, with every shape error located.

The data folder's layout is in layout.py.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pipeline.facts.names import StateNames
from pipeline.facts.translated_names import STATE_NAMES_FILE, TranslatedNames, read_translated_names
from pipeline.inputs.layout import (NAME_CHANGES_FILE, TEMPLATES_DIR, all_edition_files, edition_files,
                     edition_path, session_numbers, translation_files, translation_language)
from pipeline.model.blocks import BLOCK_KEYS, FigureBlock, HeadingBlock, ParagraphBlock, TableBlock
from pipeline.model.edition import Edition
from pipeline.model.reference import Committee, Ledger, MemberStates, NameChange, Organ, Organs
from pipeline.model.series import Series
from pipeline.model.translation import Translation
from pipeline.inputs.cache import ParsedFiles
from pipeline.inputs.problems import InputError, Location, Problem, did_you_mean, display_path
from pipeline.inputs.sources import load_csv, load_yaml, locate, locate_key

M = TypeVar("M", bound=BaseModel)

MEMBER_STATES_FILE = "un-member-states.yaml"
ORGANS_FILE = "organs.yaml"
# the keys a block may have beside the one that says its kind ('id:', 'numbered:', ...)
BLOCK_ATTRIBUTES = {key for block in (ParagraphBlock, HeadingBlock, TableBlock, FigureBlock)
                    for key in block.model_fields} - set(BLOCK_KEYS)


@dataclass
class Sourced:
    """A validated model with the file it came from and its raw located values."""

    model: Any
    path: Path
    raw: Any


@dataclass
class Inputs:
    """Everything a build reads, validated for shape; `problems` holds what was wrong."""

    data_dir: Path
    series: dict[str, Sourced] = field(default_factory=dict)
    editions: list[Sourced] = field(default_factory=list)
    ledgers: dict[str, Sourced] = field(default_factory=dict)
    committees: dict[str, Sourced] = field(default_factory=dict)
    names: StateNames = field(default_factory=lambda: StateNames([]))
    name_changes: list[Sourced] = field(default_factory=list)
    member_states: Sourced | None = None
    organs: Sourced | None = None  # the organs series report to (reference/organs.yaml)
    previous: dict[Path, Sourced] = field(default_factory=dict)  # edition file -> the edition it follows
    problems: list[Problem] = field(default_factory=list)
    templates_dir: Path = TEMPLATES_DIR  # where the series' report templates must exist
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # derived once per edition
    unreadable: set[str] = field(default_factory=set)  # series and reference files that failed to load
    translations: dict[Path, list[Sourced]] = field(default_factory=dict)  # edition file -> its language versions
    translated_names: TranslatedNames = field(default_factory=TranslatedNames)  # State names in other languages
    files: ParsedFiles | None = field(default=None, repr=False, compare=False)  # kept between builds (preview)

    def parsed(self, path: Path, parse: Any) -> Any:
        """parse(path), through the cache of parsed files when there is one."""
        return self.files.read(path, parse) if self.files is not None else parse(path)

    def organ(self, name: str) -> Organ | None:
        """The organ a series names, as reference/organs.yaml declares it (None if unknown)."""
        return self.organs.model.organs.get(name) if self.organs is not None else None

    def placeholder_symbol(self, edition: Any) -> str:
        """The symbol an edition prints while its own is not assigned: its organ's draft symbol
        ('A/60/...', 'S/2016/...', 'E/CN.6/2017/...'); the Assembly's form when the organ is unknown."""
        series = self.series.get(edition.series)
        organ = self.organ(series.model.organ) if series is not None else None
        return organ.draft_symbol(organ.symbol_number(edition)) if organ is not None else f"A/{edition.session}/..."

    def raise_if_errors(self) -> None:
        if any(p.severity == "error" for p in self.problems):
            raise InputError(self.problems)


def _readable_path(raw: Any, loc: tuple) -> str:
    """'body[3].paragraph' from a pydantic loc, skipping union tags absent from the data."""
    parts: list[str] = []
    node = raw
    loc = tuple(step for i, step in enumerate(loc) if i == 0 or step != loc[i - 1])  # union tags repeat a key
    for step in loc:
        if isinstance(step, int) and isinstance(node, list):
            parts.append(f"[{step}]")
            node = node[step] if step < len(node) else None
        elif isinstance(node, dict) and step in node:
            parts.append(f".{step}" if parts else str(step))
            node = node[step]
        elif step == loc[-1]:
            parts.append(f".{step}" if parts else str(step))
    return "".join(parts)


def _shown_input(value: Any) -> str:
    """How a wrong value is quoted in a message."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value) if isinstance(value, str) else str(value)


def _type_message(kind: str, value: Any) -> str | None:
    """What to write instead of a value of the wrong type."""
    if value is None:
        return "has no value; write one or remove the key"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number, not {_shown_input(value)}"
    if kind == "string_type":
        if isinstance(value, (int, float, bool)):
            return f"must be text, not {_shown_input(value)}; put it in double quotes"
        return f"must be text, not {_shown_input(value)}"
    if kind in ("bool_parsing", "bool_type"):
        return f"must be true or false, not {_shown_input(value)}"
    if kind == "list_type":
        return f"must be a list (lines starting with '- '), not {_shown_input(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a mapping of 'key: value' lines, not {_shown_input(value)}"
    return None


def _message(error: dict, raw: Any, model: type[BaseModel]) -> str:
    """An editor's message for one pydantic error: what is wrong and what to write instead."""
    kind, value = error["type"], error.get("input")
    # the loc's steps in the data (a union's tag is not one), except for two kinds in one block,
    # whose message names the tag
    loc = error["loc"] if kind == "extra_forbidden" else _walk(model, error["loc"])[1]
    where = _readable_path(raw, loc)
    parent = _readable_path(raw, loc[:-1])
    if kind == "missing":
        under = f" under '{parent}'" if parent else ""
        return f"missing key '{loc[-1]}'{under}; add it"
    if kind == "extra_forbidden" and len(loc) >= 4 and loc[-1] in BLOCK_KEYS and isinstance(loc[-3], int):
        return (f"'{_readable_path(raw, loc[:-2])}': a block is of one kind ('{loc[-2]}' or '{loc[-1]}', not both); "
                "make two blocks")
    if kind == "extra_forbidden":
        fields = _fields_at(model, loc[:-1])
        key = str(loc[-1])
        owners = [kind for kind, block in (("paragraph", ParagraphBlock), ("heading", HeadingBlock), ("table", TableBlock),
                                           ("figure", FigureBlock))
                  if key in block.model_fields and key not in fields]
        if key in BLOCK_ATTRIBUTES and owners and any(isinstance(step, int) for step in loc):
            return f"unknown key '{key}' in this block: '{key}:' is a key of a {' or '.join(owners)}; remove it here"
        hint = did_you_mean(key, [field for field in fields if field != key])
        allowed = f"; the keys allowed here are {', '.join(fields)}" if fields else "; remove it"
        home = _nested_home(model, loc[:-1], str(loc[-1]))
        if home and not hint:
            return f"unknown key '{loc[-1]}' here; it belongs under '{home}:' (indent it below that key)"
        return f"unknown key '{loc[-1]}'" + (hint or allowed)
    if kind in ("union_tag_not_found", "union_tag_invalid"):
        keys = list(value) if isinstance(value, dict) else []
        found = next((k for k in keys if k not in BLOCK_ATTRIBUTES), keys[0] if keys else "")  # not 'id:'...
        if found in BLOCK_KEYS:  # a kind of block that cannot stand in this list
            return (f"'{where}': '- {found}: ...' cannot stand here: a draft resolution or decision holds "
                    "paragraphs, tables and figures, not another draft; end the first draft before the next")
        instead = f", not '{found}'{did_you_mean(found, list(BLOCK_KEYS))}" if found else ""
        return (f"'{where}': a block is '- paragraph: ...', a heading ('- chapter: ...', '- section: ...', ...), "
                f"'- table: ...' or '- figure: ...'{instead}")
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        hint = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
        return f"'{where}': {_shown_input(value)} is not one of {', '.join(allowed)}{hint}"
    if kind == "string_too_short":
        in_a_row = any(step in ("rows", "row") for step in loc if isinstance(step, str))
        return f"'{where}': must not be empty" + ("; write ~ for an empty cell" if in_a_row else "")
    if kind == "too_short":
        return f"'{where}': must have at least {error['ctx']['min_length']} item(s)"
    if kind == "string_pattern_mismatch":
        info = _field_info(model, error["loc"])  # the loc with its union tags, which find the model
        form = info.description if info and info.description else "the expected form"
        example = f", like '{info.examples[0]}'" if info and info.examples else ""
        return f"'{where}': {_shown_input(value)} is not {form}{example}"
    if value is None and isinstance(loc[-1], int):
        return f"'{where}': an empty item of the list; write it or remove its line"
    text = _type_message(kind, value) or error["msg"].replace("Input should be", "must be")
    return f"'{where}': {text}"


def _field_info(model: type[BaseModel], loc: tuple) -> Any:
    """The pydantic FieldInfo a loc ends at, if it ends at a model field."""
    names = [step for step in loc if isinstance(step, str)]
    if not names:
        return None
    holder = _model_at(model, loc[:-1] if isinstance(loc[-1], str) else loc)
    return getattr(holder, "model_fields", {}).get(names[-1])


def _nested_home(model: type[BaseModel], loc: tuple, key: str) -> str | None:
    """The field of the model at `loc` whose own model has a field `key` (a key indented too
    little: 'provisional_agenda' at the top of an edition belongs under 'agenda')."""
    current = _model_at(model, loc)
    for name, info in getattr(current, "model_fields", {}).items():
        nested = _model_in(info.annotation)
        if nested is not None and key in nested.model_fields:
            return name
    return None


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the (nested) model that a pydantic loc points into."""
    return list(getattr(_model_at(model, loc), "model_fields", {}))


def _model_at(model: type[BaseModel], loc: tuple) -> Any:
    """The (nested) model class a pydantic loc points into."""
    return _walk(model, loc)[0]


def _walk(model: type[BaseModel], loc: tuple) -> tuple[Any, tuple]:
    """The (nested) model class a pydantic loc points into, and the loc's steps in the data
    (a step that names a union's tag, as in ('body', 0, 'paragraph', ...), picks the union's
    member of that tag and is not a key of the data)."""
    current: Any = model
    annotation: Any = None
    steps: list = []
    for position, step in enumerate(loc):
        if isinstance(step, int):
            steps.append(step)
            continue
        tagged = _tagged(annotation, step) if annotation is not None else None
        if tagged is not None:
            current, annotation = tagged, None
            continue
        steps.append(step)
        if not hasattr(current, "model_fields"):
            continue
        info = current.model_fields.get(step)
        if info is None:
            return current, tuple(steps) + loc[position + 1:]
        annotation = info.annotation
        current = _model_in(annotation)
    return current, tuple(steps)


def _tagged(annotation: Any, tag: str) -> Any:
    """The model of the union member tagged `tag` inside an annotation, if there is one."""
    from pydantic import Tag

    if any(isinstance(meta, Tag) and meta.tag == tag for meta in getattr(annotation, "__metadata__", ())):
        return _model_in(annotation)
    for arg in getattr(annotation, "__args__", ()):
        found = _tagged(arg, tag)
        if found is not None:
            return found
    return None


def _model_in(annotation: Any) -> Any:
    """The first BaseModel class inside a (possibly generic) annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _error_location(error: dict, raw: Any, shown: str, model: type[BaseModel]) -> Location:
    """Unknown keys are shown at the key, missing ones at their parent's key, others at the value."""
    loc = error["loc"]
    if error["type"] == "extra_forbidden":
        if loc[-1] not in BLOCK_KEYS:  # (a second kind of block is shown at its value)
            loc = _walk(model, loc[:-1])[1] + loc[-1:]  # not through a union's tag
        found = locate_key(raw, *loc)
    elif error["type"] == "missing":
        loc = _walk(model, loc[:-1])[1] + loc[-1:]
        found = locate_key(raw, *loc[:-1]) if loc[:-1] else getattr(raw, "location", None)
    else:
        found = locate(raw, *_walk(model, loc)[1])
    return found or Location(shown, 1, 1)


def parse_model(model: type[M], raw: Any, path: Path, salvage: bool = False) -> tuple[M | None, list[Problem]]:
    """Validate raw located data against a model; problems are located at the bad value.

    With `salvage`, a model whose only faults are unknown keys or bad optional values is
    still returned (without them), so later rules can report the file's other mistakes in
    the same run; its problems are returned all the same and keep the build from running.
    """
    shown = display_path(path)
    if not isinstance(raw, dict):
        where = getattr(raw, "location", Location(shown, 1, 1))
        return None, [Problem(where, "error",
                              f"expected a mapping of 'key: value' lines for a {model.__name__.lower()}")]
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        errors = exc.errors()
        renamed = _misspelled(errors, model)
        errors = [e for e in errors if not (e["type"] == "missing" and e["loc"] in renamed.values())]
        errors = _branch_of_the_value(errors, raw)
        problems = [Problem(_error_location(e, raw, shown, model), "error", _message(e, raw, model)) for e in errors]
        return (_salvaged(model, raw, errors, renamed) if salvage else None), problems


def _branch_of_the_value(errors: list[dict], raw: Any) -> list[dict]:
    """Without the type mismatches of the union branches the value is not of, when another
    branch took the value in ('agenda_title: [title, ~]' is a list with an empty item, not
    also 'text, not a list')."""
    def is_branch_tag(loc: tuple) -> bool:
        node: Any = raw
        for step in loc[:-1]:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return False
        return isinstance(loc[-1], str) and not (isinstance(node, dict) and loc[-1] in node)

    def went_deeper(loc: tuple) -> bool:
        return any(len(e["loc"]) > len(loc) and e["loc"][:len(loc) - 1] == loc[:-1] and e["loc"][len(loc) - 1] != loc[-1]
                   for e in errors)

    return [e for e in errors
            if not (e["type"].endswith("_type") and len(e["loc"]) > 1 and is_branch_tag(e["loc"]) and went_deeper(e["loc"]))]


def _misspelled(errors: list[dict], model: type[BaseModel]) -> dict[tuple, tuple]:
    """Unknown keys that are close to a missing key beside them ('as_att' for 'as_at'): the
    loc of each such key -> the loc of the key it stands for. The unknown key's message
    ('did you mean ...?') says all; the model is salvaged with the key read as meant."""
    missing = {e["loc"] for e in errors if e["type"] == "missing" and e["loc"]}
    renamed: dict[tuple, tuple] = {}
    for error in errors:
        loc = error["loc"]
        if error["type"] != "extra_forbidden" or not isinstance(loc[-1], str):
            continue
        close = difflib.get_close_matches(loc[-1], _fields_at(model, loc[:-1]), n=1)
        if close and loc[:-1] + (close[0],) in missing and loc[:-1] + (close[0],) not in renamed.values():
            renamed[loc] = loc[:-1] + (close[0],)
    return renamed


def _salvaged(model: type[M], raw: Any, errors: list[dict], renamed: dict[tuple, tuple]) -> M | None:
    """The model without the keys that were in error, when each of them may be left out, and
    with each misspelled key read as the key it stands for."""
    plain = _plain(raw)
    for error in errors:
        loc = error["loc"]
        info = _field_info(model, loc)
        optional = info is not None and not info.is_required() and all(isinstance(s, str) for s in loc)
        if not (error["type"] == "extra_forbidden" or optional):
            return None
        try:
            parent: Any = plain
            for step in _walk(model, loc[:-1])[1]:
                parent = parent[step]
            value = parent.pop(loc[-1], None)
            if loc in renamed:
                parent[renamed[loc][-1]] = value
        except (KeyError, IndexError, TypeError, AttributeError):
            return None  # the path runs through a union's tag: not a place we can prune
    try:
        return model.model_validate(plain)
    except ValidationError:
        return None


def _plain(value: Any) -> Any:
    """A copy of located data as plain dicts and lists (to edit without touching the original)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _load(path: Path, inputs: Inputs) -> Any:
    """A YAML file's located data, or None when it cannot be read (the problem is recorded)."""
    try:
        return inputs.parsed(path, lambda p: load_yaml(p, inputs.data_dir))
    except InputError as exc:
        inputs.problems.extend(exc.problems)
        return None


def _read(path: Path, model: type[M], inputs: Inputs, salvage: bool = False) -> Sourced | None:
    raw = _load(path, inputs)
    if raw is None:
        return None
    parsed, problems = parse_model(model, raw, path, salvage)
    inputs.problems.extend(problems)
    return Sourced(parsed, path, raw) if parsed is not None else None


def _named_file(folder: Path, name: str, named_at: Location | None, what: str, inputs: Inputs) -> Path | None:
    """The file a data file names, or a problem where it is named (with the nearest real name)."""
    path = folder / name
    if Path(name).name != name or name.startswith("."):
        inputs.problems.append(Problem(named_at or Location(display_path(folder)), "error",
                                       f"'{name}' must be the name of a file in {display_path(folder)}, not a path"))
        return None
    if path.is_file() or path.is_symlink() or path.exists():
        return path  # reading it says what is wrong with a link or a file that is not a regular file
    known = sorted(p.name for p in folder.glob("*")) if folder.is_dir() else []
    hint = did_you_mean(name, known) or (f"; the {what} files are: {', '.join(known)}" if known else "")
    inputs.problems.append(Problem(named_at or Location(display_path(folder)), "error",
                                   f"no {what} file '{name}' in {display_path(folder)}{hint}"))
    return None


def previous_session(data_dir: Path, edition: Edition) -> int | None:
    """The session of the edition this one follows: its `previous`, or else the nearest
    earlier session that has an edition of the same series."""
    if edition.previous is not None:
        return edition.previous
    return max((n for n in session_numbers(data_dir, edition.series) if n < edition.session), default=None)


def load_previous(data_dir: Path, sourced: Sourced, inputs: Inputs) -> None:
    """Load the edition `sourced` follows, if any, into inputs.previous; a missing or broken
    one is a problem located at `previous` (or at `session` when it was derived)."""
    edition: Edition = sourced.model
    session = previous_session(data_dir, edition)
    if session is None:
        return
    key = "previous" if edition.previous is not None else "session"
    where = locate(sourced.raw, key) or Location(display_path(sourced.path))
    if session >= edition.session:
        inputs.problems.append(Problem(where, "error",
                                       f"previous edition must be of an earlier session than {edition.session}, not {session}"))
        return
    path = edition_path(data_dir, session, edition.series)
    if not path.exists():
        inputs.problems.append(Problem(where, "error", f"previous edition {display_path(path)} does not exist"))
        return
    scratch = Inputs(data_dir, files=inputs.files)
    previous = _read(path, Edition, scratch)
    if previous is None:
        inputs.problems.append(Problem(where, "error", f"previous edition {display_path(path)} has errors: "
                                                       f"run 'unreport validate {session}'"))
        return
    inputs.previous[sourced.path] = previous




def load_reference(data_dir: Path, inputs: Inputs, series: Sourced) -> None:
    """Load the ledger and committee a series uses (once each)."""
    reference = data_dir / "reference"
    model: Series = series.model
    for name, key, model_class, loaded in ((model.ledger, "ledger", Ledger, inputs.ledgers),
                                           (model.committee, "committee", Committee, inputs.committees)):
        if not name or name in loaded or name in inputs.unreadable:
            continue
        path = _named_file(reference, name, locate(series.raw, key), key, inputs)
        found = _read(path, model_class, inputs) if path else None
        if found:
            loaded[name] = found
        else:
            inputs.unreadable.add(name)


def load_names(data_dir: Path, inputs: Inputs) -> None:
    """The UN Member States' names and the history of name changes: every known State name."""
    inputs.member_states = _read(data_dir / "reference" / MEMBER_STATES_FILE, MemberStates, inputs)
    inputs.organs = _read(data_dir / "reference" / ORGANS_FILE, Organs, inputs)
    path = data_dir / "reference" / NAME_CHANGES_FILE
    try:
        rows = inputs.parsed(path, lambda p: load_csv(p, data_dir))
    except InputError as exc:
        inputs.problems.extend(exc.problems)
        rows = []
    else:
        if not rows:
            inputs.problems.append(Problem(rows.location, "error",
                                           "the file has no rows of name changes; every report needs them to name "
                                           "States as they were named on its date: restore the rows"))
    header_problems = _header_problems(rows, NameChange)
    inputs.problems.extend(header_problems)
    for row in rows if not header_problems else []:
        parsed, problems = parse_model(NameChange, row, path)
        inputs.problems.extend(problems)
        if parsed:
            inputs.name_changes.append(Sourced(parsed, path, row))
    repeated = _repeated_changes(inputs.name_changes)
    inputs.problems.extend(repeated)
    inputs.name_changes = [c for c in inputs.name_changes if c.raw.location not in {p.location for p in repeated}]
    cycles = _rename_cycles(inputs.name_changes)
    inputs.problems.extend(cycles)
    if cycles:
        inputs.name_changes = []  # names in force cannot be worked out from a loop
    members = inputs.member_states.model.states if inputs.member_states else []
    inputs.names = StateNames([s.model for s in inputs.name_changes], members)
    translated = data_dir / "reference" / STATE_NAMES_FILE
    if translated.is_file():
        try:
            inputs.translated_names, problems = read_translated_names(
                inputs.parsed(translated, lambda p: load_csv(p, data_dir)))
            inputs.problems.extend(problems)
        except InputError as exc:
            inputs.problems.extend(exc.problems)


def load_translations(inputs: Inputs, edition: Path) -> None:
    """The language versions beside an edition (cmw-status.fr.yaml, ...)."""
    versions = []
    for path in translation_files(edition):
        if not re.fullmatch(r"[a-z]{2}", translation_language(path)):
            inputs.problems.append(Problem(Location(display_path(path), 1, 1), "error", (
                f"'{path.name}' is not a language version's name: a version is named {edition.stem}.<language "
                f"code>.yaml ({edition.stem}.fr.yaml); an addendum or another document of the series in the same "
                f"session is a series of its own (data/series/<id>.yaml, and this file renamed <id>.yaml)")))
            continue
        raw = _load(path, inputs)
        parsed, problems = parse_model(Translation, raw, path) if raw is not None else (None, [])
        inputs.problems.extend(problems)
        if parsed is not None:
            versions.append(Sourced(parsed, path, raw))
    inputs.translations[edition] = versions


def _repeated_changes(changes: list[Sourced]) -> list[Problem]:
    """A name renamed twice (one old name to two new names, or the same change on two dates)
    or a State's first name given twice: which row holds has no answer, and the later row would
    be ignored without a word. Reported at the second row."""
    seen: dict[tuple[str, str], Sourced] = {}
    problems: list[Problem] = []
    for change in changes:
        old, new = change.model.old_name, change.model.new_name
        key = ("renamed", old) if old else ("first", new)
        first = seen.setdefault(key, change)
        if first is change:
            continue
        earlier = first.model
        line = first.raw.location.line
        if old:
            problems.append(Problem(change.raw.location, "error",
                                    f"'{old}' is renamed twice: to '{new}' from {change.model.in_force_from} here, "
                                    f"and to '{earlier.new_name}' from {earlier.in_force_from} on line {line}; a "
                                    "name changes once (a later change starts from the new name): remove or correct "
                                    "one of the two rows"))
        else:
            problems.append(Problem(change.raw.location, "error",
                                    f"the first name of '{new}' is given twice: from {change.model.in_force_from} "
                                    f"here and from {earlier.in_force_from} on line {line}; a State comes into "
                                    "being once: remove or correct one of the two rows"))
    return problems


def _rename_cycles(changes: list[Sourced]) -> list[Problem]:
    """Name changes that lead back to a name they started from ('A' -> 'B', later 'B' -> 'A'):
    a State's name in force on a date has no answer then. Reported at the row closing the loop."""
    renamed = {change.model.old_name: change for change in changes}
    problems: list[Problem] = []
    for change in changes:
        chain = [change.model.old_name]
        name = change.model.new_name
        while name in renamed and name not in chain:
            chain.append(name)
            name = renamed[name].model.new_name
        rows = [renamed[old] for old in chain if old in renamed]
        if name == change.model.old_name and change is max(rows, key=lambda row: row.raw.location):
            loop = " -> ".join([*chain, name])
            problems.append(Problem(change.raw.location, "error",
                                    f"the name changes go round in a loop ({loop}); a State's name changes only "
                                    "forward in time: remove or correct one of these rows"))
    return problems


def _header_problems(rows: Any, model: type[BaseModel]) -> list[Problem]:
    """A CSV file's columns against a model's fields: reported once, not on every row."""
    if not rows:
        return []
    columns = list(model.model_fields)
    unknown = [Problem(rows.location, "error", f"unknown column '{c}'{did_you_mean(c, columns)}; "
                                               f"the columns are {', '.join(columns)}")
               for c in rows.header if c not in columns]
    missing = [Problem(rows.location, "error", f"missing column '{c}'; add it to the first line")
               for c, info in model.model_fields.items() if info.is_required() and c not in rows.header]
    return unknown + missing


def load_series(data_dir: Path, series_id: str, named_at: Location | None, inputs: Inputs) -> Sourced | None:
    """A series and the reference data it uses, loaded once; None when it cannot be read."""
    if series_id in inputs.series:
        return inputs.series[series_id]
    if series_id in inputs.unreadable:
        return None
    path = data_dir / "series" / f"{series_id}.yaml"
    if not (path.is_file() or path.is_symlink() or path.exists()):
        known = sorted(p.stem for p in (data_dir / "series").glob("*.yaml"))
        inputs.problems.append(Problem(named_at or Location(display_path(path)), "error",
                                       f"unknown series '{series_id}'{did_you_mean(series_id, known)}; "
                                       f"the series are the files in {display_path(data_dir / 'series')}"))
    series = _read(path, Series, inputs) if (path.exists() or path.is_symlink()) else None
    if series is None:
        inputs.unreadable.add(series_id)
        return None
    inputs.series[series_id] = series
    load_reference(data_dir, inputs, series)
    return series


def misnamed_editions(folder: Path) -> list[Problem]:
    """Files of a session folder that look like editions but are not read as one, because
    only names ending in '.yaml' are ('sdg-progress.yml', 'sdg-progress.YAML'): an error,
    or a warning when the '.yaml' of that name stands beside it (and is the one read)."""
    problems = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        stem, dot, suffix = path.name.rpartition(".")
        if not dot or not stem or suffix.lower() not in ("yaml", "yml") or suffix == "yaml":
            continue
        read = path.with_name(f"{stem}.yaml")
        if read.exists():
            problems.append(Problem(Location(display_path(path), 1, 1), "warning",
                                    f"{path.name} is not read: edition files end in .yaml, and {read.name} beside "
                                    f"it is the one built; delete {path.name} (or move its edits into {read.name})"))
        else:
            problems.append(Problem(Location(display_path(path), 1, 1), "error",
                                    f"{path.name}: edition files end in .yaml; rename it to {read.name}"))
    return problems


def no_editions(data_dir: Path, session: int | str, message: str) -> list[Problem]:
    """The problems of a session folder without editions: the files that were meant to be
    editions, named; or `message`, at the folder."""
    folder = data_dir / "sessions" / str(session)
    misnamed = misnamed_editions(folder)
    if any(p.severity == "error" for p in misnamed):
        return misnamed
    orphans = sorted(folder.glob("*.*.yaml")) if folder.is_dir() else []
    if orphans:  # language versions whose original is missing
        original = orphans[0].name.split(".")[0] + ".yaml"
        return misnamed + [Problem(Location(display_path(orphans[0]), 1, 1), "error",
                                   f"{orphans[0].name} is a language version of {original}, which is missing from "
                                   f"{display_path(folder)}: restore {original}, or delete its versions")]
    return misnamed + [Problem(Location(display_path(folder)), "error", message)]


def load_editions(data_dir: Path, files: list[Path], parsed: ParsedFiles | None = None) -> Inputs:
    """Load the given edition files and everything they refer to (through `parsed`, the
    files parsed by earlier builds of this process, when given)."""
    inputs = Inputs(data_dir, files=parsed)
    load_names(data_dir, inputs)
    for folder in dict.fromkeys(path.parent for path in files):
        inputs.problems.extend(misnamed_editions(folder))
    for path in files:
        raw = _load(path, inputs)
        parsed, problems = parse_model(Edition, raw, path, salvage=True) if raw is not None else (None, [])
        inputs.problems.extend(problems)
        if parsed is not None:
            inputs.editions.append(Sourced(parsed, path, raw))
            load_previous(data_dir, inputs.editions[-1], inputs)
            load_translations(inputs, path)
        series_id = raw.get("series") if isinstance(raw, dict) else None
        if isinstance(series_id, str):  # even for a broken edition, so the series' own problems show too
            load_series(data_dir, series_id, locate(raw, "series"), inputs)
    return inputs


def load_all(data_dir: Path) -> Inputs:
    """Every edition of every session, and every series with its reference data."""
    inputs = load_editions(data_dir, all_edition_files(data_dir))
    for number in set(session_numbers(data_dir, misnamed=True)) - set(session_numbers(data_dir)):
        inputs.problems.extend(misnamed_editions(data_dir / "sessions" / str(number)))
    for path in sorted((data_dir / "series").glob("*.yaml")):
        load_series(data_dir, path.stem, None, inputs)
    return inputs


def load_session(data_dir: Path, session: int, parsed: ParsedFiles | None = None) -> Inputs:
    """Load every edition of a session (an empty session is an error)."""
    files = edition_files(data_dir, session)
    if not files:
        folder = display_path(data_dir / "sessions" / str(session))
        raise InputError(no_editions(data_dir, session, f"no editions for session {session}: add {folder}/<series>.yaml"))
    return load_editions(data_dir, files, parsed)
