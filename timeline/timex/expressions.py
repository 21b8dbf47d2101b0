"""Time expressions: find them in text and resolve them against the publication date.

`find_timexes` runs the rule table of `timeline.timex.rules` over a text, keeps the longest match
where rules overlap, and returns `Timex` records that keep the expression, its TimeML type and
value, the calendar range it covers, the anchor and the rule that resolved it.

Then a few passes read expressions against the story rather than the publication date: "the day
before", "later that year" count from the last day or period the text named; a bare clock time
takes the day its sentence (or its past episode) names; a date and its clock time become one
expression; "today" inside a quotation is the day its attribution names. Each pass is linear:
look-ups are bisections over positions, never a scan per expression.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import operator
import re
from dataclasses import dataclass

from timeline.timex import periods
from timeline.timex.fastinit import quick_init
from timeline.timex.rules import (
    ON_ANCHOR_DAY,
    RULES,
    STORY_DAY,
    STORY_PART_OF_DAY,
    STORY_PERIOD,
    STORY_TOLD,
    STORY_WEEKDAY,
    Context,
    Found,
    WordIndex,
    _weekday_from,
)

MAX_TEXT_CHARS = 5_000_000  # beyond this, refuse rather than tie up a worker for minutes


@quick_init
@dataclass(frozen=True)
class Timex:
    """One time expression, resolved.

    ``start``/``end`` are the inclusive calendar days the expression covers; both are
    ``None`` for durations, sets and vague references (PRESENT_REF, PAST_REF...), which
    name no calendar range, except a duration that implies a point from the anchor ("in two
    weeks", "ten years from now": type DURATION, value P2W, and the range of the point, so the
    event table can place it). ``rule`` explains the resolution and names the anchor.
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
    covered = _Covered()
    holds, add = covered.holds, candidates.append  # bound once: the loop below runs once per match
    for priority, rule in enumerate(RULES):
        covered.update(candidates)
        resolve = rule.resolve
        for match in rule.matches(text, words):
            span = match.span()
            if holds(*span):
                continue  # inside an expression an earlier rule found: it could only lose to it
            try:
                found = resolve(match, ctx)
            except (ValueError, OverflowError, KeyError, StopIteration, IndexError):
                found = None  # a date out of the calendar's range: no expression, never a crash
            if found is not None:
                start, end = found.span or span
                add((start, end, priority, found))
    timexes = [_to_timex(text, anchor, start, end, found, RULES[priority].name)
               for start, end, priority, found in _longest_first(candidates)]
    # Each pass below acts only on expressions its rule or marker names; a pass with none is skipped (a text
    # of a thousand "in March" runs no story, clock-time or quotation pass). The explanations are read again
    # after a pass that ran, as it may have rewritten some.
    explained = _Explanations(timexes)
    if timexes and "of" in text:  # "the week of Jan. 25", "the 13th of next month"
        timexes = explained.after(_parts_named(text, timexes))
    if explained.any(rule="duration"):
        timexes = explained.after(_compound_durations(text, timexes))
    if explained.any(STORY_PERIOD):
        timexes = explained.after(_story_periods(ctx, timexes))
    if explained.any(STORY_DAY, STORY_TOLD, STORY_WEEKDAY, STORY_PART_OF_DAY):
        timexes = explained.after(_story_days(ctx, timexes))
    if explained.any(ON_ANCHOR_DAY):
        timexes = explained.after(_times_on_their_day(ctx, timexes))
    if explained.any(rule="clock time"):
        timexes = explained.after(_dates_with_their_times(text, timexes))
    if explained.any(rule="weekday"):
        timexes = explained.after(_weekdays_in_apposition(text, timexes))
    if explained.any(rule="relative day") or explained.any(rule="part of day"):
        timexes = _quoted_days(ctx, timexes)
    return timexes


class _Explanations:
    """The distinct ``rule`` strings of a list of expressions: which passes have anything to act on.

    A text dense with one expression holds few distinct explanations (a repeated expression shares its
    resolution), so asking them costs far less than a pass over every expression."""

    def __init__(self, timexes: list[Timex]) -> None:
        self.after(timexes)

    def after(self, timexes: list[Timex]) -> list[Timex]:
        self._rules = {t.rule for t in timexes}
        self._names = {rule.partition(":")[0] for rule in self._rules}
        return timexes

    def any(self, *markers: str, rule: str | None = None) -> bool:
        """Does an explanation hold one of ``markers``, or start with rule name ``rule``?"""
        if rule is not None:
            return rule in self._names
        return any(marker in r for r in self._rules for marker in markers)


