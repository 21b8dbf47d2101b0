"""Saved corpora: articles kept in a database (SQLite by default, PostgreSQL by URL), opened by a link's token.

`config` says which database, `schema` holds the tables and their migrations, `tokens` the link tokens,
`corpora` the operations on one corpus, `fetch` adding an article by its link. Nothing here imports
Streamlit: the dashboard hands in the engine of its ``st.connection``, the command line its own.
"""

from timeline.store.config import database_url, make_engine
from timeline.store.corpora import (
    LIMITS,
    Corpus,
    Failure,
    Limits,
    MalformedLink,
    Outcome,
    ReadOnly,
    StoredArticle,
    StoreError,
    UnknownCorpus,
    add_documents,
    corpus_events,
    correct_dates,
    create_corpus,
    documents,
    failed,
    open_corpus,
    record_failure,
    remove_articles,
    remove_failures,
    set_include_samples,
    stored_articles,
)
from timeline.store.schema import migrate

__all__ = ["LIMITS", "Corpus", "Failure", "Limits", "MalformedLink", "Outcome", "ReadOnly", "StoreError",
           "StoredArticle", "UnknownCorpus", "add_documents", "corpus_events", "correct_dates", "create_corpus",
           "database_url", "documents", "failed", "make_engine", "migrate", "open_corpus", "record_failure",
           "remove_articles", "remove_failures", "set_include_samples", "stored_articles"]
