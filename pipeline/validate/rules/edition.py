"""Rules over an edition's own fields: symbols, dates, where the file lives, what it uses."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from pipeline.doctree.vocabulary import CONTENTS_LEVELS
from pipeline.inputs.load import Inputs, Sourced
from pipeline.inputs.problems import did_you_mean
from pipeline.model.blocks import HeadingBlock
from pipeline.compose.numbering import number_edition
from pipeline.i18n.languages import ORIGINAL, languages
from pipeline.model.common import JOB_NUMBER_PARTS, full_year
from pipeline.model.edition import PRINTED_TITLES, Edition, SessionDates
from pipeline.model.reference import Organ
from pipeline.i18n.style import long_date
from pipeline.validate.rules import Problems, at, dropped_on_load, error, until_final, warning

AS_AT_MAX_DAYS = 60  # figures older than this at the document date are worth a second look
MAX_SYMBOL_LENGTH = 40  # the longest real symbols (A/HRC/WG.6/15/L.10/Add.1) are far shorter


def symbol_pattern(organ: Organ) -> re.Pattern[str]:
    """A document symbol of the organ: A/59/312, A/59/312/Add.1, A/59/L.5/Rev.1, A/HRC/15/19.
    Each part after a '/' starts with a letter or digit, so 'A/59/../../x' (a path, not a
    symbol) is refused."""
    return re.compile("^" + re.escape(organ.symbol_prefix)
                      + r"(?P<session>\d{1,4})/(?P<rest>[A-Z0-9](\.?[A-Z0-9])*(/[A-Za-z0-9](\.?[A-Za-z0-9])*)*)$")


def edition_organ(inputs: Inputs, edition: Edition) -> tuple[str, Organ] | None:
    """The organ the edition's series reports to (None when the series or organ is unknown:
    their own rules report that)."""
    series = inputs.series.get(edition.series)
    if series is None:
        return None
    organ = inputs.organ(series.model.organ)
    return (series.model.organ, organ) if organ is not None else None


MIN_YEAR_SESSION = 1000  # a session 'number' this high is a year (sessions/2015/)
# the longest session a masthead prints: the Economic and Social Council's year, "26 July 2018–24 July 2019"
LONGEST_SESSION_DAYS = 366
# how many years a session's opening may stand from the document's date (a report is issued
# for its session within the year before or after it opens)
MAX_YEARS_FROM_DOCUMENT = 1


def check_agenda_items(inputs: Inputs, sourced: Sourced) -> Problems:
    """The items a report is issued under: each named once, on one list (one provisional
    agenda, or one preliminary list)."""
    edition: Edition = sourced.model
    for key, name in (("provisional_agenda", "provisional agendas"), ("preliminary_list", "preliminary lists")):
        given = [(index, getattr(item, key)) for index, item in enumerate(edition.agenda_items) if getattr(item, key)]
        if given and given[0][0] != 0:
            first = edition.agenda_items[0].label
            yield error(at(sourced, *agenda_path(edition, given[0][0], key)),
                        f"the masthead's item line names every item on one list (\"Items {first} and ... of the "
                        f"{name[:-1]}*\"): give the {name[:-1]} on the first item, {first}")
        for index, symbol in given[1:]:
            if symbol != given[0][1]:
                yield error(at(sourced, *agenda_path(edition, index, key)),
                            f"the agenda items name different {name} ({given[0][1]} and {symbol}); a report has "
                            "one: give it once, on the first item")
    for index, item in enumerate(edition.agenda_items):
        for key, name in (("provisional_agenda", "provisional agenda"), ("preliminary_list", "preliminary list")):
            if edition.symbol and getattr(item, key) == edition.symbol:
                yield error(at(sourced, *agenda_path(edition, index, key)),
                            f"{edition.symbol} is this report's own symbol, not the {name}'s: write the {name}'s "
                            f"symbol (like {edition.symbol.rsplit('/', 1)[0]}/{'150' if key == 'provisional_agenda' else '50'})")
    preliminary = next((i for i, item in enumerate(edition.agenda_items) if item.preliminary_list), None)
    if preliminary is not None and any(item.provisional_agenda for item in edition.agenda_items):
        yield error(at(sourced, *agenda_path(edition, preliminary, "preliminary_list")),
                    "the report names both a preliminary list and a provisional agenda: a report issued before the "
                    "provisional agenda cites the preliminary list ('Item 110 of the preliminary list*'), one issued "
                    "after it the provisional agenda; keep the one its masthead prints")
    labels = [item.label for item in edition.agenda_items]
    for index, label in enumerate(labels):
        if label != "..." and label in labels[:index]:
            yield error(at(sourced, *agenda_path(edition, index, "item")),
                        f"agenda item {label} is named twice; name each item the report is issued under once")
    for index, item in enumerate(edition.agenda_items):
        lines = [line for line in item.title.splitlines() if line.strip()]
        if len(lines) > MOST_AGENDA_LINES:
            yield warning(at(sourced, *agenda_path(edition, index, "title")),
                          f"the agenda item's title is written in {len(lines)} lines; a masthead breaks one in at most "
                          f"{MOST_AGENDA_LINES}, and more push the report's title off page 1: join lines (or write the "
                          "title as one text, '>-', and let the measure break it)")


MOST_AGENDA_LINES = 6  # the lines a masthead breaks an agenda item's title in (the longest seen take 4 or 5)


def check_symbols(inputs: Inputs, sourced: Sourced) -> Problems:
    """The symbol and the symbols of the provisional agenda or preliminary list are symbols of the
    organ's session."""
    edition: Edition = sourced.model
    found = edition_organ(inputs, edition)
    if found is None:
        return
    name, organ = found
    pattern = symbol_pattern(organ)
    number = organ.symbol_number(edition)
    which = "year" if organ.symbols_by_year else "session"
    symbols = [(("symbol",), edition.symbol)]
    symbols += [(agenda_path(edition, index, key), getattr(item, key))
                for index, item in enumerate(edition.agenda_items) for key in ("provisional_agenda", "preliminary_list")]
    for path, value in symbols:
        if value is None:
            continue
        match = pattern.match(value)
        if len(value) > MAX_SYMBOL_LENGTH:
            yield error(at(sourced, *path), f"the symbol is {len(value)} characters long; a UN symbol has at most "
                                            f"{MAX_SYMBOL_LENGTH} (like {organ.symbol_prefix}{number}/312/Add.1)")
        elif not match:
            yield error(at(sourced, *path),
                        f"'{value}' is not a symbol of the {name}; write it like {organ.symbol_prefix}{number}/150")
        elif int(match["session"]) != number:
            yield error(at(sourced, *path),
                        f"'{value}' belongs to {which} {match['session']}, but "
                        f"{_symbol_number_why(organ, edition, number)}; write {organ.symbol_prefix}{number}/"
                        f"{match['rest']} or correct {_symbol_number_key(organ, edition)}")
        elif path == ("symbol",):
            yield from _issue_part_problems(sourced, match["rest"])


