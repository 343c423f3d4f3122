"""The preview's save-to-page time: from writing a file to the browser showing the change.

    python bench/preview.py [--edits 15] [--session 59] [--results bench/PREVIEW.md]

`make bench-preview` runs it. It starts `unreport preview` on a temporary copy of data/, opens
the page in Debian's Chromium (Playwright), then edits paragraph 2 of the edition again and
again, each time with a new word, and times from just before the file is written to the moment
the page shows the word: the watcher has seen the save, the edition is built again (load,
validate, compose, PDF, page images), the state has reached the page, the new page images are
decoded and swapped in. One edit first warms up; the figures are over the edits after it.
It also records the preview's own build time of each edit (its `build.seconds`) and where a
build spends it. Figures go to bench/PREVIEW.md with the machine and how busy it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO / "tests"))

from bench import busy_share, machine  # noqa: E402
from previewing import running_preview  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ANCHOR = "The Convention entered into force on 1 July 2003"
WAIT_MS = 120_000


def state(url: str) -> dict:
    with urllib.request.urlopen(url + "state", timeout=60) as response:
        return json.load(response)


def measure(session: int, edits: int, work: Path) -> dict:
    """Time `edits` saves (after one warm-up save); returns the figures."""
    from playwright.sync_api import sync_playwright

    data = work / "data"
    shutil.copytree(REPO / "data", data)
    edition = data / "sessions" / str(session) / "cmw-status.yaml"
    original = edition.read_text(encoding="utf-8")
    assert original.count(ANCHOR) == 1, f"paragraph 2 of {edition} does not start as expected"
    to_page: list[float] = []
    builds: list[float] = []
    cpu: list[float] = []
    parts: dict[str, list[float]] = {}
    with running_preview(data, work / "output", session) as preview, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(preview.url, timeout=WAIT_MS)
            page.wait_for_function(f"document.querySelector('#pages').innerText.includes({json.dumps(ANCHOR)})",
                                   timeout=WAIT_MS)
            for edit in range(edits + 1):
                word = f"benchword{edit}x"
                started = time.perf_counter()
                edition.write_text(original.replace(ANCHOR, f"{ANCHOR} ({word})"), encoding="utf-8")
                page.wait_for_function(f"document.querySelector('#pages').innerText.includes('{word}')",
                                       timeout=WAIT_MS, polling="raf")
                seconds = time.perf_counter() - started
                now = state(preview.url)
                if edit == 0:
                    continue  # the warm-up
                to_page.append(seconds)
                builds.append(now["build"]["seconds"])
                cpu.append(now["build"]["cpu_seconds"])
                for part, value in now["rendering"]["seconds"].items():
                    parts.setdefault(part, []).append(value)
        finally:
            browser.close()
    return {"to_page": to_page, "builds": builds, "cpu": cpu, "parts": {k: statistics.median(v) for k, v in parts.items()}}


def spread(values: list[float]) -> str:
    quartiles = statistics.quantiles(values, n=4)
    return (f"{statistics.median(values) * 1000:.0f} ms | {min(values) * 1000:.0f}-{max(values) * 1000:.0f} ms | "
            f"{quartiles[0] * 1000:.0f}-{quartiles[2] * 1000:.0f} ms | {statistics.stdev(values) * 1000:.0f} ms")


def write_results(path: Path, figures: dict, session: int, edits: int, busy: float, command: str) -> None:
    lines = ["# Preview: save to page", "",
             f"Written by `make bench-preview` (`{command}`) on {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC.",
             f"Session {session}'s report, paragraph 2 edited {edits} times (after one warm-up edit); each time from "
             "writing the file to Chromium showing the new word on the page (the watcher, the build, the "
             "server-sent event, the new page images decoded and swapped in). The target is 0.5 s.", "",
             "## Machine", "", "| | |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in machine()]
    lines += [f"| other work | the CPUs were {busy:.0%} busy with other work just before the run |", "",
              "## Figures", "",
              "| what | median | min-max | quartiles | std. dev. |", "| --- | --- | --- | --- | --- |",
              f"| save to page (browser) | {spread(figures['to_page'])} |",
              f"| the preview's build (load to page images) | {spread(figures['builds'])} |",
              f"| CPU time of that build (its thread) | {spread(figures['cpu'])} |", "",
              "On a busy machine the wall-clock figures grow with the other work. The CPU time of a build is a "
              "floor for its wall time, itself inflated by other work sharing the cores and caches; "
              "`make bench` (bench/RESULTS.md) has the warm build of the same report on an idle machine "
              "for comparison.", "",
              "Where a build spends its time (medians): " +
              ", ".join(f"{part} {value * 1000:.0f} ms" for part, value in figures["parts"].items()) + ".", "",
              "Each edit, save to page (ms): " + ", ".join(f"{v * 1000:.0f}" for v in figures["to_page"]) + ".", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--session", type=int, default=59)
    parser.add_argument("--results", type=Path, default=BENCH / "PREVIEW.md")
    args = parser.parse_args()
    if args.edits < 10:
        parser.error("--edits: at least 10, for a median and a spread worth the name")
    busy = busy_share()
    if busy > 0.2:
        print(f"note: the CPUs are {busy:.0%} busy with other work; the figures will be slower than on an idle machine")
    with tempfile.TemporaryDirectory(prefix="unreport-bench-preview-") as work:
        figures = measure(args.session, args.edits, Path(work))
    command = "python bench/preview.py" + "".join(f" {a}" for a in sys.argv[1:])
    write_results(args.results, figures, args.session, args.edits, busy, command)
    print(f"save to page: median {statistics.median(figures['to_page']) * 1000:.0f} ms over {args.edits} edits; "
          f"wrote {args.results.relative_to(REPO) if args.results.is_relative_to(REPO) else args.results}")


if __name__ == "__main__":
    main()
