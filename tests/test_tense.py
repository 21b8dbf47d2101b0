"""Specification of `timeline.timex.tense`: which way an underspecified date points, and at what cost."""

from __future__ import annotations

import pytest

from timeline.timex.tense import TenseIndex, sentence_bounds, tense_at


def _direction(sentence: str, expression: str) -> str:
    start = sentence.index(expression)
    return tense_at(sentence, start, start + len(expression)).direction


@pytest.mark.parametrize(("sentence", "expression"), [
    ("The plan will be reviewed at a summit in October.", "October"),
    ("The referendum will be held on 9 June.", "9 June"),
    ("The album is due to be released in June.", "June"),
    ("The talks were planned for April.", "April"),
    ("The final round takes place Thursday.", "Thursday"),
    ("The product launch is on Wednesday.", "Wednesday"),
    ("Firms must respond by Monday.", "Monday"),
    ("Applications are due by March.", "March"),
    ("Showers are expected, mostly Sunday and Monday.", "Sunday"),
    ("Indeed, the need for speed is clear: the vote is on Friday.", "Friday"),
    # a present passive is no past: the participle belongs to "is"
    ("The family will fight on when the case is heard in May.", "May"),
    ("The senators will vote after both bills are debated on Tuesday.", "Tuesday"),
])
def test_forward_looking_sentences_point_forward(sentence: str, expression: str) -> None:
    assert _direction(sentence, expression) == "future"


@pytest.mark.parametrize(("sentence", "expression"), [
    ("There was a crash in March that killed two.", "March"),
    ("The plan was reviewed at a summit in October.", "October"),
    ("The leaders met on Friday.", "Friday"),
    ("The United States and Japan talked on Friday.", "Friday"),  # "United" is no past cue, "talked" is
    # irregular past forms: "Since the fund bought it in February, it has agreed to sell..."
    ("Since the fund bought the firm in February, it has agreed to sell two units.", "February"),
    ("The crew fought the fire through Sunday, then flew home.", "Sunday"),
    ("She spoke on Tuesday, and the court will rule later.", "Tuesday"),
    # a vote or decision is dated itself: "voted to reject" is no forward cue for the day beside it
    ("On Sunday, the machinists voted to reject the offer.", "Sunday"),
    ("The board decided on Friday to sell the unit.", "Friday"),
])
def test_past_tense_points_back(sentence: str, expression: str) -> None:
    assert _direction(sentence, expression) == "past"


@pytest.mark.parametrize("word", ["indeed", "need", "speed", "United", "hundred"])
def test_words_ending_in_ed_that_are_no_verbs_are_no_past_cue(word: str) -> None:
    sentence = f"The {word} on Friday."
    start = sentence.index("Friday")
    assert tense_at(sentence, start, start + 6).cue == ""


def test_the_index_answers_like_a_look_up_of_one_span() -> None:
    text = "Talks were held on Monday. They will resume on Friday, officials said. " * 3
    index = TenseIndex(text)
    for start in range(0, len(text) - 6, 7):
        assert index.tense_at(start, start + 6) == tense_at(text, start, start + 6)
        assert index.sentence_bounds(start, start + 6) == sentence_bounds(text, start, start + 6)


def test_the_scheduled_present_is_a_weaker_cue_than_a_past_verb_as_near() -> None:
    sentence = "Talks ended on Friday & resume next week."
    start = sentence.index("Friday")
    assert tense_at(sentence, start, start + 6).direction == "past"


@pytest.mark.parametrize(("sentence", "expression"), [
    ("The minister said more flights could resume Friday.", "Friday"),  # a possibility looks forward
    ("Officials warn the bridge may close Tuesday.", "Tuesday"),
    ("The governor arrives in Lyon on Wednesday to open the fair.", "Wednesday"),  # the present of a visit
    ("Counting continues through Saturday, with ballots from two towns left to be counted.", "Saturday"),
])
def test_a_present_or_a_possibility_is_a_weak_forward_cue(sentence: str, expression: str) -> None:
    start = sentence.index(expression)
    tense = tense_at(sentence, start, start + len(expression))
    assert (tense.direction, tense.weak) == ("future", True)


