"""The live preview without a browser: warm rebuilds (what is re-read, what is kept), the
last good rendering kept and marked stale on an error, the changes tab, what the server
serves (and refuses, over raw HTTP), loopback only, and Ctrl-C leaving output/ as a build.

The browser test is tests/test_preview_browser.py; speed is measured in bench/preview.py.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import DATA, REPO, build, replace_in
from previewing import running_preview

from pipeline.writers.registry import WRITERS
from pipeline.preview.hub import PreviewHub
from pipeline.preview.rebuild import PreviewBuilder, PreviewError
from pipeline.preview.server import create_app

PARAGRAPH_2 = "The Convention entered into force on 1 July 2003"
EDITED_2 = "The Convention, as the drafter now writes, entered into force on 1 July 2003"
# The last paragraph: an edit there changes the last page only (page 1 and 2 are full, so an
# edit higher up may move every later line).
LAST_PARAGRAPH = "Finally, through the programme of advisory services"
EDITED_LAST = "Finally, as the drafter now writes, through the programme of advisory services"
STATE_SECONDS = 120


def edition_59(data: Path) -> Path:
    return data / "sessions" / "59" / "cmw-status.yaml"


def page_text(builder_state: dict) -> str:
    return " ".join(line[4] for page in builder_state["rendering"]["pages"] for line in page["lines"])


# ---------------------------------------------------------------- warm rebuilds

def test_a_paragraph_edit_reads_only_the_edition_again(data_copy: Path) -> None:
    from pipeline.writers.pdf import shared_font_configuration

    builder = PreviewBuilder(data_copy, 59)
    first = builder.build()
    assert first.rendering is not None and first.problems == []
    reads, fonts = builder.files.reads, shared_font_configuration.cache_info().misses
    assert reads >= 5  # the edition, the series, ledger, committee, Member States, name changes

    replace_in(edition_59(data_copy), LAST_PARAGRAPH, EDITED_LAST)
    second = builder.build()
    assert second.rendering is not None
    assert builder.files.reads == reads + 1, "only the edition itself is parsed again"
    assert shared_font_configuration.cache_info().misses == fonts, "fonts are set up once"
    assert "as the drafter now writes" in second.rendering.tree
    assert builder.images.encoded < 2 * len(second.rendering.pages), "unchanged pages are not encoded again"

    ledger = data_copy / "reference" / "cmw-ledger.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8") + "# checked again\n", encoding="utf-8")
    builder.build()
    assert builder.files.reads == reads + 2, "a changed reference file is parsed again"


def test_a_language_version_is_previewed_from_its_translation(tmp_path: Path) -> None:
    from conftest import FULL_DATA

    data = tmp_path / "data"
    shutil.copytree(FULL_DATA, data)
    rendering = PreviewBuilder(data, 59, language="fr").build().rendering
    assert rendering is not None
    assert '<html lang="fr"' in rendering.tree
    masthead = " ".join(line.text for line in rendering.pages[0].lines)
    assert "Assemblée générale" in masthead
    with pytest.raises(PreviewError, match="has no 'fr' version"):  # refused at the start (attack 8)
        PreviewBuilder(data_copy_of(tmp_path / "en"), 59, language="fr")
    builder = PreviewBuilder(data, 59, language="fr")
    (data / "sessions/59/cmw-status.fr.yaml").unlink()  # deleted while previewing: a problem, not a crash
    deleted = builder.build()
    assert deleted.rendering is None
    assert [p.message for p in deleted.problems] == ["this edition has no 'fr' version"]


def data_copy_of(target: Path) -> Path:
    shutil.copytree(DATA, target)
    return target


def test_the_preview_prints_what_a_build_writes(data_copy: Path, tmp_path: Path) -> None:
    rendering = PreviewBuilder(data_copy, 59).build().rendering
    assert rendering is not None
    built = build(data_copy, tmp_path / "output")
    assert rendering.tree == built["html"].read_text(encoding="utf-8")
    assert rendering.pdf == built["pdf"].read_bytes()
    assert len(rendering.pages) == 3  # the session 59 report prints on three pages
    masthead = " ".join(line.text for line in rendering.pages[0].lines)
    assert "General Assembly" in masthead and "Fifty-ninth session" in masthead
    assert rendering.paragraph_sources[2].endswith("sessions/59/cmw-status.yaml:26:16")  # "- paragraph: >-"
    assert len(rendering.paragraph_sources) == 12


def test_an_error_keeps_the_last_good_pages_marked_stale(data_copy: Path) -> None:
    hub = PreviewHub(PreviewBuilder(data_copy, 59))

    async def run() -> None:
        await hub.rebuild()
        good = hub.rendering
        assert good is not None and not hub.stale
        replace_in(edition_59(data_copy), "date: 2004-08-27", "date: 2004-02-30")
        await hub.rebuild()
        state = hub.state()
        assert hub.rendering is good and state["stale"] and state["failed"]
        (problem,) = state["problems"]
        assert problem["where"].endswith("sessions/59/cmw-status.yaml:7:7")
        assert problem["quoted"] == "date: 2004-02-30"
        assert "not a real date" in problem["message"]
        replace_in(edition_59(data_copy), "date: 2004-02-30", "date: 2004-08-27")
        await hub.rebuild()
        state = hub.state()
        assert not state["stale"] and state["problems"] == [] and hub.rendering is not good

    asyncio.run(run())


def test_a_broken_series_file_is_a_located_problem_not_a_crash(data_copy: Path) -> None:
    builder = PreviewBuilder(data_copy, 59)
    series = data_copy / "series" / "cmw-status.yaml"
    series.write_text(series.read_text(encoding="utf-8") + "\ntables: [\n", encoding="utf-8")
    result = builder.build()
    assert result.rendering is None
    assert any("series/cmw-status.yaml:" in p.where and p.severity == "error" for p in result.problems)


def test_another_reports_problems_are_not_this_ones(data_copy: Path) -> None:
    """Session 73 holds two reports: a mistake in one neither stops nor shows in the other's preview."""
    other = data_copy / "sessions" / "73" / "female-genital-mutilation.yaml"
    text = other.read_text(encoding="utf-8")
    at = text.index("paragraph: >-\n") + len("paragraph: >-\n")
    other.write_text(text[:at] + text[at:].replace("\n", " [^nope]\n", 1), encoding="utf-8")
    result = PreviewBuilder(data_copy, 73, "child-marriage").build()
    assert result.rendering is not None, [p.message for p in result.problems]
    assert not [p for p in result.problems if "female-genital-mutilation" in p.where]
    broken = PreviewBuilder(data_copy, 73, "female-genital-mutilation").build()
    assert broken.rendering is None and any("[^nope]" in p.message for p in broken.problems)


