"""Events: one row per dated time expression, with its sentence, actors, places and source;
the same event told by several articles shares a cluster.

The table's columns are defined and documented in `timeline.schema`.
"""

from __future__ import annotations

import hashlib
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from timeline import schema
from timeline.documents import Document
from timeline.entities import Mention, actors_and_places, find_entities
from timeline.sentences import Sentence, is_boilerplate, split_sentences
from timeline.timex import MAX_TEXT_CHARS, Timex, find_timexes
from timeline.timex.tense import tense_at

#: Two reports of different articles merge when their ranges overlap and they score this or more (0-100).
#: On the seeds the same events told twice score 20-82, different events with overlapping dates at most 15.
MERGE_THRESHOLD = 18.0
#: Words on each side of the expression that make its local context (the clause the event is told in).
WINDOW_WORDS = 6
HEADLINE_WORDS = 12


def event_id(doc_id: str, timex: Timex) -> str:
    """Stable across runs: the same article and expression always get the same id."""
    key = f"{doc_id}|{timex.start_char}|{timex.end_char}|{timex.text}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


# --------------------------------------------------------------------------- headline

_FUNCTION_END = frozenset(
    "a an the of to in on at by for with from and or but as that which who whom whose its their his her "
    "this these those into over about than is are was were be been has have had will would".split())
_LEAD_WORDS = (r"on|in|over|during|at|by|since|until|after|before|earlier|later|last|this|next|as of|"
               r"as early as|according to|meanwhile|however|separately|also|then|yesterday|today|tonight")
_LEAD_IN = re.compile(rf"^(?:{_LEAD_WORDS})\b[^,;:\"“”]{{0,60}},\s+(?=\S)", re.IGNORECASE)
_BEFORE_TIMEX = re.compile(rf"^(?:(?:{_LEAD_WORDS}|the|of)\s+)*$", re.IGNORECASE)
#: ", who ..." / ", which ..." / ", sent by ..." (a passive participle): a clause hung on the name before it.
_RELATIVE = re.compile(r",\s+(?:(?:who|which)\s+|(?=[a-z]+\s+by\s))", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|von|van|der|de|del|da|al|bin|ibn|la|le)$")
_NOUN_PHRASE = re.compile(r"\b(?:the|a|an|this|that)(?:\s+[\w’'-]+){1,3}$", re.IGNORECASE)
_QUOTED = re.compile(r"^[\"“‘']\s*(?P<quote>.+?)[,.]?\s*[\"”’']\s*,?\s+(?P<tail>[^,;]{3,120}?)\s*(?:[,;]|\.?$)")
_SPEECH = re.compile(r"\b(?:said|says|told|tells|stated|added|noted|remarked|wrote|asked|warned|suggests|suggested|"
                     r"according to|explained|insisted|declared|announced)\b")
_CLAUSE_END = re.compile(r"[,;:]|\s[–—-]\s")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _antecedent(before: str) -> str:
    """The name a relative clause hangs on: the capitalised words just before ", who" ("US envoy Keith Kellogg")."""
    words = before.split()
    taken: list[str] = []
    for word in reversed(words):
        if len(taken) >= 5 or not _NAME_WORD.match(word):
            break
        taken.append(word)
    while taken and not taken[-1][:1].isupper():  # never start on a particle
        taken.pop()
    if taken:
        return " ".join(reversed(taken))
    phrase = _NOUN_PHRASE.search(before)  # "the mayor, who ..."
    return phrase.group(0) if phrase else ""


def _event_clause(sentence: str, span: tuple[int, int] | None) -> str:
    """The part of the sentence that tells what happened at the expression's date, subject first."""
    text = sentence.strip()
    quoted = _QUOTED.match(text)
    if quoted and _SPEECH.search(quoted.group("tail")):  # “...,” Whitaker told Fox Business on Monday.
        return f"{quoted.group('tail')}: {quoted.group('quote')}"
    if span is not None:
        start, end = span
        relatives = [m for m in _RELATIVE.finditer(text, 0, start) if m.end() <= start]
        if relatives:  # "Macron, who first broached the idea in February, has ..." -> "Macron first broached ..."
            rel = relatives[-1]
            name = _antecedent(text[:rel.start()])
            stop = _CLAUSE_END.search(text, end)
            if name:
                return f"{name} {text[rel.end():stop.start() if stop else len(text)]}"
        head = text[:start]
        if _BEFORE_TIMEX.match(head):  # "On Thursday Russian President Vladimir Putin reiterated ..."
            rest = text[end:].lstrip(" ,")
            if rest[:1].isupper():
                return _capitalize(rest)
    lead = _LEAD_IN.match(text)  # "Over the weekend, French President Emmanuel Macron said ..."
    if lead and len(text[:lead.end()].split()) <= 8:
        return _capitalize(text[lead.end():])
    return text


