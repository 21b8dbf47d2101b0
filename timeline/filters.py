"""Filtering the event table: the dashboard's sidebar as a pure function, testable without Streamlit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from timeline import schema


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty tuples mean "no restriction"."""

    start: dt.date | None = None  # keep events whose range ends on or after this day
    end: dt.date | None = None  # ...and starts on or before this one
    outlets: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    keyword: str = ""
    granularities: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    merge: bool = False


def _any_of(values: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    chosen = set(wanted)
    return values.map(lambda names: bool(chosen.intersection(names)))


def filter_events(events: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The events the filters keep; merged into one row per cluster when ``filters.merge``."""
    keep = pd.Series(True, index=events.index)
    if filters.start is not None:
        keep &= events["end"] >= pd.Timestamp(filters.start)
    if filters.end is not None:
        keep &= events["start"] <= pd.Timestamp(filters.end)
    if filters.outlets:
        keep &= events["outlet"].isin(filters.outlets)
    if filters.actors:
        keep &= _any_of(events["actors"], filters.actors)
    if filters.places:
        keep &= _any_of(events["places"], filters.places)
    if filters.keyword.strip():
        keep &= events["sentence"].str.contains(filters.keyword.strip(), case=False, regex=False)
    if filters.granularities:
        keep &= events["granularity"].isin(filters.granularities)
    if filters.relations:
        keep &= events["relation"].isin(filters.relations)
    kept = events[keep]
    return merge_reports(kept) if filters.merge else kept


def merge_reports(events: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster: its earliest-published report, with the outlets of all its reports."""
    if events.empty:
        return events
    ordered = events.sort_values(["published", "doc_id", "timex_start"], kind="stable")
    first = ordered.drop_duplicates("cluster_id").set_index("cluster_id")
    outlets = ordered.groupby("cluster_id")["outlet"].agg(lambda o: ", ".join(dict.fromkeys(o)))
    first["outlet"] = outlets.loc[first.index]
    return schema.conform(first.reset_index().sort_values(["start", "doc_id", "timex_start"], kind="stable"))


def options(events: pd.DataFrame, column: str) -> list[str]:
    """The distinct values of a column (list columns flattened), sorted, for a filter's choices."""
    values = events[column]
    if column in ("actors", "places"):
        return sorted({name for names in values for name in names})
    if column == "granularity":
        present = set(values.dropna())
        return [g for g in schema.GRANULARITIES if g in present] + sorted(present - set(schema.GRANULARITIES))
    return sorted(set(values.dropna().astype(str)))
