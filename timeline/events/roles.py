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
_FILLER = r"(?:(?:the|a|an|year|at\s+least|as\s+early\s+as|as\s+late\s+as|about|around|roughly|some)\s+)*"
_SINCE = re.compile(rf"\b(?P<cue>(?:ever\s+)?since)\s+{_FILLER}$", re.IGNORECASE)
_AS_OF = re.compile(rf"\b(?P<cue>as\s+(?:of|at))\s+{_FILLER}$", re.IGNORECASE)
_BOUND = re.compile(rf"\b(?P<cue>(?:up\s+)?until|till|til|through|thru|up\s+to)\s+{_FILLER}$", re.IGNORECASE)
#: "not until March", "only until": the expression dates the event itself ("talks will not resume until March").
_NOT_UNTIL = re.compile(r"\b(?:not|n't|never)\b[^,;:]{0,40}$", re.IGNORECASE)
_COMPARED = re.compile(rf"\b(?P<cue>compared\s+(?:with|to)|than(?:\s+(?:in|on|during|at))?|versus|vs\.?|"
                       rf"relative\s+to|(?:up|down)\s+from(?:\s+[^,;:]{{0,30}}?\s+(?:in|on|during))?)\s+{_FILLER}$",
                       re.IGNORECASE)
#: A quantity at one end of a measured range: "from 3% in 2019", "to $5 billion in 2021".
_QUANTITY = r"(?:[$€£¥]\s?)?\d[\d,.]*\s*(?:%|percent|per\s+cent|million|billion|trillion|[a-z]+)?"
#: The start of a range: "from 2019", "between 2019", "from 3% in 2019" (followed by "to ...").
_RANGE_START = re.compile(rf"\b(?P<cue>from|between)\s+(?:{_QUANTITY}\s+(?:in|on|during)\s+)?{_FILLER}$",
                          re.IGNORECASE)
_RANGE_NEXT = re.compile(r"^\s*(?:to|until|till|through|thru|and|[-–])\s+\S", re.IGNORECASE)
#: The end of a range: "from 2019 to", "between 2019 and", "from 3% in 2019 to 5% in".
_RANGE_END = re.compile(rf"\b(?:from|between)\s+[^,;:]{{1,60}}?\s+(?P<cue>to|until|till|through|thru|and|[-–])\s+"
                        rf"(?:{_QUANTITY}\s+(?:in|on|during)\s+)?{_FILLER}$", re.IGNORECASE)
#: A quantity that changes: what makes "from 2019 to 2021" a measure rather than the span of an event.
_CHANGE = re.compile(
    r"\b(?:r(?:ose|ise|isen|ises|ising)|f(?:ell|all|alls|allen|alling)|gr(?:ew|ow|own|ows|owing)|"
    r"(?:increas|decreas|declin|dropp|climb|jump|surg|soar|plung|doubl|tripl|halv|slump|shrank|shrunk|shrink|"
    r"expand|contract|widen|narrow|gain|slid|slip|tumbl|spik|rebound|recover)\w*|"
    r"\d[\d,.]*\s*(?:%|percent|per\s+cent|percentage\s+points?|million|billion|trillion))(?!\w)"
    r"|[$€£¥]\s?\d",
    re.IGNORECASE,
)
#: "the first ... in 16 years", "the highest in a decade": the count of years runs back from the publication.
_RECORD = re.compile(
    r"\b(?P<cue>first|last|only|record|(?:high|low|big|larg|small|long|short|strong|weak|warm|cold|hot|wett|dri|"
    r"deadli|great|fast|slow|cheap|steep|sharp|wid|deep|bold|hard|bright|few|safe|poor|rich|heavi|busi|earli)est|"
    r"most|least|worst|best)\b(?P<gap>(?:\s+[\w'’-]+){0,6}?)\s+in\s+$",
    re.IGNORECASE,
)
#: A verb between the record word and "in N years" makes it a plan: "the first round will be held in 2 weeks".
_VERB = re.compile(r"\b(?:will|would|shall|be|been|is|are|was|were|has|have|had|could|should|may|might|can|to|"
                   r"\w+ed)\b", re.IGNORECASE)
_IN_N_UNITS = "in N units"
_CLAUSE_BREAK = re.compile(r"[;:()–—]|,\s")


@dataclass(frozen=True)
class Role:
    """The role of one dated expression and why: the cue that decided, quoted."""

    role: str  # EVENT or REFERENCE
    reason: str


def _quote(match: re.Match[str]) -> str:
    return " ".join(match.group("cue").split()).lower()


def _clause(text: str, start: int, end: int, begin: int, stop: int) -> tuple[int, int]:
    """The clause around ``text[start:end]`` inside its sentence [begin, stop)."""
    clause_begin = max([begin] + [m.end() for m in _CLAUSE_BREAK.finditer(text, begin, start)])
    clause_stop = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end, stop)), stop)
    return clause_begin, clause_stop


def role_of(text: str, timex: Timex) -> Role:
    """Event or reference for a dated expression of ``text`` (the text its offsets point into).

    Reference when, right before it, "since" or "as of" bounds a state; "until", "till",
    "through" bound one (but "not until March" dates the event); "compared with", "than",
    "up from" make it a baseline; it is one end of "from X to Y" / "between X and Y" in a
    clause that measures a change; or it is "in N years" counted from a record ("the first
    agreement in 16 years"). Otherwise an event. (Ages, "the 45-year-old", are no time
    expression at all: `timeline.timex` leaves them out.)
    """
    begin, stop = sentence_bounds(text, timex.start_char, timex.end_char)
    clause_begin, clause_stop = _clause(text, timex.start_char, timex.end_char, begin, stop)
    before = text[max(begin, timex.start_char - 120):timex.start_char]
    after = text[timex.end_char:stop]
    clause = text[clause_begin:timex.start_char] + " " + text[timex.end_char:clause_stop]
    written = timex.text
    if m := _SINCE.search(before):
        return Role(REFERENCE, f"'{_quote(m)} {written}' bounds a stretch of time that began then; "
                               "it does not say something happened then")
    if m := _AS_OF.search(before):
        return Role(REFERENCE, f"'{_quote(m)} {written}' gives the date a state is reported at, not an event")
    if m := _COMPARED.search(before):
        return Role(REFERENCE, f"'{_quote(m)} {written}' is the baseline of a comparison, not an event")
    in_range = _RANGE_START.search(before) if _RANGE_NEXT.match(after) else None
    range_end = None if in_range else _RANGE_END.search(before)
    if in_range or range_end:
        change = _CHANGE.search(clause)
        if change:
            return Role(REFERENCE, f"one end of a range that measures a change ('{' '.join(change.group(0).split())}'"
                                   "): no event happened on it")
        return Role(EVENT, "one end of a span the event lasts over ('from ... to ...')")
    if m := _BOUND.search(before):
        if _NOT_UNTIL.search(before[: m.start()]):
            return Role(EVENT, f"'not ... {_quote(m)} {written}': the event itself happens then")
        return Role(REFERENCE, f"'{_quote(m)} {written}' bounds how long something lasts; "
                               "it does not say something happened then")
    record = _RECORD.search(text[clause_begin:timex.start_char]) if timex.rule.startswith(_IN_N_UNITS) else None
    if (m := record) and not _VERB.search(m.group("gap")):
        return Role(REFERENCE, f"'{_quote(m)} ... in {written}' measures years back to the publication, "
                               "not a date ahead")
    return Role(EVENT, "no cue around it bounds or measures something else: it dates what the sentence tells")
