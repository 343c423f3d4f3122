"""Batch builds: many sessions at once, one edition per worker process, only what changed.

The parent process
1. plans: fingerprints every edition and skips those whose outputs were built from the
   same inputs (incremental.py); this loads no models and never imports WeasyPrint;
2. validates each session that has work (a session with errors gets nothing written, the
   others go on) and composes the trees of its changed editions;
3. hands each tree to a pool of workers that run the writers and return the bytes (with
   fewer editions than jobs, a worker writes each PDF while the parent writes the rest);
4. when the last report of a session is back, renames the session's files and manifest
   into place together (build.write_session); a session with a failed report is left as
   it was.
Ctrl-C stops the build (BuildInterrupted): the workers ignore it and are stopped by the
parent, a session's set that is going in place finishes first (it takes milliseconds), and
nothing more is written.
"""

from __future__ import annotations

import dataclasses
import os
import time
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol

from pipeline.build.fingerprints import Fingerprint, Fingerprinter, Manifest, is_up_to_date, read_manifest
from pipeline.inputs.layout import check_session_id, edition_files, translation_files, translation_language
from pipeline.inputs.problems import InputError, display_path
from pipeline.writers.pdf import LayoutError
from pipeline.writers.registry import DEFAULT_PDF_VARIANT, WRITERS, formats as registered_formats

if TYPE_CHECKING:  # the build stage is imported only when there is something to build
    from pipeline.build.session import PreparedSession
    from pipeline.inputs.load import Sourced


def available_cores() -> int:
    """The cores this process may run on (its affinity), not merely those the machine has."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class BatchOptions:
    data_dir: Path
    output_dir: Path
    templates_dir: Path
    formats: tuple[str, ...] = field(default_factory=registered_formats)
    jobs: int = 1
    force: bool = False
    pdf_variant: str = DEFAULT_PDF_VARIANT  # see writers/pdf.py PDF_VARIANTS


@dataclass(frozen=True)
class Failure:
    """A report (or a whole session) that was not built, and why."""

    what: str  # "59/cmw-status" or "session 59"
    message: str
    input_error: bool = False  # the inputs are wrong, rather than the build


@dataclass
class BatchSummary:
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 0
    peak_memory: dict[int, int] = field(default_factory=dict)  # worker pid -> peak bytes
    sessions_written: list[int] = field(default_factory=list)

    @property
    def peak_worker_memory(self) -> int:
        return max(self.peak_memory.values(), default=0)


class BuildInterrupted(Exception):
    """Ctrl-C stopped the build: the workers are stopped, no staging folder is left, and the
    sessions in `summary.sessions_written` were written (whole) before it; no other."""

    def __init__(self, summary: BatchSummary) -> None:
        super().__init__("interrupted")
        self.summary = summary


class Progress(Protocol):
    """What a batch tells the person who runs it."""

    def start(self, total: int) -> None: ...
    def finished(self, report: str, ok: bool, seconds: float) -> None: ...
    def working_on(self, report: str) -> None: ...
    def note(self, text: str, error: bool = False) -> None: ...
    def close(self) -> None: ...


# ---------------------------------------------------------------- planning

@dataclass
class SessionPlan:
    """A session's editions and which of them need building."""

    number: int
    files: list[Path]
    manifest: Manifest
    stale: set[Path]

    @property
    def up_to_date(self) -> bool:
        return bool(self.files) and not self.stale

    def units(self) -> list[str]:
        """What the progress counts for this session: its stale reports (or the session
        itself when it has no editions, which is an error to report)."""
        return [f"{self.number}/{name}" for path in sorted(self.stale)
                for name in [path.stem] + [t.stem for t in translation_files(path)]] or [f"session {self.number}"]


def plan_session(number: int, options: BatchOptions, fingerprinter: Fingerprinter) -> SessionPlan:
    """Which editions of a session changed since their outputs were built (all with --force)."""
    from pipeline.build.session import version_name

    def versions(path: Path) -> list[str]:
        """The names of an edition's language versions, as the manifest keeps them."""
        return [version_name(path.stem, translation_language(t)) for t in translation_files(path)]

    files = edition_files(options.data_dir, number)
    manifest = read_manifest(options.output_dir, number)
    session_dir = options.output_dir / str(number)
    stale = set()
    for path in files:
        fingerprint: Fingerprint | None = fingerprinter.edition(options.data_dir, path)
        names = [fingerprint.sources.series_id] if fingerprint else [None]
        names += versions(path)
        entries = [manifest.editions.get(name) if fingerprint and name else None for name in names]
        if options.force or not all(is_up_to_date(entry, fingerprint, options.formats, session_dir) for entry in entries):
            stale.add(path)
    named = {name for path in files for name in versions(path)}
    named |= {path.stem for path in files}
    if files and set(manifest.editions) - named and not stale:  # a report gone: rewrite the set without it
        stale.add(files[0])
    return SessionPlan(number, files, manifest, stale)


