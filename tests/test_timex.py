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

GOLD = Path(__file__).resolve().parent / "data" / "gold" / "seeds.json"
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
    ("The plan dates from the 1990s.", TUE, "199", "1990-01-01", "1999-12-31"),
    ("The war started in 2022.", TUE, "2022", "2022-01-01", "2022-12-31"),
    ("He resigned late last year.", TUE, "2024", "2024-09-01", "2024-12-31"),
    ("The law passed this summer.", dt.date(2025, 7, 9), "2025-SU", "2025-06-01", "2025-08-31"),
    ("The ministers met yesterday.", SAT, "2025-02-14", "2025-02-14", "2025-02-14"),
    ("The vote is tomorrow.", SAT, "2025-02-16", "2025-02-16", "2025-02-16"),
    ("The attack came three days ago.", SAT, "2025-02-12", "2025-02-12", "2025-02-12"),
    ("The envoy arrived two weeks ago.", SAT, "2025-W05", "2025-01-27", "2025-02-02"),
    ("The vote will take place in two weeks.", SAT, "P2W", "2025-02-24", "2025-03-02"),
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


def test_in_n_units_in_a_future_sentence_is_a_duration_that_keeps_its_point() -> None:
    timex = one("The latest deal will expire in 3 years.", FRI)
    assert (timex.type, timex.value, timex.text, span(timex)) == ("DURATION", "P3Y", "3 years",
                                                                  ("2027-01-01", "2027-12-31"))


@pytest.mark.parametrize(("text", "value", "dated_"), [
    ("A week earlier, the rebels took the town.", "P1W", False),
    ("Three days later the talks collapsed.", "P3D", False),
    ("Ten years from now the city will be different.", "P10Y", True),
    ("The deal expires in 90 days.", "P90D", True),
    ("The coming decade will be hard.", "P10Y", True),
    ("It was the worst drought this century.", "P100Y", True),
])
def test_spans_counted_from_a_point_are_durations(text: str, value: str, dated_: bool) -> None:
    timex = one(text, FRI)
    assert (timex.type, timex.value, timex.is_dated) == ("DURATION", value, dated_), timex.rule


# --------------------------------------------------------------------------- quotations


@pytest.mark.parametrize(("text", "expected"), [
    ("'Today we signed,' the minister said on Thursday.", dt.date(2025, 2, 13)),
    ("``Today is a good day,'' he said Tuesday.", dt.date(2025, 2, 11)),
    ('"We meet tonight," Smith told reporters on Wednesday.', dt.date(2025, 2, 12)),
    ('The minister said on Wednesday: "Yesterday was hard."', dt.date(2025, 2, 11)),
])
def test_today_inside_a_quotation_is_the_day_it_was_spoken(text: str, expected: dt.date) -> None:
    relative = [t for t in find_timexes(text, dt.date(2025, 2, 14)) if "relative day" in t.rule]
    assert relative[0].start == expected, relative[0].rule


@pytest.mark.parametrize("text", [
    '"Today we signed," the minister said.',
    "The strike ended today, officials said on Thursday.",
])
def test_today_outside_a_dated_quotation_is_the_publication_day(text: str) -> None:
    relative = [t for t in find_timexes(text, dt.date(2025, 2, 14)) if "relative day" in t.rule]
    assert relative[0].start == dt.date(2025, 2, 14)


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


# --------------------------------------------------------------------------- years in ranges and as modifiers


@pytest.mark.parametrize(("text", "values"), [
    ("The 2015-2016 season was long.", ["2015", "2016"]),
    ("The 1961-62 season was long.", ["1961", "1962"]),
    ("A 2017 analysis found little.", ["2017"]),
    ("The 2016 and 2017 seasons were long.", ["2016", "2017"]),
    ("Call 2015-10 now; he sent 2000 troops.", []),
    ("The retailer cut 2019 adjusted earnings guidance.", ["2019"]),
    ("Analysts raised 2024 revenue targets.", ["2024"]),
    ("About 1800 people came; some 1500 police watched.", []),
    ("The track is 1500 metres long and the bin holds 2000 litres.", []),
])
def test_years_in_ranges_and_as_modifiers(text: str, values: list[str]) -> None:
    assert [t.value for t in dated(text, FRI)] == values


