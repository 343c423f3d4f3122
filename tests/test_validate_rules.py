"""Rules that need more than one mutation to show: a recent edition, a long report, several
mistakes at once, and random damage that must never end in a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, replace_in
from pipeline.compose.report import compose
from pipeline.inputs.load import load_session
from pipeline.inputs.problems import InputError
from pipeline.validate import validate
from pipeline.writers.text import canonical_text

EDITION = "sessions/59/cmw-status.yaml"


def problems_of(data_dir: Path, session: int = 59) -> list[str]:
    try:
        return [str(p) for p in validate(load_session(data_dir, session))]
    except InputError as exc:
        return [str(p) for p in exc.problems]


def recent_edition(data_dir: Path) -> Path:
    """The session 59 edition made into a session 67 (2012) one, alone in its session (any
    committed session 67 report left out)."""
    target = data_dir / "sessions" / "67" / "cmw-status.yaml"
    shutil.rmtree(target.parent, ignore_errors=True)
    target.parent.mkdir()
    shutil.copy(data_dir / EDITION, target)
    for old, new in (("session: 59", "session: 67"), ("date: 2004-08-27", "date: 2012-08-01"),
                     ("as_at: 2004-08-20", "as_at: 2012-07-31"), ("A/59/150", "A/67/150")):
        replace_in(target, old, new)
    return target


def test_recent_edition_must_use_todays_name(data_copy: Path, monkeypatch):
    edition = recent_edition(data_copy)
    monkeypatch.chdir(data_copy.parent)
    empty_table = ("data/sessions/67/cmw-status.yaml:35:5: warning: only 12 of the committee's 14 seats have a member "
                   "in office on 2012-08-01: add the members elected since to the committee data")
    assert problems_of(Path("data"), 67) == [empty_table]
    replace_in(edition, "International Labour Organization as well",
               "International Labour Organization, the Libyan Arab\n      Jamahiriya as well")
    assert problems_of(Path("data"), 67) == [empty_table,
        "data/sessions/67/cmw-status.yaml:39:78: error: 'Libyan Arab Jamahiriya' is not the UN name of this "
        "State on 1 August 2012 (the document date); write 'Libya'"]


def test_edition_file_named_after_another_series(data_copy: Path, monkeypatch):
    (data_copy / EDITION).rename(data_copy / "sessions/59/cmw.yaml")
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data")) == [
        "data/sessions/59/cmw.yaml:4:9: error: the file is named 'cmw.yaml' but its series is 'cmw-status'; "
        "name the file 'cmw-status.yaml' (one edition of each series per session; an addendum or another "
        "document of the series in the same session is a series of its own, data/series/cmw.yaml)"]


def test_long_report_is_a_warning_not_an_error(data_copy: Path, monkeypatch):
    filler = " ".join(["word"] * 8000)
    replace_in(data_copy / EDITION, "as a matter of priority.", f"as a matter of priority. {filler}")
    monkeypatch.chdir(data_copy.parent)
    problems = problems_of(Path("data"))
    assert problems == ["data/sessions/59/cmw-status.yaml:18:3: warning: the report has 9,024 words, more than "
                        "the 8,500 a UN manuscript should not exceed; shorten it or ask for a waiver"]


def test_document_date_far_from_the_session_is_a_warning(data_copy: Path, monkeypatch):
    replace_in(data_copy / EDITION, "date: 2004-08-27", "date: 2014-08-27")
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data")) == [
        "data/sessions/59/cmw-status.yaml:7:7: warning: the document date 2014-08-27 is far from session 59, "
        "which opens in September 2004; check 'date' and 'session'",
        "data/sessions/59/cmw-status.yaml:8:8: warning: as_at 2004-08-20 is 3659 days before the document date "
        "2014-08-27; update the figures or check the date (more than 60 days)",
    ]


def test_five_independent_mistakes_in_one_file_give_five_errors(data_copy: Path, monkeypatch):
    edition = data_copy / EDITION
    replace_in(edition, "distribution: General", "distribuion: General")                  # unknown key
    replace_in(edition, "job_number: null", "job_number: 04-3965")                        # malformed value
    replace_in(edition, "provisional_agenda: A/59/150", "provisional_agenda: A/58/150")   # wrong session
    replace_in(edition, "Refugees and the", "Refugees, Libya and the")                    # name not in force
    replace_in(edition, "{{ signatories|count|number }}", "{{ signatory|count|number }}") # unknown data
    monkeypatch.chdir(data_copy.parent)
    problems = problems_of(Path("data"))
    assert [p.split(": error: ")[0] for p in problems] == [
        "data/sessions/59/cmw-status.yaml:9:1", "data/sessions/59/cmw-status.yaml:11:13",
        "data/sessions/59/cmw-status.yaml:16:23", "data/sessions/59/cmw-status.yaml:41:54",
        "data/sessions/59/cmw-status.yaml:55:10"]
    assert all(": error: " in p for p in problems)


def test_a_misspelled_key_is_one_error_and_the_other_checks_go_on(data_copy: Path, monkeypatch):
    """'as_att' for 'as_at': one error at the key with the key meant (no 'missing key as_at'
    beside it), and the file's other mistakes are still found in the same run."""
    edition = data_copy / EDITION
    replace_in(edition, "as_at: 2004-08-20", "as_att: 2004-08-20")
    replace_in(edition, '  title: "Human rights', '  titel: "Human rights')
    replace_in(edition, "{{ signatories|count|number }}", "{{ signatory|count|number }}")
    monkeypatch.chdir(data_copy.parent)
    problems = problems_of(Path("data"))
    assert problems[:2] == ["data/sessions/59/cmw-status.yaml:8:1: error: unknown key 'as_att' (did you mean 'as_at'?)",
                            "data/sessions/59/cmw-status.yaml:15:3: error: unknown key 'titel' (did you mean 'title'?)"]
    assert [p.split(": error: ")[0] for p in problems] == [
        "data/sessions/59/cmw-status.yaml:8:1", "data/sessions/59/cmw-status.yaml:15:3",
        "data/sessions/59/cmw-status.yaml:55:10"]


