"""The paragraph sandbox: `{{ ... }}` expressions in paragraph text run in Jinja's immutable
sandbox, with only the project's filters and bounded operators."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from pipeline.facts.names import State, sorted_states
from pipeline.facts.treaty import declared
from pipeline.i18n import style


def states(values: list[State]) -> str:
    """A list of States in UN order, joined without a serial comma."""
    return style.join_list(s.name for s in sorted_states(list(values)))


PARAGRAPH_FILTERS = {**style.FILTERS, "states": states, "declared": declared}


class FilterInputError(ValueError):
    """A paragraph filter given data it cannot take ('{{ as_at|number }}')."""


def _kind_of(value: Any) -> str:
    """How a drafter would name a value's kind."""
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


def _checked(name: str, function: Any) -> Any:
    """The filter, raising FilterInputError (in a drafter's words) for data it cannot take."""
    def filter_(value: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return function(value, *args, **kwargs)
        except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError):
            raise FilterInputError(f"the filter '{name}' cannot take {_kind_of(value)}") from None
    return filter_


MAX_REPEAT = 10_000  # '*' and '**' in a paragraph expression stay this small


class ParagraphSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with '*' and '**' bounded: '{{ "x" * 10**9 }}' in a pasted
    paragraph must fail, not fill the memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        sizes = [abs(v) for v in (left, right) if isinstance(v, int)]
        repeated = any(isinstance(v, (str, list, tuple)) for v in (left, right))
        if (operator == "**" and isinstance(right, int) and abs(right) > 64) or (
                operator == "*" and repeated and any(n > MAX_REPEAT for n in sizes)):
            raise SecurityError(f"'{operator}' with operands this large is not allowed in a paragraph")
        return super().call_binop(context, operator, left, right)


@lru_cache(maxsize=1)
def paragraph_environment() -> ImmutableSandboxedEnvironment:
    """The sandbox paragraph expressions run in: only our filters, undefined names fail."""
    env = ParagraphSandbox(undefined=jinja2.StrictUndefined, autoescape=False)
    env.globals.clear()  # no range(), lipsum(), cycler(), namespace(): paragraphs only read facts
    env.filters.clear()
    env.filters.update({name: _checked(name, f) for name, f in PARAGRAPH_FILTERS.items()})
    env.filters["count"] = _checked("count", len)
    env.filters["length"] = _checked("length", len)
    return env


@lru_cache(maxsize=2048)
def _paragraph_template(source: str) -> jinja2.Template:
    """A paragraph compiled once: carried-over paragraphs are the same text edition after edition."""
    return paragraph_environment().from_string(source)


def render_paragraph_text(source: str, context: dict[str, Any]) -> str:
    """Run a paragraph's `{{ ... }}` expressions in the sandbox (errors propagate)."""
    return _paragraph_template(source).render(context)


@lru_cache(maxsize=256)
def _expression(source: str) -> Any:
    return paragraph_environment().compile_expression(source, undefined_to_none=False)


def evaluate_expression(source: str, context: dict[str, Any]) -> Any:
    """The value of one sandboxed expression, such as a table's `rows_from: states|declared("22")`
    (errors propagate)."""
    value = _expression(source)(**context)
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()
    return value