@pytest.mark.parametrize(("text", "value"), [
    ("It happened in nineteen ninety-six.", "1996"),
    ("It happened in January nineteen ninety-seven.", "1997-01"),
    ("It was the winter of nineteen ninety-four.", "1994-WI"),
    ("Not until the year two thousand.", "2000"),
    ("Since two thousand and one it grew.", "2001"),
])
def test_years_said_in_words(text: str, value: str) -> None:
    assert [t.value for t in dated(text, FRI)] == [value]


def test_numbers_in_words_are_no_years() -> None:
    assert dated("Nineteen people died and two thousand people fled; twenty-one protesters.", FRI) == []


# --------------------------------------------------------------------------- centuries and fiscal periods


@pytest.mark.parametrize(("text", "value"), [
    ("It was built in the 19th century.", "18"),
    ("Sales will grow this fiscal year.", "2024"),
    ("Profit rose in the third quarter from the year-ago quarter.", "2023-Q3"),
    ("Profit rose in the third quarter from the 1988 quarter.", "1988-Q3"),
    ("Profit rose in the third quarter from a year ago.", "2023-Q3"),
])
def test_centuries_and_fiscal_periods(text: str, value: str) -> None:
    assert dated(text, FRI)[-1].value == value


# --------------------------------------------------------------------------- sets and vague references


@pytest.mark.parametrize(("text", "type_", "value"), [
    ("They met every evening.", "SET", "XXXX-XX-XXTEV"),
    ("It floods each winter.", "SET", "XXXX-WI"),
    ("The fair opens each July.", "SET", "XXXX-07"),
    ("The talks dragged on for minutes.", "DURATION", "PTXM"),
    ("Months later the deal fell apart.", "DURATION", "PXM"),
    ("It was the first peace in years.", "DURATION", "PXY"),
    ("At the time, the plan looked bold.", "DATE", "PAST_REF"),
])
def test_sets_bare_plural_units_and_at_the_time(text: str, type_: str, value: str) -> None:
    timex = one(text, FRI)
    assert (timex.type, timex.value, timex.is_dated) == (type_, value, False)


def test_the_time_of_an_event_is_no_vague_reference() -> None:
    assert find_timexes("He was abroad at the time of the war.", FRI) == []


# --------------------------------------------------------------------------- extents


@pytest.mark.parametrize(("text", "extent", "value"), [
    ("It happened on March 3, 2025 9:14 AM in Paris.", "March 3, 2025 9:14 AM", "2025-03-03T09:14"),
    ("It happened on June 2, 2024 — 03:15 pm EDT.", "June 2, 2024 — 03:15 pm EDT", "2024-06-02T15:15"),
    ("The vote began at 14:00 GMT Sunday.", "14:00 GMT Sunday", "2024-12-15T14:00"),
    ("The polls closed at 7:52 pm CET.", "7:52 pm CET", "2024-12-20T19:52"),
    ("They meet Friday of next week.", "Friday of next week", "2024-12-27"),
    ("It opened late last June.", "late last June", "2024-06"),
    ("It took almost five years.", "almost five years", "P5Y"),
    ("It took a mere 48 hours.", "a mere 48 hours", "PT48H"),
])
def test_extents_keep_clock_times_zones_and_leading_modifiers(text: str, extent: str, value: str) -> None:
    timex = one(text, FRI)
    assert (timex.text, timex.value) == (extent, value), timex.rule


def test_scores_and_ratios_are_no_clock_times() -> None:
    assert find_timexes("The score was 3:15 at halftime and the ratio 10:30.", FRI) == []


# --------------------------------------------------------------------------- the story's own time


