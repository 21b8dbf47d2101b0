"""The client's side of a distributed run: rounds of partition tasks, each followed by a reduce of their summaries.

A task that fails as a whole (its worker died, a bug) costs its partition, never the run: the partition's
files are named in the errors and the other partitions go on. A load task that fails is retried file by
file, so only the file that kills a worker is lost.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from timeline.distributed import merging, stages
from timeline.distributed.inputs import Partition, dedupe_ids, list_sources, partitions
from timeline.distributed.scratch import Scratch
from timeline.documents import LoadError
from timeline.entities.finder import NameSummary, single_names
from timeline.events import merge

#: Most rows an output task sorts and writes (its months' rows): a bound on its memory.
GROUP_ROWS = 100_000
#: Called after each task with (round name, tasks done, tasks in the round).
Progress = Callable[[str, int, int], None]


@dataclass
class RunResult:
    """What a run did: the files it wrote (one per month), what went wrong, counts and CPU seconds by stage."""

    months: list[stages.Month] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)  # unreadable files and rows, articles that failed
    warnings: list[LoadError] = field(default_factory=list)
    undated: list[tuple[str, str]] = field(default_factory=list)
    anchored: set[str] = field(default_factory=set)  # the anchor names that matched an article
    read: int = 0  # articles read
    extracted: int = 0  # articles whose rows were made
    clusters: int = 0
    candidates: int = 0  # candidate pairs scored
    passing: int = 0  # pairs that passed
    shards: dict[str, int] = field(default_factory=dict)  # merging's shards: of blocks, of rows, of pairs
    largest: dict[str, int] = field(default_factory=dict)  # the most items one merging task read, by round
    written: dict[str, int] = field(default_factory=dict)  # items each merging round passed on
    cpu: Counter[str] = field(default_factory=Counter)
    merging_cpu: Counter[str] = field(default_factory=Counter)  # merging's CPU seconds by round
    wall: dict[str, float] = field(default_factory=dict)
    stored: dict[str, int] = field(default_factory=dict)  # bytes each round left in the scratch store
    partitions: int = 0

    @property
    def paths(self) -> list[str]:
        """The files written, in order (one per group of months, or one per month for a dataset)."""
        return [path for month in self.months for path in month.paths]

    @property
    def events(self) -> int:
        return sum(m.events for m in self.months)

    @property
    def references(self) -> int:
        return sum(m.references for m in self.months)


def _gather(name: str, futures: dict[int, object], progress: Progress | None,
            failed: Callable[[int, BaseException], None]) -> dict[int, object]:
    """Each task's result as it completes; a failed task is handed to ``failed`` and left out."""
    from distributed import as_completed

    results: dict[int, object] = {}
    keys = {future.key: key for key, future in futures.items()}
    for done, future in enumerate(as_completed(list(futures.values())), 1):
        key = keys[future.key]
        try:
            results[key] = future.result()
        except Exception as exc:  # a worker died on it (KilledWorker) or the task raised
            failed(key, exc)
        if progress:
            progress(name, done, len(futures))
    return results


def _share(client, value: object) -> object:
    """A value every task of a round reads (a corpus-wide index), sent once to every worker."""
    return client.scatter([value], broadcast=True, hash=False)[0]


def _lost(what: str, exc: BaseException) -> str:
    return f"{what} failed on a worker ({type(exc).__name__}: {' '.join(str(exc).split())[:200]}); left out"


