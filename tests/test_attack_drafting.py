"""Findings of attack 8 on `new-edition` (3 December): a draft written through a link to a file
outside the data folder while saying "nothing was written", a folder where the draft goes ending
in a traceback, and a draft that passes over a later edition of its series without a word."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main


def new_edition(data: Path, *args: str):
    return CliRunner().invoke(main, ["new-edition", *args, "--data", str(data)])


def test_a_link_where_the_draft_goes_is_refused_and_nothing_outside_is_written(data_copy, tmp_path):
    outside = tmp_path / "outside.txt"
    (data_copy / "sessions/65").mkdir()
    (data_copy / "sessions/65/cmw-status.yaml").symlink_to(outside)  # a link to no file yet
    result = new_edition(data_copy, "60", "65")
    assert result.exit_code == 2 and not outside.exists()
    assert "sessions/65/cmw-status.yaml is a link; new-edition writes plain files inside the data folder" in result.output
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    (data_copy / "sessions/65/cmw-status.yaml").unlink()
    (data_copy / "sessions/65/cmw-status.yaml").symlink_to(precious)
    assert new_edition(data_copy, "60", "65", "--force").exit_code == 2
    assert precious.read_text(encoding="utf-8") == "keep me"


def test_a_linked_session_folder_is_refused(data_copy, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # session 67: a session with no edition (68 has A/C.3/68/L.75 since newcomer 10)
    (data_copy / "sessions/67").symlink_to(elsewhere, target_is_directory=True)
    result = new_edition(data_copy, "60", "67")
    assert result.exit_code == 2 and "sessions/67 is a link" in result.output
    assert list(elsewhere.iterdir()) == []


def test_a_folder_where_the_draft_goes_is_one_line_even_with_force(data_copy):
    (data_copy / "sessions/63/cmw-status.yaml").mkdir(parents=True)
    result = new_edition(data_copy, "60", "63", "--force")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "sessions/63/cmw-status.yaml is a folder, where the draft's file goes" in result.output


def test_drafting_past_a_later_edition_of_the_series_says_so(data_copy):
    assert "already has an edition" not in new_edition(data_copy, "60", "61").output
    result = new_edition(data_copy, "59", "62")
    assert result.exit_code == 0, result.output
    assert ("sessions 60, 61 each already have an edition of this series, later than" in result.output
            and "draft from session 61 instead" in result.output)


def test_a_file_where_the_session_folder_goes_is_one_line(data_copy):
    """Attack 9: a file at sessions/63 ended in a FileExistsError traceback."""
    (data_copy / "sessions/63").write_text("not a folder\n", encoding="utf-8")
    result = new_edition(data_copy, "62", "63")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "sessions/63 is a file, where the session's folder goes" in result.output