def test_story_days_count_from_the_last_day_named() -> None:
    text = ("The bomb exploded on March 3, 2024. The day before, police had been warned. "
            "That night the city was quiet. The next morning, troops arrived. At 9 p.m. the curfew began.")
    found = {t.text: t.start for t in find_timexes(text, FRI)}
    assert found["The day before"] == dt.date(2024, 3, 2)
    assert found["That night"] == dt.date(2024, 3, 2)
    assert found["The next morning"] == dt.date(2024, 3, 3)
    assert found["9 p.m."] == dt.date(2024, 3, 3)


def test_a_past_episode_goes_on_through_the_clock_times_it_tells() -> None:
    # the episode's day is named once; each clock time told after it keeps the episode going
    filler = "Crews said the wind made the work slow and the roads were closed to traffic for hours. " * 9
    text = ("A barn fire broke out on Saturday, Dec. 14, near the river.\nCrews arrived about 1 p.m.\n" + filler +
            "\nA second alarm was raised at 4:17 p.m.\n" + filler + "\nThe fire was out by 7:58 p.m.")
    found = {t.text: t for t in find_timexes(text, FRI)}
    assert len(text) - text.index("7:58") > 0 and text.index("7:58") - text.index("Dec. 14") > 1500  # out of reach
    assert found["7:58 p.m."].value == "2024-12-14T19:58"
    assert "'4:17 p.m.' = 2024-12-14" in found["7:58 p.m."].rule


def test_a_clock_time_in_the_present_is_on_the_publication_day_after_an_episode() -> None:
    text = "The storm hit on Saturday, Dec. 14.\nThe county will hold a meeting at 7 p.m."
    assert {t.text: t.value for t in find_timexes(text, FRI)}["7 p.m."] == "2024-12-20T19:00"


def test_the_previous_or_following_weekday_is_next_to_the_storys_day() -> None:
    text = "The index closed at 2082 on Oct. 20, down 4.5% from the previous Friday."
    found = {t.text: t for t in find_timexes(text, dt.date(2024, 10, 28))}
    assert found["the previous Friday"].value == "2024-10-18"  # the Friday before Sunday Oct. 20, not Oct. 25
    assert "'Oct. 20' = 2024-10-20" in found["the previous Friday"].rule
    alone = one("Talks resume the following Monday.", FRI)  # no day named: from the anchor, Friday Dec. 20
    assert alone.value == "2024-12-23"


def test_a_past_came_a_day_after_counts_back_from_the_storys_past_day() -> None:
    anchor = dt.date(2023, 9, 28)  # a Thursday
    text = "The senator toured a plant in Ohio on Wednesday.\n\nIt came a day after the governor signed the bill."
    found = {t.text: t for t in find_timexes(text, anchor)}
    assert (found["a day"].type, found["a day"].value) == ("DURATION", "P1D")  # TimeML's value stays a duration
    assert found["a day"].start == dt.date(2023, 9, 26)  # the signing: the day before Wednesday's visit
    assert "'Wednesday' = 2023-09-27" in found["a day"].rule
    alone = one("The visit came a day after the governor signed the bill.", anchor)
    assert alone.value == "P1D" and not alone.is_dated  # no past day named: no point rather than a guess
    assert one("The vote comes one day after the governor signed it.", anchor).start == dt.date(2023, 9, 27)


def test_the_day_of_an_event_is_no_story_day() -> None:
    assert find_timexes("He said the day of the attack was the day when all changed.", FRI) == []


def test_a_part_of_the_day_in_a_past_episode_is_of_the_episodes_day() -> None:
    # published Friday 2024-12-20; the episode is Tuesday's, a day the text names in the paragraph before
    text = ("The dam broke on Tuesday and the valley was flooded, while the vote is set for Friday.\n\n"
            "The mayor said in the evening that all residents had left. During the night the water rose.")
    found = {t.text: t for t in find_timexes(text, FRI)}
    assert found["the evening"].value == "2024-12-17TEV"
    assert found["the night"].value == "2024-12-17TNI"
    assert "'Tuesday' = 2024-12-17" in found["the evening"].rule  # the table can say what it is anchored on


