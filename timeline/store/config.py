"""Which database holds the corpora: an environment variable, Streamlit's secrets, or a local SQLite file.

The same rule serves the dashboard and the command line, so a corpus imported by a script opens in the
dashboard. In order: ``TIMELINE_DATABASE_URL``; the ``url`` of ``[connections.timeline]`` in
``.streamlit/secrets.toml`` (Streamlit's ``st.connection("timeline", type="sql")`` convention); otherwise a
SQLite file under the user's data folder, created on first use with no set-up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

ENV_VAR = "TIMELINE_DATABASE_URL"
CONNECTION_NAME = "timeline"  # st.connection("timeline", type="sql"), [connections.timeline] in secrets.toml


def default_sqlite_path(environ: Mapping[str, str] = os.environ) -> Path:
    """``$XDG_DATA_HOME/timeline/corpora.sqlite3`` (``~/.local/share`` by default): outside any checkout."""
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "timeline" / "corpora.sqlite3"


def database_url(secrets_url: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The database to use: the environment variable, then the secrets' URL, then the default SQLite file.

    The default file's folder is created here, so the first run needs no set-up.
    """
    url = (environ.get(ENV_VAR) or "").strip() or (secrets_url or "").strip()
    if url:
        return _with_driver(url)
    path = default_sqlite_path(environ)
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _with_driver(url: str) -> str:
    """``postgresql://`` (and Heroku-style ``postgres://``) URLs use psycopg 3, the driver requirements.txt pins."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str | None = None) -> Engine:
    """An engine for `database_url` (or ``url``); connections are checked before use, as hosted databases drop idle
    ones."""
    return sa.create_engine(url or database_url(), pool_pre_ping=True)


def describe(url: str) -> str:
    """The URL with its password hidden, for messages."""
    return sa.make_url(url).render_as_string(hide_password=True)
