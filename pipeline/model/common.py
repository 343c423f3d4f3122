"""Types shared by the input models: strict models, plain names, calendar days."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Annotated, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# The name of a file, series or template kind: never a path, so data cannot point outside data/.
PLAIN_NAME = r"^\w[\w.-]*$"
FileName = Annotated[str, StringConstraints(strip_whitespace=True, pattern=PLAIN_NAME)]


def plain_name(example: str) -> Any:
    """A field holding a plain name, with the words its error message uses."""
    return Field(description="a plain name (letters, digits, '-' and '.'; no '/')", examples=[example])

ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Any year outside is a typo (2108 for 2018): the United Nations dates from 1945, and a
# report's dates are within a lifetime of its session. Checked when the file is read, so a
# far date is an error at its line, never a failure in a writer.
FIRST_YEAR, LAST_YEAR = 1945, 2100


def _day(value: object) -> object:
    """A real calendar day, written YYYY-MM-DD (numbers are not dates, 2004-02-30 is not a day)."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_with_time", "{value} has a time; write the date alone as YYYY-MM-DD",
                                  {"value": str(value)})
    if isinstance(value, dt.date):
        value = value.isoformat()  # YAML read it as a date already; its year is checked below
    if value is None:
        raise PydanticCustomError("no_date", "has no value; write a date as YYYY-MM-DD")
    match = ISO_DAY.match(value) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError("not_a_date", "{value} is not a date; write it as YYYY-MM-DD, like 2004-08-27",
                                  {"value": repr(value)})
    year, month, day = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError("far_date", "{value} is not a date of a United Nations document: write a "
                                  "year from {first} to {last}", {"value": value, "first": FIRST_YEAR,
                                                                  "last": LAST_YEAR})
    if not 1 <= month <= 12:
        raise PydanticCustomError("impossible_date", "{value} is not a real date: there is no month {month}",
                                  {"value": value, "month": month})
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise PydanticCustomError("impossible_date", "{value} is not a real date: {month} {year} has {last} days",
                                  {"value": value, "month": calendar.month_name[month], "year": year, "last": last})
    return dt.date(year, month, day)


def _day_or_year(value: object) -> object:
    """A day, or a year alone (an int) when the day is not known."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not FIRST_YEAR <= value <= LAST_YEAR:
            raise PydanticCustomError("not_a_year", "{value} is not a year; write a date as YYYY-MM-DD or a year "
                                      "like 2013", {"value": value})
        return value
    return None if value is None else _day(value)


Day = Annotated[dt.date, BeforeValidator(_day)]


def _whole_number(value: object) -> object:
    """A whole number, never a yes/no value: YAML reads `yes`, `no`, `on`, `off`, `true` and
    `false` as true or false, and Python would take true for 1 ('item: yes' -> "Item 1")."""
    if isinstance(value, bool):
        raise PydanticCustomError("yes_no_number", "must be a whole number, not a yes/no value (YAML reads yes, "
                                  "no, true, false, on and off so); write the number")
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
DayOrYear = Annotated[Union[dt.date, int, None], BeforeValidator(_day_or_year)]


# A job number: a Geneva or Vienna office's prefix, year-serial, the language letter and the
# processing date(s) ("04-39651 (E) 300704", "GE.10-14635 (E) 060710", "GE.18-15291(E)"); the
# copies of Geneva documents of 2014 print "GE.14-13475" alone (A/HRC/26/29, A/HRC/26/1), so the
# letter (and the dates with it) may be left out.
JOB_NUMBER = r"^((GE|V)\.)?\d{2}-\d{5}( ?\([A-Z]\)( \d{6}){0,2})?$"
JOB_NUMBER_PARTS = re.compile(r"(?:(?P<office>GE|V)\.)?(?P<year>\d{2})-(?P<serial>\d{5})( ?\((?P<letter>[A-Z])\))?")


def full_year(two_digits: int) -> int:
    """The year a job number's or a processing date's two digits stand for (46-99: the 1900s)."""
    return 2000 + two_digits if two_digits < 46 else 1900 + two_digits


class Strict(BaseModel):
    """Base for input models: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)

# A block's id, for cross-references and for translations to name the block they translate.
BLOCK_ID = r"^[a-z][a-z0-9-]*$"
BlockId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=BLOCK_ID)]


def block_id_field() -> Any:
    """An optional block id, with the words its error message uses."""
    return Field(None, description="an id of lower-case letters, digits and '-', starting with a letter",
                 examples=["election"])
