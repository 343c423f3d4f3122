"""Watching the files an edition is built from (watchfiles: inotify on Linux), and building
again when one of them is saved.

Watched: the data folder and the templates folder. What counts is an input file: under
data/, the series, the reference data, the editions of every session (the previous edition
and the one after feed the changes), the figures' pictures, and folders added, moved or deleted (a
session's folder moved away takes its editions with it); under templates/, every file. Editors' backup
and swap files (`x.yaml~`, `.x.yaml.swp`) and the build's own temporaries do not count.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import watchfiles

from pipeline.inputs.layout import figures_dir
from pipeline.preview.hub import PreviewHub

INPUT_SUFFIXES = (".yaml", ".yml", ".csv")
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg")  # in data/figures/
STEP_MS = 20  # changes are gathered until none comes for this long


class InputFilter(watchfiles.DefaultFilter):
    """Input files of the data folder, and any file of the templates folder."""

    def __init__(self, data_dir: Path, templates_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir.resolve()
        self.templates_dir = templates_dir.resolve()

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        if not super().__call__(change, path):
            return False
        target = Path(path)
        if target.name.startswith("."):
            return False
        if target.is_relative_to(self.templates_dir):
            return True
        if target.is_relative_to(figures_dir(self.data_dir)):
            return target.suffix.lower() in PICTURE_SUFFIXES
        if not target.is_relative_to(self.data_dir):
            return False
        if change != watchfiles.Change.modified and not target.suffix:
            return True  # a folder moved or deleted (a session's, say) takes its inputs with it
        return target.suffix in INPUT_SUFFIXES


ROOT_CHECK_SECONDS = 0.5  # how often the watched folders themselves are looked at


async def watch_and_rebuild(hub: PreviewHub, stop: asyncio.Event) -> None:
    """Build again after each batch of saves, until `stop` is set. Saves made during a build
    are gathered and give one more build when it ends. A watched folder deleted and made again
    (a data folder restored from a copy) is watched anew, with a build: the old watch saw nothing
    of the new folder."""
    builder = hub.builder
    watch_filter = InputFilter(builder.data_dir, builder.templates_dir)
    while not stop.is_set():
        roots = [folder.resolve() for folder in builder.watched()]
        identities = _identities(roots)
        if None in identities:  # a watched folder is gone: wait for it to come back
            await _sleep_unless(stop, ROOT_CHECK_SECONDS)
            continue
        ended = asyncio.Event()
        guards = [asyncio.create_task(_set_when_set(stop, ended)),
                  asyncio.create_task(_set_when_replaced(roots, identities, ended))]
        try:
            async for _changes in watchfiles.awatch(*roots, watch_filter=watch_filter, step=STEP_MS,
                                                    stop_event=ended, raise_interrupt=False):
                await hub.rebuild()
        except FileNotFoundError:  # a folder went between the look and the watch
            pass
        finally:
            for guard in guards:
                guard.cancel()
        if not stop.is_set():
            await hub.rebuild()  # what the old watch could not see


def _identities(roots: list[Path]) -> list[tuple[int, int, int] | None]:
    """Each folder's device, inode and change time (None for one that is gone). The change time
    tells a folder made again at once apart from the deleted one, whose inode the file system may
    give it; it also moves when an entry of the folder itself is added or removed, which then
    costs one more build."""
    found: list[tuple[int, int, int] | None] = []
    for root in roots:
        try:
            info = root.stat()
            found.append((info.st_dev, info.st_ino, info.st_ctime_ns))
        except OSError:
            found.append(None)
    return found


async def _set_when_set(source: asyncio.Event, target: asyncio.Event) -> None:
    """Set `target` once `source` is set (the preview's stop ends the current watch)."""
    await source.wait()
    target.set()


async def _set_when_replaced(roots: list[Path], identities: list[tuple[int, int, int] | None],
                             ended: asyncio.Event) -> None:
    """Set `ended` once a watched folder is gone or is another folder of the same name."""
    while not ended.is_set():
        await asyncio.sleep(ROOT_CHECK_SECONDS)
        if _identities(roots) != identities:
            ended.set()


async def _sleep_unless(stop: asyncio.Event, seconds: float) -> None:
    """Wait `seconds`, or less when `stop` is set meanwhile."""
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except asyncio.TimeoutError:
        pass
