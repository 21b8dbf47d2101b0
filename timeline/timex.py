"""Time expressions: find them in text and resolve them against the publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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


def find_timexes(text: str, anchor: dt.date) -> list[Timex]:
    """Every time expression in ``text``, resolved against ``anchor`` (the publication date)."""
    raise NotImplementedError("being written")


def timex_to_dict(timex: Timex) -> dict[str, object]:
    """A JSON-ready dict: dates as ISO strings."""
    out = dict(timex.__dict__)
    for key in ("start", "end", "anchor"):
        value = out[key]
        out[key] = value.isoformat() if value is not None else None
    return out
