"""The dashboard under hostile input, through Streamlit's AppTest: one bad article is set aside with its
message and a remove button while the sidebar, the chart and the other articles keep working; a link's
unusable values are named; markup in an outlet or a title reaches the chart as text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
import streamlit as st
from paths import ROOT
from streamlit.testing.v1 import AppTest

import timeline.events.table
from timeline import extract_events
from timeline.documents import parse_bytes
from timeline.timex import MAX_TEXT_CHARS
from timeline.view import filters

EVIL_OUTLET = '<a href="https://evil.example">x</a>'
EVIL_TITLE = '<span style="font-size:90px">Huge</span> talks'


def app() -> AppTest:
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)


def article(body: str, title: str = "Ministers meet", outlet: str = "Test Wire",
            published: str = "2025-03-14") -> bytes:
    return f"---\ntitle: {title}\noutlet: {outlet}\npublished: {published}\n---\n{body}".encode()


def plain(markdown: str) -> str:
    """A Markdown element's text as the reader sees it: no bold markers, and the backslashes that escape user
    text gone."""
    return re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)\*\*", "", markdown))


def shown(at: AppTest) -> int:
    caption = next(c.value for c in at.caption if " events" in c.value)
    return int(re.match(r"\*\*(\d+)\*\*", caption).group(1))


def mentions(at: AppTest):
    """The table of dated mentions under the chart (shown by its toggle)."""
    at.toggle(key="show_table").set_value(True).run()
    return at.dataframe[0].value


def set_aside(at: AppTest) -> list[str]:
    """The messages of the set-aside articles, as shown."""
    mark = ":red[:material/block:] "
    return [plain(m.value.removeprefix(mark)) for m in at.markdown if m.value.startswith(mark)]


def remove_buttons(at: AppTest) -> list:
    return [b for b in at.button if (b.key or "").startswith("remove-")]


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    return at.file_uploader[0].set_value((name, data, "text/plain")).run()


def assert_page_works(at: AppTest) -> None:
    """No page-wide failure: the sidebar's filters, the chart and the count of events shown are all there."""
    assert not at.exception
    assert not any("Something went wrong" in e.value for e in at.error)
    assert at.sidebar.multiselect(key="outlet").options and at.sidebar.selectbox(key="lane").value
    assert len(at.get("plotly_chart")) == 1
    assert shown(at) >= 0


