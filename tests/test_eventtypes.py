"""Event classes: the kind of happening a clause tells, from a general news lexicon, in inflected forms."""

from __future__ import annotations

import pytest

from timeline.events.eventtypes import (
    GENERIC,
    LEXICON,
    akin,
    compatible,
    distinctive,
    event_classes,
    hedged,
    shared,
    specific,
    triggers,
)


@pytest.mark.parametrize(("clause", "expected"), [
    ("The union went on strike at midnight", {"strike"}),
    ("Workers walked off the job at a customer care center", {"strike"}),
    ("Thousands of workers walked out of the plant", {"strike"}),
    ("The union reached a tentative deal with the automaker", {"agreement"}),
    ("Members voted to ratify the contract", {"vote"}),
    ("The members narrowly approved the contract", {"vote"}),
    ("The contract expires at 11:59 p.m.", {"expiry"}),
    ("Police arrested two men near the stadium", {"arrest"}),
    ("The jury returned its verdict", {"arrest"}),
    ("The minister resigned after the scandal", {"personnel"}),
    ("The company acquired a rival for $2 billion", {"merger"}),
    ("A hurricane made landfall near Tampa", {"weather"}),
    ("The company reported third-quarter earnings", {"earnings"}),
    ("The president flew to Michigan", {"visit"}),
])
def test_a_clause_gets_the_class_of_its_trigger_in_any_inflection(clause: str, expected: set[str]) -> None:
    assert specific(event_classes(clause)) == expected


def test_a_longer_trigger_wins_over_the_word_inside_it() -> None:
    assert event_classes("An air strike hit the depot") == {"attack"}  # not a labour strike
    assert [t.text for t in triggers("They walked off the job at noon")] == ["walked off the job"]


def test_words_that_only_look_like_triggers_are_not() -> None:
    assert event_classes("Officials met in March with voters in the striker's hometown") == {"meeting"}
    assert event_classes("The deadlines") == {"expiry"} and event_classes("deadlock") == frozenset()
    assert event_classes("") == frozenset()


def test_classes_clash_only_when_both_clauses_say_what_happened_and_differ() -> None:
    strike, deal, vote = event_classes("went on strike"), event_classes("reached a deal"), event_classes("voted")
    assert not compatible(strike, deal) and not compatible(deal, vote) and not compatible(strike, vote)
    announced = event_classes("the union announced")  # an announcement and what it announces: one happening
    assert specific(announced) == frozenset() and compatible(announced, strike) and compatible(announced, deal)
    assert compatible(frozenset(), strike)  # a clause with no trigger says nothing against
    assert compatible(event_classes("a shooting"), event_classes("two people died"))  # related classes
    assert shared(event_classes("walked out"), event_classes("the strike began")) == {"strike"}


def test_the_lexicon_is_general_news_and_every_generic_class_exists() -> None:
    assert len(LEXICON) >= 15 and LEXICON.keys() >= GENERIC
    for name, words in LEXICON.items():
        assert words and all(w == w.lower().strip() for w in words), name


def test_a_capitalised_trigger_inside_a_name_is_no_trigger() -> None:
    assert event_classes("President Bill Clinton condemned the attacks") == {"attack"}
    assert event_classes("Bill would raise taxes, critics said") == {"policy"}  # a clause's first word


def test_a_clause_that_tells_a_possibility_is_hedged() -> None:
    assert hedged("Fain said more strikes could happen") and hedged("Workers would walk out if talks fail")
    assert not hedged("The UAW officially went on strike") and not hedged("Workers will walk out at noon")


def test_what_someone_calls_for_or_plans_is_no_happening_of_its_class() -> None:
    """ "Fain called on three plants to strike": the happening is the call, the strike another one."""
    assert "strike" not in event_classes("Fain called on three plants to strike")
    assert "strike" not in event_classes("workers at the three plants are preparing to walk off the job")
    assert "strike" in event_classes("The union voted to strike")  # a vote to strike is no directive
    assert "strike" in event_classes("workers went on strike to protest the plan")


def test_what_is_scheduled_is_the_happening_of_its_class() -> None:
    """ "Contracts are set to expire at midnight": the date is the expiry's, as in "scheduled to expire"."""
    assert event_classes("Contracts are set to expire at 11:59 p.m. Thursday") == {"expiry"}
    assert "strike" in event_classes("Workers at three plants are poised to walk out")
    assert "vote" in event_classes("Members are expected to vote on the offer")


def test_disaster_and_court_stories_have_their_classes() -> None:
    """Not only labour news: recoveries, searches, demolitions, ships' voyages, investigations, claims, funding."""
    assert event_classes("The bodies of two workers were recovered from the river") >= {"recovery"}
    assert event_classes("Divers suspended the search") == {"search"}
    assert event_classes("Crews conducted a controlled demolition of the span") == {"demolition"}
    assert event_classes("The ship was refloated and towed to the terminal") == {"voyage"}
    assert event_classes("Federal investigators opened a probe") == {"investigation"}
    assert event_classes("The government filed a claim against the owner") == {"lawsuit"}
    assert event_classes("The state asked for emergency funding") == {"funding"}
    assert compatible(frozenset({"search"}), frozenset({"recovery"}))
    assert not compatible(frozenset({"search"}), frozenset({"accident"}))


def test_strike_with_an_object_is_a_blow_not_a_walkout() -> None:
    assert "strike" not in event_classes("The cargo ship struck the bridge")
    assert "strike" not in event_classes("Striking a support column, the ship stopped")
    assert event_classes("A cargo ship rammed into the bridge") == {"accident"}
    assert event_classes("Workers struck Ford at midnight") == {"strike"}
    assert event_classes("The union struck a deal with GM") == {"agreement"}


def test_a_livestream_is_told_with_anything_but_singles_out_one_telling() -> None:
    """ "Fain announced the strike in a livestream": the medium clashes with no class, but two mentions of the
    livestream of one day tell one livestream."""
    stream = event_classes("Union leaders will speak to members in a Facebook Live event")
    assert stream == {"broadcast"} and event_classes("The live stream is scheduled to start") == {"broadcast"}
    assert specific(stream) == frozenset() and distinctive(stream) == {"broadcast"}
    assert compatible(stream, event_classes("went on strike")) and compatible(stream, event_classes("reached a deal"))
    assert shared(stream, event_classes("during Friday's livestream")) == {"broadcast"}
    assert shared(event_classes("the union announced"), event_classes("the company announced")) == frozenset()


def test_related_classes_are_akin_unrelated_ones_are_not() -> None:
    search, recovery = event_classes("Divers located the truck"), event_classes("The worker was recovered")
    assert akin(search, recovery) and not shared(search, recovery)
    assert not akin(event_classes("went on strike"), event_classes("reached a deal"))
    assert not akin(event_classes("the union announced"), event_classes("the company announced"))
