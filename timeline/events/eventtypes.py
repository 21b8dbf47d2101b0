"""Event classes: what kind of happening a clause tells (a strike, an agreement, a vote...).

In a corpus about one story the topic words ("strike", "union", "workers") are everywhere, so word
statistics cannot tell the walkout from the deal that ends it; the few words that say *what happened*
("went on strike", "reached a tentative agreement", "voted to ratify") can. This module is a general news
event-type lexicon in the spirit of the ACE/ERE event ontology: each class is a set of trigger lemmas
(verbs and nouns, phrases allowed) whose simple inflections are generated, all matched in one compiled
dictionary, so classing a clause is one linear pass over its words.

Some classes only say that something was *told* or *planned* (an announcement, a statement, a meeting):
a union's announcement and the walkout it announces are one happening, so these `GENERIC` classes are
compatible with every class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: Class name -> trigger lemmas. Verbs are given in their base form, nouns in the singular; phrases are
#: matched word by word, each word inflected ("walk out" matches "walked out", "walking out").
LEXICON: dict[str, tuple[str, ...]] = {
    "strike": ("strike", "striking", "struck", "walkout", "walk out", "walk off", "walk off the job",
               "walk off their jobs", "leave their jobs", "leave the job", "picket", "picket line", "work stoppage",
               "stoppage", "lockout", "lock out", "down tools"),
    "protest": ("protest", "demonstration", "demonstrate", "rally", "sit-in", "boycott", "riot"),
    "agreement": ("agreement", "agree", "deal", "accord", "settlement", "settle", "treaty", "pact", "truce",
                  "ceasefire", "cease-fire", "framework", "compromise", "memorandum of understanding"),
    "vote": ("vote", "voting", "ballot", "ratify", "ratification", "referendum", "poll", "tally",
             "approve", "approval", "reject", "rejection"),
    "election": ("election", "elect", "reelect", "re-elect", "primary", "runoff", "caucus", "inauguration",
                 "inaugurate", "sworn in", "swear in"),
    "expiry": ("expire", "expiration", "expiry", "deadline", "lapse", "run out"),
    "meeting": ("meet", "meeting", "talks", "negotiate", "negotiation", "summit", "conference", "bargain",
                "bargaining", "session", "hearing", "consult"),
    "announcement": ("announce", "announcement", "unveil", "declare", "declaration", "reveal", "disclose",
                     "press conference", "statement", "address",
                     "speech", "present", "presentation", "publish"),
    "broadcast": ("livestream", "live stream", "live event", "live video", "webcast", "broadcast", "town hall"),
    "visit": ("visit", "trip", "tour", "arrive", "arrival", "travel", "fly", "flew", "flown", "campaign", "appear",
              "appearance"),
    "attack": ("attack", "shooting", "shoot", "shot", "bombing", "bomb", "explosion", "explode", "blast",
               "airstrike", "air strike", "missile strike", "drone strike",
               "military strike", "missile", "shell", "shelling", "raid", "invade", "invasion",
               "assault", "stab", "stabbing", "kill", "massacre", "ambush", "hostage", "kidnap"),
    "arrest": ("arrest", "detain", "detention", "custody", "apprehend", "charge", "indict", "indictment",
               "plead", "plea", "convict", "conviction", "trial", "verdict", "sentence", "acquit", "acquittal",
               "jail", "imprison", "extradite", "extradition"),
    "death": ("die", "died", "death", "dead", "funeral", "obituary", "pass away", "killed"),
    "launch": ("launch", "release", "debut", "premiere", "roll out", "rollout", "introduce", "opening",
               "inaugural"),
    "earnings": ("earnings", "profit", "revenue", "loss", "quarterly", "quarter", "forecast",
                 "guidance", "dividend", "sales"),
    "personnel": ("resign", "resignation", "step down", "quit", "appoint", "appointment", "hire",
                  "hiring", "fire", "firing", "dismiss", "dismissal", "oust", "sack", "layoff", "lay off",
                  "retire", "retirement", "successor", "succeed", "nominate", "nomination"),
    "lawsuit": ("sue", "lawsuit", "suit", "claim", "petition", "litigation", "complaint", "court", "judge",
                "ruling", "rule", "appeal", "injunction", "subpoena"),
    "merger": ("merger", "merge", "acquisition", "acquire", "buyout", "takeover", "take over", "buy", "bought",
               "purchase", "stake", "spin off", "spinoff", "divest"),
    "accident": ("crash", "collision", "collide", "derail", "derailment", "accident", "sink", "sank",
                 "capsize", "fire", "blaze", "spill", "leak", "collapse", "ram", "smash", "slam into", "plow into"),
    "weather": ("storm", "hurricane", "typhoon", "cyclone", "tornado", "flood", "flooding", "earthquake",
                "quake", "tsunami", "wildfire", "drought", "heatwave", "heat wave", "blizzard", "snowstorm",
                "landslide", "eruption", "erupt"),
    "policy": ("law", "bill", "sign", "signing", "veto", "legislation", "decree", "order", "sanction", "tariff",
               "ban", "regulation", "rule change", "rate hike", "raise rates", "cut rates", "interest rate"),
    "recovery": ("recover", "recovery", "retrieve", "body", "bodies", "remains", "salvage", "exhume"),
    "search": ("search", "rescue", "searcher", "manhunt", "diver"),
    "demolition": ("demolish", "demolition", "implode", "implosion", "detonate", "detonation",
                   "controlled explosion", "raze"),
    "voyage": ("depart", "departure", "set sail", "sail", "refloat", "tow", "dock", "berth", "embark", "leave port"),
    "investigation": ("investigate", "investigation", "investigator", "probe", "inquiry", "inspect", "inspection"),
    "funding": ("fund", "funding", "aid", "grant", "loan", "bailout", "appropriation", "appropriate"),
    "escalation": ("expand", "expansion", "escalate", "escalation", "widen", "extend", "extension", "target",
                   "join", "add"),
}

#: Classes that tell that something was said, planned or discussed: compatible with every class (an
#: announcement and the walkout it announces are one happening).
GENERIC = frozenset({"announcement", "meeting", "escalation", "broadcast"})
#: Generic classes that still single out one telling: two mentions of a livestream on one day are one
#: livestream, whatever it announced.
MEDIA = frozenset({"broadcast"})

#: Pairs of classes often told of one happening (a ratification vote is the vote on an agreement; an
#: escalation of a strike is a walkout): compatible although different.
RELATED = frozenset(frozenset(p) for p in (("vote", "election"), ("attack", "death"), ("accident", "death"),
                                           ("weather", "death"), ("arrest", "lawsuit"), ("protest", "strike"),
                                           ("merger", "agreement"), ("launch", "announcement"),
                                           ("policy", "vote"), ("search", "recovery"), ("recovery", "death"),
                                           ("investigation", "arrest"), ("investigation", "lawsuit"),
                                           ("funding", "policy")))

_IRREGULAR = {"strike": ("struck",), "meet": ("met",), "fly": ("flew", "flown"), "buy": ("bought",),
              "sink": ("sank", "sunk"), "shoot": ("shot",), "lay": ("laid",), "take": ("took", "taken"),
              "run": ("ran",), "quit": ("quit",), "swear": ("swore", "sworn"), "step": ("stepped",),
              "plead": ("pled",), "sell": ("sold",), "go": ("went", "gone"), "leave": ("left",),
              "hold": ("held",), "die": ("died", "dying"), "lie": ("lay",), "stab": ("stabbed", "stabbing")}


def _inflections(word: str) -> set[str]:
    """A word and its simple regular forms (-s/-es, -ed/-d, -ing, -ies/-ied, doubled final consonants)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", *_IRREGULAR.get(word, ())}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) >= 3 and word[-1] in "bdgmnprt" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _phrase_forms(trigger: str) -> tuple[frozenset[str], ...]:
    """A trigger's words, each as the set of its forms (function words of a phrase as written)."""
    words = trigger.lower().replace("-", " ").split()
    return tuple(frozenset({word} if k and word in _FIXED else _inflections(word)) for k, word in enumerate(words))


