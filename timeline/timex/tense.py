"""Tense around a time expression: does "on Friday" point back or forward from the anchor?

An expression that names no year or week ("Friday", "August 19", "in May", "the weekend")
is resolved toward the past or the future of the publication date. News mostly reports
what happened, so the past is the default; a future marker ("will", "is set to",
"plans to", "next", "ahead of") nearer to the expression than any past-tense verb wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|would|could|might|going to|set to|as (?:soon|early) as|until|"
    r"(?:is|are|was|were) (?:due|set|scheduled|expected|slated|poised) to|"
    r"(?:is|are) to|plans? to|planning to|intends? to|aims? to|hopes? to|expects? to|"
    r"scheduled|expected|planned|slated|upcoming|forthcoming|ahead of|starting|begins?|due)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|met|made|took|gave|went|came|saw|held|began|spoke|wrote|"
    r"sent|left|won|lost|brought|thought|knew|found|paid|rose|fell|ran|led|chose|struck|"
    r"ago|earlier|already|has been|have been|last|"
    r"\w{2,}(?<!need)(?<!speed)(?<!seed)ed)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


@dataclass(frozen=True)
class Tense:
    direction: str  # "past" or "future"
    cue: str  # the word that decided, or "" for the default
    distance: int = 10_000  # characters between the cue and the expression

    def describe(self) -> str:
        if not self.cue:
            return "no tense cue nearby, so the past (news reports what happened)"
        return f"{self.direction} tense ('{self.cue}')"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, found cheaply (no full split)."""
    left = max(0, start - 400)
    begin = left
    for match in _SENTENCE_END.finditer(text, left, start):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return begin, stop.start() + 1 if stop else min(len(text), end + 400)


_CLAUSE_BREAK = re.compile(r"[,;:()–—]")


def tense_at(text: str, start: int, end: int) -> Tense:
    """The tense around a span: the nearest cue in its clause, else the nearest in its sentence.

    "The request, sent by the State Department this week, aims to..." is past: "sent" shares the
    expression's clause, "aims to" does not.
    """
    begin, stop = sentence_bounds(text, start, end)
    clause_begin = max([begin] + [m.end() for m in _CLAUSE_BREAK.finditer(text, begin, start)])
    clause_stop = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end, stop)), stop)
    return _nearest_cue(text, start, end, clause_begin, clause_stop) or _nearest_cue(text, start, end, begin, stop) \
        or Tense("past", "")


def _nearest_cue(text: str, start: int, end: int, begin: int, stop: int) -> Tense | None:
    best: tuple[int, int, Tense] | None = None
    for pattern, direction, preference in ((_FUTURE, "future", 0), (_PAST, "past", 1)):
        for match in pattern.finditer(text, begin, stop):
            if start <= match.start() < end:
                continue  # a word of the expression itself ("last") is not a tense cue
            distance = start - match.end() if match.end() <= start else match.start() - end
            key = (distance, preference)
            if best is None or key < best[:2]:
                best = (*key, Tense(direction, match.group(0), distance))
    return best[2] if best else None
