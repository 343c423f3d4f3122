"""Batch builds: many sessions at once, one edition per worker process, only what changed.

The parent process
1. plans: fingerprints every edition and skips those whose outputs were built from the
   same inputs (incremental.py); this loads no models and never imports WeasyPrint;
2. validates each session that has work (a session with errors gets nothing written, the
   others go on) and composes the trees of its changed editions;
3. hands each tree to a pool of workers that run the writers and return the bytes;
4. when the last report of a session is back, renames the session's files and manifest
   into place together (build.write_session); a session with a failed report is left as
   it was.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol

from .incremental import Fingerprint, Fingerprinter, Manifest, is_up_to_date, read_manifest
from .layout import check_session_id, edition_files
from .problems import InputError, display_path
from .writers import FORMATS

if TYPE_CHECKING:  # the build stage is imported only when there is something to build
    from .build import PreparedSession, RenderedEdition
    from .load import Sourced


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
    formats: tuple[str, ...] = FORMATS
    jobs: int = 1
    force: bool = False


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

    @property
    def peak_worker_memory(self) -> int:
        return max(self.peak_memory.values(), default=0)


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
        return [f"{self.number}/{path.stem}" for path in sorted(self.stale)] or [f"session {self.number}"]


def plan_session(number: int, options: BatchOptions, fingerprinter: Fingerprinter) -> SessionPlan:
    """Which editions of a session changed since their outputs were built (all with --force)."""
    files = edition_files(options.data_dir, number)
    manifest = read_manifest(options.output_dir, number)
    session_dir = options.output_dir / str(number)
    stale = set()
    for path in files:
        fingerprint: Fingerprint | None = fingerprinter.edition(options.data_dir, path)
        entry = manifest.editions.get(fingerprint.sources.series_id) if fingerprint else None
        if options.force or not is_up_to_date(entry, fingerprint, options.formats, session_dir):
            stale.add(path)
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


def make_executor(workers: int) -> Executor:
    """A pool of `workers` processes; forked where possible, so that they start with the
    parent's modules already imported."""
    if workers <= 1:
        return InlineExecutor()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if "fork" in methods else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


@dataclass
class _SessionState:
    """A session whose reports are out with the workers."""

    prepared: PreparedSession
    manifest: Manifest
    rendered: list[RenderedEdition] = field(default_factory=list)
    pending: int = 0
    submitting: bool = True  # not finished while its jobs are still being handed out
    failed: bool = False


