"""The new-edition stage: start session TO's editions from session FROM's.

Each edition of FROM is copied with a YAML round trip (ruamel.yaml), so the drafter's comments,
folded paragraphs, quoting and key order stay as they were; only the facts of the new session
change: session, `previous`, symbol (none yet: a draft), dates, job number, and the agenda item,
which is left for the drafter (`agenda.todo`) because the next session's agenda is not known yet.
Paragraphs are carried over verbatim; their `{{ ... }}` expressions update themselves.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml as pyyaml
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pipeline.build.atomic import write_atomically
from pipeline.inputs.layout import (check_session_id, edition_files, edition_path, is_translation_file, series_file,
                                    session_numbers)
from pipeline.inputs.load import Inputs, Sourced, load_editions
from pipeline.model.blocks import DraftBlock
from pipeline.model.edition import Edition
from pipeline.model.reference import Organ
from pipeline.model.translation import Translation, source_hash
from pipeline.inputs.problems import InputError, Location, Problem, display_path
from pipeline.i18n.style import ordinal
from pipeline.validate import validate
from pipeline.validate.rules.translations import check_translated_texts, check_translations

IDENTITY_LINE = re.compile(r"^# Session \d+ \(\d{4}\)")
USES_CHANGES = re.compile(r"{{[^}]*\bchanges\b")
USES_PARTIES = re.compile(r"{{[^}]*\bparties\b")
CHANGE_COMMENT = "Added by new-edition (the series' change_paragraph): what changed since the previous report."
DRAFTED_LINE_START = "# Drafted from the session "


class EditionError(Exception):
    """A request new-edition cannot carry out; its message is one line for the user."""


@dataclass(frozen=True)
class DraftedEdition:
    """A new edition's text, not yet written, and where it comes from and goes."""

    source: Path
    target: Path
    text: str
    kept: bool = False  # the target exists and was asked to be kept: nothing to write
    relaid: tuple[int, ...] = ()  # lines of the source the draft writes otherwise than they stand
    to_check: tuple[str, ...] = ()  # what the draft carries that may belong to the source edition alone
    dates_left_out: bool = False  # the source's session days, which the draft leaves to the drafter
    passed_over: tuple[int, ...] = ()  # sessions between the source's and the new one with this series' edition

    def passed_over_note(self) -> str | None:
        """Later editions of the series than the source, which the draft does not follow."""
        if not self.passed_over:
            return None
        sessions = ("s " if len(self.passed_over) > 1 else " ") + ", ".join(str(n) for n in self.passed_over)
        latest = self.passed_over[-1]
        has = "already has" if len(self.passed_over) == 1 else "each already have"
        return (f"{display_path(self.target)}: session{sessions} {has} an edition of this series, later than "
                f"{display_path(self.source)}, which the draft follows (its 'previous report' and what it carries "
                f"are that edition's); to follow the latest, draft from session {latest} instead")

    def to_check_note(self) -> str | None:
        """What the draft carries over that may have been the source edition's alone (a late
        submission's note, a reissue's mark, a special edition's title): to check, or delete."""
        if not self.to_check:
            return None
        return (f"{display_path(self.target)}: carried over as they stand in {display_path(self.source)}, "
                f"which may have been that edition's alone: {'; '.join(self.to_check)}; keep each only if the "
                "new edition has it too")

    def dates_note(self) -> str | None:
        """The session days the draft leaves out (they are the new session's to give)."""
        if not self.dates_left_out:
            return None
        return (f"{display_path(self.target)}: the session's days ({display_path(self.source)}'s session_dates) are "
                "left out; give the new session's as session_dates: {opens: ..., closes: ...}")

    def relaid_note(self) -> str | None:
        """What to tell the drafter when the draft writes some of the source's lines otherwise
        (a comparison of the two files shows them as changed), and how to avoid it; None if none."""
        if not self.relaid:
            return None
        return (f"{display_path(self.source)}:{self.relaid[0]}: {len(self.relaid)} line(s) of it are written "
                "otherwise in the draft (re-indented, or a text run over several lines without '>-' that comes "
                "out on one line), so a comparison of the two files shows them as changed; indent by 2 and write "
                "such texts as '>-' blocks to keep drafts line for line")


