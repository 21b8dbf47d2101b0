"""Actors and places: people, organizations, countries, regions and cities, one name each across a corpus."""

from timeline.entities.finder import (
    ACTOR_KINDS,
    KINDS,
    PLACE_KINDS,
    SOURCE_KINDS,
    Mention,
    Mentions,
    actors_and_places,
    find_entities,
    people_in,
)

__all__ = ["ACTOR_KINDS", "KINDS", "PLACE_KINDS", "SOURCE_KINDS", "Mention", "Mentions", "actors_and_places",
           "find_entities", "people_in"]
