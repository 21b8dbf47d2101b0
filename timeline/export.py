"""Export: the event table as CSV, JSON, Parquet and Knight Lab TimelineJS; and the ``extract`` command.

Lists (actors, places) are JSON arrays in JSON, native lists in Parquet and "; "-joined in CSV;
dates are ISO days (0001-01-01 to 9999-12-31) in CSV and JSON, timestamps in Parquet (which stores
milliseconds; read back as the schema's seconds). `read_table` reads each back into the schema.
TimelineJS shows events only: reference dates ("since 2022") mark no happening.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd

from timeline import schema
from timeline.events.happenings import happenings

LIST_COLUMNS = schema.LIST_COLUMNS
DATE_COLUMNS = schema.DATE_COLUMNS
INT_COLUMNS = tuple(name for name, (dtype, _) in schema.EVENT_COLUMNS.items() if dtype == "Int64")
LIST_SEPARATOR = "; "
FORMATS = (".csv", ".json", ".parquet")


def _as_list(value: object) -> list[str]:
    """A list cell as a list of str, whatever the reader made of it (list, tuple, numpy array, None)."""
    if isinstance(value, str):
        return [value] if value else []
    if value is None or (not hasattr(value, "__iter__") and pd.isna(value)):
        return []
    return [str(v) for v in value]


def _records(events: pd.DataFrame) -> list[dict[str, object]]:
    records = []
    for row in events.to_dict(orient="records"):
        for key, value in row.items():
            if key in DATE_COLUMNS:
                row[key] = None if pd.isna(value) else pd.Timestamp(value).date().isoformat()
            elif key in LIST_COLUMNS:
                row[key] = _as_list(value)
            elif pd.isna(value):
                row[key] = None
            elif hasattr(value, "item"):
                row[key] = value.item()
        records.append(row)
    return records


def to_json_bytes(events: pd.DataFrame) -> bytes:
    """A JSON array of event records: dates as ISO strings, actors and places as arrays."""
    return json.dumps(_records(events), ensure_ascii=False, indent=1).encode("utf-8")


def to_csv_bytes(events: pd.DataFrame) -> bytes:
    """CSV (UTF-8): dates as YYYY-MM-DD, actors and places "; "-joined."""
    frame = events.copy()
    for column in LIST_COLUMNS:
        frame[column] = frame[column].map(lambda v: LIST_SEPARATOR.join(_as_list(v)))
    for column in DATE_COLUMNS:
        frame[column] = frame[column].astype(schema.DATE_DTYPE).dt.strftime("%Y-%m-%d")  # pads years to 4 digits
    return frame.to_csv(index=False).encode("utf-8")


def check_format(path: Path, what: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{what} {path}: unknown format {suffix or '(no suffix)'}: want .csv, .json or .parquet")
    return suffix


def write_table(events: pd.DataFrame, path: str | Path) -> None:
    """Write the table in the format its suffix names: .csv, .json or .parquet."""
    path = Path(path)
    suffix = check_format(path, "cannot write")
    if suffix == ".csv":
        path.write_bytes(to_csv_bytes(events))
    elif suffix == ".json":
        path.write_bytes(to_json_bytes(events))
    else:
        frame = events.copy()
        for column in LIST_COLUMNS:
            frame[column] = frame[column].map(_as_list)
        frame.to_parquet(path, index=False)


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a table written by `write_table` back into the schema; ValueError naming the file if it is none."""
    path = Path(path)
    suffix = check_format(path, "cannot read")
    try:
        if suffix == ".csv":
            frame = pd.read_csv(path, keep_default_na=False, dtype=str)
        elif suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
                raise ValueError("want a JSON array of event objects")
            frame = pd.DataFrame(data, columns=schema.COLUMNS if not data else None)
        else:
            frame = pd.read_parquet(path)
        if "role" not in frame.columns and "event_id" in frame.columns:  # written before roles were told apart
            frame["role"], frame["role_reason"] = "event", "the file gives no role: taken as an event"
        missing = [name for name in schema.COLUMNS if name not in frame.columns]
        if missing:
            raise ValueError(f"not an event table: no column {', '.join(missing)}")
        for column in LIST_COLUMNS:
            split = (lambda v: v.split(LIST_SEPARATOR) if v else []) if suffix == ".csv" else _as_list
            frame[column] = pd.Series([split(v) for v in frame[column]], index=frame.index, dtype=object)
        for column in DATE_COLUMNS:
            days = pd.to_datetime(frame[column].replace({"": None}), format="ISO8601")  # microseconds: years 1-9999
            frame[column] = days.astype(schema.DATE_DTYPE)
        for column in INT_COLUMNS:
            frame[column] = pd.to_numeric(frame[column].replace({"": None}))
        return schema.conform(frame)
    except (OSError, ValueError, TypeError) as exc:  # pandas' and pyarrow's parse errors are ValueErrors too
        raise ValueError(f"cannot read {path} as an event table: {exc}") from None


# --------------------------------------------------------------------------- standalone HTML

