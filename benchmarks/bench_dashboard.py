"""What a dashboard reader waits for on a large corpus: a filter change, the figure's size, its draw, the first chart.

A filter change in `dashboard.py` reruns the script: the cached event table is reused, then the filters, the
figure and its JSON (what Streamlit sends the browser) are computed afresh. Four measures, each optional:

* **library pass** (always): server CPU seconds (``time.process_time``) of `filter_events` + `timeline_figure`
  + the figure's JSON, and that JSON's size, for a few filter changes a reader would make;
* ``--rerun``: the whole page's rerun through Streamlit's AppTest after a keyword change (widgets, chronicle,
  table, everything the script does), server CPU seconds, the cached table being this one;
* ``--browser N``: the figure of the unfiltered page at N events drawn by Debian's Chromium (plotly.js from the
  installed plotly package, no network): seconds from ``Plotly.newPlot`` to the first painted frame;
* ``--first-chart``: a fresh browser session (new context, empty cache) against a warm `streamlit run` server on
  the seeds: seconds from navigation until the chart shows its first event.

The table is read from a Parquet file written by ``python -m timeline extract CORPUS --out x.parquet`` (see
``benchmarks/corpus.py --articles N --out CORPUS``): extracting 200,000 events takes minutes and is not what is
measured here. Each size takes the events of the corpus's first articles (by doc_id), so clusters stay whole.

    python benchmarks/corpus.py --articles 31000 --out /tmp/c && python -m timeline extract /tmp/c --out /tmp/e.parquet
    python benchmarks/bench_dashboard.py --table /tmp/e.parquet --sizes 10000,50000,200000 --browser 50000
    python benchmarks/bench_dashboard.py --first-chart
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import plotly

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline import export  # noqa: E402
from timeline.view import chart, filters  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


def first_articles(table: pd.DataFrame, size: int) -> pd.DataFrame:
    """The events of the corpus's first articles (doc_id order), as many as make ``size`` events."""
    counts = table["doc_id"].value_counts().sort_index()
    enough = counts.index[: int((counts.cumsum() < size).sum()) + 1]
    return table[table["doc_id"].isin(set(enough))].head(size).reset_index(drop=True)


def choices(table: pd.DataFrame, merge: bool = True) -> dict[str, filters.Filters]:
    """Filter changes a reader would make on this table: its busiest outlet and actor, a name, a year."""
    outlet = table["outlet"].value_counts().index[0]
    actors = Counter(a for names in table["actors"] for a in names)
    actor = next((a for a, _ in actors.most_common() if " " in a), actors.most_common(1)[0][0])
    year = int(table["start"].dt.year.value_counts().index[0])
    changes = {
        "none (the page as it opens)": filters.Filters(),
        f"outlet = {outlet}": filters.Filters(outlets=(outlet,)),
        f"keyword '{actor.split()[-1]}'": filters.Filters(keyword=actor.split()[-1]),
        "actor + precision": filters.Filters(actors=(actor,), granularities=("day",)),
        f"one year ({year})": filters.Filters(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)),
        "merge reports": filters.Filters(merge=True),
    }
    if not merge:
        del changes["merge reports"]
    return changes


def cpu(step: Callable[[], object]) -> tuple[float, object]:
    """CPU seconds of this process (what a shared server pays), and the step's result."""
    started = time.process_time()
    result = step()
    return time.process_time() - started, result


try:  # the story view, the page's default since issue 9; before it, the lanes chart was the page's only figure
    from timeline.view import story
except ImportError:
    story = None


_OPENING: dict[int, str] = {}


def opening_span(table: pd.DataFrame) -> str:
    """The story's opening period for a table: computed once, as the page caches it per table."""
    if id(table) not in _OPENING:
        _OPENING[id(table)] = story.default_span(story.happening_rows(story.story_columns(table, "granularity")))
    return _OPENING[id(table)]


