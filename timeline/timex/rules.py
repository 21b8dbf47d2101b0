"""The rules of time expressions: what a match of each pattern means.

`RULES` is a table of named rules, each a regular expression over the words of
`timeline.timex.vocabulary`, the trigger words it needs, and a resolver turning a match into a
`Found` (a type, a TIMEX3 value and, when the expression names one, a calendar `Period`).
Explicit dates are `dateparser`'s (read off the rule's own groups where it has taken them apart: the
two agree, and that is tested); calendar arithmetic is `dateutil`'s and
`timeline.timex.periods`'; the direction of an underspecified date comes from `timeline.timex.tense`.
`timeline.timex` runs the table and keeps the longest match where rules overlap.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import ahocorasick
import dateparser
import numpy as np
from dateutil.easter import easter
from dateutil.relativedelta import MO, TH, TU, relativedelta

from timeline.timex import periods
from timeline.timex.fastinit import quick_init
from timeline.timex.periods import Period
from timeline.timex.tense import Tense, TenseIndex
from timeline.timex.vocabulary import (
    ABBR_MONTHS,
    ABBR_WEEKDAYS,
    DECADE_WORDS,
    FULL_MONTHS,
    FULL_WEEKDAYS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCES,
    SEASON_CODES,
    SET_WORDS,
    TENS,
    UNIT_MULTIPLIER,
    UNITS,
    UNITS_1_9,
    VAGUE_NUMBERS,
    WEEKDAYS,
)

# --------------------------------------------------------------------------- resolution results


@quick_init
@dataclass(frozen=True)
class Found:
    """What a rule makes of a match, before it becomes a Timex."""

    type: str
    value: str
    period: Period | None
    granularity: str
    rule: str
    mod: str | None = None
    absolute: bool = False
    span: tuple[int, int] | None = None  # a narrower span than the whole match, when the rule says so


def _dated(period: Period, rule: str, *, mod: str | None = None, absolute: bool = False,
           type_: str = "DATE") -> Found:
    return Found(type_, period.value, period, period.granularity, rule, mod, absolute)


def _undated(type_: str, value: str, granularity: str, rule: str, mod: str | None = None) -> Found:
    return Found(type_, value, None, granularity, rule, mod)


_UNRESOLVED = object()


def _resolved_once(ctx: Context, key: tuple[object, ...], resolve: Callable[[], Found | None]) -> Found | None:
    """``resolve()``, made once per ``key`` in a text. ``key`` must name all that the resolution reads (the
    match's words, the tense's cues, a yes/no read off the text around it; the anchor is the context's own), and
    the result must hold no position (no ``span``): then a repeated expression costs a dict look-up."""
    found = ctx.resolved.get(key, _UNRESOLVED)
    if found is _UNRESOLVED:
        found = ctx.resolved[key] = resolve()
    return found  # type: ignore[return-value]


def _tense_key(tense: Tense, trusted_within: int) -> tuple[object, ...]:
    """What `_pick_year` reads of a tense: its direction, cue, weakness, and whether the cue is near enough."""
    return tense.direction, tense.cue, tense.weak, tense.distance <= trusted_within


_SINCE_WORDS = re.compile("ince|of")
_SINCE = re.compile(r"\b(?:[Ss]ince|[Aa]s\s+of)\s+$")  # "since March", "as of September 1": a past point
_RESULTS_WORDS = re.compile(r"\b(?:quarterly\s+(?:earnings|results|profit|loss|revenue|sales|report)|earnings\s+per\s+"
                            r"share|EPS|net\s+(?:income|loss|profit))\b", re.IGNORECASE)
_QUARTER_MENTION = re.compile(r"\b(first|second|third|fourth)[\s-]+(?:fiscal[\s-]+)?quarter\b", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    text: str
    anchor: dt.date

    @functools.cached_property
    def reporting_quarter(self) -> tuple[Period, str] | None:
        """The quarter a results report is about: its first "third quarter" without a year.

        Business news says "the quarter", "the year-ago quarter" and "a year earlier" of it.
        None when the text names no quarter: those phrases then get no quarter reading.
        """
        match = _QUARTER_MENTION.search(self.text)
        if not match:
            return None
        number = ORDINALS[match.group(1).lower()]
        candidates = [periods.quarter(y, number) for y in (self.anchor.year - 1, self.anchor.year)]
        period = [p for p in candidates if p.start <= self.anchor][-1]
        return period, f"the quarter the report is about ('{match.group(0)}' = {period.value})"

    @functools.cached_property
    def results_report(self) -> bool:
        """Does the text report a company's results ("quarterly earnings", "net income")? Its "the quarter" is
        then the last one completed, not a game's quarter."""
        return _RESULTS_WORDS.search(self.text) is not None

    @functools.cached_property
    def picked(self) -> dict[tuple[object, ...], tuple[Period, str]]:
        """Years already picked for a period in a tense (`_pick_year`): a long text repeats its dates."""
        return {}

    @functools.cached_property
    def resolved(self) -> dict[tuple[object, ...], Found | None]:
        """Resolutions by everything they read (`_resolved_once`): a long text repeats its expressions."""
        return {}

    @functools.cached_property
    def tenses(self) -> TenseIndex:
        """Sentence ends and tense cues of the whole text, found once."""
        return TenseIndex(self.text)

    def tense(self, match: re.Match[str]) -> Tense:
        """The tense around a match; "since" or "as of" right before it points back ("on patrol since March")."""
        start, end = match.start(), match.end()  # a `_GroupAlias` has no span()
        # the cheap tests first: most expressions follow neither word, and neither is within 8 characters before
        k = bisect.bisect_left(self._since_words, start - 8)
        since = _SINCE.search(self.text, max(0, start - 8), start) if k < len(self._since_words) and \
            self._since_words[k] <= start - 2 and self.text[max(0, start - 8):start].rstrip() \
            .endswith(("ince", "of")) else None
        if since:
            return Tense("past", since.group(0).strip(), 0)
        return self.tenses.tense_at(start, end)

    @functools.cached_property
    def _since_words(self) -> list[int]:
        """Where "ince" and "of" stand in the text (one pass): `tense` reads "since"/"as of" only near one."""
        return [m.start() for m in _SINCE_WORDS.finditer(self.text)]

    @functools.cached_property
    def anchor_desc(self) -> str:
        return f"anchor {self.anchor.isoformat()} ({self.anchor.strftime('%A')})"


# --------------------------------------------------------------------------- word patterns


def _alternation(words: list[str] | tuple[str, ...], *, capital: bool = False) -> str:
    """A regex alternation, longest first; ``capital`` accepts only Capitalised and UPPER forms.

    The words are grouped by their first character ("(?:m(?:arch|ay)|j(?:une|uly))"): the regex engine then
    rejects a position on one character instead of trying every word, the same matches several times faster.
    """
    words = sorted(words, key=len, reverse=True)
    forms = [f"{w[0].upper()}{w[1:]}" for w in words] + [w.upper() for w in words] if capital else words
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0], []).append(re.escape(form[1:]).replace(r"\ ", r"\s+"))
    return "(?:" + "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


_MONTH_FULL = _alternation(FULL_MONTHS, capital=True)
_MONTH_ABBR = _alternation(ABBR_MONTHS, capital=True) + r"\.?"
_MONTH = f"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY_FULL = _alternation(FULL_WEEKDAYS, capital=True)
_WEEKDAY = f"(?:{_WEEKDAY_FULL}|{_alternation(ABBR_WEEKDAYS, capital=True)}\\.)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_COMPOUND = f"{_alternation(TENS)}[- ]{_alternation(UNITS_1_9)}"  # one alternation each: fast to scan
_NUMBER = rf"(?:(?:\d+|{_COMPOUND}|{_alternation(list(NUMBERS))})(?:\.\d+|\s+1/2|½|\s+and\s+a\s+half)?)"
_TEENS = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
#: A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "two thousand and one".
_SPELLED_YEAR = (rf"(?:(?i:(?:sixteen|seventeen|eighteen|nineteen)[\s-]+(?:{_alternation(TENS)}(?:[\s-]+"
                 rf"{_alternation(UNITS_1_9)})?|{_TEENS}|hundred|oh[\s-]+{_alternation(UNITS_1_9)}))|"
                 rf"(?i:two\s+thousand(?:\s+(?:and\s+)?(?:{_alternation(UNITS_1_9)}|{_TEENS}))?))")
_YEAR_WORDS = f"(?:{_YEAR}|{_SPELLED_YEAR})"
_VAGUE = _alternation(VAGUE_NUMBERS)
_UNIT = _alternation(list(UNITS))
_PART_OF_DAY = _alternation(list(PARTS_OF_DAY))
_MOD = r"(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)"
_ORDINAL = _alternation(list(ORDINALS))

_MOD_CODES = {"early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
              "late": "END", "end": "END", "earlier": "START", "later": "END", "rest": "END"}


@functools.lru_cache(maxsize=4096)  # pure; long texts repeat their numbers
def _mod_of(words: str | None) -> str | None:
    if not words:
        return None
    for word, code in _MOD_CODES.items():
        if re.search(rf"\b{word}\b", words.lower()):
            return code
    return None


@functools.lru_cache(maxsize=4096)  # pure; long texts repeat their numbers
def _number(words: str) -> float | None:
    """The value of a number written in digits or words; None for vague quantities ("several")."""
    words = re.sub(r"\s+", " ", words.lower().strip())
    if re.fullmatch(r"\d+(\.\d+)?", words):
        return float(words)
    if half := re.fullmatch(r"(.+?)(?: 1/2|½| and a half)", words):
        whole = _number(half.group(1))
        return None if whole is None else whole + 0.5
    if words in NUMBERS:
        return NUMBERS[words]
    parts = re.split(r"[- ]", words)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


@functools.lru_cache(maxsize=4096)  # pure; long texts repeat their numbers
def _unit(word: str) -> str:
    word = word.lower()
    if word.endswith("ies"):
        return word[:-3] + "y"  # centuries
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


_SMALLER = {"Y": ("M", 12, False), "M": ("D", 30, False), "W": ("D", 7, False), "D": ("H", 24, True),
            "H": ("M", 60, True)}
_IN_BIGGER = {"decade": ("Y", 10), "century": ("Y", 100), "weekend": ("D", 2), "quarter": ("M", 3)}


