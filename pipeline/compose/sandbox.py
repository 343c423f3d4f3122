"""The paragraph sandbox: `{{ ... }}` expressions in paragraph text run in Jinja's immutable
sandbox, with only the project's filters and bounded operators."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, Callable, Iterable

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from pipeline.facts.names import State, sorted_states
from pipeline.facts.treaty import declared
from pipeline.i18n import style


# A computed list of States stays a list in the tree: the `states` filter brackets the list and
# each name with private-use characters, which inline markup turns into <span class="state-list">
# and <span class="state"> (compose/inline.py), so that the AKN and web writers can mark them
# up; the `person` filter marks a person's name (<span class="person">) the same way. Text read
# for validation has the marks taken out (render_paragraph_text).
STATE_LIST_OPEN, STATE_LIST_CLOSE, STATE_OPEN, STATE_CLOSE = "\ue000", "\ue001", "\ue002", "\ue003"
PERSON_OPEN, PERSON_CLOSE = "\ue004", "\ue005"
_NO_MARKS = str.maketrans("", "", STATE_LIST_OPEN + STATE_LIST_CLOSE + STATE_OPEN + STATE_CLOSE + PERSON_OPEN
                          + PERSON_CLOSE)


def marked_states(names: Iterable[str], join: Callable[[Iterable[str]], str]) -> str:
    """Names of States joined as a list (by a language's `join`), marked as a list of States."""
    joined = join(STATE_OPEN + name + STATE_CLOSE for name in names)
    return STATE_LIST_OPEN + joined + STATE_LIST_CLOSE if joined else ""


def states(values: list[State]) -> str:
    """A list of States in UN order, joined without a serial comma (marked as a list of States)."""
    return marked_states((s.name for s in sorted_states(list(values))), style.join_list)


def person(name: str) -> str:
    """A person's name, marked as one (a committee member in a table row: `{{ row.name|person }}`)."""
    return PERSON_OPEN + str(name) + PERSON_CLOSE if str(name) else ""


PARAGRAPH_FILTERS = {**style.FILTERS, "states": states, "person": person, "declared": declared}


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
def _paragraph_template(source: str, environment: ImmutableSandboxedEnvironment | None = None) -> jinja2.Template:
    """A paragraph compiled once: carried-over paragraphs are the same text edition after edition."""
    return (environment or paragraph_environment()).from_string(source)


def render_paragraph_text(source: str, context: dict[str, Any],
                          environment: ImmutableSandboxedEnvironment | None = None, marked: bool = False) -> str:
    """Run a paragraph's `{{ ... }}` expressions in the sandbox (errors propagate); a language
    version passes its own sandbox, whose filters speak its language; `marked` keeps the marks
    of State lists and persons for inline markup (compose/inline.py)."""
    text = _paragraph_template(source, environment).render(context)
    return text if marked else text.translate(_NO_MARKS)


def language_environment(filters: dict[str, Any]) -> ImmutableSandboxedEnvironment:
    """The sandbox of a language version: the same rules, with that language's filters."""
    env = ParagraphSandbox(undefined=jinja2.StrictUndefined, autoescape=False)
    env.globals.clear()
    env.filters.clear()
    env.filters.update({name: _checked(name, f) for name, f in {"person": person, "declared": declared, **filters}.items()})
    env.filters["count"] = _checked("count", len)
    env.filters["length"] = _checked("length", len)
    return env


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
