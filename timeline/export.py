"""Export: the event table as CSV, JSON, Parquet and Knight Lab TimelineJS; and the ``extract`` command.

Lists (actors, places) are JSON arrays in JSON, native lists in Parquet and "; "-joined in CSV;
`read_table` reads each back into the schema.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import sys
from pathlib import Path

import pandas as pd

from timeline import schema

LIST_COLUMNS = ("actors", "places")
DATE_COLUMNS = ("published", "start", "end")
LIST_SEPARATOR = "; "


def _records(events: pd.DataFrame) -> list[dict[str, object]]:
    records = []
    for row in events.to_dict(orient="records"):
        for key, value in row.items():
            if key in DATE_COLUMNS:
                row[key] = None if pd.isna(value) else pd.Timestamp(value).date().isoformat()
            elif key in LIST_COLUMNS:
                row[key] = list(value) if isinstance(value, (list, tuple)) else []
            elif not isinstance(value, (list, tuple)) and pd.isna(value):
                row[key] = None
            elif hasattr(value, "item"):
                row[key] = value.item()
        records.append(row)
    return records


def to_json_bytes(events: pd.DataFrame) -> bytes:
    """A JSON array of events, dates as ISO strings, actors and places as arrays."""
    return json.dumps(_records(events), ensure_ascii=False, indent=1).encode("utf-8")


def to_csv_bytes(events: pd.DataFrame) -> bytes:
    frame = events.copy()
    for column in LIST_COLUMNS:
        frame[column] = frame[column].map(lambda v: LIST_SEPARATOR.join(v) if isinstance(v, (list, tuple)) else "")
    for column in DATE_COLUMNS:
        frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    return frame.to_csv(index=False).encode("utf-8")


def write_table(events: pd.DataFrame, path: str | Path) -> None:
    """Write the table in the format its suffix names: .csv, .json or .parquet."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        path.write_bytes(to_csv_bytes(events))
    elif suffix == ".json":
        path.write_bytes(to_json_bytes(events))
    elif suffix == ".parquet":
        frame = events.copy()
        for column in LIST_COLUMNS:
            frame[column] = frame[column].map(list)
        frame.to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown output format {suffix or '(none)'}: want .csv, .json or .parquet")


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a table written by `write_table` back into the schema."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = pd.read_csv(path, keep_default_na=False, dtype=str)
        for column in LIST_COLUMNS:
            frame[column] = frame[column].map(lambda v: v.split(LIST_SEPARATOR) if v else [])
    elif suffix == ".json":
        frame = pd.DataFrame(json.loads(path.read_text(encoding="utf-8")), columns=schema.COLUMNS)
    elif suffix == ".parquet":
        frame = pd.read_parquet(path)
        for column in LIST_COLUMNS:
            frame[column] = frame[column].map(list)
    else:
        raise ValueError(f"unknown table format {suffix or '(none)'}: want .csv, .json or .parquet")
    for column in DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column])
    for column in ("sentence_start", "timex_start", "timex_end", "n_sources"):
        frame[column] = pd.to_numeric(frame[column])
    frame = frame.replace({"": None}) if suffix == ".csv" else frame
    for column in LIST_COLUMNS:
        frame[column] = frame[column].map(lambda v: v if isinstance(v, list) else [])
    return schema.conform(frame)


# --------------------------------------------------------------------------- TimelineJS


def _tl_date(day: pd.Timestamp, granularity: str) -> dict[str, int]:
    """A TimelineJS date object at the expression's precision: a month has no day, a year no month."""
    date = {"year": int(day.year)}
    if granularity not in ("year", "decade", "century"):
        date["month"] = int(day.month)
        if granularity not in ("month", "quarter", "half", "season"):
            date["day"] = int(day.day)
    return date


def to_timelinejs(events: pd.DataFrame, group_by: str = "outlet", title: str = "Timeline") -> dict[str, object]:
    """The Knight Lab TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html).

    TimelineJS renders text as HTML, so every piece of article text is escaped.
    """
    items = []
    for row in events.itertuples(index=False):
        group = row.outlet if group_by == "outlet" else (row.actors[0] if len(row.actors) else "")
        start, end = pd.Timestamp(row.start), pd.Timestamp(row.end)
        shown = start.date().isoformat() if start == end else f"{start.date()} – {end.date()}"
        item: dict[str, object] = {
            "unique_id": row.event_id,
            "start_date": _tl_date(start, row.granularity),
            "display_date": f"{html.escape(row.timex_text)}: {shown}",
            "text": {
                "headline": html.escape(row.headline),
                "text": (f"<p>{html.escape(row.sentence)}</p><p><i>{html.escape(row.outlet or '')}"
                         f"{', ' if row.outlet else ''}{html.escape(row.title or '')}</i></p>"),
            },
            "group": html.escape(str(group or "")),
        }
        if start != end:
            item["end_date"] = _tl_date(end, row.granularity)
        items.append(item)
    return {"title": {"text": {"headline": html.escape(title)}}, "events": items}


def write_timelinejs(events: pd.DataFrame, path: str | Path, group_by: str = "outlet") -> None:
    Path(path).write_text(json.dumps(to_timelinejs(events, group_by), ensure_ascii=False, indent=1), encoding="utf-8")


# --------------------------------------------------------------------------- command line


def _anchors(pairs: list[str]) -> dict[str, dt.date]:
    from timeline.documents import parse_date

    anchors = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ValueError(f"--anchor wants FILE=YYYY-MM-DD, got {pair!r}")
        anchors[name] = parse_date(value, f"--anchor {name}")
        anchors[Path(name).name] = anchors[name]
    return anchors


def run_cli(args: argparse.Namespace) -> int:
    """``python -m timeline extract PATH... --out FILE``: one clear line per problem, the batch goes on."""
    from tqdm import tqdm

    from timeline.documents import load_corpus
    from timeline.events import extract_events

    try:
        anchors = _anchors(args.anchor)
        if Path(args.out).suffix.lower() not in (".csv", ".json", ".parquet"):
            raise ValueError(f"--out {args.out}: want a .csv, .json or .parquet file")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    loaded = load_corpus(args.paths, anchors)
    for error in loaded.errors:
        print(f"skipped {error}", file=sys.stderr)
    for doc in loaded.documents:
        if doc.published is None:
            print(f"no publication date for {doc.path or doc.doc_id}: give one with --anchor {doc.doc_id}=YYYY-MM-DD",
                  file=sys.stderr)
    show = not args.no_progress and sys.stderr.isatty()
    with tqdm(total=len(loaded.documents), unit="article", disable=not show) as bar:
        events = extract_events(loaded.documents, progress=lambda _: bar.update())
    write_table(events, args.out)
    if args.timelinejs:
        write_timelinejs(events, args.timelinejs, group_by=args.group)
    print(f"{len(events)} events from {len(loaded.documents)} articles -> {args.out}", file=sys.stderr)
    return 0 if loaded.documents else 1