def edition_specific(edition: Edition) -> tuple[str, ...]:
    """What an edition may have had for itself alone, named for the drafter: its own title and
    author line, its masthead notes, an addendum's title, the drafts it recommends."""
    def quoted(text: str) -> str:
        return f"'{text}'" if len(text) <= 60 else f"'{text[:57].rstrip()}...'"
    named = [f"its own title {quoted(edition.title)}"] if edition.title else []
    named += [f"the masthead note on the {note.attached_to} {quoted(note.text)}" for note in edition.masthead_notes]
    named += [f"the addendum's title {quoted(edition.addendum_title)}"] if edition.addendum_title else []
    named += [f"its own author line {quoted(edition.author)}"] if edition.author else []
    named += [f"the draft {block.kind} {quoted(block.spec.title) if block.spec.title else '(untitled)'}"
              for _, blocks in edition.block_lists() for block in blocks if isinstance(block, DraftBlock)]
    return tuple(named)


def parse_date(text: str | None, option: str) -> dt.date | None:
    """A date from the command line, or a one-line EditionError naming the option."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise EditionError(f"{option}: {text!r} is not a real date (write YYYY-MM-DD)") from None


def years_later(day: dt.date, years: int) -> dt.date:
    """The same day and month `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def working_day(day: dt.date, not_before: dt.date | None = None) -> dt.date:
    """The day itself on a weekday; else the Friday before it (documents are dated on working
    days), or the Monday after when that Friday would fall before `not_before` (the as-at date)."""
    if day.weekday() < 5:
        return day
    friday = day - dt.timedelta(days=day.weekday() - 4)
    if not_before is None or friday >= not_before:
        return friday
    return day + dt.timedelta(days=7 - day.weekday())


# Indentations (mapping, sequence, dash offset) a data file may be written in: ours first
# (`key:\n  sub: x`, `body:\n  - paragraph:`), then the common others (PyYAML's, 4 spaces).
LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0))


def round_trip_yaml(layout: tuple[int, int, int] = LAYOUTS[0]) -> YAML:
    """ruamel.yaml in round-trip mode, set to a layout of data files; nulls stay `null`."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the drafter's lines
    mapping, sequence, offset = layout
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.representer.add_representer(
        type(None), lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null"))
    yaml.representer.ignore_aliases = lambda _data: True  # report data refuses aliases (sources.py)
    return yaml


def set_key(mapping: CommentedMap, key: str, value: object, after: str | None = None, comment: str | None = None) -> None:
    """Set a key in place, or insert it after `after` (at the end when absent), with an end-of-line comment."""
    if key in mapping:
        mapping[key] = value
    else:
        keys = list(mapping)
        position = keys.index(after) + 1 if after in keys else len(keys)
        mapping.insert(position, key, value)
    if comment and key not in mapping.ca.items:
        mapping.yaml_add_eol_comment(comment, key)


@dataclass(frozen=True)
class DraftSession:
    """The session a new edition is drafted for: its number and dates, and what its organ calls
    it and prints for its documents' symbols until they are assigned."""

    number: int
    date: dt.date
    as_at: dt.date
    name: str          # 'sixtieth session'; '2020 session' for an organ whose sessions are years
    draft_symbol: str  # 'A/60/...', 'E/CN.6/2017/...'

    @classmethod
    def of(cls, number: int, date: dt.date, as_at: dt.date, organ: Organ | None) -> DraftSession:
        """The new session as its organ names it (as the General Assembly does without one)."""
        year = organ is not None and organ.session_style == "year"
        return cls(number, date, as_at, f"{number} session" if year else f"{ordinal(number)} session",
                   organ.draft_symbol(organ.symbol_number_of(number, date)) if organ else f"A/{number}/...")


def agenda_todo(session: DraftSession) -> str:
    """The todo of a drafted agenda item ('... of the sixtieth session (A/60/...)', '... of the
    2020 session' for an organ whose sessions are years), naming the new session's documents by
    the organ's draft symbol (E/CN.6/2017/...)."""
    return (f"fill in item, sub_item and provisional_agenda from the provisional agenda of the "
            f"{session.name} ({session.draft_symbol}), check the title, then delete this todo line")


def retitled_header(text: str, source_session: int, session: int, year: int) -> str:
    """The leading comment block for the new edition: its 'Session N (YYYY)' line renumbered,
    a line saying where it was drafted from; the drafter's other comments kept."""
    lines = text.splitlines(keepends=True)
    end = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    header = [line for line in lines[:end] if not line.startswith(DRAFTED_LINE_START)]
    if header and IDENTITY_LINE.match(header[0]):
        header[0] = IDENTITY_LINE.sub(f"# Session {session} ({year})", header[0])
    else:
        header.insert(0, f"# Session {session} ({year}) edition.\n")
    header.insert(1, f"{DRAFTED_LINE_START}{source_session} edition by `unreport new-edition "
                     f"{source_session} {session}`; see README, \"Drafting the next edition\".\n")
    return "".join(header + lines[end:])


