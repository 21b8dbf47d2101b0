"""The chart, the filters and the escaped markup: pure functions of the event table."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import plotly.graph_objects as go

from timeline import schema
from timeline.timex import find_timexes
from timeline.view import chart, filters, markup


def publications(docs) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "published": d.published}
                         for d in docs])


def event_ids(figure: go.Figure) -> set[str]:
    return {c[0] for trace in figure.data if trace.customdata is not None for c in trace.customdata}


def test_days_are_markers_and_ranges_are_bars_spanning_them(seed_events, seed_docs) -> None:
    figure = chart.timeline_figure(seed_events, "outlet", "granularity", publications(seed_docs))
    assert event_ids(figure) == set(seed_events["event_id"])
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    markers = [t for t in figure.data if isinstance(t, go.Scatter) and t.customdata is not None]
    day_ids = set(seed_events.loc[seed_events["start"] == seed_events["end"], "event_id"])
    assert {c[0] for t in markers for c in t.customdata} == day_ids
    # over 26 months a week would be ~3 px: it is drawn at the minimum visible width
    span_ms = (seed_events["end"].max() - seed_events["start"].min()).total_seconds() * 1000
    assert all(x >= span_ms * chart.MIN_BAR_PX / chart.PACK_PX for t in bars for x in t.x)
    assert any(t.name == "article published" for t in figure.data)
    february = seed_events[(seed_events["start"] >= "2025-02-01") & (seed_events["end"] <= "2025-02-28")]
    week = february[february["granularity"] == "week"].iloc[0]
    bars = [t for t in chart.timeline_figure(february).data if isinstance(t, go.Bar)]
    bar = next(t for t in bars if week["event_id"] in {c[0] for c in t.customdata})
    assert {x for x in bar.x} == {7 * chart.DAY_MS}  # in a month's view a week is a seven-day bar


def test_planned_events_look_different(seed_events) -> None:
    figure = chart.timeline_figure(seed_events)
    planned = [t for t in figure.data if t.name and t.name.endswith("(planned)")]
    assert planned and all(t.marker.pattern.shape == "/" for t in planned if isinstance(t, go.Bar))


def test_lanes_by_actor_show_an_event_in_each_actors_lane(seed_events) -> None:
    figure = chart.timeline_figure(seed_events, lane="actors", color="relation")
    lanes = {y for trace in figure.data if trace.y is not None for y in trace.y}
    assert {"Keith Kellogg", "Donald Trump", "NATO"} <= lanes


def test_hover_text_is_escaped(seed_events) -> None:
    evil = seed_events.head(1).copy()
    evil["sentence"] = "<img src=x onerror=alert(1)> met on Friday"
    text = "".join(chart.timeline_figure(evil).data[0].hovertext)
    assert "<img" not in text and "&lt;img" in text


def test_an_empty_table_says_so() -> None:
    figure = chart.timeline_figure(schema.empty_events())
    assert "No events" in figure.layout.annotations[0].text


def test_each_filter_narrows_the_table(seed_events) -> None:
    total = len(seed_events)
    cases = {
        "outlets": filters.Filters(outlets=("RT",)),
        "actors": filters.Filters(actors=("Keith Kellogg",)),
        "places": filters.Filters(places=("Brussels",)),
        "keyword": filters.Filters(keyword="REQUEST"),
        "precision": filters.Filters(granularities=("week",)),
        "relation": filters.Filters(relations=("future",)),
        "dates": filters.Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 3, 1)),
    }
    for name, chosen in cases.items():
        kept = filters.filter_events(seed_events, chosen)
        assert 0 < len(kept) < total, name
    assert set(filters.filter_events(seed_events, cases["outlets"])["outlet"]) == {"RT"}
    assert (filters.filter_events(seed_events, cases["relation"])["relation"] == "future").all()
    dated = filters.filter_events(seed_events, cases["dates"])
    assert set(dated["start"].dt.month) == {2} and len(dated) == 6  # the February 2025 weeks of 000 and 001


def test_merging_collapses_each_cluster_into_one_row_naming_its_outlets(seed_events) -> None:
    merged = filters.filter_events(seed_events, filters.Filters(merge=True, roles=()))
    assert len(merged) == seed_events["cluster_id"].nunique()
    trip = merged[merged["timex_text"] == "next week"].iloc[0]
    assert trip["n_sources"] == 2 and "Euromaidan Press" in trip["outlet"] and "USA Page" in trip["outlet"]


def test_article_markup_escapes_the_text_and_marks_each_expression() -> None:
    text = "<b>Talks</b> ended on Friday & resume next week."
    timexes = find_timexes(text, dt.date(2025, 2, 15))
    rendered = markup.article_html(text, timexes)
    assert rendered.startswith("<div>&lt;b&gt;Talks&lt;/b&gt;") and "&amp;" in rendered
    assert rendered.count("<mark>") == 2 and "2025-02-14" in rendered and "2025-02-17 – 2025-02-23" in rendered


def test_overlapping_bars_in_one_lane_get_rows_of_their_own(seed_events) -> None:
    figure = chart.timeline_figure(seed_events[seed_events["outlet"] == "Euromaidan Press"])
    bars = [(o, w) for t in figure.data if isinstance(t, go.Bar) for o, w in zip(t.offset, t.width, strict=True)]
    weeks = seed_events[(seed_events["outlet"] == "Euromaidan Press") & (seed_events["timex_text"] == "this week")]
    assert len({o for o, _ in bars}) == len(weeks) == 2  # two "this week" bars (the title repeated as the lead is one)
    assert all(abs(w - 0.8 / 2) < 1e-9 for _, w in bars)


def test_markdown_in_article_text_stays_literal() -> None:
    rendered = markup.article_html("**Breaking** [click](javascript:alert(1))\n\n# Big", [])
    assert rendered.startswith("<div>") and rendered.endswith("</div>") and "\n" not in rendered  # one HTML block
    assert markup.escape_markdown("**x** [a](b) $5") == "\\*\\*x\\*\\* \\[a\\]\\(b\\) \\$5"
    assert markup.link("javascript:alert(1)", "<t>") == "&lt;t&gt;"


def test_filters_travel_in_a_link_and_back() -> None:
    chosen = filters.Filters(start=dt.date(2025, 2, 1), end=dt.date(2025, 2, 28), outlets=("RT", "A & B"),
                             actors=("NATO",), places=("Kyiv",), keyword="troops?", granularities=("week", "day"),
                             relations=("future",), roles=("event", "reference"), merge=True)
    params = chosen.to_query_params()
    assert params["from"] == "2025-02-01" and params["outlet"] == ["RT", "A & B"] and params["merge"] == "true"
    assert filters.Filters.from_query_params(params) == chosen
    assert filters.Filters().to_query_params() == {}  # an unfiltered view is a clean link
    assert set(params) == set(filters.QUERY_PARAMS.values())


def test_a_hand_edited_link_with_bad_values_still_opens() -> None:
    read = filters.Filters.from_query_params({"from": "yesterday", "to": "2025-13-01", "merge": "maybe",
                                              "outlet": "RT", "when": ["past", "past", ""], "lane": "Actor"})
    assert read == filters.Filters(outlets=("RT",), relations=("past",))


def test_a_range_overlapping_the_dates_is_kept(seed_events) -> None:
    kept = filters.filter_events(seed_events, filters.Filters(start=dt.date(2025, 2, 12), end=dt.date(2025, 2, 12)))
    assert len(kept) > 0
    assert ((kept["start"] <= "2025-02-12") & (kept["end"] >= "2025-02-12")).all()


def test_the_other_reports_of_an_event_are_its_cluster(seed_events) -> None:
    shared = seed_events[seed_events["n_sources"] > 1].iloc[0]
    reports = filters.reports_of(seed_events, shared["event_id"])
    assert reports["event_id"].iloc[0] == shared["event_id"]
    assert len(reports) >= 2 and reports["cluster_id"].nunique() == 1
    assert filters.reports_of(seed_events, "no such event").empty


def test_publication_ticks_follow_the_lanes_including_actors(seed_events, seed_docs) -> None:
    figure = chart.timeline_figure(seed_events, lane="actors", publications=publications(seed_docs))
    ticks = next(t for t in figure.data if t.name == "article published")
    order = list(figure.layout.yaxis.categoryarray)
    tick_lanes = [order[round(y + 0.42)] for y in ticks.y]
    event_lanes = {y for t in figure.data if t.customdata is not None for y in t.y}
    assert set(tick_lanes) <= event_lanes and len(ticks.y) > len(seed_docs)  # one per article in each of its lanes
    rt = seed_events[seed_events["outlet"] == "RT"]
    rt_lanes = {name for names in rt["actors"] for name in names}
    rt_day = pd.Timestamp(next(d.published for d in seed_docs if d.outlet == "RT"))
    assert {lane for x, lane in zip(ticks.x, tick_lanes, strict=True) if pd.Timestamp(x).normalize() == rt_day} \
        >= rt_lanes
    # on the lower edge of a lane, on an axis laid over the lanes: never over an event in the middle of its lane
    assert ticks.yaxis == "y2" and figure.layout.yaxis2.overlaying == "y"
    assert all(abs(y - round(y + 0.42) + 0.42) < 1e-9 for y in ticks.y)
    assert tuple(figure.layout.yaxis2.range) == tuple(figure.layout.yaxis.range)


def test_hover_wraps_long_sentences_and_counts_sources(seed_events) -> None:
    row = seed_events.head(1).copy()
    row["sentence"] = " ".join(["word"] * 60) + " & more"
    row["n_sources"] = 3
    hover = chart.timeline_figure(row).data[0].hovertext[0]
    assert hover.count("<br>") >= 5 and "&amp; more" in hover and "3 articles</b> report it" in hover


def test_the_selected_event_is_ringed_in_each_of_its_lanes(seed_events) -> None:
    many = seed_events[seed_events["actors"].map(len) > 1].iloc[0]
    figure = chart.timeline_figure(seed_events, lane="actors", selected=many["event_id"])
    ring = next(t for t in figure.data if t.name == "selected")
    assert set(ring.y) == set(many["actors"]) and ring.customdata is None  # a click on the ring picks nothing new
    assert not any(t.name == "selected" for t in chart.timeline_figure(seed_events, selected="gone").data)


EVIL_OUTLET = '<a href="https://evil.example">x</a>'
EVIL_TITLE = '<span style="font-size:90px">Big</span> <b>news</b><br>'


def unescape_json(page: str) -> str:
    """The figure's strings as the browser's JavaScript reads them: plotly writes ``<`` as ``\\u003c`` in its JSON."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)


