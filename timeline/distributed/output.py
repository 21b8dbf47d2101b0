"""The output of a distributed run: one Parquet schema for every month's file, and the files streamed into one.

Every month's file has the same Arrow schema (an empty list column would otherwise be typed null in one
month and string in another, and readers refuse the dataset): strings, 64-bit integers, timestamps in
milliseconds (Parquet's smallest unit that holds years 1 to 9999) and lists of strings. pandas, Dask,
DuckDB and Spark read the folder (``month=YYYY-MM/part-0.parquet``, hive-style) or the single file.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import fsspec
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from timeline import schema
from timeline.export import to_csv_bytes, to_json_bytes

_ARROW = {"string": pa.string(), "Int64": pa.int64(), schema.DATE_DTYPE: pa.timestamp("ms"),
          "object": pa.list_(pa.string())}
#: Rows per row group of a single-file output (a reader's unit of memory).
BATCH_ROWS = 50_000


@cache
def arrow_schema() -> pa.Schema:
    """The event table's columns (`timeline.schema`) as Arrow types."""
    return pa.schema([(name, _ARROW[dtype]) for name, (dtype, _) in schema.EVENT_COLUMNS.items()])


def to_arrow(frame: pd.DataFrame) -> pa.Table:
    """A schema-conformed event table as an Arrow table of `arrow_schema`."""
    frame = frame.copy()
    for column in schema.LIST_COLUMNS:
        frame[column] = frame[column].map(lambda v: [] if v is None else [str(x) for x in v])
    return pa.Table.from_pandas(frame, schema=arrow_schema(), preserve_index=False)


def write_month(frame: pd.DataFrame, url: str) -> None:
    with fsspec.open(url, "wb", auto_mkdir=True) as handle:
        pq.write_table(to_arrow(frame), handle)


def combine(months: Sequence[str], path: str) -> None:
    """The months' files, in order, into one file at ``path`` (.parquet, .csv or .json), a batch at a time:
    the client never holds more than one batch of rows. The months are each sorted, and sorted among
    themselves, so the file is sorted as `extract_events` sorts."""
    suffix = path.rsplit(".", 1)[-1].lower()
    if suffix == "parquet":
        with pq.ParquetWriter(path, arrow_schema()) as writer:
            for url in months:
                with fsspec.open(url, "rb") as handle:
                    for batch in pq.ParquetFile(handle).iter_batches(batch_size=BATCH_ROWS):
                        writer.write_batch(batch)
        return
    with open(path, "wb") as out:
        first = True
        for url in months:
            with fsspec.open(url, "rb") as handle:
                for batch in pq.ParquetFile(handle).iter_batches(batch_size=BATCH_ROWS):
                    data = (to_csv_bytes if suffix == "csv" else to_json_bytes)(_frame(batch))
                    if suffix == "csv":  # the header once
                        out.write(data if first else data.split(b"\n", 1)[1])
                    elif data != b"[]":  # the array's items, as one array: the same bytes as one process writes
                        out.write((b"[" if first else b",") + data[1:-2])
                    else:
                        continue
                    first = False
        if suffix == "json":
            out.write(b"[]" if first else b"\n]")
        elif first:
            out.write(to_csv_bytes(schema.empty_events()))


def _frame(batch: pa.RecordBatch) -> pd.DataFrame:
    """A batch back into the schema's dtypes."""
    frame = batch.to_pandas()
    for column in schema.DATE_COLUMNS:
        frame[column] = frame[column].astype(schema.DATE_DTYPE)
    for column in schema.LIST_COLUMNS:
        frame[column] = pd.Series([list(v) for v in frame[column]], index=frame.index, dtype=object)
    return schema.conform(frame)
