"""Tense around a time expression: does "on Friday" point back or forward from the anchor?

An expression that names no year or week ("Friday", "August 19", "in May", "the weekend")
is resolved toward the past or the future of the publication date. News mostly reports
what happened, so the past is the default; a future marker nearer to the expression than any
past-tense verb wins. Future markers: modals and passive futures ("will be held", "is due to be
released"), plans and schedules ("plans to", "were planned for"), deadlines ("must", "due by"),
forecasts, and the scheduled present ("takes place Thursday", "is on Wednesday", a weaker cue).
Past markers: past-tense verbs, "-ed" words that are verbs ("indeed", "need", "United" are not).

No parser: the cues are regular expressions over a lower-cased copy, found once per text
(`TenseIndex`) and looked up by bisection, so a text costs one pass however many dates it holds.
spaCy's English models are not on PyPI (they download at run time), and the cues a tagger would
add (a verb's tense) are what these word lists already name; the TimeML scores decide each cue.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass


def _by_first_letter(alternatives: list[str]) -> str:
    """One alternation of ``alternatives`` (regexes each starting with a plain character), grouped by that
    character, order kept within a group: the regex engine then rejects a word on its first letter instead of
    trying every alternative at every word, which makes the cue passes several times faster."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


_MODALS = ("will", "shall", "'ll", "would", "might", "must", "should")
_PLANNED = "(?:due |set |scheduled |expected |slated |poised |going |about )?"
_FUTURE = re.compile(r"\b" + _by_first_letter([
    # a passive or perfect future: "will be reviewed", "is due to be released", "must be signed" (the
    # participle is part of the cue, so it is no past-tense cue of its own)
    *(f"{modal}(?: not)? (?:be|have(?: been)?) [a-z]+" for modal in _MODALS),
    f"is {_PLANNED}to be [a-z]+", f"are {_PLANNED}to be [a-z]+",
    *(f"{word} to be [a-z]+" for word in ("due", "set", "scheduled", "expected", "slated", "going", "plans?",
                                          "about", "left", "yet", "remains?")),
    "to be [a-z]+",  # a passive infinitive: "a sale to be completed around Nov. 1"
    "will", "shall", "won't", "'ll", "would", "might", "going to", "set to", "as (?:soon|early) as", "until",
    "is (?:due|set|scheduled|expected|slated|poised) to", "are (?:due|set|scheduled|expected|slated|poised) to",
    "is to", "are to", "plans? to", "planning to", "intends? to", "aims? to", "hopes? to", "expects? to",
    "supposed to",
    *(f"{be} (?:planned|scheduled|slated|set|due|expected|forecast) (?:for|on|in|by)"
      for be in ("is", "are", "was", "were", "been")),
    # deadlines, forecasts and the scheduled present ("takes place Thursday", "the launch is on Wednesday")
    "must", "needs? to", "has to", "have to", "due by",
    # "forecast" as a verb ("is forecast to", "forecasts rain"), not the noun ("from the August forecast")
    "forecasts? (?:that|to|a|an|the|rain|snow|showers|storms)", "is forecast", "are forecast",
    "is set for", "are set for",
    "scheduled", "expected", "planned", "slated", "upcoming", "forthcoming", "ahead of", "starting", "begins?",
    "due",
    # plans and their moves: "had targeted October 23", "the most anticipated day before November", a deadline
    # "extended to Nov. 16", a vote "postponed until Tuesday"
    "targeted", "anticipated", "projected",
    *(f"{moved} (?:to|until|till)" for moved in ("extended", "postponed", "delayed", "pushed back", "moved",
                                                 "put off", "rescheduled")),
]) + r"\b")
#: The scheduled present ("the final round takes place Thursday", "the launch is on Wednesday"): a weaker
#: cue, counted as if it stood `_WEAK` characters farther, so "ended on Friday & resume next week" stays past.
_SCHEDULED = re.compile(r"\b" + _by_first_letter([
    "takes? place", "is on", "are on", "kicks? off", "opens?", "resumes?", "convenes?",
    # the present of a coming visit, contest or release: "arrives in Detroit Wednesday", "voting continues
    # through Saturday", "the film premieres Friday"
    *"arrives visits travels heads returns lands hosts faces plays debuts premieres airs launches continues "
     "expires? testifies rallies votes".split(),
    # a deadline names a day close to when it is set, ahead or just past: "set a strike deadline of Sunday"
    "deadlines?",
    # a possibility ahead: "strikes could happen Friday" ("may" lower-case only; "could not", "could have",
    # "may have" look back; "warnings on Thursday that strikes could do harm" keeps its nearer past verb)
    r"could (?!not\b|n't|have\b|been\b)[a-z]+", r"may (?!not\b|n't|have\b|been\b)[a-z]+",
]) + r"\b")
_WEAK = 8
_PAST = re.compile(r"\b(?:" + _by_first_letter([
    *"was were had did said told met made took gave went came saw held began spoke wrote sent left won lost brought "
     "thought knew found paid rose fell ran led chose struck ago earlier already last".split(),
    # more irregular past forms that are no present or noun as well ("set", "cut", "hit", "put" are)
    *"bought sold fought sought caught taught built spent kept felt stood heard shot got forgot drove rode threw "
     "grew drew flew knew broke spoke woke froze stole sat fled became forgave ate stuck hung swung slid hid "
     "overcame undertook withdrew arose awoke lent dealt meant sank swam sang rang drank".split(),
    "has been", "have been"]) + r"|[a-z]{2,}ed)\b")
