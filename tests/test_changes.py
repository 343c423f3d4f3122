"""What changed between two editions: treaty actions, renamed States, committee terms."""

import datetime as dt
from pathlib import Path

from conftest import DATA
from pipeline.facts.changes import changes_between
from pipeline.facts.committee import members_in_office
from pipeline.facts.treaty import treaty_status
from pipeline.inputs.load import load_session
from pipeline.model.reference import Committee
from pipeline.inputs.sources import load_yaml

FIXTURES = Path(__file__).parent / "fixtures"


def reference_data():
    inputs = load_session(DATA, 59)
    return inputs.ledgers["cmw-ledger.yaml"].model, inputs.names


def status(as_at: str, named_on: str):
    ledger, names = reference_data()
    return treaty_status(ledger, names, dt.date.fromisoformat(as_at), named_on=dt.date.fromisoformat(named_on))


def fixture_committee() -> Committee:
    return Committee.model_validate(load_yaml(FIXTURES / "committee-terms.yaml"))


def names_of(items) -> list[str]:
    return [str(item) for item in items]


def test_signatories_that_ratified_move_to_new_parties_not_new_signatories():
    before = status("2004-08-20", "2004-08-27")
    after = status("2005-08-01", "2005-08-26")
    changes = changes_between(before, after, [], [])
    assert {"Chile", "Turkey"} <= set(names_of(before.signatories))
    assert names_of(changes.new_parties) == ["Algeria", "Chile", "Syrian Arab Republic", "Turkey"]
    assert names_of(changes.new_signatories) == ["Cambodia", "Gabon", "Indonesia", "Lesotho", "Liberia", "Peru",
                                                 "Serbia and Montenegro"]
    assert not {"Chile", "Turkey"} & set(names_of(after.signatories))


def test_state_renamed_between_editions_is_not_new_and_shows_its_new_name():
    before = status("2011-08-20", "2011-08-27")  # Libya's new name applies from 16 September 2011
    after = status("2012-08-20", "2012-08-27")
    assert "Libyan Arab Jamahiriya" in names_of(before.parties) and "Libya" not in names_of(before.parties)
    assert "Libya" in names_of(after.parties) and "Libyan Arab Jamahiriya" not in names_of(after.parties)
    changes = changes_between(before, after, [], [])
    assert names_of(changes.new_parties) == ["Bangladesh", "Indonesia"]  # Libya is not counted again
    assert names_of(changes.new_signatories) == ["Mozambique", "Palau", "Venezuela (Bolivarian Republic of)"]


def test_committee_terms_ending_and_members_joining():
    _, names = reference_data()
    committee = fixture_committee()
    in_2005 = members_in_office(committee, names, dt.date(2005, 8, 26))
    in_2006 = members_in_office(committee, names, dt.date(2006, 8, 27))
    changes = changes_between(status("2005-08-01", "2005-08-26"), status("2006-08-01", "2006-08-27"), in_2005, in_2006)
    assert names_of(changes.members_left) == ["Member Alpha", "Member Gamma"]  # terms expired 31 December 2005
    assert names_of(changes.members_joined) == ["Member Delta", "Member Epsilon"]  # took office 1 January 2006
    assert [str(m.nationality) for m in changes.members_joined] == ["Chile", "Libyan Arab Jamahiriya"]


def test_no_change_when_nothing_happened_between_the_dates():
    _, names = reference_data()
    committee = fixture_committee()
    seated = members_in_office(committee, names, dt.date(2004, 8, 27))
    changes = changes_between(status("2004-08-20", "2004-08-27"), status("2004-08-25", "2004-08-27"), seated, seated)
    assert changes.new_parties == changes.new_signatories == changes.members_left == changes.members_joined == []
