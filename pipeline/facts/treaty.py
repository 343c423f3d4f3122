"""Treaty status as at a date: who is party, who has only signed, and every State's entry in
the status table (its dates, the kind of its consent, its declarations under named articles)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.facts.names import State, StateNames, sorted_states
from pipeline.model.reference import CONSENT_MARKS, Ledger, TreatyAction


@dataclass(frozen=True)
class StateRecord:
    """One State's row of a status table as at a date, named as on the report's date: what a
    table made `rows_from: states` shows. `marker` is the UN Treaty Collection's mark of the
    kind of consent: "" for ratification, "a" accession, "d" succession, "A" acceptance, "AA"
    approval. `declarations` maps an article ("22") to the date of the declaration in force."""

    identity: str
    name: str
    signature: dt.date | None
    consent: dt.date | int | None
    kind: str | None
    declarations: dict[str, dt.date] = field(default_factory=dict)
    reservations: dict[str, dt.date] = field(default_factory=dict)

    @property
    def marker(self) -> str:
        return CONSENT_MARKS.get(self.kind or "", "") if self.consent is not None else ""

    @property
    def party(self) -> bool:
        return self.consent is not None

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class TreatyStatus:
    """Who is party and who has only signed, as at a date, and every State that had acted."""

    as_at: dt.date
    parties: list[State]
    signatories: list[State]
    states: list[StateRecord] = field(default_factory=list)


def _record(action: TreatyAction, shown: State, as_at: dt.date) -> StateRecord | None:
    """The State's entry as it stood on `as_at`, or None when it had not acted by then."""
    consent = action.consent_effective()
    consented = consent is not None and consent <= as_at
    signed = action.signature is not None and action.signature <= as_at
    if not (consented or signed):
        return None
    made = [d for d in action.declarations if d.in_force(as_at)]
    return StateRecord(shown.identity, shown.name, action.signature if signed else None,
                       action.consent if consented else None, action.kind if consented else None,
                       {d.article: d.date for d in made if d.kind == "declaration"},
                       {d.article: d.date for d in made if d.kind == "reservation"})


def treaty_status(ledger: Ledger, names: StateNames, as_at: dt.date, named_on: dt.date) -> TreatyStatus:
    """Parties, signatories (not yet parties) and every State's entry as at `as_at`, named as
    on `named_on`, in UN order."""
    parties, signatories, records = [], [], []
    for action in ledger.actions:
        shown = State(names.current(action.state), names.in_force(action.state, named_on))
        record = _record(action, shown, as_at)
        if record is None:
            continue
        records.append(record)
        (parties if record.party else signatories).append(shown)
    return TreatyStatus(as_at, sorted_states(parties), sorted_states(signatories), sorted_states(records))


def declared(records: list[StateRecord], article: str | int, kind: str = "declaration") -> list[StateRecord]:
    """The States with a declaration (or reservation) under `article` in force, in UN order:
    `states|declared("22")`."""
    key = str(article)
    return [r for r in records if key in (r.declarations if kind == "declaration" else r.reservations)]
