"""The dashboard through Streamlit's AppTest: it starts on the seeds, filters, reads the URL, takes uploads."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from paths import ROOT
from streamlit.testing.v1 import AppTest

from timeline.view import filters


def app() -> AppTest:
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)


def shown(at: AppTest) -> int:
    """The event count the page states: "**N** of M events"."""
    caption = next(c.value for c in at.caption if " events" in c.value)
    return int(re.match(r"\*\*(\d+)\*\*", caption).group(1))


def by_default(events) -> int:
    """How many events the page shows with no filter touched: reference dates are hidden."""
    return len(filters.filter_events(events, filters.Filters()))


def add_button(at: AppTest):
    """The paste form's "Add article" button."""
    return next(b for b in at.button if b.label == "Add article")


def mentions(at: AppTest):
    """The table of dated mentions under the chart (shown by its toggle)."""
    at.toggle(key="show_table").set_value(True).run()
    return at.dataframe[0].value


def set_aside(at: AppTest) -> list[str]:
    """The set-aside rows' messages (an upload or article the page cannot use), as Markdown."""
    return [m.value for m in at.markdown if m.value.startswith(":red[:material/block:]")]


def test_starts_on_the_seeds_without_an_exception(seed_events) -> None:
    at = app().run()
    assert not at.exception and not at.error
    assert shown(at) == by_default(seed_events)
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


def test_reference_dates_show_when_asked_for_in_the_widget_or_the_link(seed_events) -> None:
    at = app().run()
    assert shown(at) == by_default(seed_events) == (seed_events["role"] == "event").sum() < len(seed_events)
    at.sidebar.multiselect(key="role").set_value(["event", "reference"]).run()
    assert shown(at) == len(seed_events) and not at.exception
    linked = app()
    linked.query_params["role"] = "reference"
    linked.run()
    assert shown(linked) == (seed_events["role"] == "reference").sum() > 0


def test_keyword_and_merge_filters(seed_events) -> None:
    at = app().run()
    at.sidebar.text_input(key="q").set_value("Kellogg").run()
    assert shown(at) == len(filters.filter_events(seed_events, filters.Filters(keyword="Kellogg")))
    at.sidebar.text_input(key="q").set_value("").run()
    at.sidebar.toggle(key="merge").set_value(True).run()
    assert shown(at) == len(filters.filter_events(seed_events, filters.Filters(merge=True))) < by_default(seed_events)


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
    at.file_uploader[0].set_value(("meeting.md", article, "text/markdown")).run()
    assert not at.exception and not at.error
    assert shown(at) == by_default(seed_events) + 2
    assert any("meeting" in s.value for s in at.success)


def test_a_bad_upload_shows_a_message_and_keeps_the_rest(seed_events) -> None:
    at = app().run()
    at.file_uploader[0].set_value(("table.csv", b"title,outlet\nA,B\n", "text/csv")).run()
    assert not at.exception
    assert any("no text column" in line for line in set_aside(at))  # with its remove button
    assert shown(at) == by_default(seed_events)


def test_an_undated_paste_asks_for_a_date(seed_events) -> None:
    at = app().run()
    at.text_area[0].set_value("Talks\nThe envoy arrived on Monday and leaves next week.")
    add_button(at).click().run()
    assert not at.exception
    assert shown(at) == by_default(seed_events)  # no date yet: no events, and the page says why
    assert any("without a publication date" in c.value for c in at.caption)
    assert any("No publication date for" in w.value and "Talks" in w.value for w in at.warning)


def test_a_corrected_publication_date_moves_the_articles_events(seed_docs) -> None:
    at = app().run()
    row = [d.doc_id for d in seed_docs].index("004_2454bc97f983af98.txt")
    at.session_state["articles-table"] = {"edited_rows": {row: {"published": "2024-12-27"}}, "added_rows": [],
                                          "deleted_rows": []}
    at.sidebar.multiselect(key="outlet").set_value(["RT"]).run()
    assert not at.exception
    starts = {row for row in mentions(at)["start"].dt.date.astype(str)}
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