_FIXED = frozenset({"the", "of", "in", "off", "out", "on", "up", "down", "their", "a"})


@dataclass(frozen=True)
class Trigger:
    """One trigger found in a text: its class and the words that matched."""

    event_class: str
    text: str
    start: int


def _index() -> dict[str, list[tuple[tuple[frozenset[str], ...], str]]]:
    """Each form of a trigger's first word -> the rest of the triggers that start with it and their
    classes, the longest first: "walk off the job" is tried before "walk off", "air strike" (an attack)
    is found as one phrase before "strike" is tried alone."""
    index: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}
    for name, words in LEXICON.items():
        for trigger in words:
            first, *rest = _phrase_forms(trigger)
            for form in first:
                index.setdefault(form, []).append((tuple(rest), name))
    for entries in index.values():
        entries.sort(key=lambda e: (-len(e[0]), e[1]))
    return index


_INDEX = _index()
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[^\w\s-]")  # words, and punctuation that ends a phrase


#: Verbs whose "to ..." tells what someone asked for or means to do, not what happened: in "Fain called on
#: three plants to strike" the happening is the call; the strike is another one, told when it happens.
_DIRECTIVES = frozenset(
    "call calls called calling urge urges urged urging ask asks asked asking plan plans planned planning "
    "prepare prepares prepared preparing threaten threatens threatened threatening "
    "intend intends intended aim aims aimed seek seeks sought want wants wanted hope hopes hoped".split())


