"""The timeline chart: a pure function from the event table to a Plotly figure.

Precision is visible at a glance: a day is a marker, a week, month, quarter or year a bar
spanning its range. Planned (future) events are hollow or hatched; each article's
publication date is a grey tick in its lanes. ``customdata[0]`` of every event point is its
event_id, so a click on the chart maps back to the table.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

LANES = {"outlet": "Outlet", "title": "Article", "actors": "Actor", "places": "Place"}
COLORS = {"granularity": "Precision", "relation": "Past / future", "outlet": "Outlet", "anchor_source": "Anchor"}
DAY_MS = 24 * 60 * 60 * 1000
NONE = "(none)"


def _wrap(text: str, width: int = 80) -> str:
    return "<br>".join(textwrap.wrap(html.escape(text), width)) or ""


def _hover(events: pd.DataFrame) -> list[str]:
    out = []
    for row in events.itertuples(index=False):
        span = row.start.date().isoformat()
        if row.end != row.start:
            span += f" – {row.end.date().isoformat()}"
        sources = f"<br><b>{row.n_sources} articles</b> report it" if row.n_sources > 1 else ""
        out.append(
            f"<b>{html.escape(row.headline)}</b><br>{_wrap(row.sentence)}<br>"
            f"<i>{html.escape(row.timex_text)}</i> → {span} ({row.granularity}, {row.relation})<br>"
            f"{html.escape(row.outlet or '')}{sources}"
        )
    return out


def _lanes(events: pd.DataFrame, lane: str) -> pd.DataFrame:
    """One row per event and lane: an event with two actors shows in both actors' lanes."""
    frame = events.copy()
    if lane in ("actors", "places"):
        frame["lane"] = frame[lane].map(lambda names: list(names) or [NONE])
        frame = frame.explode("lane")
    else:
        frame["lane"] = frame[lane].fillna(NONE).replace("", NONE)
    frame["lane"] = frame["lane"].map(lambda text: textwrap.shorten(str(text), 40, placeholder="…"))
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


def timeline_figure(events: pd.DataFrame, lane: str = "outlet", color: str = "granularity",
                    publications: pd.DataFrame | None = None) -> go.Figure:
    """The timeline of ``events``; ``publications`` (doc_id, title, outlet, published) adds publication ticks."""
    figure = go.Figure()
    if events.empty:
        figure.add_annotation(text="No events match these filters", showarrow=False, font={"size": 16},
                              xref="paper", yref="paper", x=0.5, y=0.5)
        figure.update_xaxes(visible=False)
        figure.update_yaxes(visible=False)
        return figure
    frame = _lanes(events, lane)
    frame["hover"] = _hover(frame)
    categories = sorted(frame[color].fillna(NONE).astype(str).unique())
    palette = px.colors.qualitative.Safe + px.colors.qualitative.Plotly
    frame["point"] = frame["start"] == frame["end"]
    frame["width"], frame["offset"] = _rows_within_lanes(frame)
    for i, category in enumerate(categories):
        paint = palette[i % len(palette)]
        chosen = frame[color].fillna(NONE).astype(str) == category
        for future in (False, True):
            part = frame[chosen & (frame["relation"].eq("future") == future)]
            name = f"{category} (planned)" if future else category
            bars, points = part[~part["point"]], part[part["point"]]
            if not bars.empty:
                figure.add_trace(go.Bar(
                    base=bars["start"], x=((bars["end"] - bars["start"]).dt.days + 1) * DAY_MS, y=bars["lane"],
                    width=bars["width"], offset=bars["offset"], orientation="h", name=name, legendgroup=name,
                    marker_color=paint,
                    marker_pattern_shape="/" if future else "", opacity=0.45 if future else 0.7,
                    customdata=bars[["event_id"]], hovertext=bars["hover"], hovertemplate="%{hovertext}<extra></extra>",
                ))
            if not points.empty:
                figure.add_trace(go.Scatter(
                    x=points["start"] + pd.Timedelta(hours=12), y=points["lane"], mode="markers", name=name,
                    legendgroup=name, showlegend=bars.empty,
                    marker={"color": paint, "size": 11 + 3 * (points["n_sources"].clip(upper=4) - 1),
                            "symbol": "circle-open" if future else "circle", "line": {"width": 2, "color": paint}},
                    customdata=points[["event_id"]], hovertext=points["hover"],
                    hovertemplate="%{hovertext}<extra></extra>",
                ))
    if publications is not None and not publications.empty and lane in ("outlet", "title"):
        pubs = publications.dropna(subset=["published"]).copy()
        pubs["lane"] = pubs[lane].fillna(NONE).replace("", NONE).map(
            lambda text: textwrap.shorten(str(text), 40, placeholder="…"))
        pubs = pubs[pubs["lane"].isin(set(frame["lane"]))]
        figure.add_trace(go.Scatter(
            x=pd.to_datetime(pubs["published"]) + pd.Timedelta(hours=12), y=pubs["lane"], mode="markers",
            name="published", marker={"symbol": "line-ns-open", "size": 18, "color": "#555", "line": {"width": 2}},
            hovertext=[f"published {html.escape(str(t))}" for t in pubs["title"]],
            hovertemplate="%{hovertext}<br>%{x|%Y-%m-%d}<extra></extra>",
        ))
    lanes = list(dict.fromkeys(frame.sort_values("start")["lane"]))
    figure.update_layout(
        barmode="overlay", height=max(320, 70 + 44 * len(lanes)), margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"title": COLORS.get(color, color), "orientation": "h", "y": -0.15}, hoverlabel={"align": "left"},
        clickmode="event+select",
    )
    figure.update_xaxes(type="date", title=None)
    figure.update_yaxes(title=LANES.get(lane, lane), categoryorder="array", categoryarray=lanes[::-1])
    return figure
