"""UN editorial style as small functions; each is also a Jinja filter of the same name.

Rules from the UN Editorial Manual (see data-independent facts in README): lists joined
without a serial comma, numbers under ten in words, dates as "27 August 2004", sessions as
ordinals in words.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable

from babel.dates import format_date
from num2words import num2words

from pipeline.model.common import JOB_NUMBER_PARTS


def join_list(items: Iterable[Any], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C': the UN joins lists without a serial comma."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def number(value: int) -> str:
    """Numbers one to nine in words, 0 and 10 and above in figures ("seven", "26")."""
    if 1 <= value <= 9:
        return num2words(value)
    return str(value)


def number_capitalized(value: int) -> str:
    """A number that opens a sentence is always in words ("Twenty-six")."""
    return num2words(value).capitalize()


def ordinal(value: int) -> str:
    """An ordinal in words: 59 -> 'fifty-ninth'."""
    return num2words(value, to="ordinal")


def session_name(session: int) -> str:
    """'Fifty-ninth session'."""
    return f"{ordinal(session).capitalize()} session"


def year_session_name(year: int) -> str:
    """'2015 session': a session named by its year (the Economic and Social Council's)."""
    return f"{year} session"


def session_dates(opens: dt.date, closes: dt.date) -> str:
    """A session's days as mastheads print them under its name, joined by an en dash as the UN
    sets ranges (E/2019/68: '26 July 2018–24 July 2019'): '9–20 March 2015', '22 February–4 March
    2016' (what both ends share is printed once, at the end)."""
    if opens == closes:
        return long_date(opens)
    shared = shared_by_range(opens, closes)
    if shared == "month":
        start = str(opens.day)
    elif shared == "year":
        start = format_date(opens, "d MMMM", locale="en")
    else:
        start = long_date(opens)
    return f"{start}\u2013{long_date(closes)}"


def shared_by_range(opens: dt.date, closes: dt.date) -> str:
    """What a range's first day shares with its last, which the range prints once, at its end:
    'month' (the month and year: '9-20 March 2015'), 'year' ('27 February-24 March 2017') or ''."""
    if (opens.year, opens.month) == (closes.year, closes.month):
        return "month"
    return "year" if opens.year == closes.year else ""


def long_date(value: dt.date | int | None) -> str:
    """'27 August 2004' (day without a leading zero, month in words); a year known without
    its day prints as the year, and no date (a State that has not signed) as nothing, so
    that a status table's empty cells stay empty."""
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return format_date(value, "d MMMM y", locale="en")


def counted_list(items: Iterable[Any], predicate: str, noun: str | None = None, nouns: str | None = None) -> str:
    """A clause that names what it counts, for none, one or many:
    'no State has P', 'one State, Chile, has P', 'the following four States have P: A, B, C and D'.
    Items print as given (sort them first); `nouns` defaults to `noun` + 's'. The words are
    en.yaml's `counted` strings (a language version uses its own)."""
    from pipeline.i18n.labels import original_labels  # imported here: labels reads the language files

    return original_labels().counted_list(items, predicate, noun, nouns, count_words=number, join=join_list)


def upper_first(text: str) -> str:
    """The first letter in capitals, the rest as it is, to open a sentence with a clause
    ("no State has ..." -> "No State has ..."); Jinja's `capitalize` would lower-case the rest."""
    return text[:1].upper() + text[1:]


def job_number_digits(job_number: str) -> str:
    """The digits a job number's barcode encodes: '04-39651 (E) 300704' -> '0439651'; a Geneva
    or Vienna job number's office prefix is not encoded ('GE.10-14635 (E)' -> '1014635')."""
    parts = JOB_NUMBER_PARTS.search(job_number)
    return parts["year"] + parts["serial"] if parts else ""


def running_job_number(job_number: str | None, place: str) -> str:
    """The job number a Geneva document prints beside the page number at the foot of its inner
    pages ("2 GE.17-00986", A/HRC/34/52; "2 GE.14-25280", A/HRC/28/63): its office prefix, year
    and serial; '' for any other (a New York document prints the page number alone)."""
    parts = JOB_NUMBER_PARTS.match(job_number or "")
    return f"GE.{parts['year']}-{parts['serial']}" if place == "Geneva" and parts and parts["office"] == "GE" else ""


FILTERS = {
    "and_list": join_list,
    "number": number,
    "Number": number_capitalized,
    "ordinal": ordinal,
    "date": long_date,
    "counted_list": counted_list,
    "upper_first": upper_first,
}
