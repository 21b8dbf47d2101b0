"""Merging: reports of one happening, across articles, share a cluster."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

#: Two reports of different articles merge when their ranges overlap and they score this or more (0-100).
#: On the seeds the same events told twice score 20-82, different events with overlapping dates at most 15.
MERGE_THRESHOLD = 18.0
#: Words on each side of the expression that make its local context (the clause the event is told in).
WINDOW_WORDS = 6

_STOP = frozenset("""a an the of to in on at for by with from and or but as is are was were be been being has have had
do does did that this these those it its their them they he she his her him we our you your i me my which who whom
whose what when where while how will would could should may might can must shall said says say also not no nor than
then there here about into over after before since until during more most some any such only other own same so very
just now all both each few many much one two three four five six seven eight nine ten""".split())
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _stem(word: str) -> str:
    """A crude English stem, enough for "reports"/"reported"/"report" to meet."""
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)] + replacement
    return word


def _words(text: str) -> list[str]:
    return [_stem(w) for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOP and len(w) > 2
            and not w.isdigit()]


@dataclass(frozen=True)
class _Report:
    """What two reports are compared on: the sentence's content words and names, and those near the date.

    Two reports score 0-100: the better of the two sets' Dice overlap, each word weighted by its
    rarity among the corpus's reports (in a corpus about Ukraine, "Ukraine" says little).
    """

    sentence: frozenset[str]
    window: frozenset[str]


def _report(sentence: str, start: int, end: int, actors: Sequence[str], places: Sequence[str]) -> _Report:
    """``start``/``end``: the expression inside the sentence; its own words are left out (they matched already)."""
    before, after = _words(sentence[:start]), _words(sentence[end:])
    names = {"@" + name.lower() for name in (*actors, *places)}
    return _Report(frozenset(before + after) | names,
                   frozenset(before[-WINDOW_WORDS:] + after[:WINDOW_WORDS]))


def cluster_events(frame: pd.DataFrame) -> tuple[list[str], list[int]]:
    """Cluster ids and source counts: reports of different articles with overlapping ranges and alike sentences.

    Identical sentences with the same range in different articles (syndicated copies) merge at once;
    the rest are compared pairwise when their ranges overlap and they share a word, and merged best
    pair first (union-find). Events of one article are never merged together, so a cluster holds at
    most one event per article. The cluster id is the smallest event id of its members.
    """
    n = len(frame)
    doc_ids = frame["doc_id"].tolist()
    starts = frame["start"].to_numpy(dtype="datetime64[s]").astype("int64").tolist()  # seconds: years 1 to 9999 fit
    ends = frame["end"].to_numpy(dtype="datetime64[s]").astype("int64").tolist()
    reports = [
        _report(s, ts - ss, te - ss, actors, places)
        for s, ss, ts, te, actors, places in zip(frame["sentence"], frame["sentence_start"], frame["timex_start"],
                                                 frame["timex_end"], frame["actors"], frame["places"], strict=True)]
    # Units: identical reports of one range, at most one per article (a second copy in an article starts another).
    units: list[list[int]] = []
    layers: dict[tuple[object, ...], list[int]] = {}
    for i in range(n):
        key = (starts[i], ends[i], reports[i].sentence)
        stack = layers.setdefault(key, [])
        for u in stack:
            if all(doc_ids[j] != doc_ids[i] for j in units[u]):
                units[u].append(i)
                break
        else:
            stack.append(len(units))
            units.append([i])
    parent = list(range(len(units)))
    members_docs = [{doc_ids[i] for i in unit} for unit in units]

    def find(u: int) -> int:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for _, u, v in _candidate_pairs(units, reports, starts, ends):
        ru, rv = find(u), find(v)
        if ru != rv and not (members_docs[ru] & members_docs[rv]):
            parent[ru] = rv
            members_docs[rv] |= members_docs[ru]
    ids = frame["event_id"].tolist()
    smallest: dict[int, str] = {}
    for u, unit in enumerate(units):
        root = find(u)
        smallest[root] = min([smallest.get(root, ids[unit[0]]), *(ids[i] for i in unit)])
    cluster, sources = [""] * n, [0] * n
    for u, unit in enumerate(units):
        root = find(u)
        for i in unit:
            cluster[i], sources[i] = "c-" + smallest[root], len(members_docs[root])
    return cluster, sources


def _candidate_pairs(units: list[list[int]], reports: list[_Report], starts: list[int],
                     ends: list[int]) -> list[tuple[float, int, int]]:
    """Scored pairs of units with overlapping ranges, those at the threshold or above, best first.

    Only pairs sharing a word that is not in a large share of the reports are scored, so a large
    corpus is not compared all against all; such common words weigh almost nothing anyway.
    """
    first = [reports[unit[0]] for unit in units]
    df = Counter(w for report in first for w in report.sentence)
    total = len(first)
    idf = {word: math.log((total + 1) / (count + 1)) + 1 for word, count in df.items()}
    sentence_weight = [sum(idf[w] for w in r.sentence) for r in first]
    window_weight = [sum(idf[w] for w in r.window) for r in first]
    cap = max(50, total // 20)
    postings: dict[str, list[int]] = {}
    for u, report in enumerate(first):
        for word in report.sentence:
            if df[word] <= cap:
                postings.setdefault(word, []).append(u)
    pairs = []
    for u, a in enumerate(first):
        i = units[u][0]
        seen: set[int] = set()
        for word in a.sentence:
            for v in postings.get(word, ()):
                if v <= u or v in seen:
                    continue
                seen.add(v)
                j = units[v][0]
                if starts[j] > ends[i] or starts[i] > ends[j]:
                    continue
                b = first[v]
                whole = sentence_weight[u] + sentence_weight[v]
                near = window_weight[u] + window_weight[v]
                score = 200 * max(sum(idf[w] for w in a.sentence & b.sentence) / whole if whole else 0.0,
                                  sum(idf[w] for w in a.window & b.window) / near if near else 0.0)
                if score >= MERGE_THRESHOLD:
                    pairs.append((score, u, v))
    return sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))