@functools.lru_cache(maxsize=4096)  # pure; long texts repeat their numbers
def _duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration, TimeML style: P3Y, PT24H, P10Y for a decade, PXM for "months"."""
    designator, is_time, _ = UNITS[unit]
    if unit in _IN_BIGGER:
        designator, factor = _IN_BIGGER[unit]
        amount = None if amount is None else amount * factor
    if amount is None:
        return f"P{'T' if is_time else ''}X{designator}"
    amount *= UNIT_MULTIPLIER.get(unit, 1)
    whole = int(amount)
    head = f"{whole}{designator}" if whole else ""
    if amount == whole or designator not in _SMALLER or (is_time and designator == "M"):
        return f"P{'T' if is_time else ''}{amount:g}{designator}"
    smaller, factor, to_time = _SMALLER[designator]  # 2 1/2 years -> P2Y6M, half an hour -> PT30M
    tail = f"{(amount - whole) * factor:g}{smaller}"
    if to_time and not is_time:
        return f"P{head}T{tail}"
    return f"P{'T' if is_time else ''}{head}{tail}"


# --------------------------------------------------------------------------- explicit dates


_EXPLICIT_FORMS = tuple(re.compile(form) for form in (  # the forms the full-date rules match, weekday stripped
    rf"(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    rf"(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month>{_MONTH}),?\s+(?P<year>\d{{4}})",
    r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})",
    r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})",
    r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})",
))


@functools.lru_cache(maxsize=4096)
def _parse_explicit(body: str) -> dt.date | None:
    """The date a full-date match writes; None when it is no valid date (February 30).

    dateparser is the reference: it reads every explicit date the rules find. For the forms whose day, month
    and year the rule's pattern has already taken apart ("Sept. 14, 2023", "2023-09-14"), reading them off
    the groups gives the same date (`tests/test_timex.py` checks the two agree) a thousand times cheaper
    (dateparser takes ~2 ms a date), which keeps text full of distinct dates as fast as news.
    """
    for pattern in _EXPLICIT_FORMS:
        parsed = pattern.fullmatch(body)
        if parsed:
            month = parsed.group("month").rstrip(".")
            number = int(month) if month.isdigit() else MONTHS.get(month.lower())
            try:
                return dt.date(int(parsed.group("year")), number or 0, int(parsed.group("day")))
            except ValueError:
                return None
    return parse_with_dateparser(body)


def parse_with_dateparser(body: str) -> dt.date | None:
    """dateparser on an explicit date string, day, month and year all required; None when it is none."""
    order = "DMY" if re.match(r"\d{1,2}\.\d{1,2}\.\d{4}$", body) else "MDY"
    parsed = dateparser.parse(
        re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", body.replace("Sept.", "Sep.")), languages=["en"],
        settings={"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
                  "RELATIVE_BASE": dt.datetime(2000, 1, 1), "PARSERS": ["custom-formats", "absolute-time"]},
    )
    return parsed.date() if parsed else None


_WEEKDAY_FIRST = re.compile(rf"({_WEEKDAY}),?\s+")  # compiled once: the module cache would hash this long pattern


def _strip_weekday(text: str) -> tuple[str, int | None]:
    match = _WEEKDAY_FIRST.match(text)
    if not match:
        return text, None
    return text[match.end():], WEEKDAYS[match.group(1).rstrip(".").lower()]


def _full_date(m: re.Match[str], ctx: Context) -> Found | None:
    return _resolved_once(ctx, ("full date", m.group(0)), lambda: _date_as_written(m.group(0)))


def _date_as_written(written: str) -> Found | None:
    body, weekday = _strip_weekday(written)
    date = _parse_explicit(body)
    if date is None:
        return None
    note = ""
    if weekday is not None and date.weekday() != weekday:
        note = f"; note: the text's weekday disagrees ({date.strftime('%A')})"
    return _dated(periods.day(date), f"explicit date, as written{note}", absolute=True)


def _pick_year(ctx: Context, match: re.Match[str], make: Callable[[int], Period],
               weekday: int | None = None, against: float = math.inf, trusted_within: int = 12,
               trust_future: bool = True, key: tuple[object, ...] | None = None,
               tense: Tense | None = None) -> tuple[Period, str]:
    """Place a period that names no year in the year the sentence's tense points to.

    The nearest occurrence wins, a distance against the tense counting ``against`` times: with
    the default, past tense takes the latest one starting on or before the anchor and future
    tense the first one ending on or after it. A tense cue within ``trusted_within`` characters
    of the expression is followed outright. A weekday written beside the date ("Friday,
    May 23") picks the year it fits. ``key`` names what ``make`` makes ("month", 3): the same period in the
    same tense is then picked once per text.
    """
    years = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
    if weekday is not None:
        fitting = [p for p in (make(y) for y in years) if p.start.weekday() == weekday]
        if len(fitting) == 1:
            return fitting[0], f"the year in which it falls on a {fitting[0].start.strftime('%A')}"
    tense = tense or ctx.tense(match)
    trusted = tense.cue and not tense.weak and tense.distance <= trusted_within  # a weak cue is never followed outright
    if trusted and (trust_future or tense.direction == "past"):
        against = math.inf
    memo = None if key is None else (key, against, tense.direction, tense.cue, tense.weak)
    if memo is not None and memo in ctx.picked:
        return ctx.picked[memo]
    picked = _nearest_in_tense(ctx, [make(y) for y in years], tense, against)
    if memo is not None:
        ctx.picked[memo] = picked
    return picked


def _nearest_in_tense(ctx: Context, candidates: list[Period], tense: Tense, against: float) -> tuple[Period, str]:

    def cost(period: Period) -> float:
        if period.start <= ctx.anchor <= period.end:
            return 0
        ahead = period.start > ctx.anchor
        days = (period.start - ctx.anchor).days if ahead else (ctx.anchor - period.end).days
        return days * (against if ahead != (tense.direction == "future") else 1)

    chosen = min(candidates, key=lambda p: (cost(p), p.start > ctx.anchor))
    if math.isinf(against):
        where = "first one ending on or after" if tense.direction == "future" else "latest one starting on or before"
    else:
        where = f"nearest to (counting the other direction {against:g}x)"
    return chosen, f"{tense.describe()}: the {where} the {ctx.anchor_desc}"


_MONTH_ANYWHERE = re.compile(_MONTH)
_FIRST_NUMBER = re.compile(r"\d+")


def _month_day(m: re.Match[str], ctx: Context) -> Found | None:
    body, weekday = _strip_weekday(m.group(0))
    month = MONTHS[_MONTH_ANYWHERE.search(body).group(0).rstrip(".").lower()]
    day_number = int(_FIRST_NUMBER.search(body).group(0))
    try:
        dt.date(2000, month, day_number)  # 2000 is a leap year: February 29 is fine
    except ValueError:
        return None

    def make(year: int) -> Period:
        try:
            return periods.day(dt.date(year, month, day_number))
        except ValueError:  # February 29 outside a leap year
            return periods.day(dt.date(year, month, 28))

    period, why = _pick_year(ctx, m, make, weekday, against=2, key=("day", month, day_number, weekday))
    return _dated(period, f"month and day without a year; {why}")


def _month_year(m: re.Match[str], ctx: Context) -> Found:
    month = MONTHS[m.group("month").rstrip(".").lower()]
    period = periods.month(_year_number(m.group("year")), month)
    mod = _mod_of(m.group("mod"))
    rule = "month and year as written"
    if mod:
        period, rule = periods.part(period, mod), f"{rule}, its {mod.lower()} part"
    return _dated(period, rule, mod=mod, absolute=True)


_AMBIGUOUS_MONTHS = {"may", "march", "june", "april", "august"}  # also verbs, names or adjectives
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|on|by|since|until|till|from|through|to|during|of|before|after|between|and|or|for|"
    r"around|last|next|this|early|mid|late|since|until|each|every|that|the|in early|in late)\s+|[-–])$",
    re.IGNORECASE,
)


_NAME_BEFORE = re.compile(r"[A-Z][a-z]+\s+$")


@functools.lru_cache(maxsize=4096)  # pure; news repeats "in March", "since April"
def _reads_as_month(name: str, before: str) -> bool:
    """A bare month name that is also a verb or a name ("may", "Theresa May") is a month after "in", "since"..."""
    return bool(_MONTH_CONTEXT.search(before)) or not (name in _AMBIGUOUS_MONTHS or _NAME_BEFORE.search(before))


def _month_alone(m: re.Match[str], ctx: Context) -> Found | None:
    name, rel, mod_words, yrel = m.group("month", "rel", "mod", "yrel")
    if not (rel or mod_words or yrel) and not _reads_as_month(name.lower(), ctx.text[max(0, m.start() - 20):m.start()]):
        return None  # "may", "Theresa May", "Hurricane April"
    tense = None if rel or yrel else ctx.tense(m)
    key = ("month", name, rel, mod_words, yrel, None if tense is None else _tense_key(tense, 50))
    return _resolved_once(ctx, key, lambda: _month_in_tense(m, ctx, tense))


def _month_in_tense(m: re.Match[str], ctx: Context, tense: Tense | None) -> Found:
    name = m.group("month").lower()
    rel, mod_words = m.group("rel"), m.group("mod")
    month = MONTHS[name]
    mod = _mod_of(mod_words)
    if m.group("yrel"):
        offset = _REL_OFFSETS[m.group("yrel").lower()]
        period, why = periods.month(ctx.anchor.year + offset, month), f"of '{m.group('yrel')} year'"
    elif rel and rel.lower() in ("last", "past"):
        year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
        period, why = periods.month(year, month), f"'{rel}': the latest one before the anchor's month"
    elif rel and rel.lower() in ("next", "coming"):
        year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
        period, why = periods.month(year, month), f"'{rel}': the first one after the anchor's month"
    elif rel:  # this
        period, why = periods.month(ctx.anchor.year, month), "'this': the anchor's year"
    else:
        period, why = _pick_year(ctx, m, lambda y: periods.month(y, month), against=2, trusted_within=50,
                                 key=("month", month), tense=tense)
    rule = f"month without a year; {why} ({ctx.anchor_desc})"
    if mod in ("START", "END") and mod_words and re.search(r"earlier|later", mod_words, re.I):
        period, rule = _before_or_after_anchor(period, mod, ctx, rule)
    elif mod:
        period, rule = periods.part(period, mod), f"{rule}; its {mod.lower()} part"
    return _dated(period, rule, mod=mod)


def _before_or_after_anchor(period: Period, mod: str, ctx: Context, rule: str) -> tuple[Period, str]:
    """ "Earlier this month": the period up to the day before the anchor; "later": from the day after."""
    if mod == "START" and period.start < ctx.anchor <= period.end:
        day_before = ctx.anchor - dt.timedelta(days=1)
        return period.shifted_end(day_before), f"{rule}; 'earlier': up to the day before the anchor"
    if mod == "END" and period.start <= ctx.anchor < period.end:
        day_after = ctx.anchor + dt.timedelta(days=1)
        return period.shifted_start(day_after), f"{rule}; 'later': from the day after the anchor"
    return period, rule


def _numeric_date(m: re.Match[str], ctx: Context) -> Found | None:
    return _full_date(m, ctx)


# --------------------------------------------------------------------------- years, decades, quarters

_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|on|by|since|until|till|from|through|to|during|of|before|after|between|and|or|around|"
    r"early|mid|late|the|with|fiscal|year|for|as of|circa|until|spring|summer|fall|autumn|winter|"
    r"end of|beginning of|start of|middle of|half of|quarter of|[A-Z][a-z]+ \d{1,2},?|"
    r"a|an|its|their|his|her|our|that|this|[a-z]+['’]s)\s*|[(\-–,])$",
    re.IGNORECASE,
)
_YEAR_CONTEXT_AFTER = re.compile(r"^(?:\s*[.,;:)!?\-–]|\s*$|'s\b|\s+(?:and|to|through|when|after|before|"
                                 r"election|elections|budget|season|census|campaign|[A-Z]))")


_YEAR_RANGE = re.compile(rf"(?<![\w$€£#.,-])(?P<first>{_YEAR})\s*[-–]\s*(?P<year>{_YEAR}|\d\d)(?![\w%,.-]?\d|\w)")
_YEAR_BEFORE_CONJUNCTION = re.compile(rf"\b{_YEAR}\s*(?:,|and|or|to|through|and\s+in)\s*$")


_NUMBER_BEFORE = re.compile(r"[$€£#]\s*$|\d[,.]?$")
_NUMBER_AFTER = re.compile(r"^(?:[,.]\d|%|\s*(?:percent|per cent))")
_PLURAL_AFTER = re.compile(r"\s+[a-z]+(?<!ss)(?<!us)(?<!is)s\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|by|until|from|of|before|after|during|through|an?)\s*$", re.I)
#: A year as a modifier with no determiner: "cut 2019 guidance", "raised 2024 targets" (a count takes a plural:
#: "2000 troops"). Not before a unit ("1500 metres", "2000 km") or a word that goes with a number.
_SINGULAR_AFTER = re.compile(r"\s+(?!(?:of|or|and|to|than|more|less|per|times|square|cubic|metre|meter|mile|acre|"
                             r"yard|foot|feet|ton|tonne|barrel|calorie|hectare|page|word|head|strong|plus|out|people|men|women|children|"
                             r"police|staff|personnel|cattle|livestock|sheep|fish|deer|crew|data|million|billion|"
                             r"thousand|hundred)\b)"
                             r"[a-z]{4,}(?<!s)(?:\b|$)")


@functools.lru_cache(maxsize=4096)  # pure; news repeats "in 2019", "since 2020"
def _reads_as_year(before: str, after: str) -> bool:
    """Do the words around a bare four-digit number make it a year, not an amount ("2000 troops")?"""
    if _NUMBER_BEFORE.search(before) or _NUMBER_AFTER.match(after):
        return False  # money, a longer number, a percentage
    if not (_YEAR_CONTEXT_BEFORE.search(before) or _YEAR_CONTEXT_AFTER.match(after)):
        return bool(_SINGULAR_AFTER.match(after))  # "cut 2019 guidance"; not "2000 troops"
    # "and 2000 troops"; but "the 2016 and 2017 seasons", "a 2017 analysis"
    return not (_PLURAL_AFTER.match(after) and not (_PREPOSITION_BEFORE.search(before)
                                                     or _YEAR_BEFORE_CONJUNCTION.search(before)))


def _year(m: re.Match[str], ctx: Context) -> Found | None:
    if m.group("mod") is None and m.group("fiscal") is None and not _reads_as_year(
            ctx.text[max(0, m.start() - 16):m.start()], ctx.text[m.end():m.end() + 12]):
        return None
    return _resolved_once(ctx, ("year", m.group("mod", "year")), lambda: _year_as_written(m))


def _year_as_written(m: re.Match[str]) -> Found:
    period = periods.year(int(m.group("year")))
    mod = _mod_of(m.group("mod"))
    rule = "year as written"
    if m.group("mod") and re.search(r"half", m.group("mod"), re.I):
        number = 1 if re.search(r"first", m.group("mod"), re.I) else 2
        return _dated(periods.half(period.start.year, number), "half year as written", absolute=True)
    if mod:
        period, rule = periods.part(period, mod), f"{rule}, its {mod.lower()} part"
    return _dated(period, rule, mod=mod, absolute=True)


def _year_range_end(m: re.Match[str], ctx: Context) -> Found | None:
    """The second year of a range, "2015-2016", "1961-62": a year of its own (as TimeML annotates it),
    when it comes after the first; "2015-10" is no range."""
    first = int(m.group("first"))
    digits = m.group("year")
    year = int(digits) if len(digits) == 4 else first - first % 100 + int(digits)
    if not first < year <= first + 99:
        return None
    found = _dated(periods.year(year), f"year range '{m.group(0)}': its second year", absolute=True)
    return Found(**{**found.__dict__, "span": m.span("year")})


def _year_range_start(m: re.Match[str], ctx: Context) -> Found | None:
    """The first year of a range ("2015-2016", "1961-62"): the year-range rule decides it is one."""
    end = _YEAR_RANGE.match(ctx.text, m.start())
    if end is None or _year_range_end(end, ctx) is None:
        return None
    found = _dated(periods.year(int(m.group("year"))), "year range: its first year", absolute=True)
    return Found(**{**found.__dict__, "span": m.span("year")})


_WORD_VALUES = {**NUMBERS, "oh": 0, "thousand": 1000, "hundred": 100}


def _year_number(words: str) -> int:
    """A year from digits or words: "1996", "nineteen ninety-six", "two thousand and one", "nineteen hundred"."""
    words = words.strip()
    if words.isdigit():
        return int(words)
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w != "and"]
    if parts[0] == "two" and parts[1] == "thousand":
        return 2000 + sum(_WORD_VALUES[w] for w in parts[2:])
    tail = parts[1:]
    return _WORD_VALUES[parts[0]] * 100 + (0 if tail == ["hundred"] else sum(_WORD_VALUES[w] for w in tail))


def _year_in_words(m: re.Match[str], ctx: Context) -> Found | None:
    if re.search(r"(?:thousand|hundred)$", m.group("year"), re.I) and not m.group(0).lower().startswith("the") \
            and re.match(r"[\s-]+[a-z]", ctx.text[m.end():m.end() + 3]):
        return None  # "two thousand people", "nineteen hundred troops": numbers
    return _dated(periods.year(_year_number(m.group("year"))), "year said in words", absolute=True)


def _the_year(m: re.Match[str], ctx: Context) -> Found | None:
    """ "the year 9000", "the year 950": "the year" makes any three- or four-digit number a year (AD)."""
    return _dated(periods.year(int(m.group("year"))), "year as written after 'the year'", absolute=True)


def _the_current_year(m: re.Match[str], ctx: Context) -> Found:
    """ "for the year", "a high for the year", "earlier in the year": TimeML dates a definite "the year" as the year
    the text is about, the anchor's ("the year before", "the year ended Sept. 30" are other rules' or none)."""
    period = periods.year(ctx.anchor.year)
    rule = f"'the year': the year of the {ctx.anchor_desc}"
    mod_words = m.group("mod")
    mod = _mod_of(mod_words)
    if mod_words and mod_words.lower() in ("earlier", "later"):
        mod = "START" if mod_words.lower() == "earlier" else "END"
        period, rule = _before_or_after_anchor(period, mod, ctx, rule)
    elif mod:
        period, rule = periods.part(period, mod), f"{rule}; its {mod.lower()} part"
    return _dated(period, rule, mod=mod)


def _decade(m: re.Match[str], ctx: Context) -> Found:
    digits = m.group("decade")
    absolute = len(digits) == 4
    first = int(digits) if absolute else (1900 if int(digits) >= 30 else 2000) + int(digits)
    period = periods.decade(first)
    mod = _mod_of(m.group("mod"))
    rule = "decade as written" if absolute else "two-digit decade, in the century nearest the anchor"
    if mod:
        period, rule = periods.part(period, mod), f"{rule}, its {mod.lower()} part"
    return _dated(period, rule, mod=mod, absolute=absolute)


def _decade_in_words(m: re.Match[str], ctx: Context) -> Found | None:
    """ "the nineties", "the late eighties": the decade in the century nearest the anchor, never ahead of it."""
    if not m.group(0).lower().startswith("the") and not m.group("mod"):
        return None  # "in his forties" is an age
    if re.search(r"\b(?:his|her|their|its|my|your|our)\s+(?:\w+\s+)?$", ctx.text[max(0, m.start() - 20):m.start()]):
        return None
    tens = DECADE_WORDS[m.group("words").lower()]
    first = ctx.anchor.year - ctx.anchor.year % 100 + tens
    if first > ctx.anchor.year:
        first -= 100
    period = periods.decade(first)
    mod = _mod_of(m.group("mod"))
    rule = "decade said in words, the latest one not after the anchor"
    if mod:
        period, rule = periods.part(period, mod), f"{rule}, its {mod.lower()} part"
    return _dated(period, rule, mod=mod)


def _century(m: re.Match[str], ctx: Context) -> Found | None:
    word = m.group("ord").lower()
    number = int(word[:-2]) if word[:-2].isdigit() else ORDINALS.get(word)
    if not number or word == "last":
        return None
    return _dated(periods.century(number), "century as written", absolute=True)


def _quarter(m: re.Match[str], ctx: Context) -> Found:
    number = ORDINALS.get((m.group("ord") or "").lower()) or int(m.group("q"))
    year = m.group("year") or m.group("year2")
    if m.group("yrel"):
        offset = _REL_OFFSETS[m.group("yrel").lower()]
        return _dated(periods.quarter(ctx.anchor.year + offset, number),
                      f"quarter of '{m.group('yrel')} year', from the {ctx.anchor_desc}")
    if year:
        return _dated(periods.quarter(int(year), number), "quarter and year as written", absolute=True)
    # a future cue is not followed outright: "expects to report third-quarter results" means the quarter just ended
    period, why = _pick_year(ctx, m, lambda y: periods.quarter(y, number), against=3, trusted_within=50,
                             trust_future=False, key=("quarter", number))
    return _dated(period, f"quarter without a year; {why}")


def _half(m: re.Match[str], ctx: Context) -> Found:
    number = 1 if m.group("ord").lower() == "first" else 2
    if m.group("year"):
        return _dated(periods.half(int(m.group("year")), number), "half year as written", absolute=True)
    period, why = _pick_year(ctx, m, lambda y: periods.half(y, number))
    return _dated(period, f"half year without a year; {why}")


def _season(m: re.Match[str], ctx: Context) -> Found | None:
    code = SEASON_CODES[m.group("season").lower()]
    mod = _mod_of(m.group("mod"))
    rel = (m.group("rel") or "").lower()
    if m.group("year"):
        period, rule, absolute = periods.season(_year_number(m.group("year")), code), "season and year as written", True
    else:
        absolute = False
        current = _season_of(ctx.anchor)
        if rel == "this":
            year = ctx.anchor.year - (1 if code == "WI" and ctx.anchor.month < 3 else 0)
            period, rule = periods.season(year, code), f"'this': the season in the anchor's year ({ctx.anchor_desc})"
        elif rel in ("last", "past"):
            period = _season_step(ctx.anchor, code, -1, current)
            rule = f"'{rel}': the latest one that ended before the {ctx.anchor_desc}"
        elif rel in ("next", "coming"):
            period = _season_step(ctx.anchor, code, 1, current)
            rule = f"'{rel}': the first one starting after the {ctx.anchor_desc}"
        else:
            period, why = _pick_year(ctx, m, lambda y: periods.season(y, code))
            rule = f"season without a year; {why}"
    if mod:
        period, rule = periods.part(period, mod), f"{rule}; its {mod.lower()} part"
    return _dated(period, rule, mod=mod, absolute=absolute)


def _season_of(date: dt.date) -> Period:
    code = ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[date.month - 1]
    return periods.season(date.year - 1 if date.month < 3 else date.year, code)


def _season_step(anchor: dt.date, code: str, direction: int, current: Period) -> Period:
    candidates = [periods.season(y, code) for y in range(anchor.year - 2, anchor.year + 3)]
    if direction < 0:
        return [p for p in candidates if p.end < current.start][-1]
    return next(p for p in candidates if p.start > current.end)


# --------------------------------------------------------------------------- relative to the anchor


def _relative_day(m: re.Match[str], ctx: Context) -> Found | None:
    return _resolved_once(ctx, ("relative day", *m.group("word", "part")), lambda: _day_from_anchor(m, ctx))


def _day_from_anchor(m: re.Match[str], ctx: Context) -> Found | None:
    word = re.sub(r"\s+", " ", m.group("word").lower())
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2, "this": 0, "last": -1}
    date = ctx.anchor + dt.timedelta(days=offsets[word])
    part = (m.group("part") or "").lower()
    if word == "tonight":
        part = "night"
    if word == "last" and part not in ("night", "evening"):
        return None  # "last morning" is no date
    rule = f"'{word}' counted from the {ctx.anchor_desc}"
    if part:
        value = f"{date.isoformat()}T{PARTS_OF_DAY[part]}"
        return Found("TIME", value, periods.day(date), "time", rule)
    return _dated(periods.day(date), rule)


STORY_DAY = "counted from the story's last day named"
STORY_PERIOD = "counted from the story's last"  # ... "{unit} named"


def _story_period(m: re.Match[str], ctx: Context) -> Found | None:
    """ "that year", "later that month", "the following year": a period of the story, not of the publication.

    The rule counts from the anchor; `find_timexes` then moves it to the last such period the text named.
    """
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    offset = {"that": 0, "the same": 0, "the following": 1, "the previous": -1, "the prior": -1}[rel]
    period = periods.relative(ctx.anchor, unit, offset)
    mod = _mod_of(m.group("mod"))
    return _dated(period, f"{offset:+d} {unit}(s) {STORY_PERIOD} {unit} named (else from the {ctx.anchor_desc})",
                  mod=mod)


#: "in the evening", "during the night": a part of the day a past episode names (`_story_day`).
_PART_OF_DAY_BEFORE = re.compile(r"\b(?:in|during|late\s+in|early\s+in|later\s+in|earlier\s+in)\s+$", re.IGNORECASE)
STORY_PART_OF_DAY = "a part of the day of the story's last past day named"


def _story_day(m: re.Match[str], ctx: Context) -> Found | None:
    """ "that day", "the day before", "the next morning": a day of the story, not of the publication.

    The rule counts from the anchor; `find_timexes` then moves it to the last day the text named before it.
    "In the evening" alone is the evening of the past episode the text tells, if it tells one (else of the
    anchor day): `find_timexes` looks for it only in a past-tense sentence of the same paragraph.
    """
    words = re.sub(r"\s+", " ", m.group("word").lower())
    if words in ("the night", "the morning", "the evening", "the afternoon") and \
            _PART_OF_DAY_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
        part = PARTS_OF_DAY[words.split()[1]]
        return Found("TIME", f"{ctx.anchor.isoformat()}T{part}", periods.day(ctx.anchor), "time",
                     f"{STORY_PART_OF_DAY} (else of the {ctx.anchor_desc})")
    if words in ("the day", "the night", "the morning", "the evening", "the afternoon"):
        return None  # "the day" alone is mostly a noun ("the day of the attack" is cut above; "all the day")
    offset = -1 if re.search(r"\b(?:before|previous|prior|earlier)\b", words) else 1 if re.search(
        r"\b(?:next|following|later|after)\b", words) else 0  # whole words: "that afternoon" is that day
    date = ctx.anchor + dt.timedelta(days=offset)
    part = next((PARTS_OF_DAY[p] for p in PARTS_OF_DAY if re.search(rf"\b{p}\b", words)), None)
    rule = f"{offset:+d} day(s) {STORY_DAY} (else from the {ctx.anchor_desc})"
    if part and part != "NI":
        return Found("TIME", f"{date.isoformat()}T{part}", periods.day(date), "time", rule)
    return _dated(periods.day(date), rule)




def _weekday_of_week(m: re.Match[str], ctx: Context) -> Found:
    """ "Friday of next week": that weekday in the week named."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    offset = {"this": 0, "next": 1, "last": -1, "the following": 1}[rel]
    week = periods.relative(ctx.anchor, "week", offset)
    date = week.start + dt.timedelta(days=WEEKDAYS[m.group("weekday").lower()])
    return _dated(periods.day(date), f"that weekday in '{rel} week' ({week.value}), from the {ctx.anchor_desc}")


