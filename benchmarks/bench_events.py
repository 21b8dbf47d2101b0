"""Speed and memory of the whole pipeline, ``extract_events``, on a corpus of thousands of articles.

The corpus is the seeds repeated with distinct ids (``--copies`` times each). Three engines read
it, each in its own fresh process so that peak memory is its own:

* ``extract_events``: sentences, time expressions, entities, events and merged reports;
* ``find_timexes``: our time expressions alone, to show what the rest of the pipeline costs;
* ``dateparser``: plain ``dateparser.search_dates`` over the same texts, the baseline.

    python benchmarks/bench_events.py              # 2,000 articles, Markdown table on stdout
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("extract_events", "find_timexes", "dateparser")


def corpus(copies: int) -> list:
    sys.path.insert(0, str(ROOT))
    from timeline import load_documents

    seeds = load_documents(ROOT / "seeds")
    return [dataclasses.replace(doc, doc_id=f"{i:05d}-{doc.doc_id}") for i in range(copies) for doc in seeds]


def work(name: str, copies: int) -> dict[str, float]:
    docs = corpus(copies)
    if name == "extract_events":
        from timeline import extract_events

        def run() -> int:
            return len(extract_events(docs))
    elif name == "find_timexes":
        from timeline import find_timexes

        def run() -> int:
            return sum(len(find_timexes(d.text, d.published)) for d in docs)
    else:
        from dateparser.search import search_dates

        def run() -> int:
            return sum(len(search_dates(d.text, languages=["en"], settings={
                "RELATIVE_BASE": dt.datetime.combine(d.published, dt.time()), "PREFER_DATES_FROM": "past"}) or [])
                for d in docs)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    found = run()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {"articles": len(docs), "found": found, "seconds": seconds, "per_second": len(docs) / seconds,
            "peak_rss_mb": peak / 1024, "growth_mb": (peak - before) / 1024}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=400, help="copies of each seed article (5 seeds)")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(work(args.worker, args.copies)))
        return 0
    results = {}
    for name in args.engines.split(","):
        done = subprocess.run([sys.executable, __file__, "--worker", name, "--copies", str(args.copies)],
                              capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"error: {name} failed:\n{done.stderr}", file=sys.stderr)
            return 1
        results[name] = json.loads(done.stdout.strip().splitlines()[-1])
    base = results.get("dateparser")
    print(f"{int(next(iter(results.values()))['articles']):,} articles (the seeds x {args.copies}), "
          "each engine in its own process; peak RSS includes the interpreter and imports.\n")
    print("| engine | found | seconds | articles/s | vs dateparser | peak RSS (MB) | RSS growth while running (MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        ratio = f"{r['per_second'] / base['per_second']:.1f}x" if base else "-"
        print(f"| {name} | {int(r['found']):,} | {r['seconds']:.2f} | {r['per_second']:.0f} | {ratio} | "
              f"{r['peak_rss_mb']:.0f} | {r['growth_mb']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
