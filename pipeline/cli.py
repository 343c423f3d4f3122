"""The `unreport` command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .problems import InputError, Problem, display_path

EXIT_OK, EXIT_WARNINGS, EXIT_ERRORS = 0, 1, 2


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
@click.argument("sessions", nargs=-1, required=True)
@data_option
@output_option
@click.option("--format", "formats", multiple=True, type=click.Choice(["pdf", "docx", "html", "txt"]),
              help="Only these formats (default: all).")
def build(sessions: tuple[str, ...], data_dir: Path, output_dir: Path, formats: tuple[str, ...]) -> None:
    """Validate and build every report of each SESSION into OUTPUT/SESSION/."""
    from .build import FORMATS, build_session

    chosen = tuple(f for f in FORMATS if not formats or f in formats)
    if "html" not in chosen:
        chosen = ("html",) + chosen  # the tree is always written beside the documents
    failed = False
    for session in sessions:
        try:
            result = build_session(session, data_dir, output_dir, chosen)
        except InputError as exc:
            report_problems(exc.problems)
            click.echo(f"session {session}: not built; {display_path(output_dir)} left as it was", err=True)
            failed = True
            continue
        report_problems(result.warnings)
        for edition in result.editions:
            for fmt, path in edition.files.items():
                click.echo(f"wrote {display_path(path)}")
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


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
    from .comparison import DiffInputError, Views, run_diff
    from .pagediff import PageDiffError

    views = Views.under(out_dir) if out_dir else Views()
    views.html, views.docx, views.pages = html_file or views.html, docx_file or views.docx, pages_dir or views.pages
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
@click.option("--update", is_flag=True, help="Accept the current output as golden (after reviewing it).")
@data_option
@click.option("--golden", "golden_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the golden snapshots (default: tests/golden).")
def golden(update: bool, data_dir: Path, golden_dir: Path | None) -> None:
    """Compare every committed edition's canonical text and tree with its golden snapshot.

    Exit 1 when one differs or has none; --update records the current output instead.
    """
    from . import golden as snapshots

    folder = golden_dir or snapshots.GOLDEN_DIR
    try:
        if update:
            written, removed = snapshots.update(data_dir, folder)
            for path in written:
                click.echo(f"wrote {display_path(path)}")
            for path in removed:
                click.echo(f"removed {display_path(path)} (no such edition any more)")
            click.echo(f"golden snapshots up to date in {display_path(folder)}")
            sys.exit(EXIT_OK)
        current = snapshots.snapshots(data_dir)
    except InputError as exc:
        report_problems(exc.problems)
        sys.exit(EXIT_ERRORS)
    problems = [p for p in (snapshots.check(s, folder) for s in current) if p]
    problems += [f"{display_path(p)}: golden of an edition that no longer exists: run `make golden`\n"
                 for p in snapshots.stale_goldens(data_dir, folder, current)]
    for problem in problems:
        click.echo(problem, nl=False)
    if problems:
        sys.exit(EXIT_WARNINGS)
    click.echo(f"ok: {len(current)} edition(s) match their golden snapshots")


if __name__ == "__main__":
    main()
