"""The story view: one marker per happening with a short label on the chart, stacked so that nothing overlaps.

A happening is a cluster of the event table (`cluster_id`: the reports of one event across articles); it is
drawn once, dated and labelled by its most precise report, as `timeline.events.happenings` chooses. The view shows
one period (a week, month, quarter, year, or all), by default the one where happenings are densest.

Labels never overlap markers or each other, on any screen: positions are computed in pixels for the narrowest
plot the page is laid out for (`PACK_PX`, a phone), where a label's width is known (its characters at the chart's
font size); a wider plot only spreads the same rows further apart. Each happening takes the extent of its marker
(a bar's at least `MIN_BAR_PX` wide) and its label, and goes in the first row where that extent is free.

Large views stay light: above `AGGREGATE_AT` events, or `MAX_MARKERS` happenings, in the period, a density strip
counts every happening per day, week or month; markers are WebGL (``scattergl``) for the most-reported
`MAX_MARKERS`, labels only for the `MAX_LABELS` most reported, and hover text is built only for what is drawn.

`layout` is the geometry (testable: no two extents in a row overlap), `story_figure` draws it. Every article
string reaching the figure goes through `markup.chart_text`.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.view.markup import chart_text
from timeline.view.palette import colours

#: The periods the view can show, in days (``None``: everything).
SPANS: dict[str, int | None] = {"week": 7, "month": 31, "quarter": 92, "year": 366, "all": None}
PACK_PX = 320  # the plot width labels are placed for: a 390 px phone, less the page's and the plot's margins
CHAR_PX = 6.6  # a character at FONT_PX, on average, with room to spare
FONT_PX = 11
LABEL_CHARS = 34  # a label's longest form: the headline shortened at a word
MARK_PX = 7  # a day marker's radius
MIN_BAR_PX = 10  # the narrowest a week, weekend or month bar is drawn
GAP_PX = 6
ROW_PX = 24
MAX_LABELS = 30
MAX_MARKERS = 1500
MAX_ROWS = 40
AGGREGATE_AT = 3000
OPENING_SPANS = ("month", "quarter", "year")  # a week is there to zoom in: a story rarely reads in one
DENSE_ENOUGH = 12  # happenings the default period should hold (or half of them, when fewer)
DAY = pd.Timedelta(days=1)
FIRST_DAY, LAST_DAY = pd.Timestamp("0001-01-01").as_unit("s"), pd.Timestamp("9999-12-31").as_unit("s")


def clamp(day: pd.Timestamp) -> pd.Timestamp:
    """A day inside the years the table holds (1 to 9999): an axis padded past them cannot be written."""
    return min(max(pd.Timestamp(day).as_unit("s"), FIRST_DAY), LAST_DAY)


#: The columns the story view reads: `happening_rows` of just these is cheaper (strings are taken per column).
STORY_COLUMNS = ("event_id", "cluster_id", "doc_id", "start", "end", "granularity", "relation", "headline",
                 "n_sources", "published", "outlet")


def story_columns(events: pd.DataFrame, color: str) -> pd.DataFrame:
    """``events`` narrowed to what the story view and its colour need (no copy of the data)."""
    return events[list(dict.fromkeys([*STORY_COLUMNS, color]))]


def happening_rows(events: pd.DataFrame) -> pd.DataFrame:
    """One row per happening in ``events``: its representative report (the most precise, then the range most
    reports share, then the earliest published, as `timeline.events.happenings` chooses), sorted by date.
    Vectorised, without the per-source lists: this runs on every filter change."""
    if events.empty:
        return events.iloc[0:0].assign(length=pd.Series(dtype="int64"))
    # on integer codes, not the string columns: sorting 50,000 rows of strings costs a filter change its budget
    cluster = pd.factorize(events["cluster_id"], sort=True)[0]
    first, last = _days(events["start"]), _days(events["end"])
    shared = pd.DataFrame({"c": cluster, "s": first, "e": last}).groupby(["c", "s", "e"])["c"].transform("size")
    published = events["published"].to_numpy().astype("datetime64[D]").astype("int64")
    ids = pd.factorize(events["event_id"], sort=True)[0]
    order = np.lexsort((ids, published, -shared.to_numpy(), last - first, cluster))
    ordered = cluster[order]
    best = order[np.r_[True, ordered[1:] != ordered[:-1]]]  # the first row of each cluster in that order
    best = best[np.lexsort((cluster[best], last[best], first[best]))]  # by date, as the chart reads
    rows = events.iloc[best].reset_index(drop=True)
    rows["length"] = (last - first)[best] + 1
    return rows


def _days(values: pd.Series) -> np.ndarray:
    """Dates as day numbers (int), any year from 1 to 9999."""
    return values.to_numpy().astype("datetime64[D]").astype("int64")


def densest_window(happenings: pd.DataFrame, days: int) -> tuple[pd.Timestamp, pd.Timestamp, int]:
    """The ``days``-long period holding the most happenings that fit in it (the latest on a tie): first and
    last day, and the count."""
    fits = happenings[happenings["length"] <= days]
    if fits.empty:
        fits = happenings
    starts = np.sort(_days(fits["start"]))
    counts = np.searchsorted(starts, starts + days, side="left") - np.arange(len(starts))
    best = len(counts) - 1 - int(np.argmax(counts[::-1]))
    first = pd.Timestamp(np.datetime64(int(starts[best]), "D")).as_unit("s")
    return first, first + (days - 1) * DAY, int(counts[best])


def default_span(happenings: pd.DataFrame) -> str:
    """The shortest period whose densest stretch holds enough of the story to read (a dozen happenings, or half
    of them when there are fewer): a month of a busy corpus, a quarter of a small one, all of a scattered one."""
    if happenings.empty:
        return "all"
    enough = min(DENSE_ENOUGH, -(-len(happenings) // 2))
    for span in OPENING_SPANS:
        if densest_window(happenings, SPANS[span])[2] >= enough:
            return span
    return "all"


def window_of(happenings: pd.DataFrame, span: str, first: dt.date | None = None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period shown: ``span`` long from ``first``, or the densest such period; all of it for "all"."""
    days = SPANS.get(span)
    if happenings.empty:
        today = pd.Timestamp(first or dt.date(2000, 1, 1)).as_unit("s")
        return today, today + 6 * DAY
    if days is None:
        return pd.Timestamp(happenings["start"].min()), pd.Timestamp(happenings["end"].max())
    if first is not None:
        start = pd.Timestamp(first).as_unit("s")
        return start, start + (days - 1) * DAY
    margin = max(days // 20, 0)
    start, end, _ = densest_window(happenings, days - 2 * margin)
    # centred on what that stretch holds, so that the room left over falls on both sides, not all after it
    held = happenings[(happenings["start"] >= start) & (happenings["start"] <= end) & (happenings["length"] <= days)]
    if not held.empty:
        middle = held["start"].min() + (min(held["end"].max(), start + (days - 1) * DAY) - held["start"].min()) / 2
        start = clamp(middle.floor("D") - (days // 2) * DAY) + margin * DAY
    return clamp(start - margin * DAY), clamp(start + (days - 1 - margin) * DAY)


def in_window(happenings: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp,
              span: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The happenings the period shows, and those it leaves out because they are longer than it ("2024" in a
    month: it overlaps, but says nothing about that month). "all" leaves nothing out."""
    overlaps = happenings[(happenings["end"] >= start) & (happenings["start"] <= end)]
    if span == "all":
        return overlaps, overlaps.iloc[0:0]
    longer = overlaps["length"] > (end - start).days + 1
    return overlaps[~longer], overlaps[longer]


def short_label(text: object, chars: int = LABEL_CHARS) -> str:
    """A headline cut at a word to ``chars`` characters (not yet escaped)."""
    return textwrap.shorten("" if text is None or pd.isna(text) else str(text), chars, placeholder="…")


@dataclass(frozen=True)
class Layout:
    """Where each drawn happening goes. ``placed``: the happenings drawn, with ``row``, ``label`` (shortened,
    unescaped; "" for none), ``side`` (right, left or inside), and the pixel extents (at `PACK_PX`) of the
    marker (``mark_left``, ``mark_right``) and of the whole item (``left``, ``right``)."""

    start: pd.Timestamp
    end: pd.Timestamp
    span: str
    placed: pd.DataFrame
    in_view: int  # happenings in the period
    longer: int  # happenings overlapping it but longer than it (left out)
    aggregated: bool  # density strip + WebGL markers for the most reported
    density: pd.DataFrame  # bin start, count (all happenings in the period), when aggregated
    rows: int
    listed: pd.DataFrame  # every happening the period shows, drawn or not (for the chronicle)


def _label_place(mark_left: float, mark_right: float, label: str) -> tuple[str, str, float, float]:
    """Where a label goes beside (or inside) its marker: side, label (shortened to fit), its pixel extent."""
    if not label:
        return "none", "", mark_left, mark_right
    right_room, left_room = PACK_PX - mark_right - GAP_PX, mark_left - GAP_PX
    inside_room = mark_right - max(mark_left, 0) - 2 * GAP_PX
    rooms = (("right", right_room), ("left", left_room), ("inside", inside_room))
    fitting = [side for side, room in rooms if len(label) * CHAR_PX <= room]
    if fitting:
        side = fitting[0]
    else:  # shortened to the widest room
        side, room = max(rooms, key=lambda pair: pair[1])
        label = short_label(label, int(room // CHAR_PX))
        if len(label) < 8:
            return "none", "", mark_left, mark_right
    width = len(label) * CHAR_PX
    if side == "right":
        return side, label, mark_left, mark_right + GAP_PX / 2 + width
    if side == "left":
        return side, label, mark_left - GAP_PX / 2 - width, mark_right
    return side, label, mark_left, mark_right


def events_in(events: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, span: str) -> int:
    """How many event rows (mentions) the period shows, by the rule of `in_window`: what decides aggregation."""
    overlaps = (events["end"] >= start) & (events["start"] <= end)
    if span != "all":
        overlaps &= (events["end"] - events["start"]).dt.days < (end - start).days + 1
    return int(overlaps.sum())


def layout(happenings: pd.DataFrame, span: str, start: pd.Timestamp, end: pd.Timestamp, events_in_view: int = 0,
           max_labels: int = MAX_LABELS) -> Layout:
    """Place the happenings of the period [start, end]: labels for the ``max_labels`` most reported, rows so that
    no two extents in a row overlap (a gap of `GAP_PX` between them). ``events_in_view`` (`events_in`) above
    `AGGREGATE_AT` aggregates the view, as more than `MAX_MARKERS` happenings do."""
    shown, longer = in_window(happenings, start, end, span)
    aggregated = events_in_view > AGGREGATE_AT or len(shown) > MAX_MARKERS
    density = _density(shown, start, end) if aggregated else pd.DataFrame({"bin": [], "count": []})
    in_view, listed = len(shown), shown
    if aggregated:
        shown = shown.sort_values(["n_sources", "start"], ascending=[False, True], kind="stable").head(MAX_MARKERS)
    scale = PACK_PX / ((end - start).days + 1)  # pixels per day
    offset_start = _days(shown["start"]) - _days(pd.Series([start]))[0]
    offset_end = _days(shown["end"]) - _days(pd.Series([start]))[0] + 1
    point = (shown["length"] == 1).to_numpy()
    middle = (offset_start + 0.5) * scale
    bar_left = np.maximum(offset_start * scale, -MARK_PX)
    bar_right = np.minimum(np.maximum(offset_end * scale, bar_left + MIN_BAR_PX), PACK_PX + MARK_PX)
    bar_left = np.minimum(bar_left, bar_right - MIN_BAR_PX)
    mark_left = np.where(point, middle - MARK_PX, bar_left)
    mark_right = np.where(point, middle + MARK_PX, bar_right)
    ranked = shown["n_sources"].fillna(1).astype(int).to_numpy()
    order = np.lexsort((offset_start, -ranked))
    labelled = np.zeros(len(shown), dtype=bool)
    labelled[order[:max_labels]] = True
    headlines = shown["headline"].tolist()
    items = []
    for i in range(len(shown)):
        text = short_label(headlines[i]) if labelled[i] else ""
        side, label, left, right = _label_place(float(mark_left[i]), float(mark_right[i]), text)
        items.append([left, right, side, label, i])
    rows_right: list[float] = []
    row_of = np.full(len(shown), -1)
    sides, labels = [""] * len(shown), [""] * len(shown)
    lefts, rights = np.zeros(len(shown)), np.zeros(len(shown))
    for left, right, side, label, i in sorted(items, key=lambda item: (item[0], item[4])):
        row = next((r for r, taken in enumerate(rows_right) if taken + GAP_PX <= left), len(rows_right))
        if row >= MAX_ROWS and label:  # no room for the label: the marker alone may still fit
            side, label, left, right = "none", "", float(mark_left[i]), float(mark_right[i])
            row = next((r for r, taken in enumerate(rows_right) if taken + GAP_PX <= left), len(rows_right))
        if row >= MAX_ROWS:
            continue  # counted in the density strip, not drawn
        if row == len(rows_right):
            rows_right.append(right)
        rows_right[row] = right
        row_of[i], sides[i], labels[i], lefts[i], rights[i] = row, side, label, left, right
    placed = shown.assign(row=row_of, side=sides, label=labels, mark_left=mark_left, mark_right=mark_right,
                          left=lefts, right=rights)
    placed = placed[placed["row"] >= 0].reset_index(drop=True)
    if len(placed) < in_view and not aggregated:  # some had no room: the strip counts every one of them
        aggregated, density = True, _density(listed, start, end)
    return Layout(start, end, span, placed, in_view, len(longer), aggregated, density, len(rows_right), listed)


def _density(shown: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Happenings per day (a period up to a quarter), week (up to two years) or month, by their first day."""
    days = (end - start).days + 1
    freq = "D" if days <= 92 else "W-MON" if days <= 731 else "MS"
    first = shown["start"].clip(lower=start)
    bins = first.dt.to_period(freq[0] if freq != "W-MON" else "W").dt.start_time.dt.as_unit("s")
    counts = bins.value_counts().sort_index()
    return pd.DataFrame({"bin": counts.index, "count": counts.to_numpy()})


# --------------------------------------------------------------------------- drawing


def _hover(part: pd.DataFrame) -> pd.Series:
    """Full headline, the dates in words, how many articles: only for what is drawn."""
    start, end = part["start"].dt.strftime("%Y-%m-%d"), part["end"].dt.strftime("%Y-%m-%d")
    when = start.where(part["start"] == part["end"], start + " – " + end)
    sources = part["n_sources"].fillna(1).astype(int)
    planned = part["relation"].eq("future").map({True: " (planned)", False: ""})
    return ("<b>" + part["headline"].fillna("").astype(str).map(chart_text) + "</b><br>" + when + planned
            + ("<br>" + sources.astype(str) + " articles report it").where(sources > 1, ""))


def _label_text(part: pd.DataFrame) -> pd.Series:
    text = part["label"].map(chart_text)
    return ("<i>" + text + "</i>").where(part["relation"].eq("future") & text.ne(""), text)


def _category(frame: pd.DataFrame, color: str) -> pd.Series:
    values = frame[color]
    if color in ("actors", "places"):
        values = values.map(lambda names: names[0] if len(names) else "")
    return values.fillna("").astype(str).replace("", "not known")


def story_figure(placed: Layout, color: str = "granularity", color_title: str = "Precision",
                 publications: pd.DataFrame | None = None, selected: str | None = None) -> go.Figure:
    """Draw a `layout`: markers and bars by category (planned ones hollow or hatched), their labels, the
    selected happening ringed, the publication days in a row of their own under the events.

    Traces are plain dicts of plain lists, put together unvalidated: Plotly's validation of each trace costs more
    than the whole layout (what it would check is fixed here, and `tests/test_chart_story.py` draws it)."""
    frame = placed.placed
    start, end = placed.start, clamp(placed.end) + DAY if placed.end < LAST_DAY else LAST_DAY
    layout = {"margin": {"l": 8, "r": 8, "t": 60, "b": 30}, "plot_bgcolor": "white", "font": {"size": FONT_PX},
              "xaxis": {"type": "date", "range": [_iso(start), _iso(end)], "fixedrange": True, "showgrid": True,
                        "gridcolor": "#eee", "tickformatstops": DATE_TICKS, "nticks": 8, "automargin": True}}
    if frame.empty:
        layout.update(height=300, yaxis={"visible": False},
                      annotations=[{"text": "No events in this period", "showarrow": False, "font": {"size": 16},
                                    "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}])
        return go.Figure(data=[], layout=layout, _validate=False)
    frame = frame[[c for c in frame.columns if c in (*STORY_COLUMNS, color, "length", "row", "side", "label",
                                                     "mark_left", "mark_right")]]
    frame = frame.assign(category=_category(frame, color), hover=_hover(frame), text=_label_text(frame),
                         y=-frame["row"].astype(float))
    paint = colours(color, frame["category"])
    # plain arrays, grouped in one pass: pandas' per-group indexing costs more than the drawing
    category = frame["category"].to_numpy(dtype=object)
    planned_of = frame["relation"].eq("future").to_numpy(dtype=bool)
    point_of = (frame["length"] == 1).to_numpy()
    days = (end - start).days
    first = frame["start"].clip(lower=placed.start)
    width_ms = np.maximum(((frame["end"].clip(upper=placed.end) - first).dt.days + 1).to_numpy() * 86_400_000,
                          (frame["mark_right"] - frame["mark_left"]).to_numpy() / PACK_PX * days * 86_400_000)
    bases = np.asarray(_iso(first), dtype=object)
    middles = np.asarray(_iso(frame["start"] + pd.Timedelta(hours=12)), dtype=object)
    ys, ids = frame["y"].to_numpy(), frame["event_id"].to_numpy(dtype=object)
    hovers = frame["hover"].to_numpy(dtype=object)
    traces: list[dict] = []
    for name_of in sorted(paint):
        for planned in (False, True):
            chosen = (category == name_of) & (planned_of == planned)
            name = chart_text(name_of + (" (planned)" if planned else ""))
            bars, points = np.flatnonzero(chosen & ~point_of), np.flatnonzero(chosen & point_of)
            if len(bars):
                traces.append({
                    "type": "bar", "base": bases[bars].tolist(), "x": width_ms[bars].tolist(), "y": ys[bars].tolist(),
                    "orientation": "h", "width": 0.5, "name": name, "legendgroup": name,
                    "opacity": 0.55 if planned else 0.8,
                    "marker": {"color": paint[name_of], "pattern": {"shape": "/" if planned else ""},
                               "line": {"color": paint[name_of], "width": 1.5}},
                    **_picked(ids[bars], hovers[bars])})
            if len(points):
                traces.append({
                    "type": "scattergl" if placed.aggregated else "scatter", "x": middles[points].tolist(),
                    "y": ys[points].tolist(), "mode": "markers", "name": name, "legendgroup": name,
                    "showlegend": not len(bars),
                    "marker": {"color": "white" if planned else paint[name_of], "size": 2 * MARK_PX - 2,
                               "symbol": "circle", "line": {"width": 2, "color": paint[name_of]}},
                    **_picked(ids[points], hovers[points])})
    traces.extend(_labels(frame, placed))
    ring = frame[frame["event_id"] == selected] if selected else frame.iloc[0:0]
    if not ring.empty:
        middle = (ring["mark_left"] + ring["mark_right"]) / 2 / PACK_PX * (end - start).days
        traces.append({"type": "scatter", "x": _iso(_after(start, middle)), "y": ring["y"].tolist(),
                       "mode": "markers", "name": "selected", "hoverinfo": "skip", "showlegend": False,
                       "marker": {"symbol": "circle-open", "size": 24, "color": "#111", "line": {"width": 3}}})
    rows = max(placed.rows, 1)
    published_y = -rows - 0.3
    if publications is not None and not publications.empty:
        traces.extend(_publication_row(publications, placed.start, placed.end, published_y))
    if placed.aggregated and not placed.density.empty:
        traces.append({"type": "bar", "x": _iso(placed.density["bin"]), "y": placed.density["count"].tolist(),
                       "yaxis": "y2", "name": "happenings", "marker": {"color": "#bbb"}, "showlegend": False,
                       "hovertemplate": "%{x|%Y-%m-%d}: %{y} happenings<extra></extra>"})
        layout["yaxis2"] = {"domain": [0.88, 1], "showticklabels": False, "fixedrange": True, "showgrid": False}
    layout.update(
        height=max(300, 110 + ROW_PX * (rows + 1) + (90 if placed.aggregated else 0)), barmode="overlay",
        dragmode=False, hoverlabel={"align": "left"}, clickmode="event+select",
        legend={"title": {"text": chart_text(color_title) + " "}, "orientation": "h", "x": 0, "xanchor": "left",
                "y": 1.0, "yanchor": "bottom", "font": {"size": 11}},
        yaxis={"range": [published_y - 0.7, 0.7], "showticklabels": False, "showgrid": False, "zeroline": False,
               "fixedrange": True, "domain": [0, 0.84] if placed.aggregated else [0, 1]})
    return go.Figure(data=traces, layout=layout, _validate=False)


def _iso(days: object) -> list[str] | str:
    """Dates as ISO strings, the way Plotly reads them (any year from 1 to 9999)."""
    if isinstance(days, pd.Timestamp):
        return days.strftime("%Y-%m-%dT%H:%M:%S")
    return pd.Series(np.asarray(days, dtype="datetime64[s]")).dt.strftime("%Y-%m-%dT%H:%M:%S").tolist()


def _picks(part: pd.DataFrame) -> dict[str, object]:
    """What makes a drawn happening pickable and explained on hover: its event id, its hover text."""
    return _picked(part["event_id"].to_numpy(dtype=object), part["hover"].to_numpy(dtype=object))


def _picked(ids: np.ndarray, hovers: np.ndarray) -> dict[str, object]:
    return {"customdata": [[e] for e in ids.tolist()], "hovertext": hovers.tolist(),
            "hovertemplate": "%{hovertext}<extra></extra>"}


def _after(start: pd.Timestamp, days: pd.Series) -> np.ndarray:
    """``start`` plus a fractional number of days, in seconds: a period of centuries does not fit nanoseconds."""
    seconds = np.round(np.asarray(days, dtype=float) * 86_400).astype("int64").astype("timedelta64[s]")
    return np.datetime64(start.as_unit("s").to_datetime64(), "s") + seconds


#: Tick labels by zoom: days, never hours ("11:59:59.999") however short the period.
DATE_TICKS = [{"dtickrange": [None, "M1"], "value": "%b %d"}, {"dtickrange": ["M1", "M12"], "value": "%b %Y"},
          {"dtickrange": ["M12", None], "value": "%Y"}]


def _labels(frame: pd.DataFrame, placed: Layout) -> list[dict]:
    """The labels, as text points where the layout put them (with their happening's id and hover, like the
    markers)."""
    labelled = frame[frame["label"] != ""]
    if labelled.empty:
        return []
    days = (placed.end - placed.start).days + 1
    point = (labelled["length"] == 1) & (labelled["side"] != "inside")
    # beside a day marker: anchored at its centre, with an invisible marker of its size, so that plotly offsets the
    # text by the marker's radius at any plot width; beside or inside a bar: anchored at its edge
    at_px = labelled["mark_right"].where(labelled["side"] == "right", labelled["mark_left"])
    at_px = at_px.where(labelled["side"] != "inside", labelled["mark_left"].clip(lower=0))
    at_px = (at_px + np.where(labelled["side"] == "left", -GAP_PX / 2, GAP_PX / 2)).where(
        ~point, (labelled["mark_left"] + labelled["mark_right"]) / 2)
    x = _after(placed.start, at_px / PACK_PX * days)
    position = np.where(labelled["side"] == "left", "middle left", "middle right")
    return [{"type": "scatter", "x": _iso(x), "y": labelled["y"].tolist(), "mode": "markers+text",
             "text": labelled["text"].tolist(), "textposition": position.tolist(),
             "marker": {"size": np.where(point, 2 * MARK_PX, 0).tolist(), "opacity": 0}, "cliponaxis": False,
             "textfont": {"size": FONT_PX, "color": "#222"}, "showlegend": False, "name": "labels", **_picks(labelled)}]


def _publication_row(publications: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, y: float) -> list[dict]:
    """One tick per day on which articles were published, in a row under the events: it never covers one."""
    published = publications["published"]
    if published.dtype == object:  # datetime.date values (articles): years 1 to 9999, never through nanoseconds
        published = pd.Series(np.asarray([d if d is not None else np.datetime64("NaT") for d in published],
                                         dtype="datetime64[s]"), index=published.index)
    inside = (published >= start) & (published <= end)
    pubs = publications[inside].assign(published=published[inside])
    if pubs.empty:
        return []
    named = (pubs["outlet"].fillna("").astype(str) + ": " + pubs["title"].fillna("").astype(str)).map(
        lambda text: chart_text(short_label(text, 70)))
    days = pubs.assign(named=named).groupby("published")["named"].agg(
        lambda names: f"{len(names)} article{'s' * (len(names) != 1)} published<br>" + "<br>".join(list(names)[:5])
        + ("<br>…" if len(names) > 5 else ""))
    return [{"type": "scatter", "x": _iso(days.index + pd.Timedelta(hours=12)), "y": [y] * len(days),
             "mode": "markers", "name": "article published",
             "marker": {"symbol": "line-ns-open", "size": 14, "color": "#777", "line": {"width": 2}},
             "hovertext": days.tolist(), "hovertemplate": "%{x|%Y-%m-%d}: %{hovertext}<extra></extra>"}]
