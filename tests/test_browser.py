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


def event_marks(page) -> int:
    """Event shapes drawn in the chart: markers and bars (the publication ticks excluded)."""
    return page.locator(".js-plotly-plot .scatterlayer .trace:not(:last-child) .point, "
                        ".js-plotly-plot .barlayer .point").count()


def test_the_chart_renders_and_a_filter_changes_it(server: str, page, tmp_path: Path) -> None:
    page.goto(server, wait_until="domcontentloaded")
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .point').length > 0", timeout=30_000)
    before = event_marks(page)
    assert before >= 15
    page.screenshot(path=str(tmp_path / "dashboard.png"))
    if os.environ.get("TIMELINE_SCREENSHOT"):  # how docs/dashboard.png is made
        page.screenshot(path=os.environ["TIMELINE_SCREENSHOT"])

    keyword = page.get_by_label("Keyword in the sentence")
    keyword.fill("Kellogg")
    keyword.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .point').length < {before}", timeout=30_000)
    after = event_marks(page)
    assert 0 < after < before
    assert "q=Kellogg" in page.url  # the filter travels in the link
    page.screenshot(path=str(tmp_path / "filtered.png"), full_page=True)
    assert (tmp_path / "filtered.png").stat().st_size > 10_000


def test_a_shared_link_opens_the_same_view(server: str, page) -> None:
    page.goto(f"{server}/?outlet=RT", wait_until="domcontentloaded")
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .point').length > 0", timeout=30_000)
    assert page.get_by_text("of 20 events").first.inner_text().startswith("5 of 20")