def series_change_paragraph(series_path: Path) -> object | None:
    """The series' change paragraph as ruamel loads it (so its folding is kept), if it has one."""
    if not series_path.is_file():
        return None
    return round_trip_yaml().load(series_path.read_text(encoding="utf-8")).get("change_paragraph")


def add_change_paragraph(body: CommentedSeq, paragraph: object) -> None:
    """Put the change paragraph after the status paragraph (the last that lists `parties`),
    unless a paragraph already reports changes; at the end when no paragraph gives the status."""
    texts = [str(block.get("paragraph", "")) for block in body]
    if any(USES_CHANGES.search(text) for text in texts):
        return
    status = [i for i, text in enumerate(texts) if USES_PARTIES.search(text)]
    position = status[-1] + 1 if status else len(body)
    block = CommentedMap(paragraph=paragraph)
    body.insert(position, block)
    body.yaml_set_comment_before_after_key(position, before=CHANGE_COMMENT, indent=2)


def relaid_lines(text: str, layout: tuple[int, int, int]) -> list[int]:
    """The lines of *text* that ruamel.yaml writes otherwise when it reads and writes it unchanged
    in *layout* (1-based): a plain text run over several lines comes out on one, for one."""
    out = io.StringIO()
    yaml = round_trip_yaml(layout)
    yaml.dump(yaml.load(text), out)
    source = text.splitlines()
    matcher = difflib.SequenceMatcher(None, source, out.getvalue().splitlines(), autojunk=False)
    return [n + 1 for tag, a, b, _, _ in matcher.get_opcodes() if tag != "equal" for n in range(a, b)]


def source_layout(text: str) -> tuple[tuple[int, int, int], list[int]]:
    """The layout the source edition is written in (the one ruamel.yaml writes back with the
    fewest lines changed), and the lines it still cannot write back as they were."""
    best: tuple[tuple[int, int, int], list[int]] | None = None
    for layout in LAYOUTS:
        changed = relaid_lines(text, layout)
        if best is None or len(changed) < len(best[1]):
            best = (layout, changed)
        if not changed:
            break
    assert best is not None
    return best


def draft_text(source_text: str, source: Edition, session: DraftSession, change_paragraph: object | None = None,
               layout: tuple[int, int, int] = LAYOUTS[0]) -> str:
    """The new edition's YAML: the source's text with the new session's facts set, and the
    series' change paragraph added when the source reports no changes, written in the source's
    layout."""
    yaml = round_trip_yaml(layout)
    data = yaml.load(source_text)
    if change_paragraph is not None:
        add_change_paragraph(data["body"], change_paragraph)
    data["session"] = session.number
    set_key(data, "previous", source.session, after="session", comment="the edition this one follows")
    set_key(data, "symbol", None, after="previous", comment="not yet assigned: the edition renders as a draft")
    data["date"] = session.date
    set_key(data, "as_at", session.as_at, after="date")
    # a session's days are the new session's to fill in: until then the draft prints none and
    # validation asks for them
    data.pop("session_dates", None)
    if "job_number" in data:
        data["job_number"] = None
    agenda = data.get("agenda")  # a report under no agenda item has none
    for item in agenda if isinstance(agenda, list) else [agenda] if agenda is not None else []:
        set_key(item, "todo", agenda_todo(session))
        item.move_to_end("todo", last=False)
        for key in ("item", "sub_item", "provisional_agenda"):
            set_key(item, key, None)
        item.pop("preliminary_list", None)  # the next session's report is issued under its provisional agenda
    out = io.StringIO()
    yaml.dump(data, out)
    return retitled_header(out.getvalue(), source.session, session.number, session.date.year)


