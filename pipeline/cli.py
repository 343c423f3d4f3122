"""The `unreport` command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .problems import InputError, Problem, display_path

if TYPE_CHECKING:
    from .batch import BatchSummary

EXIT_OK, EXIT_WARNINGS, EXIT_ERRORS = 0, 1, 2
EXIT_BUILD_FAILED = 1  # build: a report failed in a writer (the inputs were valid)


def report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if problems:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


data_option = click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
                           default=Path("data"), show_default=True, help="Folder of the input data.")
output_option = click.option("--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
                             default=Path("output"), show_default=True, help="Folder the builds are written to.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Build United Nations parliamentary reports from structured data."""


@main.command()
@click.argument("sessions", nargs=-1)
@click.option("--all", "all_sessions", is_flag=True, help="Every session folder in DATA/sessions.")
@data_option
@output_option
@click.option("--templates", "templates_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="Folder of the report templates and CSS (default: the repository's templates/).")
@click.option("--format", "formats", multiple=True, type=click.Choice(["pdf", "docx", "html", "txt"]),
              help="Only these formats (default: all).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Reports built at once, each in its own process (default: the number of cores).")
@click.option("--force", is_flag=True, help="Build every report, even those whose inputs have not changed.")
def build(sessions: tuple[str, ...], all_sessions: bool, data_dir: Path, output_dir: Path,
          templates_dir: Path | None, formats: tuple[str, ...], jobs: int | None, force: bool) -> None:
    """Validate and build the reports of each SESSION (or --all) into OUTPUT/SESSION/.

    Reports whose inputs have not changed since they were built are skipped. A session with
    an input error gets nothing written; the other sessions are still built."""
    from .batch import BatchOptions, available_cores, run_batch
    from .layout import TEMPLATES_DIR, session_folders
    from .progress import progress_for_terminal
    from .writers import FORMATS

    if all_sessions == bool(sessions):
        raise click.UsageError("give SESSION numbers or --all (not both)")
    chosen = tuple(f for f in FORMATS if not formats or f in formats)
    if "html" not in chosen:
        chosen = ("html",) + chosen  # the tree is always written beside the documents
    options = BatchOptions(data_dir, output_dir, templates_dir or TEMPLATES_DIR, chosen,
                           jobs or available_cores(), force)
    try:
        summary = run_batch(list(session_folders(data_dir) if all_sessions else sessions),
                            options, progress_for_terminal())
    except InputError as exc:  # a bad session id: nothing was built
        report_problems(exc.problems)
        sys.exit(EXIT_ERRORS)
    for failure in summary.failed:
        click.echo(f"not built: {failure.what}: {failure.message}", err=True)
    click.echo(summary_line(summary))
    if any(f.input_error for f in summary.failed):
        sys.exit(EXIT_ERRORS)
    sys.exit(EXIT_BUILD_FAILED if summary.failed else EXIT_OK)


def summary_line(summary: BatchSummary) -> str:
    """'built 3, skipped 1, failed 0 report(s) in 1.2 s; 2 worker(s), peak memory 150 MB each at most'."""
    line = (f"built {len(summary.built)}, skipped {len(summary.skipped)}, failed {len(summary.failed)} "
            f"report(s) in {summary.seconds:.2f} s")
    if summary.peak_memory:
        line += (f"; {summary.workers} worker(s), peak memory per worker "
                 f"{summary.peak_worker_memory / 2**20:.0f} MB")
    return line


@main.command()
@click.argument("targets", nargs=-1)
@data_option
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings.")
def validate(targets: tuple[str, ...], data_dir: Path, strict: bool) -> None:
    """Check SESSION numbers or edition FILES (default: every session) and list every problem."""
    from .load import check_session_id, edition_files, load_editions
    from .validate import validate as run_rules

    try:
        files: list[Path] = []
        for target in targets or sorted(p.name for p in (data_dir / "sessions").iterdir() if p.is_dir()):
            if target.endswith((".yaml", ".yml")) or "/" in target:
                files.append(Path(target))
            else:
                files.extend(edition_files(data_dir, check_session_id(target)))
        problems = run_rules(load_editions(data_dir, files))
    except InputError as exc:
        problems = exc.problems
    report_problems(problems)
    if any(p.severity == "error" for p in problems):
        sys.exit(EXIT_ERRORS)
    if strict and problems:
        sys.exit(EXIT_WARNINGS)
    click.echo(f"ok: {len(files)} edition(s) valid")


def run() -> None:
    """The `unreport` executable: the commands, then an exit that skips tearing the
    interpreter down (freeing WeasyPrint's ~100,000 objects one by one costs a cold build
    ~0.1 s). Output is flushed first; nothing else needs the interpreter's clean-up."""
    try:
        main()
        code = EXIT_OK
    except SystemExit as done:
        code = done.code
    if code is not None and not isinstance(code, int):
        click.echo(code, err=True)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or EXIT_OK)


if __name__ == "__main__":
    run()