#: Words ending in -ed that are no past-tense verb, or name no past event ("United States").
_NOT_PAST = frozenset(
    "need seed speed feed deed weed heed reed breed greed creed steed indeed proceed exceed succeed hundred "
    "kindred sacred naked wicked rugged ragged jagged beloved united limited based related alleged supposed "
    "proposed scheduled expected planned slated advanced detailed armed embattled talented skilled interested "
    "concerned unexpected unprecedented targeted anticipated projected preferred untouched unspecified "
    "unidentified unnamed undisclosed undecided unresolved unchanged unopposed unemployed unarmed".split())
#: A participle after a present "is"/"are"/"be" is a present or future passive ("the case is heard in May",
#: "it will be decided"), no past cue. Checked on each past cue found, not in the pattern: a look-behind there
#: would run at every character of the text.
_PRESENT_PASSIVE_BEFORE = (" is ", " are ", " be ", " being ")
#: An "-ed" word after a determiner is an adjective ("to visit the collapsed bridge", "a revised offer"), no verb.
_DETERMINER_BEFORE = (" the ", " a ", " an ", " its ", " their ", " his ", " her ", " our ", " this ", " that ",
                      " these ", " those ", " whose ")
#: Cues are matched case-sensitively on a lower-cased copy: several times faster than IGNORECASE, same offsets.
_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s(?![a-z])|\n")  # "Birmingham, Ala., killed": no end
#: Abbreviations whose period ends no sentence: "Roe vs. Wade", "on Oct. 23", "Dow Jones & Co. said Friday".
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gov gen lt col sgt capt cmdr adm prof rev jr sr inc corp co ltd bros vs no ft mt "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla "
    "ore pa tenn tex va vt wash wis wyo".split())
_WORD_BEFORE = re.compile(r"([A-Za-z]+)$")
_CLAUSE_BREAK = re.compile(r"[,;:()–—]")
_SENTENCE_REACH = 400  # a sentence is looked for this far around a span, no farther
#: Quotation marks (straight, curly, and the `` '' of wire copy; not ’, which is mostly an apostrophe). A cue on
#: the other side of one is another voice's: the attribution ("..., he said") is not the quotation's tense.
_QUOTE_MARK = re.compile(r"''|``|[\"“”]")
_ACROSS_QUOTE = 40


def _abbreviation_before(text: str, dot: int) -> bool:
    """Is the period at ``dot`` the end of an abbreviation such as "Oct." or "Inc."? (Only "." ends one.)"""
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, dot - 6), dot)
    return word is not None and word.group(1).lower() in _ABBREVIATIONS


@dataclass(frozen=True)
class Tense:
    direction: str  # "past" or "future"
    cue: str  # the word that decided, or "" for the default
    distance: int = 10_000  # characters between the cue and the expression
    weak: bool = False  # a present or a possibility ("arrives", "could happen"): near days, not only ahead

    def describe(self) -> str:
        if not self.cue:
            return "no tense cue nearby, so the past (news reports what happened)"
        if self.weak:
            return f"present tense or possibility ('{self.cue}')"
        return f"{self.direction} tense ('{self.cue}')"


