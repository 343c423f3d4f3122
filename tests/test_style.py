"""UN style helpers: each rule from un-layout.md, tested as a function and as a filter."""

import datetime as dt

import pytest

from pipeline.i18n import style
from pipeline.compose.sandbox import render_paragraph_text
from pipeline.facts.names import State


@pytest.mark.parametrize("items, joined", [
    ([], ""),
    (["Mali"], "Mali"),
    (["Mali", "Peru"], "Mali and Peru"),
    (["Chile", "Mali", "Peru"], "Chile, Mali and Peru"),  # no serial comma
])
def test_join_list_has_no_serial_comma(items, joined):
    assert style.join_list(items) == joined


@pytest.mark.parametrize("value, words", [(0, "0"), (1, "one"), (9, "nine"), (10, "10"), (26, "26")])
def test_numbers_under_ten_in_words(value, words):
    assert style.number(value) == words


def test_number_opening_a_sentence_is_in_words():
    assert style.number_capitalized(26) == "Twenty-six"


@pytest.mark.parametrize("session, name", [(59, "Fifty-ninth session"), (60, "Sixtieth session"),
                                           (1, "First session"), (101, "One hundred and first session")])
def test_session_ordinal_in_words(session, name):
    assert style.session_name(session) == name


def test_dates_in_un_form():
    assert style.long_date(dt.date(2004, 8, 27)) == "27 August 2004"
    assert style.long_date(dt.date(2005, 8, 1)) == "1 August 2005"


def test_job_number_barcode_digits():
    assert style.job_number_digits("04-39651 (E) 300704") == "0439651"


def test_filters_in_paragraph_text():
    states = [State("Peru", "Peru"), State("Chile", "Chile"), State("Mali", "Mali")]
    text = render_paragraph_text(
        "As at {{ as_at|date }}, the following {{ parties|count|number }} States: {{ parties|states }}.",
        {"as_at": dt.date(2004, 8, 20), "parties": states},
    )
    assert text == "As at 20 August 2004, the following three States: Chile, Mali and Peru."


@pytest.mark.parametrize("names, clause", [
    ([], "no State has ratified the Convention"),
    (["Chile"], "one State, Chile, has ratified the Convention"),
    (["Algeria", "Chile", "Syrian Arab Republic", "Turkey"],
     "the following four States have ratified the Convention: Algeria, Chile, Syrian Arab Republic and Turkey"),
    ([f"S{n:02}" for n in range(12)], "the following 12 States have ratified the Convention: "
                                      + ", ".join(f"S{n:02}" for n in range(11)) + " and S11"),
])
def test_counted_list_for_none_one_and_many(names, clause):
    assert style.counted_list([State(n, n) for n in names], "ratified the Convention") == clause


def test_counted_list_with_another_noun_as_a_paragraph_filter():
    text = render_paragraph_text(
        'Since then, {{ left|counted_list("left the Committee", noun="member") }}.',
        {"left": ["Member Alpha", "Member Gamma"]},
    )
    assert text == "Since then, the following two members have left the Committee: Member Alpha and Member Gamma."
    assert style.counted_list([], "joined", noun="member") == "no member has joined"


def test_upper_first_opens_a_sentence_without_lowering_the_rest():
    text = render_paragraph_text('{{ joined|counted_list("joined the Committee", noun="member")|upper_first }}.',
                                 {"joined": []})
    assert text == "No member has joined the Committee."
    assert style.upper_first("the following two States have signed: Chile and Peru") == \
        "The following two States have signed: Chile and Peru"