def test_an_upload_older_than_every_seed_is_not_hidden_by_the_date_filters(seed_events) -> None:
    at = app().run()
    article = b"---\ntitle: Old talks\noutlet: Test Wire\npublished: 2019-03-14\n---\nThe ministers met on Wednesday."
    at.file_uploader[0].set_value(("old.md", article, "text/markdown")).run()
    assert not at.exception and not at.error
    assert shown(at) == by_default(seed_events) + 1  # the dates were never set, so they restrict nothing


def test_date_filters_come_from_the_link_and_keep_overlapping_ranges(seed_events) -> None:
    at = app()
    at.query_params["from"] = "2025-02-12"
    at.query_params["to"] = "2025-02-14"
    at.run()
    assert not at.exception
    assert at.sidebar.date_input(key="from").value == dt.date(2025, 2, 12)
    expected = filters.filter_events(seed_events, filters.Filters(start=dt.date(2025, 2, 12),
                                                                  end=dt.date(2025, 2, 14)))
    assert shown(at) == len(expected) < len(seed_events)
    at.sidebar.date_input(key="to").set_value(dt.date(2025, 2, 1)).run()
    assert shown(at) == 0 and any("is after" in w.value for w in at.sidebar.warning)


def test_a_link_built_by_filters_opens_that_view(seed_events) -> None:
    chosen = filters.Filters(start=dt.date(2024, 12, 1), outlets=("RT", "Euromaidan Press"), keyword="troops",
                             relations=("past", "same day"), merge=True)
    at = app()
    at.query_params.update(chosen.to_query_params())
    at.run()
    assert not at.exception
    assert at.sidebar.toggle(key="merge").value is True and at.sidebar.text_input(key="q").value == "troops"
    assert shown(at) == len(filters.filter_events(seed_events, chosen)) > 0


def test_a_link_naming_an_event_opens_its_explanation_and_its_article(seed_events) -> None:
    shared = seed_events[seed_events["n_sources"] > 1].iloc[0]
    at = app()
    at.query_params["event"] = shared["event_id"]
    at.run()
    assert not at.exception
    text = "".join(m.value for m in at.markdown)
    assert f"Reported by {shared['n_sources']} articles" in text and f"<mark>{shared['timex_text']}</mark>" in text
    assert shared["rule"].split(":")[0] in text
    assert at.selectbox(key="article").value == shared["doc_id"]


def test_article_text_is_escaped_in_the_explanation() -> None:
    from timeline.documents import load_bytes
    from timeline.events import extract_events

    name, data = "evil.md", (b"---\ntitle: <script>alert(1)</script>\npublished: 2025-03-14\n---\n"
                             b"The <b>ministers</b> met on Wednesday.")
    event = extract_events(load_bytes(name, data))["event_id"].iloc[0]
    at = app()
    at.query_params["event"] = event
    at.run()
    at.file_uploader[0].set_value((name, data, "text/markdown")).run()
    text = "".join(m.value for m in at.markdown)
    assert "&lt;b&gt;ministers&lt;/b&gt;" in text and "<b>ministers" not in text
    assert "<script>" not in text


