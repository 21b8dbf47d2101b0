"""Roles: is a dated expression the time of an event, or a reference date that bounds or measures another?

"Talks resumed on Monday" dates the talks. "The first talks since 2022" does not say anything
happened in 2022: the year only bounds a stretch of time ("since", "as of", "until"), measures
it ("the first agreement in 16 years", "prices rose 5% from 2019 to 2021"), or is a baseline
("higher than in 2019"). Such a row stays in the table, its date resolved and explained, but is
a *reference*, and the chart leaves it off by default. The cue words right around the expression
decide, as a reader does; a sentence with no cue is an event, what news mostly reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.timex import Timex
from timeline.timex.tense import sentence_bounds

EVENT, REFERENCE = "event", "reference"

#: Words that may stand between a cue and the expression: "since the", "since early", "until at least".
_FILLER = (r"(?:(?:the|a|an|year|previous|preceding|prior|at\s+least|as\s+early\s+as|as\s+late\s+as|about|around|"
           r"roughly|some)\s+)*")
#: An amount: "3.5%", "$58 million", "C$307.2", "4 pence", "fewer than 100,000", "earnings of $33 million".
_AMOUNT = (r"(?P<owner>(?:[\w-]+\s+){1,3}?of\s+)?"
           r"(?:(?:about|around|nearly|roughly|some|just|only|more\s+than|less\s+than|fewer\s+than)\s+)?"
           r"(?:[A-Z]{0,2}[$€£¥#]\s?)?\d[\d,.]*(?:\s*(?:%|percent|per\s+cent)|(?:\s+[a-z]+){0,3}?)")
_SINCE = re.compile(rf"\b(?P<cue>(?:ever\s+)?since)\s+{_FILLER}$", re.IGNORECASE)
_AS_OF = re.compile(rf"\b(?P<cue>as\s+(?:of|at))\s+{_FILLER}$", re.IGNORECASE)
_BOUND = re.compile(rf"\b(?P<cue>(?:up\s+)?until|till|til|through|thru|up\s+to)\s+{_FILLER}$", re.IGNORECASE)
#: "had until Thursday to reach a deal", "gave them until noon": a deadline, which falls then (an event).
_DEADLINE = re.compile(r"\b(?:ha(?:s|d|ve|ving)|given|gave|gives?)\s+(?:(?!been\b)\w+\s+){0,2}$", re.IGNORECASE)
#: What a deadline's row says: the expression dates the deadline, not what is due by then ("to reach a deal").
DEADLINE = "a deadline, which falls then"
#: What a reference of a stretch of time says: it began then. Mergers may take such a row as a report of
#: the beginning ("on strike since mid-September" tells of the strike that began then).
STRETCH_BEGAN = "bounds a stretch of time that began then"
#: ...and of one that goes on until then: "voting continues through early Saturday" tells when the voting ends.
STRETCH_ENDED = "bounds a stretch of time that ends then"
#: Verbs of an activity going on (before "until", "through"): the bound is its end ("talks ran until 2 a.m.").
_GOES_ON = re.compile(r"\b(?:continu(?:e|es|ed|ing)|run(?:s|ning)?|ran|last(?:s|ed|ing)?|(?:go(?:es)?|going|went)\s+on)"
                      r"\b[^,;:.]{0,40}$", re.IGNORECASE)
#: "not until March", "wasn't to begin until 1993": the expression dates the event itself.
_NOT_UNTIL = re.compile(r"(?:\bnot|n't|\bnever)\b[^,;:]{0,40}$", re.IGNORECASE)
#: "since the January 1998 bombing", "until Thursday's vote": the date names a happening, so it is an event.
_NAMES_A_HAPPENING = re.compile(
    r"^(?:['’]s)?\s+(?!(?:and|or|but|nor|to|when|where|while|for|in|on|at|by|with|from|of|off|the|a|an|that|which|"
    r"who|as|than|so|if|because|between|after|before|during|over|under|into|against|amid|among|despite|without|"
    r"within|across|about|around|through|until|since|alone|only|already|now|ago|earlier|later|then|there|any|"
    r"some|all|no|its|his|her|their|our|was|were|is|are|be|been|has|have|had|will|would|could|can|should|may|"
    r"might|must|did|do|does)\b)(?P<noun>(?-i:[a-z][a-z-]+))\b(?<!ed)(?<!ly)", re.IGNORECASE)
#: A baseline: "compared with last year", "higher than in 2019", "up 15% from 4 pence a year earlier".
_BASELINE = re.compile(
    rf"\b(?P<cue>compared\s+(?:with|to)|than|versus|vs\.|relative\s+to|(?:up|down)(?:\s+[^,;:]{{1,30}}?)?\s+from|"
    rf"from)\s+(?:(?P<amount>{_AMOUNT})(?:,\s+or\s+[^,;:]{{1,30}},)?\s+(?:(?:in|on|during|at|for)\s+)?|"
    rf"(?:in|on|during|at)\s+)?{_FILLER}$", re.IGNORECASE)
#: The start of a range: "from 2019", "between 2019", "from 3% in 2019" (followed by "to ...").
_RANGE_START = re.compile(rf"\b(?P<cue>from|between)\s+(?:(?P<amount>{_AMOUNT})\s+(?:in|on|during)\s+)?{_FILLER}$",
                          re.IGNORECASE)
_RANGE_NEXT = re.compile(r"^\s*(?:to|until|till|through|thru|and|[-–])\s+\S", re.IGNORECASE)
#: The end of a range: "from 2019 to", "between 2019 and", "from 3% in 2019 to 5% in".
_RANGE_END = re.compile(rf"\b(?:from|between)\s+(?P<first>(?:[^,;:]|(?<=\d),(?=\d)){{1,60}}?)\s+"
                        rf"(?P<cue>to|until|till|through|thru|and|[-–])\s+"
                        rf"(?:(?P<amount>{_AMOUNT})\s+(?:(?:in|on|during)\s+)?)?{_FILLER}$", re.IGNORECASE)
#: A verb inside "from ... to" means the "from" is no range start: "from Wall Street will be a drag through 1990".
_AUXILIARY = re.compile(r"\b(?:will|would|shall|is|are|was|were|be|been|has|have|had|could|should|may|might|must)\b",
                        re.IGNORECASE)
#: A quantity that changes: what makes "from 2019 to 2021" a measure rather than the span of an event.
_CHANGE = re.compile(
    r"\b(?:r(?:ose|ise|isen|ises|ising)|f(?:ell|all|alls|allen|alling)|gr(?:ew|ow|own|ows|owing)|"
    r"(?:increas|decreas|declin|drop|climb|jump|surg|soar|plung|doubl|tripl|halv|slump|shrank|shrunk|shrink|"
    r"expand|contract|widen|narrow|gain|slid|slip|tumbl|spik|rebound|recover)\w*|"
    r"\d[\d,.]*\s*(?:%|percent|per\s+cent|percentage\s+points?))(?!\w)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:()–—]|,\s")


@dataclass(frozen=True)
class Role:
    """The role of one dated expression and why: the cue that decided, quoted."""

    role: str  # EVENT or REFERENCE
    reason: str


def _quote(match: re.Match[str]) -> str:
    return " ".join(match.group("cue").split()).lower()


_QUANTIFIER = re.compile(r"\b(?:more|less|fewer|greater|better)\s+$", re.IGNORECASE)


def _is_baseline(match: re.Match[str], before: str, clause: str, sentence: str) -> bool:
    """ "compared with", "than", "up from" say it; a bare "from" only where a change is told: in its clause ("rose
    5% from a year ago"; "lived in London from 1968, when..." is no baseline), or in its sentence for an amount
    ("fell to $5 million, or 8 cents a share, from $6 million a year earlier"); "more than $110 million in sales
    last year" is an amount, not a comparison."""
    cue = match.group("cue").lower()
    if cue == "than" and match.group("amount") and _QUANTIFIER.search(before[: match.start()]):
        return False
    if cue == "from":  # "earnings from operations of $200,000 for the third quarter": where they come from
        if match.group("amount"):
            return not match.group("owner") and bool(_CHANGE.search(sentence))
        return bool(_CHANGE.search(clause))
    return True


def _names_a_happening(cue: re.Match[str], written: str, noun: re.Match[str]) -> Role:
    return Role(EVENT, f"'{_quote(cue)} {written}{noun.group(0).rstrip()}': the date names a happening "
                       f"('{noun.group('noun')}'), which it dates")


def _clause(text: str, start: int, end: int, begin: int, stop: int) -> tuple[int, int]:
    """The clause around ``text[start:end]`` inside its sentence [begin, stop)."""
    clause_begin = max([begin] + [m.end() for m in _CLAUSE_BREAK.finditer(text, begin, start)])
    clause_stop = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end, stop)), stop)
    return clause_begin, clause_stop


