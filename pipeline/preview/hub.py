"""The preview's state, and the pages that follow it: each build's result is published to
every open page (server-sent events) as one JSON message.

The page always shows the last good rendering. A build that fails keeps it and marks it
stale, with the problems that stopped the build; the next good build clears both.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from typing import Any

from pipeline.preview.rebuild import BuildResult, PreviewBuilder, Rendering, ShownProblem


class PreviewHub:
    """The current state, the builds that change it, and the listeners that follow it."""

    def __init__(self, builder: PreviewBuilder) -> None:
        self.builder = builder
        self.rendering: Rendering | None = None
        self.problems: list[ShownProblem] = []
        self.stale = False
        self.building = False
        self.last_build: BuildResult | None = None
        self.closing = asyncio.Event()
        self._listeners: set[asyncio.Queue[str]] = set()
        self._version = 0

    async def rebuild(self) -> BuildResult:
        """Build in a worker thread (the server keeps answering) and publish the result."""
        self.building = True
        self._publish()
        try:
            result = await asyncio.to_thread(self.builder.build)
        finally:
            self.building = False
        self.last_build = result
        self.problems = sorted(result.problems, key=lambda p: p.severity != "error")  # errors first, in file order
        if result.rendering is not None:
            self.rendering, self.stale = result.rendering, False
        else:
            self.stale = self.rendering is not None
        self._publish()
        return result

    def state(self) -> dict[str, Any]:
        """What the page shows, as JSON-ready values."""
        rendering = self.rendering
        errors = [p for p in self.problems if p.severity == "error"]
        return {
            "version": self._version,
            "name": self.builder.name,
            "edition_file": str(self.builder.edition_file),
            "building": self.building,
            "stale": self.stale,
            "failed": bool(errors),
            "problems": [dataclasses.asdict(p) for p in self.problems],
            "build": None if self.last_build is None else {
                "number": self.last_build.number, "seconds": round(self.last_build.seconds, 3),
                "cpu_seconds": round(self.last_build.cpu_seconds, 3)},
            "rendering": None if rendering is None else {
                "number": rendering.number,
                "built_at": time.strftime("%H:%M:%S", time.localtime(rendering.finished_at)),
                "seconds": {k: round(v, 3) for k, v in rendering.seconds.items()},
                "previous_session": rendering.previous_session,
                "paragraph_sources": {str(n): where for n, where in rendering.paragraph_sources.items()},
                "pdf": f"/download/{self.builder.series}.pdf",
                "docx": f"/download/{self.builder.series}.docx",
                "pages": [{"url": page.url, "width": page.width, "height": page.height,
                           "lines": [[round(line.left, 5), round(line.top, 5), round(line.width, 5),
                                      round(line.height, 5), line.text] for line in page.lines]}
                          for page in rendering.pages],
            },
        }

    def listen(self) -> asyncio.Queue[str]:
        """A queue that receives every state from now on, starting with the current one."""
        queue: asyncio.Queue[str] = asyncio.Queue()
        queue.put_nowait(json.dumps(self.state()))
        self._listeners.add(queue)
        return queue

    def forget(self, queue: asyncio.Queue[str]) -> None:
        self._listeners.discard(queue)

    def _publish(self) -> None:
        self._version += 1
        message = json.dumps(self.state())
        for queue in self._listeners:
            queue.put_nowait(message)
