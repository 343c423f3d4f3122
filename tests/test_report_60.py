"""The committed session 60 (2005) edition, drafted from session 59 with new-edition, end to end."""

from __future__ import annotations

import re

import pytest

from conftest import DATA, build, pdftotext
from pipeline.inputs.load import load_session
from pipeline.validate import validate
from test_editions import NEW_PARTIES_2005, PARTIES_2005, SIGNATORIES_2005, listed, paragraphs, un_list

NEW_SIGNATORIES_2005 = ["Cambodia", "Gabon", "Indonesia", "Lesotho", "Liberia", "Peru", "Serbia and Montenegro"]


@pytest.fixture(scope="module")
def built_60(tmp_path_factory):
    return build(DATA, tmp_path_factory.mktemp("output"), session=60, formats=("html", "txt", "pdf"))


@pytest.fixture(scope="module")
def text_60(built_60) -> str:
    return built_60["txt"].read_text(encoding="utf-8")


def test_paragraph_5_lists_the_30_parties_and_15_signatories_as_at_1_august_2005(text_60):
    paragraph_5 = paragraphs(text_60)[5]
    assert paragraph_5.startswith("As at 1 August 2005, the Convention had been ratified by the following 30 States:")
    assert listed(paragraph_5, "ratified by the following") == un_list(PARTIES_2005)
    assert listed(paragraph_5, "In addition, the following 15 States have signed") == un_list(SIGNATORIES_2005)


def test_paragraph_6_names_what_changed_since_the_previous_report(text_60):
    paragraph_6 = paragraphs(text_60)[6]
    assert paragraph_6 == (
        f"Since the previous report (A/59/...), the following four States have ratified or acceded to the "
        f"Convention: {un_list(NEW_PARTIES_2005)}. During the same period, the following seven States have signed "
        f"the Convention: {un_list(NEW_SIGNATORIES_2005)}.")


def test_historical_paragraphs_are_carried_over_and_numbered_on(text_60):
    numbered = paragraphs(text_60)
    assert sorted(numbered) == list(range(1, 14))
    assert numbered[2].startswith("The Convention entered into force on 1 July 2003")
    assert numbered[7].startswith("In its resolution 58/166")


def test_masthead_is_a_draft_for_the_sixtieth_session_with_the_agenda_to_confirm(text_60):
    assert "draft: yes" in text_60 and "symbol: A/60/..." in text_60
    assert "date: 26 August 2005" in text_60 and "session: Sixtieth session" in text_60
    assert "masthead note *: A/60/150." in text_60
    problems = validate(load_session(DATA, 60))
    assert [(p.severity, p.message.split(":")[0]) for p in problems] == [("warning", "agenda.todo")]


def test_committee_in_office_in_2005_is_the_ten_elected_in_2003(text_60):
    rows = [line for line in text_60.splitlines() if line.startswith("  row: ")]
    assert len(rows) == 10 and rows[0] == "  row: Francisco Alba | Mexico | 2007"


def test_pdf_has_the_lists_and_the_change_paragraph(built_60):
    pdf = re.sub(r"\s+", " ", pdftotext(built_60["pdf"])).replace("- ", "-")
    assert "ratified by the following 30 States: Algeria, Azerbaijan, Belize," in pdf
    assert "Tajikistan, Timor-Leste, Turkey, Uganda and Uruguay." in pdf
    assert "the following 15 States have signed the Convention: Argentina, Bangladesh, Cambodia," in pdf
    assert f"acceded to the Convention: {un_list(NEW_PARTIES_2005)}." in pdf