@pytest.mark.parametrize(("sentence", "expression"), [
    ("The mayor could not be reached Friday.", "Friday"),  # "could not" looks back
    ("The firm may have sold the stake on Monday, analysts said.", "Monday"),
    ("In May the firm sold a plant on Monday.", "Monday"),  # the month is no "may"
    ("The deal was announced on Monday, which was expected to calm markets.", "Monday"),  # a future in the past
])
def test_modals_that_look_back_and_futures_in_the_past_are_no_forward_cue(sentence: str, expression: str) -> None:
    assert _direction(sentence, expression) == "past"


@pytest.mark.parametrize(("sentence", "expression"), [
    ("The agency had earlier targeted October 23 for the launch.", "October 23"),  # a plan, even in the past
    ("It is one of the most anticipated days before November's vote.", "November"),
    ("The offer was extended to Nov. 16.", "Nov. 16"),  # a deadline moved
    ("The hearing was postponed until Tuesday.", "Tuesday"),
    ("The firm will redeem its preferred shares on Oct. 31.", "Oct. 31"),  # "preferred" is no verb here
    ("Airlines will add flights by August to markets untouched by the crisis.", "August"),
])
def test_plans_and_moved_deadlines_look_forward_and_adjectives_in_ed_do_not_look_back(sentence: str,
                                                                                     expression: str) -> None:
    assert _direction(sentence, expression) == "future"


@pytest.mark.parametrize(("sentence", "expression"), [
    ("A private placement of shares, to be completed around Nov. 1, was announced.", "Nov. 1"),
    ("They expect the sale to be closed by Dec. 15.", "Dec. 15"),
])
def test_a_passive_infinitive_looks_forward_and_its_participle_is_no_past_cue(sentence: str, expression: str) -> None:
    assert _direction(sentence, expression) == "future"


def test_forecast_as_a_noun_is_no_forward_cue() -> None:
    assert _direction("Output rose from the August forecast.", "August") == "past"
    assert _direction("Output is forecast to rise in August.", "August") == "future"


@pytest.mark.parametrize(("text", "expression", "sentence"), [
    ("In January, after the Roe vs. Wade ruling, a bomb in Birmingham, Ala., killed a guard. Later, more.", "January",
     "In January, after the Roe vs. Wade ruling, a bomb in Birmingham, Ala., killed a guard."),
    ("Dow Jones & Co. said Friday it would extend the offer. Shares rose.", "Friday",
     "Dow Jones & Co. said Friday it would extend the offer."),
    ("The offer expires on Oct. 23. The board met.", "Oct. 23", "The offer expires on Oct. 23."),
])
def test_an_abbreviation_ends_no_sentence(text: str, expression: str, sentence: str) -> None:
    start = text.index(expression)
    begin, end = sentence_bounds(text, start, start + len(expression))
    assert text[begin:end] == sentence


def test_an_ed_word_after_a_determiner_is_an_adjective_not_a_past_cue() -> None:
    """ "will travel on Friday to visit the collapsed bridge": the future decides, "collapsed" describes."""
    text = "The president will travel to Baltimore on Friday to visit the collapsed bridge."
    start = text.index("Friday")
    assert tense_at(text, start, start + 6).direction == "future"
    text = "The bridge collapsed on Friday."
    start = text.index("Friday")
    assert tense_at(text, start, start + 6).direction == "past"


@pytest.mark.parametrize(("sentence", "expression", "direction"), [
    ("\"The ferry will sail from the old harbour at dawn (5 a.m. Thursday),\" he said.", "5 a.m. Thursday", "future"),
    ("``Our team will land in Oslo in time for the final (noon Friday),'' she told us.", "noon Friday", "future"),
    ("“We signed the long-awaited deal with the union (on Monday),” she will say.", "on Monday", "past"),
])
def test_a_cue_across_a_quotation_mark_speaks_for_another_voice(sentence: str, expression: str,
                                                                 direction: str) -> None:
    assert _direction(sentence, expression) == direction


def test_the_attribution_still_dates_what_it_says_outside_the_quotation() -> None:
    assert _direction("\"We are ready,\" the minister said on Thursday.", "Thursday") == "past"
