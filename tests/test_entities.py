"""Actors and places: found without a model, each under one name across the corpus."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from paths import SEEDS

from timeline.documents import Document
from timeline.entities import ACTOR_KINDS, KINDS, PLACE_KINDS, Mention, actors_and_places, find_entities
from timeline.entities.gazetteer import ORGANIZATIONS
from timeline.entities.places import place_table


def load_seeds() -> list[Document]:
    """The seeds as Documents, read here so these tests do not depend on the loader."""
    meta = json.loads((SEEDS / "metadata.json").read_text(encoding="utf-8"))
    return [Document(path.name, path.read_text(encoding="utf-8"), title=meta[path.name]["title"])
            for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def seeds() -> list[Document]:
    return load_seeds()


@pytest.fixture(scope="module")
def seed_mentions(seeds: list[Document]) -> dict[str, list[Mention]]:
    return find_entities(seeds)


def docs(*texts: str) -> list[Document]:
    return [Document(f"doc{i}", text) for i, text in enumerate(texts)]


def names(found: dict[str, list[Mention]], kinds: tuple[str, ...]) -> set[str]:
    return {m.name for mentions in found.values() for m in mentions if m.kind in kinds}


def spelled(found: dict[str, list[Mention]], kind: str = "person") -> dict[str, set[str]]:
    """surface text -> the canonical names it was given."""
    out: dict[str, set[str]] = {}
    for mentions in found.values():
        for m in mentions:
            if m.kind == kind:
                out.setdefault(m.text, set()).add(m.name)
    return out


# --------------------------------------------------------------------------- the seeds


def test_the_seeds_people_each_appear_once_under_one_name(seed_mentions) -> None:
    people = names(seed_mentions, ("person",))
    expected = {"Keith Kellogg", "Donald Trump", "Vladimir Putin", "Emmanuel Macron", "Matthew Whitaker",
                "Mark Rutte", "Giorgia Meloni", "Mike Waltz"}
    assert expected <= people
    for surname in ("Kellogg", "Trump", "Putin", "Macron", "Whitaker", "Rutte", "Meloni", "Waltz", "Witkoff"):
        assert len([p for p in people if p.endswith(surname)]) == 1, surname
    assert len([p for p in people if p.startswith("Zelensk") or " Zelensk" in p]) == 1
    assert next(p for p in people if p.endswith("Witkoff")) in ("Steve Witkoff", "Stephen Witkoff")


def test_the_seeds_have_no_junk_actors(seed_mentions) -> None:
    actors = names(seed_mentions, ACTOR_KINDS)
    junk = {"Coalition", "Western European", "Western European Leaders", "Black Sea", "Middle East",
            "Security Conference", "Read More", "Read more", "Related Posts", "Clash Report", "Dnipro River",
            "Article", "Article 5", "Soldiers", "Photo", "Depositphotos", "Paul Vernon", "Become", "Patron",
            "Thank", "Ctrl", "Enter", "Q&A", "Eastern European", "Ukrainian", "Special Envoy", "Secretary General",
            "US President", "President-elect Donald Trump", "Prime Minister", "Kiev", "Ohio", "Trump’s"}
    assert not actors & junk
    people = names(seed_mentions, ("person",))
    assert not people & {"Fox Business", "Euromaidan Press", "Financial Times", "NATO", "Coalition of the Willing"}
    assert all(len(p.split()) <= 4 for p in people)


def test_surnames_possessives_and_variants_join_the_full_name(seed_mentions) -> None:
    seen = spelled(seed_mentions)
    assert seen["Kellogg"] == seen["Keith Kellogg"] == {"Keith Kellogg"}
    assert seen["Trump"] == {"Donald Trump"}
    assert {m.name for m in seed_mentions["000_99470accad960eca.txt"] if m.text == "Trump"} == {"Donald Trump"}
    zelensky = seen["Zelensky"]
    assert len(zelensky) == 1 and seen["Vladimir Zelensky"] == seen["Volodymyr Zelenskyy"] == zelensky
    assert seen["Witkoff"] == seen["Stephen Witkoff"]
    assert seen["Putin"] == {"Vladimir Putin"}
    # "Kellogg’s role": the mention is the name, without the possessive
    text = next(d for d in load_seeds() if d.doc_id.startswith("000")).text
    at = text.index("Kellogg’s role")
    mentions = seed_mentions["000_99470accad960eca.txt"]
    assert any(m.start_char == at and m.end_char == at + len("Kellogg") for m in mentions)


def test_titles_are_not_part_of_names(seed_mentions) -> None:
    people = names(seed_mentions, ("person",))
    assert not [p for p in people if p.split()[0] in {"President", "President-elect", "US", "Ambassador", "Secretary",
                                                       "General", "Chief", "Prime", "Minister", "Special", "Envoy"}]


def test_the_seeds_places_and_organizations_use_one_name(seed_mentions) -> None:
    places = names(seed_mentions, PLACE_KINDS)
    assert {"United States", "Ukraine", "Russia", "United Kingdom", "Brussels", "Moscow", "Kyiv", "Vilnius",
            "Dayton", "Washington"} <= places
    assert not {"UK", "Britain", "Kiev", "US", "U.S.", "Dnipro", "Europe"} & places
    kiev = [m for ms in seed_mentions.values() for m in ms if m.text == "Kiev"]
    assert kiev and {m.name for m in kiev} == {"Kyiv"} and {m.kind for m in kiev} == {"city"}
    orgs = names(seed_mentions, ("organization",))
    assert {"NATO", "State Department", "G7", "Kremlin", "Munich Security Conference",
            "NATO Parliamentary Assembly", "European Union"} <= orgs
    # outlets cited for what they report ("according to the Financial Times", "told Fox Business") are sources
    assert {"Financial Times", "The Washington Post", "Fox Business"} <= names(seed_mentions, ("source",))
    assert not {"Financial Times", "The Washington Post", "Fox Business"} & orgs
    assert spelled(seed_mentions, "organization")["US State Department"] == {"State Department"}
    assert spelled(seed_mentions, "organization")["the Alliance"] == {"NATO"}  # NATO is named in that article


def test_mentions_point_into_the_text_in_order(seeds, seed_mentions) -> None:
    for doc in seeds:
        mentions = seed_mentions[doc.doc_id]
        assert mentions == sorted(mentions, key=lambda m: m.start_char)
        for m in mentions:
            assert doc.text[m.start_char:m.end_char] == m.text
            assert m.kind in KINDS
        spans = [(m.start_char, m.end_char) for m in mentions]
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "mentions overlap"


def test_demonyms_are_not_places(seed_mentions) -> None:
    doc = next(d for d in load_seeds() if d.doc_id.startswith("002"))
    at = doc.text.index("Ukrainian President")
    assert not [m for m in seed_mentions[doc.doc_id] if at <= m.start_char < at + len("Ukrainian President")]


# --------------------------------------------------------------------------- other stories


def test_other_stories_other_names() -> None:
    [doc] = docs(
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday. Scholz said the "
        "European Commission would act. Ursula von der Leyen, the Commission president, told reporters in Paris "
        "that Japan agreed. Jordan Bardella and Marine Le Pen did not attend.")
    found = find_entities([doc])[doc.doc_id]
    people = {m.name for m in found if m.kind == "person"}
    assert people == {"Olaf Scholz", "Emmanuel Macron", "Ursula von der Leyen", "Jordan Bardella", "Marine Le Pen"}
    assert [m.name for m in found if m.text == "Scholz"] == ["Olaf Scholz"]
    assert {m.name for m in found if m.kind in PLACE_KINDS} == {"Berlin", "Paris", "Japan"}


def test_a_place_in_a_persons_name_is_the_person() -> None:
    [doc] = docs("Defense Minister Israel Katz said Israel would respond. Rep. Jim Jordan, the Ohio Republican, "
                 "spoke; Jordan said he would vote no. Jordan and Egypt objected.")
    found = find_entities([doc])[doc.doc_id]
    by_text = [(m.text, m.kind, m.name) for m in found]
    assert ("Israel Katz", "person", "Israel Katz") in by_text and ("Israel", "country", "Israel") in by_text
    assert ("Jim Jordan", "person", "Jim Jordan") in by_text
    jordans = [(m.kind, m.name) for m in found if m.text == "Jordan"]
    assert jordans == [("person", "Jim Jordan"), ("country", "Jordan")]


def test_corpus_level_joining_and_canonical_form() -> None:
    found = find_entities(docs(
        "Ambassador Kellogg said little.",
        "US envoy Keith Kellogg arrived. Envoy Steve Witkoff met Kellogg.",
        "Stephen Witkoff said talks went well. Steve Witkoff said so twice, Witkoff told Fox News.",
        "President Zelenskiy spoke. Zelenskyy said Kyiv was ready.",
        "Ukrainian President Volodymyr Zelenskyy and Volodymyr Zelenskyy's aides met.",
    ))
    assert {m.name for m in found["doc0"] if m.kind == "person"} == {"Keith Kellogg"}
    assert {m.name for m in found["doc2"] if m.kind == "person"} == {"Steve Witkoff"}  # most frequent full form
    assert {m.name for m in found["doc3"] if m.kind == "person"} == {"Volodymyr Zelenskyy"}
    assert spelled(found)["Kellogg"] == {"Keith Kellogg"}


def test_a_given_name_beats_a_surname_alone_as_the_canonical_form() -> None:
    found = find_entities(docs("Bin Laden said it. Bin Laden said more. Bin Laden said no.",
                               "Osama Bin Laden, the leader, spoke; Bin Laden said nothing."))
    assert {m.name for ms in found.values() for m in ms if m.kind == "person"} == {"Osama Bin Laden"}


def test_title_led_single_names_and_surname_only_people() -> None:
    found = find_entities(docs("President Biden met Chancellor Merz in Washington. Biden's aides said Merz agreed.",
                               "Chinese President Xi Jinping spoke. Xi then left for Moscow."))
    assert {m.name for m in found["doc0"] if m.kind == "person"} == {"Biden", "Merz"}
    assert [m.name for m in found["doc1"] if m.text == "Xi"] == ["Xi Jinping"]


def test_no_people_in_headlines_boilerplate_or_credits() -> None:
    found = find_entities(docs(
        "Trump Says Ukraine Peace Deal Is Close As Putin Meets Envoy\nBy Jane Smith | Updated 10:35 GMT\n"
        "Follow Us On Google News\nRead More\nRelated Posts\nPhoto: Getty Images/John Smith\n"
        "The Minsk Agreements failed. New Year celebrations filled Times Square. The Golden Gate Bridge closed. "
        "Western European leaders met at the Security Conference. The Black Sea and the Middle East were calm.",
        "Price rises hit consumers as the price of bread soared. Spokesman Ned Price said nothing. "
        "Price said so again."))
    assert names({"d": found["doc0"]}, ("person",)) == set()
    # a generic organization is named as written: "the Security Conference" is one, "Us On Google News" is not
    assert names({"d": found["doc0"]}, ("organization",)) == {"Security Conference"}
    prices = [m for m in found["doc1"] if m.kind == "person"]  # "price" is written in lower case: a word, at first
    assert [m.name for m in prices] == ["Ned Price", "Ned Price"]
    assert prices[0].text == "Ned Price"


def test_generic_organizations() -> None:
    [doc] = docs("The Ministry of External Affairs said the Russian Defense Ministry lied. The Labour Party and the "
                 "Conservative Party clashed, and the Bank of England held rates. The Black Sea Fleet sailed.")
    orgs = [m.name for m in find_entities([doc])[doc.doc_id] if m.kind == "organization"]
    assert orgs == ["Ministry of External Affairs", "Russian Defense Ministry", "Labour Party", "Conservative Party",
                    "Bank of England", "Black Sea Fleet"]


# --------------------------------------------------------------------------- gazetteer


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("UK", "United Kingdom", "country"), ("U.K.", "United Kingdom", "country"),
    ("Britain", "United Kingdom", "country"), ("Great Britain", "United Kingdom", "country"),
    ("US", "United States", "country"), ("U.S.", "United States", "country"), ("USA", "United States", "country"),
    ("America", "United States", "country"),
    ("Kiev", "Kyiv", "city"), ("KYIV", "Kyiv", "city"), ("Türkiye", "Turkey", "country"),
    ("Ivory Coast", "Côte d'Ivoire", "country"), ("Guinea-Bissau", "Guinea-Bissau", "country"),
    ("Washington Post", "The Washington Post", "source"), ("EU", "European Union", "organization"),
    ("G-7", "G7", "organization"), ("U.N.", "United Nations", "organization"),
    ("FT", "Financial Times", "source"),  # "... in FT said": an outlet cited is a source
    ("Ohio", "Ohio", "region"), ("Washington state", "Washington", "region"), ("Middle East", "Middle East", "region"),
    ("Zurich", "Zürich", "city"), ("Wichita", "Wichita", "city"), ("St. Louis", "St. Louis", "city"),
])
def test_aliases(text: str, name: str, kind: str) -> None:
    [doc] = docs(f"Officials in {text} said so.")
    found = find_entities([doc])[doc.doc_id]
    assert [(m.text, m.name, m.kind) for m in found] == [(text, name, kind)]


def test_phrases_that_contain_a_place_are_not_that_place() -> None:
    [doc] = docs("Latin America and New Mexico watched the Dnipro River and the South China Sea; the US-led talks and "
                 "pro-Russia forces went on. The Post said nothing; neither did the Alliance.")
    found = find_entities([doc])[doc.doc_id]
    assert [(m.text, m.name) for m in found] == [("Latin America", "Latin America"), ("New Mexico", "New Mexico"),
                                                 ("Dnipro River", "Dnipro River"),  # the river, not the city
                                                 ("South China Sea", "South China Sea"), ("US", "United States")]


def test_gazetteer_coverage_and_no_alias_with_two_meanings() -> None:
    places = place_table()
    kinds = {p.kind for candidates in places.values() for p in candidates}
    assert kinds == {"country", "region", "city"}
    assert len({p.name for c in places.values() for p in c if p.kind == "country"}) >= 240
    assert len({p.name for c in places.values() for p in c if p.kind == "city"}) >= 20_000  # GeoNames 15,000+
    assert {"Ohio", "Washington", "Ontario", "Middle East"} <= {p.name for c in places.values() for p in c
                                                                if p.kind == "region"}
    assert len(ORGANIZATIONS) >= 100
    seen: dict[str, str] = {}
    for canonical, aliases in ORGANIZATIONS.items():
        for alias in (canonical, *aliases):
            assert seen.setdefault(alias, canonical) == canonical, alias


# --------------------------------------------------------------------------- interface


def test_actors_and_places_of_a_sentence() -> None:
    [doc] = docs("NATO chief Mark Rutte met Zelensky in Brussels and Brussels again. Putin spoke in Moscow.")
    mentions = find_entities([doc])[doc.doc_id]
    end = doc.text.index(".") + 1
    assert actors_and_places(mentions, 0, end) == (["NATO", "Mark Rutte"], ["Brussels"])
    assert actors_and_places(mentions, end, len(doc.text)) == ([], ["Moscow"])  # "Putin" alone is no known person


def test_bad_input_is_refused_clearly() -> None:
    assert find_entities([]) == {}
    with pytest.raises(TypeError, match="Document"):
        find_entities(["just a string"])  # type: ignore[list-item]


# --------------------------------------------------------------------------- well-kept data, ambiguity


def one(text: str, outlet: str = "") -> list[Mention]:
    doc = Document("d", text, outlet=outlet)
    return find_entities([doc])[doc.doc_id]


def by_kind(found: list[Mention]) -> set[tuple[str, str]]:
    return {(m.kind, m.name) for m in found}


def test_us_states_cities_counties_and_regions_come_from_geonames_and_iso() -> None:
    found = one("Workers in Wichita, Kansas and Renton joined others in Fulton County, in Ontario and the Middle East.")
    assert {("city", "Wichita"), ("region", "Kansas"), ("city", "Renton"), ("region", "Fulton County"),
            ("region", "Ontario"), ("region", "Middle East")} <= by_kind(found)


def test_places_named_like_words_or_people_need_context() -> None:
    found = one("Reading the report, officials in Reading said Mobile phones failed. The mayor of Mobile, Alabama, "
                "flew to Nice. Paris Hilton said she stayed in Paris. Nice weather helped.")
    places = [(m.text, m.name) for m in found if m.kind in PLACE_KINDS]
    assert places == [("Reading", "Reading"), ("Mobile", "Mobile"), ("Alabama", "Alabama"), ("Nice", "Nice"),
                      ("Paris", "Paris")]
    assert ("person", "Paris Hilton") in by_kind(found)


def test_a_name_with_several_meanings_follows_the_articles_geography() -> None:
    assert ("country", "Georgia") in by_kind(one("Russia and Georgia met in Tbilisi in March."))
    us = by_kind(one("Storms hit Atlanta, Florida and Alabama; Georgia said it was ready in March."))
    assert ("region", "Georgia") in us and not {name for _, name in us} & {"March"}


def test_a_place_qualifying_a_noun_is_no_place() -> None:
    found = one("The U.S. planemaker and U.S. officials met U.S. President Joe Biden in the U.S. on Monday. "
                "Detroit automakers struck the Toledo plant and the Kentucky Truck Plant; "
                "the US-led talks went on, and the U.S. said so.")
    assert [m.text for m in found if m.kind in PLACE_KINDS] == ["U.S.", "Toledo", "US", "U.S."]


def test_abbreviations_defined_in_the_text_join_their_long_form_across_the_corpus() -> None:
    found = find_entities(docs(
        "Members of the International Association of Machinists and Aerospace Workers (IAM) voted on Sunday. "
        "The IAM said the National Transportation Safety Board (NTSB) and the NTSB staff agreed.",
        "IAM members returned to work. NTSB (National Transportation Safety Board) investigators left."))
    iam = "International Association of Machinists and Aerospace Workers"
    ntsb = "National Transportation Safety Board"
    assert {(m.text, m.name) for m in found["doc0"]} >= {(iam, iam), ("IAM", iam), (ntsb, ntsb), ("NTSB", ntsb)}
    assert {(m.text, m.name, m.kind) for m in found["doc1"]} == {
        ("IAM", iam, "organization"), ("NTSB", ntsb, "organization"), (ntsb, ntsb, "organization")}


def test_outlets_cited_as_sources_are_no_actors() -> None:
    text = ("The Washington Post reported on Friday that talks stalled, according to Reuters. Fain told CNN "
            "and Bloomberg News reported the same. The Detroit Free Press confirmed it.")
    found = one(text, outlet="Detroit Free Press")
    assert {m.name for m in found if m.kind == "source"} == {
        "The Washington Post", "Reuters", "CNN", "Bloomberg", "Detroit Free Press"}
    actors, _ = actors_and_places(found, 0, len(text))
    assert not {"The Washington Post", "Reuters", "CNN", "Bloomberg", "Detroit Free Press"} & set(actors)
    assert by_kind(one("Reuters staff met officials.", outlet="Reuters")) == {("source", "Reuters")}  # its own
    credit = one("ATLANTA (AP) — Officials met.\n(CBS DETROIT) - Workers struck.")
    assert by_kind(credit) == {("city", "Atlanta"), ("source", "Associated Press"), ("source", "CBS News")}


def test_companies_of_the_stock_indices_with_their_short_forms_and_initials() -> None:
    found = one("General Motors and Ford Motor Co. met the union. GM said Ford would follow. Ford said no. "
                "Stellantis agreed with United Parcel Service and UPS drivers.")
    orgs = [(m.text, m.name) for m in found if m.kind == "organization"]
    assert orgs == [("General Motors", "General Motors"), ("Ford Motor", "Ford"), ("GM", "General Motors"),
                    ("Ford", "Ford"), ("Ford", "Ford"), ("Stellantis", "Stellantis"),
                    ("United Parcel Service", "United Parcel Service"), ("UPS", "United Parcel Service")]
    assert not [m for m in one("Ford the river at dawn; the ford is shallow.") if m.kind == "organization"]


def test_union_locals_are_organizations_joined_to_their_union() -> None:
    found = find_entities(docs("Todd Dunn, president of UAW Local 862, spoke.", "Local 862 held a rally."))
    assert [(m.text, m.name) for m in found["doc1"] if m.kind == "organization"] == [("Local 862", "UAW Local 862")]


def test_a_surname_that_is_a_title_word_stays_in_the_name() -> None:
    found = one("John Major said he agreed. Boeing CEO Kelly Ortberg said the plan works.")
    assert {("person", "John Major"), ("person", "Kelly Ortberg"), ("organization", "Boeing")} <= by_kind(found)


# --------------------------------------------------------------------------- linear time


def test_every_entity_pass_is_linear_in_the_text(monkeypatch) -> None:
    """Counted operations, not seconds: twice the text costs twice the work, not four times."""
    import timeline.entities.finder as finder

    calls = {"n": 0}
    original = finder._overlapping

    def counting(*args):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        return original(*args)

    monkeypatch.setattr(finder, "_overlapping", counting)

    class Counted(finder.Mentions):
        reads = 0

        def __getitem__(self, i):  # type: ignore[no-untyped-def]
            Counted.reads += 1
            return super().__getitem__(i)

    costs = []
    for repeat in (200, 400):
        sentence = "Russia Defense Ministry said on Friday. "
        text = sentence * repeat
        calls["n"] = 0
        found = Counted(find_entities(docs(text))["doc0"])
        Counted.reads = 0
        for k in range(repeat):
            actors_and_places(found, k * len(sentence), (k + 1) * len(sentence))
        costs.append((calls["n"], Counted.reads))
    (passes_small, reads_small), (passes_big, reads_big) = costs
    assert passes_big <= 2 * passes_small + 2
    assert reads_big <= 2 * reads_small + 2  # each event reads its own mentions only


# --------------------------------------------------------------------------- measured on real text


def _score(gold: dict, found: dict[str, list[Mention]], texts: dict[str, str]) -> tuple[float, float]:
    from timeline.sentences import split_sentences

    canonical = {}
    for name, variants in gold["aliases"].items():
        for variant in (name, *variants):
            canonical[variant.lower()] = name.lower()
    tp = predicted = total = 0
    for item in gold["entities"]:
        text = texts[item["doc"]]
        at = text.index(item["quote"])
        sentence = next(s for s in split_sentences(text) if s.start_char <= at < s.end_char)
        got = actors_and_places(found[item["doc"]], sentence.start_char, sentence.end_char)
        for want, have in zip((item["actors"], item["places"]), got, strict=True):
            want_set = {canonical.get(n.lower(), n.lower()) for n in want}
            have_set = {canonical.get(n.lower(), n.lower()) for n in have}
            tp += len(want_set & have_set)
            predicted += len(have_set)
            total += len(want_set)
    return tp / predicted, tp / total


def test_precision_and_recall_on_the_entity_dev_set() -> None:
    """Real news texts on other stories, annotated before the finder ran on them (tests/data/entities_dev.json)."""
    gold = json.loads((Path(__file__).parent / "data" / "entities_dev.json").read_text(encoding="utf-8"))
    documents = [Document(k, v["text"], outlet=v["outlet"]) for k, v in gold["documents"].items()]
    precision, recall = _score(gold, find_entities(documents), {d.doc_id: d.text for d in documents})
    assert precision >= 0.8 and recall >= 0.85, (precision, recall)


def test_precision_and_recall_on_the_development_story() -> None:
    """The story's gold, scored as the lead scores it: names on the event rows of each gold sentence."""
    from timeline import extract_events, load_documents
    from timeline.story import load_gold, score_entities

    folder = Path(__file__).parent / "data" / "story"
    score = score_entities(extract_events(load_documents(folder / "articles")), load_gold(folder))
    assert score.precision >= 0.85 and score.recall >= 0.85, (score.precision, score.recall)


def test_each_place_knows_what_holds_it() -> None:
    from timeline.entities.places import containers

    held = containers()
    assert {"Michigan", "United States"} <= held["Detroit"]
    assert held["Michigan"] == frozenset({"United States"})
    assert "Detroit" not in held["Detroit"]


def test_rivers_bays_and_harbours_are_places_and_a_bridge_is_no_person() -> None:
    [doc] = docs("Divers searched the Patapsco River near Baltimore Harbor and Chesapeake Bay. The Francis Scott Key "
                 "bridge fell.")
    found = {(m.kind, m.name) for m in find_entities([doc])[doc.doc_id]}
    assert {("region", "Patapsco River"), ("region", "Baltimore Harbor"), ("region", "Chesapeake Bay")} <= found
    assert not any(kind == "person" for kind, _ in found)