def _load_failure(exc: Exception) -> str:
    """Why a drafted file does not load, in a drafter's words (not pydantic's dump)."""
    if not isinstance(exc, ValidationError):
        return str(exc)
    said = []
    for problem in exc.errors():
        where = ".".join(str(part) for part in problem["loc"])
        hint = {"date": " (give --date)", "as_at": " (give --as-at)"}.get(where, "")
        said.append(f"'{where}': {problem['msg']}{hint}")
    return "; ".join(said)


def _require_loads(model: type[BaseModel], text: str, target: Path) -> None:
    """A drafted text must load as its model (an edition, a language version); anything else is
    a defect of this module."""
    try:
        model.model_validate(pyyaml.safe_load(text))
    except (pyyaml.YAMLError, ValidationError) as exc:
        raise EditionError(f"drafted {display_path(target)} does not load: {_load_failure(exc)}; nothing was "
                           "written") from None


def draft_editions(data_dir: Path, source_session: str | int, session: str | int, series: str | None = None,
                   date: dt.date | None = None, as_at: dt.date | None = None,
                   force: bool = False, keep_existing: bool = False) -> list[DraftedEdition]:
    """Draft session `session`'s editions from `source_session`'s, in memory.

    Dates default to the source's, moved on one year a session (validation warns when that
    falls on a weekend: moving it here would make dates drift edition after edition). An existing target is
    overwritten with `force`, kept with `keep_existing` (in the result, marked `kept`), and
    otherwise an EditionError. Raises EditionError for a bad request (unknown session or
    series, as-at after the date, or, without `force`, before the source's as-at) and InputError when the source editions do not load.
    """
    try:
        source_number, number = check_session_id(source_session), check_session_id(session)
    except InputError as exc:
        raise EditionError(exc.problems[0].message) from None
    if number <= source_number:
        raise EditionError(f"the new session ({number}) must come after the session it is drafted from ({source_number})")
    files = edition_files(data_dir, source_number)
    if not files:
        raise EditionError(f"no editions for session {source_number} in {display_path(data_dir / 'sessions')}")
    if series is not None:
        chosen = [f for f in files if f.stem == series]
        if not chosen:
            raise EditionError(f"session {source_number} has no '{series}' edition "
                               f"(it has: {', '.join(f.stem for f in files)})")
        files = chosen
    inputs = load_editions(data_dir, files)
    inputs.raise_if_errors()
    drafted = []
    for sourced in inputs.editions:
        try:
            drafted += _draft_one(inputs, sourced, data_dir, source_number, number, date, as_at, force, keep_existing)
        except EditionError as exc:
            if series is None and len(inputs.editions) > 1:
                raise EditionError(f"{exc} (for {display_path(sourced.path)}; to draft the other series of session "
                                   f"{source_number} alone, give --series / SERIES=)") from None
            raise
    return drafted