# The parts of a symbol that say which issue of a document it is: an addendum, a corrigendum,
# a revision, an amendment ("A/43/26/Add.1/Corr.1", "A/59/L.5/Rev.1"), each numbered from 1.
ISSUE_PART = re.compile(r"(?i)(add|corr|rev|amend)")
ISSUE_FORM = re.compile(r"(Add|Corr|Rev|Amend)\.[1-9][0-9]{0,2}")


def _issue_part_problems(sourced: Sourced, rest: str) -> Problems:
    """Each issue part of the edition's symbol is written as the UN writes it, once each:
    'Add.0', 'add.1' or 'Addendum.1' would print "Addendum" (or nothing) under a wrong symbol."""
    kinds: list[str] = []
    for part in rest.split("/")[1:]:
        if not ISSUE_PART.match(part):
            continue
        if not ISSUE_FORM.fullmatch(part):
            yield error(at(sourced, "symbol"), f"'{part}' in the symbol is no issue of a document: an addendum, "
                                               "corrigendum, revision or amendment is written Add.1, Corr.1, Rev.1, "
                                               "Amend.1 (numbered from 1)")
        elif part.split(".")[0] in kinds:
            kind = part.split(".")[0]
            yield error(at(sourced, "symbol"), f"the symbol names {kind}. twice; the next issue has a number of its "
                                               f"own (…/{kind}.2), not a second {kind}. part")
        elif "Corr" in kinds:
            yield error(at(sourced, "symbol"), f"'{part}' follows Corr. in the symbol; a corrigendum's part comes "
                                               "last (…/Add.1/Corr.1, …/Rev.1/Corr.1)")
        kinds.append(part.split(".")[0])


