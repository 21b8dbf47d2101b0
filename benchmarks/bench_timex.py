"""Speed and memory of ``timeline.find_timexes`` against plain ``dateparser.search_dates``.

Both engines read the same articles (the seeds plus TimeML texts, each with its own anchor).
Each engine runs in a fresh subprocess of its own, so peak memory is measured fairly: the
peak resident set (``ru_maxrss``, interpreter and imports included, what a user pays) and
the peak of Python allocations while finding (``tracemalloc``, over the first, untimed pass,
so cache growth counts). Speed is the best of ``--repeat`` later passes.

    python benchmarks/bench_timex.py                # 100 articles, Markdown table on stdout
    python benchmarks/bench_timex.py --engines dateparser --articles 20
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TIMEML = ROOT.parent / "shared" / "timeml" / "tbaq"
ENGINES = ("timeline", "dateparser")
WARM_UP = "The talks ended on Friday, March 3, 2023, and resume next week."

Article = tuple[str, dt.date]


def timeml_files(timeml: Path) -> list[Path]:
    """The corpus's .tml files; a missing corpus is an error, never a quietly smaller benchmark."""
    files = sorted(timeml.rglob("*.tml")) if timeml.is_dir() else []
    if not files:
        raise FileNotFoundError(f"the TimeML corpus is missing: no .tml files under {timeml} "
                                "(put TimeBank + AQUAINT there or pass --timeml)")
    return files


def load_articles(count: int, timeml: Path) -> list[Article]:
    """The seeds first (anchored by seeds/metadata.json), then TimeML texts in path order."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from timeline.evaluation import load_timeml

    meta = json.loads((ROOT / "seeds" / "metadata.json").read_text(encoding="utf-8"))
    articles = [((ROOT / "seeds" / name).read_text(encoding="utf-8"), dt.date.fromisoformat(m["published"]))
                for name, m in sorted(meta.items())]
    for path in timeml_files(timeml):
        if len(articles) >= count:
            break
        doc = load_timeml(path)
        articles.append((doc.text, doc.anchor))
    if len(articles) < count:
        raise ValueError(f"only {len(articles)} articles (the seeds and {timeml}); asked for {count}")
    return articles[:count]


def engine(name: str) -> Callable[[str, dt.date], list]:
    """The engine as a user would call it; dateparser is called directly, without our wrapper."""
    if name == "timeline":
        from timeline import find_timexes

        return find_timexes
    if name == "dateparser":
        from dateparser.search import search_dates

        def plain(text: str, anchor: dt.date) -> list:
            base = dt.datetime.combine(anchor, dt.time())
            return search_dates(text, languages=["en"],
                                settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []

        return plain
    raise ValueError(f"unknown engine {name!r}; choose from {', '.join(ENGINES)}")


def work(name: str, count: int, timeml: Path, repeat: int) -> dict[str, float]:
    """Runs inside the subprocess: trace one pass, time the others, then read the peak RSS."""
    articles = load_articles(count, timeml)
    find = engine(name)
    find(WARM_UP, dt.date(2023, 3, 6))
    tracemalloc.start()  # the first pass, untimed: what the caches grow by counts too
    for text, anchor in articles:
        find(text, anchor)
    traced_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    best = float("inf")
    found = 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = sum(len(find(text, anchor)) for text, anchor in articles)
        best = min(best, time.perf_counter() - started)
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {"articles": len(articles), "chars": sum(len(t) for t, _ in articles), "found": found,
            "seconds": best, "per_second": len(articles) / best if best else float("inf"),
            "peak_rss_mb": maxrss_kb / 1024, "traced_peak_mb": traced_peak / 2**20}


def run_engine(name: str, args: argparse.Namespace) -> dict[str, float]:
    """One engine in a fresh interpreter, so neither inherits the other's imports or caches."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--articles", str(args.articles),
           "--timeml", str(args.timeml), "--repeat", str(args.repeat)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{name} worker failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def markdown(results: dict[str, dict[str, float]]) -> str:
    first = next(iter(results.values()))
    lines = [
        f"{int(first['articles'])} articles, {int(first['chars']):,} characters; best of timed passes, "
        "each engine in its own process (peak RSS includes the interpreter and imports).",
        "",
        "| engine | time expressions | seconds | articles/s | peak RSS (MB) | peak Python allocations (MB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(f"| {name} | {int(r['found'])} | {r['seconds']:.2f} | {r['per_second']:.1f} | "
                     f"{r['peak_rss_mb']:.0f} | {r['traced_peak_mb']:.2f} |")
    if {"timeline", "dateparser"} <= results.keys():
        ratio = results["timeline"]["per_second"] / results["dateparser"]["per_second"]
        lines += ["", f"timeline processes {ratio:.1f}x the articles per second of plain dateparser.search_dates."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100, help="how many articles (seeds first)")
    parser.add_argument("--timeml", type=Path, default=DEFAULT_TIMEML, help="TimeML folder for the other articles")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated: timeline,dateparser")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per engine; the best counts")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be at least 1")
    if args.worker:
        print(json.dumps(work(args.worker, args.articles, args.timeml, args.repeat)))
        return 0
    names = [n.strip() for n in args.engines.split(",") if n.strip()]
    unknown = [n for n in names if n not in ENGINES]
    if unknown or not names:
        parser.error(f"unknown engine(s) {unknown}; choose from {', '.join(ENGINES)}")
    try:
        load_articles(args.articles, args.timeml)  # says what is missing before any engine starts
        results = {name: run_engine(name, args) for name in names}
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
