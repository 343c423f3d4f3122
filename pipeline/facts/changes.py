"""What changed between two editions' facts."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.facts.committee import SeatedMember
from pipeline.facts.names import State
from pipeline.facts.treaty import TreatyStatus


@dataclass(frozen=True)
class Changes:
    """What changed between two editions: treaty actions between their as-at dates, and
    committee members between their document dates (the dates their tables show)."""

    new_parties: list[State]
    new_signatories: list[State]
    members_left: list[SeatedMember]
    members_joined: list[SeatedMember]


def changes_between(before: TreatyStatus, after: TreatyStatus,
                    members_before: list[SeatedMember], members_after: list[SeatedMember]) -> Changes:
    """States that became parties or signed, and members who left or joined, from `before` to
    `after`. States are compared by identity, so a State renamed meanwhile is not new; a State
    that signed and then became a party counts as a new party only. Lists keep `after`'s names."""
    parties_before = {s.identity for s in before.parties}
    acted_before = parties_before | {s.identity for s in before.signatories}
    seated_before = {m.name for m in members_before}
    seated_after = {m.name for m in members_after}
    return Changes(
        new_parties=[s for s in after.parties if s.identity not in parties_before],
        new_signatories=[s for s in after.signatories if s.identity not in acted_before],
        members_left=[m for m in members_before if m.name not in seated_after],
        members_joined=[m for m in members_after if m.name not in seated_before],
    )
