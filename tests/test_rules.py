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


def _texts() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests/data/timex_dev").glob("*.tml"))]
    texts.append("Good Friday, Valentine's Day and New Year’s Eve 2024; the 1990's and '80s; Sept. 3rd, 3/5/2019, "
                 "2019-03-05 and 5.3.2019; March 3, 2025 and 3 March 2025; the year-ago quarter; in 90 days.")
    texts.append("At mid-afternoon yesterday, earlier in the fiscal year, and at 12:30 o'clock in the morning; late "
                 "evening, tomorrow; the shares hit a high for the year of $42 and fell later in the calendar year.")
    return texts


def _rule_names() -> list[object]:
    from timeline.timex.rules import RULES

    # "Q2" is the shape "q#", not the trigger word "q": known, left as it is (finding it changes the output)
    known = {"quarter": pytest.mark.xfail(reason="'Q2' is no trigger word", strict=True)}
    return [pytest.param(rule.name, marks=known[rule.name]) if rule.name in known else rule.name for rule in RULES]


@pytest.mark.parametrize("name", _rule_names())
def test_every_match_of_a_rule_lies_in_a_window_of_its_trigger_words(name: str) -> None:
    """The word index only narrows where a rule runs: scanning the whole text finds no match it misses."""
    from timeline.timex.rules import RULES

    rule = next(r for r in RULES if r.name == name)
    for text in _texts():
        windowed = {m.span() for m in rule.matches(text, WordIndex(text))}
        assert [m.group(0) for m in rule.pattern.finditer(text) if m.span() not in windowed] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("It was built in the 1990's.", ["the 1990's"]),  # "1990's" is a decade's shape too, not only a year's
    ("It closed on Good Friday.", ["Good Friday"]),
    ("Filed on 3/5/2019 and due Sept. 3rd.", ["3/5/2019", "Sept. 3rd"]),
])
def test_rules_that_need_two_words_still_find_them(text: str, expected: list[str]) -> None:
    assert [t.text for t in find_timexes(text, WED)] == expected


def test_case_insensitive_rules_find_on_the_folded_text_what_they_find_on_the_text() -> None:
    """IGNORECASE rules scan a lower-cased copy (faster): the same matches, with the text's own letters."""
    import dataclasses

    from timeline.timex.rules import RULES

    texts = [*_texts(), "IN TWO WEEKS, The Weekend, LAST YEAR, Q2 and the 1990S; two wee\u212as ago, \u017fince "
             "TODAY, \u0130n three days, the ne\u0131ghbour's morning; NEXT MONTH. Two Years Ago."]
    folded = [rule for rule in RULES if rule.folded is not None]
    assert len(folded) > 20
    for text in texts:
        words = WordIndex(text)
        for rule in folded:
            plain = dataclasses.replace(rule, folded=None)
            assert [(m.span(), m.groupdict()) for m in rule.matches(text, words)] == \
                [(m.span(), m.groupdict()) for m in plain.matches(text, words)], rule.name


def test_a_text_with_nothing_to_fold_is_matched_as_it_is() -> None:
    """No capital letter: the folded patterns run on the text itself, once, and find what IGNORECASE finds."""
    import dataclasses

    from timeline.timex.rules import RULES

    text = ("two weeks ago, in three days, next month and the weekend; last year's third quarter, 10:35 a.m. today; "
            "the following day, every monday, the 1990s, years later, for decades, at the time.")
    words = WordIndex(text)
    assert words.folded(text) is text
    folded = [rule for rule in RULES if rule.folded is not None]
    found = 0
    for rule in folded:
        plain = dataclasses.replace(rule, folded=None)
        matches = [(m.span(), m.groupdict()) for m in rule.matches(text, words)]
        assert matches == [(m.span(), m.groupdict()) for m in plain.matches(text, words)], rule.name
        found += len(matches)
    assert found >= 10
