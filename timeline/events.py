"""Events: one row per dated time expression, with its sentence, actors, places and source;
the same event told by several articles shares a cluster.

The table's columns are defined and documented in `timeline.schema`.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

import pandas as pd
from rapidfuzz import fuzz

from timeline import schema
from timeline.documents import Document
from timeline.entities import Mention, actors_and_places, find_entities
from timeline.sentences import Sentence, is_boilerplate, split_sentences
from timeline.tense import tense_at
from timeline.timex import Timex, find_timexes

#: Two events of different articles merge when their ranges overlap and their sentences score this or more.
MERGE_THRESHOLD = 60


def event_id(doc_id: str, timex: Timex) -> str:
    """Stable across runs: the same article and expression always get the same id."""
    key = f"{doc_id}|{timex.start_char}|{timex.end_char}|{timex.text}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def headline(sentence: str, words: int = 14) -> str:
    """A short chart label: the sentence's first words, cut at a word boundary."""
    text = re.sub(r"\s+", " ", sentence.strip().strip("\"“”'‘’")).strip()
    tokens = text.split(" ")
    if len(tokens) <= words:
        return text.rstrip(".")
    return " ".join(tokens[:words]).rstrip(",;:") + "…"


def relation(doc: Document, timex: Timex) -> str:
    """Past, same day or future relative to publication; a range around it goes by the sentence's tense."""
    assert doc.published is not None and timex.start is not None and timex.end is not None
    if timex.end < doc.published:
        return "past"
    if timex.start > doc.published:
        return "future"
    tense = tense_at(doc.text, timex.start_char, timex.end_char)
    if tense.direction == "future" and tense.cue:
        return "future"
    if timex.start == timex.end or not tense.cue:
        return "same day"
    return "past"


def _sentence_at(sentences: Sequence[Sentence], starts: Sequence[int], offset: int) -> Sentence | None:
    i = bisect_right(starts, offset) - 1
    return sentences[i] if i >= 0 and offset < sentences[i].end_char else None


def document_events(doc: Document, mentions: Sequence[Mention]) -> list[dict[str, object]]:
    """The event rows of one article (none when it has no publication date)."""
    if doc.published is None:
        return []
    sentences = split_sentences(doc.text)
    starts = [s.start_char for s in sentences]
    rows = []
    for timex in find_timexes(doc.text, doc.published):
        if not timex.is_dated or timex.type not in ("DATE", "TIME"):
            continue
        sentence = _sentence_at(sentences, starts, timex.start_char)
        if sentence is None or is_boilerplate(sentence.text):
            continue
        actors, places = actors_and_places(mentions, sentence.start_char, sentence.end_char)
        rows.append({
            "event_id": event_id(doc.doc_id, timex), "doc_id": doc.doc_id, "title": doc.title, "outlet": doc.outlet,
            "url": doc.url, "published": pd.Timestamp(doc.published), "anchor_source": doc.anchor_source,
            "sentence": sentence.text, "sentence_start": sentence.start_char, "headline": headline(sentence.text),
            "timex_text": timex.text, "timex_start": timex.start_char, "timex_end": timex.end_char,
            "timex_type": timex.type, "timex_value": timex.value, "granularity": timex.granularity,
            "start": pd.Timestamp(timex.start), "end": pd.Timestamp(timex.end), "relation": relation(doc, timex),
            "rule": timex.rule, "actors": actors, "places": places,
        })
    return rows


def extract_events(documents: Iterable[Document], *,
                   progress: Callable[[Document], None] | None = None) -> pd.DataFrame:
    """The event table of a corpus (see `timeline.schema`), with merged reports clustered."""
    docs = list(documents)
    mentions = find_entities(docs)
    rows: list[dict[str, object]] = []
    for doc in docs:
        rows.extend(document_events(doc, mentions.get(doc.doc_id, [])))
        if progress:
            progress(doc)
    if not rows:
        return schema.empty_events()
    frame = pd.DataFrame(rows)
    frame["cluster_id"], frame["n_sources"] = cluster_events(frame)
    return schema.conform(frame.sort_values(["start", "doc_id", "timex_start"], kind="stable"))


# --------------------------------------------------------------------------- merged reports


_STOP = frozenset("""a an the of to in on at for by with from and or but as is are was were be been has have had
that this these those it its their they he she his her which who will would said says this week next last""".split())


def _content(sentence: str, timex_text: str) -> str:
    """The sentence's content words, without the time expression that made it comparable in the first place."""
    words = re.findall(r"[a-z0-9]+", sentence.lower().replace(timex_text.lower(), " "))
    return " ".join(w for w in words if w not in _STOP and len(w) > 2)


def similarity(a: pd.Series, b: pd.Series) -> float:
    """How alike two event rows read: shared content words, with bonuses for shared actors and places
    and for the very same period (same TIMEX3 value) reported by articles of the same day."""
    score = fuzz.token_set_ratio(_content(a["sentence"], a["timex_text"]), _content(b["sentence"], b["timex_text"]))
    shared = len(set(a["actors"]) & set(b["actors"])) + len(set(a["places"]) & set(b["places"]))
    same_report = a["timex_value"] == b["timex_value"] and a["published"] == b["published"]
    return min(100.0, score + 5 * shared + 15 * same_report)


def cluster_events(frame: pd.DataFrame) -> tuple[list[str], list[int]]:
    """Cluster ids and source counts: reports of different articles with overlapping ranges and alike sentences.

    Identical sentences with the same range (syndicated copies) merge at once; the rest are compared
    pairwise within overlapping ranges. A cluster never takes two events of one article unless they are
    the same sentence (a headline repeated as the lead).
    """
    keys = [f"{s}|{e}|{_content(t, x)}" for s, e, t, x in zip(frame["start"], frame["end"], frame["sentence"],
                                                            frame["timex_text"], strict=True)]
    parent: dict[int, int] = {}
    docs: dict[int, set[str]] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of: dict[str, int] = {}
    for i, key in enumerate(keys):
        docs.setdefault(i, {frame["doc_id"].iat[i]})
        j = first_of.setdefault(key, i)
        if j != i:
            ri, rj = find(i), find(j)
            parent[ri] = rj
            docs[rj] |= docs.pop(ri, set())
    reps = sorted(set(first_of.values()), key=lambda i: frame["start"].iat[i])
    pairs = []
    for n, i in enumerate(reps):
        for j in reps[n + 1:]:
            if frame["start"].iat[j] > frame["end"].iat[i]:
                break
            if frame["doc_id"].iat[i] == frame["doc_id"].iat[j]:
                continue
            score = similarity(frame.iloc[i], frame.iloc[j])
            if score >= MERGE_THRESHOLD:
                pairs.append((score, i, j))
    for _, i, j in sorted(pairs, reverse=True):
        ri, rj = find(i), find(j)
        if ri != rj and not (docs[ri] & docs[rj]):
            parent[ri] = rj
            docs[rj] |= docs.pop(ri)
    roots = [find(i) for i in range(len(frame))]
    ids = frame["event_id"].tolist()
    members: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        members.setdefault(root, []).append(i)
    cluster_of = {root: "c-" + min(ids[i] for i in group) for root, group in members.items()}
    return [cluster_of[r] for r in roots], [len(docs[r]) for r in roots]