def extract(client, paths: Sequence[str], scratch: Scratch, *, anchors: Mapping[str, dt.date | str] | None = None,
            target: str | None = None, partition_bytes: int | None = None, group_rows: int | None = None,
            shard_rows: int | None = None, join_rows: int | None = None, progress: Progress | None = None) -> RunResult:
    """Extract the event table of the articles under ``paths`` on the Dask cluster of ``client``.

    Each month's table is written to ``target/month=YYYY-MM/part-0.parquet`` (a dataset) or, with no
    ``target``, to the scratch store for the caller to stream into one file (`RunResult.months`). ``shard_rows``
    and ``join_rows`` bound merging's tasks (`timeline.distributed.merging`); ``group_rows`` an output task's."""
    result = RunResult()
    run = secrets.token_hex(6)  # task keys unique to this run: a long-lived cluster never reuses another run's results
    clock = time.perf_counter()
    sources, errors = list_sources(paths)
    result.errors.extend(errors)
    parts: list[Partition] = partitions(sources, partition_bytes) if partition_bytes else partitions(sources)
    result.partitions = len(parts)
    by_number = {p.number: p for p in parts}
    anchors_future = _share(client, dict(anchors or {}))
    result.wall["listing"] = time.perf_counter() - clock

    def take(summary: stages.Summary) -> None:
        result.errors.extend(summary.errors)
        result.warnings.extend(summary.warnings)
        result.cpu.update(summary.cpu)

    # round 1: load; a partition that kills its worker is retried one file at a time
    clock = time.perf_counter()
    futures = {p.number: client.submit(stages.load, p, anchors_future, scratch, key=f"load-{p.number}-{run}",
                                       retries=0) for p in parts}
    retry: list[Partition] = []
    loaded = _gather("loading", futures, progress, lambda key, exc: retry.append(by_number[key]))
    for partition in retry:
        futures = {i: client.submit(stages.load, Partition(partition.number, partition.first + i, (source,)),
                                    anchors_future, scratch, f"{partition.number}-{i}",
                                    key=f"load-{partition.number}-{i}-{run}", retries=0)
                   for i, source in enumerate(partition.sources)}
        files = _gather("loading (file by file)", futures, progress, lambda i, exc, p=partition: result.errors.append(
            LoadError(p.sources[i].url, _lost("reading this file", exc))))
        merged = stages.Loaded(partition.number)  # the files that did load, as one partition again
        for i in sorted(files):
            merged.ids.extend(files[i].ids)
            merged.lowercase |= files[i].lowercase
            merged.anchored |= files[i].anchored
            merged.errors.extend(files[i].errors)
            merged.warnings.extend(files[i].warnings)
            merged.cpu = dict(Counter(merged.cpu) + Counter(files[i].cpu))
        client.submit(_regroup, scratch, partition.number, sorted(files), key=f"regroup-{partition.number}-{run}",
                      pure=False).result()
        loaded[partition.number] = merged
    order = sorted(loaded)
    for key in order:
        take(loaded[key])
        result.anchored |= loaded[key].anchored
    result.read = sum(len(loaded[k].ids) for k in order)
    renames, clashes = dedupe_ids((loaded[k].ids for k in order), sources)
    result.errors.extend(clashes)
    lowercase: set[str] = set()
    for key in order:
        lowercase |= loaded[key].lowercase
    result.stored["docs"] = scratch.size("docs")
    lowercase_future = _share(client, lowercase)
    result.wall["loading"] = time.perf_counter() - clock

    # round 2: the first entity pass; reduce: the corpus's names
    clock = time.perf_counter()
    futures = {k: client.submit(stages.names, k, renames[i], lowercase_future, scratch, key=f"names-{k}-{run}")
               for i, k in enumerate(order)}
    named = _gather("entities", futures, progress, lambda key, exc: result.errors.extend(
        LoadError(s.url, _lost("finding names", exc)) for s in by_number[key].sources))
    order = sorted(named)
    for key in order:
        take(named[key])
        result.undated.extend(named[key].undated)
    result.stored["states"] = scratch.size("states")
    index_future = _share(client, NameSummary.combine(named[k].names for k in order).index())

    # round 3: people named across the corpus; reduce: the spelling of single names
    futures = {k: client.submit(stages.resolve, k, index_future, lowercase_future, scratch,
                                key=f"resolve-{k}-{run}") for k in order}
    resolved = _gather("names", futures, progress, lambda key, exc: result.errors.extend(
        LoadError(s.url, _lost("joining names", exc)) for s in by_number[key].sources))
    order = sorted(resolved)
    unknown: Counter[str] = Counter()
    for key in order:
        take(resolved[key])
        unknown.update(resolved[key].unknown)
    result.stored["resolved"] = scratch.size("resolved")
    singles_future = _share(client, single_names(unknown))
    result.wall["entities"] = time.perf_counter() - clock

    # round 4: the event rows (sentences, time expressions, labels, roles), filed by month
    clock = time.perf_counter()
    futures = {k: client.submit(stages.rows, k, index_future, singles_future, scratch, key=f"rows-{k}-{run}")
               for k in order}
    made = _gather("rows", futures, progress, lambda key, exc: result.errors.extend(
        LoadError(s.url, _lost("extracting events", exc)) for s in by_number[key].sources))
    months: Counter[str] = Counter()
    for key in sorted(made):
        take(made[key])
        months.update(made[key].months)
        result.extracted += made[key].articles
    result.wall["rows"] = time.perf_counter() - clock
    result.stored["rows"] = scratch.size("rows")
    if not months:
        return result

    # merging (`timeline.distributed.merging`): postings by block, pairs by block shard, each row's best pairs by
    # row shard, candidates scored by date shard; components on the client; joins by component group
    clock = time.perf_counter()
    statistics = _share(client, merge.Statistics.combine(made[k].statistics for k in sorted(made)
                                                         if made[k].statistics is not None))
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    total = sum(months.values())
    groups = stages.month_groups(months, group_rows or min(GROUP_ROWS, max(2_000, total // (3 * workers))))
    shard_rows = shard_rows or merging.SHARD_ROWS
    filed = [k for k in sorted(made) if made[k].months]  # the partitions with a rows file

    def sharded(name: str, function: Callable[..., merging.Sharded], keys: Sequence[int],
                *args: object) -> dict[int, merging.Sharded]:
        futures = {k: client.submit(function, k, *args, scratch, key=f"{name}-{k}-{run}") for k in keys}
        done = _gather(f"merging: {name}", futures, progress, _reraise)
        for key in sorted(done):
            take(done[key])
            result.merging_cpu[name] += done[key].cpu.get("merging", 0.0)
        result.largest[name] = max([done[k].read for k in done], default=0)
        result.written[name] = sum(done[k].wrote for k in done)
        return done

    # each round's shards are set by what the round before passed on (scoring's by the mergeable rows of each
    # week), so that a task's share stays about ``shard_rows`` rows' worth however dense the corpus
    shards = result.shards
    blocks = merging.DateRoutes.plan({merging.month_number(m): n for m, n in months.items()}, shard_rows)
    shards["blocks"] = blocks.count  # blocks by month: a pair's blocks of one month are counted in one shard
    posted = sharded("postings", merging.postings, filed, statistics, blocks)
    weeks: Counter[int] = Counter()
    for key in sorted(posted):
        weeks.update(posted[key].weeks)
    routes = merging.DateRoutes.plan(dict(weeks), shard_rows)  # candidates by week: a row copied about once
    del posted
    result.stored["postings"] = scratch.size("postings")
    shards["rows"] = merging.shard_count(2 * result.written["postings"], shard_rows * merging.ITEMS_PER_ROW)
    sharded("blocks", merging.blocks, range(shards["blocks"]), shards["rows"])
    result.stored["pair counts"] = scratch.size("counted")
    shards["pairs"] = routes.count
    sharded("ranking", merging.ranking, range(shards["rows"]), routes)
    result.stored["candidates"] = scratch.size("kept") + scratch.size("needs")
    sharded("gathering", merging.gather, filed)
    result.stored["candidate rows"] = scratch.size("needed")
    futures = {i: client.submit(merging.score, i, statistics, scratch, key=f"score-{i}-{run}")
               for i in range(shards["pairs"])}
    found = _gather("merging: scoring", futures, progress, _reraise)
    for key in sorted(found):
        take(found[key])
        result.merging_cpu["scoring"] += found[key].cpu.get("merging", 0.0)
        result.candidates += found[key].candidates
        result.passing += len(found[key].a)
    result.largest["scoring"] = max([found[k].rows for k in found], default=0)
    for folder in ("postings", "counted", "kept", "needs", "needed"):  # what joins and output never read again
        scratch.remove_folder(folder)
    tasks = merging.join_tasks([found[k] for k in sorted(found)], join_rows or merging.JOIN_ROWS)
    del found
    result.stored["passing pairs"] = scratch.size("passing")
    futures = {i: client.submit(merging.join, i, task, statistics, scratch, key=f"join-{i}-{run}")
               for i, task in enumerate(tasks)}
    joined = _gather("merging: joins", futures, progress, _reraise)
    for key in sorted(joined):
        take(joined[key])
        result.merging_cpu["joins"] += joined[key].cpu.get("merging", 0.0)
        result.clusters += joined[key].clusters
    result.largest["joins"] = max([joined[k].rows for k in joined], default=0)
    result.wall["merging"] = time.perf_counter() - clock
    result.stored["clusters"] = scratch.size("clusters")
    clock = time.perf_counter()
    futures = {i: client.submit(stages.output, i, group, scratch, target, key=f"output-{i}-{run}")
               for i, group in enumerate(groups)}
    written = _gather("output", futures, progress, _reraise)  # a month that cannot be written fails the run
    for key in sorted(written):
        take(written[key])
        result.months.append(written[key])
    result.wall["output"] = time.perf_counter() - clock
    return result


def _reraise(key: object, exc: BaseException) -> None:
    raise exc


def _regroup(scratch: Scratch, partition: int, files: list[int]) -> None:
    """After a file-by-file retry: the loaded files' documents as the partition's again."""
    docs = []
    for i in files:
        docs.extend(scratch.get("docs", f"{partition}-{i}"))
        scratch.remove("docs", f"{partition}-{i}")
    scratch.put(docs, "docs", partition)
