"""Actors and places: people, organizations, countries, regions and cities, each under one name across a
corpus; news outlets cited for what they report are sources, neither.

No model is downloaded (spaCy is not used even when installed: results must not depend on the machine).
Every pass is linear in the text: one Aho-Corasick pass for all gazetteer names, regexes, and bisection
wherever one span is checked against the others (`benchmarks/bench_entities.py`).

* Places come from GeoNames and ISO 3166 (`timeline.entities.places`), companies from the stock indices
  (`timeline.entities.companies`), a few organizations and aliases from `timeline.entities.gazetteer`, all
  matched by `timeline.entities.matcher`. A name with several meanings takes the article's geography
  ("Georgia" beside Atlanta is the state). Names that are also words or given names need context
  ("in Reading", "Mobile, Ala."); a small town named like a person is the person ("President Clinton").
  A place qualifying what follows is no place ("U.S. officials", "Detroit automakers", "Kentucky Truck
  Plant"), nor is a demonym ("Ukrainian President"); "Washington" is the city even where it stands for
  the US government.
* Other organizations are found by their last word: capitalised phrases ending in Ministry,
  Department, Council, Board, Airlines, Motors, News, Times... ("Russian Defense Ministry",
  "Ministry of Defence", "Kyiv Post"), named as written minus a leading "The"; a union's "Local 862";
  and the long forms an article defines ("the National Transportation Safety Board (NTSB)"), whose
  abbreviation then names them in that article and across the corpus
  (`timeline.entities.abbreviations`).
* Outlets cited as sources ("according to Reuters", "The Washington Post reported", "told CNN",
  "(AP)") and the article's own outlet are kind "source": no actor.
* People are found by shape and evidence: two to four capitalised words (particles, hyphens and
  apostrophes allowed, "Ursula von der Leyen") that are no gazetteer entry, title, demonym, month
  or function word, with evidence: a title or role before them ("President", "envoy", "Gen."),
  a speech verb ("X said", "said X", "X told"), an apposition (", who", ", the ... minister"), or
  a known given name first (`timeline.entities.names`). A name with evidence anywhere in the corpus
  counts everywhere; a title-led single word ("President Biden") counts too; a surname that is a
  title word stays ("John Major"). Photo credits are not actors.
* Joining: a surname alone ("Kellogg", "Trump's") takes the full name seen in the same article,
  else in the corpus; spelling variants join (rapidfuzz on surnames, "Steve"/"Stephen",
  "Volodymyr"/"Vladimir"); each person is named by their most frequent full form (ties: longest).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

from timeline.documents import Document
from timeline.entities.abbreviations import definitions
from timeline.entities.companies import companies
from timeline.entities.gazetteer import (
    COMPANY_HEADS,
    CONTEXTUAL,
    DEMONYMS,
    FIRST_NAME_VARIANTS,
    FIRST_NAMES,
    NAME_ENDERS,
    NOT_PLACES,
    ORG_HEADS,
    ORGANIZATIONS,
    OUTLETS,
    PARTICLES,
    PLACE_FEATURES,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_ABBREVIATIONS,
    TITLES,
)
from timeline.entities.matcher import Matcher
from timeline.entities.names import given_names
from timeline.entities.places import Place, place_table

_BLOCKED = "blocked"  # internal: a phrase that is no entity ("Latin America") but hides the shorter one inside
ACTOR_KINDS = ("person", "organization")
PLACE_KINDS = ("country", "region", "city")
SOURCE_KINDS = ("source",)  # a news outlet cited for what it reported: neither actor nor place
KINDS = ACTOR_KINDS + PLACE_KINDS + SOURCE_KINDS


@dataclass(frozen=True)
class Mention:
    """A name in a document: ``name`` is its canonical form, the same across the corpus."""

    text: str
    start_char: int
    end_char: int
    kind: str  # person | organization | country | region | city | source
    name: str


# --------------------------------------------------------------------------- gazetteer matching

@cache
def _lexicon() -> tuple[dict[str, tuple], Matcher]:
    """alias -> its candidates: ((kind, canonical),) for organizations and blocking phrases, else Places."""
    table: dict[str, tuple] = {alias: ((_BLOCKED, ""),) for alias in NOT_PLACES}
    for canonical, aliases in ORGANIZATIONS.items():
        for alias in (canonical, *aliases):
            table.setdefault(alias, (("organization", canonical),))
    places = place_table()
    for company in companies():  # a one-word place keeps its name: "Delta", "Amazon"
        for alias in company.aliases:
            if " " in alias or alias not in places:
                table.setdefault(alias, (("organization", company.name),))
    for alias, candidates in places.items():
        table.setdefault(alias, candidates)
    for alias, candidates in places.items():  # "KYIV, May 13 -": datelines, for places that need no context
        if len(alias) > 3 and not candidates[0].guarded and alias.upper() not in table:
            table[alias.upper()] = candidates
    return table, Matcher(table)


@cache
def _guarded_companies() -> frozenset[str]:
    return frozenset(alias for company in companies() for alias in company.guarded)


#: Words after which a place named like a common word or a given name is the place ("in Reading").
_PLACE_PREPOSITIONS = frozenset("in at from near to of outside into across around toward towards via "
                                "through throughout based headquartered".split())
#: Lower-case words after a country's abbreviation that show it is no adjective ("the U.S. said").
_NOT_NOUNS = frozenset("""
and or of in on at to for with by from as than that which who whose but not also already still has have had is
are was were be been being will would could should can may might must did does do its it this these those there
then now when while where after before since until if so because though although against about over under into
through during amid across between among per via nor yet just only even again soon later today tonight
""".split()) | SPEECH_VERBS | frozenset("""
says warns plans wants needs seeks moves agrees hopes expects faces remains struck continues launches denies
accuses claims calls sees gets takes makes gives keeps holds tries looks considers insists rejects refuses
announces reports demands threatens urges backs supports blames sends leads joins signs pays owes won lost
began begins remain were became went came grew fell rose saw made took got gave held led left ran sent set
next last early late earlier later yesterday tomorrow week weeks month months year years morning evening night
""".split())


def _word_before(text: str, start: int) -> str:
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "-"):
        j -= 1
    if i == start:
        return ""
    word = text[j:i].lower()
    return word.rsplit("-", 1)[-1]


def _dateline(text: str, start: int, end: int) -> bool:
    """"MOBILE, Ala. (AP) -": a place in capitals opening a line."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[start:end].isupper() and text[end:end + 1] in ",("


#: Lower-case words after a place that keep it a place: where something is ("the Toledo plant").
_FUNCTION_WORDS = _NOT_NOUNS | _PLACE_PREPOSITIONS | frozenset(
    "the a an this that these those his her its their".split())
_LOCATION_NOUNS = frozenset("""
plant plants factory factories facility facilities site sites area areas region office offices headquarters
airport campus base port warehouse store stores mill mine center centre hospital school city county state suburb
suburbs neighborhood neighbourhood district metro border coast time resident residents native natives
""".split())
#: Capitalised last words of a facility's name: no place of its own ("Kentucky Truck Plant", "Detroit Metro Airport").
_FACILITY = re.compile(r"(?:[ \u00a0]+[A-Z][\w'’\-]*){0,3}[ \u00a0]+(?:Plant|Assembly|Complex|Airport|Factory|Works|"
                       r"Station|Arsenal|Refinery|Stadium|Arena|Hospital|Center|Centre)\b")
_FACILITY_AFTER = re.compile(r"[ \u00a0]+(?:[Pp]lant|[Cc]omplex|[Ff]actory|[Ff]acility)\b")
#: "the GM Lansing Delta plant": a place, then a capitalised word, then a factory: the factory's name
_FACILITY_LOWER = re.compile(r"(?:[ \u00a0]+[A-Z][\w'’\-]*){1,3}[ \u00a0]+(?:plant|complex|factory|facility)\b")
_NEXT_WORD = re.compile(r"[ \u00a0]([A-Za-z][\w'’\-]*)")


def _adjective(text: str, start: int, end: int) -> bool:
    """A place used to qualify what follows names no place: "U.S. planemaker", "U.S. officials", "Detroit
    automakers", "Wall Street expectations", "U.S. President", "Kentucky Truck Plant"; but "in the U.S.",
    "the U.S. said", "the Toledo plant" (where something is) and "US-led" do."""
    if _FACILITY.match(text, end) or _FACILITY_LOWER.match(text, end):
        return True
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    if word[0].islower():
        return not (word in _NOT_NOUNS or word in _LOCATION_NOUNS or word.endswith("ed"))
    return word.lower() in TITLES and not text.startswith(".", following.end())


def _choose(candidates: tuple[Place, ...], votes: Counter[str]) -> Place:
    """The first candidate, unless a region of another country is more at home in the article
    ("Georgia" in an article on Atlanta and Ohio is the US state)."""
    first = candidates[0]
    others = [p for p in candidates[1:] if p.kind != "city"]  # a state, not a small town: "Ontario" stays Canada's
    if not others:
        return first
    best = max(others, key=lambda p: votes[p.country] if p.country else 0)
    if best is not first and votes[best.country] >= 2 and votes[first.country] == 0:
        return best
    return first


_ROLE_AFTER = re.compile(r"[ \u00a0]+([A-Za-z]+)")
_LOCAL_WORDS = frozenset("resident residents native natives area-based based city county".split())


def _beside_place(text: str, matches: list[tuple[int, int, str]], i: int, table: dict[str, tuple]) -> bool:
    """"Mobile, Alabama", "Wayne, Michigan": a place, comma, a place."""
    start, end, _ = matches[i]
    if text.startswith(", ", end) and i + 1 < len(matches) and matches[i + 1][0] == end + 2 and isinstance(
            table[matches[i + 1][2]][0], Place):
        return True
    return text[start - 2:start] == ", " and i > 0 and matches[i - 1][1] == start - 2 and isinstance(
        table[matches[i - 1][2]][0], Place)


def _place_context(text: str, matches: list[tuple[int, int, str]], i: int, table: dict[str, tuple]) -> bool:
    """Does the text show that this name, also a common word or given name, is the place? "in Reading",
    "READING, England -", "Mobile, Alabama", "Wayne, Michigan", "Mobile Mayor ...", "a Mobile councilman"."""
    start, end, _ = matches[i]
    if _word_before(text, start) in _PLACE_PREPOSITIONS or _dateline(text, start, end):
        return True
    if _beside_place(text, matches, i, table):
        return True
    after = _ROLE_AFTER.match(text, end)
    return after is not None and (after.group(1).lower() in TITLES or after.group(1).lower() in _LOCAL_WORDS)


_CAPITALISED_AFTER = re.compile(r"[ \u00a0]+[A-Z][a-z]")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w.’'])([A-Z][\w’'\-]*)[ \u00a0]$")