_FORWARD_NOUN_CUES = ("ahead of", "upcoming", "forthcoming", "next")


#: "on a Tuesday", "any Monday": some such weekday. Not "a Sunday night vigil" (a modifier) nor "Sept. 7, a
#: Wednesday" or "that's a Wednesday" (the day just named).
_INDEFINITE_BEFORE = re.compile(r"\b(?:[Oo]n\s+a|[Aa]ny)\s+$")


STORY_WEEKDAY = "the day the story named last (a weekday of the story)"


def _weekday(m: re.Match[str], ctx: Context) -> Found | None:
    rel_words = m.group("rel")
    if not rel_words and _INDEFINITE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return Found("DATE", f"XXXX-WXX-{WEEKDAYS[m.group('weekday').lower()] + 1}", None, "vague",
                     "'a Tuesday': some such weekday, no calendar date", span=m.span("weekday"))
    if rel_words and rel_words.lower() not in ("early", "late"):
        tense, possessive = None, False  # the words say which one: no tense read
    else:
        tense, possessive = ctx.tense(m), ctx.text.startswith(("'s ", "’s "), m.end())
    key = ("weekday", m.group(0), m.groups(), None if tense is None else (tense.direction, tense.cue, tense.weak),
           possessive)
    return _resolved_once(ctx, key, lambda: _weekday_in_tense(m, ctx, tense))