def test_a_part_of_the_day_with_no_past_episode_stays_on_the_publication_day() -> None:
    assert one("The minister will speak in the evening.", FRI).value == "2024-12-20TEV"
    assert one("The council met in the morning.", FRI).value == "2024-12-20TMO"  # no day named: no episode


def test_a_part_of_the_day_is_no_expression_without_a_preposition_before_it() -> None:
    assert find_timexes("The evening was cold and the morning brought rain.", FRI) == []


def test_the_day_after_an_event_counts_from_the_last_day_named() -> None:
    text = "The tower fell on March 26. Two bodies were found the day after the collapse."
    assert one(text[28:], FRI).start == FRI + dt.timedelta(days=1)  # alone: from the anchor
    found = {t.text: t.start for t in find_timexes(text, FRI)}
    assert found["the day after"] == dt.date(2024, 3, 27)


def test_a_story_day_set_beside_a_date_is_that_date() -> None:
    found = {t.text: t for t in find_timexes("Shares fell 4% after Oct. 12, the day before the crash.", FRI)}
    assert found["the day before"].start == dt.date(2024, 10, 12)
    assert "in apposition to 'Oct. 12'" in found["the day before"].rule


def test_the_year_ended_a_date_is_a_one_year_duration() -> None:
    found = {t.text: t for t in find_timexes("For the fiscal year ended March 31, sales rose; in the year ending "
                                             "June 30, 2025, they may fall.", FRI)}
    assert (found["the fiscal year"].type, found["the fiscal year"].value) == ("DURATION", "P1Y")
    assert (found["the year"].type, found["the year"].value) == ("DURATION", "P1Y")
    assert found["March 31"].is_dated and found["June 30, 2025"].value == "2025-06-30"
    assert find_timexes("The year ended badly for them.", FRI) == []  # no date follows: no period named


def test_the_year_ago_quarter_named_is_that_quarter_a_year_back() -> None:
    found = {t.text: t for t in find_timexes("In the year-ago third quarter, the bank earned $2 million; in the "
                                             "year-earlier second quarter it lost money.", FRI)}
    assert found["the year-ago third quarter"].value == "2023-Q3"  # the latest third quarter began in July 2024
    assert found["the year-earlier second quarter"].value == "2023-Q2"


def test_quarter_to_quarter_names_no_quarter() -> None:
    text = "Earnings fell in the third quarter. The quarter-to-quarter comparison was poor."
    assert [t.text for t in find_timexes(text, FRI)] == ["the third quarter"]


def test_the_full_year_is_the_publication_year() -> None:
    timex = one("Kellogg forecast an earnings increase for the full year.", FRI)
    assert (timex.type, timex.value) == ("DATE", "2024")
    assert all(t.text != "the full year" for t in find_timexes("It took the full year of training to win.", FRI))


@pytest.mark.parametrize(("text", "expression", "value", "days"), [
    ("For the year, cereal volume was flat.", "the year", "2024", ("2024-01-01", "2024-12-31")),
    ("The shares hit a high for the year of $42 in June.", "the year", "2024", ("2024-01-01", "2024-12-31")),
    ("Sales slipped through the first nine months of the year.", "the year", "2024", ("2024-01-01", "2024-12-31")),
    ("Planting was delayed earlier in the year by rain.", "earlier in the year", "2024",
     ("2024-01-01", "2024-12-19")),
    ("Margins should improve later in the year.", "later in the year", "2024", ("2024-12-21", "2024-12-31")),
    ("Earnings for the fiscal year will be lower.", "the fiscal year", "2024", ("2024-01-01", "2024-12-31")),
])
def test_the_year_alone_is_the_year_of_the_publication(text: str, expression: str, value: str,
                                                        days: tuple[str, str]) -> None:
    timex = {t.text: t for t in find_timexes(text, FRI)}[expression]
    assert (timex.type, timex.value, span(timex)) == ("DATE", value, days)


