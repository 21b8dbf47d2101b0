"""Labels: a short chart label for an event, taken from the clause that tells it.

A sentence can tell several happenings at several dates ("The union rejected on Sunday the offer Boeing
made on Sept. 23"): each expression gets the label of ITS clause. No grammar model is loaded: spaCy's English
models are not published on PyPI by their makers (only re-uploads by others), and a parser would run over
every dated sentence. Clauses are found by rules over function words, verb shapes and punctuation, at about
half a millisecond per expression.

1. Page chrome before the sentence (a dateline "WASHINGTON (Reuters) -") goes.
2. Attribution goes, keeping what was reported: "X said on Monday that Y" -> Y (its pronoun subject
   "it"/"they" becomes X), "Y, X said" and "Y, according to X" -> Y, "“Y,” X said" -> Y. When the report
   has a date of its own, the attribution's date is the telling: "X said on Friday (that) Y would ... Tuesday".
3. The sentence is cut into clauses at semicolons and colons, coordinating conjunctions before a verb or a
   subject and verb, relative clauses (", who", "that" after a noun, "the offer Boeing made"), subordinate
   clauses ("when Batista fled") and participial clauses (", emphasizing ..."), and the one holding the
   expression is taken. A clause that lacks a subject gets it back: the name a relative clause hangs on
   ("Macron, who first broached the idea" -> "Macron first broached the idea"), the main clause's subject
   for a verb phrase after "and" or a participle (turned to the past when the main clause is past).
   A date inside a noun phrase labels the noun ("the October 1998 shooting death of X" -> "The shooting
   death of X"); one item of a list of dated items keeps its own ("adding Greece in 1952, Spain in 1982").
4. The expression itself, its preposition and a clock time beside it go ("at 10 a.m. on Friday"): the
   chart shows the date.
5. A clause longer than ``HEADLINE_WORDS`` is shortened at a phrase boundary after its verb (before a
   comma, a preposition, a subordinate or relative clause, a participle), never inside a noun phrase, and
   never ends on a function word; only a run with no boundary at all is cut at a word, with "…".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

HEADLINE_WORDS = 12

_FUNCTION_END = frozenset(
    "a an the of to in on at by for with from and or but nor yet so as that which who whom whose where when its "
    "their his her our my your this these those into onto over about than is are was were be been being has have "
    "had will would can could shall should may might must do does did not no after before since until while "
    "because although though if unless whereas once near amid among between during via per including".split())
_PREPOSITIONS = frozenset(
    "about above across after against along amid amidst among around at before behind below beneath beside "
    "besides between beyond by despite during except for from in inside into near of off on onto out outside "
    "over past per since through throughout to toward towards under until unlike upon via with within without "
    "regarding including following amid due".split())
#: Words that may stand before an expression and go with it ("on Friday", "as of April", "this coming Tuesday").
_TIME_LEAD = frozenset("on in at by during over since from until till of for through throughout into than as early "
                       "late around about approximately roughly this coming".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our my your some any each every no "
                         "another both all several many few".split())
_SUBJECT_PRONOUNS = frozenset("i he she it we they".split())
_RELATIVES = frozenset("who whom whose which that where when".split())
_SUBORDINATORS = frozenset("after before when while because although though since until unless whereas once as if "
                           "whether".split())
_COORDINATORS = frozenset("and but or yet".split())
_AUXILIARIES = frozenset("is are was were be been being has have had will would can could may might shall should "
                         "must do does did am".split())
_PAST_AUX = frozenset("was were had did".split())
#: Irregular pasts and participles, and common present-tense verbs: with "-ed" words, what a verb looks like.
_IRREGULAR = frozenset(
    "said told made took gave went came left began won lost held sent fell rose led paid sold bought brought "
    "thought found kept struck spoke wrote saw knew grew drew threw flew ran got set cut hit put quit shut fought "
    "caught taught sought stood understood broke chose froze stole woke drove rode shook became overcame withdrew "
    "undertook overtook swore tore wore bore hung stuck swung sank sang rang shrank spun dealt meant felt slept "
    "swept wept built spent lent bent dug fed fled bled heard laid sat lit shot slid hid bit beat arose forgot "
    "forgave forbade met shed taken given gone done seen known shown grown drawn thrown flown broken chosen frozen "
    "stolen woken driven ridden shaken withdrawn undertaken written spoken fallen risen begun beaten forgotten "
    "forgiven hidden bitten sworn torn worn born borne sunk sung rung shrunk burst".split())
_PRESENT = frozenset(  # none that is also a noun ("plan", "calls"): a noun taken for a verb splits a clause
    "say says tell tells make makes take takes give gives go goes come comes include includes remain remains want "
    "wants seek seeks expect expects urge urges warn warns accuse accuses deny denies reject rejects ask asks "
    "become becomes keep keeps begin begins continue continues seem seems appear appears belong belongs know knows "
    "think thinks believe believes".split())
#: Participles that work as prepositions ("starting with Brussels", "including Britain"): no clause of their own.
_PREPOSITION_LIKE = frozenset("starting beginning including following according concerning regarding "
                              "excluding compared based given provided".split())
_NOT_VERBS = frozenset("hundred indeed speed need seed feed bed red breed creed steed shred sled".split())
_ADVERBS = frozenset("also just still not never already reportedly formally now then later temporarily almost "
                     "only even again first jointly officially allegedly".split())
_SPEECH = frozenset(
    "said says say told tells tell reported reports announced announces stated added noted wrote asked warned "
    "claimed confirmed explained insisted declared suggested suggests argued acknowledged admitted disclosed "
    "revealed according".split())
#: Verbs whose "that" opens what they say or find, not a relative clause ("ruled last month that ...").
_COMPLEMENT = frozenset("ruled decided agreed found learned concluded determined ordered promised believed thought "
                        "knew felt hoped expected argued showed meant".split()) | _SPEECH
_TOLD = frozenset("told tells tell asked warned".split())
_THINK = frozenset("think believe guess hope".split())
_PARTICLES = frozenset("up off out down back away".split())
_CLOCK = re.compile(r"^(?:\d{1,2}(?::\d\d)?|\d{4}|a\.m\.?|p\.m\.?|am|pm|gmt|utc|local|time|noon|midnight|about|"
                    r"around|approximately|at|[()])$", re.IGNORECASE)
_NAME_PARTICLES = frozenset("von van der de del da al bin ibn la le of".split())
_TIME_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
_IRREGULAR_PAST = {
    "make": "made", "take": "took", "give": "gave", "go": "went", "come": "came", "leave": "left", "begin": "began",
    "win": "won", "lose": "lost", "hold": "held", "send": "sent", "fall": "fell", "rise": "rose", "lead": "led",
    "pay": "paid", "sell": "sold", "buy": "bought", "bring": "brought", "think": "thought", "find": "found",
    "keep": "kept", "strike": "struck", "speak": "spoke", "write": "wrote", "see": "saw", "know": "knew",
    "grow": "grew", "draw": "drew", "throw": "threw", "fly": "flew", "run": "ran", "get": "got", "set": "set",
    "cut": "cut", "hit": "hit", "put": "put", "fight": "fought", "seek": "sought", "stand": "stood",
    "break": "broke", "choose": "chose", "drive": "drove", "become": "became", "withdraw": "withdrew",
    "tell": "told", "say": "said", "meet": "met", "spend": "spent", "build": "built", "shoot": "shot",
    "hear": "heard", "lay": "laid", "sit": "sat", "feel": "felt", "mean": "meant", "deal": "dealt", "flee": "fled",
    "kill": "killed", "add": "added",
}
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s*)?(?:\([\w .&/-]{1,30}\)\s*)?(?:_|--|[-–—])\s*(?=\S)")
#: A dateline with its date: "Detroit, Nov 16 (AP)", "LONDON, March 3 (Reuters) -".
_DATED_DATELINE = re.compile(r"^[A-Z][\w.'’ -]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\s+"
                             r"\([A-Z][\w .&/-]{1,30}\)\s*(?:_|--|[-–—])?\s*(?=\S)")
#: A place in title case, maybe a date, and a spaced dash: "Baltimore, Maryland - ", "Baltimore, MD - June 10, 2024 - ".
_PLACE_DATELINE = re.compile(r"^[A-Z][\w.'’]+(?: [A-Z][\w.'’]+){0,2},\s*[A-Z][\w.'’]+(?: [A-Z][\w.'’]+){0,2}"
                             r"\s+(?:--|[-–—])\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\s+(?:--|[-–—])\s+)?(?=\S)")
_TOKEN = re.compile(r"[“”\"()\[\]]|[,;:!?](?=\s|$|[“”\"’)])|--|[–—]|[^\s“”\"()\[\]]+?(?=[,;:!?](?:\s|$|[“”\"’)])|"
                    r"[“”\"()\[\]]|\s|$)")


_PUNCT = frozenset([*",;:!?()[]“”\"–—-", "--"])
_YEAR = re.compile(r"(?:19|20)\d\d")


class _Token:
    """A word or mark with its offsets, classified once (each is looked at many times)."""

    __slots__ = ("end", "ing", "low", "start", "text", "time", "verb", "word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.low, self.word, self.verb, self.ing, self.time = _classify(text)


@lru_cache(maxsize=8192)  # news repeats its words: each is classified once
def _classify(text: str) -> tuple[str, bool, bool, bool, bool]:
    low = text.strip("'‘’").lower()
    lower = text[:1].islower()
    word = text not in _PUNCT and text.strip("'‘’.") != ""
    verb = low in _AUXILIARIES or (lower and (
        low in _IRREGULAR or low in _PRESENT or low.endswith("n't")
        or (low.endswith("ed") and len(low) > 4 and low not in _NOT_VERBS and low.isalpha())))
    ing = lower and low.endswith("ing") and len(low) > 5 and low.isalpha() and low not in _PREPOSITION_LIKE
    w = low.rstrip(",.")
    w = w[:-2] if w.endswith(("’s", "'s")) else w
    time = ((w.rstrip(".") in _TIME_NAMES and text[:1].isupper())
            or w in ("yesterday", "today", "tonight") or bool(_YEAR.fullmatch(w)))
    return low, word, verb, ing, time


@lru_cache(maxsize=64)  # a sentence with several dates is labelled once per date
def _tokens(text: str) -> tuple[_Token, ...]:
    return tuple(_Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text))


def _word(tok: _Token) -> bool:
    return tok.word


def _verb(tok: _Token) -> bool:
    """Does the word look like a finite verb or participle (no part-of-speech model: its shape)?"""
    return tok.verb


def _ing(tok: _Token) -> bool:
    return tok.ing


def _verb_ahead(toks: list[_Token], i: int, allow_ing: bool = False) -> bool:
    """A verb (after adverbs) at ``i``: the start of a verb phrase."""
    while i < len(toks) and (toks[i].low in _ADVERBS or (toks[i].low.endswith("ly") and toks[i].text.islower())):
        i += 1
    return i < len(toks) and (_verb(toks[i]) or (allow_ing and _ing(toks[i])))


def _clause_ahead(toks: list[_Token], i: int, limit: int = 7) -> bool:
    """A subject then a verb within ``limit`` words, before any comma: "when Batista fled". A name counts as one
    word however long ("after the Francis Scott Key Bridge in Baltimore collapsed")."""
    if i >= len(toks) or _verb_ahead(toks, i) or not _word(toks[i]):
        return False
    words, j = 0, i + 1
    while j < len(toks) and words < limit:
        if toks[j].text in ",;:–—--" or (toks[j].low in _COORDINATORS and not (  # not "Immigration and Naturalization"
                toks[j - 1].text[:1].isupper() and j + 1 < len(toks) and toks[j + 1].text[:1].isupper())):
            return False
        if _verb(toks[j]):
            return True
        if not (toks[j].text[:1].isupper() and toks[j - 1].text[:1].isupper()):
            words += 1  # (the second word of a name is no new word)
        j += 1
    return False


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# --------------------------------------------------------------------------- clauses


@dataclass
class _Clause:
    kind: str  # main, hard, rel, redrel, sub, coord, part, partp, abs, appos
    marker: int  # index of the word that opens it (-1 for the main clause)
    parent: int
    tokens: list[int]
    has_verb: bool = False
    bare: bool = False  # opened without a comma: "A man who was injured ... was arrested"


def _antecedent(toks: list[_Token], end: int, start: int = 0) -> list[int]:
    """The noun phrase just before ``end`` that a relative clause hangs on: a name, or "the ... noun"."""
    i = end - 1
    while i >= start and toks[i].text in ",–—--":
        i -= 1
    if i - 1 > start and toks[i].text.isdigit() and toks[i - 1].text == ",":  # "Dandre Martin, 26, who"
        i -= 2
    if i >= start and (_time_word(toks[i]) or toks[i].text.isdigit()):
        return []
    names: list[int] = []
    j = i
    while j >= start and len(names) < 6 and _word(toks[j]) and (
            toks[j].text[:1].isupper() or (names and toks[j].low in _NAME_PARTICLES)):
        names.append(j)
        j -= 1
    while names and not toks[names[-1]].text[:1].isupper():
        names.pop()
    if names and j >= start and toks[j].low in ("in", "at", "from") and j - 1 >= start:
        phrase = _det_phrase(toks, j - 1, start)  # "a shooting in Sacramento"
        if phrase:
            return [*phrase, j, *reversed(names)]
    if names and not (j >= start and (toks[j].low in _DETERMINERS or toks[j].low.endswith(("’s", "'s")))):
        return list(reversed(names))
    return _det_phrase(toks, i, start) or ([i] if i >= start and _word(toks[i]) else [])


def _det_phrase(toks: list[_Token], i: int, start: int) -> list[int]:
    """"the judge's ruling", "a Libyan World Court case": from a determiner to the noun at ``i``."""
    possessive = None
    for k in range(i, max(start, i - 10) - 1, -1):  # "the potential Valley Federal Savings and Loan acquisition"
        tok = toks[k]
        if tok.text in _PUNCT or _verb(tok) or (tok.low in _PREPOSITIONS and k < i):
            break
        if tok.low in _DETERMINERS:
            return list(range(k, i + 1))
        if tok.low.endswith(("’s", "'s")) and k < i:
            possessive = k
    return list(range(possessive, i + 1)) if possessive is not None else []


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten dozen dozens hundreds thousands".split())


def _appositive_ahead(toks: list[_Token], i: int, hi: int) -> bool:
    """", an obstetrician in Buffalo, fired ...": a verbless phrase between commas, then a verb."""
    for j in range(i + 1, min(hi, i + 16)):
        if toks[j].text in ";:":
            return False
        if toks[j].text == ",":
            return j > i + 1 and _verb_ahead(toks, j + 1)
        if toks[j].low in _AUXILIARIES or toks[j].low in _RELATIVES:  # "-ed" words here are adjectives
            return False
    return False


def _split_clauses(toks: list[_Token], lo: int, hi: int, skip: set[int]) -> list[_Clause]:
    """Clauses of toks[lo:hi]; ``skip`` are tokens of the expression (neither a noun nor a name here)."""
    clauses = [_Clause("main", -1, -1, [])]
    current, back_to = 0, None  # back_to: the clause an interruption (", who ...,") returns to

    def prev_word(i: int) -> int:
        j = i - 1
        while j >= lo and j in skip:
            j -= 1
        return j

    def open_clause(kind: str, marker: int, *, interrupts: bool) -> None:
        nonlocal current, back_to
        if interrupts and not clauses[current].has_verb and back_to is None:
            back_to = current
        clauses.append(_Clause(kind, marker, current, [], bare=toks[marker - 1].text not in _PUNCT))
        current = len(clauses) - 1

    i = lo
    while i < hi:
        tok, low = toks[i], toks[i].low
        nxt = toks[i + 1] if i + 1 < hi else None
        if tok.text in ";:" and i + 1 < hi:
            back_to = None
            open_clause("hard", i, interrupts=False)
            i += 1
            continue
        if tok.text in ",–—--" and nxt is not None:
            if back_to is not None and current != back_to and (_verb_ahead(toks, i + 1) or (
                    nxt.text.islower() and nxt.low.endswith("s") and nxt.low not in _FUNCTION_END)):
                current, back_to = back_to, None  # the interruption ends here: "Kopp, who ..., was indicted"
                i += 1
                continue
            if current != 0 and not clauses[0].has_verb and clauses[0].tokens and _clause_ahead(toks, i + 1) \
                    and nxt.low not in _COORDINATORS:
                current, back_to = 0, None  # "In the years that followed, the fighters waged war"
                clauses[0].tokens.append(i)
                i += 1
                continue
            n = nxt.low
            if n in _RELATIVES - {"that"} and nxt.text.islower():
                open_clause("rel", i + 1, interrupts=True)
            elif n in _COORDINATORS and clauses[current].has_verb and (
                    _verb_ahead(toks, i + 2) or _clause_ahead(toks, i + 2)):
                open_clause("coord", i + 1, interrupts=False)
            elif n in _SUBORDINATORS and (_clause_ahead(toks, i + 2) or _verb_ahead(toks, i + 2, allow_ing=True)):
                open_clause("sub", i + 1, interrupts=False)
            elif _ing(nxt):
                open_clause("part", i + 1, interrupts=True)
            elif n == "with" and any(_ing(t) for t in toks[i + 2:min(hi, i + 9)]):
                open_clause("abs", i + 1, interrupts=False)  # ", with the last car rolling off the line"
            elif _verb(nxt) and nxt.low not in _AUXILIARIES | _PREPOSITION_LIKE and i + 2 < hi \
                    and (toks[i + 2].low in _PREPOSITIONS or (i + 2 in skip and nxt.low not in _SPEECH)):
                open_clause("partp", i + 1, interrupts=True)
            elif (n in _DETERMINERS or nxt.text[:1].isdigit()) and not _verb_ahead(toks, i + 1) and (
                    (not clauses[current].has_verb and current == 0 and clauses[0].tokens
                     and not (toks[clauses[0].tokens[0]].low in _PREPOSITIONS | _LEAD_WORDS  # "On June 10, the Army"
                              and _plain_subject_ahead(toks, i + 1, hi)))
                    or (i > lo and toks[i - 1].text[:1].isupper() and _appositive_ahead(toks, i + 1, hi))):
                back_to = current if back_to is None else back_to
                open_clause("appos", i + 1, interrupts=True)
                clauses[-1].tokens.append(i)
            else:
                clauses[current].tokens.append(i)
            i += 1
            continue
        if i in skip:
            clauses[current].tokens.append(i)
            i += 1
            continue
        p = prev_word(i)
        prev = toks[p] if p >= lo else None
        if prev is not None and prev.text not in _PUNCT:
            dated = i - 1 in skip  # "who were recovered last week had been identified": the date closed it
            if (current != 0 and clauses[current].has_verb and clauses[0].tokens
                    and (not clauses[0].has_verb or (low in _AUXILIARIES and _only_participles(toks, clauses[0])))
                    and clauses[current].bare and clauses[current].kind in ("rel", "redrel", "sub")
                    and tok.text.islower() and (low in _AUXILIARIES or (_verb(tok) and low.endswith("ed")))
                    and (dated or (not _verb(prev) and prev.low not in _ADVERBS and not prev.low.endswith("ly"))
                         or (prev.verb and prev.low not in _AUXILIARIES and low in _AUXILIARIES - {"be", "been"}))):
                current, back_to = 0, None  # "A man who was injured in a shooting ... was arrested"
            elif low in _COORDINATORS and tok.text.islower() and clauses[current].has_verb and not (
                    prev.text[:1].isupper() and i + 1 < hi and toks[i + 1].text[:1].isupper()) and (
                    _vp_ahead(toks, i + 1, hi)
                    or (_clause_ahead(toks, i + 1, 5) and toks[i + 1].low not in _PREPOSITIONS
                        and not any(t.low in ("between", "both") for t in toks[max(lo, i - 4):i]))):
                open_clause("coord", i, interrupts=False)
            elif low in _RELATIVES and tok.text.islower() and (not _verb(prev) or (dated and (
                    low == "who" or (low == "that" and prev.low not in _COMPLEMENT)))) \
                    and prev.low not in _SPEECH \
                    and (dated or prev.low not in _PREPOSITIONS | _DETERMINERS | {"so", "such", "now"}) \
                    and (low != "that" or _verb_ahead(toks, i + 1)
                         or (prev.text[:1].islower() and _clause_ahead(toks, i + 1))):
                open_clause("rel", i, interrupts=False)
            elif low in _SUBORDINATORS and tok.text.islower() and (
                    (clauses[current].has_verb and (_clause_ahead(toks, i + 1)
                                                    or _verb_ahead(toks, i + 1, allow_ing=True)))
                    # "All six workers missing after the bridge collapsed on Tuesday are presumed dead"
                    or (current == 0 and clauses[0].tokens and prev.text.islower() and _clause_ahead(toks, i + 1))):
                open_clause("sub", i, interrupts=False)
            elif _reduced_relative(toks, i, hi, prev, clauses[current].has_verb, skip):
                open_clause("redrel", i, interrupts=False)
            elif (_verb(tok) and low not in _AUXILIARIES | _PREPOSITION_LIKE and i + 1 < hi
                  and toks[i + 1].low in ("of", "by") and not _verb(prev) and prev.low not in _FUNCTION_END
                  and not prev.low.endswith("ly") and (clauses[current].has_verb or toks[i + 1].low == "by")):
                # "two Libyans suspected of blowing up a jet"; "The new study written by X, who ..., warns"
                open_clause("partp", i, interrupts=not clauses[current].has_verb)
        clauses[current].tokens.append(i)
        kind = clauses[current].kind
        adjective = kind == "appos" and low not in _AUXILIARIES and (  # "an impassioned and nomadic opponent"
            prev is None or not prev.text.islower() or prev.low in _FUNCTION_END | _NUMBER_WORDS)
        if (_verb(tok) and not adjective) or (_ing(tok) and kind in ("part", "abs")):
            clauses[current].has_verb = True
        i += 1
    for clause in clauses:  # an "appositive" with a verb was a list ("Gonzalez, his brother and ... planned")
        if clause.kind == "appos" and clause.has_verb:
            clause.kind = "main"
    return clauses


def _only_participles(toks: list[_Token], clause: _Clause) -> bool:
    """"Dozens of passengers stranded after ...": the clause's only verbs are participles after their noun."""
    verbs = [i for i in clause.tokens if toks[i].verb]
    return all(toks[i].low.endswith("ed") and toks[i].low not in _AUXILIARIES and i > 0 and toks[i - 1].text.islower()
               and toks[i - 1].word and not toks[i - 1].verb and toks[i - 1].low not in _FUNCTION_END for i in verbs)


