"""The event table: one row per dated expression, explained, tied to its sources, with merged reports."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from timeline import extract_events, schema
from timeline.documents import document_from_text


def row(events: pd.DataFrame, doc_prefix: str, timex_text: str, sentence_part: str = "") -> pd.Series:
    hits = events[events["doc_id"].str.startswith(doc_prefix) & (events["timex_text"] == timex_text)
                  & events["sentence"].str.contains(sentence_part, regex=False)]
    assert len(hits) >= 1, (doc_prefix, timex_text, sentence_part)
    return hits.iloc[0]


def test_the_table_has_exactly_the_schema_columns(seed_events) -> None:
    assert list(seed_events.columns) == schema.COLUMNS
    assert str(seed_events["start"].dtype).startswith("datetime64")
    assert (seed_events["start"] <= seed_events["end"]).all()


def test_every_gold_expression_is_an_event_with_the_gold_range(seed_events, gold) -> None:
    for doc in gold["documents"]:
        events = seed_events[seed_events["doc_id"] == doc["id"]]
        for g in doc["timexes"]:
            hits = events[(events["timex_start"] < g["end_char"]) & (events["timex_end"] > g["start_char"])]
            assert len(hits) == 1, (doc["id"], g["text"])
            got = (hits.iloc[0]["start"].date().isoformat(), hits.iloc[0]["end"].date().isoformat())
            assert got in [(g["start"], g["end"]), *map(tuple, g.get("accept", []))], (g["text"], got)
        for ignored in doc["ignore"]:
            overlap = events[(events["timex_start"] < ignored["end_char"])
                             & (events["timex_end"] > ignored["start_char"])]
            assert overlap.empty, ignored["text"]


def test_each_event_keeps_its_expression_anchor_rule_and_source(seed_events) -> None:
    event = row(seed_events, "001", "Wednesday")
    assert event["published"] == pd.Timestamp("2025-02-15")
    assert "anchor 2025-02-15" in event["rule"] and "weekday" in event["rule"]
    assert event["outlet"].startswith("The USA Page") and event["url"].startswith("https://")
    assert "Trump" in event["sentence"] and {"Donald Trump", "Vladimir Putin"} <= set(event["actors"])
    assert len(event["headline"]) < len(event["sentence"])


def test_planned_events_are_future_and_reported_ones_past(seed_events) -> None:
    assert row(seed_events, "000", "next week")["relation"] == "future"
    assert row(seed_events, "000", "this week", "sent by the US State Department")["relation"] == "past"
    assert row(seed_events, "004", "Friday")["relation"] == "same day"
    assert row(seed_events, "003", "August 19")["relation"] == "past"


def test_the_same_event_told_by_two_articles_merges(seed_events) -> None:
    trip_000 = row(seed_events, "000", "next week", "Kellogg")
    trip_001 = row(seed_events, "001", "next week", "Kellogg")
    assert trip_000["cluster_id"] == trip_001["cluster_id"] and trip_000["n_sources"] == 2
    sent_001 = row(seed_events, "001", "this week", "request was sent")
    merged = seed_events[seed_events["cluster_id"] == sent_001["cluster_id"]]
    assert set(merged["doc_id"].str[:3]) == {"000", "001"} and sent_001["n_sources"] == 2


def test_different_events_do_not_merge(seed_events) -> None:
    thursday = seed_events[seed_events["timex_text"] == "Thursday"]
    assert thursday["cluster_id"].nunique() == 2  # Zelensky in Brussels, Putin in Moscow: same day, two events
    assert row(seed_events, "004", "Wednesday")["cluster_id"] != row(seed_events, "004", "Thursday")["cluster_id"]
    assert (seed_events.groupby("cluster_id")["doc_id"].nunique() == seed_events.groupby("cluster_id")["n_sources"]
            .first()).all()


def test_event_ids_are_stable_across_runs(seed_docs, seed_events) -> None:
    again = extract_events(seed_docs)
    assert again["event_id"].tolist() == seed_events["event_id"].tolist()
    assert again["cluster_id"].tolist() == seed_events["cluster_id"].tolist()
    assert seed_events["event_id"].is_unique


def test_boilerplate_and_undated_articles_make_no_events() -> None:
    chrome = document_from_text("Talks\nRead more: Talks collapsed on Friday\nThe envoy arrived on Monday.",
                                published=dt.date(2025, 2, 15))
    undated = document_from_text("The envoy arrived on Monday.")
    events = extract_events([chrome, undated])
    assert events["timex_text"].tolist() == ["Monday"]
    assert events["doc_id"].tolist() == [chrome.doc_id]


def test_no_documents_give_an_empty_table_with_the_schema() -> None:
    assert list(extract_events([]).columns) == schema.COLUMNS