@pytest.mark.parametrize("text", [
    "Sales rose from the year before.", "He was named Player of the Year.", "The year-ago quarter was weak.",
    "It was the year of the flood.", "In the year that followed, prices fell.", "The year ended badly for them.",
])
def test_the_year_with_its_own_reference_is_no_publication_year(text: str) -> None:
    assert all(t.value != "2024" or "the year:" not in t.rule for t in find_timexes(text, FRI))


def test_the_quarter_of_a_results_report_naming_no_quarter_is_the_last_one_completed() -> None:
    text = "Acme released its quarterly earnings on Wednesday. It reported a net loss for the quarter."
    timex = {t.text: t for t in find_timexes(text, dt.date(2020, 2, 6))}["the quarter"]
    assert (timex.value, span(timex)) == ("2019-Q4", ("2019-10-01", "2019-12-31"))
    assert find_timexes("He scored ten points in the quarter as the Lakers won.", FRI) == []


# --------------------------------------------------------------------------- linear time


def test_one_tense_index_per_text_and_one_sentence_look_up_per_clock_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.timex import tense

    built, looked_up = [], []
    original_init, original_bounds = tense.TenseIndex.__init__, tense.TenseIndex.sentence_bounds
    monkeypatch.setattr(tense.TenseIndex, "__init__", lambda self, *a: built.append(1) or original_init(self, *a))
    monkeypatch.setattr(tense.TenseIndex, "sentence_bounds",
                        lambda self, *a: looked_up.append(1) or original_bounds(self, *a))
    found = find_timexes("at 10:35 a.m. " * 2_000, FRI)  # no sentence break: the old quadratic case
    assert len(found) == 2_000
    assert len(built) <= 1  # none at all when no expression needs a tense
    assert len(looked_up) <= 3 * len(found)


@pytest.mark.parametrize("phrase", ["at 10:35 a.m.", "for three weeks", "on Friday", "in March", "two weeks ago"])
def test_repeated_expressions_without_sentence_breaks_are_all_found(phrase: str) -> None:
    found = find_timexes(f"{phrase} " * 3_000, FRI)
    assert len(found) == 3_000


def test_since_points_back_whatever_the_tense() -> None:
    timex = one("The carrier was scheduled to return, after being on patrol since March.", dt.date(2025, 2, 14))
    assert timex.value == "2024-03"


def test_supposed_to_points_forward() -> None:
    assert one("The talks are supposed to conclude by May.", dt.date(2025, 3, 22)).value == "2025-05"


def test_every_rule_runs_only_around_its_trigger_words() -> None:
    from timeline.timex.rules import RULES

    assert [rule.name for rule in RULES if not rule.trigger] == []


@pytest.mark.parametrize(("text", "value"), [
    ("Prices soared in the nineties.", "199"),
    ("It will take two more weeks.", "P2W"),
    ("In the near term, nothing will change.", "FUTURE_REF"),
])
def test_decades_in_words_more_units_and_the_near_term(text: str, value: str) -> None:
    assert one(text, FRI).value == value


def test_a_decade_of_a_life_is_an_age() -> None:
    assert find_timexes("He was in his forties.", FRI) == []


def test_story_periods_count_from_the_last_period_named() -> None:
    text = "The party was founded in March 1996. Later that year it won a seat, and the following year it split."
    found = {t.text: t for t in find_timexes(text, FRI)}
    assert (found["Later that year"].value, found["Later that year"].mod) == ("1996", "END")
    assert found["the following year"].value == "1997"


@pytest.mark.parametrize(("text", "anchor", "day"), [
    # published on a Tuesday: the present names this week's day, ahead or just past, whichever is nearer
    ("The governor arrives in Lyon on Wednesday.", TUE, "2025-05-14"),
    ("Counting continues through early Saturday.", TUE, "2025-05-17"),
    ("Pilots said more strikes could happen Friday.", TUE, "2025-05-16"),
    ("The lease, which expires at 11:59 p.m. on Monday, was not renewed, the owner said.", TUE, "2025-05-12"),
    ("The lease expires on Monday.", TUE, "2025-05-12"),
])
def test_a_weekday_in_the_present_or_a_possibility_is_the_nearest_one(text: str, anchor: dt.date, day: str) -> None:
    found = dated(text, anchor)
    assert len(found) == 1 and found[0].start.isoformat() == day, found


