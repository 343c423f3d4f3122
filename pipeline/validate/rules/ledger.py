"""Rules over a treaty ledger: each State's actions make sense, once each, in UN order."""

from __future__ import annotations

import datetime as dt

from pipeline.facts.names import un_sort_key
from pipeline.inputs.load import Inputs, Sourced
from pipeline.model.reference import Ledger, TreatyAction
from pipeline.validate.rules import Problems, at, at_key, error, out_of_order


def _action_problems(ledger: Sourced, index: int, action: TreatyAction) -> Problems:
    """One State's signature, consent and kind agree with each other."""
    def where(key: str):
        return at(ledger, "actions", index, key)

    if action.signature is None and action.consent is None:
        yield error(at(ledger, "actions", index),
                    f"{action.state} has neither a signature nor a consent; add one or remove the entry")
    if action.consent is not None and action.kind is None:
        yield error(where("consent"), f"{action.state}'s consent has no kind; add 'kind: ratification' "
                                      "or 'kind: accession'")
    if action.kind is not None and action.consent is None:
        yield error(where("kind"), f"{action.state} has a kind ({action.kind}) but no consent date; "
                                   "add 'consent:' or remove 'kind'")
    if action.kind == "accession" and action.signature is not None:
        yield error(where("signature"), f"{action.state} acceded, and an accession has no signature; "
                                        "remove the signature or make the kind 'ratification'")
    if action.kind == "ratification" and action.signature is None:
        yield error(where("kind"), f"{action.state} ratified without a signature; add the signature date "
                                   "or make the kind 'accession'")
    if action.kind == "ratification" and action.signature and action.consent is not None:
        consent = action.consent
        before = consent < action.signature.year if isinstance(consent, int) else consent < action.signature
        if before:
            yield error(where("consent"), f"{action.state} ratified ({consent}) before signing "
                                          f"({action.signature}); a ratification follows its signature")


def check_actions(inputs: Inputs, ledger: Sourced) -> Problems:
    """Every action is coherent and no action comes before the treaty was adopted."""
    model: Ledger = ledger.model
    for index, action in enumerate(model.actions):
        yield from _action_problems(ledger, index, action)
        for key in ("signature", "consent"):
            value = getattr(action, key)
            if value is None:
                continue
            if value < model.adopted if isinstance(value, dt.date) else value < model.adopted.year:
                yield error(at(ledger, "actions", index, key),
                            f"{action.state}'s {key} ({value}) is before the treaty was adopted "
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
