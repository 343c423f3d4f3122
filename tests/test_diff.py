"""The text diff: blocks aligned by name and in order, word-level edits, summary and unified form."""

from __future__ import annotations

import pytest

from pipeline.compare.textdiff import diff_texts, report, summary, unified, word_edits
from pipeline.writers.text import canonical_text
from scratch60 import compose_edition, scratch_data

PARAGRAPHS = [f"¶{n} Paragraph number {n} says something different about topic {n}." for n in range(1, 5)]
HEADER = ["draft: no", "symbol: A/59/312", "date: 27 August 2004", ""]
TABLE = ["[table members]", "  head: Name | Country", "  row: Ana | Chile", "  row: Ben | Peru", "  row: Carl | Togo"]


def text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def canonical_59_60(tmp_path_factory) -> tuple[str, str]:
    data = scratch_data(tmp_path_factory.mktemp("scratch"))
    return canonical_text(compose_edition(data, 59)), canonical_text(compose_edition(data, 60))


def test_equal_texts_have_no_differences():
    same = text(*HEADER, *PARAGRAPHS)
    diff = diff_texts(same, same, "a", "b")
    assert not diff.differs
    assert summary(diff) == "a -> b: no differences\n"
    assert unified(diff) == ""


def test_editions_59_and_60_summary_names_the_changed_blocks(canonical_59_60):
    a, b = canonical_59_60
    diff = diff_texts(a, b, "59/cmw-status", "60/cmw-status")
    changed = {c.name: c.kind for c in diff.changes if c.kind != "equal"}
    assert changed == {"symbol": "changed", "date": "changed", "session": "changed",
                       "masthead note *": "changed", "paragraph 5": "changed"}
    shown = summary(diff)
    assert '  date changed: "27 August 2004" -> "15 August 2005"' in shown
    assert "paragraph 5 changed:" in shown
    assert '"20 August 2004" -> "1 August 2005"' in shown and '"26" -> "30"' in shown
    added = " ".join(shown.split("    added:")[1].split("    removed:")[0].split())  # unwrapped
    assert all(f'"{state}"' in added for state in ("Algeria", "Syrian Arab Republic", "Turkey", "Peru", "Cambodia"))
    assert '"Chile" -> "Cambodia"' not in shown  # names a list lost and gained are not "replaced"
    assert "unchanged: paragraphs 1-4, 6-12" in shown
    assert shown.startswith("59/cmw-status -> 60/cmw-status: 4 masthead fields, 1 paragraph differ\n")


def test_renumbered_paragraphs_are_not_counted_as_differing(canonical_59_60):
    a, b = canonical_59_60
    b = b.replace("\n¶5 ", "\n¶5 New paragraph.\n¶6 ").replace("¶12 ", "¶13 ")
    b = "\n".join(line if not line.startswith(("¶6 In", "¶7 ", "¶8 ", "¶9 ", "¶10 ", "¶11 "))
                  else "¶" + str(int(line[1:].split()[0]) + 1) + " " + line.split(" ", 1)[1] for line in b.splitlines())
    headline = summary(diff_texts(a, b, "a", "b")).splitlines()[0]
    assert headline.endswith("2 paragraphs differ; 7 renumbered, text unchanged"), headline


def test_unified_diff_hunks_are_named_blocks(canonical_59_60):
    a, b = canonical_59_60
    lines = unified(diff_texts(a, b, "59/cmw-status", "60/cmw-status")).splitlines()
    assert lines[:2] == ["--- 59/cmw-status", "+++ 60/cmw-status"]
    hunk = lines.index("@@ paragraph 5 changed @@")
    assert lines[hunk + 1].startswith("-¶5 As at 20 August 2004")
    assert lines[hunk + 2].startswith("+¶5 As at 1 August 2005")
    assert not any(line.startswith(("-¶4", "+¶4", "-¶6", "+¶6")) for line in lines)


def test_an_inserted_paragraph_is_added_and_the_rest_renumbered_not_changed():
    inserted = "¶3 A wholly new paragraph about the budget of the Committee."
    later = [p.replace(f"¶{n}", f"¶{n + 1}") for n, p in enumerate(PARAGRAPHS[2:], start=3)]
    diff = diff_texts(text(*HEADER, *PARAGRAPHS), text(*HEADER, *PARAGRAPHS[:2], inserted, *later))
    kinds = [(c.kind, c.name) for c in diff.changes if c.kind != "equal"]
    assert kinds == [("added", "paragraph 3"), ("renumbered", "paragraph 4"), ("renumbered", "paragraph 5")]
    assert "  paragraphs 3-4 are now 4-5 (text unchanged)\n" in summary(diff)
    assert unified(diff).splitlines()[2:] == ["@@ paragraph 3 added @@", "+" + inserted,
                                             "@@ paragraphs 3-4 are now 4-5 (text unchanged) @@"]


