"""Speed, memory and stage shares of the whole pipeline, ``extract_events``, on thousands of distinct articles.

The articles come from `benchmarks/corpus.py`: distinct texts recombined from news sentences, with
publication dates spread over two years, so events overlap across articles the way a real corpus
makes them (copies of one text would hide every cost of comparing them). For each size the corpus
is written as JSONL shards, then a fresh process loads it with `timeline.load_corpus` and runs
`timeline.extract_events`; its peak RSS is its own. The stages are timed inside that same run by
wrapping the functions `timeline.events.table` calls (sentences, time expressions, entities, rows,
merging); what is left of ``extract_events`` is the table's assembly.

The baseline, measured in the same run: plain ``dateparser.search_dates`` over a sample of the same
articles, its rate scaled to each size. The seeds copied over and over are one more row, for
comparison only. Nothing here asserts a time.

    python benchmarks/bench_events.py                           # 2,000 and 20,000 articles
    python benchmarks/bench_events.py --sizes 200,400,800,2000  # how merging scales
    python benchmarks/bench_events.py --sizes 2000,20000,100000 # the 100,000 run is opt-in (10+ minutes)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
#: (stage, function that `timeline.events.table` calls): each is timed where extract_events calls it.
STAGES = (("sentences", "split_sentences"), ("time expressions", "find_timexes"), ("entities", "find_entities"),
          ("rows", "document_events"), ("merging", "cluster_events"))
COLUMNS = ("loading", "sentences", "time expressions", "entities", "rows", "merging", "table")


# --------------------------------------------------------------------------- workers (each in its own process)


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _instrument(spent: dict[str, list[float]]) -> None:
    """Wrap the functions extract_events calls, in the module it calls them from, to add up their time."""
    from timeline.events import table

    for stage, name in STAGES:
        original = getattr(table, name, None)
        if original is None:
            raise SystemExit(f"error: timeline.events.table has no {name}(); update STAGES in {__file__}")

        def timed(*args, _f=original, _stage=stage, **kwargs):
            wall, cpu = _clock()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_stage][0] += time.perf_counter() - wall
                spent[_stage][1] += time.process_time() - cpu

        setattr(table, name, timed)


def pipeline(folder: Path) -> dict[str, object]:
    """Load the corpus and extract its events, timing each stage (wall and CPU seconds)."""
    sys.path.insert(0, str(ROOT))
    from timeline import extract_events, load_corpus

    spent = {stage: [0.0, 0.0] for stage in COLUMNS}
    _instrument(spent)
    wall, cpu = _clock()
    loaded = load_corpus(folder)
    spent["loading"] = [time.perf_counter() - wall, time.process_time() - cpu]
    if loaded.errors:
        raise SystemExit(f"error: {len(loaded.errors)} load errors, first: {loaded.errors[0]}")
    wall2, cpu2 = _clock()
    events = extract_events(loaded.documents)
    total = [time.perf_counter() - wall, time.process_time() - cpu]
    extract = [time.perf_counter() - wall2, time.process_time() - cpu2]
    # Nested: document_events calls split_sentences and find_timexes; the rest of extract_events is the table.
    for i in (0, 1):
        spent["rows"][i] -= spent["sentences"][i] + spent["time expressions"][i]
        spent["table"][i] = extract[i] - sum(spent[s][i] for s in ("sentences", "time expressions", "entities",
                                                                   "rows", "merging"))
    sizes = events["n_sources"] if len(events) else []
    return {"articles": len(loaded.documents), "events": len(events),
            "clusters": int(events["cluster_id"].nunique()) if len(events) else 0,
            "merged_events": int((sizes > 1).sum()) if len(events) else 0,
            "seconds": total[0], "cpu_seconds": total[1], "stages": spent,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}  # kilobytes on Linux


def dateparser_rate(folder: Path, sample: int) -> dict[str, object]:
    """Plain dateparser.search_dates over the first ``sample`` articles, as a user would call it."""
    sys.path.insert(0, str(ROOT))
    from dateparser.search import search_dates

    from timeline import load_corpus

    docs = list(load_corpus(folder).documents)[:sample]
    search_dates("The talks ended on Friday, March 3, 2023.", languages=["en"])  # warm up its caches
    wall, cpu = _clock()
    found = 0
    for doc in docs:
        base = dt.datetime.combine(doc.published, dt.time())
        found += len(search_dates(doc.text, languages=["en"],
                                  settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or [])
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
    return {"articles": len(docs), "found": found, "seconds": seconds, "cpu_seconds": cpu_seconds,
            "per_second": len(docs) / seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


# --------------------------------------------------------------------------- driver


def _child(args: list[str], timeout: float | None) -> dict[str, object]:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], capture_output=True, text=True,
                          check=False, timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"worker {' '.join(args)} failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _write(folder: Path, size: int, args: argparse.Namespace, copies: bool = False) -> None:
    """The corpus as JSONL shards: distinct articles (or the seeds copied) for the worker to load."""
    sys.path.insert(0, str(HERE))
    import corpus

    if copies:
        corpus.write_jsonl(corpus.seed_copies(size), folder)
    else:
        corpus.write_jsonl(args.generator.articles(size), folder)


def _share(stages: dict[str, list[float]], stage: str) -> str:
    total = sum(cpu for _, cpu in stages.values())
    cpu = stages[stage][1]
    return f"{cpu:,.1f} ({cpu / total:.0%})" if total else "-"


def markdown(runs: list[dict[str, object]], base: dict[str, object] | None) -> str:
    lines = ["| corpus | articles | events | merged events | clusters | seconds | CPU s | articles/s | "
             "articles per CPU s | vs dateparser (CPU) | dateparser, scaled (CPU s) | peak RSS (MB) | load avg |",
             "|---|" + "---:|" * 12]
    base_rate = base["articles"] / base["cpu_seconds"] if base else None
    for r in runs:
        rate = r["articles"] / r["cpu_seconds"]
        ratio = f"{rate / base_rate:.1f}x" if base_rate else "-"
        scaled = f"{r['articles'] / base_rate:,.0f}" if base_rate else "-"
        lines.append(f"| {r['label']} | {r['articles']:,} | {r['events']:,} | {r['merged_events']:,} | "
                     f"{r['clusters']:,} | {r['seconds']:,.1f} | {r['cpu_seconds']:,.1f} | "
                     f"{r['articles'] / r['seconds']:,.0f} | {rate:,.0f} | {ratio} | {scaled} | "
                     f"{r['peak_rss_mb']:,.0f} | {r['load_before']:.1f} -> {r['load_after']:.1f} |")
    if base:
        lines.append(f"| `dateparser.search_dates`, first {base['articles']:,} articles | {base['articles']:,} | "
                     f"{base['found']:,} dates | | | {base['seconds']:,.1f} | {base['cpu_seconds']:,.1f} | "
                     f"{base['per_second']:,.0f} | {base_rate:,.0f} | 1.0x | | {base['peak_rss_mb']:,.0f} | "
                     f"{base['load_before']:.1f} -> {base['load_after']:.1f} |")
    lines += ["", "Stages, CPU seconds (share of the run):", "",
              "| corpus | articles | " + " | ".join(COLUMNS) + " | ms/article outside merging |",
              "|---|---:|" + "---:|" * (len(COLUMNS) + 1)]
    for r in runs:
        stages = r["stages"]
        outside = sum(cpu for stage, (_, cpu) in stages.items() if stage != "merging") / r["articles"] * 1000
        lines.append(f"| {r['label']} | {r['articles']:,} | " + " | ".join(_share(stages, s) for s in COLUMNS)
                     + f" | {outside:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000", help="comma-separated corpus sizes (100000 is opt-in)")
    parser.add_argument("--copies", type=int, default=2000, help="seeds-copies row of this many articles (0: none)")
    parser.add_argument("--baseline-sample", type=int, default=200, help="articles for dateparser (0: none)")
    parser.add_argument("--seed", type=int, default=0, help="the corpus seed")
    parser.add_argument("--timeml", type=Path, help="TimeML folder (default: ../shared/timeml/tbaq)")
    parser.add_argument("--ns-dates-only", action="store_true",
                        help="leave out source sentences dated before 1678 or after 2261 (for code from before "
                             "the event table could hold them)")
    parser.add_argument("--timeout", type=float, help="seconds allowed per worker")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--worker", choices=("pipeline", "dateparser"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker == "pipeline":
        print(json.dumps(pipeline(args.corpus)))
        return 0
    if args.worker == "dateparser":
        print(json.dumps(dateparser_rate(args.corpus, args.baseline_sample)))
        return 0
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes wants whole numbers, e.g. 2000,20000")
    if not sizes or min(sizes) < 1:
        parser.error("--sizes wants sizes of at least 1")
    sys.path.insert(0, str(HERE))
    import corpus

    try:
        args.generator = corpus.generator(args.seed, args.timeml or corpus.DEFAULT_TIMEML,
                                          ns_dates_only=args.ns_dates_only)
    except corpus.CorpusMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    runs: list[dict[str, object]] = []
    base = None
    work = Path(tempfile.mkdtemp(prefix="bench-events-"))
    try:
        plan = [(f"distinct, {n:,}", n, False) for n in sizes] + (
            [(f"seed copies, {args.copies:,} (comparison only)", args.copies, True)] if args.copies else [])
        for label, size, copies in plan:
            folder = work / f"{'copies' if copies else 'distinct'}-{size}"
            print(f"[{time.strftime('%H:%M:%S')}] writing {label} ...", file=sys.stderr, flush=True)
            _write(folder, size, args, copies)
            if base is None and not copies and args.baseline_sample:
                before = os.getloadavg()[0]
                base = _child(["--worker", "dateparser", "--corpus", str(folder),
                               "--baseline-sample", str(args.baseline_sample)], args.timeout)
                base.update(load_before=before, load_after=os.getloadavg()[0])
            print(f"[{time.strftime('%H:%M:%S')}] extracting {label} ...", file=sys.stderr, flush=True)
            before = os.getloadavg()[0]
            result = _child(["--worker", "pipeline", "--corpus", str(folder)], args.timeout)
            result.update(label=label, load_before=before, load_after=os.getloadavg()[0])
            runs.append(result)
            print(f"[{time.strftime('%H:%M:%S')}] {label}: {result['seconds']:,.1f} s", file=sys.stderr, flush=True)
            shutil.rmtree(folder, ignore_errors=True)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps({"runs": runs, "baseline": base}, indent=1), encoding="utf-8")
    print(f"Corpus seed {args.seed}; each size in its own process (peak RSS includes the interpreter, imports and "
          f"the loaded articles); {os.cpu_count()} cores shared, load average beside each run.\n")
    print(markdown(runs, base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
