"""The databases the store is tested against: a SQLite file, and a real PostgreSQL server started here.

The PostgreSQL server is Debian's (``apt-get install postgresql``; `.ci/run` installs it): ``initdb`` and
``pg_ctl`` under a temporary folder, on a free local port, trust authentication, started once per test run
and stopped at exit. ``pg_ctl`` refuses to run as root, so as root it runs as the ``postgres`` user. Each test
gets a database of its own. Where the binaries are missing, the PostgreSQL tests are skipped, saying why.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

_server: dict[str, object] = {}


def _binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _start() -> str:
    """Start the server (once); returns its admin URL, or raises pytest.skip.Exception saying why it cannot."""
    if "url" in _server:
        return str(_server["url"])
    if "skip" in _server:
        pytest.skip(str(_server["skip"]))
    bindir = _binaries()
    if bindir is None:
        _server["skip"] = "PostgreSQL's initdb and pg_ctl are missing: apt-get install postgresql"
        pytest.skip(str(_server["skip"]))
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            _server["skip"] = "running as root and there is no 'postgres' user to run the server as"
            pytest.skip(str(_server["skip"]))
    folder = Path(tempfile.mkdtemp(prefix="timeline-pg-"))
    data, log = folder / "data", folder / "server.log"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    run = {"check": True, "capture_output": True, "text": True, "timeout": 120}
    subprocess.run(_as_server_user([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "timeline",
                                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]), **run)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                                    "-w", "-t", "60", "start"]), **run)
    _server["url"] = f"postgresql+psycopg://timeline@127.0.0.1:{port}"
    atexit.register(_stop, bindir, data, folder)
    return str(_server["url"])


def _stop(bindir: Path, data: Path, folder: Path) -> None:
    with contextlib.suppress(Exception):
        subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)
    shutil.rmtree(folder, ignore_errors=True)


def postgres_url() -> str:
    """A new, empty database on the test server."""
    import sqlalchemy as sa

    admin = _start()
    name = "t_" + uuid.uuid4().hex[:12]
    engine = sa.create_engine(f"{admin}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return f"{admin}/{name}"


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'corpora.sqlite3'}"


def database(kind: str, folder: Path) -> str:
    """A fresh database URL of that kind (``sqlite`` or ``postgresql``)."""
    return postgres_url() if kind == "postgresql" else sqlite_url(folder)


KINDS = ["sqlite", "postgresql"]
