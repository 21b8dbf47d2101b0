"""Corpora in the database: create one, open it by a token, add, replace and remove articles, correct dates.

Every call takes the engine and the token the user holds, nothing else identifies a corpus: there is no
listing and no id to count up. Reads accept either token; changes need the editing token and raise
`ReadOnly` for the read-only one, so the read-only link is enforced here, not by the page that shows it.
Plain frozen dataclasses (and `timeline.documents.Document`) cross the boundary, never rows or sessions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from timeline.documents import Document
from timeline.store import tokens
from timeline.store.schema import articles, corpora, failures


@dataclass(frozen=True)
class Limits:
    """What one corpus may hold; the dashboard states them, the store enforces them."""

    max_articles: int = 1_000
    max_article_chars: int = 200_000  # a long feature is ~50,000; beyond this, split it
    max_corpus_chars: int = 20_000_000

    def describe(self) -> str:
        return (f"A saved corpus holds up to {self.max_articles:,} articles and {self.max_corpus_chars:,} characters "
                f"of text; each article up to {self.max_article_chars:,} characters.")


LIMITS = Limits()
CORRECTED = "corrected by the user"  # the anchor evidence of a date the user corrected


class StoreError(ValueError):
    """A plain sentence for the user: what went wrong with a corpus link or change."""


class MalformedLink(StoreError):
    pass


class UnknownCorpus(StoreError):
    pass


class ReadOnly(StoreError):
    pass


@dataclass(frozen=True)
class Corpus:
    """An opened corpus. ``edit_token`` is set only when it was opened with the editing token."""

    token: str
    view_token: str
    edit_token: str | None
    name: str
    articles: int
    chars: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def can_edit(self) -> bool:
        return self.edit_token is not None


@dataclass(frozen=True)
class StoredArticle:
    """One row of the table of articles: its metadata, its own date and the user's correction, where it came from."""

    doc_id: str
    title: str
    outlet: str
    url: str
    published: dt.date | None
    anchor_source: str
    corrected: dt.date | None
    chars: int
    source: str
    added_at: dt.datetime

    @property
    def date(self) -> dt.date | None:
        """The date in use: the correction, else the article's own."""
        return self.corrected or self.published


@dataclass(frozen=True)
class Failure:
    """An upload or link that gave no article."""

    key: str
    name: str
    problem: str
    added_at: dt.datetime


@dataclass(frozen=True)
class Outcome:
    """What adding one article did: ``added``, ``replaced`` (an article of that id was there) or ``refused``."""

    doc_id: str
    title: str
    status: str
    reason: str = ""


# --------------------------------------------------------------------------- opening


def create_corpus(engine: Engine, name: str = "") -> Corpus:
    """A new, empty corpus; the returned `Corpus` carries both tokens (the only time the editing token is known)."""
    edit = tokens.new_edit_token()
    now = _now()
    with engine.begin() as conn:
        conn.execute(corpora.insert().values(edit_key=tokens.key_of(edit),
                                             view_key=tokens.key_of(tokens.view_token(edit)), name=_clean(name)[:200],
                                             created_at=now, updated_at=now))
    return open_corpus(engine, edit)


def open_corpus(engine: Engine, token: object) -> Corpus:
    """The corpus a token opens; `MalformedLink` or `UnknownCorpus` (saying nothing of other corpora) otherwise."""
    with engine.connect() as conn:
        row, editing = _find(conn, token)
        count, chars = conn.execute(sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(articles.c.chars), 0))
                                    .where(articles.c.corpus_id == row.id)).one()
    edit = token if editing else None
    return Corpus(token=str(token), view_token=tokens.view_token(edit) if edit else str(token), edit_token=edit,
                  name=row.name, articles=count, chars=int(chars),
                  created_at=_aware(row.created_at), updated_at=_aware(row.updated_at))


