"""The preview's builds, in one warm process: load, validate, compose and print one edition
on every save, keeping what a paragraph edit does not change.

Kept between builds: the parsed reference data, series and previous edition (re-read only
when their file changes: pipeline/inputs/cache.py), the compiled report templates (Jinja
recompiles a template when its file changes), WeasyPrint and its font configuration, and the
PNGs of pages an edit did not change (pages.py). The PDF is the one `unreport build`
writes (same writer, same bytes); the DOCX and the changes since the previous edition are
made when the page asks for them, once per build.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from pipeline.inputs.cache import ParsedFiles
from pipeline.i18n.languages import ORIGINAL
from pipeline.inputs.layout import TEMPLATES_DIR, edition_files, edition_path, translation_files, translation_language
from pipeline.inputs.problems import InputError, Location, Problem, display_path
from pipeline.preview.pages import PageImage, PageImages

if TYPE_CHECKING:  # the models are loaded on the first rebuild, not when the preview starts
    from pipeline.inputs.load import Inputs


class PreviewError(Exception):
    """The preview cannot start (no such session or series); the message says why."""


@dataclass(frozen=True)
class ShownProblem:
    """A problem as the page shows it: where, what, and the line it stands on."""

    where: str
    severity: str
    message: str
    line: int
    column: int
    quoted: str | None  # the offending line of the file, when there is one

    @classmethod
    def of(cls, problem: Problem) -> "ShownProblem":
        location = problem.location
        return cls(str(location), problem.severity, problem.message, location.line, location.column,
                   quoted_line(location))


def quoted_line(location: Location) -> str | None:
    """The text of the line a problem stands on, if the file can be read."""
    if not location.line:
        return None
    try:
        lines = Path(location.path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return lines[location.line - 1] if location.line <= len(lines) else None


@dataclass(frozen=True)
class Rendering:
    """One good build of the edition: its tree, its PDF and the PDF's pages."""

    number: int  # the build it came from
    tree: str
    pdf: bytes
    pages: list[PageImage]
    document_date: dt.date
    previous_session: int | None
    paragraph_sources: dict[int, str]  # body paragraph number -> where its text is written
    finished_at: float  # time.time()
    seconds: dict[str, float]


@dataclass(frozen=True)
class BuildResult:
    """What one build gave: a new rendering, or the problems that stopped it."""

    number: int
    rendering: Rendering | None
    problems: list[ShownProblem]
    seconds: float
    cpu_seconds: float = 0.0  # of the building thread: what the build costs on an idle machine


@dataclass
class _OnRequest:
    """What the page asks for now and then, made once per rendering."""

    rendering: Rendering | None = None
    made: dict[str, bytes] = field(default_factory=dict)


