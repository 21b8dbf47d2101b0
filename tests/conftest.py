"""Shared fixtures: the seeds corpus, its events, and the gold file beside the checkout."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from paths import GOLD, SEEDS

from timeline import Document, extract_events, load_documents


@pytest.fixture(scope="session")
def seed_docs() -> list[Document]:
    return load_documents(SEEDS)


@pytest.fixture(scope="session")
def seed_events(seed_docs: list[Document]) -> pd.DataFrame:
    return extract_events(seed_docs)


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))
