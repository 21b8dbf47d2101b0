"""The timeline dashboard: ``streamlit run dashboard.py``.

A thin layout over the `timeline` library: load articles, extract events (cached by content and
anchor, so a filter change re-extracts nothing), filter, chart, explain. Every filter is bound
to a URL query parameter (the encoding `timeline.filters.Filters.to_query_params` documents), and
so is the selected event (``event``), so a copied link opens the same view.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import html
import json
from pathlib import Path

import pandas as pd
import streamlit as st

from timeline import export, schema
from timeline.documents import SUPPORTED, Document, DocumentError, document_from_text, load_bytes, load_corpus
from timeline.events import extract_events
from timeline.timex import find_timexes
from timeline.view import chart, filters, markup

SEEDS = Path(__file__).parent / "seeds"
Q = "query-params"
EVENT_PARAM = "event"


# --------------------------------------------------------------------------- cached library calls


@st.cache_data(show_spinner="Reading the sample articles…")
def seed_documents() -> tuple[tuple[Document, ...], tuple[str, ...]]:
    result = load_corpus(SEEDS)
    return result.documents, tuple(str(e) for e in result.errors)


@st.cache_data(show_spinner="Finding and resolving the dates…", max_entries=16)
def events_of(documents: tuple[Document, ...]) -> pd.DataFrame:
    """Keyed by every document's content, metadata and anchor: the same corpus is never extracted twice."""
    return extract_events(documents)


@st.cache_data(max_entries=64)
def timexes_of(text: str, anchor: dt.date) -> list:
    return find_timexes(text, anchor)


# --------------------------------------------------------------------------- the corpus


def corpus() -> tuple[Document, ...]:
    """The seeds, the user's own articles, each with the user's corrected date where given."""
    seeds, errors = seed_documents()
    for error in errors:
        st.sidebar.warning(f"A sample article could not be read: {markup.escape_markdown(error)}")
    overrides: dict[str, dt.date] = st.session_state.setdefault("anchors", {})
    docs = []
    for doc in (*seeds, *st.session_state.setdefault("added", {}).values()):
        if doc.doc_id in overrides:
            doc = dataclasses.replace(doc, published=overrides[doc.doc_id], anchor_source="user",
                                      anchor_evidence="corrected by the user")
        docs.append(doc)
    return tuple(docs)


def add_documents(new: list[Document]) -> None:
    added: dict[str, Document] = st.session_state.setdefault("added", {})
    for doc in new:
        added[doc.doc_id] = doc
        name = markup.escape_markdown(doc.title or doc.doc_id)
        if doc.published is None:
            st.warning(f"**{name}** has no publication date in its metadata or text. Give one in the table of "
                       "articles below to see its events.")
        elif doc.anchor_source == "inferred":
            st.info(f"**{name}**: publication date {doc.published} {markup.escape_markdown(doc.anchor_evidence)}. "
                    "Correct it in the table of articles below if it is wrong.")


# --------------------------------------------------------------------------- sidebar filters