def _draft_one(inputs: Inputs, sourced: Sourced, data_dir: Path, source_number: int, number: int, date: dt.date | None,
               as_at: dt.date | None, force: bool, keep_existing: bool) -> list[DraftedEdition]:
    """One edition of the session drafted for the new one, with its language versions."""
    years = number - source_number
    source: Edition = sourced.model
    target = edition_path(data_dir, number, source.series)
    check_target(data_dir, target)
    if target.exists() and not force:
        if keep_existing:
            return [DraftedEdition(sourced.path, target, "", kept=True)]
        raise EditionError(f"{display_path(target)} already exists; use --force to overwrite it")
    organ_name = inputs.series[source.series].model.organ
    organ = inputs.organ(organ_name)
    sessions_are_years = organ is not None and organ.session_style in ("year", "none")
    if (date is None or as_at is None) and organ is not None and organ.first_session_year is None \
            and not sessions_are_years:
        raise EditionError(f"the {organ_name}'s sessions are not counted one a year from a known first year, so "
                           f"session {number}'s dates cannot be counted from session {source_number}'s; give the "
                           "new edition's --date and --as-at")
    new_as_at = as_at or years_later(source.as_at, years)
    new_date = date or working_day(years_later(source.date, years), not_before=new_as_at)
    if new_as_at > new_date:
        raise EditionError(f"the as-at date {new_as_at} is after the document date {new_date}")
    if new_as_at < source.as_at and not force:
        raise EditionError(f"the as-at date {new_as_at} is earlier than that of the edition it follows "
                           f"(session {source_number}'s {source.series}, as at {source.as_at}): its figures "
                           "would go back in time and its 'changes since the previous report' would be false; "
                           "give --as-at "
                           f"{source.as_at} or later (or --force to draft it all the same)")
    source_text = sourced.path.read_text(encoding="utf-8")
    layout, relaid = source_layout(source_text)
    text = draft_text(source_text, source, DraftSession.of(number, new_date, new_as_at, organ),
                      series_change_paragraph(series_file(data_dir, source.series)), layout=layout)
    _require_loads(Edition, text, target)
    later = tuple(n for n in session_numbers(data_dir, source.series) if source_number < n < number)
    drafted = DraftedEdition(sourced.path, target, text, relaid=tuple(relaid), to_check=edition_specific(source),
                             dates_left_out=source.session_dates is not None, passed_over=later)
    return [drafted] + draft_translations(inputs, sourced, number)


def translation_errors(inputs: Inputs, sourced: Sourced) -> list[Problem]:
    """The errors of an edition's language versions (an unknown id, a text that does not
    compose, ...): a new edition refuses to carry a broken translation forward, where it would
    break the next session's build too; stale ones are carried, marked."""
    problems = list(check_translations(inputs, sourced)) + list(check_translated_texts(inputs, sourced))
    return [p for p in problems if p.severity == "error"]


def draft_translations(inputs: Inputs, sourced: Sourced, session: int) -> list[DraftedEdition]:
    """The language versions of an edition, carried forward beside the new edition: every
    translated block is kept, and marked `stale: true` where the original's text no longer
    matches the text it translated (its source_hash); the job number is the new version's
    to fill in."""
    source: Edition = sourced.model
    broken = translation_errors(inputs, sourced)
    if broken:
        raise InputError(broken)
    originals = {block.id: block.text for _, blocks in source.block_lists() for block in blocks
                 if getattr(block, "id", None)}
    drafted = []
    for translated in inputs.translations.get(sourced.path, []):
        target = edition_path(inputs.data_dir, session, source.series).with_name(translated.path.name)
        check_target(inputs.data_dir, target)
        translated_text = translated.path.read_text(encoding="utf-8")
        layout, relaid = source_layout(translated_text)
        yaml = round_trip_yaml(layout)
        data = yaml.load(translated_text)
        if "job_number" in data:
            data["job_number"] = None
        for key, block in (data.get("translations") or {}).items():
            text = originals.get(key)
            if text is not None and source_hash(text) != str(block.get("source_hash")):
                set_key(block, "stale", True, comment="the English text changed since this was translated")
        out = io.StringIO()
        yaml.dump(data, out)
        _require_loads(Translation, out.getvalue(), target)
        drafted.append(DraftedEdition(translated.path, target, out.getvalue(), relaid=tuple(relaid)))
    return drafted


def check_target(data_dir: Path, target: Path) -> None:
    """A draft is written as a plain file inside the data folder: a link where it goes (or a linked
    folder on its way there, which would take it out of the data folder) or a folder where the file
    goes is refused before anything is written (EditionError)."""
    path = target
    while path != data_dir and path != path.parent:
        if path.is_symlink():
            raise EditionError(f"{display_path(path)} is a link; new-edition writes plain files inside the data "
                               "folder only: remove the link (or replace it with the file or folder itself)")
        if path != target and path.exists() and not path.is_dir():
            raise EditionError(f"{display_path(path)} is a file, where the session's folder goes; move it away first")
        path = path.parent
    if target.is_dir():
        raise EditionError(f"{display_path(target)} is a folder, where the draft's file goes; move it away first")