def test_the_series_to_preview_is_named_when_a_session_has_several(data_copy: Path) -> None:
    with pytest.raises(PreviewError, match="no edition of series 'nope'"):
        PreviewBuilder(data_copy, 59, "nope")
    with pytest.raises(PreviewError, match="no editions for session 61"):
        PreviewBuilder(data_copy, 61)


def test_changes_are_the_redline_against_the_previous_edition(data_copy: Path) -> None:
    builder = PreviewBuilder(data_copy, 60)
    rendering = builder.build().rendering
    assert rendering is not None and rendering.previous_session == 59
    page = builder.changes_page(rendering).decode("utf-8")
    assert "Changes from 59/cmw-status to 60/cmw-status" in page
    assert "<ins" in page and "<del" in page  # the new dates, at least
    first = PreviewBuilder(data_copy, 59)
    page = first.changes_page(first.build().rendering).decode("utf-8")  # type: ignore[arg-type]
    assert "follows no earlier edition" in page


def test_the_docx_is_made_on_request_once_per_rendering(data_copy: Path) -> None:
    builder = PreviewBuilder(data_copy, 59)
    rendering = builder.build().rendering
    assert rendering is not None
    docx = builder.docx(rendering)
    assert docx[:2] == b"PK" and builder.docx(rendering) is docx


# ---------------------------------------------------------------- the server