def headline(sentence: str, span: tuple[int, int] | None = None, words: int = HEADLINE_WORDS) -> str:
    """A short chart label: the clause that tells the event, subject and verb first, cut at a word boundary.

    ``span`` is the expression's offsets inside ``sentence``: a relative clause around it is lifted out
    with the name it describes, and a date that opens the sentence gives way to the subject.
    """
    clause = re.sub(r"\s+", " ", _event_clause(sentence, span)).strip().strip("\"“”'‘’ ")
    tokens = clause.split(" ")
    if len(tokens) <= words:
        return clause.rstrip(".,;: ")
    cut = tokens[:words]
    while len(cut) > 3 and cut[-1].lower().strip(",;:–—-") in _FUNCTION_END | {""}:
        cut.pop()
    return " ".join(cut).rstrip(",;:–—- ") + "…"


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
    published = pd.Timestamp(doc.published)
    rows = []
    for timex in find_timexes(doc.text, doc.published):
        if not timex.is_dated or timex.type not in ("DATE", "TIME"):
            continue
        sentence = _sentence_at(sentences, starts, timex.start_char)
        if sentence is None or is_boilerplate(sentence.text):
            continue
        actors, places = actors_and_places(mentions, sentence.start_char, sentence.end_char)
        span = (timex.start_char - sentence.start_char, timex.end_char - sentence.start_char)
        rows.append({
            "event_id": event_id(doc.doc_id, timex), "doc_id": doc.doc_id, "title": doc.title, "outlet": doc.outlet,
            "url": doc.url, "published": published, "anchor_source": doc.anchor_source,
            "sentence": sentence.text, "sentence_start": sentence.start_char, "headline": headline(sentence.text, span),
            "timex_text": timex.text, "timex_start": timex.start_char, "timex_end": timex.end_char,
            "timex_type": timex.type, "timex_value": timex.value, "granularity": timex.granularity,
            "start": pd.Timestamp(timex.start), "end": pd.Timestamp(timex.end), "relation": relation(doc, timex),
            "rule": timex.rule, "actors": actors, "places": places,
        })
    return rows


def extract_events(documents: Iterable[Document], *,
                   progress: Callable[[Document], None] | None = None) -> pd.DataFrame:
    """The event table of a corpus (see `timeline.schema`), with merged reports clustered.

    Documents without a publication date yield no rows (the caller reports them); ``progress`` is
    called once per document, after it is done.
    """
    docs = list(documents)
    for doc in docs:
        if not isinstance(doc, Document):
            raise TypeError(f"extract_events wants Document objects, got {type(doc).__name__}")
    mentions = find_entities(docs)
    rows: list[dict[str, object]] = []
    for doc in docs:
        rows.extend(document_events(doc, mentions.get(doc.doc_id, [])))
        if progress:
            progress(doc)
    if not rows:
        return _empty()
    frame = pd.DataFrame(rows)
    frame["cluster_id"], frame["n_sources"] = cluster_events(frame)
    return schema.conform(frame.sort_values(["start", "end", "doc_id", "timex_start"], kind="stable"))


def _empty() -> pd.DataFrame:
    """The schema's empty table, its list columns of Python objects as in a full one."""
    frame = schema.empty_events()
    for column in ("actors", "places"):
        frame[column] = frame[column].astype(object)
    return frame


# --------------------------------------------------------------------------- merged reports

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
    starts = frame["start"].to_numpy(dtype="datetime64[ns]").astype("int64").tolist()
    ends = frame["end"].to_numpy(dtype="datetime64[ns]").astype("int64").tolist()
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
