"""Server-side time of a dashboard filter change on 50,000 events.

A filter change in `dashboard.py` reruns the script: the cached event table is reused, then
`filter_events`, `timeline_figure` and the figure's JSON (what Streamlit sends the browser) are
computed afresh. This times exactly those steps on a table of ``--events`` rows, extracted from
distinct articles of `benchmarks/corpus.py` (dates over two years; as many articles as give that
many events, estimated from a first 200). Baselines, both measured in the same run: the unfiltered
pass (the page as it opens) and that extraction itself, which is what the cache saves on every rerun.
The filter changes pick their values from the table: its most common outlet and actor, the actor's
surname as the keyword, one year.

    python benchmarks/bench_dashboard.py            # 50,000 events
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

from timeline import extract_events  # noqa: E402
from timeline.view import chart, filters  # noqa: E402

PILOT = 200  # articles extracted first, to learn how many events an article gives


def big_table(gen: corpus.Generator, size: int) -> tuple[pd.DataFrame, int, float]:
    """At least ``size`` events (cut to ``size``) from distinct articles; the articles and extraction seconds."""
    pilot = extract_events(gen.articles(PILOT))
    articles = max(PILOT, int(size / max(len(pilot), 1) * PILOT * 1.05) + 1)
    docs = list(gen.articles(articles))
    seconds, events = timed(lambda: extract_events(docs))
    return events.head(size).reset_index(drop=True), articles, seconds


def choices(table: pd.DataFrame) -> dict[str, filters.Filters]:
    """Filter changes a reader would make on this table: its busiest outlet and actor, a name, a year."""
    outlet = table["outlet"].value_counts().index[0]
    actors = Counter(a for names in table["actors"] for a in names)
    actor = next((a for a, _ in actors.most_common() if " " in a), actors.most_common(1)[0][0])
    year = int(table["start"].dt.year.value_counts().index[0])
    return {
        "none (the page as it opens)": filters.Filters(),
        f"outlet = {outlet}": filters.Filters(outlets=(outlet,)),
        f"keyword '{actor.split()[-1]}'": filters.Filters(keyword=actor.split()[-1]),
        "actor + precision": filters.Filters(actors=(actor,), granularities=("day",)),
        f"one year ({year})": filters.Filters(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)),
        "merge reports": filters.Filters(merge=True),
    }


def timed(step) -> tuple[float, object]:
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def one_pass(table: pd.DataFrame, chosen: filters.Filters) -> tuple[int, float, float, float]:
    """Rows shown, and the seconds of the filter, the figure and its JSON."""
    t_filter, shown = timed(lambda: filters.filter_events(table, chosen))
    t_chart, figure = timed(lambda: chart.timeline_figure(shown, "outlet", "granularity"))
    t_json, _ = timed(figure.to_json)
    return len(shown), t_filter, t_chart, t_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=0, help="the corpus seed")
    parser.add_argument("--timeml", type=Path, default=corpus.DEFAULT_TIMEML)
    parser.add_argument("--ns-dates-only", action="store_true",
                        help="leave out source sentences dated before 1678 or after 2261 (see corpus.py)")
    args = parser.parse_args(argv)
    if args.events < 1:
        parser.error("--events must be at least 1")
    try:
        gen = corpus.generator(args.seed, args.timeml, ns_dates_only=args.ns_dates_only)
    except corpus.CorpusMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    table, articles, t_extract = big_table(gen, args.events)
    rows = [(name, *one_pass(table, chosen)) for name, chosen in choices(table).items()]
    baseline = sum(rows[0][2:])
    print(f"Extracting them from {articles:,} distinct articles took {t_extract:.1f} s "
          "(what the cache saves on every rerun).")
    print(f"{len(table):,} events; the unfiltered pass took {baseline:.2f} s.\n")
    print("| filter change | events shown | filter (s) | figure (s) | figure JSON (s) | total (s) | vs unfiltered |"
          + (" vs re-extraction |" if t_extract else ""))
    print("|---|---:|---:|---:|---:|---:|---:|" + ("---:|" if t_extract else ""))
    for name, count, t_filter, t_chart, t_json in rows:
        total = t_filter + t_chart + t_json
        print(f"| {name} | {count:,} | {t_filter:.3f} | {t_chart:.3f} | {t_json:.3f} | {total:.2f} | "
              f"{total / baseline:.2f}x |" + (f" {total / t_extract:.1%} |" if t_extract else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
