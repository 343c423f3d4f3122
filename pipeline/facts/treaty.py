"""Treaty status as at a date: who is party, who has only signed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.facts.names import State, StateNames, sorted_states
from pipeline.model.reference import Ledger, TreatyAction


@dataclass(frozen=True)
class TreatyStatus:
    """Who is party and who has only signed, as at a date."""

    as_at: dt.date
    parties: list[State]
    signatories: list[State]


def treaty_status(ledger: Ledger, names: StateNames, as_at: dt.date, named_on: dt.date) -> TreatyStatus:
    """Parties and signatories (not yet parties) as at `as_at`, named as on `named_on`."""

    def shown(action: TreatyAction) -> State:
        return State(names.current(action.state), names.in_force(action.state, named_on))

    parties, signatories = [], []
    for action in ledger.actions:
        consent = action.consent_effective()
        if consent is not None and consent <= as_at:
            parties.append(shown(action))
        elif action.signature is not None and action.signature <= as_at:
            signatories.append(shown(action))
    return TreatyStatus(as_at, sorted_states(parties), sorted_states(signatories))