def figure(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


# --------------------------------------------------------------------------- the uploads


def by_default(events) -> int:
    """How many of these events the page shows with no filter touched (reference dates are hidden)."""
    return len(filters.filter_events(events, filters.Filters()))


def chart_days(at: AppTest) -> list[str]:
    """Every date drawn on the chart: the bars' bases and the markers' x."""
    return [str(x) for trace in figure(at)["data"] for x in trace.get("base") or trace.get("x") or []]


def fail_extraction_when(monkeypatch, broken) -> list[str]:
    """Make one article's extraction fail, as a bug would: ``broken(text, anchor)`` says when. Returns the log
    of failed attempts."""
    real = timeline.events.table.find_timexes
    attempts: list[str] = []

    def find_timexes(text: str, anchor: dt.date) -> list:
        if broken(text, anchor):
            attempts.append(text[:20])
            raise RuntimeError("the extractor broke on this text")
        return real(text, anchor)

    monkeypatch.setattr(timeline.events.table, "find_timexes", find_timexes)
    st.cache_data.clear()  # tables cached by earlier tests were extracted without the bug
    return attempts


def test_an_upload_with_a_historical_year_adds_its_events(seed_docs) -> None:
    name, data = "history.md", article("The company was founded in 1650. The ministers met on Wednesday in Brussels.")
    at = app()
    at.query_params["span"] = "all"  # the whole story, 1650 included
    at = upload(at.run(), name, data)
    assert_page_works(at)
    assert not set_aside(at) and not at.error
    expected = extract_events([*seed_docs, *parse_bytes(name, data).documents])
    assert shown(at) == by_default(expected) and (expected["start"].dt.year == 1650).any()
    assert any(day.startswith("1650-") for day in chart_days(at))


def test_an_upload_with_a_yearless_publication_date_is_set_aside_until_removed(seed_events) -> None:
    at = upload(app().run(), "yearless.md", article("The talks ended on Friday.", published="March 3"))
    assert_page_works(at)
    assert shown(at) == by_default(seed_events)
    [message] = set_aside(at)
    assert message.startswith("yearless.md: could not read it") and "'March 3' names no year" in message
    at.sidebar.text_input(key="q").set_value("Kellogg").run()  # a later rerun still names it
    assert len(set_aside(at)) == 1 and 0 < shown(at) < by_default(seed_events)
    remove_buttons(at)[0].click().run()
    assert not set_aside(at) and not remove_buttons(at) and not at.exception
    upload(at, "yearless.md", article("The talks ended on Friday.", published="March 3"))
    assert len(set_aside(at)) == 1  # the same file again is read again, not ignored as already seen


def test_a_table_with_one_yearless_row_keeps_its_other_rows(seed_events) -> None:
    table = (b"title,outlet,published,text\nA,Wire,March 3,The talks on Friday.\n"
             b"B,Wire,2025-03-01,Talks ended on Friday.\n")
    at = upload(app().run(), "two.csv", table)
    assert_page_works(at)
    [message] = set_aside(at)
    assert message.startswith("two.csv: could not read a row: two.csv#1") and "names no year" in message
    assert shown(at) == by_default(seed_events) + 1  # row 2's Friday
    assert any("2 of its articles" in s.value or "1 of its articles" in s.value for s in at.success)


def test_a_text_over_the_limit_is_set_aside_without_being_extracted(seed_events, monkeypatch) -> None:
    longest: list[int] = []
    real = timeline.events.extract_events
    monkeypatch.setattr(timeline.events, "extract_events",
                        lambda docs: longest.append(max((len(d.text) for d in docs), default=0)) or real(docs))
    big = article("The ministers met on Wednesday in Brussels. " * (MAX_TEXT_CHARS // 44 + 1), title="Huge")
    at = upload(app().run(), "huge.md", big)
    assert_page_works(at)
    [message] = set_aside(at)
    assert message.startswith("huge.md:") and f"over the {MAX_TEXT_CHARS:,} limit" in message
    at.sidebar.multiselect(key="outlet").set_value(["RT"]).run()
    at.sidebar.toggle(key="merge").set_value(True).run()
    assert len(set_aside(at)) == 1 and shown(at) > 0
    assert all(n <= MAX_TEXT_CHARS for n in longest)  # refused up front, on this run and on every rerun


def test_an_article_that_fails_to_extract_is_set_aside_once_and_the_others_stay(seed_events, monkeypatch) -> None:
    attempts = fail_extraction_when(monkeypatch, lambda text, anchor: "cannot be extracted" in text)
    at = app().run()
    at = upload(at, "good.md", article("The ministers met on Wednesday in Brussels.", title="Good"))
    at = upload(at, "bad.md", article("This text cannot be extracted on Friday.", title="Bad"))
    assert_page_works(at)
    assert shown(at) == by_default(seed_events) + 1  # the good upload's event is in, the bad one is aside
    [message] = set_aside(at)
    assert message.startswith("Bad: ") and "the extractor broke on this text" in message
    tried = len(attempts)
    for keyword in ("Brussels", "Kellogg", ""):
        at.sidebar.text_input(key="q").set_value(keyword).run()
    assert len(attempts) == tried == 1  # the failure is cached with the corpus: never retried on a rerun
    at.button(key="remove-bad.md").click().run()
    assert not set_aside(at) and shown(at) == by_default(seed_events) + 1
    assert not any(o.endswith("— Bad (set aside)") for o in at.selectbox(key="article").options)
    assert any(o.endswith("— Good") for o in at.selectbox(key="article").options) and not at.exception


def test_when_the_corpus_step_fails_the_article_at_fault_is_found(seed_events, monkeypatch) -> None:
    real = timeline.events.table.cluster_events

    def cluster_events(frame):  # joining the corpus breaks whenever one article's rows are in it
        if frame["doc_id"].eq("bad.md").any():
            raise RuntimeError("merging broke")
        return real(frame)

    monkeypatch.setattr(timeline.events.table, "cluster_events", cluster_events)
    st.cache_data.clear()
    at = upload(app().run(), "bad.md", article("The envoys met on Friday in Brussels.", title="Bad"))
    assert_page_works(at)
    assert set_aside(at) == ["Bad: merging broke"] and shown(at) == by_default(seed_events)


@pytest.mark.parametrize("year", [2300, 1])
def test_a_publication_date_corrected_to_a_far_year_moves_its_events(seed_events, seed_docs, year) -> None:
    row = next(i for i, d in enumerate(seed_docs) if d.outlet == "RT")
    rt = seed_docs[row]
    at = app()
    at.query_params["span"] = "all"  # the whole story, the moved events included
    at.session_state["articles-table"] = {"edited_rows": {row: {"published": f"{year:04d}-02-14"}}, "added_rows": [],
                                          "deleted_rows": []}
    at.run()
    assert_page_works(at)
    assert any("Publication date corrected for 1 article" in s.value for s in at.success)
    moved = [dataclasses.replace(d, published=dt.date(year, 2, 14), anchor_source="user") if d is rt else d
             for d in seed_docs]
    assert not set_aside(at) and not at.error and shown(at) == by_default(extract_events(moved))
    assert any(day.startswith(f"{year:04d}-02-") for day in chart_days(at))
    at.sidebar.multiselect(key="outlet").set_value(["RT"]).run()
    assert year in {d.year for d in mentions(at)["start"].dt.date}


def _rt_moved_to_2300(seed_docs, monkeypatch):
    """The app after the RT article's date is corrected to 2300, a year the (mocked) extractor breaks on."""
    fail_extraction_when(monkeypatch, lambda text, anchor: anchor.year == 2300)
    row, rt = next((i, d) for i, d in enumerate(seed_docs) if d.outlet == "RT")
    at = app()
    at.session_state["articles-table"] = {"edited_rows": {row: {"published": "2300-02-14"}}, "added_rows": [],
                                          "deleted_rows": []}
    at.run()
    return at, rt


def test_a_correction_that_breaks_an_article_can_be_undone(seed_events, seed_docs, monkeypatch) -> None:
    at, rt = _rt_moved_to_2300(seed_docs, monkeypatch)
    assert_page_works(at)
    [message] = set_aside(at)
    assert message.startswith(rt.title) and "the extractor broke" in message
    assert shown(at) == by_default(seed_events[seed_events["doc_id"] != rt.doc_id])
    at.button(key=f"undo-{rt.doc_id}").click().run()
    assert not set_aside(at) and shown(at) == by_default(seed_events) and not at.exception
    at.run()  # the undone correction is saved: a rerun does not bring it back
    assert not set_aside(at)


def test_removing_a_set_aside_sample_article_until_starting_over(seed_events, seed_docs, monkeypatch) -> None:
    at, rt = _rt_moved_to_2300(seed_docs, monkeypatch)
    at.button(key=f"remove-{rt.doc_id}").click().run()
    assert not set_aside(at) and "RT" not in at.sidebar.multiselect(key="outlet").options
    assert not any(o.startswith("RT — ") for o in at.selectbox(key="article").options)
    assert shown(at) == by_default(seed_events[seed_events["doc_id"] != rt.doc_id])
    at.button(key="leave-corpus").click().run()  # the samples again, as they ship; the saved corpus stays saved
    assert f"RT — {rt.title}" in at.selectbox(key="article").options and not at.exception
    assert shown(at) == by_default(seed_events)


# --------------------------------------------------------------------------- the link


def test_unusable_link_values_are_named_and_the_usable_ones_kept(seed_events) -> None:
    at = app()
    at.query_params["from"] = "2025-13-45"
    at.query_params["outlet"] = ["RT", "Nowhere Daily"]
    at.query_params["lane"] = "Sideways"
    at.query_params["merge"] = "maybe"
    at.query_params["event"] = "no-such-event"
    at.query_params["outlets"] = "RT"
    at.query_params["when"] = "future"
    at.query_params["role"] = ["reference", "rumour"]
    at.run()
    assert_page_works(at)
    [note] = [plain(i.value) for i in at.info if "Ignored from the link" in i.value]
    for part in ("from=2025-13-45 (not a date", "outlet=Nowhere Daily (no outlet by that name",
                 "lane=Sideways (not one of Story, Outlet, Article, Actor, Place)", "merge=maybe (not true or false)",
                 "event=no-such-event (no such event", "outlets=RT (not a setting of this page)",
                 "role=rumour (no role by that name"):
        assert part in note
    assert "outlet=RT " not in note and "when=" not in note and "role=reference" not in note
    assert at.sidebar.multiselect(key="outlet").value == ["RT"]
    assert at.sidebar.multiselect(key="when").value == ["future"]
    at.sidebar.text_input(key="q").set_value("troops").run()
    assert any("Ignored from the link" in i.value for i in at.info)  # still said after the widgets cleaned the URL


def test_a_valid_link_gets_no_note() -> None:
    at = app()
    at.query_params.update({"from": "2025-02-01", "outlet": ["RT"], "lane": "Actor", "merge": "false", "q": "x",
                            "role": ["event", "reference"], "color": "Event / reference"})
    at.run()
    assert not at.exception and not any("Ignored" in i.value for i in at.info)


# --------------------------------------------------------------------------- markup in outlets and titles


def test_markup_in_an_outlet_or_title_reaches_the_chart_as_text(seed_events) -> None:
    at = upload(app().run(), "evil.md", article("The ministers met on Wednesday in Brussels.",
                                                title=EVIL_TITLE, outlet=EVIL_OUTLET))
    assert_page_works(at)
    assert shown(at) == by_default(seed_events) + 1
    for lane in ("outlet", "title"):
        at.sidebar.selectbox(key="lane").set_value(lane)
        at.sidebar.selectbox(key="color").set_value("outlet").run()
        spec = figure(at)
        strings = [s for trace in spec["data"] for s in (*(trace.get("y") or []), trace.get("name") or "",
                                                          *(trace.get("hovertext") or []))]
        assert not any("<a " in s or "<span" in s for s in strings)
        assert "&lt;a href=\"https://evil.example\"&gt;x&lt;/a&gt;" in {t.get("name") for t in spec["data"]}
        assert any(s.startswith("&lt;a href" if lane == "outlet" else "&lt;span style") for s in strings)
    markdown = "".join(m.value for m in at.markdown)
    assert "<a href=\"https://evil" not in markdown and "<span style" not in markdown
