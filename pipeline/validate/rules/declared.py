"""Rules over `declared(...)`, the filter that picks the States with a declaration (or a
reservation) under an article: the article is one under which the ledger records some. A table
`rows_from: states|declared("99")` would otherwise be left out with a mere warning, as if no
State had declared *yet*, when no State ever can (no such article, or `21.0` for "21")."""

from __future__ import annotations

import re
from typing import Any, Iterator

import jinja2
from jinja2 import nodes

from pipeline.compose.sandbox import paragraph_environment
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.sources import find_in_value
from pipeline.model.reference import Ledger
from pipeline.validate.rules import Problems, at, error, strings

EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
KINDS = ("declaration", "reservation")


def declared_calls(expression: str) -> Iterator[tuple[Any, Any]]:
    """(article, kind) of each `declared(...)` an expression makes with literal arguments;
    an expression that does not read is reported elsewhere, and a computed argument is not
    judged here."""
    try:
        tree = paragraph_environment().parse("{{ " + expression + " }}")
    except jinja2.TemplateSyntaxError:
        return
    for node in tree.find_all(nodes.Filter):
        if node.name != "declared" or not node.args or not isinstance(node.args[0], nodes.Const):
            continue
        kind: Any = "declaration"
        if len(node.args) > 1:
            kind = node.args[1].value if isinstance(node.args[1], nodes.Const) else None
        for pair in node.kwargs:
            if pair.key == "kind":
                kind = pair.value.value if isinstance(pair.value, nodes.Const) else None
        yield node.args[0].value, kind


def declared_problem(ledger: Ledger, ledger_name: str, article: Any, kind: Any) -> str | None:
    """What is wrong with `declared(article, kind)` over this ledger, in a drafter's words; None
    when some entry of the ledger has such a declaration (in force or not on any given day)."""
    if kind is not None and kind not in KINDS:
        return f"declared(..., {kind!r}): the kind is \"declaration\" (the default) or \"reservation\""
    kind = kind or "declaration"
    if isinstance(article, bool) or not isinstance(article, (str, int)):
        hint = f' (write declared("{int(article)}"))' if isinstance(article, float) and article.is_integer() else ""
        return f"declared({article!r}): {article!r} is not an article's name{hint}; name the article as text, " \
               'like declared("22")'
    articles = sorted({d.article for action in ledger.actions for d in action.declarations if d.kind == kind},
                      key=lambda a: (len(a), a))
    if str(article) in articles:
        return None
    under = (f"the ledger's {kind}s are under articles {', '.join(articles)}" if articles
             else f"the ledger records no {kind} at all")
    return (f'declared("{article}"): no entry of {ledger_name} has a {kind} under article "{article}" ({under}); '
            f"name one of those articles, or add the {kind}s to the ledger")


def _expressions(path: tuple, text: str) -> list[str]:
    """The expressions a text value holds: a `rows_from` is one; any other text has {{ ... }}."""
    if path and path[-1] == "rows_from":
        return [text]
    return [m[1] for m in EXPRESSION.finditer(text)]


def _check_declared(inputs: Inputs, sourced: Sourced, series_id: str | None) -> Problems:
    series = inputs.series.get(series_id or "")
    if series is None or "treaty" not in series.model.facts or series.model.ledger not in inputs.ledgers:
        return  # no ledger: the undeclared fact is reported where `states` is used
    ledger: Ledger = inputs.ledgers[series.model.ledger].model
    for path, text in strings(sourced.raw):
        if "declared" not in text:
            continue
        for expression in _expressions(path, text):
            for article, kind in declared_calls(expression):
                problem = declared_problem(ledger, series.model.ledger, article, kind)
                if problem is None:
                    continue
                what = "rows_from" if path[-1] == "rows_from" else \
                    "the change_paragraph" if path[-1] == "change_paragraph" else "an expression"
                found = find_in_value(sourced.raw, path, re.escape("declared"))
                yield error(found[0][0] if found else at(sourced, *path), f"{what}: {problem}")


def check_declared_in_series(inputs: Inputs, sourced: Sourced) -> Problems:
    """`declared(...)` in a series' tables (and change paragraph) names an article of its ledger."""
    yield from _check_declared(inputs, sourced, sourced.path.stem)  # series are known by file name


def check_declared_in_edition(inputs: Inputs, sourced: Sourced) -> Problems:
    """`declared(...)` in an edition's paragraphs and tables names an article of its ledger."""
    yield from _check_declared(inputs, sourced, sourced.model.series)


def unknown_declared(inputs: Inputs, series_id: str, expression: str) -> bool:
    """Whether an expression calls `declared(...)` with an article the ledger never names (an
    error reported by the rules above, so the table's 'has nothing' warning is not added)."""
    series = inputs.series.get(series_id)
    if series is None or series.model.ledger not in inputs.ledgers:
        return False
    ledger = inputs.ledgers[series.model.ledger].model
    return any(declared_problem(ledger, series.model.ledger, a, k) for a, k in declared_calls(expression))
