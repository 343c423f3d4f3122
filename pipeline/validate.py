"""The validation stage: rules of the domain over loaded inputs, each problem located.

Runs after loading (which already checked shapes and types) and before composing; a build
writes nothing while any error stands.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

import jinja2
from jinja2.exceptions import SecurityError

from .compose import edition_facts, markup_paragraph, render_paragraph_text, Footnotes
from .load import Inputs, Sourced
from .model import Edition, ParagraphBlock
from .problems import InputError, Location, Problem
from .sources import locate
from .compose import table_is_empty
from .model import TableBlock

GA_SYMBOL = re.compile(r"^A/(?P<session>\d{1,3})/(?P<rest>[A-Z0-9.]+(/[A-Za-z0-9.]+)*)$")

EditionRule = Callable[[Inputs, Sourced], Iterator[Problem]]


def _at(sourced: Sourced, *path: str | int) -> Location:
    return locate(sourced.raw, *path) or Location(str(sourced.path))


def check_symbols(inputs: Inputs, sourced: Sourced) -> Iterator[Problem]:
    """The symbol and the provisional agenda's symbol are GA symbols of the edition's session."""
    edition: Edition = sourced.model
    for path, value in ((("symbol",), edition.symbol), (("agenda", "provisional_agenda"), edition.agenda.provisional_agenda)):
        if value is None:
            continue
        match = GA_SYMBOL.match(value)
        if not match:
            yield Problem(_at(sourced, *path), "error",
                          f"'{value}' is not a General Assembly symbol (like A/{edition.session}/150)")
        elif int(match["session"]) != edition.session:
            yield Problem(_at(sourced, *path), "error",
                          f"'{value}' belongs to session {match['session']}, but this edition is for session {edition.session}")


def check_dates(inputs: Inputs, sourced: Sourced) -> Iterator[Problem]:
    """The as-at date is not after the document date."""
    edition: Edition = sourced.model
    if edition.as_at > edition.date:
        yield Problem(_at(sourced, "as_at"), "error",
                      f"as_at {edition.as_at} is after the document date {edition.date}")


def check_paragraphs(inputs: Inputs, sourced: Sourced) -> Iterator[Problem]:
    """Every paragraph's expressions and inline markup render; footnotes resolve."""
    edition: Edition = sourced.model
    try:
        facts = edition_facts(inputs, sourced)
    except KeyError:
        return  # the series or its reference data failed to load; reported already
    context = facts.context()
    notes = Footnotes()
    for index, block in enumerate(edition.body):
        if not isinstance(block, ParagraphBlock):
            continue
        where = _at(sourced, "body", index, "paragraph")
        try:
            text = render_paragraph_text(block.paragraph, context)
        except jinja2.UndefinedError as exc:
            names = ", ".join(sorted(context))
            yield Problem(where, "error", f"paragraph uses unknown data: {exc.message} (known: {names})")
            continue
        except jinja2.TemplateSyntaxError as exc:
            yield Problem(where, "error", f"paragraph expression syntax: {exc.message}")
            continue
        except SecurityError as exc:
            yield Problem(where, "error", f"paragraph expression not allowed: {exc}")
            continue
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
            yield Problem(where, "error", f"paragraph expression failed: {exc}")
            continue
        if not text.strip():
            yield Problem(where, "error", "paragraph is empty after its expressions are filled in")
        unresolved = re.findall(r"\[\^([^\]]+)\]", text)
        for label in unresolved:
            if label not in edition.footnotes:
                yield Problem(where, "error", f"footnote [^{label}] has no text under 'footnotes:'")
        try:
            markup_paragraph(text, edition.footnotes, notes)
        except ValueError as exc:
            yield Problem(where, "error", str(exc))


def check_agenda_filled_in(inputs: Inputs, sourced: Sourced) -> Iterator[Problem]:
    """A new edition's agenda item is left for the drafter (`agenda.todo`, no item number):
    a warning while the edition is a draft, an error once it has a symbol."""
    edition: Edition = sourced.model
    if edition.agenda.is_filled_in:
        return
    severity, why = ("warning", "") if edition.is_draft else ("error", " (an edition with a symbol needs its agenda)")
    if edition.agenda.todo:
        yield Problem(_at(sourced, "agenda", "todo"), severity, f"agenda.todo: {edition.agenda.todo}{why}")
    else:
        yield Problem(_at(sourced, "agenda", "item"), severity,
                      f"agenda item number to fill in from the provisional agenda{why}")


def check_empty_tables(inputs: Inputs, sourced: Sourced) -> Iterator[Problem]:
    """A table with nothing to show is left out of the document; say so where it stands."""
    try:
        facts = edition_facts(inputs, sourced)
    except KeyError:
        return  # the series or its reference data failed to load; reported already
    for index, block in enumerate(facts.edition.body):
        if isinstance(block, TableBlock) and table_is_empty(block, facts):
            yield Problem(_at(sourced, "body", index), "warning",
                          f"no committee member is in office on {facts.edition.date}: the {block.table} "
                          f"table is left out (add the members elected since to the committee data)")


EDITION_RULES: list[EditionRule] = [check_symbols, check_dates, check_paragraphs]
EDITION_RULES += [check_agenda_filled_in, check_empty_tables]


def validate(inputs: Inputs) -> list[Problem]:
    """Every problem in the inputs: load problems first, then each rule over each edition."""
    problems = list(inputs.problems)
    for sourced in inputs.editions:
        for rule in EDITION_RULES:
            problems.extend(rule(inputs, sourced))
    return sorted(set(problems))


def require_valid(inputs: Inputs) -> list[Problem]:
    """Raise InputError when any error stands; return the warnings otherwise."""
    problems = validate(inputs)
    if any(p.severity == "error" for p in problems):
        raise InputError(problems)
    return problems