def sidebar(events: pd.DataFrame) -> tuple[filters.Filters, str, str]:
    side = st.sidebar
    side.header("Filters")
    if not events.empty:
        side.caption(f"Events span {events['start'].min().date()} – {events['end'].max().date()}. "
                     "Leave a date empty for no limit.")
    start = side.date_input("From", value=None, min_value=dt.date.min, max_value=dt.date.max, key="from", bind=Q)
    end = side.date_input("To", value=None, min_value=dt.date.min, max_value=dt.date.max, key="to", bind=Q)
    if start and end and start > end:
        side.warning("“From” is after “To”: no event can match.")
    chosen = filters.Filters(
        start=start, end=end,
        outlets=tuple(side.multiselect("Outlets", filters.options(events, "outlet"), key="outlet", bind=Q)),
        actors=tuple(side.multiselect("Actors", filters.options(events, "actors"), key="actor", bind=Q)),
        places=tuple(side.multiselect("Places", filters.options(events, "places"), key="place", bind=Q)),
        keyword=side.text_input("Keyword in the sentence", key="q", bind=Q),
        granularities=tuple(side.multiselect("Precision", filters.options(events, "granularity"),
                                             key="precision", bind=Q)),
        relations=tuple(side.multiselect("Past or future", ["past", "same day", "future"], key="when", bind=Q)),
        roles=tuple(side.multiselect("Role", list(schema.ROLES), default=list(filters.DEFAULT_ROLES), key="role",
                                     bind=Q, help="Reference dates only bound or measure something else "
                                                  "(“since 2022”, “as of April”). Empty: all.")),
        merge=side.toggle("Merge reports from several articles", key="merge", bind=Q,
                          help="One row per event told by several articles, naming all their outlets."),
    )
    side.header("Layout")
    lane = side.selectbox("Lanes", list(chart.LANES), format_func=chart.LANES.get, key="lane", bind=Q)
    color = side.selectbox("Colour", list(chart.COLORS), format_func=chart.COLORS.get, key="color", bind=Q)
    side.caption("Every choice here is in the page's address: copy the link to share this view.")
    return chosen, lane, color


# --------------------------------------------------------------------------- picking an event


def _pick(event_id: str | None) -> None:
    if event_id:
        st.session_state["picked"] = event_id
        st.query_params[EVENT_PARAM] = event_id


def _picked_on_chart() -> None:
    """The last click wins, whether on the chart or the table."""
    points = (st.session_state.get("chart") or {}).get("selection", {}).get("points") or []
    data = [p.get("customdata") for p in points if isinstance(p, dict) and p.get("customdata")]
    _pick(data[0][0] if data else None)


def _picked_in_table(key: str) -> None:
    rows = (st.session_state.get(key) or {}).get("selection", {}).get("rows") or []
    ids = st.session_state.get("table_ids", [])
    _pick(ids[rows[0]] if rows and rows[0] < len(ids) else None)


def picked_event(events: pd.DataFrame) -> str | None:
    """The selected event: the last one clicked, or the one the link names (``?event=``)."""
    if "picked" not in st.session_state:
        st.session_state["picked"] = st.query_params.get(EVENT_PARAM)
    event = st.session_state["picked"]
    return event if event is not None and (events["event_id"] == event).any() else None


# --------------------------------------------------------------------------- panels


def detail(row: pd.Series, events: pd.DataFrame) -> None:
    """One event, explained: where its date comes from and who else reports it. All article text is escaped."""
    local = (row["timex_start"] - row["sentence_start"], row["timex_end"] - row["sentence_start"])
    span = row["start"].date().isoformat()
    if row["end"] != row["start"]:
        span += f" – {row['end'].date().isoformat()}"
    others = filters.reports_of(events, row["event_id"]).iloc[1:]
    also = "".join(f"<li>{html.escape(o.outlet or 'unknown outlet')}: {markup.link(o.url, o.title or o.doc_id)}"
                   f" ({o.published.date()}) — “{html.escape(o.sentence)}”</li>"
                   for o in others.itertuples(index=False))
    st.markdown(markup.block(
        f"<h4>{html.escape(row['headline'])}</h4>"
        f"<p>{markup.highlight(row['sentence'], [(*local, '')])}</p>"
        f"<p><b>Expression</b> “{html.escape(row['timex_text'])}” → <b>{span}</b> "
        f"({html.escape(row['granularity'])}, {html.escape(row['relation'])}; "
        f"TIMEX3 <code>{html.escape(row['timex_value'])}</code>)<br>"
        f"<b>Role</b> {html.escape(row['role'])}: {html.escape(row['role_reason'])}<br>"
        f"<b>Anchor</b> {row['published'].date()} ({html.escape(row['anchor_source'])})<br>"
        f"<b>Rule</b> {html.escape(row['rule'])}<br>"
        f"<b>Source</b> {html.escape(row['outlet'] or '')} — "
        f"{markup.link(row['url'], row['title'] or row['doc_id'])}</p>"
        + (f"<p><b>Also reported by</b></p><ul>{also}</ul>" if also else "")), unsafe_allow_html=True)
    st.caption("The Article tab shows this article whole, every date in it resolved.")