@pytest.mark.parametrize("text", ["Workers at the Spring Hill plant walked out.", "The Fall River mill closed.",
                                  "The Winter Olympics committee met."])
def test_a_capitalised_season_that_begins_a_name_is_no_date(text: str) -> None:
    assert dated(text, TUE) == []


def test_that_afternoon_is_the_day_the_story_named_not_the_next() -> None:
    text = "The fire broke out on Saturday, Feb. 20, 2021. Early that afternoon crews arrived; at 7:37 p.m. it was out."
    found = dated(text, dt.date(2021, 2, 24))
    assert [(t.text, t.start.isoformat()) for t in found[1:]] == [("that afternoon", "2021-02-20"),
                                                                  ("7:37 p.m.", "2021-02-20")]


@pytest.mark.parametrize(("text", "value"), [("The market opens on Sundays.", "XXXX-WXX-7"),
                                             ("Buses run Mondays and Fridays.", "XXXX-WXX-1")])
def test_a_plural_weekday_is_a_set(text: str, value: str) -> None:
    first = find_timexes(text, TUE)[0]
    assert (first.type, first.value, first.is_dated) == ("SET", value, False)


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("It was a days-long strike.", "days-long", "PXD"),  # "a" counts nothing: an unmeasured duration
    ("After an hours-long standoff, police left.", "hours-long", "PTXH"),
    ("They held a day-long meeting.", "a day-long", "P1D"),
    ("It ended a decades-long feud.", "decades-long", "PXY"),
])
def test_a_duration_as_an_adjective_counts_only_what_it_says(text: str, expression: str, value: str) -> None:
    timex = one(text, TUE)
    assert (timex.text, timex.type, timex.value) == (expression, "DURATION", value)


@pytest.mark.parametrize(("text", "value"), [
    ("Third-quarter profit rose to $5 million from $3 million in the same period last year.", "2024-Q3"),
    ("Quarterly sales fell 4% from the corresponding period last year.", "2024-Q3"),  # no quarter named: the last
    ("Sales for last year's quarter were $3 million; the third quarter was better.", "2024-Q3"),
])
def test_the_same_period_last_year_in_a_quarterly_report_is_that_quarter_a_year_back(text: str, value: str) -> None:
    found = [t for t in find_timexes(text, dt.date(2025, 10, 28)) if "year" in t.text]
    assert [t.value for t in found] == [value]


def test_the_same_period_last_year_outside_a_quarterly_report_is_last_year() -> None:
    found = dated("Sales in the month beat the same period last year.", TUE)
    assert [(t.text, t.value) for t in found] == [("last year", "2024")]


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("Cases rose in the week of Jan. 25.", "the week of Jan. 25", "2025-W04"),
    ("The launch is set for the third week of September.", "the third week of September", "2025-W38"),
    ("Talks ended in the last week of June 2024.", "the last week of June 2024", "2024-W26"),
    ("It opens on the 13th of next month.", "the 13th of next month", "2025-06-13"),
])
def test_a_week_or_a_day_inside_a_named_period_is_one_expression(text: str, expression: str, value: str) -> None:
    timex = one(text, TUE)
    assert (timex.text, timex.value) == (expression, value)


@pytest.mark.parametrize(("text", "anchor", "value"), [
    # "as of" names a point already reached, whatever the verb after it
    ("Based on conditions as of September 1, yields are expected to rise.", dt.date(2017, 9, 12), "2017-09-01"),
    # results of a quarter just ended are reported, expected and planned after it
    ("The company expects to report third-quarter results soon.", dt.date(2023, 10, 20), "2023-Q3"),
    # but a forward cue still reaches ahead when the other way is far
    ("The referendum will be held on 9 June.", dt.date(2025, 6, 20), "2026-06-09"),
])
def test_as_of_and_quarter_results_point_back_a_forward_cue_beside_a_day_ahead(text: str, anchor: dt.date,
                                                                               value: str) -> None:
    assert [t.value for t in dated(text, anchor)] == [value]


