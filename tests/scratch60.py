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
