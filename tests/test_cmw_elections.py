"""The Migrant Workers Committee's elections since 2003 (issue 12): each drafted edition prints the
members in office on its date, from data/reference/cmw-committee.yaml, and warns about the seats
whose members no source reached."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, build
from pipeline.cli import main
from pipeline.facts.committee import members_in_office
from pipeline.facts.names import un_sort_key
from pipeline.inputs.load import load_all, load_session
from pipeline.validate import validate

ELECTED_2013 = ["Brillantes", "Castellanos", "Ceriani Cernadas", "Dicko", "Haque", "Kariyawasam", "Tall"]
ELECTED_2015 = ["Dzumhur", "El-Borai", "El Jamri", "Ladjel", "Landázuri de Mora", "Ünver"]  # six of seven reached
ELECTED_2017 = ["Botero Navarro", "Frasheri", "Haque", "Kariyawasam", "Oumaria", "Taghi-Zada", "Tall"]  # all seven
ELECTED_2019 = ["Charef", "Corzo Sosa", "Poussi", "Ünver"]  # four of seven reached
ELECTED_2021 = ["Ceriani Cernadas", "Diallo", "Dzumhur", "Frasheri", "Oumaria", "Taghi-Zada"]  # six of seven reached
ELECTED_2023 = ["Charef", "Corzo Sosa", "Gahar", "Kariyawasam", "Poussi", "Ünver"]  # six of seven reached


def in_un_order(*elections: list[str]) -> list[str]:
    """The family names of several elections, as the membership table sorts them."""
    return sorted((name for election in elections for name in election), key=un_sort_key)


@pytest.fixture(scope="module")
def cmw():
    inputs = load_session(DATA, 59)
    return inputs, inputs.committees["cmw-committee.yaml"].model


def seated(cmw, day: dt.date) -> list[str]:
    inputs, committee = cmw
    return [m.family_name for m in members_in_office(committee, inputs.names, day)]


def test_every_member_elected_after_2003_names_its_source(cmw):
    _, committee = cmw
    unsourced = [(m.name, m.elected_on) for m in committee.members
                 if m.election_day > dt.date(2003, 12, 31) and not (m.source and m.source.strip())]
    assert unsourced == []


def test_an_inferred_member_says_so_in_a_note(cmw):
    """Members whose election no source states outright carry a note saying what is inferred."""
    _, committee = cmw
    inferred = {(m.family_name, m.term_ends) for m in committee.members if m.note and "inferred" in m.note}
    assert {("Sevim", 2009), ("Dzumhur", 2019), ("Ladjel", 2019), ("Landázuri de Mora", 2019), ("El-Borai", 2019),
            ("Botero Navarro", 2021), ("Kariyawasam", 2021), ("Oumaria", 2021), ("Taghi-Zada", 2021),
            ("Corzo Sosa", 2023), ("Ceriani Cernadas", 2025), ("Diallo", 2025), ("Dzumhur", 2025), ("Frasheri", 2025),
            ("Taghi-Zada", 2025), ("Gahar", 2027), ("Poussi", 2027)} <= inferred
    stated = [("Ünver", 2019), ("Frasheri", 2021), ("Tall", 2021), ("Charef", 2023), ("Oumaria", 2025),
              ("Charef", 2027), ("Corzo Sosa", 2027), ("Kariyawasam", 2027)]  # their sources name them
    assert not inferred & set(stated)


@pytest.mark.parametrize("day", [dt.date(2006, 8, 25), dt.date(2008, 8, 27), dt.date(2014, 8, 27)])
def test_every_seat_has_a_member_where_the_elections_are_complete(cmw, day):
    _, committee = cmw
    assert len(seated(cmw, day)) == committee.seats_on(day)


@pytest.mark.parametrize("day, expected", [
    (dt.date(2016, 8, 26), in_un_order(ELECTED_2013, ELECTED_2015)),
    (dt.date(2018, 8, 27), ["Botero Navarro", "Dzumhur", "El-Borai", "El Jamri", "Frasheri", "Haque", "Kariyawasam",
                            "Ladjel", "Landázuri de Mora", "Oumaria", "Taghi-Zada", "Tall", "Ünver"]),
    (dt.date(2020, 8, 27), in_un_order(ELECTED_2017, ELECTED_2019)),
    (dt.date(2022, 8, 26), in_un_order(ELECTED_2019, ELECTED_2021)),
    (dt.date(2024, 8, 27), in_un_order(ELECTED_2021, ELECTED_2023)),  # one of 2021 and one of 2023 not reached
    (dt.date(2026, 8, 27), ELECTED_2023),  # the seven elected in 2025 not reached
    (dt.date(2028, 1, 1), []),
])
def test_members_in_office_follow_the_elections_since_2015(cmw, day, expected):
    assert seated(cmw, day) == expected


def test_a_re_elected_member_serves_one_term_after_another(cmw):
    inputs, committee = cmw
    terms = [(m.election_day, m.term_ends) for m in committee.members if m.family_name == "Ünver"]
    assert terms == [(dt.date(2015, 6, 30), 2019), (dt.date(2019, 6, 10), 2023), (dt.date(2023, 6, 27), 2027)]
    assert all("Ünver" in seated(cmw, dt.date(year, 6, 1)) for year in range(2016, 2028))
    assert "Ünver" not in seated(cmw, dt.date(2015, 12, 31))


def draft(data_dir: Path, session: int, day: str) -> str:
    """Draft session's cmw-status edition from session 60's for `day`; return validate's output."""
    runner = CliRunner()
    as_at = (dt.date.fromisoformat(day) - dt.timedelta(days=7)).isoformat()
    result = runner.invoke(main, ["new-edition", "60", str(session), "--series", "cmw-status", "--date", day,
                                  "--as-at", as_at, "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    checked = runner.invoke(main, ["validate", str(session), "--data", str(data_dir)])
    assert checked.exit_code == 0, checked.output
    return checked.output


def member_rows(text: str) -> list[str]:
    return [line.removeprefix("  row: ") for line in text.splitlines() if line.startswith("  row: ")]


def seat_warnings(output: str) -> list[str]:
    return re.findall(r"warning: (only \d+ of the committee's \d+ seats have a member in office on [\d-]+)", output)


def test_drafted_editions_print_the_members_in_office_on_their_dates(data_copy, tmp_path):
    """Editions drafted for 2014, 2016, 2020 and 2024: the table lists the members in office then,
    their nationality named as on the edition's date (Turkey before June 2022, Türkiye after), and
    validate warns only where a seat has no member in the data."""
    drafted = {session: draft(data_copy, session, day) for session, day in
               [(69, "2014-08-27"), (71, "2016-08-26"), (75, "2020-08-27"), (79, "2024-08-27")]}
    assert seat_warnings(drafted[69]) == []  # 2011 and 2013 elections complete: 14 of 14
    assert seat_warnings(drafted[71]) == ["only 13 of the committee's 14 seats have a member in office on 2016-08-26"]
    assert seat_warnings(drafted[75]) == ["only 11 of the committee's 14 seats have a member in office on 2020-08-27"]
    assert seat_warnings(drafted[79]) == ["only 12 of the committee's 14 seats have a member in office on 2024-08-27"]

    def rows(session: int) -> list[str]:
        text = build(data_copy, tmp_path / str(session), session=session, formats=("html", "txt"),
                     series="cmw-status")["txt"]
        return member_rows(text.read_text(encoding="utf-8"))

    assert len(rows(69)) == 14
    assert rows(71) == [
        "José Serrano Brillantes | Philippines | 2017", "Salome Castellanos | Honduras | 2017",
        "Pablo Ceriani Cernadas | Argentina | 2017", "Fatoumata Abdourhamane Dicko | Mali | 2017",
        "Jasminka Dzumhur | Bosnia and Herzegovina | 2019", "Ahmed Hassan El-Borai | Egypt | 2019",
        "Abdelhamid El Jamri | Morocco | 2019",
        "Md. Sahidul Haque | Bangladesh | 2017", "Prasad Kariyawasam | Sri Lanka | 2017",
        "Khedidja Ladjel | Algeria | 2019", "Maria Landázuri de Mora | Ecuador | 2019",
        "Ahmadou Tall | Senegal | 2017", "Can Ünver | Turkey | 2019"]
    assert rows(75) == [
        "Álvaro Botero Navarro | Colombia | 2021", "Mohammed Charef | Morocco | 2023",
        "Edgar Corzo Sosa | Mexico | 2023", "Ermal Frasheri | Albania | 2021", "Md. Sahidul Haque | Bangladesh | 2021",
        "Prasad Kariyawasam | Sri Lanka | 2021", "Oumaria Mamane | Niger | 2021", "Myriam Poussi | Burkina Faso | 2023",
        "Azad Taghi-Zada | Azerbaijan | 2021",
        "Ahmadou Tall | Senegal | 2021", "Can Ünver | Turkey | 2023"]
    assert rows(79) == [
        "Pablo Ceriani Cernadas | Argentina | 2025", "Mohammed Charef | Morocco | 2027",
        "Edgar Corzo Sosa | Mexico | 2027", "Fatimata Diallo | Senegal | 2025",
        "Jasminka Dzumhur | Bosnia and Herzegovina | 2025", "Ermal Frasheri | Albania | 2025",
        "Sabrina Gahar | Algeria | 2027", "Prasad Kariyawasam | Sri Lanka | 2027", "Oumaria Mamane | Niger | 2025",
        "Myriam Poussi | Burkina Faso | 2027", "Azad Taghi-Zada | Azerbaijan | 2025", "Can Ünver | Türkiye | 2027"]


def test_a_drafted_2007_edition_no_longer_warns_about_an_empty_seat(data_copy):
    """The fifth member elected in 2005 (Mehmet Sevim) fills the tenth seat of 2006-2009."""
    output = draft(data_copy, 62, "2007-08-27")
    assert seat_warnings(output) == []


def test_a_member_who_left_and_the_replacement_are_in_office_on_their_own_days():
    """Khedidja Ladjel (Algeria) died in 2018; Lazhar Soualem finished her term from the
    Committee's twenty-ninth session: before it the table names her, after it him."""
    inputs = load_all(DATA)
    committee = next(iter(inputs.committees.values())).model
    before = [m.name for m in members_in_office(committee, inputs.names, dt.date(2018, 6, 1))]
    after = [m.name for m in members_in_office(committee, inputs.names, dt.date(2018, 10, 1))]
    assert "Khedidja Ladjel" in before and "Lazhar Soualem" not in before
    assert "Lazhar Soualem" in after and "Khedidja Ladjel" not in after
    assert len(after) == len(before)


def test_leaving_outside_the_term_is_a_located_error(data_copy):
    path = data_copy / "reference" / "cmw-committee.yaml"
    text = path.read_text(encoding="utf-8").replace("    left_on: 2018-09-03\n", "    left_on: 2021-01-01\n")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), start=1) if "left_on: 2021-01-01" in l)
    problems = [str(p) for p in validate(load_all(data_copy)) if p.severity == "error"]
    assert any(f"cmw-committee.yaml:{line}:" in p and "Khedidja Ladjel left on 2021-01-01, after the term's end (2019-12-31)" in p
               for p in problems), problems