def _weekday_in_tense(m: re.Match[str], ctx: Context, tense: Tense | None) -> Found | None:
    weekday = WEEKDAYS[m.group("weekday").lower()]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if rel.startswith("the "):  # "the previous Friday", "the following Monday": next to the story's own day
        direction = 1 if rel.endswith("following") else -1
        date = _weekday_from(ctx.anchor, weekday, direction, strictly=True)
        side = "after" if direction > 0 else "before"
        why = f"'{rel}': the first one {side} {STORY_WEEKDAY} (else the {ctx.anchor_desc})"
    elif rel == "last" or rel == "past":
        date = _weekday_from(ctx.anchor, weekday, -1, strictly=True)
        why = f"'{rel}': the latest one before the {ctx.anchor_desc}"
    elif rel in ("next", "coming"):
        date = _weekday_from(ctx.anchor, weekday, +1, strictly=True)
        why = f"'{rel}': the first one after the {ctx.anchor_desc}"
    elif rel == "this":
        date = periods.week(ctx.anchor).start + dt.timedelta(days=weekday)
        why = f"'this': the one in the anchor's week ({ctx.anchor_desc})"
    else:
        tense = tense or ctx.tense(m)
        if tense.direction == "future" and ctx.text.startswith(("'s ", "’s "), m.end()) and \
                tense.cue.lower() not in _FORWARD_NOUN_CUES:
            tense = Tense("past", f"{m.group(0)}'s", 0)  # "get around Wednesday's ruling": a decision already made
        if tense.weak:
            date = _coming_or_just_past(ctx.anchor, weekday)
            why = f"{tense.describe()}: the coming one unless one or two days before the {ctx.anchor_desc}"
        elif tense.direction == "future":
            date = _weekday_from(ctx.anchor, weekday, +1)
            why = f"{tense.describe()}: the first one on or after the {ctx.anchor_desc}"
        else:
            date = _weekday_from(ctx.anchor, weekday, -1)
            why = f"{tense.describe()}: the latest one on or before the {ctx.anchor_desc}"
    part = (m.group("part") or "").lower()
    rule = why
    if part:
        return Found("TIME", f"{date.isoformat()}T{PARTS_OF_DAY[part]}", periods.day(date), "time", rule)
    mod = _mod_of(rel) if rel in ("early", "late") else None
    return _dated(periods.day(date), rule, mod=mod)


@functools.lru_cache(maxsize=1024)  # pure, and a long text asks the same few again and again
def _weekday_from(anchor: dt.date, weekday: int, direction: int, strictly: bool = False) -> dt.date:
    """The first such weekday on or after ``anchor`` (``direction`` +1) or on or before it (-1); ``strictly``
    skips the anchor itself ("next Friday" said on a Friday). Plain arithmetic: `relativedelta` costs more."""
    start = anchor + dt.timedelta(days=direction) if strictly else anchor
    return start + dt.timedelta(days=((weekday - start.weekday()) * direction) % 7 * direction)


def _coming_or_just_past(anchor: dt.date, weekday: int) -> dt.date:
    """The coming one of that weekday, unless it was one or two days ago: a present tense ("arrives
    Wednesday", "expires Monday") mostly names a day ahead, but a story dated the morning after names yesterday."""
    ahead = (weekday - anchor.weekday()) % 7
    return anchor + dt.timedelta(days=ahead if ahead <= 4 else ahead - 7)


_REL_OFFSETS = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
                "following": 1, "upcoming": 1}


_SPAN_RELS = {"decade": ("past", "coming", "next", "following", "upcoming"),
              "century": ("past", "coming", "next", "following", "upcoming", "this", "current")}


def _relative_period(m: re.Match[str], ctx: Context) -> Found | None:
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if unit in SEASON_CODES:
        return None  # seasons have their own rule
    mod_words = m.group("mod")
    offset = _REL_OFFSETS[rel]
    if unit == "weekend":
        return _weekend(ctx, m, rel)
    period = periods.relative(ctx.anchor, unit, offset)
    rule = f"'{rel} {unit}': the {unit} " + {0: "containing", -1: "before the one containing",
                                               1: "after the one containing"}[offset] + f" the {ctx.anchor_desc}"
    mod = _mod_of(mod_words)
    if mod_words and re.search(r"earlier|later|rest", mod_words, re.I):
        period, rule = _before_or_after_anchor(period, mod, ctx, rule)
    elif mod:
        period, rule = periods.part(period, mod), f"{rule}; its {mod.lower()} part"
    elif unit in ("decade", "century") and rel in _SPAN_RELS[unit]:
        # TimeML: "the past decade", "the coming decade", "this century" measure a span (P10Y, P100Y)
        return Found("DURATION", _duration_value(1, unit), period, period.granularity,
                     f"a duration; the period it spans: {rule}")
    return _dated(period, rule, mod=mod)


def _weekend(ctx: Context, m: re.Match[str], rel: str) -> Found:
    this = periods.weekend(ctx.anchor)  # the Saturday and Sunday of the anchor's ISO week
    on_it = this.start <= ctx.anchor
    if rel in ("this", "current"):
        period, why = this, "the one of the anchor's week"
    elif rel in ("last", "past", "previous"):
        period, why = periods.weekend(ctx.anchor - dt.timedelta(days=7)), "the one before the anchor's week's"
    elif rel in ("next", "coming", "following", "upcoming"):
        period = periods.weekend(ctx.anchor + dt.timedelta(days=7)) if on_it else this
        why = "the first one starting after the anchor"
    elif on_it:
        period, why = this, "the anchor falls on it"
    else:  # "the weekend", by tense
        tense = ctx.tense(m)
        last = periods.weekend(ctx.anchor - dt.timedelta(days=7))
        if tense.weak and (ctx.anchor - last.end).days < (this.start - ctx.anchor).days:
            period, why = last, f"{tense.describe()}: the nearest, the last one"
        elif tense.direction == "future":
            period, why = this, f"{tense.describe()}: the coming one"
        else:
            period, why = periods.weekend(ctx.anchor - dt.timedelta(days=7)), f"{tense.describe()}: the last one"
    return _dated(period, f"{why} ({ctx.anchor_desc})")


@functools.lru_cache(maxsize=4096)
def _shifted(anchor: dt.date, unit: str, steps: int) -> Period:
    """The ``unit`` containing the day ``steps`` units from the anchor ("two weeks ago": the week of anchor - 14)."""
    return periods.containing(anchor + periods.STEP[unit] * steps, unit)


def _ago(m: re.Match[str], ctx: Context) -> Found | None:
    """ "three days ago" is a date; "ten years from now", "a week earlier" are durations (TimeML's DURATION).

    "from now"/"hence" keep the point they imply (counted from the anchor) as their range, so the
    event table can still place them; "earlier"/"later" count from the narrative's own time, which is
    not the anchor, so they keep none. "a year earlier" beside a quarterly report is that quarter a year back.
    """
    return _resolved_once(ctx, ("ago", *m.group("num", "unit", "dir")), lambda: _counted_from_anchor(m, ctx))


def _counted_from_anchor(m: re.Match[str], ctx: Context) -> Found | None:
    amount = _number(m.group("num"))
    unit = _unit(m.group("unit"))
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    duration = _duration_value(amount, unit)
    if amount is None or amount != int(amount) or unit not in periods.STEP or amount > 10_000:
        return _undated("DURATION", duration, unit, "a vague span: no calendar date")
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if unit == "year" and amount == 1 and sign < 0 and ctx.reporting_quarter:
        quarter, why = ctx.reporting_quarter
        return _dated(periods.quarter(quarter.start.year - 1, int(quarter.value[-1])), f"a year before {why}")
    if direction in ("earlier", "later") and not (unit == "year" and amount == 1):
        return _undated("DURATION", duration, unit, f"'{direction}' counts from the story's own time, not the "
                        "anchor: a duration")
    period = _shifted(ctx.anchor, unit, sign * int(amount))
    rule = f"{amount:g} {unit}(s) {direction}, counted from the {ctx.anchor_desc}"
    if sign > 0:
        return Found("DURATION", duration, period, period.granularity, f"a duration; the point it implies: {rule}")
    return _dated(period, rule)


STORY_TOLD = "counted back from the past day the story named last"


