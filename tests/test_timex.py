"""Specification of `timeline.find_timexes`: what counts as a time expression and what it means."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Timex, find_timexes
from timeline.timex import timex_to_dict

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "seeds.json"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

SAT = dt.date(2025, 2, 15)  # a Saturday
TUE = dt.date(2025, 5, 13)
FRI = dt.date(2024, 12, 20)


def one(text: str, anchor: dt.date) -> Timex:
    found = [t for t in find_timexes(text, anchor)]
    assert len(found) == 1, found
    return found[0]


def dated(text: str, anchor: dt.date) -> list[Timex]:
    return [t for t in find_timexes(text, anchor) if t.is_dated]


def span(timex: Timex) -> tuple[str, str]:
    return timex.start.isoformat(), timex.end.isoformat()


# --------------------------------------------------------------------------- what the seeds need


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold data not beside the checkout")
def test_every_seed_gold_expression_is_found_with_its_range() -> None:
    gold = json.loads(GOLD.read_text())
    for doc in gold["documents"]:
        text = (SEEDS / doc["id"]).read_text(encoding="utf-8")
        found = dated(text, dt.date.fromisoformat(doc["published"]))
        for g in doc["timexes"]:
            hits = [t for t in found if t.start_char < g["end_char"] and g["start_char"] < t.end_char]
            assert hits, f"{doc['id']}: missed {g['text']!r}"
            ranges = [(g["start"], g["end"]), *map(tuple, g.get("accept", []))]
            assert span(hits[0]) in ranges, f"{doc['id']}: {g['text']!r} -> {span(hits[0])}, rule {hits[0].rule}"
        for ignored in doc["ignore"]:
            hits = [t for t in found if t.start_char < ignored["end_char"] and ignored["start_char"] < t.end_char]
            assert not hits, f"{doc['id']}: dated an ignored expression {ignored['text']!r}: {hits}"


@pytest.mark.parametrize(("text", "anchor", "value", "start", "end"), [
    ("The request was sent this week.", SAT, "2025-W07", "2025-02-10", "2025-02-16"),
    ("Kellogg will visit Brussels next week.", SAT, "2025-W08", "2025-02-17", "2025-02-23"),
    ("Talks were held last week.", SAT, "2025-W06", "2025-02-03", "2025-02-09"),
    ("Over the weekend, Macron said the coalition works daily.", TUE, "2025-W19-WE", "2025-05-10", "2025-05-11"),
    ("Earlier in May, Zelenskyy outlined two scenarios.", TUE, "2025-05", "2025-05-01", "2025-05-12"),
    ("Sales rose earlier this month.", TUE, "2025-05", "2025-05-01", "2025-05-12"),
    ("As of April 2025, six countries agreed.", TUE, "2025-04", "2025-04-01", "2025-04-30"),
    ("The framework was endorsed in July 2023.", TUE, "2023-07", "2023-07-01", "2023-07-31"),
    ("Macron first broached the idea in February.", FRI, "2024-02", "2024-02-01", "2024-02-29"),
    ("Trump on August 19 suggested air support.", dt.date(2025, 9, 9), "2025-08-19", "2025-08-19", "2025-08-19"),
    ("The summit was held on Friday, May 23, 2025.", dt.date(2025, 9, 9), "2025-05-23", "2025-05-23", "2025-05-23"),
    ("The deal was signed on 3 February 2025.", TUE, "2025-02-03", "2025-02-03", "2025-02-03"),
    ("It was filed on 2025-03-14.", TUE, "2025-03-14", "2025-03-14", "2025-03-14"),
    ("It was filed on 03/14/2025.", TUE, "2025-03-14", "2025-03-14", "2025-03-14"),
    ("Profits fell in the third quarter.", dt.date(2025, 10, 20), "2025-Q3", "2025-07-01", "2025-09-30"),
    ("The plan dates from the 1990s.", TUE, "199X", "1990-01-01", "1999-12-31"),
    ("The war started in 2022.", TUE, "2022", "2022-01-01", "2022-12-31"),
    ("He resigned late last year.", TUE, "2024", "2024-09-01", "2024-12-31"),
    ("The law passed this summer.", dt.date(2025, 7, 9), "2025-SU", "2025-06-01", "2025-08-31"),
    ("The ministers met yesterday.", SAT, "2025-02-14", "2025-02-14", "2025-02-14"),
    ("The vote is tomorrow.", SAT, "2025-02-16", "2025-02-16", "2025-02-16"),
    ("The attack came three days ago.", SAT, "2025-02-12", "2025-02-12", "2025-02-12"),
    ("The envoy arrived two weeks ago.", SAT, "2025-W05", "2025-01-27", "2025-02-02"),
    ("The vote will take place in two weeks.", SAT, "2025-W09", "2025-02-24", "2025-03-02"),
    ("The fighting stopped on Christmas Day.", dt.date(2025, 1, 3), "2024-12-25", "2024-12-25", "2024-12-25"),
])
def test_resolves_against_the_publication_date(text: str, anchor: dt.date, value: str, start: str, end: str) -> None:
    found = dated(text, anchor)
    assert len(found) == 1, found
    assert (found[0].value, *span(found[0])) == (value, start, end), found[0].rule


# --------------------------------------------------------------------------- direction and the anchor's weekday


def test_the_anchors_own_weekday_counts_as_that_day() -> None:
    assert span(one("The Washington Post reported on Friday.", FRI)) == ("2024-12-20", "2024-12-20")


def test_past_tense_points_back_and_future_tense_forward() -> None:
    wednesday = dt.date(2025, 2, 12)
    assert span(one("The leaders met on Friday.", wednesday)) == ("2025-02-07", "2025-02-07")
    assert span(one("The leaders will meet on Friday.", wednesday)) == ("2025-02-14", "2025-02-14")
    assert span(one("The summit is scheduled for March 3.", dt.date(2025, 2, 12))) == ("2025-03-03", "2025-03-03")
    assert span(one("The summit was held on March 3.", dt.date(2025, 2, 12))) == ("2024-03-03", "2024-03-03")


def test_a_weekday_written_beside_a_date_picks_the_year() -> None:
    assert one("It began on Friday, May 23.", dt.date(2026, 1, 10)).start == dt.date(2025, 5, 23)


def test_last_and_next_weekday_exclude_the_anchor() -> None:
    assert one("They spoke last Friday.", FRI).start == dt.date(2024, 12, 13)
    assert one("They speak next Friday.", FRI).start == dt.date(2024, 12, 27)


# --------------------------------------------------------------------------- what is not a date


@pytest.mark.parametrize("text", [
    "This is the way that we make sure we are involved.",
    "Kellogg may have been sidelined.",
    "Protesters march on the capital; the cat sat on the mat.",
    "The fund raised $100M in its second round.",
    "He was the second envoy, and 2000 troops were sent.",
    "The 6-year-old boy and his 44-year-old father.",
    "Theresa May spoke to reporters.",
    "Iraq imports about three-quarters of its food.",
])
def test_words_that_only_look_like_dates_are_not_dated(text: str) -> None:
    assert dated(text, SAT) == []


@pytest.mark.parametrize(("text", "type_", "value"), [
    ("Most pacts last ten years or more.", "DURATION", "P10Y"),
    ("The talks lasted 24 hours.", "DURATION", "PT24H"),
    ("It took two and a half years.", "DURATION", "P2Y6M"),
    ("For several years nothing moved.", "DURATION", "PXY"),
    ("The coalition is working daily with partners.", "SET", "P1D"),
    ("for as little as one cup of coffee a month", "SET", "P1M"),
    ("Ukraine is unlikely to join in the near future.", "DATE", "FUTURE_REF"),
    ("Poland is now involved.", "DATE", "PRESENT_REF"),
    ("Prices rose recently.", "DATE", "PAST_REF"),
])
def test_durations_sets_and_vague_references_are_typed_but_undated(text: str, type_: str, value: str) -> None:
    found = [t for t in find_timexes(text, SAT) if t.type == type_]
    assert found and found[0].value == value, find_timexes(text, SAT)
    assert not found[0].is_dated


# --------------------------------------------------------------------------- explanations


@pytest.mark.parametrize(("text", "value"), [
    ("It will be the first agreement between the two countries in 16 years.", "P16Y"),
    ("The referendum would be the first such vote in 10 years.", "P10Y"),
    ("It would be the biggest strike in 25 years.", "P25Y"),
])
def test_in_n_years_after_a_record_word_measures_back_not_ahead(text: str, value: str) -> None:
    timex = one(text, FRI)
    assert (timex.type, timex.value, timex.start) == ("DURATION", value, None)


def test_in_n_units_in_a_future_sentence_is_a_date_ahead() -> None:
    assert one("The latest deal will expire in 3 years.", FRI).value == "2027"


def test_each_resolution_names_its_expression_anchor_and_rule() -> None:
    timex = one("European leaders demanded a seat at talks announced on Wednesday.", SAT)
    assert timex.text == "Wednesday"
    assert timex.anchor == SAT
    assert "2025-02-15" in timex.rule and "past" in timex.rule
    assert timex_to_dict(timex)["start"] == "2025-02-12"


def test_absolute_dates_are_marked_as_not_needing_the_anchor() -> None:
    found = find_timexes("On March 3, 2024 it rained; on Friday it snowed.", SAT)
    assert [t.absolute for t in found] == [True, False]


# --------------------------------------------------------------------------- bad input and properties


def test_bad_anchor_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match=r"anchor must be a datetime\.date"):
        find_timexes("on Friday", "2025-02-15")  # type: ignore[arg-type]


def test_empty_text_and_binary_junk_give_no_expressions() -> None:
    assert find_timexes("", SAT) == []
    junk = bytes(range(256)).decode("latin-1") * 50
    assert all(junk[t.start_char:t.end_char] == t.text for t in find_timexes(junk, SAT))


def test_megabytes_of_text_are_handled() -> None:
    text = "The envoy arrived on Wednesday and left next week. " * 40_000  # about 2 MB
    found = find_timexes(text, SAT)
    assert len(found) == 80_000


def test_text_over_the_limit_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="limit"):
        find_timexes("x" * 5_000_001, SAT)


_ANCHORS = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
_WORDS = st.sampled_from(["this week", "next week", "last week", "on Friday", "May", "may", "March 3", "2024",
                          "the weekend", "three days ago", "earlier this month", "late 1990s", "Q3", " ", ".",
                          "yesterday", "in two weeks", "10 p.m.", "the third quarter", "every Monday", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=12).map(" ".join), _ANCHORS)
def test_never_raises_and_spans_match_the_text(text: str, anchor: dt.date) -> None:
    for timex in find_timexes(text, anchor):
        assert 0 <= timex.start_char < timex.end_char <= len(text)
        assert text[timex.start_char:timex.end_char] == timex.text
        assert (timex.start is None) == (timex.end is None)
        if timex.is_dated:
            assert timex.start <= timex.end


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9998, 12, 31)))
def test_this_week_always_contains_the_anchor(anchor: dt.date) -> None:
    timex = one("It happened this week.", anchor)
    assert timex.start <= anchor <= timex.end
    assert (timex.end - timex.start).days == 6 and timex.start.weekday() == 0
