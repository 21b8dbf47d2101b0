"""Evaluation: how finders are scored against the seeds gold file and TimeML corpora.

Finders are injected, so these specifications do not depend on how good `find_timexes` is.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from timeline import evaluation as ev
from timeline.cli import main
from timeline.timex import Timex

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold" / "seeds.json"
TINY = ROOT / "tests" / "fixtures" / "timeml" / "tiny.tml"
TIMEX_DEV = ROOT / "tests" / "data" / "timex_dev"
D = dt.date.fromisoformat
SOME_DAY = D("2000-01-01")


def timex(text: str, start: int, end: int, first: dt.date | None = None, last: dt.date | None = None, *,
          type_: str = "DATE", value: str = "", anchor: dt.date = SOME_DAY) -> Timex:
    return Timex(text, start, end, type_, value, first, last if last else first, "day", "fake rule", anchor)


def gold_finder(documents: list[ev.GoldDocument]) -> ev.Finder:
    """A finder that answers exactly the gold, document by document."""
    by_text = {d.text: d for d in documents}

    def find(text: str, anchor: dt.date) -> list[Timex]:
        return [timex(g.text, g.start_char, g.end_char, g.start, g.end, anchor=anchor) for g in by_text[text].timexes]

    return find


def write_gold(tmp_path: Path, documents: list[dict]) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"documents": documents}), encoding="utf-8")
    return path


@pytest.fixture
def small_gold(tmp_path: Path) -> Path:
    """Seed 004 with two gold expressions (one with an accepted alternative) and one ignored one."""
    text = (SEEDS / "004_2454bc97f983af98.txt").read_text(encoding="utf-8")
    friday = text.index("on Friday")
    february = text.index("in February")
    annual = text.index("annual")
    return write_gold(tmp_path, [{
        "id": "004_2454bc97f983af98.txt", "path": "does/not/exist.txt", "published": "2024-12-20",
        "timexes": [
            {"text": "on Friday", "start_char": friday, "end_char": friday + 9, "start": "2024-12-20",
             "end": "2024-12-20", "value": "2024-12-20"},
            {"text": "in February", "start_char": february, "end_char": february + 11, "start": "2024-02-01",
             "end": "2024-02-29", "value": "2024-02", "accept": [["2024-02-01", "2024-02-15"]]},
        ],
        "ignore": [{"text": "annual", "start_char": annual, "end_char": annual + 6}],
    }])


# --------------------------------------------------------------------------- seeds gold


def test_a_finder_answering_the_gold_scores_one_everywhere() -> None:
    docs = ev.load_gold(GOLD)
    assert len(docs) == 5
    score = ev.score_gold(docs, gold_finder(docs))
    for prf in (score.extent, score.value):
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    assert score.dated_on_ignored == 0
    assert score.issues == ()


def test_the_repository_gold_points_at_the_repository_seeds() -> None:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    for entry in data["documents"]:
        text = (GOLD.parent / entry["path"]).resolve()
        assert text == (SEEDS / entry["id"]).resolve(), entry["path"]
        assert text.is_file()


def test_an_empty_finder_has_zero_recall_and_lists_every_miss() -> None:
    docs = ev.load_gold(GOLD)
    score = ev.score_gold(docs, lambda text, anchor: [])
    assert score.extent.recall == score.value.recall == 0.0
    assert score.extent.f1 == 0.0
    assert score.extent.predicted == 0
    assert [i.kind for i in score.issues] == ["miss"] * sum(len(d.timexes) for d in docs)


def test_text_falls_back_to_the_project_seeds_and_offsets_are_checked(small_gold: Path, tmp_path: Path) -> None:
    [doc] = ev.load_gold(small_gold)
    assert doc.text == (SEEDS / "004_2454bc97f983af98.txt").read_text(encoding="utf-8")
    assert doc.anchor == D("2024-12-20")
    data = json.loads(small_gold.read_text(encoding="utf-8"))
    data["documents"][0]["timexes"][0]["start_char"] += 1
    small_gold.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="disagree"):
        ev.load_gold(small_gold)


def test_a_gold_document_without_publication_date_is_refused(small_gold: Path) -> None:
    data = json.loads(small_gold.read_text(encoding="utf-8"))
    del data["documents"][0]["published"]
    small_gold.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="published"):
        ev.load_gold(small_gold)


def test_bad_gold_files_get_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="cannot read gold file"):
        ev.load_gold(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        ev.load_gold(tmp_path / "bad.json")
    with pytest.raises(FileNotFoundError, match="text not found"):
        ev.load_gold(write_gold(tmp_path, [{"id": "nope.txt", "path": "nope.txt", "published": "2024-01-01"}]))


def test_overlap_counts_as_extent_and_an_accepted_range_as_value(small_gold: Path) -> None:
    [doc] = ev.load_gold(small_gold)
    friday, february = doc.timexes
    predictions = [
        timex("Friday", friday.start_char + 3, friday.end_char, D("2024-12-13")),  # overlaps, wrong day
        timex("February", february.start_char + 3, february.end_char, D("2024-02-01"), D("2024-02-15")),  # accepted
        timex("Holiday", 0, 5, D("2024-12-25")),  # an extra
    ]
    score = ev.score_document(doc, predictions)
    assert (score.extent.matched_gold, score.extent.predicted, score.extent.gold) == (2, 3, 2)
    assert score.value.matched_gold == 1
    assert score.value.precision == pytest.approx(1 / 3)
    assert score.value.recall == 0.5
    kinds = {i.kind: i for i in score.issues}
    assert kinds["wrong value"].predicted == "2024-12-13" and "2024-12-20" in kinds["wrong value"].gold
    assert kinds["wrong value"].rule == "fake rule"
    assert kinds["extra"].text == "Holiday"


def test_dating_an_ignored_expression_is_flagged_and_counts_neither_way(small_gold: Path) -> None:
    [doc] = ev.load_gold(small_gold)
    start, end, _ = doc.ignore[0]
    dated = timex("annual", start, end, D("2024-01-01"), D("2024-12-31"))
    undated = Timex("annual", start, end, "SET", "P1Y", None, None, "year", "set", doc.anchor)
    score = ev.score_document(doc, [dated])
    assert score.dated_on_ignored == 1
    assert score.extent.predicted == 0
    assert [i.kind for i in score.issues if i.kind != "miss"] == ["dated ignored"]
    assert ev.score_document(doc, [undated]).dated_on_ignored == 0


def test_undated_predictions_are_not_predictions(small_gold: Path) -> None:
    [doc] = ev.load_gold(small_gold)
    g = doc.timexes[0]
    duration = Timex(g.text, g.start_char, g.end_char, "DURATION", "P1D", None, None, "day", "duration", doc.anchor)
    score = ev.score_document(doc, [duration])
    assert score.extent.predicted == 0
    assert score.extent.matched_gold == 0


def test_one_prediction_matches_at_most_one_gold_expression() -> None:
    text = "from Monday to Tuesday"
    doc = ev.GoldDocument("x", text, D("2024-01-10"), (
        ev.GoldTimex("Monday", 5, 11, D("2024-01-08"), D("2024-01-08"), ""),
        ev.GoldTimex("Tuesday", 15, 22, D("2024-01-09"), D("2024-01-09"), ""),
    ), ())
    score = ev.score_document(doc, [timex(text, 0, len(text), D("2024-01-08"))])
    assert (score.extent.matched_gold, score.extent.gold) == (1, 2)


# --------------------------------------------------------------------------- dateparser baseline


def test_the_baseline_reads_pronouns_and_modal_verbs_as_dates() -> None:
    """Plain search_dates dates every "we" (as Wednesday) and a lowercase "may"; that is why we don't use it."""
    text = (SEEDS / "001_02c1a35381c17eee.txt").read_text(encoding="utf-8")
    found = ev.dateparser_baseline(text, D("2025-02-15"))
    assert all(text[t.start_char:t.end_char] == t.text for t in found)
    we = [t for t in found if t.text.lower() == "we"]
    assert we and all(t.start == D("2025-02-12") for t in we)  # Wednesday before the anchor
    may = [t for t in found if t.text == "may"]
    assert may and may[0].start.month == 5
    assert all(t.rule == "dateparser.search_dates" and t.granularity == "day" for t in found)