def _name_like(text: str, start: int, end: int) -> bool:
    """A small town's name used as a person's or a thing's: after a title ("President Clinton", "Mr. Taylor"),
    inside a longer name ("Space Shuttle Columbia", "Independence Day"), or as who speaks ("Magna said")."""
    if _titled(text, start, just=True):
        return True
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1).lower() not in _FUNCTION_WORDS and not _sentence_initial(text, before.start(1)):
        return True
    after = _CAPITALISED_AFTER.match(text, end)
    if after and not text[after.end() - 2:].startswith(_FEATURE_WORDS):
        return True
    return _SPEECH_AFTER.match(text[end:end + 120]) is not None and _word_before(text, start) not in _PLACE_PREPOSITIONS


def _gazetteer_mentions(text: str, lowercase: set[str] | frozenset[str] = frozenset()) -> list[Mention]:
    """Gazetteer names in ``text``; ``lowercase`` holds the words the corpus writes in lower case."""
    table, matcher = _lexicon()
    matches = matcher.find(text)
    votes: Counter[str] = Counter()  # regions and towns by country: the article's geography
    for _, _, alias in matches:
        candidates = table[alias]
        if isinstance(candidates[0], Place) and len(candidates) == 1 and candidates[0].kind != "country":
            votes[candidates[0].country] += 1
    guarded = _guarded_companies()
    named = {table[alias][0][1] for start, _, alias in matches  # "Ford Motor", or "Ford" inside a sentence:
             if not isinstance(table[alias][0], Place)  # then "Ford ..." opening one is the company too
             and (alias not in guarded or not _sentence_initial(text, start))}
    chosen = [_choose(table[alias], votes) if isinstance(table[alias][0], Place) else None
              for _, _, alias in matches]
    confirmed = {place.name for i, place in enumerate(chosen)  # "in Mobile" once: "Mobile" in mid-sentence too
                 if place is not None and place.guarded and _place_context(text, matches, i, table)}
    found: list[Mention] = []
    for i, (start, end, alias) in enumerate(matches):
        candidates = table[alias]
        if not isinstance(candidates[0], Place):
            kind, canonical = candidates[0]
            if alias in guarded and (
                    alias.lower() in lowercase
                    or (_CAPITALISED_AFTER.match(text, end) and not (i + 1 < len(matches) and isinstance(
                        table[matches[i + 1][2]][0], Place) and matches[i + 1][0] == end + 1))  # "Ford Michigan ..."
                    or (_sentence_initial(text, start) and canonical not in named and not (
                        text.startswith(("'s", "’s"), end) or _SPEECH_AFTER.match(text[end:end + 120])))):
                continue  # "Target the ...", "the Progressive Party", a corpus that writes "target"
            found.append(Mention(alias, start, end, kind, canonical))
            continue
        if _FEATURE_AFTER.match(text, end):
            continue  # "Dnipro River", "Jordan Valley"
        place = chosen[i]
        if place.guarded and not _place_context(text, matches, i, table) and (
                place.name not in confirmed or _sentence_initial(text, start)):
            continue  # "Reading the report", "Nice to see", "Mobile phones"
        if _adjective(text, start, end):
            continue
        if not place.major and _name_like(text, start, end) and not _beside_place(text, matches, i, table):
            continue  # "President Clinton", "Space Shuttle Columbia", "Magna said", "from Hurricane Hugo"
        found.append(Mention(alias, start, end, place.kind, place.name))
    plain = {m.name for m in found if m.text not in CONTEXTUAL}
    return [m for m in found if m.text not in CONTEXTUAL or m.name in plain]


