"""Extraction on Dask: every core of this machine, or a ``dask.distributed`` cluster, for corpora past one process.

Per-article work runs in partitions; the corpus-level steps are map, reduce and shuffle: entity names
joined from per-partition summaries (`timeline.entities.finder.NameSummary`), merging sharded by blocking
key, by row and by pair (`timeline.distributed.merging`). Each round's state waits in a scratch store (`Scratch`), so a
worker holds one partition at a time. The output is a Parquet dataset filed by month, or one file.
"""

from timeline.distributed.cluster import connect, dashboard_link, parse_scheduler
from timeline.distributed.run import RunResult, extract
from timeline.distributed.scratch import Scratch

__all__ = ["RunResult", "Scratch", "connect", "dashboard_link", "extract", "parse_scheduler"]
