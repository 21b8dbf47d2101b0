"""Companies from well-kept data: the constituents of the major stock indices that ``pytickersymbols``
ships (S&P 500/600, NASDAQ 100, Dow Jones, FTSE 100, DAX, CAC 40, Nikkei 225... some 1,800 companies).

Each company is known by its listed name, that name without its legal form ("Ford Motor Company" ->
"Ford Motor" -> "Ford"; "Adobe Inc." -> "Adobe"), and its ticker where the ticker is the name's initials
("GM" for General Motors, "UPS" for United Parcel Service; never "F" or "BA"). A short form that is a
function word, title, nationality or given name is not kept ("General" of General Motors). A one-word
form that is also an English word ("Target") or that the listed name only shortens ("Ford", "Williams": often
surnames) is *guarded*: the finder takes it only inside a sentence (or where the article names the company
inside one), alone (not "Progressive Party"), and where the corpus never writes the word in lower case.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from timeline.entities.gazetteer import DEMONYMS, FIRST_NAMES, STOPWORDS, TITLES
from timeline.entities.places import dictionary_words

#: Trailing words dropped to reach the name news uses.
_SUFFIXES = frozenset("""
Inc. Inc Incorporated Corp. Corp Corporation Company Co. Co Companies plc PLC AG SE SA S.A. N.V. NV Ltd. Ltd
Limited AB ASA Oyj Group Holdings Holding Motor Motors International & and
""".split())
_SKIP_IN_INITIALS = frozenset("of and & the for".split())


@dataclass(frozen=True)
class Company:
    name: str  # canonical: the shortest form kept
    aliases: tuple[str, ...]
    guarded: tuple[str, ...]  # aliases that are also English words


def _forms(listed: str) -> list[str]:
    """""Ford Motor Company" -> ["Ford Motor Company", "Ford Motor", "Ford"]."""
    words = listed.replace(",", "").split()
    forms = [" ".join(words)]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
        forms.append(" ".join(words))
    return [f for f in forms if f.split()[-1] not in ("&", "and")]


def _usable(form: str) -> bool:
    return len(form) >= 3 and form[:1].isupper() and form not in STOPWORDS and form.lower() not in TITLES and (
        form not in DEMONYMS and form not in FIRST_NAMES)


@cache
def companies() -> tuple[Company, ...]:
    from pytickersymbols import PyTickerSymbols

    words = dictionary_words()
    out: dict[str, Company] = {}
    for stock in PyTickerSymbols().get_all_stocks():
        forms = [f for f in _forms(stock["name"]) if _usable(f)]
        if not forms:
            continue
        canonical = forms[-1]
        initials = "".join(w[0] for w in canonical.split() if w.lower() not in _SKIP_IN_INITIALS)
        symbol = stock.get("symbol", "")
        if len(canonical.split()) >= 2 and symbol.isalpha() and symbol.isupper() and symbol == initials.upper():
            forms.append(symbol)
        forms = [f for f in forms if not (len(f) <= 2 and f.lower() in words)]  # "AL", "GO"
        listed = forms[0] == stock["name"].replace(",", "")
        guarded = tuple(f for f in forms if " " not in f and (  # "Ford", "Williams": words and surnames
            f.lower() in words or not (listed and f == forms[0])))
        out.setdefault(canonical, Company(canonical, tuple(dict.fromkeys(forms)), guarded))
    return tuple(out.values())
