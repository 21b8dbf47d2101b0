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


def rows(partition: int, index: finder.NameIndex, singles: dict[str, str], scratch: Scratch) -> Rows:
    """The event rows of the partition's articles (sentences, time expressions, labels, roles), filed by month."""
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
    if found:
        frame = pd.DataFrame(found)
        frame["seq"] = (partition << 32) + pd.RangeIndex(len(frame))  # the row's place in a one-process run
        frame["month"] = [month_key(d) for d in frame["start"]]
        for month, group in frame.groupby("month", sort=True):
            scratch.put_frame(group.drop(columns="month"), "rows", f"m={month}", f"p{partition:06d}")
            out.months[str(month)] = len(group)
    scratch.remove("resolved", partition)
    out.cpu["entities"] = entities
    out.cpu["rows"] = time.process_time() - cpu - entities
    return out


@dataclass
class Month(Summary):
    month: str = ""
    events: int = 0
    references: int = 0
    path: str = ""


def output(month: str, scratch: Scratch, target: str | None) -> Month:
    """One month's rows with their clusters, sorted as `extract_events` sorts, in the schema's dtypes; written
    to ``target`` (a dataset's ``month=...`` folder) or to the scratch store for the client to stream."""
    cpu = time.process_time()
    frame = pd.concat([scratch.get_frame(path) for path in scratch.files("rows", f"m={month}")], ignore_index=True)
    clusters = scratch.get_frame(scratch.path("clusters", f"m={month}"))
    frame = frame.drop(columns="seq").merge(clusters, on="event_id", how="left", validate="one_to_one")
    frame = schema.conform(frame.sort_values(["start", "end", "doc_id", "timex_start"], kind="stable"))
    out = Month(-1, month=month, events=int((frame["role"] == "event").sum()),
                references=int((frame["role"] != "event").sum()))
    out.path = (scratch.path("final", f"m={month}") + ".parquet" if target is None
                else posixpath.join(target, f"month={month}", "part-0.parquet"))
    write_month(frame, out.path)
    out.cpu["output"] = time.process_time() - cpu
    return out
