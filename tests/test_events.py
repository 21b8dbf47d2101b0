"""The event table: one row per dated expression, explained, tied to its sources, with merged reports."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from builders import PUBLISHED, article, row

from timeline import events as ev
from timeline import extract_events, schema
from timeline.documents import Document
from timeline.sentences import sentence_key, split_sentences
from timeline.timex import find_timexes

# --------------------------------------------------------------------------- the table


def test_the_table_has_exactly_the_schema_columns(seed_events) -> None:
    assert list(seed_events.columns) == schema.COLUMNS
    for name, (dtype, _) in schema.EVENT_COLUMNS.items():
        assert str(seed_events[name].dtype) == dtype, name
    assert (seed_events["start"] <= seed_events["end"]).all()
    assert set(seed_events["relation"]) <= set(schema.RELATIONS)
    assert set(seed_events["role"]) <= set(schema.ROLES) and seed_events["role_reason"].str.len().gt(0).all()
    assert set(seed_events["timex_type"]) <= {"DATE", "TIME"}
    assert all(isinstance(v, list) for v in seed_events["actors"]) and all(isinstance(v, list)
                                                                           for v in seed_events["places"])


def _first_copy(events: pd.DataFrame, text: str, g: dict) -> pd.DataFrame:
    sentence = next(s for s in split_sentences(text) if s.start_char <= g["start_char"] < s.end_char)
    return events[(events["sentence"].map(sentence_key) == sentence_key(sentence.text))
                  & (events["timex_start"] - events["sentence_start"] == g["start_char"] - sentence.start_char)]


def test_every_gold_expression_is_an_event_with_the_gold_range(seed_docs, seed_events, gold) -> None:
    texts = {d.doc_id: d.text for d in seed_docs}
    for doc in gold["documents"]:
        events = seed_events[seed_events["doc_id"] == doc["id"]]
        for g in doc["timexes"]:
            hits = events[(events["timex_start"] < g["end_char"]) & (events["timex_end"] > g["start_char"])]
            if hits.empty:  # a sentence told twice (the title repeated as the lead) gives one event: the first copy's
                hits = _first_copy(events, texts[doc["id"]], g)
            assert len(hits) == 1, (doc["id"], g["text"])
            got = (hits.iloc[0]["start"].date().isoformat(), hits.iloc[0]["end"].date().isoformat())
            assert got in [(g["start"], g["end"]), *map(tuple, g.get("accept", []))], (g["text"], got)
        for ignored in doc["ignore"]:
            overlap = events[(events["timex_start"] < ignored["end_char"])
                             & (events["timex_end"] > ignored["start_char"])]
            assert overlap.empty, ignored["text"]


def test_each_event_keeps_its_expression_anchor_rule_and_source(seed_docs, seed_events) -> None:
    texts = {d.doc_id: d.text for d in seed_docs}
    for event in seed_events.itertuples(index=False):
        assert texts[event.doc_id][event.timex_start:event.timex_end] == event.timex_text
        assert event.sentence == texts[event.doc_id][event.sentence_start:event.sentence_start + len(event.sentence)]
        assert event.sentence_start <= event.timex_start
        assert event.published.date().isoformat() in event.rule or re.search(r"\d{4}", event.timex_text), event.rule
    event = row(seed_events, "001", "Wednesday")
    assert event["published"] == pd.Timestamp("2025-02-15") and event["anchor_source"] == "metadata"
    assert "weekday" in event["rule"]
    assert event["outlet"].startswith("The USA Page") and event["url"].startswith("https://")
    assert {"Donald Trump", "Vladimir Putin"} <= set(event["actors"])


def test_undated_articles_and_boilerplate_make_no_events() -> None:
    chrome = article("Talks\nRead more: Talks collapsed on Friday\nPhoto: Reuters, Monday\n"
                     "The envoy arrived on Monday.", "chrome")
    undated = Document("undated", "The envoy arrived on Monday.")
    events = extract_events([chrome, undated])
    assert events["timex_text"].tolist() == ["Monday"] and events["doc_id"].tolist() == ["chrome"]
    assert events["sentence"].tolist() == ["The envoy arrived on Monday."]


def test_links_bylines_credits_and_date_lines_make_no_events() -> None:
    page = article("https://example.com/news/2025/02/10/talks-collapse\nBy Jane Doe | Reuters\n"
                   "Monday, February 10, 2025\nUpdated Feb. 11, 2025 at 10:35 a.m.\n(AP Photo/Paul Vernon)\n"
                   "The talks collapsed on Monday.", "page")
    events = extract_events([page])
    assert events["sentence"].tolist() == ["The talks collapsed on Monday."]


def test_a_sentence_told_twice_in_an_article_is_one_event() -> None:
    text = ("US asked European capitals this week how many troops they can send\n\nSoldiers.\n"
            "US asked European capitals this week how many troops they can send.\n"
            "The request was sent this week. “The request was sent this week,” he repeated later on Monday.")
    events = extract_events([article(text, "twice")])
    asked = events[events["sentence"].str.startswith("US asked")]
    assert len(asked) == 1 and asked.iloc[0]["timex_start"] == text.index("this week")
    assert len(events[events["sentence"].str.contains("request was sent")]) == 3  # other sentences, Monday


def test_durations_sets_and_vague_references_make_no_events() -> None:
    events = extract_events([article("The war has lasted three years. Talks are held every Monday. "
                                     "Prices are rising now. The envoy arrived on Monday.", "d")])
    assert events["timex_text"].tolist() == ["Monday"]


def test_no_documents_give_an_empty_table_with_the_schema() -> None:
    empty = extract_events([])
    assert list(empty.columns) == schema.COLUMNS and empty.empty
    for name, (dtype, _) in schema.EVENT_COLUMNS.items():
        assert str(empty[name].dtype) == dtype, name
    with pytest.raises(TypeError, match="Document"):
        extract_events(["just a string"])


def test_progress_is_called_once_per_document(seed_docs) -> None:
    seen: list[str] = []
    extract_events(seed_docs, progress=lambda doc: seen.append(doc.doc_id))
    assert seen == [d.doc_id for d in seed_docs]


def test_event_ids_are_stable_across_runs_and_corpora(seed_docs, seed_events) -> None:
    again = extract_events(list(seed_docs))
    assert again["event_id"].tolist() == seed_events["event_id"].tolist()
    assert again["cluster_id"].tolist() == seed_events["cluster_id"].tolist()
    assert seed_events["event_id"].is_unique
    alone = extract_events(seed_docs[:1])  # an event's id does not depend on the other articles
    assert set(alone["event_id"]) <= set(seed_events["event_id"])
    timex = find_timexes("Talks resume on Monday.", PUBLISHED)[0]
    assert ev.event_id("a", timex) == ev.event_id("a", timex) != ev.event_id("b", timex)


# --------------------------------------------------------------------------- dates far from today


def test_dates_before_1678_and_after_2261_are_events_with_their_dates() -> None:
    text = ("The abbey was founded in 1650. Its tower was built in the 11th century. The monks said on Monday that "
            "the vault will open in the year 9000.")
    events = extract_events([article(text, "abbey")])
    dates = {e.timex_text: (e.start.date(), e.end.date()) for e in events.itertuples()}
    assert dates == {"1650": (dt.date(1650, 1, 1), dt.date(1650, 12, 31)),
                     "the 11th century": (dt.date(1000, 1, 1), dt.date(1099, 12, 31)),
                     "Monday": (dt.date(2025, 2, 10), dt.date(2025, 2, 10)),
                     "9000": (dt.date(9000, 1, 1), dt.date(9000, 12, 31))}
    assert events["timex_text"].tolist() == ["the 11th century", "1650", "Monday", "9000"]  # sorted by date
    assert str(events["start"].dtype) == "datetime64[s]"


@pytest.mark.parametrize("published", [dt.date(1, 3, 5), dt.date(2300, 1, 1), dt.date(9999, 12, 31)])
def test_an_article_published_in_any_year_extracts(published: dt.date) -> None:
    events = extract_events([article("The vault was opened today. The abbey was founded in 1650.", "far",
                                     published)])
    assert [e.date() for e in events["published"]] == [published, published]
    assert dict(zip(events["timex_text"], events["start"].dt.date, strict=True)) == {
        "today": published, "1650": dt.date(1650, 1, 1)}
    assert events.loc[events["timex_text"] == "today", "relation"].tolist() == ["same day"]


def test_far_dates_merge_and_sort_like_any_other() -> None:
    text = "The vault was opened today, the abbot said."
    copies = [article(text, "a", dt.date(1, 1, 1)), article(text, "b", dt.date(1, 1, 1)),
              article(text, "c", dt.date(9999, 12, 31))]
    events = extract_events(copies)
    assert events["doc_id"].tolist() == ["a", "b", "c"]
    assert events["cluster_id"].nunique() == 2 and events["n_sources"].tolist() == [2, 2, 1]


# --------------------------------------------------------------------------- relation to publication


def test_planned_events_are_future_and_reported_ones_past(seed_events) -> None:
    assert row(seed_events, "000", "next week", "Kellogg, who will be touring")["relation"] == "future"
    assert row(seed_events, "000", "this week", "sent by the US State Department")["relation"] == "past"
    assert row(seed_events, "001", "this week", "request was sent")["relation"] == "past"
    assert row(seed_events, "004", "Friday")["relation"] == "same day"  # the publication day itself
    assert row(seed_events, "003", "August 19")["relation"] == "past"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The envoy will visit Brussels this week.", "future"),  # a range around the anchor: the tense decides
    ("The summit is set to open this month.", "future"),
    ("Ministers plan to meet this week.", "future"),
    ("The envoy visited Brussels this week.", "past"),
    ("Brussels hosts the talks this week.", "future"),  # a scheduled present
    ("More talks in Brussels this week.", "past"),  # no cue, longer than a day: past, what news reports
    ("The talks collapsed today.", "same day"),
    ("The envoy will speak today.", "future"),
    ("The talks collapsed on Monday.", "past"),  # wholly before the anchor
    ("The envoy visited Brussels next week.", "future"),  # wholly after, whatever the verb
])
def test_relation_to_publication(sentence: str, expected: str) -> None:
    events = extract_events([article(sentence, "r")])
    assert events["relation"].tolist() == [expected]


# headlines: tests/test_labels.py


# Merged reports: tests/test_merge.py


def test_what_a_present_comes_n_days_after_is_dated_back_from_publication() -> None:
    """ "The vote comes one day after GM workers ratified their contract": the row dates the ratification, the
    day before publication, and its label is that clause; a past "came a day after" dates nothing."""
    friday = dt.date(2023, 11, 17)
    events = extract_events([
        article("The Stellantis vote comes one day after GM workers narrowly ratified their contract.", "now", friday),
        article("Trump's trip came a day after Biden joined a picket line.", "past", friday),
    ])
    now = events[events["doc_id"] == "now"].iloc[0]
    assert (now["timex_text"], now["start"], now["end"]) == ("one day", pd.Timestamp("2023-11-16"),
                                                            pd.Timestamp("2023-11-16"))
    assert now["timex_type"] == "DURATION" and now["headline"] == "GM workers narrowly ratified their contract"
    assert "comes 1 day(s) after" in now["rule"]
    assert events[events["doc_id"] == "past"].empty
