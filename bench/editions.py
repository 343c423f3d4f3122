"""A batch of editions for the benchmark, generated from the real series.

Every session from 59 (2004) to 79 (2024) gets several versions of the CMW status report:
copies of the session 59 edition under their own series (cmw-status-v01, ...), each with
its document date and as-at date moved within the session's year, so that the parties,
signatories, committee members and State names (and so the counts, the lists and the
table) differ from one edition to the next.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

FIRST_SESSION, LAST_SESSION = 59, 79  # 2004 .. 2024
SOURCE_SERIES, SOURCE_SESSION = "cmw-status", 59


def session_year(session: int) -> int:
    return 1945 + session


def edition_dates(session: int, version: int) -> tuple[dt.date, dt.date]:
    """(document date, as-at date) of one version: spread over the session's year."""
    year = session_year(session)
    date = dt.date(year, 1, 10) + dt.timedelta(days=(version * 37 + session * 11) % 340)
    return date, date - dt.timedelta(days=7 + version % 5)


def generate_batch(source: Path, target: Path, versions: int = 10) -> int:
    """Write a data folder with (LAST_SESSION - FIRST_SESSION + 1) * versions editions;
    returns how many."""
    shutil.copytree(source / "reference", target / "reference")
    (target / "series").mkdir(parents=True)
    series_text = (source / "series" / f"{SOURCE_SERIES}.yaml").read_text(encoding="utf-8")
    edition_text = (source / "sessions" / str(SOURCE_SESSION) / f"{SOURCE_SERIES}.yaml").read_text(encoding="utf-8")
    count = 0
    for version in range(1, versions + 1):
        series_id = f"{SOURCE_SERIES}-v{version:02d}"
        (target / "series" / f"{series_id}.yaml").write_text(
            _replace(series_text, f"id: {SOURCE_SERIES}\n", f"id: {series_id}\n"), encoding="utf-8")
        for session in range(FIRST_SESSION, LAST_SESSION + 1):
            date, as_at = edition_dates(session, version)
            text = edition_text
            for old, new in ((f"series: {SOURCE_SERIES}\n", f"series: {series_id}\n"),
                             (f"session: {SOURCE_SESSION}\n", f"session: {session}\n"),
                             ("date: 2004-08-27\n", f"date: {date.isoformat()}\n"),
                             ("as_at: 2004-08-20\n", f"as_at: {as_at.isoformat()}\n"),
                             ("provisional_agenda: A/59/150\n", f"provisional_agenda: A/{session}/150\n")):
                text = _replace(text, old, new)
            folder = target / "sessions" / str(session)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{series_id}.yaml").write_text(text, encoding="utf-8")
            count += 1
    return count


def _replace(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise ValueError(f"the source data changed: {old.strip()!r} is not there exactly once")
    return text.replace(old, new)
