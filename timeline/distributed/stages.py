"""The work of one partition in each round of a distributed run (these functions run on the workers).

Each round reads the partition's state of the round before from the scratch store, does its work, writes
its own state there and returns a small summary for the client's reduce: the corpus never passes through
one process, and a worker holds one partition at a time. Every function returns its CPU seconds, so the
benchmark can tell each stage's share.

    load      files -> documents                     summary: ids, errors, lower-case words
    names     documents -> first entity pass         summary: `NameSummary` (names, counts, abbreviations)
    resolve   first pass + corpus index -> people    summary: single names of no known person
    rows      mentions -> event rows (the bulk)      summary: rows per month, failures
    (merging: `timeline.distributed.merging`)
    output    rows + clusters of one month -> the month's sorted, schema-conformed table
"""

from __future__ import annotations

import datetime as dt
import posixpath
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from timeline import schema
from timeline.distributed.inputs import Partition, apply_renames, load_source
from timeline.distributed.output import write_month
from timeline.distributed.scratch import Scratch
from timeline.documents import Document, LoadError
from timeline.entities import finder


def month_key(day: object) -> str:
    """The month a row is filed under: its start's, "YYYY-MM" (years 1 to 9999 sort as text)."""
    stamp = pd.Timestamp(day)
    return f"{stamp.year:04d}-{stamp.month:02d}"


@dataclass
class Summary:
    """What a partition's task tells the client: counts, errors and CPU seconds by stage."""

    partition: int
    cpu: dict[str, float] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)
    warnings: list[LoadError] = field(default_factory=list)


@dataclass
class Loaded(Summary):
    ids: list[tuple[str, int]] = field(default_factory=list)  # (doc_id, file index) in order: id clashes
    lowercase: set[str] = field(default_factory=set)
    anchored: set[str] = field(default_factory=set)  # the --anchor names that matched an article here


def load(partition: Partition, anchors: Mapping[str, dt.date | str] | None, scratch: Scratch,
         slot: str | None = None) -> Loaded:
    """Read the partition's files (one error per bad file or row; the rest goes on); ``slot`` names where
    its documents wait when one file is read alone (a retry)."""
    cpu = time.process_time()
    out = Loaded(partition.number)
    docs: list[tuple[Document, int]] = []
    cache: dict = {}
    for i, source in enumerate(partition.sources, partition.first):
        found, errors, warnings = load_source(source, anchors, cache)
        docs.extend((doc, i) for doc in found)
        out.errors.extend(errors)
        out.warnings.extend(warnings)
    out.ids = [(doc.doc_id, i) for doc, i in docs]
    for name in anchors or {}:
        if any(name in known or posixpath.basename(name) in known
               for known in ({d.doc_id, d.path, posixpath.basename(d.path) if d.path else d.doc_id} for d, _ in docs)):
            out.anchored.add(name)
    for doc, _ in docs:
        if doc.published is not None:  # undated articles take no part in extraction
            out.lowercase |= finder.lowercase_words(doc)
    scratch.put(docs, "docs", slot or partition.number)
    out.cpu["loading"] = time.process_time() - cpu
    return out


@dataclass
class Named(Summary):
    names: finder.NameSummary | None = None
    undated: list[tuple[str, str]] = field(default_factory=list)  # (where, doc_id): the user may give a date
    articles: int = 0


def names(partition: int, renames: Mapping[str, str], lowercase: set[str], scratch: Scratch) -> Named:
    """The first entity pass of the partition's dated articles, and its summary of names for the corpus's joins."""
    cpu = time.process_time()
    out = Named(partition)
    states = []
    for doc in apply_renames(scratch.get("docs", partition), renames):
        if doc.published is None:
            out.undated.append((doc.where, doc.doc_id))
            continue
        try:
            states.append(finder.first_pass(doc, lowercase))
        except Exception as exc:  # one article's failure never ends the batch
            out.errors.append(LoadError(doc.where, f"no events extracted ({type(exc).__name__}: {exc})"))
    out.names = finder.NameSummary.of(states)
    out.articles = len(states)
    scratch.put(states, "states", partition)
    scratch.remove("docs", partition)
    out.cpu["entities"] = time.process_time() - cpu
    return out


@dataclass
class Resolved(Summary):
    unknown: Counter[str] = field(default_factory=Counter)


def resolve(partition: int, index: finder.NameIndex, lowercase: set[str], scratch: Scratch) -> Resolved:
    """People named across the corpus; the single names of no known person counted for the corpus's spellings."""
    cpu = time.process_time()
    out = Resolved(partition)
    resolved = []
    for state in scratch.get("states", partition):
        try:
            resolved.append(finder.resolve(state, index, lowercase))
        except Exception as exc:
            out.errors.append(LoadError(state.doc.where, f"no events extracted ({type(exc).__name__}: {exc})"))
    out.unknown = finder.unknown_words(resolved)
    scratch.put(resolved, "resolved", partition)
    scratch.remove("states", partition)
    out.cpu["entities"] = time.process_time() - cpu
    return out


