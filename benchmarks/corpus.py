"""Realistic benchmark corpora: thousands of distinct articles, deterministic by seed.

Copies of the same text hide quadratic costs (no two copies' events ever need comparing), so the
benchmarks read articles recombined from real news sentences instead: those of the TimeML corpora
(TimeBank + AQUAINT, ~3,900 usable sentences) and of the seeds. Each article

* draws ~8-40 sentences, in runs of consecutive ones, from one source document and up to two of
  its neighbours (the documents sharing most names with it), so topics cohere and names recur;
* gets a publication date drawn uniformly from 2023-01-01..2024-12-31, an outlet from ~30 names,
  a title cut from its first sentence; relative dates ("on Friday") resolve against the new date
  and written years move with it (a 1998 source read in 2024 says 2024);
* varies its sentences, so exact repeats stay rare even when 100,000 articles share a few thousand
  sources: people, organizations, countries and cities are swapped (consistently within the
  article, drawn from name lists with a long tail so some names recur much more than others),
  numbers redrawn with as many digits, weekdays and "said" varied, and some sentences get a
  connective ("Meanwhile, ...") or an attribution (", according to ...").

Article ``i`` depends only on the seed and ``i``: the first 2,000 articles of a 20,000 corpus are
the 2,000 corpus, in every process (nothing hangs on a set's order, which Python salts per process). The seeds
copied N times stay available (`seed_copies`) for comparison only.

    python benchmarks/corpus.py --stats 2000,20000,100000   # distinct-sentence ratios
    python benchmarks/corpus.py --articles 2000 --out /tmp/bench-2k   # JSONL shards for load_corpus
    python benchmarks/corpus.py --show 2                     # print two articles
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.documents import Document, load_documents  # noqa: E402
from timeline.entities import find_entities  # noqa: E402
from timeline.evaluation import load_timeml_folder  # noqa: E402
from timeline.sentences import is_boilerplate, split_sentences  # noqa: E402
from timeline.timex import find_timexes  # noqa: E402

DEFAULT_TIMEML = ROOT.parent / "shared" / "timeml" / "tbaq"
DEFAULT_SEEDS = ROOT / "seeds"
FIRST_DAY, LAST_DAY = dt.date(2023, 1, 1), dt.date(2024, 12, 31)
MIN_SENTENCES, MODE_SENTENCES, MAX_SENTENCES = 8, 16, 40
NS_YEARS = (1678, 2261)  # the years pandas' nanosecond timestamps hold whole
ARTICLES_PER_FILE = 1000  # JSONL shards stay far below the loader's 20 MB per file

OUTLETS = (
    "The Daily Ledger", "Northern Herald", "Capital Post", "Coastal Times", "The Morning Wire", "Metro Dispatch",
    "Evening Standard-Tribune", "The Global Monitor", "Harbor City News", "Valley Courier", "The Civic Review",
    "Continental Press", "The Plains Gazette", "Riverside Chronicle", "Summit Observer", "The Policy Desk",
    "Eastern Bulletin", "The Frontier Journal", "World Affairs Daily", "The Weekly Register", "Bay Area Sentinel",
    "Lakeshore Express", "The National Record", "Union Reporter", "The Atlantic Letter", "Pacific Newswire",
    "The Inland Star", "Crossroads Media", "The Open Report", "Southern Beacon",
)
#: Name lists the swaps draw from, with the names the entity finder sees in the sources themselves.
FIRST_NAMES = (
    "Aaron Adam Ahmed Aleksandr Alice Amanda Ana Andrea Anna Antonio Ben Carlos Catherine Chen Claire Daniel David "
    "Diana Dmitry Elena Emma Erik Fatima Francesca Gabriel George Hannah Hassan Ian Isabel Ivan Jakub James Jan "
    "Javier Jennifer John Jorge Julia Karen Katarzyna Kenji Laura Lee Linda Lucas Maria Mark Marta Martin Mei "
    "Michael Mohammed Nadia Natalia Nikolai Olga Omar Paul Pedro Peter Priya Rachel Rahul Robert Sara Sergei "
    "Sofia Stefan Susan Thomas Tomasz Victor Wei Yuki Yusuf").split()
COUNTRIES = (
    "Argentina|Australia|Austria|Belgium|Brazil|Canada|Chile|China|Colombia|Cuba|Denmark|Egypt|Ethiopia|"
    "Finland|France|Germany|Ghana|Greece|Hungary|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|"
    "Jordan|Kenya|Kuwait|Lebanon|Mexico|Morocco|Nigeria|Norway|Pakistan|Peru|Poland|Portugal|Romania|"
    "Russia|Serbia|Spain|Sweden|Syria|Tanzania|Turkey|Ukraine|Venezuela|Vietnam|Saudi Arabia|"
    "South Africa|South Korea|New Zealand|United States|United Kingdom|Netherlands|Philippines|"
    "Czech Republic|United Arab Emirates").split("|")
CITIES = (
    "Amsterdam|Athens|Baghdad|Bangkok|Beijing|Berlin|Boston|Brussels|Cairo|Chicago|Dallas|Delhi|Dublin|"
    "Geneva|Havana|Houston|Istanbul|Jakarta|Kyiv|Lagos|Lima|Lisbon|London|Madrid|Manila|Miami|Moscow|"
    "Mumbai|Nairobi|Paris|Prague|Rome|Seoul|Shanghai|Stockholm|Sydney|Tokyo|Toronto|Vienna|Warsaw|"
    "Washington|Buenos Aires|Los Angeles|Mexico City|New York|Rio de Janeiro|San Francisco|Tel Aviv").split("|")
ORGANIZATIONS = (
    "NATO", "United Nations", "European Union", "World Bank", "International Monetary Fund", "Red Cross",
    "State Department", "Pentagon", "White House", "Justice Department", "Federal Reserve", "FBI", "Congress",
    "World Health Organization", "African Union", "European Commission", "Supreme Court", "Treasury Department",
    "Securities and Exchange Commission", "Interior Ministry", "Defense Ministry", "Central Bank", "Reuters",
    "Associated Press", "General Motors", "Boeing", "Siemens", "Toyota", "Shell", "Microsoft")
#: Capitalised words that are no name to swap: nationalities, titles, months, holidays.
_NOT_NAMES = frozenset((
    "American Americans British Canadian Chinese Cuban Cubans Egyptian European French German Indian Iranian Iraqi "
    "Israeli Italian Japanese Jewish Kenyan Kuwaiti Mexican Muslim Arab Arabs Palestinian Polish Russian Saudi "
    "Serbian Soviet Spanish Syrian Turkish Ukrainian Western Eastern Northern Southern Christian Catholic "
    "January February March April May June July August September October November December Christmas Easter "
    "Thanksgiving Congress Senate House Mr Mrs Ms Dr CEO EST EDT GMT PST PDT USA").split())
SURNAMES = (
    "Abbott Adeyemi Alvarez Andersen Bakker Banerjee Barros Becker Bianchi Brennan Carvalho Castillo Chen Clarke "
    "Costa Dahl Diallo Dubois Eriksen Fischer Fitzgerald Fonseca Garcia Gomez Greene Haddad Hansen Hartmann "
    "Herrera Hoffman Horvath Ibrahim Ivanova Jansen Jensen Kamau Kaplan Keller Khan Kim Kowalski Kruger Laurent "
    "Lindqvist Lopez Maddox Mahmoud Marino Mendes Moreau Murphy Nakamura Navarro Nielsen Novak Okafor Oliveira "
    "Osei Park Patel Perez Petrov Quinn Ramos Reyes Rossi Sandoval Santos Schmidt Silva Sokolov Suzuki Tanaka "
    "Torres Tran Vargas Varga Vasquez Weber Whitfield Wojcik Yamamoto Young Zhang Ziegler Zimmermann").split()
CONNECTIVES = ("Meanwhile", "Separately", "Still", "In addition", "At the same time", "Earlier", "Elsewhere",
               "By contrast", "As a result", "In a related development", "For now", "Even so", "Meanwhile",
               "Separately", "Still")
#: Words said several ways in news; each occurrence may take another form (never a tense or a date).
WORDS = {
    "said": ("said", "said", "said", "added", "noted", "stated", "told reporters"),
    "company": ("company", "firm"), "officials": ("officials", "authorities"), "percent": ("percent", "per cent"),
    "spokesman": ("spokesman", "spokesperson"), "nearly": ("nearly", "almost"), "big": ("big", "large"),
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Who says so, after a sentence: ", according to Reuters." / after a quotation: '..." Ana Silva said.'
ATTRIBUTIONS = ("according to {outlet}", "according to officials in {city}", "{outlet} reported",
                "said {person}, a spokesperson for the {organization}", "{person} told {outlet}",
                "according to {person}, an analyst in {city}", "{person} of the {organization} said")
QUOTE_ATTRIBUTIONS = ("{person} said", "said {person}, a spokesperson for the {organization}",
                      "{person} told {outlet}", "{person} said in {city}", "{person} of the {organization} said")
#: Chances of each variation: a name swapped (per name and article), a number redrawn, a word varied.
P_SWAP, P_NUMBER, P_WORD = 0.8, 0.9, 0.5
#: A connective before a sentence ("Meanwhile, ..."), an attribution after it: more often for a
#: sentence with little else to vary (fewer than two names and numbers), so it rarely repeats exactly.
P_CONNECTIVE, P_ATTRIBUTION = {True: 0.1, False: 0.5}, {True: 0.1, False: 0.8}
#: Name draws favour the head of each (shuffled) list: index = len * random() ** SKEW, a long tail.
SKEW = 2.5

_NAMES = frozenset({"person", "organization", "country", "city", "name", "acronym"})
#: Countries news writes with "the": one swaps only for another of them ("the Jamaica" reads wrong).
THE_COUNTRIES = frozenset({
    "United States", "United Kingdom", "United Arab Emirates", "Netherlands", "Philippines", "Czech Republic",
    "Dominican Republic", "Central African Republic", "Democratic Republic of the Congo", "Republic of the Congo",
    "Bahamas", "Gambia", "Maldives", "Seychelles", "Solomon Islands", "Marshall Islands", "Comoros", "Vatican City",
    "Gaza", "West Bank", "Soviet Union", "Palestinian territories"})
_LOWERABLE = frozenset(
    "the a an he she it they we this that these those there his her its their our some many most both each "
    "several officials police in on at after before when while if as but and".split())
_SPECIAL = re.compile(
    r"\b(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b|(?P<num>(?<!\d)\d+(?!\d|st\b|nd\b|rd\b|th\b))"
    rf"|\b(?P<word>{'|'.join(WORDS)})\b"
    r"|(?<![\w'’.-])(?:(?P<name>[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?)|(?P<acronym>[A-Z]{3,5}))(?=['’]s\b|(?![\w'’.-]))")
_SPEECH = re.compile(r"\b(?:said|says|told|stated|added|noted|declared|according to|quoted)\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SPACES = re.compile(r"\s+")
_WIRE_MARKS = re.compile(r"&[A-Z]{2};|[ \t]_[ \t]|[{}]")
_LOWER_WORDS = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
Piece = tuple[str, str, str]  # (kind, text, canonical name): kind "" is literal text


class CorpusMissing(FileNotFoundError):
    """The source corpora are not where they should be; benchmarks refuse to shrink silently."""


@dataclass(frozen=True)
class Source:
    """One source document: its sentences as templates of literal text and variable pieces."""

    doc_id: str
    anchor: dt.date
    sentences: tuple[tuple[Piece, ...], ...]
    names: frozenset[str]


# --------------------------------------------------------------------------- sources


def _clean(text: str) -> str:
    """TimeML writes quotes as ``...'' and dashes as " _ " (wire style), with a few SGML entities; news does not."""
    text = text.replace("``", '"').replace("''", '"')
    return _WIRE_MARKS.sub(lambda m: " - " if m.group().strip() == "_" else "", text)


def _usable(sentence: str) -> bool:
    """A sentence worth recombining: prose of a reasonable length, not a dateline or site chrome."""
    letters = [c for c in sentence if c.isalpha()]
    return (40 <= len(sentence) <= 500 and len(sentence.split()) >= 6 and letters
            and sum(c.isupper() for c in letters) < 0.3 * len(letters) and not is_boilerplate(sentence))


def _pieces(text: str, start: int, end: int, mentions: Sequence, timexes: Sequence[tuple[int, int]],
            lowercase: set[str]) -> list[Piece]:
    """The sentence ``text[start:end]`` cut into literal text and the pieces an article may vary.

    Besides the entity finder's names, a capitalised word the corpus never writes in lower case
    ("Telerate", "Slepian") is a local ``name``; nothing inside a time expression varies but its year.
    """
    pieces: list[Piece] = []

    def literal(a: int, b: int) -> None:
        pos = a
        for m in _SPECIAL.finditer(text, a, b):
            inside = any(s <= m.start() < e for s, e in timexes)
            if m.group("num") is not None:
                kind = "year" if len(m.group()) == 4 and _YEAR.fullmatch(m.group()) else "" if inside else "number"
            elif m.group("name") is not None or m.group("acronym") is not None:
                word = m.group()
                kind = "" if inside or word in _NOT_NAMES or word.lower() in lowercase else m.lastgroup or ""
            else:
                kind = "" if inside else m.lastgroup or ""
            if kind:
                pieces.append(("", text[pos:m.start()], ""))
                pieces.append((kind, m.group(), ""))
                pos = m.end()
        pieces.append(("", text[pos:b], ""))

    pos = start
    for m in mentions:
        if m.start_char < pos or m.end_char > end or any(s < m.end_char and m.start_char < e for s, e in timexes):
            continue
        literal(pos, m.start_char)
        pieces.append((m.kind, m.text, m.name))
        pos = m.end_char
    literal(pos, end)
    merged: list[Piece] = []
    for kind, piece, name in pieces:
        piece = _SPACES.sub(" ", piece)
        if not kind and merged and not merged[-1][0]:
            merged[-1] = ("", merged[-1][1] + piece, "")
        elif kind or piece:
            merged.append((kind, piece, name))
    return merged


def load_sources(timeml: Path = DEFAULT_TIMEML, seeds: Path = DEFAULT_SEEDS,
                 ns_dates_only: bool = False) -> list[Source]:
    """The TimeML documents and the seeds, as sentence templates; CorpusMissing when TimeML is absent.

    ``ns_dates_only`` leaves out the few sentences whose dates fall outside 1678-2261 ("the 11th
    century"), which an event table of nanosecond timestamps cannot hold: only to measure code
    from before that was fixed; by default they stay, as in real news.
    """
    try:
        tml = load_timeml_folder(timeml)
    except FileNotFoundError as exc:
        raise CorpusMissing(f"the TimeML corpora are missing ({exc}); the realistic benchmark corpus is "
                            "built from their sentences: put TimeBank + AQUAINT (.tml files) there or pass "
                            "--timeml") from None
    docs = [Document(d.doc_id, _clean(d.text), published=d.anchor, anchor_source="metadata") for d in tml]
    if seeds.is_dir():
        docs += [dataclasses.replace(d, text=_clean(d.text)) for d in load_documents(seeds) if d.published]
    mentions = find_entities(docs)
    lowercase = {w for d in docs for w in _LOWER_WORDS.findall(d.text)}
    sources = []
    for doc in docs:
        found = mentions.get(doc.doc_id, [])
        timexes = find_timexes(doc.text, doc.published)
        spans = [(t.start_char, t.end_char) for t in timexes]
        outside = [t.start_char for t in timexes if t.start and t.end and ns_dates_only
                   and not (NS_YEARS[0] <= t.start.year and t.end.year <= NS_YEARS[1])]
        templates = []
        for sentence in split_sentences(doc.text):
            flat = _SPACES.sub(" ", sentence.text)
            if _usable(flat) and not any(sentence.start_char <= o < sentence.end_char for o in outside):
                inside = [m for m in found if sentence.start_char <= m.start_char < sentence.end_char]
                templates.append(tuple(_pieces(doc.text, sentence.start_char, sentence.end_char, inside, spans,
                                                      lowercase)))
        if templates:
            sources.append(Source(doc.doc_id, doc.published, tuple(templates), frozenset(m.name for m in found)))
    return sources


def _neighbours(sources: Sequence[Source], count: int = 6) -> list[list[int]]:
    """For each source, the sources sharing the most (rarity-weighted) names: the same story's other reports."""
    df = Counter(name for s in sources for name in s.names)
    out = []
    for i, s in enumerate(sources):
        scores = []
        for j, other in enumerate(sources):
            if j != i:
                shared = math.fsum(1 / df[n] for n in s.names & other.names)  # exact: no set order in it
                scores.append((-shared, abs(j - i), j))  # no shared name: the documents filed beside it
        out.append([j for _, _, j in sorted(scores)[:count]])
    return out


# --------------------------------------------------------------------------- articles


class Generator:
    """Articles recombined from ``sources``; ``article(i)`` depends only on the seed and ``i``."""

    def __init__(self, sources: Sequence[Source], seed: int = 0) -> None:
        if not sources:
            raise CorpusMissing("no source sentences to build articles from")
        self.sources = list(sources)
        self.seed = seed
        self.neighbours = _neighbours(self.sources)
        shuffle = random.Random(f"{seed}:names")
        found: dict[str, set[str]] = {k: set() for k in _NAMES}
        for s in self.sources:
            for template in s.sentences:
                for kind, text, name in template:
                    if kind in found:
                        found[kind].add(name or text)
        people = sorted({f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES})
        people = shuffle.sample(people, 3000) + sorted(found["person"])
        countries = set(COUNTRIES) | found["country"]
        self.pools = {
            "person": people,
            "organization": sorted(set(ORGANIZATIONS) | found["organization"]),
            "country": sorted(countries - THE_COUNTRIES),
            "country-the": sorted(THE_COUNTRIES & countries),
            "city": sorted(set(CITIES) | found["city"]),
            "name": sorted(set(SURNAMES) | {p.split()[-1] for p in people} | found["name"]),
        }
        for pool in self.pools.values():
            shuffle.shuffle(pool)

    def _draw(self, rng: random.Random, kind: str) -> str:
        if kind == "acronym":
            return "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVW") for _ in range(3))
        pool = self.pools[kind]
        return pool[int(len(pool) * rng.random() ** SKEW)]

    def _swap(self, rng: random.Random, swaps: dict[tuple[str, str], str], kind: str, text: str, name: str) -> str:
        """The name ``text`` (canonical ``name``) as this article tells it: kept or swapped, the same way throughout."""
        if kind not in self.pools and kind not in ("name", "acronym"):
            return text  # a region, a company...: kept as told
        key = (kind, name or text)
        if key not in swaps:
            pool = "country-the" if kind == "country" and name in THE_COUNTRIES else kind  # "the Netherlands"
            swaps[key] = self._draw(rng, pool) if rng.random() < P_SWAP else ""
        new = swaps[key]
        if not new:
            return text
        if kind in ("name", "acronym"):
            return new
        if kind == "person":
            if " " not in text.strip():  # "Clinton" after "Bill Clinton": the surname alone
                new = new.split()[-1]
        elif text != name and text.upper() != name.upper():
            return text  # an alias ("U.S.", "AP") often reads as an adjective: keep it
        return new.upper() if text.isupper() and len(text) > 3 else new

    def _sentence(self, rng: random.Random, template: tuple[Piece, ...], swaps: dict[tuple[str, str], str],
                  shift: int, outlet: str) -> str:
        out = []
        varied = sum(kind in _NAMES or kind == "number" for kind, _, _ in template) >= 2
        for kind, text, name in template:
            if not kind:
                out.append(text)
            elif kind == "year":
                out.append(str(int(text) + shift))
            elif kind == "number":
                out.append(_redraw(rng, text) if rng.random() < P_NUMBER else text)
            elif kind == "weekday":
                out.append(rng.choice(WEEKDAYS) if rng.random() < P_WORD else text)
            elif kind == "word":
                out.append(_case(rng.choice(WORDS[text.lower()]), text) if rng.random() < P_WORD else text)
            else:
                out.append(self._swap(rng, swaps, kind, text, name))
        sentence = "".join(out).strip()
        if rng.random() < P_CONNECTIVE[varied]:
            first = sentence.split(" ", 1)[0]
            if first.lower() in _LOWERABLE:
                sentence = f"{rng.choice(CONNECTIVES)}, {sentence[0].lower()}{sentence[1:]}"
            elif template[0][0] in _NAMES:  # a name keeps its capital
                sentence = f"{rng.choice(CONNECTIVES)}, {sentence}"
        if rng.random() < P_ATTRIBUTION[varied]:
            sentence = self._attributed(rng, sentence, outlet)
        return sentence

    def _attributed(self, rng: random.Random, sentence: str, outlet: str) -> str:
        """The sentence with who says it: '..., according to X.' or, after a quotation, '...," X said.'"""
        names = {"outlet": rng.choice(OUTLETS) if rng.random() < 0.5 else outlet, "city": self._draw(rng, "city"),
                 "person": self._draw(rng, "person"), "organization": self._draw(rng, "organization")}
        if _SPEECH.search(sentence):
            return sentence  # someone says it already
        if sentence.endswith(('."', '.”')):  # '... the "terrorist attacks," Ana Silva said.'
            return f"{sentence[:-2]},{sentence[-1]} {rng.choice(QUOTE_ATTRIBUTIONS).format(**names)}."
        if sentence.endswith(".") and '"' not in sentence:
            return f"{sentence[:-1]}, {rng.choice(ATTRIBUTIONS).format(**names)}."
        return sentence

    def _plan(self, rng: random.Random) -> tuple[list[int], int]:
        """Which sources the article draws on (a story and its neighbours), and how many sentences."""
        primary = rng.randrange(len(self.sources))
        group = [primary, *rng.sample(self.neighbours[primary], rng.randint(0, 2))]
        wanted = int(rng.triangular(MIN_SENTENCES, MAX_SENTENCES + 1, MODE_SENTENCES))
        spare = [j for j in self.neighbours[primary] if j not in group]
        while sum(len(self.sources[j].sentences) for j in group) < MIN_SENTENCES and spare:
            group.append(spare.pop(0))
        return group, min(wanted, sum(len(self.sources[j].sentences) for j in group))

    def sentences(self, i: int) -> tuple[dict[str, object], list[list[str]]]:
        """Article ``i``'s metadata and its paragraphs of sentences (for statistics and `article`)."""
        rng = random.Random(f"{self.seed}:{i}")
        published = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        outlet = rng.choice(OUTLETS)
        group, wanted = self._plan(rng)
        used: set[tuple[int, int]] = set()
        chosen: list[tuple[int, int]] = []
        while len(chosen) < wanted:
            j = group[0] if rng.random() < 0.5 else rng.choice(group)
            source = self.sources[j]
            k = rng.randrange(len(source.sentences))
            for kk in range(k, min(k + rng.randint(1, 5), len(source.sentences))):
                if (j, kk) not in used and len(chosen) < wanted:
                    used.add((j, kk))
                    chosen.append((j, kk))
        swaps: dict[tuple[str, str], str] = {}
        shifts = {j: round((published - self.sources[j].anchor).days / 365.2425) for j in group}
        flat = [self._sentence(rng, self.sources[j].sentences[k], swaps, shifts[j], outlet) for j, k in chosen]
        paragraphs: list[list[str]] = []
        while flat:
            size = rng.randint(1, 3)
            paragraphs.append(flat[:size])
            flat = flat[size:]
        slug = re.sub(r"[^a-z]+", "-", outlet.lower()).strip("-")
        doc_id = f"bench-{self.seed}-{i:06d}"
        meta = {"id": doc_id, "title": _title(paragraphs[0][0]), "outlet": outlet,
                "url": f"https://{slug}.example/{published:%Y/%m/%d}/{doc_id}", "published": published.isoformat()}
        return meta, paragraphs

    def article(self, i: int) -> Document:
        meta, paragraphs = self.sentences(i)
        return Document(str(meta["id"]), "\n\n".join(" ".join(p) for p in paragraphs), title=str(meta["title"]),
                        outlet=str(meta["outlet"]), url=str(meta["url"]),
                        published=dt.date.fromisoformat(str(meta["published"])), anchor_source="metadata",
                        anchor_evidence="the benchmark corpus's publication date")

    def articles(self, count: int, start: int = 0) -> Iterator[Document]:
        return (self.article(i) for i in range(start, start + count))


