"""Story scoring: merged happenings, false merges, missed mentions, entity precision and recall."""

import pandas as pd

from timeline.story import score_entities, score_merges


def _rows(*rows: tuple[str, str, str, str, list[str], list[str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "sentence", "timex_text", "cluster_id", "actors", "places"])


EVENTS = _rows(
    ("a.txt", "The union struck on Friday at midnight.", "Friday", "c1", ["United Auto Workers"], ["Detroit"]),
    ("b.txt", "Workers walked out Sept. 15 in Detroit.", "Sept. 15", "c1", ["UAW"], ["Detroit"]),
    ("b.txt", "Ford reached a deal on Oct. 25, the union said.", "Oct. 25", "c2", ["Ford", "UAW"], []),
    ("c.txt", "A deal with Ford came Wednesday.", "Wednesday", "c3", ["Ford"], ["Michigan"]),
    ("c.txt", "GM agreed on Monday.", "Monday", "c1", ["GM"], []),
)
GOLD = {
    "events": [
        {"id": "strike", "mentions": [{"doc": "a.txt", "timex": "Friday", "quote": "union struck"},
                                      {"doc": "b.txt", "timex": "Sept. 15", "quote": "walked out"}]},
        {"id": "ford", "mentions": [{"doc": "b.txt", "timex": "Oct. 25", "quote": "Ford reached"},
                                    {"doc": "c.txt", "timex": "Wednesday", "quote": "deal with Ford"}]},
        {"id": "gm", "mentions": [{"doc": "c.txt", "timex": "Monday", "quote": "GM agreed"},
                                  {"doc": "d.txt", "timex": "Monday", "quote": "GM agreed"}]},
    ],
    "entities": [
        {"doc": "b.txt", "quote": "walked out", "actors": ["United Auto Workers"], "places": ["Detroit"]},
        {"doc": "c.txt", "quote": "deal with Ford", "actors": ["Ford Motor"], "places": []},
        {"doc": "d.txt", "quote": "no such sentence", "actors": ["Shawn Fain"], "places": []},
    ],
    "aliases": {"United Auto Workers": ["UAW"], "Ford Motor": ["Ford"]},
}


def test_a_happening_is_merged_only_when_all_its_mentions_share_one_cluster() -> None:
    score = score_merges(EVENTS, GOLD)
    assert score.multi_article == 3
    assert score.merged == 1  # the strike; Ford's reports sit in two clusters; GM's second report has no row
    assert score.split == {"strike": 1, "ford": 2, "gm": 1}
    assert score.missed == [("gm", "d.txt", "Monday")]
    assert (score.mentions, score.found) == (6, 5)


def test_a_cluster_holding_two_happenings_is_a_false_merge() -> None:
    assert score_merges(EVENTS, GOLD).false_merges == [("gm", "strike")]


def test_entities_match_through_aliases_and_missing_sentences_count_as_missed() -> None:
    score = score_entities(EVENTS, GOLD)
    # b: UAW = United Auto Workers, Detroit; c: Ford = Ford Motor, Michigan extra; d: Shawn Fain missed
    assert (score.counts.matched_pred, score.counts.predicted, score.counts.gold) == (3, 4, 4)
    assert score.precision == 0.75 and score.recall == 0.75
    assert {"doc": "c.txt", "quote": "deal with Ford", "kind": "places", "missing": [], "extra": ["michigan"]} \
        in score.errors


def test_the_development_story_gold_agrees_with_its_articles() -> None:
    """Every quote picks out one sentence of an existing article and holds its time expression and names."""
    import runpy
    import sys
    from pathlib import Path

    checker = Path(__file__).parent / "data" / "story" / "check_gold.py"
    argv = sys.argv
    try:
        runpy.run_path(str(checker), run_name="__main__")
    except SystemExit as exc:  # the checker exits 1 with its list of problems
        raise AssertionError(f"story gold is inconsistent (exit {exc.code})") from None
    finally:
        sys.argv = argv