def figure_of(shown: pd.DataFrame, everything: pd.DataFrame | None = None):
    """The figure the page draws by default for these events: the story view (on its opening period, which the
    whole table decides, once) when the library has it, else the lanes chart."""
    if story is None:
        return chart.timeline_figure(shown)
    table = everything if everything is not None else shown
    span = opening_span(table)
    happenings = story.happening_rows(story.story_columns(shown, "granularity"))
    start, end = story.window_of(happenings, span)
    placed = story.layout(happenings, span, start, end, story.events_in(shown, start, end, span))
    return story.story_figure(placed)


def one_pass(table: pd.DataFrame, chosen: filters.Filters) -> tuple[int, float, float, float, int]:
    """Rows shown; CPU seconds of the filter, the figure and its JSON; the JSON's bytes."""
    t_filter, shown = cpu(lambda: filters.filter_events(table, chosen))
    t_chart, figure = cpu(lambda: figure_of(shown, table))
    t_json, text = cpu(figure.to_json)
    return len(shown), t_filter, t_chart, t_json, len(text.encode("utf-8"))


def library_passes(table: pd.DataFrame, merge: bool = True) -> None:
    print(f"\n### {len(table):,} events ({table['doc_id'].nunique():,} articles)\n")
    print("| filter change | events shown | filter (CPU s) | figure (CPU s) | JSON (CPU s) | total (CPU s) "
          "| JSON (MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, chosen in choices(table, merge).items():
        count, t_filter, t_chart, t_json, size = one_pass(table, chosen)
        print(f"| {name} | {count:,} | {t_filter:.3f} | {t_chart:.3f} | {t_json:.3f} | "
              f"{t_filter + t_chart + t_json:.2f} | {size / 1e6:.2f} |")


def page_rerun(table: pd.DataFrame) -> float:
    """CPU seconds of the whole page's rerun after a keyword change, the cached table being ``table``.

    The page extracts the seeds; here extraction returns ``table`` instead, so the page runs as on a corpus
    that gave these events (cached after the first run, as in the server)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    import timeline.events

    real = timeline.events.extract_events
    timeline.events.extract_events = lambda docs: table.copy()
    try:
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600).run()
        actors = Counter(a for names in table["actors"] for a in names)
        word = next((a for a, _ in actors.most_common() if " " in a), "the").split()[-1]
        seconds, at = cpu(lambda: at.sidebar.text_input(key="q").set_value(word).run())
        if at.exception:
            raise RuntimeError(f"the page failed: {at.exception[0].message}")
        return seconds
    finally:
        timeline.events.extract_events = real


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


DRAW_PAGE = """<!doctype html><html><head><meta charset="utf-8"><script src="plotly.min.js"></script></head>
<body><div id="chart" style="width:1400px;height:800px"></div></body></html>"""

DRAW = """async (figure) => {
  const started = performance.now();
  await Plotly.newPlot('chart', figure.data, figure.layout, {responsive: true});
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return (performance.now() - started) / 1000;
}"""


def browser_draw(table: pd.DataFrame, runs: int = 2) -> list[float]:
    """Seconds Chromium takes to draw the unfiltered page's figure (best of a cold and a warm run is not taken:
    each run's figure is drawn into a fresh page)."""
    figure = json.loads(figure_of(filters.filter_events(table, filters.Filters()), table).to_json())
    bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    seconds = []
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        (Path(folder) / "plotly.min.js").write_bytes(bundle.read_bytes())
        (Path(folder) / "draw.html").write_text(DRAW_PAGE, encoding="utf-8")
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"file://{folder}/draw.html")
            page.wait_for_function("typeof Plotly !== 'undefined'")
            seconds.append(page.evaluate(DRAW, figure))
            page.close()
    return seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(env: dict[str, str] | None = None, with_pid: bool = False) -> Iterator[object]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.3)
        yield (url, process.pid) if with_pid else url
    finally:
        process.terminate()
        process.wait(timeout=30)


FIRST_EVENT = ("document.querySelectorAll('.js-plotly-plot .scatterlayer .point, .js-plotly-plot .barlayer .point')"
               ".length > 0")


