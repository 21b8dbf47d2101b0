"""Merging in a distributed run: which rows of the corpus tell one happening (`timeline.events.merge`).

Reads the rows the partitions filed by month and writes each month's cluster columns (event_id,
cluster_id, n_sources, merge_reason) for the output round.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from timeline.distributed.scratch import Scratch
from timeline.distributed.stages import Summary, month_key
from timeline.events.merge import cluster_events

#: The columns `cluster_events` reads (and the row's order and month).
MERGE_COLUMNS = ["event_id", "doc_id", "outlet", "sentence", "sentence_start", "headline", "timex_text", "timex_start",
                 "timex_end", "start", "end", "role", "role_reason", "actors", "places", "seq"]


@dataclass
class Merged(Summary):
    clusters: int = 0  # happenings told by several articles


def merge_all(groups: Sequence[list[str]], scratch: Scratch) -> Merged:
    """All rows' clusters in one task (the rows in the order one process makes them: the same clusters),
    written per output group of months."""
    cpu = time.process_time()
    frame = pd.concat([scratch.get_frame(path, MERGE_COLUMNS) for path in scratch.files("rows")], ignore_index=True)
    frame = frame.sort_values("seq", kind="stable").reset_index(drop=True)
    found = cluster_events(frame)
    clusters = pd.DataFrame({"event_id": frame["event_id"], "cluster_id": found.cluster_id,
                             "n_sources": found.n_sources, "merge_reason": found.merge_reason})
    month = pd.Series([month_key(d) for d in frame["start"]])
    for number, group in enumerate(groups):
        scratch.put_frame(clusters[month.isin(group).to_numpy()], "clusters", f"g{number:06d}")
    out = Merged(-1)
    out.clusters = int(clusters.loc[clusters["n_sources"] > 1, "cluster_id"].nunique())
    out.cpu["merging"] = time.process_time() - cpu
    return out
