"""Merging in a distributed run: the clusters of one process (`timeline.events.merge`), sharded by date.

`merge.cluster_events` is features -> candidate pairs -> passing pairs -> joining. Here:

1. *Statistics* (map, reduce): each partition's rows give their token and name counts (`merge.Statistics`),
   summed on the client: the weights and the corpus's topic names every shard uses.
2. *Candidates by date shard* (shuffle on the start date): a shard is a run of months; it reads the rows
   that start in its months plus `HALO_DAYS` on each side. Two rows meet only in a shared date bucket (a
   week, a month, or a coarse range), and the rows of a bucket start at most 61 days apart, so every block
   an owned row is in is whole in its shard: the shard finds exactly the pairs its own rows keep
   (`candidate_pairs(owned=...)`), scores them and returns those that pass.
3. *Components* (reduce): the client unites the passing pairs into connected components (on 64-bit hashes
   of their ids: 16 bytes a pair); a component's joins depend on nothing outside it, given the statistics.
4. *Joining by component* (map): each task reads the rows of its components and joins them best pair first
   (`merge.join`), writing their cluster columns. A row in no passing pair is its own cluster.

Rows keep the order of a one-process run (their ``seq``) in every frame, and columns are numbered by token,
so every score and every tie falls as in one process: the same clusters and the same merge reasons.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from timeline.distributed.scratch import Scratch
from timeline.distributed.stages import Summary, month_range
from timeline.events import merge

#: The columns a date shard reads of a row: its tokens (`merge.TOKEN_COLUMNS`, made in its partition) stand for
#: its text; ``seq`` is its place in a one-process run.
SHARD_COLUMNS = ["event_id", "doc_id", "start", "end", "actors", "people", "places", "seq", *merge.TOKEN_COLUMNS]
#: ...and what a join also reads: what a merge reason names.
JOIN_COLUMNS = [*SHARD_COLUMNS, "outlet", "timex_text"]
#: Days read on each side of a shard's months: a row's block partners start at most 61 days from it.
HALO_DAYS = 63
#: Most rows a joining task takes (whole components; a larger component gets a task of its own).
JOIN_ROWS = 50_000


def _rows(scratch: Scratch, first: dt.datetime, after: dt.datetime | None, columns: list[str]) -> pd.DataFrame:
    """Every partition's rows that start in ``[first, after)``, in the order of a one-process run."""
    filters = [("start", ">=", first)] + ([("start", "<", after)] if after else [])
    frames = [f for f in (scratch.get_frame(path, columns, filters) for path in scratch.files("rows")) if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True).sort_values("seq", kind="stable").reset_index(drop=True)


def id_hashes(ids: Sequence[str] | np.ndarray) -> np.ndarray:
    """64-bit hashes of event ids, the same in every process: what the client's component search holds (two
    ids of one hash only put two components in one task, which joins each as it would alone)."""
    return pd.util.hash_array(np.asarray(ids, dtype=object)).astype(np.int64)


@dataclass
class Candidates(Summary):
    a: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # id hashes of each passing pair's rows
    b: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    days: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # the earlier start of the two
    last: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # the later start
    candidates: int = 0
    rows: int = 0  # rows read, the halo included


def candidates(number: int, group: list[str], statistics: merge.Statistics, scratch: Scratch) -> Candidates:
    """The passing pairs that the rows starting in ``group``'s months keep (see the module's docstring), written
    to the scratch store; the client gets their id hashes and days only."""
    cpu = time.process_time()
    first, after = month_range(group)
    halo = dt.timedelta(days=HALO_DAYS)
    low = first - halo if first > dt.datetime.min + halo else dt.datetime.min
    high = after + halo if after and after < dt.datetime.max - halo else None
    frame = _rows(scratch, low, high, SHARD_COLUMNS)
    out = Candidates(-1, rows=len(frame))
    if len(frame):
        starts = frame["start"].to_numpy(dtype="datetime64[ms]")
        owned = starts >= np.datetime64(first, "ms")
        if after is not None:
            owned &= starts < np.datetime64(after, "ms")
        feats = merge.features(frame, statistics)
        pairs = merge.candidate_pairs(feats, owned)
        found = merge.passing_pairs(feats, pairs)
        ids = frame["event_id"].astype(str).to_numpy()
        i, j = found.pairs[:, 0], found.pairs[:, 1]
        passing = pd.DataFrame({"a": ids[i], "b": ids[j], "score": found.scores, "told": found.told,
                                "alike": found.alike, "one_day": found.one_day})
        scratch.put_frame(passing, "passing", f"s{number:06d}")
        out.a, out.b = id_hashes(passing["a"]), id_hashes(passing["b"])
        out.days = np.minimum(feats.start[i], feats.start[j])
        out.last = np.maximum(feats.start[i], feats.start[j])
        out.candidates = found.candidates
    out.cpu["merging"] = time.process_time() - cpu
    return out


@dataclass(frozen=True)
class JoinTask:
    """Whole components of passing pairs: their rows' id hashes and the days their rows start in."""

    hashes: np.ndarray
    first: int  # days since 1970-01-01
    last: int