def role_of(text: str, timex: Timex, sentence: tuple[int, int] | None = None) -> Role:
    """Event or reference for a dated expression of ``text`` (the text its offsets point into); ``sentence``,
    the offsets of its sentence when known (else found around it).

    Reference when, right before it, "since" or "as of" bounds a state; "until", "till",
    "through" bound one (but "not until March" dates the event, and "since the January 1998
    bombing" the bombing); "compared with", "than", "up from $5 million" make it a baseline;
    it is one end of "from X to Y" / "between X and Y" in a clause that measures a change; or
    it is "in N years" counted from a record ("the first agreement in 16 years"). Otherwise an
    event. (Ages, "the 45-year-old", are no time expression at all: `timeline.timex` leaves them out.)
    """
    begin, stop = sentence or sentence_bounds(text, timex.start_char, timex.end_char)
    clause_begin, clause_stop = _clause(text, timex.start_char, timex.end_char, begin, stop)
    before = text[max(begin, timex.start_char - 120):timex.start_char]
    after = text[timex.end_char:stop]
    clause = text[clause_begin:timex.start_char] + " " + text[timex.end_char:clause_stop]
    written = timex.text
    happening = _NAMES_A_HAPPENING.match(after)
    if m := _SINCE.search(before):
        if happening:
            return _names_a_happening(m, written, happening)
        return Role(REFERENCE, f"'{_quote(m)} {written}' {STRETCH_BEGAN}; "
                               "it does not say something happened then")
    if m := _AS_OF.search(before):
        return Role(REFERENCE, f"'{_quote(m)} {written}' gives the date a state is reported at, not an event")
    in_range = _RANGE_START.search(before) if _RANGE_NEXT.match(after) else None
    if (m := in_range or _RANGE_END.search(before)) and not (m.re is _RANGE_END and _AUXILIARY.search(m["first"])):
        measure = m.group("amount") or (change.group(0) if (change := _CHANGE.search(clause)) else None)
        if measure:
            return Role(REFERENCE, f"one end of a range that measures a change ('{' '.join(measure.split())}'): "
                                   "no event happened on it")
        return Role(EVENT, "one end of a span the event lasts over ('from ... to ...')")
    if (m := _BASELINE.search(before)) and _is_baseline(m, before, clause, text[begin:stop]):
        return Role(REFERENCE, f"'{' '.join(m.group(0).split())} {written}' is the baseline of a comparison, "
                               "not an event")
    if m := _BOUND.search(before):
        if _NOT_UNTIL.search(before[: m.start()]):
            return Role(EVENT, f"'not ... {_quote(m)} {written}': the event itself happens then")
        if d := _DEADLINE.search(before[: m.start()]):
            return Role(EVENT, f"'{' '.join(d.group(0).split())} {_quote(m)} {written}': {DEADLINE}")
        if happening:
            return _names_a_happening(m, written, happening)
        if g := _GOES_ON.search(before[: m.start()]):
            return Role(REFERENCE, f"'{' '.join(g.group(0).split())} {_quote(m)} {written}' {STRETCH_ENDED}; "
                                   "it does not say something happened then")
        return Role(REFERENCE, f"'{_quote(m)} {written}' bounds how long something lasts; "
                               "it does not say something happened then")
    return Role(EVENT, "no cue around it bounds or measures something else: it dates what the sentence tells")
