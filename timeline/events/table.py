"""Events: one row per dated time expression, with its sentence, actors, places and source;
the same event told by several articles shares a cluster.

The table's columns are defined and documented in `timeline.schema`.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

import pandas as pd

from timeline import schema
from timeline.documents import Document, LoadError
from timeline.entities import Mention, actors_and_places, find_entities, people_in
from timeline.events.labels import headline
from timeline.events.merge import cluster_events
from timeline.events.roles import role_of
from timeline.sentences import Sentence, is_boilerplate, sentence_key, split_sentences
from timeline.timex import MAX_TEXT_CHARS, Timex, find_timexes
from timeline.timex.tense import tense_at


def event_id(doc_id: str, timex: Timex) -> str:
    """Stable across runs: the same article and expression always get the same id."""
    key = f"{doc_id}|{timex.start_char}|{timex.end_char}|{timex.text}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


# --------------------------------------------------------------------------- relation to publication

_DAY_GRANULARITIES = ("day", "time")


def relation(doc: Document, timex: Timex) -> str:
    """Past, same day or future relative to publication.

    A range wholly before or after the publication date says it; a range around it goes by the
    tense of the expression's clause: a future marker ("will", "is to", "plans to", "starting",
    "ahead of", "upcoming"...) makes it future; otherwise the publication day itself is "same day"
    and a longer range (this week, this month) is past, what news mostly reports.
    """
    anchor = doc.published
    if anchor is None or timex.start is None or timex.end is None:
        raise ValueError("relation needs a dated expression and a publication date")
    if timex.end < anchor:
        return "past"
    if timex.start > anchor:
        return "future"
    tense = tense_at(doc.text, timex.start_char, timex.end_char)
    if tense.direction == "future" and tense.cue:
        return "future"
    if timex.granularity in _DAY_GRANULARITIES and timex.start == timex.end == anchor:
        return "same day"
    return "past"


# --------------------------------------------------------------------------- rows


def _sentence_at(sentences: Sequence[Sentence], starts: Sequence[int], offset: int) -> Sentence | None:
    i = bisect_right(starts, offset) - 1
    return sentences[i] if i >= 0 and offset < sentences[i].end_char else None


def document_events(doc: Document, mentions: Sequence[Mention]) -> list[dict[str, object]]:
    """The event rows of one article (none when it has no publication date)."""
    if doc.published is None:
        return []
    if len(doc.text) > MAX_TEXT_CHARS:
        raise ValueError(f"{doc.doc_id}: the text is {len(doc.text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    sentences = split_sentences(doc.text)
    starts = [s.start_char for s in sentences]
    published = schema.day(doc.published)
    rows = []
    seen: set[tuple[str, str, int]] = set()  # a sentence told twice (the headline repeated as the lead): one event
    nth: dict[int, int] = {}
    chrome: dict[int, bool] = {}
    for timex in find_timexes(doc.text, doc.published):
        if not timex.is_dated:  # a DURATION is dated only by the point it implies ("in two weeks")
            continue
        sentence = _sentence_at(sentences, starts, timex.start_char)
        if sentence is None:
            continue
        if sentence.start_char not in chrome:  # once per sentence, not per date in it
            chrome[sentence.start_char] = is_boilerplate(sentence.text)
        if chrome[sentence.start_char]:
            continue
        nth[sentence.start_char] = nth.get(sentence.start_char, -1) + 1
        key = (sentence_key(sentence.text), timex.value, nth[sentence.start_char])
        if key in seen:
            continue
        seen.add(key)
        actors, places = actors_and_places(mentions, sentence.start_char, sentence.end_char)
        span = (timex.start_char - sentence.start_char, timex.end_char - sentence.start_char)
        role = role_of(doc.text, timex, (sentence.start_char, sentence.end_char))
        rows.append({
            "event_id": event_id(doc.doc_id, timex), "doc_id": doc.doc_id, "title": doc.title, "outlet": doc.outlet,
            "url": doc.url, "published": published, "anchor_source": doc.anchor_source,
            "sentence": sentence.text, "sentence_start": sentence.start_char, "headline": headline(sentence.text, span),
            "timex_text": timex.text, "timex_start": timex.start_char, "timex_end": timex.end_char,
            "timex_type": timex.type, "timex_value": timex.value, "granularity": timex.granularity,
            "start": schema.day(timex.start), "end": schema.day(timex.end), "relation": relation(doc, timex),
            "rule": timex.rule, "role": role.role, "role_reason": role.reason, "actors": actors,
            "people": people_in(mentions, sentence.start_char, sentence.end_char), "places": places,
        })
    return rows


def extract_events(documents: Iterable[Document], *,
                   progress: Callable[[Document], None] | None = None) -> pd.DataFrame:
    """The event table of a corpus (see `timeline.schema`), with merged reports clustered.

    Documents without a publication date yield no rows (the caller reports them); ``progress`` is
    called once per document, after it is done. An article whose extraction fails yields no rows and
    a `LoadError` (its path or id, the reason) in ``frame.attrs["errors"]``; the others go on.
    """
    docs = list(documents)
    for doc in docs:
        if not isinstance(doc, Document):
            raise TypeError(f"extract_events wants Document objects, got {type(doc).__name__}")
    mentions = find_entities(docs)
    rows: list[dict[str, object]] = []
    failures: list[LoadError] = []
    for doc in docs:
        try:
            rows.extend(document_events(doc, mentions.get(doc.doc_id, [])))
        except Exception as exc:  # one article's failure never ends the batch: it is reported instead
            failures.append(LoadError(doc.where, f"no events extracted ({type(exc).__name__}: {exc})"))
        if progress:
            progress(doc)
    if not rows:
        frame = schema.empty_events()
    else:
        frame = pd.DataFrame(rows)
        clusters = cluster_events(frame)
        frame["cluster_id"], frame["n_sources"], frame["merge_reason"] = (
            clusters.cluster_id, clusters.n_sources, clusters.merge_reason)
        frame = schema.conform(frame.sort_values(["start", "end", "doc_id", "timex_start"], kind="stable"))
    frame.attrs["errors"] = failures
    return frame