def _symbol_number_why(organ: Organ, edition: Edition, number: int) -> str:
    """Why an edition's symbols carry the number they do, for messages."""
    if not organ.symbols_by_year:
        return f"this edition is for session {number}"
    carry = "this edition's symbols carry"
    if organ.session_style == "year":
        return f"{carry} the year of its session, {number}"
    if organ.session_style == "none":
        return f"{carry} the year {number} it is filed under"
    return (f"{carry} the year its session opens, {number}" if edition.session_dates is not None
            else f"{carry} the year of its date, {number}")


def _symbol_number_key(organ: Organ, edition: Edition) -> str:
    if organ.symbols_by_year and organ.session_style == "ordinal":
        return "'session_dates'" if edition.session_dates is not None else "'date'"
    return "'session'"


def check_dates(inputs: Inputs, sourced: Sourced) -> Problems:
    """The figures are as at a day no later than the document date (and not long before it);
    a series that declares facts says the day they are counted as at."""
    edition: Edition = sourced.model
    series = inputs.series.get(edition.series)
    if not edition.as_at_given and series is not None and series.model.facts:
        unknown = [key for key in sourced.raw if key not in Edition.model_fields]
        # a bad as_at, or one misspelt ('as_att'), is reported by the load, at its line
        if "as_at" not in sourced.raw and not any(did_you_mean(key, ["as_at"]) for key in unknown):
            yield error(at(sourced), "missing key 'as_at'; add it")
    elif edition.as_at > edition.date:
        yield error(at(sourced, "as_at"),
                    f"as_at {edition.as_at} is after the document date {edition.date}; "
                    "the figures cannot be as at a later day than the document")
    elif (edition.date - edition.as_at).days > AS_AT_MAX_DAYS:
        days = (edition.date - edition.as_at).days
        yield warning(at(sourced, "as_at"),
                      f"as_at {edition.as_at} is {days} days before the document date {edition.date}; "
                      f"update the figures or check the date (more than {AS_AT_MAX_DAYS} days)")


def today() -> dt.date:
    """The day validation runs (a function, so that tests can set it)."""
    return dt.date.today()


def check_as_at_known(inputs: Inputs, sourced: Sourced) -> Problems:
    """Facts are counted as at a day on which they can be known: not before the treaty of the
    series' ledger was adopted (there were none), not after today (they are not known yet)."""
    edition: Edition = sourced.model
    if not edition.as_at_given:
        return
    series = inputs.series.get(edition.series)
    ledger = inputs.ledgers.get(series.model.ledger or "") if series is not None else None
    if ledger is not None and "treaty" in series.model.facts and edition.as_at < ledger.model.adopted:
        yield error(at(sourced, "as_at"),
                    f"as_at {edition.as_at} is before the {ledger.model.title} was adopted on "
                    f"{ledger.model.adopted}: there are no facts of it to report as at that day; correct 'as_at'")
    if edition.as_at > today():
        yield warning(at(sourced, "as_at"),
                      f"as_at {edition.as_at} is after today ({today()}): the facts in the ledger cannot be known "
                      "as at a day that has not come; give the day they were last checked")


def check_session_year(inputs: Inputs, sourced: Sourced) -> Problems:
    """A document of session N of an organ that meets once a year is dated from the year
    before the session opens to the year it closes; one of a year session (the Economic and
    Social Council's 2015 session, July 2014 to July 2015) in that year or the one before; one
    of an organ without sessions (the Security Council) is filed under the year of its date."""
    edition: Edition = sourced.model
    found = edition_organ(inputs, edition)
    if found is None:
        return
    name, organ = found
    if organ.session_style == "year" and not edition.session - 1 <= edition.date.year <= edition.session:
        yield error(at(sourced, "date"),
                    f"the document date {edition.date} does not fit the {name}'s {edition.session} session, which "
                    f"runs from {edition.session - 1} to {edition.session}; check 'date' and 'session' (the session "
                    "is the year it closes in)")
    elif organ.session_style == "none" and edition.date.year != edition.session:
        yield error(at(sourced, "session"),
                    f"the {name} has no sessions: its editions are filed under the year of their date, "
                    f"{edition.date.year}, not {edition.session}; write session: {edition.date.year} and keep the "
                    f"file in sessions/{edition.date.year}/")
    elif organ.session_style == "ordinal" and organ.first_session_year is not None:
        opens = organ.first_session_year - 1 + edition.session
        if not opens - 1 <= edition.date.year <= opens + 1:
            yield warning(at(sourced, "date"),
                          f"the document date {edition.date} is far from session {edition.session}, which opens in "
                          f"September {opens}; check 'date' and 'session'")