class PreviewBuilder:
    """Builds one edition of one session again and again, in this process."""

    def __init__(self, data_dir: Path, session: int, series: str | None = None,
                 templates_dir: Path = TEMPLATES_DIR, language: str = "en") -> None:
        self.data_dir = data_dir
        self.session = session
        self.language = language  # the version shown: the English original or a language version
        self.templates_dir = templates_dir
        self.series = choose_series(data_dir, session, series)
        check_language(data_dir, session, self.series, language)
        self.files = ParsedFiles()
        self.images = PageImages()
        self.builds = 0
        self._lock = threading.Lock()  # one build (or request-made file) at a time
        self._on_request = _OnRequest()

    @property
    def name(self) -> str:
        return f"{self.session}/{self.series}"

    @property
    def edition_file(self) -> Path:
        return edition_path(self.data_dir, self.session, self.series)

    def build(self) -> BuildResult:
        """Load, validate, compose and print the edition; never raises for bad input."""
        with self._lock:
            self.builds += 1
            started, cpu = time.perf_counter(), time.thread_time()
            rendering: Rendering | None = None
            try:
                rendering, problems = self._render(self.builds, started)
            except InputError as exc:
                problems = [ShownProblem.of(p) for p in exc.problems]
            except Exception as exc:  # noqa: BLE001 -- a writer's failure is shown, the preview goes on
                where = Location(display_path(self.edition_file))
                problems = [ShownProblem.of(Problem(where, "error", "the report could not be printed: "
                                                                    f"{type(exc).__name__}: {exc}"))]
            return BuildResult(self.builds, rendering, problems, time.perf_counter() - started,
                               time.thread_time() - cpu)

    def _render(self, number: int, started: float) -> tuple[Rendering, list[ShownProblem]]:
        """The rendering of the edition and its warnings; InputError when it has errors."""
        from pipeline.compose.report import compose
        from pipeline.inputs.load import load_session, previous_session
        from pipeline.preview.sources import paragraph_sources
        from pipeline.validate import validate
        from pipeline.writers.pdf import write_pdf

        seconds: dict[str, float] = {}
        inputs = load_session(self.data_dir, self.session, self.files)
        inputs.templates_dir = self.templates_dir
        seconds["load"] = _lap(started, seconds)
        problems = _of_this_report(validate(inputs), inputs, self.series)
        if any(p.severity == "error" for p in problems):
            raise InputError(problems)
        sourced = next((s for s in inputs.editions if s.model.series == self.series), None)
        if sourced is None:
            raise InputError([Problem(Location(display_path(self.edition_file)), "error",
                                      f"no edition of series '{self.series}' in session {self.session} any more")])
        seconds["validate"] = _lap(started, seconds)
        tree = compose(inputs, sourced, self.templates_dir, self.language)
        seconds["compose"] = _lap(started, seconds)
        pdf = write_pdf(tree, sourced.model.date, self.templates_dir)
        seconds["pdf"] = _lap(started, seconds)
        pages = self.images.pages(pdf)
        seconds["pages"] = _lap(started, seconds)
        previous = previous_session(self.data_dir, sourced.model)
        rendering = Rendering(number, tree, pdf, pages, sourced.model.date, previous,
                              paragraph_sources(inputs, sourced), time.time(), seconds)
        return rendering, [ShownProblem.of(p) for p in problems]

    # ------------------------------------------------------------ made on request

    def docx(self, rendering: Rendering) -> bytes:
        """The Word document of a rendering (the DOCX writer, as a build runs it)."""
        from pipeline.i18n.languages import language

        words = language(self.data_dir, self.language).page_words()
        return self._made(rendering, "docx", lambda: _docx(rendering, self.templates_dir, words))

    def changes_page(self, rendering: Rendering) -> bytes:
        """The redline of a rendering against the edition it follows, as an HTML page."""
        return self._made(rendering, "changes", lambda: self._changes(rendering).encode("utf-8"))

    def _made(self, rendering: Rendering, what: str, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if self._on_request.rendering is not rendering:
                self._on_request = _OnRequest(rendering)
            if what not in self._on_request.made:
                self._on_request.made[what] = make()
            return self._on_request.made[what]

    def _changes(self, rendering: Rendering) -> str:
        from pipeline.preview.changes import changes_page

        return changes_page(self.data_dir, self.templates_dir, self.files, self.series, self.session,
                            rendering.previous_session, rendering.tree)

    def watched(self) -> list[Path]:
        """The folders whose files feed the edition: its data and the templates."""
        return [self.data_dir, self.templates_dir]


def _docx(rendering: Rendering, templates_dir: Path, words: tuple[tuple[str, str], ...] = ()) -> bytes:
    from pipeline.writers.registry import DEFAULT_PDF_VARIANT, WriteContext, write

    context = WriteContext(rendering.document_date, templates_dir, DEFAULT_PDF_VARIANT, words)
    return write("docx", rendering.tree, context)


def _of_this_report(problems: list[Problem], inputs: Inputs, series: str) -> list[Problem]:
    """The problems of the previewed report: those of the session's other editions (and their
    language versions) are theirs, shown in their own preview, and do not stop this one."""
    others = {display_path(s.path) for s in inputs.editions if s.model.series != series}
    others |= {display_path(t.path) for s in inputs.editions if s.model.series != series
               for t in inputs.translations.get(s.path, [])}
    return [p for p in problems if p.location.path not in others]


def _lap(started: float, seconds: dict[str, float]) -> float:
    """Seconds since the last lap (the first lap counts from `started`)."""
    return time.perf_counter() - started - sum(seconds.values())


def check_language(data_dir: Path, session: int, series: str, language: str) -> None:
    """The language version asked for exists beside the edition (PreviewError naming those that do)."""
    if language == ORIGINAL:
        return
    edition = edition_path(data_dir, session, series)
    languages = sorted(translation_language(path) for path in translation_files(edition))
    if language not in languages:
        given = f"its versions: {', '.join(languages)}" if languages else "it has no language versions"
        raise PreviewError(f"{display_path(edition)} has no '{language}' version ({given}); preview the original, "
                           f"or write {display_path(edition.with_name(f'{series}.{language}.yaml'))} first")


def choose_series(data_dir: Path, session: int, series: str | None) -> str:
    """The series to preview: the one asked for, or the session's only edition."""
    found = [path.stem for path in edition_files(data_dir, session)]
    folder = display_path(data_dir / "sessions" / str(session))
    if not found:
        raise PreviewError(f"no editions for session {session} in {folder}")
    if series is None:
        if len(found) > 1:
            raise PreviewError(f"session {session} has {len(found)} reports ({', '.join(found)}); "
                               f"say which to preview: unreport preview {session} SERIES")
        return found[0]
    if series not in found:
        raise PreviewError(f"no edition of series '{series}' in {folder}; the series there: {', '.join(found)}")
    return series
