"""Extraction on Dask (`timeline.distributed`): articles per second with 1 and 2 worker processes, peak memory per
worker, each stage's share, on distinct articles from `benchmarks/corpus.py`.

Each (size, workers) run is its own process: it starts a `LocalCluster` of that many single-threaded worker
processes (start-up timed apart), extracts the corpus (JSONL shards of 1,000 articles) into one Parquet file,
then asks every worker for its peak RSS in each round (Linux's VmHWM, reset as each round ends: the highest is
the worker's whole life, imports and gazetteers included). CPU seconds by stage are summed over the workers' tasks.
The load average beside each run says how busy the machine was: a ratio of two runs under different loads is no
clean speed-up. Nothing here asserts a time.

    python benchmarks/bench_distributed.py                               # 2,000 articles, 1 and 2 workers
    python benchmarks/bench_distributed.py --sizes 20000,100000 --workers 1,2
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
STAGES = ("loading", "entities", "rows", "merging", "output")
SHUFFLES = ("docs", "states", "resolved", "rows", "postings", "pair counts", "candidates", "candidate rows",
            "passing pairs", "clusters")
#: Merging's rounds, by the most items one task of each read (`RunResult.largest`): what bounds a worker's memory.
MERGING = ("postings", "blocks", "ranking", "gathering", "scoring", "joins")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _round_memory(dask_worker=None) -> dict[str, object]:
    """A worker's peak RSS since the last call (Linux's VmHWM, then reset through ``/proc/self/clear_refs``), its
    RSS now, and what Dask holds for it (task results and values sent to it), largest first."""
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    field = {line.split(":")[0]: line.split()[1] for line in status.splitlines() if line.startswith("Vm")}
    Path("/proc/self/clear_refs").write_text("5", encoding="utf-8")
    data = dask_worker.data if dask_worker is not None else {}
    held = {key: len(pickle.dumps(data[key], protocol=5)) for key in list(data)}  # Dask's own sizes miss objects
    largest = sorted(held.items(), key=lambda kv: -kv[1])[:3]
    import pyarrow

    return {"peak_mb": int(field["VmHWM"]) / 1024, "rss_mb": int(field["VmRSS"]) / 1024,
            "held_mb": sum(held.values()) / 2**20, "arrow_mb": pyarrow.default_memory_pool().max_memory() / 2**20,
            "largest": [(str(k).split("-")[0], round(v / 2**20, 1)) for k, v in largest]}


def run(folder: Path, workers: int, partition_mb: float) -> dict[str, object]:
    """One run in this process: a local cluster of ``workers`` processes extracts ``folder`` into one file."""
    sys.path.insert(0, str(ROOT))
    from timeline.distributed import Scratch, connect, extract
    from timeline.distributed.output import combine

    work = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    try:
        started = time.perf_counter()
        with connect(f"local:{workers}") as client:
            client.run(lambda: __import__("timeline.entities.finder"))  # imports, not gazetteers: part of the run
            up = time.perf_counter() - started
            memory: dict[str, dict[str, object]] = {"start": client.run(_round_memory)}

            def traced(name: str, done: int, total: int) -> None:  # each round's peak on each worker
                if done == total:
                    memory[name] = client.run(_round_memory)

            clock = time.perf_counter()
            result = extract(client, [str(folder)], Scratch(str(work / "scratch")),
                             partition_bytes=int(partition_mb * 2**20), progress=traced)
            combine(result.paths, str(work / "events.parquet"))
            seconds = time.perf_counter() - clock
            memory["end"] = client.run(_round_memory)
        if result.errors:
            raise SystemExit(f"error: {len(result.errors)} errors, first: {result.errors[0]}")
        return {"articles": result.extracted, "workers": workers, "seconds": seconds, "startup": up,
                "events": result.events + result.references, "clusters": result.clusters,
                "partitions": result.partitions, "cpu": dict(result.cpu), "wall": result.wall,
                "worker_rss_mb": sorted(max(m[w]["peak_mb"] for m in memory.values()) for w in memory["start"]),
                "client_rss_mb": _peak_rss_mb(),
                "output_mb": (work / "events.parquet").stat().st_size / 2**20, "stored": result.stored,
                "rows": result.events + result.references, "shards": result.shards, "largest": result.largest,
                "candidates": result.candidates, "passing": result.passing,
                "merging_cpu": dict(result.merging_cpu), "written": result.written,
                "rounds": {name: [memory[name][w] for w in sorted(memory[name])] for name in memory}}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def single(folder: Path) -> dict[str, object]:
    """The baseline: the same corpus in one process, no Dask (`load_corpus` and `extract_events`)."""
    sys.path.insert(0, str(ROOT))
    from timeline import extract_events, load_corpus

    clock = time.perf_counter()
    cpu = time.process_time()
    docs = [d for d in load_corpus(folder).documents if d.published]
    events = extract_events(docs)
    return {"articles": len(docs), "workers": 0, "seconds": time.perf_counter() - clock,
            "cpu_seconds": time.process_time() - cpu, "events": len(events), "client_rss_mb": _peak_rss_mb()}


def _child(folder: Path, workers: int, partition_mb: float, timeout: float | None) -> dict[str, object]:
    args = [sys.executable, str(Path(__file__).resolve()), "--worker", str(folder), "--workers", str(workers),
            "--partition-mb", str(partition_mb)]
    done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"run {workers} workers on {folder} failed:\n{done.stderr.strip()[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def markdown(runs: list[dict[str, object]]) -> str:
    lines = ["| articles | workers | partitions | events | seconds | articles/s | vs 1 worker | cluster start-up s | "
             "peak RSS per worker (MB) | client peak RSS (MB) | load avg before -> after |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|"]
    one = {r["articles"]: r for r in runs if r["workers"] == 1}
    for r in runs:
        if r["workers"] == 0:
            lines.append(f"| {r['articles']:,} | one process, no Dask | - | {r['events']:,} | {r['seconds']:,.1f} | "
                         f"{r['articles'] / r['seconds']:,.1f} | - | - | - | {r['client_rss_mb']:,.0f} | "
                         f"{r['load_before']:.1f} -> {r['load_after']:.1f} |")
            continue
        rate = r["articles"] / r["seconds"]
        base = one.get(r["articles"])
        ratio = f"{rate / (base['articles'] / base['seconds']):.2f}x" if base else "-"
        lines.append(f"| {r['articles']:,} | {r['workers']} | {r['partitions']} | {r['events']:,} | "
                     f"{r['seconds']:,.1f} | {rate:,.1f} | {ratio} | {r['startup']:.1f} | "
                     f"{', '.join(f'{m:,.0f}' for m in r['worker_rss_mb'])} | {r['client_rss_mb']:,.0f} | "
                     f"{r['load_before']:.1f} -> {r['load_after']:.1f} |")
    lines += ["", "CPU seconds by stage, summed over the workers (share), and each round's wall seconds:", "",
              "| articles | workers | " + " | ".join(STAGES) + " | CPU ms/article | wall by round (s) |",
              "|---:|---:|" + "---:|" * (len(STAGES) + 1) + "---|"]
    runs = [r for r in runs if r["workers"]]
    for r in runs:
        total = sum(r["cpu"].values())
        cells = [f"{r['cpu'].get(s, 0):,.1f} ({r['cpu'].get(s, 0) / total:.0%})" for s in STAGES]
        walls = ", ".join(f"{k} {v:,.1f}" for k, v in r["wall"].items())
        lines.append(f"| {r['articles']:,} | {r['workers']} | " + " | ".join(cells)
                     + f" | {total / r['articles'] * 1000:.1f} | {walls} |")
    lines += ["", "What each round passes on (the shuffles), bytes per article:", "",
              "| articles | workers | " + " | ".join(SHUFFLES) + " | output file |",
              "|---:|---:|" + "---:|" * (len(SHUFFLES) + 1)]
    for r in runs:
        cells = [f"{r['stored'].get(s, 0) / r['articles']:,.0f}" for s in SHUFFLES]
        lines.append(f"| {r['articles']:,} | {r['workers']} | " + " | ".join(cells)
                     + f" | {r['output_mb'] * 2**20 / r['articles']:,.0f} |")
    lines += ["", "Merging: rows, shards, and the most items one task of each round read (postings: rows; blocks: "
              "postings; ranking: pair counts; gathering: rows; scoring: candidate rows; joins: rows):", "",
              "| articles | workers | rows | shards (blocks/rows/pairs) | " + " | ".join(MERGING)
              + " | candidate pairs | passing pairs |",
              "|---:|---:|---:|---:|" + "---:|" * (len(MERGING) + 2)]
    for r in runs:
        cells = [f"{r['largest'].get(s, 0):,}" for s in MERGING]
        shards = "/".join(map(str, r["shards"].values()))
        lines.append(f"| {r['articles']:,} | {r['workers']} | {r['rows']:,} | {shards} | " + " | ".join(cells)
                     + f" | {r['candidates']:,} | {r['passing']:,} |")
    lines += ["", "Merging's CPU seconds by round, and the items each round passed on:", "",
              "| articles | workers | " + " | ".join(MERGING) + " | written: postings / pair counts / candidates / "
              "candidate rows |", "|---:|---:|" + "---:|" * len(MERGING) + "---|"]
    for r in runs:
        cells = [f"{r.get('merging_cpu', {}).get(s, 0):,.1f}" for s in MERGING]
        written = " / ".join(f"{r.get('written', {}).get(s, 0):,}" for s in ("postings", "blocks", "ranking",
                                                                            "gathering"))
        lines.append(f"| {r['articles']:,} | {r['workers']} | " + " | ".join(cells) + f" | {written} |")
    lines += ["", "Each worker's peak RSS (MB) in each round (Linux's VmHWM, reset as a round ends), and what Dask "
              "holds for it at the round's end (MB):", "",
              "| articles | workers | round | peak RSS per worker | RSS at the end | Dask holds | pyarrow's peak "
              "so far | its largest values |", "|---:|---:|---|---|---|---|---|---|"]
    for r in runs:
        for name, workers in r.get("rounds", {}).items():
            lines.append(f"| {r['articles']:,} | {r['workers']} | {name} | "
                         + " | ".join(", ".join(f"{w[k]:,.0f}" for w in workers) for k in ("peak_mb", "rss_mb",
                                                                                            "held_mb", "arrow_mb"))
                         + " | " + "; ".join(", ".join(f"{k} {v}" for k, v in w["largest"]) for w in workers) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000", help="comma-separated corpus sizes")
    parser.add_argument("--workers", default="0,1,2",
                        help="comma-separated worker counts; 0 is one process without Dask (the baseline)")
    parser.add_argument("--partition-mb", type=float, default=4.0)
    parser.add_argument("--seed", type=int, default=0, help="the corpus seed")
    parser.add_argument("--timeout", type=float, help="seconds allowed per run")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    counts = [int(w) for w in args.workers.split(",") if w.strip()]
    if args.worker:
        print(json.dumps(single(args.worker) if counts[0] == 0 else run(args.worker, counts[0], args.partition_mb)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    sys.path.insert(0, str(HERE))
    import corpus

    try:
        gen = corpus.generator(args.seed)
    except corpus.CorpusMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    runs = []
    work = Path(tempfile.mkdtemp(prefix="bench-distributed-"))
    try:
        for size in sizes:
            folder = work / f"distinct-{size}"
            print(f"[{time.strftime('%H:%M:%S')}] writing {size:,} articles ...", file=sys.stderr, flush=True)
            corpus.write_jsonl(gen.articles(size), folder)
            for workers in counts:
                before = os.getloadavg()[0]
                print(f"[{time.strftime('%H:%M:%S')}] {size:,} articles, {workers} workers (load {before:.1f}) ...",
                      file=sys.stderr, flush=True)
                result = _child(folder, workers, args.partition_mb, args.timeout)
                result.update(load_before=before, load_after=os.getloadavg()[0])
                runs.append(result)
                print(f"[{time.strftime('%H:%M:%S')}]   {result['seconds']:,.1f} s", file=sys.stderr, flush=True)
            shutil.rmtree(folder, ignore_errors=True)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1), encoding="utf-8")
    print(f"Corpus seed {args.seed}; {os.cpu_count()} cores shared; each run its own process and cluster.\n")
    print(markdown(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
