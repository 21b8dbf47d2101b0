"""Explicit dates: dateparser is the reference; the fast reading of the forms the rules take apart agrees with it."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.timex import find_timexes
from timeline.timex.rules import _EXPLICIT_FORMS, _parse_explicit, parse_with_dateparser

WRITTEN = ["Sept. 14, 2023", "September 14 2023", "Sep 14th, 2023", "14 September 2023", "the 14th of September, 2023",
           "2023-09-14", "2023/09/14", "9/14/2023", "14.09.2023", "Feb. 29, 2024", "Jan 1, 1650", "Dec. 31, 9999"]


@pytest.mark.parametrize("written", WRITTEN)
def test_the_fast_reading_agrees_with_dateparser(written: str) -> None:
    assert any(form.fullmatch(written) for form in _EXPLICIT_FORMS)  # each of these takes the fast path...
    assert _parse_explicit(written) == parse_with_dateparser(written) is not None  # ...and dateparser agrees


@pytest.mark.parametrize("written", ["Feb. 30, 2023", "2023-13-01", "31.04.2023"])
def test_no_date_is_made_up(written: str) -> None:
    assert _parse_explicit(written) is None  # (dateparser reads "2023-13-01" as January 13: the groups are stricter)


def test_a_full_date_in_text_is_read_whatever_the_anchor() -> None:
    [timex] = find_timexes("The contract expired on Sept. 14, 2023.", dt.date(2025, 1, 1))
    assert (timex.value, timex.start, timex.absolute) == ("2023-09-14", dt.date(2023, 9, 14), True)