def _plain_subject_ahead(toks: list[_Token], i: int, hi: int) -> bool:
    """"the U.S. Army Corps of Engineers and the Navy restored": a subject, then its verb, with no comma or
    relative between (not the appositive "the union that represents employees at Ford, ...")."""
    for j in range(i, min(hi, i + 24)):
        if toks[j].text in _PUNCT or toks[j].low in _RELATIVES:
            return False
        if toks[j].verb:
            return True
    return False


def _vp_ahead(toks: list[_Token], i: int, hi: int) -> bool:
    """"and were planning to ...", "and killed a doctor"; not "dismembered and decapitated body"."""
    while i < hi and (toks[i].low in _ADVERBS or (toks[i].low.endswith("ly") and toks[i].text.islower())):
        i += 1
    if i >= hi or not _verb(toks[i]):
        return False
    after = toks[i + 1] if i + 1 < hi else None
    return after is None or not (after.text[:1].islower() and after.low not in _FUNCTION_END | _PARTICLES | _ADVERBS
                                 and not _verb(after) and not _ing(after) and not after.low.endswith("ly"))


def _reduced_relative(toks: list[_Token], i: int, hi: int, prev: _Token, has_verb: bool, skip: set[int]) -> bool:
    """"the offer Boeing made", "a store owner they took hostage": a noun, then a subject and a past verb."""
    if not has_verb or not prev.text[:1].islower() or _verb(prev) or prev.low in _FUNCTION_END | _NUMBER_WORDS \
            or _ing(prev) or prev.low[:1].isdigit():
        return False
    if not any(t.low in _DETERMINERS or t.low.endswith(("’s", "'s")) for t in toks[max(0, i - 4):i]):
        return False  # "made clear he opposed": a complement, not "the offer Boeing made"
    tok = toks[i]
    if tok.low in _SUBJECT_PRONOUNS and i + 1 < hi:
        return _verb(toks[i + 1]) and toks[i + 1].low not in _AUXILIARIES - _PAST_AUX
    if tok.low == "the" and i + 2 < hi and i + 1 not in skip:  # "the contract the union negotiated"
        j = i + 1
        while j < hi and j - i <= 2 and toks[j].text.islower() and toks[j].word and not toks[j].verb \
                and toks[j].low not in _FUNCTION_END:
            j += 1
        return (i + 1 < j < hi and toks[j].verb and toks[j].low not in _AUXILIARIES
                and (toks[j].low.endswith("ed") or toks[j].low in _IRREGULAR)
                and not (j + 1 < hi and toks[j + 1].low in ("of", "by", "as")))
    if tok.text[:1].isupper() and tok.low not in _TIME_NAMES and i not in skip:
        j = i
        while j < hi and j - i < 4 and toks[j].text[:1].isupper() and _word(toks[j]):
            j += 1
        return (j < hi and _verb(toks[j]) and (toks[j].low.endswith("ed") or toks[j].low in _IRREGULAR)
                and not (j + 1 < hi and toks[j + 1].low in ("of", "by", "as")))
    return False