def _told_after(m: re.Match[str], ctx: Context) -> Found | None:
    """ "The vote comes one day after GM workers ratified their deal": a duration (TimeML's DURATION), whose
    point is the happening after "after", counted back from the telling's now, the anchor: a present "comes",
    "follows" or "arrives" says the happening it is measured from is now. ("came a day after" counts from a
    past moment the sentence does not date: no point.)"""
    amount = _number(m.group("num"))
    unit = _unit(m.group("unit"))
    if amount is None or amount != int(amount) or unit not in periods.STEP or amount > 1000:
        return None
    sign = -1 if m.group("dir").lower() == "after" else 1
    if m.group("verb").lower() in ("came", "followed", "arrived"):
        if unit != "day":
            return Found("DURATION", _duration_value(amount, unit), None, unit,
                         f"a duration: '{m.group('verb').lower()}' counts from a past moment",
                         span=(m.start("num"), m.end("units")))
        # the past moment is the story's own: `find_timexes` counts the days from the last past day named
        date = ctx.anchor + dt.timedelta(days=sign * int(amount))
        return Found("DURATION", _duration_value(amount, unit), periods.day(date), "day",
                     f"a duration; the point it implies: '{m.group('verb').lower()} {amount:g} day(s) "
                     f"{m.group('dir').lower()}' what it names, {STORY_TOLD}", span=(m.start("num"), m.end("units")))
    period = _shifted(ctx.anchor, unit, sign * int(amount))
    return Found("DURATION", _duration_value(amount, unit), period, period.granularity,
                 f"a duration; the point it implies: '{m.group('verb').lower()} {amount:g} {unit}(s) "
                 f"{m.group('dir').lower()}' what it names, counted from the {ctx.anchor_desc}",
                 span=(m.start("num"), m.end("units")))


def _told_days_after(m: re.Match[str], ctx: Context) -> Found:
    """ "The deal comes days after Ford reached its own": a duration of a few days (TimeML's PXD), whose point is
    a few days (two to six) before the telling's now, the anchor, as a range: the happening is somewhere in it."""
    sign = -1 if m.group("dir").lower() == "after" else 1
    near, far = ctx.anchor + dt.timedelta(days=2 * sign), ctx.anchor + dt.timedelta(days=6 * sign)
    period = periods.Period("PXD", min(near, far), max(near, far), "week")
    return Found("DURATION", "PXD", period, "week",
                 f"a duration of a few days; the point it implies: '{m.group('verb').lower()} days "
                 f"{m.group('dir').lower()}' what it names, two to six days from the {ctx.anchor_desc}",
                 span=(m.start("units"), m.end("units")))


#: "the first agreement in 16 years", "the biggest strike in 25 years": the span runs back from now, a duration.
_RECORD_BEFORE = re.compile(
    r"\b(?:first|last|only|record|most|least|worst|best|[a-z]{2,}est)\b(?P<gap>(?:\s+[\w'’-]+){0,6}?)\s+$",
    re.IGNORECASE)
_PLAN_VERB = re.compile(r"\b(?:will|would|shall|be|been|is|are|was|were|to|\w+ed)\b", re.IGNORECASE)


def _in_n_units(m: re.Match[str], ctx: Context) -> Found | None:
    """ "in two weeks": a duration (TimeML's DURATION, "in" outside), whose range is the point it implies
    when the sentence looks forward, so the event table can place it.

    After a record word with no verb between ("the first agreement in 16 years") it measures back: no point.
    """
    amount = _number(m.group("num"))
    unit = _unit(m.group("unit"))
    tense = ctx.tense(m)
    if amount is None or amount != int(amount) or unit not in periods.STEP or (tense.direction == "past" and tense.cue):
        return None  # a past-tense sentence: a plain duration ("sales rose 5% in 90 days")
    record = _RECORD_BEFORE.search(ctx.text, max(0, m.start() - 80), m.start())
    if record and not _PLAN_VERB.search(record.group("gap")):
        return None
    period = _shifted(ctx.anchor, unit, int(amount))
    return Found("DURATION", _duration_value(amount, unit), period, period.granularity,
                 f"a duration; the point it implies: 'in {amount:g} {unit}(s)' in a future-tense sentence, "
                 f"from the {ctx.anchor_desc}", span=(m.start("num"), m.end()))


def _holiday(m: re.Match[str], ctx: Context) -> Found | None:
    name = re.sub(r"\s+", " ", m.group("holiday").lower()).replace("’", "'")
    year = m.group("year")

    def make(y: int) -> Period:
        return periods.day(_holiday_date(name, y))

    if year:
        return _dated(make(int(year)), f"{name} of the year written", absolute=True)
    period, why = _pick_year(ctx, m, make)
    return _dated(period, f"holiday '{name}'; {why}")


def _holiday_date(name: str, year: int) -> dt.date:
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
             "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11)}
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name in ("easter", "easter sunday"):
        return easter(year)
    if name == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if name in ("thanksgiving", "thanksgiving day"):
        return dt.date(year, 11, 1) + relativedelta(weekday=TH(4))
    if name == "labor day":
        return dt.date(year, 9, 1) + relativedelta(weekday=MO(1))
    if name == "memorial day":
        return dt.date(year, 5, 31) + relativedelta(weekday=MO(-1))
    if name == "election day":
        return dt.date(year, 11, 2) + relativedelta(weekday=TU(1))
    raise KeyError(name)


# --------------------------------------------------------------------------- times of day


_CLOCK_PREPOSITION_BEFORE = re.compile(r"\b(?:at|by|until|till|to|from|before|after|around|about|since|past)\s+$",
                                       re.IGNORECASE)


def _clock_time_in_words(m: re.Match[str], ctx: Context) -> Found | None:
    """ "at 4 in the morning", "by ten at night", "at five o'clock": a clock time like "4 a.m.", on the day its
    sentence names (else the anchor day). "o'clock" alone names no half of the day: the hour is read as written.
    Only after a preposition of time: "shares fell 3 in the afternoon" is a number."""
    if not _CLOCK_PREPOSITION_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None
    words = (m.group("hour") or m.group("hour2")).lower()
    hour = int(words) if words.isdigit() else NUMBERS[words]
    part = (m.group("part") or m.group("night") or "").lower()
    if (part in ("afternoon", "evening") and hour < 12) or (part == "night" and 6 <= hour < 12):
        hour += 12
    elif part == "morning" and hour == 12:
        hour = 0
    elif part == "night" and hour == 12:
        hour = 24
    minute = int(m.group("minute") or 0)
    return Found("TIME", f"{ctx.anchor.isoformat()}T{hour:02d}:{minute:02d}", periods.day(ctx.anchor), "time",
                 f"time of day in words: {ON_ANCHOR_DAY}")


def _time_of_day(m: re.Match[str], ctx: Context) -> Found:
    """ "late morning", "mid-afternoon yesterday", "mid-day": TimeML's part-of-day TIME (2019-07-11TMO), on the day
    written beside it, else on the anchor day, which `find_timexes` then moves to the day its sentence names."""
    part = PARTS_OF_DAY[m.group("part").lower()] if m.group("part") else "MI"
    day_ref = (m.group("dayref") or "").lower()
    date = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day_ref, 0))
    why = f"on {day_ref}, counted from the {ctx.anchor_desc}" if day_ref else ON_ANCHOR_DAY
    mod = {"early": "START", "late": "END"}.get((m.group("mod") or "").lower())
    return Found("TIME", f"{date.isoformat()}T{part}", periods.day(date), "time", f"part of the day {why}", mod)



ON_ANCHOR_DAY = "on the anchor day"


def _clock_time(m: re.Match[str], ctx: Context) -> Found | None:
    day_ref = (m.group("dayref") or "").lower()
    tense = ctx.tense(m) if day_ref in WEEKDAYS else None
    key = ("clock time", m.group(0), m.groups(), None if tense is None else (tense.direction, tense.cue, tense.weak))
    return _resolved_once(ctx, key, lambda: _clock_time_in_tense(m, ctx, tense))


def _clock_time_in_tense(m: re.Match[str], ctx: Context, tense: Tense | None) -> Found | None:
    g = m.groupdict()  # one call: a long list of clock times asks for many groups each
    hour24 = g["hour24"] or g["hour24b"]
    words = (g["clock2"] or "").lower()
    if hour24:
        hour, minute = int(hour24), int(g["minute24"] or g["minute24b"])
    elif words in ("noon", "midday"):
        hour, minute = 12, 0
    elif words == "midnight":
        hour, minute = 24, 0
    else:
        hour, minute = int(g["hour"]), int(g["minute"] or 0)
        if hour > 12:
            return None
        hour = hour % 12 + (12 if g["ampm"][0] in "pP" else 0)
    day_ref = (g["dayref"] or "").lower()
    if day_ref in WEEKDAYS:
        tense = tense or ctx.tense(m)
        date = _coming_or_just_past(ctx.anchor, WEEKDAYS[day_ref]) if tense.weak else \
            _weekday_from(ctx.anchor, WEEKDAYS[day_ref], +1 if tense.direction == "future" else -1)
        why = f"on {day_ref.title()}, {tense.describe()}" + (": the coming one unless just past" if tense.weak else "")
    else:
        date = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day_ref, 0))
        why = f"on {day_ref}" if day_ref else ON_ANCHOR_DAY
    second = g["second"] or g["second24"]  # "10:35:12 a.m.": TimeML keeps the seconds
    clock = "24:00" if hour == 24 else f"{hour:02d}:{minute:02d}" + (f":{second}" if second else "")
    return Found("TIME", f"{date.isoformat()}T{clock}", periods.day(date), "time",
                  f"time of day {why} ({ctx.anchor_desc})")


# --------------------------------------------------------------------------- durations, sets, references


_NOT_DURATION_BEFORE = re.compile(r"(?:\b(?:per|a|an|each|every)\s*|[$€£]\s*\d[\d,.]*\s*)$", re.IGNORECASE)
_RATE_CONTEXT = re.compile(
    r"(?:\d[\d,.]*%?|\b(?:times|once|twice|dollars|euros|cents|pounds|percent|cup|coffee|"
    r"[a-z]+s))\s+$", re.IGNORECASE)
_DURATION_PREPOSITIONS = re.compile(
    r"\b(?:for|in|within|about|nearly|over|than|after|before|least|only|just|of|last|past|next|the|"
    r"almost|around|some|up to|during|take|took|takes|spent|spend|lasted|last|another)\s+$", re.IGNORECASE)


_OF_AFTER = re.compile(r"\s+of\b")
_VAGUE_ONLY = re.compile(_VAGUE, re.IGNORECASE)
_PUNCTUATION_AFTER = re.compile(r"\s*[.,;)]")
_MONEY_BEFORE = re.compile(r"(?:[$€£]\s*\d[\d,.]*|\d\s*(?:million|billion|percent|%))\s*(?:\w+\s+){0,3}$")
_DIGITS = re.compile(r"\d+(\.\d+)?")
_CURRENCY_BEFORE = re.compile(r"[$€£]\s*$|\d[.,]$")


_APPROX_MODS = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
                "some": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS", "less than": "LESS_THAN",
                "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
                "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS"}


