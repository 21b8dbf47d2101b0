"""Actors and places: found without a model, each under one name across the corpus."""

from __future__ import annotations

from timeline.documents import document_from_text
from timeline.entities import actors_and_places, find_entities


def names(mentions_by_doc, kinds) -> set[str]:
    return {m.name for mentions in mentions_by_doc.values() for m in mentions if m.kind in kinds}


def test_the_seeds_people_each_appear_once_under_one_name(seed_docs) -> None:
    people = names(find_entities(seed_docs), ("person",))
    expected = {"Keith Kellogg", "Donald Trump", "Vladimir Putin", "Emmanuel Macron", "Matthew Whitaker",
                "Mark Rutte", "Giorgia Meloni", "Mike Waltz"}
    assert expected <= people
    assert len([p for p in people if p.endswith(("Zelensky", "Zelenskyy"))]) == 1
    assert len([p for p in people if p.endswith("Witkoff")]) == 1
    junk = {"Coalition", "Western European", "Black Sea", "Middle East", "Security Conference", "Read More",
            "Related Posts", "Fox Business", "Clash Report", "Dnipro River", "Euromaidan Press", "Article"}
    assert not people & junk


def test_surnames_and_variants_join_the_full_name(seed_docs) -> None:
    found = find_entities(seed_docs)
    spelled = {m.text: m.name for mentions in found.values() for m in mentions if m.kind == "person"}
    assert spelled["Kellogg"] == spelled["Keith Kellogg"] == "Keith Kellogg"
    assert spelled["Trump"] == "Donald Trump"  # articles 000 and 001 only say "Trump"
    assert spelled["Zelensky"] == spelled["Vladimir Zelensky"] == spelled["Volodymyr Zelenskyy"]
    assert spelled["Witkoff"] == spelled["Stephen Witkoff"]


def test_places_and_organizations_use_one_canonical_name(seed_docs) -> None:
    found = find_entities(seed_docs)
    places = names(found, ("country", "city"))
    assert {"United States", "Ukraine", "Russia", "United Kingdom", "Brussels", "Moscow", "Kyiv"} <= places
    assert not {"UK", "Britain", "Kiev", "US", "U.S."} & places
    assert {"NATO", "State Department", "G7", "Kremlin"} <= names(found, ("organization",))


def test_other_stories_other_names() -> None:
    doc = document_from_text(
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday. Scholz said the "
        "European Commission would act. Ursula von der Leyen, the Commission president, told reporters in Paris "
        "that Japan agreed. Jordan Bardella and Marine Le Pen did not attend.", published="2025-01-10")
    found = find_entities([doc])[doc.doc_id]
    people = {m.name for m in found if m.kind == "person"}
    assert {"Olaf Scholz", "Emmanuel Macron", "Ursula von der Leyen", "Jordan Bardella", "Marine Le Pen"} <= people
    assert [m.name for m in found if m.text == "Scholz"] == ["Olaf Scholz"]
    assert {"Berlin", "Paris", "Japan"} <= {m.name for m in found if m.kind in ("country", "city")}
    assert "Jordan" not in {m.name for m in found if m.kind == "country"}


def test_actors_and_places_of_a_sentence() -> None:
    doc = document_from_text("NATO chief Mark Rutte met Zelensky in Brussels. Putin spoke in Moscow.",
                             published="2024-12-20")
    mentions = find_entities([doc])[doc.doc_id]
    assert actors_and_places(mentions, 0, 47) == (["NATO", "Mark Rutte"], ["Brussels"])
