"""Validation rules for drafted editions: an agenda left to fill in, a table with no rows."""

import shutil

import pytest

from conftest import build, replace_in
from pipeline.inputs.load import load_session
from pipeline.inputs.problems import InputError
from pipeline.validate import require_valid, validate

AGENDA_59 = "  item: 107\n  sub_item: a\n"
AGENDA_TO_FILL_IN = "  todo: fill in item and sub_item from A/59/150\n  item: null\n"


def edition_59(data_dir):
    return data_dir / "sessions" / "59" / "cmw-status.yaml"


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_agenda_to_fill_in_is_a_warning_at_its_line_while_the_edition_is_a_draft(data_copy, tmp_path):
    replace_in(edition_59(data_copy), AGENDA_59, AGENDA_TO_FILL_IN)
    problems = validate(load_session(data_copy, 59))
    assert [(p.severity, p.location.line) for p in problems] == [("warning", line_of(edition_59(data_copy), "todo:"))]
    assert "fill in item and sub_item from A/59/150" in problems[0].message
    text = build(data_copy, tmp_path / "out", formats=("html", "txt"))["txt"].read_text(encoding="utf-8")
    assert "agenda item: Item ... of the provisional agenda*" in text
    assert "masthead note *: A/59/150." in text


def test_agenda_to_fill_in_is_an_error_once_the_edition_has_a_symbol(data_copy):
    replace_in(edition_59(data_copy), AGENDA_59, AGENDA_TO_FILL_IN)
    replace_in(edition_59(data_copy), "symbol: null", "symbol: A/59/312")
    with pytest.raises(InputError) as raised:
        require_valid(load_session(data_copy, 59))
    assert [p.location.line for p in raised.value.errors] == [line_of(edition_59(data_copy), "todo:")]


def test_unknown_provisional_agenda_prints_as_a_placeholder_symbol(data_copy, tmp_path):
    replace_in(edition_59(data_copy), AGENDA_59, AGENDA_TO_FILL_IN)
    replace_in(edition_59(data_copy), "provisional_agenda: A/59/150", "provisional_agenda: null")
    text = build(data_copy, tmp_path / "out", formats=("html", "txt"))["txt"].read_text(encoding="utf-8")
    assert "masthead note *: A/59/...\n" in text


def test_item_number_missing_without_todo_is_flagged_too(data_copy):
    replace_in(edition_59(data_copy), AGENDA_59, "  item: null\n")
    problems = validate(load_session(data_copy, 59))
    assert [(p.severity, p.location.line) for p in problems] == [("warning", line_of(edition_59(data_copy), "item:"))]


def test_committee_table_is_left_out_with_a_warning_when_no_member_is_in_office(data_copy, tmp_path):
    """The committee data ends with terms expiring in 2027: a 2028 edition has no member to list."""
    replace_in(edition_59(data_copy), "date: 2004-08-27", "date: 2028-08-28")
    replace_in(edition_59(data_copy), "as_at: 2004-08-20", "as_at: 2028-08-21")
    replace_in(edition_59(data_copy), "session: 59", "session: 83")
    replace_in(edition_59(data_copy), "provisional_agenda: A/59/150", "provisional_agenda: A/83/150")
    (data_copy / "sessions" / "59").rename(data_copy / "sessions" / "83")
    problems = [p for p in validate(load_session(data_copy, 83)) if "sessions/83" in p.location.path
                and "has not come" not in p.message]  # as at 2028: a warning while that day is to come
    assert [(p.severity, p.location.line) for p in problems] == [
        ("warning", line_of(edition_59(data_copy).parent.parent / "83" / "cmw-status.yaml", "- table: committee-members"))]
    assert "no committee member is in office on 2028-08-28" in problems[0].message
    text = build(data_copy, tmp_path / "out", session=83, formats=("html", "txt"))["txt"].read_text(encoding="utf-8")
    assert "[table" not in text and "Name of member" not in text
    assert [line.split(" ")[0] for line in text.splitlines() if line.startswith("¶")] == [f"¶{n}" for n in range(1, 13)]
