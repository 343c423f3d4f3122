"""The preview in a real browser (Debian Chromium driven by Playwright): a drafter edits
paragraph 2, sees the new words on the page without reloading it; writes an impossible date
and sees the located error with the page marked stale; fixes it and sees no problems.

Timeouts are generous: the machine may be a busy two-core one. Speed is measured in
bench/preview.py, not here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import replace_in
from previewing import running_preview

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_MS = 120_000
PARAGRAPH_2 = "The Convention entered into force on 1 July 2003"
EDITED_2 = "The Convention entered into force, as the drafter now writes, on 1 July 2003"

pytestmark = pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="needs Debian chromium (make test installs it)")


def launch(playwright):  # type: ignore[no-untyped-def]
    """Debian's Chromium with the common flags; Playwright gives it a fresh profile folder."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)


def pages_text(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator("#pages").inner_text(timeout=WAIT_MS)


def test_a_drafter_sees_edits_errors_and_fixes_without_reloading(data_copy: Path, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    edition = data_copy / "sessions" / "59" / "cmw-status.yaml"
    with running_preview(data_copy, tmp_path / "output") as preview, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.goto(preview.url, timeout=WAIT_MS)
            pages = page.locator("#pages")
            expect(pages).to_contain_text(PARAGRAPH_2, timeout=WAIT_MS)
            expect(page.locator("#pages .page")).to_have_count(3, timeout=WAIT_MS)
            page.evaluate("window.sameDocument = 'yes'")  # gone if the page reloads
            written_at = page.locator('.text-layer span.source[title^="Paragraph 2 is written at "]')
            expect(written_at).to_have_count(1)
            expect(written_at).to_have_text("2.")
            expect(written_at).to_have_attribute("title", re.compile(r"sessions/59/cmw-status\.yaml:26:"))

            replace_in(edition, PARAGRAPH_2, EDITED_2)
            expect(pages).to_contain_text("as the drafter now writes", timeout=WAIT_MS)
            assert "entered into force on 1 July 2003 following" not in pages_text(page)
            expect(page.locator("#problems .problem")).to_have_count(0)

            replace_in(edition, "date: 2004-08-27", "date: 2004-02-30")
            problem = page.locator("#problems .problem.error")
            expect(problem).to_have_count(1, timeout=WAIT_MS)
            expect(problem).to_contain_text("sessions/59/cmw-status.yaml:7:7")
            expect(problem).to_contain_text("not a real date")
            expect(problem.locator(".quote")).to_contain_text("date: 2004-02-30")
            expect(pages).to_have_class("pages stale")
            expect(page.locator("#stale-note")).to_be_visible()
            expect(page.locator("body")).to_have_attribute("data-state", "stale")
            expect(pages).to_contain_text("as the drafter now writes")  # the last good pages stay

            replace_in(edition, "date: 2004-02-30", "date: 2004-08-27")
            expect(page.locator("#problems .problem")).to_have_count(0, timeout=WAIT_MS)
            expect(page.locator("#no-problems")).to_be_visible()
            expect(pages).not_to_have_class("pages stale", timeout=WAIT_MS)
            expect(page.locator("body")).to_have_attribute("data-state", "ok", timeout=WAIT_MS)
            assert page.evaluate("window.sameDocument") == "yes", "the page was reloaded"
        finally:
            browser.close()


def test_the_changes_tab_shows_the_redline(data_copy: Path, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with running_preview(data_copy, tmp_path / "output", 60) as preview, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.goto(preview.url, timeout=WAIT_MS)
            tab = page.locator("#tab-changes")
            expect(tab).to_have_text("Changes since session 59", timeout=WAIT_MS)
            tab.click()
            frame = page.frame_locator("#changes")
            expect(frame.locator(".redline-summary")).to_contain_text("Changes from 59/cmw-status to 60/cmw-status",
                                                                      timeout=WAIT_MS)
            expect(frame.locator("ins").first).to_be_visible(timeout=WAIT_MS)
        finally:
            browser.close()