_FEATURE_AFTER = re.compile(r"[ \u00a0](?:" + "|".join(sorted(PLACE_FEATURES)) + r")\b")
_FEATURE_WORDS = tuple(sorted(PLACE_FEATURES))

# --------------------------------------------------------------------------- tokens

_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_LOWER = "".join(chr(c) for c in range(0x61, 0x250) if chr(c).islower())
_U, _L = f"[{re.escape(_UPPER)}]", f"[{re.escape(_LOWER)}]"
_WORD = rf"(?:(?:Mc|Mac|O['’]|D['’]|(?:al|el)-)?{_U}{_L}+(?:{_U}{_L}{{2,}})?(?:-{_U}?{_L}+)*)"  # "DeSantis"
_INITIAL = rf"(?:{_U}\.(?:[ ]?{_U}\.)*)"
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")"
_SPACE = r"[ \u00a0]"
_PARTICLE_TOKEN = rf"(?:{_PARTICLE}(?=(?:{_SPACE}+{_PARTICLE})*{_SPACE}+{_U}))"  # "von der" before "Leyen"
_TOKEN = re.compile(rf"(?<![\w'’.\-])(?:{_WORD}|{_INITIAL}|{_PARTICLE_TOKEN})(?![\w])")
_ONLY_SPACE = re.compile(f"{_SPACE}+")
_LOWER_WORDS = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_TITLE_WORDS = "|".join(sorted(TITLES, key=len, reverse=True))
_TITLE = rf"\b(?:(?:{_TITLE_WORDS})|(?:{'|'.join(sorted(TITLE_ABBREVIATIONS))})\.)"
#: "President ", "Gen. ", "envoy for Ukraine, " (a role's complement only before a comma)
_TITLE_BEFORE = re.compile(
    rf"{_TITLE}(?:{_SPACE}+(?:for|to|of){_SPACE}+(?:the{_SPACE}+)?[\w.’'-]+(?:{_SPACE}+(?:{_U}[\w.’'-]*|and|of|the))*"
    rf"{_SPACE}*,)?{_SPACE}*$", re.IGNORECASE)
_TITLE_JUST_BEFORE = re.compile(rf"{_TITLE}\.?{_SPACE}*$", re.IGNORECASE)  # "President ", "Mr. "
_VERBS = "|".join(sorted(SPEECH_VERBS))
_SPEECH_AFTER = re.compile(
    rf"^(?:,[^,.;\n]{{1,80}},)?\s*(?:has|had|have|also|later|then|previously|again|reportedly|on\s+\w+)?\s*(?:{_VERBS})\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|according\s+to|quoted|asked)\s*$")
_APPOSITION = re.compile(
    rf"^,\s+(?:who\b|aged\s+\d|\d{{2}},|(?:the|a|an|his|her|its|their)\s+[^,.;\n]{{0,50}}?\b(?:{_TITLE_WORDS})\b)")
_CREDIT_BEFORE = re.compile(
    r"(?:(?:photo|photograph|image|credit|illustration|getty|video)[^\n]{0,20}[/:|©]|^[ \t]*by|\n[ \t]*by)\s*$",
    re.IGNORECASE)
_PARTICLES_BEFORE = re.compile(rf"(?:(?<![\w])(?i:{_PARTICLE}){_SPACE}+)+$")
_ORG_MOD = rf"(?:{_WORD}|{_U}{{2,}}[0-9]*|{_INITIAL})"
_ORG_TAIL = rf"(?:{_SPACE}+(?:of|for){_SPACE}+(?:the{_SPACE}+)?{_WORD}(?:{_SPACE}+(?:and{_SPACE}+)?{_WORD}){{0,3}})"
_ALL_HEADS = ORG_HEADS | COMPANY_HEADS
_HEADS = "(?:" + "|".join(sorted(_ALL_HEADS, key=len, reverse=True)) + ")"
#: "Russian Defense Ministry", "Securities and Exchange Commission", "Ministry of Foreign Affairs"
_GENERIC_ORG = re.compile(
    rf"(?<![\w.\-])(?:(?:{_ORG_MOD}{_SPACE}+(?:and{_SPACE}+)?){{1,4}}{_HEADS}{_ORG_TAIL}?|{_HEADS}{_ORG_TAIL})(?!\w)")
_ENDER_AFTER = re.compile(rf"{_SPACE}+(?:" + "|".join(sorted(NAME_ENDERS | ORG_HEADS)) + r"|(?:bridge|tunnel|street|"
                          r"avenue|road|highway|airport|stadium|hospital|building|tower|station|school)\b)\b")
#: A water body or island named by its last word: "the Patapsco River", "Chesapeake Bay", "Baltimore
#: Harbor". GeoNames' cities and regions hold none of them, and a river is where much news happens.
_FEATURE = re.compile(rf"(?<![\w.\-])(?:{_WORD}{_SPACE}+){{1,3}}(?:River|Bay|Harbor|Harbour|Lake|Sea|Strait|Straits|"
                      r"Creek|Island|Islands|Gulf)(?!\w)")
