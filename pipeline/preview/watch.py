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


async def watch_and_rebuild(hub: PreviewHub, stop: asyncio.Event) -> None:
    """Build again after each batch of saves, until `stop` is set. Saves made during a build
    are gathered and give one more build when it ends."""
    builder = hub.builder
    roots = [folder.resolve() for folder in builder.watched()]
    watch_filter = InputFilter(builder.data_dir, builder.templates_dir)
    async for _changes in watchfiles.awatch(*roots, watch_filter=watch_filter, step=STEP_MS,
                                            stop_event=stop, raise_interrupt=False):
        await hub.rebuild()
