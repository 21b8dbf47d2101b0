"""Shared fixtures: the seeds corpus, its events, and the gold file beside the checkout."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from paths import GOLD, SEEDS

from timeline import Document, extract_events, load_documents


@pytest.fixture(autouse=True)
def corpus_database(tmp_path_factory, monkeypatch) -> None:
    """Saved corpora (the dashboard's, the command line's) go to a database of each test's own, never the user's."""
    folder = tmp_path_factory.mktemp("corpora")
    monkeypatch.setenv("TIMELINE_DATABASE_URL", f"sqlite:///{folder / 'corpora.sqlite3'}")


@pytest.fixture(scope="session")
def seed_docs() -> list[Document]:
    return load_documents(SEEDS)


@pytest.fixture(scope="session")
def seed_events(seed_docs: list[Document]) -> pd.DataFrame:
    return extract_events(seed_docs)


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))
