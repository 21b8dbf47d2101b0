"""Saved corpora: articles kept in a database (SQLite by default, PostgreSQL by URL), opened by a link's token.

`config` says which database, `schema` holds the tables and their migrations, `tokens` the link tokens,
`corpora` the operations on one corpus, `fetch` adding an article by its link, `commands` the command line's
``corpus`` subcommand. Nothing here imports Streamlit: the dashboard hands in the engine of its
``st.connection``, the command line its own. The names below load their module (and SQLAlchemy) on first use,
so the command line's other subcommands start without it.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "database_url": "config", "make_engine": "config", "migrate": "schema",
    **dict.fromkeys(["LIMITS", "Corpus", "Failure", "Limits", "MalformedLink", "Outcome", "ReadOnly", "StoreError",
                     "StoredArticle", "UnknownCorpus", "add_documents", "corpus_events", "correct_dates",
                     "create_corpus", "documents", "failed", "open_corpus", "record_failure", "remove_articles",
                     "remove_failures", "stored_articles"], "corpora"),
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> object:
    if name in _WHERE:
        return getattr(importlib.import_module(f"timeline.store.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'timeline.store' has no attribute {name!r}")
