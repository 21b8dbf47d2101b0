"""The dashboard through Streamlit's AppTest: it starts on the seeds, filters, reads the URL, takes uploads."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from paths import ROOT
from streamlit.testing.v1 import AppTest

from timeline import filters


def app() -> AppTest:
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)


def shown(at: AppTest) -> int:
    """The event count the page states: "**N** of M events"."""
    caption = next(c.value for c in at.caption if " events" in c.value)
    return int(re.match(r"\*\*(\d+)\*\*", caption).group(1))


def test_starts_on_the_seeds_without_an_exception(seed_events) -> None:
    at = app().run()
    assert not at.exception and not at.error
    assert shown(at) == len(seed_events)
    assert at.tabs[0].label == "Timeline"


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("outlet", ["RT"], filters.Filters(outlets=("RT",))),
    ("actor", ["Keith Kellogg"], filters.Filters(actors=("Keith Kellogg",))),
    ("place", ["Brussels"], filters.Filters(places=("Brussels",))),
    ("precision", ["week"], filters.Filters(granularities=("week",))),
    ("when", ["future"], filters.Filters(relations=("future",))),
])
def test_each_filter_changes_the_count_as_the_library_does(seed_events, key, value, expected) -> None:
    at = app().run()
    at.sidebar.multiselect(key=key).set_value(value).run()
    assert not at.exception
    assert shown(at) == len(filters.filter_events(seed_events, expected)) < len(seed_events)


def test_keyword_and_merge_filters(seed_events) -> None:
    at = app().run()
    at.sidebar.text_input(key="q").set_value("Kellogg").run()
    assert shown(at) == len(filters.filter_events(seed_events, filters.Filters(keyword="Kellogg")))
    at.sidebar.text_input(key="q").set_value("").run()
    at.sidebar.toggle(key="merge").set_value(True).run()
    assert shown(at) == seed_events["cluster_id"].nunique() < len(seed_events)


def test_an_empty_result_gets_a_plain_message() -> None:
    at = app().run()
    at.sidebar.text_input(key="q").set_value("no sentence says this").run()
    assert shown(at) == 0 and not at.exception
    assert any("No events match" in i.value for i in at.info)


def test_query_parameters_set_the_filters(seed_events) -> None:
    at = app()
    at.query_params["outlet"] = ["RT", "Euromaidan Press"]
    at.query_params["when"] = "past"
    at.query_params["lane"] = "Actor"  # choice widgets carry their shown label in the URL
    at.run()
    assert not at.exception
    assert at.sidebar.multiselect(key="outlet").value == ["RT", "Euromaidan Press"]
    assert at.sidebar.selectbox(key="lane").value == "actors"
    expected = filters.Filters(outlets=("RT", "Euromaidan Press"), relations=("past",))
    assert shown(at) == len(filters.filter_events(seed_events, expected))


def test_an_upload_adds_its_events(seed_events) -> None:
    at = app().run()
    article = (b"---\ntitle: Ministers meet\noutlet: Test Wire\npublished: 2025-03-14\n---\n"
               b"The ministers met on Wednesday in Brussels. They will meet again next week.")
    at.file_uploader(key="upload").set_value(("meeting.md", article, "text/markdown")).run()
    assert not at.exception and not at.error
    assert shown(at) == len(seed_events) + 2
    assert any("meeting" in s.value for s in at.success)


def test_a_bad_upload_shows_a_message_and_keeps_the_rest(seed_events) -> None:
    at = app().run()
    at.file_uploader(key="upload").set_value(("table.csv", b"title,outlet\nA,B\n", "text/csv")).run()
    assert not at.exception
    assert any("no text column" in e.value for e in at.error)
    assert shown(at) == len(seed_events)


def test_an_undated_paste_asks_for_a_date(seed_events) -> None:
    at = app().run()
    at.text_area[0].set_value("Talks\nThe envoy arrived on Monday and leaves next week.")
    at.button[0].click().run()
    assert not at.exception
    assert shown(at) == len(seed_events)  # no date yet: no events, and the page says why
    assert any("without a publication date" in c.value for c in at.caption)


def test_a_corrected_publication_date_moves_the_articles_events() -> None:
    at = app().run()
    at.session_state["anchors"] = {"004_2454bc97f983af98.txt": dt.date(2024, 12, 27)}
    at.sidebar.multiselect(key="outlet").set_value(["RT"]).run()
    assert not at.exception
    starts = {row for row in at.dataframe[0].value["start"].dt.date.astype(str)}
    assert "2024-12-27" in starts and "2024-12-20" not in starts  # "on Friday" follows the new date


def test_a_filter_change_reruns_no_extraction(monkeypatch) -> None:
    import streamlit as st

    import timeline.events

    calls = []
    real = timeline.events.extract_events
    monkeypatch.setattr(timeline.events, "extract_events", lambda docs: calls.append(1) or real(docs))
    st.cache_data.clear()
    at = app().run()
    at.sidebar.multiselect(key="outlet").set_value(["RT"]).run()
    at.sidebar.text_input(key="q").set_value("Putin").run()
    assert not at.exception
    assert len(calls) == 1  # extracted once; the two filter changes reused the cached table