def test_the_baseline_locates_whole_words_not_parts_of_words() -> None:
    found = ev.dateparser_baseline("This week we met.", D("2025-02-15"))
    we = [t for t in found if t.text == "we"]
    assert [t.start_char for t in we] == [10]


def test_the_baseline_dates_ignored_expressions_on_the_seeds() -> None:
    score = ev.score_gold(ev.load_gold(GOLD), ev.dateparser_baseline)
    assert score.dated_on_ignored > 0
    assert score.value.f1 < 0.5
    assert any(i.kind == "extra" and i.text.lower() == "we" for i in score.issues)


def test_the_baseline_refuses_non_text() -> None:
    with pytest.raises(TypeError):
        ev.dateparser_baseline(b"bytes", D("2025-02-15"))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- TimeML


def test_timeml_text_offsets_and_anchor() -> None:
    doc = ev.load_timeml(TINY)
    assert doc.anchor == D("1998-02-06")  # the date of a date-time DCT
    assert "<" not in doc.text and "R&D" in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Thursday", "DATE", "1998-02-05"), ("three-year", "DURATION", "P3Y"),
        ("Friday morning", "TIME", "1998-02-06TMO")]
    assert all(doc.text[t.start_char:t.end_char] == t.text for t in doc.timexes)
    assert "02/06/1998" not in doc.text  # the DCT is the anchor, not input


