"""Merging: the mentions of one happening, across articles, share a cluster, and each merge keeps its reasons.

Three steps, each linear in the number of rows:

1. *Features.* Each row becomes a TF-IDF vector (scipy.sparse) of its sentence's content words (simplemma
   lemmas, the time expression left out), its names (the ``actors``/``places`` columns) and its numbers;
   a second vector holds only the words near the expression, a third the row's label (the clause the
   happening is told in).
2. *Blocking.* Candidate pairs share a date bucket (ISO week for day-to-week ranges, month for month
   ranges and the days inside them, the exact range for quarters, halves, years) and one of the row's
   salient tokens (names, numbers, its rarest words). Inside a block, a row is paired with at most
   `BLOCK_WINDOW` neighbours, so the pairs grow with the rows, never with their square.
3. *Clustering.* A pair passes when its dates agree, its score reaches the threshold of its date relation
   (the same range, or one inside the other), its plain words (names left out: the same people do many
   things) agree too, and the places it names do not clash. Event classes (`timeline.events.eventtypes`:
   strike, agreement, vote...) of the mentions' labels keep a strike apart from the deal that ends it
   however alike their words; two mentions of one class, one day (or a day inside a week or `CLASS_DAYS`) and one
   key organization (not the corpus's topic; or one names none) pass at the lower `CLASS_THRESHOLD`: in a story corpus
   the topic words are everywhere and the few that say what happened weigh little. On the very same day,
   one class and no clash of names (or one actor and one place) is enough, whatever the words: reporters
   tell one walkout in many words. What one person says on one day is one telling, whatever it is about. A
   label too short to tell its class ("That call came") takes the class of the words around its expression as
   evidence (`Features.cues`), never as a veto.
   Passing pairs are joined best first, but two clusters join only when every member's range still
   overlaps (the cluster's *core* range: a day inside a week narrows it to that day, so another day of
   that week cannot chain in), when their average member similarity (average link, from the clusters'
   summed vectors) stays high, when no two members' classes clash and the organizations their labels are
   about meet the other's sentences (two companies are two happenings; a person or a place beside an
   organization is no clash; "Justice Department" and "U.S. Department of Justice" are one), and,
   inside one article, only when the two mentions have the same range and much alike sentences or the
   same day, class and key name (one happening told twice).

Quarter-, half- and year-long ranges join only ranges of the same value: they never chain the
happenings inside them. Each join is written down in the joining row's ``merge_reason``.

Each step also runs on a part of the rows, for a distributed run (`timeline.distributed.merging`): a row's
own tokens (`row_tokens`) once, in its partition; the corpus's `Statistics` as a sum of the partitions';
`features` of any rows given those statistics (columns numbered by token, so a row's vectors and every sum
over them are the same whichever rows share the frame); `candidate_pairs` for the rows a date shard owns;
`passing_pairs`; and `join` per connected component of passing pairs. `cluster_events` is all of it on one
frame.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import simplemma
from scipy import sparse

from timeline.entities.places import containers
from timeline.events import eventtypes, roles
from timeline.timex.rules import ON_ANCHOR_DAY

#: Score (cosine, 0-1) two mentions with the same range need to merge; a range inside another needs more.
MERGE_THRESHOLD = 0.20
INSIDE_THRESHOLD = 0.32
#: Cosine of the words alone (names and numbers left out) two mentions need: the same people do many things.
WORDS_MIN = 0.08
#: ...and at least this many plain words in common.
SHARED_WORDS = 2
#: Quarter-, half- and year-long ranges say little about when: they merge only on much alike sentences.
COARSE_THRESHOLD = 0.55
#: Average similarity of all member pairs that two clusters need to join (stops chaining).
AVERAGE_LINK = 0.14
#: Two mentions of one article merge only when their sentences are this alike (the title retold as the lead).
SAME_ARTICLE = 0.50
#: Both mentions name places and share none: different happenings unless this alike. (Actors are not
#: compared so: one outlet names the union, another its president, for one walkout.)
NAME_CONFLICT = 0.60
#: Names and numbers weigh this much more than a word of the same rarity.
NAME_WEIGHT = 1.6
#: Two mentions whose clauses tell the same event class ("both 'agreement' events"), whose dates agree
#: closely (the same day, or a day inside a range of at most `CLASS_DAYS`) and that share a key name may join at this
#: lower score, their plain words unchecked: in a story corpus the words that say what happened are few.
CLASS_THRESHOLD = 0.10
#: The longest range a class may join a day inside on little else: a week, or a third of a month ("mid-September").
CLASS_DAYS = 11
#: ...and two clusters joined by such a pair need this average member similarity (every member pair's
#: classes compatible besides).
CLASS_AVERAGE_LINK = 0.10
#: A name on at least this share of the rows (and on `TOPIC_ROWS` rows or more) is the corpus's topic
#: ("United Auto Workers" in a strike story): it says nothing about which of its happenings a row tells.
TOPIC_SHARE = 1 / 3
TOPIC_ROWS = 20
#: A word in the sentences of this share of the rows is the story's: it does not count as a shared plain word.
TOPIC_WORD_SHARE = 1 / 5
#: Words on each side of the expression that make its local context (the clause the happening is told in).
WINDOW_WORDS = 7
#: Words on each side of the expression whose event classes stand in for a label too short to tell one.
CUE_WORDS = 12
#: Rarest words of the sentence used as blocking keys (besides its names, numbers and the words near the date).
KEY_WORDS = 4
#: A row meets at most this many neighbours in one block (the block sorted by date)...
BLOCK_WINDOW = 6
#: ...and is scored against at most this many of them, those sharing the most keys with it.
CANDIDATES = 16
#: Longest range (days) still dated to a week bucket, and to a month bucket.
FINE_DAYS = 8
MONTH_DAYS = 31

_STOP = frozenset("""a an the of to in on at for by with from and or but as is are was were be been being has have had
do does did that this these those it its their them they he she his her him we our you your i me my which who whom
whose what when where while how will would could should may might can must shall said says say also not no nor than
then there here about into over after before since until during more most some any such only other own same so very
just now all both each few many much one two three four five six seven eight nine ten its it's told according
week weeks month months year years day days today yesterday tomorrow monday tuesday wednesday thursday friday
saturday sunday weekend morning evening night last next earlier later ago""".split())
_TOKEN = re.compile(r"\d[\d,.]*\d%?|\d%?|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    """The dictionary form ("sent" -> "send", "voted" -> "vote"): one happening told in other inflections."""
    return simplemma.lemmatize(word, lang="en").lower()


@lru_cache(maxsize=400_000)
def _token(match: str) -> str:
    """A word or number as a token ("#33000", "#64%", "vote"); "" for stop words and odd numbers."""
    if match[0].isdigit():
        number = match.replace(",", "").rstrip(".")
        return "#" + number if number.replace(".", "").replace("%", "").isdigit() else ""
    word = match.lower().replace("’", "'")
    if len(word) <= 2 or word in _STOP:
        return ""
    lemma = _lemma(word)
    return "" if lemma in _STOP else lemma


def _tokens(text: str) -> list[str]:
    """Content-word lemmas and numbers of a piece of text, in order."""
    return [t for t in map(_token, _TOKEN.findall(text)) if t]


# --------------------------------------------------------------------------- features


@dataclass(frozen=True)
class Features:
    """What rows are compared on, one entry per row of the event table."""

    sentence: sparse.csr_matrix  # L2-normalised TF-IDF of the sentence's words, names and numbers
    window: sparse.csr_matrix  # the same for the words near the expression only
    words: sparse.csr_matrix  # the sentence's words alone, no names or numbers: what happened
    label: sparse.csr_matrix  # the label's words (the clause the happening is told in), names included
    vocabulary: list[str]  # token of each column
    keys: list[list[int]]  # blocking tokens (columns) of each row
    names: list[frozenset[str]]  # actors and places
    places: list[frozenset[str]]
    actors: list[frozenset[str]]
    start: np.ndarray  # days since the epoch, int64
    end: np.ndarray
    level: np.ndarray  # 0 day-to-week, 1 month, 2 coarser
    doc: np.ndarray  # article index
    rank: np.ndarray  # the rank of the row's event id: orders ties the same whatever the row order
    mergeable: np.ndarray  # bool: rows that may merge at all
    classes: list[frozenset[str]]  # event classes of the row's label, its clause (timeline.events.eventtypes)
    cues: list[frozenset[str]]  # the label's classes if distinctive, else those of the words around the expression
    hedged: np.ndarray  # bool: the label tells a possibility ("could happen"), not a happening
    key_names: list[frozenset[str]]  # names that are not the corpus's topic
    key_orgs: list[frozenset[str]]  # key names of organizations (not people, not places)
    key_people: list[frozenset[str]]  # key names of people
    told_orgs: list[frozenset[str]]  # the key organizations the label names: who the happening is about
    spoke: np.ndarray  # bool: the expression dates something said


#: Days before its publication a bare clock time of a past happening may fall on (`_floating`).
CLOCK_DAYS = 2
_ON_PUBLICATION_DAY = f"clock time: time of day {ON_ANCHOR_DAY}"


def _floating(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose expression is a bare clock time of something past, dated to the publication day for want of a
    day, in an article that named a past day of the `CLOCK_DAYS` before it first ("Workers walked out Friday. ...
    the contract expired at midnight" in a story filed on Saturday): the clock time may be that day's. For merging,
    their day is any of the `CLOCK_DAYS` before the publication too. (A clock time of what will happen, or in an
    article that told only its publication day, stays on its day.)"""
    needed = ("rule", "relation", "doc_id", "timex_start", "published")
    if not len(frame) or any(c not in frame.columns for c in needed):
        return np.zeros(len(frame), dtype=bool)
    relation = frame["relation"].astype(str).to_numpy()
    bare = frame["rule"].astype(str).str.startswith(_ON_PUBLICATION_DAY).to_numpy() & (relation != "future")
    out = np.zeros(len(frame), dtype=bool)
    if not bare.any():
        return out
    start, end, published = _days(frame["start"]), _days(frame["end"]), _days(frame["published"])
    recent = (start == end) & (relation == "past") & (start < published) & (start >= published - CLOCK_DAYS)
    docs = pd.factorize(frame["doc_id"])[0]
    told, doc = False, -1
    for k in np.lexsort((frame["timex_start"].to_numpy(), docs)).tolist():  # each article in reading order
        if docs[k] != doc:
            told, doc = False, docs[k]
        out[k] = bare[k] and told
        told = told or bool(recent[k])
    return out