@pytest.mark.parametrize(("text", "anchor", "expression", "value"), [
    ("Yields are up from the August forecast.", dt.date(2017, 9, 12), "August", "2017-08"),  # a month as modifier
    ("With 2018 champion Saina absent, Burka won.", dt.date(2019, 4, 14), "2018", "2018"),
])
def test_a_month_or_year_modifying_a_noun_is_a_date(text: str, anchor: dt.date, expression: str, value: str) -> None:
    assert [(t.text, t.value) for t in dated(text, anchor)] == [(expression, value)]


@pytest.mark.parametrize(("text", "dated_days"), [
    ("Most launches happened on a Tuesday.", []),  # some Tuesday: no calendar date
    ("Any Monday works for the vote.", []),
    ("About 500 people attended a Sunday night vigil.", ["2025-05-11"]),  # a modifier: that Sunday
    ("The event was held on Sept. 7, 2022, a Wednesday.", ["2022-09-07", "2022-09-07"]),  # the day just named
])
def test_on_a_weekday_is_some_such_day_not_a_date(text: str, dated_days: list[str]) -> None:
    assert [t.start.isoformat() for t in dated(text, TUE)] == dated_days


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("She won in two hours, seven minutes and five seconds.", "two hours, seven minutes and five seconds",
     "PT2H7M5S"),
    ("The talks lasted 3 years and 6 months.", "3 years and 6 months", "P3Y6M"),
    ("Kiplagat won in 2:22:47, a course record.", "2:22:47", "PT2H22M47S"),  # a race time
    ("The wheelchair race went to Casoli with a time of 1:36:57:", "1:36:57", "PT1H36M57S"),
])
def test_a_duration_in_several_units_is_one_expression(text: str, expression: str, value: str) -> None:
    timex = one(text, TUE)
    assert (timex.text, timex.type, timex.value) == (expression, "DURATION", value)


def test_two_durations_of_the_same_unit_stay_apart() -> None:
    assert [t.value for t in find_timexes("It took two weeks, then three weeks more.", TUE)] == ["P2W", "P3W"]


@pytest.mark.parametrize(("text", "value"), [
    ("The blast came at 10:35:12 a.m. EDT.", "2025-05-13T10:35:12"),  # seconds kept, not "12 a.m."
    ("Doors open at 5pm.", "2025-05-13T17:00"),  # no space before "pm"
])
def test_clock_times_with_seconds_or_a_glued_pm(text: str, value: str) -> None:
    assert one(text, TUE).value == value


@pytest.mark.parametrize(("text", "anchor", "day"), [
    # a deadline names a day near the one it was set: ahead, or one or two days past
    ("Those talks set a strike deadline of 11:59 p.m. Sunday.", dt.date(2023, 10, 28), "2023-10-29"),
    ("Officials had set Friday as the deadline for his return.", dt.date(2000, 1, 15), "2000-01-14"),
])
def test_a_deadline_is_the_coming_day_or_one_just_past(text: str, anchor: dt.date, day: str) -> None:
    assert [t.start.isoformat() for t in dated(text, anchor)] == [day]


@pytest.mark.parametrize(("text", "day"), [
    # the day is in another clause, after the time: the time stays on the publication day
    ("If the launch, set for 3:25 p.m. EDT, succeeds, the craft will dock on May 20.", "2025-05-13"),
    # a day right after the time, even behind a comma or a parenthesis, is its day
    ("The blast came at about 10:35 a.m. (0735 GMT) Friday, police said.", "2025-05-09"),
    ("Polls close at 8 p.m., Thursday.", "2025-05-08"),
])
def test_a_clock_time_takes_a_later_day_only_within_its_clause(text: str, day: str) -> None:
    assert find_timexes(text, TUE)[0].start.isoformat() == day