def _duration(m: re.Match[str], ctx: Context) -> Found | None:
    the, rel, approx, num_words, unit_word, old, more = m.group("the", "rel", "approx", "num", "unit", "old", "more")
    if old:
        return None  # an age ("a 6-year-old"), not a time expression
    if unit_word.lower().startswith("quarter") and _OF_AFTER.match(ctx.text, m.end(), m.end() + 5):
        return None  # "three-quarters of its food"
    unit = _unit(unit_word)
    article = num_words.lower() in ("a", "an")
    if article and unit_word.lower().endswith("s"):
        return None  # "a days-long strike": the article counts nothing (the adjective is a rule of its own)
    amount = None if _VAGUE_ONLY.fullmatch(num_words) else _number(num_words)
    before = ctx.text[max(0, m.start() - 30):m.start()]
    if article and not rel and not approx:
        if unit in ("second", "minute") and not _PUNCTUATION_AFTER.match(ctx.text, m.end(), m.end() + 8):
            return None  # "a second term"
        if _MONEY_BEFORE.search(before):
            return None  # money per period: a rate, not a time expression
        if _RATE_CONTEXT.search(before) and not _DURATION_PREPOSITIONS.search(before):
            return _undated("SET", f"P1{UNITS[unit][0]}" if not UNITS[unit][1] else f"PT1{UNITS[unit][0]}",
                            unit, "a rate ('... a month'): a set, no calendar date")
    if amount is not None and amount > 5000 and _DIGITS.fullmatch(num_words):
        return None
    if _CURRENCY_BEFORE.search(before):
        return None
    mod = None
    approx = (approx or "").lower()
    if approx:
        mod = _APPROX_MODS.get(re.sub(r"\s+", " ", approx))
    if more:
        mod = "EQUAL_OR_MORE"
    # TimeBank leaves "about"/"around" ("about two weeks") and the article of an adjective ("the two-week")
    # outside, and keeps "nearly", "almost", "a mere" inside
    start = m.start("num") if approx in ("about", "around") else m.start()
    if the and not rel and "-" in ctx.text[m.start("num"):m.end("unit")]:
        start = m.start("num")
    return Found("DURATION", _duration_value(amount, unit), None, unit,
                 "a duration: it measures time, it names no calendar date", mod, span=(start, m.end()))


_NOT_A_SPAN_AROUND = re.compile(r"\s*(?:[AaPp]\.?[Mm]\b|[A-Z]{1,4}T\b|UTC\b|Z\b)")  # a.m., EDT, GMT, UTC


def _race_time(m: re.Match[str], ctx: Context) -> Found | None:
    """ "won in 2:22:47": hours, minutes and seconds of a race or a flight, a duration (a clock time with
    seconds carries a.m./p.m. or a zone, and is left to the clock-time rule)."""
    if (m.start() and ctx.text[m.start() - 1] in "0123456789:.,") or _NOT_A_SPAN_AROUND.match(ctx.text, m.end()):
        return None
    hours, minutes, seconds = int(m.group("h")), int(m.group("m")), int(m.group("s"))
    value = "PT" + "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return _undated("DURATION", value if value != "PT" else "PT0S", "second", "a time in hours:minutes:seconds")


def _bare_plural(m: re.Match[str], ctx: Context) -> Found:
    """ "for years", "within days", "months later": the unit alone (the preposition stays outside)."""
    if m.group("long"):  # "a days-long strike" (the article counts nothing), "a day-long meeting": the adjective
        word = m.group("long").lower()
        unit = _unit(word)
        found = _undated("DURATION", _duration_value(None if word.endswith("s") else 1, unit), unit,
                         "a duration as an adjective ('days-long'): no calendar date")
        return Found(**{**found.__dict__, "span": m.span()})
    group = "unit" if m.group("unit") else "unit2"
    unit = _unit(m.group(group))
    found = _undated("DURATION", _duration_value(None, unit), unit, "an unmeasured duration: no calendar date")
    return Found(**{**found.__dict__, "span": m.span(group)})


def _set(m: re.Match[str], ctx: Context) -> Found | None:
    word = m.group(0).lower()
    if word in SET_WORDS:
        return _undated("SET", SET_WORDS[word], "set", "a repetition: no single calendar date")
    target = (m.group("weekdays") or m.group("target") or "").lower().rstrip("s")  # "on Mondays": every Monday
    if target in WEEKDAYS:
        return _undated("SET", f"XXXX-WXX-{WEEKDAYS[target] + 1}", "set", "every such weekday: a repetition")
    if target in PARTS_OF_DAY:
        return _undated("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[target]}", "set", "every such part of a day: a repetition")
    if target in SEASON_CODES:
        return _undated("SET", f"XXXX-{SEASON_CODES[target]}", "set", "every such season: a repetition")
    if target in MONTHS and len(target) > 3:
        return _undated("SET", f"XXXX-{MONTHS[target]:02d}", "set", "every such month: a repetition")
    unit = _unit(target)
    amount = _number(m.group("num")) if m.group("num") else 1
    if unit not in UNITS:
        return None
    return _undated("SET", _duration_value(amount, unit), "set", "a repetition: no single calendar date")


def _reference(m: re.Match[str], ctx: Context) -> Found | None:
    words = re.sub(r"\s+", " ", m.group(0).lower())
    if words == "current" and not re.match(r"\s+[a-z]", ctx.text[m.end():m.end() + 3]):
        return None  # "current" is an adjective here, or an electric current
    value = REFERENCES[words]
    return _undated("DATE", value, "vague", f"a vague reference ({value}): no calendar range")


def _recent_units(m: re.Match[str], ctx: Context) -> Found:
    value = "FUTURE_REF" if m.group("rel").lower() in ("coming", "next few") else "PAST_REF"
    return _undated("DATE", value, "vague", f"a vague reference ({value}): no calendar range")


def _this_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    """ "the quarter", "the latest quarter": the reported quarter, else the last one completed."""
    if ctx.reporting_quarter:
        period, why = ctx.reporting_quarter
        if m.group("year"):  # "the 1988 quarter": the reported quarter of that year
            year = int(m.group("year"))
            return _dated(periods.quarter(year, int(period.value[-1])), f"{why}, in {year}", absolute=True)
        return _dated(period, why)
    if m.group("year"):
        return None
    if not re.search(r"latest|most\s+recent", m.group(0), re.I) and not ctx.results_report:
        return None  # "scored 10 points in the quarter": a game's quarter, no calendar one
    period = periods.relative(ctx.anchor, "quarter", -1)
    why = "" if re.search(r"latest|most\s+recent", m.group(0), re.I) else " (a results report naming no quarter)"
    return _dated(period, f"the last quarter completed before the {ctx.anchor_desc}{why}")


def _year_ago(m: re.Match[str], ctx: Context) -> Found:
    if m.group("ord"):  # "the year-ago third quarter": that quarter, a year before the one just reported or ended
        number = ORDINALS[m.group("ord").lower()]
        latest = [p for p in (periods.quarter(y, number) for y in (ctx.anchor.year - 1, ctx.anchor.year))
                  if p.start <= ctx.anchor][-1]
        return _dated(periods.quarter(latest.start.year - 1, number),
                      f"a year before the latest {m.group('ord').lower()} quarter to start by the {ctx.anchor_desc}")
    if ctx.reporting_quarter and not re.search(r"year\s*$", m.group(0)):
        quarter, why = ctx.reporting_quarter
        return _dated(periods.quarter(quarter.start.year - 1, int(quarter.value[-1])), f"a year before {why}")
    return _dated(periods.year(ctx.anchor.year - 1), f"the year before the {ctx.anchor_desc}")


_QUARTERLY = re.compile(r"\bquarter(?:ly|s)?\b|\bQ[1-4]\b", re.IGNORECASE)


def _same_period_last_year(m: re.Match[str], ctx: Context) -> Found | None:
    """ "the same period last year", "last year's quarter" in a quarterly report: the reported quarter a year back
    (the last quarter completed before the anchor when the text names none). Elsewhere no reading of its own."""
    if ctx.reporting_quarter:
        quarter, why = ctx.reporting_quarter
    elif _QUARTERLY.search(ctx.text):
        quarter = periods.relative(ctx.anchor, "quarter", -1)
        why = f"the last quarter completed before the {ctx.anchor_desc} (a quarterly report naming none)"
    else:
        return None
    return _dated(periods.quarter(quarter.start.year - 1, int(quarter.value[-1])), f"a year before {why}")


def _year_end(m: re.Match[str], ctx: Context) -> Found:
    period = periods.part(periods.year(ctx.anchor.year), "END")
    return _dated(period, f"the end of the {ctx.anchor_desc}'s year", mod="END")


# --------------------------------------------------------------------------- spellings that share a resolver


def _decade_fix(m: re.Match[str], ctx: Context) -> Found:
    return _decade(_GroupAlias(m, decade=m.group("decade") or m.group("short")), ctx)


def _quarter_fix(m: re.Match[str], ctx: Context) -> Found:
    return _quarter(_GroupAlias(m, year=m.group("year") or m.group("year3")), ctx)


def _season_guard(m: re.Match[str], ctx: Context) -> Found | None:
    word = m.group("season")
    if word[0].isupper() and not m.group("year") and re.match(r"\s+[A-Z][a-z]", ctx.text[m.end():m.end() + 3]):
        return None  # a name: "the Spring Hill plant", "Fall River", "Summer Street"
    has_context = m.group("rel") or m.group("year") or m.group("mod") or m.group(0).lower().startswith("the ")
    if not has_context or (word.lower() == "fall" and not (m.group("rel") or m.group("year")) and
                           not re.match(r"\s+(?:of|season)\b|[.,;]", ctx.text[m.end():m.end() + 8])):
        return None  # "prices fall", a bare "summer"
    return _season(m, ctx)


class _GroupAlias:
    """A match with some groups renamed, so one resolver serves several spellings."""

    def __init__(self, match: re.Match[str], **groups: str | None) -> None:
        self._match, self._groups = match, groups

    def group(self, name: str | int = 0) -> str | None:
        if isinstance(name, str) and name in self._groups:
            return self._groups[name]
        return self._match.group(name)

    def start(self, name: str | int = 0) -> int:
        return self._match.start(name)

    def end(self, name: str | int = 0) -> int:
        return self._match.end(name)


# --------------------------------------------------------------------------- the rule table


@dataclass(frozen=True)
class Rule:
    """A pattern and its resolver. ``trigger`` names the words one of which every match contains:
    the pattern only runs on windows around them, which keeps long texts fast."""

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Context], Found | None]
    trigger: frozenset[str] | None = None
    reach: tuple[int, int] = (80, 60)  # the farthest a match reaches before and after its trigger word
    also: frozenset[str] | None = None  # words one of which every match contains besides its trigger word
    folded: re.Pattern[str] | None = None  # the pattern, case-sensitive, for the case-folded text (`_case_folded`)

    def matches(self, text: str, words: WordIndex) -> Iterator[re.Match[str]]:
        if self.trigger is None:
            yield from self.pattern.finditer(text)
            return
        windows = words.windows(self.trigger, self.reach, self.also)
        if self.folded is None:
            for start, end in windows:
                yield from self.pattern.finditer(text, start, end)
            return
        # Found on the folded copy (the same matches at the same offsets, two to three times faster without
        # IGNORECASE), then matched again where found, on the text itself: resolvers read its own letters.
        folded, rematch = words.folded(text), self.pattern.match
        if folded is text:  # nothing to fold (a lower-case text): the folded pattern's matches are the pattern's own
            for start, end in windows:
                yield from self.folded.finditer(text, start, end)
            return
        for start, end in windows:
            for found in self.folded.finditer(folded, start, end):
                yield rematch(text, found.start(), end)


#: ASCII capitals to lower case, and the four letters outside ASCII that IGNORECASE matches to an ASCII letter
#: (Kelvin sign, long s, dotted and dotless I): one character for one, so offsets stay the same.
_FOLD = str.maketrans({**{u: u.lower() for u in string.ascii_uppercase},
                       "\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i"})
_GROUP_NAME = re.compile(r"\(\?P[<=][^>)]*[>)]")


def _case_folded(pattern: str) -> str | None:
    """``pattern`` with its ASCII letters in lower case, for a case-sensitive scan of the `_FOLD`-ed text that
    finds what ``pattern`` with IGNORECASE finds in the text; None where that is not sure (an inline flag
    turning case back on, a character given by its code)."""
    if "(?-i" in pattern or re.search(r"\\[xuUN0-7]", pattern):
        return None
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])  # an escape (\b, \S, \W, \D...) keeps its letter
            i += 2
        elif group := _GROUP_NAME.match(pattern, i):
            out.append(group.group(0))  # a group's name stays as the resolvers ask for it
            i = group.end()
        else:
            out.append(pattern[i].translate(_FOLD) if pattern[i].isascii() else pattern[i])
            i += 1
    return "".join(out)


