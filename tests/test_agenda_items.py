"""A report issued under several agenda items ("Items 60 (a) and 117 of the provisional
agenda*", A/61/318): `agenda:` as a list prints one agenda line and each item's title, in every
format and language; validation locates what is wrong in one item; a new edition leaves every
item to fill in."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

import shutil

from conftest import FULL_DATA, assert_in_order, build, pdftotext, replace_in
from docxtext import body_blocks
from pipeline.cli import main
from pipeline.inputs.load import load_session
from pipeline.inputs.problems import InputError
from pipeline.validate import validate

EDITION = Path("sessions/59/cmw-status.yaml")
ONE_ITEM = """agenda:
  item: 107
  sub_item: a
  title: "Human rights questions: implementation of human rights instruments"
  provisional_agenda: A/59/150
"""
TWO_ITEMS = """agenda:
  - item: 107
    sub_item: a
    title: "Human rights questions: implementation of human rights instruments"
    provisional_agenda: A/59/150
  - item: 117
    title: Human resources management
"""


def two_items(data: Path) -> Path:
    """The session 59 edition, issued under two agenda items."""
    replace_in(data / EDITION, ONE_ITEM, TWO_ITEMS)
    return data


def problems_of(data: Path, session: int = 59) -> list[str]:
    try:
        return [str(p) for p in validate(load_session(data, session)) if p.severity == "error"]
    except InputError as exc:
        return [str(p) for p in exc.problems]


def test_the_masthead_names_every_item_in_every_format(data_copy, tmp_path):
    files = build(two_items(data_copy), tmp_path / "out")
    expected = ["Items 107 (a) and 117 of the provisional agenda*",
                "Human rights questions: implementation of human rights instruments",
                "Human resources management", "Status of the International Convention"]
    text = files["txt"].read_text(encoding="utf-8")
    assert_in_order(text, ["agenda item: " + expected[0], "agenda title: " + expected[1],
                           "agenda title: " + expected[2]])
    assert_in_order(" ".join(pdftotext(files["pdf"]).split()), expected)
    assert_in_order("\n".join(body_blocks(files["docx"])), expected)
    assert text.count("masthead note *: A/59/150.") == 1


def test_the_french_version_translates_each_title(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    two_items(data)
    for code in ("es", "ru", "zh", "ar"):  # their single titles are the next test's error
        (data / f"sessions/59/cmw-status.{code}.yaml").unlink()
    french = data / "sessions/59/cmw-status.fr.yaml"
    title = yaml.safe_load(french.read_text(encoding="utf-8"))["agenda_title"]
    replace_in(french, f'agenda_title: "{title}"\n',
               f'agenda_title:\n  - "{title}"\n  - Gestion des ressources humaines\n')
    files = build(data, tmp_path / "out", formats=("txt",), language="fr")
    printed = files["txt"].read_text(encoding="utf-8").replace("\u00a0", " ")  # French spacing
    assert_in_order(printed, ["Points 107 a) et 117 de l’ordre du jour provisoire",
                              "agenda title: " + title.replace("\u00a0", " "), "agenda title: Gestion des ressources humaines"])


def test_a_translation_with_too_few_titles_is_a_located_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    two_items(data)
    errors = problems_of(data)
    assert any("cmw-status.fr.yaml" in e and "1 agenda title(s) for an edition issued under 2 agenda item(s)" in e
               for e in errors), errors


def test_an_empty_title_in_a_translations_list_is_one_error_at_it(tmp_path):
    """Not also 'must be text, not a list': the list form took the value in."""
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    two_items(data)
    french = data / "sessions" / "59" / "cmw-status.fr.yaml"
    text = french.read_text(encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), start=1) if l.startswith("agenda_title:"))
    replace_in(french, text.splitlines()[line - 1], 'agenda_title: ["Questions relatives", ~]')
    errors = [e for e in problems_of(data) if "cmw-status.fr.yaml" in e]
    assert len(errors) == 1 and f":{line}:" in errors[0] and "'agenda_title[1]': an empty item" in errors[0], errors


def test_two_provisional_agendas_are_an_error(data_copy):
    replace_in(two_items(data_copy) / EDITION, "    title: Human resources management\n",
               "    title: Human resources management\n    provisional_agenda: A/59/151\n")
    errors = problems_of(data_copy)
    assert any("cmw-status.yaml:" in e and "different provisional agendas (A/59/150 and A/59/151)" in e
               for e in errors), errors


def test_the_list_given_on_a_later_item_only_is_an_error(data_copy):
    """Attack 4 row 12: the item line names every item on the list ('Items 107 (a) and 117 of the
    provisional agenda*'), so the list is given on the first item."""
    replace_in(two_items(data_copy) / EDITION, "    provisional_agenda: A/59/150\n", "")
    replace_in(data_copy / EDITION, "    title: Human resources management\n",
               "    title: Human resources management\n    provisional_agenda: A/59/150\n")
    errors = problems_of(data_copy)
    assert any("cmw-status.yaml:" in e and "give the provisional agenda on the first item, 107 (a)" in e
               for e in errors), errors


def test_a_wrong_symbol_in_the_second_item_is_located_there(data_copy):
    replace_in(two_items(data_copy) / EDITION, "    provisional_agenda: A/59/150\n", "")
    replace_in(data_copy / EDITION, "    title: Human resources management\n",
               "    title: Human resources management\n    provisional_agenda: A/58/150\n")
    text = (data_copy / EDITION).read_text(encoding="utf-8").splitlines()
    line = next(i for i, l in enumerate(text, start=1) if "A/58/150" in l)
    errors = problems_of(data_copy)
    assert any(f"cmw-status.yaml:{line}:" in e and "belongs to session 58" in e for e in errors), errors


def test_a_new_edition_leaves_every_item_to_fill_in(data_copy):
    shutil.rmtree(data_copy / "sessions" / "60")
    two_items(data_copy)
    result = CliRunner().invoke(main, ["new-edition", "59", "60", "--data", str(data_copy)])
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load((data_copy / "sessions/60/cmw-status.yaml").read_text(encoding="utf-8"))
    assert [item["item"] for item in drafted["agenda"]] == [None, None]
    assert all(item["todo"] for item in drafted["agenda"])
    assert [item["title"] for item in drafted["agenda"]][1] == "Human resources management"


def test_a_new_edition_of_a_report_under_no_agenda_item(data_copy):
    shutil.rmtree(data_copy / "sessions" / "60")
    replace_in(data_copy / EDITION, ONE_ITEM, "")
    result = CliRunner().invoke(main, ["new-edition", "59", "60", "--data", str(data_copy)])
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load((data_copy / "sessions/60/cmw-status.yaml").read_text(encoding="utf-8"))
    assert "agenda" not in drafted and drafted["session"] == 60


def test_an_empty_list_of_agenda_items_is_located_at_agenda(data_copy):
    replace_in(data_copy / EDITION, ONE_ITEM, "agenda: []\n")
    errors = problems_of(data_copy)
    assert any("cmw-status.yaml:12:9:" in e and "'agenda': must have at least 1 item(s)" in e for e in errors), errors


def test_the_same_item_twice_is_a_located_error(data_copy):
    replace_in(data_copy / EDITION, ONE_ITEM, TWO_ITEMS.replace("  - item: 117\n", "  - item: 107\n    sub_item: a\n"))
    lines = (data_copy / EDITION).read_text(encoding="utf-8").splitlines()
    line = [i for i, l in enumerate(lines, start=1) if "item: 107" in l][1]
    errors = problems_of(data_copy)
    assert any(f"cmw-status.yaml:{line}:" in e and "agenda item 107 (a) is named twice" in e for e in errors), errors


# A report issued before the provisional agenda cites the preliminary list (A/66/96 of 24 June
# 2011: "Item 110 of the preliminary list*", "* A/66/50.").
PRELIMINARY = ONE_ITEM.replace("provisional_agenda: A/59/150", "preliminary_list: A/59/50")


def test_a_report_on_the_preliminary_list_prints_it_in_every_format(data_copy, tmp_path):
    replace_in(data_copy / EDITION, ONE_ITEM, PRELIMINARY)
    assert problems_of(data_copy) == []
    files = build(data_copy, tmp_path / "out")
    expected = ["Item 107 (a) of the preliminary list*", "Human rights questions: implementation of human rights"]
    text = files["txt"].read_text(encoding="utf-8")
    assert "agenda item: " + expected[0] in text and "masthead note *: A/59/50." in text
    assert "provisional agenda" not in text
    assert_in_order(" ".join(pdftotext(files["pdf"]).split()), expected + ["* A/59/50."])
    assert_in_order("\n".join(body_blocks(files["docx"])), expected)


def test_the_french_version_names_the_preliminary_list(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    replace_in(data / EDITION, ONE_ITEM, PRELIMINARY)
    files = build(data, tmp_path / "out", language="fr")
    assert "Point 107 a) de la liste préliminaire*" in " ".join(pdftotext(files["pdf"]).split())


def test_a_preliminary_list_and_a_provisional_agenda_together_are_an_error(data_copy):
    replace_in(data_copy / EDITION, ONE_ITEM, ONE_ITEM + "  preliminary_list: A/59/50\n")
    errors = problems_of(data_copy)
    assert len(errors) == 1 and "names both a preliminary list and a provisional agenda" in errors[0], errors


def test_a_preliminary_list_of_another_session_is_located(data_copy):
    replace_in(data_copy / EDITION, ONE_ITEM, PRELIMINARY.replace("A/59/50", "A/58/50"))
    errors = problems_of(data_copy)
    assert len(errors) == 1 and "'A/58/50' belongs to session 58" in errors[0], errors


def test_a_new_edition_goes_back_to_the_provisional_agenda(data_copy):
    shutil.rmtree(data_copy / "sessions" / "60")
    replace_in(data_copy / EDITION, ONE_ITEM, PRELIMINARY)
    result = CliRunner().invoke(main, ["new-edition", "59", "60", "--data", str(data_copy)])
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load((data_copy / "sessions/60/cmw-status.yaml").read_text(encoding="utf-8"))
    assert "preliminary_list" not in drafted["agenda"] and drafted["agenda"]["provisional_agenda"] is None
