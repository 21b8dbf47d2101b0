"""Merging in a distributed run: the clusters of one process (`timeline.events.merge`), sharded by blocking key.

`merge.cluster_events` is features -> candidate pairs -> passing pairs -> joining. Two rows are a candidate pair
when they meet in a *block* (a date bucket and a salient token: `merge.candidate_pairs`), within
`merge.BLOCK_WINDOW` of each other in the block's date order, and the pair is among the `merge.CANDIDATES` of
either row that share the most blocks. Here each of those steps is a round of tasks that each hold a bounded
share of the corpus (about ``shard_rows`` rows' worth; the number of shards grows with the corpus):

1. *Statistics* (map, reduce): each partition's token and name counts (`merge.Statistics`), summed on the
   client: the weights, rarest words and topic names every task uses.
2. *Postings* (map over row partitions, shuffle by block): each mergeable row's blocks (kind, date bucket,
   token) with its start, end, date level, ``seq`` and event id (no text), filed by the block's month
   (`DateRoutes`: months share a block shard up to ``shard_rows`` rows; a fuller month's blocks are dealt among
   several by token).
3. *Blocks* (per block shard): every block whole, sorted by (start, end, event id) as in one process; the
   window and guest pairs whose dates agree, counted (a pair meets in several blocks, mostly of one month: so
   mostly in one shard), filed twice, once under each row's shard.
4. *Ranking* (per row shard): each row's pairs with their counts summed over every block shard; each row keeps
   its `merge.CANDIDATES` best (most shared blocks, then the other's event id); a pair kept by either row is a
   candidate, filed by date (`DateRoutes`): under the scoring shard of the week its earlier row starts in (its
   *owner*), several weeks to a shard; a week with more than ``shard_rows`` rows is split by a hash of the owner.
   Each of its rows is asked for by that scoring shard.
5. *Gathering* (map over row partitions): each partition sends every scoring shard the rows it asked for. A
   shard's candidates are its weeks' rows and their later partners (at most 61 days on), so a row goes to its own
   week's shard and seldom to another: rows are copied about once, not once per pair shard.
6. *Scoring* (per pair shard): the candidates' features (columns numbered by token, the corpus's statistics: a
   pair's scores do not depend on which other rows share the frame) and the pairs that pass.
7. *Components* (reduce): the client unites the passing pairs into connected components (on 64-bit hashes of
   their ids: 16 bytes a pair); a component's joins depend on nothing outside it.
8. *Joining by component* (map): each task reads the rows of its components and joins them best pair first
   (`merge.join`), writing their cluster columns. A row in no passing pair is its own cluster.

Pairs are oriented by ``seq`` (a row's place in a one-process run) and rows sorted by it in every frame, so
every score and every tie falls as in one process: the same clusters and the same merge reasons. What a task
holds is bounded by the shard size, except one block (its postings: about 60 bytes a row, no text), which a
block shard must hold whole to keep its date order; a block holding a huge share of the corpus (one salient
token in one week across a million rows) makes its shard that large.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np
import pandas as pd

from timeline.distributed.scratch import Scratch
from timeline.distributed.stages import Summary, month_range
from timeline.events import merge

#: The columns a scoring task reads of a row: its tokens (`merge.TOKEN_COLUMNS`, made in its partition) stand for
#: its text; ``seq`` is its place in a one-process run.
SHARD_COLUMNS = ["event_id", "doc_id", "start", "end", "actors", "people", "places", "seq", *merge.TOKEN_COLUMNS]
#: ...and what a join also reads: what a merge reason names, and whether a row is an event (the count of happenings).
JOIN_COLUMNS = [*SHARD_COLUMNS, "outlet", "timex_text", "role"]
#: Rows' worth of work a merging task takes (postings, pair counts, candidates or rows): the number of shards is
#: the corpus's rows over this.
SHARD_ROWS = 20_000
#: A row's worth of postings or of pair counts (a row has about 20 blocks, and meets up to 2 `merge.BLOCK_WINDOW`
#: rows in each): a block shard or a row shard takes about ``shard_rows`` times this many.
ITEMS_PER_ROW = 20
#: Most rows a joining task takes (whole components; a larger component gets a task of its own): as many as a
#: scoring task holds, so that no merging task holds much more than ``SHARD_ROWS`` rows.
JOIN_ROWS = SHARD_ROWS
#: What names a block: its kind (0 week, 1 month, 2 coarse), its date bucket (a coarse block's is its exact
#: range, ``low``-``high``) and its token.
BLOCK = ["kind", "bucket", "low", "high", "token"]


def shard_count(rows: int, shard_rows: int = SHARD_ROWS) -> int:
    return max(1, -(-rows // max(1, shard_rows)))


def _route(values: pd.DataFrame | np.ndarray, shards: int) -> np.ndarray:
    """The shard of each key: a 64-bit hash, the same in every process."""
    hashed = pd.util.hash_pandas_object(values, index=False).to_numpy() if isinstance(values, pd.DataFrame) \
        else pd.util.hash_array(np.asarray(values))
    return (hashed % np.uint64(shards)).astype(np.int64)


def _read(scratch: Scratch, *folder: object, columns: list[str] | None = None) -> pd.DataFrame | None:
    frames = [f for f in (scratch.get_frame(p, columns) for p in scratch.files(*folder)) if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else None


def _file(scratch: Scratch, frame: pd.DataFrame, by: np.ndarray, folder: str, name: str) -> None:
    """``frame``'s rows into ``folder/<shard>/name``, one file per shard ``by`` names."""
    for shard, part in frame.groupby(by, sort=True):
        scratch.put_frame(part.reset_index(drop=True), folder, f"s{int(shard):05d}", name)


