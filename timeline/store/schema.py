"""The store's tables, and the migrations that create and update them (a version table, run by the app).

The schema's version is one row of ``timeline_store_version``; `migrate` applies every step past it, in
order, in one transaction with the version's update. Steps are written once and never edited: a change of
schema is a new step appended to `MIGRATIONS`. Two processes starting at once migrate one after the other
(PostgreSQL: an advisory lock; SQLite: the database's write lock, taken first).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

metadata = sa.MetaData()

#: One corpus: found only by the hash of one of its two tokens (see `timeline.store.tokens`).
corpora = sa.Table(
    "timeline_corpora", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("edit_key", sa.String(64), nullable=False, unique=True),
    sa.Column("view_key", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False, default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

#: One article of a corpus: everything `timeline.documents.Document` holds, and the user's corrected date.
articles = sa.Table(
    "timeline_articles", metadata,
    sa.Column("corpus_id", sa.Integer, sa.ForeignKey("timeline_corpora.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("doc_id", sa.String(1000), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("chars", sa.Integer, nullable=False),
    sa.Column("content_sha256", sa.String(64), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text, nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("published", sa.Date, nullable=True),
    sa.Column("anchor_source", sa.String(16), nullable=False),
    sa.Column("anchor_evidence", sa.Text, nullable=False),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("corrected", sa.Date, nullable=True),
    sa.Column("source", sa.Text, nullable=False),  # the file, link or "pasted" it came from
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
)

#: An upload or link that gave no article, kept with its message until the user removes it.
failures = sa.Table(
    "timeline_failures", metadata,
    sa.Column("corpus_id", sa.Integer, sa.ForeignKey("timeline_corpora.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("problem", sa.Text, nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
)

_versions = sa.MetaData()
version_table = sa.Table("timeline_store_version", _versions, sa.Column("version", sa.Integer, nullable=False))

_LOCK = 0x74696D656C696E65  # "timeline": PostgreSQL advisory lock key for migrations


def _v1_tables(conn: Connection) -> None:
    """The first schema: corpora, their articles and their failed uploads."""
    v1 = sa.MetaData()
    for table in (corpora, articles, failures):
        table.to_metadata(v1)
    v1.create_all(conn, checkfirst=True)


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1_tables,)
VERSION = len(MIGRATIONS)


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer version of this code: refuse rather than misread it."""


def schema_version(conn: Connection) -> int:
    if not sa.inspect(conn).has_table(version_table.name):
        return 0
    return conn.execute(sa.select(version_table.c.version)).scalar() or 0


def migrate(engine: Engine) -> int:
    """Bring the database to `VERSION`; returns the version it was at. Safe to call on every start."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        conn.execute(sa.text(f"CREATE TABLE IF NOT EXISTS {version_table.name} (version INTEGER NOT NULL)"))
        # A write now takes SQLite's write lock for the whole migration: a second process waits here, not races.
        conn.execute(version_table.update().values(version=version_table.c.version))
        current = conn.execute(sa.select(version_table.c.version)).scalar()
        if current is None:
            conn.execute(version_table.insert().values(version=0))
            current = 0
        if current > VERSION:
            raise SchemaTooNew(f"the corpus database has schema version {current}, newer than this code's {VERSION}: "
                               "update timeline")
        for number in range(current + 1, VERSION + 1):
            MIGRATIONS[number - 1](conn)
            conn.execute(version_table.update().values(version=number))
    return current