def _find(conn: Connection, token: object) -> tuple[sa.Row, bool]:
    if not tokens.well_formed(token):
        raise MalformedLink("That corpus link is malformed: a corpus id is 32 letters, digits, '-' or '_'. "
                            "Check that the whole link was copied.")
    key = tokens.key_of(str(token))
    row = conn.execute(sa.select(corpora).where(sa.or_(corpora.c.edit_key == key, corpora.c.view_key == key))).first()
    if row is None:
        raise UnknownCorpus("No corpus has that id. The link may be incomplete, or the corpus was saved in "
                            "another database.")
    return row, row.edit_key == key


def _editable(conn: Connection, token: object) -> int:
    row, editing = _find(conn, token)
    if not editing:
        raise ReadOnly("This is a read-only link: the corpus can be viewed but not changed.")
    return row.id


# --------------------------------------------------------------------------- reading


def stored_articles(engine: Engine, token: str) -> tuple[StoredArticle, ...]:
    with engine.connect() as conn:
        row, _ = _find(conn, token)
        rows = conn.execute(sa.select(articles.c.doc_id, articles.c.title, articles.c.outlet, articles.c.url,
                                      articles.c.published, articles.c.anchor_source, articles.c.corrected,
                                      articles.c.chars, articles.c.source, articles.c.added_at)
                            .where(articles.c.corpus_id == row.id).order_by(articles.c.position)).all()
    return tuple(StoredArticle(**{**r._asdict(), "added_at": _aware(r.added_at)}) for r in rows)


def documents(engine: Engine, token: str) -> tuple[Document, ...]:
    """The corpus's articles as documents, in the order they were added, each with the date in use."""
    with engine.connect() as conn:
        row, _ = _find(conn, token)
        rows = conn.execute(sa.select(articles).where(articles.c.corpus_id == row.id)
                            .order_by(articles.c.position)).all()
    docs = []
    for r in rows:
        doc = Document(r.doc_id, r.text, r.title, r.outlet, r.url, r.published, r.anchor_source, r.anchor_evidence,
                       r.path)
        if r.corrected is not None:
            doc = dataclasses.replace(doc, published=r.corrected, anchor_source="user", anchor_evidence=CORRECTED)
        docs.append(doc)
    return tuple(docs)


def failed(engine: Engine, token: str) -> tuple[Failure, ...]:
    with engine.connect() as conn:
        row, _ = _find(conn, token)
        rows = conn.execute(sa.select(failures.c.key, failures.c.name, failures.c.problem, failures.c.added_at)
                            .where(failures.c.corpus_id == row.id).order_by(failures.c.added_at, failures.c.key)).all()
    return tuple(Failure(r.key, r.name, r.problem, _aware(r.added_at)) for r in rows)


def corpus_events(engine: Engine, token: str):  # -> pd.DataFrame, imported lazily like timeline.extract_events
    """The event table rebuilt from the stored articles (those with a date): nothing but the articles is needed."""
    from timeline.events import extract_events

    return extract_events([d for d in documents(engine, token) if d.published is not None])


# --------------------------------------------------------------------------- changing


def add_documents(engine: Engine, token: str, docs: Iterable[Document], source: str = "",
                  limits: Limits = LIMITS) -> tuple[Outcome, ...]:
    """Store articles; one whose id is already there replaces it (its date correction kept unless the new one
    comes with the user's date). An article over a limit is refused with the reason; the others are stored."""
    outcomes = []
    with engine.begin() as conn:
        corpus_id = _editable(conn, token)
        present = {r.doc_id: r.chars for r in conn.execute(sa.select(articles.c.doc_id, articles.c.chars)
                                                             .where(articles.c.corpus_id == corpus_id))}
        total = sum(present.values())
        position = conn.execute(sa.select(sa.func.coalesce(sa.func.max(articles.c.position), 0))
                                .where(articles.c.corpus_id == corpus_id)).scalar()
        for doc in docs:
            doc_id, title = _clean(doc.doc_id), _clean(doc.title)
            text = _clean(doc.text)
            replaced = present.get(doc_id)
            why = _over_limit(doc_id, len(text), total - (replaced or 0), len(present) + (replaced is None), limits)
            if why:
                outcomes.append(Outcome(doc_id, title, "refused", why))
                continue
            values = {"text": text, "chars": len(text), "title": title,
                      "content_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                      "outlet": _clean(doc.outlet), "url": _clean(doc.url), "published": doc.published,
                      "anchor_source": doc.anchor_source, "anchor_evidence": _clean(doc.anchor_evidence), "path": "",
                      "source": _clean(source)[:500], "added_at": _now()}
            if replaced is not None:
                if doc.anchor_source == "user":
                    values["corrected"] = None
                conn.execute(articles.update().where(articles.c.corpus_id == corpus_id, articles.c.doc_id == doc_id)
                             .values(**values))
                total += len(text) - replaced
            else:
                position += 1
                conn.execute(articles.insert().values(corpus_id=corpus_id, doc_id=doc_id, position=position, **values))
                total += len(text)
            present[doc_id] = len(text)
            outcomes.append(Outcome(doc_id, title, "added" if replaced is None else "replaced"))
        _touch(conn, corpus_id)
    return tuple(outcomes)


