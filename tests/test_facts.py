"""Facts computed from the reference data, checked against the reference report and the CSV."""

import csv
import datetime as dt
from pathlib import Path

from conftest import DATA
from pipeline.facts.committee import members_in_office
from pipeline.facts.names import un_sort_key
from pipeline.facts.treaty import treaty_status
from pipeline.inputs.load import load_session

FIXTURE_CSV = Path(__file__).parent / "fixtures" / "cmw-treaty-actions.csv"

PARTIES_2004 = ["Azerbaijan", "Belize", "Bolivia", "Bosnia and Herzegovina", "Burkina Faso", "Cape Verde",
                "Colombia", "Ecuador", "Egypt", "El Salvador", "Ghana", "Guatemala", "Guinea", "Kyrgyzstan",
                "Libyan Arab Jamahiriya", "Mali", "Mexico", "Morocco", "Philippines", "Senegal", "Seychelles",
                "Sri Lanka", "Tajikistan", "Timor-Leste", "Uganda", "Uruguay"]
SIGNATORIES_2004 = ["Argentina", "Bangladesh", "Chile", "Comoros", "Guinea-Bissau", "Paraguay",
                    "Sao Tome and Principe", "Sierra Leone", "Togo", "Turkey"]


def inputs_59():
    return load_session(DATA, 59)


def test_status_as_at_20_august_2004_matches_the_reference_report():
    inputs = inputs_59()
    ledger = inputs.ledgers["cmw-ledger.yaml"].model
    status = treaty_status(ledger, inputs.names, dt.date(2004, 8, 20), named_on=dt.date(2004, 8, 27))
    assert [s.name for s in status.parties] == PARTIES_2004
    assert [s.name for s in status.signatories] == SIGNATORIES_2004


def test_ledger_agrees_with_the_source_csv():
    """Every action in the CSV is in the ledger, and the 2004 names of States that had acted by
    2004 follow from the name changes (Venezuela's 2004 name in the CSV is moot: no action then)."""
    inputs = inputs_59()
    ledger = {a.state: a for a in inputs.ledgers["cmw-ledger.yaml"].model.actions}
    rows = list(csv.DictReader(FIXTURE_CSV.open(encoding="utf-8")))
    assert len(rows) == len(ledger)
    for row in rows:
        action = ledger[row["state_current_name"]]
        assert str(action.signature or "") == row["signature"]
        if row["consent"]:
            assert str(action.consent) == row["consent"]
        assert (action.kind or "") == row["consent_kind"]
        acted_by_2004 = min(filter(None, [row["signature"], row["consent"]]), default="9999") <= "2004-08-27"
        if acted_by_2004:
            assert inputs.names.in_force(action.state, dt.date(2004, 8, 27)) == row["state_name_2004"]


def test_names_in_force_change_over_time():
    names = inputs_59().names
    assert names.in_force("Libya", dt.date(2004, 8, 27)) == "Libyan Arab Jamahiriya"
    assert names.in_force("Libya", dt.date(2012, 8, 1)) == "Libya"
    assert names.in_force("Libyan Arab Jamahiriya", dt.date(2012, 8, 1)) == "Libya"
    assert names.in_force("Türkiye", dt.date(2021, 8, 1)) == "Turkey"
    assert names.in_force("Turkey", dt.date(2023, 8, 1)) == "Türkiye"
    assert names.in_force("Cabo Verde", dt.date(2013, 10, 23)) == "Cape Verde"


def test_members_in_office_in_2004_sorted_by_family_name():
    inputs = inputs_59()
    committee = inputs.committees["cmw-committee.yaml"].model
    members = members_in_office(committee, inputs.names, dt.date(2004, 8, 27))
    assert [m.family_name for m in members] == ["Alba", "Brillantes", "Carrión Mena", "Cubias Medina", "Dieguez",
                                                "El-Borai", "El Jamri", "Gakwandi", "Kariyawasam", "Taghizade"]
    assert members_in_office(committee, inputs.names, dt.date(2003, 12, 31)) == []  # not yet in office
    # 2005 terms ended; the five elected in 2005 (the fifth, Sevim, inferred from A/61/48) fill the ten seats
    assert len(members_in_office(committee, inputs.names, dt.date(2006, 1, 1))) == 10


def test_un_sort_key_ignores_accents_case_and_punctuation():
    names = ["Türkiye", "Togo", "Côte d'Ivoire", "Congo", "El Salvador", "Egypt"]
    assert sorted(names, key=un_sort_key) == ["Congo", "Côte d'Ivoire", "Egypt", "El Salvador", "Togo", "Türkiye"]


def test_members_in_office_follow_every_election_since_2005():
    """The elections of 2005, 2007, 2009 (the enlargement to 14), 2011 and 2013, as recorded in
    the committee data with their sources: each date shows the members whose terms cover it."""
    inputs = inputs_59()
    committee = inputs.committees["cmw-committee.yaml"].model

    def seated(day: dt.date) -> list[str]:
        return [m.family_name for m in members_in_office(committee, inputs.names, day)]

    assert seated(dt.date(2008, 8, 27)) == ["Alba", "Brillantes", "Cubias Medina", "Dieguez", "El-Borai", "El Jamri",
                                            "Kariyawasam", "Poussi", "Sevim", "Taghizade"]
    assert committee.seats_on(dt.date(2009, 12, 31)) == 10 and committee.seats_on(dt.date(2010, 1, 1)) == 14
    assert seated(dt.date(2012, 8, 27)) == ["Brillantes", "Carrión Mena", "El-Borai", "El Jamri", "Ibarra Gonzalez",
                                            "Kariyawasam", "Ladjel", "Nuñez-Melgar Maguiña", "Poussi", "Sevim",
                                            "Taghizade", "Tall"]
    in_2014 = members_in_office(committee, inputs.names, dt.date(2014, 8, 27))
    assert len(in_2014) == committee.seats_on(dt.date(2014, 8, 27)) == 14
    assert {m.name: m.term_ends for m in in_2014}["Md. Sahidul Haque"] == 2017
    sevim = next(m for m in members_in_office(committee, inputs.names, dt.date(2012, 8, 27)) if m.family_name == "Sevim")
    assert sevim.nationality.name == "Turkey"  # the name in force in 2012
    assert seated(dt.date(2018, 1, 1))  # the elections of 2015 and 2017 follow (tests/test_cmw_elections.py)


def test_a_drafted_date_falls_on_a_working_day():
    from pipeline.drafting.new_edition import working_day

    assert working_day(dt.date(2005, 8, 27)) == dt.date(2005, 8, 26)  # Saturday -> Friday
    assert working_day(dt.date(2005, 8, 28)) == dt.date(2005, 8, 26)  # Sunday -> Friday
    assert working_day(dt.date(2005, 8, 29)) == dt.date(2005, 8, 29)  # Monday stays
    assert working_day(dt.date(2005, 8, 27), not_before=dt.date(2005, 8, 27)) == dt.date(2005, 8, 29)
