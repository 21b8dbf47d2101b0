"""Exports read back equal, TimelineJS keeps each expression's precision, and `extract` survives bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from paths import SEEDS

from timeline import export, schema
from timeline.cli import main


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_each_table_format_reads_back_equal(seed_events, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"events{suffix}"
    export.write_table(seed_events, path)
    back = export.read_table(path)
    pd.testing.assert_frame_equal(back, seed_events, check_dtype=False)
    assert list(back.columns) == schema.COLUMNS


def test_unknown_formats_are_refused(seed_events, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"want \.csv"):
        export.write_table(seed_events, tmp_path / "events.xlsx")


def test_timelinejs_dates_carry_the_expressions_precision(seed_events) -> None:
    data = export.to_timelinejs(seed_events)
    by_id = {e["unique_id"]: e for e in data["events"]}
    assert len(by_id) == len(seed_events)
    for event in seed_events.itertuples(index=False):
        item = by_id[event.event_id]
        if event.granularity == "month":
            assert item["start_date"] == {"year": event.start.year, "month": event.start.month}
        if event.granularity == "day":
            assert item["start_date"]["day"] == event.start.day and "end_date" not in item
        if event.granularity == "week":
            assert (item["end_date"]["day"] - item["start_date"]["day"]) % 31 == 6
        assert item["group"] == event.outlet
        assert item["text"]["headline"] and event.timex_text in item["display_date"]


def test_timelinejs_escapes_article_text(seed_events) -> None:
    evil = seed_events.head(1).copy()
    evil["sentence"] = "<script>alert(1)</script> on Friday"
    item = export.to_timelinejs(evil)["events"][0]
    assert "<script>" not in item["text"]["text"] and "&lt;script&gt;" in item["text"]["text"]


def test_extract_command_writes_the_table_and_reports_bad_files(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in SEEDS.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "broken.json").write_text("[{")
    (corpus / "undated.txt").write_text("Officials met on Monday.")
    out, timeline_js = tmp_path / "events.csv", tmp_path / "timeline.json"
    code = main(["extract", str(corpus), "--out", str(out), "--timelinejs", str(timeline_js), "--no-progress",
                 "--anchor", "004_2454bc97f983af98.txt=2024-12-27"])
    err = capsys.readouterr().err
    assert code == 0
    assert "broken.json" in err and "malformed JSON" in err
    assert "undated.txt" in err and "--anchor" in err
    events = export.read_table(out)
    assert set(events["doc_id"].str[:3]) == {"000", "001", "002", "003", "004"}
    friday = events[(events["doc_id"].str.startswith("004")) & (events["timex_text"] == "Friday")].iloc[0]
    assert friday["start"] == pd.Timestamp("2024-12-27") and friday["anchor_source"] == "user"
    assert {e["group"] for e in json.loads(timeline_js.read_text())["events"]} >= {"RT", "RBC-Ukraine"}
    assert main(["extract", str(SEEDS), "--out", str(out), "--timelinejs", str(timeline_js), "--group", "actor"]) == 0
    assert "Keith Kellogg" in {e["group"] for e in json.loads(timeline_js.read_text())["events"]}


def test_extract_refuses_a_bad_anchor_clearly(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(SEEDS), "--out", str(tmp_path / "e.csv"), "--anchor", "x.txt=soon"]) == 2
    assert "not a date" in capsys.readouterr().err
