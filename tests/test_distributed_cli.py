"""``python -m timeline extract --scheduler ...``: a Dask run from the command line, its dataset and its refusals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from paths import ROOT, SEEDS

from timeline.cli import main
from timeline.export import read_table

STORY = ROOT / "tests" / "data" / "story" / "articles"


def _extract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", "extract", *args], capture_output=True, text=True,
                          check=False, cwd=ROOT, timeout=600)


def test_a_dataset_by_month_that_pandas_dask_and_duckdb_read(tmp_path: Path) -> None:
    out = tmp_path / "events"
    done = _extract(str(SEEDS), str(STORY), "--out", str(out), "--by-month", "--scheduler", "local:2",
                    "--partition-mb", "0.02", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert "Dask: 2 workers (local:2)" in done.stderr and "-> " + str(out) in done.stderr
    months = sorted(p.name for p in out.iterdir())
    assert months and all(m.startswith("month=") for m in months)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no scratch or temporary folder left
    one = tmp_path / "one.parquet"
    assert main(["extract", str(SEEDS), str(STORY), "--out", str(one), "--scheduler", "none", "--no-progress"]) == 0
    want = read_table(one).sort_values("event_id").reset_index(drop=True)
    frame = pd.read_parquet(out).sort_values("event_id").reset_index(drop=True)
    assert frame["event_id"].tolist() == want["event_id"].tolist()
    assert frame["cluster_id"].tolist() == want["cluster_id"].tolist()
    assert frame["month"].astype(str).tolist() == [f"{d:%Y-%m}" for d in pd.to_datetime(frame["start"])]
    import dask.dataframe as dd

    assert len(dd.read_parquet(str(out)).compute()) == len(want)
    duckdb = pytest.importorskip("duckdb")
    count, = duckdb.sql(f"SELECT count(DISTINCT cluster_id) FROM read_parquet('{out}/*/*.parquet', "
                        "hive_partitioning = true) WHERE n_sources > 1").fetchall()[0]
    assert count == want.loc[want["n_sources"] > 1, "cluster_id"].nunique()


def test_a_run_on_dask_writes_the_file_one_process_writes(tmp_path: Path) -> None:
    """The same CSV, byte for byte: rows, order, clusters and merge reasons."""
    assert main(["extract", str(SEEDS), "--out", str(tmp_path / "one.csv"), "--scheduler", "none",
                 "--no-progress"]) == 0
    done = _extract(str(SEEDS), "--out", str(tmp_path / "dask.csv"), "--scheduler", "local:1", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()


@pytest.mark.parametrize(("args", "said"), [
    (["--scheduler", "cluster9"], "want local, local:N or a scheduler's address"),
    (["--scheduler", "local:0"], "want local:N with 1 <= N"),
    (["--by-month", "--scheduler", "none"], "--by-month writes a dataset on Dask"),
    (["--partition-mb", "0"], "want a size above 0"),
])
def test_bad_scheduler_options_are_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       args: list[str], said: str) -> None:
    assert main(["extract", str(SEEDS), "--out", str(tmp_path / "e.parquet"), *args]) == 2
    assert said in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_a_folder_of_other_files_is_never_replaced_by_a_dataset(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    done = _extract(str(SEEDS), "--out", str(tmp_path / "mine"), "--by-month", "--scheduler", "local:1")
    assert done.returncode == 2 and "holds other files than a dataset's" in done.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"
