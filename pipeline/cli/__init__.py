"""The `unreport` command line.

Problems are printed one a line as `path:line:col: severity: message`, sorted by file and
line. Exit codes: 0 clean (or warnings only), 1 warnings only with --strict, 2 errors;
`build` stopped by Ctrl-C: 130, with one line saying what was written.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.i18n.languages import LANGUAGE_ORDER
from pipeline.inputs.problems import InputError, Location, Problem, display_path
from pipeline.writers.pdf import PDF_VARIANTS
from pipeline.writers.registry import DEFAULT_PDF_VARIANT, WRITERS

if TYPE_CHECKING:
    from pipeline.build.batch import BatchSummary

EXIT_OK, EXIT_WARNINGS, EXIT_ERRORS = 0, 1, 2
DATA_FOLDERS = ("sessions", "series", "reference")
EXIT_BUILD_FAILED = 1  # build: a report failed in a writer (the inputs were valid)
EXIT_INTERRUPTED = 130  # build: stopped by Ctrl-C (128 + SIGINT, as shells report it)


def report_problems(problems: list[Problem], to_stderr: bool = True) -> None:
    """Each problem on its own line, then a count of errors and warnings on stderr."""
    for problem in problems:
        click.echo(str(problem), err=to_stderr)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if problems:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


def exit_code(problems: list[Problem], strict: bool = False) -> int:
    if any(p.severity == "error" for p in problems):
        return EXIT_ERRORS
    return EXIT_WARNINGS if strict and problems else EXIT_OK


def require_data_folder(data_dir: Path) -> None:
    """Refuse a --data folder without sessions: nothing found must not read as nothing to do
    (or, for `golden --update`, as every edition gone)."""
    if not (data_dir / "sessions").is_dir():
        raise InputError([Problem(Location(display_path(data_dir)), "error",
                                  "no sessions folder here; give the folder of the input data with --data")])


def require_output_folder(output_dir: Path, data_dir: Path) -> None:
    """Refuse an output folder that cannot be one (a file stands on its path), that the build
    may not write in, whose session folders are links or files, or that lies in the input data
    (builds would land beside the YAML and be read as input next time)."""
    from pipeline.build.swap import unwritable_message
    from pipeline.inputs.layout import SESSION_PATTERN

    output, data = output_dir.resolve(), data_dir.resolve()
    for folder in (output, *output.parents):
        if folder.exists() and not folder.is_dir():
            raise InputError([Problem(Location(display_path(output_dir)), "error",
                                      f"cannot write the builds here: {display_path(folder)} is a file, not a "
                                      "folder; give another folder with --output")])
    existing = next(folder for folder in (output, *output.parents) if folder.exists())
    if not os.access(existing, os.W_OK | os.X_OK):
        shown = output_dir if existing == output else Path(display_path(existing))
        raise InputError([Problem(Location(display_path(output_dir)), "error",
                                  unwritable_message(shown, errno.EACCES))])
    children = sorted(output.iterdir()) if output.is_dir() else []
    linked = [child for child in children if child.is_symlink() and child.name.isdigit()]
    if linked:
        raise InputError([Problem(Location(display_path(output_dir / linked[0].name)), "error",
                                  "a session's output folder is a symbolic link; a build replaces the session's "
                                  "folder as a whole, so it must be a real folder: remove the link")])
    files = [child for child in children if SESSION_PATTERN.match(child.name) and not child.is_dir()]
    if files:
        raise InputError([Problem(Location(display_path(output_dir / files[0].name)), "error",
                                  f"a file stands where the builds of session {files[0].name} go, and a build "
                                  "would replace it with the session's folder: move or remove it")])
    if output == data or data in output.parents:
        raise InputError([Problem(Location(display_path(output_dir)), "error",
                                  "the output folder is inside the input data folder "
                                  f"({display_path(data_dir)}): builds would mix with the data; give a folder "
                                  "outside it with --output")])


class RegisteredFormat(click.Choice):
    """A format of the writer registry, read when the option is used (so a writer registered
    later, by a test say, is a choice too)."""

    def __init__(self) -> None:
        super().__init__([])

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        self.choices = tuple(WRITERS)
        return super().convert(value, param, ctx)


data_option = click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
                           default=Path("data"), show_default=True, help="Folder of the input data.")
output_option = click.option("--output", "output_dir", type=click.Path(path_type=Path),  # a file: require_output_folder
                             default=Path("output"), show_default=True, help="Folder the builds are written to.")


# A write to the standard output or error fails with these: a full device (`> /dev/full`), a
# closed pipe (`| head -1`), a disk quota, a file size limit, an I/O error.
STREAM_ERRORS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


class OutputFailed(Exception):
    """The standard output or error could not be written: the command ends with exit 2 and
    one line on stderr (when stderr is not the stream that failed), never a traceback."""

    def __init__(self, stream: str, error: OSError) -> None:
        super().__init__(stream)
        self.stream, self.error = stream, error


def failed_stream(error: OSError) -> str | None:
    """'standard output' or 'standard error' when an OSError is a failed write to one of them
    (the innermost frame holds the stream it was writing: click.echo's `file`, tqdm's `fp`);
    None for any other OSError, which stays the bug it is."""
    if error.errno not in STREAM_ERRORS or error.__traceback__ is None:
        return None
    last = error.__traceback__
    while last.tb_next is not None:
        last = last.tb_next
    frame = last.tb_frame
    held = list(frame.f_locals.values())
    for name, streams in (("standard error", (sys.stderr, sys.__stderr__)), ("standard output", (sys.stdout, sys.__stdout__))):
        if any(value is stream for value in held for stream in streams if stream is not None):
            return name
    if frame.f_code.co_name == "echo" and Path(frame.f_code.co_filename).parent.name == "click":
        return "standard error" if frame.f_locals.get("err") else "standard output"
    return None


class Commands(click.Group):
    """The command group; a failed write to stdout or stderr leaves a command as OutputFailed
    (click would end a closed pipe with exit 1, which `diff` uses for "they differ")."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except OSError as exc:
            stream = failed_stream(exc)
            if stream is None:
                raise
            raise OutputFailed(stream, exc) from exc


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Build United Nations parliamentary reports from structured data."""


@main.command()
@click.argument("sessions", nargs=-1)
@click.option("--all", "all_sessions", is_flag=True, help="Every session folder in DATA/sessions.")
@data_option
@output_option
@click.option("--templates", "templates_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="Folder of the report templates and CSS (default: the repository's templates/).")
@click.option("--format", "formats", multiple=True, type=RegisteredFormat(), metavar="FORMAT",
              help="Only these formats (default: all): " + ", ".join(WRITERS) + ".")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Reports built at once, each in its own process (default: the number of cores).")
@click.option("--force", is_flag=True, help="Build every report, even those whose inputs have not changed.")
@click.option("--pdf-variant", type=click.Choice(PDF_VARIANTS), default=DEFAULT_PDF_VARIANT, show_default=True,
              help="The PDF's conformance: tagged PDF/UA for readers of every kind, or PDF/A for archives.")
def build(sessions: tuple[str, ...], all_sessions: bool, data_dir: Path, output_dir: Path,
          templates_dir: Path | None, formats: tuple[str, ...], jobs: int | None, force: bool,
          pdf_variant: str) -> None:
    """Validate and build the reports of each SESSION (or --all) into OUTPUT/SESSION/.

    Reports whose inputs have not changed since they were built are skipped. A session with
    an input error gets nothing written; the other sessions are still built."""
    from pipeline.build.batch import BatchOptions, BuildInterrupted, available_cores, run_batch
    from pipeline.inputs.layout import TEMPLATES_DIR, session_numbers
    from pipeline.build.progress import progress_for_terminal

    if all_sessions and sessions:
        raise click.UsageError("give SESSION numbers or --all, not both")
    if not all_sessions and not sessions:
        raise click.UsageError("give the SESSION numbers to build (for example 59), or --all")
    chosen = tuple(f for f in WRITERS if not formats or f in formats)
    if "html" not in chosen:
        chosen = ("html",) + chosen  # the tree is always written beside the documents
    options = BatchOptions(data_dir, output_dir, templates_dir or TEMPLATES_DIR, chosen,
                           jobs or available_cores(), force, pdf_variant)
    try:
        require_output_folder(output_dir, data_dir)
        if all_sessions:
            require_data_folder(data_dir)
        summary = run_batch(list(session_numbers(data_dir, misnamed=True) if all_sessions else sessions),
                            options, progress_for_terminal())
    except InputError as exc:  # a bad session id: nothing was built
        report_problems(exc.problems)
        sys.exit(EXIT_ERRORS)
    except BuildInterrupted as stopped:
        click.echo(interrupted_line(stopped.summary.sessions_written), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except KeyboardInterrupt:  # before the build began
        click.echo(interrupted_line([]), err=True)
        sys.exit(EXIT_INTERRUPTED)
    for failure in summary.failed:
        click.echo(f"not built: {failure.what}: {failure.message}", err=True)
    click.echo(summary_line(summary))
    if any(f.input_error for f in summary.failed):
        sys.exit(EXIT_ERRORS)
    sys.exit(EXIT_BUILD_FAILED if summary.failed else EXIT_OK)


def interrupted_line(written: list[int]) -> str:
    """What a build stopped by Ctrl-C leaves, in one line."""
    if not written:
        return "interrupted: nothing written; earlier outputs are as they were"
    sessions = ", ".join(str(number) for number in written)
    return (f"interrupted: nothing more written; session(s) {sessions} were written in full before it, "
            "the other outputs are as they were")


def summary_line(summary: BatchSummary) -> str:
    """'built 3, skipped 1, failed 0 report(s) in 1.2 s; 2 worker(s), peak memory 150 MB each at most'."""
    line = (f"built {len(summary.built)}, skipped {len(summary.skipped)}, failed {len(summary.failed)} "
            f"report(s) in {summary.seconds:.2f} s")
    if summary.peak_memory:
        line += (f"; {summary.workers} worker(s), peak memory per worker "
                 f"{summary.peak_worker_memory / 2**20:.0f} MB")
    return line


def _data_dir_of(path: Path) -> Path | None:
    """The data folder a data file lies in (data/sessions/59/x.yaml -> data), if it is one."""
    for parent in path.resolve().parents:
        if parent.name in DATA_FOLDERS:
            return parent.parent
    return None


def _require_project_input(path: Path, data_dir: Path) -> None:
    """Refuse a file that is not an input of the data folder (`validate /etc/passwd` must not
    say "ok"): an edition, a series or a reference file, where the data folder keeps them."""
    folder = Path(os.path.abspath(path)).parent
    data = Path(os.path.abspath(data_dir))
    where = {data / "series": (".yaml",), data / "reference": (".yaml", ".csv")}
    suffixes = (".yaml",) if folder.parent == data / "sessions" else where.get(folder, ())
    if path.suffix not in suffixes:
        raise InputError([Problem(Location(display_path(path)), "error",
                                  f"not an input file of the data folder {display_path(data_dir)}: give a session "
                                  "number, an edition (sessions/<session>/<series>.yaml), a series "
                                  "(series/<series>.yaml) or a reference file (reference/...) of that folder")])


def _problems_of(targets: tuple[str, ...], data_dir: Path, data_given: bool) -> tuple[list[Problem], int]:
    """Every problem of the targets, and how many files were named (every edition when none)."""
    from pipeline.inputs.layout import all_edition_files, check_session_id, edition_files, is_translation_file
    from pipeline.inputs.load import load_all, load_editions, no_editions
    from pipeline.validate import validate as run_rules

    editions: list[Path] = []
    others: list[Path] = []
    problems: list[Problem] = []
    if not targets and not data_dir.is_dir():
        raise InputError([Problem(Location(display_path(data_dir)), "error",
                                  "no such data folder; give the folder of the input data with --data")])
    for target in targets:
        path = Path(target)
        if not (target.endswith((".yaml", ".yml", ".csv")) or "/" in target or path.exists()):
            found = edition_files(data_dir, check_session_id(target))
            if not found:
                folder = display_path(data_dir / "sessions" / target)
                raise InputError(no_editions(data_dir, target, f"no editions for session {target} in {folder}"))
            editions.extend(found)
            continue
        if path.is_dir() or not path.exists():
            why = "cannot validate a folder; give a session number or a file" if path.is_dir() else \
                "cannot read file: No such file or directory"
            raise InputError([Problem(Location(display_path(path)), "error", why)])
        if not data_given:
            data_dir = _data_dir_of(path) or data_dir
        _require_project_input(path, data_dir)
        if path.parent.parent.name == "sessions" and is_translation_file(path):  # a language version:
            editions.append(path.with_name(path.stem.rsplit(".", 1)[0] + ".yaml"))  # checked with its original
            continue
        (editions if path.parent.parent.name == "sessions" else others).append(path)
    if not targets:
        editions = all_edition_files(data_dir)
        problems = run_rules(load_all(data_dir))
    elif editions:
        problems = run_rules(load_editions(data_dir, editions))
    if others:  # a series or reference file: check all the data, show what is in that file
        shown = {display_path(path) for path in others}
        problems += [p for p in run_rules(load_all(data_dir)) if p.location.path in shown]
    return sorted(set(problems)), len(editions) + len(others)


@main.command()
@click.argument("targets", nargs=-1)
@data_option
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings (and no errors).")
@click.pass_context
def validate(ctx: click.Context, targets: tuple[str, ...], data_dir: Path, strict: bool) -> None:
    """Check SESSION numbers or data FILES (default: all the data) and list every problem.

    Problems go to stdout as path:line:col: error|warning: message, sorted by file and line.
    Exit 0 when clean, 1 when there are only warnings and --strict is given, 2 on errors.
    """
    data_given = ctx.get_parameter_source("data_dir") is not click.core.ParameterSource.DEFAULT
    try:
        problems, checked = _problems_of(targets, data_dir, data_given)
    except InputError as exc:
        problems, checked = exc.problems, 0
    report_problems(problems, to_stderr=False)
    if not problems:
        click.echo(f"ok: {checked} file(s) checked, no problems", err=True)
    sys.exit(exit_code(problems, strict))


@main.command("new-edition")
@click.argument("from_session", metavar="FROM")
@click.argument("to_session", metavar="TO")
@click.option("--series", "series_id", metavar="ID", help="Only this series (default: every edition of FROM).")
@click.option("--as-at", "as_at", metavar="YYYY-MM-DD",
              help="Date the facts are as at (default: FROM's, moved on a year per session).")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Document date (default: FROM's, moved on a year per session).")
@click.option("--force", is_flag=True, help="Overwrite editions of TO that already exist.")
@click.option("--keep-existing", is_flag=True,
              help="Leave editions of TO that already exist as they are (exit 0) instead of refusing.")
@data_option
def new_edition(from_session: str, to_session: str, series_id: str | None, as_at: str | None,
                date: str | None, force: bool, keep_existing: bool, data_dir: Path) -> None:
    """Start session TO's editions from session FROM's: new session and dates, no symbol yet,
    the agenda item left to fill in, paragraphs carried over."""
    from pipeline.drafting.new_edition import (EditionError, at_source, draft_editions, draft_problems,
                                               parse_date, write_editions)

    if force and keep_existing:
        raise click.UsageError("--force (draft existing editions again) and --keep-existing (leave them as they "
                               "are) ask for opposite things; give one of them")
    try:
        drafted = draft_editions(data_dir, from_session, to_session, series_id,
                                 date=parse_date(date, "--date"), as_at=parse_date(as_at, "--as-at"),
                                 force=force, keep_existing=keep_existing)
    except EditionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERRORS)
    except InputError as exc:
        report_problems(exc.problems)
        click.echo(f"error: session {from_session} does not load; fix it first", err=True)
        sys.exit(EXIT_ERRORS)
    problems = draft_problems(data_dir, drafted)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        report_problems([at_source(p, drafted) for p in errors])
        drafts = ", ".join(display_path(d.target) for d in drafted if not d.kept)
        click.echo(f"error: the draft of {drafts} would have {len(errors)} error(s), listed above; nothing was "
                   "written: correct them (in the series file, or in the edition it is drafted from) and draft "
                   "again", err=True)
        sys.exit(EXIT_ERRORS)
    try:
        write_editions(drafted)
    except OSError as exc:
        targets = ", ".join(display_path(d.target) for d in drafted if not d.kept)
        click.echo(f"error: cannot write {targets}: {exc.strerror or exc}; nothing was written", err=True)
        sys.exit(EXIT_ERRORS)
    written = [d for d in drafted if not d.kept]
    for edition in drafted:
        if edition.kept:
            click.echo(f"kept {display_path(edition.target)}: it already exists (FORCE=1 / --force drafts it again)")
        else:
            click.echo(f"wrote {display_path(edition.target)} (from {display_path(edition.source)})")
            for note in (edition.passed_over_note(), edition.relaid_note(), edition.to_check_note(),
                         edition.dates_note()):
                if note is not None:
                    click.echo(f"note: {note}")
    if written:
        report_problems(problems)
        click.echo(f"next: fill in the agenda, review the paragraphs, then 'make report SESSION={to_session}'")


@main.command()
@click.argument("a")
@click.argument("b")
@data_option
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write B as an HTML page with the changes from A marked.")
@click.option("--docx", "docx_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write B as a DOCX whose changes from A are Word tracked changes.")
@click.option("--pages", "pages_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write a PNG of each changed PDF page (A and B side by side) into this folder.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write every view into this folder: summary.txt, redline.html, redline.docx, pages/.")
def diff(a: str, b: str, data_dir: Path, html_file: Path | None, docx_file: Path | None,
         pages_dir: Path | None, out_dir: Path | None) -> None:
    """Show what changed from A to B.

    A and B are two session numbers (59 60: every report of each, composed in memory and
    paired by series), two build folders (output/59), or two files (.txt canonical text,
    .html tree, .pdf pages; write ./59 for a folder named like a session). Exit 0 when they
    are the same, 1 when they differ, 2 when they cannot be compared.
    """
    from pipeline.compare.command import DiffInputError, Views, run_diff
    from pipeline.compare.pages import PageDiffError

    views = Views.under(out_dir) if out_dir else Views()
    views.html, views.docx, views.pages = html_file or views.html, docx_file or views.docx, pages_dir or views.pages
    views.asked = frozenset(name for name, given in (("html", html_file), ("docx", docx_file), ("pages", pages_dir))
                            if given)
    try:
        result = run_diff(a, b, data_dir, views)
    except InputError as exc:  # an unknown session, or data that does not validate
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(EXIT_ERRORS)
    except (DiffInputError, PageDiffError, OSError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERRORS)
    click.echo(result.text, nl=False)
    for path in result.written:
        click.echo(f"wrote {display_path(path)}", err=True)
    sys.exit(EXIT_WARNINGS if result.differs else EXIT_OK)


@main.command()
@click.argument("session")
@click.argument("series", required=False)
@data_option
@output_option
@click.option("--templates", "templates_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="Folder of the report templates and CSS (default: the repository's templates/).")
@click.option("--language", default="en", show_default=True, type=click.Choice(LANGUAGE_ORDER),
              help="Language version to preview: the English original or a translation beside it.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1 (0: a free one).")
def preview(session: str, series: str | None, data_dir: Path, output_dir: Path, templates_dir: Path | None,
            language: str, port: int) -> None:
    """Show SESSION's report (or SERIES') in the browser as it will print, rebuilt on every save,
    with its problems and its changes since the previous edition (see README, "Live preview").

    Serves on 127.0.0.1 only. Ctrl-C stops it and writes OUTPUT/SESSION as `unreport build` would."""
    from pipeline.inputs.layout import TEMPLATES_DIR, check_session_id
    from pipeline.preview.command import PreviewOptions, run_preview
    from pipeline.preview.rebuild import PreviewError

    try:
        require_data_folder(data_dir)
        require_output_folder(output_dir, data_dir)
        options = PreviewOptions(check_session_id(session), series, data_dir, output_dir,
                                 templates_dir or TEMPLATES_DIR, port, language=language)
        run_preview(options, lambda line: click.echo(line, err=True))
    except InputError as exc:
        report_problems(exc.problems)
        sys.exit(EXIT_ERRORS)
    except PreviewError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERRORS)
    except OSError as exc:
        click.echo(f"error: cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_ERRORS)


@main.command()
@click.option("--update", is_flag=True, help="Accept the current output as golden (after reviewing it).")
@data_option
@click.option("--golden", "golden_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the golden snapshots (default: tests/golden).")
def golden(update: bool, data_dir: Path, golden_dir: Path | None) -> None:
    """Compare every committed edition's canonical text and tree with its golden snapshot.

    Exit 1 when one differs or has none; --update records the current output instead.
    """
    from pipeline.compare import golden as snapshots

    folder = golden_dir or snapshots.GOLDEN_DIR
    try:
        require_data_folder(data_dir)
        if update:
            written, removed = snapshots.update(data_dir, folder)
            for path in written:
                click.echo(f"wrote {display_path(path)}")
            for path in removed:
                click.echo(f"removed {display_path(path)} (no such edition any more)")
            click.echo(f"golden snapshots up to date in {display_path(folder)}")
            sys.exit(EXIT_OK)
        current = snapshots.snapshots(data_dir)
        problems = [p for p in (snapshots.check(s, folder) for s in current) if p]
    except InputError as exc:
        report_problems(exc.problems)
        sys.exit(EXIT_ERRORS)
    except snapshots.GoldenError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERRORS)
    problems += [f"{display_path(p)}: golden of an edition that no longer exists: run `make golden`\n"
                 for p in snapshots.stale_goldens(data_dir, folder, current)]
    for problem in problems:
        click.echo(problem, nl=False)
    if problems:
        sys.exit(EXIT_WARNINGS)
    click.echo(f"ok: {len(current)} edition(s) match their golden snapshots")


def run() -> None:
    """The `unreport` executable: the commands, then an exit that skips tearing the
    interpreter down (freeing WeasyPrint's ~100,000 objects one by one costs a cold build
    ~0.1 s). Output is flushed first; nothing else needs the interpreter's clean-up."""
    try:
        try:
            main()
            code = EXIT_OK
        except SystemExit as done:
            code = done.code
        if code is not None and not isinstance(code, int):
            click.echo(code, err=True)
            code = 1
        for name, stream in (("standard output", sys.stdout), ("standard error", sys.stderr)):
            try:
                stream.flush()
            except OSError as exc:
                raise OutputFailed(name, exc) from exc
    except OSError as exc:  # raised outside a command (click's own help or usage text)
        stream = failed_stream(exc)
        if stream is None:
            raise
        code = output_failed(OutputFailed(stream, exc))
    except OutputFailed as failed:
        code = output_failed(failed)
    os._exit(code or EXIT_OK)


def output_failed(failed: OutputFailed) -> int:
    """Say, on stderr if it still works, which stream could not be written; exit 2."""
    if failed.stream != "standard error":
        try:
            sys.stderr.write(f"error: cannot write to the {failed.stream}: {failed.error.strerror or failed.error}\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
    return EXIT_ERRORS