def _over_limit(doc_id: str, chars: int, others: int, count: int, limits: Limits) -> str:
    if not doc_id or len(doc_id) > 1000:
        return "its id is empty or over 1,000 characters"
    if chars > limits.max_article_chars:
        return f"{chars:,} characters is over the {limits.max_article_chars:,} limit per article; split it"
    if count > limits.max_articles:
        return f"the corpus is full: {limits.max_articles:,} articles at most; remove some first"
    if others + chars > limits.max_corpus_chars:
        return (f"the corpus would hold {others + chars:,} characters, over its {limits.max_corpus_chars:,} limit; "
                "remove some articles first")
    return ""


def remove_articles(engine: Engine, token: str, doc_ids: Iterable[str]) -> int:
    """Remove articles by id; returns how many were there."""
    ids = list(doc_ids)
    with engine.begin() as conn:
        corpus_id = _editable(conn, token)
        removed = conn.execute(articles.delete().where(articles.c.corpus_id == corpus_id,
                                                       articles.c.doc_id.in_(ids))).rowcount if ids else 0
        _touch(conn, corpus_id)
    return removed


def correct_dates(engine: Engine, token: str, dates: Mapping[str, dt.date | None]) -> int:
    """Set (or with None, undo) the user's publication date of articles; returns how many were found."""
    changed = 0
    with engine.begin() as conn:
        corpus_id = _editable(conn, token)
        for doc_id, date in dates.items():
            changed += conn.execute(articles.update().where(articles.c.corpus_id == corpus_id,
                                                            articles.c.doc_id == doc_id)
                                    .values(corrected=date)).rowcount
        _touch(conn, corpus_id)
    return changed


def record_failure(engine: Engine, token: str, key: str, name: str, problem: str) -> None:
    """Keep an upload that gave no article, with its message (the same key again replaces it)."""
    key = hashlib.sha256(key.encode("utf-8", "replace")).hexdigest() if len(key) > 200 else key
    with engine.begin() as conn:
        corpus_id = _editable(conn, token)
        conn.execute(failures.delete().where(failures.c.corpus_id == corpus_id, failures.c.key == key))
        conn.execute(failures.insert().values(corpus_id=corpus_id, key=key, name=_clean(name)[:500],
                                              problem=_clean(problem)[:2000], added_at=_now()))


def remove_failures(engine: Engine, token: str, keys: Iterable[str]) -> None:
    keys = list(keys)
    with engine.begin() as conn:
        corpus_id = _editable(conn, token)
        if keys:
            conn.execute(failures.delete().where(failures.c.corpus_id == corpus_id, failures.c.key.in_(keys)))


# --------------------------------------------------------------------------- helpers

#: Neither PostgreSQL text nor UTF-8 holds a NUL or half a surrogate pair: each becomes U+FFFD (offsets unchanged).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _clean(value: str | None) -> str:
    return _UNSTORABLE.sub("\ufffd", value or "")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    """SQLite gives back naive datetimes: they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _touch(conn: Connection, corpus_id: int) -> None:
    conn.execute(corpora.update().where(corpora.c.id == corpus_id).values(updated_at=_now()))