#: Modifiers an organization's name may start with although they stop a person's name.
_ORG_MODIFIERS = frozenset("""
National Security Intelligence Homeland Energy Trade Economic Justice Health Education Labor Labour Foreign
Defense Defence Interior Finance Special General Central Federal State Supreme Air Armed Democratic Republican
Conservative Liberal Socialist Communist Green Islamic International Atlantic Black Red Baltic Union News Press
Security Peace Olympic Church Court Euro Euro-Atlantic Bank Post Times Exchange Sea Ocean Gulf River Pacific Arctic
Caspian Mediterranean North South East West Middle Northern Southern Eastern Western Central Space Air Business
""".split()) | DEMONYMS
_ORG_KEEP = _ORG_MODIFIERS | ORG_HEADS


@dataclass
class _Doc:
    """What the first pass learns of one document."""

    doc: Document
    fixed: list[Mention]  # gazetteer and generic organizations
    abbreviations: dict[str, tuple[str, str]]  # abbreviation this article defines -> (kind, name)
    full: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, name of two words or more
    single: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, a lone word


def _titled(text: str, start: int, just: bool = False) -> bool:
    """A title or role stands right before ``start`` ("President ", "Gen. "; unless ``just``, "envoy for Ukraine, ")."""
    before = text[max(0, start - 80):start]
    words = [w.strip(",.") for w in before.lower().split()[-8:]]
    if not any(w in TITLES or w in TITLE_ABBREVIATIONS for w in words):  # cheap test before the regex
        return False
    return (_TITLE_JUST_BEFORE if just else _TITLE_BEFORE).search(before) is not None


def _credit(text: str, start: int) -> bool:
    """A photo credit ("AP Photo/Jane Doe"): the name is no actor of the story."""
    before = text[max(0, start - 40):start]
    return (any(c in before[-3:] for c in "/:|©") or before[-3:].lower() == "by ") and (
        _CREDIT_BEFORE.search(before) is not None)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"'“‘(*-–—•":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


def _overlapping(starts: list[int], ends: list[int], start: int, end: int) -> range:
    """Indexes of the sorted, non-overlapping spans that overlap ``[start, end)``: two bisections."""
    return range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end))


def _merge(mentions: list[Mention], added: list[Mention], removed: set[int]) -> list[Mention]:
    kept = [m for i, m in enumerate(mentions) if i not in removed]
    return sorted(kept + added, key=lambda m: m.start_char)


