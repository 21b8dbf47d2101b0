"""Small builders the event and merge tests share: an article from a text, a row picked by what it says."""

import datetime as dt

import pandas as pd

from timeline.documents import Document, document_from_text

PUBLISHED = dt.date(2025, 2, 12)  # a Wednesday


def row(events: pd.DataFrame, doc_prefix: str, timex_text: str, sentence_part: str = "") -> pd.Series:
    """The first row of an article (by id prefix) with this expression, in a sentence containing ``sentence_part``."""
    hits = events[events["doc_id"].str.startswith(doc_prefix) & (events["timex_text"] == timex_text)
                  & events["sentence"].str.contains(sentence_part, regex=False)]
    assert len(hits) >= 1, (doc_prefix, timex_text, sentence_part)
    return hits.iloc[0]


def article(text: str, doc_id: str, published: dt.date = PUBLISHED, outlet: str = "") -> Document:
    return document_from_text(text, published=published, doc_id=doc_id, outlet=outlet)
