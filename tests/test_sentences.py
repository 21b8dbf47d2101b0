"""Sentences: abbreviations do not split, line breaks do, and site chrome reports no event."""

from __future__ import annotations

import pytest
from paths import SEEDS

from timeline.sentences import is_boilerplate, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_point_into_the_document() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for sentence in split_sentences(text):
            assert text[sentence.start_char:sentence.end_char] == sentence.text
            assert sentence.text == sentence.text.strip() and sentence.text


def test_abbreviations_initials_and_dates_do_not_end_a_sentence() -> None:
    assert texts("U.S. Ambassador Matthew Whitaker met Gen. Smith on Feb. 3 in Washington. Mr. J. Doe left.") == [
        "U.S. Ambassador Matthew Whitaker met Gen. Smith on Feb. 3 in Washington.", "Mr. J. Doe left."]


def test_quotes_and_line_breaks_end_sentences() -> None:
    assert texts("He said “we are involved.” Then he left.\nHeadline without a stop\nNext line.") == [
        "He said “we are involved.”", "Then he left.", "Headline without a stop", "Next line."]


def test_the_seed_photo_caption_stays_one_sentence() -> None:
    text = (SEEDS / "003_b7550a3bc73cf7d3.txt").read_text(encoding="utf-8")
    caption = [s for s in texts(text) if s.startswith("U.S. Ambassador")]
    assert caption and caption[0].endswith("Friday, May 23, 2025.")


@pytest.mark.parametrize("line", [
    "Read more: Trump, Europe discuss deploying private army to Ukraine: Telegraph",
    "Related Posts", "Photo: Depositphotos", "(AP Photo/Paul Vernon)", "Become a Patron!",
    "Subscribe to our newsletter", "© 2025 Harbour Times. All rights reserved.",
    "Support our journalism with a donation today.", "Share this article", "-",
])
def test_site_chrome_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The request was sent to capitals this week, as reported by four western officials.",
    "Kellogg said the donors' conference was a success.",
    "European security guarantees",
])
def test_reporting_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)