def test_strict_versus_relaxed_and_tempeval_value_f1() -> None:
    doc = ev.load_timeml(TINY)
    thursday, _, friday_morning = doc.timexes
    friday = doc.text.index("Friday")
    predictions = [
        timex("Thursday", thursday.start_char, thursday.end_char, D("1998-02-05"), value="1998-02-05"),
        timex("Friday", friday, friday + 6, D("1998-02-06"), value="1998-02-06"),  # overlap only, wrong value
        timex("Prices", 1, 7, D("1998-02-06"), value="1998-02-06"),  # an extra
    ]
    score = ev.score_timeml([doc], lambda text, anchor: predictions)["overall"]
    assert (score.strict.precision, score.strict.recall) == pytest.approx((1 / 3, 1 / 3))
    assert (score.relaxed.precision, score.relaxed.recall) == pytest.approx((2 / 3, 2 / 3))
    assert score.value_accuracy == 0.5
    assert score.value_f1 == pytest.approx(0.5 * 2 / 3)
    assert score.type_accuracy == 0.5  # "Friday morning" is TIME, the prediction says DATE
    kinds = sorted(i.kind for i in score.issues)
    assert kinds == ["extra", "miss", "wrong value"]
    assert friday_morning.start_char == friday


def test_a_perfect_timeml_finder_scores_one() -> None:
    doc = ev.load_timeml(TINY)
    perfect = [timex(t.text, t.start_char, t.end_char, type_=t.type, value=t.value) for t in doc.timexes]
    score = ev.score_timeml([doc], lambda text, anchor: perfect)["overall"]
    assert (score.strict.f1, score.relaxed.f1, score.value_f1, score.type_accuracy) == (1.0, 1.0, 1.0, 1.0)


def test_subfolders_are_reported_apart_and_together(tmp_path: Path) -> None:
    for name in ("TimeBank", "AQUAINT"):
        (tmp_path / name).mkdir()
        shutil.copy(TINY, tmp_path / name / f"{name}.tml")
    docs = ev.load_timeml_folder(tmp_path)
    scores = ev.score_timeml(docs, lambda text, anchor: [])
    assert list(scores) == ["AQUAINT", "TimeBank", "overall"]
    assert scores["overall"].documents == 2 and scores["overall"].relaxed.gold == 6
    assert list(ev.score_timeml(ev.load_timeml_folder(TINY.parent), lambda t, a: [])) == ["overall"]


def test_unusable_timeml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>unclosed</TimeML>", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tml"):
        ev.load_timeml(bad)
    bad.write_text("<TimeML><TEXT>no creation time</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(ValueError, match="CREATION_TIME"):
        ev.load_timeml(bad)
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match=r"no \.tml"):
        ev.load_timeml_folder(tmp_path / "empty")


# --------------------------------------------------------------------------- the unseen development set

#: What a TIMEX3 value may look like, by type (TimeML 1.2.1 / TempEval-3 value grammar, as used in timex_dev)
TIMEML_VALUE = {
    "DATE": r"PRESENT_REF|PAST_REF|FUTURE_REF|\d{2,4}|\d{4}-\d{2}(-\d{2})?|\d{4}-W\d{2}(-WE)?|\d{4}-Q[1-4]"
            r"|\d{4}-(SP|SU|FA|WI)|XXXX-\d{2}(-\d{2})?|XXXX-WXX-[1-7]",
    "TIME": r"\d{4}-\d{2}-\d{2}T(\d{2}:\d{2}|MO|AF|EV|NI|MI|DT)",
    "DURATION": r"P(?=.)((\d+|X)[YMWD])*(T((\d+(\.\d+)?|X)[HMS])+)?",
    "SET": r"P\d*[YMWD]|XXXX-WXX-[1-7]",
}


