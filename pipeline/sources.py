"""Reading input files: YAML and CSV into plain values that remember where each came from.

Every mapping and list read from YAML is a `Located` container that knows the line and column
of each key and item, so later stages can point users at the exact place of a mistake.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from .problems import InputError, Location, Problem, display_path

MAX_INPUT_BYTES = 2 * 1024 * 1024  # no report input is anywhere near this size


class LocatedDict(dict):
    """A dict that also records the location of each key's value."""

    location: Location
    key_locations: dict[str, Location]


class LocatedList(list):
    """A list that also records the location of each item."""

    location: Location
    item_locations: list[Location]


def _location(path: str, mark: yaml.Mark) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


class _LocatingLoader(yaml.SafeLoader):
    """PyYAML's safe loader, building Located containers from node marks.

    Anchors and aliases are refused: report data never needs them, and an alias is how a
    small file expands into billions of values ("billion laughs").
    """

    source_path = ""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed in report data; write the value out",
                event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LocatedDict:  # type: ignore[override]
        self.flatten_mapping(node)
        result = LocatedDict()
        result.location = _location(self.source_path, node.start_mark)
        result.key_locations = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain value", key_node.start_mark
                )
            key = str(key)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_locations[key] = _location(self.source_path, value_node.start_mark)
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LocatedList:  # type: ignore[override]
        result = LocatedList(self.construct_object(child, deep=True) for child in node.value)
        result.location = _location(self.source_path, node.start_mark)
        result.item_locations = [_location(self.source_path, c.start_mark) for c in node.value]
        return result


    def construct_yaml_timestamp(self, node: yaml.ScalarNode):  # type: ignore[override]
        """A date-shaped value that is no real date ('2004-08-32') is a located error, not a crash."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a real date (write YYYY-MM-DD)", node.start_mark
            ) from None


_LocatingLoader.add_constructor("tag:yaml.org,2002:timestamp", _LocatingLoader.construct_yaml_timestamp)
_LocatingLoader.add_constructor("tag:yaml.org,2002:map", _LocatingLoader.construct_mapping)
_LocatingLoader.add_constructor("tag:yaml.org,2002:seq", _LocatingLoader.construct_sequence)


def read_text(path: Path) -> str:
    """The file's text, refusing oversized and non-UTF-8 files with a located problem."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError([Problem(Location(shown), "error",
                                      f"file is {size} bytes; input files are limited to {MAX_INPUT_BYTES}")])
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(Location(shown), "error", f"cannot read file: {exc.strerror}")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError([Problem(Location(shown, line, column), "error",
                                  "file is not valid UTF-8 text; save it as UTF-8")]) from None


def load_yaml(path: Path) -> Any:
    """Parse one YAML file safely; syntax errors become a located InputError."""
    shown = display_path(path)
    text = read_text(path)
    loader = _LocatingLoader(text)
    loader.source_path = shown
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _location(shown, mark) if mark else Location(shown)
        message = " ".join(filter(None, [exc.problem, exc.context and f"({exc.context})"]))
        raise InputError([Problem(where, "error", f"YAML syntax: {message}")]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(Location(shown), "error", f"YAML syntax: {exc}")]) from None
    finally:
        loader.dispose()


def load_csv(path: Path) -> LocatedList:
    """Rows of a CSV file with a header, as LocatedDicts (line numbers of each row)."""
    shown = display_path(path)
    text = read_text(path)
    rows = LocatedList()
    rows.location = Location(shown, 1, 1)
    rows.item_locations = []
    reader = csv.DictReader(text.splitlines())
    for record in reader:
        row = LocatedDict({k: (v or "").strip() for k, v in record.items() if k})
        row.location = Location(shown, reader.line_num, 1)
        row.key_locations = {k: row.location for k in row}
        rows.append(row)
        rows.item_locations.append(row.location)
    return rows


def locate(container: Any, *path: str | int) -> Location | None:
    """The location of the value at `path` inside a Located container (nearest known)."""
    best = getattr(container, "location", None)
    node = container
    for step in path:
        if isinstance(node, LocatedDict) and isinstance(step, str) and step in node:
            best = node.key_locations.get(step, best)
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and 0 <= step < len(node):
            best = node.item_locations[step]
            node = node[step]
        else:
            break
    return best
