"""Which Dask cluster a run uses: worker processes on this machine, or an existing ``dask.distributed`` cluster."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator

_LOCAL = re.compile(r"local(?::(\d+))?")


def parse_scheduler(value: str) -> tuple[str, int | str]:
    """``local`` (one worker per core), ``local:N`` or a scheduler's address (``tcp://host:8786``, ``tls://``...);
    ValueError saying how to write it."""
    value = value.strip()
    match = _LOCAL.fullmatch(value)
    if match:
        workers = int(match.group(1)) if match.group(1) else (os.cpu_count() or 1)
        if workers < 1 or workers > 1024:
            raise ValueError(f"--scheduler {value}: want local:N with 1 <= N <= 1024")
        return "local", workers
    if re.fullmatch(r"(?:tcp|tls|inproc|ucx|ws|wss)://\S+", value):
        return "address", value
    raise ValueError(f"--scheduler {value!r}: want local, local:N or a scheduler's address such as tcp://HOST:8786")


@contextlib.contextmanager
def connect(value: str, memory_limit: str | None = None) -> Iterator[object]:
    """A `distributed.Client` for the scheduler named by ``value``; a local cluster is started (one process per
    worker, one thread each: the per-article work holds Python's lock) and stopped when done."""
    import dask
    from distributed import Client, LocalCluster

    kind, what = parse_scheduler(value)
    if kind == "address":
        with Client(what, timeout="20s") as client:
            yield client
        return
    with dask.config.set({"distributed.worker.daemon": False, "distributed.admin.tick.limit": "10s"}), \
            LocalCluster(n_workers=int(what), threads_per_worker=1, processes=True, dashboard_address=":0",
                         memory_limit=memory_limit or "auto", silence_logs=40) as cluster, Client(cluster) as client:
        yield client


def dashboard_link(client: object) -> str:
    """The diagnostics dashboard's address ("" when the cluster serves none: bokeh is not installed)."""
    try:
        return str(client.dashboard_link or "")  # type: ignore[attr-defined]
    except Exception:  # no dashboard: no link
        return ""