def draft_problems(data_dir: Path, drafted: list[DraftedEdition]) -> list[Problem]:
    """What validation says of the data once the drafts are written, worked out before anything
    is written: the data folder is copied to a scratch folder, the drafts written there and
    validated; each problem is located in the real data folder (a draft at the file it would be
    written to). An error in a text the draft carries (a series' change paragraph, a paragraph of
    the source edition) is told where it is written; its copy in the draft is not told again."""
    written = [d for d in drafted if not d.kept]
    if not written:
        return []
    with tempfile.TemporaryDirectory(prefix="unreport-draft-") as scratch:
        copy = Path(scratch) / "data"
        shutil.copytree(data_dir, copy, symlinks=True)
        targets = []
        for draft in written:
            target = copy / draft.target.relative_to(data_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(draft.text, encoding="utf-8")
            if not is_translation_file(target):
                targets.append(target)
        problems = validate(load_editions(copy, targets))
        scratch_root = copy.resolve()

        shown = {display_path(copy): display_path(data_dir), str(scratch_root): str(data_dir.resolve())}

        def real(problem: Problem) -> Problem:
            message = problem.message
            for scratch_name, real_name in shown.items():
                message = message.replace(scratch_name, real_name)
            path = Path(problem.location.path)
            try:
                inside = (path if path.is_absolute() else Path.cwd() / path).resolve().relative_to(scratch_root)
            except (ValueError, OSError):
                return Problem(problem.location, problem.severity, message)
            where = Location(display_path(data_dir / inside), problem.location.line, problem.location.column)
            return Problem(where, problem.severity, message)

        problems = [real(p) for p in problems]
    # The change paragraph's mistakes are told at the series' line: not again in the draft's copy.
    told = any(p.message.startswith("change_paragraph") and p.severity == "error" for p in problems)
    added = {display_path(d.target): added_lines(d.text) for d in written} if told else {}
    return [p for p in problems if p.location.line not in added.get(p.location.path, ())]


def at_source(problem: Problem, drafted: list[DraftedEdition]) -> Problem:
    """A problem in a line a draft carries unchanged from its source edition, told at the
    source's line, for a draft that is not written (its lines cannot be opened); a problem in a
    line new-edition wrote (the date, the session) stays at the draft."""
    for draft in drafted:
        if problem.location.path != display_path(draft.target):
            continue
        try:
            source_text = draft.source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return problem
        line = carried_lines(source_text, draft.text).get(problem.location.line)
        if line is None:  # a line new-edition wrote, or one it re-laid (a text run over several lines)
            return Problem(problem.location, problem.severity,
                           f"{problem.message} (in the draft, which is not written: see the same text in "
                           f"{display_path(draft.source)} or the option that set it)")
        return Problem(Location(display_path(draft.source), line, problem.location.column), problem.severity,
                       f"{problem.message} (carried into the draft of {display_path(draft.target)})")
    return problem


def carried_lines(source_text: str, draft_text: str) -> dict[int, int]:
    """Each line of a draft that is a line of its source edition unchanged -> that line's number."""
    source_lines, draft_lines = source_text.splitlines(), draft_text.splitlines()
    matcher = difflib.SequenceMatcher(None, source_lines, draft_lines, autojunk=False)
    return {block.b + k + 1: block.a + k + 1 for block in matcher.get_matching_blocks() for k in range(block.size)}


def added_lines(text: str) -> range:
    """The lines of the change paragraph new-edition added to a draft (none when it added none)."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines, 1) if CHANGE_COMMENT in line), None)
    if start is None:
        return range(0)
    end = next((n for n, line in enumerate(lines[start + 1:], start + 2) if re.match(r"\s*(- |#)", line)
                or (line and not line.startswith(" "))), len(lines) + 1)
    return range(start, end)


def write_editions(drafted: list[DraftedEdition]) -> None:
    """Write the drafted editions, all or none: each goes to a temporary file that is renamed
    into place only once every one is written; a session folder made for them is removed again
    if writing fails."""
    drafted = [d for d in drafted if not d.kept]
    made = sorted({d.target.parent for d in drafted if not d.target.parent.exists()})
    try:
        write_atomically({d.target: d.text.encode("utf-8") for d in drafted})
    except BaseException:
        for folder in made:
            if folder.exists() and not any(folder.iterdir()):
                folder.rmdir()
        raise
