"""The build stage: validate a session, compose each edition, run the writers, and put the
files in place atomically (all of a session's outputs, or none of them).

The stages are separate functions so that pipeline/batch.py can run the writers of many
editions in worker processes while validation and the final renames stay in one place:
    prepare_session   load and validate (raises InputError; nothing is written)
    edition_job       compose one edition's tree: what a worker needs
    render_job        run the writers over a tree (in a worker): format -> bytes
    write_session     rename a session's files and its manifest into place together
Loading, validating and composing are imported only by the functions that do them, so a
worker process that only writes does not import the models or the templates.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import signal
import threading
import time
import contextlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Callable, Iterator, NoReturn

from pipeline.build.atomic import remove_stale_temporaries, write_atomically
from pipeline.build.fingerprints import Fingerprint, Fingerprinter, Manifest, ManifestEntry, manifest_path, read_manifest
from pipeline.build.limits import REPORT_SECONDS, WORKER_MEMORY, ReportLimitError, die_with_parent, limit_memory, time_limit
from pipeline.build.swap import keep_all, pause_for_test, recover, replace_set, session_lock
from pipeline.inputs.layout import TEMPLATES_DIR, check_session_id, edition_files
from pipeline.inputs.problems import Problem
from pipeline.writers.registry import DEFAULT_PDF_VARIANT, WRITERS, WriteContext, formats as registered_formats, write

if TYPE_CHECKING:
    from pipeline.inputs.load import Inputs, Sourced


@dataclass
class BuiltEdition:
    """The files written for one edition."""

    series: str
    files: dict[str, Path] = field(default_factory=dict)


@dataclass
class SessionBuild:
    session: int
    editions: list[BuiltEdition]
    warnings: list[Problem]


def render_edition(tree_html: str, document_date: dt.date, formats: tuple[str, ...],
                   templates_dir: Path = TEMPLATES_DIR, pdf_variant: str = DEFAULT_PDF_VARIANT,
                   words: tuple[tuple[str, str], ...] = ()) -> dict[str, bytes]:
    """Run each writer over one tree (with the version language's words); returns format -> bytes."""
    context = WriteContext(document_date, templates_dir, pdf_variant, words)
    return {fmt: write(fmt, tree_html, context) for fmt in formats}


def warm_up_writers(formats: tuple[str, ...]) -> None:
    """Import the writers these formats need (a worker does it while the parent validates)."""
    for fmt in formats:
        try:
            WRITERS[fmt].warm_up()
        except Exception:  # noqa: BLE001 -- the job that needs the writer will say what is wrong
            pass


# ---------------------------------------------------------------- Ctrl-C

_interrupted = threading.Event()  # a Ctrl-C came during this build (set by the handlers below)


def interrupted() -> bool:
    """Whether Ctrl-C was pressed during the build, even if some library caught the
    KeyboardInterrupt it raised (an exception in a C callback is printed and dropped)."""
    return _interrupted.is_set()


def _on_interrupt(signum: int, frame: FrameType | None) -> NoReturn:
    _interrupted.set()
    raise KeyboardInterrupt


def interrupts_noted() -> contextlib.AbstractContextManager[None]:
    """Within the block, Ctrl-C raises KeyboardInterrupt as usual and is also remembered
    (`interrupted`), so the build stops at its next step even when the exception was lost."""
    _interrupted.clear()
    return _sigint_handler(_on_interrupt)


def interrupts_held() -> contextlib.AbstractContextManager[None]:
    """Within the block (a set of files going in place) Ctrl-C is only noted: the block
    finishes, and `interrupted()` then says the build is to stop."""
    return _sigint_handler(lambda signum, frame: _interrupted.set())


@contextmanager
def _sigint_handler(handler: Callable) -> Iterator[None]:
    """SIGINT handled by `handler` within the block (signals are handled in the main thread
    only: elsewhere, as it was)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)


@contextmanager
def interrupts_blocked() -> Iterator[None]:
    """Block SIGINT while worker processes are forked: they start with it blocked and ignore
    it (start_worker), so the Ctrl-C a terminal sends its whole process group reaches this
    process only (once the block ends), which stops the workers itself."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


# ---------------------------------------------------------------- stages

@dataclass
class PreparedSession:
    """A loaded and validated session, with the fingerprint of each edition taken before
    loading (so an edit made meanwhile makes the next build rebuild, never skip)."""

    number: int
    inputs: Inputs
    warnings: list[Problem]
    fingerprints: dict[Path, Fingerprint | None]


@dataclass(frozen=True)
class EditionJob:
    """What a worker needs to write one edition: its composed tree and how to render it."""

    session: int
    series: str  # the file name stem: the series id, with the language for a language version ('cmw-status.fr')
    tree_html: str
    document_date: dt.date
    formats: tuple[str, ...]
    templates_dir: Path
    pdf_variant: str = DEFAULT_PDF_VARIANT
    words: tuple[tuple[str, str], ...] = ()  # the writers' own words in the version's language

    @property
    def name(self) -> str:
        return f"{self.session}/{self.series}"


@dataclass(frozen=True)
class RenderedEdition:
    """One edition's outputs, with what rendering it cost the worker."""

    job: EditionJob
    outputs: dict[str, bytes]
    seconds: float
    worker: int
    peak_memory: int  # the worker's peak resident memory so far, in bytes


def prepare_session(session: int | str, data_dir: Path, fingerprinter: Fingerprinter) -> PreparedSession:
    """Fingerprint, load and validate a session; raises InputError when any error stands."""
    from pipeline.inputs.load import load_session
    from pipeline.validate import require_valid

    number = check_session_id(session)
    fingerprints = {path: fingerprinter.edition(data_dir, path) for path in edition_files(data_dir, number)}
    inputs = load_session(data_dir, number)
    inputs.templates_dir = fingerprinter.templates_dir
    warnings = require_valid(inputs)
    return PreparedSession(number, inputs, warnings, fingerprints)


def edition_versions(inputs: Inputs, sourced: Sourced) -> list[str]:
    """The languages an edition is built in: the original, then each language version beside it."""
    from pipeline.i18n.languages import LANGUAGE_ORDER, ORIGINAL

    codes = {t.model.language for t in inputs.translations.get(sourced.path, [])} - {ORIGINAL}
    return [ORIGINAL] + sorted(codes, key=lambda c: (LANGUAGE_ORDER.index(c) if c in LANGUAGE_ORDER else 99, c))


def version_name(series: str, code: str) -> str:
    """A version's file name stem: 'cmw-status' for the original, 'cmw-status.fr' for French."""
    from pipeline.i18n.languages import ORIGINAL

    return series if code == ORIGINAL else f"{series}.{code}"


def edition_job(prepared: PreparedSession, sourced: Sourced, formats: tuple[str, ...],
                templates_dir: Path = TEMPLATES_DIR, code: str = "en",
                pdf_variant: str = DEFAULT_PDF_VARIANT) -> EditionJob:
    """Compose one version of an edition (in the parent: composing is cheap, writing is not)."""
    from pipeline.compose.report import compose
    from pipeline.i18n.languages import language

    edition = sourced.model
    tree = compose(prepared.inputs, sourced, templates_dir, code)
    check_tree_glyphs(tree, sourced, code)
    return EditionJob(prepared.number, version_name(edition.series, code), tree, edition.date, formats, templates_dir,
                      pdf_variant, language(prepared.inputs.data_dir, code).page_words())


def check_tree_glyphs(tree_html: str, sourced: Sourced, language: str) -> None:
    """The whole composed tree (template wording, table rows from data, everything validation
    did not see as drafted text) has a glyph in the report's fonts for every character;
    raises InputError naming the characters and the text they stand in."""
    import html
    import re

    from pipeline.i18n.fonts import glyph_message, installed_stack, missing_glyphs, no_house_font_message
    from pipeline.inputs.problems import InputError, Location, display_path

    where = Location(display_path(sourced.path))
    if not installed_stack(language):
        raise InputError([Problem(where, "error", no_house_font_message(language))])
    body = re.split(r"<body\b[^>]*>", tree_html, maxsplit=1)[-1]
    text = html.unescape(re.sub(r"<[^>]*>", " ", re.sub(r"<(style|script)\b.*?</\1>", " ", body, flags=re.S)))
    missing = missing_glyphs(text, language)
    if missing:
        at = text.index(missing[0])
        context = " ".join(text[max(0, at - 40): at + 40].split())
        raise InputError([Problem(where, "error", f"{glyph_message(missing, language)} (in the composed report: "
                                                  f"'{context}')")])


def layout_problem(text: str, message: str, inputs: Inputs, sourced: Sourced) -> Problem:
    """A writer's complaint about laid-out text, located where the text is written: in the
    edition or one of its language versions (or in the edition file, when it comes from data)."""
    from pipeline.inputs.problems import Location, display_path

    files = [sourced.path] + [version.path for version in inputs.translations.get(sourced.path, [])]
    needle = text.strip()[:40]
    for path in files:
        content = path.read_text(encoding="utf-8") if needle else ""
        at = content.find(needle) if needle else -1
        if at >= 0:
            line = content.count("\n", 0, at) + 1
            return Problem(Location(display_path(path), line, at - content.rfind("\n", 0, at)), "error", message)
    return Problem(Location(display_path(sourced.path)), "error", message)


def start_worker(formats: tuple[str, ...], parent: int) -> None:
    """A worker process's first step: ignore Ctrl-C (the build stops its workers itself), die
    with the build, limit its memory, import the writers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked while it was forked
    die_with_parent(parent)
    limit_memory()
    warm_up_writers(formats)


def render_job(job: EditionJob) -> RenderedEdition:
    """Run the writers of one edition, within the time and memory one report may take; this
    is what worker processes do."""
    started = time.perf_counter()
    try:
        with time_limit(REPORT_SECONDS, job.name):
            outputs = render_edition(job.tree_html, job.document_date, job.formats, job.templates_dir,
                                        job.pdf_variant, job.words)
    except MemoryError:
        raise ReportLimitError(f"{job.name}: writing it needed more memory than one report may have "
                               f"({WORKER_MEMORY // 2**20} MB, UNREPORT_WORKER_MEMORY_MB)") from None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    return RenderedEdition(job, outputs, time.perf_counter() - started, os.getpid(), peak)


def manifest_entry(prepared: PreparedSession, sourced: Sourced, outputs: dict[str, bytes],
                   name: str | None = None) -> ManifestEntry | None:
    """The manifest entry of a freshly built edition; None (never skip it) when its
    fingerprint is missing or was taken from other files than the ones the build read."""
    fingerprint = prepared.fingerprints.get(sourced.path)
    inputs, edition = prepared.inputs, sourced.model
    series = inputs.series.get(edition.series)
    if fingerprint is None or series is None:
        return None
    read = (edition.series, series.model.template, series.model.ledger, series.model.committee)
    named = fingerprint.sources
    if read != (named.series_id, named.template, named.ledger, named.committee):
        return None
    stem = name or edition.series
    return ManifestEntry(fingerprint.digest, {fmt: {"name": f"{stem}.{fmt}", "size": len(content)}
                                              for fmt, content in outputs.items()})


def report_of(file_name: str) -> str:
    """The report a built file belongs to: 'cmw-status.fr' of 'cmw-status.fr.web.html'."""
    for fmt in sorted(registered_formats(), key=len, reverse=True):
        if file_name.endswith("." + fmt):
            return file_name[:-len(fmt) - 1]
    return file_name


def write_session(output_dir: Path, number: int, outputs: dict[str, dict[str, bytes]],
                  manifest: Manifest, gone: frozenset[str] = frozenset()) -> list[BuiltEdition]:
    """Put the files of a session (series -> format -> bytes) in place in one step, then its
    manifest (swap.py); under the session's lock, after finishing what a killed build left.
    The files of the reports in `gone` (which the session's manifest lists but the session no
    longer holds: a language version deleted) are dropped, so none is left to be taken for
    current; any other file in the folder (a drafter's own) is kept.

    The manifest goes last: a build killed between the two leaves the new set with the old
    manifest, whose fingerprints no longer match the inputs, so the next build rebuilds
    rather than skips."""
    manifest_file = manifest_path(output_dir, number)
    files: dict[str, bytes] = {}
    built: list[BuiltEdition] = []
    for series, contents in sorted(outputs.items()):
        edition = BuiltEdition(series)
        for fmt, content in contents.items():
            files[f"{series}.{fmt}"] = content
            edition.files[fmt] = output_dir / str(number) / f"{series}.{fmt}"
        built.append(edition)
    with session_lock(output_dir, number), interrupts_held():  # a Ctrl-C waits until the set is whole
        recover(output_dir, number)
        for folder in (output_dir / str(number), manifest_file.parent):
            if folder.is_dir():
                remove_stale_temporaries(folder)
        replace_set(output_dir, number, files, keep=(lambda name: report_of(name) not in gone) if gone else keep_all)
        write_atomically({manifest_file: manifest.to_bytes()})
        pause_for_test("manifest")
    return built


# ---------------------------------------------------------------- one session, in process

def build_session(session: int | str, data_dir: Path, output_dir: Path,
                  formats: tuple[str, ...] | None = None, templates_dir: Path = TEMPLATES_DIR,
                  languages: tuple[str, ...] | None = None) -> SessionBuild:
    """Validate and build every edition of a session into output_dir/<session>/, in this
    process, whether or not its inputs changed (`unreport build` skips unchanged ones); every
    language version, or only those in `languages`."""
    formats = formats or registered_formats()
    prepared = prepare_session(session, data_dir, Fingerprinter(templates_dir))
    manifest = Manifest(warnings=[str(p) for p in prepared.warnings])
    outputs: dict[str, dict[str, bytes]] = {}
    current = {version_name(s.model.series, code) for s in prepared.inputs.editions
               for code in edition_versions(prepared.inputs, s)}
    for sourced in prepared.inputs.editions:
        for code in edition_versions(prepared.inputs, sourced):
            if languages is not None and code not in languages:
                continue
            result = render_job(edition_job(prepared, sourced, formats, templates_dir, code))
            outputs[result.job.series] = result.outputs
            entry = manifest_entry(prepared, sourced, result.outputs, result.job.series)
            if entry is not None:
                manifest.editions[result.job.series] = entry
    gone = frozenset(read_manifest(output_dir, prepared.number).editions) - current
    built = write_session(output_dir, prepared.number, outputs, manifest, gone)
    return SessionBuild(prepared.number, built, prepared.warnings)
