"""Is ``timeline.find_timexes`` linear on hostile input? Seconds per class of repeated expression.

Each class is one text made of a single kind of expression repeated with no sentence break (the
worst case for sentence and clause look-ups), at 250K, 500K and 1M characters, beside news text
(the TimeML articles concatenated, repeated to length). A class is linear when 1M takes at most
4.5x the time of 250K, and acceptable when it costs at most 3x the seconds per MB of news text.

    python benchmarks/bench_adversarial.py                  # Markdown table on stdout
    python benchmarks/bench_adversarial.py --sizes 50000,100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TIMEML = ROOT.parent / "shared" / "timeml" / "tbaq"
ANCHOR = dt.date(2025, 2, 14)

#: One phrase per class; each text is the phrase repeated (separated by a space, no full stop).
CLASSES: dict[str, str] = {
    "clock times": "at 10:35 a.m.",
    "durations": "for three weeks",
    "weekdays": "on Friday",
    "full dates": "on Friday, March 3, 2025",
    "month names": "in March",
    "years": "in 2019",
    "relative days": "said today",
    "ago": "two weeks ago",
}


def news_text(timeml: Path) -> str:
    """The TimeML texts, concatenated: a fair sample of news prose."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from timeline.evaluation import load_timeml

    paths = sorted(timeml.rglob("*.tml")) if timeml.is_dir() else []
    if not paths:
        raise FileNotFoundError(f"no TimeML corpus at {timeml}: news text is the yardstick, so nothing is measured")
    return "\n\n".join(load_timeml(p).text for p in paths)


def to_length(seed: str, size: int) -> str:
    repeats = size // len(seed) + 1
    return (seed * repeats)[:size]


def seconds(text: str) -> float:
    """CPU seconds of one call: steadier than wall time on a shared machine."""
    from timeline import find_timexes

    started = time.process_time()
    find_timexes(text, ANCHOR)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250000,500000,1000000", help="comma-separated text lengths")
    parser.add_argument("--timeml", type=Path, default=DEFAULT_TIMEML, help="TimeML folder: the news text")
    parser.add_argument("--classes", default=",".join(CLASSES), help="comma-separated class names")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [n.strip() for n in args.classes.split(",") if n.strip()]
    unknown = [n for n in names if n not in CLASSES]
    if unknown or len(sizes) < 2:
        parser.error(f"unknown classes {unknown} (choose from {', '.join(CLASSES)}) or fewer than two sizes")
    try:
        news = news_text(args.timeml)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    seconds("Warm up on Friday, March 3, 2023, at 9 a.m.; next week.")
    texts = {"news text": news} | {name: CLASSES[name] + " " for name in names}
    rows = []
    news_per_mb = None
    for name, seed in texts.items():
        timings = [seconds(to_length(seed, size)) for size in sizes]
        per_mb = timings[-1] / (sizes[-1] / 1e6)
        if news_per_mb is None:
            news_per_mb = per_mb
        growth = timings[-1] / timings[0] if timings[0] else float("inf")
        linear = growth <= 4.5 * sizes[-1] / sizes[0] / 4
        rows.append((name, timings, per_mb, growth, linear, per_mb / news_per_mb))
    head = " | ".join(f"{s / 1000:g}K s" for s in sizes)
    print(f"| class | {head} | s/MB | {sizes[-1] // 1000}K / {sizes[0] // 1000}K | linear | x news s/MB |")
    print("|---|" + "---:|" * len(sizes) + "---:|---:|---|---:|")
    for name, timings, per_mb, growth, linear, ratio in rows:
        cells = " | ".join(f"{t:.2f}" for t in timings)
        print(f"| {name} | {cells} | {per_mb:.2f} | {growth:.2f} | {'yes' if linear else 'NO'} | {ratio:.2f} |")
    bad = [r[0] for r in rows if not r[4] or r[5] > 3]
    if bad:
        print(f"\nOver budget (not linear, or over 3x news s/MB): {', '.join(bad)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