def id_hashes(ids: Sequence[str] | np.ndarray) -> np.ndarray:
    """64-bit hashes of event ids, the same in every process: what the client's component search holds (two
    ids of one hash only put two components in one task, which joins each as it would alone)."""
    return pd.util.hash_array(np.asarray(ids, dtype=object)).astype(np.int64)


@dataclass
class Sharded(Summary):
    """A merging task's counts: what it read (its size: the bound on its memory) and what it passed on."""

    read: int = 0
    wrote: int = 0
    weeks: dict[int, int] = field(default_factory=dict)  # postings: mergeable rows by the week they start in


def week_of(start: np.ndarray) -> np.ndarray:
    """The ISO week of days since the epoch (`merge.row_buckets`' weeks): what a candidate pair is filed by."""
    return (np.asarray(start, dtype=np.int64) + 3) // 7


def month_of(days: np.ndarray) -> np.ndarray:
    """The month of days since the epoch, as months since 1970-01 (`merge.row_buckets`' months)."""
    return np.asarray(days, dtype=np.int64).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def month_number(month: str) -> int:
    """A ``YYYY-MM`` month key as months since 1970-01."""
    year, number = map(int, month.split("-"))
    return (year - 1970) * 12 + number - 1


@dataclass(frozen=True)
class DateRoutes:
    """Shards by date: each item goes with a date unit (a week or a month). Units in date order share a shard up
    to ``shard_rows`` rows; a fuller unit gets several, its items dealt among them by a hash of a key. Rounds
    route by date so that what belongs together lands together: a pair's blocks of one month are counted in one
    block shard (blocks by month, dealt by token), and a row's candidate pairs are scored in its week's shard
    (pairs by their owner's week, dealt by owner: an owner's pairs stay together, so it is copied once)."""

    units: np.ndarray  # the units with rows, sorted
    first: np.ndarray  # each unit's first shard
    splits: np.ndarray  # each unit's number of shards

    @classmethod
    def plan(cls, units: dict[int, int], shard_rows: int = SHARD_ROWS) -> DateRoutes:
        order = sorted(units)
        first, splits = [], []
        shard, held = 0, 0  # the shard being filled and its rows so far (held 0: none yet)
        for unit in order:
            rows = units[unit]
            if rows > shard_rows:  # a shard or more of its own
                shard += held > 0
                first.append(shard)
                splits.append(-(-rows // max(1, shard_rows)))
                shard, held = shard + splits[-1], 0
                continue
            if held and held + rows > shard_rows:
                shard, held = shard + 1, 0
            first.append(shard)
            splits.append(1)
            held += rows
        return cls(np.asarray(order, np.int64), np.asarray(first, np.int64), np.asarray(splits, np.int64))

    @property
    def count(self) -> int:
        return int((self.first + self.splits).max()) if len(self.first) else 1

    def shard(self, unit: np.ndarray, key: np.ndarray) -> np.ndarray:
        """The shard of items by their unit and key (a unit not planned goes with the one before it)."""
        if not len(self.units):
            return np.zeros(len(unit), np.int64)
        at = np.clip(np.searchsorted(self.units, unit, side="right") - 1, 0, len(self.units) - 1)
        dealt = pd.util.hash_array(np.asarray(key)) % self.splits[at].astype(np.uint64)
        return self.first[at] + dealt.astype(np.int64)


def postings(partition: int, statistics: merge.Statistics, routes: DateRoutes, scratch: Scratch) -> Sharded:
    """Round 2: the blocks of a partition's mergeable rows (`merge.row_buckets`, the row's blocking keys), filed by
    block: by its month (``routes``), dealt by token in a full month. A coarse block's bucket is its exact range:
    the same block whatever rows share the frame."""
    cpu = time.process_time()
    frame = scratch.get_frame(scratch.path("rows", f"p{partition:06d}"), SHARD_COLUMNS)
    out = Sharded(partition, read=len(frame))
    keys = merge.blocking_tokens(frame, statistics)  # the keys of `merge.features`, without its vectors
    start, end = merge.merge_days(frame)  # (a floating clock time reaches back a few days)
    feats = SimpleNamespace(start=start, end=end, level=merge._level(end - start + 1),
                            mergeable=np.asarray(frame["mergeable"], dtype=bool))
    host, kind, guest = merge.row_buckets(feats)  # type: ignore[arg-type]  (the dates are all it reads)
    lengths = np.fromiter((len(k) if m else 0 for k, m in zip(keys, feats.mergeable, strict=True)), np.int64,
                          len(frame))
    rows = np.repeat(np.arange(len(frame)), lengths)
    tokens = np.fromiter((t for k, m in zip(keys, feats.mergeable, strict=True) if m for t in k), object,
                         int(lengths.sum()))
    parts = []
    for buckets, is_guest in [(b, False) for b in host] + [(b, True) for b in guest]:
        bucket = buckets[rows]
        ok = bucket != merge._NONE
        r = rows[ok]
        k = np.ones(len(r), np.int64) if is_guest else kind[r]
        coarse = k == 2
        parts.append(pd.DataFrame({
            "kind": k.astype(np.int8), "bucket": np.where(coarse, 0, bucket[ok]),
            "low": np.where(coarse, feats.start[r], 0), "high": np.where(coarse, feats.end[r], 0),
            "token": tokens[ok], "guest": is_guest, "row": r}))
    post = pd.concat(parts, ignore_index=True)
    r = post.pop("row").to_numpy()
    weeks, counts = np.unique(week_of(feats.start[np.unique(r)]), return_counts=True)
    out.weeks = dict(zip(weeks.tolist(), counts.tolist(), strict=True))
    post["seq"] = frame["seq"].to_numpy(np.int64)[r]
    post["event_id"] = frame["event_id"].astype(str).to_numpy(object)[r]
    post["start"], post["end"], post["level"] = feats.start[r], feats.end[r], feats.level[r].astype(np.int8)
    out.wrote = len(post)
    kind, bucket = post["kind"].to_numpy(), post["bucket"].to_numpy()
    month = np.where(kind == 0, month_of(bucket * 7), np.where(kind == 1, bucket, month_of(post["low"].to_numpy())))
    _file(scratch, post, routes.shard(month, post["token"].to_numpy(object)), "postings", f"p{partition:06d}")
    out.cpu["merging"] = time.process_time() - cpu
    return out


def _order(ids: np.ndarray) -> np.ndarray:
    """Each id's rank among ``ids`` in Python's string order: as fixed-width unicode (numpy compares code points,
    as Python does, in C: several times faster than sorting Python strings)."""
    return np.unique(np.asarray(ids, dtype=object).astype(str), return_inverse=True)[1].ravel()


def _runs(*keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For rows sorted by ``keys``: the first index of each run of equal keys, and each row's run."""
    change = np.zeros(len(keys[0]), dtype=bool)
    if len(change):
        change[0] = True
    for key in keys:
        change[1:] |= key[1:] != key[:-1]
    first = np.flatnonzero(change)
    return first, np.cumsum(change) - 1


def blocks(shard: int, shards: int, scratch: Scratch) -> Sharded:
    """Round 3: the pairs of every block of a block shard (`merge.candidate_pairs`' windows, whole blocks), counted
    and filed under both rows' shards (``shards`` row shards)."""
    cpu = time.process_time()
    post = _read(scratch, "postings", f"s{shard:05d}")
    out = Sharded(shard)
    if post is None:
        return out
    out.read = len(post)
    code = post.groupby(BLOCK, sort=False).ngroup().to_numpy()
    ids = post["event_id"].to_numpy(object)
    rank = _order(ids)  # event ids in Python's order, as `merge.features`
    start, end, seq = post["start"].to_numpy(), post["end"].to_numpy(), post["seq"].to_numpy()
    guest = post["guest"].to_numpy(bool)
    host = np.flatnonzero(~guest)
    host = host[np.lexsort((rank[host], end[host], start[host], code[host]))]
    host_code = code[host]
    pairs = []
    for step in range(1, merge.BLOCK_WINDOW + 1):
        same = host_code[:-step] == host_code[step:]
        pairs.append(np.stack([host[:-step][same], host[step:][same]], axis=1))
    guests = np.flatnonzero(guest)
    low = np.searchsorted(host_code, code[guests], side="left")
    high = np.searchsorted(host_code, code[guests], side="right")
    for offset in range(merge.BLOCK_WINDOW):
        ok = low + offset < high
        pairs.append(np.stack([guests[ok], host[low[ok] + offset]], axis=1))
    both = np.concatenate(pairs)
    x, y = both[:, 0], both[:, 1]
    dates = SimpleNamespace(start=start, end=end, level=post["level"].to_numpy())
    ok = (seq[x] != seq[y]) & merge.dates_agree(dates, x, y)  # type: ignore[arg-type]  (the dates are all it reads)
    x, y = x[ok], y[ok]
    swap = seq[x] > seq[y]
    x, y = np.where(swap, y, x), np.where(swap, x, y)
    order = np.lexsort((seq[y], seq[x]))
    x, y = x[order], y[order]
    first, _ = _runs(seq[x], seq[y])
    shared = np.diff(np.append(first, len(x)))  # a pair's count: the blocks it meets in here
    x, y = x[first], y[first]
    owner = np.where(start[y] < start[x], seq[y], seq[x])  # x is first in a one-process run
    week = week_of(np.minimum(start[x], start[y]))
    counted = pd.DataFrame({"row": np.concatenate([seq[x], seq[y]]), "other": np.concatenate([seq[y], seq[x]]),
                            "other_id": np.concatenate([ids[y], ids[x]]),
                            "shared": np.concatenate([shared, shared]).astype(np.int64),
                            "owner": np.concatenate([owner, owner]), "week": np.concatenate([week, week])})
    out.wrote = len(counted)
    _file(scratch, counted, _route(counted["row"].to_numpy(), shards), "counted", f"b{shard:05d}")
    out.cpu["merging"] = time.process_time() - cpu
    return out


def ranking(shard: int, routes: DateRoutes, scratch: Scratch) -> Sharded:
    """Round 4: each row of a row shard keeps its `merge.CANDIDATES` pairs that share the most blocks (ties by
    the other row's event id: `merge._best_per_row`); a kept pair goes to its scoring shard (``routes``: by its
    owner's week), which asks both rows' partitions for them."""
    cpu = time.process_time()
    counted = _read(scratch, "counted", f"s{shard:05d}")
    out = Sharded(shard)
    if counted is None:
        return out
    out.read = len(counted)
    row, other = counted["row"].to_numpy(), counted["other"].to_numpy()
    order = np.lexsort((other, row))
    row, other = row[order], other[order]
    first, _ = _runs(row, other)
    shared = np.add.reduceat(counted["shared"].to_numpy()[order], first) if len(first) else np.zeros(0, np.int64)
    other_id = counted["other_id"].to_numpy(object)[order][first]
    owner, week = counted["owner"].to_numpy()[order][first], counted["week"].to_numpy()[order][first]
    row, other = row[first], other[first]
    rank = _order(other_id)
    order = np.lexsort((rank, -shared, row))
    row, other, owner, week = row[order], other[order], owner[order], week[order]
    starts, run = _runs(row)
    keep = np.arange(len(row)) - starts[run] < merge.CANDIDATES
    kept = pd.DataFrame({"a": np.minimum(row, other)[keep], "b": np.maximum(row, other)[keep]})
    kept["shard"] = routes.shard(week[keep], owner[keep])
    out.wrote = len(kept)
    _file(scratch, kept[["a", "b"]], kept["shard"].to_numpy(), "kept", f"r{shard:05d}")
    needs = pd.DataFrame({"seq": np.concatenate([kept["a"], kept["b"]]),
                          "shard": np.concatenate([kept["shard"], kept["shard"]])}).drop_duplicates()
    for partition, part in needs.groupby(needs["seq"].to_numpy() >> 32, sort=True):  # seq: partition << 32 | row
        scratch.put_frame(part.reset_index(drop=True), "needs", f"p{int(partition):06d}", f"r{shard:05d}")
    out.cpu["merging"] = time.process_time() - cpu
    return out


def gather(partition: int, scratch: Scratch) -> Sharded:
    """Round 5: the rows of a partition that scoring shards asked for, sent to each (a row to each shard once)."""
    cpu = time.process_time()
    needs = _read(scratch, "needs", f"p{partition:06d}")
    out = Sharded(partition)
    if needs is None:
        return out
    needs = needs.drop_duplicates()
    frame = scratch.get_frame(scratch.path("rows", f"p{partition:06d}"), SHARD_COLUMNS)
    out.read = len(frame)
    sent = needs.merge(frame, on="seq", how="inner", validate="many_to_one")
    out.wrote = len(sent)
    _file(scratch, sent.drop(columns="shard"), sent["shard"].to_numpy(), "needed", f"p{partition:06d}")
    out.cpu["merging"] = time.process_time() - cpu
    return out


@dataclass
class Candidates(Summary):
    a: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # id hashes of each passing pair's rows
    b: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    days: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # the earlier start of the two
    last: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # the later start
    candidates: int = 0
    rows: int = 0  # rows read


def score(shard: int, statistics: merge.Statistics, scratch: Scratch) -> Candidates:
    """Round 6: the passing pairs among a shard's candidates, written to the scratch store; the client gets their
    id hashes and days only."""
    cpu = time.process_time()
    out = Candidates(shard)
    kept = _read(scratch, "kept", f"s{shard:05d}")
    if kept is None:
        return out
    kept = kept.drop_duplicates(["a", "b"])  # a pair both of whose rows keep it comes from both rows' shards
    frame = _read(scratch, "needed", f"s{shard:05d}").sort_values("seq", kind="stable").reset_index(drop=True)
    out.rows = len(frame)
    index = pd.Series(np.arange(len(frame)), index=frame["seq"].to_numpy())
    pairs = np.stack([index.loc[kept[end].to_numpy()].to_numpy() for end in ("a", "b")], axis=1)  # a < b as seq
    feats = merge.features(frame, statistics)
    found = merge.passing_pairs(feats, pairs)
    ids = frame["event_id"].astype(str).to_numpy()
    i, j = found.pairs[:, 0], found.pairs[:, 1]
    passing = pd.DataFrame({"a": ids[i], "b": ids[j], "score": found.scores, "told": found.told,
                            "alike": found.alike, "one_day": found.one_day})
    scratch.put_frame(passing, "passing", f"s{shard:05d}")
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
    rows: int = 0


def _day(days: int) -> dt.datetime:
    return dt.datetime(1970, 1, 1) + dt.timedelta(days=days)


def _members(scratch: Scratch, folder: str, column: str, hashes: np.ndarray, columns: list[str] | None = None,
             filters: list | None = None) -> pd.DataFrame:
    """The rows of every file under ``folder`` whose ``column`` hashes to one of ``hashes``, filtered file by file
    (a task holds one file and its own rows, never a date range's)."""
    frames = []
    for path in scratch.files(folder):
        frame = scratch.get_frame(path, columns, filters)
        if len(frame):
            frames.append(frame[np.isin(id_hashes(frame[column].astype(str)), hashes)])
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns or [])


def join(number: int, task: JoinTask, statistics: merge.Statistics, scratch: Scratch) -> Joined:
    """Join the components of a task: their passing pairs and rows; the rows' cluster columns go to the scratch
    store."""
    cpu = time.process_time()
    passing = _members(scratch, "passing", "a", task.hashes).drop_duplicates(["a", "b"])
    first, after = _day(task.first), _day(task.last + 1)
    frame = _members(scratch, "rows", "event_id", task.hashes, JOIN_COLUMNS,
                     [("start", ">=", first), ("start", "<", after)])
    frame = frame.sort_values("seq", kind="stable").reset_index(drop=True)
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
    told = clusters[(clusters["n_sources"] > 1) & (frame["role"] == "event")]  # happenings, as `cli` counts them
    out = Joined(-1, clusters=int(told["cluster_id"].nunique()), rows=len(frame))
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