def test_a_broken_edition_still_has_its_reference_data_checked(data_copy: Path, monkeypatch):
    replace_in(data_copy / EDITION, "date: 2004-08-27", "date: 2004-02-30")  # the edition cannot be built
    replace_in(data_copy / "reference/cmw-committee.yaml", "nationality: Mexico\n    elected_on: 2003-12-11",
               "nationality: Mexco\n    elected_on: 2003-12-11")
    monkeypatch.chdir(data_copy.parent)
    assert [p.split(": error: ")[0] for p in problems_of(Path("data"))] == [
        "data/reference/cmw-committee.yaml:12:18", "data/sessions/59/cmw-status.yaml:7:7"]


# Random damage: whatever an editor's slip does to a file, the outcome is located problems
# or a valid build, never an exception.

DAMAGE = st.tuples(
    st.sampled_from([EDITION, "reference/cmw-ledger.yaml", "reference/cmw-committee.yaml", "series/cmw-status.yaml"]),
    st.floats(0, 1, exclude_max=True),
    st.sampled_from(["delete line", "duplicate line", "insert", "replace"]),
    st.sampled_from([":", " ", "  ", "\t", "-", "- ", "{{", "}}", "[", "]", "'", '"', "#", "x", "9", "[^n]",
                     "{%", "*", "&", "!", "|", ">", "\n", "2004-02-30", "Libya", "null", "Mexco", "~"]),
)


def damaged(text: str, where: float, how: str, piece: str) -> str:
    lines = text.split("\n")
    index = int(where * len(lines))
    line = lines[index]
    if how == "delete line":
        del lines[index]
    elif how == "duplicate line":
        lines.insert(index, line)
    else:
        column = int(where * 997) % (len(line) + 1)
        end = column + (1 if how == "replace" else 0)
        lines[index] = line[:column] + piece + line[end:]
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DAMAGE, min_size=1, max_size=3))
def test_random_damage_never_raises(damages):
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        shutil.copytree(DATA, data)
        for file, where, how, piece in damages:
            path = data / file
            path.write_text(damaged(path.read_text(encoding="utf-8"), where, how, piece), encoding="utf-8")
        try:
            inputs = load_session(data, 59)
        except InputError as exc:
            assert exc.problems
            return
        problems = validate(inputs)
        assert all(p.location.line >= 1 for p in problems if p.location.path.endswith((".yaml", ".csv")))
        if not any(p.severity == "error" for p in problems):
            for edition in inputs.editions:
                canonical_text(compose(inputs, edition))


