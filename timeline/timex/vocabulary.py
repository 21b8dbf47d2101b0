"""The words of English time expressions: months, weekdays, numbers, units, holidays.

Kept apart from the rules so that `timeline.timex` reads as rules, not word lists.
Month and weekday names are matched capitalised only: that is what keeps the verb
"may", the verb "march" and the pronoun "we" from becoming dates.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
FULL_MONTHS = [name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")]
ABBR_MONTHS = [name for name in MONTHS if name not in FULL_MONTHS]

WEEKDAYS: dict[str, int] = {  # Monday = 0, as datetime.date.weekday()
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
FULL_WEEKDAYS = [name for name in WEEKDAYS if name.endswith("day")]
ABBR_WEEKDAYS = [name for name in WEEKDAYS if not name.endswith("day")]

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
    "couple of": 2, "half a": 0.5, "half an": 0.5, "a half": 0.5,
}
#: Quantities that name no number: their durations get an X (``PXY``: "several years").
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a number of", "numerous", "countless")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12,
    "12th": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "21st": 21, "last": 4,
}

#: Duration units: word -> (ISO 8601 designator, whether it is a time unit needing ``T``, calendar unit)
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "day"), "minute": ("M", True, "day"), "hour": ("H", True, "day"),
    "day": ("D", False, "day"), "night": ("D", False, "day"), "week": ("W", False, "week"),
    "weekend": ("WE", False, "weekend"), "fortnight": ("W", False, "week"),
    "month": ("M", False, "month"), "quarter": ("Q", False, "quarter"), "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"), "century": ("CE", False, "century"),
}
UNIT_MULTIPLIER = {"fortnight": 2}

SEASON_CODES: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

#: Set (repetition) words -> TIMEX3 value. Adjectives such as "annual" and "quarterly" are left out:
#: they qualify a noun ("annual meeting") far more often than they say how often something happens.
SET_WORDS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y",
}

#: Decades said in words: "the nineties" -> the decade's first year in the century nearest the anchor.
DECADE_WORDS: dict[str, int] = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                                "seventies": 70, "eighties": 80, "nineties": 90}

#: Vague references (no calendar range) -> TIMEX3 value.
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "in short order": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
    "a later date": "FUTURE_REF",
}
