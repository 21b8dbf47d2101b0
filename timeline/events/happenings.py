"""Happenings: one row per cluster of the event table, what a reader means by "an event".

A function over the event table (its `cluster_id` groups the mentions of one happening), not a second
pipeline: the rows keep their own dates, and a happening takes its date from its most precise mention
("on Sunday" tells more than "this week"). Among equally precise mentions the most central one, whose
range most mentions share, gives the label; then the earliest published.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

#: Columns of `happenings`, with what each holds.
HAPPENING_COLUMNS: dict[str, str] = {
    "cluster_id": "The cluster's id (`cluster_id` of its mentions).",
    "event_id": "The mention that dates and labels the happening: the most precise, then most central.",
    "start": "First day of that mention's range (inclusive).",
    "end": "Last day of that mention's range (inclusive).",
    "granularity": "That mention's precision (day, week, month...).",
    "timex_text": "That mention's time expression, as written.",
    "label": "That mention's headline.",
    "sentence": "That mention's sentence (untrusted text).",
    "n_sources": "How many distinct articles report the happening.",
    "n_mentions": "How many rows (dated mentions) the happening has.",
    "sources": "One dict per article, earliest published first: doc_id, outlet, title, url, published.",
    "outlets": "The distinct outlets, in the order of `sources`.",
    "event_ids": "Every member row's event id.",
    "first_published": "When the first article reporting it was published.",
}


def happenings(events: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster of ``events`` (columns: `HAPPENING_COLUMNS`), ordered by date."""
    if events.empty:
        return pd.DataFrame({name: [] for name in HAPPENING_COLUMNS})
    frame = events.assign(_span=(events["end"] - events["start"]),
                          _shared=events.groupby(["cluster_id", "start", "end"])["event_id"].transform("size"))
    ordered = frame.sort_values(["cluster_id", "_span", "_shared", "published", "event_id"],
                                ascending=[True, True, False, True, True], kind="stable")
    best = ordered.drop_duplicates("cluster_id").set_index("cluster_id")
    by_time = frame.sort_values(["published", "doc_id", "timex_start"], kind="stable")
    articles = by_time.drop_duplicates(["cluster_id", "doc_id"])
    sources: dict[str, list[dict[str, object]]] = defaultdict(list)  # one pass over plain lists: a pandas group
    for cluster, doc_id, outlet, title, url, published in zip(  # per cluster costs a minute at 50,000 events
            *(articles[c].tolist() for c in ("cluster_id", "doc_id", "outlet", "title", "url", "published")),
            strict=True):
        sources[cluster].append({"doc_id": doc_id, "outlet": outlet, "title": title, "url": url,
                                 "published": published})
    members: dict[str, list[str]] = defaultdict(list)
    for cluster, event in zip(by_time["cluster_id"].tolist(), by_time["event_id"].tolist(), strict=True):
        members[cluster].append(event)
    index = best.index
    table = pd.DataFrame({
        "cluster_id": index,
        "event_id": best["event_id"].to_numpy(),
        "start": best["start"].to_numpy(),
        "end": best["end"].to_numpy(),
        "granularity": best["granularity"].to_numpy(),
        "timex_text": best["timex_text"].to_numpy(),
        "label": best["headline"].to_numpy(),
        "sentence": best["sentence"].to_numpy(),
        "n_sources": [len(sources[c]) for c in index],
        "n_mentions": [len(members[c]) for c in index],
        "sources": [sources[c] for c in index],
        "outlets": [list(dict.fromkeys(str(s["outlet"]) for s in sources[c] if pd.notna(s["outlet"])))
                    for c in index],
        "event_ids": [members[c] for c in index],
        "first_published": [sources[c][0]["published"] for c in index],
    })
    return table.sort_values(["start", "end", "cluster_id"], kind="stable").reset_index(drop=True)