def test_misspelt_state_names_in_text_are_warnings_at_their_word(data_copy: Path, monkeypatch):
    replace_in(data_copy / EDITION, "representatives of several non-governmental",
               "representatives of Belguim and Morroco, the Libyan Arab Jamahirya and several non-governmental")
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data")) == [
        "data/sessions/59/cmw-status.yaml:43:54: warning: 'Belguim' looks like a misspelt State name: "
        "did you mean 'Belgium'? (write the UN short name, or ignore this warning)",
        "data/sessions/59/cmw-status.yaml:43:66: warning: 'Morroco' looks like a misspelt State name: "
        "did you mean 'Morocco'? (write the UN short name, or ignore this warning)",
        "data/sessions/59/cmw-status.yaml:43:79: warning: 'Libyan Arab Jamahirya' looks like a misspelt State "
        "name: did you mean 'Libyan Arab Jamahiriya'? (write the UN short name, or ignore this warning)",
    ]


def test_correct_state_names_and_ordinary_words_are_not_flagged(data_copy: Path, monkeypatch):
    replace_in(data_copy / EDITION, "representatives of several non-governmental",
               "representatives of Niger, Nigeria, Guinea-Bissau, the Member States of the Americas, Geneva "
               "and several non-governmental")
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data")) == []


def final_sixty(data_dir: Path) -> Path:
    """Session 60 given its symbol and agenda item: a final report, while 59 is still a draft."""
    sixty = data_dir / "sessions" / "60" / "cmw-status.yaml"
    replace_in(sixty, "symbol: null", "symbol: A/60/300")
    replace_in(sixty, "  todo: ", "  # todo: ")
    replace_in(sixty, "  item: null\n  sub_item: null", "  item: 71\n  sub_item: a")
    return sixty


def test_final_report_must_not_cite_a_draft_predecessor(data_copy: Path, monkeypatch):
    """Session 60 with a symbol cites 59 'Since the previous report ({{ previous.symbol }})', but 59 has none."""
    final_sixty(data_copy)
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data"), 60) == [
        "data/sessions/60/cmw-status.yaml:58:16: error: this report has its symbol, but it cites the previous "
        "report (session 59), which has none yet and would print 'A/59/...'; give "
        "data/sessions/59/cmw-status.yaml its symbol first"]
    replace_in(data_copy / EDITION, "symbol: null", "symbol: A/59/312")
    assert problems_of(Path("data"), 60) == []


def test_a_weekend_document_date_is_a_warning(data_copy: Path, monkeypatch):
    """new-edition moves dates on a year, which often lands on a weekend: the drafter is told."""
    replace_in(data_copy / EDITION, "date: 2004-08-27", "date: 2004-08-28")
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data")) == [
        "data/sessions/59/cmw-status.yaml:7:7: warning: 28 August 2004 is a Saturday; date the document on a "
        "working day"]


def test_a_key_indented_too_little_is_told_where_it_belongs(data_copy: Path, monkeypatch):
    replace_in(data_copy / EDITION, "  provisional_agenda: A/59/150", "provisional_agenda: A/59/150")
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data")) == [
        "data/sessions/59/cmw-status.yaml:16:1: error: unknown key 'provisional_agenda' here; it belongs under "
        "'agenda:' (indent it below that key)"]


def test_a_filter_given_the_wrong_kind_of_data_says_so_in_a_drafters_words(data_copy: Path, monkeypatch):
    replace_in(data_copy / EDITION, "As at {{ as_at|date }}", "As at {{ as_at|number }}")
    monkeypatch.chdir(data_copy.parent)
    assert problems_of(Path("data")) == [
        "data/sessions/59/cmw-status.yaml:53:22: error: the filter 'number' cannot take a date; see 'Writing "
        "paragraphs' in README for what each filter takes"]


def test_final_report_citing_a_draft_predecessor_is_caught_however_it_is_written(data_copy: Path, monkeypatch):
    sixty = final_sixty(data_copy)
    replace_in(sixty, "({{ previous.symbol }})", "({{ previous['symbol'] }})")
    monkeypatch.chdir(data_copy.parent)
    [problem] = problems_of(Path("data"), 60)
    assert "cites the previous report (session 59), which has none yet and would print 'A/59/...'" in problem