# --------------------------------------------------------------------------- attribution


def _speech_tail(toks: list[_Token], lo: int, hi: int) -> int | None:
    """Where a closing attribution starts: ", police said", ", X told MIA", "... the Office announced on Friday"."""
    for i in range(hi - 1, lo, -1):
        if toks[i].low not in _SPEECH or toks[i].low == "according" or not toks[i].text.islower():
            continue
        if i - 1 > lo and toks[i - 1].text in "”\"" and toks[i - 2].text in ",”\"":
            return i - 1  # “We have our suspect,” said Bernard Tolbert, special agent-in-charge
        end = next((k for k in range(i + 1, hi - 1) if toks[k].text == "," and toks[k + 1].ing), hi)
        after = [t for t in toks[i + 1:end] if _word(t)]  # "..., Meissner said Wednesday, adding that ..."
        j = i - 1  # “Y,” X told workers late Thursday in an online address ...: however long, the quote is Y
        while j > lo and toks[j].text not in _PUNCT and i - j <= 7 and not _verb(toks[j]):
            j -= 1
        if toks[j].text in "”\"" and j - 1 > lo and toks[j - 1].text in ",!?" and len(after) <= 20 and not any(
                t.low == "that" or (_verb(t) and t.low not in _SPEECH) for t in after):
            return j + 1
        appositive = [k for k in range(i + 1, end) if toks[k].text in ",;:"]  # "said X, a spokesperson for Y"
        if appositive and toks[appositive[0]].text == "," and appositive[0] + 1 < end and len(after) <= 16 \
                and toks[appositive[0] + 1].low in ("a", "an", "the") and not any(_verb(t) for t in after) \
                and all(toks[k].text == "," for k in appositive):
            after = [t for t in toks[i + 1:appositive[0]] if _word(t)]
            appositive = []
        if len(after) > 6 or any(t.low == "that" or _verb(t) for t in after) or appositive:
            return None
        j = i - 1
        while j > lo and toks[j].text not in ",;:“”\"" and i - j <= 9 and not _verb(toks[j]):
            j -= 1
        if toks[j].text == ",":
            return j if j > lo and toks[j + 1].low not in _RELATIVES else None
        if toks[j].text in "”\"" and j > lo:  # “Y,” X said
            return j + 1
        # no comma: "... for the first time in a month the Prime Minister's Office announced on Friday"
        for k in range(j + 1, i):
            if toks[k].low == "the" and k > lo + 3 and toks[k + 1].text[:1].isupper():
                return k
        return None
    return None


