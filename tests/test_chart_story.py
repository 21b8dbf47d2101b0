"""The story view (`timeline.view.story`) and its colours (`timeline.view.palette`): one labelled marker per
happening, nothing overlapping, the densest period first, big views aggregated."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from timeline.view import filters, palette, story


def publications(docs) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "published": d.published}
                         for d in docs])


def crowded(seed_events: pd.DataFrame, copies: int, days: int = 20) -> pd.DataFrame:
    """The seed events copied ``copies`` times, each copy its own happenings, dates spread over ``days``."""
    base = filters.filter_events(seed_events, filters.Filters())
    frames = []
    rng = np.random.default_rng(0)
    for i in range(copies):
        shift = pd.Timedelta(days=int(rng.integers(0, days)))
        copy = base.assign(event_id=base["event_id"] + f"-{i}", cluster_id=base["cluster_id"] + f"-{i}",
                           doc_id=base["doc_id"] + f"-{i}", start=base["start"] + shift, end=base["end"] + shift,
                           published=base["published"] + shift,
                           n_sources=pd.array(rng.integers(1, 6, len(base)), dtype="Int64"))
        frames.append(copy)
    return pd.concat(frames, ignore_index=True)


def placed_for(events: pd.DataFrame, span: str | None = None) -> story.Layout:
    happenings = story.happening_rows(events)
    span = span or story.default_span(happenings)
    start, end = story.window_of(happenings, span)
    return story.layout(happenings, span, start, end, len(events))


def assert_nothing_overlaps(placed: story.Layout) -> None:
    for _, row in placed.placed.groupby("row"):
        row = row.sort_values("left")
        assert (row["left"].to_numpy()[1:] >= row["right"].to_numpy()[:-1] + story.GAP_PX - 1e-9).all()
    labelled = placed.placed[placed.placed["label"] != ""]
    assert (labelled["left"] >= -1e-9).all() or (labelled["side"] != "left").all()
    beside = labelled[labelled["side"] == "right"]
    assert (beside["right"] <= story.PACK_PX + 1e-9).all()  # no label runs off the plot
    assert (labelled[labelled["side"] == "left"]["left"] >= -1e-9).all()


def test_one_marker_per_happening_each_labelled_in_the_seed_story(seed_events, seed_docs) -> None:
    events = filters.filter_events(seed_events, filters.Filters())
    placed = placed_for(events)
    in_view, _ = story.in_window(story.happening_rows(events), placed.start, placed.end, placed.span)
    assert len(placed.placed) == len(in_view) == placed.placed["cluster_id"].nunique()
    assert (placed.placed["label"] != "").all()  # a seed-sized story labels every happening
    assert_nothing_overlaps(placed)
    figure = story.story_figure(placed, publications=publications(seed_docs))
    marks = [c[0] for t in figure.data if t.name not in ("labels", "article published", "selected")
             and t.customdata is not None for c in t.customdata]
    assert sorted(marks) == sorted(placed.placed["event_id"])  # one marker (or bar) per happening
    labels = next(t for t in figure.data if t.name == "labels")
    assert len(labels.text) == len(placed.placed)


def test_the_default_period_is_the_densest(seed_events) -> None:
    happenings = story.happening_rows(filters.filter_events(seed_events, filters.Filters()))
    span = story.default_span(happenings)
    start, end = story.window_of(happenings, span)
    shown = len(story.in_window(happenings, start, end, span)[0])
    days = story.SPANS[span]
    for first in pd.date_range(happenings["start"].min() - pd.Timedelta(days=days), happenings["end"].max()):
        other = len(story.in_window(happenings, first, first + pd.Timedelta(days=days - 1), span)[0])
        assert other <= shown
    assert shown >= min(story.DENSE_ENOUGH, -(-len(happenings) // 2))


@pytest.mark.parametrize("copies", [3, 12, 40])
def test_labels_and_markers_never_overlap_however_crowded(seed_events, copies) -> None:
    events = crowded(seed_events, copies)
    for span in ("week", "month", "all"):
        placed = placed_for(events, span)
        assert not placed.placed.empty
        assert_nothing_overlaps(placed)
        assert (placed.placed["label"] != "").sum() <= story.MAX_LABELS


def test_most_reported_happenings_get_the_labels(seed_events) -> None:
    placed = placed_for(crowded(seed_events, 40), "month")
    labelled = placed.placed[placed.placed["label"] != ""]
    unlabelled = placed.placed[placed.placed["label"] == ""]
    assert not unlabelled.empty
    assert labelled["n_sources"].mean() > unlabelled["n_sources"].mean()


def test_week_and_weekend_bars_have_a_visible_width(seed_events) -> None:
    placed = placed_for(filters.filter_events(seed_events, filters.Filters()), "all")  # 26 months: a week is ~3 px
    bars = placed.placed[placed.placed["length"] > 1]
    assert not bars.empty and ((bars["mark_right"] - bars["mark_left"]) >= story.MIN_BAR_PX - 1e-9).all()
    figure = story.story_figure(placed)
    drawn = [t for t in figure.data if isinstance(t, go.Bar)]
    days = (placed.end - placed.start).days + 1
    assert all(min(t.x) >= story.MIN_BAR_PX / story.PACK_PX * days * 86_400_000 * 0.99 for t in drawn)


def test_publication_days_have_a_row_of_their_own_under_the_events(seed_events, seed_docs) -> None:
    placed = placed_for(filters.filter_events(seed_events, filters.Filters()))
    figure = story.story_figure(placed, publications=publications(seed_docs))
    ticks = next(t for t in figure.data if t.name == "article published")
    event_rows = {y for t in figure.data if t.name not in ("article published",) and t.y is not None and
                  not isinstance(t.y[0], str) for y in t.y}
    assert max(ticks.y) < min(event_rows)  # below every event: a tick never covers one


def test_planned_happenings_are_hollow_or_hatched_and_italic(seed_events) -> None:
    placed = placed_for(filters.filter_events(seed_events, filters.Filters()), "all")
    figure = story.story_figure(placed)
    planned = [t for t in figure.data if t.name and t.name.endswith("(planned)")]
    assert planned
    for trace in planned:
        if isinstance(trace, go.Bar):
            assert trace.marker.pattern.shape == "/"
        else:
            assert trace.marker.color == "white"
    labels = next(t for t in figure.data if t.name == "labels")
    future = set(placed.placed.loc[placed.placed["relation"] == "future", "event_id"])
    assert all(text.startswith("<i>") == (c[0] in future) for text, c in zip(labels.text, labels.customdata,
                                                                              strict=True))


def test_a_category_keeps_its_colour_whatever_is_filtered(seed_events) -> None:
    events = filters.filter_events(seed_events, filters.Filters())

    def colour_of(figure: go.Figure, name: str) -> str:
        return next(t.marker.line.color for t in figure.data if t.name == name)

    everything = story.story_figure(placed_for(events, "all"))
    future = story.story_figure(placed_for(events[events["relation"] == "future"], "all"))
    for trace in future.data:
        if trace.name and trace.name not in ("labels", "article published"):
            assert colour_of(everything, trace.name) == colour_of(future, trace.name)
    assert palette.colour("outlet", "RT") == palette.colour("outlet", "RT") != palette.colour("granularity", "day")
    assert palette.colour("granularity", "day") != palette.colour("granularity", "week")


def test_a_single_day_shows_days_not_hours(seed_events) -> None:
    one = filters.filter_events(seed_events, filters.Filters())
    one = one[one["start"] == one["end"]].head(1)
    placed = placed_for(one)
    assert (placed.end - placed.start).days + 1 >= 7
    figure = story.story_figure(placed)
    stops = figure.layout.xaxis.tickformatstops
    assert all("%H" not in stop.value for stop in stops)


def test_the_legend_sits_above_the_plot_not_on_the_axis(seed_events) -> None:
    figure = story.story_figure(placed_for(filters.filter_events(seed_events, filters.Filters())))
    assert figure.layout.legend.yanchor == "bottom" and figure.layout.legend.y >= 1


def test_labels_and_hovers_are_escaped(seed_events) -> None:
    events = filters.filter_events(seed_events, filters.Filters()).copy()
    events["headline"] = '<a href="https://evil.example">x</a> talks'
    figure = story.story_figure(placed_for(events))
    texts = [s for t in figure.data
             for s in list(t.text if t.text is not None else []) + list(t.hovertext if t.hovertext is not None else [])]
    assert texts and all("<a " not in s for s in texts) and any("&lt;a href" in s for s in texts)


def test_a_big_view_is_aggregated_and_light(seed_events) -> None:
    events = crowded(seed_events, 400, days=60)  # ~7,000 events
    placed = placed_for(events, "month")
    assert placed.aggregated and placed.density["count"].sum() == placed.in_view
    figure = story.story_figure(placed)
    assert any(isinstance(t, go.Scattergl) for t in figure.data)
    assert any(t.name == "happenings" for t in figure.data)  # the density strip
    hovers = sum(len(t.hovertext) for t in figure.data if t.hovertext is not None)
    assert hovers <= 2 * story.MAX_MARKERS + 100  # built for what is drawn only
    assert_nothing_overlaps(placed)


def test_longer_periods_than_the_view_are_counted_not_drawn(seed_events) -> None:
    happenings = story.happening_rows(filters.filter_events(seed_events, filters.Filters()))
    month = happenings[happenings["granularity"] == "month"].iloc[0]
    start = month["start"] + pd.Timedelta(days=3)
    placed = story.layout(happenings, "week", start, start + pd.Timedelta(days=6))
    assert month["cluster_id"] not in set(placed.placed["cluster_id"]) and placed.longer >= 1


def test_the_story_picks_the_report_happenings_picks(seed_events) -> None:
    from timeline.events.happenings import happenings

    for events in (seed_events, crowded(seed_events, 5)):
        assert sorted(story.happening_rows(events)["event_id"]) == sorted(happenings(events)["event_id"])
        merged = filters.merge_reports(events)
        expected = {row.event_id: ", ".join(row.outlets) for row in happenings(events).itertuples()}
        assert dict(zip(merged["event_id"], merged["outlet"], strict=True)) == expected


def test_far_years_draw_in_the_story_without_nanoseconds() -> None:
    import datetime as dt

    from timeline import extract_events
    from timeline.documents import document_from_text

    docs = [document_from_text("The vault was opened today. The abbey was founded in 1650.", published=day,
                               doc_id=str(day.year)) for day in (dt.date(1, 1, 1), dt.date(9999, 12, 31))]
    placed = placed_for(extract_events(docs), "all")
    text = story.story_figure(placed, publications=publications(docs)).to_json()
    assert '"0001-01-01' in text and '"9999-12-31' in text


def test_a_period_too_full_to_draw_every_happening_says_so_with_the_strip(seed_events) -> None:
    placed = placed_for(crowded(seed_events, 150, days=3), "week")  # ~2,600 events: under AGGREGATE_AT
    assert len(placed.placed) < placed.in_view
    assert placed.aggregated and placed.density["count"].sum() == placed.in_view
