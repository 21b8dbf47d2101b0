"""Specification of `timeline.timex.rules`: the word index that decides where the rule table runs."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import find_timexes
from timeline.timex.rules import WordIndex

WED = dt.date(2024, 3, 13)


@pytest.mark.parametrize("text", [
    "He spoke during Friday’s broadcast.",  # a curly apostrophe right after the word
    "The vote—scheduled for “Friday”—was delayed.",  # dashes and curly quotes around it
    "Talks resumed on\u00a0Friday.",  # a no-break space before it
])
def test_trigger_words_beside_non_ascii_punctuation_are_indexed(text: str) -> None:
    assert WordIndex(text).at.get("friday") == [text.index("Friday")]
    assert [t.text for t in find_timexes(text, WED)] == ["Friday"]


def test_letters_outside_ascii_make_no_trigger_word_of_their_own() -> None:
    # "Mayéul" is no month: the accented letter ends no word for the pattern, only for the index
    assert find_timexes("Mayéul Friday", WED)[0].text == "Friday"
    assert WordIndex("déjà vu").at == {}