def check_organ_masthead(inputs: Inputs, sourced: Sourced) -> Problems:
    """An edition gives what its organ's masthead prints, and nothing it does not: an agenda
    item only where the organ's documents carry one, the session's dates where its mastheads
    print them (and dates that fit the session)."""
    edition: Edition = sourced.model
    found = edition_organ(inputs, edition)
    if found is None:
        return
    name, organ = found
    if organ.session_style == "ordinal" and edition.session >= MIN_YEAR_SESSION:
        yield error(at(sourced, "session"), f"the {name} numbers its sessions (\"Fifty-ninth session\"), but "
                                            f"{edition.session} is a year: write the session's number (and file the "
                                            "edition in its folder)")
    if not organ.agenda and edition.agenda is not None:
        yield error(at(sourced, "agenda"),
                    f"the {name}'s documents are issued under no agenda item, and its masthead has no agenda line; "
                    "delete 'agenda'")
    given = list(_session_dates_given(sourced, name, organ))
    yield from given
    if not given and edition.session_dates is not None:
        yield from _session_dates_plausible(sourced, organ, edition.session_dates)


def _session_dates_given(sourced: Sourced, name: str, organ: Organ) -> Problems:
    """The session's dates are given where the organ's mastheads need them, and not where they
    print none (an ill-formed value is told where it stands, not also as missing)."""
    edition: Edition = sourced.model
    if organ.needs_session_dates and edition.session_dates is None and not dropped_on_load(sourced, "session_dates"):
        report = until_final(edition.is_draft)
        yield report(at(sourced), f"missing key 'session_dates': the {name}'s masthead prints the days its session "
                                  "opens and closes; add session_dates: {opens: YYYY-MM-DD, closes: YYYY-MM-DD}")
    elif not organ.prints_session_dates and edition.session_dates is not None:
        yield error(at(sourced, "session_dates"),
                    f"the {name}'s masthead prints no dates of its session; delete 'session_dates'")


def _session_dates_plausible(sourced: Sourced, organ: Organ, days: SessionDates) -> Problems:
    """Given dates fit the session: a year session closes in its year; a session opens within a
    year of the document's date and lasts a year at most (the first finding only)."""
    edition: Edition = sourced.model
    if organ.session_style == "year" and days.closes.year != edition.session:
        yield error(at(sourced, "session_dates", "closes"),
                    f"the {edition.session} session closes in {edition.session}, not on {days.closes}; correct "
                    "'session_dates' or 'session'")
    elif abs(days.opens.year - edition.date.year) > MAX_YEARS_FROM_DOCUMENT:
        yield warning(at(sourced, "session_dates", "opens"),
                      f"the session opens on {days.opens}, years from the document's date {edition.date}: check "
                      "'session_dates' or 'date'")
    elif (days.closes - days.opens).days > LONGEST_SESSION_DAYS:
        yield warning(at(sourced, "session_dates"), f"the session would last from {days.opens} to {days.closes}, "
                                                    f"{(days.closes - days.opens).days:,} days; a session lasts a year "
                                                    "at most: check the dates")


def check_working_day(inputs: Inputs, sourced: Sourced) -> Problems:
    """UN documents are dated on working days; a weekend date is usually a date carried over."""
    edition: Edition = sourced.model
    if edition.date.weekday() >= 5:
        yield warning(at(sourced, "date"), f"{long_date(edition.date)} is a {edition.date:%A}; "
                                           "date the document on a working day")


def check_file_place(inputs: Inputs, sourced: Sourced) -> Problems:
    """data/sessions/<session>/<series>.yaml: the folder and file name agree with the contents."""
    edition: Edition = sourced.model
    folder = sourced.path.parent
    if folder.parent.name == "sessions" and folder.name.isdigit() and int(folder.name) != edition.session:
        yield error(at(sourced, "session"),
                    f"this edition says session {edition.session} but is in the folder of session {folder.name}; "
                    f"correct 'session' or move the file to sessions/{edition.session}/")
    if folder.parent.name == "sessions" and sourced.path.stem != edition.series and edition.series in inputs.series:
        yield error(at(sourced, "series"),
                    f"the file is named '{sourced.path.name}' but its series is '{edition.series}'; "
                    f"name the file '{edition.series}.yaml' (one edition of each series per session; an addendum "
                    "or another document of the series in the same session is a series of its own, "
                    f"data/series/{sourced.path.stem}.yaml)")


