"""The validation stage: rules of the domain over loaded inputs, each problem located.

Runs after loading (which already checked shapes and types) and before composing; a build
writes nothing while any error stands. The rules live in `pipeline/validate/rules/`, one module per
subject; the lists below say which run over what, in order.
"""

from __future__ import annotations

from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.problems import InputError, Problem
from pipeline.validate.rules import CommitteeRule, EditionRule, FileRule
from pipeline.validate.rules.committee import check_member_order, check_members, check_nationality_is_party, check_seats
from pipeline.validate.rules.blocks import (check_block_ids, check_drafts, check_bullets, check_figures, check_given_numbers,
                                            check_headings, check_series_tables, check_tables)
from pipeline.validate.rules.edition import (check_agenda_filled_in, check_agenda_items, check_as_at_known, check_dates,
                                             check_file_place, check_organ_masthead,
                                             check_contents_has_entries, check_contents_placement, check_job_number,
                                             check_original_language,
                                             check_masthead_note_places,
                                             check_session_year,
                                             check_symbols, check_titles, check_transmittal, check_working_day)
from pipeline.validate.rules.ledger import (check_action_order, check_actions, check_one_entry_per_state,
                                            check_state_existed)
from pipeline.validate.rules.names import (check_ledger_names, check_member_states_list, check_misspelt_state_names,
                          check_names_in_force, check_nationality_names,
                                           check_states_have_names)
from pipeline.validate.rules.paragraphs import (check_calls_at_one_place, check_footnote_calls, check_footnotes_used, check_length,
                                                check_paragraphs, check_previous_symbol_when_final,
                                                check_self_references)
from pipeline.validate.rules.change_paragraph import check_change_paragraph
from pipeline.validate.rules.declared import check_declared_in_edition, check_declared_in_series
from pipeline.validate.rules.glyphs import check_fonts
from pipeline.validate.rules.series import (check_declared_facts, check_organ, check_organs_file, check_series_id,
                                            check_series_titles, check_template)
from pipeline.validate.rules.translations import (check_language_files, check_translated_state_names,
                                                  check_translated_texts, check_translations)

EDITION_RULES: list[EditionRule] = [check_symbols, check_organ_masthead, check_agenda_items, check_titles, check_transmittal,
                                    check_job_number, check_dates,
                                    check_as_at_known,
                                    check_session_year, check_working_day, check_file_place,
                                    check_block_ids, check_drafts, check_headings, check_given_numbers, check_bullets, check_tables,
                                    check_figures,
                                    check_names_in_force, check_states_have_names, check_misspelt_state_names, check_paragraphs,
                                    check_self_references,
                                    check_footnote_calls, check_calls_at_one_place, check_footnotes_used, check_length,
                                    check_agenda_filled_in, check_masthead_note_places, check_contents_has_entries,
                                    check_contents_placement, check_original_language,
                                    check_previous_symbol_when_final,
                                    check_translations, check_translated_texts, check_translated_state_names,
                                    check_fonts, check_declared_in_edition, check_change_paragraph]
SERIES_RULES: list[FileRule] = [check_series_id, check_series_titles, check_organ, check_template, check_declared_facts,
                                check_series_tables, check_declared_in_series]
LEDGER_RULES: list[FileRule] = [check_ledger_names, check_actions, check_one_entry_per_state, check_action_order,
                                check_state_existed]
COMMITTEE_RULES: list[CommitteeRule] = [check_nationality_names, check_members, check_nationality_is_party,
                                        check_seats, check_member_order]
MEMBER_STATES_RULES: list[FileRule] = [check_member_states_list]
ORGANS_RULES: list[FileRule] = [check_organs_file]


def _committees(inputs: Inputs) -> list[tuple[Sourced, Sourced | None]]:
    """Each loaded committee with the ledger of the treaty it serves (from the series)."""
    pairs: dict[str, tuple[Sourced, Sourced | None]] = {}
    for series in inputs.series.values():
        committee = inputs.committees.get(series.model.committee or "")
        if committee is not None and series.model.committee not in pairs:
            pairs[series.model.committee] = (committee, inputs.ledgers.get(series.model.ledger))
    return list(pairs.values())


def validate(inputs: Inputs) -> list[Problem]:
    """Every problem in the inputs, sorted by file and line: load problems, then every rule."""
    problems = list(inputs.problems) + check_language_files(inputs)
    if inputs.member_states is not None:
        for file_rule in MEMBER_STATES_RULES:
            problems.extend(file_rule(inputs, inputs.member_states))
    if inputs.organs is not None:
        for file_rule in ORGANS_RULES:
            problems.extend(file_rule(inputs, inputs.organs))
    for series in inputs.series.values():
        for file_rule in SERIES_RULES:
            problems.extend(file_rule(inputs, series))
    for ledger in inputs.ledgers.values():
        for file_rule in LEDGER_RULES:
            problems.extend(file_rule(inputs, ledger))
    for committee, ledger_of in _committees(inputs):
        for committee_rule in COMMITTEE_RULES:
            problems.extend(committee_rule(inputs, committee, ledger_of))
    for edition in inputs.editions:
        for edition_rule in EDITION_RULES:
            problems.extend(edition_rule(inputs, edition))
    return sorted(set(problems))


def require_valid(inputs: Inputs) -> list[Problem]:
    """Raise InputError when any error stands; return the warnings otherwise."""
    problems = validate(inputs)
    if any(p.severity == "error" for p in problems):
        raise InputError(problems)
    return problems