# ---------------------------------------------------------------- running

class InlineExecutor(Executor):
    """Runs each job at once in this process (--jobs 1, or a single report to build)."""

    def submit(self, fn: Callable, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # reported like a worker's failure
            future.set_exception(exc)
        return future


def make_pool(workers: int, formats: tuple[str, ...]) -> Executor:
    """A pool of `workers` processes that import the writers of these formats as soon as
    they start, while the parent validates; forked where possible, so they inherit what is
    imported already; none (jobs run in this process) for 0 workers."""
    if workers <= 0:
        return InlineExecutor()
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.build.session import interrupts_blocked, start_worker

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if "fork" in methods else None
    with interrupts_blocked():  # the workers start with Ctrl-C blocked, then ignore it
        executor = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                       initializer=start_worker, initargs=(formats, os.getpid()))
        executor.submit(int)  # start the workers now (a forking pool starts them all at its first job)
    return executor


def stop_pool(pool: Executor, seconds: float = 10) -> None:
    """Stop the workers at once (after Ctrl-C): they ignore SIGINT and hold no file of the
    output (the parent writes every file), so they are terminated; queued jobs are dropped.
    Never waits long: a worker that outlives `seconds` is killed."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(seconds)
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)




def slow_part(formats: tuple[str, ...]) -> tuple[str, ...]:
    """The formats whose writers are slow (the PDF): worth a worker of their own."""
    return tuple(f for f in formats if WRITERS[f].slow)


@dataclass(frozen=True)
class Workers:
    """Who runs the writers: `pool` worker processes and/or this process.

    With at least as many editions as jobs, each worker takes whole editions. With fewer
    (one report, say), each edition is split: its PDF goes to a worker, which has imported
    WeasyPrint while this process validated, and this process writes the other formats
    meanwhile; so one report uses two cores without importing anything twice."""

    pool: int
    split: bool

    @classmethod
    def for_batch(cls, editions: int, jobs: int, formats: tuple[str, ...]) -> Workers:
        if jobs <= 1 or editions == 0:
            return cls(0, False)
        if editions < jobs and 0 < len(slow_part(formats)) < len(formats):
            return cls(min(jobs - 1, editions), True)
        pool = min(jobs, editions)
        return cls(pool if pool > 1 else 0, False)

    @property
    def processes(self) -> int:
        return self.pool + (1 if self.split or not self.pool else 0)

    def parts(self, formats: tuple[str, ...]) -> list[tuple[str, ...]]:
        """One edition's formats as the jobs it is built in (the PDF first when split)."""
        slow = slow_part(formats)
        return [slow, tuple(f for f in formats if f not in slow)] if self.split else [formats]

    def warm_up(self, formats: tuple[str, ...]) -> tuple[str, ...]:
        """What the pool's workers will write, so they import it on starting."""
        return slow_part(formats) if self.split else formats


@dataclass
class _EditionState:
    """One edition whose jobs are out with the workers."""

    sourced: Sourced
    name: str  # its file name stem: 'cmw-status', or 'cmw-status.fr' for a language version
    parts_left: int = 0
    outputs: dict[str, bytes] = field(default_factory=dict)
    seconds: float = 0.0
    failed: bool = False


@dataclass
class _SessionState:
    """A session whose editions are out with the workers."""

    prepared: PreparedSession
    manifest: Manifest
    gone: frozenset[str]  # the reports its manifest lists but it no longer holds: their outputs are dropped
    editions: dict[str, _EditionState] = field(default_factory=dict)  # series -> state
    submitting: bool = True  # not finished while its jobs are still being handed out

    @property
    def done(self) -> bool:
        return not self.submitting and all(e.parts_left == 0 for e in self.editions.values())