def join_tasks(found: Sequence[Candidates], rows: int = JOIN_ROWS) -> list[JoinTask]:
    """The connected components of all passing pairs (scipy's, on id hashes: 16 bytes a pair on the client), cut
    into tasks of whole components of about ``rows`` rows each, in date order."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    a = np.concatenate([f.a for f in found]) if found else np.zeros(0, np.int64)
    if not len(a):
        return []
    b = np.concatenate([f.b for f in found])
    first = np.concatenate([f.days for f in found])
    last = np.concatenate([f.last for f in found])
    nodes, index = np.unique(np.concatenate([a, b]), return_inverse=True)
    m = len(a)
    graph = coo_matrix((np.ones(m, dtype=np.int8), (index[:m], index[m:])), shape=(len(nodes), len(nodes)))
    count, label = connected_components(graph, directed=False)
    pair_label = label[index[:m]]
    start = np.full(count, np.iinfo(np.int64).max)
    end = np.full(count, np.iinfo(np.int64).min)
    np.minimum.at(start, pair_label, first)
    np.maximum.at(end, pair_label, last)
    size = np.bincount(label, minlength=count)
    order = np.lexsort((np.arange(count), start))
    members = np.argsort(label, kind="stable")
    bounds = np.searchsorted(label[members], np.arange(count + 1))
    tasks: list[JoinTask] = []
    chosen: list[int] = []
    total = 0
    for c in order.tolist():
        if chosen and total + size[c] > rows:
            tasks.append(_task(chosen, nodes, members, bounds, start, end))
            chosen, total = [], 0
        chosen.append(c)
        total += int(size[c])
    tasks.append(_task(chosen, nodes, members, bounds, start, end))
    return tasks


def _task(chosen: list[int], nodes: np.ndarray, members: np.ndarray, bounds: np.ndarray, start: np.ndarray,
          end: np.ndarray) -> JoinTask:
    hashes = np.concatenate([nodes[members[bounds[c]:bounds[c + 1]]] for c in chosen])
    return JoinTask(hashes, int(start[chosen].min()), int(end[chosen].max()))


@dataclass
class Joined(Summary):
    clusters: int = 0  # happenings told by several articles


def _day(days: int) -> dt.datetime:
    return dt.datetime(1970, 1, 1) + dt.timedelta(days=days)


def join(number: int, task: JoinTask, shards: Sequence[tuple[int, list[str]]], statistics: merge.Statistics,
         scratch: Scratch) -> Joined:
    """Join the components of a task: their passing pairs (from the date shards that cover their days) and rows;
    the rows' cluster columns go to the scratch store."""
    cpu = time.process_time()
    hashes = set(task.hashes.tolist())
    first, after = _day(task.first), _day(task.last + 1)
    parts = []
    for shard, group in shards:
        begins, ends = month_range(group)
        if begins < after and (ends is None or ends > first):
            parts.append(scratch.get_frame(scratch.path("passing", f"s{shard:06d}")))
    passing = pd.concat(parts, ignore_index=True)
    passing = passing[[h in hashes for h in id_hashes(passing["a"]).tolist()]].drop_duplicates(["a", "b"])
    frame = _rows(scratch, first, after, JOIN_COLUMNS)
    frame = frame[[h in hashes for h in id_hashes(frame["event_id"].astype(str)).tolist()]].reset_index(drop=True)
    feats = merge.features(frame, statistics)
    index = {e: i for i, e in enumerate(frame["event_id"].astype(str))}
    pairs = np.array([[index[a], index[b]] for a, b in zip(passing["a"], passing["b"], strict=True)],
                     dtype=np.int64).reshape(-1, 2)
    found = merge.join(feats, merge.Passing(pairs, passing["score"].to_numpy(), passing["told"].to_numpy(),
                                            passing["alike"].to_numpy(), passing["one_day"].to_numpy(), len(pairs)),
                       merge.about_rows(frame))
    clusters = pd.DataFrame({"event_id": frame["event_id"].astype(str), "start": frame["start"],
                             "cluster_id": found.cluster_id, "n_sources": found.n_sources,
                             "merge_reason": found.merge_reason})
    scratch.put_frame(clusters, "clusters", f"c{number:06d}")
    out = Joined(-1, clusters=int(clusters.loc[clusters["n_sources"] > 1, "cluster_id"].nunique()))
    out.cpu["merging"] = time.process_time() - cpu
    return out


def cluster_columns(frame: pd.DataFrame, group: Sequence[str], scratch: Scratch) -> pd.DataFrame:
    """``frame``'s rows (of ``group``'s months) with their cluster columns: a row that joined nothing is its
    own cluster, as in one process."""
    first, after = month_range(list(group))
    filters = [("start", ">=", first)] + ([("start", "<", after)] if after else [])
    parts = [scratch.get_frame(path, ["event_id", "cluster_id", "n_sources", "merge_reason"], filters)
             for path in scratch.files("clusters")]
    parts = [p for p in parts if len(p)]
    if parts:
        frame = frame.merge(pd.concat(parts, ignore_index=True), on="event_id", how="left", validate="one_to_one")
    else:
        frame = frame.assign(cluster_id=None, n_sources=None, merge_reason=None)
    alone = frame["cluster_id"].isna()
    frame.loc[alone, "cluster_id"] = "c-" + frame.loc[alone, "event_id"].astype(str)
    frame.loc[alone, "n_sources"] = 1
    frame.loc[alone, "merge_reason"] = ""
    return frame
