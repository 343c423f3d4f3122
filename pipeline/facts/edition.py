"""The facts one edition's paragraphs and tables see: its dates, what the fact sources its
series declares say as at them (`facts: [treaty, committee]`), and what changed since the
previous edition. A fact of a source the series does not declare is not there at all."""

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

# The facts each source gives, by the name paragraphs use; the edition's own facts are always there.
SOURCE_FACTS: dict[str, tuple[str, ...]] = {
    "treaty": ("parties", "signatories", "states", "treaty", "entry_into_force", "changes"),
    "committee": ("members",),
}
UNDOCS = "https://undocs.org/"  # a document's address: the symbol after it
# The facts that are lists, which a table can make its rows from (`rows_from`).
LIST_FACTS = ("members", "parties", "signatories", "states")


def source_of(fact: str) -> str | None:
    """The fact source ('treaty', 'committee') a fact belongs to, or None."""
    return next((source for source, facts in SOURCE_FACTS.items() if fact in facts), None)


def undeclared_fact_message(fact: str, series: Series, what: str = "paragraph") -> str | None:
    """What to say when text uses a fact whose source its series does not declare; None when
    the fact is not a fact of any source (an unknown name) or the source is declared."""
    source = source_of(fact)
    if source is None or source in series.facts:
        return None
    declared = ", ".join(series.facts) or "none"
    return (f"{what} uses '{fact}', a fact of the {source} data, but series '{series.id}' does not declare "
            f"'{source}' (its facts: {declared}); add '{source}' to 'facts:' in data/series/{series.id}.yaml, "
            f"with its '{'ledger' if source == 'treaty' else 'committee'}:' file, or remove '{fact}'")


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
    status: TreatyStatus | None  # None when the series declares no treaty
    members: list[SeatedMember] | None  # None when the series declares no committee
    treaty_title: str | None
    entry_into_force: dt.date | None
    previous: PreviousReport | None = None
    changes: Changes | None = None  # since the previous report; None when there is none
    # what a symbol not yet assigned prints: the organ's ('A/59/...', 'E/2019/...', 'S/2015/...')
    placeholder_symbol: str | None = None

    @property
    def document_address(self) -> str | None:
        """The document's address, which page 1 prints as a QR code: from the series'
        `qr_code_from` year on, for an edition with its symbol and job number."""
        edition, start = self.edition, self.series.qr_code_from
        if start is None or edition.date.year < start or edition.is_draft or not edition.job_number:
            return None
        return f"{UNDOCS}{edition.symbol}"

    def context(self) -> dict[str, Any]:
        """The names paragraphs see: the edition's own, those of each declared source, and
        `previous` and `changes` only when there is a previous edition."""
        names: dict[str, Any] = {"session": self.edition.session, "date": self.edition.date,
                                 "as_at": self.edition.as_at}
        if self.status is not None:
            names.update(parties=self.status.parties, signatories=self.status.signatories,
                         states=self.status.states, treaty=self.treaty_title,
                         entry_into_force=self.entry_into_force)
        if self.members is not None:
            names["members"] = self.members
        if self.previous is not None:
            names["previous"] = self.previous
            if self.changes is not None:
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
    ledger = inputs.ledgers[series.ledger].model if "treaty" in series.facts else None
    committee = inputs.committees[series.committee].model if "committee" in series.facts else None

    def facts_for(as_at: dt.date, on: dt.date) -> tuple[TreatyStatus | None, list[SeatedMember] | None]:
        status = treaty_status(ledger, inputs.names, as_at, named_on=edition.date) if ledger else None
        return status, members_in_office(committee, inputs.names, on, named_on=edition.date) if committee else None

    placeholder_of = inputs.placeholder_symbol

    status, members = facts_for(edition.as_at, edition.date)
    previous_report, changes = None, None
    if sourced.path in inputs.previous:
        earlier: Edition = inputs.previous[sourced.path].model
        previous_report = PreviousReport(earlier.session, earlier.symbol or placeholder_of(earlier), earlier.date,
                                         earlier.as_at)
        if status is not None:
            status_before, members_before = facts_for(earlier.as_at, earlier.date)
            changes = changes_between(status_before, status, members_before or [], members or [])
    return EditionFacts(edition, series, status, members, ledger.title if ledger else None,
                        ledger.entry_into_force if ledger else None, previous_report, changes, placeholder_of(edition))


def facts_ready(inputs: Inputs, sourced: Sourced) -> bool:
    """Whether the series and the reference data its declared facts need all loaded; when
    not, their problems are reported already and the rules that need facts stay silent."""
    series = inputs.series.get(sourced.model.series)
    if series is None:
        return False
    model: Series = series.model
    for source, name, loaded in (("treaty", model.ledger, inputs.ledgers),
                                 ("committee", model.committee, inputs.committees)):
        if (source in model.facts) != (name is not None):
            return False  # the series' declaration is wrong: one error there, none at every use
        if name is not None and name not in loaded:
            return False
    return True
