"""Reading input files: YAML and CSV into plain values that remember where each came from.

Every mapping and list read from YAML is a `Located` container that knows the line and column
of each key and item, so later stages can point users at the exact place of a mistake.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import yaml

from pipeline.inputs.characters import REFUSED, UNPRINTABLE, refused_message  # noqa: F401
from pipeline.inputs.files import MAX_INPUT_BYTES, read_input_bytes  # noqa: F401 -- MAX_INPUT_BYTES for callers
from pipeline.inputs.problems import InputError, Location, Problem, display_path



def unprintable_message(char: str) -> str:
    """Why a character of a value is refused (see characters.py)."""
    return refused_message(char)


class RefusedValue(yaml.MarkedYAMLError):
    """Well-formed YAML that report data does not allow (said in `problem`)."""

    def __init__(self, problem: str, mark: yaml.Mark) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class LocatedDict(dict):
    """A dict that also records where each key and its value stand in the source."""

    location: Location
    key_locations: dict[str, Location]  # where each value starts
    key_positions: dict[str, Location]  # where each key itself stands
    spans: dict[str, tuple[int, int]]  # each value's start and end offsets in `source`
    source: str


class LocatedList(list):
    """A list that also records where each item stands in the source."""

    location: Location
    item_locations: list[Location]
    item_spans: list[tuple[int, int]]
    source: str
    header: list[str]  # a CSV file's column names


def located_dict(location: Location, source: str = "") -> LocatedDict:
    """An empty LocatedDict starting at `location` in a file whose text is `source`."""
    result = LocatedDict()
    result.location = location
    result.key_locations, result.key_positions, result.spans = {}, {}, {}
    result.source = source
    return result


def _location(path: str, mark: yaml.Mark) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


class _Locating(yaml.constructor.SafeConstructor):
    """The safe constructor, building Located containers from node marks (mixed into a loader
    with PyYAML's parser or libyaml's)."""

    source_path = ""
    source_text = ""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Construct a value; a value PyYAML cannot convert becomes a located error."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this value ({exc})", node.start_mark) from None

    def construct_scalar(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        """A text value; characters no document can hold are a located error."""
        value = super().construct_scalar(node)
        if isinstance(value, str):
            bad = REFUSED.search(value)
            if bad:
                raise RefusedValue(unprintable_message(bad.group()), node.start_mark)
        return value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        """A date; an impossible one (2004-02-30) stays text so the model reports it by field."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LocatedDict:  # type: ignore[override]
        self.flatten_mapping(node)
        result = located_dict(_location(self.source_path, node.start_mark), self.source_text)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain value", key_node.start_mark
                )
            key = str(key)
            if key in result:
                raise RefusedValue(f"duplicate key '{key}': keep only one of them", key_node.start_mark)
            result[key] = self.construct_object(value_node, deep=True)
            result.key_locations[key] = _location(self.source_path, value_node.start_mark)
            result.key_positions[key] = _location(self.source_path, key_node.start_mark)
            result.spans[key] = (value_node.start_mark.index, value_node.end_mark.index)
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LocatedList:  # type: ignore[override]
        result = LocatedList(self.construct_object(child, deep=True) for child in node.value)
        result.location = _location(self.source_path, node.start_mark)
        result.item_locations = [_location(self.source_path, c.start_mark) for c in node.value]
        result.item_spans = [(c.start_mark.index, c.end_mark.index) for c in node.value]
        result.source = self.source_text
        return result



