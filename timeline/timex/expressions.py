"""Time expressions: find them in text and resolve them against the publication date.

`find_timexes` runs the rule table of `timeline.timex.rules` over a text, keeps the longest match
where rules overlap, and returns `Timex` records that keep the expression, its TimeML type and
value, the calendar range it covers, the anchor and the rule that resolved it.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from dataclasses import dataclass

from timeline.timex.rules import ON_ANCHOR_DAY, RULES, Context, Found, WordIndex
from timeline.timex.tense import sentence_bounds

MAX_TEXT_CHARS = 5_000_000  # beyond this, refuse rather than tie up a worker for minutes


@dataclass(frozen=True)
class Timex:
    """One time expression, resolved.

    ``start``/``end`` are the inclusive calendar days the expression covers; both are
    ``None`` for durations, sets and vague references (PRESENT_REF, PAST_REF...), which
    name no calendar range. ``rule`` explains the resolution and names the anchor.
    """

    text: str
    start_char: int
    end_char: int
    type: str  # TimeML: DATE, TIME, DURATION, SET
    value: str  # ISO-TimeML TIMEX3 value
    start: dt.date | None
    end: dt.date | None
    granularity: str
    rule: str
    anchor: dt.date
    mod: str | None = None  # TimeML mod: START, MID, END, APPROX...
    absolute: bool = False  # True when the text itself fixes the date (it names the year): no anchor needed

    @property
    def is_dated(self) -> bool:
        """True when the expression names a calendar range, i.e. it can place an event."""
        return self.start is not None and self.end is not None


def timex_to_dict(timex: Timex) -> dict[str, object]:
    """A JSON-ready dict: dates as ISO strings."""
    out = dict(timex.__dict__)
    for key in ("start", "end", "anchor"):
        value = out[key]
        out[key] = value.isoformat() if value is not None else None
    return out


# --------------------------------------------------------------------------- the public function


def _check_anchor(anchor: object) -> dt.date:
    """The anchor as a date; a clear error naming what was given otherwise (NaT, None, NaN, a string...)."""
    if isinstance(anchor, dt.datetime):
        if anchor != anchor:  # pandas' NaT is a datetime that equals nothing; its .date() is NaT again
            raise ValueError(f"anchor is missing ({anchor!r}): give the publication date as a datetime.date")
        return anchor.date()
    if isinstance(anchor, dt.date):
        return anchor
    hint = " (parse it first, e.g. datetime.date.fromisoformat)" if isinstance(anchor, str) else ""
    raise TypeError(f"anchor must be a datetime.date (the publication date), not {type(anchor).__name__}: "
                    f"{anchor!r:.60}{hint}")


def find_timexes(text: str, anchor: dt.date) -> list[Timex]:
    """Every time expression in ``text``, resolved against ``anchor`` (the publication date).

    Returns them in text order, without overlaps. Raises TypeError for a non-str text or a
    non-date anchor and ValueError for a text over MAX_TEXT_CHARS; any other text, binary
    junk included, yields a (possibly empty) list.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    anchor = _check_anchor(anchor)
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}: split it")
    ctx = Context(text, anchor)
    candidates: list[tuple[int, int, int, Found]] = []
    words = WordIndex(text)
    for priority, rule in enumerate(RULES):
        for match in rule.matches(text, words):
            try:
                found = rule.resolve(match, ctx)
            except (ValueError, OverflowError, KeyError, StopIteration, IndexError):
                found = None  # a date out of the calendar's range: no expression, never a crash
            if found is not None:
                start, end = found.span or match.span()
                candidates.append((start, end, priority, found))
    timexes = [_to_timex(text, anchor, start, end, found, RULES[priority].name)
               for start, end, priority, found in _longest_first(candidates)]
    return _times_on_their_day(text, timexes)


def _times_on_their_day(text: str, timexes: list[Timex]) -> list[Timex]:
    """A bare clock time ("at 10:35 a.m.") is on the day its sentence names ("Friday"), if it names one."""
    out = list(timexes)
    for i, timex in enumerate(timexes):
        if timex.type != "TIME" or ON_ANCHOR_DAY not in timex.rule:
            continue
        begin, stop = sentence_bounds(text, timex.start_char, timex.end_char)
        days = [t for t in timexes if t.is_dated and t.granularity == "day" and begin <= t.start_char <= stop]
        if days:
            day = min(days, key=lambda t: abs(t.start_char - timex.start_char))
            clock = timex.value.partition("T")[2]
            out[i] = dataclasses.replace(
                timex, value=f"{day.start.isoformat()}T{clock}", start=day.start, end=day.end,
                rule=timex.rule.replace(ON_ANCHOR_DAY, f"on the day its sentence names ('{day.text}' = {day.start})"))
    return out


def _longest_first(candidates: list[tuple[int, int, int, Found]]) -> list[tuple[int, int, int, Found]]:
    """Keep the longest of overlapping candidates (the earlier rule on a tie), in text order."""
    starts: list[int] = []  # the kept spans never overlap, so sorting by start sorts by end too
    kept: list[tuple[int, int, int, Found]] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        start, end = cand[0], cand[1]
        i = bisect.bisect_left(starts, start)
        if (i > 0 and kept[i - 1][1] > start) or (i < len(kept) and kept[i][0] < end):
            continue
        starts.insert(i, start)
        kept.insert(i, cand)
    return kept


def _to_timex(text: str, anchor: dt.date, start: int, end: int, found: Found, rule_name: str) -> Timex:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    period = found.period
    return Timex(
        text=text[start:end], start_char=start, end_char=end, type=found.type, value=found.value,
        start=period.start if period else None, end=period.end if period else None,
        granularity=found.granularity, rule=f"{rule_name}: {found.rule}", anchor=anchor, mod=found.mod,
        absolute=found.absolute,
    )
