"""Rules over a series file: its name and the template it asks for."""

from __future__ import annotations

from pipeline.inputs.load import Inputs, Sourced
from pipeline.model.series import Series
from pipeline.inputs.problems import did_you_mean, display_path
from pipeline.model.reference import Organ
from pipeline.validate.rules import Problems, at, error
from pipeline.validate.rules.edition import plain_title_problems


def check_series_titles(inputs: Inputs, sourced: Sourced) -> Problems:
    """The series' title and author line print as written, in every edition: no markup, no
    masthead mark copied with them, a title's length."""
    series: Series = sourced.model
    yield from plain_title_problems(sourced, "title", "the series' title", series.title)
    if series.author:
        yield from plain_title_problems(sourced, "author", "the author line", series.author)


def check_series_id(inputs: Inputs, sourced: Sourced) -> Problems:
    """A series is known by its file name, so 'id' must agree with it."""
    series: Series = sourced.model
    if series.id != sourced.path.stem:
        yield error(at(sourced, "id"),
                    f"id '{series.id}' differs from the file name '{sourced.path.name}'; make them the same")


def check_organ(inputs: Inputs, sourced: Sourced) -> Problems:
    """The organ a series reports to is one reference/organs.yaml declares."""
    series: Series = sourced.model
    if inputs.organs is None or inputs.organ(series.organ) is not None:
        return  # an unreadable organs file is reported where it is read
    known = sorted(inputs.organs.model.organs)
    yield error(at(sourced, "organ"), f"no organ '{series.organ}' in data/reference/organs.yaml"
                                      f"{did_you_mean(series.organ, known)}; the organs are: {', '.join(known)} "
                                      "(add the organ there, with how its symbols begin and a source)")


def check_template(inputs: Inputs, sourced: Sourced) -> Problems:
    """The report template the series names exists under templates/."""
    series: Series = sourced.model
    if (inputs.templates_dir / series.template / "report.html.j2").is_file():
        return
    known = sorted(p.parent.name for p in inputs.templates_dir.glob("*/report.html.j2"))
    if not known:
        yield error(at(sourced, "template"), f"no template '{series.template}': {display_path(inputs.templates_dir)} "
                                             "holds no report templates (<name>/report.html.j2); is --templates "
                                             "the right folder?")
        return
    yield error(at(sourced, "template"), f"no template '{series.template}'{did_you_mean(series.template, known)}; "
                                         f"the templates are: {', '.join(known)}")


def check_declared_facts(inputs: Inputs, sourced: Sourced) -> Problems:
    """A series declares the fact sources it uses, and names the file of each: `treaty` its
    ledger, `committee` its committee; a file it names but does not declare is an error too."""
    series: Series = sourced.model
    for source, key in (("treaty", "ledger"), ("committee", "committee")):
        named = getattr(series, key)
        if source in series.facts and named is None:
            yield error(at(sourced, "facts"), f"the series declares '{source}' facts but names no {key}: add "
                                              f"'{key}: <file in data/reference>' or remove '{source}' from 'facts:'")
        if named is not None and source not in series.facts:
            yield error(at(sourced, key), f"the series names a {key} ('{named}') but does not declare '{source}' "
                                          f"in 'facts:'; add it there (facts: [{', '.join([*series.facts, source])}]) "
                                          f"or remove '{key}:'")
    for index, source in enumerate(series.facts):
        if source in series.facts[:index]:
            yield error(at(sourced, "facts", index), f"'{source}' is declared twice; remove one")


def check_organs_file(inputs: Inputs, sourced: Sourced) -> Problems:
    """reference/organs.yaml: a `masthead:` names another organ of the file, one printed under
    its own name; no two organs' symbols begin alike."""
    organs = sourced.model.organs
    seen: dict[str, str] = {}
    for name, organ in organs.items():
        if organ.masthead is not None:
            parent = organs.get(organ.masthead)
            if organ.masthead == name or parent is None or parent.masthead is not None:
                why = ("is the organ itself" if organ.masthead == name else
                       "is not an organ of this file" if parent is None else "prints another organ in its masthead")
                yield error(at(sourced, "organs", name, "masthead"),
                            f"masthead '{organ.masthead}' {why}; name the principal organ whose documents carry it "
                            f"({', '.join(n for n, o in organs.items() if o.masthead is None and n != name)})")
        yield from _organ_session_problems(sourced, name, organ)
        if organ.symbols in seen:
            yield error(at(sourced, "organs", name, "symbols"),
                        f"'{organ.symbols}' is also the symbols of the {seen[organ.symbols]}; each organ's symbols "
                        "begin their own way")
        seen.setdefault(organ.symbols, name)


def _organ_session_problems(sourced: Sourced, name: str, organ: Organ) -> Problems:
    """An organ's session keys agree: an organ without sessions prints no session dates and
    counts no session years; one whose sessions are ordinals but whose symbols carry a year
    (E/CN.6/2015/) learns the year from the session's dates, so its mastheads print them."""
    if organ.session_style == "none" and organ.session_dates:
        yield error(at(sourced, "organs", name, "session_dates"),
                    "an organ without sessions (session_style: none) prints no session dates; delete 'session_dates'")
    if organ.session_style != "ordinal" and organ.first_session_year is not None:
        yield error(at(sourced, "organs", name, "first_session_year"),
                    f"first_session_year counts ordinal sessions, but this organ's session_style is "
                    f"{organ.session_style}; delete it")
    if organ.symbols_by_year and organ.session_style == "ordinal" and not organ.needs_session_dates:
        yield error(at(sourced, "organs", name, "symbols"),
                    "symbols carrying {year} for an organ with numbered sessions take the year the session opens: "
                    "add session_dates: true (its editions then give the days), or write {session}")