def article_view(docs: tuple[Document, ...]) -> None:
    titles = {d.doc_id: f"{d.outlet or 'unknown outlet'} — {d.title or d.doc_id}" for d in docs}
    doc_id = st.selectbox("Article", list(titles), format_func=titles.get, key="article")
    doc = next(d for d in docs if d.doc_id == doc_id)
    if doc.published is None:
        st.warning("This article has no publication date: give one in “Your articles” to resolve its dates.")
        st.markdown(markup.block(markup.highlight(doc.text, [])), unsafe_allow_html=True)
        return
    evidence = f": {markup.escape_markdown(doc.anchor_evidence)}" if doc.anchor_evidence else ""
    st.caption(f"Published {doc.published} ({doc.anchor_source}{evidence})")
    st.markdown(markup.article_html(doc.text, timexes_of(doc.text, doc.published)), unsafe_allow_html=True)


def add_articles() -> None:
    """Uploads and pastes; run before extraction so that new articles count in this very run."""
    st.markdown("Add articles as files (" + ", ".join(SUPPORTED) + "), or paste one.")
    files = st.file_uploader("Upload articles", type=[s.lstrip(".") for s in SUPPORTED], accept_multiple_files=True,
                             key=f"upload-{st.session_state.setdefault('uploads_reset', 0)}")
    seen: set[str] = st.session_state.setdefault("seen_uploads", set())
    for file in files or []:
        data = file.getvalue()
        digest = f"{file.name}:{hashlib.sha256(data).hexdigest()}"
        if digest in seen:
            continue
        seen.add(digest)
        try:
            add_documents(load_bytes(file.name, data))
            st.success(f"Added {markup.escape_markdown(file.name)}.")
        except DocumentError as exc:
            st.error(f"Could not read this file: {markup.escape_markdown(str(exc))}")
    with st.form("paste", clear_on_submit=True):
        text = st.text_area("Paste an article")
        title = st.text_input("Title (optional)")
        outlet = st.text_input("Outlet (optional)")
        published = st.date_input("Publication date (leave empty to look for it in the text)", value=None,
                                  min_value=dt.date.min, max_value=dt.date.max)
        if st.form_submit_button("Add article"):
            try:
                add_documents([document_from_text(text, published, title=title, outlet=outlet)])
            except DocumentError as exc:
                st.error(f"Could not add the article: {markup.escape_markdown(str(exc))}")
    if st.session_state.get("added") and st.button("Remove my articles", key="remove"):
        st.session_state["added"] = {}
        st.session_state["seen_uploads"] = set()
        st.session_state["uploads_reset"] += 1  # a fresh, empty uploader, so nothing is re-added
        st.rerun()


def publication_dates(docs: tuple[Document, ...]) -> None:
    st.markdown("**Publication dates** — correct any article's date; its events move with it.")
    undated = [d.title or d.doc_id for d in docs if d.published is None]
    if undated:
        st.warning("No publication date for " + ", ".join(f"“{markup.escape_markdown(t)}”" for t in undated)
                   + ". Relative dates (“on Friday”, “next week”) need one: type it in the table below.")
    table = pd.DataFrame([{"doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "published": d.published,
                           "source of the date": d.anchor_source} for d in docs])
    edited = st.data_editor(table, key="dates", hide_index=True, disabled=["doc_id", "title", "outlet",
                                                                           "source of the date"],
                            column_config={"published": st.column_config.DateColumn("published")})
    before = dict(zip(table["doc_id"], table["published"], strict=True))
    changed = {row.doc_id: pd.Timestamp(row.published).date() for row in edited.itertuples(index=False)
               if pd.notna(row.published) and pd.Timestamp(row.published).date() != before[row.doc_id]}
    if changed:
        st.session_state["anchors"].update(changed)
        st.rerun()


