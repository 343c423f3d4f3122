"""The preview's web application (Starlette): the page and its assets, the state as
server-sent events, the page images, the changes, and the current PDF and DOCX.

It serves nothing else: every address is one of the routes below, and what a route returns
is looked up by name in memory (page images by digest, assets in a fixed list), never read
from a path taken from the request. There is no directory listing; anything else, `/../`,
`/etc/passwd` or an absolute path in any form, is a 404. Requests from anything but the
loopback address, or naming another host (a web page trying DNS rebinding), are refused.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from pipeline.preview.hub import PreviewHub
from pipeline.preview.watch import watch_and_rebuild

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
ASSETS = {"preview.css": "text/css", "preview.js": "text/javascript"}  # the only files served from disk
DIGEST = re.compile(r"^[0-9a-f]{32}$")
HEARTBEAT_SECONDS = 15.0
NO_STORE = {"Cache-Control": "no-store"}


class LoopbackOnly:
    """Answer 403 to any connection that does not come from this machine's loopback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and not is_loopback(scope.get("client")):
            await PlainTextResponse("the preview answers this machine only", status_code=403)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def is_loopback(client: tuple[str, int] | None) -> bool:
    if not client:
        return False
    try:
        return ipaddress.ip_address(client[0]).is_loopback
    except ValueError:
        return False


def create_app(hub: PreviewHub, watch: bool = True) -> Starlette:
    """The application; its lifespan makes the first build and runs the watcher."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await hub.rebuild()
        watcher = asyncio.create_task(watch_and_rebuild(hub, hub.closing)) if watch else None
        try:
            yield
        finally:
            hub.closing.set()
            if watcher is not None:
                await watcher

    async def page(request: Request) -> Response:
        return FileResponse(ASSETS_DIR / "preview.html", media_type="text/html", headers=NO_STORE)

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return not_found()
        return FileResponse(ASSETS_DIR / name, media_type=ASSETS[name], headers=NO_STORE)

    async def state(request: Request) -> Response:
        return JSONResponse(hub.state(), headers=NO_STORE)

    async def events(request: Request) -> Response:
        return StreamingResponse(_event_stream(hub), media_type="text/event-stream", headers=NO_STORE)

    async def page_image(request: Request) -> Response:
        digest = request.path_params["digest"]
        png = hub.builder.images.png(digest) if DIGEST.match(digest) else None
        if png is None:
            return not_found()
        return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=3600, immutable"})

    async def changes(request: Request) -> Response:
        rendering = hub.rendering
        if rendering is None:
            return not_found()
        content = await asyncio.to_thread(hub.builder.changes_page, rendering)
        return Response(content, media_type="text/html", headers=NO_STORE)

    async def download(request: Request) -> Response:
        rendering, series = hub.rendering, hub.builder.series
        name = request.path_params["name"]
        if rendering is None or name not in (f"{series}.pdf", f"{series}.docx"):
            return not_found()
        if name.endswith(".pdf"):
            content, kind = rendering.pdf, "application/pdf"
        else:
            content = await asyncio.to_thread(hub.builder.docx, rendering)
            kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        filename = f"{hub.builder.session}-{name}"
        return Response(content, media_type=kind,
                        headers={"Content-Disposition": f'attachment; filename="{filename}"', **NO_STORE})

    routes = [
        Route("/", page),
        Route("/assets/{name}", asset),
        Route("/state", state),
        Route("/events", events),
        Route("/pages/{digest}.png", page_image),
        Route("/changes", changes),
        Route("/download/{name}", download),
    ]
    middleware = [Middleware(LoopbackOnly),
                  Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"])]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={404: lambda request, exc: not_found()})
    return app


def not_found() -> Response:
    return PlainTextResponse("not found", status_code=404)


async def _event_stream(hub: PreviewHub) -> AsyncIterator[str]:
    """Each state as a server-sent event, a comment now and then to keep the line open, and
    the end of the stream when the preview stops."""
    queue = hub.listen()
    closing = asyncio.ensure_future(hub.closing.wait())
    getting: asyncio.Future[str] | None = None
    try:
        while not hub.closing.is_set():
            getting = getting or asyncio.ensure_future(queue.get())
            done, _ = await asyncio.wait({getting, closing}, timeout=HEARTBEAT_SECONDS,
                                         return_when=asyncio.FIRST_COMPLETED)
            if getting in done:
                yield f"data: {getting.result()}\n\n"
                getting = None
            elif closing not in done:
                yield ": still here\n\n"
    finally:
        for waiting in (getting, closing):
            if waiting is not None:
                waiting.cancel()
        hub.forget(queue)
