"""Actors and places: people, organizations, countries and cities, joined across a corpus.

No model is downloaded. Countries, cities and well-known organizations come from
`timeline.gazetteer`; people are found by shape (two to four capitalised words, titles such as
"US President" stripped) and joined: a surname alone ("Kellogg") takes the full name seen
anywhere in the corpus ("Keith Kellogg"), and spelling variants ("Zelensky"/"Zelenskyy",
"Stephen"/"Steve" Witkoff, "Volodymyr"/"Vladimir") become one name, the most frequent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from timeline.documents import Document
from timeline.gazetteer import (
    CITIES,
    COUNTRIES,
    FIRST_NAME_VARIANTS,
    NOT_NAMES,
    ORGANIZATIONS,
    SPEECH_VERBS,
    TITLES,
)

ACTOR_KINDS = ("person", "organization")
PLACE_KINDS = ("country", "city")


@dataclass(frozen=True)
class Mention:
    """A name in a document: ``name`` is its canonical form, the same across the corpus."""

    text: str
    start_char: int
    end_char: int
    kind: str  # person | organization | country | city
    name: str


# --------------------------------------------------------------------------- gazetteer matching


def _alias_table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for kind, entries in (("city", CITIES), ("country", COUNTRIES), ("organization", ORGANIZATIONS)):
        for canonical, aliases in entries.items():
            for alias in (canonical, *aliases):
                table.setdefault(alias, (kind, canonical))
    return table


_ALIASES = _alias_table()
_GAZETTEER = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in sorted(_ALIASES, key=len, reverse=True)) + r")(?![\w])"
)
_ORG_HEADS = ("Ministry", "Department", "Council", "Commission", "Conference", "Assembly", "Agency", "Party",
              "Bank", "Forces", "Army", "Navy", "Alliance", "Institute", "University", "Committee", "Court",
              "Parliament", "Organization", "Organisation", "Fund", "Office", "Service", "Guard")
_GENERIC_ORG = re.compile(
    r"\b(?:[A-Z][A-Za-z]+\s+){1,4}(?:" + "|".join(_ORG_HEADS) + r")\b(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+)?"
)

# --------------------------------------------------------------------------- people

_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.)"
_PARTICLE = r"(?:von|van|de|der|den|da|di|du|le|la|bin|al|el|ben)"
_CANDIDATE = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,6}}")
_POSSESSIVE = re.compile(r"['’]s$")


def _clean_person(text: str, start: int) -> tuple[str, int, bool] | None:
    """Strip titles and function words off a candidate; None when what is left is no name.

    Returns the name, its offset, and whether a title stood before it (evidence of a person).
    """
    tokens = [(m.group(0), start + m.start()) for m in re.finditer(r"\S+", text)]
    titled = False
    def is_prefix(i: int) -> bool:  # "President", "The", or a place before a title ("Britain's Prime Minister")
        word = tokens[i][0].rstrip(".")
        if word in NOT_NAMES or word.lower() in TITLES:
            return True
        following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        return _POSSESSIVE.sub("", word) in _ALIASES and (following in NOT_NAMES or following.lower() in TITLES)

    while tokens and is_prefix(0):
        titled = titled or tokens[0][0].lower().rstrip(".") in TITLES
        tokens.pop(0)
    while tokens and (tokens[-1][0] in NOT_NAMES or tokens[-1][0] in _ALIASES):
        tokens.pop()
    if len(tokens) < 2 or any(t in NOT_NAMES or t in _ALIASES for t, _ in tokens[1:]):
        return None
    if all(len(t.rstrip(".")) == 1 for t, _ in tokens):
        return None
    first, last = tokens[0], tokens[-1]
    name_end = last[1] + len(_POSSESSIVE.sub("", last[0]))
    return text[first[1] - start:name_end - start], first[1], titled


def _person_candidates(text: str) -> list[tuple[int, int, str, bool]]:
    found = []
    for match in _CANDIDATE.finditer(text):
        cleaned = _clean_person(match.group(0), match.start())
        if cleaned is None:
            continue
        name, start, titled = cleaned
        before = text[max(0, start - 40):start].lower()
        after = text[start + len(name):start + len(name) + 30].lower()
        titled = titled or bool(re.search(r"\b(?:" + "|".join(sorted(TITLES)) + r")\b[\s,]*$", before))
        speaks = any(w in SPEECH_VERBS for w in re.findall(r"[a-z]+", after)[:2] + re.findall(r"[a-z]+", before)[-2:])
        apposed = re.match(r",\s+(?:\w+\s+){0,3}(?:" + "|".join(sorted(TITLES)) + r")\b", after) is not None
        mid_sentence = re.search(r"[a-z,]\s*$", text[max(0, start - 3):start]) is not None
        subject = re.match(r"\s+(?:and\s+[A-Z]|[a-z]{2,})", text[start + len(name):start + len(name) + 30])
        found.append((start, start + len(name), name, titled or speaks or apposed or mid_sentence or bool(subject)))
    return found


def _first_key(first: str) -> str:
    first = first.lower().rstrip(".")
    return FIRST_NAME_VARIANTS.get(first, first)


def _same_person(a: str, b: str) -> bool:
    """Surnames alike (Zelensky/Zelenskyy) and first names compatible (Steve/Stephen, an initial, none)."""
    a_parts, b_parts = a.split(), b.split()
    a_last, b_last = a_parts[-1].lower(), b_parts[-1].lower()
    if a_last != b_last and (a_last[0] != b_last[0] or fuzz.ratio(a_last, b_last) < 85):
        return False
    if len(a_parts) == 1 or len(b_parts) == 1:
        return True
    fa, fb = _first_key(a_parts[0]), _first_key(b_parts[0])
    return fa == fb or (min(len(fa), len(fb)) == 1 and fa[0] == fb[0])


def _join_people(counts: Counter[str]) -> dict[str, str]:
    """Every full name seen -> its canonical form: the most frequent spelling of the person."""
    groups: list[list[str]] = []
    for name in sorted(counts, key=lambda n: (-counts[n], -len(n), n)):
        for group in groups:
            if _same_person(group[0], name):
                group.append(name)
                break
        else:
            groups.append([name])
    return {name: group[0] for group in groups for name in group}


# --------------------------------------------------------------------------- the corpus


def _overlaps(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in taken)


def find_entities(documents: Sequence[Document]) -> dict[str, list[Mention]]:
    """doc_id -> the mentions of people, organizations, countries and cities, in text order."""
    fixed: dict[str, list[Mention]] = {}
    people: dict[str, list[tuple[int, int, str]]] = {}
    counts: Counter[str] = Counter()
    for doc in documents:
        mentions = [Mention(m.group(0), m.start(), m.end(), *_ALIASES[m.group(0)])
                    for m in _GAZETTEER.finditer(doc.text)]
        taken = [(m.start_char, m.end_char) for m in mentions]
        candidates = _person_candidates(doc.text)
        surnames = Counter(name.split()[-1] for _, _, name, _ in candidates)
        kept = []
        for start, end, name, evidence in candidates:
            alone = re.search(rf"\b{re.escape(name.split()[-1])}\b(?!\s+[A-Z])", doc.text[end:]) is not None
            if evidence or alone or surnames[name.split()[-1]] > 1:
                kept.append((start, end, name))
        for start, end, name in sorted(kept, key=lambda c: c[0] - c[1]):  # longest first
            if not _overlaps((start, end), taken) or name not in _ALIASES:
                mentions = [m for m in mentions if not (m.start_char < end and start < m.end_char)]
                taken = [(m.start_char, m.end_char) for m in mentions]
                people.setdefault(doc.doc_id, []).append((start, end, name))
                taken.append((start, end))
                counts[name] += 1
        for match in _GENERIC_ORG.finditer(doc.text):
            name = re.sub(r"^(?:The|A|An)\s+", "", match.group(0))
            start = match.end() - len(name)
            if not _overlaps((start, match.end()), taken):
                mentions.append(Mention(name, start, match.end(), "organization", name))
                taken.append((start, match.end()))
        fixed[doc.doc_id] = mentions
    canonical = _join_people(counts)
    surname_index = _surname_index(canonical, counts)
    result: dict[str, list[Mention]] = {}
    for doc in documents:
        mentions = fixed[doc.doc_id] + [Mention(doc.text[s:e], s, e, "person", canonical[n])
                                        for s, e, n in people.get(doc.doc_id, [])]
        local = {canonical[n] for _, _, n in people.get(doc.doc_id, [])}
        taken = [(m.start_char, m.end_char) for m in mentions]
        for match in re.finditer(r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?:['’]s)?\b", doc.text):
            word = _POSSESSIVE.sub("", match.group(0))
            person = _lookup_surname(word, surname_index, local)
            end = match.start() + len(word)
            if person and not _overlaps((match.start(), end), taken):
                mentions.append(Mention(word, match.start(), end, "person", person))
        result[doc.doc_id] = sorted(mentions, key=lambda m: m.start_char)
    return result


def _surname_index(canonical: dict[str, str], counts: Counter[str]) -> dict[str, Counter[str]]:
    index: dict[str, Counter[str]] = {}
    for name, person in canonical.items():
        index.setdefault(name.split()[-1].lower(), Counter())[person] += counts[name]
    return index


def _lookup_surname(word: str, index: dict[str, Counter[str]], local: set[str]) -> str | None:
    """The person a lone surname means: exact or a close spelling; this document's person first."""
    if word in NOT_NAMES or word in _ALIASES or len(word) < 3:
        return None
    key = word.lower()
    options = index.get(key)
    if options is None:
        close = [k for k in index if k[0] == key[0] and abs(len(k) - len(key)) <= 2 and fuzz.ratio(k, key) >= 88]
        if not close:
            return None
        options = sum((index[k] for k in close), Counter())
    here = [p for p in options if p in local]
    return here[0] if here else options.most_common(1)[0][0]


def actors_and_places(mentions: Sequence[Mention], start: int, end: int) -> tuple[list[str], list[str]]:
    """The distinct actor and place names mentioned inside ``[start, end)``, in order of appearance."""
    actors: list[str] = []
    places: list[str] = []
    for m in mentions:
        if start <= m.start_char and m.end_char <= end:
            target = actors if m.kind in ACTOR_KINDS else places
            if m.name not in target:
                target.append(m.name)
    return actors, places
