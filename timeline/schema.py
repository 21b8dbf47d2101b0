"""The event table's schema: the one place that names and documents its columns.

Every producer (``timeline.events``) and consumer (export, chart, dashboard) of the
table refers to these names instead of spelling strings of its own.

Dates (`published`, `start`, `end`) are ``datetime64[s]``, not pandas' default nanoseconds:
nanoseconds only reach 1677-09-21 to 2262-04-11, and news names "1650", "the 11th century"
or "the year 9000"; seconds cover every day from year 1 to 9999, as ``datetime.date`` does.
Build such values without passing through nanoseconds (`day`, ``numpy.datetime64(d, "s")``);
compare them with ``pd.Timestamp(date)``, which holds any of those days.

`role` tells a dated event from a reference date: "the first talks since 2022" names 2022
only to bound or measure something else (see `timeline.events.roles`); `role_reason` says
which cue decided, so the role is explained as `rule` explains the dates.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

#: The dtype of the date columns: seconds, so that years 1 to 9999 all fit.
DATE_DTYPE = "datetime64[s]"

#: column name -> (pandas dtype, what it holds)
EVENT_COLUMNS: dict[str, tuple[str, str]] = {
    "event_id": ("string", "Stable id: a hash of doc_id, the expression's offsets and its text."),
    "doc_id": ("string", "The article's id (its file name, or the id given in a table)."),
    "title": ("string", "The article's title."),
    "outlet": ("string", "The publication that ran the article."),
    "url": ("string", "The article's address, when known."),
    "published": (DATE_DTYPE, "The article's publication date: the anchor of its relative dates."),
    "anchor_source": ("string", "Where `published` came from: metadata, user, document or inferred."),
    "sentence": ("string", "The sentence the time expression stands in (untrusted text)."),
    "sentence_start": ("Int64", "Offset of the sentence in the article text."),
    "headline": ("string", "A short label for the chart: the sentence cut to a few words."),
    "timex_text": ("string", "The time expression as written."),
    "timex_start": ("Int64", "Offset of the expression in the article text."),
    "timex_end": ("Int64", "End offset (exclusive) of the expression in the article text."),
    "timex_type": ("string", "TimeML type: DATE or TIME (durations and sets make no event)."),
    "timex_value": ("string", "ISO-TimeML TIMEX3 value, e.g. 2025-W07, 2025-05, 2025-02-12."),
    "granularity": ("string", "Precision of the range: day, weekend, week, month, quarter, season, year..."),
    "start": (DATE_DTYPE, "First day the expression covers (inclusive)."),
    "end": (DATE_DTYPE, "Last day the expression covers (inclusive)."),
    "relation": ("string", "Relation to publication: past, same day or future (planned)."),
    "rule": ("string", "How the date was resolved, naming the anchor: the explanation of `start`/`end`."),
    "role": ("string", "event (something happened then) or reference (the date only bounds or measures "
                       "something else: 'since 2022', 'as of April', 'until March')."),
    "role_reason": ("string", "Why the row has its role: the cue around the expression that decided."),
    "actors": ("object", "People and organizations in the sentence, canonical names (list of str)."),
    "people": ("object", "The actors who are people (the others are organizations), canonical names (list of str)."),
    "places": ("object", "Countries and cities in the sentence, canonical names (list of str)."),
    "cluster_id": ("string", "Events told by several articles share one cluster id."),
    "n_sources": ("Int64", "How many distinct articles report the event's cluster."),
    "merge_reason": ("string", "Why the row joined its cluster: the member it joined, the score, how the dates agree, "
                               "shared names, numbers and words; empty when it is its cluster's first report."),
}

COLUMNS: list[str] = list(EVENT_COLUMNS)
RELATIONS: tuple[str, ...] = ("past", "same day", "future")
ROLES: tuple[str, ...] = ("event", "reference")
DATE_COLUMNS: tuple[str, ...] = tuple(name for name, (dtype, _) in EVENT_COLUMNS.items() if dtype == DATE_DTYPE)
LIST_COLUMNS: tuple[str, ...] = tuple(name for name, (dtype, _) in EVENT_COLUMNS.items() if dtype == "object")
#: From the finest precision to the coarsest; used for ordering filters and legends.
GRANULARITIES: tuple[str, ...] = (
    "time", "day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century",
)


def day(date: dt.date) -> pd.Timestamp:
    """A calendar day as the table stores it, for any year from 1 to 9999 (never through nanoseconds)."""
    return pd.Timestamp(date).as_unit("s")


def empty_events() -> pd.DataFrame:
    """An event table with no rows but every column and dtype, so consumers need no special case."""
    return conform(pd.DataFrame({name: [] for name in COLUMNS}))


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """Order the columns as the schema says and give each its dtype; fail loudly on a missing column.

    List columns become Python objects (an empty frame would otherwise give them a float dtype).
    """
    missing = [name for name in COLUMNS if name not in frame.columns]
    if missing:
        raise ValueError(f"event table lacks columns: {', '.join(missing)}")
    frame = frame[COLUMNS].copy()
    for name, (dtype, _) in EVENT_COLUMNS.items():
        frame[name] = frame[name].astype(dtype)
    return frame.reset_index(drop=True)