@dataclass
class Rows(Summary):
    months: Counter[str] = field(default_factory=Counter)  # rows filed under each month
    articles: int = 0
    statistics: object = None  # the rows' `merge.Statistics`: the corpus's are their sum


#: Rows per row group of a partition's rows file: an output task reads only the groups of its months.
ROW_GROUP = 2_000


def rows(partition: int, index: finder.NameIndex, singles: dict[str, str], scratch: Scratch) -> Rows:
    """The event rows of the partition's articles (sentences, time expressions, labels, roles), sorted by start in
    row groups, so that each output task reads only its months' groups."""
    from timeline.events import merge
    from timeline.events.table import document_events

    cpu = time.process_time()
    out = Rows(partition)
    found: list[dict[str, object]] = []
    entities = 0.0
    for r in scratch.get("resolved", partition):
        try:
            started = time.process_time()
            mentions = finder.finish(r, index, singles)
            entities += time.process_time() - started
            found.extend(document_events(r.doc, mentions))
            out.articles += 1
        except Exception as exc:  # one article's failure never ends the batch: it is reported instead
            out.errors.append(LoadError(r.doc.where, f"no events extracted ({type(exc).__name__}: {exc})"))
    merging = 0.0
    if found:
        frame = pd.DataFrame(found)
        frame["seq"] = (partition << 32) + pd.RangeIndex(len(frame))  # the row's place in a one-process run
        started = time.process_time()
        frame = pd.concat([frame, merge.row_tokens(frame)], axis=1)  # merging's per-row share, done once
        out.statistics = merge.Statistics.of(frame)
        merging = time.process_time() - started
        frame = frame.sort_values("start", kind="stable")
        out.months.update(month_key(d) for d in frame["start"])
        scratch.put_rows(frame, ROW_GROUP, "rows", f"p{partition:06d}")
    scratch.remove("resolved", partition)
    out.cpu["entities"] = entities
    out.cpu["merging"] = merging
    out.cpu["rows"] = time.process_time() - cpu - entities - merging
    return out


def month_groups(months: Counter[str], rows: int) -> list[list[str]]:
    """Consecutive months in groups of about ``rows`` rows (at least one month each): one output task each."""
    groups: list[list[str]] = []
    size = 0
    for month in sorted(months):
        if not groups or size + months[month] > rows:
            groups.append([])
            size = 0
        groups[-1].append(month)
        size += months[month]
    return groups


def month_range(group: list[str]) -> tuple[dt.datetime, dt.datetime | None]:
    """The first day of the group's first month and of the month after its last (None after 9999-12)."""
    year, month = map(int, group[0].split("-"))
    first = dt.datetime(year, month, 1)
    year, month = map(int, group[-1].split("-"))
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return first, (dt.datetime(year, month, 1) if year <= 9999 else None)


#: The columns of the table a partition's rows file holds (it also holds merging's per-row tokens).
READ_COLUMNS = [c for c in schema.COLUMNS if c not in ("cluster_id", "n_sources", "merge_reason")]


def group_rows(group: list[str], scratch: Scratch, columns: list[str] | None = None) -> pd.DataFrame:
    """The rows of every partition whose start falls in the group's months."""
    first, after = month_range(group)
    filters = [("start", ">=", first)] + ([("start", "<", after)] if after else [])
    frames = [scratch.get_frame(path, columns, filters) for path in scratch.files("rows")]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns or [])


@dataclass
class Month(Summary):
    months: list[str] = field(default_factory=list)
    events: int = 0
    references: int = 0
    paths: list[str] = field(default_factory=list)


def output(number: int, group: list[str], scratch: Scratch, target: str | None) -> Month:
    """A group of months' rows with their clusters, sorted as `extract_events` sorts, in the schema's dtypes;
    written to ``target`` (a dataset: one ``month=YYYY-MM`` folder per month) or to the scratch store, for the
    client to stream into one file."""
    from timeline.distributed.merging import cluster_columns

    cpu = time.process_time()
    frame = cluster_columns(group_rows(group, scratch, READ_COLUMNS), group, scratch)
    frame = schema.conform(frame.sort_values(["start", "end", "doc_id", "timex_start"], kind="stable"))
    out = Month(-1, months=group, events=int((frame["role"] == "event").sum()),
                references=int((frame["role"] != "event").sum()))
    if target is None:
        out.paths = [scratch.path("final", f"g{number:06d}") + ".parquet"]
        write_month(frame, out.paths[0])
    else:
        keys = [month_key(d) for d in frame["start"]]
        for month, part in frame.groupby(pd.Series(keys, index=frame.index), sort=True):
            out.paths.append(posixpath.join(target, f"month={month}", "part-0.parquet"))
            write_month(part, out.paths[-1])
    out.cpu["output"] = time.process_time() - cpu
    return out
