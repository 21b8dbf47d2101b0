"""Bounded fuzzing of what users feed: no exception escapes the loaders or the extraction, and what
comes out keeps its invariants (a document or a message; start <= end; offsets inside the text).

Sized for CI (about a minute on two cores); raise ``FUZZ_SCALE`` to search longer locally.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os

import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_hostile import table_holds

from timeline import extract_events
from timeline.documents import (
    ANCHOR_SOURCES,
    SUPPORTED,
    Document,
    DocumentError,
    LoadError,
    document_from_text,
    load_bytes,
    parse_bytes,
)

SCALE = float(os.environ.get("FUZZ_SCALE", "1"))
pytestmark = pytest.mark.filterwarnings("ignore::timeline.documents.LoadWarning")


def fuzz(examples: int, shrink: bool = True) -> settings:
    phases = list(Phase) if shrink else [Phase.explicit, Phase.reuse, Phase.generate]
    return settings(max_examples=max(1, int(examples * SCALE)), deadline=None, database=None, phases=phases,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --------------------------------------------------------------------------- pieces of articles

SENTENCES = ["Ministers met in Brussels on Monday.", "Talks resume next week, officials said.",
             "Zelensky spoke to Kellogg by phone on Friday.", "The ceasefire collapsed in April 2025.",
             "Trade fell 3% over the past year.", "The summit will open on March 3, 2026."]
DATES = ["on Monday", "last week", "March 3, 2025", "03/04/2025", "in 1650", "the 11th century", "in the 1990s",
         "early May", "Q3 2024", "the weekend", "yesterday", "next month", "in 9999", "on Feb. 29", "12:30 p.m.",
         "since 2014", "in year 1", "the 21st century", "Christmas", "two days ago"]
NAMES = ["Kellogg", "Volodymyr Zelensky", "NATO", "Kyiv", "Paris", "Dr. Jane Doe", "the UN", "Moscow"]
JUNK = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
PIECE = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(DATES), st.sampled_from(NAMES), JUNK,
                  st.sampled_from([" ", ". ", "\n", "\n\n", ", ", "---\n", "\x00", "\u2028", "<p>", "\t"]))
ARTICLE = st.lists(PIECE, min_size=1, max_size=25).map(" ".join)
DATE_TEXT = st.one_of(st.sampled_from(["2025-03-14", "May 1", "1", "1:00", "2025-03-14T99:99 garbage", "Feb 15, 2025",
                                       "03/04/2025", "15.02.2025", "0001-01-01", "9999-12-31", "", "Friday"]),
                      st.dates().map(dt.date.isoformat), JUNK)


def json_values(leaf: st.SearchStrategy) -> st.SearchStrategy:
    return st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), leaf),
                        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(JUNK, inner, max_size=3),
                        max_leaves=8)


FIELD = st.sampled_from(["text", "body", "title", "headline", "outlet", "source", "url", "published", "date", "id",
                         "doc_id", "extra"])
RECORD = st.dictionaries(FIELD, st.one_of(ARTICLE, DATE_TEXT, json_values(JUNK)), max_size=6)


# --------------------------------------------------------------------------- loaders


def check_load(name: str, data: bytes) -> None:
    """What a loader must do with anything: documents or messages, never an exception."""
    result = parse_bytes(name, data)
    assert result.documents or result.errors
    for doc in result.documents:
        assert isinstance(doc, Document) and isinstance(doc.text, str) and doc.text.strip()
        assert doc.anchor_source in ANCHOR_SOURCES
        assert (doc.published is None) == (doc.anchor_source == "missing")
        doc.text.encode("utf-8")  # no half surrogate pair reaches later steps
    for item in result.errors + result.warnings:
        assert isinstance(item, LoadError) and item.message and "Traceback" not in item.message
    try:
        assert load_bytes(name, data) == list(result.documents)
    except DocumentError as exc:
        assert result.errors and str(exc) == str(result.errors[0])


@fuzz(250)
@given(st.sampled_from(SUPPORTED), st.binary(max_size=600))
def test_random_bytes_under_any_supported_name(suffix: str, data: bytes) -> None:
    check_load("f" + suffix, data)


@fuzz(100)
@given(st.one_of(st.lists(RECORD, max_size=4), RECORD, json_values(ARTICLE), st.dictionaries(
    st.sampled_from(["articles", "items", "data"]), st.lists(RECORD, max_size=3), max_size=1)),
    st.sampled_from([".json", ".jsonl"]), st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252"]))
def test_structured_json_and_jsonl(value: object, suffix: str, encoding: str) -> None:
    if suffix == ".jsonl" and isinstance(value, list):
        text = "\n".join(json.dumps(v, ensure_ascii=False) for v in value)
    else:
        text = json.dumps(value, ensure_ascii=False)
    check_load("t" + suffix, text.encode(encoding, "replace"))


@fuzz(120)
@given(st.lists(FIELD, min_size=1, max_size=5, unique=True), st.lists(st.lists(st.one_of(ARTICLE, DATE_TEXT),
       min_size=5, max_size=5), max_size=4), st.sampled_from([",", ";", "\t"]), st.booleans())
def test_structured_csv(columns: list[str], rows: list[list[str]], delimiter: str, damage: bool) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(columns)
    writer.writerows(row[:len(columns)] for row in rows)
    text = out.getvalue()
    if damage:  # an unbalanced quote in the middle
        text = text[:len(text) // 2] + '"' + text[len(text) // 2:]
    check_load("t.csv", text.encode("utf-8"))


TAGS = st.sampled_from(["div", "p", "article", "span", "script", "style", "nav", "title", "head", "b", "!--", "br"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    parts = ["<html>"]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(TAGS)
        parts.append(draw(st.sampled_from([f"<{tag}>", f"</{tag}>", f"<{tag} class='x'>", draw(ARTICLE),
                                           f'<meta property="article:published_time" content="{draw(DATE_TEXT)}">'])))
    depth = draw(st.sampled_from([0, 0, 5, 300]))
    parts.append("<div>" * depth + draw(ARTICLE) + "</div>" * draw(st.integers(0, depth)))
    return "".join(parts)


@fuzz(30)
@given(pages())
def test_structured_html(page: str) -> None:
    check_load("p.html", page.encode("utf-8", "replace"))


@fuzz(150)
@given(st.dictionaries(FIELD, st.one_of(DATE_TEXT, JUNK), max_size=4), ARTICLE, st.booleans())
def test_front_matter(meta: dict[str, str], body: str, closed: bool) -> None:
    lines = "\n".join(f"{key}: {value}" for key, value in meta.items())
    text = f"---\n{lines}\n{'---' if closed else ''}\n{body}"
    check_load("a.md", text.encode("utf-8", "replace"))


# --------------------------------------------------------------------------- extraction


def check_events(texts: list[str], anchors: list[dt.date]) -> None:
    docs = []
    for i, (text, anchor) in enumerate(zip(texts, anchors, strict=False)):
        try:
            docs.append(document_from_text(text, published=anchor, doc_id=f"d{i}", outlet=f"o{i % 2}"))
        except DocumentError:
            assert not text.strip()
    events = extract_events(docs)
    failed = {e.path for e in events.attrs["errors"]}
    assert set(events["doc_id"]) <= {d.doc_id for d in docs} - failed
    by_id = {d.doc_id: d for d in docs}
    for row in events.itertuples(index=False):
        text = by_id[row.doc_id].text
        assert row.start <= row.end
        assert 0 <= row.sentence_start <= row.timex_start < row.timex_end <= len(text)
        assert text[row.timex_start:row.timex_end] == row.timex_text
        assert row.published == pd.Timestamp(by_id[row.doc_id].published)


MODERN = st.dates(min_value=dt.date(1700, 1, 1), max_value=dt.date(2200, 12, 31))
MODERN_PIECE = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(NAMES), JUNK,
                         st.sampled_from([d for d in DATES if d not in ("in 1650", "the 11th century", "in 9999",
                                                                        "in year 1")]))


@fuzz(40)
@given(st.lists(st.lists(MODERN_PIECE, min_size=1, max_size=20).map(" ".join), min_size=1, max_size=4),
       st.lists(MODERN, min_size=4, max_size=4))
def test_extract_events_on_random_articles(texts: list[str], anchors: list[dt.date]) -> None:
    check_events(texts, anchors)


@pytest.mark.xfail(not table_holds(dt.date(1, 1, 1)), strict=True, raises=ValueError,
                   reason="needs the event table's dtype fix (another branch): runs for real once it is merged")
@fuzz(40, shrink=table_holds(dt.date(1, 1, 1)))  # no time spent shrinking an expected failure
@given(st.lists(ARTICLE, min_size=1, max_size=4), st.lists(st.dates(), min_size=4, max_size=4))
def test_extract_events_with_any_year_from_1_to_9999(texts: list[str], anchors: list[dt.date]) -> None:
    check_events(texts, anchors)
