"""Entity names as map and reduce (`timeline.entities.finder`): summaries of parts give the corpus's names."""

from __future__ import annotations

from paths import ROOT, SEEDS

from timeline import load_documents
from timeline.entities import find_entities, finder

STORY = ROOT / "tests" / "data" / "story" / "articles"


def _in_parts(documents: list, parts: int) -> dict[str, list]:
    """find_entities, with its corpus-level joins done from ``parts`` partitions' summaries."""
    chunks = [documents[i::parts] for i in range(parts)]  # interleaved: no part is a run of similar articles
    lowercase = set().union(*(finder.lowercase_words(d) for d in documents))
    states = [[finder.first_pass(d, lowercase) for d in chunk] for chunk in chunks]
    index = finder.NameSummary.combine(finder.NameSummary.of(s) for s in states).index()
    resolved = [[finder.resolve(s, index, lowercase) for s in part] for part in states]
    unknown = sum((finder.unknown_words(part) for part in resolved), start=finder.Counter())
    singles = finder.single_names(unknown)
    return {r.doc.doc_id: list(finder.finish(r, index, singles)) for part in resolved for r in part}


def test_summaries_of_partitions_give_the_names_of_the_whole_corpus() -> None:
    documents = load_documents([SEEDS, STORY])
    whole = {k: list(v) for k, v in find_entities(documents).items()}
    for parts in (2, 7):
        assert _in_parts(documents, parts) == whole


def test_a_surname_joins_the_full_name_another_partition_wrote() -> None:
    from timeline import Document

    a = Document("a", "President Volodymyr Zelensky met envoys in Kyiv on Monday.", published=None)
    b = Document("b", "Zelensky said the talks would resume.", published=None)
    names = _in_parts([a, b], 2)
    assert [m.name for m in names["b"] if m.kind == "person"] == ["Volodymyr Zelensky"]
