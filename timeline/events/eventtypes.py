"""Event classes: what kind of happening a clause tells (a strike, an agreement, a vote...).

In a corpus about one story the topic words ("strike", "union", "workers") are everywhere, so word
statistics cannot tell the walkout from the deal that ends it; the few words that say *what happened*
("went on strike", "reached a tentative agreement", "voted to ratify") can. This module is a general news
event-type lexicon in the spirit of the ACE/ERE event ontology: each class is a set of trigger lemmas
(verbs and nouns, phrases allowed) whose simple inflections are generated, all matched in one compiled
regular expression, so classing a clause is one linear pass.

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
                     "livestream", "live stream", "broadcast", "press conference", "statement", "address",
                     "speech", "present", "presentation", "publish"),
    "visit": ("visit", "trip", "tour", "arrive", "arrival", "travel", "fly", "flew", "flown", "campaign", "appear",
              "appearance"),
    "attack": ("attack", "shooting", "shoot", "shot", "bombing", "bomb", "explosion", "explode", "blast",
               "airstrike", "air strike", "missile", "shell", "shelling", "raid", "invade", "invasion",
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
    "lawsuit": ("sue", "lawsuit", "suit", "litigation", "complaint", "court", "judge", "ruling", "rule",
                "appeal", "injunction", "subpoena"),
    "merger": ("merger", "merge", "acquisition", "acquire", "buyout", "takeover", "take over", "buy", "bought",
               "purchase", "stake", "spin off", "spinoff", "divest"),
    "accident": ("crash", "collision", "collide", "derail", "derailment", "accident", "sink", "sank",
                 "capsize", "fire", "blaze", "spill", "leak", "collapse"),
    "weather": ("storm", "hurricane", "typhoon", "cyclone", "tornado", "flood", "flooding", "earthquake",
                "quake", "tsunami", "wildfire", "drought", "heatwave", "heat wave", "blizzard", "snowstorm",
                "landslide", "eruption", "erupt"),
    "policy": ("law", "bill", "sign", "signing", "veto", "legislation", "decree", "order", "sanction", "tariff",
               "ban", "regulation", "rule change", "rate hike", "raise rates", "cut rates", "interest rate"),
    "escalation": ("expand", "expansion", "escalate", "escalation", "widen", "extend", "extension", "target",
                   "join", "add"),
}

#: Classes that tell that something was said, planned or discussed: compatible with every class (an
#: announcement and the walkout it announces are one happening).
GENERIC = frozenset({"announcement", "meeting", "escalation"})

#: Pairs of classes often told of one happening (a ratification vote is the vote on an agreement; an
#: escalation of a strike is a walkout): compatible although different.
RELATED = frozenset(frozenset(p) for p in (("vote", "election"), ("attack", "death"), ("accident", "death"),
                                           ("weather", "death"), ("arrest", "lawsuit"), ("protest", "strike"),
                                           ("merger", "agreement"), ("launch", "announcement"),
                                           ("policy", "vote")))

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


def _phrase_pattern(trigger: str) -> str:
    """A trigger as a regex: each word of a phrase in any of its forms, words apart by spaces or hyphens."""
    words = trigger.lower().split()
    parts = []
    for k, word in enumerate(words):
        forms = _inflections(word) if k == 0 or len(words) == 1 else {word, *(_inflections(word) if word not in
                                                                        ("the", "of", "in", "off", "out") else ())}
        parts.append("(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + ")")
    return r"[\s-]+".join(parts)


@dataclass(frozen=True)
class Trigger:
    """One trigger found in a text: its class and the words that matched."""

    event_class: str
    text: str
    start: int


def _compile() -> tuple[re.Pattern[str], list[str]]:
    """One pattern of every trigger, the longest first: at one position "walk off the job" wins over
    "walk off" and "air strike" (an attack) over "strike"."""
    entries = sorted(((trigger, name) for name, triggers in LEXICON.items() for trigger in triggers),
                     key=lambda e: (-len(e[0]), e[0], e[1]))
    alternatives = [f"(?P<g{k}>{_phrase_pattern(trigger)})" for k, (trigger, _) in enumerate(entries)]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)
    return pattern, [name for _, name in entries]


_PATTERN, _CLASS_OF_GROUP = _compile()


def triggers(text: str) -> list[Trigger]:
    """Every trigger of ``text``, left to right (one pass of one compiled regular expression)."""
    out = []
    for match in _PATTERN.finditer(text):
        group = match.lastgroup
        if group:
            out.append(Trigger(_CLASS_OF_GROUP[int(group[1:])], match.group(0), match.start()))
    return out


@lru_cache(maxsize=200_000)
def event_classes(text: str) -> frozenset[str]:
    """The event classes a clause tells ("The union reached a tentative deal" -> {"agreement"})."""
    return frozenset(t.event_class for t in triggers(text))


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


def shared(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The specific classes both clauses tell (what makes them likely one happening)."""
    return specific(a) & specific(b)
