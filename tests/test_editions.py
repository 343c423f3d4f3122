"""`unreport new-edition`: drafting session TO's editions from session FROM's."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import build, pdftotext, replace_in
from pipeline.cli import main
from pipeline.drafting.new_edition import years_later
from pipeline.inputs.sources import load_yaml

PARTIES_2005 = ["Algeria", "Azerbaijan", "Belize", "Bolivia", "Bosnia and Herzegovina", "Burkina Faso", "Cape Verde",
                "Chile", "Colombia", "Ecuador", "Egypt", "El Salvador", "Ghana", "Guatemala", "Guinea", "Kyrgyzstan",
                "Libyan Arab Jamahiriya", "Mali", "Mexico", "Morocco", "Philippines", "Senegal", "Seychelles",
                "Sri Lanka", "Syrian Arab Republic", "Tajikistan", "Timor-Leste", "Turkey", "Uganda", "Uruguay"]
SIGNATORIES_2005 = ["Argentina", "Bangladesh", "Cambodia", "Comoros", "Gabon", "Guinea-Bissau", "Indonesia", "Lesotho",
                    "Liberia", "Paraguay", "Peru", "Sao Tome and Principe", "Serbia and Montenegro", "Sierra Leone",
                    "Togo"]
NEW_PARTIES_2005 = ["Algeria", "Chile", "Syrian Arab Republic", "Turkey"]
CHANGE_PARAGRAPH = """  - paragraph: >-
      Since the previous report ({{ previous.symbol }}), {{ changes.new_parties|counted_list("ratified or
      acceded to the Convention") }}. During the same period, {{ changes.new_signatories|counted_list("signed
      the Convention") }}.
"""


@pytest.fixture
def data_dir(data_copy: Path) -> Path:
    """A scratch copy of data/ as it was before session 60 was drafted."""
    shutil.rmtree(data_copy / "sessions" / "60", ignore_errors=True)
    return data_copy


def new_edition(data_dir: Path, *args: str):
    return CliRunner().invoke(main, ["new-edition", *args, "--data", str(data_dir)])


def edition_file(data_dir: Path, session: int) -> Path:
    return data_dir / "sessions" / str(session) / "cmw-status.yaml"


def paragraphs(text: str) -> dict[int, str]:
    """Canonical text -> paragraph number -> text."""
    return {int(m[1]): m[2] for m in re.finditer(r"^¶(\d+) (.*)$", text, re.M)}


def listed(paragraph: str, lead: str) -> str:
    """The list a paragraph prints after `lead ...:`, up to its full stop."""
    found = re.search(re.escape(lead) + r"[^:]*: (.+?)\.(?: |$)", paragraph)
    assert found, f"{lead!r} not in {paragraph!r}"
    return found[1]


def un_list(names: list[str]) -> str:
    """'A, B and C', as the UN joins a list."""
    return ", ".join(names[:-1]) + " and " + names[-1]


def test_new_edition_changes_the_session_facts_and_keeps_the_rest(data_dir):
    result = new_edition(data_dir, "59", "60")
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout and "warning: agenda.todo" in result.stderr
    old, new = load_yaml(edition_file(data_dir, 59)), load_yaml(edition_file(data_dir, 60))
    assert (new["session"], new["previous"], new["symbol"], new["job_number"]) == (60, 59, None, None)
    # a year on, same day; 27 August 2005 is a Saturday, so the document date is the Friday before
    assert (new["date"], new["as_at"]) == (dt.date(2005, 8, 26), dt.date(2005, 8, 20))
    assert new["agenda"]["todo"].startswith("fill in item, sub_item and provisional_agenda")
    assert (new["agenda"]["item"], new["agenda"]["sub_item"], new["agenda"]["provisional_agenda"]) == (None, None, None)
    assert new["agenda"]["title"] == old["agenda"]["title"]
    status = 5  # the paragraph that lists the parties; the series' change paragraph follows it
    assert new["body"][:status + 1] + new["body"][status + 2:] == old["body"]
    assert "changes.new_parties" in new["body"][status + 1]["paragraph"]
    text = edition_file(data_dir, 60).read_text(encoding="utf-8")
    assert text.startswith("# Session 60 (2005) edition of the CMW status report.\n# Drafted from the session 59")
    assert "symbol: null            # not yet assigned: the edition renders as a draft" in text
    old_body = edition_file(data_dir, 59).read_text(encoding="utf-8").split("\nbody:\n")[1]
    added = ("  # Added by new-edition (the series' change_paragraph): what changed since the previous report.\n"
             + CHANGE_PARAGRAPH)
    new_body = text.split("\nbody:\n")[1]
    assert new_body.replace(added, "") == old_body  # paragraphs carried over to the letter, folding and all
    assert new_body.index(added) > new_body.index("{{ signatories|states }}")


def test_drafted_edition_builds_with_the_2005_parties_and_signatories(data_dir, tmp_path):
    result = new_edition(data_dir, "59", "60", "--as-at", "2005-08-01", "--date", "2005-08-26")
    assert result.exit_code == 0, result.output
    files = build(data_dir, tmp_path / "out", session=60, formats=("html", "txt", "pdf"))
    paragraph_5 = paragraphs(files["txt"].read_text(encoding="utf-8"))[5]
    assert paragraph_5.startswith("As at 1 August 2005, the Convention had been ratified by the following 30 States:")
    assert listed(paragraph_5, "ratified by the following") == un_list(PARTIES_2005)
    assert listed(paragraph_5, "have signed the Convention") == un_list(SIGNATORIES_2005)
    pdf = re.sub(r"\s+", " ", pdftotext(files["pdf"]))
    assert "the following 30 States: Algeria, Azerbaijan," in pdf and "Turkey, Uganda and Uruguay." in pdf


def test_drafted_edition_reports_the_changes_since_the_previous_report(data_dir, tmp_path):
    """The series' change paragraph, added by new-edition after the status paragraph."""
    new_edition(data_dir, "59", "60", "--as-at", "2005-08-01", "--date", "2005-08-26")
    text = build(data_dir, tmp_path / "out", session=60, formats=("html", "txt"))["txt"].read_text(encoding="utf-8")
    change = paragraphs(text)[6]
    assert change.startswith("Since the previous report (A/59/...), the following four States have ratified or "
                             "acceded to the Convention: Algeria, Chile, Syrian Arab Republic and Turkey.")
    assert "During the same period, the following seven States have signed the Convention: Cambodia, Gabon, " \
           "Indonesia, Lesotho, Liberia, Peru and Serbia and Montenegro." in change


def test_refuses_to_overwrite_an_existing_edition_unless_forced(data_dir):
    assert new_edition(data_dir, "59", "60").exit_code == 0
    replace_in(edition_file(data_dir, 60), "    paragraph: >-\n      By its", "    paragraph: >-\n      EDITED. By its")
    before = edition_file(data_dir, 60).read_text(encoding="utf-8")
    refused = new_edition(data_dir, "59", "60")
    assert refused.exit_code == 2
    assert refused.stderr.strip().splitlines() == [
        f"error: {edition_file(data_dir, 60)} already exists; use --force to overwrite it"]
    assert edition_file(data_dir, 60).read_text(encoding="utf-8") == before
    forced = new_edition(data_dir, "59", "60", "--force")
    assert forced.exit_code == 0 and "EDITED" not in edition_file(data_dir, 60).read_text(encoding="utf-8")


def test_the_change_paragraph_is_added_once(data_dir):
    assert new_edition(data_dir, "59", "60").exit_code == 0
    assert new_edition(data_dir, "60", "61").exit_code == 0
    assert edition_file(data_dir, 61).read_text(encoding="utf-8").count("changes.new_parties") == 1


def test_keep_existing_leaves_an_edition_as_it_is_and_succeeds(data_dir):
    """What `make edition` does without FORCE=1: running it again never loses the drafter's work."""
    assert new_edition(data_dir, "59", "60").exit_code == 0
    replace_in(edition_file(data_dir, 60), "    paragraph: >-\n      By its", "    paragraph: >-\n      EDITED. By its")
    before = edition_file(data_dir, 60).read_text(encoding="utf-8")
    kept = new_edition(data_dir, "59", "60", "--keep-existing")
    assert kept.exit_code == 0
    assert kept.stdout.startswith(f"kept {edition_file(data_dir, 60)}: it already exists")
    assert edition_file(data_dir, 60).read_text(encoding="utf-8") == before


def fail_to_write(*_args):
    raise OSError(28, "No space left on device")


def test_failed_creation_leaves_nothing_behind(data_dir, monkeypatch):
    monkeypatch.setattr("pipeline.build.atomic.os.fsync", fail_to_write)
    result = new_edition(data_dir, "59", "60")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "No space left on device" in result.stderr
    assert "Traceback" not in result.output
    assert not (data_dir / "sessions" / "60").exists()
    assert not list((data_dir / "sessions").rglob("*.tmp"))


def test_failed_overwrite_keeps_the_existing_edition(data_dir, monkeypatch):
    assert new_edition(data_dir, "59", "60").exit_code == 0
    before = edition_file(data_dir, 60).read_text(encoding="utf-8")
    monkeypatch.setattr("pipeline.build.atomic.os.fsync", fail_to_write)
    assert new_edition(data_dir, "59", "60", "--force", "--date", "2005-08-26").exit_code == 2
    assert edition_file(data_dir, 60).read_text(encoding="utf-8") == before
    assert [p.name for p in (data_dir / "sessions" / "60").iterdir()] == ["cmw-status.yaml"]


@pytest.mark.parametrize("args, message", [
    (["58", "60"], "no editions for session 58 in "),
    (["59", "sixty"], "session must be a number from 1 to 999 or a year from 1940 to 2099, not 'sixty'"),
    (["59", "59"], "the new session (59) must come after the session it is drafted from (59)"),
    (["59", "60", "--date", "2005-02-30"], "--date: '2005-02-30' is not a real date (write YYYY-MM-DD)"),
    (["59", "60", "--as-at", "1 August 2005"], "--as-at: '1 August 2005' is not a real date (write YYYY-MM-DD)"),
    (["59", "60", "--as-at", "2005-09-01", "--date", "2005-08-26"],
     "the as-at date 2005-09-01 is after the document date 2005-08-26"),
    (["59", "60", "--series", "cmw-stats"], "session 59 has no 'cmw-stats' edition (it has: cmw-status)"),
    (["59", "60", "--as-at", "2004-08-19"], "the as-at date 2004-08-19 is earlier than that of the edition it "
     "follows (session 59's cmw-status, as at 2004-08-20): its figures would go back in time and its "
     "'changes since the previous report' would be false; give --as-at 2004-08-20 or later (or --force to draft "
     "it all the same)"),
])
def test_bad_requests_give_one_line_and_write_nothing(data_dir, args, message):
    result = new_edition(data_dir, *args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
    assert not (data_dir / "sessions" / "60").exists()


def test_an_as_at_before_the_previous_editions_is_drafted_only_when_forced(data_dir):
    result = new_edition(data_dir, "59", "60", "--as-at", "2004-08-19", "--force")
    assert result.exit_code == 0, result.stderr
    assert "as_at: 2004-08-19" in edition_file(data_dir, 60).read_text(encoding="utf-8")


def test_source_edition_that_does_not_load_is_reported_where_it_is_wrong(data_dir):
    replace_in(edition_file(data_dir, 59), "date: 2004-08-27", "date: 2004-08-32")
    result = new_edition(data_dir, "59", "60")
    assert result.exit_code == 2
    assert re.search(r"sessions/59/cmw-status.yaml:7:7: error: .*2004-08-32 is not a real date", result.stderr)
    assert not (data_dir / "sessions" / "60").exists()


@pytest.mark.parametrize("day, years, expected", [
    (dt.date(2004, 8, 27), 1, dt.date(2005, 8, 27)),
    (dt.date(2004, 8, 27), 3, dt.date(2007, 8, 27)),
    (dt.date(2004, 2, 29), 1, dt.date(2005, 2, 28)),
])
def test_default_dates_are_the_same_day_a_year_on_per_session(day, years, expected):
    assert years_later(day, years) == expected


def test_skipping_sessions_moves_dates_on_a_year_per_session(data_dir):
    assert new_edition(data_dir, "59", "62", "--series", "cmw-status").exit_code == 0
    new = load_yaml(edition_file(data_dir, 62))
    assert (new["previous"], new["date"], new["as_at"]) == (59, dt.date(2007, 8, 27), dt.date(2007, 8, 20))



def test_members_who_left_and_joined_reach_the_paragraphs_and_the_table(data_copy, tmp_path):
    """With the invented committee of tests/fixtures, two terms end in 2005 and two members join in 2006."""
    shutil.copy(Path(__file__).parent / "fixtures" / "committee-terms.yaml", data_copy / "reference" / "cmw-committee.yaml")
    assert new_edition(data_copy, "60", "61").exit_code == 0
    replace_in(edition_file(data_copy, 61), "  # Added by new-edition (the series' change_paragraph): what changed since the previous report.", """  - paragraph: >-
      {{ changes.members_left|counted_list("left the Committee", noun="member")|upper_first }};
      {{ changes.members_joined|counted_list("joined it", noun="member") }}.
  # Added by new-edition (the series' change_paragraph): what changed since the previous report.""")
    text = build(data_copy, tmp_path / "out", session=61, formats=("html", "txt"))["txt"].read_text(encoding="utf-8")
    assert paragraphs(text)[6] == ("The following two members have left the Committee: Member Alpha and Member Gamma; "
                                   "the following two members have joined it: Member Delta and Member Epsilon.")
    rows = [line for line in text.splitlines() if line.startswith("  row: ")]
    assert rows == ["  row: Member Beta | Egypt | 2007", "  row: Member Delta | Chile | 2009",
                    "  row: Member Epsilon | Libyan Arab Jamahiriya | 2009"]
