"""The timeline chart: a pure function from the event table to a Plotly figure.

The lanes view (the story view is `timeline.view.story`): one lane per outlet, article, actor or place.
Precision is visible at a glance: a day is a marker, a week, month, quarter or year a bar
spanning its range, never narrower than `MIN_BAR_PX` of the plot. Dates are the table's ``datetime64[s]`` (years 1
to 9999), which Plotly writes as ISO strings without passing through nanoseconds. Planned (future) events are hollow
or hatched; each article's publication date is a grey tick on the lower edge of its lanes, under the events, never
over one. A category has one colour in every view (`timeline.view.palette`). ``customdata[0]`` of every event point
is its event_id, so a click on the chart maps back to the table. Above `story.AGGREGATE_AT` events every event is
a WebGL marker at its first day, with a short hover: SVG bars by the ten thousand do not draw.

Bars are ``go.Bar`` with a date ``base`` (what ``px.timeline`` builds) rather than ``px.timeline``
itself, because bars that overlap in one lane get thin rows of their own, which needs a width and
offset per bar. A bar ends at ``end`` + 1 day: the table's ``end`` is inclusive, so a week spans 7 days.

Every user-supplied string that reaches the figure (lane labels, legend names, hovers) goes through
`markup.chart_text`: Plotly renders a subset of HTML in all of them, links included.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from timeline.view.markup import chart_text
from timeline.view.palette import colours
from timeline.view.story import AGGREGATE_AT, DATE_TICKS, FIRST_DAY, FONT_PX, LAST_DAY, MIN_BAR_PX, PACK_PX

#: The views: the story (one row of happenings) or lanes by a column.
LANES = {"story": "Story", "outlet": "Outlet", "title": "Article", "actors": "Actor", "places": "Place"}
COLORS = {"granularity": "Precision", "relation": "Past / future", "outlet": "Outlet",
          "anchor_source": "Source of the publication date", "role": "Event / reference"}
DAY_MS = 24 * 60 * 60 * 1000
NONE = "none named"


_WRAP = r"(.{1,%d})(?:\s+|$)"


def _wrap(text: pd.Series, width: int = 80) -> pd.Series:
    """Escaped text broken into lines of about ``width`` characters at spaces (vectorised: 50,000 rows in
    a blink, where textwrap takes seconds). Escaping comes first; breaks fall on spaces, never inside an entity."""
    escaped = text.fillna("").map(chart_text)
    return escaped.str.replace(_WRAP % width, r"\1<br>", regex=True).str.removesuffix("<br>")


def _span(events: pd.DataFrame) -> pd.Series:
    start, end = events["start"].dt.strftime("%Y-%m-%d"), events["end"].dt.strftime("%Y-%m-%d")
    return start.where(events["start"] == events["end"], start + " – " + end)


def _hover(events: pd.DataFrame) -> pd.Series:
    """Headline, sentence, expression -> resolved range, outlet and, for a merged cluster, how many report it."""
    escape = lambda column: events[column].fillna("").astype(str).map(chart_text)  # noqa: E731
    sources = events["n_sources"].fillna(1).astype(int)
    return ("<b>" + escape("headline") + "</b><br>" + _wrap(events["sentence"]) + "<br><i>"
            + escape("timex_text") + "</i> → " + _span(events) + " (" + escape("granularity") + ", "
            + escape("relation") + ")<br>" + escape("outlet")
            + ("<br><i>reference date: " + escape("role_reason") + "</i>").where(events["role"] == "reference", "")
            + ("<br><b>" + sources.astype(str) + " articles</b> report it").where(sources > 1, ""))


def _short(values: pd.Series) -> pd.Series:
    """Lane labels: missing -> "none named", long titles shortened, then escaped (a lane label is a Plotly tick label,
    which renders HTML); computed once per distinct label."""
    labels = values.fillna(NONE).astype(str).replace("", NONE)
    short = {label: chart_text(textwrap.shorten(label, 40, placeholder="…") or NONE) for label in labels.unique()}
    return labels.map(short)


def _names(value: object) -> list[str]:
    """A list cell (list, tuple or array) as a list; an empty or missing one as the "none named" lane."""
    names = [str(v) for v in value] if hasattr(value, "__len__") and not isinstance(value, str) else []
    return names or [NONE]


def _lanes(events: pd.DataFrame, lane: str) -> pd.DataFrame:
    """One row per event and lane: an event with two actors shows in both actors' lanes."""
    frame = events.copy()
    if lane in ("actors", "places"):
        frame["lane"] = frame[lane].map(_names)
        frame = frame.explode("lane")
    else:
        frame["lane"] = frame[lane]
    frame["lane"] = _short(frame["lane"])
    return frame.reset_index(drop=True)


