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


@main.command("new-edition")
@click.argument("from_session", metavar="FROM")
@click.argument("to_session", metavar="TO")
@click.option("--series", "series_id", metavar="ID", help="Only this series (default: every edition of FROM).")
@click.option("--as-at", "as_at", metavar="YYYY-MM-DD",
              help="Date the facts are as at (default: FROM's, moved on a year per session).")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Document date (default: FROM's, moved on a year per session).")
@click.option("--force", is_flag=True, help="Overwrite editions of TO that already exist.")
@data_option
def new_edition(from_session: str, to_session: str, series_id: str | None, as_at: str | None,
                date: str | None, force: bool, data_dir: Path) -> None:
    """Start session TO's editions from session FROM's: new session and dates, no symbol yet,
    the agenda item left to fill in, paragraphs carried over."""
    from .editions import EditionError, draft_editions, parse_date, write_editions
    from .load import edition_files, load_editions
    from .validate import validate as run_rules

    try:
        drafted = draft_editions(data_dir, from_session, to_session, series_id,
                                 date=parse_date(date, "--date"), as_at=parse_date(as_at, "--as-at"), force=force)
    except EditionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERRORS)
    except InputError as exc:
        report_problems(exc.problems)
        click.echo(f"error: session {from_session} does not load; fix it first", err=True)
        sys.exit(EXIT_ERRORS)
    try:
        write_editions(drafted)
    except OSError as exc:
        targets = ", ".join(display_path(d.target) for d in drafted)
        click.echo(f"error: cannot write {targets}: {exc.strerror or exc}; nothing was written", err=True)
        sys.exit(EXIT_ERRORS)
    for edition in drafted:
        click.echo(f"wrote {display_path(edition.target)} (from {display_path(edition.source)})")
    report_problems(run_rules(load_editions(data_dir, [d.target for d in drafted])))
    click.echo(f"next: fill in the agenda, review the paragraphs, then 'make report SESSION={to_session}'")


if __name__ == "__main__":
    main()