class _Batch:
    """Validates and submits sessions, collects rendered reports, writes finished sessions."""

    def __init__(self, options: BatchOptions, progress: Progress, summary: BatchSummary,
                 fingerprinter: Fingerprinter, executor: Executor):
        self.options, self.progress, self.summary = options, progress, summary
        self.fingerprinter, self.executor = fingerprinter, executor
        self.futures: dict[Future, tuple[_SessionState, Sourced]] = {}

    def submit_session(self, plan: SessionPlan) -> None:
        """Validate a session (nothing of it is written on error), compose its changed
        editions and hand them to the workers."""
        from .build import edition_job, prepare_session, render_job

        try:
            prepared = prepare_session(plan.number, self.options.data_dir, self.fingerprinter)
        except InputError as exc:
            for problem in exc.problems:
                self.progress.note(str(problem), error=True)
            self._fail_session(plan, f"{len(exc.errors)} input error(s), listed above")
            return
        for warning in prepared.warnings:
            self.progress.note(str(warning), error=True)
        current = {sourced.model.series for sourced in prepared.inputs.editions}
        carried = {series: entry for series, entry in plan.manifest.editions.items() if series in current}
        state = _SessionState(prepared, Manifest(carried, [str(p) for p in prepared.warnings]))
        for sourced in prepared.inputs.editions:
            if sourced.path not in plan.stale:
                continue
            name = f"{plan.number}/{sourced.model.series}"
            try:
                job = edition_job(prepared, sourced, self.options.formats, self.options.templates_dir)
            except Exception as exc:  # composing passed validation, so this is a defect: name it, go on
                self._report_failure(state, name, exc)
                continue
            if not self.futures:
                self.progress.working_on(name)
            self.futures[self.executor.submit(render_job, job)] = (state, sourced)
            state.pending += 1
            self.collect(wait=False)  # keeps the progress moving (and --jobs 1 runs jobs at once)
        state.submitting = False
        if not state.pending:
            self._finish(state)

    def collect(self, wait: bool) -> None:
        """Handle the reports the workers have finished (all of them when `wait`)."""
        ready = as_completed(list(self.futures)) if wait else [f for f in list(self.futures) if f.done()]
        for future in ready:
            state, sourced = self.futures.pop(future)
            self._handle(future, state, sourced)
            if self.futures:
                state_next, sourced_next = next(iter(self.futures.values()))
                self.progress.working_on(f"{state_next.prepared.number}/{sourced_next.model.series}")

    def _handle(self, future: Future, state: _SessionState, sourced: Sourced) -> None:
        from .build import manifest_entry

        name = f"{state.prepared.number}/{sourced.model.series}"
        try:
            result = future.result()
        except Exception as exc:  # a writer failed, or a worker died
            self._report_failure(state, name, exc)
        else:
            state.rendered.append(result)
            entry = manifest_entry(state.prepared, sourced, result.outputs)
            state.manifest.editions.pop(sourced.model.series, None)
            if entry is not None:
                state.manifest.editions[sourced.model.series] = entry
            peaks = self.summary.peak_memory
            peaks[result.worker] = max(peaks.get(result.worker, 0), result.peak_memory)
            self.progress.finished(name, True, result.seconds)
        state.pending -= 1
        if not state.pending and not state.submitting:
            self._finish(state)

    def _report_failure(self, state: _SessionState, name: str, exc: Exception) -> None:
        state.failed = True
        self.summary.failed.append(Failure(name, f"{type(exc).__name__}: {exc}"))
        self.progress.note(f"failed: {name}: {type(exc).__name__}: {exc}", error=True)
        self.progress.finished(name, False, 0.0)

    def _finish(self, state: _SessionState) -> None:
        """Write a session whose reports are all back, or leave it as it was."""
        from .build import write_session

        number = state.prepared.number
        folder = display_path(self.options.output_dir / str(number))
        names = [f"{number}/{r.job.series}" for r in state.rendered]
        if state.failed:
            for name in names:
                self.summary.failed.append(Failure(name, f"not written: another report of session {number} failed"))
            self.progress.note(f"session {number}: not built; {folder} left as it was", error=True)
            return
        rendered = sorted(state.rendered, key=lambda r: r.job.series)
        try:
            write_session(self.options.output_dir, number, rendered, state.manifest)
        except OSError as exc:
            self.summary.failed += [Failure(name, f"cannot write {folder}: {exc}") for name in names]
            self.progress.note(f"session {number}: cannot write {folder}: {exc}", error=True)
            return
        self.summary.built += names
        self.progress.note(f"wrote {folder}/ ({len(names)} report(s): {', '.join(self.options.formats)})")

    def _fail_session(self, plan: SessionPlan, why: str) -> None:
        folder = display_path(self.options.output_dir / str(plan.number))
        self.summary.failed.append(Failure(f"session {plan.number}", why, input_error=True))
        self.progress.note(f"session {plan.number}: not built; {folder} left as it was", error=True)
        for unit in plan.units():
            self.progress.finished(unit, False, 0.0)


def run_batch(sessions: list[str | int], options: BatchOptions, progress: Progress) -> BatchSummary:
    """Build the changed reports of these sessions; raises InputError for a bad session id
    (before anything is built)."""
    started = time.perf_counter()
    numbers = [check_session_id(session) for session in sessions]
    fingerprinter = Fingerprinter(options.templates_dir)
    plans = [plan_session(number, options, fingerprinter) for number in dict.fromkeys(numbers)]
    summary = BatchSummary()
    for plan in plans:
        if plan.up_to_date:
            summary.skipped += [f"{plan.number}/{path.stem}" for path in plan.files]
            for warning in plan.manifest.warnings:  # they still stand: the inputs are the same
                progress.note(warning, error=True)
    work = [plan for plan in plans if not plan.up_to_date]
    total = sum(len(plan.units()) for plan in work)
    summary.workers = min(options.jobs, total)
    if work:
        progress.start(total)
        executor = make_executor(summary.workers)
        batch = _Batch(options, progress, summary, fingerprinter, executor)
        try:
            for plan in work:
                batch.submit_session(plan)
            batch.collect(wait=True)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
            progress.close()
    summary.seconds = time.perf_counter() - started
    return summary