def _rows_within_lanes(frame: pd.DataFrame) -> tuple[list[float], list[float]]:
    """Thin rows inside a lane for bars that overlap in time, so that none hides another."""
    slot = [0] * len(frame)
    slots_in_lane: dict[str, int] = {}
    ranges = frame[~frame["point"]].sort_values(["lane", "start", "end"])
    for lane, group in ranges.groupby("lane", sort=False):
        ends: list[pd.Timestamp] = []  # the last day taken in each row so far
        for i, start, end in zip(group.index, group["start"], group["end"], strict=True):
            free = next((r for r, taken in enumerate(ends) if taken < start), len(ends))
            ends[free:free + 1] = [end]
            slot[i] = free
        slots_in_lane[lane] = len(ends)
    widths, offsets = [], []
    for i, lane in enumerate(frame["lane"]):
        rows = slots_in_lane.get(lane, 1)
        widths.append(0.8 / rows)
        offsets.append(-0.4 + slot[i] * 0.8 / rows)
    return widths, offsets


def _publication_ticks(frame: pd.DataFrame, lane: str, publications: pd.DataFrame) -> pd.DataFrame:
    """Where each article's publication tick goes: in every lane that shows one of its events, and for
    outlet and article lanes also in its own lane when that is shown (its events may be filtered out)."""
    pubs = publications.dropna(subset=["published"])[["doc_id", "title", "outlet", "published"]].copy()
    pubs["published"] = pd.to_datetime(pubs["published"])
    ticks = frame[["lane", "doc_id"]].drop_duplicates().merge(pubs, on="doc_id")
    if lane in ("outlet", "title"):
        own = pubs.assign(lane=_short(pubs[lane]))
        ticks = pd.concat([ticks, own[own["lane"].isin(set(frame["lane"]))]])
    return ticks.drop_duplicates(["lane", "doc_id"])


MAXDATE_TICKS = 600  # publication ticks drawn; more are left out (the story view has a row of them per day)