def merge_days(frame: pd.DataFrame, floating: Iterable[bool] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each row's first and last day as merging reads them (days since the epoch): its range, but a floating clock
    time's (`_floating`; ``floating``, else the frame's ``floating`` column) reaches `CLOCK_DAYS` further back."""
    starts, ends = _days(frame["start"]), _days(frame["end"])
    flags = np.asarray(list(frame["floating"] if floating is None else floating), dtype=bool)
    return np.where(flags, starts - CLOCK_DAYS, starts), ends


#: The classes of a deadline's row (`timeline.events.roles.DEADLINE`), whatever its clause says is due.
_DEADLINE_CLASSES = frozenset({"expiry"})


def _level(span_days: np.ndarray) -> np.ndarray:
    return np.where(span_days <= FINE_DAYS, 0, np.where(span_days <= MONTH_DAYS, 1, 2))


def _days(values: pd.Series) -> np.ndarray:
    return values.to_numpy(dtype="datetime64[D]").astype("int64")


#: Columns `row_tokens` adds to a row: what merging reads of it that no corpus statistic changes.
TOKEN_COLUMNS = ("sentence_tokens", "window_tokens", "word_tokens", "label_tokens", "label_orgs", "classes", "cues",
                 "hedged", "spoke", "mergeable", "floating")


def row_tokens(frame: pd.DataFrame) -> pd.DataFrame:
    """Each row's own share of the features: its tokens (the sentence's words and names, the words near its
    expression, its plain words, its label's words), its event classes, hedge and whether it may merge.

    Nothing here depends on the other rows, so a distributed run computes it once per row, in the row's
    partition; `features` then adds what does (the corpus's `Statistics`)."""
    n = len(frame)
    token_of: dict[str, str] = {}  # a word as written -> its token ("" for a stop word)

    def tokens_of(text: str) -> list[str]:
        out = []
        for word in _TOKEN.findall(text):
            token = token_of.get(word)
            if token is None:
                token = token_of[word] = _token(word)
            if token:
                out.append(token)
        return out

    columns: dict[str, list[object]] = {name: [] for name in TOKEN_COLUMNS}
    name_tokens: dict[frozenset[str], tuple[list[str], set[str]]] = {}
    found: dict[str, list[eventtypes.Trigger]] = {}
    labelled = "headline" in frame.columns  # the label is the clause the happening is told in
    headlines = frame["headline"].astype(str) if labelled else pd.Series([""] * n)
    people = frame["people"] if "people" in frame.columns else pd.Series([[]] * n, index=frame.index)
    deadlines = frame["role_reason"].astype(str).str.contains(roles.DEADLINE, regex=False) \
        if "role_reason" in frame.columns else pd.Series([False] * n, index=frame.index)
    for sentence, s_start, t_start, t_end, actors, places, headline, persons, deadline in zip(*(  # lists: fast to walk
            column.tolist() for column in (frame["sentence"].astype(str), frame["sentence_start"], frame["timex_start"],
                                           frame["timex_end"], frame["actors"], frame["places"], headlines, people,
                                           deadlines)), strict=True):
        start, end = int(t_start) - int(s_start), int(t_end) - int(s_start)
        near = _clause(sentence, max(start, 0), end)
        cue = _cue_span(sentence, max(start, 0), end)
        clause = headline if labelled else near
        # "had until Thursday to reach a deal": the date is the deadline's, not the deal's
        classes = _DEADLINE_CLASSES if deadline else eventtypes.event_classes(clause)
        columns["classes"].append(sorted(classes))
        if labelled and not eventtypes.distinctive(classes):  # a label too short to tell what happened
            if sentence not in found:  # a sentence's rows share its triggers
                found = {sentence: eventtypes.triggers(sentence)}
            classes = _cue_classes(sentence, cue, found[sentence])
        columns["cues"].append(sorted(classes))
        columns["label_tokens"].append(sorted(set(tokens_of(clause))))
        person = {str(p) for p in _names(persons)}  # the organizations the label names: who it is about
        words_in = set(_ORG_TOKEN.findall(clause))
        columns["label_orgs"].append(sorted(o for o in map(str, _names(actors))
                                            if o not in person and _named_in(o, words_in)))
        columns["hedged"].append(eventtypes.hedged(clause))
        columns["spoke"].append(bool(_SPEECH.search(sentence, *cue)))  # a verb of saying near the date
        before, after = tokens_of(sentence[:max(start, 0)]), tokens_of(sentence[max(end, 0):])
        both = frozenset(str(a) for a in _names(actors)) | frozenset(str(p) for p in _names(places))
        if both not in name_tokens:
            name_tokens[both] = (["@" + name.lower() for name in sorted(both)],
                                 {_lemma(w) for name in both for w in name.lower().split()})
        names, in_names = name_tokens[both]
        words = {*before, *after}
        columns["sentence_tokens"].append(sorted(words.union(names)))
        columns["window_tokens"].append(sorted({*before[-WINDOW_WORDS:], *after[:WINDOW_WORDS], *names}))
        columns["word_tokens"].append(sorted(t for t in words - in_names if t[0] != "#"))
    mergeable = np.ones(n, dtype=bool)
    if "role" in frame.columns:  # a reference date ("the first talks since 2022") is no happening, but the
        # start of a stretch ("on strike since mid-September") reports the happening that began it, and its end
        # ("voting continues through Saturday") the happening that ends it
        why = frame["role_reason"].astype(str) if "role_reason" in frame.columns \
            else pd.Series([""] * n, index=frame.index)
        ends = why.str.contains(roles.STRETCH_BEGAN, regex=False) | why.str.contains(roles.STRETCH_ENDED, regex=False)
        mergeable = ((frame["role"].astype(str) != roles.REFERENCE) | ends).to_numpy()
    columns["mergeable"] = mergeable.tolist()
    columns["floating"] = _floating(frame).tolist()
    return pd.DataFrame(columns, index=frame.index)


@dataclass
class Statistics:
    """What the rows' weights and key names need of the whole corpus: its rows, the rows holding each token
    in their sentence (document frequency) and the rows naming each name (the corpus's topic). Statistics of
    parts of a corpus `combine` into the corpus's, so a distributed run computes them as map and reduce."""

    rows: int
    frequency: Counter[str]
    names: Counter[str]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> Statistics:
        """The statistics of an event table's rows (with `row_tokens` columns, or computed here)."""
        tokens = frame if all(c in frame.columns for c in TOKEN_COLUMNS) else row_tokens(frame)
        frequency = Counter(t for row in tokens["sentence_tokens"] for t in row)
        names = Counter(name for a, p in zip(frame["actors"], frame["places"], strict=True)
                        for name in {str(x) for x in _names(a)} | {str(x) for x in _names(p)})
        return cls(len(frame), frequency, names)

    @classmethod
    def combine(cls, parts: Iterable[Statistics]) -> Statistics:
        out = cls(0, Counter(), Counter())
        for part in parts:
            out.rows += part.rows
            out.frequency.update(part.frequency)
            out.names.update(part.names)
        return out

    def topic_words(self) -> frozenset[str]:
        """Words in the sentences of `TOPIC_WORD_SHARE` of the rows (and `TOPIC_ROWS` or more): the story's own
        words ("bridge", "strike") say which story a sentence is from, not which of its happenings."""
        floor = max(TOPIC_ROWS, TOPIC_WORD_SHARE * self.rows)
        return frozenset(t for t, count in self.frequency.items() if count >= floor and t[:1] not in "@#")

    def topic(self) -> frozenset[str]:
        """Names on `TOPIC_SHARE` of the rows (and `TOPIC_ROWS` or more): they say nothing about which happening."""
        floor = max(TOPIC_ROWS, TOPIC_SHARE * self.rows)
        return frozenset(name for name, count in self.names.items() if count >= floor)


def features(frame: pd.DataFrame, statistics: Statistics | None = None) -> Features:
    """The TF-IDF vectors, names, blocking keys and date levels of an event table's rows.

    ``statistics`` are the corpus's when ``frame`` holds only some of its rows (a shard of a distributed
    run); by default the frame's own. Columns are numbered in the order of their tokens, so the vectors of
    a row, and every sum over them, are the same whichever rows share the frame."""
    tokens = frame if all(c in frame.columns for c in TOKEN_COLUMNS) else row_tokens(frame)
    statistics = statistics if statistics is not None else Statistics.of(tokens if tokens is frame else
                                                                           pd.concat([frame, tokens], axis=1))
    sentence_tokens = [list(r) for r in tokens["sentence_tokens"]]
    window_tokens = [list(r) for r in tokens["window_tokens"]]
    word_tokens = [list(r) for r in tokens["word_tokens"]]
    label_tokens = [list(r) for r in tokens["label_tokens"]]
    used = set()
    for rows in (sentence_tokens, window_tokens, word_tokens, label_tokens):
        for row in rows:
            used.update(row)
    vocabulary: dict[str, int] = {token: i for i, token in enumerate(sorted(used))}
    tokens_list = list(vocabulary)
    idf = _idf(statistics, tokens_list)
    boost = np.array([NAME_WEIGHT if t[:1] in "@#" else 1.0 for t in tokens_list]) if tokens_list else np.ones(0)
    weight = idf * boost
    idf_of = dict(zip(tokens_list, idf.tolist(), strict=True))
    actors_of = [frozenset(str(a) for a in _names(v)) for v in frame["actors"]]
    places_of = [frozenset(str(p) for p in _names(v)) for v in frame["places"]]
    topic = statistics.topic()
    key_names = [(a | p) - topic for a, p in zip(actors_of, places_of, strict=True)]
    people_of = [frozenset(str(x) for x in _names(v)) for v in frame["people"]] if "people" in frame.columns \
        else [frozenset()] * len(frame)  # (a table without the column: every actor counts as an organization)
    key_orgs = [frozenset(map(_org_key, (a - p) - topic)) for a, p in zip(actors_of, people_of, strict=True)]
    key_people = [p - topic for p in people_of]
    told_orgs = [frozenset(_org_key(o) for o in named if o not in topic) for named in tokens["label_orgs"]]
    classes_of = [frozenset(c) for c in tokens["classes"]]
    cues_of = [frozenset(c) for c in tokens["cues"]]
    keys = []
    for row, near, names, classes in zip(sentence_tokens, window_tokens, key_names, cues_of, strict=True):
        own, kinds = key_tokens(row, near, names, classes, idf_of)
        kind_ids = [vocabulary.setdefault(kind, len(vocabulary)) for kind in kinds]  # tokens of their own
        keys.append(sorted({*(vocabulary[t] for t in own), *kind_ids}))
    tokens_list = list(vocabulary)
    weight = np.concatenate([weight, np.zeros(len(tokens_list) - len(weight))])

    def ids(rows: list[list[str]]) -> list[list[int]]:
        return [[vocabulary[t] for t in row] for row in rows]  # rows are sorted: columns ascending

    common = statistics.topic_words()  # "bridge", "strike": in a story corpus they say which story, not which
    word_tokens = [[t for t in row if t not in common] for row in word_tokens]  # of its happenings

    starts, ends = merge_days(frame, tokens["floating"])
    docs = pd.factorize(frame["doc_id"])[0]
    rank = np.argsort(np.argsort(frame["event_id"].astype(str).to_numpy(), kind="stable"), kind="stable")
    return Features(_tfidf(ids(sentence_tokens), weight), _tfidf(ids(window_tokens), weight),
                    _tfidf(ids(word_tokens), weight), _tfidf(ids(label_tokens), weight), tokens_list, keys,
                    [a | p for a, p in zip(actors_of, places_of, strict=True)], places_of, actors_of,
                    starts, ends, _level(ends - starts + 1), docs, rank,
                    np.asarray(tokens["mergeable"], dtype=bool), classes_of, cues_of,
                    np.asarray(tokens["hedged"], dtype=bool), key_names, key_orgs, key_people, told_orgs,
                    np.asarray(tokens["spoke"], dtype=bool))


def _idf(statistics: Statistics, tokens: list[str]) -> np.ndarray:
    """Each token's inverse document frequency in the corpus (smoothed: a token no row holds still counts)."""
    df = np.array([statistics.frequency.get(t, 0) for t in tokens], dtype=float)
    return np.log((statistics.rows + 1) / (df + 1)) + 1.0


def key_tokens(sentence: list[str], near: list[str], names: frozenset[str], classes: frozenset[str],
               idf_of: dict[str, float]) -> tuple[list[str], list[str]]:
    """A row's blocking tokens: the words near its expression, the names in its sentence and its `KEY_WORDS`
    rarest words (tokens of its vectors); and a block per event class and key name, and per class alone."""
    rarest = sorted((t for t in sentence if t[:1] not in "@#"), key=lambda t: (-idf_of[t], t))[:KEY_WORDS]
    kinds = [f"!{kind}@{name.lower()}" for kind in sorted(classes) for name in [*sorted(names), ""]]
    return [*near, *(t for t in sentence if t[:1] in "@#"), *rarest], kinds


def blocking_tokens(frame: pd.DataFrame, statistics: Statistics) -> list[list[str]]:
    """Each row's blocking tokens as `features` makes them (`key_tokens`), without the vectors: what a
    distributed run files a row's blocks by."""
    tokens = frame if all(c in frame.columns for c in TOKEN_COLUMNS) else row_tokens(frame)
    words = sorted({t for row in tokens["sentence_tokens"] for t in row})
    idf_of = dict(zip(words, _idf(statistics, words).tolist(), strict=True))
    topic = statistics.topic()
    out = []
    for row, near, actors, places, cues in zip(tokens["sentence_tokens"], tokens["window_tokens"], frame["actors"],
                                               frame["places"], tokens["cues"], strict=True):
        names = (frozenset(str(a) for a in _names(actors)) | frozenset(str(p) for p in _names(places))) - topic
        own, kinds = key_tokens(list(row), list(near), names, frozenset(cues), idf_of)
        out.append(sorted({*own, *kinds}))
    return out


_CLAUSE_BREAK = re.compile(r"[;:()\u2014\u2013\"“”]| -- |, (?:and|but|while|which|who|after|before|as) ")


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding ``[start, end)`` begins and ends (`_CLAUSE_BREAK`)."""
    low = max([m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)] + [0])
    stop = _CLAUSE_BREAK.search(sentence, end)
    return low, stop.start() if stop else len(sentence)


def _clause(sentence: str, start: int, end: int, words: int = WINDOW_WORDS) -> str:
    """The words around the expression up to the clause's boundaries (at most ``words`` a side): the
    clause of a row with no label (``headline``)."""
    low, high = _clause_bounds(sentence, start, end)
    return " ".join([*sentence[low:start].split()[-words:], *sentence[end:high].split()[:words]])


_COUNTRY_PREFIX = re.compile(r"^(?:the\s+)?(?:U\.?S\.?|US|United\s+States|UK|U\.K\.)\s+", re.IGNORECASE)
_DEPARTMENT_OF = re.compile(r"^(Department|Ministry|Office|Bureau)\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)


_ORG_TOKEN = re.compile(r"[\w&'-]+")


def _named_in(name: str, words: set[str]) -> bool:
    """Whether a text of ``words`` (`_ORG_TOKEN`) names organization ``name``: one of its distinctive capitalised
    words, or its initials."""
    distinctive, initials = _org_marks(name)
    return any(w in words for w in distinctive) or (len(initials) > 1 and initials in words)


@lru_cache(maxsize=65_536)
def _org_marks(name: str) -> tuple[tuple[str, ...], str]:
    capitalised = re.findall(r"[A-Z][\w&'-]+", name)
    return (tuple(w for w in capitalised if w.lower() not in _STOP and w not in _ORG_WORDS and len(w) > 2),
            "".join(w[0] for w in capitalised))


_ORG_WORDS = frozenset("Department Ministry Administration Authority Agency Office Bureau Council Company Corporation "
                       "Group Union Association Committee Commission Board Service National Federal United States "
                       "Inc Corp Ltd Co".split())


@lru_cache(maxsize=65_536)
def _org_key(name: str) -> str:
    """One key for the spellings of one organization: "U.S. Department of Justice", "Department of Justice" and
    "Justice Department" are one (a country's prefix dropped, "Department of X" read as "X Department")."""
    name = _COUNTRY_PREFIX.sub("", name.strip())
    if m := _DEPARTMENT_OF.match(name):
        name = f"{m.group(2)} {m.group(1)}"
    return " ".join(name.lower().split())


def _cue_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The characters within `CUE_WORDS` words of the expression, inside its clause."""
    low, high = _clause_bounds(sentence, start, end)
    before = [m.start() for m in re.finditer(r"\S+", sentence[low:start])][-CUE_WORDS:]
    after = [m.end() for m in re.finditer(r"\S+", sentence[end:high])][:CUE_WORDS]
    return low + (before[0] if before else start - low), end + (after[-1] if after else 0)


def _cue_classes(sentence: str, span: tuple[int, int], triggers: list[eventtypes.Trigger]) -> frozenset[str]:
    """The distinctive event classes of the sentence's ``triggers`` in ``span`` (`_cue_span`), but what it is measured
    from (`_MEASURED_FROM`). Triggers are found in the whole sentence, so a directive before the window still marks
    its "to ..." as an intention ("are preparing to walk off the job after contracts expire at 11:59 p.m.")."""
    lo, hi = span
    return eventtypes.distinctive(frozenset(t.event_class for t in triggers if lo <= t.start < hi
                                         and not _MEASURED_FROM.search(sentence, max(0, t.start - 30), t.start)))


#: A trigger after "before", "after", "since"... names what the happening is measured from ("told workers less than
#: two hours before the deadline"), not the happening.
_MEASURED_FROM = re.compile(r"\b(?:before|after|since|until|ahead\s+of|following)\s+(?:the\s+|a\s+|an\s+|its\s+|"
                            r"their\s+)?$", re.IGNORECASE)


#: Verbs of saying: a date beside one dates what someone said ("Fain said Wednesday", "told workers late Thursday").
_SPEECH = re.compile(r"\b(?:say|says|said|tell|tells|told|announc(?:e|es|ed|ing)|warn(?:s|ed)?|call(?:s|ed)? (?:on|for)"
                     r"|declar(?:e|es|ed)|confirm(?:s|ed)?|vow(?:s|ed)?|pledg(?:e|es|ed)|urg(?:e|es|ed)|stated"
                     r"|insist(?:s|ed)?|wrote|posted)\b", re.IGNORECASE)


def _names(value: object) -> list[object]:
    if value is None or isinstance(value, str) or not hasattr(value, "__iter__"):
        return [value] if isinstance(value, str) and value else []
    return list(value)


def _tfidf(rows: Sequence[Sequence[int]], weight: np.ndarray) -> sparse.csr_matrix:
    """Binary term presence times the token weight, each row scaled to unit length."""
    indptr = np.cumsum([0, *(len(r) for r in rows)])
    indices = np.fromiter((c for r in rows for c in r), dtype=np.int64, count=int(indptr[-1]))
    data = weight[indices] if len(indices) else np.zeros(0)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(weight)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


# --------------------------------------------------------------------------- blocking


def candidate_pairs(feats: Features, owned: np.ndarray | None = None) -> np.ndarray:
    """Pairs of rows (i < j, an (m, 2) int array) that share a date bucket and a salient token.

    Each block is sorted by date and a row meets only its next `BLOCK_WINDOW` members (and a month-long
    range the first `BLOCK_WINDOW` days or weeks inside it); pairs whose dates cannot agree are dropped,
    and each row keeps its `CANDIDATES` best by shared keys: at most that many pairs per row, whatever
    the corpus. With ``owned`` (a mask of rows), only the pairs those rows keep: a distributed run asks each
    date shard for its own rows' pairs (their blocks whole in the shard) and unites the answers.
    """
    n = len(feats.start)
    host, host_kind, guest = row_buckets(feats)
    position = np.empty(n, dtype=np.int64)
    position[np.lexsort((feats.rank, feats.end, feats.start))] = np.arange(n)
    lengths = np.fromiter((len(k) if feats.mergeable[i] else 0 for i, k in enumerate(feats.keys)), np.int64, n)
    key_rows = np.repeat(np.arange(n), lengths)
    key_tokens = np.fromiter((t for i, k in enumerate(feats.keys) if feats.mergeable[i] for t in k), np.int64,
                             int(lengths.sum()))

    def postings(buckets: list[np.ndarray], kind: np.ndarray | int) -> tuple[np.ndarray, np.ndarray]:
        codes, rows = [], []
        for bucket in buckets:
            b = bucket[key_rows]
            ok = b != _NONE
            k = kind if isinstance(kind, int) else kind[key_rows][ok]
            codes.append(((k * 2 ** 24 + b[ok] + 2 ** 23) << 32) + key_tokens[ok])
            rows.append(key_rows[ok])
        code, row = np.concatenate(codes), np.concatenate(rows)
        order = np.lexsort((position[row], code))
        return code[order], row[order]

    host_code, host_row = postings(host, host_kind)
    pairs = []
    for step in range(1, BLOCK_WINDOW + 1):
        same = host_code[:-step] == host_code[step:]
        pairs.append(np.stack([host_row[:-step][same], host_row[step:][same]], axis=1))
    guest_code, guest_row = postings(guest, 1)
    low = np.searchsorted(host_code, guest_code, side="left")
    high = np.searchsorted(host_code, guest_code, side="right")
    for offset in range(BLOCK_WINDOW):
        ok = low + offset < high
        pairs.append(np.stack([guest_row[ok], host_row[low[ok] + offset]], axis=1))
    both = np.concatenate(pairs)
    low, high = np.minimum(both[:, 0], both[:, 1]), np.maximum(both[:, 0], both[:, 1])
    ok = (low != high) & dates_agree(feats, low, high)
    codes, shared = np.unique(low[ok] * n + high[ok], return_counts=True)  # a pair's count = its shared keys
    return _best_per_row(np.stack([codes // n, codes % n], axis=1), shared, feats.rank, owned)


def row_buckets(feats: Features) -> tuple[list[np.ndarray], np.ndarray, list[np.ndarray]]:
    """Each row's date buckets (at most two: a range may straddle two weeks or months), their kind (0 week,
    1 month, 2 coarse: the bucket is then the number of the row's exact range among the frame's), and the month
    buckets a day-to-week range also visits (as a guest: it meets the first `BLOCK_WINDOW` rows there)."""
    months = _month_index(feats.start), _month_index(feats.end)
    weeks = (feats.start + 3) // 7, (feats.end + 3) // 7  # ISO weeks (the epoch is a Thursday)
    coarse = np.unique(np.stack([feats.start, feats.end], axis=1), axis=0, return_inverse=True)[1].ravel()
    fine, month = feats.level == 0, feats.level == 1
    host = [np.where(fine, weeks[0], np.where(month, months[0], coarse)),
            np.where(fine & (weeks[1] != weeks[0]), weeks[1],
                     np.where(month & (months[1] != months[0]), months[1], _NONE))]
    host_kind = np.where(fine, 0, np.where(month, 1, 2))
    guest = [np.where(fine, months[0], _NONE), np.where(fine & (months[1] != months[0]), months[1], _NONE)]
    return host, host_kind, guest


def _best_per_row(pairs: np.ndarray, shared: np.ndarray, rank: np.ndarray,
                  owned: np.ndarray | None = None) -> np.ndarray:
    """The pairs among the `CANDIDATES` of either row that share the most blocking keys with it (ties go
    by the other row's event id, so the choice does not depend on the order of the rows)."""
    n = len(rank)
    ends = np.concatenate([pairs[:, 0], pairs[:, 1]])
    others = np.concatenate([pairs[:, 1], pairs[:, 0]])
    which = np.concatenate([np.arange(len(pairs)), np.arange(len(pairs))])
    order = np.lexsort((rank[others], -np.concatenate([shared, shared]), ends))
    ends, which = ends[order], which[order]
    first = np.searchsorted(ends, np.arange(n))
    position = np.arange(len(ends)) - first[ends]
    keep = np.zeros(len(pairs), dtype=bool)
    chosen = position < CANDIDATES
    if owned is not None:
        chosen &= owned[ends]
    keep[which[chosen]] = True
    return pairs[keep]


_NONE = -(2 ** 40)  # no bucket (weeks and months before 1970 are negative)


def _month_index(days: np.ndarray) -> np.ndarray:
    months = days.astype("datetime64[D]").astype("datetime64[M]").astype("int64")
    return months


def dates_agree(feats: Features, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Whether two rows' ranges may be one happening's: they overlap, and a range longer than a month
    only meets the very same range."""
    overlap = (feats.start[i] <= feats.end[j]) & (feats.start[j] <= feats.end[i])
    coarse = (feats.level[i] == 2) | (feats.level[j] == 2)
    same = (feats.start[i] == feats.start[j]) & (feats.end[i] == feats.end[j])
    return overlap & (~coarse | same)


# --------------------------------------------------------------------------- scoring


def _row_dot(a: sparse.csr_matrix, i: np.ndarray, j: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    out = np.empty(len(i))
    for k in range(0, len(i), chunk):
        out[k:k + chunk] = np.asarray(a[i[k:k + chunk]].multiply(a[j[k:k + chunk]]).sum(axis=1)).ravel()
    return out


def pair_scores(feats: Features, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The score: cosine of the sentences, of the words around the expressions, or of the labels (the
    clauses that tell the happenings), whichever agree best; the cosine of their words alone (shared names
    say who, not what happened), 0 unless they share `SHARED_WORDS` words; and the score without the labels
    (short labels agree easily: "Workers walked out" at Ford and at GM), which alone overrides a clash of
    names."""
    if not len(pairs):
        return np.zeros(0), np.zeros(0), np.zeros(0)
    i, j = pairs[:, 0], pairs[:, 1]
    shared = _row_dot((feats.words > 0).astype(np.float64).tocsr(), i, j)
    words = np.where(shared >= SHARED_WORDS, _row_dot(feats.words, i, j), 0.0)
    told = np.maximum(_row_dot(feats.sentence, i, j), _row_dot(feats.window, i, j))
    return np.maximum(told, _row_dot(feats.label, i, j)), words, told


def thresholds(feats: Features, pairs: np.ndarray) -> np.ndarray:
    """The score each pair needs: by how its dates agree (the same range, one inside the other, coarse)."""
    i, j = pairs[:, 0], pairs[:, 1]
    same = (feats.start[i] == feats.start[j]) & (feats.end[i] == feats.end[j])
    coarse = (feats.level[i] == 2) | (feats.level[j] == 2)
    return np.where(coarse, COARSE_THRESHOLD, np.where(same, MERGE_THRESHOLD, INSIDE_THRESHOLD))


def places_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of places may name one place: a place in both, one that holds another ("Detroit" and
    "Michigan", "Paris" and "France"; `timeline.entities.places.containers`), or places of unknown extent."""
    held = containers()
    if a & b or any(held.get(p, frozenset()) & b for p in a) or any(held.get(p, frozenset()) & a for p in b):
        return True
    # a river, a bay or a harbour ("Patapsco River") lies in no known state: it clashes with nothing
    return not (any(p in held for p in a) and any(p in held for p in b))


def _conflict(feats: Features, i: int, j: int) -> str:
    """Names that say two mentions are different happenings: both name places, none meets the other's, and
    neither sentence names the other's place in passing ("Ford's Chicago Assembly plant" beside "near Lansing"
    and "in Chicago" beside "the GM Lansing Delta plant" tell one walkout at both)."""
    if not (feats.places[i] and feats.places[j]) or places_meet(feats.places[i], feats.places[j]):
        return ""
    return "" if _mentions_place(feats, i, feats.places[j]) or _mentions_place(feats, j, feats.places[i]) \
        else "places"


def _mentions_place(feats: Features, i: int, places: frozenset[str]) -> bool:
    """Whether row ``i``'s sentence holds every word of one of ``places`` (found as a place or not)."""
    row = feats.sentence.indices[feats.sentence.indptr[i]:feats.sentence.indptr[i + 1]]
    words = {feats.vocabulary[c] for c in row.tolist()}
    return any(all(w in words for w in _tokens(place)) and _tokens(place) for place in places)


# --------------------------------------------------------------------------- clustering


@dataclass
class _Cluster:
    members: list[int]
    docs: Counter[int]
    start: int  # the core range: the days every member's range covers
    end: int
    coarse: bool
    total: dict[int, float]  # summed member vectors: average link in one dot product
    told: dict[int, float]  # summed member label vectors: the same on the clauses that tell the happening
    kinds: set[frozenset[str]]  # the members' distinct label classes: complete link on classes, cheaply
    names: set[str]  # the key organizations the members' labels name (who the happening is about)
    orgs: set[str]  # every key organization of the members' sentences


def _vector(matrix: sparse.csr_matrix, i: int) -> dict[int, float]:
    lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
    return dict(zip(matrix.indices[lo:hi].tolist(), matrix.data[lo:hi].tolist(), strict=True))


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


@dataclass(frozen=True)
class Clusters:
    """Per row of the event table: its cluster id, the articles of its cluster, and why it joined."""

    cluster_id: list[str]
    n_sources: list[int]
    merge_reason: list[str]
    scored_pairs: int  # candidate pairs scored (the cost), for tests and benchmarks


@dataclass(frozen=True)
class Passing:
    """The candidate pairs that pass (rows ``pairs[k]``), with what clustering reads of each: its score, the
    score without the labels (``told``), whether one event class makes it alike and whether it is one day."""

    pairs: np.ndarray
    scores: np.ndarray
    told: np.ndarray
    alike: np.ndarray
    one_day: np.ndarray
    candidates: int  # candidate pairs scored (the cost)


def passing_pairs(feats: Features, pairs: np.ndarray) -> Passing:
    """Score the candidate pairs and keep those that pass (see the module's docstring)."""
    scores, word_scores, told = pair_scores(feats, pairs)
    one_day = _same_day(feats, pairs)
    met = who_and_where(feats, pairs, one_day) | one_speaker(feats, pairs, one_day)
    alike = class_pairs(feats, pairs) | met
    one_day &= alike
    passing = np.flatnonzero(classes_compatible(feats, pairs) & (
        ((scores >= thresholds(feats, pairs)) & ((word_scores >= WORDS_MIN) | (scores >= SAME_ARTICLE)))
        | (alike & ((scores >= CLASS_THRESHOLD) | one_day))))
    return Passing(pairs[passing].reshape(-1, 2), scores[passing], told[passing], alike[passing], one_day[passing],
                   len(pairs))


def cluster_events(frame: pd.DataFrame) -> Clusters:
    """Cluster the mentions of one happening across articles (see the module's docstring).

    The cluster id is ``"c-"`` + the smallest event id of its members, so ids are stable across runs
    and independent of row order.
    """
    if len(frame) == 0:
        return Clusters([], [], [], 0)
    feats = features(frame)
    return join(feats, passing_pairs(feats, candidate_pairs(feats)), about_rows(frame))


def about_rows(frame: pd.DataFrame) -> dict[str, list[str]]:
    """What a merge reason names of each row."""
    return {name: frame[name].astype(str).tolist() for name in ("event_id", "outlet", "doc_id", "timex_text")}


def join(feats: Features, passing: Passing, about: dict[str, list[str]]) -> Clusters:
    """Join the passing pairs best first into clusters (see the module's docstring).

    Only the rows of the pairs' connected components matter to each other: a distributed run joins each
    component apart (`timeline.distributed.merging`), given the corpus's statistics."""
    n = len(feats.start)
    pairs, scores, told, alike, one_day = passing.pairs, passing.scores, passing.told, passing.alike, passing.one_day
    low = np.minimum(feats.rank[pairs[:, 0]], feats.rank[pairs[:, 1]])
    high = np.maximum(feats.rank[pairs[:, 0]], feats.rank[pairs[:, 1]])
    order = np.lexsort((high, low, -np.round(scores, 9))).tolist()
    event_ids = about["event_id"]
    parent = list(range(n))
    clusters: dict[int, _Cluster] = {}  # by root; a row alone gets its cluster when first compared

    def cluster(root: int) -> _Cluster:
        if root not in clusters:
            clusters[root] = _Cluster([root], Counter([int(feats.doc[root])]), int(feats.start[root]),
                                      int(feats.end[root]), bool(feats.level[root] == 2), _vector(feats.sentence, root),
                                      _vector(feats.label, root),
                                      {feats.classes[root]}, set(feats.told_orgs[root]),
                                      set(feats.key_orgs[root]))
        return clusters[root]

    reasons: dict[int, list[str]] = defaultdict(list)

    def find(u: int) -> int:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for k in order:
        i, j, score = int(pairs[k, 0]), int(pairs[k, 1]), float(scores[k])
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        conflict = _conflict(feats, i, j)
        if conflict and told[k] < NAME_CONFLICT:
            continue
        a, b = cluster(ri), cluster(rj)
        if not _may_join(feats, a, b, float(told[k]), bool(alike[k]), bool(one_day[k])):
            continue
        small, large = (ri, rj) if len(a.members) <= len(b.members) else (rj, ri)
        joiner, joined = (i, j) if find(i) == small else (j, i)
        reasons[joiner].append(_reason(about, feats, joiner, joined, score))
        parent[small] = large
        _absorb(clusters[large], clusters.pop(small))
    cluster_of, sources, why = ["c-" + e for e in event_ids], [1] * n, [""] * n
    for group in clusters.values():
        cid = "c-" + min(event_ids[m] for m in group.members)
        for m in group.members:
            cluster_of[m], sources[m] = cid, len(group.docs)
    for row, texts in reasons.items():
        why[row] = " | ".join(texts)
    return Clusters(cluster_of, sources, why, passing.candidates)


def _same_day(feats: Features, pairs: np.ndarray) -> np.ndarray:
    """Per pair: both mentions date the very same single day."""
    i, j = pairs[:, 0], pairs[:, 1]
    return (feats.start[i] == feats.end[i]) & (feats.start[j] == feats.start[i]) & (feats.end[j] == feats.end[i])


def _may_join(feats: Features, a: _Cluster, b: _Cluster, score: float, alike: bool, one_day: bool = False) -> bool:
    """Complete-link on dates and event classes, average link on words (or, for a pair of one event
    class, complete link on classes), and one article's mentions only when told twice or of one class."""
    start, end = max(a.start, b.start), min(a.end, b.end)
    if start > end or ((a.coarse or b.coarse) and (a.start, a.end) != (b.start, b.end)):
        return False
    if a.names and b.names and not (a.names & b.orgs or b.names & a.orgs) and score < NAME_CONFLICT:
        # "Ford" vs "Stellantis": each is about an organization the other's sentences never name
        return False
    if not all(eventtypes.compatible(x, y) for x in a.kinds for y in b.kinds):
        return False
    pairs = len(a.members) * len(b.members)
    if pairs > 1 and not one_day and max(_dot(a.total, b.total), _dot(a.told, b.told)) / pairs < (
            CLASS_AVERAGE_LINK if alike else AVERAGE_LINK):
        return False  # (one pair: its own score decided)
    for doc in a.docs.keys() & b.docs.keys():  # two mentions of one article: told twice (see `_told_twice`)
        for x in (m for m in a.members if feats.doc[m] == doc):
            for y in (m for m in b.members if feats.doc[m] == doc):
                if not _told_twice(feats, x, y):
                    return False
    return True


def _told_twice(feats: Features, x: int, y: int) -> bool:
    """Whether two mentions of one article may tell one happening: the same range and much alike sentences
    (the title retold as the lead), or one person's words on one day, or one event class and key name on one day,
    or on a day inside the other's week ("the agreement reached this week" ... "the deal announced on Wednesday")."""
    same = (feats.start[x], feats.end[x]) == (feats.start[y], feats.end[y])
    if same and max(_dot(_vector(feats.sentence, x), _vector(feats.sentence, y)),
                    _dot(_vector(feats.window, x), _vector(feats.window, y))) >= SAME_ARTICLE:
        return True
    day = feats.start[x] == feats.end[x] or feats.start[y] == feats.end[y]
    inside = feats.level[x] == 0 and feats.level[y] == 0  # both at most a week long (their overlap is checked)
    if day and same and bool(one_speaker(feats, np.array([[x, y]]), np.ones(1, dtype=bool))[0]):
        return True  # one person's words on one day, told in two sentences
    return bool(day and (same or inside) and _one_happening_told(feats, x, y))


def _one_happening_told(feats: Features, x: int, y: int) -> bool:
    """Two mentions that tell one event class (or two related ones, `eventtypes.akin`) of one key organization (or
    one names none), both as happenings or both as possibilities (their dates checked elsewhere)."""
    names = feats.key_orgs[x] & feats.key_orgs[y] or not feats.key_orgs[x] or not feats.key_orgs[y]
    return bool(eventtypes.akin(feats.cues[x], feats.cues[y]) and names
                and feats.hedged[x] == feats.hedged[y])


def _class_ids(sets: list[frozenset[str]]) -> tuple[np.ndarray, list[frozenset[str]]]:
    """Each row's class set as an id into the list of distinct sets (few: pair checks become look-ups)."""
    ids: dict[frozenset[str], int] = {}
    return np.fromiter((ids.setdefault(c, len(ids)) for c in sets), np.int64, len(sets)), list(ids)


def _pair_test(sets: list[frozenset[str]], a: np.ndarray, b: np.ndarray,
               test: Callable[[frozenset[str], frozenset[str]], object]) -> np.ndarray:
    """``test`` of the class sets of ids ``a`` and ``b``, run once per distinct pair of sets."""
    codes, inverse = np.unique(a * len(sets) + b, return_inverse=True)
    return np.array([bool(test(sets[c // len(sets)], sets[c % len(sets)])) for c in codes.tolist()],
                    dtype=bool)[inverse.ravel()]


def classes_compatible(feats: Features, pairs: np.ndarray) -> np.ndarray:
    """Per pair: whether the labels' event classes may be one happening's (not a strike vs a vote)."""
    ids, sets = _class_ids(feats.classes)
    if not len(pairs):
        return np.zeros(0, dtype=bool)
    return _pair_test(sets, ids[pairs[:, 0]], ids[pairs[:, 1]], eventtypes.compatible)


def who_and_where(feats: Features, pairs: np.ndarray, among: np.ndarray) -> np.ndarray:
    """Per pair of ``among``: both name the same actor and the same place that are not the corpus's topic, and
    both tell a happening or both a possibility. On one day, the same people at the same place is one
    happening ("Trump is expected in Clinton Township, Michigan" / "Trump was in Michigan ... in Clinton
    Township")."""
    out = np.zeros(len(pairs), dtype=bool)
    for k in np.flatnonzero(among).tolist():  # (the pairs of one day only: few)
        i, j = int(pairs[k, 0]), int(pairs[k, 1])
        if feats.hedged[i] != feats.hedged[j]:
            continue
        key = feats.key_names[i] & feats.key_names[j]
        where_i, where_j = feats.places[i] & feats.key_names[i], feats.places[j] & feats.key_names[j]
        out[k] = bool(key & feats.actors[i] & feats.actors[j]) and bool(where_i and where_j) \
            and places_meet(where_i, where_j)
    return out


def one_speaker(feats: Features, pairs: np.ndarray, among: np.ndarray) -> np.ndarray:
    """Per pair of ``among`` (one day): both date something said and name the same person, both as happenings or
    both as possibilities. What a person says on one day is one telling, whatever it is about ("Fain called for
    a surprise strike late Wednesday" / "On Wednesday, Fain said 'We have been crystal clear'")."""
    out = np.zeros(len(pairs), dtype=bool)
    for k in np.flatnonzero(among).tolist():
        i, j = int(pairs[k, 0]), int(pairs[k, 1])
        out[k] = bool(feats.spoke[i] and feats.spoke[j] and feats.hedged[i] == feats.hedged[j]
                      and feats.key_people[i] & feats.key_people[j])
    return out


def class_pairs(feats: Features, pairs: np.ndarray) -> np.ndarray:
    """Per pair: one event class, one key organization (or one names none), close dates (the same day, or a day
    inside a week or a third of a month) and both told as happenings or both as possibilities: such a pair needs
    only `CLASS_THRESHOLD`."""
    if not len(pairs):
        return np.zeros(0, dtype=bool)
    i, j = pairs[:, 0], pairs[:, 1]
    day = (feats.start[i] == feats.end[i]) | (feats.start[j] == feats.end[j])
    span = np.maximum(feats.end[i] - feats.start[i], feats.end[j] - feats.start[j]) + 1
    close = (span <= CLASS_DAYS) & day  # the same day, or a day inside a week or a third of a month ("mid-
    # September"): a whole month holds too many happenings of one class for the class to say which
    close &= feats.hedged[i] == feats.hedged[j]  # "strikes could happen Friday" is no evidence of the strike
    ids, sets = _class_ids(feats.cues)
    out = close & _pair_test(sets, ids[i], ids[j], eventtypes.shared)
    for k in np.flatnonzero(out).tolist():  # the few left: their organizations meet, or one names none
        a, b = feats.key_orgs[i[k]], feats.key_orgs[j[k]]
        out[k] = bool(a & b) or not a or not b
    return out


def _absorb(into: _Cluster, other: _Cluster) -> None:
    into.members.extend(other.members)
    into.docs.update(other.docs)
    into.start, into.end = max(into.start, other.start), min(into.end, other.end)
    into.coarse = into.coarse or other.coarse
    for key, weight in other.total.items():
        into.total[key] = into.total.get(key, 0.0) + weight
    for key, weight in other.told.items():
        into.told[key] = into.told.get(key, 0.0) + weight
    into.kinds |= other.kinds
    into.names |= other.names
    into.orgs |= other.orgs


def _reason(about: dict[str, list[str]], feats: Features, i: int, j: int, score: float) -> str:
    """Why row ``i`` joined row ``j``'s cluster, in words a reader can check."""
    other = {name: values[j] for name, values in about.items()}
    a, b = _vector(feats.sentence, i), _vector(feats.sentence, j)
    shared = sorted(a.keys() & b.keys(), key=lambda c: (-a[c], feats.vocabulary[c]))
    plain = _vector(feats.words, i).keys() & _vector(feats.words, j).keys()
    words = [feats.vocabulary[c] for c in shared if c in plain][:6]
    numbers = [feats.vocabulary[c][1:] for c in shared if feats.vocabulary[c][:1] == "#"]
    names = sorted(feats.names[i] & feats.names[j])
    same = feats.start[i] == feats.start[j] and feats.end[i] == feats.end[j]
    day = np.datetime64(int(feats.start[j]), "D")
    dates = ("same range" if same else
             "one range inside the other") + f" ({other['timex_text']}, from {day})"
    parts = [f"joined {other['event_id']} ({other['outlet']}, {other['doc_id']})", f"score {score:.2f}",
             f"dates: {dates}"]
    kinds = sorted(eventtypes.shared(feats.cues[i], feats.cues[j]))
    if kinds:
        parts.append("both " + " and ".join(f"'{kind}'" for kind in kinds) + " events")
    if names:
        parts.append("shared names: " + ", ".join(names))
    if numbers:
        parts.append("shared numbers: " + ", ".join(numbers))
    if words:
        parts.append("shared words: " + ", ".join(words))
    return "; ".join(parts)
