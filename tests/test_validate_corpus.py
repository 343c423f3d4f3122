"""A corpus of bad inputs: each case breaks a copy of the real data in one place and names
every problem it must produce, with file, line, column and the exact message.

A case is (name, file under data/, old text, new text, expected problems). The old text must
occur exactly once; every expected problem, and nothing else, must be reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import replace_in
from pipeline.inputs.load import load_session
from pipeline.inputs.problems import InputError
from pipeline.validate import validate

E = "sessions/59/cmw-status.yaml"
S = "series/cmw-status.yaml"
L = "reference/cmw-ledger.yaml"
C = "reference/cmw-committee.yaml"
M = "reference/un-member-states.yaml"
N = "reference/state-name-changes.csv"
P5 = "{{ parties|count|number }} States"  # in paragraph 5, line 54


class Case(NamedTuple):
    name: str
    file: str
    old: str
    new: str
    expected: list[tuple[str, int, int, str, str]]  # file, line, column, severity, message


CASES = [
    Case('unknown key, close to a known one', E, 'distribution: General', 'distribuion: General', [
            (E, 9, 1, 'error', "unknown key 'distribuion' (did you mean 'distribution'?)"),
    ]),
    Case('unknown key, nothing close', E, 'distribution: General', 'distribution: General\ncolour: blue', [
            (E, 10, 1, 'error', "unknown key 'colour'; the keys allowed here are series, session, previous, session_dates, symbol, date, as_at, distribution, original_language, place, job_number, agenda, masthead_notes, title, author, addendum_title, transmittal, transmitted_title, summary, contents, contents_on_page_one, footnotes, footnote_marks, body, annexes"),
    ]),
    Case('unknown key in a block, close to a known one', E, '  - id: adoption\n', '  - id: adoption\n    numberd: false\n', [
            (E, 19, 5, 'error', "unknown key 'numberd' (did you mean 'numbered'?)"),
    ]),
    Case('misspelled block kind after its id', E, '  - id: adoption\n    paragraph: >-', '  - id: adoption\n    paragrahp: >-', [
            (E, 18, 5, 'error', "'body[0]': a block is '- paragraph: ...', a heading ('- chapter: ...', '- section: ...', ...), '- table: ...' or '- figure: ...', not 'paragrahp' (did you mean 'paragraph'?)"),
    ]),
    Case('missing key', E, 'as_at: 2004-08-20\n', '', [
            (E, 4, 1, 'error', "missing key 'as_at'; add it"),
    ]),
    Case('missing nested key', E, '  title: "Human rights questions: implementation of human rights instruments"\n', '', [
            (E, 12, 1, 'error', "missing key 'title' under 'agenda'; add it"),
    ]),
    Case('number expected', E, 'session: 59', 'session: fifty-nine', [
            (E, 5, 10, 'error', "'session': must be a whole number, not 'fifty-nine'"),
    ]),
    Case('text expected', E, 'original_language: English', 'original_language: 1', [
            (E, 10, 20, 'error', "'original_language': must be text, not 1; put it in double quotes"),
    ]),
    Case('empty text', E, '  title: "Human rights questions: implementation of human rights instruments"', '  title: ""', [
            (E, 15, 10, 'error', "'agenda.title': must not be empty"),
    ]),
    Case('malformed date', E, 'as_at: 2004-08-20', 'as_at: 20 August 2004', [
            (E, 8, 8, 'error', "'as_at': '20 August 2004' is not a date; write it as YYYY-MM-DD, like 2004-08-27"),
    ]),
    Case('impossible date', E, 'date: 2004-08-27', 'date: 2004-02-30', [
            (E, 7, 7, 'error', "'date': 2004-02-30 is not a real date: February 2004 has 29 days"),
    ]),
    Case('value not among the allowed ones', E, 'distribution: General', 'distribution: Generl', [
            (E, 9, 15, 'error', "'distribution': 'Generl' is not one of General, Limited, Restricted (did you mean 'General'?)"),
    ]),
    Case('job number of the wrong form', E, 'job_number: null', 'job_number: 04-3965 (E)', [
            (E, 11, 13, 'error', "'job_number': '04-3965 (E)' is not a job number (year-serial, language letter, then the date(s) as printed, if any), like '04-39651 (E) 300704' or 'GE.18-15291(E)'"),
    ]),
    Case('body block of no known kind', E, '  - table: committee-members', '  - tabel: committee-members', [
            (E, 35, 5, 'error', "'body[3]': a block is '- paragraph: ...', a heading ('- chapter: ...', '- section: ...', ...), '- table: ...' or '- figure: ...', not 'tabel' (did you mean 'table'?)"),
    ]),
    Case('unknown table', E, '  - table: committee-members', '  - table: committee-member', [
            (E, 35, 12, 'error', "no table named 'committee-member' in series 'cmw-status' (did you mean 'committee-members'?); the series' tables: committee-members (or write the table here, with its columns and rows)"),
    ]),
    Case('key without colon', E, 'series: cmw-status', 'series cmw-status', [
            (E, 4, 1, 'error', "YAML syntax: this line has no ':' after its key; write 'key: value'"),
    ]),
    Case('colon inside an unquoted value', E, '  title: "Human rights questions: implementation of human rights instruments"', '  title: Human rights questions: implementation of human rights instruments', [
            (E, 15, 32, 'error', "YAML syntax: a ': ' inside a value; put the whole value in double quotes"),
    ]),
    Case('tab indentation', E, '  sub_item: a', '\tsub_item: a', [
            (E, 14, 1, 'error', 'YAML syntax: a tab character; indent YAML with spaces only'),
    ]),
    Case('duplicate key', E, 'as_at: 2004-08-20', 'as_at: 2004-08-20\ndate: 2004-08-28', [
            (E, 9, 1, 'error', "duplicate key 'date': keep only one of them"),
    ]),
    Case('indented too far', E, '  sub_item: a', '   sub_item: a', [
            (E, 14, 4, 'error', "YAML syntax: this line is indented more than the key above it, so it reads as part of that key's value; line it up with the other keys at its level"),
    ]),
    Case('indented too little', E, '  sub_item: a', ' sub_item: a', [
            (E, 14, 2, 'error', 'YAML syntax: this line is indented differently from the lines above it; line it up with the other keys or list items at its level'),
    ]),
    Case('symbol of another session', E, 'symbol: null ', 'symbol: A/58/312', [
            (E, 6, 9, 'error', "'A/58/312' belongs to session 58, but this edition is for session 59; write A/59/312 or correct 'session'"),
    ]),
    Case('not a GA symbol', E, 'symbol: null ', 'symbol: 59/312', [
            (E, 6, 9, 'error', "'59/312' is not a symbol of the General Assembly; write it like A/59/150"),
    ]),
    Case('provisional agenda of another session', E, 'provisional_agenda: A/59/150', 'provisional_agenda: A/58/150', [
            (E, 16, 23, 'error', "'A/58/150' belongs to session 58, but this edition is for session 59; write A/59/150 or correct 'session'"),
    ]),
    Case('as-at date after the document date', E, 'as_at: 2004-08-20', 'as_at: 2004-08-30', [
            (E, 8, 8, 'error', 'as_at 2004-08-30 is after the document date 2004-08-27; the figures cannot be as at a later day than the document'),
    ]),
    Case('as-at date long before the document date', E, 'as_at: 2004-08-20', 'as_at: 2004-05-20', [
            (E, 8, 8, 'warning', 'as_at 2004-05-20 is 99 days before the document date 2004-08-27; update the figures or check the date (more than 60 days)'),
    ]),
    Case('session not that of its folder', E, 'session: 59', 'session: 60', [
            (E, 5, 10, 'error', "this edition says session 60 but is in the folder of session 59; correct 'session' or move the file to sessions/60/"),
            (E, 16, 23, 'error', "'A/59/150' belongs to session 59, but this edition is for session 60; write A/60/150 or correct 'session'"),
    ]),
    Case('unknown series', E, 'series: cmw-status', 'series: cmw-stats', [
            (E, 4, 9, 'error', "unknown series 'cmw-stats' (did you mean 'cmw-status'?); the series are the files in data/series"),
    ]),
    Case('unknown template', S, 'organ: General Assembly\n', 'organ: General Assembly\ntemplate: reprot\n', [
            (S, 6, 11, 'error', "no template 'reprot' (did you mean 'report'?); the templates are: report"),
    ]),
    Case('series id not its file name', S, 'id: cmw-status', 'id: cmw-statuses', [
            (S, 2, 5, 'error', "id 'cmw-statuses' differs from the file name 'cmw-status.yaml'; make them the same"),
    ]),
    Case('missing ledger file', S, 'ledger: cmw-ledger.yaml', 'ledger: cmw-ledgr.yaml', [
            (S, 6, 9, 'error', "no ledger file 'cmw-ledgr.yaml' in data/reference (did you mean 'cmw-ledger.yaml'?)"),
    ]),
    Case('unknown kind', L, '    kind: accession\n  - state: Algeria', '    kind: acession\n  - state: Algeria', [
            (L, 15, 11, 'error', "'actions[0].kind': 'acession' is not one of ratification, accession, succession, acceptance, approval (did you mean 'accession'?)"),
    ]),
    Case('consent without kind', L, '    consent: 2005-04-21\n    kind: accession\n', '    consent: 2005-04-21\n', [
            (L, 17, 14, 'error', "Algeria's consent has no kind; add 'kind: ratification', 'accession', 'succession', 'acceptance' or 'approval'"),
    ]),
    Case('kind without consent', L, '  - state: Armenia\n    signature: 2013-09-26\n', '  - state: Armenia\n    signature: 2013-09-26\n    kind: ratification\n', [
            (L, 25, 11, 'error', "Armenia has a kind (ratification) but no consent date; add 'consent:' or remove 'kind'"),
    ]),
    Case('accession with a signature', L, '  - state: Belize\n', '  - state: Belize\n    signature: 2001-01-01\n', [
            (L, 33, 16, 'error', "Belize acceded, and an accession has no signature; remove the signature or make the kind 'ratification'"),
    ]),
    Case('ratification without signature', L, '  - state: Argentina\n    signature: 2004-08-10\n', '  - state: Argentina\n', [
            (L, 21, 11, 'error', "Argentina's ratification has no signature; add the signature date or make the kind 'accession'"),
    ]),
    Case('ratification before signature', L, '    signature: 1993-09-24\n    consent: 2005-03-21\n', '    signature: 1993-09-24\n    consent: 1993-03-21\n', [
            (L, 62, 14, 'error', "Chile's ratification (1993-03-21) is dated before its signature (1993-09-24); a ratification follows its signature"),
    ]),
    Case('State listed twice', L, '  - state: Algeria\n', '  - state: Algeria\n    consent: 2005-04-21\n    kind: accession\n  - state: Algeria\n', [
            (L, 19, 12, 'error', 'Algeria is already listed at line 16; a State has one entry with its signature and consent: merge the two'),
    ]),
    Case('State listed twice under two names', L, '  - state: Chad\n', '  - state: Cape Verde\n    consent: 1997-09-16\n    kind: accession\n  - state: Chad\n', [
            (L, 56, 12, 'error', "Cape Verde is already listed at line 49 as 'Cabo Verde'; a State has one entry with its signature and consent: merge the two"),
    ]),
    Case('States out of order', L, '  - state: Albania\n    consent: 2007-06-05\n    kind: accession\n  - state: Algeria\n    consent: 2005-04-21\n', '  - state: Algeria\n    consent: 2005-04-21\n    kind: accession\n  - state: Albania\n    consent: 2007-06-05\n', [
            (L, 16, 5, 'error', 'Albania is out of UN alphabetical order (after Algeria); move its entry before Algeria'),
    ]),
    Case('misspelt State in the ledger', L, '  - state: Philippines', '  - state: Phillipines', [
            (L, 188, 12, 'error', "unknown State 'Phillipines' (did you mean 'Philippines'?); use the UN short name, as in data/reference/un-member-states.yaml or state-name-changes.csv"),
    ]),
    Case('action before the treaty was adopted', L, '    consent: 1995-05-24', '    consent: 1985-05-24', [
            (L, 65, 14, 'error', "Colombia's consent (1985-05-24) is before the treaty was adopted (1990-12-18); check the date"),
    ]),
    Case('year that is not a year', L, '    consent: 2013\n', '    consent: 13\n', [
            (L, 166, 14, 'error', "'actions[46].consent': 13 is not a year; write a date as YYYY-MM-DD or a year like 2013"),
    ]),
    Case('misspelt nationality', C, 'nationality: Mexico\n    elected_on: 2003-12-11', 'nationality: Mexco\n    elected_on: 2003-12-11', [
            (C, 12, 18, 'error', "unknown State 'Mexco' (did you mean 'Mexico'?); use the UN short name, as in data/reference/un-member-states.yaml or state-name-changes.csv"),
    ]),
    Case('nationality of a State that is not a party', C, 'nationality: Philippines\n    elected_on: 2003-12-11',
         'nationality: France\n    elected_on: 2003-12-11', [
            (C, 17, 18, 'error', "France was not a State party when José Serrano Brillantes was elected (2003-12-11) but not at all, according to the ledger; members must be nationals of States parties: check 'nationality', 'elected_on' or the ledger"),
    ]),
    Case('nationality of a State not yet a party at the election', L, '    consent: 1995-11-14', '    consent: 2004-01-14', [
            (C, 47, 18, 'error', "Uganda was not a State party when Arthur Shatto Gakwandi was elected (2003-12-11) but only from 2004-01-14; members must be nationals of States parties: check 'nationality', 'elected_on' or the ledger"),
    ]),
    Case('term ending before it starts', C, '    elected_on: 2003-12-11\n    term_ends: 2007\n  - name: José', '    elected_on: 2003-12-11\n    term_ends: 2003\n  - name: José', [
            (C, 14, 16, 'error', "Francisco Alba's term ends in 2003, not after the election on 2003-12-11; terms run from 1 January after the election"),
            (E, 35, 5, 'warning', "only 9 of the committee's 10 seats have a member in office on 2004-08-27: add the members elected since to the committee data"),
    ]),
    Case('more members than seats', C, 'seats: 10', 'seats: 9', [
            (C, 55, 5, 'error', "10 members are in office on 2004-01-01 but the committee has 9 seats then; check the members' 'elected_on' and 'term_ends' (or its 'enlargements')"),
            (C, 96, 5, 'error', "10 members are in office on 2006-01-01 but the committee has 9 seats then; check the members' 'elected_on' and 'term_ends' (or its 'enlargements')"),
            (C, 133, 5, 'error', "10 members are in office on 2008-01-01 but the committee has 9 seats then; check the members' 'elected_on' and 'term_ends' (or its 'enlargements')"),
    ]),
    Case('members out of order', C, '    elected_on: 2003-12-11\n    term_ends: 2007\n  - name: José', '    elected_on: 2004-12-11\n    term_ends: 2007\n  - name: José', [
            (C, 15, 5, 'error', "José Serrano Brillantes is out of order (after Francisco Alba); list members by 'elected_on', then by 'family_name' in UN alphabetical order"),
            (E, 35, 5, 'warning', "only 9 of the committee's 10 seats have a member in office on 2004-08-27: add the members elected since to the committee data"),
    ]),
    Case('family name not in the name', C, 'family_name: Gakwandi', 'family_name: Gakwandy', [
            (C, 46, 18, 'error', "family name 'Gakwandy' is not part of the name 'Arthur Shatto Gakwandi'; write it as it appears in the name"),
    ]),
    Case('State name not yet in force', E, 'United Nations High Commissioner for Refugees and', 'United Nations High Commissioner for Refugees, Libya and', [
            (E, 41, 54, 'error', "'Libya' is not the UN name of this State on 27 August 2004 (the document date); write 'Libyan Arab Jamahiriya'"),
    ]),
    Case('State name no longer in force', E, '1 July 2003 following', '1 July 2003 in Cabo Verde following', [
            (E, 27, 59, 'error', "'Cabo Verde' is not the UN name of this State on 27 August 2004 (the document date); write 'Cape Verde'"),
    ]),
    Case('unknown data in a paragraph', E, P5, '{{ partys|count|number }} States', [
            (E, 54, 10, 'error', "paragraph uses unknown data 'partys' (did you mean 'parties'?); the data a paragraph can use: as_at, date, entry_into_force, members, parties, session, signatories, states, treaty"),
    ]),
    Case('unknown filter in a paragraph', E, P5, '{{ parties|cout|number }} States', [
            (E, 54, 18, 'error', "unknown filter 'cout' (did you mean 'count'?); the filters are: and_list, number, Number, ordinal, date, counted_list, upper_first, states, person, declared and count"),
    ]),
    Case('unclosed expression', E, P5, '{{ parties|count|number States', [
            (E, 54, 31, 'error', "the expression is not closed before 'States'; end it with '}}'"),
    ]),
    Case('expression never closed', E, '{{ signatories|states }}.', '{{ signatories|states .', [
            (E, 56, 7, 'error', "an expression opened here is not closed; end it with '}}' (or '%}')"),
    ]),
    Case('expression syntax', E, P5, '{{ parties|count|number } States', [
            (E, 54, 7, 'error', "paragraph expression syntax: unexpected '}'; write expressions like {{ parties|count|number }}"),
    ]),
    Case('expression failing on its data', E, P5, '{{ parties|number }} States', [
            (E, 54, 18, 'error', "the filter 'number' cannot take a list; see 'Writing paragraphs' in README for what each filter takes"),
    ]),
    Case('footnote without text', E, 'web site of the United Nations', 'web site[^site] of the United Nations', [
            (E, 57, 64, 'error', "footnote [^site] has no text under 'footnotes:'; add 'site: ...' there"),
    ]),
    Case('footnote never called', E, 'body:\n', 'footnotes:\n  unused: A note nobody calls.\nbody:\n', [
            (E, 18, 11, 'warning', "footnote 'unused' is never called; add [^unused] to a paragraph or remove it"),
    ]),
    Case('paragraph empty after its expressions', E, '  - table: committee-members\n', '  - table: committee-members\n  - paragraph: "{{ \'\' }}"\n', [
            (E, 36, 16, 'error', 'paragraph is empty once its expressions are filled in; write its text or remove the block'),
    ]),
    Case('error on the third line of a literal block', E, '  - table: committee-members\n', '  - table: committee-members\n  - paragraph: |\n      One line.\n      Two lines.\n      Three {{ signatries|count }}.\n', [
            (E, 39, 16, 'error', "paragraph uses unknown data 'signatries' (did you mean 'signatories'?); the data a paragraph can use: as_at, date, entry_into_force, members, parties, session, signatories, states, treaty"),
    ]),
    Case('Member State listed out of order', M, '  - Albania\n  - Algeria\n', '  - Algeria\n  - Albania\n', [
            (M, 10, 5, 'error', "'Albania' is out of UN alphabetical order (after 'Algeria'); move it up"),
    ]),
    Case('impossible date in the name changes', N, 'Turkey,Türkiye,2022-06-01', 'Turkey,Türkiye,2022-06-31', [
            (N, 14, 1, 'error', "'in_force_from': 2022-06-31 is not a real date: June 2022 has 30 days"),
    ]),
    Case('body block with two keys', E, '  - table: committee-members\n', '  - table: committee-members\n    paragraph: Text.\n', [
            (E, 36, 16, 'error', "'body[3]': a block is of one kind ('paragraph' or 'table', not both); make two blocks"),
    ]),
    Case('reference file named by a path', S, 'ledger: cmw-ledger.yaml', 'ledger: ../sessions/59/cmw-status.yaml', [
            (S, 6, 9, 'error', "'ledger': '../sessions/59/cmw-status.yaml' is not a plain name (letters, digits, '-' and '.'; no '/'), like 'cmw-ledger.yaml'"),
    ]),
    Case('series named by a path', E, 'series: cmw-status', 'series: ../series/cmw-status', [
            (E, 4, 9, 'error', "'series': '../series/cmw-status' is not a plain name (letters, digits, '-' and '.'; no '/'), like 'cmw-status'"),
    ]),
    Case('unknown column in the name changes', N, 'old_name,new_name', 'old,new_name', [
            (N, 1, 1, 'error', "missing column 'old_name'; add it to the first line"),
            (N, 1, 1, 'error', "unknown column 'old'; the columns are old_name, new_name, in_force_from, certainty, source, note"),
    ]),
    Case('a loop statement in a paragraph (expressions only)', E, '{{ parties|states }}', '{% for p in parties %}{{ p.nam }}{% endfor %}', [
            (E, 54, 42, 'error', "a paragraph holds {{ ... }} expressions only, not {% ... %} statements; use the filters (states, and_list, counted_list, ...) for lists, or write the text out"),
    ]),
    Case('unknown attribute of an item', E, '{{ parties|states }}', '{{ parties[0].nam }}', [
            (E, 54, 56, 'error', "paragraph uses data that does not exist: a State has no attribute 'nam'"),
    ]),
    Case('two mistakes in one ledger entry', L, '  - state: Chile\n    signature: 1993-09-24\n    consent: 2005-03-21\n    kind: ratification\n',
         '  - state: Chle\n    signature: 1993-09-24\n    consent: 2005-03-21\n', [
            (L, 60, 12, 'error', "unknown State 'Chle' (did you mean 'Chile'?); use the UN short name, as in data/reference/un-member-states.yaml or state-name-changes.csv"),
            (L, 62, 14, 'error', "Chle's consent has no kind; add 'kind: ratification', 'accession', 'succession', 'acceptance' or 'approval'"),
    ]),
    Case('committee table in a series that declares no committee', S,
         'committee: cmw-committee.yaml\nfacts: [treaty, committee]', 'facts: [treaty]', [
            (S, 16, 16, 'error', "the table 'committee-members' uses 'members', a fact of the committee data, but series 'cmw-status' does not declare 'committee' (its facts: treaty); add 'committee' to 'facts:' in data/series/cmw-status.yaml, with its 'committee:' file, or remove 'members'"),
    ]),
    Case('treaty facts in a series that declares none', S,
         'ledger: cmw-ledger.yaml\ncommittee: cmw-committee.yaml\nfacts: [treaty, committee]',
         'committee: cmw-committee.yaml\nfacts: [committee]', [
            # the series' change paragraph, which new-edition adds to the next edition, uses 'changes' too
            (S, 21, 57, 'error', "change_paragraph (the paragraph new-edition adds to the next edition): paragraph uses 'changes', a fact of the treaty data, but series 'cmw-status' does not declare 'treaty' (its facts: committee); add 'treaty' to 'facts:' in data/series/cmw-status.yaml, with its 'ledger:' file, or remove 'changes'"),
            (E, 54, 10, 'error', "paragraph uses 'parties', a fact of the treaty data, but series 'cmw-status' does not declare 'treaty' (its facts: committee); add 'treaty' to 'facts:' in data/series/cmw-status.yaml, with its 'ledger:' file, or remove 'parties'"),
    ]),
    Case('a ledger named but not declared', S, 'facts: [treaty, committee]', 'facts: [committee]', [
            (S, 6, 9, 'error', "the series names a ledger ('cmw-ledger.yaml') but does not declare 'treaty' in 'facts:'; add it there (facts: [committee, treaty]) or remove 'ledger:'"),
    ]),
    Case('State with no action', L, '  - state: Armenia\n    signature: 2013-09-26\n', '  - state: Armenia\n', [
            (L, 23, 5, 'error', "Armenia has neither a signature nor a consent; add one or remove the entry"),
    ]),
    Case('entry into force before adoption', L, 'entry_into_force: 2003-07-01', 'entry_into_force: 1990-07-01', [
            (L, 11, 19, 'error', "entry into force (1990-07-01) is before adoption (1990-12-18); check the dates"),
    ]),
    Case('Member State listed twice', M, '  - Albania\n', '  - Albania\n  - Albania\n', [
            (M, 10, 5, 'error', "'Albania' is listed twice; remove one"),
    ]),
    Case('expression not allowed', E, '{{ parties|states }}', '{{ parties.__class__ }}', [
            (E, 54, 53, 'error', "paragraph expression not allowed: access to attribute '__class__' of 'list' object is unsafe; "
                                  "use only the data and filters of 'Writing paragraphs' in README"),
    ]),
]


def problems_of(data_dir: Path) -> list[str]:
    """Every problem validation reports for session 59, as printed."""
    try:
        return [str(p) for p in validate(load_session(data_dir, 59))]
    except InputError as exc:
        return [str(p) for p in exc.problems]


def test_the_real_data_has_no_problems(data_copy: Path, monkeypatch):
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data")) == []


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_exactly_its_problems(case: Case, data_copy: Path, monkeypatch):
    replace_in(data_copy / case.file, case.old, case.new)
    monkeypatch.chdir(data_copy.parent)
    expected = [f"data/{file}:{line}:{column}: {severity}: {message}"
                for file, line, column, severity, message in case.expected]
    assert problems_of(Path("data")) == expected
