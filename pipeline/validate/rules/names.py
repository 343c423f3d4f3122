"""Rules over State names: every State named is known to the UN, and an edition names each
State as the UN did on the edition's date.

The known names are the Member States' current names (data/reference/un-member-states.yaml)
and every name in state-name-changes.csv. Reference data (ledger, committee) spans decades and
may use any known name; an edition's own text must use the name in force on its date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.facts.names import StateNames, un_sort_key
from pipeline.inputs.load import MEMBER_STATES_FILE, Inputs, Sourced
from pipeline.model.edition import Edition
from pipeline.inputs.problems import Location, did_you_mean
from pipeline.inputs.sources import find_in_value
from pipeline.i18n.style import long_date
from pipeline.validate.rules import Problems, at, at_key, error, out_of_order, strings, warning


@lru_cache(maxsize=4)
def _names_pattern(names: frozenset[str]) -> re.Pattern:
    """Any known name as a whole word; longest first so 'Guinea-Bissau' is not read as 'Guinea'."""
    def spelled(name: str) -> str:
        return r"\s+".join(re.escape(word).replace("'", "['’]") for word in name.split())

    alternatives = "|".join(spelled(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _unknown(inputs: Inputs, name: str) -> str | None:
    """A message for a State name the UN does not use, or None when it is known."""
    known = inputs.names.known_names()
    if inputs.member_states is None or name in known:
        return None  # without the list of Member States every name would look unknown
    return (f"unknown State '{name}'{did_you_mean(name, sorted(known))}; use the UN short name, "
            f"as in data/reference/{MEMBER_STATES_FILE} or state-name-changes.csv")


def check_ledger_names(inputs: Inputs, ledger: Sourced) -> Problems:
    """Every State in a ledger has a known UN name (any era)."""
    for index, action in enumerate(ledger.model.actions):
        message = _unknown(inputs, action.state)
        if message:
            yield error(at(ledger, "actions", index, "state"), message)


def check_nationality_names(inputs: Inputs, committee: Sourced, ledger: Sourced | None) -> Problems:
    """Every member's nationality is a known UN name of a State (any era)."""
    for index, member in enumerate(committee.model.members):
        message = _unknown(inputs, member.nationality)
        if message:
            yield error(at(committee, "members", index, "nationality"), message)


def check_names_in_force(inputs: Inputs, sourced: Sourced) -> Problems:
    """Each State named in an edition's text has the name in force on the edition's date."""
    edition: Edition = sourced.model
    names: StateNames = inputs.names
    pattern = _names_pattern(frozenset(names.known_names()))
    for path, _ in strings(sourced.raw):
        for where, match in find_in_value(sourced.raw, path, pattern):
            written = " ".join(match.group().split()).replace("’", "'")
            if not names.has_name_on(written, edition.date):
                yield error(where, f"'{written}' names a State that did not exist on {long_date(edition.date)} "
                                   f"(the document date): the data gives it a UN name only from "
                                   f"{long_date(names.exists_from(written))}; check the date or the name")
                continue
            in_force = names.in_force(written, edition.date)
            if in_force != written:
                yield error(where, f"'{written}' is not the UN name of this State on {long_date(edition.date)} "
                                   f"(the document date); write '{in_force}'")


def check_member_states_list(inputs: Inputs, sourced: Sourced) -> Problems:
    """The list of Member States has each name once, in UN alphabetical order."""
    states = sourced.model.states
    seen: set[str] = set()
    for index, name in enumerate(states):
        if name in seen:
            yield error(at(sourced, "states", index), f"'{name}' is listed twice; remove one")
        seen.add(name)
    for index in out_of_order(states, un_sort_key):
        yield error(at_key(sourced, "states", index),
                    f"'{states[index]}' is out of UN alphabetical order (after '{states[index - 1]}'); move it up")


# A run of one to four capitalised words (joined by spaces, or by "and"/"of"/"the"), the shape
# of a State's name in running text.
NAME_SHAPED = re.compile(r"(?<![\w-])[A-Z][\w'’-]+(?:\s+(?:(?:and|of|the)\s+)?[A-Z][\w'’-]+){0,3}")
MISSPELT_SCORE = 85  # rapidfuzz ratio (0-100) from which a name-shaped run reads as a misspelling


def check_misspelt_state_names(inputs: Inputs, sourced: Sourced) -> Problems:
    """Warn at words of an edition's text that look like a known State name misspelt
    ('Phillipines', 'Libyan Arab Jamahirya'): they are not caught as States otherwise."""
    from rapidfuzz import fuzz, process  # imported here: only validation needs it

    known = sorted(inputs.names.known_names())
    if inputs.member_states is None or not known:
        return
    exact = _names_pattern(frozenset(known))
    for path, _ in strings(sourced.raw):
        taken = [m.span() for _, m in find_in_value(sourced.raw, path, exact)]
        for where, match in find_in_value(sourced.raw, path, NAME_SHAPED):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue  # a known name is part of this run
            words = list(re.finditer(r"\S+", match.group()))
            start = 0
            while start < len(words):
                found = _misspelt_run([w.group() for w in words[start:]], known, fuzz, process)
                if found:
                    candidate, name = found
                    yield warning(_shifted(where, match.group()[:words[start].start()]),
                                  f"'{candidate}' looks like a misspelt State name: did you mean "
                                  f"'{name}'? (write the UN short name, or ignore this warning)")
                start += len(found[0].split()) if found else 1


def _shifted(where: Location, before: str) -> Location:
    """The location `before` (text that may span lines) further on from `where`."""
    if "\n" not in before:
        return Location(where.path, where.line, where.column + len(before))
    return Location(where.path, where.line + before.count("\n"), len(before.rsplit("\n", 1)[1]) + 1)


def _misspelt_run(words: list[str], known: list[str], fuzz, process) -> tuple[str, str] | None:
    """The longest leading run of `words` that is close to, but not, a known name."""
    for length in range(len(words), 0, -1):
        candidate = " ".join(words[:length])
        if len(candidate) < 5 or words[length - 1] in ("and", "of", "the"):
            continue
        found = process.extractOne(candidate, known, scorer=fuzz.ratio, score_cutoff=MISSPELT_SCORE)
        if found and found[0] != candidate:
            return candidate, found[0]
    return None


def check_states_have_names(inputs: Inputs, sourced: Sourced) -> Problems:
    """Every State the report's facts name (parties, signatories, committee nationalities) had a
    UN name on the document date: the data knows no name for a State before it came into being."""
    from pipeline.facts.edition import edition_facts, facts_ready  # the facts import the loader

    if not facts_ready(inputs, sourced):
        return
    facts = edition_facts(inputs, sourced)
    edition: Edition = sourced.model
    named = [(s.identity, s.name, "the ledger") for s in (facts.status.states if facts.status else [])]
    named += [(m.nationality.identity, m.nationality.name, "the committee data") for m in (facts.members or [])]
    for identity, name, where in dict.fromkeys(named):
        if not inputs.names.has_name_on(identity, edition.date):
            born = inputs.names.exists_from(identity)
            yield error(at(sourced, "date"),
                        f"the report names {name} (from {where}) on {long_date(edition.date)}, but "
                        f"state-name-changes.csv has no UN name for it before {long_date(born)}; check the "
                        f"edition's date, or the State's dates in {where}")