def test_table_rows_added_removed_and_changed():
    b_table = ["[table members]", "  head: Name | Country", "  row: Ana | Chile", "  row: Carl | Tonga", "  row: Dora | Mali"]
    diff = diff_texts(text(*HEADER, *TABLE), text(*HEADER, *b_table))
    kinds = [(c.kind, c.block.text) for c in diff.changes if c.kind != "equal"]
    assert kinds == [("removed", "Ben | Peru"), ("changed", "Carl | Tonga"), ("added", "Dora | Mali")]
    shown = report(diff)
    assert '  table members row removed: "Ben | Peru"' in shown
    assert '  table members row changed: "Carl | Togo" -> "Carl | Tonga"' in shown
    assert '  table members row added: "Dora | Mali"' in shown


def test_a_masthead_field_only_one_side_has():
    diff = diff_texts(text(*HEADER), text(*HEADER[:2], "job number: 04-48573 (E)", *HEADER[2:]))
    assert [(c.kind, c.name) for c in diff.changes if c.kind != "equal"] == [("added", "job number")]


def test_word_edits_read_as_phrases():
    edits = word_edits("As at 20 August 2004, the following 26 States: Chile and Peru.",
                       "As at 1 August 2005, the following 30 States: Algeria, Chile and Peru.")
    assert [(e.removed, e.added) for e in edits] == [("20 August 2004", "1 August 2005"), ("26", "30"), ("", " Algeria,")]


def test_contents_entries_are_counted_as_such_not_as_table_rows():
    """The stress test's diff said '17 table rows' for 17 changed contents entries."""
    a = "[contents] Contents\n  entry: I. Introduction | 1-4\n  entry: II. Status | 5-9\n[chapter] I. Introduction\n¶1 One.\n"
    b = "[contents] Contents\n  entry: I. Introduction | 1-5\n  entry: II. Status | 6-9\n[chapter] I. Introduction\n¶1 One.\n"
    shown = summary(diff_texts(a, b))
    assert "2 contents entries differ" in shown and "table row" not in shown, shown


# ---- a label the masthead repeats (attack 4 row 3): paired in order, each one compared

TWO_ITEMS = ["draft: no", "symbol: E/2019/68", "agenda item: Agenda items 5 (a) and 6",
             "agenda title: High-level segment: ministerial meeting of the forum",
             "agenda title: High-level political forum on sustainable development", ""]


def test_a_change_to_the_first_of_two_agenda_titles_is_seen():
    changed = [line.replace("ministerial meeting", "LOW-level meeting") for line in TWO_ITEMS]
    diff = diff_texts(text(*TWO_ITEMS, *PARAGRAPHS), text(*changed, *PARAGRAPHS), "a", "b")
    assert diff.differs
    assert {c.name: c.kind for c in diff.changes if c.kind != "equal"} == {"agenda title 1": "changed"}
    assert summary(diff).startswith("a -> b: 1 masthead field differs\n  agenda title 1 changed:")


def test_repeated_labels_unchanged_are_no_difference():
    same = text(*TWO_ITEMS, *PARAGRAPHS)
    assert summary(diff_texts(same, same, "a", "b")) == "a -> b: no differences\n"


def test_every_repeated_label_added_is_counted():
    """A Security Council report (no agenda) against a Council report of two agenda items."""
    none = [line for line in TWO_ITEMS if not line.startswith("agenda")]
    diff = diff_texts(text(*none, *PARAGRAPHS), text(*TWO_ITEMS, *PARAGRAPHS), "sc", "eco")
    added = [c.name for c in diff.changes if c.kind == "added"]
    assert added == ["agenda item", "agenda title 1", "agenda title 2"]
    assert summary(diff).startswith("sc -> eco: 3 masthead fields differ\n")
    removed = diff_texts(text(*TWO_ITEMS, *PARAGRAPHS), text(*none, *PARAGRAPHS), "eco", "sc")
    assert [c.name for c in removed.changes if c.kind == "removed"] == ["agenda item", "agenda title 1", "agenda title 2"]


def test_one_agenda_title_against_two_pairs_the_first_and_adds_the_second():
    one = TWO_ITEMS[:4] + [""]
    diff = diff_texts(text(*one, *PARAGRAPHS), text(*TWO_ITEMS, *PARAGRAPHS), "a", "b")
    assert {c.name: c.kind for c in diff.changes if c.kind != "equal"} == {"agenda title 2": "added"}


@pytest.mark.parametrize("label", ["masthead note *", "session", "session dates"])
def test_other_repeated_masthead_labels_pair_in_order(label):
    a = ["draft: no", "symbol: A/59/312", f"{label}: first text", f"{label}: second text", ""]
    b = [a[0], a[1], f"{label}: first text changed", a[3], ""]
    diff = diff_texts(text(*a, *PARAGRAPHS), text(*b, *PARAGRAPHS), "a", "b")
    assert {c.name: c.kind for c in diff.changes if c.kind != "equal"} == {f"{label} 1": "changed"}
