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
    assert len(members_in_office(committee, inputs.names, dt.date(2006, 1, 1))) == 5  # 2005 terms ended


def test_un_sort_key_ignores_accents_case_and_punctuation():
    names = ["Türkiye", "Togo", "Côte d'Ivoire", "Congo", "El Salvador", "Egypt"]
    assert sorted(names, key=un_sort_key) == ["Congo", "Côte d'Ivoire", "Egypt", "El Salvador", "Togo", "Türkiye"]