class TenseIndex:
    """The sentence ends, clause breaks and tense cues of a text (or of ``text[lo:hi]``), found in one pass each.

    Looking them up by bisection keeps `find_timexes` linear: a text of a thousand "on Friday"s
    costs a thousand look-ups, not a thousand scans of their sentences.
    """

    def __init__(self, text: str, lo: int = 0, hi: int | None = None) -> None:
        hi = len(text) if hi is None else hi
        self.length = len(text)
        ends = [m.span() for m in _SENTENCE_END.finditer(text, lo, hi) if not _abbreviation_before(text, m.start())]
        self._end_starts = [s for s, _ in ends]
        self._end_ends = [e for _, e in ends]
        self._breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, lo, hi)]
        self._quotes = [m.start() for m in _QUOTE_MARK.finditer(text, lo, hi)]
        self._cues: list[tuple[str, int, list[int], list[int], list[str]]] = []  # direction, preference...
        lower = text[lo:hi].translate(_LOWER)
        cues = ((_FUTURE, "future", 0), (_PAST, "past", 1), (_SCHEDULED, "future", 2))
        for pattern, direction, preference in cues:
            found = [(m.start() + lo, m.end() + lo, text[m.start() + lo:m.end() + lo]) for m in pattern.finditer(lower)
                     if (m.group(0) not in _NOT_PAST and not lower.endswith(_PRESENT_PASSIVE_BEFORE, 0, m.start())
                         and not (m.group(0).endswith("ed") and lower.endswith(_DETERMINER_BEFORE, 0, m.start()))
                         if direction == "past" else text[m.start() + lo] != "M")]
            self._cues.append((direction, preference, [f[0] for f in found], [f[1] for f in found],
                               [f[2] for f in found]))
        self._cue_starts = sorted(start for cue in self._cues for start in cue[2])  # every kind: "any cue here?"

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``[start, end)``: from the last sentence end within 400 characters before it
        to the first within 400 after it."""
        left, right = max(0, start - _SENTENCE_REACH), min(self.length, end + _SENTENCE_REACH)
        begin = left
        i = bisect.bisect_right(self._end_ends, start) - 1
        if i >= 0 and self._end_starts[i] >= left:
            begin = self._end_ends[i]
        j = bisect.bisect_left(self._end_starts, end)
        if j < len(self._end_starts) and self._end_ends[j] <= right:
            return begin, self._end_starts[j] + 1
        return begin, right

    def tense_at(self, start: int, end: int) -> Tense:
        """The tense around a span: the nearest cue in its clause, else the nearest in its sentence.

        "The request, sent by the State Department this week, aims to..." is past: "sent" shares the
        expression's clause, "aims to" does not.
        """
        k = bisect.bisect_left(self._cue_starts, start - _SENTENCE_REACH)
        if k == len(self._cue_starts) or self._cue_starts[k] >= end + _SENTENCE_REACH:
            return _NO_CUE  # no cue within reach of any sentence around the span: one bisection, no sentence look-up
        begin, stop = self.sentence_bounds(start, end)
        k = bisect.bisect_left(self._cue_starts, begin, k)
        if k == len(self._cue_starts) or self._cue_starts[k] >= stop:
            return _NO_CUE  # no cue in the sentence (one bisection instead of six)
        near = self._near_cues(start, end, begin, stop)
        if not near:
            return _NO_CUE
        clause_begin, clause_stop = begin, stop
        i = bisect.bisect_left(self._breaks, start) - 1
        if i >= 0 and self._breaks[i] >= begin:
            clause_begin = self._breaks[i] + 1
        j = bisect.bisect_left(self._breaks, end)
        if j < len(self._breaks) and self._breaks[j] < stop:
            clause_stop = self._breaks[j]
        in_clause = [cue for cue in near if cue[3] >= clause_begin and cue[4] <= clause_stop]
        key, preference, _, _, _, direction, index = min(in_clause or near)
        return Tense(direction, self._cues[preference][4][index], key - (_WEAK if preference == 2 else 0),
                     preference == 2)

    def _near_cues(self, start: int, end: int, begin: int, stop: int) -> list[tuple[int, int, int, int, int, str, int]]:
        """Of each kind of cue, the last one starting before the span and the first one starting after it, as
        (distance + penalty, preference, side, cue start, cue end, direction, index), kept when it lies in the
        sentence ``[begin, stop)`` (no other can decide); a word of the expression itself ("last") is none.
        Two bisections per kind, shared by the clause and the sentence look-up; the nearest is the least."""
        near = []
        for direction, preference, starts, ends, _ in self._cues:
            penalty = _WEAK if preference == 2 else 0
            i = bisect.bisect_left(starts, start) - 1  # the last cue starting before the span
            if i >= 0 and starts[i] >= begin and ends[i] <= stop:
                distance = start - ends[i] if ends[i] <= start else starts[i] - end
                penalty_i = penalty + (_ACROSS_QUOTE if self._quote_between(ends[i], start) else 0)
                near.append((distance + penalty_i, preference, 0, starts[i], ends[i], direction, i))
            j = bisect.bisect_left(starts, end)  # the first cue starting after it
            if j < len(starts) and ends[j] <= stop:
                penalty_j = penalty + (_ACROSS_QUOTE if self._quote_between(end, starts[j]) else 0)
                near.append((starts[j] - end + penalty_j, preference, 1, starts[j], ends[j], direction, j))
        return near

    def _quote_between(self, lo: int, hi: int) -> bool:
        """Is there a quotation mark in ``[lo, hi)``? One bisection."""
        k = bisect.bisect_left(self._quotes, lo)
        return k < len(self._quotes) and self._quotes[k] < hi


_NO_CUE = Tense("past", "")  # frozen: one shared instance for the many expressions with no cue in their sentence


_REACH = 900  # a sentence is looked for within 400 characters of a span: this covers it with room


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, found cheaply (no full split)."""
    return TenseIndex(text, max(0, start - _REACH), min(len(text), end + _REACH)).sentence_bounds(start, end)


def tense_at(text: str, start: int, end: int) -> Tense:
    """The tense around one span of ``text``; `TenseIndex` answers many spans of one text faster."""
    return TenseIndex(text, max(0, start - _REACH), min(len(text), end + _REACH)).tense_at(start, end)
