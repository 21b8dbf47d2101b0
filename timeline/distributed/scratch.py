"""The scratch store: where a partition's state waits between rounds (a folder or an object-store URL).

On a cluster it must be storage every worker sees (a shared mount, an object store); on one machine a
local folder. Pickles for Python state, Parquet for event rows. The run removes it when done.
"""

from __future__ import annotations

import pickle
import posixpath
from dataclasses import dataclass

import fsspec
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq


@dataclass(frozen=True)
class Scratch:
    url: str

    def path(self, *parts: object) -> str:
        return posixpath.join(self.url, *(str(p) for p in parts))

    def _fs(self) -> tuple[fsspec.AbstractFileSystem, str]:
        return fsspec.core.url_to_fs(self.url)

    def put(self, value: object, *parts: object) -> None:
        with fsspec.open(self.path(*parts) + ".pkl", "wb", auto_mkdir=True) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def get(self, *parts: object) -> object:
        with fsspec.open(self.path(*parts) + ".pkl", "rb") as handle:
            return pickle.load(handle)  # our own files, written by this run

    def remove(self, *parts: object) -> None:
        fs, _ = self._fs()
        path = fsspec.core.url_to_fs(self.path(*parts) + ".pkl")[1]
        if fs.exists(path):
            fs.rm(path)

    def put_frame(self, frame: pd.DataFrame, *parts: object, whole: bool = False) -> None:
        """A table as Parquet: under the store (``parts``), or at the full path given (``whole``)."""
        url = str(parts[0]) if whole else self.path(*parts) + ".parquet"
        with fsspec.open(url, "wb", auto_mkdir=True) as handle:
            frame.to_parquet(handle, index=False)

    def put_rows(self, frame: pd.DataFrame, row_group: int, *parts: object) -> None:
        """Rows as Parquet in row groups of ``row_group`` rows (their statistics let a reader skip them)."""
        with fsspec.open(self.path(*parts) + ".parquet", "wb", auto_mkdir=True) as handle:
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), handle, row_group_size=row_group)

    def get_frame(self, url: str, columns: list[str] | None = None, filters: list | None = None) -> pd.DataFrame:
        if not url.endswith(".parquet"):
            url += ".parquet"
        with fsspec.open(url, "rb") as handle:
            return pq.read_table(handle, columns=columns, filters=filters).to_pandas()

    def files(self, *parts: object) -> list[str]:
        """The Parquet files under a folder of the store, sorted (partition order), as full URLs."""
        fs, folder = fsspec.core.url_to_fs(self.path(*parts))
        if not fs.exists(folder):
            return []
        found = sorted(p for p in fs.find(folder) if p.endswith(".parquet"))
        return [fs.unstrip_protocol(p) if "://" in self.url else p for p in found]

    def size(self, *parts: object) -> int:
        """Bytes under a folder of the store (what a round passes to the next: the shuffle's size)."""
        fs, folder = fsspec.core.url_to_fs(self.path(*parts))
        return int(fs.du(folder)) if fs.exists(folder) else 0

    def exists(self, *parts: object) -> bool:
        fs, path = fsspec.core.url_to_fs(self.path(*parts))
        return fs.exists(path)

    def remove_folder(self, *parts: object) -> None:
        fs, path = fsspec.core.url_to_fs(self.path(*parts))
        if fs.exists(path):
            fs.rm(path, recursive=True)

    def clear(self) -> None:
        fs, path = self._fs()
        if fs.exists(path):
            fs.rm(path, recursive=True)
