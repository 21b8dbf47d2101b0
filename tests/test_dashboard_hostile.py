"""The dashboard under hostile input, through Streamlit's AppTest: one bad article is set aside with its
message and a remove button while the sidebar, the chart and the other articles keep working; a link's
unusable values are named; markup in an outlet or a title reaches the chart as text."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from paths import ROOT
from streamlit.testing.v1 import AppTest

from timeline.timex import MAX_TEXT_CHARS

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


def set_aside(at: AppTest) -> list[str]:
    """The messages of the set-aside articles, as shown."""
    return [plain(e.value) for e in at.error if e.icon == ":material/block:"]


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


def test_an_upload_with_a_historical_year_never_takes_the_page_down(seed_events) -> None:
    at = upload(app().run(), "history.md",
                article("The company was founded in 1650. The ministers met on Wednesday in Brussels."))
    assert_page_works(at)
    aside = set_aside(at)
    if aside:  # the event table cannot hold the year: the article waits aside, named, with its reason
        assert len(aside) == 1 and "Ministers meet" in aside[0] and "1650" in aside[0]
        assert shown(at) == len(seed_events) and len(remove_buttons(at)) == 1
    else:  # it can: both dates are on the chart
        starts = [x for trace in figure(at)["data"] for x in trace.get("base") or trace.get("x") or []]
        assert shown(at) == len(seed_events) + 2 and any(str(x).startswith("1650") for x in starts)


def test_an_upload_with_a_yearless_publication_date_is_set_aside_until_removed(seed_events) -> None:
    at = upload(app().run(), "yearless.md", article("The talks ended on Friday.", published="March 3"))
    assert_page_works(at)
    assert shown(at) == len(seed_events)
    [message] = set_aside(at)
    assert "yearless.md" in message and "names no year" in message
    at.sidebar.text_input(key="q").set_value("Kellogg").run()  # a later rerun still names it
    assert len(set_aside(at)) == 1 and 0 < shown(at) < len(seed_events)
    remove_buttons(at)[0].click().run()
    assert not set_aside(at) and not remove_buttons(at) and not at.exception
    upload(at, "yearless.md", article("The talks ended on Friday.", published="March 3"))
    assert len(set_aside(at)) == 1  # the same file again is read again, not ignored as already seen


def test_a_text_over_the_limit_is_set_aside_without_being_extracted(seed_events, monkeypatch) -> None:
    import timeline.events

    extracted: list[int] = []
    real = timeline.events.extract_events
    monkeypatch.setattr(timeline.events, "extract_events",
                        lambda docs: extracted.append(max((len(d.text) for d in docs), default=0)) or real(docs))
    big = article("The ministers met on Wednesday in Brussels. " * (MAX_TEXT_CHARS // 44 + 1), title="Huge")
    at = upload(app().run(), "huge.md", big)
    assert_page_works(at)
    [message] = set_aside(at)
    assert message.startswith("Huge:") and f"the limit is {MAX_TEXT_CHARS:,}" in message
    at.sidebar.multiselect(key="outlet").set_value(["RT"]).run()
    at.sidebar.toggle(key="merge").set_value(True).run()
    assert len(set_aside(at)) == 1
    assert all(n <= MAX_TEXT_CHARS for n in extracted)  # refused up front, on this run and on every rerun
    at.selectbox(key="article").set_value("huge.md").run()  # its tab says why, and shows the start of it
    assert any("Set aside" in e.value for e in at.error)


def test_an_article_that_fails_to_extract_is_tried_once_and_the_others_stay(seed_events, monkeypatch) -> None:
    import timeline.events

    attempts: list[str] = []
    real = timeline.events.extract_events

    def failing(docs):
        if any("cannot be extracted" in d.text for d in docs):
            attempts.append("bad")
            raise RuntimeError("the extractor broke on this text")
        return real(docs)

    monkeypatch.setattr(timeline.events, "extract_events", failing)
    at = app().run()
    at = upload(at, "good.md", article("The ministers met on Wednesday in Brussels.", title="Good"))
    at = upload(at, "bad.md", article("This text cannot be extracted on Friday.", title="Bad"))
    assert_page_works(at)
    assert shown(at) == len(seed_events) + 1  # the good upload's event is in, the bad one is aside
    [message] = set_aside(at)
    assert message == "Bad: the extractor broke on this text"
    tried = len(attempts)  # the corpus with it, then the article alone
    for keyword in ("Brussels", "Kellogg", ""):
        at.sidebar.text_input(key="q").set_value(keyword).run()
    assert len(attempts) == tried <= 2  # the failures are cached: never retried on a rerun
    at.button(key="remove-bad.md").click().run()
    assert not set_aside(at) and shown(at) == len(seed_events) + 1
    assert not any(o.endswith("— Bad (set aside)") for o in at.selectbox(key="article").options)
    assert any(o.endswith("— Good") for o in at.selectbox(key="article").options) and not at.exception


@pytest.mark.parametrize("year", [2300, 1])
def test_a_publication_date_corrected_to_a_far_year_keeps_the_page(seed_events, seed_docs, year) -> None:
    row = next(i for i, d in enumerate(seed_docs) if d.outlet == "RT")
    rt = seed_docs[row]
    at = app()
    at.session_state["dates"] = {"edited_rows": {row: {"published": f"{year:04d}-02-14"}}, "added_rows": [],
                                 "deleted_rows": []}
    at.run()
    assert_page_works(at)
    assert at.session_state["anchors"][rt.doc_id] == dt.date(year, 2, 14)
    aside = set_aside(at)
    if aside:  # the table cannot hold that year: the article waits aside, its date can be undone
        assert len(aside) == 1 and rt.title in aside[0]
        assert shown(at) == len(seed_events) - (seed_events["doc_id"] == rt.doc_id).sum()
        at.button(key=f"undo-{rt.doc_id}").click().run()
        assert not set_aside(at) and shown(at) == len(seed_events) and not at.exception
        assert rt.doc_id not in at.session_state["anchors"]
    else:  # it can: the article's events moved to that year
        assert shown(at) == len(seed_events)
        at.sidebar.multiselect(key="outlet").set_value(["RT"]).run()
        assert {d.year for d in at.dataframe[0].value["start"].dt.date} >= {year}


def test_removing_a_set_aside_sample_article_hides_it_and_it_can_come_back(seed_events, seed_docs) -> None:
    rt = next(d for d in seed_docs if d.outlet == "RT")
    at = app()
    at.session_state["anchors"] = {rt.doc_id: dt.date(2300, 2, 14)}
    at.run()
    if not set_aside(at):
        pytest.skip("the event table holds the year 2300: nothing is set aside")
    at.button(key=f"remove-{rt.doc_id}").click().run()
    assert not set_aside(at) and "RT" not in at.sidebar.multiselect(key="outlet").options
    assert not any(o.startswith("RT — ") for o in at.selectbox(key="article").options)
    assert shown(at) == len(seed_events) - (seed_events["doc_id"] == rt.doc_id).sum()
    at.button(key="unhide").click().run()
    assert f"RT — {rt.title} (set aside)" in at.selectbox(key="article").options and not at.exception


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
    at.run()
    assert_page_works(at)
    [note] = [plain(i.value) for i in at.info if "Ignored from the link" in i.value]
    for part in ("from=2025-13-45 (not a date", "outlet=Nowhere Daily (no outlet by that name",
                 "lane=Sideways (not one of Outlet, Article, Actor, Place)", "merge=maybe (not true or false)",
                 "event=no-such-event (no such event", "outlets=RT (not a setting of this page)"):
        assert part in note
    assert "outlet=RT " not in note and "when=" not in note
    assert at.sidebar.multiselect(key="outlet").value == ["RT"]
    assert at.sidebar.multiselect(key="when").value == ["future"]
    at.sidebar.text_input(key="q").set_value("troops").run()
    assert any("Ignored from the link" in i.value for i in at.info)  # still said after the widgets cleaned the URL


def test_a_valid_link_gets_no_note() -> None:
    at = app()
    at.query_params.update({"from": "2025-02-01", "outlet": ["RT"], "lane": "Actor", "merge": "false", "q": "x"})
    at.run()
    assert not at.exception and not any("Ignored" in i.value for i in at.info)


# --------------------------------------------------------------------------- markup in outlets and titles


def test_markup_in_an_outlet_or_title_reaches_the_chart_as_text(seed_events) -> None:
    at = upload(app().run(), "evil.md", article("The ministers met on Wednesday in Brussels.",
                                                title=EVIL_TITLE, outlet=EVIL_OUTLET))
    assert_page_works(at)
    assert shown(at) == len(seed_events) + 1
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
