"""The paragraph sandbox: `{{ ... }}` expressions in paragraph text run in Jinja's immutable
sandbox, with only the project's filters and bounded operators."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Callable, Iterable

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
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
    if isinstance(value, jinja2.Undefined):
        return "nothing (the data it is given does not exist)"
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
    """The filter, raising FilterInputError (in a drafter's words) for data it cannot take,
    and ParagraphLimitError for a result larger than a paragraph allows."""
    def filter_(value: Any, *args: Any, **kwargs: Any) -> Any:
        if name in COUNT_FILTERS:
            value = _count(name, value)
        try:
            return bounded(function(value, *args, **kwargs))
        except (ParagraphLimitError, FilterInputError):
            raise
        except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError, AssertionError):
            raise FilterInputError(f"the filter '{name}' cannot take {_kind_of(value)}") from None
    return filter_


# The filters that write a count in words or figures ("seven", "26", "fifty-ninth"). A report
# counts States, members, sessions: never a fraction, never below zero. A negative number is
# refused rather than printed with a minus sign (U+2212): in a count it is a slip (a subtraction
# the wrong way round), and no filter's words ("minus seven"?) would be right in every language.
COUNT_FILTERS = ("number", "Number", "ordinal")


def _count(name: str, value: Any) -> Any:
    """The value a count filter is given, as a whole number; FilterInputError for a fraction or
    a number below zero (other kinds are left to the filter, which says what it cannot take)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool) and value < 0):
        raise FilterInputError(f"the filter '{name}' writes a count, a whole number 0 or more, but the expression "
                               f"gives {value}")
    return value


# Every value a paragraph expression makes stays this small: a report paragraph is a few
# hundred words, and a list of States a few hundred names. A pasted '{{ parties*10000*10000 }}'
# or '(10**64)**64' must fail at once, not fill the memory or run for a minute.
MAX_TEXT = 50_000  # characters of one value, and of the whole paragraph (8,000 words: a whole report)
MAX_ITEMS = 10_000  # items of one list
MAX_DIGITS = 100  # digits of one whole number
MAX_INT_BITS = int(MAX_DIGITS * 3.33) + 1
LIMITS = f"a paragraph's values are limited to {MAX_TEXT:,} characters, {MAX_ITEMS:,} list items and {MAX_DIGITS}-digit numbers"


class ParagraphLimitError(SecurityError):
    """An expression made (or was about to make) a value larger than a paragraph allows."""


class ParagraphStatementError(jinja2.TemplateSyntaxError):
    """A '{% ... %}' statement in a paragraph, which holds '{{ ... }}' expressions only."""


def _too_large(what: str) -> ParagraphLimitError:
    return ParagraphLimitError(f"the expression makes {what}, which is not allowed in a paragraph ({LIMITS}); "
                               "write the text out instead")


