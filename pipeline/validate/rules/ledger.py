"""Rules over a treaty ledger: each State's actions make sense, once each, in UN order."""

from __future__ import annotations

import datetime as dt

from pipeline.facts.names import un_sort_key
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.problems import Location
from pipeline.model.reference import SIGNED_KINDS, Ledger, TreatyAction
from pipeline.validate.rules import Problems, at, at_key, error, out_of_order, warning


def _action_problems(ledger: Sourced, index: int, action: TreatyAction) -> Problems:
    """One State's signature, consent and kind agree with each other."""
    def where(key: str) -> Location:
        return at(ledger, "actions", index, key)

    if action.signature is None and action.consent is None:
        yield error(at(ledger, "actions", index),
                    f"{action.state} has neither a signature nor a consent; add one or remove the entry")
    if action.consent is not None and action.kind is None:
        yield error(where("consent"), f"{action.state}'s consent has no kind; add 'kind: ratification', "
                                      "'accession', 'succession', 'acceptance' or 'approval'")
    if action.kind is not None and action.consent is None:
        yield error(where("kind"), f"{action.state} has a kind ({action.kind}) but no consent date; "
                                   "add 'consent:' or remove 'kind'")
    if action.kind == "accession" and action.signature is not None:
        yield error(where("signature"), f"{action.state} acceded, and an accession has no signature; "
                                        "remove the signature or make the kind 'ratification'")
    if action.kind in SIGNED_KINDS and action.signature is None:
        yield error(where("kind"), f"{action.state}'s {action.kind} has no signature; add the signature date "
                                   "or make the kind 'accession'")
    if action.kind in SIGNED_KINDS and action.signature and action.consent is not None:
        consent = action.consent
        before = consent < action.signature.year if isinstance(consent, int) else consent < action.signature
        if before:
            yield error(where("consent"), f"{action.state}'s {action.kind} ({consent}) is dated before its "
                                          f"signature ({action.signature}); a {action.kind} follows its signature")
    for number, made in enumerate(action.declarations):
        if made.withdrawn is not None and made.withdrawn < made.date:
            yield error(at(ledger, "actions", index, "declarations", number, "withdrawn"),
                        f"{action.state}'s {made.kind} under article {made.article} is withdrawn ({made.withdrawn}) "
                        f"before it was made ({made.date}); check the dates")
        standing = next((other for other in action.declarations[:number]
                         if (other.article, other.kind) == (made.article, made.kind)
                         and (other.withdrawn is None or other.withdrawn > made.date)), None)
        if standing is not None:
            yield error(at(ledger, "actions", index, "declarations", number, "article"),
                        f"{action.state} already has a {made.kind} under article {made.article} ({standing.date}), "
                        f"not withdrawn before this one ({made.date}); remove one, or give the first its "
                        "'withdrawn:' date")


def check_actions(inputs: Inputs, ledger: Sourced) -> Problems:
    """Every action is coherent and no action comes before the treaty was adopted."""
    model: Ledger = ledger.model
    for index, action in enumerate(model.actions):
        yield from _action_problems(ledger, index, action)
        dated = [("signature", action.signature), ("consent", action.consent)] + \
                [(("declarations", n, "date"), d.date) for n, d in enumerate(action.declarations)]
        for key, value in dated:
            if value is None:
                continue
            path = key if isinstance(key, tuple) else (key,)
            if value < model.adopted if isinstance(value, dt.date) else value < model.adopted.year:
                yield error(at(ledger, "actions", index, *path),
                            f"{action.state}'s {path[0].rstrip('s')} ({value}) is before the treaty was adopted "
                            f"({model.adopted}); check the date")
    if model.entry_into_force and model.entry_into_force < model.adopted:
        yield error(at(ledger, "entry_into_force"),
                    f"entry into force ({model.entry_into_force}) is before adoption ({model.adopted}); "
                    "check the dates")


def check_one_entry_per_state(inputs: Inputs, ledger: Sourced) -> Problems:
    """A State has one entry (so at most one signature and one consent), under whatever name."""
    seen: dict[str, int] = {}
    for index, action in enumerate(ledger.model.actions):
        identity = inputs.names.current(action.state)
        if identity in seen:
            first = ledger.model.actions[seen[identity]]
            also = "" if first.state == action.state else f" as '{first.state}'"
            yield error(at(ledger, "actions", index, "state"),
                        f"{action.state} is already listed at line {at(ledger, 'actions', seen[identity]).line}"
                        f"{also}; a State has one entry with its signature and consent: merge the two")
        else:
            seen[identity] = index


def check_action_order(inputs: Inputs, ledger: Sourced) -> Problems:
    """Actions are listed by State in UN alphabetical order."""
    actions = ledger.model.actions
    for index in out_of_order(actions, lambda a: un_sort_key(a.state)):
        action = actions[index]
        following = next(a.state for a in actions if un_sort_key(a.state) > un_sort_key(action.state))
        yield error(at_key(ledger, "actions", index),
                    f"{action.state} is out of UN alphabetical order (after {actions[index - 1].state}); "
                    f"move its entry before {following}")


def check_state_existed(inputs: Inputs, ledger: Sourced) -> Problems:
    """Warn at a date of a State's entry before the State came into being (state-name-changes.csv
    gives a new State's first name and day): a predecessor's act was entered under its successor,
    or the date is wrong. A succession to a predecessor's signature is the usual reason."""
    for index, action in enumerate(ledger.model.actions):
        born = inputs.names.exists_from(action.state)
        if born is None:
            continue
        dated = [("signature", action.signature), ("consent", action.consent)]
        for key, value in dated:
            day = value if isinstance(value, dt.date) else (dt.date(value, 12, 31) if isinstance(value, int) else None)
            if day is not None and day < born:
                yield warning(at(ledger, "actions", index, key),
                              f"{action.state}'s {key} ({value}) predates the State, which has a UN name only from "
                              f"{born} (state-name-changes.csv); check the date, or enter the predecessor's act "
                              "under the predecessor")