def _according_tail(toks: list[_Token], lo: int, hi: int) -> int | None:
    for i in range(lo + 1, hi - 1):
        if toks[i].text == "," and toks[i + 1].low == "according" and i + 2 < hi and toks[i + 2].low == "to":
            return i
    return None


def _told_with_its_own_event(toks: list[_Token], lo: int, timex: set[int]) -> bool:
    """"according to a memorandum distributed by RJR's owner to bankers last December": the source has a
    happening of its own (a participle with its own words). "according to results released Friday" has none:
    the date is the report's, and the report is the main clause."""
    first = min(timex)
    for k in range(lo, first):
        tok = toks[k]
        if tok.verb and tok.low not in _AUXILIARIES and tok.text.islower():
            return sum(1 for t in toks[k + 1:first] if t.word) >= 2
    return False


def _speech_head(toks: list[_Token], lo: int, hi: int, timex: set[int]) -> tuple[int, int] | None:
    """"X said (on Monday) (that) Y": the span of the speaker and where Y starts."""
    for i in range(lo, min(hi, lo + 16)):
        tok = toks[i]
        if tok.text in _PUNCT and tok.text not in "“”\",":
            return None
        thinking = tok.low in _THINK and i > lo and toks[i - 1].low in ("i", "we")  # "I think ..."
        impersonal = toks[lo].low == "it" and tok.low in _AUXILIARIES  # "It was announced Monday that ..."
        if _verb(tok) and tok.low not in _SPEECH and not thinking and not impersonal:
            return None
        if (tok.low in _SPEECH - {"according", "asked"} or thinking) and tok.text.islower() and i > lo:
            j = i + 1
            if tok.low in _TOLD:  # told reporters / told Fox Business / tell you
                k = j + 1 if j < hi and toks[j].low not in ("that", ":") and j not in timex else j
                while k < hi and k - j < 4 and toks[k].low not in ("that", ":") and not _verb(toks[k]) \
                        and not _clause_ahead(toks, k, 4):
                    k += 1
                j = k
            marked = False  # "said that ...", "said: ...": what follows is the report whatever its shape
            while j < hi and (toks[j].low in ("that", ":", ",") or toks[j].low in _TIME_LEAD or j in timex
                              or _time_lead_or_name(toks[j])):
                marked = marked or toks[j].low in ("that", ":")
                j += 1
            # without "that" the report must be a clause: "GM reported its earnings, which beat ..." reports none
            if j < hi and any(_verb(t) for t in toks[j:min(hi, j + (24 if marked else 8))]) and (
                    marked or tok.low in _TOLD or toks[j].text in "“\"" or _clause_ahead(toks, j, 9)):
                return i, j
            return None
    return None


def _time_lead_or_name(tok: _Token) -> bool:
    return tok.low in _TIME_NAMES or tok.low in ("yesterday", "today", "tonight", "last", "this", "week", "month")


def _speech_aside(toks: list[_Token], lo: int, hi: int) -> set[int]:
    """", Mr. Marous said," inside a sentence: an attribution between commas."""
    for i in range(lo + 1, hi - 2):
        if toks[i].text != ",":
            continue
        for j in range(i + 2, min(hi - 1, i + 8)):
            if toks[j].text == ",":
                words = toks[i + 1:j]
                if words[-1].low in _SPEECH - {"according"} and not any(_verb(t) for t in words[:-1]):
                    return set(range(i, j + 1))
                break
    return set()


# --------------------------------------------------------------------------- time words


def _time_word(tok: _Token) -> bool:
    """A word of a time expression other than the labelled one ("Dec. 15", "in 1955", "last year")."""
    return tok.time


def _time_groups(items: list[_Item], toks: list[_Token], timex: set[int]) -> list[tuple[int, int]]:
    """(first, last) positions in ``items`` of each time expression, the labelled one included."""
    groups: list[tuple[int, int]] = []
    n = 0
    while n < len(items):
        idx = items[n].index
        tok = toks[idx] if idx is not None else None
        if tok is not None and (idx in timex or _time_word(tok)):
            m = n
            while m + 1 < len(items) and items[m + 1].index is not None and (
                    items[m + 1].index in timex or _time_word(toks[items[m + 1].index])
                    or toks[items[m + 1].index].low.rstrip(",").isdigit()
                    or toks[items[m + 1].index].low in ("week", "month", "year", "weekend")):
                m += 1
            start = n
            if start > 0 and items[start - 1].index is not None and toks[items[start - 1].index].low in (
                    "last", "next", "this", "early", "late"):
                start -= 1
            groups.append((start, m))
            n = m + 1
        else:
            n += 1
    return groups