def timeline_figure(events: pd.DataFrame, lane: str = "outlet", color: str = "granularity",
                    publications: pd.DataFrame | None = None, selected: str | None = None) -> go.Figure:
    """The timeline of ``events`` in lanes; ``publications`` (doc_id, title, outlet, published) adds publication
    ticks, ``selected`` (an event_id) rings that event wherever it is drawn."""
    figure = go.Figure()
    if events.empty:
        figure.add_annotation(text="No events match these filters", showarrow=False, font={"size": 16},
                              xref="paper", yref="paper", x=0.5, y=0.5)
        figure.update_xaxes(visible=False)
        figure.update_yaxes(visible=False)
        return figure
    frame = _lanes(events, lane)
    big = len(frame) > AGGREGATE_AT
    frame["hover"] = _short_hover(frame) if big else _hover(frame)
    frame["category"] = frame[color].fillna("not known").astype(str)
    paint = colours(color, frame["category"])
    frame["point"] = (frame["start"] == frame["end"]) | big
    frame["width"], frame["offset"] = ([0.6] * len(frame), [-0.3] * len(frame)) if big else _rows_within_lanes(frame)
    first, last = frame["start"].min(), frame["end"].max()
    min_ms = (last - first).total_seconds() * 1000 * MIN_BAR_PX / PACK_PX  # a bar never thinner than this
    marker_trace = go.Scattergl if big else go.Scatter
    for category in sorted(paint):
        chosen = frame["category"] == category
        for future in (False, True):
            part = frame[chosen & (frame["relation"].eq("future") == future)]
            name = chart_text(f"{category} (planned)" if future else category)
            bars, points = part[~part["point"]], part[part["point"]]
            if not bars.empty:
                days_ms = ((bars["end"] - bars["start"]).dt.days + 1) * DAY_MS
                figure.add_trace(go.Bar(
                    base=bars["start"], x=days_ms.clip(lower=min_ms), y=bars["lane"],
                    width=bars["width"], offset=bars["offset"], orientation="h", name=name, legendgroup=name,
                    marker_color=paint[category], marker_line={"color": paint[category], "width": 1},
                    marker_pattern_shape="/" if future else "", opacity=0.45 if future else 0.7,
                    customdata=bars[["event_id"]], hovertext=bars["hover"], hovertemplate="%{hovertext}<extra></extra>",
                ))
            if not points.empty:
                figure.add_trace(marker_trace(
                    x=points["start"] + pd.Timedelta(hours=12), y=points["lane"], mode="markers", name=name,
                    legendgroup=name, showlegend=bars.empty,
                    marker={"color": "white" if future else paint[category],
                            "size": 11 + 3 * (points["n_sources"].clip(upper=4) - 1) if not big else 7,
                            "symbol": "circle", "line": {"width": 2, "color": paint[category]}},
                    customdata=points[["event_id"]], hovertext=points["hover"],
                    hovertemplate="%{hovertext}<extra></extra>",
                ))
    ring = frame[frame["event_id"] == selected]
    if not ring.empty:
        middle = ring["start"] + (ring["end"] - ring["start"] + pd.Timedelta(days=1)) / 2
        figure.add_trace(go.Scatter(
            x=middle, y=ring["lane"], mode="markers", name="selected", hoverinfo="skip",
            marker={"symbol": "circle-open", "size": 26, "color": "#111", "line": {"width": 3}},
        ))
    lanes = list(dict.fromkeys(frame.sort_values("start")["lane"]))
    categories = lanes[::-1]
    if publications is not None and not publications.empty:
        ticks = _publication_ticks(frame, lane, publications)
        _ticks(figure, ticks, {name: i for i, name in enumerate(categories)})
        if not ticks.empty:
            first = min(first, ticks["published"].min())
            last = max(last, ticks["published"].max())
    pad = max(pd.Timedelta(days=2), (last - first) * 0.03)  # a marker at either end is drawn whole
    figure.update_layout(
        barmode="overlay", height=max(360, 110 + 52 * len(lanes)), margin={"l": 10, "r": 10, "t": 60, "b": 30},
        legend={"title": {"text": COLORS.get(color, color) + " "}, "orientation": "h", "x": 0, "y": 1.0,
                "yanchor": "bottom"},
        hoverlabel={"align": "left"}, clickmode="event+select", font={"size": FONT_PX}, plot_bgcolor="white",
    )
    figure.update_xaxes(type="date", title=None, tickformatstops=DATE_TICKS, showgrid=True, gridcolor="#eee",
                        automargin=True,
                        range=[_pad(first, -pad), _pad(last, pad)])
    figure.update_layout(yaxis={"title": LANES.get(lane, lane), "categoryorder": "array",
                                "categoryarray": categories, "automargin": True, "ticklabelstandoff": 4,
                                "range": [-0.5, len(categories) - 0.5]})
    return figure


def _ticks(figure: go.Figure, ticks: pd.DataFrame, index: dict[str, int]) -> None:
    """Publication ticks on the lower edge of their lanes (the events sit in the middle, above them), with their
    article in the hover: a thin marker trace on a hidden numeric axis laid over the lanes."""
    ticks = ticks.head(MAXDATE_TICKS)
    if ticks.empty:
        return
    figure.add_trace(go.Scatter(
        x=ticks["published"] + pd.Timedelta(hours=12), y=ticks["lane"].map(index) - 0.42, yaxis="y2",
        mode="markers", name="article published",
        marker={"symbol": "line-ns-open", "size": 9, "color": "#666", "line": {"width": 2}},
        hovertext="published: " + ticks["title"].fillna("").astype(str).map(chart_text),
        hovertemplate="%{hovertext}<br>%{x|%Y-%m-%d}<extra></extra>",
    ))
    figure.update_layout(yaxis2={"overlaying": "y", "range": [-0.5, len(index) - 0.5], "visible": False,
                                 "fixedrange": True})


def _pad(day: pd.Timestamp, by: pd.Timedelta) -> pd.Timestamp:
    """``day`` moved by ``by``, within the years 1 to 9999 (a padding past them cannot be written)."""
    limit = (LAST_DAY - day) if by > pd.Timedelta(0) else (day - FIRST_DAY)
    return day + by if abs(by) <= limit else (LAST_DAY if by > pd.Timedelta(0) else FIRST_DAY)


def _short_hover(events: pd.DataFrame) -> pd.Series:
    """A big view's hover: headline and dates only (the detail panel has the rest)."""
    return ("<b>" + events["headline"].fillna("").astype(str).map(chart_text) + "</b><br>" + _span(events))
