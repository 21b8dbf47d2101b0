"""End to end in a real browser: `streamlit run dashboard.py` on a local port, driven through Debian's Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from paths import ROOT

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(),
                                                     reason="Debian's chromium is missing: apt-get install chromium")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start: {process.stdout.read().decode()[-2000:]}") from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def page(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        yield page
        browser.close()


EVENT_MARKS = ".js-plotly-plot .scatterlayer .trace:not(:last-child) .point, .js-plotly-plot .barlayer .point"


def event_marks(page) -> int:
    """Event shapes drawn in the chart: markers and bars (the publication ticks excluded)."""
    return page.locator(EVENT_MARKS).count()


def test_the_chart_renders_and_a_filter_changes_it(server: str, page, tmp_path: Path) -> None:
    page.goto(server, wait_until="domcontentloaded")
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .point').length > 0", timeout=30_000)
    before = event_marks(page)
    assert before >= 15
    page.screenshot(path=str(tmp_path / "dashboard.png"))

    keyword = page.get_by_label("Keyword in the sentence")
    keyword.fill("Kellogg")
    keyword.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .point').length < {before}", timeout=30_000)
    after = event_marks(page)
    assert 0 < after < before
    assert "q=Kellogg" in page.url  # the filter travels in the link
    page.screenshot(path=str(tmp_path / "filtered.png"), full_page=True)
    assert (tmp_path / "filtered.png").stat().st_size > 10_000


def open_view(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .point').length > 0", timeout=30_000)


def test_a_shared_link_opens_the_same_view(server: str, page, seed_events) -> None:
    open_view(page, f"{server}/?outlet=RT")
    rt = (seed_events["outlet"] == "RT").sum()
    assert page.get_by_text(f"of {len(seed_events)} events").first.inner_text().startswith(f"{rt} of")


def test_clicking_an_event_explains_it_and_puts_it_in_the_link(server: str, page, seed_events) -> None:
    open_view(page, f"{server}/?outlet=RT")
    marker = page.locator(".js-plotly-plot .scatterlayer .trace:not(:last-child) .point").first
    box = marker.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)  # plotly picks the point under the pointer from the hover, then the click selects it
    page.mouse.click(x, y)
    page.get_by_text("Expression").first.wait_for(timeout=30_000)
    page.wait_for_function("location.search.includes('event=')", timeout=10_000)
    assert "outlet=RT" in page.url  # picking an event keeps the filters in the link
    picked = page.url.split("event=")[1].split("&")[0]
    assert seed_events.set_index("event_id").at[picked, "outlet"] == "RT"
    assert page.locator("mark").count() >= 1


@pytest.mark.skipif(not os.environ.get("TIMELINE_SCREENSHOT"), reason="set TIMELINE_SCREENSHOT=docs/dashboard.png")
def test_readme_screenshot(server: str, page, seed_events) -> None:
    """How docs/dashboard.png is made: lanes by outlet, an event told by several articles picked."""
    shared = seed_events.sort_values("n_sources", ascending=False)["event_id"].iloc[0]
    page.set_viewport_size({"width": 1400, "height": 900})
    open_view(page, f"{server}/?event={shared}")
    page.get_by_text("Also reported by").first.wait_for(timeout=30_000)
    page.screenshot(path=os.environ["TIMELINE_SCREENSHOT"])
    page.set_viewport_size({"width": 1400, "height": 1000})


def test_the_chart_downloads_as_standalone_html(server: str, page) -> None:
    open_view(page, server)
    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Chart as HTML").click()
    html = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Plotly.newPlot" in html and '<script src="https://cdn' not in html  # plotly.js inline: works offline
    assert len(html) > 1_000_000


YEARLESS = "---\ntitle: Ministers meet\noutlet: Test Wire\npublished: March 3\n---\nThe talks ended on Friday.\n"
EVIL = ('---\ntitle: <span style="font-size:60px">Huge</span> talks\noutlet: <a href="https://evil.example">x</a>\n'
        "published: 2025-02-14\n---\nThe ministers met on Wednesday in Brussels and will meet again next week.\n")
SET_ASIDE = "the rest of the page works without"


def upload_hostile(page, folder: Path, huge: bool = False) -> None:
    """Upload a file with a yearless date, one whose outlet and title are markup (and a text over the limit)."""
    files = {"yearless.md": YEARLESS, "evil.md": EVIL}
    if huge:
        files["huge.md"] = "Huge\n" + "The ministers met on Wednesday in Brussels. " * 140_000
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    page.locator("input[type=file]").set_input_files([str(folder / name) for name in files])
    page.get_by_text(SET_ASIDE).first.wait_for(timeout=60_000)
    page.wait_for_function("[...document.querySelectorAll('.js-plotly-plot .ytick text')]"
                           ".some(t => t.textContent.includes('evil.example'))", timeout=60_000)


def test_a_bad_upload_is_set_aside_and_markup_in_an_outlet_stays_text(server: str, page, tmp_path: Path) -> None:
    open_view(page, f"{server}/?from=2025-13-45")
    upload_hostile(page, tmp_path)
    assert page.get_by_text("names no year").count() == 1
    assert page.get_by_text("Ignored from the link: from=2025-13-45").count() == 1
    lanes = page.locator(".js-plotly-plot .ytick text").all_text_contents()
    assert '<a href="https://evil.example">x</a>' in lanes  # the markup, shown as written
    assert page.locator('a[href*="evil.example"]').count() == 0  # and nowhere a live link
    before = event_marks(page)
    page.get_by_role("button", name="Remove", exact=True).click()
    page.get_by_text(SET_ASIDE).first.wait_for(state="detached", timeout=60_000)
    # the other articles, the upload that worked included, stay (once the chart has redrawn)
    page.wait_for_function("([marks, n]) => document.querySelectorAll(marks).length === n", arg=[EVENT_MARKS, before],
                           timeout=30_000)
    assert before > 0


@pytest.mark.skipif(not os.environ.get("TIMELINE_HOSTILE_SCREENSHOTS"),
                    reason="set TIMELINE_HOSTILE_SCREENSHOTS=docs to remake docs/hostile-*.png")
def test_hostile_screenshots(server: str, page, tmp_path: Path) -> None:
    """How docs/hostile-desktop.png and docs/hostile-phone.png are made: failed uploads set aside, a bad link."""
    folder = Path(os.environ["TIMELINE_HOSTILE_SCREENSHOTS"])
    for name, size in (("desktop", {"width": 1400, "height": 900}), ("phone", {"width": 390, "height": 844})):
        page.set_viewport_size(size)
        open_view(page, f"{server}/?from=2025-13-45")
        upload_hostile(page, tmp_path, huge=True)
        page.wait_for_timeout(1500)  # the chart's resize after the panel above it grew
        page.screenshot(path=str(folder / f"hostile-{name}.png"))
    page.set_viewport_size({"width": 1400, "height": 1000})


def test_my_articles_saved_as_json_load_back_the_same(server: str, page, tmp_path: Path) -> None:
    from timeline.documents import parse_bytes

    open_view(page, server)
    (tmp_path / "evil.md").write_text(EVIL, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(tmp_path / "evil.md"))
    page.get_by_role("tab", name="Your articles").click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Save my articles (JSON)").click()
    saved = parse_bytes("my-articles.json", Path(download.value.path()).read_bytes())
    uploaded = parse_bytes("evil.md", EVIL.encode())
    assert not saved.errors and len(saved.documents) == 1
    [again], [first] = saved.documents, uploaded.documents
    assert (again.doc_id, again.title, again.outlet, again.published, again.text) == \
        (first.doc_id, first.title, first.outlet, first.published, first.text)