@pytest.fixture(scope="module")
def dev_set() -> tuple[list[ev.TimemlDocument], dict[str, dict]]:
    sources = json.loads((TIMEX_DEV / "sources.json").read_text(encoding="utf-8"))["documents"]
    return ev.load_timeml_folder(TIMEX_DEV), {s["id"]: s for s in sources}


def test_the_dev_set_is_twenty_dated_excerpts_on_varied_topics(dev_set) -> None:
    docs, sources = dev_set
    assert len(docs) >= 20
    assert sorted(d.doc_id for d in docs) == sorted(sources)
    for doc in docs:
        source = sources[doc.doc_id]
        assert doc.anchor == D(source["published"]), doc.doc_id
        assert 150 <= len(doc.text.split()) == source["words"] <= 500, doc.doc_id
        assert source["url"].startswith("http") and source["outlet"], doc.doc_id
        assert "[[" not in doc.text and "<" not in doc.text, doc.doc_id
    assert len({s["topic"].split(" /")[0] for s in sources.values()}) >= 10
    assert not any(word in d.text for d in docs for word in ("UAW", "Zelensky", "Kellogg"))  # not the seeds' stories


def test_every_dev_timex3_has_a_type_and_a_well_formed_value(dev_set) -> None:
    docs, sources = dev_set
    for doc in docs:
        counts = dict.fromkeys(TIMEML_VALUE, 0)
        for t in doc.timexes:
            assert re.fullmatch(TIMEML_VALUE[t.type], t.value), (doc.doc_id, t)
            assert t.text == t.text.strip() and doc.text[t.start_char:t.end_char] == t.text, (doc.doc_id, t)
            counts[t.type] += 1
        assert counts == sources[doc.doc_id]["timex3"], doc.doc_id


def test_dev_weekday_names_agree_with_their_dates(dev_set) -> None:
    docs, _ = dev_set
    names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    checked = 0
    for doc in docs:
        for t in doc.timexes:
            named = [i for i, name in enumerate(names) if name in t.text.lower()]
            if named and re.match(r"\d{4}-\d{2}-\d{2}", t.value):
                assert D(t.value[:10]).weekday() == named[0], (doc.doc_id, t)
                checked += 1
    assert checked >= 20


def test_a_finder_answering_the_dev_gold_scores_one(dev_set) -> None:
    docs, _ = dev_set
    by_text = {d.text: d for d in docs}

    def perfect(text: str, anchor: dt.date) -> list[Timex]:
        return [timex(t.text, t.start_char, t.end_char, type_=t.type, value=t.value) for t in by_text[text].timexes]

    score = ev.score_timeml(docs, perfect)["overall"]
    assert (score.strict.f1, score.relaxed.f1, score.value_f1, score.type_accuracy) == (1.0, 1.0, 1.0, 1.0)
    assert score.relaxed.gold == sum(len(d.timexes) for d in docs) >= 150


# --------------------------------------------------------------------------- command line


def test_cli_gold_report_with_baseline(small_gold: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ev, "find_timexes", gold_finder(ev.load_gold(small_gold)))
    assert main(["eval", "--gold", str(small_gold), "--baseline", "dateparser", "--verbose"]) == 0
    out = capsys.readouterr().out
    header, *rows = [line for line in out.splitlines() if line.startswith(("  ", "extent F1", "value F1"))]
    assert "timeline" in header and "dateparser" in header
    assert next(r for r in rows if r.startswith("extent F1")).split()[2] == "1.000"
    assert "dated predictions on ignored" in out
    assert "--- dateparser:" in out and "[rule: dateparser.search_dates]" in out


def test_cli_timeml_verbose_lists_wrong_values(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ev, "find_timexes", lambda text, anchor: [timex("Thursday", 13, 21, value="1998-02-04")])
    assert main(["eval", "--timeml", str(TINY.parent), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "[overall]" in out and "value F1" in out
    assert "wrong value: 'Thursday' predicted DATE 1998-02-04 gold DATE 1998-02-05" in out
    assert out.count(" miss: ") == 2


def test_cli_reports_unusable_input_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--timeml", str(tmp_path / "nowhere")]) == 2
    assert main(["eval", "--gold", str(tmp_path / "missing.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("error: ") for line in err)
