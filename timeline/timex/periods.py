"""Calendar periods: the inclusive date range and ISO-TimeML value of a day, week, month...

Every resolved time expression ends as a `Period`; the rules in `timeline.timex` only
decide *which* period an expression means. Week numbers are ISO weeks (Monday first),
as TimeML's ``2025-W07`` values are.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

#: Meteorological seasons (northern hemisphere): TimeML code -> first month. Winter starts in December.
SEASONS: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Period:
    """An inclusive calendar range with its TIMEX3 value and granularity."""

    value: str
    start: dt.date
    end: dt.date
    granularity: str

    def shifted_start(self, start: dt.date) -> Period:
        return Period(self.value, max(self.start, start), self.end, self.granularity)

    def shifted_end(self, end: dt.date) -> Period:
        return Period(self.value, self.start, min(self.end, end), self.granularity)


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def day(date: dt.date) -> Period:
    return Period(date.isoformat(), date, date, "day")


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def week(date: dt.date) -> Period:
    """The ISO week (Monday to Sunday) containing ``date``."""
    year, number, weekday = date.isocalendar()
    monday = date - dt.timedelta(days=weekday - 1)
    return Period(f"{year}-W{number:02d}", monday, monday + dt.timedelta(days=6), "week")


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def weekend(date: dt.date) -> Period:
    """The Saturday and Sunday of the ISO week containing ``date``."""
    wk = week(date)
    saturday = wk.start + dt.timedelta(days=5)
    return Period(f"{wk.value}-WE", saturday, saturday + dt.timedelta(days=1), "weekend")


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def month(year: int, number: int) -> Period:
    first = dt.date(year, number, 1)
    last = first + relativedelta(months=1, days=-1)
    return Period(f"{year:04d}-{number:02d}", first, last, "month")


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def quarter(year: int, number: int) -> Period:
    first = dt.date(year, 3 * number - 2, 1)
    return Period(f"{year:04d}-Q{number}", first, first + relativedelta(months=3, days=-1), "quarter")


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def half(year: int, number: int) -> Period:
    first = dt.date(year, 6 * number - 5, 1)
    return Period(f"{year:04d}-H{number}", first, first + relativedelta(months=6, days=-1), "half")


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def season(year: int, code: str) -> Period:
    """A season of ``year``; winter is the one starting in December of that year."""
    first = dt.date(year, SEASONS[code], 1)
    return Period(f"{year:04d}-{code}", first, first + relativedelta(months=3, days=-1), "season")


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def year(number: int) -> Period:
    return Period(f"{number:04d}", dt.date(number, 1, 1), dt.date(number, 12, 31), "year")


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def decade(first_year: int) -> Period:
    first_year -= first_year % 10
    # "199": the TimeML guidelines' decade, and what TimeBank/AQUAINT write most often (7 to 5 for "199X")
    return Period(f"{first_year // 10:03d}", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), "decade")


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def century(number: int) -> Period:
    """The ``number``-th century as TimeML counts it: the 20th is 1900-1999 (value ``19``)."""
    first = (number - 1) * 100
    return Period(f"{number - 1:02d}", dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31), "century")


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def containing(date: dt.date, unit: str) -> Period:
    """The period of the given unit that contains ``date``."""
    if unit == "day":
        return day(date)
    if unit == "week":
        return week(date)
    if unit == "weekend":
        return weekend(date)
    if unit == "month":
        return month(date.year, date.month)
    if unit == "quarter":
        return quarter(date.year, (date.month - 1) // 3 + 1)
    if unit == "half":
        return half(date.year, (date.month - 1) // 6 + 1)
    if unit == "year":
        return year(date.year)
    if unit == "decade":
        return decade(date.year)
    if unit == "century":
        return century(date.year // 100 + 1)
    raise ValueError(f"unknown calendar unit: {unit}")


STEP: dict[str, relativedelta] = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "weekend": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "half": relativedelta(months=6),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
    "century": relativedelta(years=100),
}


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def relative(anchor: dt.date, unit: str, offset: int) -> Period:
    """The period ``offset`` units from the one containing ``anchor`` (-1 = last week, 1 = next month)."""
    return containing(anchor + STEP[unit] * offset, unit)


@functools.lru_cache(maxsize=8192)  # pure, and a long text asks the same again and again
def part(period: Period, which: str) -> Period:
    """The early (START), middle (MID) or late (END) part of a period, keeping its value.

    A year splits into January-April, May-August and September-December, a decade into its
    years 0-3, 4-6 and 7-9; anything else into thirds of its days.
    """
    index = {"START": 0, "MID": 1, "END": 2}[which]
    if period.granularity == "year":
        first = period.start + relativedelta(months=4 * index)
        return Period(period.value, first, first + relativedelta(months=4, days=-1), period.granularity)
    if period.granularity == "decade":
        years = ((0, 3), (4, 6), (7, 9))[index]
        return Period(period.value, period.start.replace(year=period.start.year + years[0]),
                      period.start.replace(year=period.start.year + years[1], month=12, day=31), period.granularity)
    third = ((period.end - period.start).days + 1) // 3
    bounds = ((0, third - 1), (third, 2 * third - 1), (2 * third, (period.end - period.start).days))[index]
    return Period(period.value, period.start + dt.timedelta(days=bounds[0]),
                  period.start + dt.timedelta(days=bounds[1]), period.granularity)
