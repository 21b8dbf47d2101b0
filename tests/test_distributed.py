"""Extraction on Dask (`timeline.distributed`): a cluster of worker processes gives the table one process gives.

One `LocalCluster` of 2 worker processes serves the module. Nothing here times anything.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest
from paths import ROOT, SEEDS

from timeline import extract_events, load_corpus, schema
from timeline.distributed import Scratch, extract
from timeline.distributed.output import combine
from timeline.events import merge
from timeline.export import read_table

STORY = ROOT / "tests" / "data" / "story" / "articles"
TIMEML = ROOT.parent / "shared" / "timeml" / "tbaq"


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as c:
        yield c


def _one_process(paths: list[Path]) -> pd.DataFrame:
    loaded = load_corpus(paths)
    return extract_events([d for d in loaded.documents if d.published is not None])


def _on_dask(client, paths: list[Path], tmp_path: Path, **kwargs) -> tuple[pd.DataFrame, object]:
    """The run's months streamed into one Parquet file and read back into the schema."""
    result = extract(client, [str(p) for p in paths], Scratch(str(tmp_path / "scratch")), **kwargs)
    out = tmp_path / "events.parquet"
    combine(result.paths, str(out))
    return read_table(out), result


def _same_table(got: pd.DataFrame, want: pd.DataFrame) -> None:
    """Every row, column and value, in the same order (the order `extract_events` sorts in)."""
    assert len(got) == len(want)
    for column in schema.COLUMNS:
        a = [list(v) if column in schema.LIST_COLUMNS else v for v in got[column].tolist()]
        b = [list(v) if column in schema.LIST_COLUMNS else v for v in want[column].tolist()]
        assert a == b, column


def test_two_worker_processes_give_the_events_and_clusters_of_one_process(client, tmp_path: Path) -> None:
    paths = [SEEDS, STORY]
    want = _one_process(paths)
    got, result = _on_dask(client, paths, tmp_path, partition_bytes=8_000)  # several partitions per worker
    assert result.partitions > 4 and len(client.scheduler_info()["workers"]) == 2
    _same_table(got, want)
    multi = want[want["n_sources"] > 1]
    assert multi["cluster_id"].nunique() >= 10  # the story's merged happenings are there to compare
    assert result.clusters == multi["cluster_id"].nunique()
    assert not result.errors


def test_a_generated_corpus_gives_the_same_table_whatever_the_partitions(client, tmp_path: Path) -> None:
    folder = _generated(tmp_path, 150)
    want = _one_process([folder])
    for size in (1, 60_000):  # a file per partition; several files per partition
        got, result = _on_dask(client, [folder], tmp_path / f"p{size}", partition_bytes=size)
        _same_table(got, want)
    assert result.read == 150 and want["n_sources"].max() > 1


def _generated(tmp_path: Path, articles: int, seed: int = 3) -> Path:
    if not TIMEML.is_dir():
        pytest.skip(f"the TimeML corpora are not at {TIMEML}")
    spec = importlib.util.spec_from_file_location("bench_corpus_for_dask", ROOT / "benchmarks" / "corpus.py")
    corpus = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(corpus)
    folder = tmp_path / "corpus"
    corpus.write_jsonl(corpus.generator(seed).articles(articles), folder, per_file=20)
    return folder