def test_a_dated_paste_adds_its_events_and_can_be_removed(seed_events) -> None:
    at = app().run()
    at.text_area[0].set_value("Talks\nThe envoy arrived on Monday and leaves next week.")
    paste_date = next(d for d in at.date_input if d.key not in ("from", "to"))  # the paste form's date
    paste_date.set_value(dt.date(2025, 4, 2))
    add_button(at).click().run()
    assert not at.exception and not at.error
    assert shown(at) == by_default(seed_events) + 2
    at.session_state["articles-table"] = {"edited_rows": {len(seed_events["doc_id"].unique()): {"remove": True}},
                                          "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="articles-remove-ticked").click().run()
    assert shown(at) == by_default(seed_events)


def test_binary_junk_is_refused_with_a_message(seed_events) -> None:
    at = app().run()
    at.file_uploader[0].set_value(("scan.txt", bytes(range(256)) * 8, "text/plain")).run()
    assert not at.exception
    assert any("binary data" in line for line in set_aside(at))
    assert shown(at) == by_default(seed_events)


def test_a_date_typed_in_the_table_of_articles_moves_their_events(seed_docs) -> None:
    row = next(i for i, d in enumerate(seed_docs) if d.outlet == "RT")
    at = app()
    at.session_state["articles-table"] = {"edited_rows": {row: {"published": "2024-12-27"}}, "added_rows": [],
                                          "deleted_rows": []}
    at.query_params["outlet"] = "RT"
    at.run()
    assert not at.exception and not at.error
    starts = set(mentions(at)["start"].dt.date.astype(str))
    assert "2024-12-27" in starts and "2024-12-20" not in starts
    assert any("Publication date corrected for 1 article" in s.value for s in at.success)


def test_dates_far_from_today_upload_filter_and_chart(seed_events) -> None:
    at = app()
    at.query_params["from"] = "1600-01-01"
    at.query_params["to"] = "9999-12-31"
    at.run()
    article = (b"---\ntitle: Far dates\noutlet: Test Wire\npublished: 2300-01-01\n---\nThe abbey was founded in 1650. "
               b"The tower was built in the 11th century. In the year 9000 the vault opens. Talks began on Monday.")
    at.file_uploader[0].set_value(("far.md", article, "text/markdown")).run()
    assert not at.exception and not at.error
    assert at.sidebar.date_input(key="to").value == dt.date(9999, 12, 31)
    assert shown(at) == by_default(seed_events) + 3  # 1650, 9000 and Monday 2300; the 11th century is before From


def figure_of(at: AppTest) -> dict:
    import json

    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_the_story_view_opens_labelled_on_the_densest_period(seed_events) -> None:
    at = app().run()
    assert at.sidebar.selectbox(key="lane").value == "story"
    spec = figure_of(at)
    labels = next(t for t in spec["data"] if t.get("name") == "labels")
    assert len(labels["text"]) >= 6 and all(labels["text"])  # the densest quarter of the seeds, each labelled
    assert any("happenings from" in c.value for c in at.caption)


def test_a_chronicle_entry_selects_its_event_and_puts_it_in_the_link(seed_events) -> None:
    at = app().run()
    entry = next(b for b in at.button if b.key and b.key.startswith("chronicle-"))
    event = entry.key.removeprefix("chronicle-")
    entry.click().run()
    assert not at.exception and at.query_params["event"] == event
    text = "".join(m.value for m in at.markdown)
    assert "<mark>" in text and "Reported by" in text


def test_an_event_table_file_opens_from_the_environment(seed_events, tmp_path, monkeypatch) -> None:
    from timeline import export

    path = tmp_path / "events.parquet"
    export.write_table(seed_events, path)
    monkeypatch.setenv("TIMELINE_EVENTS", str(path))
    at = app().run()
    assert not at.exception and not at.error
    assert shown(at) == by_default(seed_events)
    assert f"{seed_events['doc_id'].nunique()} articles" in next(c.value for c in at.caption if " events" in c.value)


def test_an_unreadable_event_table_is_named_and_the_samples_shown(seed_events, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "events.parquet"
    bad.write_text("not parquet")
    monkeypatch.setenv("TIMELINE_EVENTS", str(bad))
    at = app().run()
    errors = [e.value.replace("\\", "") for e in at.error]  # the Markdown's escapes taken out
    assert not at.exception and any("events.parquet" in e and "sample articles" in e for e in errors), errors
    assert shown(at) == by_default(seed_events)


def test_a_link_cannot_open_a_file_on_the_server(seed_events, tmp_path) -> None:
    at = app()
    at.query_params["events"] = str(tmp_path / "x.parquet")
    at.run()
    assert shown(at) == by_default(seed_events)
    assert any("events=" in i.value and "not a setting of this page" in i.value for i in at.info)
