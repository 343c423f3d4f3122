"""Rules over a treaty committee: who may sit on it, for how long, and how many at once."""

from __future__ import annotations

import datetime as dt

from pipeline.facts.names import un_sort_key
from pipeline.inputs.load import Inputs, Sourced
from pipeline.model.reference import Committee, Member
from pipeline.validate.rules import Problems, at, at_key, error, out_of_order


def check_members(inputs: Inputs, committee: Sourced, ledger: Sourced | None) -> Problems:
    """Each member's family name is part of the name and the term ends after the election."""
    for index, member in enumerate(committee.model.members):
        if member.family_name not in member.name:
            yield error(at(committee, "members", index, "family_name"),
                        f"family name '{member.family_name}' is not part of the name '{member.name}'; "
                        "write it as it appears in the name")
        term_end = dt.date(member.term_ends, 12, 31)
        if member.left_on is not None and not member.takes_office < member.left_on <= term_end:
            when = (f"not after taking office on {member.takes_office}" if member.left_on <= member.takes_office
                    else f"after the term's end ({term_end})")
            if member.took_office_on is not None and member.left_on <= member.took_office_on:
                when = f"not after 'took_office_on' ({member.took_office_on}): the member must serve a day at least"
            yield error(at(committee, "members", index, "left_on"),
                        f"{member.name} left on {member.left_on}, {when}; 'left_on' is the first day the member no "
                        "longer served")
        if member.took_office_on is not None and not member.election_day <= member.took_office_on <= term_end:
            yield error(at(committee, "members", index, "took_office_on"),
                        f"{member.name} took office on {member.took_office_on}, before the election "
                        f"({member.elected_on}) or after the term's end ({term_end})")
        if member.term_ends <= member.election_day.year and member.took_office_on is None:
            yield error(at(committee, "members", index, "term_ends"),
                        f"{member.name}'s term ends in {member.term_ends}, not after the election on "
                        f"{member.elected_on}; terms run from 1 January after the election")


def check_nationality_is_party(inputs: Inputs, committee: Sourced, ledger: Sourced | None) -> Problems:
    """Members are nationals of States that were parties when they were elected."""
    if ledger is None:
        return
    known = inputs.names.known_names()
    consents = {inputs.names.current(a.state): a.consent_effective() for a in ledger.model.actions}
    ledger_names_unknown = any(a.state not in known for a in ledger.model.actions)
    for index, member in enumerate(committee.model.members):
        identity = inputs.names.current(member.nationality)
        if identity not in consents and (member.nationality not in known or ledger_names_unknown):
            continue  # a misspelt name, here or in the ledger, is reported by the names rules
        consent = consents.get(identity)
        if consent is None or consent > member.election_day:
            since = f"only from {consent}" if consent else "not at all, according to the ledger"
            yield error(at(committee, "members", index, "nationality"),
                        f"{member.nationality} was not a State party when {member.name} was elected "
                        f"({member.elected_on}) but {since}; members must be nationals of States parties: "
                        "check 'nationality', 'elected_on' or the ledger")


def check_seats(inputs: Inputs, committee: Sourced, ledger: Sourced | None) -> Problems:
    """No more members are in office at any time than the committee has seats."""
    model: Committee = committee.model
    for day in sorted({m.takes_office for m in model.members} | {m.left_on for m in model.members if m.left_on}):
        serving = [i for i, m in enumerate(model.members) if m.in_office(day)]
        seats = model.seats_on(day)
        if len(serving) > seats:
            extra = serving[seats]
            yield error(at_key(committee, "members", extra),
                        f"{len(serving)} members are in office on {day} but the committee has {seats} "
                        "seats then; check the members' 'elected_on' and 'term_ends' (or its 'enlargements')")


def check_member_order(inputs: Inputs, committee: Sourced, ledger: Sourced | None) -> Problems:
    """Members are listed by election, then by family name in UN alphabetical order."""
    members = committee.model.members

    def key(member: Member) -> tuple[dt.date, str]:
        return member.election_day, un_sort_key(member.family_name)

    for index in out_of_order(members, key):
        yield error(at_key(committee, "members", index),
                    f"{members[index].name} is out of order (after {members[index - 1].name}); list members by "
                    "'elected_on', then by 'family_name' in UN alphabetical order")