def _gapped(items: list[_Item], toks: list[_Token], timex: set[int]) -> list[_Item]:
    """"adding Greece and Turkey in 1952, West Germany in 1955 and Spain in 1982": one item per date."""
    groups = _time_groups(items, toks, timex)
    ours = next((k for k, (a, b) in enumerate(groups)
                 if any(items[n].index in timex for n in range(a, b + 1))), None)
    if ours is None or len(groups) < 2:
        return items

    def bare(a: int, b: int) -> bool:  # the words between two dates: a separator, then a verbless item
        between = items[a:b]
        words = [x for x in between if x.text.lower() not in (",", "and") and _tok(toks, x).low not in _PREPOSITIONS]
        return bool(words) and between[0].text.lower() in (",", "and") and not any(
            item.index is not None and (_verb(toks[item.index]) or toks[item.index].text in ";:") for item in between)

    chain = [ours]
    while chain[0] > 0 and bare(groups[chain[0] - 1][1] + 1, groups[chain[0]][0]):
        chain.insert(0, chain[0] - 1)
    while chain[-1] + 1 < len(groups) and bare(groups[chain[-1]][1] + 1, groups[chain[-1] + 1][0]):
        chain.append(chain[-1] + 1)
    if len(chain) < 2:
        return items
    first = groups[chain[0]][0]
    verb = max((n for n in range(first) if _verb(_tok(toks, items[n])) or _ing(_tok(toks, items[n]))), default=None)
    if verb is None:
        return items
    k = chain.index(ours)
    start = verb + 1 if k == 0 else groups[chain[k - 1]][1] + 1
    while start < len(items) and items[start].text.lower() in (",", "and"):
        start += 1
    return [*items[:verb + 1], *items[start:groups[ours][1] + 1]]


_GENERIC_NOUNS = frozenset("period quarter year month week season time half day level levels figure figures results "
                           "earnings".split())


def _dated_noun_relative(toks: list[_Token], timex: set[int], lo: int, hi: int) -> list[int] | None:
    """"arrested in connection with the bombings of U.S. embassies last year that killed 224 people": a bare date
    between a noun phrase and its relative clause dates that noun ("The bombings of U.S. embassies killed ...")."""
    first, last = min(timex), max(timex)
    if last + 2 >= hi or toks[last + 1].low not in ("that", "which") or not _verb_ahead(toks, last + 2) \
            or first == 0 or toks[first - 1].low in _TIME_LEAD or not toks[first - 1].word or toks[first - 1].verb:
        return None
    start = None
    for k in range(first - 1, max(lo, first - 12) - 1, -1):
        tok = toks[k]
        if tok.text in _PUNCT or tok.verb or tok.ing:
            return None
        if tok.low == "the":
            start = k
            break
    if start is None or start == lo:
        return None
    end = last + 2
    while end < hi and toks[end].text not in _PUNCT:
        end += 1
    return [*range(start + 1, first), *range(last + 2, end)]


def _noun_event(toks: list[_Token], timex: set[int], hi: int) -> list[int] | None:
    """"the October 1998 shooting death of Dr. Slepian", "Friday’s shooting at a mall": the noun is the event."""
    first, last = min(timex), max(timex)
    possessive = toks[last].low.endswith(("’s", "'s"))
    if not possessive and not (first > 0 and toks[first - 1].low in ("the", "a", "an")):
        return None
    n = last + 1
    if n >= hi or not toks[n].text[:1].islower() or _verb(toks[n]) or toks[n].low in _FUNCTION_END:
        return None
    if toks[n].low in _GENERIC_NOUNS:  # "the 1988 period": no happening of its own
        return None
    out = []
    while n < hi and not _verb(toks[n]) and toks[n].low not in _RELATIVES and len(out) < 12 \
            and (toks[n].low not in _PREPOSITIONS or toks[n].low in ("of", "at", "in", "on", "between", "with")):
        if toks[n].text in _PUNCT:
            if not (toks[n].text == "," and n + 2 < hi and toks[n + 1].text[:1].isupper() and toks[n + 2].text == ","):
                break
            out.extend((n, n + 1, n + 2))  # "a Birmingham, Ala., abortion clinic"
            n += 3
            continue
        out.append(n)
        n += 1
    while out and toks[out[-1]].low in _FUNCTION_END:
        out.pop()
    if n + 2 < hi and toks[n].text == "," and toks[n + 1].low == "which" and _verb_ahead(toks, n + 2):
        n += 1  # "during Friday’s livestream, which was delayed by about 30 minutes"
    if n + 1 < hi and toks[n].low in ("that", "which") and _verb_ahead(toks, n + 1):
        end = n + 1  # "... that sent eight people to the hospital"
        while end < hi and toks[end].text not in _PUNCT:
            end += 1
        out.extend(range(n + 1, end))
    return out or None


# --------------------------------------------------------------------------- assembling a label


class _Item(NamedTuple):
    text: str
    index: int | None  # the token it came from (None: a word put in, like a subject moved back)


def _join(items: list[_Item], text: str, toks: list[_Token]) -> str:
    out = ""
    for n, item in enumerate(items):
        if n:
            last = items[n - 1]
            if last.index is not None and item.index == last.index + 1:
                out += text[toks[last.index].end:toks[item.index].start]
            elif item.text not in ",;:)”…" and last.text not in "(“":
                out += " "
        out += item.text
    return re.sub(r"\s+", " ", out).strip()


def _tidy(items: list[_Item]) -> list[_Item]:
    """No parentheses, no doubled or dangling commas, balanced quotes."""
    kept: list[_Item] = []
    depth = 0
    for item in items:
        if item.text == "(":
            depth += 1
        elif item.text == ")" and depth:
            depth -= 1
        elif not depth:
            kept.append(item)
    out: list[_Item] = []
    for item in kept:
        if item.text in ",;:–—--" and (not out or out[-1].text in ",;:–—--"):
            continue
        out.append(item)
    dashes = [n for n, item in enumerate(out) if item.text in ("--", "—", "–")]
    if len(dashes) >= 2 and dashes[1] - dashes[0] <= 6:  # "Biden's historic — and brief — visit": an aside
        del out[dashes[0]:dashes[1] + 1]
    elif len(dashes) == 1 and dashes[0] >= 3 and not any(  # "sold its stake -- part of a practice": an aside
            item.index is None or _classify(item.text)[2] for item in out[dashes[0] + 1:]):
        del out[dashes[0]:]
    commas = [n for n, item in enumerate(out) if item.text == ","]
    if commas and out[commas[-1] + 1:] and all(  # "Fain released a video, days" (after ...): a dangling measure
            item.text.lower() in _MEASURES or item.text.lower() in _MEASURE_WORDS or item.text.isdigit()
            for item in out[commas[-1] + 1:]):
        del out[commas[-1]:]
    while out and (out[-1].text in ",;:–—--" or out[-1].text.strip("'‘’") == ""):
        out.pop()
    while out and (out[0].text in ",;:–—--" or out[0].text.lower() in ("and", "but", "so", "yet", "or")):
        out.pop(0)
    quotes = [n for n, item in enumerate(out) if item.text in "“”\""]
    if len(quotes) % 2 or (quotes and out[quotes[0]].text == "”"):
        out = [item for n, item in enumerate(out) if n not in quotes]
    return out


def _count(items: list[_Item]) -> int:
    return sum(1 for item in items if item.text not in _PUNCT and item.text.strip("'‘’") != "")


def _tok(toks: list[_Token], item: _Item) -> _Token:
    return toks[item.index] if item.index is not None else _Token(item.text, -1, -1)


def _cuts(items: list[_Item], toks: list[_Token], words: int, after_verb: bool = True) -> list[int]:
    """Where the label may end (before items[n]): a phrase boundary after the verb, leaving at most ``words``."""
    verb = next((n for n, item in enumerate(items) if _verb(_tok(toks, item))), None) if after_verb else None
    counts = [0]
    for item in items:
        counts.append(counts[-1] + (item.text not in _PUNCT and item.text.strip("'‘’") != ""))
    cuts = []
    for n in range(1, len(items)):
        if (verb is not None and n <= verb) or counts[n] > words:
            continue
        t, prev = _tok(toks, items[n]), _tok(toks, items[n - 1])
        if verb is not None and n == verb + 1 and t.low in _PREPOSITIONS:
            continue  # the verb's own preposition: "called for a strike", "went on strike"
        if prev.low in _MEASURES and (t.low in _SUBORDINATORS or t.low in _PREPOSITIONS):
            continue  # "days after the walkout", "hours before the deadline": the measure goes with it
        nxt = _tok(toks, items[n + 1]) if n + 1 < len(items) else None
        cut = (t.text in ",;:(–—--" or t.low in _PREPOSITIONS or t.low in _RELATIVES | _SUBORDINATORS
               or (t.low in _COORDINATORS and nxt is not None and items[n + 1].index is not None
                   and not any(_tok(toks, x).low in ("between", "both") for x in items[max(0, n - 4):n])
                   and (_verb_ahead(toks, items[n + 1].index) or _clause_ahead(toks, items[n + 1].index)
                        or (prev.text.islower() and prev.text.isalpha() and t.low == "and")))
               or ((_ing(t) or (_verb(t) and t.low not in _AUXILIARIES)) and prev.text[:1].islower()
                   and not _verb(prev) and prev.low not in _FUNCTION_END and nxt is not None
                   and nxt.low in _PREPOSITIONS))
        before = _tok(toks, items[n - 2]) if n >= 2 else None
        participle = (_verb(prev) or _ing(prev)) and n - 1 != verb and before is not None and not _verb(before)
        if cut and not participle and prev.low not in _FUNCTION_END and prev.text not in _PUNCT \
                and counts[n] >= 2 and not (before is not None and before.text == ","):
            cuts.append(n)
    return cuts