def _generic_orgs(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add organizations known by their last word; one may swallow the places it names ("Bank of England").

    ``mentions`` are sorted and never overlap, so each candidate finds the mentions it covers by
    bisection: the pass is linear in the text (it was quadratic when it rescanned every mention)."""
    aliases = _lexicon()[0]
    starts = [m.start_char for m in mentions]
    ends = [m.end_char for m in mentions]
    added: list[Mention] = []
    removed: set[int] = set()
    for match in _GENERIC_ORG.finditer(text):
        tokens = list(re.finditer(r"\S+", match.group(0)))
        head = next(i for i, t in enumerate(tokens) if t.group(0) in _ALL_HEADS)
        cut = 0  # after the last word that cannot open a name: "BENT President The Reserve Fund" -> "Reserve Fund"
        for i, token in enumerate(tokens[:head]):
            word = token.group(0)
            if ((word in STOPWORDS and word not in _ORG_KEEP) or word.endswith("-based")
                    or (word.isupper() and len(word) > 4 and word not in aliases)):
                cut = i + 1
        ands = [i for i, t in enumerate(tokens[:head]) if t.group(0) == "and"]
        if len(ands) > 1 or (ands and ands[-1] + 1 == head):  # "Reno and Immigration and Naturalization Service"
            cut = max(cut, ands[0] + 1)
        tokens = tokens[cut:]
        if len(tokens) < 2:
            continue
        start = match.start() + tokens[0].start()
        end = match.end()
        if _FACILITY_AFTER.match(text, end):
            continue  # "Chicago Assembly plant", "Toledo Assembly Complex": a factory, no organization
        over = _overlapping(starts, ends, start, end)
        inside = [i for i in over if start <= starts[i] and ends[i] <= end]
        if len(inside) < len(over) or any(mentions[i].kind == "organization" for i in inside):
            continue
        if len(inside) == 1 and (starts[inside[0]], ends[inside[0]]) == (start, end):
            continue
        name = text[start:end]
        removed.update(inside)
        added.append(Mention(name, start, end, "organization", name))
    return _merge(mentions, added, removed)


_LOCAL = re.compile(r"(?:([A-Z][A-Z&]{1,7})[ \u00a0]+)?Local[ \u00a0]+(\d{1,5})\b")
_LOCAL_WORD = re.compile(r"\bLocal[ \u00a0]+\d{1,5}\b")
_UNION_BEFORE = re.compile(r"(?<![\w.])[A-Z][A-Z&]{1,7}[ \u00a0]+$")


def _union_locals(text: str, mentions: list[Mention]) -> list[Mention]:
    """A union's local, "UAW Local 862" or "Local 862", is an organization of its own."""
    starts = [m.start_char for m in mentions]
    ends = [m.end_char for m in mentions]
    added: list[Mention] = []
    removed: set[int] = set()
    for match in _LOCAL_WORD.finditer(text):  # "Local 862", then the union's letters before it, if any
        union = _UNION_BEFORE.search(text, max(0, match.start() - 12), match.start())
        start, end = (union.start() if union else match.start()), match.end()
        over = _overlapping(starts, ends, start, end)
        if any(not (start <= starts[i] and ends[i] <= end) for i in over):
            continue
        removed.update(over)
        added.append(Mention(text[start:end], start, end, "organization", text[start:end]))
    return _merge(mentions, added, removed) if added else mentions


def _join_locals_with(state: _Doc, full: dict[str, str]) -> None:
    """"Local 862" takes the name "UAW Local 862" where the corpus writes the union once, and only one
    (``full``: local number -> that name, from `NameSummary.index`)."""
    state.fixed = [
        Mention(m.text, m.start_char, m.end_char, m.kind, full[n])
        if m.kind == "organization" and (match := _LOCAL.fullmatch(m.name)) and not match.group(1)
        and (n := match.group(2)) in full else m
        for m in state.fixed]


def _abbreviation_orgs(text: str, mentions: list[Mention]) -> tuple[list[Mention], dict[str, tuple[str, str]]]:
    """The long forms this text defines ("the National Transportation Safety Board (NTSB)") as mentions, and
    abbreviation -> (kind, name) of each: a known entity's own name, else the long form as an organization."""
    starts = [m.start_char for m in mentions]
    ends = [m.end_char for m in mentions]
    added: list[Mention] = []
    removed: set[int] = set()
    meanings: dict[str, tuple[str, str]] = {}
    for d in definitions(text):
        over = _overlapping(starts, ends, d.start, d.end)
        inside = [i for i in over if d.start <= starts[i] and ends[i] <= d.end]
        same = [i for i in inside if (starts[i], ends[i]) == (d.start, d.end)]
        if same:
            meanings.setdefault(d.abbreviation, (mentions[same[0]].kind, mentions[same[0]].name))
            continue
        if len(inside) < len(over) or any(i in removed for i in inside):
            continue
        if any(mentions[i].kind == "organization" and mentions[i].end_char == d.end for i in inside):
            meanings.setdefault(d.abbreviation, ("organization", mentions[inside[-1]].name))
            continue  # "the U.S. Federal Aviation Administration (FAA)": the org found already
        long = d.long
        removed.update(inside)
        added.append(Mention(long, d.start, d.end, "organization", long))
        meanings.setdefault(d.abbreviation, ("organization", long))
    return _merge(mentions, added, removed), meanings


def _segments(text: str, mentions: list[Mention]) -> Iterable[list[re.Match[str]]]:
    """Runs of name tokens on one line, split where a title, function word or known entity stands."""
    spans = sorted((m.start_char, m.end_char, m) for m in mentions)
    starts = [s for s, _, _ in spans]
    tokens = list(_TOKEN.finditer(text))
    run: list[re.Match[str]] = []
    for i, tok in enumerate(tokens):
        word = tok.group(0)
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        adjacent = following is not None and _ONLY_SPACE.fullmatch(text, tok.end(), following.start()) is not None
        j = bisect.bisect_right(starts, tok.start()) - 1
        mention = spans[j][2] if j >= 0 and tok.start() < spans[j][1] else None
        # "Jordan Bardella", "Jim Jordan": a one-word place that is part of a person's name
        # "Paris Hilton": a city's name first, a name-like word after; kept only if the pair has a person's evidence
        # "Pete Williams", "James A. Taylor": a one-word place or company after a given name (and initials)
        place_in_name = mention is not None and mention.text == word and (
            (mention.kind in PLACE_KINDS and not run and adjacent and (word in FIRST_NAMES or mention.kind == "city")
             and following.group(0) not in STOPWORDS and following.group(0) not in NAME_ENDERS
             and following.group(0) not in ORG_HEADS and following.group(0).lower() not in TITLES)
            or (mention.kind in (*PLACE_KINDS, "organization") and run and run[0].group(0) in given_names()
                and all(t.group(0).endswith(".") for t in run[1:])))
        lower = word.lower()
        # "John Major said": a title word right after a lone given name, ending the name, is the surname
        title_surname = (lower in TITLES and mention is None and not adjacent and len(run) == 1
                         and run[0].group(0) in FIRST_NAMES and not text.startswith(".", tok.end()))
        breaker = not title_surname and (
                   word in STOPWORDS or word in NAME_ENDERS or word in ORG_HEADS or lower in TITLES
                   or (mention is not None and not place_in_name)
                   or (lower in TITLE_ABBREVIATIONS and text.startswith(".", tok.end()))
                   or ("-" in word and all(part in TITLES for part in lower.split("-"))))  # "Secretary-General"
        if not breaker:
            run.append(tok)
        if breaker or not adjacent:
            if run:
                yield run
            run = []
    if run:
        yield run


def _features(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add water bodies, islands and ranges (`_FEATURE`) as places; one may swallow the place it is named after
    ("Baltimore Harbor"), never an organization or a longer mention."""
    starts = [m.start_char for m in mentions]
    ends = [m.end_char for m in mentions]
    added: list[Mention] = []
    removed: set[int] = set()
    for match in _FEATURE.finditer(text):
        words = list(re.finditer(r"\S+", match.group(0)))
        while words and (words[0].group(0) in STOPWORDS or words[0].group(0).lower() in ("the", "a", "an")):
            words.pop(0)  # "The Patapsco River": the article opens no name
        if len(words) < 2:
            continue
        start, end = match.start() + words[0].start(), match.end()
        over = _overlapping(starts, ends, start, end)
        if any(mentions[i].kind not in PLACE_KINDS or not (start <= starts[i] and ends[i] <= end) for i in over):
            continue
        name = " ".join(text[start:end].split())
        removed.update(over)
        added.append(Mention(text[start:end], start, end, "region", name))
    return _merge(mentions, added, removed)


def _first_pass(doc: Document, lowercase: set[str]) -> _Doc:
    text = doc.text
    mentions = _features(text, _union_locals(text, _generic_orgs(text, _gazetteer_mentions(text, lowercase))))
    mentions, abbreviations = _abbreviation_orgs(text, mentions)
    state = _Doc(doc, mentions, abbreviations)
    for run in _segments(text, mentions):
        while run and run[0].group(0) in PARTICLES:
            run.pop(0)
        while run and run[-1].group(0) in PARTICLES:
            run.pop()
        names = [t for t in run if t.group(0) not in PARTICLES]
        words = [t for t in names if not t.group(0).endswith(".")]
        if not words or len(names) > 4:
            continue
        first = names[0].group(0)
        if len(names) >= 2 and first not in FIRST_NAMES and (
                (_sentence_initial(text, names[0].start()) and first.lower() in lowercase)
                or (len(names) >= 3 and names[1].group(0) in given_names() and first not in given_names())):
            run = run[run.index(names[1]):]
            names = names[1:]
        start, end = run[0].start(), run[-1].end()
        if _credit(text, start) or _ENDER_AFTER.match(text, end):
            continue  # "AP Photo/Paul Vernon", "Florida International University"
        if len(names) == 1:
            state.single.append((start, end, text[start:end]))
            continue
        if len(words) == 1 and words[0] is names[0]:
            continue  # "Trump J." is no name
        state.full.append((start, end, text[start:end]))
    return state


def _person_evidence(text: str, start: int, end: int) -> bool:
    """A given name first, a title before, a speech verb or an apposition: the words name a person."""
    if text[start:end].split()[0] in given_names() or _titled(text, start):
        return True
    after = text[end:end + 120]
    return (_SPEECH_AFTER.match(after) is not None or _APPOSITION.match(after) is not None
            or _SPEECH_BEFORE.search(text, max(0, start - 30), start) is not None)


# --------------------------------------------------------------------------- joining people


def _name_parts(name: str) -> tuple[str, str]:
    """(given name or "" when the name is a surname alone such as "Bin Laden", surname)."""
    parts = name.split()
    first = parts[0].lower().rstrip(".")
    return ("" if first in PARTICLES else first), parts[-1].lower()


def _first_key(first: str) -> str:
    return FIRST_NAME_VARIANTS.get(first, first)


def _similar_surnames(a: str, b: str) -> bool:
    return a == b or (a[0] == b[0] and min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 85)


def _same_person(a: str, b: str) -> bool:
    """Surnames alike (Zelensky/Zelenskyy) and given names compatible (Steve/Stephen, an initial)."""
    (fa, la), (fb, lb) = _name_parts(a), _name_parts(b)
    if not _similar_surnames(la, lb):
        return False
    if not fa or not fb:
        return True
    fa, fb = _first_key(fa), _first_key(fb)
    return (fa == fb or (min(len(fa), len(fb)) == 1 and fa[0] == fb[0])
            or (min(len(fa), len(fb)) >= 5 and fuzz.ratio(fa, fb) >= 90))  # "Barnett"/"Barnet"


def _join_people(counts: Counter[str]) -> dict[str, str]:
    """Every full name seen -> its canonical form: the person's most frequent spelling (ties: longest).

    A form with a given name wins over a surname alone ("Osama Bin Laden" over "Bin Laden")."""
    groups: list[list[str]] = []
    by_surname_initial: dict[str, list[list[str]]] = {}
    for name in sorted(counts, key=lambda n: (not _name_parts(n)[0], -counts[n], -len(n), n)):
        _, last = _name_parts(name)
        candidates = by_surname_initial.setdefault(last[0], [])
        for group in candidates:
            if _same_person(group[0], name):
                group.append(name)
                break
        else:
            groups.append([name])
            candidates.append(groups[-1])
    return {name: group[0] for group in groups for name in group}


class _Surnames:
    """Lone surname -> person: exact or a close spelling; the person of this article first."""

    def __init__(self, canonical: dict[str, str], counts: Counter[str]) -> None:
        self.index: dict[str, Counter[str]] = {}
        self.leading: dict[str, Counter[str]] = {}  # "Xi" of "Xi Jinping", "Hun" of "Hun Sen": family name first
        for name, person in canonical.items():
            self.index.setdefault(_name_parts(name)[1], Counter())[person] += counts[name]
            first = name.split()[0]
            if len(first) <= 4 and len(name.split()) == 2 and first not in FIRST_NAMES and not first.endswith("."):
                self.leading.setdefault(first.lower(), Counter())[person] += counts[name]
        self.keys = list(self.index)
        self.cache: dict[str, tuple[tuple[str, int], ...]] = {}

    def options(self, word: str) -> tuple[tuple[str, int], ...]:
        if word not in self.cache:
            key = word.lower()
            found = key if key in self.index else None
            if found is None and key in self.leading:
                self.cache[word] = tuple(self.leading[key].most_common())
                return self.cache[word]
            if found is None and len(key) >= 5:
                best = process.extractOne(key, self.keys, scorer=fuzz.ratio, score_cutoff=88)
                found = best[0] if best and best[0][0] == key[0] else None
            self.cache[word] = tuple(self.index[found].most_common()) if found else ()
        return self.cache[word]

    def lookup(self, word: str, local: set[str]) -> str | None:
        options = self.options(word)
        here = [p for p, _ in options if p in local]
        if here:
            return here[0]
        if word in FIRST_NAMES:  # "Jordan" alone is the person only where the article names them
            return None
        return options[0][0] if options else None


def _group_singles(words: Counter[str]) -> dict[str, str]:
    """Single names with no full form in the corpus ("Biden", "Zelenskiy"/"Zelensky"): the most frequent spelling."""
    canonical: dict[str, str] = {}
    heads: list[str] = []
    for word in sorted(words, key=lambda w: (-words[w], -len(w), w)):
        head = next((h for h in heads if _similar_surnames(h.lower(), word.lower())), None)
        if head is None:
            heads.append(word)
        canonical[word] = head or word
    return canonical


# --------------------------------------------------------------------------- the corpus


class Mentions(list):
    """One document's mentions sorted by ``start_char``, with their starts kept for bisection: the
    per-event `actors_and_places` then costs the mentions of that sentence, not of the article."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        super().__init__(sorted(mentions, key=lambda m: (m.start_char, -m.end_char)))
        self.starts = [m.start_char for m in self]


def find_entities(documents: Sequence[Document]) -> dict[str, list[Mention]]:
    """doc_id -> the mentions of people, organizations, places and cited outlets, sorted by start_char.

    The corpus-level joins run as map and reduce (`NameSummary`, `NameIndex`), so that a distributed run
    (`timeline.distributed`) computes the same names from per-partition summaries; here the whole corpus
    is one partition."""
    if isinstance(documents, (Document, str)):
        raise TypeError("find_entities wants a sequence of Documents, not a single one")
    documents = list(documents)
    for doc in documents:
        if not isinstance(doc, Document):
            raise TypeError(f"find_entities wants Document objects, got {type(doc).__name__}")
    lowercase: set[str] = set()
    for doc in documents:
        lowercase |= lowercase_words(doc)
    states = [first_pass(doc, lowercase) for doc in documents]
    index = NameSummary.of(states).index()
    resolved = [resolve(state, index, lowercase) for state in states]
    singles = single_names(unknown_words(resolved))
    return {r.doc.doc_id: finish(r, index, singles) for r in resolved}


# --------------------------------------------------------------------------- the corpus as map and reduce
#
# find_entities = map(lowercase_words) -> union -> map(first_pass, NameSummary.of) -> NameSummary.combine
# -> index() -> map(resolve, unknown_words) -> Counter sum -> single_names -> map(finish). Every reduce is
# over names and words (the corpus's vocabulary), never over its documents.


def lowercase_words(doc: Document) -> set[str]:
    """The words a document writes in lower case: "Price" may then be a word, not Ned Price (a corpus-wide set)."""
    return set(_LOWER_WORDS.findall(doc.text))


def first_pass(doc: Document, lowercase: set[str] | frozenset[str]) -> _Doc:
    """One document's gazetteer, organization and name-shaped mentions, given the corpus's lower-case words."""
    return _first_pass(doc, lowercase)


@dataclass
class NameSummary:
    """What the corpus-level joins need from a set of documents; summaries of partitions combine in order
    (`combine`) into the corpus's, whatever the partitioning: sets unite, counts add, and the abbreviation
    votes keep their first-seen order (ties go to the meaning seen first, as in one pass)."""

    locals: dict[str, set[str]]  # union local number -> the full names "UAW Local 862" written
    evidence: set[str]  # full names with a person's evidence somewhere
    counts: Counter[str]  # every full name -> how often
    abbreviations: dict[str, Counter[tuple[str, str]]]  # abbreviation -> votes for its meanings

    @classmethod
    def of(cls, states: Sequence[_Doc]) -> NameSummary:
        locals_: dict[str, set[str]] = {}
        for state in states:
            for m in state.fixed:
                if m.kind == "organization" and (match := _LOCAL.fullmatch(m.name)) and match.group(1):
                    locals_.setdefault(match.group(2), set()).add(m.name)
        evidence: set[str] = set()
        for state in states:
            evidence.update(name for start, end, name in state.full
                            if name not in evidence and _person_evidence(state.doc.text, start, end))
        votes: dict[str, Counter[tuple[str, str]]] = {}
        for state in states:
            for abbreviation, meaning in state.abbreviations.items():
                votes.setdefault(abbreviation, Counter())[meaning] += 1
        counts = Counter(name for state in states for _, _, name in state.full)
        return cls(locals_, evidence, counts, votes)

    @classmethod
    def combine(cls, summaries: Iterable[NameSummary]) -> NameSummary:
        """The summary of the partitions' documents taken in order."""
        out = cls({}, set(), Counter(), {})
        for summary in summaries:
            for number, names in summary.locals.items():
                out.locals.setdefault(number, set()).update(names)
            out.evidence |= summary.evidence
            out.counts.update(summary.counts)
            for abbreviation, votes in summary.abbreviations.items():
                out.abbreviations.setdefault(abbreviation, Counter()).update(votes)
        return out

    def index(self) -> NameIndex:
        """The corpus's joins: each person's canonical name, lone surnames, abbreviations, union locals."""
        counts = Counter({name: count for name, count in self.counts.items() if name in self.evidence})
        canonical = _join_people(counts)
        corpus_abbreviations = {abbreviation: votes.most_common(1)[0][0]
                                for abbreviation, votes in self.abbreviations.items()}
        return NameIndex(self.evidence, canonical, _Surnames(canonical, counts), corpus_abbreviations,
                         {number: next(iter(names)) for number, names in self.locals.items() if len(names) == 1})


@dataclass(frozen=True)
class NameIndex:
    """The corpus-wide look-ups each document's mentions are resolved against (built once, sent to every worker)."""

    accepted: set[str]
    canonical: dict[str, str]
    surnames: _Surnames
    abbreviations: dict[str, tuple[str, str]]
    locals: dict[str, str]  # "862" -> "UAW Local 862", where the corpus writes the union once, and only one


@dataclass
class Resolved:
    """A document's mentions with people named; its title-led single names of no known person wait for the
    corpus's spellings of them (`single_names`)."""

    doc: Document
    mentions: list[Mention]
    unknown: list[tuple[int, int, str]]
    abbreviations: dict[str, tuple[str, str]]


def resolve(state: _Doc, index: NameIndex, lowercase: set[str] | frozenset[str]) -> Resolved:
    """One document's mentions, given the corpus's index ("Local 862" named, surnames joined)."""
    _join_locals_with(state, index.locals)
    mentions, unknown = _resolve(state, index.accepted, index.canonical, index.surnames, lowercase)
    return Resolved(state.doc, mentions, unknown, state.abbreviations)


def unknown_words(resolved: Iterable[Resolved]) -> Counter[str]:
    """How often each single name of no known person stands in these documents (counts add across partitions)."""
    return Counter(w for r in resolved for _, _, w in r.unknown)


def single_names(words: Counter[str]) -> dict[str, str]:
    """The corpus's spelling of each single name (its most frequent, "Zelenskiy"/"Zelensky")."""
    return _group_singles(words)


def finish(r: Resolved, index: NameIndex, singles: dict[str, str]) -> Mentions:
    """A document's final mentions: single names spelt as the corpus spells them, abbreviations it defines
    (here or elsewhere) as their long forms, cited outlets as sources."""
    mentions = [m for m in r.mentions if m.kind != _BLOCKED] + [
        Mention(w, s, e, "person", singles[w]) for s, e, w in r.unknown]
    mentions = _abbreviation_mentions(r.doc.text, mentions, {**index.abbreviations, **r.abbreviations})
    return Mentions(_cited_outlets(r.doc, mentions))


_UPPER_WORD = re.compile(r"(?<![\w.\-])[A-Z][A-Z0-9&]{1,9}s?(?![\w\-])")


def _abbreviation_mentions(text: str, mentions: list[Mention], meanings: dict[str, tuple[str, str]]) -> list[Mention]:
    """Lone "IAM", "NTSB" where the article or the corpus defines them: the long form's entity."""
    if not meanings:
        return mentions
    mentions = sorted(mentions, key=lambda m: m.start_char)
    starts = [m.start_char for m in mentions]
    ends = [m.end_char for m in mentions]
    added = []
    for match in _UPPER_WORD.finditer(text):
        word = match.group(0)
        meaning = meanings.get(word) or (meanings.get(word[:-1]) if word.endswith("s") else None)
        if meaning is None or len(_overlapping(starts, ends, match.start(), match.end())):
            continue
        added.append(Mention(word, match.start(), match.end(), *meaning))
    return mentions + added


_CITED_BEFORE = re.compile(
    r"(?:according\s+to|told|to|with|in\s+an\s+interview\s+with|interview\s+with|reported\s+by|cited\s+by|"
    r"quoted\s+by|citing|via|per|on|in|by|from|report\s+(?:by|from|in)|published\s+(?:by|in))\s+(?:the\s+)?$",
    re.IGNORECASE)
_CITED_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:,\s*)?(?:(?:first|has|had|also|previously|earlier|later|which|that|was\s+first\s+to)\s+)?"
    r"(?:reported|reports|reporting|report|said|says|cited|citing|quoted|wrote|writes|published|revealed|learned|"
    r"story|article|interview|poll|analysis|investigation|editorial|obtained|noted|added|confirmed|confirms|"
    r"reviewed|found)\b")