class _LocatingLoader(_Locating, yaml.SafeLoader):
    """PyYAML's own (pure Python) safe loader with the locating constructor: the one whose
    errors the drafter reads. Anchors and aliases are refused: report data never needs them,
    and an alias is how a small file expands into billions of values ("billion laughs")."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise RefusedValue(f"aliases (*{event.anchor}) are not allowed in report data; write the value out",
                               event.start_mark)
        return super().compose_node(parent, index)


class _Aliased(Exception):
    """A node reached twice: the document uses an alias (the careful loader says where)."""


class _FastLocatingLoader(_Locating, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same constructor over libyaml's parser, which composes ~15 times faster with the same
    marks (line, column, index). It cannot refuse an alias while composing, so a node met twice
    stops it; any problem at all sends the file to the careful loader, whose messages are the
    ones drafters are given."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        seen = self.__dict__.setdefault("_seen", set())
        if id(node) in seen:
            raise _Aliased()
        seen.add(id(node))
        return super().construct_object(node, deep=deep)


for _loader in (_LocatingLoader, _FastLocatingLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _Locating.construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _Locating.construct_sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _Locating.construct_yaml_timestamp)


def read_text(path: Path, root: Path | None = None) -> str:
    """The file's text: a regular file (inside `root`, the data folder, when given), no larger
    than the input limit, UTF-8, and free of the characters characters.py refuses; anything
    else is an InputError located at the file, or at the line and column of the bad byte."""
    shown = display_path(path)
    raw = read_input_bytes(path, root)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError([Problem(Location(shown, line, column), "error",
                                  "file is not valid UTF-8 text; save it as UTF-8")]) from None
    if text.startswith("\ufeff"):  # a byte order mark some editors write first: not part of the text
        text = text[1:]
    bad = REFUSED.search(text)
    if bad:
        raise InputError([Problem(offset_location(text, shown, bad.start()), "error", refused_message(bad.group()))])
    return text


def _fast_load(text: str, shown: str) -> Any:
    """The file's data through libyaml, or _Aliased / a YAML error when the careful loader must
    read it (and say what is wrong)."""
    loader = _FastLocatingLoader(text)
    loader.source_path, loader.source_text = shown, text
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load_yaml(path: Path, root: Path | None = None) -> Any:
    """Parse one YAML file safely; syntax errors become a located InputError, and so does a
    file with no data in it (empty, or only comments). Files are read through libyaml when
    PyYAML has it; whatever that cannot read cleanly is read again by the pure-Python loader,
    whose located messages the drafter gets."""
    shown = display_path(path)
    text = read_text(path, root)
    if yaml.__with_libyaml__:
        try:
            data = _fast_load(text, shown)
        except (yaml.YAMLError, _Aliased, RecursionError, ValueError, TypeError):
            pass  # read again below, carefully
        else:
            if data is not None:
                return data
    loader = None
    try:
        loader = _LocatingLoader(text)
        loader.source_path = shown
        loader.source_text = text
        data = loader.get_single_data()
    except RefusedValue as exc:
        # a value we refuse (alias, unprintable character, duplicate key): not a syntax error
        where = exc.problem_mark or exc.context_mark
        raise InputError([Problem(_location(shown, where), "error", str(exc.problem))]) from None
    except yaml.MarkedYAMLError as exc:
        where, message = _explain_syntax_error(exc, text)
        raise InputError([Problem(_location(shown, where), "error", f"YAML syntax: {message}")]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(Location(shown, 1, 1), "error", f"YAML syntax: {exc}")]) from None
    except RecursionError:
        raise InputError([Problem(Location(shown, 1, 1), "error",
                                  "YAML nested too deeply to read; check the brackets")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        raise InputError([Problem(Location(shown, 1, 1), "error",
                                  "the file holds no data (it is empty, or only comments); write its keys, "
                                  "or delete the file")])
    return data


def _explain_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[yaml.Mark, str]:
    """Where a YAML syntax error really is, and what to do about it, in an editor's words."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    assert mark is not None  # PyYAML marks every error it raises while reading
    unclosed = _unclosed_quote_before(text, mark.line)
    if unclosed is not None and "quoted scalar" not in context:
        # a quote left open runs on over the lines below it, so PyYAML stumbles far further on
        return unclosed, ("the quotation mark opened here is not closed on its line, so the text runs on "
                          "to the next quotation mark below; close it")
    if problem == "mapping values are not allowed here":
        lines = text.splitlines()
        line = lines[mark.line] if mark.line < len(lines) else ""
        if ":" in line[: mark.column]:
            return mark, "a ': ' inside a value; put the whole value in double quotes"
        previous = _previous_line_without_colon(text, mark.line)
        if previous is not None:
            return previous, "this line has no ':' after its key; write 'key: value'"
        indent = len(line) - len(line.lstrip())
        return yaml.Mark("", 0, mark.line, indent, None, None), (
            "this line is indented more than the key above it, so it reads as part of that key's value; "
            "line it up with the other keys at its level")
    if problem == "could not find expected ':'" and exc.context_mark:
        return exc.context_mark, ("this line is neither 'key: value' nor indented as part of the text "
                                  "above it; add the ':' or indent it like the lines above")
    if "quoted scalar" in context and exc.context_mark:
        return exc.context_mark, "the quotation mark opened here is never closed"
    if problem.startswith("found character '\\t'"):
        return mark, "a tab character; indent YAML with spaces only"
    if problem.startswith("found character") and "cannot start any token" in problem:
        char = problem.split("'")[1]
        return mark, f"a value cannot start with '{char}'; put the value in double quotes"
    if problem.startswith("expected <block end>"):
        return mark, ("this line is indented differently from the lines above it; "
                      "line it up with the other keys or list items at its level")
    if problem == "but found another document":
        return mark, "a file holds one document; remove this '---' line and what it starts"
    if problem.startswith("found undefined alias"):
        return mark, "a value cannot start with '*'; put the value in double quotes"
    if problem.startswith("expected ',' or ") and exc.context_mark:
        closing = "]" if "']'" in problem else "}"
        return exc.context_mark, f"the bracket opened here is not closed; close it with '{closing}' (or put the value in double quotes)"
    return mark, " ".join(filter(None, [problem, context and f"({context})"]))


