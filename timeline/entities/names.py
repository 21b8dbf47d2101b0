"""Given names from well-kept data: the name dictionary that ``gender_guesser`` ships (Jörg Michael's
``nam_dict.txt``, some 48,000 given names with their frequency in 55 countries), read once.

A capitalised pair that opens with a given name is very likely a person ("Joel Daves", "Massimo Aparo").
Kept: names given in some country with a frequency score of 3 or more, that are no lower-case English
word ("Will", "Hope", "Grace", "Major" are dropped), plus the hand list of `gazetteer.FIRST_NAMES`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from timeline.entities.gazetteer import FIRST_NAMES
from timeline.entities.places import dictionary_words

MIN_SCORE = 3  # the summed frequency digits (1 = rare ... 13 = very common) over all countries
_BELOW_MIN = frozenset({"", "1", "2", "11"})  # the only digit strings that sum to less than MIN_SCORE


@cache
def given_names() -> frozenset[str]:
    """Given names, capitalised as written ("Joel", "Massimo", "Brett")."""
    words = dictionary_words()
    names = set(FIRST_NAMES)
    data = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            if line[:1] in "#=" or len(line) < 31:
                continue
            name = line[3:29].strip()
            if " " in name or "+" in name or not name[:1].isupper() or name.lower() in words:
                continue
            if line[30:86].replace(" ", "") not in _BELOW_MIN:
                names.add(name)
    return frozenset(names)
