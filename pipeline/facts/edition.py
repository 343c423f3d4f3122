"""The facts one edition's paragraphs and tables see: its dates and what the reference data
says as at them, and what changed since the previous edition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pipeline.facts.changes import Changes, changes_between
from pipeline.facts.committee import SeatedMember, members_in_office
from pipeline.facts.treaty import TreatyStatus, treaty_status
from pipeline.inputs.load import Inputs, Sourced
from pipeline.model.edition import Edition
from pipeline.model.series import Series


# The facts that are lists, which a table can make its rows from (`rows_from`).
LIST_FACTS = ("members", "parties", "signatories")


@dataclass(frozen=True)
class PreviousReport:
    """The edition this one follows, as paragraphs cite it: 'the previous report (A/59/...)'."""

    session: int
    symbol: str  # the real symbol, or 'A/59/...' while that edition is a draft
    date: dt.date
    as_at: dt.date


@dataclass(frozen=True)
class EditionFacts:
    """What paragraph expressions may use: the edition's dates and its computed facts."""

    edition: Edition
    series: Series
    status: TreatyStatus
    members: list[SeatedMember]
    treaty_title: str
    entry_into_force: dt.date | None
    previous: PreviousReport | None = None
    changes: Changes | None = None  # since the previous report; None when there is none

    def context(self) -> dict[str, Any]:
        """The names paragraphs see; `previous` and `changes` only when there is a previous edition."""
        names = {
            "session": self.edition.session,
            "date": self.edition.date,
            "as_at": self.edition.as_at,
            "parties": self.status.parties,
            "signatories": self.status.signatories,
            "members": self.members,
            "treaty": self.treaty_title,
            "entry_into_force": self.entry_into_force,
        }
        if self.previous is not None:
            names["previous"] = self.previous
            names["changes"] = self.changes
        return names


def edition_facts(inputs: Inputs, sourced: Sourced) -> EditionFacts:
    """The facts of one edition, and what changed since the previous one, from the reference
    data (worked out once per edition: validation rules and composing all ask)."""
    key = ("facts", sourced.path)
    if key not in inputs.memo:
        inputs.memo[key] = _edition_facts(inputs, sourced)
    return inputs.memo[key]


def _edition_facts(inputs: Inputs, sourced: Sourced) -> EditionFacts:
    edition: Edition = sourced.model
    series: Series = inputs.series[edition.series].model
    ledger = inputs.ledgers[series.ledger].model
    committee = inputs.committees[series.committee].model if series.committee else None

    def facts_for(as_at: dt.date, on: dt.date) -> tuple[TreatyStatus, list[SeatedMember]]:
        status = treaty_status(ledger, inputs.names, as_at, named_on=edition.date)
        return status, members_in_office(committee, inputs.names, on, named_on=edition.date) if committee else []

    status, members = facts_for(edition.as_at, edition.date)
    previous_report, changes = None, None
    if sourced.path in inputs.previous:
        earlier: Edition = inputs.previous[sourced.path].model
        previous_report = PreviousReport(earlier.session, earlier.shown_symbol, earlier.date, earlier.as_at)
        status_before, members_before = facts_for(earlier.as_at, earlier.date)
        changes = changes_between(status_before, status, members_before, members)
    return EditionFacts(edition, series, status, members, ledger.title, ledger.entry_into_force,
                        previous_report, changes)


def facts_ready(inputs: Inputs, sourced: Sourced) -> bool:
    """Whether the series and reference data an edition needs all loaded; when not, their
    problems are reported already and the rules that need facts stay silent."""
    series = inputs.series.get(sourced.model.series)
    if series is None:
        return False
    model: Series = series.model
    return model.ledger in inputs.ledgers and (not model.committee or model.committee in inputs.committees)