_OUTLET_HEADS = frozenset(
    "News Times Post Press Journal Herald Tribune Gazette Network Radio Television Report".split())


#: A credit in parentheses opening a line or after a dateline's place: "(CBS DETROIT) -", "ATLANTA (AP) -",
#: "VIENNA, Sept 11 (Reuters) -", "(WANE/AP)".
_CREDIT = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][A-Z .,'’\-]{1,40}(?:,[ \w.]{1,20})?[ \t]*)?"
                     r"\(([A-Z][A-Za-z0-9&/ .]{0,30})\)")


def _outlet(mention: Mention) -> bool:
    return mention.kind == "organization" and (
        mention.name in OUTLETS or mention.name.rsplit(" ", 1)[-1] in _OUTLET_HEADS)


def _cited_outlets(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """News outlets cited as sources ("according to Reuters", "The Washington Post reported", "told CNN", a
    dateline's "(AP)") and
    the article's own outlet are sources, not actors: every mention of such an outlet in this article."""
    text = doc.text
    own = doc.outlet.strip().lower()
    cited = set()
    credits = [c.span(1) for c in _CREDIT.finditer(text)]
    if credits:  # "(CBS DETROIT)", "ATLANTA (AP) -": the outlet is the source, the place its newsroom
        starts = [a for a, _ in credits]
        kept = []
        for m in mentions:
            i = bisect.bisect_right(starts, m.start_char) - 1
            if i >= 0 and m.end_char <= credits[i][1]:
                if m.kind == "organization":
                    kept.append(Mention(m.text, m.start_char, m.end_char, "source", m.name))
                continue
            kept.append(m)
        mentions = kept
    for m in mentions:
        if _outlet(m) and (
                m.name.lower() == own or m.text.lower() == own
                or _CITED_BEFORE.search(text, max(0, m.start_char - 40), m.start_char) is not None
                or _CITED_AFTER.match(text[m.end_char:m.end_char + 60]) is not None
                or (text[m.start_char - 1:m.start_char] == "(" and text[m.end_char:m.end_char + 1] == ")")):
            cited.add(m.name)
    if not cited:
        return mentions
    return [Mention(m.text, m.start_char, m.end_char, "source", m.name) if _outlet(m) and m.name in cited else m
            for m in mentions]


def _surname_like(m: Mention, local_surnames: set[str]) -> bool:
    """A small town anywhere, or a company's shortened name in an article that names the person, may be a surname."""
    candidates = _lexicon()[0].get(m.text, ())
    if m.kind in PLACE_KINDS:
        return bool(candidates) and isinstance(candidates[0], Place) and not candidates[0].major
    return m.kind == "organization" and m.text in _guarded_companies() and m.text.lower() in local_surnames


def _resolve(state: _Doc, accepted: set[str], canonical: dict[str, str], surnames: _Surnames,
             lowercase: set[str]) -> tuple[list[Mention], list[tuple[int, int, str]]]:
    """One document's mentions with people named, and its title-led single names of no known person."""
    text = state.doc.text
    people = [Mention(n, s, e, "person", canonical[n]) for s, e, n in state.full if n in accepted]
    people_starts = [p.start_char for p in people]  # state.full is in text order and never overlaps
    people_ends = [p.end_char for p in people]
    local = {m.name for m in people}
    local_surnames = {_name_parts(n)[1] for n in local}
    fixed = []
    for m in state.fixed:  # "Jordan said" in an article about Jim Jordan: the person
        if len(_overlapping(people_starts, people_ends, m.start_char, m.end_char)):
            continue
        one_word = " " not in m.text
        if one_word and m.kind in PLACE_KINDS and m.text.lower() in local_surnames:
            person = surnames.lookup(m.text, local)
            if person and (not _sentence_initial(text, m.start_char)
                           or _SPEECH_AFTER.match(text[m.end_char:m.end_char + 120])):
                people.append(Mention(m.text, m.start_char, m.end_char, "person", person))
                continue
        if one_word and m.text.lower() in surnames.index and _surname_like(m, local_surnames):
            person = surnames.lookup(m.text, local)  # "Castro attended": a small town named like a known person
            if person:
                people.append(Mention(m.text, m.start_char, m.end_char, "person", person))
                continue
        fixed.append(m)
    unknown = []
    for start, end, word in state.single:
        person = surnames.lookup(word, local)
        if person is None:
            if word not in FIRST_NAMES and word.lower() not in lowercase and _titled(text, start, just=True):
                unknown.append((start, end, word))
            continue
        if (word.lower() in lowercase and _sentence_initial(text, start) and not _titled(text, start)
                and not _SPEECH_AFTER.match(text[end:end + 120])):
            continue  # "Price rises..." is no Ned Price
        particles = _PARTICLES_BEFORE.search(text, max(0, start - 20), start)
        if particles and particles.group(0).lower().strip() in person.lower():
            start = particles.start()  # "von der Leyen"
        people.append(Mention(text[start:end], start, end, "person", person))
    return fixed + people, unknown


def actors_and_places(mentions: Sequence[Mention], start: int, end: int) -> tuple[list[str], list[str]]:
    """The distinct canonical actor and place names mentioned inside ``[start, end)``, in order of appearance.

    Given the `Mentions` of `find_entities` (sorted, starts kept) this costs a bisection plus the
    mentions of the span; any other sequence is sorted first. Cited outlets are neither."""
    if not isinstance(mentions, Mentions):
        mentions = Mentions(mentions)
    actors: list[str] = []
    places: list[str] = []
    for i in range(bisect.bisect_left(mentions.starts, start), len(mentions)):
        m = mentions[i]
        if m.start_char >= end:
            break
        if m.end_char <= end:
            target = actors if m.kind in ACTOR_KINDS else places if m.kind in PLACE_KINDS else None
            if target is not None and m.name not in target:
                target.append(m.name)
    return actors, places


def people_in(mentions: Sequence[Mention], start: int, end: int) -> list[str]:
    """The distinct canonical names of the people among `actors_and_places`'s actors: merging tells a person
    from an organization (two companies on one day are two happenings; a union's president and the union
    are not)."""
    if not isinstance(mentions, Mentions):
        mentions = Mentions(mentions)
    out: list[str] = []
    for i in range(bisect.bisect_left(mentions.starts, start), len(mentions)):
        m = mentions[i]
        if m.start_char >= end:
            break
        if m.end_char <= end and m.kind == "person" and m.name not in out:
            out.append(m.name)
    return out
