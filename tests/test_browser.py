"""End to end in a real browser: `streamlit run dashboard.py` on a local port, driven through Debian's Chromium."""

from __future__ import annotations

import contextlib
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


@contextlib.contextmanager
def running_dashboard(env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run dashboard.py` on a free local port (with ``env`` if given), its URL once healthy."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
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
def server() -> Iterator[str]:
    with running_dashboard() as url:
        yield url


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
DESKTOP, PHONE = {"width": 1400, "height": 900}, {"width": 390, "height": 844}


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
    page.locator(".st-key-detail").get_by_text("Reported by").first.wait_for(timeout=30_000)
    page.wait_for_function("location.search.includes('event=')", timeout=10_000)
    assert "outlet=RT" in page.url  # picking an event keeps the filters in the link
    picked = page.url.split("event=")[1].split("&")[0]
    assert seed_events.set_index("event_id").at[picked, "outlet"] == "RT"
    assert page.locator(".st-key-detail mark").count() >= 1


@pytest.mark.skipif(not os.environ.get("TIMELINE_SCREENSHOT"), reason="set TIMELINE_SCREENSHOT=docs/dashboard.png")
def test_readme_screenshot(server: str, page, seed_events) -> None:
    """How docs/dashboard.png is made: the story view, an event told by several articles picked."""
    shared = seed_events.sort_values("n_sources", ascending=False)["event_id"].iloc[0]
    page.set_viewport_size({"width": 1400, "height": 900})
    open_view(page, f"{server}/?event={shared}")
    page.locator(".st-key-detail").get_by_text("Reported by").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
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
    open_view(page, f"{server}/?from=2025-13-45&lane=Outlet")  # lanes by outlet: the outlet is a tick label
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
        open_view(page, f"{server}/?from=2025-13-45&lane=Outlet")
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


# --------------------------------------------------------------------------- issue 9: the story view, as seen

BOXES = """(selector) => [...document.querySelectorAll(selector)].map(e => {
  const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height, text: e.textContent};
})"""


def boxes(page, selector: str) -> list[dict]:
    return page.evaluate(BOXES, selector)


def overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])


def in_viewport(page, box: dict) -> bool:
    size = page.viewport_size
    return box["y"] >= 0 and box["y"] < size["height"] and box["x"] >= 0 and box["x"] + box["w"] <= size["width"] + 1


def show(page, url: str, size: dict) -> None:
    page.set_viewport_size(size)
    open_view(page, url)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .textpoint text').length > 0", timeout=30_000)
    page.wait_for_timeout(800)  # the chart's resize to its column


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_labels_are_drawn_whole_and_never_overlap_on_first_view(server: str, page, size: dict) -> None:
    show(page, server, size)
    labels = [b for b in boxes(page, ".js-plotly-plot .textpoint text") if b["w"] > 0]
    marks = [b for b in boxes(page, ".js-plotly-plot .scatterlayer .trace .point, .js-plotly-plot .barlayer .point")
             if b["w"] > 0]
    [plot] = boxes(page, ".js-plotly-plot .main-svg")[:1]
    assert len(labels) >= 6 and all(label["text"] for label in labels)
    for i, label in enumerate(labels):
        assert plot["x"] <= label["x"] and label["x"] + label["w"] <= plot["x"] + plot["w"] + 1, label  # not clipped
        assert not any(overlap(label, other) for other in labels[i + 1:]), label
        assert not any(overlap(label, mark) for mark in marks), label
    page.set_viewport_size({"width": 1400, "height": 1000})


def test_a_click_on_the_chart_shows_the_event_beside_it_in_view(server: str, page) -> None:
    show(page, server, DESKTOP)
    marker = page.locator(".js-plotly-plot .scatterlayer .trace:first-child .point").first
    box = marker.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    heading = page.locator(".st-key-detail h4").first
    heading.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    assert in_viewport(page, boxes(page, ".st-key-detail h4")[0])
    [chart] = boxes(page, ".st-key-detail")
    [plot] = boxes(page, ".js-plotly-plot")[:1]
    assert chart["x"] > plot["x"] + plot["w"] - 1  # beside the chart, not under it
    page.set_viewport_size({"width": 1400, "height": 1000})


def test_on_a_phone_the_chronicle_comes_first_and_a_pick_opens_in_view(server: str, page) -> None:
    show(page, server, PHONE)
    [chronicle] = boxes(page, ".st-key-chronicle")
    [plot] = boxes(page, ".js-plotly-plot")[:1]
    assert chronicle["y"] < plot["y"]
    assert plot["x"] >= 0 and plot["x"] + plot["w"] <= PHONE["width"] + 1  # no horizontal clipping
    entry = page.locator(".st-key-chronicle button").nth(1)
    entry.click()
    page.locator(".st-key-inline-detail h4").first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    assert in_viewport(page, boxes(page, ".st-key-inline-detail h4")[0])
    page.set_viewport_size({"width": 1400, "height": 1000})


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_shared_link_reopens_the_selected_event(server: str, page, seed_events, size: dict) -> None:
    event = seed_events[seed_events["granularity"] == "month"].iloc[0]  # outside the opening period
    show(page, f"{server}/?event={event['event_id']}", size)
    where = ".st-key-detail" if size is DESKTOP else ".st-key-inline-detail"
    page.locator(f"{where} h4").first.wait_for(timeout=30_000)
    assert page.locator(f"{where} h4").first.inner_text() == event["headline"]
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .scatterlayer .trace .point').length > 0")
    ring = page.evaluate("() => document.querySelector('.js-plotly-plot').data.filter(t => t.name === 'selected')"
                         ".length")
    assert ring == 1  # the period moved to show it, ringed
    page.set_viewport_size({"width": 1400, "height": 1000})


@pytest.mark.parametrize("lane", ["Story", "Outlet"])
def test_the_html_export_opens_with_its_title_and_whole_lanes(server: str, page, tmp_path: Path, lane: str) -> None:
    page.set_viewport_size(DESKTOP)
    open_view(page, f"{server}/?lane={lane}&outlet=RT&outlet=Euromaidan+Press")
    page.get_by_role("tab", name="Export").click()
    title = page.get_by_role("textbox", name="Title of the story")
    title.fill("Troops for Ukraine")
    title.press("Enter")
    page.wait_for_timeout(1500)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Chart as HTML").click()
    saved = tmp_path / "timeline.html"
    download.value.save_as(saved)
    page.goto(saved.as_uri())
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
    assert page.locator("h1").inner_text() == "Troops for Ukraine" and page.title() == "Troops for Ukraine"
    made = page.locator(".made").inner_text()
    assert "outlet: RT, Euromaidan Press" in made and "Made " in made
    if lane == "Outlet":
        ticks = boxes(page, ".js-plotly-plot .ytick text")
        assert {t["text"] for t in ticks} == {"RT", "Euromaidan Press"}  # whole names, not two letters
        assert all(t["x"] >= 0 for t in ticks)
    legend = boxes(page, ".js-plotly-plot .legend")[0]
    [xaxis] = boxes(page, ".js-plotly-plot .xaxislayer-above")[:1]
    [svg] = boxes(page, ".js-plotly-plot .main-svg")[:1]
    assert not overlap(legend, xaxis)  # the legend stays off the axis
    assert xaxis["y"] + xaxis["h"] <= svg["y"] + svg["h"] + 1  # the dates under the axis are not cut off
    page.screenshot(path=str(tmp_path / f"export-{lane}.png"))


@pytest.mark.skipif(not os.environ.get("TIMELINE_STORY_SCREENSHOTS"),
                    reason="set TIMELINE_STORY_SCREENSHOTS=docs to remake docs/story-*.png")
def test_story_screenshots(server: str, page, seed_events) -> None:
    """How docs/story-desktop.png and docs/story-phone*.png are made: an event picked; a phone's first view (the
    chronicle), then its chart."""
    folder = Path(os.environ["TIMELINE_STORY_SCREENSHOTS"])
    shared = seed_events.sort_values("n_sources", ascending=False)["event_id"].iloc[0]
    show(page, f"{server}/?event={shared}", DESKTOP)
    page.locator(".st-key-detail h4").first.wait_for(timeout=30_000)
    page.screenshot(path=str(folder / "story-desktop.png"))
    show(page, server, PHONE)
    page.screenshot(path=str(folder / "story-phone.png"))
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(folder / "story-phone-chart.png"))
    page.set_viewport_size({"width": 1400, "height": 1000})


def test_the_keyboard_selects_an_event_from_the_chronicle(server: str, page) -> None:
    show(page, server, DESKTOP)
    entry = page.locator(".st-key-chronicle button").first
    entry.focus()
    page.keyboard.press("Enter")
    page.locator(".st-key-detail h4").first.wait_for(timeout=30_000)
    page.wait_for_function("location.search.includes('event=')", timeout=10_000)
    assert page.locator(".st-key-detail h4").first.inner_text() in entry.inner_text()
    page.set_viewport_size({"width": 1400, "height": 1000})