def _case(word: str, like: str) -> str:
    return word[0].upper() + word[1:] if like[:1].isupper() else word


def _redraw(rng: random.Random, digits: str) -> str:
    """Another number with as many digits (no new leading zero): "1,500" may become "7,203"."""
    if len(digits) == 1:
        return str(rng.randint(1, 9)) if digits != "0" else digits
    first = str(rng.randint(1, 9)) if digits[0] != "0" else "0"
    return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])


def _title(sentence: str, words: int = 14) -> str:
    cut = sentence.split()
    title = " ".join(cut[:words])
    return title.rstrip(",.;:") + ("..." if len(cut) > words else "")


def generator(seed: int = 0, timeml: Path = DEFAULT_TIMEML, seeds: Path = DEFAULT_SEEDS,
              ns_dates_only: bool = False) -> Generator:
    return Generator(load_sources(timeml, seeds, ns_dates_only), seed)


def seed_copies(count: int, seeds: Path = DEFAULT_SEEDS) -> list[Document]:
    """The seeds repeated with distinct ids and the same dates: for comparison only (it hides merging costs)."""
    docs = load_documents(seeds)
    return [dataclasses.replace(d, doc_id=f"{i // len(docs):05d}-{d.doc_id}") for i, d in
            ((i, docs[i % len(docs)]) for i in range(count))]