def raw_get(port: int, target: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
    """Send a request line exactly as given (no client normalises the path); status and body."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode("latin-1"))
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def wait_for_state(url: str, ready, seconds: float = STATE_SECONDS) -> dict:
    """The preview's state once `ready(state)` holds."""
    deadline = time.monotonic() + seconds
    while True:
        with urllib.request.urlopen(url + "state", timeout=60) as response:
            state = json.load(response)
        if ready(state):
            return state
        assert time.monotonic() < deadline, f"the preview never got there: {state}"
        time.sleep(0.2)


def non_loopback_address() -> str | None:
    """An address of this machine other than loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_the_server_serves_the_session_and_nothing_else(data_copy: Path, tmp_path: Path) -> None:
    secret = data_copy / "sessions" / "59" / "cmw-status.yaml"
    with running_preview(data_copy, tmp_path / "output") as preview:
        state = wait_for_state(preview.url, lambda s: s["rendering"] is not None)
        assert PARAGRAPH_2 in page_text(state)
        port = preview.port
        for target in ("/", "/assets/preview.js", "/assets/preview.css", "/state",
                       state["rendering"]["pages"][0]["url"], "/download/cmw-status.pdf",
                       "/download/cmw-status.docx", "/changes"):
            assert raw_get(port, target)[0] == 200, target
        assert raw_get(port, "/download/cmw-status.pdf")[1][:5] == b"%PDF-"
        for target in ("/../data/sessions/59/cmw-status.yaml", "/../../etc/passwd", "/etc/passwd",
                       "//etc/passwd", str(secret), "/" + str(secret), "/assets/../../../../etc/passwd",
                       "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fcommand.py", "/assets/preview.html/..",
                       "/assets/", "/assets", "/pages/", "/download/", "/download/..%2f..%2fetc%2fpasswd",
                       "/download/cmw-status.txt", "/download/cmw-status.html",
                       "/pages/..%2f..%2f..%2fetc%2fpasswd.png", "/pages/00000000000000000000000000000000.png"):
            status, body = raw_get(port, target)
            assert status == 404, f"{target} -> {status}"
            assert b"root:" not in body and b"paragraph:" not in body
        assert raw_get(port, "/", host="evil.example")[0] == 400  # another host name: DNS rebinding
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True)
        if listening.returncode == 0:
            assert listening.stdout.split()[3] == f"127.0.0.1:{port}", listening.stdout
        other = non_loopback_address()
        if other is not None:
            with pytest.raises(OSError):
                socket.create_connection((other, port), timeout=10).close()


def test_requests_from_another_address_are_refused(data_copy: Path) -> None:
    app = create_app(PreviewHub(PreviewBuilder(data_copy, 59)), watch=False)
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    async def call(client: tuple[str, int]) -> int:
        sent.clear()
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": "/state", "raw_path": b"/state",
                 "query_string": b"", "root_path": "", "headers": [(b"host", b"127.0.0.1:8000")],
                 "client": client, "server": ("127.0.0.1", 8000)}
        await stack(scope, receive, send)
        return sent[0]["status"]

    stack = app.build_middleware_stack()  # the app without its lifespan: no build, no watcher
    assert asyncio.run(call(("192.168.1.20", 50000))) == 403
    assert asyncio.run(call(("10.0.0.1", 50000))) == 403
    assert asyncio.run(call(("127.0.0.1", 50000))) == 200


def test_ctrl_c_stops_it_and_leaves_output_as_a_build(data_copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "output"
    with running_preview(data_copy, output) as preview:
        wait_for_state(preview.url, lambda s: s["rendering"] is not None)
        status = preview.stop()
    said = "".join(preview.said)
    assert status == 0, said
    assert "Traceback" not in said and "Task was destroyed" not in said, said
    assert sorted(p.name for p in (output / "59").iterdir()) == sorted(f"cmw-status.{fmt}" for fmt in WRITERS)
    assert not list(output.rglob(".*.tmp"))
    again = subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "59", "--data", str(data_copy),
                            "--output", str(output)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "skipped 1" in again.stdout, again.stdout + again.stderr


def test_ctrl_c_with_an_error_leaves_output_untouched(data_copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "output"
    with running_preview(data_copy, output) as preview:
        wait_for_state(preview.url, lambda s: s["rendering"] is not None)
        replace_in(edition_59(data_copy), "date: 2004-08-27", "date: 2004-02-30")
        wait_for_state(preview.url, lambda s: s["stale"])
        status = preview.stop()
    said = "".join(preview.said)
    assert status == 2, said  # as `unreport build 59` ends on the same data (attack 8: it was 0)
    assert not (output / "59").exists()
    assert "left as it was" in said and "cmw-status.yaml:" in said and "2004-02-30" in said, said


@pytest.mark.parametrize("arguments, message", [
    (["59", "--language", "xx"], "'xx' is not one of 'en', 'fr', 'es', 'ru', 'zh', 'ar'"),
    (["60", "--language", "fr"], "has no 'fr' version (it has no language versions)"),
    (["../etc"], "session must be a number from 1 to 999 or a year from 1940 to 2099"),
    (["61"], "no editions for session 61"),
    (["59", "other-series"], "no edition of series 'other-series'"),
])
def test_what_cannot_be_previewed_is_said_in_one_line(arguments: list[str], message: str, data_copy: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "preview", *arguments, "--data", str(data_copy)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_a_port_in_use_is_said_in_one_line(data_copy: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "pipeline.cli", "preview", "59", "--port", str(port),
                               "--data", str(data_copy)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and f"cannot serve on 127.0.0.1:{port}" in done.stderr, done.stderr


def test_the_watcher_counts_saved_pictures_of_figures(tmp_path):
    """A picture saved in data/figures/ rebuilds the preview, as a saved YAML file does; an
    editor's temporary file there does not."""
    import watchfiles

    from pipeline.preview.watch import InputFilter

    data, templates = tmp_path / "data", tmp_path / "templates"
    (data / "figures").mkdir(parents=True)
    templates.mkdir()
    counts = InputFilter(data, templates)
    added = watchfiles.Change.added
    assert counts(added, str(data / "figures" / "chart.png")) and counts(added, str(data / "figures" / "map.JPG"))
    assert not counts(added, str(data / "figures" / "chart.png~")) and not counts(added, str(data / "chart.png"))
    assert counts(added, str(data / "sessions" / "59" / "cmw-status.yaml"))


def test_the_watcher_counts_a_session_folder_moved_away(tmp_path):
    """Moving data/sessions/59 elsewhere removes its editions: the preview must rebuild (and say
    so), not keep showing the pages as current (found by an attacker)."""
    import watchfiles

    from pipeline.preview.watch import InputFilter

    data, templates = tmp_path / "data", tmp_path / "templates"
    counts = InputFilter(data, templates)
    assert counts(watchfiles.Change.deleted, str(data / "sessions" / "59"))
    assert counts(watchfiles.Change.added, str(data / "sessions" / "60"))
    assert not counts(watchfiles.Change.deleted, str(tmp_path / "elsewhere" / "59"))


def test_a_data_folder_deleted_and_made_again_is_watched_again(data_copy: Path, tmp_path: Path) -> None:
    """Attack 8: after `rm -rf data; cp -r copy data` the preview never built again (its watch was
    on the deleted folder) and showed a false "no editions" error while the file was edited."""
    saved = tmp_path / "saved"
    shutil.copytree(data_copy, saved)
    with running_preview(data_copy, tmp_path / "output") as preview:
        wait_for_state(preview.url, lambda s: s["rendering"] is not None and not s["stale"])
        shutil.rmtree(data_copy)
        shutil.copytree(saved, data_copy)
        replace_in(edition_59(data_copy), "date: 2004-08-27", "date: 2004-02-30")
        state = wait_for_state(preview.url, lambda s: s["stale"] and any("2004-02-30" in p.get("quoted", "")
                                                                          for p in s["problems"]))
        assert not any("no editions" in p["message"] for p in state["problems"])
        replace_in(edition_59(data_copy), "date: 2004-02-30", "date: 2004-08-27")
        wait_for_state(preview.url, lambda s: not s["stale"] and s["problems"] == [])