HTML_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body {{ font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }}
h1 {{ font-size: 1.6rem; margin: 0 0 .3rem; }} .made {{ color: #555; margin: 0 0 1rem; font-size: .9rem; }}
.made li {{ margin: 0; }}</style></head>
<body><h1>{title}</h1><div class="made"><p>{made}</p>{filters}</div>
{chart}
</body></html>
"""


def to_html(figure: object, title: str, filters: list[str], made: str) -> bytes:
    """A chart people can hand on: one HTML file, plotly.js inline (it opens offline), headed by its title, the
    filters that made it and when it was made. ``figure`` is a Plotly figure; title and filters are escaped."""
    chart = figure.to_html(full_html=False, include_plotlyjs=True, default_width="100%",
                           config={"responsive": True, "displaylogo": False})
    listed = ("<ul>" + "".join(f"<li>{html.escape(f)}</li>" for f in filters) + "</ul>") if filters else \
        "<p>No filters: every event.</p>"
    return HTML_PAGE.format(title=html.escape(title), made=html.escape(made), filters=listed,
                            chart=chart).encode("utf-8")


# --------------------------------------------------------------------------- TimelineJS

_COARSE_MONTH = ("month", "season", "quarter", "half")
_COARSE_YEAR = ("year", "decade", "century")
_CLOCK = re.compile(r"T(\d{2}):(\d{2})")


def _tl_date(day: pd.Timestamp, granularity: str, value: str = "") -> dict[str, int]:
    """A TimelineJS date object at the expression's precision: a month has no day, a year no month,
    a clock time has its hour and minute."""
    date = {"year": int(day.year)}
    if granularity in _COARSE_YEAR:
        return date
    date["month"] = int(day.month)
    if granularity in _COARSE_MONTH:
        return date
    date["day"] = int(day.day)
    clock = _CLOCK.search(value or "")
    if granularity == "time" and clock:
        date["hour"], date["minute"] = int(clock.group(1)), int(clock.group(2))
    return date


def _shown(start: pd.Timestamp, end: pd.Timestamp, granularity: str) -> str:
    if granularity in _COARSE_YEAR:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if granularity in _COARSE_MONTH:
        first, last = f"{start:%B} {start.year}", f"{end:%B} {end.year}"  # "%Y" is not padded before year 1000
        return first if first == last else f"{first} – {last}"
    first, last = start.date().isoformat(), end.date().isoformat()
    return first if first == last else f"{first} – {last}"


def _source_html(outlet: str, title: str, url: str) -> str:
    label = html.escape(", ".join(part for part in (outlet, title) if part))
    if re.match(r"https?://", url or ""):
        return f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">{label or "source"}</a>'
    return label


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def to_timelinejs(events: pd.DataFrame, group_by: str = "outlet", title: str = "Timeline") -> dict[str, object]:
    """The Knight Lab TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html).

    One slide per happening (`timeline.events.happenings`: a cluster of reports), dated and labelled by
    its most precise report, with every article that reports it linked; reference dates (`role`
    "reference": "since 2022", "as of April") are left out, as the chart leaves them. ``group_by``
    "outlet" or "actor" (the sentence's first actor) fills the rows. TimelineJS renders text as HTML,
    so every piece of article text is escaped.
    """
    if group_by not in ("outlet", "actor"):
        raise ValueError(f"group_by must be 'outlet' or 'actor', not {group_by!r}")
    events = events[events["role"] != "reference"]
    items = []
    table = happenings(events)
    chosen = events.set_index("event_id").loc[table["event_id"]].reset_index() if len(table) else events
    for row, sources in zip(chosen.itertuples(index=False), table["sources"], strict=True):
        actors = _as_list(row.actors)
        group = _text(row.outlet) if group_by == "outlet" else (actors[0] if actors else "")
        start, end = pd.Timestamp(row.start), pd.Timestamp(row.end)
        granularity, value = _text(row.granularity), _text(row.timex_value)
        links = "".join(f"<li>{_source_html(_text(s['outlet']), _text(s['title']), _text(s['url']))}</li>"
                        for s in sources)
        also = f"<p>Reported by {len(sources)} articles:</p>" if len(sources) > 1 else ""
        shown, written = _shown(start, end, granularity), _text(row.timex_text)
        start_date, end_date = _tl_date(start, granularity, value), _tl_date(end, granularity, value)
        item: dict[str, object] = {
            "unique_id": _text(row.event_id),
            "start_date": start_date,
            "display_date": html.escape(shown if written in (shown, "") else f"{shown} ({written})"),
            "text": {
                "headline": html.escape(_text(row.headline)),
                "text": f"<p>{html.escape(_text(row.sentence))}</p>{also}<ul>{links}</ul>",
            },
        }
        if end_date != start_date:  # "in 2023" is one year, not a span from January 1 to December 31
            item["end_date"] = end_date
        if group:
            item["group"] = html.escape(group)
        items.append(item)
    if events.empty:
        subtitle = "No dated events."
    else:
        first, last = pd.Timestamp(events["start"].min()).date(), pd.Timestamp(events["end"].max()).date()
        articles = events["doc_id"].nunique()
        subtitle = (f"{len(items)} happening{'s' * (len(items) != 1)} from {articles} article{'s' * (articles != 1)}, "
                    f"{first} to {last}.")
    return {"title": {"text": {"headline": html.escape(title), "text": f"<p>{html.escape(subtitle)}</p>"}},
            "events": items}


def write_timelinejs(events: pd.DataFrame, path: str | Path, group_by: str = "outlet") -> None:
    """Write `to_timelinejs` as a UTF-8 JSON file, ready for ``new TL.Timeline(id, url)``."""
    Path(path).write_text(json.dumps(to_timelinejs(events, group_by), ensure_ascii=False, indent=1),
                          encoding="utf-8")
