"""The series' `change_paragraph`, which `unreport new-edition` adds to the next edition: it is
checked where it is written, against each edition of the series as the one the next edition
would follow, so a mistake in it is an error at its line in the series file, before any draft
carries it into an edition."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.compose.blocks import EXPRESSION_ERRORS
from pipeline.compose.inline import InlineContext, NoteMarks, markup
from pipeline.compose.sandbox import render_paragraph_text
from pipeline.facts.changes import changes_between
from pipeline.facts.edition import PreviousReport, edition_facts
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.problems import Problem, did_you_mean
from pipeline.inputs.sources import find_in_value
from pipeline.model.edition import Edition
from pipeline.validate.rules import Problems, at, error
from pipeline.validate.rules.paragraphs import FOOTNOTE_CALL, expression_problem, rendered_texts

WHAT = "change_paragraph (the paragraph new-edition adds to the next edition)"


def _said_of_it(problem: Problem) -> Problem:
    return replace(problem, message=f"{WHAT}: {problem.message}")


def check_change_paragraph(inputs: Inputs, sourced: Sourced) -> Problems:
    """The series' change paragraph composes in the next edition drafted from this one: the
    data it uses exist there (`previous` is this edition, `changes` what changed since), its
    expressions are allowed, its footnotes are this edition's (a draft keeps them)."""
    edition: Edition = sourced.model
    series = inputs.series.get(edition.series)
    rendered = rendered_texts(inputs, sourced)
    if series is None or series.model.change_paragraph is None or rendered is None:
        return
    text, path = series.model.change_paragraph, ("change_paragraph",)
    facts = edition_facts(inputs, sourced)
    context = dict(rendered.context)
    context["previous"] = PreviousReport(edition.session, edition.symbol or inputs.placeholder_symbol(edition),
                                         edition.date, edition.as_at)
    if facts.status is not None:
        context["changes"] = changes_between(facts.status, facts.status, facts.members or [], facts.members or [])
    try:
        out = render_paragraph_text(text, context)
    except EXPRESSION_ERRORS as exc:
        yield _said_of_it(expression_problem(series, path, exc, context, series.model))
        return
    if not out.strip():
        yield error(at(series, *path), f"{WHAT} is empty once its expressions are filled in; write its text "
                                       "or remove 'change_paragraph'")
        return
    unknown = [label for label in dict.fromkeys(FOOTNOTE_CALL.findall(out)) if label not in edition.footnotes]
    for label in unknown:
        found = find_in_value(series.raw, path, re.escape(f"[^{label}]"))
        yield error(found[0][0] if found else at(series, *path),
                    f"{WHAT}: footnote [^{label}] is not among the footnotes of session {edition.session}'s "
                    f"{sourced.path.name}, which an edition drafted from it keeps"
                    f"{did_you_mean(label, list(edition.footnotes))}; add '{label}: ...' under its "
                    "'footnotes:' or remove the call")
    if unknown:
        return  # the inline markup would only fail on the same calls
    inline = InlineContext({label: FOOTNOTE_CALL.sub("", note) for label, note in edition.footnotes.items()},
                           NoteMarks(edition.footnote_marks), anchors=set(rendered.composer.numbers.anchors.values()))
    try:
        markup(out, inline)
    except ValueError as exc:
        needle = getattr(exc, "source", None)
        found = find_in_value(series.raw, path, re.escape(needle)) if needle else []
        yield error(found[0][0] if found else at(series, *path), f"{WHAT}: {exc}")
