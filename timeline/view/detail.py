"""One happening explained, like a TimelineJS slide, and the chronicle of happenings: escaped HTML, plain words.

The main view speaks plainly ("the week of 10–16 February 2025, planned"); the TimeML terms (TIMEX3 value, anchor,
rule) appear only in `resolution_html`, the "how this date was resolved" part. Every piece of article text goes
through `html.escape` (or `markup.highlight`, which escapes) before it is put in a tag.
"""

from __future__ import annotations

import html

import pandas as pd

from timeline.view.markup import highlight, link

_MONTHLY = ("month", "season", "quarter", "half")
_YEARLY = ("year", "decade", "century")


def _day(day: pd.Timestamp) -> str:
    return f"{day.day} {day:%B} {day.year}"  # "%Y" is not padded the same everywhere before year 1000


def when_words(start: pd.Timestamp, end: pd.Timestamp, granularity: str) -> str:
    """A date range as a reader says it: "Wednesday 12 February 2025", "the week of 10–16 February 2025",
    "February 2025", "2025", "1900–1999"."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if start == end:
        return f"{start:%A} {_day(start)}"
    if granularity in _YEARLY:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if granularity in _MONTHLY:
        first, last = f"{start:%B} {start.year}", f"{end:%B} {end.year}"
        return first if first == last else f"{first} – {last}"
    if start.year == end.year and start.month == end.month:
        days = f"{start.day}–{end.day} {start:%B} {start.year}"
    else:
        days = f"{_day(start)} – {_day(end)}"
    if granularity == "week":
        return f"the week of {days}"
    if granularity == "weekend":
        return f"the weekend of {days}"
    return days


def _relation_words(relation: str) -> str:
    return {"future": "planned: after the article was published", "same day": "the day the article was published",
            "past": "before the article was published"}.get(relation, "")


def detail_html(row: pd.Series, reports: pd.DataFrame) -> str:
    """The happening of ``row``: its label, the sentence with the expression marked, when (in words), and every
    article that reports it (outlet, linked title, publication day, its own sentence)."""
    local = (int(row["timex_start"] - row["sentence_start"]), int(row["timex_end"] - row["sentence_start"]))
    when = when_words(row["start"], row["end"], str(row["granularity"]))
    relation = _relation_words(str(row["relation"]))
    articles = reports.drop_duplicates("doc_id")
    items = "".join(
        f"<li>{html.escape(r.outlet or 'unknown outlet')}: {link(r.url, r.title or r.doc_id)}"
        f" ({_day(pd.Timestamp(r.published)) if pd.notna(r.published) else 'no date'})"
        + (f"<br><small>“{html.escape(r.sentence)}”</small>" if r.event_id != row["event_id"] else "") + "</li>"
        for r in articles.itertuples(index=False))
    count = len(articles)
    return (f"<h4>{html.escape(str(row['headline']))}</h4>"
            f"<p>{highlight(str(row['sentence']), [(*local, '')])}</p>"
            f"<p><b>When</b> {html.escape(when)}" + (f" ({html.escape(relation)})" if relation else "") + "</p>"
            f"<p><b>Reported by {count} article{'s' * (count != 1)}</b></p><ul>{items}</ul>")


def resolution_html(row: pd.Series, reports: pd.DataFrame) -> str:
    """How the date was resolved, with the TimeML terms: the expression, the publication date it is read
    against (and where that date came from), the rule, the TIMEX3 value; the role; why reports were merged."""
    published = pd.Timestamp(row["published"])
    merged = [r for r in reports.itertuples(index=False) if r.merge_reason]
    return ("<p>"
            f"“{html.escape(str(row['timex_text']))}”, read against the article’s publication date "
            f"{published.date()} (anchor, from {html.escape(str(row['anchor_source']))}), gives "
            f"{pd.Timestamp(row['start']).date()}" + (f" to {pd.Timestamp(row['end']).date()}"
                                                      if row["end"] != row["start"] else "")
            + f" at the precision of a {html.escape(str(row['granularity']))}.<br>"
            f"<b>Rule</b> {html.escape(str(row['rule']))}<br>"
            f"<b>TIMEX3</b> <code>{html.escape(str(row['timex_value']))}</code> "
            f"({html.escape(str(row['timex_type']))})<br>"
            f"<b>Role</b> {html.escape(str(row['role']))}: {html.escape(str(row['role_reason']))}</p>"
            + ("<p><b>Merged</b></p><ul>" + "".join(f"<li>{html.escape(r.outlet or '')}: "
                                                    f"{html.escape(r.merge_reason)}</li>" for r in merged) + "</ul>"
               if merged else ""))


def chronicle(happenings: pd.DataFrame, newest_first: bool = True,
              limit: int | None = None) -> list[tuple[str, pd.DataFrame]]:
    """Happenings grouped under a date heading ("Wednesday 12 February 2025", "the week of ...", "February
    2025"), the groups newest or oldest first, as newsroom timelines read; the first ``limit`` happenings."""
    if happenings.empty:
        return []
    ordered = happenings.sort_values(["start", "end", "cluster_id"], ascending=not newest_first, kind="stable")
    ordered = ordered.head(limit) if limit is not None else ordered
    headings = [when_words(s, e, str(g)) for s, e, g in
                zip(ordered["start"], ordered["end"], ordered["granularity"], strict=True)]
    grouped = ordered.assign(_heading=headings)
    return [(heading, group.drop(columns="_heading"))
            for heading, group in grouped.groupby("_heading", sort=False)]