class _Batch:
    """Validates and submits sessions, collects rendered reports, writes finished sessions."""

    def __init__(self, options: BatchOptions, progress: Progress, summary: BatchSummary,
                 fingerprinter: Fingerprinter, workers: Workers, pool: Executor):
        self.options, self.progress, self.summary = options, progress, summary
        self.fingerprinter, self.workers, self.pool = fingerprinter, workers, pool
        self.here = InlineExecutor()
        self.futures: dict[Future, tuple[_SessionState, _EditionState]] = {}

    def submit_session(self, plan: SessionPlan) -> None:
        """Validate a session (nothing of it is written on error), compose its changed
        editions and hand them to the workers."""
        from pipeline.build.session import edition_job, edition_versions, prepare_session, render_job, version_name

        try:
            prepared = prepare_session(plan.number, self.options.data_dir, self.fingerprinter)
        except InputError as exc:
            for problem in exc.problems:
                self.progress.note(str(problem), error=True)
            self._fail_session(plan, f"{len(exc.errors)} input error(s), listed above")
            return
        for warning in prepared.warnings:
            self.progress.note(str(warning), error=True)
        versions = [(sourced, code) for sourced in prepared.inputs.editions
                    for code in edition_versions(prepared.inputs, sourced)]
        current = {version_name(sourced.model.series, code) for sourced, code in versions}
        carried = {series: entry for series, entry in plan.manifest.editions.items() if series in current}
        gone = frozenset(plan.manifest.editions) - current
        for name in sorted(gone):
            self.progress.note(f"session {plan.number}: {name} is no longer in the session; its outputs are removed")
        session = _SessionState(prepared, Manifest(carried, [str(p) for p in prepared.warnings]), gone)
        for sourced, code in versions:
            if sourced.path not in plan.stale:
                continue
            name = version_name(sourced.model.series, code)
            edition = session.editions[name] = _EditionState(sourced, name)
            try:
                job = edition_job(prepared, sourced, self.options.formats, self.options.templates_dir, code,
                                  self.options.pdf_variant)
            except InputError as exc:  # a template's mistake, or a text validation could not try
                for problem in exc.problems:
                    self.progress.note(str(problem), error=True)
                edition.failed = True
                name = _name(session, edition)
                self.summary.failed.append(Failure(name, f"{len(exc.errors)} error(s), listed above", input_error=True))
                self.progress.finished(name, False, 0.0)
                continue
            except Exception as exc:  # composing passed validation, so this is a defect: name it, go on
                self._report_failure(session, edition, exc)
                continue
            if not self.futures:
                self.progress.working_on(job.name)
            for formats in self.workers.parts(job.formats):
                edition.parts_left += 1
                runner = self.here if self.workers.split and formats != slow_part(job.formats) else self.pool
                future = runner.submit(render_job, dataclasses.replace(job, formats=formats))
                self.futures[future] = (session, edition)
            self.collect(wait=False)  # keeps the progress moving (and --jobs 1 runs jobs at once)
            stop_if_interrupted()
        session.submitting = False
        if session.done:
            self._finish(session)

    def collect(self, wait: bool) -> None:
        """Handle the jobs the workers have finished (all of them when `wait`)."""
        ready = as_completed(list(self.futures)) if wait else [f for f in list(self.futures) if f.done()]
        for future in ready:
            stop_if_interrupted()
            session, edition = self.futures.pop(future)
            self._handle(future, session, edition)
            if self.futures:
                next_session, next_edition = next(iter(self.futures.values()))
                self.progress.working_on(_name(next_session, next_edition))

    def _handle(self, future: Future, session: _SessionState, edition: _EditionState) -> None:
        from pipeline.build.session import manifest_entry

        edition.parts_left -= 1
        try:
            result = future.result()
        except LayoutError as exc:  # text the drafter wrote (or data) runs off the page
            if not edition.failed:
                self._report_layout(session, edition, exc)
        except Exception as exc:  # a writer failed, or a worker died
            if not edition.failed:
                self._report_failure(session, edition, exc)
        else:
            edition.outputs.update(result.outputs)
            edition.seconds += result.seconds
            peaks = self.summary.peak_memory
            peaks[result.worker] = max(peaks.get(result.worker, 0), result.peak_memory)
            if edition.parts_left == 0 and not edition.failed:
                series = edition.name
                ordered = {fmt: edition.outputs[fmt] for fmt in self.options.formats}
                edition.outputs = ordered
                entry = manifest_entry(session.prepared, edition.sourced, ordered, series)
                session.manifest.editions.pop(series, None)
                if entry is not None:
                    session.manifest.editions[series] = entry
                self.progress.finished(_name(session, edition), True, edition.seconds)
        if session.done:
            self._finish(session)

    def _report_layout(self, session: _SessionState, edition: _EditionState, exc: LayoutError) -> None:
        from pipeline.build.session import layout_problem

        edition.failed = True
        name = _name(session, edition)
        self.progress.note(str(layout_problem(exc.text, str(exc), session.prepared.inputs, edition.sourced)),
                           error=True)
        self.summary.failed.append(Failure(name, "1 error(s), listed above", input_error=True))
        self.progress.finished(name, False, 0.0)

    def _report_failure(self, session: _SessionState, edition: _EditionState, exc: Exception) -> None:
        edition.failed = True
        name = _name(session, edition)
        self.summary.failed.append(Failure(name, f"{type(exc).__name__}: {exc}"))
        self.progress.note(f"failed: {name}: {type(exc).__name__}: {exc}", error=True)
        self.progress.finished(name, False, 0.0)

    def _finish(self, session: _SessionState) -> None:
        """Write a session whose reports are all back, or leave it as it was."""
        from pipeline.build.session import write_session
        from pipeline.build.swap import write_failure

        number = session.prepared.number
        folder = display_path(self.options.output_dir / str(number))
        names = [_name(session, edition) for edition in session.editions.values() if not edition.failed]
        if len(names) < len(session.editions):
            for name in names:
                self.summary.failed.append(Failure(name, f"not written: another report of session {number} failed"))
            self.progress.note(f"session {number}: not built; {_left_alone(self.options.output_dir / str(number))}",
                               error=True)
            return
        outputs = {series: edition.outputs for series, edition in session.editions.items()}
        stop_if_interrupted()
        try:
            write_session(self.options.output_dir, number, outputs, session.manifest, session.gone)
        except OSError as exc:
            told = write_failure(exc, self.options.output_dir)  # permission, or a file in the way: exit 2
            why = told or f"cannot write {folder}: {exc}"
            self.summary.failed += [Failure(name, why, input_error=told is not None) for name in names]
            self.progress.note(f"session {number}: not built; {why}" if told else f"session {number}: {why}",
                               error=True)
            return
        self.summary.built += names
        self.summary.sessions_written.append(number)
        self.progress.note(f"wrote {folder}/ ({len(names)} report(s): {', '.join(self.options.formats)})")
        stop_if_interrupted()  # a Ctrl-C held while the set went in place

    def _fail_session(self, plan: SessionPlan, why: str) -> None:
        self.summary.failed.append(Failure(f"session {plan.number}", why, input_error=True))
        self.progress.note(f"session {plan.number}: not built; {_left_alone(self.options.output_dir / str(plan.number))}",
                           error=True)
        for unit in plan.units():
            self.progress.finished(unit, False, 0.0)


