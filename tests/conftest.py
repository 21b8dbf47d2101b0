"""Shared fixtures: the seeds corpus, its events, and the gold file beside the checkout."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pandas as pd
import pytest
from paths import GOLD, SEEDS

from timeline import Document, extract_events, load_documents


@pytest.fixture(scope="session", autouse=True)
def corpus_database_of_the_run(tmp_path_factory) -> Iterator[None]:
    """Saved corpora never go to the user's database: set before any fixture starts a dashboard server."""
    patch = pytest.MonkeyPatch()
    patch.setenv("TIMELINE_DATABASE_URL", f"sqlite:///{tmp_path_factory.mktemp('corpora') / 'corpora.sqlite3'}")
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def corpus_database(tmp_path_factory, monkeypatch) -> None:
    """Each test saves corpora (the dashboard's, the command line's) to a database of its own."""
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
