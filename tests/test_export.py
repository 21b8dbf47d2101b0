"""Exports read back equal, TimelineJS keeps each expression's precision, and `extract` survives bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from paths import SEEDS

from timeline import export, extract_events, schema
from timeline.cli import main
from timeline.documents import document_from_text


@pytest.fixture(scope="module")
def precision_events() -> pd.DataFrame:
    text = ("Elections were held in 2023. The summit took place in March 2024. The vote closed at 10:35 a.m. on "
            "Friday. Talks resumed this week. The envoy arrived on Monday.")
    return extract_events([document_from_text(text, published=dt.date(2025, 2, 12), outlet="Wire", doc_id="p")])


@pytest.fixture(scope="module")
def far_events() -> pd.DataFrame:
    """Days in years 1, 1650, 2262 (one past the nanosecond limit), 9000 and 9999; one reference date."""
    def doc(text: str, published: dt.date, doc_id: str):
        return document_from_text(text, published=published, outlet="Wire", doc_id=doc_id)
    return extract_events([
        doc("The vault was opened today.", dt.date(1, 1, 1), "year-1"),
        doc("The abbey was founded in 1650. The vault will open in the year 9000, the monks said.",
            dt.date(2025, 2, 12), "abbey"),
        doc("The dam was finished in the year 2262. It has held since the year 2270.", dt.date(2301, 5, 1), "dam"),
        doc("The vault was opened today.", dt.date(9999, 12, 31), "year-9999"),
    ])


# --------------------------------------------------------------------------- tables


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_each_table_format_reads_back_equal(seed_events, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"events{suffix}"
    export.write_table(seed_events, path)
    back = export.read_table(path)
    pd.testing.assert_frame_equal(back, seed_events)  # values and dtypes
    assert list(back.columns) == schema.COLUMNS


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_days_from_year_1_to_9999_read_back_equal(far_events, tmp_path: Path, suffix: str) -> None:
    years = {d.year for column in schema.DATE_COLUMNS for d in far_events[column]}
    assert {1, 1650, 2262, 9000, 9999} <= years
    path = tmp_path / f"far{suffix}"
    export.write_table(far_events, path)
    pd.testing.assert_frame_equal(export.read_table(path), far_events)


def test_csv_and_json_write_far_days_as_iso_dates(far_events) -> None:
    records = json.loads(export.to_json_bytes(far_events))
    assert {r["start"] for r in records} >= {"0001-01-01", "1650-01-01", "2262-01-01", "9000-01-01", "9999-12-31"}
    csv = pd.read_csv(pd.io.common.BytesIO(export.to_csv_bytes(far_events)), dtype=str, keep_default_na=False)
    assert csv["published"].iloc[0] == "0001-01-01" and set(csv["role"]) == {"event", "reference"}


def test_a_table_written_before_roles_reads_as_events(seed_events, tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes(export.to_csv_bytes(seed_events.drop(columns=["role", "role_reason"])))
    back = export.read_table(path)
    assert (back["role"] == "event").all() and back["role_reason"].str.contains("no role").all()


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_an_empty_table_reads_back_equal(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"events{suffix}"
    export.write_table(extract_events([]), path)
    pd.testing.assert_frame_equal(export.read_table(path), extract_events([]))


def test_csv_and_json_are_plain_for_other_tools(seed_events) -> None:
    records = json.loads(export.to_json_bytes(seed_events))
    assert len(records) == len(seed_events) and set(records[0]) == set(schema.COLUMNS)
    assert isinstance(records[0]["actors"], list) and len(records[0]["start"]) == 10
    dt.date.fromisoformat(records[0]["published"])
    csv = pd.read_csv(pd.io.common.BytesIO(export.to_csv_bytes(seed_events)), dtype=str, keep_default_na=False)
    kellogg = csv[csv["actors"].str.contains("Keith Kellogg")].iloc[0]
    assert "; " in kellogg["places"] and kellogg["start"] == "2025-02-17"


def test_unknown_formats_and_foreign_files_are_refused_clearly(seed_events, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"want \.csv"):
        export.write_table(seed_events, tmp_path / "events.xlsx")
    other = tmp_path / "other.csv"
    other.write_text("name,age\nAda,36\n")
    with pytest.raises(ValueError, match=r"other\.csv.*no column event_id"):
        export.read_table(other)
    broken = tmp_path / "broken.json"
    broken.write_text('{"not": "a list"}')
    with pytest.raises(ValueError, match=r"broken\.json"):
        export.read_table(broken)


# --------------------------------------------------------------------------- TimelineJS


def test_timelinejs_dates_carry_the_expressions_precision(precision_events) -> None:
    data = export.to_timelinejs(precision_events)
    by_text = {row.timex_text: data["events"][i] for i, row in enumerate(precision_events.itertuples())}
    assert by_text["2023"]["start_date"] == {"year": 2023} and "end_date" not in by_text["2023"]
    assert by_text["March 2024"]["start_date"] == {"year": 2024, "month": 3} and "end_date" not in by_text["March 2024"]
    assert by_text["Monday"]["start_date"] == {"year": 2025, "month": 2, "day": 10}
    assert "end_date" not in by_text["Monday"]
    week = by_text["this week"]
    assert (week["start_date"], week["end_date"]) == ({"year": 2025, "month": 2, "day": 10},
                                                      {"year": 2025, "month": 2, "day": 16})
    clock = next(item for text, item in by_text.items() if "10:35" in text)
    assert clock["start_date"] == {"year": 2025, "month": 2, "day": 7, "hour": 10, "minute": 35}
    assert "this week" in week["display_date"] and "2025-02-10" in week["display_date"]


def test_timelinejs_writes_far_days_and_leaves_reference_dates_out(far_events) -> None:
    data = export.to_timelinejs(far_events)
    starts = [item["start_date"] for item in data["events"]]
    assert starts == [{"year": 1, "month": 1, "day": 1}, {"year": 1650}, {"year": 2262}, {"year": 9000},
                      {"year": 9999, "month": 12, "day": 31}]
    assert len(far_events) == len(starts) + 1  # "since 2270" bounds; it is no slide
    assert "0001-01-01 to 9999-12-31" in data["title"]["text"]["text"]
    reference = far_events.loc[far_events["role"] == "reference", "event_id"].tolist()
    assert len(reference) == 1 and reference[0] not in {item["unique_id"] for item in data["events"]}


def test_timelinejs_structure(seed_events) -> None:
    data = export.to_timelinejs(seed_events, title="Troops for Ukraine")
    assert data["title"]["text"]["headline"] == "Troops for Ukraine"
    shown = seed_events[seed_events["role"] == "event"]  # reference dates left out
    assert len(data["events"]) == shown["cluster_id"].nunique()  # one slide per happening
    by_id = shown.set_index("event_id")
    assert by_id.loc[[e["unique_id"] for e in data["events"]], "cluster_id"].is_unique
    for item in data["events"]:
        event = by_id.loc[item["unique_id"]]
        assert set(item) <= {"unique_id", "start_date", "end_date", "display_date", "text", "group"}
        assert item["group"] == event.outlet.replace("&", "&amp;")
        assert item["text"]["headline"] and event.url in item["text"]["text"]
        assert all(isinstance(v, int) for v in item["start_date"].values())
    merged = next(e for e in data["events"] if "Reported by 2 articles" in e["text"]["text"])
    assert by_id.loc[merged["unique_id"], "n_sources"] == 2
    reports = seed_events[seed_events["cluster_id"] == by_id.loc[merged["unique_id"], "cluster_id"]]
    assert all(url in merged["text"]["text"] for url in reports["url"])  # every source linked
    by_actor = export.to_timelinejs(seed_events, group_by="actor")
    assert "Keith Kellogg" in {e.get("group") for e in by_actor["events"]}
    with pytest.raises(ValueError, match="group_by"):
        export.to_timelinejs(seed_events, group_by="place")


def test_timelinejs_escapes_article_text(seed_events) -> None:
    evil = seed_events.head(1).copy()
    evil["sentence"] = "<script>alert(1)</script> on Friday"
    evil["headline"] = "<img src=x onerror=alert(1)>"
    evil["outlet"] = "<b>Outlet</b>"
    evil["url"] = "javascript:alert(1)"
    item = export.to_timelinejs(evil)["events"][0]
    assert "<script>" not in item["text"]["text"] and "&lt;script&gt;" in item["text"]["text"]
    assert "<img" not in item["text"]["headline"] and "<b>" not in item["group"]
    assert "javascript:" not in item["text"]["text"] and "<a " not in item["text"]["text"]


# --------------------------------------------------------------------------- the extract command


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in SEEDS.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    return corpus


def test_extract_command_writes_the_table_and_reports_bad_files(tmp_path: Path, capsys) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "broken.json").write_text("[{")
    (corpus / "undated.txt").write_text("Officials met on Monday.")
    out, timeline_js = tmp_path / "events.parquet", tmp_path / "timeline.json"
    code = main(["extract", str(corpus), "--out", str(out), "--timelinejs", str(timeline_js), "--no-progress",
                 "--anchor", "004_2454bc97f983af98.txt=2024-12-27", "--anchor", "missing.txt=2025-01-01"])
    err = capsys.readouterr().err
    assert code == 0
    assert "broken.json" in err and "malformed JSON" in err
    assert "undated.txt" in err and "--anchor undated.txt=YYYY-MM-DD" in err
    assert "missing.txt" in err  # an --anchor that matches no article is a typo worth a warning
    events = export.read_table(out)
    assert set(events["doc_id"].str[:3]) == {"000", "001", "002", "003", "004"}
    friday = events[(events["doc_id"].str.startswith("004")) & (events["timex_text"] == "Friday")].iloc[0]
    assert friday["start"] == pd.Timestamp("2024-12-27") and friday["anchor_source"] == "user"
    data = json.loads(timeline_js.read_text(encoding="utf-8"))
    assert len(data["events"]) == events.loc[events["role"] == "event", "cluster_id"].nunique()  # per happening
    assert {e["group"] for e in data["events"]} >= {"RT", "RBC-Ukraine"}


def test_extract_command_fixes_an_undated_file_with_anchor(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "undated.txt").write_text("Officials met on Monday.")
    out = tmp_path / "events.csv"
    assert main(["extract", str(corpus), "--out", str(out), "--anchor", "undated.txt=2025-02-12"]) == 0
    events = export.read_table(out)
    assert events["start"].tolist() == [pd.Timestamp("2025-02-10")] and events["anchor_source"].tolist() == ["user"]


def test_extract_refuses_bad_arguments_clearly(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(SEEDS), "--out", str(tmp_path / "e.csv"), "--anchor", "x.txt=soon"]) == 2
    assert "not a date" in capsys.readouterr().err
    assert main(["extract", str(SEEDS), "--out", str(tmp_path / "e.csv"), "--anchor", "2025-02-12"]) == 2
    assert "FILE=YYYY-MM-DD" in capsys.readouterr().err
    assert main(["extract", str(SEEDS), "--out", str(tmp_path / "e.xlsx")]) == 2
    assert "want .csv" in capsys.readouterr().err
    assert main(["extract", str(SEEDS), "--out", str(tmp_path / "no" / "such" / "dir.csv")]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "e.csv")]) == 1
    err = capsys.readouterr().err
    assert "no such file" in err and not (tmp_path / "e.csv").exists()


def test_the_html_chart_has_its_title_filters_and_date_escaped(seed_events) -> None:
    from timeline.view import chart, filters

    chosen = filters.Filters(outlets=("RT",), keyword="<b>troops</b>")
    page = export.to_html(chart.timeline_figure(filters.filter_events(seed_events, chosen)), "Troops <in> Ukraine",
                          chosen.describe(), "Made 2026-11-25 from 3 events.").decode("utf-8")
    assert "<title>Troops &lt;in&gt; Ukraine</title>" in page and "<h1>Troops &lt;in&gt; Ukraine</h1>" in page
    assert "<li>outlet: RT</li>" in page and "&lt;b&gt;troops&lt;/b&gt;" in page and "Made 2026-11-25" in page
    assert "Plotly.newPlot" in page and '<script src="https://cdn' not in page  # offline: plotly.js inline


def test_filters_describe_themselves_in_words() -> None:
    from timeline.view import filters

    assert filters.Filters().describe() == []
    words = filters.Filters(outlets=("RT", "TASS"), relations=("future",), roles=("event", "reference"),
                            merge=True, start=dt.date(2025, 2, 1)).describe()
    assert words == ["dates: 2025-02-01 to any", "outlet: RT, TASS", "past or future: future",
                     "kind of date: event, reference", "reports merged"]
