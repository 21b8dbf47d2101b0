"""Sentences: abbreviations do not split, line breaks do, and site chrome reports no event."""

from __future__ import annotations

import pytest
from paths import SEEDS

from timeline.sentences import is_boilerplate, sentence_key, split_sentences


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


@pytest.mark.parametrize(("text", "expected"), [
    ("He moved to the U.S. Then he left.", ["He moved to the U.S.", "Then he left."]),
    ("Talks with the U.K. Premier began Tue. Feb. 3.", ["Talks with the U.K. Premier began Tue. Feb. 3."]),
    ("They met at 10 a.m. The talks went well.", ["They met at 10 a.m.", "The talks went well."]),
    ("At 10 a.m. Friday they met.", ["At 10 a.m. Friday they met."]),
    ("No. 10 Downing Street said so. See p. 5 of the report.", ["No. 10 Downing Street said so.",
                                                                "See p. 5 of the report."]),
    ("He said no. The talks ended.", ["He said no.", "The talks ended."]),
    ("He sat. Then he stood.", ["He sat.", "Then he stood."]),
    ("Ł. Kowalski and J. A. Smith met the U.S.-led coalition.",
     ["Ł. Kowalski and J. A. Smith met the U.S.-led coalition."]),
    ("It was sent to the U.S.” He left.", ["It was sent to the U.S.”", "He left."]),
    ('He asked, "Why?" and left.', ['He asked, "Why?" and left.']),
    ("It ended in 2025. 2026 began. (It was cold.) Next.", ["It ended in 2025.", "2026 began.", "(It was cold.)",
                                                            "Next."]),
])
def test_tricky_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_a_soft_wrapped_line_does_not_break_a_sentence_but_a_headline_does() -> None:
    assert texts("The minister said that\nthe talks would resume.\nHeadline\n\n  \nBody.") == [
        "The minister said that\nthe talks would resume.", "Headline", "Body."]


def test_no_empty_sentences_and_offsets_hold_on_odd_input() -> None:
    for text in ("", "   \n\n", "...", "a. b. c.", "\u00a0Word.\u00a0Next.", "x\r\ny", "?!?! Hey"):
        for sentence in split_sentences(text):
            assert sentence.text and text[sentence.start_char:sentence.end_char] == sentence.text


def test_the_seed_photo_caption_stays_one_sentence() -> None:
    text = (SEEDS / "003_b7550a3bc73cf7d3.txt").read_text(encoding="utf-8")
    caption = [s for s in texts(text) if s.startswith("U.S. Ambassador")]
    assert caption and caption[0].endswith("Friday, May 23, 2025.")


def test_the_seed_appeals_and_links_are_boilerplate_and_the_reporting_is_not() -> None:
    text = (SEEDS / "003_b7550a3bc73cf7d3.txt").read_text(encoding="utf-8")
    flagged = [s for s in texts(text) if is_boilerplate(s)]
    assert "Read more: Trump, Europe discuss deploying private army to Ukraine: Telegraph" in flagged
    assert not any("Whitaker" in s for s in flagged)


@pytest.mark.parametrize("line", [
    "Read more: Trump, Europe discuss deploying private army to Ukraine: Telegraph",
    "Related Posts", "Photo: Depositphotos", "(AP Photo/Paul Vernon)", "Become a Patron!",
    "Subscribe to our newsletter", "© 2025 Harbour Times. All rights reserved.",
    "Support our journalism with a donation today.", "Share this article", "-",
    "READ MORE | Talks stall again", "Related: Ports reopen", "Photo by Jane Doe/Reuters", "REUTERS/Gleb Garanich",
    "This site uses cookies to improve your experience.", "Copyright 2025 Example Media",
    "Published on Feb. 15, 2025", "Updated: 10:35 GMT", "By Jane Doe and John Roe, Reuters",
    "Reporting by Jane Doe; Editing by John Roe", "Sign up for our daily newsletter", "Follow us on Telegram",
    "We rely on readers like you.", "Please disable your ad blocker.", "Listen to this article", "5 min read",
    # links, bylines and credits set off by a bar or slash, lines that are only a date or time stamp
    "https://www.reuters.com/world/europe/talks-2025-02-15/", "www.example.com/news/article-123",
    "Jane Doe | Reuters", "Jane Doe and John Roe | AP", "Jane Doe/Reuters", "AFP via Getty Images",
    "February 15, 2025", "Saturday, February 15, 2025", "Feb. 15, 2025 10:35 AM ET",
    "Feb 15, 2025 / 10:35 AM / Updated 2 hours ago", "Updated on Monday", "Sept. 13, 2025, 5:00 AM",
    "[email protected]", "newsdesk@example.com", "Last Updated: 5:36 PM EST November 23, 2020",
])
def test_site_chrome_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The request was sent to capitals this week, as reported by four western officials.",
    "Kellogg said the donors' conference was a success.",
    "European security guarantees",
    "Photos released on Monday show the damage.", "Video footage showed troops crossing on Friday.",
    "Credit Suisse collapsed in March 2023.", "Germany pledged a donation of five tanks on Friday.",
    "Related talks were held on Monday.", "Cookie maker Mondelez said on Monday it would cut jobs.",
    "Copyright lawsuits were filed on Monday.", "Comments by the minister on Monday angered Kyiv.",
    "Ukrainians sign up for the army in record numbers this month.", "Advertisement revenue fell in 2024.",
    "By Friday, the troops had withdrawn.", "Published figures showed the economy shrank in May.",
    "Share prices fell on Monday.", "Meta changed its privacy policy on Monday.",
    "Sources said talks resumed on Monday.",
    "February 15 was a cold day.", "On Monday, the talks collapsed.", "Updated talks began on Monday.",
    "Ukraine/Russia talks resume on Monday", "See https://example.com for the report released on Monday.",
    "Trump, Putin Agree To Talks",
])
def test_reporting_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_sentence_and_its_copy_share_a_key() -> None:
    title = "US asked European capitals this week how many troops they can send to Ukraine, FT reports"
    assert sentence_key(title) == sentence_key(f"  {title.upper()}.") == sentence_key(title.replace(" this", "  this"))
    assert sentence_key("He said “yes.”") == sentence_key('He said "yes."')
    assert sentence_key(title) != sentence_key(title.replace("this week", "next week"))
