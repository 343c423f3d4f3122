"""A scratch session-60 edition for diff tests: session 59's file with the 2005 dates.

It is written into a copy of data/ (replacing any session 60 there), so the tests do not
depend on the committed session 60 and keep working when it lands.
"""

from __future__ import annotations

import shutil
from pathlib import Path

EDITS = {
    "session: 59": "session: 60",
    "date: 2004-08-27": "date: 2005-08-15",
    "as_at: 2004-08-20": "as_at: 2005-08-01",
    "provisional_agenda: A/59/150": "provisional_agenda: A/60/150",
}


def add_session_60(data_dir: Path) -> Path:
    """Write data_dir/sessions/60/cmw-status.yaml from session 59's; returns its path."""
    text = (data_dir / "sessions" / "59" / "cmw-status.yaml").read_text(encoding="utf-8")
    for old, new in EDITS.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    folder = data_dir / "sessions" / "60"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    target = folder / "cmw-status.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def scratch_data(tmp_dir: Path) -> Path:
    """A copy of data/ with the scratch session 60 in it."""
    from conftest import DATA

    data = tmp_dir / "data"
    shutil.copytree(DATA, data)
    add_session_60(data)
    return data


def compose_edition(data_dir: Path, session: int) -> str:
    """The tree of a session's one edition, composed in memory."""
    from pipeline.compose.report import compose
    from pipeline.inputs.load import load_session

    inputs = load_session(data_dir, session)
    return compose(inputs, inputs.editions[0])