def check_agenda_filled_in(inputs: Inputs, sourced: Sourced) -> Problems:
    """A new edition's agenda item is left for the drafter (`agenda.todo`, no item number):
    a warning while the edition is a draft, an error once it has a symbol."""
    edition: Edition = sourced.model
    report = until_final(edition.is_draft)
    why = "" if edition.is_draft else " (an edition with a symbol needs its agenda)"
    for index, item in enumerate(edition.agenda_items):
        if item.is_filled_in:
            continue
        if item.todo:
            yield report(at(sourced, *agenda_path(edition, index, "todo")), f"agenda.todo: {item.todo}{why}")
        else:
            yield report(at(sourced, *agenda_path(edition, index, "item")),
                         f"agenda item number to fill in from the provisional agenda{why}")


def agenda_path(edition: Edition, index: int, key: str) -> tuple[str | int, ...]:
    """Where an agenda item's key stands in the file: under 'agenda', or under its place in
    the list of items."""
    return ("agenda", index, key) if isinstance(edition.agenda, list) else ("agenda", key)


def check_masthead_note_places(inputs: Inputs, sourced: Sourced) -> Problems:
    """A masthead note stands on a line the masthead prints: no agenda note without an agenda
    item, no author note when the series prints no author line."""
    edition: Edition = sourced.model
    series = inputs.series.get(edition.series)
    printed = {"symbol": True, "title": True, "agenda": bool(edition.agenda_items),
               "addendum": bool(edition.addendum_title), "author": series is None or series.model.author is not None or edition.author is not None,
               "contents": bool(edition.contents or dropped_on_load(sourced, "contents")) and edition.contents_on_page_one}
    lacking = {"agenda": "this edition names no agenda item", "addendum": "this edition gives no addendum_title",
               "author": f"series '{edition.series}' has no author line and the edition gives none (author:)",
               "contents": "this edition prints no contents list on page 1 (contents_on_page_one), where the "
                           "masthead's notes stand"}
    for index, note in enumerate(edition.masthead_notes):
        if not printed[note.attached_to]:
            line = lacking[note.attached_to]
            yield error(at(sourced, "masthead_notes", index, "attached_to"),
                        f"this note is attached to the {note.attached_to} line, but {line}; attach it to the title")
        elif note.attached_to == "contents":
            yield from _contents_note_entry(sourced, index, note.entry)
        if note.entry is not None and note.attached_to != "contents":
            yield error(at(sourced, "masthead_notes", index, "entry"),
                        "'entry' names the contents entry of a note attached to the contents list; this note is "
                        f"attached to the {note.attached_to}: delete 'entry', or write attached_to: contents")


# how many lines of contents entries page 1 holds under a masthead, at most (E/CN.6/1998/2 holds
# 10 entries in 16 lines), and how many characters of a title a line holds
PAGE_ONE_CONTENTS_LINES = 18
CONTENTS_LINE_CHARACTERS = 60