_WEEK_OF = re.compile(r"\b[Tt]he\s+(?:(?P<ord>first|second|third|fourth|fifth|last|final)\s+)?week\s+of\s+$")
_DAY_OF = re.compile(r"\b[Tt]he\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s+of\s+$")
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def _parts_named(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "the week of Jan. 25", "the third week of September", "the 13th of next month": a week or a day inside the
    period the expression names, as one expression (the inner one picked its year or month)."""
    out: list[Timex] = []
    for timex in timexes:
        if not timex.is_dated or "of" not in text[max(0, timex.start_char - 5):timex.start_char]:
            out.append(timex)  # the cheap test first: most expressions follow no "... of"
            continue
        before = max(0, timex.start_char - 30)
        week = _WEEK_OF.search(text, before, timex.start_char)
        day = _DAY_OF.search(text, before, timex.start_char)
        period = None
        if week and timex.granularity == "day" and not week.group("ord"):
            period, why, match = periods.week(timex.start), "the week containing it", week
        elif week and timex.granularity == "month":
            nth = week.group("ord")
            inside = timex.end if nth in ("last", "final") else timex.start + dt.timedelta(days=7 * (_NTH[nth] - 1)) \
                if nth else None
            if inside is not None and inside <= timex.end:
                period, why, match = periods.week(inside), f"its {nth} week (the week containing {inside})", week
        elif day and timex.granularity == "month":
            try:
                date = timex.start.replace(day=int(day.group("day")))
            except ValueError:
                date = None
            if date is not None:
                period, why, match = periods.day(date), "that day of it", day
        if period is None:
            out.append(timex)
            continue
        while out and out[-1].end_char > match.start():
            out.pop()  # "the last week" of "the last week of June 2024" is part of the whole
        out.append(dataclasses.replace(
            timex, text=text[match.start():timex.end_char], start_char=match.start(), type="DATE", value=period.value,
            start=period.start, end=period.end, granularity=period.granularity, mod=None,
            rule=f"{timex.rule}; {why}"))
    return out


class _Covered:
    """The spans of the candidates found so far, to skip resolving a match that lies inside one of them.

    A match never resolves to a wider span than its own, and the longest candidate (the earlier rule on a
    tie) wins: a match inside an earlier candidate's span could only lose, so resolving it is wasted work
    ("two weeks" inside "two weeks ago", "2025" inside "March 3, 2025").
    """

    def __init__(self) -> None:
        self._seen = 0
        self._spans: list[tuple[int, int]] = []  # sorted
        self._starts: tuple[int, ...] = ()
        self._reach: list[int] = []  # the farthest end among candidates starting at or before each start

    def update(self, candidates: list[tuple[int, int, int, Found]]) -> None:
        if len(candidates) == self._seen:
            return
        self._spans += [(start, end) for start, end, _, _ in candidates[self._seen:]]
        self._spans.sort()  # two sorted runs: merged in linear time
        self._seen = len(candidates)
        self._starts, ends = zip(*self._spans, strict=True)
        self._reach = list(itertools.accumulate(ends, max))

    def holds(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self._starts, start) - 1
        return k >= 0 and self._reach[k] >= end


_DURATION_PARTS = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
_DURATION_UNITS = ("Y", "M", "W", "D", "H", "M", "S")  # largest first; the last three after "T"
_AND_GAP = re.compile(r",?\s+and\s+|,\s*")


def _compound_durations(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "two hours, seven minutes and five seconds": one duration (PT2H7M5S) when each part is a smaller unit."""
    out: list[Timex] = []
    for timex in timexes:
        previous = out[-1] if out else None
        if previous is not None and previous.type == timex.type == "DURATION" and not timex.mod \
                and previous.rule.startswith("duration:") and timex.rule.startswith("duration:") \
                and _AND_GAP.fullmatch(text, previous.end_char, timex.start_char):
            left, right = _DURATION_PARTS.fullmatch(previous.value), _DURATION_PARTS.fullmatch(timex.value)
            if left and right:
                left_units = [i for i, n in enumerate(left.groups()) if n]
                right_units = [i for i, n in enumerate(right.groups()) if n]
                if left_units and right_units and max(left_units) < min(right_units):
                    parts = [left.group(i + 1) or right.group(i + 1) for i in range(7)]
                    date = "".join(f"{n}{u}" for n, u in zip(parts[:4], _DURATION_UNITS[:4], strict=True) if n)
                    time = "".join(f"{n}{u}" for n, u in zip(parts[4:], _DURATION_UNITS[4:], strict=True) if n)
                    out[-1] = dataclasses.replace(
                        previous, text=text[previous.start_char:timex.end_char], end_char=timex.end_char,
                        value=f"P{date}" + (f"T{time}" if time else ""), granularity=timex.granularity,
                        rule="duration: a duration in several units, summed")
                    continue
        out.append(timex)
    return out


_STORY_REACH = 1500  # how far back "that day" looks for the day it means


_FINER = {"year": ("year", "half", "quarter", "season", "month", "week", "day", "time"),
          "month": ("month", "day", "time"), "week": ("week", "day", "time")}
_STORY_OFFSET = re.compile(r"^[^:]+: ([+-]\d+) (year|month|week)\(s\) " + STORY_PERIOD)


def _story_periods(ctx: Context, timexes: list[Timex]) -> list[Timex]:
    """ "later that year", "the following month" count from the last period of that kind the text named
    (a date names its year and month too), the story's own time; with none, from the publication date."""
    out = list(timexes)
    for i, timex in enumerate(timexes):
        parsed = _STORY_OFFSET.match(timex.rule)
        if not parsed:
            continue
        offset, unit = int(parsed.group(1)), parsed.group(2)
        named = next((t for t in reversed(out[max(0, i - 20):i]) if t.is_dated and t.type in ("DATE", "TIME")
                      and t.granularity in _FINER[unit] and STORY_PERIOD not in t.rule
                      and timex.start_char - t.end_char <= _STORY_REACH), None)
        if named is None:
            continue
        period = periods.relative(named.start, unit, offset)
        if timex.mod:
            period = periods.part(period, timex.mod)
        out[i] = dataclasses.replace(
            timex, value=period.value, start=period.start, end=period.end,
            rule=f"{timex.rule.split(' (else')[0]}: '{named.text}' = {named.start}")
    return out


_APPOSED = re.compile(r"\s*,\s*")  # "Oct. 12, the day before the crash": the date is that day


def _story_days(ctx: Context, timexes: list[Timex]) -> list[Timex]:
    """ "that day", "the day before", "the next morning" count from the last day the text named before them
    (within ``_STORY_REACH`` characters), the story's own time; with none, from the publication date.

    "In the evening" is a part of the last *past* day named (TimeML's reference time), and only in a
    past-tense sentence of the same paragraph (`_in_story`); a story day set beside a date ("Oct. 12, the day
    before the crash") is that date.
    """
    out = list(timexes)
    last_day: Timex | None = None
    last_past: Timex | None = None
    for i, timex in enumerate(timexes):
        if STORY_TOLD in timex.rule:
            if last_past is not None and timex.start_char - last_past.end_char <= _STORY_REACH:
                date = last_past.start + (timex.start - timex.anchor)
                out[i] = dataclasses.replace(timex, start=date, end=date,
                                             rule=f"{timex.rule}: '{last_past.text}' = {last_past.start}")
            else:
                out[i] = dataclasses.replace(timex, start=None, end=None, granularity="day",
                                             rule=timex.rule.replace(STORY_TOLD, "but the story names no past day"))
            continue
        if STORY_WEEKDAY in timex.rule and timex.start is not None:
            if last_day is not None and timex.start_char - last_day.end_char <= _STORY_REACH \
                    and last_day.start != ctx.anchor:
                direction = 1 if timex.start > timex.anchor else -1
                date = _weekday_from(last_day.start, timex.start.weekday(), direction, strictly=True)
                out[i] = dataclasses.replace(
                    timex, value=date.isoformat() + timex.value[10:], start=date, end=date,
                    rule=f"{timex.rule.split(' (else')[0]}: '{last_day.text}' = {last_day.start}")
            last_day = out[i]
            if out[i].start < ctx.anchor:
                last_past = out[i]
            continue
        if STORY_PART_OF_DAY in timex.rule:
            if last_past is not None and _in_story(ctx, last_past, timex, across_paragraphs=True):
                date = last_past.start
                out[i] = dataclasses.replace(
                    timex, value=date.isoformat() + timex.value[10:], start=date, end=date,
                    rule=f"{timex.rule.split(' (else')[0]}: '{last_past.text}' = {date}")
            continue
        if STORY_DAY not in timex.rule:
            if timex.is_dated and timex.granularity in ("day", "time"):
                last_day = out[i]
                if timex.start < ctx.anchor:
                    last_past = out[i]
            continue
        if last_day is None or timex.start_char - last_day.end_char > _STORY_REACH or last_day.start == ctx.anchor:
            continue
        apposed = _APPOSED.fullmatch(ctx.text, last_day.end_char, timex.start_char) is not None
        date = last_day.start if apposed else last_day.start + (timex.start - timex.anchor)
        how = "in apposition to" if apposed else ""
        out[i] = dataclasses.replace(
            timex, value=date.isoformat() + timex.value[10:], start=date, end=date,
            rule=f"{timex.rule.split(' (else')[0]}: {how + ' ' if how else ''}'{last_day.text}' = {last_day.start}")
        last_day = out[i]
        if date < ctx.anchor:
            last_past = out[i]
    return out


#: A clause ends between a clock time and a day written after it: "If the launch, set for 3:25 p.m., is
#: successful, the craft will arrive on April 20" (a plain comma or "on" between them is no end: "at 9 a.m., Friday").
_CLAUSE_END = re.compile(r"[,;:)–—](?!\s*(?:on\s+)?(?:[A-Z0-9]|(?:today|tomorrow|yesterday)\b))")


def _clause_ends(text: str, start: int, stop: int) -> bool:
    """Does a clause end in ``text[start:stop]``? (The look-ahead may read a few characters past ``stop``.)"""
    found = _CLAUSE_END.search(text, start, stop + 12)
    return found is not None and found.start() < stop


def _times_on_their_day(ctx: Context, timexes: list[Timex]) -> list[Timex]:
    """A bare clock time ("at 10:35 a.m.") is on the day its sentence names ("Friday"), if it names one.

    The nearest day-precise expression of the sentence is found by bisection: linear in the text.
    """
    out = list(timexes)
    days = [t for t in timexes if t.is_dated and t.granularity in ("day", "time") and ON_ANCHOR_DAY not in t.rule]
    if not days:
        return out  # no day named: every clock time stays on the anchor day (and no sentence is looked up)
    positions = [t.start_char for t in days]
    told: Timex | None = None  # the last clock time placed in a past episode: the episode goes on through it
    for i, timex in enumerate(timexes):
        if timex.type != "TIME" or ON_ANCHOR_DAY not in timex.rule:
            continue
        begin, stop = ctx.tenses.sentence_bounds(timex.start_char, timex.end_char)
        at = bisect.bisect_left(positions, timex.start_char)
        near = [days[k] for k in (at - 1, at) if 0 <= k < len(days) and begin <= positions[k] <= stop
                and not (k == at and _clause_ends(ctx.text, timex.end_char, positions[k]))]
        where = "the day its sentence names"
        if not near and at > 0:
            episode = told if told is not None and told.start_char > positions[at - 1] else days[at - 1]
            if _in_story(ctx, episode, timex):
                near, where = [episode], "the story's last day named"
        if near:
            day = min(near, key=lambda t: abs(t.start_char - timex.start_char))
            clock = timex.value.partition("T")[2]
            out[i] = dataclasses.replace(
                timex, value=f"{day.start.isoformat()}T{clock}", start=day.start, end=day.end,
                rule=timex.rule.replace(ON_ANCHOR_DAY, f"on {where} ('{day.text}' = {day.start})"))
            if out[i].start < ctx.anchor:
                told = out[i]
    return out


def _in_story(ctx: Context, day: Timex, timex: Timex, across_paragraphs: bool = False) -> bool:
    """Does ``timex`` belong to the past episode ``day`` opened? Close after it, in the same paragraph, and
    in a past-tense sentence: "The bomb went off on March 3. ... At 9 p.m. the police arrived".

    "In the evening" names no hour a reader could take for the publication day's, so it may look back
    across paragraph breaks (news paragraphs are a sentence or two); a bare clock time may not."""
    return (day.start < ctx.anchor and timex.start_char - day.end_char <= _STORY_REACH
            and (across_paragraphs or "\n\n" not in ctx.text[day.end_char:timex.start_char])
            and ctx.tenses.tense_at(timex.start_char, timex.end_char).direction == "past")


_DATE_TIME_GAP = re.compile(r"[\s,]*(?:(?:at|on)\s+|[—–-]\s*)?")


def _dates_with_their_times(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "March 3, 2025 9:14 AM", "June 2, 2024 — 03:15 pm EDT", "9 a.m., March 3, 2025": one TIME expression."""
    out: list[Timex] = []
    for timex in timexes:
        previous = out[-1] if out else None
        if previous is not None and _DATE_TIME_GAP.fullmatch(text, previous.end_char, timex.start_char):
            pair = {previous.type, timex.type}
            day, clock = (previous, timex) if previous.type == "DATE" else (timex, previous)
            if pair == {"DATE", "TIME"} and day.granularity == "day" and clock.rule.startswith("clock time:") \
                    and day.start is not None:
                value = f"{day.start.isoformat()}T{clock.value.partition('T')[2]}"
                out[-1] = dataclasses.replace(
                    clock, text=text[previous.start_char:timex.end_char], start_char=previous.start_char,
                    end_char=timex.end_char, value=value, start=day.start, end=day.end, absolute=day.absolute,
                    rule=f"{clock.rule.split(' (anchor')[0]}, on the date written beside it: {day.rule}")
                continue
        out.append(timex)
    return out


# The quotation mark comes first in each pattern (what precedes it is a look-behind): the regex engine then skips
# straight to quotation marks instead of trying the pattern at every character.
_APPOSITION_GAP = re.compile(r",?\s+(?:a|which\s+(?:is|was))\s+")


def _weekdays_in_apposition(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "Sept. 7, 2022, a Wednesday": the weekday names the date just written, when it falls on that weekday."""
    out = list(timexes)
    for i in range(1, len(out)):
        day, weekday = out[i - 1], out[i]
        if weekday.rule.startswith("weekday:") and day.is_dated and day.granularity == "day" and \
                _APPOSITION_GAP.fullmatch(text, day.end_char, weekday.start_char) and \
                day.start.strftime("%A") == weekday.text:
            out[i] = dataclasses.replace(weekday, value=day.start.isoformat(), start=day.start, end=day.end,
                                         absolute=day.absolute, rule=f"weekday: in apposition to '{day.text}'")
    return out


_OPEN_QUOTE = re.compile(r"(?:[\"“‘](?<![^\s(\[—–-].)|``(?<![^\s(\[—–-]..)|'(?<![^\s(\[—–-].))(?=[\w\s])")
_CLOSE_QUOTE = re.compile(r"(?:[\"”’](?<=[\w,.!?;\-—].)|''(?<=[\w,.!?;\-—]..)|'(?<=[,.!?;\-—].)(?=\s))")
_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|adds|declared|announced|insisted|stated|wrote|explained|"
                     r"noted|recalled|asked|replied|remarked|tweeted|posted|according to)\b", re.IGNORECASE)
_QUOTE_REACH = 600  # how far a quotation may run around the expression


def _quoted_days(ctx: Context, timexes: list[Timex]) -> list[Timex]:
    """ "'Today we signed,' the minister said on Thursday": a quotation's today is the day it was spoken.

    A "today", "tonight", "yesterday", "this morning"... inside a quotation whose attribution (a speech
    verb beside the quote) names a day is counted from that day instead of the publication date.
    """
    days = [t for t in timexes if t.is_dated and t.granularity == "day" and not _relative_to_anchor(t)]
    positions = [t.start_char for t in days]
    out = list(timexes)
    quotes: _Quotes | None = None
    for i, timex in enumerate(timexes):
        if not _relative_to_anchor(timex):
            continue
        quotes = quotes or _Quotes(ctx.text)
        quote = quotes.around(timex.start_char, timex.end_char)
        if quote is None:
            continue
        said = _attributed_day(ctx, quote, days, positions)
        if said is None or said.start == ctx.anchor:
            continue
        date = said.start + (timex.start - timex.anchor)
        out[i] = dataclasses.replace(
            timex, value=date.isoformat() + timex.value[10:], start=date, end=date,
            rule=f"{timex.rule}; inside a quotation spoken on '{said.text}' ({said.start}): counted from that day")
    return out


def _relative_to_anchor(timex: Timex) -> bool:
    """A day counted from the publication date by a word that means the speaker's own day ("today")."""
    return timex.rule.startswith(("relative day:", "part of day:")) and timex.start is not None


class _Quotes:
    """The opening and closing quotation marks of a text, found in one pass each and looked up by bisection,
    so that a text of many "today"s costs no scan of the 600 characters around each."""

    def __init__(self, text: str) -> None:
        self.opens = [m.start() for m in _OPEN_QUOTE.finditer(text)]
        closes = [m.span() for m in _CLOSE_QUOTE.finditer(text)]
        self.close_starts = [s for s, _ in closes]
        self.close_ends = [e for _, e in closes]
        self.length = len(text)

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation holding ``[start, end)`` as (opening quote, end of closing quote), or None."""
        k = bisect.bisect_right(self.opens, start) - 1
        if k < 0 or self.opens[k] < start - _QUOTE_REACH:
            return None
        opening = self.opens[k]
        c = bisect.bisect_left(self.close_starts, opening + 1)
        if c < len(self.close_starts) and self.close_ends[c] <= start:
            return None  # closed before the expression
        c = bisect.bisect_left(self.close_starts, end)
        if c == len(self.close_starts) or self.close_ends[c] > min(self.length, end + _QUOTE_REACH):
            return None
        closing_start, closing_end = self.close_starts[c], self.close_ends[c]
        k = bisect.bisect_left(self.opens, end)
        if k < len(self.opens) and self.opens[k] < closing_start:
            return None  # another quotation opens before this one closes
        return opening, closing_end


def _attributed_day(ctx: Context, quote: tuple[int, int], days: list[Timex], positions: list[int]) -> Timex | None:
    """The day named by the attribution just after the quotation ("..., the minister said on Thursday")
    or just before it ("The minister said on Thursday: '...'"), within the attribution's sentence."""
    opening, closing = quote
    _, stop = ctx.tenses.sentence_bounds(closing, closing)
    after = [days[k] for k in range(bisect.bisect_left(positions, closing), len(days)) if positions[k] < stop][:1]
    if after and _SPEECH.search(ctx.text, closing, after[0].start_char):
        return after[0]
    begin, _ = ctx.tenses.sentence_bounds(opening, opening + 1)
    k = bisect.bisect_left(positions, opening) - 1
    if k >= 0 and positions[k] >= begin and _SPEECH.search(ctx.text, begin, opening):
        return days[k]
    return None


def _longest_first(candidates: list[tuple[int, int, int, Found]]) -> list[tuple[int, int, int, Found]]:
    """Keep the longest of overlapping candidates (the earlier rule on a tie), in text order.

    Candidates are first cut into groups that overlap nothing outside themselves, so the choice
    stays local: linear in the text however many expressions it holds.
    """
    kept: list[tuple[int, int, int, Found]] = []
    group: list[tuple[int, int, int, Found]] = []
    reach = -1
    for cand in sorted(candidates, key=operator.itemgetter(0)):
        if group and cand[0] >= reach:
            if len(group) == 1:
                kept.append(group[0])  # alone: nothing to choose (most groups in a text dense with dates)
            else:
                kept += _longest_in_group(group)
            group = []
        group.append(cand)
        reach = max(reach, cand[1]) if len(group) > 1 else cand[1]
    return kept + _longest_in_group(group)


def _longest_in_group(candidates: list[tuple[int, int, int, Found]]) -> list[tuple[int, int, int, Found]]:
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
    # positional, in the order of the fields: a call by keyword costs more, and this runs once per expression
    return Timex(text[start:end], start, end, found.type, found.value, period.start if period else None,
                 period.end if period else None, found.granularity, f"{rule_name}: {found.rule}", anchor, found.mod,
                 found.absolute)