def hostile(seed_events, seed_docs) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The seeds with an outlet and a title that are Plotly markup (a live link, a styled span)."""
    events = seed_events.copy()
    events["outlet"], events["title"] = EVIL_OUTLET, EVIL_TITLE
    pubs = publications(seed_docs).assign(outlet=EVIL_OUTLET, title=EVIL_TITLE)
    return events, pubs


def test_outlets_and_titles_reach_plotly_as_literal_text(seed_events, seed_docs) -> None:
    events, pubs = hostile(seed_events, seed_docs)
    for lane, color in (("outlet", "outlet"), ("title", "outlet")):
        figure = chart.timeline_figure(events, lane, color, pubs, selected=events["event_id"].iloc[0])
        labels = {y for trace in figure.data if trace.y is not None and trace.yaxis != "y2" for y in trace.y}  # lanes
        names = {trace.name for trace in figure.data}
        hovers = [h for trace in figure.data if trace.hovertext is not None for h in trace.hovertext]
        assert labels and all("<" not in label for label in labels)
        assert any(label.startswith("&lt;a href=") if lane == "outlet" else label.startswith("&lt;span")
                   for label in labels)
        assert "&lt;a href=\"https://evil.example\"&gt;x&lt;/a&gt;" in names  # a legend entry, as written
        assert all("<a" not in name and "<span" not in name for name in names)
        assert all("<a " not in h and "<span" not in h and "&lt;a href" in h for h in hovers if "evil" in h)
        assert any("&lt;span style" in h for h in hovers)  # the publication ticks' hover names the title
        exported = unescape_json(figure.to_html(include_plotlyjs=False))
        assert "<a href" not in exported and "<span style" not in exported and "&lt;a href" in exported


def test_chart_text_keeps_quotes_as_plotly_shows_them() -> None:
    # Plotly turns &lt; &gt; &amp; back into characters but shows &quot; as written.
    assert markup.chart_text('The "Daily" <Post> & Co') == 'The "Daily" &lt;Post&gt; &amp; Co'
    assert markup.chart_text(None) == ""


def test_far_dates_filter_and_chart_without_nanoseconds() -> None:
    from timeline import extract_events
    from timeline.documents import document_from_text

    docs = [document_from_text("The vault was opened today. The abbey was founded in 1650.", published=day,
                               doc_id=str(day.year)) for day in (dt.date(1, 1, 1), dt.date(9999, 12, 31))]
    events = extract_events(docs)
    kept = filters.filter_events(events, filters.Filters(start=dt.date(1, 1, 1), end=dt.date(1700, 1, 1)))
    assert sorted(kept["start"].dt.year) == [1, 1650, 1650]
    late = filters.Filters.from_query_params({"from": "9000-01-01", "to": "9999-12-31"})
    assert filters.filter_events(events, late)["start"].dt.date.tolist() == [dt.date(9999, 12, 31)]
    figure = chart.timeline_figure(events, publications=publications(docs))
    xs = [str(x) for t in figure.data for x in (t.base if isinstance(t, go.Bar) else t.x)]
    assert any(x.startswith("0001-01-01") for x in xs) and any(x.startswith("9999-12-31") for x in xs)
    assert '"0001-01-01' in figure.to_json()  # plotly writes ISO dates, nothing through nanoseconds


def test_reference_dates_are_hidden_unless_the_role_filter_asks(seed_events) -> None:
    references = seed_events[seed_events["role"] == "reference"]
    assert not references.empty
    default = filters.filter_events(seed_events, filters.Filters())
    assert (default["role"] == "event").all() and len(default) == len(seed_events) - len(references)
    assert len(filters.filter_events(seed_events, filters.Filters(roles=()))) == len(seed_events)
    only = filters.filter_events(seed_events, filters.Filters(roles=("reference",)))
    assert only["event_id"].tolist() == references["event_id"].tolist()
    assert filters.Filters(roles=()).to_query_params() == {"role": ""}  # a cleared widget: "?role="
    assert filters.Filters.from_query_params({"role": ""}) == filters.Filters(roles=())
    assert filters.Filters.from_query_params({"role": ["reference", "nonsense"]}).roles == ("reference",)
    assert filters.Filters.from_query_params({"role": "nonsense"}) == filters.Filters()
    hover = "".join(chart.timeline_figure(references).data[0].hovertext)
    assert "reference date: " in hover and "as of" in hover
