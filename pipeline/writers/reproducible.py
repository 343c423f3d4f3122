"""Reproducible outputs: the one timestamp every writer stamps into its files.

A document's timestamp is its own date (midnight UTC), or SOURCE_DATE_EPOCH when that is set
(the reproducible-builds convention); never the time of the build.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from typing import Iterator


def document_timestamp(document_date: dt.date) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set, else the document date at 00:00 UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.combine(document_date, dt.time(0, 0), tzinfo=dt.timezone.utc)


def iso_stamp(stamp: dt.datetime) -> str:
    """'2004-08-27T00:00:00Z', the form PDF metadata and Word revisions take."""
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


@contextlib.contextmanager
def source_date_epoch(stamp: dt.datetime) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH for the duration (fontTools stamps subset fonts with it)."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