def write_jsonl(documents: Iterator[Document] | Sequence[Document], folder: Path,
                per_file: int = ARTICLES_PER_FILE) -> int:
    """Write the articles as JSONL shards that `timeline.load_corpus` reads back; returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    out = None
    for doc in documents:
        if written % per_file == 0:
            if out:
                out.close()
            out = (folder / f"articles-{written // per_file:04d}.jsonl").open("w", encoding="utf-8")
        record = {"id": doc.doc_id, "title": doc.title, "outlet": doc.outlet, "url": doc.url,
                  "published": doc.published.isoformat() if doc.published else None, "text": doc.text}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
    if out:
        out.close()
    return written


def statistics(gen: Generator, sizes: Sequence[int]) -> list[dict[str, float]]:
    """Distinct sentences and texts in the first N articles, for each N of ``sizes`` (one pass)."""
    sentences: set[int] = set()
    texts: set[int] = set()
    total = chars = 0
    rows = []
    for i in range(max(sizes)):
        _, paragraphs = gen.sentences(i)
        flat = [s for p in paragraphs for s in p]
        sentences.update(hash(s) for s in flat)
        texts.add(hash("\n\n".join(" ".join(p) for p in paragraphs)))
        total += len(flat)
        chars += sum(len(s) + 1 for s in flat)
        if i + 1 in sizes:
            rows.append({"articles": i + 1, "sentences": total, "distinct": len(sentences),
                         "distinct_texts": len(texts), "chars": chars})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, help="how many articles to write (with --out)")
    parser.add_argument("--out", type=Path, help="folder for the JSONL shards")
    parser.add_argument("--stats", help="comma-separated sizes: distinct-sentence ratios, e.g. 2000,20000,100000")
    parser.add_argument("--show", type=int, default=0, help="print this many articles")
    parser.add_argument("--copies", action="store_true", help="with --out: write the seeds-copies corpus instead")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeml", type=Path, default=DEFAULT_TIMEML)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args(argv)
    if not (args.out or args.stats or args.show):
        parser.error("give --out with --articles, --stats or --show")
    if (args.out and not args.articles) or (args.articles is not None and args.articles < 1):
        parser.error("--out needs --articles N (N >= 1)")
    if args.out and args.copies:
        print(f"wrote {write_jsonl(seed_copies(args.articles, args.seeds), args.out)} articles to {args.out}")
        return 0
    try:
        gen = generator(args.seed, args.timeml, args.seeds)
    except CorpusMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    n_sentences = sum(len(s.sentences) for s in gen.sources)
    print(f"{len(gen.sources)} source documents, {n_sentences:,} source sentences", file=sys.stderr)
    for doc in gen.articles(args.show):
        print(f"# {doc.title}\n{doc.outlet} | {doc.published} | {doc.url}\n\n{doc.text}\n")
    if args.out:
        print(f"wrote {write_jsonl(gen.articles(args.articles), args.out)} articles to {args.out}")
    if args.stats:
        sizes = sorted({int(s) for s in args.stats.split(",") if s.strip()})
        print(f"Seed {args.seed}; {n_sentences:,} source sentences from {len(gen.sources)} documents.\n")
        print("| articles | sentences | distinct sentences | distinct ratio | distinct texts | mean chars/article |")
        print("|---:|---:|---:|---:|---:|---:|")
        for r in statistics(gen, sizes):
            print(f"| {r['articles']:,} | {r['sentences']:,} | {r['distinct']:,} | "
                  f"{r['distinct'] / r['sentences']:.3f} | {r['distinct_texts']:,} | "
                  f"{r['chars'] / r['articles']:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