def test_tiny_merging_shards_give_the_table_of_one_process(client, tmp_path: Path) -> None:
    """Merging sharded by block, by row and by pair into tasks of a few dozen rows' worth each (so every block,
    every row's ranking and every candidate is split across many tasks): the same candidates, clusters and merge
    reasons as one process."""
    for name, paths in [("seeds and story", [SEEDS, STORY]), ("generated", [_generated(tmp_path, 150)])]:
        want = _one_process(paths)
        feats = merge.features(want)
        candidates = len(merge.candidate_pairs(feats))
        shard_rows = max(10, len(want) // 12)  # a dozen shards or more
        got, result = _on_dask(client, paths, tmp_path / name, partition_bytes=20_000, shard_rows=shard_rows,
                               join_rows=30)
        assert min(result.shards.values()) >= 12, name
        assert result.largest["scoring"] < len(want) / 2, name  # no task holds them all
        assert max(result.largest[r] for r in ("blocks", "ranking")) < 5 * len(want), name
        _same_table(got, want)
        assert result.candidates == candidates, name
        assert want["n_sources"].max() > 1, name


def test_one_bad_file_never_fails_the_run(client, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = (SEEDS / "000_99470accad960eca.txt").read_text(encoding="utf-8")
    (folder / "a.md").write_text("---\npublished: 2025-02-14\n---\n" + good, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"%PDF-1.7\x00\x00\x01\x02binary")
    (folder / "c.jsonl").write_text('{"text": "Talks began on Monday.", "published": "2025-03-05"}\n{broken\n',
                                    encoding="utf-8")
    (folder / "d.txt").write_text("Undated text that says it happened on Friday.", encoding="utf-8")
    got, result = _on_dask(client, [folder, tmp_path / "missing"], tmp_path)
    said = [str(e) for e in result.errors]
    assert any("b.txt" in s and "binary" in s for s in said)
    assert any("c.jsonl#2" in s for s in said)
    assert any("missing" in s and "no such file" in s for s in said)
    assert [w for w, _ in result.undated] == [str(folder / "d.txt")]
    assert set(got["doc_id"]) == {"a.md", "c.jsonl#1"}
    _same_table(got, _one_process([folder]))


def test_a_partition_whose_worker_fails_is_retried_file_by_file(monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    """A task that dies (here: raises) on a partition loses only the file it dies on, named in the errors."""
    from distributed import Client, LocalCluster

    from timeline.distributed import stages

    original = stages.load

    def fragile(partition, anchors, scratch, slot=None):
        if any(s.name.startswith("001") for s in partition.sources):
            raise MemoryError("worker killed")
        return original(partition, anchors, scratch, slot)

    monkeypatch.setattr(stages, "load", fragile)
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster, Client(cluster) as c:
        got, result = _on_dask(c, [SEEDS], tmp_path)
    assert [(Path(e.path).name, "reading this file failed on a worker" in e.message) for e in result.errors] == [
        ("001_02c1a35381c17eee.txt", True)]
    assert sorted(set(got["doc_id"])) == sorted(p.name for p in SEEDS.glob("*.txt") if not p.name.startswith("001"))


def test_globs_and_urls_name_the_inputs(client, tmp_path: Path) -> None:
    from timeline.distributed.inputs import list_sources

    sources, errors = list_sources([f"{SEEDS}/00[0-2]_*.txt", f"file://{SEEDS}/003_b7550a3bc73cf7d3.txt",
                                    f"{tmp_path}/nothing-*.txt"])
    assert [s.name for s in sources] == ["000_99470accad960eca.txt", "001_02c1a35381c17eee.txt",
                                         "002_d70889bb988a406d.txt", "003_b7550a3bc73cf7d3.txt"]
    assert [e.message for e in errors] == ["no file matches"]
    got, _ = _on_dask(client, [f"{SEEDS}/00[0-2]_*.txt", f"file://{SEEDS}/003_b7550a3bc73cf7d3.txt"], tmp_path)
    assert len(set(got["doc_id"])) == 4  # the sidecar metadata.json dated each, from a URL too


def test_workers_open_local_files_by_absolute_path_whatever_their_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker started in another folder (`dask worker` on the command line) still finds a relative input."""
    from timeline.distributed.inputs import list_sources

    monkeypatch.chdir(ROOT)
    sources, _ = list_sources(["seeds"])
    assert sources[0].url == "seeds/000_99470accad960eca.txt"  # as messages name it, as load_corpus does
    assert sources[0].location == str(SEEDS / "000_99470accad960eca.txt")