def _best_cut(items: list[_Item], toks: list[_Token], cuts: list[int]) -> int:
    """The longest cut, before "of" or "to" only when that keeps five words more ("a strand of hair")."""
    strong = [n for n in cuts if _tok(toks, items[n]).low not in ("of", "to")]
    best = max(strong, default=0)
    weak = max(cuts)
    return weak if not strong or _count(items[:weak]) - _count(items[:best]) >= 5 else best


def _shorten(items: list[_Item], toks: list[_Token], words: int) -> list[_Item]:
    """At most ``words`` words, cut before a phrase after the verb; never inside a noun phrase."""
    if _count(items) <= words:
        return items
    cuts = _cuts(items, toks, words)
    if not cuts:  # a long subject ("Gonzalez, the boy's stepmother, ..."; "A venture involving ..."): its head
        verb = next((n for n, item in enumerate(items) if _verb(_tok(toks, item))), None)
        comma = next((n for n, item in enumerate(items[:verb or 0]) if n >= 1 and (item.text == "," or (
            n >= 2 and _tok(toks, items[n - 1]).low not in _DETERMINERS
            and (_tok(toks, item).low in _PREPOSITIONS or _ing(_tok(toks, item)))))), None)
        participle = verb is not None and verb + 1 < len(items) and _tok(toks, items[verb - 1]).text.islower() \
            and _tok(toks, items[verb + 1]).low in _PREPOSITIONS - {"to"}  # "a strand of hair found near ..."
        if comma is not None and comma >= 1 and not participle:
            shorter = [*items[:comma], *items[verb:]]
            cuts = _cuts(shorter, toks, words)
            if cuts or _count(shorter) <= words:
                items = shorter
    if _count(items) <= words:
        return items
    if not cuts:  # the verb comes too late ("DNA tests link ..." has none known): any phrase boundary
        cuts = _cuts(items, toks, words, after_verb=False)
    if cuts:
        return items[:_best_cut(items, toks, cuts)]
    cut: list[_Item] = []
    for item in items:
        cut.append(item)
        if _count(cut) >= words:
            break
    while len(cut) > 3 and (_tok(toks, cut[-1]).low in _FUNCTION_END or cut[-1].text in _PUNCT):
        cut.pop()
    return [*cut, _Item("…", None)]


def _to_past(word: str) -> str:
    """"declaring" -> "declared": a participle read as the main clause's past."""
    stem = word[:-3]
    for base in (stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem):
        if base in _IRREGULAR_PAST:
            return _IRREGULAR_PAST[base]
    if stem.endswith("y") and stem[-2:-1] not in "aeiou":
        return stem[:-1] + "ied"
    return stem + "ed"


# --------------------------------------------------------------------------- the label


def _timex_tokens(toks: list[_Token], span: tuple[int, int] | None) -> set[int]:
    if span is None:
        return set()
    return {n for n, t in enumerate(toks) if t.start < span[1] and t.end > span[0]}


def _drop_timex(items: list[_Item], toks: list[_Token], timex: set[int]) -> list[_Item]:
    """The expression, its preposition and a clock time beside it ("at about 10:35 a.m. (0735 GMT) Friday")."""
    if not timex:
        return items
    first, last = min(timex), max(timex)
    drop = set(timex)
    if toks[last].low.endswith(("’s", "'s")):  # "up from last year’s $2.34 billion" -> "up from the $2.34 billion"
        drop.discard(last)
        return [_Item("the", None) if item.index == last else item for item in items if item.index not in drop]
    j = first - 1
    while j >= 0 and (toks[j].low in _TIME_LEAD or _CLOCK.match(toks[j].low) or _parenthetical(toks, j)):
        drop.add(j)
        j -= 1
    if j >= 0 and toks[j].low in ("beginning", "starting", "effective") and (j == 0 or toks[j - 1].text in ",;:"):
        drop.add(j)  # "Beginning at noon today, UAW members will strike": the participle goes with its date
    n = last + 1
    while n < len(toks) and toks[n].low in ("night", "morning", "afternoon", "evening"):
        drop.add(n)
        n += 1
    if n + 1 < len(toks) and toks[n].low == "local" and toks[n + 1].low == "time":
        drop |= {n, n + 1}  # "at about 7 a.m. local time"
        n += 2
    if n + 1 < len(toks) and toks[n].text == "," and toks[n + 1].time and toks[n + 1].low not in ("today", "tonight"):
        k = n + 1  # "on Tuesday, March 26, while crews ...": the same day told twice
        while k < len(toks) and (toks[k].time or toks[k].low.rstrip(",").isdigit()):
            k += 1
        drop |= set(range(n, k))
        n = k
    if n + 1 < len(toks) and toks[n].low == "or" and toks[n + 1].low == "so":
        drop |= {n, n + 1}
    if n + 1 < len(toks) and toks[n].low in ("and", "to", "-", "–", "through") and toks[n + 1].low.isdigit() \
            and toks[last].low.isdigit() and int(toks[n + 1].low) <= 31:  # not "expanding Friday to 38 facilities"
        drop |= {n, n + 1}  # "on April 24 and 25"
    if n + 1 < len(toks) and toks[n].text == "," and toks[n + 1].low in _PREPOSITIONS and j >= 0 \
            and toks[j].text not in _PUNCT and (n + 2 >= len(toks) or toks[n + 2].low != "least") \
            and any(t.verb for t in toks[:j + 1]):
        drop.add(n)  # "took off at 1:54 p.m., from Detroit": the comma closed the date
    if n < len(toks) and toks[n].text == "," and any(toks[k].text == "," for k in range(first, last + 1)):
        drop.add(n)  # "until 11:59 p.m., Sept. 14, to meet": the comma closes the date, as in "on Sept. 14, 2023,"
    return [item for item in items if item.index not in drop]


def _parenthetical(toks: list[_Token], j: int) -> bool:
    return toks[j].text in "()" or (j > 0 and toks[j - 1].text == "(") or (
        j + 1 < len(toks) and toks[j + 1].text == ")")


#: Words that measure how long before or after: they belong to the "after ..." that follows.
_MEASURES = frozenset("seconds minutes hours days weeks months years decades moments shortly soon just long "
                      "minute hour day week month year".split())

_SPAN_MEASURE = re.compile(r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)[\s-]+)?"
                           r"(?:second|minute|hour|day|week|month|year|decade)s?", re.IGNORECASE)
_MEASURED = re.compile(r"\s+(?:after|before)\s+(?=\S)", re.IGNORECASE)
_MEASURE_WORDS = frozenset("a an few several just only some two three four five six seven eight nine ten".split())

_LEAD_WORDS = frozenset("according separately meanwhile however yesterday today last this earlier later then and but "
                        "also still instead".split())


def _lead_in(items: list[_Item], toks: list[_Token]) -> list[_Item]:
    """"In March, American Medical received ..." -> "American Medical received ..."."""
    for n, item in enumerate(items[:24]):
        if item.text == ",":
            head = items[:n]
            first = head[0].text.lower() if head else ""
            words = [toks[i.index] for i in head if i.index is not None]
            if head and (first in _PREPOSITIONS or first in _ADVERBS or first in _LEAD_WORDS) and not any(
                    _verb(t) for t in words):
                return items[n + 1:]
            if len(words) > 1 and words[0].text[:1].isupper() and _classify(words[0].text.lower())[2] \
                    and words[0].low.endswith("ed") and not any(_verb(t) for t in words[1:]) \
                    and _clause_ahead(toks, items[n + 1].index if n + 1 < len(items) and items[n + 1].index else 0):
                return items[n + 1:]  # "Nicknamed the “Atomic Dog” in anti-abortion circles, Kopp had been .."
            if head and (first in _SUBORDINATORS or first == "to" or (  # "But as the craze died,", "To make ...,"
                    first in ("and", "but") and len(head) > 1 and head[1].text.lower() in _SUBORDINATORS)):
                return items[n + 1:]
            if words and all(t.time or t.low in _TIME_LEAD or t.low.isdigit() for t in words):  # "Friday, ..."
                return items[n + 1:]
            return items
        if item.index is not None and _verb(toks[item.index]) and n and items[0].text.lower() not in (
                *_SUBORDINATORS, "to", "and", "but"):
            return items
    return items