def exports(shown: pd.DataFrame, figure: object) -> None:
    """Built when clicked (deferred data), not on every rerun: the chart's HTML carries all of plotly.js."""
    st.caption(f"The {len(shown)} events shown, with the current filters.")
    cols = st.columns(4)
    cols[0].download_button("Table as CSV", lambda: export.to_csv_bytes(shown), "events.csv", "text/csv",
                            on_click="ignore")
    cols[1].download_button("Table as JSON", lambda: export.to_json_bytes(shown), "events.json",
                            "application/json", on_click="ignore")
    cols[2].download_button("TimelineJS JSON",
                            lambda: json.dumps(export.to_timelinejs(shown), ensure_ascii=False).encode("utf-8"),
                            "timelinejs.json", "application/json", on_click="ignore")
    cols[3].download_button("Chart as HTML", lambda: figure.to_html(include_plotlyjs=True).encode("utf-8"),
                            "timeline.html", "text/html", on_click="ignore")


# --------------------------------------------------------------------------- the page


def timeline_tab(shown: pd.DataFrame, events: pd.DataFrame, figure: object, event: str | None) -> None:
    """Chart, then the picked event's explanation right under it, then the table."""
    if shown.empty:
        st.info("No events match these filters. Widen the dates or clear a filter.")
    st.plotly_chart(figure, on_select=_picked_on_chart, selection_mode="points", key="chart")
    with st.container(border=True):
        if event is None:
            st.caption("Click an event on the chart or a row of the table to see how its date was resolved.")
        else:
            detail(events[events["event_id"] == event].iloc[0], events)
    table = shown[["start", "end", "granularity", "relation", "role", "timex_text", "headline", "outlet", "n_sources"]]
    # A new key when the rows change, so a row picked under other filters never points at another event.
    key = "table-" + hashlib.sha1("\n".join(shown["event_id"]).encode()).hexdigest()[:12]
    st.session_state["table_ids"] = list(shown["event_id"])
    st.dataframe(table, on_select=functools.partial(_picked_in_table, key), selection_mode="single-row",
                 hide_index=True, key=key, column_config={"start": st.column_config.DateColumn(),
                                                          "end": st.column_config.DateColumn()})


def main() -> None:
    st.set_page_config(page_title="News timeline", layout="wide")
    st.title("News timeline")
    summary = st.container()
    tab_chart, tab_article, tab_mine, tab_export = st.tabs(["Timeline", "Article", "Your articles", "Export"])
    with tab_mine:
        add_articles()
    docs = corpus()
    events = events_of(docs)
    chosen, lane, color = sidebar(events)
    shown = filters.filter_events(events, chosen)
    undated = [d for d in docs if d.published is None]
    summary.caption(f"**{len(shown)}** of {len(events)} events · {len(docs)} articles"
                    + (f" · {len(undated)} without a publication date" if undated else ""))
    publications = pd.DataFrame([{"doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "published": d.published}
                                 for d in docs])
    event = picked_event(events)
    figure = chart.timeline_figure(shown, lane, color, publications, selected=event)
    with tab_chart:
        timeline_tab(shown, events, figure, event)
    if event is not None and st.session_state.get("article_follows") != event:
        st.session_state["article_follows"] = event  # the Article tab opens on the picked event's article
        st.session_state["article"] = events.loc[events["event_id"] == event, "doc_id"].iloc[0]
    with tab_article:
        article_view(docs)
    with tab_mine:
        publication_dates(docs)
    with tab_export:
        exports(shown, figure)


try:
    main()
except Exception as exc:
    st.error(f"Something went wrong: {markup.escape_markdown(str(exc))}. "
             "Your articles and filters are kept; try again or reload the page.")
