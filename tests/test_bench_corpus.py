"""The benchmark corpus (`benchmarks/corpus.py`): distinct, realistic articles, the same for the same seed.

No test here times anything: the benchmarks measure, the tests only say what the corpus is.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT, SEEDS

from timeline import load_corpus

TIMEML = ROOT.parent / "shared" / "timeml" / "tbaq"


def _script(name: str):
    """A benchmark script as a module (benchmarks/ is no package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


corpus = _script("corpus")

_TML = """<?xml version="1.0" ?>
<TimeML><DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>
<TEXT>
{body}
</TEXT></TimeML>
"""
_BODIES = (
    "Janet Reno met officials of the Justice Department in Miami on Friday to discuss the case of the boy.\n"
    "The company said its profit rose 12 percent in 1998 after it sold 3,400 trucks to dealers in Canada.\n"
    "Officials in Havana said the talks would resume next week, according to people close to the matter.\n"
    "Telerate's directors rejected the offer of $18 a share as inadequate on Thursday, the filing said.\n"
    "The Pentagon said 40 soldiers were sent to Kenya last month to help guard the embassy in Nairobi.",
    "Fidel Castro told a rally in Havana on Saturday that Cuba would never give up its claims to the boy.\n"
    "Shares of the company fell 2 percent in early trading on Monday, their lowest level since March 1997.\n"
    "The Security Council condemned the bombing of the embassies in Kenya and Tanzania on Thursday.\n"
    "Investigators said they had interviewed more than 200 people about the two bomb blasts last week.\n"
    "Madeleine Albright said the United States would not back down from its fight against terrorism.",
)


@pytest.fixture(scope="module")
def small_timeml(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("timeml")
    for i, (body, dct) in enumerate(zip(_BODIES, ("1998-08-14", "1999-03-02"), strict=True)):
        (folder / f"doc{i}.tml").write_text(_TML.format(name=f"doc{i}", dct=dct, body=body), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def small(small_timeml: Path):
    return corpus.generator(seed=7, timeml=small_timeml, seeds=SEEDS)


def test_an_article_depends_only_on_the_seed_and_its_index(small_timeml: Path, small) -> None:
    again = corpus.generator(seed=7, timeml=small_timeml, seeds=SEEDS)
    assert [small.article(i) for i in range(5)] == list(again.articles(5))
    assert small.article(3) == list(small.articles(10))[3]  # the first N articles of a larger corpus
    other = corpus.generator(seed=8, timeml=small_timeml, seeds=SEEDS)
    assert [d.text for d in other.articles(5)] != [d.text for d in small.articles(5)]


def test_articles_look_like_news_published_over_two_years(small) -> None:
    docs = list(small.articles(60))
    assert len({d.doc_id for d in docs}) == len({d.text for d in docs}) == 60
    for doc in docs:
        _, paragraphs = small.sentences(int(doc.doc_id.rsplit("-", 1)[1]))
        assert corpus.MIN_SENTENCES <= sum(map(len, paragraphs)) <= corpus.MAX_SENTENCES
        assert corpus.FIRST_DAY <= doc.published <= corpus.LAST_DAY
        assert doc.outlet in corpus.OUTLETS and doc.title and doc.url.startswith("https://")
        assert doc.anchor_source == "metadata"
    assert len({d.published.year for d in docs}) == 2 and len({d.outlet for d in docs}) > 10


def test_written_years_move_with_the_publication_date(small) -> None:
    """A 1998 source read in 2024 says 2024 (the year it was told in, kept relative to publication)."""
    for doc in small.articles(80):
        if "trucks to dealers" in doc.text:
            year = int(re.search(r"(?:percent|per cent) in (\d{4})", doc.text).group(1))
            assert abs(year - doc.published.year) <= 1
            break
    else:
        pytest.fail("no article used the sentence")


def test_names_numbers_and_words_vary_but_the_sentence_stays_recognisable(small) -> None:
    told = [s for i in range(200) for p in small.sentences(i)[1] for s in p if "rejected the offer" in s]
    assert len(told) > 5
    assert len(set(told)) > 0.8 * len(told)  # swapped names and redrawn numbers make them distinct
    assert any("Telerate" not in s for s in told) and any("$18" not in s for s in told)


def test_the_corpus_round_trips_through_load_corpus(small, tmp_path: Path) -> None:
    docs = list(small.articles(30))
    assert corpus.write_jsonl(docs, tmp_path, per_file=7) == 30
    assert len(list(tmp_path.glob("*.jsonl"))) == 5
    loaded = load_corpus(tmp_path)
    assert not loaded.errors
    by_id = {d.doc_id: d for d in loaded.documents}
    for doc in docs:
        back = by_id[doc.doc_id]
        assert (back.text, back.title, back.outlet, back.url, back.published) == (
            doc.text, doc.title, doc.outlet, doc.url, doc.published)


def test_seed_copies_repeat_the_seeds_with_distinct_ids() -> None:
    copies = corpus.seed_copies(12)
    assert len(copies) == len({d.doc_id for d in copies}) == 12
    assert len({d.text for d in copies}) == 5


def test_a_missing_timeml_corpus_is_an_error_not_a_smaller_corpus(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(corpus.CorpusMissing, match="TimeML"):
        corpus.load_sources(tmp_path / "nowhere", SEEDS)
    for script, extra in (("corpus", ["--stats", "10"]), ("bench_events", ["--sizes", "10"]), ("bench_timex", [])):
        assert _script(script).main(["--timeml", str(tmp_path), *extra]) != 0, script
        err = capsys.readouterr().err
        assert "TimeML" in err and str(tmp_path) in err, script


@pytest.mark.skipif(not TIMEML.is_dir(), reason="the TimeML corpora are not beside the checkout")
def test_sentences_rarely_repeat_exactly_on_the_real_sources() -> None:
    gen = corpus.generator(seed=0, timeml=TIMEML, seeds=SEEDS)
    assert sum(len(s.sentences) for s in gen.sources) > 3000
    (stats,) = corpus.statistics(gen, [300])
    assert stats["distinct"] > 0.9 * stats["sentences"]


def test_dates_in_the_sources_stay_dates(small) -> None:
    """Nothing inside a time expression varies but its year: "on Friday" may become another weekday."""
    from timeline import find_timexes

    for doc in small.articles(20):
        found = find_timexes(doc.text, doc.published)
        assert all(t.start is None or dt.date(2020, 1, 1) <= t.start <= dt.date(2026, 12, 31) for t in found)


@pytest.mark.skipif(not TIMEML.is_dir(), reason="the TimeML corpora are not beside the checkout")
def test_the_corpus_is_the_same_in_every_process() -> None:
    """Python salts string hashes per process: nothing in an article may hang on a set's order, or two benchmark
    runs (one process each) would measure different corpora."""
    script = ("import hashlib, sys; sys.path.insert(0, 'benchmarks'); import corpus; "
              "print(hashlib.md5(repr(list(corpus.generator(0).articles(300))).encode()).hexdigest())")
    runs = [subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": salt}).stdout for salt in ("1", "2")]
    assert runs[0] == runs[1]
