"""The load stage: input files -> typed models, with every shape error located.

The data folder's layout is in layout.py.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .facts import StateNames
from .layout import NAME_CHANGES_FILE, check_session_id, edition_files, reference_file, series_file
from .model import Committee, Edition, Ledger, NameChange, Series
from .problems import InputError, Location, Problem, display_path
from .sources import LocatedDict, LocatedList, load_csv, load_yaml, locate

M = TypeVar("M", bound=BaseModel)


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
    problems: list[Problem] = field(default_factory=list)

    def raise_if_errors(self) -> None:
        if any(p.severity == "error" for p in self.problems):
            raise InputError(self.problems)


def _readable_path(raw: Any, loc: tuple) -> str:
    """'body[3].paragraph' from a pydantic loc, skipping union tags absent from the data."""
    parts: list[str] = []
    node = raw
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


def _message(error: dict, raw: Any, model: type[BaseModel]) -> str:
    where = _readable_path(raw, error["loc"])
    kind = error["type"]
    if kind == "missing":
        return f"missing required field '{where}'"
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        parent_fields = _fields_at(model, error["loc"][:-1])
        hint = difflib.get_close_matches(key, parent_fields, n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        return f"unknown key '{key}'{suggestion}"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return f"'{where}': {error['input']!r} is not a real date (write YYYY-MM-DD)"
    if kind == "union_tag_not_found" or kind == "union_tag_invalid":
        return f"'{where}': a body block must have a 'paragraph' or a 'table' key"
    text = error["msg"]
    if kind == "literal_error":
        text = text.replace("Input should be", "must be")
    elif kind == "string_too_short":
        text = "must not be empty"
    return f"'{where}': {text}"


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the (nested) model that a pydantic loc points into."""
    current: Any = model
    for step in loc:
        if isinstance(step, int) or not hasattr(current, "model_fields"):
            continue
        info = current.model_fields.get(step)
        if info is None:
            break
        current = _model_in(info.annotation)
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    """The first BaseModel class inside a (possibly generic) annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def parse_model(model: type[M], raw: Any, path: Path) -> tuple[M | None, list[Problem]]:
    """Validate raw located data against a model; problems are located at the bad value."""
    shown = display_path(path)
    if not isinstance(raw, dict):
        where = getattr(raw, "location", Location(shown, 1, 1))
        return None, [Problem(where, "error", f"expected a mapping of keys for a {model.__name__.lower()}")]
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = error["loc"]
            where = locate(raw, *loc) or Location(shown)
            problems.append(Problem(where, "error", _message(error, raw, model)))
        return None, problems


def _read(path: Path, model: type[M], inputs: Inputs) -> Sourced | None:
    try:
        raw = load_yaml(path)
    except InputError as exc:
        inputs.problems.extend(exc.problems)
        return None
    parsed, problems = parse_model(model, raw, path)
    inputs.problems.extend(problems)
    return Sourced(parsed, path, raw) if parsed is not None else None


def load_reference(data_dir: Path, inputs: Inputs, series: Series) -> None:
    """Load the ledger and committee a series uses (once each)."""
    if series.ledger not in inputs.ledgers:
        found = _read(reference_file(data_dir, series.ledger), Ledger, inputs)
        if found:
            inputs.ledgers[series.ledger] = found
    if series.committee and series.committee not in inputs.committees:
        found = _read(reference_file(data_dir, series.committee), Committee, inputs)
        if found:
            inputs.committees[series.committee] = found


def load_name_changes(data_dir: Path, inputs: Inputs) -> None:
    path = reference_file(data_dir, NAME_CHANGES_FILE)
    try:
        rows = load_csv(path)
    except InputError as exc:
        inputs.problems.extend(exc.problems)
        return
    for row in rows:
        parsed, problems = parse_model(NameChange, row, path)
        inputs.problems.extend(problems)
        if parsed:
            inputs.name_changes.append(Sourced(parsed, path, row))
    inputs.names = StateNames([s.model for s in inputs.name_changes])


def load_editions(data_dir: Path, files: list[Path]) -> Inputs:
    """Load the given edition files and everything they refer to."""
    inputs = Inputs(data_dir)
    load_name_changes(data_dir, inputs)
    for path in files:
        edition = _read(path, Edition, inputs)
        if edition is None:
            continue
        inputs.editions.append(edition)
        series_id = edition.model.series
        if series_id not in inputs.series:
            series_path = series_file(data_dir, series_id)
            if not series_path.exists():
                known = sorted(p.stem for p in (data_dir / "series").glob("*.yaml"))
                hint = difflib.get_close_matches(series_id, known, n=1)
                inputs.problems.append(Problem(
                    locate(edition.raw, "series") or Location(display_path(path)), "error",
                    f"unknown series '{series_id}'" + (f" (did you mean '{hint[0]}'?)" if hint else "")))
                continue
            series = _read(series_path, Series, inputs)
            if series is None:
                continue
            inputs.series[series_id] = series
        load_reference(data_dir, inputs, inputs.series[series_id].model)
    return inputs


def load_session(data_dir: Path, session: int) -> Inputs:
    """Load every edition of a session (an empty session is an error)."""
    files = edition_files(data_dir, session)
    if not files:
        folder = display_path(data_dir / "sessions" / str(session))
        raise InputError([Problem(Location(folder), "error",
                                  f"no editions for session {session}: add {folder}/<series>.yaml")])
    return load_editions(data_dir, files)
