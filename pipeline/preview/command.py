"""`unreport preview`: bind the loopback address, serve the preview until Ctrl-C, then
leave the output folder as `unreport build SESSION` would."""

from __future__ import annotations

import asyncio
import logging
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import uvicorn

from pipeline.inputs.layout import TEMPLATES_DIR
from pipeline.inputs.problems import InputError, display_path
from pipeline.preview.hub import PreviewHub
from pipeline.preview.rebuild import PreviewBuilder, PreviewError
from pipeline.preview.server import create_app

LOOPBACK = "127.0.0.1"
GRACE_SECONDS = 3  # how long open requests may take to finish after Ctrl-C


@dataclass(frozen=True)
class PreviewOptions:
    session: int
    series: str | None
    data_dir: Path
    output_dir: Path
    templates_dir: Path = TEMPLATES_DIR
    port: int = 0  # 0: a free port
    write_on_exit: bool = True
    language: str = "en"  # the language version shown


def bind_loopback(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 only (OSError when the port is taken)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((LOOPBACK, port))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class _Server(uvicorn.Server):
    """uvicorn's server, which also tells the open pages' event streams to end on Ctrl-C
    (they would otherwise hold the shutdown until its grace time runs out)."""

    def __init__(self, config: uvicorn.Config, on_exit: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_exit = on_exit

    def handle_exit(self, sig, frame) -> None:  # type: ignore[no-untyped-def]
        self._on_exit()
        super().handle_exit(sig, frame)


class _ClientErrorsInOneLine(logging.Filter):
    """A malformed request (a broken chunk, say) is answered 400 by uvicorn's h11 protocol, which
    logs one line for it ("Invalid HTTP request received."); the app, still answering the same
    request, then finds the connection closed to responses and uvicorn logs h11's
    LocalProtocolError with a full traceback in the drafter's terminal. The client's error is
    said once already: that record is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        import h11

        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, h11.LocalProtocolError)


def quiet_client_errors() -> None:
    """Install the filter on the logger uvicorn's protocols write to (once per process)."""
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _ClientErrorsInOneLine) for f in logger.filters):
        logger.addFilter(_ClientErrorsInOneLine())


def run_preview(options: PreviewOptions, say: Callable[[str], None]) -> None:
    """Serve the preview until Ctrl-C (PreviewError when there is nothing to preview,
    OSError when the port cannot be bound)."""
    builder = PreviewBuilder(options.data_dir, options.session, options.series, options.templates_dir,
                             options.language)
    sock = bind_loopback(options.port)
    hub = PreviewHub(builder)
    config = uvicorn.Config(create_app(hub), log_level="warning", access_log=False, lifespan="on",
                            timeout_graceful_shutdown=GRACE_SECONDS)
    quiet_client_errors()  # after the Config, which sets uvicorn's logging up

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        server = _Server(config, lambda: loop.call_soon_threadsafe(hub.closing.set))
        await server.serve(sockets=[sock])

    port = sock.getsockname()[1]
    say(f"preview of {builder.name} ({display_path(builder.edition_file)}) at http://{LOOPBACK}:{port}/")
    say("it builds again on every save; Ctrl-C stops it")
    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass  # uvicorn stopped cleanly, then raised the Ctrl-C again for us
    finally:
        sock.close()
    if options.write_on_exit:
        write_outputs(options, say)


def write_outputs(options: PreviewOptions, say: Callable[[str], None]) -> None:
    """Build the session into the output folder as `unreport build SESSION --force` does, or
    leave it as it was when the data has errors (an InputError with them, as a build gives: the
    command ends as `unreport build` would) or a writer fails (PreviewError)."""
    from pipeline.build.session import build_session

    target = display_path(options.output_dir / str(options.session))
    say(f"stopped; writing {target} as 'unreport build {options.session}' would")
    try:
        build_session(options.session, options.data_dir, options.output_dir, templates_dir=options.templates_dir)
    except InputError as exc:
        say(f"{target} left as it was: the data has {len(exc.errors)} error(s), listed below")
        raise
    except Exception as exc:  # noqa: BLE001 -- a writer failed: the files stay as they were, said in one line
        raise PreviewError(f"{target} left as it was: a writer failed: {type(exc).__name__}: {exc}") from None
    say(f"wrote {target}")