def _intended(words: list[str], k: int) -> bool:
    """Whether the word at ``k`` follows "to" that hangs on a directive verb at most five words back, with
    no punctuation between ("called on three plants to strike", "is preparing to walk off the job")."""
    if k == 0 or words[k - 1] != "to":
        return False
    for back in range(k - 2, max(k - 8, -1), -1):
        if not words[back][0].isalpha():
            return False
        if words[back] in _DIRECTIVES:
            return True
    return False


#: "strike" with an object ("struck the bridge") is a blow; the walkout takes none ("workers struck Ford" names
#: a company, no determiner).
_HIT = frozenset({"strike", "strikes", "struck", "striking"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "another", "one"})


def _matches(tokens: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token, class) of each trigger among ``tokens`` (as written), left to right. A
    capitalised word inside a clause followed by another is a name, no trigger ("Bill Clinton", "Rally Point");
    a trigger after a directive's "to" tells an intention, no happening (`_intended`)."""
    words = [t.lower() for t in tokens]
    out, k = [], 0
    while k < len(words):
        step = 1
        entries = _INDEX.get(words[k], ())
        if entries and k and tokens[k][0].isupper() and k + 1 < len(tokens) and tokens[k + 1][0].isupper():
            entries = ()
        if entries and _intended(words, k):
            entries = ()
        for rest, name in entries:
            last = k + len(rest)
            if last < len(words) and all(words[k + 1 + n] in forms for n, forms in enumerate(rest)):
                if name == "strike" and not rest and words[k] in _HIT and last + 1 < len(words) \
                        and words[last + 1] in _DETERMINERS:
                    break  # "the ship struck the bridge", "striking a support column": a blow, no walkout
                out.append((k, last, name))
                step = len(rest) + 1
                break
        k += step
    return out


def triggers(text: str) -> list[Trigger]:
    """Every trigger of ``text``, left to right: one pass over its words with a dictionary look-up each
    (a phrase's words must follow each other, apart only by spaces or hyphens)."""
    tokens = list(_TOKEN.finditer(text))
    return [Trigger(name, text[tokens[first].start():tokens[last].end()], tokens[first].start())
            for first, last, name in _matches([t.group() for t in tokens])]


@lru_cache(maxsize=200_000)
def event_classes(text: str) -> frozenset[str]:
    """The event classes a clause tells ("The union reached a tentative deal" -> {"agreement"})."""
    return frozenset(name for _, _, name in _matches(_TOKEN.findall(text)))


#: Words that make a clause tell a possibility rather than a happening ("more strikes could happen Friday").
HEDGES = frozenset({"could", "might", "may", "would", "if", "unless", "possible", "possibly", "threaten",
                    "threatens", "threatened", "threatening", "warn", "warns", "warned", "consider", "considers",
                    "considering"})


@lru_cache(maxsize=200_000)
def hedged(text: str) -> bool:
    """Whether a clause tells something that may or may not happen: such a clause and one that tells the
    happening itself are the same event class, but not yet evidence of one happening."""
    return any(word in HEDGES for word in _TOKEN.findall(text.lower()))


def specific(classes: frozenset[str]) -> frozenset[str]:
    """The classes that say what happened (not merely that it was told, planned or discussed)."""
    return classes - GENERIC


def compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two clauses may tell one happening: unless both name a specific class and no specific
    class of one is the same as, or related to, one of the other (a strike vs an agreement vs a vote)."""
    sa, sb = specific(a), specific(b)
    if not sa or not sb or sa & sb:
        return True
    return any(frozenset((x, y)) in RELATED for x in sa for y in sb)


def distinctive(classes: frozenset[str]) -> frozenset[str]:
    """The classes that single out a happening: the specific ones and the media (`MEDIA`) it was told in."""
    return specific(classes) | (classes & MEDIA)


def shared(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The distinctive classes both clauses tell (what makes them likely one happening)."""
    return distinctive(a) & distinctive(b)


def akin(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two clauses tell one distinctive class, or two specific classes often told of one happening
    (`RELATED`: "divers located the truck" and "the bodies were recovered")."""
    return bool(shared(a, b)) or any(frozenset((x, y)) in RELATED for x in specific(a) for y in specific(b))
