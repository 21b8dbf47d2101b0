"""Roles: an expression dates an event unless the cue words around it make it a bound, a measure or a baseline."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import extract_events
from timeline.documents import document_from_text
from timeline.events.roles import EVENT, REFERENCE, role_of
from timeline.timex import find_timexes

PUBLISHED = dt.date(2025, 2, 12)  # a Wednesday

# (sentence, the expression as written, its role): news sentences; the cue words around the expression decide.
CASES = [
    # events: the date is when the sentence's happening happened (or will)
    ("Talks resumed on Monday in Geneva after a two-week pause.", "Monday", EVENT),
    ("The 45-year-old was arrested on Monday at his home in Lyon.", "Monday", EVENT),
    ("Macron first broached the idea in February, according to diplomats.", "February", EVENT),
    ("Russia launched its full-scale invasion of Ukraine in February 2022.", "February 2022", EVENT),
    ("The minister resigned on Tuesday, weeks after the scandal broke.", "Tuesday", EVENT),
    ("Negotiators will meet again next week in Istanbul.", "next week", EVENT),
    ("Ukrainian troops withdrew from Avdiivka on Saturday.", "Saturday", EVENT),
    ("The envoy flew from Brussels to Paris on Thursday.", "Thursday", EVENT),
    ("The talks will not resume until March, a spokesman said.", "March", EVENT),
    ("He served as defence minister from 2019 to 2021.", "2019", EVENT),
    ("He served as defence minister from 2019 to 2021.", "2021", EVENT),
    ("The exhibition opens on Friday and runs through March.", "Friday", EVENT),
    ("The plant is expected to close in 3 years, the union said.", "3 years", EVENT),
    ("The first round of talks will take place in 2 weeks.", "2 weeks", EVENT),
    ("Sales rose 5% in 2024 as exports recovered.", "2024", EVENT),
    ("Zelensky said on Thursday that the talks had failed.", "Thursday", EVENT),
    ("The vote was moved to Thursday rather than on Wednesday.", "Thursday", EVENT),
    ("The minister, who lived in exile from 1968, when the tanks rolled in, returned in 1990.", "1968", EVENT),
    ("He has been in hiding since the March 2019 bombing of the embassy.", "March 2019", EVENT),
    ("Talks have stalled since Monday's attack on the convoy.", "Monday", EVENT),
    ("The factory wasn't expected to start production until 2027.", "2027", EVENT),
    ("The automakers initially had until 11:59 p.m., Sept. 14, to reach a deal.", "11:59 p.m., Sept. 14", EVENT),
    ("The union gave the companies until noon Friday to make progress.", "noon Friday", EVENT),
    ("The retailer had more than $110 million in sales last year.", "last year", EVENT),
    ("Payments from the fund will continue to be a burden on the budget through 2026.", "2026", REFERENCE),
    # references: the date bounds, measures or is the baseline of something else
    ("These were the first direct talks between the two sides since 2022.", "2022", REFERENCE),
    ("As of April, at least 300 civilians had been killed.", "April", REFERENCE),
    ("Troop numbers stood at 40,000 as of January 2025.", "January 2025", REFERENCE),
    ("The ceasefire holds until March, officials said.", "March", REFERENCE),
    ("He will remain in custody till Friday.", "Friday", REFERENCE),
    ("The border will stay closed through Sunday.", "Sunday", REFERENCE),
    ("The exhibition opens on Friday and runs through March.", "March", REFERENCE),
    ("Voting continues at the plant through early Saturday.", "early Saturday", REFERENCE),
    ("Until Monday, no official had confirmed the meeting.", "Monday", REFERENCE),
    ("Inflation is at its highest since 2008.", "2008", REFERENCE),
    ("For the first time since 2019, the two leaders shook hands.", "2019", REFERENCE),
    ("Prices have been frozen since Monday.", "Monday", REFERENCE),
    ("The museum has been closed since early 2020.", "early 2020", REFERENCE),
    ("Ever since 2014, the region has been contested.", "2014", REFERENCE),
    ("Inflation rose from 2019 to 2021, the data show.", "2019", REFERENCE),
    ("Inflation rose from 2019 to 2021, the data show.", "2021", REFERENCE),
    ("Unemployment climbed from 3.5% in 2022 to 4.1% in 2024.", "2022", REFERENCE),
    ("Unemployment climbed from 3.5% in 2022 to 4.1% in 2024.", "2024", REFERENCE),
    ("Sales will grow from 2025 to 2030, the company forecasts.", "2030", REFERENCE),
    ("Output was higher than in 2019.", "2019", REFERENCE),
    ("Revenue rose 8% compared with last year.", "last year", REFERENCE),
    ("The deficit narrowed to 2.1%, down from 3.4% in 2023.", "2023", REFERENCE),
    ("The vote was moved to Thursday rather than on Wednesday.", "Wednesday", REFERENCE),
    ("Net income rose to $87 million, or $2.02 a share, from $58 million, or $1.40 a share, a year earlier.",
     "a year earlier", REFERENCE),
    ("Volume was 840 million shares, up from 443 million Thursday.", "Thursday", REFERENCE),
    ("Exports fell 8.4% from a year ago, hurting the currency.", "a year ago", REFERENCE),
    ("The deficit fell to $14 billion last year, down $2.5 billion from 2023.", "2023", REFERENCE),
    ("The index closed down 4.5% from the previous Friday.", "the previous Friday", REFERENCE),
]


def _timex(sentence: str, written: str):
    found = [t for t in find_timexes(sentence, PUBLISHED) if t.text == written and t.is_dated]
    assert len(found) == 1, (sentence, written, [t.text for t in find_timexes(sentence, PUBLISHED)])
    return found[0]


@pytest.mark.parametrize(("sentence", "written", "expected"), CASES)
def test_the_cue_words_around_an_expression_decide_its_role(sentence: str, written: str, expected: str) -> None:
    role = role_of(sentence, _timex(sentence, written))
    assert role.role == expected, role.reason
    assert role.reason


def test_the_table_has_both_roles_and_enough_cases() -> None:
    assert len(CASES) >= 30
    assert {role for *_, role in CASES} == {EVENT, REFERENCE}


@pytest.mark.parametrize(("sentence", "written", "cue"), [
    ("These were the first direct talks since 2022.", "2022", "since 2022"),
    ("As of April, at least 300 civilians had been killed.", "April", "as of April"),
    ("The ceasefire holds until March.", "March", "until March"),
    ("Output was higher than in 2019.", "2019", "than in 2019"),
    ("Inflation rose 4% from 2019 to 2021.", "2019", "rose"),
])
def test_a_reference_names_its_cue(sentence: str, written: str, cue: str) -> None:
    role = role_of(sentence, _timex(sentence, written))
    assert role.role == REFERENCE and cue in role.reason


def test_only_the_sentence_of_the_expression_counts() -> None:
    text = "Prices have been frozen since the war began. Talks resumed on Monday."
    assert role_of(text, _timex(text, "Monday")).role == EVENT
    text = "The ceasefire was agreed on Monday. It holds until March."
    assert [role_of(text, t).role for t in find_timexes(text, PUBLISHED)] == [EVENT, REFERENCE]


def test_a_cue_bounds_only_the_expression_right_after_it() -> None:
    """ "the lowest since the start of the war in February 2022": the war did start then, an event."""
    text = "Gas prices are the lowest since the start of the war in February 2022."
    assert role_of(text, _timex(text, "February 2022")).role == EVENT


def test_extracted_rows_carry_the_role_and_its_reason() -> None:
    doc = document_from_text("Talks resumed on Monday, the first talks since 2022. The truce holds until March. "
                             "The 45-year-old envoy is 45 years old.", published=PUBLISHED, doc_id="r")
    events = extract_events([doc])
    assert events["timex_text"].tolist() == ["2022", "Monday", "March"]  # an age is no date at all
    assert events["role"].tolist() == [REFERENCE, EVENT, REFERENCE]
    assert events.loc[0, "role_reason"].startswith("'since 2022'")
    assert events["start"].tolist()[0].year == 2022  # a reference keeps its resolved, explained date
    assert events.loc[0, "rule"].startswith("year")


def test_seed_references_are_exactly_the_ones_checked_by_hand(seed_events) -> None:
    """Read by hand: "As of April 2025, at least six countries ... have expressed readiness" reports a state at
    that date; every other seed expression dates what its sentence tells."""
    references = seed_events[seed_events["role"] == REFERENCE]
    assert [(d[:3], t) for d, t in zip(references["doc_id"], references["timex_text"], strict=True)] == [
        ("002", "April 2025")]
    assert set(seed_events["role"]) == {EVENT, REFERENCE}
