"""Server-side time of a dashboard filter change on 50,000 events.

A filter change in `dashboard.py` reruns the script: the cached event table is reused, then
`filter_events`, `timeline_figure` and the figure's JSON (what Streamlit sends the browser) are
computed afresh. This times exactly those steps on a table of ``--events`` rows (the seeds'
events repeated with distinct ids and shifted dates). Baselines, both measured in the same run:
the unfiltered pass (the page as it opens) and, unless ``--no-extraction``, extracting the events
again from the articles that would give that many, which is what the cache saves on every rerun.

    python benchmarks/bench_dashboard.py            # 50,000 events
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline import extract_events, load_documents  # noqa: E402
from timeline.view import chart, filters  # noqa: E402


def big_table(events: pd.DataFrame, size: int) -> pd.DataFrame:
    copies = -(-size // len(events))
    parts = []
    for i in range(copies):
        part = events.copy()
        shift = pd.Timedelta(days=7 * (i % 200))
        part["event_id"] = part["event_id"] + f"-{i}"
        part["cluster_id"] = part["cluster_id"] + f"-{i}"
        part["doc_id"] = part["doc_id"] + f"-{i}"
        for column in ("start", "end", "published"):
            part[column] = part[column] + shift
        parts.append(part)
    return pd.concat(parts, ignore_index=True).head(size)


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
    parser.add_argument("--no-extraction", action="store_true", help="skip the re-extraction baseline")
    args = parser.parse_args(argv)
    docs = load_documents(ROOT / "seeds")
    seed_events = extract_events(docs)
    table = big_table(seed_events, args.events)
    changes = {
        "none (the page as it opens)": filters.Filters(),
        "outlet = RT": filters.Filters(outlets=("RT",)),
        "keyword 'Kellogg'": filters.Filters(keyword="Kellogg"),
        "actor + precision": filters.Filters(actors=("Keith Kellogg",), granularities=("week",)),
        "one year": filters.Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)),
        "merge reports": filters.Filters(merge=True),
    }
    rows = [(name, *one_pass(table, chosen)) for name, chosen in changes.items()]
    baseline = sum(rows[0][2:])
    t_extract = None
    if not args.no_extraction:
        articles = -(-args.events // len(seed_events)) * len(docs)
        corpus = [dataclasses.replace(d, doc_id=f"{i}-{d.doc_id}") for i in range(articles // len(docs)) for d in docs]
        t_extract, _ = timed(lambda: extract_events(corpus))
        print(f"Re-extracting them from {len(corpus):,} articles took {t_extract:.1f} s "
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