OPENING_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[\w.-]+:\s+)?(["'])""")


def _unclosed_quote_before(text: str, line: int) -> yaml.Mark | None:
    """The first quoted value, on a line up to `line`, whose quote is not closed on its line."""
    for index, content in enumerate(text.splitlines()[: line + 1]):
        opened = OPENING_QUOTE.match(content)
        if opened is None:
            continue
        quote, rest = opened.group(1), content[opened.end():]
        closing = r'(?<!\\)"' if quote == '"' else r"'(?!')"
        if not re.search(closing, rest.replace("''", "") if quote == "'" else rest):
            return yaml.Mark("", 0, index, opened.start(1), None, None)
    return None


def _previous_line_without_colon(text: str, line: int) -> yaml.Mark | None:
    """The mark of the nearest line above `line` with text but no ':', if it is the one just above."""
    lines = text.splitlines()
    for index in range(line - 1, -1, -1):
        stripped = lines[index].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if ":" in stripped:
            return None
        column = len(lines[index]) - len(lines[index].lstrip())
        return yaml.Mark("", 0, index, column, None, None)
    return None


def load_csv(path: Path, root: Path | None = None) -> LocatedList:
    """Rows of a CSV file with a header, as LocatedDicts (line numbers of each row)."""
    shown = display_path(path)
    text = read_text(path, root)
    rows = LocatedList()
    rows.location = Location(shown, 1, 1)
    rows.item_locations, rows.item_spans, rows.source = [], [], text
    reader = csv.DictReader(text.splitlines())
    rows.header = list(reader.fieldnames or [])
    for record in reader:
        if record.get(None):  # fields past the header's columns: a shifted row would read silently wrong
            raise InputError([Problem(Location(shown, reader.line_num, 1), "error",
                                      f"this row has {len(record[None])} field(s) more than the header's "
                                      f"{len(rows.header)} columns; put a value that holds a comma in double "
                                      "quotes, or remove the extra fields")])
        row = located_dict(Location(shown, reader.line_num, 1), text)
        row.update({k: (v or "").strip() for k, v in record.items() if k})
        row.key_locations = {k: row.location for k in row}
        row.key_positions = dict(row.key_locations)
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


def locate_key(container: Any, *path: str | int) -> Location | None:
    """The location of the last key of `path` itself (not its value), else the nearest known."""
    parent = container
    for step in path[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return locate(container, *path)
    if isinstance(parent, LocatedDict) and path and path[-1] in parent.key_positions:
        return parent.key_positions[str(path[-1])]
    return locate(container, *path)


def find_in_value(container: Any, path: tuple[str | int, ...],
                  pattern: str | re.Pattern) -> list[tuple[Location, re.Match]]:
    """Each match of `pattern` in the source text of the value at `path`, with its location.

    Searching the source (not the parsed value) keeps line numbers right inside folded and
    multi-line text; a name broken over two lines matches when the pattern allows any space.
    """
    parent: Any = container
    for step in path[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return []
    last = path[-1] if path else None
    if isinstance(parent, LocatedDict) and isinstance(last, str) and last in parent.spans:
        start, end = parent.spans[last]
    elif isinstance(parent, LocatedList) and isinstance(last, int) and 0 <= last < len(parent):
        start, end = parent.item_spans[last]
    else:
        return []
    source, shown = parent.source, parent.location.path
    return [(offset_location(source, shown, m.start()), m) for m in re.compile(pattern).finditer(source, start, end)]


def offset_location(source: str, shown: str, offset: int) -> Location:
    """The 1-based line and column of a character offset in a file's text."""
    line_start = source.rfind("\n", 0, offset) + 1
    return Location(shown, source.count("\n", 0, offset) + 1, offset - line_start + 1)