def _contents_note_entry(sourced: Sourced, index: int, entry: str | None) -> Problems:
    """A note on a contents entry names a heading or annex the contents list shows, by its id."""
    edition: Edition = sourced.model
    ids = {block.id for _, blocks in edition.block_lists() for block in blocks if isinstance(block, HeadingBlock)}
    ids |= {annex.id for annex in edition.annexes}
    shown = [line for line in number_edition(edition, {}).outline if line.in_contents]  # in the list's order
    listed = [s.anchor for s in shown if s.anchor in ids]
    if edition.transmittal:
        yield error(at(sourced, "masthead_notes", index, "attached_to"),
                    "a note transmitting a report prints the report's contents list on page 2, and the masthead's "
                    "notes on page 1: attach this note to the title or the author line instead")
        return
    if entry is None:
        yield error(at(sourced, "masthead_notes", index),
                    "missing key 'entry': a note attached to the contents list names the entry that carries its "
                    "mark, by the id of its heading (give the heading 'id: ...' and write entry: <that id>)")
    elif entry not in listed:
        hint = did_you_mean(entry, listed)
        yield error(at(sourced, "masthead_notes", index, "entry"),
                    f"'{entry}' is not the id of a part, chapter, section or annex the contents list shows{hint}")
    else:
        place = next(i for i, s in enumerate(shown) if s.anchor == entry) + 1
        lines = sum(1 + len(s.text) // CONTENTS_LINE_CHARACTERS for s in shown[:place])  # the entries' lines so far
        if lines > PAGE_ONE_CONTENTS_LINES:
            yield warning(at(sourced, "masthead_notes", index, "entry"),
                          f"the note's mark stands on the contents list's entry {place}, about {lines} lines down the "
                          "list, which may fall past page 1, while the note prints at page 1's foot with the "
                          "masthead's: look at the PDF, and attach the note to the title if the mark stands on "
                          "another page")


def check_contents_has_entries(inputs: Inputs, sourced: Sourced) -> Problems:
    """A contents list lists parts, chapters, sections and annexes: with none, it is an empty page."""
    edition: Edition = sourced.model
    if edition.contents and not edition.annexes and not any(
            isinstance(block, HeadingBlock) and block.level in CONTENTS_LEVELS for block in edition.body):
        yield warning(at(sourced, "contents"), "the contents list would be empty (no part, chapter, section or "
                                               "annex): remove 'contents:' or add the headings")


def check_contents_placement(inputs: Inputs, sourced: Sourced) -> Problems:
    """A contents list placed on page 1 needs a contents list."""
    edition: Edition = sourced.model
    if edition.contents_on_page_one and not edition.contents and not dropped_on_load(sourced, "contents"):
        yield error(at(sourced, "contents_on_page_one"),
                    "contents_on_page_one places a contents list, but the edition has none: add 'contents: true' "
                    "(or 'contents: pages'), or remove contents_on_page_one")


# expressions, footnote calls, tags, links, and emphasis with its closing mark (a lone '_' is text)
MARKUP_IN_TITLE = re.compile(r"\{\{|\{%|\[\^|\^\[|</?[A-Za-z]|\*\*?\S[^*]*\*|\]\(|(?<!\w)_\S[^_]*_(?!\w)")
# a masthead mark copied with the title from a PDF ("..., Maina Kiai*")
COPIED_MARK = re.compile(r"\S\s*\*+\.?$")
MAX_TITLE_LENGTH = 300
TITLE_MARKUP = ("{what} prints as it is written: expressions ({{{{ }}}}), footnote calls, *emphasis*, links and "
                "tags are not read in it; write the plain title")


def printed_width(text: str) -> int:
    """A text's length in Latin letters' widths: a wide (Chinese, Japanese) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def plain_title_problems(sourced: Sourced, key: str | tuple[str | int, ...], what: str, title: str) -> Problems:
    """A title prints as written: markup in it, or a masthead mark copied with it, is an error;
    a paragraph's length a warning (a line of wide characters counting twice). `key` is its key,
    or its path in the file."""
    path = (key,) if isinstance(key, str) else key
    if MARKUP_IN_TITLE.search(title):
        yield error(at(sourced, *path), TITLE_MARKUP.format(what=what))
    elif COPIED_MARK.search(title):
        mark = title[len(title.rstrip("*. ")):].strip()
        yield error(at(sourced, *path), f"{what} ends in '{mark}', a masthead note's mark copied with it: the mark "
                                        "is printed from the note (masthead_notes, attached_to: title or agenda); "
                                        "leave it out of the title")
    if printed_width(title) > MAX_TITLE_LENGTH:
        yield warning(at(sourced, *path), f"{what} has {len(title):,} characters; a title or an author line runs "
                                          f"to three lines at most (under {MAX_TITLE_LENGTH} Latin letters, half as "
                                          "many Chinese characters): is a paragraph in its place?")


def check_titles(inputs: Inputs, sourced: Sourced) -> Problems:
    """The edition's own title, an addendum's, a transmitted report's and the agenda items' are
    plain text of a title's length (each prints as written: no expressions, notes or markup are
    read in it)."""
    edition: Edition = sourced.model
    for key, what in PRINTED_TITLES.items():
        yield from plain_title_problems(sourced, key, what, getattr(edition, key) or "")
    for index, item in enumerate(edition.agenda_items):
        yield from plain_title_problems(sourced, agenda_path(edition, index, "title"), "the agenda item's title",
                                        item.title or "")
    for path, draft in edition.drafts():
        yield from plain_title_problems(sourced, (*path, draft.key, "title"), f"the draft {draft.kind}'s title",
                                        draft.spec.title or "")


def check_transmittal(inputs: Inputs, sourced: Sourced) -> Problems:
    """An addendum's title stands under an addendum's symbol, a transmitted report's title under
    the note that transmits it."""
    edition: Edition = sourced.model
    if edition.addendum_title and edition.symbol and "/Add." not in edition.symbol:
        yield error(at(sourced, "addendum_title"), f"an addendum's title, but {edition.symbol} is no addendum's "
                                                   "symbol (like A/HRC/26/37/Add.2): correct the symbol or remove this")
    if edition.transmitted_title and not edition.transmittal:
        yield error(at(sourced, "transmitted_title"), "a transmitted report's title needs the note that transmits "
                                                      "it: add 'transmittal:' with its paragraphs (\"The Secretary-"
                                                      "General has the honour to transmit ...\"), or remove this")


def check_original_language(inputs: Inputs, sourced: Sourced) -> Problems:
    """The original language (the report's, an annex's) is one the language files name
    ("Original: French" in every version): 'english' or 'FRENCH' would print as typed."""
    edition: Edition = sourced.model
    original = languages(inputs.data_dir).get(ORIGINAL)
    names = sorted((original.strings.get("language_names") or {}) if original is not None else {})
    given = [(("original_language",) if isinstance(edition.original_language, str) else ("original_language", i), name)
             for i, name in enumerate(edition.original_languages)]
    given += [(("annexes", i, "original_language"), annex.original_language) for i, annex in enumerate(edition.annexes)]
    for index, (path, name) in enumerate(given):
        if name in edition.original_languages[:index] and path[0] == "original_language":
            yield error(at(sourced, *path), f"'{name}' is named twice among the original languages; name it once")
        elif names and name is not None and name not in names:
            hint = next((f" (did you mean '{n}'?)" for n in names if n.lower() == name.lower()), "") \
                or did_you_mean(name, names)
            yield error(at(sourced, *path), f"'{name}' is not a language the language files name{hint}; the names "
                                            f"are {', '.join(names)} (another is added under strings.language_names "
                                            "in each of them)")


def job_letter_problems(sourced: Sourced, language_name: str, letter: str) -> Problems:
    """A job number carries its version's language letter (when it carries one at all): an
    original's or a language version's file."""
    given = JOB_NUMBER_PARTS.search(getattr(sourced.model, "job_number", None) or "")
    if given and given["letter"] not in (None, letter):
        yield error(at(sourced, "job_number"), f"the job number carries the letter ({given['letter']}); this file "
                                               f"is the {language_name} version, whose letter is ({letter})")


def check_job_number(inputs: Inputs, sourced: Sourced) -> Problems:
    """A job number's year is the document's (or the year before), each processing date it
    prints (ddmmyy) is a real day, and its language letter is the original's (E)."""
    edition: Edition = sourced.model
    parts = JOB_NUMBER_PARTS.search(edition.job_number or "")
    if parts is None:
        return
    original = languages(inputs.data_dir).get(ORIGINAL)
    if original is not None:
        yield from job_letter_problems(sourced, original.name, original.letter)
    if (parts["office"] == "GE") != (edition.place == "Geneva"):
        yield warning(at(sourced, "job_number"), f"a job number {'of' if parts['office'] == 'GE' else 'not of'} the "
                                                 f"Geneva office (GE.) on a document of {edition.place}: check "
                                                 "'job_number' or 'place' (Geneva documents are A4, their job "
                                                 "number at the foot of every page)")
    year = full_year(int(parts["year"]))
    if not edition.date.year - 1 <= year <= edition.date.year:
        yield warning(at(sourced, "job_number"), f"the job number is of {year}, the document of {edition.date.year}; "
                                                 "check the job number or the date")
    for stamp in re.findall(r"\b(\d{2})(\d{2})(\d{2})\b", edition.job_number[parts.end():]):
        day, month, short_year = map(int, stamp)
        try:
            dt.date(full_year(short_year), month, day)
        except ValueError:
            yield error(at(sourced, "job_number"), f"'{''.join(stamp)}' in the job number is not a day (ddmmyy)")
