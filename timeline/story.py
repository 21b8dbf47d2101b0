"""Scoring an event table against a story's gold: which mentions report one happening, who and where.

A story folder holds articles (the `seeds/` layout) and a `gold.json`:

* ``events``: happenings, each with its ``mentions`` (``doc``, the ``timex`` as written, and a ``quote``
  that picks the sentence out of the article). A mention is found when a row of the article has a sentence
  containing the quote and a time expression overlapping the gold one.
* ``entities``: for sentences that carry a date, the ``actors`` and ``places`` a careful reader tags.
* ``aliases``: canonical name -> variants, so "UAW" and "United Auto Workers" score as one.

Merging is scored as a reader sees it: a happening reported by two or more articles is *merged* when every
one of its mentions is found and all share one cluster; a *false merge* is a cluster that holds mentions
of two different happenings.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from timeline.evaluation import PRF


@dataclass(frozen=True)
class MergeScore:
    """How the clusters of an event table match a story's happenings."""

    multi_article: int  # happenings that two or more articles report
    merged: int  # of those, every mention found and in one cluster
    mentions: int  # gold mentions of all happenings
    found: int  # gold mentions with a row
    false_merges: list[tuple[str, str]]  # pairs of happenings sharing a cluster
    split: dict[str, int]  # happening -> number of clusters its found mentions sit in (multi-article ones)
    missed: list[tuple[str, str, str]]  # (happening, doc, timex) of mentions without a row

    @property
    def merged_share(self) -> float:
        return self.merged / self.multi_article if self.multi_article else 1.0


@dataclass(frozen=True)
class EntityScore:
    """The names on rows against what a reader tags in the same sentences (a name counts as matched both ways)."""

    counts: PRF
    errors: list[dict[str, object]]  # per sentence: missing and extra names

    @property
    def precision(self) -> float:
        return self.counts.precision

    @property
    def recall(self) -> float:
        return self.counts.recall


def load_gold(folder: str | Path) -> dict[str, object]:
    return json.loads((Path(folder) / "gold.json").read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _overlaps(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a) and bool(b) and (a in b or b in a)


def sentence_rows(events: pd.DataFrame, doc: str, quote: str) -> pd.DataFrame:
    """The rows of ``doc`` whose sentence contains ``quote``."""
    wanted = _norm(quote)
    return events[(events["doc_id"] == doc) & events["sentence"].map(lambda s: wanted in _norm(str(s)))]


def find_mention(events: pd.DataFrame, doc: str, timex: str, quote: str) -> pd.Series | None:
    """The row of ``doc`` whose sentence contains ``quote`` and whose expression overlaps ``timex``."""
    rows = sentence_rows(events, doc, quote)
    rows = rows[rows["timex_text"].map(lambda t: _overlaps(str(t), timex))]
    if rows.empty:
        return None
    exact = rows[rows["timex_text"].map(_norm) == _norm(timex)]
    return (exact if not exact.empty else rows).iloc[0]


def score_merges(events: pd.DataFrame, gold: Mapping[str, object]) -> MergeScore:
    """Merged happenings, false merges and missed mentions of ``events`` against ``gold["events"]``."""
    clusters_of: dict[str, set[str]] = defaultdict(set)  # happening -> clusters of its found mentions
    happenings_in: dict[str, set[str]] = defaultdict(set)  # cluster -> happenings with a mention in it
    missed: list[tuple[str, str, str]] = []
    multi, merged, mentions, found = 0, 0, 0, 0
    split: dict[str, int] = {}
    for happening in gold["events"]:  # type: ignore[union-attr]
        hid = happening["id"]
        docs = {m["doc"] for m in happening["mentions"]}
        complete = True
        for m in happening["mentions"]:
            mentions += 1
            row = find_mention(events, m["doc"], m["timex"], m["quote"])
            if row is None:
                missed.append((hid, m["doc"], m["timex"]))
                complete = False
                continue
            found += 1
            clusters_of[hid].add(row["cluster_id"])
            happenings_in[row["cluster_id"]].add(hid)
        if len(docs) >= 2:
            multi += 1
            split[hid] = len(clusters_of[hid])
            if complete and len(clusters_of[hid]) == 1:
                merged += 1
    false = sorted({tuple(sorted(pair)) for ids in happenings_in.values() if len(ids) > 1
                    for pair in _pairs(sorted(ids))})
    return MergeScore(multi, merged, mentions, found, false, split, missed)


def _pairs(items: list[str]) -> Iterable[tuple[str, str]]:
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            yield a, b


def _canonical(aliases: Mapping[str, Iterable[str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, variants in aliases.items():
        for variant in (name, *variants):
            table[_norm(variant)] = _norm(name)
    return table


def score_entities(events: pd.DataFrame, gold: Mapping[str, object]) -> EntityScore:
    """Names on the rows of each gold sentence against the reader's tags, matched through the aliases.

    A sentence with no row counts its gold names as missed: a reader sees names only on events.
    """
    canonical = _canonical(gold.get("aliases", {}))  # type: ignore[arg-type]

    def names(values: Iterable[str]) -> set[str]:
        return {canonical.get(_norm(v), _norm(v)) for v in values}

    tp = predicted = total = 0
    errors: list[dict[str, object]] = []
    for item in gold["entities"]:  # type: ignore[union-attr]
        rows = sentence_rows(events, item["doc"], item["quote"])
        for kind in ("actors", "places"):
            want = names(item.get(kind, []))
            got = names(n for value in rows[kind] for n in value) if not rows.empty else set()
            tp += len(want & got)
            predicted += len(got)
            total += len(want)
            if want != got:
                errors.append({"doc": item["doc"], "quote": item["quote"], "kind": kind,
                               "missing": sorted(want - got), "extra": sorted(got - want)})
    return EntityScore(PRF(tp, predicted, tp, total), errors)