def first_chart(sessions: int = 3) -> list[float]:
    """Seconds from navigation to the first drawn event, each in a fresh browser context, the server warm."""
    seconds = []
    with streamlit_server() as url, chromium() as browser:
        for i in range(sessions + 1):  # the first session warms the server's caches and is not counted
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(url, wait_until="commit")
            page.wait_for_function(FIRST_EVENT, timeout=180_000, polling=50)
            if i:
                seconds.append(time.perf_counter() - started)
            context.close()
    return seconds


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


SHOWN = "[...document.querySelectorAll('[data-testid=stCaptionContainer]')].map(c => c.innerText)" \
        ".find(t => / of [0-9,]+ events/.test(t)) || ''"


def server_reruns(table: pd.DataFrame, words: list[str]) -> list[tuple[str, str, float]]:
    """Server CPU seconds of real filter changes: `streamlit run` on this table (opened from a Parquet file), the
    keyword typed in Chromium; the server's CPU time (from /proc) from the change until the page has redrawn."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.parquet"
        export.write_table(table, path)
        with streamlit_server({"TIMELINE_EVENTS": str(path)}, with_pid=True) as (url, pid), chromium() as browser:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url, wait_until="commit")
            page.wait_for_function(FIRST_EVENT, timeout=300_000, polling=100)
            page.wait_for_timeout(2000)
            results = []
            for word in words:
                before_text = page.evaluate(SHOWN)
                used = process_cpu(pid)
                box = page.get_by_label("Keyword in the sentence")
                box.fill(word)
                box.press("Enter")
                page.wait_for_function(f"({SHOWN}) !== {json.dumps(before_text)}", timeout=120_000, polling=50)
                page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=120_000)
                page.wait_for_timeout(1500)  # the server's last messages and idle
                results.append((word, page.evaluate(SHOWN), process_cpu(pid) - used))
            idle = process_cpu(pid)
            page.wait_for_timeout(1500)
            idle = process_cpu(pid) - idle
            return [(word, shown, seconds - idle) for word, shown, seconds in results]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, help="a Parquet (or CSV/JSON) event table written by `extract`")
    parser.add_argument("--sizes", default="10000,50000", help="comma-separated event counts taken from the table")
    parser.add_argument("--no-merge", action="store_true", help="leave out the 'merge reports' change")
    parser.add_argument("--rerun", action="store_true", help="also time the whole page's rerun (AppTest)")
    parser.add_argument("--browser", type=int, default=0, metavar="N", help="also time Chromium's draw at N events")
    parser.add_argument("--server", action="store_true",
                        help="also time real filter changes on a `streamlit run` server (server CPU from /proc)")
    parser.add_argument("--first-chart", action="store_true", help="time to first chart, fresh session, warm server")
    args = parser.parse_args(argv)
    if args.table is None and not args.first_chart:
        parser.error("give --table (an event table written by `python -m timeline extract`) or --first-chart")
    if args.table is not None:
        try:
            table = export.read_table(args.table)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        try:
            sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        except ValueError:
            parser.error("--sizes wants comma-separated numbers, e.g. 10000,50000")
        if len(table) < max([*sizes, args.browser]):
            print(f"note: the table has {len(table):,} events; larger sizes use all of them", file=sys.stderr)
        for size in sizes:
            subset = first_articles(table, size)
            library_passes(subset, merge=not args.no_merge)
            if args.rerun:
                print(f"\nWhole page rerun after a keyword change: {page_rerun(subset):.2f} CPU s")
            if args.server:
                actors = Counter(a for names in subset["actors"] for a in names).most_common(40)
                words = [actors[0][0].split()[-1], actors[-1][0].split()[-1], "said", ""]
                for word, shown, seconds in server_reruns(subset, words):
                    print(f"Server, keyword '{word}' ({shown.strip()}): {seconds:.2f} CPU s")
        if args.browser:
            draws = browser_draw(first_articles(table, args.browser))
            print(f"\nChromium draw of the unfiltered figure at {args.browser:,} events: "
                  + ", ".join(f"{s:.2f}" for s in draws) + " s")
    if args.first_chart:
        times = first_chart()
        print("\nFirst chart, fresh browser session, warm server: " + ", ".join(f"{s:.2f}" for s in times) + " s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