def test_comes_days_after_dates_what_it_names_a_few_days_back() -> None:
    """ "The deal comes days after Ford reached its own": Ford's deal is two to six days before publication."""
    saturday = dt.date(2023, 10, 28)
    (found,) = find_timexes("The Stellantis deal comes days after Ford reached a separate deal.", saturday)
    assert (found.text, found.type, found.value) == ("days", "DURATION", "PXD")
    assert (found.start, found.end) == (dt.date(2023, 10, 22), dt.date(2023, 10, 26))
    assert not [t for t in find_timexes("The deal came days after Ford reached its own.", saturday) if t.is_dated]


@pytest.mark.parametrize(("text", "values"), [
    ("The talks ended in March. The company will open its plant in March.", ["2025-03", "2026-03"]),
    ("The vote was held on Friday. The next vote will be held on Friday.", ["2025-06-06", "2025-06-13"]),
    ("The plant closed at 9 a.m. Friday. It will reopen at 9 a.m. Friday.", ["2025-06-06T09:00", "2025-06-13T09:00"]),
])
def test_a_repeated_expression_is_resolved_in_its_own_sentence(text: str, values: list[str]) -> None:
    """Repeated words share one resolution only where all it reads is the same: here their tenses differ."""
    assert [t.value for t in find_timexes(text, dt.date(2025, 6, 11))] == values


@pytest.mark.parametrize("phrase", ["in March", "on Friday", "in 2019", "said today", "two weeks ago",
                                    "at 10:35 a.m.", "on Friday, March 3, 2025", "for three weeks"])
def test_a_repeated_expression_resolves_as_it_does_alone(phrase: str) -> None:
    """A text of one phrase repeated (what the adversarial benchmark times) gives each copy the record the phrase
    gets alone, only its offsets moved."""
    import dataclasses

    alone = find_timexes(phrase, SAT)
    many = find_timexes(" ".join([phrase] * 50), SAT)
    assert alone and len(many) == 50 * len(alone)
    step = len(phrase) + 1
    for i, timex in enumerate(many):
        first = alone[i % len(alone)]
        shift = step * (i // len(alone))
        assert timex == dataclasses.replace(first, start_char=first.start_char + shift,
                                            end_char=first.end_char + shift)


# --------------------------------------------------------------------------- parts of the day with a modifier


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("Showers could arrive as soon as late morning.", "late morning", "2024-12-20TMO"),
    ("At mid-afternoon yesterday the shares were up 2 pence.", "mid-afternoon yesterday", "2024-12-19TAF"),
    ("The stock slipped during mid-day trading on Wednesday.", "mid-day", "2024-12-18TMI"),
    ("The crowd thinned by early evening.", "early evening", "2024-12-20TEV"),
])
def test_a_part_of_the_day_with_a_modifier_is_a_time_on_its_day(text: str, expression: str, value: str) -> None:
    timex = {t.text: t for t in find_timexes(text, FRI)}[expression]
    assert (timex.type, timex.value) == ("TIME", value)


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("The convoy will leave at 4 in the morning (6 a.m. local time, Sunday).", "4 in the morning", "2024-12-22T04:00"),
    ("The bar stays open until ten at night.", "ten at night", "2024-12-20T22:00"),
    ("They met at 7:30 in the evening on Wednesday.", "7:30 in the evening", "2024-12-18T19:30"),
    ("We gathered at five o'clock.", "five o'clock", "2024-12-20T05:00"),
])
def test_a_clock_time_in_words_is_a_time_on_its_day(text: str, expression: str, value: str) -> None:
    timex = {t.text: t for t in find_timexes(text, FRI)}[expression]
    assert (timex.type, timex.value) == ("TIME", value)


def test_a_number_before_a_part_of_the_day_without_a_preposition_is_no_clock_time() -> None:
    assert all(t.text != "3 in the afternoon" for t in find_timexes("The index fell 3 in the afternoon.", FRI))