def _items(toks: list[_Token], indices: list[int]) -> list[_Item]:
    return [_Item(toks[i].text, i) for i in indices]


def _subject(clause: list[int], toks: list[_Token]) -> list[int]:
    """The words of a clause before its verb, lead-in phrase and appositions left out."""
    items = _lead_in(_items(toks, clause), toks)
    out = []
    for item in items:
        if _verb(toks[item.index]) or toks[item.index].low in _ADVERBS:
            break
        out.append(item.index)
    if any(toks[i].text == "," for i in out):  # "Gonzalez, the boy's stepmother, ... and some adults"
        out = out[:next(n for n, i in enumerate(out) if toks[i].text == ",")]
    return out


def _has_other_date(toks: list[_Token], lo: int, hi: int, timex: set[int]) -> bool:
    return any(i not in timex and _time_word(toks[i]) and not toks[i].low.endswith(("’s", "'s"))
               and not (i > lo and toks[i - 1].low.endswith(("’s", "'s"))) for i in range(lo, hi))


def _event_clause(text: str, toks: list[_Token], timex: set[int]) -> list[_Item]:
    lo, hi = 0, len(toks)
    m = _DATELINE.match(text) or _PLACE_DATELINE.match(text)
    if timex and not m:  # "Detroit, Nov 16 (AP) United Auto Workers ...": a dateline that holds the date
        m = _DATED_DATELINE.match(text)
        m = m if m and toks[min(timex)].start < m.end() else None
    if m and len(text[:m.end()].split()) <= 8 and m.end() < len(text):
        while lo < hi - 1 and toks[lo].start < m.end():
            lo += 1
    if timex and lo < hi - 1 and toks[lo].low in ("and", "but"):
        lo += 1
    kicker = next((k for k in range(lo + 1, min(hi - 2, lo + 3)) if toks[k].text == ":"), None)
    if kicker is not None and toks[kicker + 1].text[:1].isupper() and not any(  # "Details: The UAW saved ..."
            t.verb or t.time or not t.text[:1].isupper() for t in toks[lo:kicker]) \
            and (not timex or min(timex) > kicker):
        lo = kicker + 1
    speaker: list[int] = []
    quote_open = toks[lo].text in "“\"" or toks[lo].text.startswith(("''", "‘‘", "``"))
    tail = _according_tail(toks, lo, hi)
    if tail is not None and not (timex and min(timex) > tail and _told_with_its_own_event(toks, tail + 3, timex)):
        hi = tail  # "..., according to sources with knowledge of the situation Saturday": the report's date
    elif tail is not None:  # the date is the document's: "according to a memorandum distributed ... last December"
        lo = tail + 3
    tail = _speech_tail(toks, lo, hi)
    if tail is not None and timex and min(timex) >= tail and any(
            toks[k].low in ("who", "which", "whose") for k in range(tail, min(timex))):
        tail = None  # “...,” said Josefa Gonzalez, who left Cuba in 1962: the speaker's own event
    telling: list[_Item] = []
    if tail is not None:
        if timex and min(timex) >= tail and _has_other_date(toks, lo, tail, timex) and not quote_open:
            # the content has its own date: this one is the telling ("..., the Office announced on Friday")
            telling = [item for item in _items(toks, list(range(tail, hi))) if item.text != ","]
            hi = tail
        else:
            hi = tail
            if quote_open:
                lo += 1
    lead = _lead_in(_items(toks, list(range(lo, hi))), toks)
    head = _speech_head(toks, lead[0].index if lead and lead[0].index is not None else lo, hi, timex)
    if head is not None:
        if timex and head[0] < min(timex) < head[1] and _has_other_date(toks, head[1], hi, timex):
            pass  # "X said on Monday that Y would happen on Friday": Monday's event is the saying, told whole
        else:
            lead = _lead_in(_items(toks, list(range(lo, head[0]))), toks)
            speaker = [i.index for i in lead]
            lo = head[1]
    aside = _speech_aside(toks, lo, hi)
    if timex and lo <= min(timex) < hi:
        noun = _noun_event(toks, timex, hi) or _dated_noun_relative(toks, timex, lo, hi)
        if noun is not None:
            return _tidy([_Item("the", None), *_items(toks, noun)])
    clauses = _split_clauses(toks, lo, hi, timex)
    where = next((c for c in clauses if timex & set(c.tokens)), clauses[0])
    when = next((c for c in clauses if c.kind == "rel" and timex and c.marker == max(timex) + 1
                 and toks[c.marker].low in ("when", "where") and c.has_verb), None)
    if when is not None and not any(toks[i].verb or toks[i].ing for i in where.tokens if i < min(timex)):
        where = when  # "since March 26 when the Dali struck the Key Bridge": the "when" tells that date
    elif where.kind == "appos" or (where.kind == "hard" and not where.has_verb):
        where = clauses[where.parent] if where.parent >= 0 else clauses[0]
    family = {id(c) for c in clauses if c is where or (c.kind == "main" and where.kind == "main")}
    own = sorted(i for c in clauses if id(c) in family for i in c.tokens if i not in aside)
    main = sorted(i for c in clauses if c.kind == "main" for i in c.tokens if i not in aside)
    items = _items(toks, own)
    if where.kind in ("rel", "redrel"):
        items = _relative(where, _drop_timex(items, toks, timex), toks, lo)
        if where.kind == "redrel" and items and _tok(toks, items[0]).low in ("it", "they", "he", "she"):
            subject = _subject(main, toks)  # "Boeing withdrew the offer it made" -> "Boeing made the offer"
            if subject and toks[subject[0]].low not in _SUBJECT_PRONOUNS:
                items = [*_items(toks, subject), *items[1:]]
    elif where.kind == "sub":
        items = _subordinate(items[1:], where, main, toks, lo)
    elif where.kind in ("coord", "part", "partp", "abs"):
        while items and items[0].text in ",–—--":
            items = items[1:]
        if where.kind in ("coord", "abs"):
            items = items[1:]
        start = next((n for n, item in enumerate(items) if _ing(_tok(toks, item))), None) \
            if where.kind == "abs" else 0
        verb_first = bool(items) and items[0].index is not None and (
            _verb_ahead(toks, items[0].index) or _ing(toks[items[0].index]))
        past = any(toks[i].low.endswith("ed") or toks[i].low in _IRREGULAR | _PAST_AUX for i in main)
        if start is not None and start < len(items) and past and _ing(_tok(toks, items[start])):
            items = [*items[:start], _Item(_to_past(items[start].text), None), *items[start + 1:]]
        if verb_first and where.kind != "abs":
            subject = _antecedent(toks, where.marker, lo) if where.kind == "partp" else _subject(main, toks)
            first = _tok(toks, items[0])
            if where.kind == "partp" and subject and toks[where.marker - 1].text == "," and not first.ing \
                    and first.low not in _PRESENT:  # "The request letter, sent today, asks": it was sent
                head = toks[subject[-1]].low
                be = "were" if head.endswith("s") and not head.endswith("ss") and head[:1].islower() else "was"
                items = [_Item(be, None), *items]
            items = [*_items(toks, subject), *items]
    if where.kind == "main" and where.has_verb:
        items = _light_main(items, where, clauses, main, toks, timex)
    if telling:
        items = _lead_in(items, toks)
        if items and _tok(toks, items[0]).low in _DETERMINERS:
            items = [_Item(items[0].text.lower(), None), *items[1:]]
        items = [*telling, *items]
    items = _gapped(items, toks, timex)
    items = _drop_timex(items, toks, timex)
    items = _lead_in(items, toks)
    if speaker and items and items[0].index is not None and toks[items[0].index].low in ("it", "they", "he", "she") \
            and len(speaker) <= 8 and toks[speaker[0]].low not in _SUBJECT_PRONOUNS \
            and not any(toks[i].low == "to" or toks[i].low.endswith(("’m", "'m", "’re", "'re", "’ve", "'ve"))
                        for i in speaker):
        items = [*_items(toks, _speaker_head(speaker, toks)), *items[1:]]  # "The company said it expects"
    return _tidy(items)


