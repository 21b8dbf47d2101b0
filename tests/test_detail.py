"""The happening explained (`timeline.view.detail`): plain words on the main view, TimeML terms only in "how this
date was resolved", article text escaped; the chronicle grouped by date."""

from __future__ import annotations

import pandas as pd

from timeline.view import detail, filters, story


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def test_dates_read_as_a_reader_says_them() -> None:
    assert detail.when_words(day("2025-02-12"), day("2025-02-12"), "day") == "Wednesday 12 February 2025"
    assert detail.when_words(day("2025-02-10"), day("2025-02-16"), "week") == "the week of 10–16 February 2025"
    assert detail.when_words(day("2025-02-01"), day("2025-02-28"), "month") == "February 2025"
    assert detail.when_words(day("2025-01-01"), day("2025-12-31"), "year") == "2025"
    assert detail.when_words(day("1900-01-01"), day("1999-12-31"), "decade") == "1900–1999"
    assert detail.when_words(day("2025-01-27"), day("2025-02-02"), "week") == \
        "the week of 27 January 2025 – 2 February 2025"


def test_the_detail_speaks_plainly_and_the_resolution_names_the_terms(seed_events) -> None:
    shared = seed_events[seed_events["n_sources"] > 1].iloc[0]
    reports = filters.reports_of(seed_events, shared["event_id"])
    main = detail.detail_html(shared, reports)
    assert f"<mark>{shared['timex_text']}</mark>" in main
    assert f"Reported by {shared['n_sources']} articles" in main and main.count("<li>") == shared["n_sources"]
    assert all(term not in main for term in ("TIMEX3", "granularity", "anchor", "(none)"))
    how = detail.resolution_html(shared, reports)
    assert "TIMEX3" in how and shared["timex_value"] in how and "anchor" in how


def test_article_text_is_escaped_in_the_detail(seed_events) -> None:
    row = seed_events.iloc[0].copy()
    row["headline"] = "<script>alert(1)</script>"
    row["sentence"] = "<b>Talks</b> " + row["sentence"]
    row["sentence_start"] = row["sentence_start"] - len("<b>Talks</b> ")
    reports = filters.reports_of(seed_events, row["event_id"]).assign(title="<img src=x onerror=alert(1)>",
                                                                      url="javascript:alert(1)")
    page = detail.detail_html(row, reports) + detail.resolution_html(row, reports)
    assert "<script>" not in page and "<b>Talks" not in page and "<img" not in page and "javascript:" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;Talks" in page


def test_the_chronicle_groups_by_date_newest_or_oldest_first(seed_events) -> None:
    happenings = story.happening_rows(filters.filter_events(seed_events, filters.Filters()))
    newest = detail.chronicle(happenings, newest_first=True)
    oldest = detail.chronicle(happenings, newest_first=False)
    assert [h for h, _ in newest] == [h for h, _ in oldest][::-1]
    firsts = [group["start"].iloc[0] for _, group in oldest]
    assert firsts == sorted(firsts)
    assert sum(len(g) for _, g in newest) == len(happenings)
    same_day = [g for h, g in newest if len(g) > 1]
    assert same_day and all(g["start"].nunique() == 1 for g in same_day)  # two happenings of one day: one heading
    assert sum(len(g) for _, g in detail.chronicle(happenings, limit=5)) == 5