def _left_alone(folder: Path) -> str:
    """What a failed build did to a session's folder: nothing, said for the folder at hand."""
    shown = display_path(folder)
    return f"{shown} left as it was" if folder.exists() else f"nothing written to {shown}"


def _name(session: _SessionState, edition: _EditionState) -> str:
    return f"{session.prepared.number}/{edition.name}"


def stop_if_interrupted() -> None:
    """Raise KeyboardInterrupt when Ctrl-C was pressed, even if its exception was lost."""
    from pipeline.build.session import interrupted

    if interrupted():
        raise KeyboardInterrupt


def run_batch(sessions: list[str | int], options: BatchOptions, progress: Progress) -> BatchSummary:
    """Build the changed reports of these sessions; raises InputError for a bad session id
    (before anything is built), BuildInterrupted after Ctrl-C."""
    from pipeline.build.session import interrupts_noted

    summary = BatchSummary()
    with interrupts_noted():
        try:
            _run(sessions, options, progress, summary)
            stop_if_interrupted()
        except KeyboardInterrupt:
            raise BuildInterrupted(summary) from None
    return summary


def _run(sessions: list[str | int], options: BatchOptions, progress: Progress, summary: BatchSummary) -> None:
    from pipeline.build.session import interrupts_held

    started = time.perf_counter()
    numbers = [check_session_id(session) for session in sessions]
    fingerprinter = Fingerprinter(options.templates_dir, options.pdf_variant)
    plans = [plan_session(number, options, fingerprinter) for number in dict.fromkeys(numbers)]
    for plan in plans:
        if plan.up_to_date:
            summary.skipped += [f"{plan.number}/{path.stem}" for path in plan.files]
            for warning in plan.manifest.warnings:  # they still stand: the inputs are the same
                progress.note(warning, error=True)
    work = [plan for plan in plans if not plan.up_to_date]
    total = sum(len(plan.units()) for plan in work)
    workers = Workers.for_batch(total, options.jobs, options.formats)
    summary.workers = workers.processes
    if work:
        progress.start(total)
        pool = make_pool(workers.pool, workers.warm_up(options.formats))
        batch = _Batch(options, progress, summary, fingerprinter, workers, pool)
        stopped = False
        try:
            for plan in work:
                batch.submit_session(plan)
            batch.collect(wait=True)
        except KeyboardInterrupt:
            with interrupts_held():  # a second Ctrl-C does not cut the stopping short
                stop_pool(pool)
                stopped = True
                progress.close()
            raise
        finally:
            if not stopped:
                pool.shutdown(wait=True, cancel_futures=True)
            progress.close()
    summary.seconds = time.perf_counter() - started
