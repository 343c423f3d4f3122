"""The web page in a real browser: Debian's Chromium, driven by Playwright, opens the session 59
page (and the element sampler's) offline, checks its heading outline against the tree, follows
every footnote call to its note and back, checks the language and that the page asked for
nothing, and runs axe-core (npm package, fetched into .cache/ by scripts/fetch-axe-core,
which `make test` runs) over it: no violation, at phone and at desktop width."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import lxml.html
import pytest

from conftest import DATA, REPO, build
from test_document_model import sampler_data

sync_api = pytest.importorskip("playwright.sync_api")  # in the test extra of pyproject.toml

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
TIMEOUT_MS = 120_000  # a slow, busy machine


def axe_script() -> Path:
    """axe-core's browser bundle, fetched once (scripts/fetch-axe-core)."""
    done = subprocess.run([str(REPO / "scripts" / "fetch-axe-core")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (found,) = sorted((REPO / ".cache").glob("axe-core-*/axe.min.js"))
    return found


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, dict[str, Path]]:
    root = tmp_path_factory.mktemp("web")
    return {"report_59": build(DATA, root / "59", formats=("html", "txt", "web.html")),
            "sampler": build(sampler_data(root), root / "sampler", formats=("html", "txt", "web.html"))}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True, args=FLAGS,
            timeout=TIMEOUT_MS)
        context.set_default_timeout(TIMEOUT_MS)
        yield context
        context.close()


def open_page(browser, path: Path, viewport: dict):
    """The page opened from its file, with every request it made (other than itself) recorded."""
    page = browser.new_page()
    page.set_viewport_size(viewport)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri(), wait_until="load")
    return page, [url for url in requests if url != path.as_uri()]


@pytest.mark.parametrize("which", ["report_59", "sampler"])
def test_the_outline_is_the_trees_headings_and_the_page_is_offline(which, pages, browser):
    files = pages[which]
    page, requests = open_page(browser, files["web.html"], DESKTOP)
    assert requests == []  # no font, script, stylesheet or image fetched
    assert page.evaluate("document.documentElement.lang") == "en"
    outline = page.evaluate("""[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
        .map(h => h.tagName + ' ' + h.textContent.replace(/\\s+/g, ' ').trim())""")
    tree = lxml.html.fromstring(files["html"].read_bytes())
    expected = [f"{h.tag.upper()} {' '.join(h.text_content().split())}" for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    notes_heading = [h for h in outline if h not in expected]
    assert [h for h in outline if h in expected] == expected and len(notes_heading) <= 1
    assert outline[0] == expected[0] and outline[0].startswith("H1 ") and outline.count(outline[0]) == 1
    assert page.locator("main").count() == 1 and page.locator("header.page-masthead").count() == 1
    page.close()


def test_footnote_calls_and_notes_link_both_ways(pages, browser):
    page, _ = open_page(browser, pages["sampler"]["web.html"], PHONE)
    calls = page.evaluate("""[...document.querySelectorAll('main a.footnote-call, a.note-call')]
        .map(a => ({id: a.id, target: a.getAttribute('href').slice(1), mark: a.textContent}))""")
    canonical = pages["sampler"]["txt"].read_text(encoding="utf-8").splitlines()
    footnotes = [line.split(" ", 2)[1] for line in canonical if line.startswith("footnote ")]
    assert sorted({c["mark"] for c in calls if c["mark"].isdigit()}, key=int) == footnotes
    for call in calls:
        note = page.locator(f"[id='{call['target']}']")
        assert note.count() == 1 and note.evaluate("n => n.closest('section.notes') !== null")
        backs = note.evaluate("n => [...n.querySelectorAll('a.back-link')].map(a => a.getAttribute('href').slice(1))")
        assert call["id"] in backs
    first = calls[0]
    page.click(f"[id='{first['id']}']")
    assert page.evaluate("location.hash") == f"#{first['target']}"
    page.click(f"[id='{first['target']}'] a.back-link >> nth=0")
    assert page.evaluate("location.hash") == f"#{first['id']}"
    page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("which", ["report_59", "sampler"])
def test_axe_finds_no_violation(which, viewport, pages, browser):
    page, _ = open_page(browser, pages[which]["web.html"], viewport)
    page.add_script_tag(path=str(axe_script()))
    results = page.evaluate("async () => await axe.run(document)")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert violations == [], json.dumps(violations, indent=1)
    assert len(results["passes"]) > 20  # axe did run its rules
    if viewport is PHONE:  # nothing wider than the phone's screen but the tables, which scroll in their own box
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= viewport["width"]
    page.close()
