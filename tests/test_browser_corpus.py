"""Saved corpora end to end in Debian's Chromium: upload, copy the link, open it in a new browser context (no
cookies, no session), see the uploaded article's event. Also the screenshots of the table of articles."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_browser import CHROMIUM, running_dashboard

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(),
                                                     reason="Debian's chromium is missing: apt-get install chromium")]

MEETING = ("---\ntitle: Ministers meet\noutlet: Test Wire\npublished: 2025-03-14\n---\n"
           "The ministers met on Wednesday in Brussels. They will meet again next week.\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """The dashboard on a local port, saving to a database of its own."""
    database = tmp_path_factory.mktemp("browser-corpora") / "corpora.sqlite3"
    with running_dashboard({**os.environ, "TIMELINE_DATABASE_URL": f"sqlite:///{database}"}) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"])
        yield browser
        browser.close()


def wait_for_chart(page) -> None:
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .point').length > 0", timeout=30_000)


def test_an_upload_opens_from_its_link_in_a_new_browser(server: str, browser, tmp_path: Path) -> None:
    from timeline.documents import load_bytes
    from timeline.events import extract_events

    headlines = set(extract_events(load_bytes("meeting.md", MEETING.encode()))["headline"])
    first = browser.new_context(viewport={"width": 1400, "height": 900})
    page = first.new_page()
    page.goto(server, wait_until="domcontentloaded")
    wait_for_chart(page)
    (tmp_path / "meeting.md").write_text(MEETING, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(tmp_path / "meeting.md"))
    page.wait_for_function("location.search.includes('corpus=')", timeout=60_000)
    page.get_by_text("Added Ministers meet from meeting.md").first.wait_for(state="attached", timeout=60_000)
    outlets = page.locator("[data-testid=stMultiSelect]").filter(has_text="Outlets").locator("input")
    outlets.click()
    outlets.fill("Test Wire")
    outlets.press("Enter")  # the view to share: the uploaded outlet's events
    page.wait_for_function("location.search.includes('outlet=Test')", timeout=30_000)
    outlets.press("Escape")  # close the list of outlets
    page.get_by_role("tab", name="Your articles").click()
    page.wait_for_function("[...document.querySelectorAll('code')].some(c => c.textContent.includes('outlet=Test'))",
                           timeout=30_000)
    link = page.locator("code").filter(has_text="corpus=").first.inner_text().strip()
    assert link.startswith(f"{server}/?corpus=") and link.split("corpus=")[1].split("&")[0] not in page.url
    first.close()

    second = browser.new_context(viewport={"width": 1400, "height": 900})  # no cookies, no session: a new user
    other = second.new_page()
    other.goto(link, wait_until="domcontentloaded")  # the read-only link, as copied
    wait_for_chart(other)
    assert other.get_by_text("Read-only link").count() >= 1
    seen = other.locator(".js-plotly-plot text, [data-testid=stMarkdownContainer]").all_text_contents()
    assert headlines & {h for h in headlines if any(h in text for text in seen)}  # the upload's event, labelled
    assert other.locator("input[type=file]").count() == 0  # read-only: nothing to upload
    second.close()


@pytest.mark.parametrize(("name", "size"), [("desktop", {"width": 1400, "height": 900}),
                                            ("phone", {"width": 390, "height": 844})])
def test_screenshots_of_the_table_of_articles(server: str, browser, tmp_path: Path, name: str, size: dict) -> None:
    """The table of articles after an upload (and a failed one, set aside); kept where TIMELINE_CORPUS_SCREENSHOTS
    says."""
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.goto(server, wait_until="domcontentloaded")
    wait_for_chart(page)
    (tmp_path / "meeting.md").write_text(MEETING, encoding="utf-8")
    (tmp_path / "scan.txt").write_bytes(bytes(range(256)) * 8)
    page.locator("input[type=file]").set_input_files([str(tmp_path / "meeting.md"), str(tmp_path / "scan.txt")])
    page.wait_for_function("location.search.includes('corpus=')", timeout=60_000)
    page.get_by_role("tab", name="Your articles").click()
    page.get_by_text("Set aside (1)").first.wait_for(timeout=60_000)
    page.wait_for_function("[...document.querySelectorAll('code')].filter(c => c.textContent.includes('corpus='))"
                           ".length == 2", timeout=30_000)
    table = page.get_by_text("Articles (6)").first
    table.wait_for(state="visible", timeout=60_000)  # Streamlit may still be redrawing the tab after the upload
    table.scroll_into_view_if_needed()
    page.wait_for_timeout(1500)
    folder = Path(os.environ.get("TIMELINE_CORPUS_SCREENSHOTS") or tmp_path)
    page.screenshot(path=str(folder / f"corpus-{name}.png"))
    grid = page.locator("[data-testid=stDataFrame]").last.bounding_box()
    assert grid["x"] >= 0 and grid["x"] + grid["width"] <= size["width"] + 1  # the table, dates first, fits the screen
    context.close()