class WordIndex:
    """Where each trigger word of a text stands, lower-cased; years as ``#year``, "1990s" as ``#decade``.

    One Aho-Corasick pass (pyahocorasick) over a copy of the text with letters lower-cased, digits
    as ``#`` and everything else a space: the Python loop visits only the trigger words, never every word.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.at: dict[str, list[int]] = {}
        padded = " " + _NON_ASCII.sub(" ", text.translate(_WORD_SHAPE)) + " "  # "Friday’s": ’ ends the word too
        at = self.at
        for end, (key, size) in _trigger_automaton().iter(padded):
            if key in at:
                at[key].append(end - size - 1)  # the word's start in ``text``
            else:
                at[key] = [end - size - 1]
        self._cache: dict[tuple[frozenset[str], tuple[int, int]], list[tuple[int, int]]] = {}
        self._folded: str | None = None

    def folded(self, text: str) -> str:
        """``text`` through `_FOLD`, made once (``text`` is the text this index was built from); ``text`` itself
        when folding changes nothing."""
        if self._folded is None:
            folded = text.translate(_FOLD)
            self._folded = text if folded == text else folded
        return self._folded

    def windows(self, trigger: frozenset[str], reach: tuple[int, int] = (80, 60),
                also: frozenset[str] | None = None) -> list[tuple[int, int]]:
        """The stretches of text around the trigger's words (``reach`` characters before and after),
        overlapping ones merged; with ``also``, only around those that have one of its words within reach
        (a match holds both: a text full of years alone then runs no full-date pattern)."""
        key = (trigger, reach, also)
        if key not in self._cache:
            found = [self.at[word] for word in trigger if word in self.at]
            if not found:  # most rules' words are absent from most texts: no array work for them
                self._cache[key] = []
                return self._cache[key]
            before, after = reach
            if also is None and len(found) == 1 and len(found[0]) <= 8:  # a few hits: plain Python is quicker
                merged: list[tuple[int, int]] = []
                for hit in found[0]:  # one word's positions come in text order
                    start, end = max(hit - before, 0), min(hit + after, self.length)
                    if merged and start <= merged[-1][1]:
                        merged[-1] = (merged[-1][0], end)
                    else:
                        merged.append((start, end))
                self._cache[key] = merged
                return merged
            # numpy does per array what a loop would do per word: a text dense with dates holds tens of thousands
            hits = self._positions(trigger)
            if also is not None:
                others = self._positions(also)
                # one of ``also`` starts in [hit - before, hit + after - 1]
                hits = hits[np.searchsorted(others, hits + (after - 1), "right") >
                            np.searchsorted(others, hits - before, "left")]
            starts, ends = np.maximum(hits - before, 0), np.minimum(hits + after, self.length)
            # ends grow with hits: a window ends where the next one starts past its end
            cuts = np.flatnonzero(starts[1:] > ends[:-1]) + 1
            firsts = np.concatenate(([0], cuts)) if len(hits) else cuts
            lasts = np.concatenate((cuts - 1, [len(hits) - 1])) if len(hits) else cuts
            self._cache[key] = list(zip(starts[firsts].tolist(), ends[lasts].tolist(), strict=True))
        return self._cache[key]

    def _positions(self, words: frozenset[str]) -> np.ndarray:
        """The sorted start positions of ``words`` in the text, as an int64 array."""
        found = [self.at[word] for word in words if word in self.at]
        if not found:
            return np.empty(0, dtype=np.int64)
        return np.sort(np.concatenate([np.asarray(positions, dtype=np.int64) for positions in found]))


_UNIT_WORDS = "second minute hour day night week weekend fortnight month quarter year decade century centuries"
_UNIT_WORDS += " " + " ".join(w + "s" for w in _UNIT_WORDS.split())
_MONTH_WORDS = " ".join(MONTHS) + " sept"
_FUNCTION_WORDS = {"the", "in", "at", "one", "a", "as", "of", "to"}  # every phrase has a rarer word to trigger on
_TRIGGERS: dict[str, str] = {
    # a full date holds a year: its digits are rarer than month names, so they trigger it
    "full date (month day, year)": "#year", "full date (day month year)": "#year",
    "numeric date": "#year", "month and day": _MONTH_WORDS, "month": _MONTH_WORDS,
    "month and year": "#year sixteen seventeen eighteen nineteen thousand",
    "year": "#year", "year range": "#year", "year range end": "#year", "the year N": "year",
    "year in words": "sixteen seventeen eighteen nineteen thousand",
    "decade": "#decade", "decade in words": " ".join(DECADE_WORDS), "century": "century", "quarter": "quarter q",
    "half year": "half", "season": "spring summer fall autumn winter",
    "relative period": "week weekend month year quarter decade century", "reported quarter": "quarter period",
    "year-ago period": "ago earlier", "year end": "year end", "same period last year": "period quarter",
    "the weekend": "weekend",
    "relative day": "today tonight yesterday tomorrow", "part of day": "morning afternoon evening night",
    "end of the period": "end beginning start middle rest",
    "day of the story": "day night morning evening afternoon", "period of the story": "year month week",
    "year ended": "year", "the full year": "full", "the year": "year",
    "part of the story's day": "morning afternoon evening night",
    "weekday of a week": "week",
    "weekday": "monday tuesday wednesday thursday friday saturday sunday",
    "ago": "ago earlier later hence now", "told after": "comes follows arrives came followed arrived",
    "told days after": "comes follows arrives",
    "in N units": _UNIT_WORDS,
    "holiday": "christmas year thanksgiving easter good independence halloween valentine labor memorial election "
               "veterans",
    "clock time": "m am pm noon midnight midday at h hrs gmt utc cet cest bst edt est cdt cst pdt pst mdt mst et "
                  "pt ct mt eet eest wet west msk ist jst aest aedt z",
    "duration": _UNIT_WORDS, "unmeasured duration": _UNIT_WORDS,
    "set": "every each " + " ".join(SET_WORDS) + " " + " ".join(f"{day}s" for day in FULL_WEEKDAYS),
    "recent units": "recent coming few",
    "at the time": "time", "race time": "#hms", "clock time in words": "morning afternoon evening night clock",
    "time of day": "morning afternoon evening day midafternoon "
                                                                     "midmorning midevening",
    "vague reference": " ".join({w for phrase in REFERENCES for w in phrase.split()} - _FUNCTION_WORDS),
}


#: A second word set every match of a rule holds (`Rule.also`): its windows are only around trigger words that
#: have one of these within reach. "#day" is a number of one or two digits, with or without "st", "nd", "rd", "th".
_ALSO: dict[str, str] = {
    "full date (month day, year)": _MONTH_WORDS, "full date (day month year)": _MONTH_WORDS,
    "month and year": _MONTH_WORDS, "month and day": "#day", "numeric date": "#day", "year-ago period": "year",
    "in N units": "in",
}


TRIGGER_WORDS = frozenset(w for words in (*_TRIGGERS.values(), *_ALSO.values()) for w in words.split()
                          if not w.startswith("#"))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")  # curly quotes, dashes, no-break spaces: rare, so one cheap pass
_WORD_SHAPE = str.maketrans({**{chr(c): " " for c in range(128) if not chr(c).isalnum()},
                             **{d: "#" for d in "0123456789"}, **{u: u.lower() for u in string.ascii_uppercase}})


@functools.cache
def _trigger_automaton() -> ahocorasick.Automaton:
    """Trigger words between spaces in the shape of `_WORD_SHAPE`: " friday ", " #### " (a year), " ##s "."""
    automaton = ahocorasick.Automaton()
    shapes = {f" {w} ": w for w in TRIGGER_WORDS} | {" #### ": "#year"}
    shapes |= {f" {'#' * n}s ": "#decade" for n in range(1, 5)} | {" #### s ": "#decade"}  # "1990s", "1990's"
    shapes |= {f" {'#' * n}{suffix} ": "#day" for n in (1, 2) for suffix in ("", "st", "nd", "rd", "th")}
    shapes |= {f" {'#' * n}{half} ": half for n in (1, 2) for half in ("am", "pm")}  # "5pm", "11am"
    shapes |= {f" {'#' * n} ## ## ": "#hms" for n in (1, 2)}  # "2:22:47" (a race time)
    for shape, key in shapes.items():
        automaton.add_word(shape, (key, len(shape) - 2))  # the word's length, without its spaces
    automaton.make_automaton()
    return automaton


#: Rules whose matches stay close to their trigger word get narrower windows: less text to scan.
_REACH = {"race time": (2, 10),
          "full date (month day, year)": (48, 8), "full date (day month year)": (48, 8), "month and year": (60, 40),
          "duration": (70, 32), "unmeasured duration": (10, 14), "vague reference": (24, 24), "in N units": (40, 20),
          "the year": (26, 24), "time of day": (8, 24), "clock time in words": (24, 12)}


def _rule(name: str, pattern: str, resolve: Callable[[re.Match[str], Context], Found | None],
          flags: int = 0) -> Rule:
    trigger = frozenset(_TRIGGERS[name].split()) if name in _TRIGGERS else None
    also = frozenset(_ALSO[name].split()) if name in _ALSO else None
    folded = _case_folded(pattern) if flags & re.IGNORECASE else None
    return Rule(name, re.compile(pattern, flags), resolve, trigger, _REACH.get(name, (80, 60)), also,
                None if folded is None else re.compile(folded, flags & ~re.IGNORECASE))


_I = re.IGNORECASE
_ZONE = r"(?:[ECMP][SD]T|[ECMP]T|GMT|UTC|CES?T|BST|EES?T|WES?T|MSK|IST|JST|AE[SD]T|Z)"
_HOLIDAYS = (r"Christmas(?:\s+(?:Day|Eve))?|New\s+Year[’']s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|"
             r"Easter(?:\s+Sunday)?|Good\s+Friday|Independence\s+Day|Halloween|Valentine[’']s\s+Day|"
             r"Labor\s+Day|Memorial\s+Day|Election\s+Day|Veterans\s+Day")

RULES: tuple[Rule, ...] = (
    _rule("full date (month day, year)", rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", _full_date),
    _rule("full date (day month year)", rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b",
          _full_date),
    _rule("numeric date", r"\b(?:(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:[12]\d|3[01]|0?[1-9])|"
          r"(?:0?[1-9]|1[0-2])/(?:[12]\d|3[01]|0?[1-9])/(?:19|20)\d\d|"
          r"(?:[12]\d|3[01]|0?[1-9])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d)\b(?![-/.]\d)", _numeric_date),
    _rule("month and day", rf"\b(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}|(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH})"
          r"(?![\w%])(?!\s*[-–]\s*\d)(?!,?\s+\d)", _month_day),
    _rule("month and year",
          rf"\b(?:(?P<mod>(?i:{_MOD}))[\s-]+)?(?P<month>{_MONTH}),?\s+(?:of\s+)?(?P<year>{_YEAR_WORDS})\b",
          _month_year),
    _rule("month", rf"\b(?:(?P<mod>(?i:{_MOD}|earlier\s+in|later\s+in))[\s-]+)?"
          rf"(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?(?P<month>{_MONTH_FULL})\b(?!\s*\d)(?:\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year\b)?",
          _month_alone),
    _rule("year", rf"(?<![\w$€£#.,-])(?:(?P<mod>{_MOD}|the\s+(?:first|second)\s+half\s+of)[\s-]+)?"
          rf"(?P<fiscal>fiscal\s+(?:year\s+)?)?(?P<year>{_YEAR})(?![\w%,.-]\d|\w)", _year, _I),
    _rule("year range", rf"(?<![\w$€£#.,-])(?P<year>{_YEAR})(?=\s*[-–]\s*\d)", _year_range_start),
    _rule("year range end", _YEAR_RANGE.pattern, _year_range_end),
    _rule("year in words", rf"\b(?:(?i:the\s+year)\s+)?(?P<year>{_SPELLED_YEAR})\b(?![\s-]+(?i:percent|per\s+cent))",
          _year_in_words),
    _rule("the year N", r"(?<=\bthe\syear\s)(?P<year>[1-9]\d{2,3})(?![\w%,.-]\d|\w|\s*(?:BC|BCE|B\.C\.))", _the_year,
          _I),
    _rule("decade", r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<decade>(?:1[6-9]|20)\d0)'?s|"
          r"'(?P<short>\d0)s)\b", _decade_fix, _I),
    _rule("decade in words",
          rf"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<words>{_alternation(list(DECADE_WORDS))})\b",
          _decade_in_words, _I),
    _rule("century", rf"\b(?:the\s+)?(?P<ord>{_ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+century\b", _century, _I),
    _rule("quarter", rf"\b(?:the\s+)?(?:(?P<year>{_YEAR})(?:['’]s)?\s+|(?P<yrel>this|last|next)\s+year['’]s\s+)?"
          rf"(?:fiscal\s+)?(?:(?P<ord>first|second|third|"
          rf"fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter|Q(?P<q>[1-4]))\b"
          rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year2>{_YEAR})|\s+(?P<year3>{_YEAR}))?", _quarter_fix, _I),
    _rule("half year", rf"\b(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?:the\s+year|(?P<year>{_YEAR}))",
          _half, _I),
    _rule("season", rf"\b(?:(?P<rel>this|last|next|past|coming)\s+|(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?)"
          rf"(?P<season>spring|summer|fall|autumn|winter)(?:(?:\s+of)?\s+(?P<year>{_YEAR_WORDS}))?\b",
          _season_guard, _I),
    _rule("period of the story", r"\b(?:(?P<mod>later|earlier)\s+(?:in\s+)?)?(?P<rel>that|the\s+same|the\s+following|"
          r"the\s+previous|the\s+prior)\s+(?P<unit>year|month|week)\b(?!\s+(?:of|when|that|in\s+which)\b)",
          _story_period, _I),
    _rule("relative period", r"\b(?:(?P<mod>earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle|rest)"
          r"\s+of)[\s-]+)?(?:the\s+)?(?P<rel>this|last|next|past|coming|current|previous|following|upcoming)\s+"
          r"(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)\b", _relative_period, _I),
    _rule("reported quarter", r"\b(?:the\s+)?(?:(?:latest|most\s+recent|current)\s+(?:fiscal\s+)?(?:quarter|period)|"
          r"(?<![Aa]\s)(?<=the\s)(?:fiscal\s+)?quarter|(?<=the\s)(?P<year>(?:19|20)\d\d)\s+(?:fiscal\s+)?quarter)\b"
          r"(?!-to-)",  # "the quarter-to-quarter comparison" names no quarter
          _this_quarter, _I),
    _rule("year-ago period",
          r"\b(?:the\s+)?(?:comparable\s+)?year[\s-](?:ago|earlier)(?:\s+(?:fiscal\s+)?(?:(?P<ord>first|second|third|"
          r"fourth)[\s-]+(?:fiscal[\s-]+)?)?(?:quarter|period))?\b",
          _year_ago, _I),
    _rule("same period last year", r"\b(?:the\s+)?(?:same|corresponding|comparable|like)\s+(?:fiscal\s+)?"
          r"(?:period|quarter)\s+(?:of\s+|in\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior)\s+year)\b|"
          r"\blast\s+year['’]s\s+(?:fiscal\s+)?(?:quarter|period)\b", _same_period_last_year, _I),
    _rule("year end", r"\b(?:year[\s-]end|year['’]s\s+end)\b", _year_end, _I),
    _rule("the weekend", r"\bthe\s+weekend\b", lambda m, c: _weekend(c, m, "the"), _I),
    _rule("relative day", r"\b(?:(?:early|late)\s+)?(?P<word>today|tonight|yesterday|tomorrow|"
          r"the\s+day\s+before\s+yesterday|"
          rf"the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>{_PART_OF_DAY}))?\b", _relative_day, _I),
    _rule("day of the story", r"\b(?P<word>(?:that|the)\s+(?:same\s+)?(?:day|night|morning|evening|afternoon)|"
          r"the\s+(?:day|night|morning|evening)\s+before|the\s+(?:previous|prior|next|following)\s+"
          r"(?:day|night|morning|evening|afternoon)|the\s+day\s+after(?=\s+(?:the|his|her|its|their)\s+[a-z]))\b"
          r"(?!\s+(?:of|when|that|in\s+which|on\s+which|after|before|and)\b)", _story_day, _I),
    _rule("part of the story's day", r"\b(?P<word>the\s+(?:morning|afternoon|evening|night))\b"
          r"(?!\s+(?:of|before|after|when|in\s+which)\b)", _story_day, _I),
    _rule("year ended", r"\b(?:the\s+)?(?:fiscal\s+)?year(?=\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+"
          r"(?:(?-i:[A-Z])|on\s|in\s|tomorrow|today|yesterday|last|this|next))",
          lambda m, c: _undated("DURATION", "P1Y", "year", "a year up to the date that follows: a duration "
                                "(TimeML), the date it ends is its own expression"), _I),
    _rule("the full year", r"\bthe\s+full\s+(?:fiscal\s+)?year\b(?!\s+(?:of|ago|earlier|before|after)\b)",
          lambda m, c: _dated(periods.relative(c.anchor, "year", 0), f"the whole year of the {c.anchor_desc}"), _I),
    _rule("part of day", rf"\b(?P<word>this|last)\s+(?P<part>{_PART_OF_DAY})\b", _relative_day, _I),
    _rule("end of the period", r"\b(?P<mod>the\s+(?:end|beginning|start|middle|rest)\s+of)\s+the\s+"
          r"(?P<unit>week|month|year|decade|quarter)\b", lambda m, c: _relative_period(_GroupAlias(m, rel="this"), c),
          _I),
    _rule("the year", r"\b(?:(?P<mod>earlier|later|early|late)\s+in\s+)?the\s+(?:(?:fiscal|calendar)\s+)?(?-i:year)\b"
          r"(?![\s-]+(?:before|after|earlier|ago|ended|ending|ends|end|of(?!\s+[$€£\d])|when|that|which|in\s+which|since|to\s+date|"
          r"following|prior)\b|\s+\d|-|['’]s\s+end\b)", _the_current_year, _I),
    _rule("weekday of a week", rf"\b(?P<weekday>{_WEEKDAY_FULL})\s+of\s+(?P<rel>(?i:this|next|last|the\s+following))\s+"
          r"(?i:week)\b", _weekday_of_week),
    _rule("weekday", r"\b(?:(?P<rel>(?i:last|next|this|past|coming|early|late|the\s+(?:previous|preceding|following)))"
          rf"\s+)?(?P<weekday>{_WEEKDAY_FULL})"
          rf"(?:\s+(?P<part>{_PART_OF_DAY}))?\b", _weekday),
    _rule("told days after", r"\b(?P<verb>comes|follows|arrives)\s+(?:(?:just|only|barely|mere)\s+)?"
          r"(?P<units>(?:a\s+few\s+|several\s+)?days)\s+(?P<dir>after|before)\b", _told_days_after, _I),
    _rule("told after", r"\b(?P<verb>comes|follows|arrives|came|followed|arrived)\s+(?:(?:just|only|barely)\s+)?"
          rf"(?P<num>{_NUMBER})[\s-]+(?P<units>(?P<unit>{_UNIT})s?)\s+(?P<dir>after|before)\b", _told_after, _I),
    _rule("ago", rf"\b(?:(?:about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|over|"
          rf"just|only)\s+)?(?P<num>{_NUMBER}|{_VAGUE})[\s-]+(?P<unit>{_UNIT}s?|centuries)(?:\s+or\s+so)?\s+"
          r"(?P<dir>ago|earlier|later|from\s+now|hence)\b", _ago, _I),
    _rule("in N units", rf"\bin\s+(?P<num>{_NUMBER})\s+(?P<unit>{_UNIT})s?\b(?!\s+(?:ago|earlier|later))",
          _in_n_units, _I),
    _rule("holiday", rf"\b(?P<holiday>{_HOLIDAYS})(?:\s+(?P<year>{_YEAR}))?\b", _holiday),
    _rule("clock time", rf"\b(?<![\d:])(?:(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?\s*"
          rf"(?P<ampm>[ap]\.m\.?|[ap]m\b)|"
          rf"(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?::(?P<second24>[0-5]\d))?"
          rf"(?=\s*(?-i:{_ZONE})\b|\s*(?:h|hrs)\b)|"
          rf"(?<=\bat\s)(?P<hour24b>[01]?\d|2[0-3]):(?P<minute24b>[0-5]\d)(?![\d:.,]\d)|"
          rf"(?P<clock2>noon|midnight|midday))(?:\s+(?-i:{_ZONE})\b|\s*(?:h|hrs)\b)?"
          rf"(?:,?\s+(?:on\s+)?(?P<dayref>today|yesterday|tomorrow|{_WEEKDAY_FULL}))?",
          _clock_time, _I),
    _rule("clock time in words", r"\b(?P<hour>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
          r"twelve)(?::(?P<minute>[0-5]\d))?(?:\s+o['’]clock)?\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|"
          r"at\s+(?P<night>night))\b|\b(?P<hour2>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
          r"twelve)\s+o['’]clock\b", _clock_time_in_words, _I),
    _rule("time of day", r"\b(?:(?P<mod>early|late|mid)[\s-]?(?P<part>morning|afternoon|evening)|mid[\s-]day)\b"
          r"(?:,?\s+(?P<dayref>today|yesterday|tomorrow)\b)?", _time_of_day, _I),
    _rule("race time", r"(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?!\d|:\d)", _race_time),
    _rule("duration", rf"\b(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|coming|first|previous|following|final|"
          rf"recent|remaining)\s+)?(?:(?P<approx>about|around|nearly|almost|roughly|approximately|(?:a\s+)?mere|more\s+than|"
          rf"less\s+than|over|at\s+least|at\s+most|up\s+to|some)\s+)?(?P<num>{_NUMBER}|{_VAGUE})"
          rf"(?:\s+(?:more|additional|extra|further|trading|business|working|calendar|straight|consecutive|full))?[\s-]+(?P<unit>{_UNIT}s?|centuries)(?P<old>[\s-]+old)?(?:-long)?(?P<more>\s+or\s+(?:more|longer))?\b",
          _duration, _I),
    _rule("unmeasured duration", r"\b(?:for|within|in|over|after|took|lasted)\s(?P<unit>years|months|weeks|days|hours|"
          r"minutes|decades|centuries)\b|\b(?P<unit2>years|months|weeks|days|hours|minutes|decades)"
          r"(?=\s+(?:later|earlier|ago)\b)|\b(?P<long>(?:year|month|week|day|hour|minute|decade)s?)"
          r"-long\b", _bare_plural, _I),
    _rule("set", rf"\b(?:{_alternation(list(SET_WORDS))}|(?P<weekdays>{_WEEKDAY_FULL})s|"
          rf"(?:every|each)\s+(?:other\s+)?(?:(?P<num>{_NUMBER})\s+)?"
          rf"(?P<target>{_UNIT}s?|{_WEEKDAY_FULL}s?|{_PART_OF_DAY}s?|(?:spring|summer|fall|autumn|winter)s?|"
          rf"{_MONTH_FULL}))\b", _set, _I),
    _rule("recent units", r"\b(?P<rel>recent|coming|next\s+few|past\s+few)\s+(?:years|months|weeks|days)\b",
          _recent_units, _I),
    _rule("at the time", r"(?<=\bat\s)the\s+time\b(?!\s+(?:of|when|that|to|and|being|it|in|for)\b)",
          lambda m, c: _undated("DATE", "PAST_REF", "vague", "'at the time': a past moment the story names"), _I),
    _rule("vague reference", rf"\b{_alternation(list(REFERENCES))}\b", _reference, _I),
)