#: Verbs that only say a thing came about: what it did is told by the participle after them.
_LIGHT_VERBS = frozenset("came comes happened happens occurred occurs followed follows arrived arrives".split())


def _light_main(items: list[_Item], where: _Clause, clauses: list[_Clause], main: list[int], toks: list[_Token],
                timex: set[int]) -> list[_Item]:
    """"That call came Saturday evening, resulting in thousands of workers walking off the job": the main clause
    says only that it came; the label is what it did ("That call resulted in thousands of workers walking ...")."""
    kept = _lead_in(_drop_timex(items, toks, timex), toks)
    words = [_tok(toks, item) for item in kept if item.text not in _PUNCT]
    if not 2 <= len(words) <= 4 or words[-1].low not in _LIGHT_VERBS:
        return items
    after = next((c for c in clauses if c.kind == "part" and c.tokens and c.marker > max(where.tokens)), None)
    if after is None or any(t.time for t in (toks[i] for i in after.tokens)):
        return items
    body = [item for item in _items(toks, after.tokens) if item.text not in ",–—--"]
    return [*kept[:-1], _Item(_to_past(body[0].text), None), *body[1:]] if body and body[0].index is not None \
        and toks[body[0].index].ing else items


def _subordinate(items: list[_Item], where: _Clause, main: list[int], toks: list[_Token], lo: int,
                 resolve_it: bool = False) -> list[_Item]:
    """A subordinate clause told as a sentence. "The government retained the share after selling its stake in
    1984": the main clause's subject did it ("The government sold its stake"). "... on the Key Bridge when it
    collapsed March 26" (a relative "when"): "it" is the noun it hangs on ("The Key Bridge collapsed")."""
    first = _tok(toks, items[0]) if items else None
    if first is None:
        return items
    if first.ing and first.low != "being" and not any(toks[i].low in _COMPLEMENT | {"alleged"} for i in main):
        subject = _subject(main, toks)  # (not the subject of "X alleged that ..., before striking")
        if subject and not any(toks[i].ing for i in subject):
            return [*_items(toks, subject), _Item(_to_past(first.text), None), *items[1:]]
    second = items[1].index if len(items) > 1 else None
    if resolve_it and first.low == "it" and second is not None and _verb_ahead(toks, second):
        ante = _antecedent(toks, where.marker, lo)
        if ante and not any(toks[i].time or toks[i].text[:1].isdigit() or toks[i].ing or toks[i].low in _ADVERBS
                            for i in ante) and (
                toks[ante[0]].low == "the" or toks[ante[0]].text[:1].isupper()):
            phrase = _items(toks, ante)
            if toks[ante[0]].low == "the":
                phrase[0] = _Item("the", None)
            return [*phrase, *items[1:]]
    return items


def _speaker_head(speaker: list[int], toks: list[_Token]) -> list[int]:
    return speaker[:next((n for n, i in enumerate(speaker) if toks[i].text == ","), len(speaker))]


def _relative(where: _Clause, items: list[_Item], toks: list[_Token], lo: int) -> list[_Item]:
    """A relative clause told as a sentence: "the offer Boeing made" -> "Boeing made the offer"."""
    marker = where.marker
    antecedent = _antecedent(toks, marker, lo)
    ante = _items(toks, antecedent)
    if ante and toks[antecedent[0]].low in _DETERMINERS:
        ante[0] = _Item(ante[0].text.lower(), None)
    body = [item for item in items if item.index != marker] if where.kind == "rel" else items
    while body and body[0].text in ",–—--":
        body = body[1:]
    relative = toks[marker].low if where.kind == "rel" else ""
    if relative in ("where", "when"):  # "on the Key Bridge when it collapsed": "it" is the bridge
        it = bool(body) and _tok(toks, body[0]).low == "it"
        return _subordinate(body, where, [], toks, lo, resolve_it=True) if it else body
    if relative == "whose":
        return [*ante[:-1], _Item(ante[-1].text + "’s", None), *body] if ante else body
    first = body[0].index if body and body[0].index is not None else None
    if where.kind == "rel" and first is not None and _verb_ahead(toks, first):
        return [*ante, *body]
    # the relative is the object: put it after the verb ("Boeing made" + "the offer")
    for n, item in enumerate(body):
        if item.index is not None and _verb(toks[item.index]):
            end = n + 1
            while end < len(body) and body[end].index is not None and (
                    _verb(toks[body[end].index]) or toks[body[end].index].low in _PARTICLES | _ADVERBS):
                end += 1
            return [*body[:end], *ante, *body[end:]]
    return [*ante, *body]


def _unfinished_coordination(items: list[_Item], toks: list[_Token]) -> list[_Item]:
    """ "The contract expired, and the union" (the clause went on: ", which represents ..., began picketing"):
    a coordination whose second half the clause cut short goes whole. Only where the sentence goes on after
    the label and the second half looks like a clause's start (after a comma, or a determiner)."""
    kept = [item.index for item in items if item.index is not None]
    words = [n for n, t in enumerate(toks) if t.text not in _PUNCT]
    if not kept or not words or max(kept) >= words[-1]:
        return items  # the label runs to the sentence's end: "bread and milk" is whole
    coordinators = [n for n, item in enumerate(items) if item.text.lower() in ("and", "but", "or")]
    if coordinators and coordinators[-1] >= 2 and 1 <= len(items) - coordinators[-1] - 1 <= 2 and (
            items[coordinators[-1] - 1].text == "," or items[coordinators[-1] + 1].text.lower() in _DETERMINERS):
        return _tidy(items[:coordinators[-1]])
    return items


_INNER_END = re.compile(r"\b[a-z]{4,}\.(?=\s+[A-Za-z“\"])")


def _own_sentence(text: str, start: int, end: int) -> str:
    """"They’re in the first day of a long walkout. the union's contract expired at midnight": a sentence
    splitter missed the end ("walkout." then a lower-case word). Only the part holding the expression is
    labelled: the rest is blanked (the same length, so offsets hold)."""
    cuts = [m.end() for m in _INNER_END.finditer(text)]
    if not cuts:
        return text
    lo = max((c for c in cuts if c <= start), default=0)
    hi = min((c for c in cuts if c >= end), default=len(text))
    return " " * lo + text[lo:hi] + " " * (len(text) - hi)


def headline(sentence: str, span: tuple[int, int] | None = None, words: int = HEADLINE_WORDS) -> str:
    """A short chart label for the happening at the expression ``span`` (offsets inside ``sentence``).

    The label is the clause that holds the expression, subject first, without the expression, attribution
    or page chrome, and at most ``words`` words, cut at a phrase boundary. Without a span it is the main clause.
    A span that measures "after" or "before" something ("The vote comes one day after GM workers ratified
    their deal") dates that something: its clause is the label.
    """
    if span is not None and _SPAN_MEASURE.fullmatch(sentence[span[0]:span[1]]) and (
            measured := _MEASURED.match(sentence, span[1])):
        return headline(sentence[measured.end():], None, words)
    text = sentence.strip().replace("``", " “").replace("''", "” ")  # the same length: offsets hold
    offset = len(sentence) - len(sentence.lstrip())
    end = re.search(r"(?<![A-Z]\.[A-Z])(?<!\b[A-Z])[.!?]+(?=[\"”’')\]]*\s*$)", text)
    if end:
        text = text[:end.start()] + " " * (end.end() - end.start()) + text[end.end():]
    if span is not None:
        text = _own_sentence(text, span[0] - offset, span[1] - offset)
    toks = _tokens(text)
    if not toks:
        return ""
    timex = _timex_tokens(toks, None if span is None else (span[0] - offset, span[1] - offset))
    items = _event_clause(text, toks, timex)
    if _count(items) < 2:  # nothing left of the clause: fall back on the main clause
        items = _tidy(_drop_timex(_lead_in(_items(toks, list(range(len(toks)))), toks), toks, timex))
    items = _tidy(_shorten(items, toks, words))  # a cut can leave one dash of a pair: its aside goes
    items = _unfinished_coordination(items, toks)
    while len(items) > 1 and (_tok(toks, items[-1]).low in _FUNCTION_END or items[-1].text in _PUNCT):
        items = items[:-1]  # what a dropped date leaves behind: "higher than", "is scheduled to expire at the"
    label = _join(items, text, toks).strip(" \"“”'‘’,;:")
    if label.endswith(".") and not re.search(r"(?:\b[A-Z]|\.[A-Za-z])\.$", label):
        label = label[:-1]
    return _capitalize(label)