def _size(value: Any) -> int:
    """How large a value is, in the unit its limit counts."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple, dict, set)):
        return len(value)
    return 0


def bounded(value: Any) -> Any:
    """The value, when it is within the paragraph limits; ParagraphLimitError otherwise."""
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise _too_large(f"a text of {len(value):,} characters")
    if isinstance(value, (list, tuple, dict, set)) and len(value) > MAX_ITEMS:
        raise _too_large(f"a list of {len(value):,} items")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise _too_large(f"a number of more than {MAX_DIGITS} digits")
    return value


def _check_operands(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would exceed the limits, before computing it."""
    numbers = all(isinstance(v, int) and not isinstance(v, bool) for v in (left, right))
    if operator == "**" and numbers:
        if right > 0 and abs(left) > 1 and abs(left).bit_length() * right > MAX_INT_BITS:
            raise _too_large(f"a number of more than {MAX_DIGITS} digits")
    elif operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_INT_BITS:
        raise _too_large("a number this large")
    if operator == "*":
        if numbers and abs(left).bit_length() + abs(right).bit_length() > MAX_INT_BITS + 1:
            raise _too_large(f"a number of more than {MAX_DIGITS} digits")
        for sequence, times in ((left, right), (right, left)):
            if isinstance(times, int) and not isinstance(times, bool) and _size(sequence) * max(times, 0) > (
                    MAX_TEXT if isinstance(sequence, str) else MAX_ITEMS):
                kind = "a text" if isinstance(sequence, str) else "a list"
                raise _too_large(f"{kind} of {_size(sequence) * times:,} {'characters' if kind == 'a text' else 'items'}")
    if operator == "%" and isinstance(left, str):
        raise ParagraphLimitError("'%' formatting of text is not allowed in a paragraph; use the filters")


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with '~' (joining texts) made through the sandbox's bounded join."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802 -- Jinja's visitor name
        self.write("environment.bounded_join((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class ParagraphSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with every operator's result bounded, '~' bounded, method
    calls refused and statements refused (see `paragraph_template`)."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_operands(operator, left, right)
        if operator == "+" and _size(left) + _size(right) > (MAX_TEXT if isinstance(left, str) else MAX_ITEMS):
            raise _too_large("a value this long")
        return bounded(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 -- Jinja's signature
        """Only the project's own functions (such as ref()) may be called: a method of a text
        or list ('"x".ljust(10**9)', '.format(...)') is refused."""
        if isinstance(__obj, jinja2.Undefined):
            __obj()  # says which name is unknown
        if not (getattr(__obj, "__module__", None) or "").startswith("pipeline."):
            raise SecurityError("calling a method of the data ('.name(...)') is not allowed in a paragraph")
        for value in (*args, *kwargs.values()):
            bounded(value)
        return bounded(super().call(__context, __obj, *args, **kwargs))

    @staticmethod
    def bounded_join(parts: tuple) -> str:
        texts = [str(part) for part in parts]
        total = sum(len(text) for text in texts)
        if total > MAX_TEXT:
            raise _too_large(f"a text of {total:,} characters")
        return "".join(texts)


def printable(value: Any) -> Any:
    """What an expression may print: text, a number, or a State; a list, a date, a yes/no value
    or nothing would print as Python writes it ('[datetime.date(2004, 8, 20)]', 'None')."""
    if isinstance(value, float):
        if value.is_integer():
            return int(value)  # 6/2 prints 3, not 3.0
        raise FilterInputError(f"the expression gives {value}, a number with a fraction, which a report does not "
                               "print as it stands (reports print counts and dates); make it a whole number ('//' "
                               "divides to one) or write the number out")
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        return f"\u2212{-value}"  # the minus sign, not the hyphen the keyboard gives
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return value
    if isinstance(value, State):
        return value
    if isinstance(value, jinja2.Undefined):
        str(value)  # raises what is wrong: an unknown name, or an attribute the sandbox refuses
    hints = {"a list": "a filter such as |states, |and_list or |count", "a date": "the filter |date",
             "a mapping": "one of its entries"}
    kind = ("a list" if isinstance(value, (list, tuple, set, frozenset)) else "a date" if isinstance(value, dt.date)
            else "a mapping" if isinstance(value, dict) else "nothing" if value is None
            else "a yes/no value" if isinstance(value, bool) else _kind_of(value))
    raise FilterInputError(f"the expression gives {kind}, which a paragraph cannot print as it is; use "
                           f"{hints.get(kind, 'a filter that makes text of it')}")


@lru_cache(maxsize=1)
def paragraph_environment() -> ImmutableSandboxedEnvironment:
    """The sandbox paragraph expressions run in: only our filters, undefined names fail."""
    return _sandbox(PARAGRAPH_FILTERS)


def language_environment(filters: dict[str, Any]) -> ImmutableSandboxedEnvironment:
    """The sandbox of a language version: the same rules, with that language's filters."""
    return _sandbox({"person": person, "declared": declared, **filters})


def _sandbox(filters: dict[str, Any]) -> ImmutableSandboxedEnvironment:
    env = ParagraphSandbox(undefined=jinja2.StrictUndefined, autoescape=False, finalize=printable)
    env.globals.clear()  # no range(), lipsum(), cycler(), namespace(): paragraphs only read facts
    env.filters.clear()
    env.filters.update({name: _checked(name, f) for name, f in filters.items()})
    env.filters["count"] = _checked("count", len)
    env.filters["length"] = _checked("length", len)
    return env


STATEMENT = re.compile(r"\{%")  # any statement, '{% raw %}' included
STATEMENT_MESSAGE = ("a paragraph holds {{ ... }} expressions only, not {% ... %} statements; use the filters "
                     "(states, and_list, counted_list, ...) for lists, or write the text out")


@lru_cache(maxsize=2048)
def _paragraph_template(source: str, environment: ImmutableSandboxedEnvironment | None = None) -> jinja2.Template:
    """A paragraph compiled once: carried-over paragraphs are the same text edition after
    edition. A statement ('{% for %}', '{% macro %}', '{% set %}') is refused: README
    documents expressions only, and loops and macros are how a paragraph runs away."""
    env = environment or paragraph_environment()
    statement = STATEMENT.search(source)
    if statement:
        raise ParagraphStatementError(STATEMENT_MESSAGE, source.count("\n", 0, statement.start()) + 1)
    try:
        return env.from_string(source)
    except RecursionError:
        raise ParagraphLimitError("the expression is nested too deeply for a paragraph; "
                                  "take out the extra brackets") from None


def render_paragraph_text(source: str, context: dict[str, Any],
                          environment: ImmutableSandboxedEnvironment | None = None, marked: bool = False) -> str:
    """Run a paragraph's `{{ ... }}` expressions in the sandbox (errors propagate); the
    paragraph as a whole is bounded too. A language version passes its own sandbox, whose
    filters speak its language; `marked` keeps the marks of State lists and persons for
    inline markup (compose/inline.py)."""
    template = _paragraph_template(source, environment)
    parts: list[str] = []
    total = 0
    try:
        for part in template.root_render_func(template.new_context(context)):
            total += len(part)
            if total > MAX_TEXT:
                if "{{" not in source:  # no expression: the drafter wrote it so
                    raise ParagraphLimitError(f"this text is longer than {MAX_TEXT:,} characters, as long as a "
                                              "whole report; split it into paragraphs")
                raise _too_large(f"a paragraph of more than {MAX_TEXT:,} characters")
            parts.append(part)
    except RecursionError:
        raise ParagraphLimitError("the expression is nested too deeply for a paragraph; "
                                  "take out the extra brackets") from None
    text = "".join(parts)
    return text if marked else text.translate(_NO_MARKS)


@lru_cache(maxsize=256)
def _expression(source: str, environment: ImmutableSandboxedEnvironment | None = None) -> Any:
    return (environment or paragraph_environment()).compile_expression(source, undefined_to_none=False)


def evaluate_expression(source: str, context: dict[str, Any],
                        environment: ImmutableSandboxedEnvironment | None = None) -> Any:
    """The value of one sandboxed expression, such as a table's `rows_from: states|declared("22")`
    (errors propagate), in a language version's sandbox when one is given."""
    value = _expression(source, environment)(**context)
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()
    return value
