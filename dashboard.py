"""The timeline dashboard: ``streamlit run dashboard.py``.

A thin layout over the `timeline` library: load articles, extract events (cached by content and
anchor, so a filter change re-extracts nothing), filter, chart, explain. Every filter is bound
to a URL query parameter (the encoding `timeline.filters.Filters.to_query_params` documents), and
so is the selected event (``event``), so a copied link opens the same view.

One article never takes the page down: when the corpus fails to extract, each article is tried on its own,
one that fails is set aside with its message and a remove button, and the corpus steps (joining names,
merging reports) run over the rest. Every step is cached by content and date, failures included, so a bad
or huge article costs its CPU once, not on every rerun.
What a link asks for that the page cannot show is named, not silently dropped.

The articles are saved (`timeline.store`, through ``st.connection``): ``?corpus=`` opens a saved corpus by its
editing or read-only token, and the first change to the samples saves them as a new one (see "saved corpora").
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import sys
import textwrap
import urllib.parse
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from timeline import export, schema, store
from timeline.documents import (
    MAX_FILE_BYTES,
    SUPPORTED,
    Document,
    DocumentError,
    document_from_text,
    load_corpus,
    parse_bytes,
)
from timeline.events import extract_events
from timeline.store import config as store_config
from timeline.store.corpora import CORRECTED
from timeline.store.fetch import FetchError, FetchPolicy, fetch_article
from timeline.timex import find_timexes
from timeline.view import chart, filters, markup, story
from timeline.view import detail as view_detail

SEEDS = Path(__file__).parent / "seeds"
Q = "query-params"
EVENT_PARAM = "event"
PREVIEW_CHARS = 20_000  # of a set-aside article's text, in the Article tab
EVENTS_ENV = "TIMELINE_EVENTS"  # or ``streamlit run dashboard.py -- --events x.parquet``
SLIDER_DAYS = (pd.Timestamp("1684-07-30").as_unit("s"), pd.Timestamp("2255-06-03").as_unit("s"))  # Streamlit's range
CHRONICLE_PAGE = 20  # happenings listed at a time under the chart
TABLE_ROWS = 2_000  # rows of the table of mentions (the exports have them all)
#: Narrow screens: the chronicle first; the detail of a happening picked in it shows under it, in view.
PAGE_CSS = """<style>
@media (max-width: 640px) { div:has(> .st-key-chronicle) { order: -1; } }
@media (min-width: 641px) { div:has(> .st-key-inline-detail) { display: none; } }
.st-key-chronicle button { justify-content: flex-start; text-align: left; }
</style>"""


# --------------------------------------------------------------------------- cached library calls


@st.cache_data(show_spinner="Reading the sample articles…")
def seed_documents() -> tuple[tuple[Document, ...], tuple[str, ...]]:
    result = load_corpus(SEEDS)
    return result.documents, tuple(str(e) for e in result.errors)


def problem(exc: Exception) -> str:
    """An exception as a sentence for the page (never a traceback)."""
    return str(exc) or type(exc).__name__


def extracted(documents: tuple[Document, ...]) -> tuple[pd.DataFrame | None, str, dict[str, str]]:
    """``(table, "", failed)`` or ``(None, problem, {})``: the event table and the articles whose extraction failed
    (their path or id -> why, from ``attrs["errors"]``), or why the corpus as a whole failed. A failure is
    returned, not raised, so that the caches below keep it too: it costs its CPU once, not on every rerun."""
    try:
        table = extract_events(documents)
    except Exception as exc:  # reported on the page; the articles are then tried one by one
        return None, problem(exc), {}
    return table, "", {error.path: error.message for error in table.attrs.get("errors", ())}


@st.cache_data(show_spinner="Finding and resolving the dates…", max_entries=16)
def events_of(documents: tuple[Document, ...]) -> tuple[pd.DataFrame | None, str, dict[str, str]]:
    """Keyed by every document's content, metadata and anchor: the same corpus is never extracted twice."""
    return extracted(documents)


@st.cache_data(show_spinner="Looking for the article that fails…", max_entries=1024)
def article_events(doc: Document) -> tuple[pd.DataFrame | None, str, dict[str, str]]:
    """One article's events on its own, keyed by its content, metadata and anchor."""
    return extracted((doc,))


@st.cache_data(max_entries=64)
def timexes_of(text: str, anchor: dt.date) -> list:
    return find_timexes(text, anchor)


@contextlib.contextmanager
def guarded(what: str) -> Iterator[None]:
    """One panel that fails says so in place; the rest of the page still draws. (Streamlit's own rerun and
    stop signals are BaseExceptions and pass through.)"""
    try:
        yield
    except Exception as exc:
        st.error(f"The {what} could not be shown: {markup.escape_markdown(problem(exc))}. "
                 "The rest of the page works; your articles are kept.")


# --------------------------------------------------------------------------- the corpus


@dataclasses.dataclass(frozen=True)
class SetAside:
    """An article (or an uploaded file) the page cannot use, and why; the user can remove it."""

    key: str  # the doc_id, or for a file that gave no article its name and content hash
    name: str  # what the user knows it by
    problem: str
    doc_id: str | None = None  # None: a file that never became an article
    corrected: bool = False  # its publication date is the user's correction


def corpus(saved: store.Corpus | None, with_seeds: bool = True) -> tuple[Document, ...]:
    """The articles on screen: the saved corpus the link opens, else the sample articles (none when an event
    table was opened)."""
    if saved is not None:
        return saved_documents(corpus_engine(), saved.token, saved.updated_at)
    seeds, errors = seed_documents() if with_seeds else ((), ())
    for error in errors:
        st.sidebar.warning(f"A sample article could not be read: {markup.escape_markdown(error)}")
    return seeds


def corpus_events(docs: tuple[Document, ...]) -> tuple[pd.DataFrame, list[SetAside]]:
    """The event table of the articles that can be extracted, and those set aside with their problem.

    The corpus is extracted whole (joining names and merging reports need all of it); an article whose own
    extraction fails is named by `extract_events` and set aside. Only when the corpus step itself fails is each
    article tried on its own, and the corpus extracted again without those at fault. Every step is cached, so a
    rerun repeats none. Should the corpus still fail, each article's own table is shown, unmerged, with a word.
    """
    events, why, failed = events_of(docs)
    if events is not None:
        events.attrs.clear()  # (a copy, as cached data always is) its errors are set aside here, not shown as data
        return events, [_set_aside(d, failed[_key(d)]) for d in docs if _key(d) in failed]
    kept, tables, aside = [], [], []
    for doc in docs:
        table, why, failed = article_events(doc)
        if table is None or failed:
            aside.append(_set_aside(doc, why or next(iter(failed.values()))))
        else:
            kept.append(doc)
            tables.append(table)
    events, why, _ = events_of(tuple(kept))
    if events is not None:
        events.attrs.clear()
        return events, aside
    st.warning(f"Joining names and merging reports across the articles failed ({markup.escape_markdown(why)}): "
               "each article's events are shown on their own.")
    if not tables:
        return schema.empty_events(), aside
    joined = pd.concat(tables, ignore_index=True)
    joined.attrs.clear()
    return joined.sort_values(["start", "end", "doc_id", "timex_start"], kind="stable"), aside


def _key(doc: Document) -> str:
    """How `extract_events` names an article in its errors."""
    return doc.where


def _set_aside(doc: Document, why: str) -> SetAside:
    return SetAside(doc.doc_id, doc.title or doc.doc_id, why, doc.doc_id, doc.anchor_evidence == CORRECTED)


def unreadable(saved: store.Corpus | None) -> dict[str, SetAside]:
    """Uploads that failed, kept in the corpus (with their message) and listed as set aside until removed."""
    if saved is None:
        return {}
    return {f.key: SetAside(f.key, f.name, f.problem) for f in store.failed(corpus_engine(), saved.token)}


def remove(item: SetAside) -> None:
    """The remove button of a set-aside article or failed upload: it leaves the corpus (the samples, on the first
    change, become a saved corpus without it)."""
    with saving("remove it"):
        token = editable_corpus()
        if item.doc_id is None:
            store.remove_failures(corpus_engine(), token, [item.key])
        else:
            store.remove_articles(corpus_engine(), token, [item.doc_id])
        note("success", f"Removed {markup.escape_markdown(item.name)}.")
    st.session_state.pop(ARTICLES_TABLE, None)  # the table loses a row: its pending edits would shift


def undo_correction(doc_id: str) -> None:
    with saving("undo the date"):
        store.correct_dates(corpus_engine(), editable_corpus(), {doc_id: None})
    st.session_state.pop(ARTICLES_TABLE, None)  # else the table would apply the same correction again


def set_aside_panel(aside: list[SetAside], editable: bool = True) -> None:
    """Each article the page could not use, its message, and a button to remove it (or undo its date)."""
    if not aside:
        return
    label = f"Set aside ({len(aside)}): the rest of the page works without {'it' if len(aside) == 1 else 'them'}"
    with st.expander(label, expanded=len(aside) <= 3, icon=":material/block:"):
        for item in aside:  # one compact row each: a phone still sees the chart on its first screen
            text, buttons = st.columns([5, 1], vertical_alignment="center", gap="small")
            text.markdown(f":red[:material/block:] **{markup.escape_markdown(item.name)}**: "
                          f"{markup.escape_markdown(item.problem)}")
            if not editable:  # a read-only link
                continue
            if item.corrected:
                buttons.button("Undo date", key=f"undo-{item.key}", on_click=undo_correction, args=(item.doc_id,),
                               type="tertiary", icon=":material/undo:", help="Undo the date correction")
            buttons.button("Remove", key=f"remove-{item.key}", on_click=remove, args=(item,), type="tertiary",
                           icon=":material/delete:", help="Remove it from these articles")


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
    choices = options_of(events)
    chosen = filters.Filters(
        start=start, end=end,
        outlets=tuple(side.multiselect("Outlets", choices["outlet"], key="outlet", bind=Q)),
        actors=tuple(side.multiselect("Actors", choices["actors"], key="actor", bind=Q)),
        places=tuple(side.multiselect("Places", choices["places"], key="place", bind=Q)),
        keyword=side.text_input("Keyword in the sentence", key="q", bind=Q),
        granularities=tuple(side.multiselect("Precision", choices["granularity"], key="precision", bind=Q,
                                             help="How precise the date is: a day, a week, a month…")),
        relations=tuple(side.multiselect("Past or future", ["past", "same day", "future"], key="when", bind=Q,
                                         help="Before, on or after the day the article was published.")),
        roles=tuple(side.multiselect("Kind of date", list(schema.ROLES), default=list(filters.DEFAULT_ROLES),
                                     key="role", bind=Q,  # the link carries the shown names: kept as they are
                                     help="“event”: something happened then. “reference”: the date only bounds "
                                          "or measures something else (“since 2022”, “as of April”). Empty: all.")),
        merge=side.toggle("Merge reports from several articles", key="merge", bind=Q,
                          help="One row per event told by several articles, naming all their outlets."),
    )
    side.header("Layout")
    lane = side.selectbox("View", list(chart.LANES), format_func=chart.LANES.get, key="lane", bind=Q,
                          help="Story: one labelled marker per happening. The others: a lane per outlet, article, "
                               "actor or place, every report drawn.")
    color = side.selectbox("Colour", list(chart.COLORS), format_func=chart.COLORS.get, key="color", bind=Q)
    side.caption("Every choice here is in the page's address: copy the link to share this view.")
    return chosen, lane, color


_FINGERPRINTS: dict[int, tuple[weakref.ref, str]] = {}


def fingerprint(events: pd.DataFrame) -> str:
    """A short key for a table's rows (their ids, in order): vectorised, and remembered for a table shared by every
    rerun (an opened file's), so that a filter change does not hash 50,000 ids again."""
    known = _FINGERPRINTS.get(id(events))
    if known is not None and known[0]() is events:
        return known[1]
    hashes = pd.util.hash_pandas_object(events["event_id"], index=False).to_numpy()
    key = f"{len(events)}:{hashes.sum()}:{(hashes * np.arange(1, len(hashes) + 1, dtype='uint64')).sum()}"
    _FINGERPRINTS[id(events)] = (weakref.ref(events, lambda _: _FINGERPRINTS.pop(id(events), None)), key)
    return key


@st.cache_resource(max_entries=8)
def _options(key: str, _events: pd.DataFrame) -> dict[str, list[str]]:
    return {column: filters.options(_events, column) for column in ("outlet", "actors", "places", "granularity")}


def options_of(events: pd.DataFrame) -> dict[str, list[str]]:
    """Each filter's choices, computed once per table (not on every filter change)."""
    return _options(fingerprint(events), events)


# --------------------------------------------------------------------------- picking an event


def _pick(event_id: str | None) -> None:
    if event_id:
        st.session_state["picked"] = event_id
        st.query_params[EVENT_PARAM] = event_id


def _picked_on_chart() -> None:
    """The last click wins, whether on the chart, the chronicle or the table."""
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


# --------------------------------------------------------------------------- what the link asked for

_LIST_PARAMS = {"outlet": "outlet", "actor": "actor", "place": "place", "precision": "precision", "when": "relation",
                "role": "role"}


def opened_with() -> dict[str, list[str]]:
    """The page's query parameters as the link gave them."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def view_params(chosen: filters.Filters, lane: str, color: str, event: str | None) -> dict[str, list[str]]:
    """The parameters of the view on screen, each as a list, in the link's encoding (shown labels for layouts)."""
    params = {key: value if isinstance(value, list) else [value] for key, value in chosen.to_query_params().items()}
    params["merge"] = ["true" if chosen.merge else "false"]
    params["role"] = list(chosen.roles)  # left out of a link at its default, but a link may still name it
    params["lane"], params["color"] = [chart.LANES[lane]], [chart.COLORS[color]]
    for key in ("span", "newest"):  # the story view's widgets, when it drew them
        if key in st.session_state and st.session_state[key] is not None:
            value = st.session_state[key]
            params[key] = [str(value).lower() if isinstance(value, bool) else str(value)]
    if event is not None:
        params[EVENT_PARAM] = [event]
    return params


def ignored_in_link(link: Mapping[str, list[str]], used: Mapping[str, list[str]]) -> list[str]:
    """Each value of the link the page did not use, with why (``from=2025-13-45 (not a date)``).

    Streamlit drops a bound widget's unusable URL value without a word; comparing what the link asked for
    (``link``) with the view the widgets took (``used``, see `view_params`) names every one it dropped.
    """
    notes = []
    for key, values in link.items():
        for value in values:
            why = _why_ignored(key, value.strip(), used.get(key, []))
            if value.strip() and why:
                notes.append(f"{key}={value} ({why})")
    return notes


def _why_ignored(key: str, value: str, used: list[str]) -> str:
    if key == CORPUS_PARAM:
        return ""  # opened, or named in its own message (`corpus_status`)
    if key in ("from", "to"):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return "" if used else "not a date: want YYYY-MM-DD"  # a format Streamlit read and we do not is used
        return "" if day.isoformat() in used else "not used"
    if key == "merge":
        return "" if value.lower() in used else "not true or false"
    if key in ("lane", "color"):
        choices = chart.LANES if key == "lane" else chart.COLORS
        return "" if value in used else "not one of " + ", ".join(choices.values())
    if key == EVENT_PARAM:
        return "" if value in used else "no such event in these articles"
    if key in _LIST_PARAMS:
        return "" if value in used else f"no {_LIST_PARAMS[key]} by that name in these articles"
    if key == "q":
        return ""
    if key == "span":
        return "" if value in used else "not one of " + ", ".join(story.SPANS)
    if key == "newest":
        return "" if value.lower() in used else "not true or false"
    return "not a setting of this page"


def link_note(ignored: list[str]) -> None:
    if ignored:
        shown = "; ".join(markup.escape_markdown(textwrap.shorten(note, 120, placeholder="…")) for note in ignored)
        st.info(f"Ignored from the link: {shown}", icon=":material/link_off:")


# --------------------------------------------------------------------------- panels


def detail(row: pd.Series, events: pd.DataFrame, where: str = "side") -> None:
    """One happening explained beside the chart, like a TimelineJS slide: label, sentence with the expression
    marked, when in plain words, every article reporting it; how the date was resolved, in TimeML terms, folded
    away. All article text is escaped (`timeline.view.detail`)."""
    reports = filters.reports_of(events, row["event_id"])
    st.markdown(markup.block(view_detail.detail_html(row, reports)), unsafe_allow_html=True)
    with st.expander("How this date was resolved"):
        st.markdown(markup.block(view_detail.resolution_html(row, reports)), unsafe_allow_html=True)
    if where == "side":
        st.caption("The Article tab shows this article whole, every date in it resolved.")


def article_view(docs: tuple[Document, ...], problems: Mapping[str, str]) -> None:
    """One article whole, every expression highlighted; a set-aside one shows why, and the start of its text."""
    titles = {d.doc_id: f"{d.outlet or 'unknown outlet'} — {d.title or d.doc_id}"
              + (" (set aside)" if d.doc_id in problems else "") for d in docs}
    doc_id = st.selectbox("Article", list(titles), format_func=titles.get, key="article")
    doc = next((d for d in docs if d.doc_id == doc_id), None)
    if doc is None:
        return
    if doc.doc_id in problems:
        st.error(f"Set aside: {markup.escape_markdown(problems[doc.doc_id])}")
        preview = doc.text[:PREVIEW_CHARS]
        if len(doc.text) > PREVIEW_CHARS:
            st.caption(f"The first {PREVIEW_CHARS:,} of its {len(doc.text):,} characters:")
        st.markdown(markup.block(markup.highlight(preview, [])), unsafe_allow_html=True)
        return
    if doc.published is None:
        st.warning("This article has no publication date: give one in “Your articles” to resolve its dates.")
        st.markdown(markup.block(markup.highlight(doc.text, [])), unsafe_allow_html=True)
        return
    evidence = f": {markup.escape_markdown(doc.anchor_evidence)}" if doc.anchor_evidence else ""
    st.caption(f"Published {doc.published} ({doc.anchor_source}{evidence})")
    st.markdown(markup.article_html(doc.text, timexes_of(doc.text, doc.published)), unsafe_allow_html=True)


def exports(shown: pd.DataFrame, figure: object, chosen: filters.Filters, period: str) -> None:
    """Built when clicked (deferred data), not on every rerun: the chart's HTML carries all of plotly.js."""
    st.caption(f"The {len(shown)} events shown, with the current filters.")
    title = st.text_input("Title of the story", value="News timeline", key="story_title",
                          help="Heads the HTML chart and the TimelineJS story.")
    made = (f"Made {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC from {len(shown):,} events"
            + (f"; {period}" if period else "") + ".")
    cols = st.columns(4)
    cols[0].download_button("Table as CSV", lambda: export.to_csv_bytes(shown), "events.csv", "text/csv",
                            on_click="ignore")
    cols[1].download_button("Table as JSON", lambda: export.to_json_bytes(shown), "events.json",
                            "application/json", on_click="ignore")
    cols[2].download_button("TimelineJS JSON",
                            lambda: json.dumps(export.to_timelinejs(shown, title=title or "Timeline"),
                                               ensure_ascii=False).encode("utf-8"),
                            "timelinejs.json", "application/json", on_click="ignore")
    cols[3].download_button("Chart as HTML",
                            lambda: export.to_html(figure, title or "News timeline", chosen.describe(), made),
                            "timeline.html", "text/html", on_click="ignore", disabled=figure is None)


# --------------------------------------------------------------------------- saved corpora (issue 10)
# The articles live in a database (`timeline.store`), reached through st.connection("timeline", type="sql"):
# a SQLite file by default, PostgreSQL by TIMELINE_DATABASE_URL or [connections.timeline] url in secrets.toml.
# ?corpus= holds the token that opens them: the editing token, or the read-only one derived from it. Without
# it the page shows the sample articles; the first change (an upload, a paste, a link, a removal, a date) saves
# them as a new corpus and puts its editing token in the address.

CORPUS_PARAM = "corpus"
ARTICLES_TABLE = "articles-table"  # the data editor of the table of articles
SAMPLE_SOURCE = "sample article"
NOTES = "corpus-notes"  # the messages of the last change, kept until the next one: a rerun does not wipe them


@st.cache_resource(show_spinner=False)
def _migrated(url: str) -> None:
    store.migrate(st.connection(store_config.CONNECTION_NAME, type="sql", url=url).engine)


def corpus_engine():  # -> sqlalchemy.Engine | None
    """The store's engine (schema created or migrated on first use), or None with a message when it is down."""
    try:
        secrets_url = st.secrets["connections"][store_config.CONNECTION_NAME]["url"]
    except Exception:  # no secrets.toml, or no such entry: the environment or the default SQLite file
        secrets_url = None
    url = store_config.database_url(secrets_url)
    try:
        _migrated(url)
        engine = st.connection(store_config.CONNECTION_NAME, type="sql", url=url).engine
    except Exception as exc:
        st.session_state["store_down"] = (f"The corpus database ({store_config.describe(url)}) cannot be used: "
                                          f"{problem(exc)}. The sample articles work; nothing can be saved.")
        return None
    st.session_state.pop("store_down", None)
    return engine


def opened_corpus() -> store.Corpus | None:
    """The corpus the link names (``?corpus=``), or None: no such parameter, or one that opens nothing (the page
    then says why, in `corpus_status`)."""
    token = st.query_params.get(CORPUS_PARAM)
    if not token:
        return None
    engine = corpus_engine()
    if engine is None:
        return None
    try:
        return store.open_corpus(engine, token.strip())
    except store.StoreError as exc:
        st.session_state["link_problem"] = str(exc)
        return None


@st.cache_data(show_spinner="Reading the saved articles…", max_entries=32)
def saved_documents(_engine, token: str, version: object) -> tuple[Document, ...]:
    """Keyed by the token and the corpus's last change: a filter change reads nothing from the database."""
    return store.documents(_engine, token)


def editable_corpus() -> str:
    """The editing token of the corpus on screen; the samples (or a link that opens nothing) become a new corpus
    first, its token put in the address. Raises `store.ReadOnly` on a read-only link."""
    engine = corpus_engine()
    if engine is None:
        raise store.StoreError(st.session_state.get("store_down", "The corpus database cannot be used."))
    saved = opened_corpus()
    if saved is not None:
        if not saved.can_edit:
            raise store.ReadOnly("This is a read-only link: the articles cannot be changed from it.")
        return saved.edit_token
    new = store.create_corpus(engine)
    samples = () if events_path() else seed_documents()[0]  # an opened event table shows no samples
    store.add_documents(engine, new.edit_token, samples, source=SAMPLE_SOURCE)
    st.query_params[CORPUS_PARAM] = new.edit_token
    st.session_state.pop("link_problem", None)
    note("info", "Your articles are now saved: this page's address opens them. Share the read-only link under "
                 "**Share**; keep the editing link to yourself.")
    return new.edit_token


def note(kind: str, text: str) -> None:
    """A message about the last change (Markdown, already escaped), shown until the next change."""
    st.session_state.setdefault(NOTES, []).append((kind, text))


@contextlib.contextmanager
def saving(what: str) -> Iterator[None]:
    """A change that fails (a read-only link, the database down) says so in the notes; nothing else is lost."""
    try:
        yield
    except store.StoreError as exc:
        note("error", f"Could not {what}: {markup.escape_markdown(str(exc))}")
    except Exception as exc:
        note("error", f"Could not {what}: the database failed ({markup.escape_markdown(problem(exc))}).")


def show_notes() -> None:
    notes = st.session_state.get(NOTES, [])
    for kind, text in notes:
        {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}[kind](text)
    if notes:
        st.button("Clear these messages", key="clear-notes", on_click=st.session_state.pop, args=(NOTES, None),
                  type="tertiary", icon=":material/close:")


def report(outcomes: tuple[store.Outcome, ...], docs: tuple[Document, ...], source: str, partly: bool = False) -> None:
    """What adding did, article by article: added, replaced (say so), refused (why); and the dates to check."""
    name = markup.escape_markdown(source) + (f" ({len(docs)} of its articles)" if partly else "")
    added = [o for o in outcomes if o.status == "added"]
    replaced = [o for o in outcomes if o.status == "replaced"]
    if added:
        note("success", f"Added {_titles(added)} from {name}." if len(added) <= 3 else
             f"Added {len(added)} articles from {name}.")
    if replaced:
        note("info", f"Replaced the earlier copy of {_titles(replaced)}: an article with the same id was already "
                     "there." if len(replaced) <= 3 else
             f"Replaced {len(replaced)} articles already there (same ids) with their copies from {name}.")
    for o in outcomes:
        if o.status == "refused":
            note("error", f"Not added: **{markup.escape_markdown(o.title or o.doc_id)}**: "
                          f"{markup.escape_markdown(o.reason)}.")
    stored = {o.doc_id for o in outcomes if o.status != "refused"}
    for doc in docs:
        title = markup.escape_markdown(doc.title or doc.doc_id)
        if doc.doc_id not in stored:
            continue
        if doc.published is None:
            note("warning", f"**{title}** has no publication date in its metadata or text. Give one in the table "
                            "of articles below to see its events.")
        elif doc.anchor_source == "inferred":
            note("info", f"**{title}**: publication date {doc.published} "
                         f"{markup.escape_markdown(doc.anchor_evidence)}. Check it in the table of articles below.")


def _titles(outcomes: list[store.Outcome]) -> str:
    return ", ".join(f"**{markup.escape_markdown(o.title or o.doc_id)}**" for o in outcomes)


def fetch_policy() -> FetchPolicy:
    """Public addresses only; ``TIMELINE_FETCH_ALLOW`` (networks, comma-separated) opens others, for local tests."""
    allowed = tuple(n.strip() for n in os.environ.get("TIMELINE_FETCH_ALLOW", "").split(",") if n.strip())
    return FetchPolicy(allow_networks=allowed)


def add_articles(read_only: bool) -> None:
    """Uploads, a link, a paste; run before extraction so that new articles count in this very run."""
    if read_only:
        return
    st.divider()
    st.markdown("**Add articles** as files (" + ", ".join(SUPPORTED) + "), by their link, or paste one. "
                "An article with the id of one already there replaces it.")
    files = st.file_uploader("Upload articles", type=[s.lstrip(".") for s in SUPPORTED], accept_multiple_files=True,
                             key=f"upload-{st.session_state.setdefault('uploads_reset', 0)}")
    if files:
        st.session_state[NOTES] = []
        with saving("save the upload"):
            add_files(editable_corpus(), files)
        st.session_state["uploads_reset"] += 1  # a fresh, empty uploader: the table of articles lists them now
        st.session_state.pop(ARTICLES_TABLE, None)
        st.rerun()
    with st.form("by-link", clear_on_submit=True, border=False):
        link, go = st.columns([4, 1], vertical_alignment="bottom")
        url = link.text_input("Article link", placeholder="https://…", help=fetch_policy().describe(), key="link-url")
        if go.form_submit_button("Fetch", key="fetch-link") and url.strip():
            st.session_state[NOTES] = []
            with saving("add the link"), st.spinner("Fetching the page…"):
                try:
                    doc = fetch_article(url, fetch_policy())
                except FetchError as exc:
                    note("error", f"Could not add the link: {markup.escape_markdown(str(exc))}")
                else:
                    report(store.add_documents(corpus_engine(), editable_corpus(), [doc], source=url.strip()),
                           (doc,), url.strip())
    with st.form("paste", clear_on_submit=True):
        text = st.text_area("Paste an article")
        title = st.text_input("Title (optional)")
        outlet = st.text_input("Outlet (optional)")
        published = st.date_input("Publication date (leave empty to look for it in the text)", value=None,
                                  min_value=dt.date.min, max_value=dt.date.max)
        if st.form_submit_button("Add article", key="add-paste"):
            st.session_state[NOTES] = []
            try:
                doc = document_from_text(text, published, title=title, outlet=outlet)
            except DocumentError as exc:
                note("error", f"Could not add the article: {markup.escape_markdown(str(exc))}")
            else:
                with saving("save the article"):
                    report(store.add_documents(corpus_engine(), editable_corpus(), [doc], source="pasted"), (doc,),
                           "the pasted text")


def add_files(token: str, files: list) -> None:
    engine = corpus_engine()
    for file in files:
        data = file.getvalue()
        result = parse_bytes(file.name, data)  # never raises; a table keeps its good rows
        report(store.add_documents(engine, token, result.documents, source=file.name), result.documents, file.name,
               partly=bool(result.errors))
        if result.documents:  # a file that failed before and reads now is no longer a failure
            old = [f.key for f in store.failed(engine, token) if f.name == file.name]
            store.remove_failures(engine, token, old)
        digest = hashlib.sha256(data).hexdigest()[:16]
        for i, error in enumerate(result.errors):
            row = error.path != file.name  # a table's row or line
            problem_text = f"could not read {'a row: ' + error.path if row else 'it'}: {error.message}"
            store.record_failure(engine, token, f"{file.name}:{digest}#{i}", file.name, problem_text)
        if result.errors:
            note("error", f"**{markup.escape_markdown(file.name)}** failed: listed under “Set aside” at the top of "
                          "the page, with why.")
        for warning in result.warnings:
            note("info", f"{markup.escape_markdown(file.name)}: {markup.escape_markdown(warning.message)}")


def corpus_status(saved: store.Corpus | None) -> None:
    """Which articles these are, and a plain message when the link's corpus cannot be opened (above the chart)."""
    if st.session_state.get("store_down"):
        st.warning(markup.escape_markdown(st.session_state["store_down"]), icon=":material/database:")
    if saved is None and st.query_params.get(CORPUS_PARAM) and st.session_state.get("link_problem"):
        st.error(f"{markup.escape_markdown(st.session_state['link_problem'])} Showing the sample articles instead.",
                 icon=":material/link_off:")
    elif saved is not None and not saved.can_edit:
        st.caption(":material/visibility: Read-only link: explore and filter these articles; they cannot be changed "
                   "from here.")


def share_box(saved: store.Corpus | None, params: Mapping[str, list[str]]) -> None:
    """The links that open these articles, with this view's filters and selected event."""
    st.markdown("**Share**")
    if saved is None:
        st.caption("These are the sample articles. Add, remove or re-date an article and they are saved as your own "
                   "corpus, with links to share.")
        return
    base = (st.context.url or "").split("?")[0].rstrip("/") + "/"  # the app's address, as the browser reached it

    defaults = {"merge": ["false"], "role": list(filters.DEFAULT_ROLES), "lane": [next(iter(chart.LANES.values()))],
                "color": [next(iter(chart.COLORS.values()))]}
    view = {key: values or [""] for key, values in params.items() if defaults.get(key) != values}  # "role=": all

    def link(token: str) -> str:
        return base + "?" + urllib.parse.urlencode({CORPUS_PARAM: token, **view}, doseq=True)

    st.caption("Read-only link: opens these articles, with this view's filters and selected event.")
    st.code(link(saved.view_token), language=None, wrap_lines=True)
    if saved.can_edit:
        st.caption("Editing link: whoever has it can change the articles. Keep it to yourself.")
        st.code(link(saved.edit_token), language=None, wrap_lines=True)
        st.button("Start over from the sample articles", key="leave-corpus", on_click=_leave_corpus,
                  type="tertiary", icon=":material/restart_alt:",
                  help="Opens the samples; this corpus stays saved, and its links keep working.")
    st.caption(store.LIMITS.describe() + f" Files up to {MAX_FILE_BYTES // 2**20} MB.")


def _leave_corpus() -> None:
    st.query_params.pop(CORPUS_PARAM, None)
    st.session_state[NOTES] = []
    st.session_state.pop(ARTICLES_TABLE, None)


def articles_table(docs: tuple[Document, ...], saved: store.Corpus | None) -> None:
    """The corpus's articles: the date in use (correct it here), where it came from, a box to tick to remove."""
    stored = {a.doc_id: a for a in store.stored_articles(corpus_engine(), saved.token)} if saved else {}
    st.markdown(f"**Articles** ({len(docs)}) — correct a publication date here and its events move with it.")
    undated = [d.title or d.doc_id for d in docs if d.published is None]
    if undated:
        st.warning("No publication date for " + ", ".join(f"“{markup.escape_markdown(t)}”" for t in undated)
                   + ". Relative dates (“on Friday”, “next week”) need one: type it in the table below.")
    table = pd.DataFrame([{"remove": False, "published": d.published, "title": d.title or d.doc_id,
                           "date from": _date_from(d), "outlet": d.outlet,
                           "added from": stored[d.doc_id].source if d.doc_id in stored else SAMPLE_SOURCE,
                           "characters": len(d.text), "doc_id": d.doc_id} for d in docs])
    editable = saved is None or saved.can_edit
    config = {"remove": st.column_config.CheckboxColumn("remove", width=80, help="Tick, then “Remove ticked”"),
              "published": st.column_config.DateColumn("date", help="The publication date in use: type to correct it",
                                                       width="small"),
              "title": st.column_config.TextColumn("title", width="medium")}
    if not editable:
        st.dataframe(table.drop(columns="remove"), hide_index=True, column_config=config)
        return
    edited = st.data_editor(table, key=ARTICLES_TABLE, hide_index=True, column_config=config,
                            disabled=[c for c in table.columns if c not in ("remove", "published")])
    before = dict(zip(table["doc_id"], table["published"], strict=True))
    changed = {row.doc_id: pd.Timestamp(row.published).date() if pd.notna(row.published) else None
               for row in edited.itertuples(index=False) if _differs(row.published, before[row.doc_id])}
    if changed:
        st.session_state[NOTES] = []
        with saving("correct the date"):
            token = editable_corpus()
            own = {a.doc_id: a.published for a in store.stored_articles(corpus_engine(), token)}
            store.correct_dates(corpus_engine(), token, {k: None if v == own.get(k) else v for k, v in changed.items()})
            note("success", f"Publication date corrected for {len(changed)} article(s); their events moved.")
        st.session_state.pop(ARTICLES_TABLE, None)
        st.rerun()
    ticked = list(edited.loc[edited["remove"], "doc_id"])
    left, right = st.columns(2)
    if left.button(f"Remove {len(ticked)} ticked" if ticked else "Remove ticked", key="articles-remove-ticked",
                   disabled=not ticked, icon=":material/delete:"):
        _remove_articles(ticked)
    samples = [d for d, a in stored.items() if a.source == SAMPLE_SOURCE] if saved else list(table["doc_id"])
    if samples and right.button(f"Remove the {len(samples)} sample articles", key="articles-remove-samples",
                                icon=":material/delete_sweep:"):
        _remove_articles(samples)


def _remove_articles(doc_ids: list[str]) -> None:
    st.session_state[NOTES] = []
    with saving("remove the articles"):
        removed = store.remove_articles(corpus_engine(), editable_corpus(), doc_ids)
        note("success", f"Removed {removed} article{'s' if removed != 1 else ''}.")
    st.session_state.pop(ARTICLES_TABLE, None)
    st.rerun()


def _differs(new: object, old: dt.date | None) -> bool:
    new_date = pd.Timestamp(new).date() if pd.notna(new) else None
    return new_date != old


def _date_from(doc: Document) -> str:
    return {"user": "you", "metadata": "its metadata", "document": "its dateline", "inferred": "inferred: check it",
            "missing": "none: give one"}.get(doc.anchor_source, doc.anchor_source)


def download_articles(docs: tuple[Document, ...], saved: store.Corpus | None) -> None:
    """The user's own articles (not the samples) as a file to keep or upload elsewhere."""
    own = {a.doc_id for a in store.stored_articles(corpus_engine(), saved.token) if a.source != SAMPLE_SOURCE} \
        if saved else set()
    mine = tuple(d for d in docs if d.doc_id in own)
    if mine:
        st.download_button("Save my articles (JSON)", functools.partial(saved_articles, mine), "my-articles.json",
                           "application/json", on_click="ignore", key="save",
                           help="Your articles in the upload format, each with the date in use.")


def saved_articles(docs: tuple[Document, ...]) -> bytes:
    """The articles as a JSON table the loader reads back (ids kept, so shared event links still work), each with
    the publication date in use, the user's correction included."""
    rows = [{"id": d.doc_id, "title": d.title, "outlet": d.outlet, "url": d.url,
             "published": d.published.isoformat() if d.published else "", "text": d.text} for d in docs]
    return json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8")


def dates_hide(events: pd.DataFrame, chosen: filters.Filters, shown: pd.DataFrame) -> None:
    """When From/To hide events the other filters keep (new articles outside the range), say how many, with one
    click to show them."""
    if chosen.start is None and chosen.end is None:
        return
    hidden = len(filters.filter_events(events, dataclasses.replace(chosen, start=None, end=None))) - len(shown)
    if hidden > 0:
        text, button = st.columns([4, 1], vertical_alignment="center")
        text.info(f"The From/To dates hide {hidden} event{'s' if hidden != 1 else ''}.", icon=":material/date_range:")
        button.button("Show all dates", key="all-dates", on_click=_all_dates, icon=":material/calendar_month:")


def _all_dates() -> None:
    st.session_state["from"] = None
    st.session_state["to"] = None


def your_articles(docs: tuple[Document, ...], saved: store.Corpus | None, params: Mapping[str, list[str]]) -> None:
    """The "Your articles" tab after extraction: share, the table of articles, failed uploads, download."""
    share_box(saved, params)
    if docs:  # none when an event table was opened and nothing added
        articles_table(docs, saved)
    download_articles(docs, saved)


# --------------------------------------------------------------------------- the story view


def _period_key(span: str) -> str:
    return f"window-{span}"


def story_panel(shown: pd.DataFrame, everything: pd.DataFrame, color: str, publications: pd.DataFrame,
                event: str | None) -> tuple[object, story.Layout | None]:
    """Period buttons and slider, the story chart, and the picked happening beside it; the chronicle under."""
    happenings = story.happening_rows(story.story_columns(shown, color))
    default = default_span_of(everything)
    span = st.segmented_control("Period", list(story.SPANS), default=default,
                                key="span", bind=Q, help="How long a stretch the chart shows; it opens on the "
                                                         "busiest one.") or default
    window = _window(happenings, span, shown, event)
    # the slider spans the story's days (its precise happenings, outliers aside), not "the 11th century"
    dated = happenings[happenings["length"] <= 31]
    dated = dated if len(dated) else happenings
    if len(dated) > 100:
        dated = dated[dated["start"].between(*dated["start"].quantile([0.01, 0.99]))]
    lo = min(window[0], dated["start"].min()) if len(dated) else window[0]
    hi = max(window[1], dated["end"].max()) if len(dated) else window[1]
    lo, hi = max(lo, SLIDER_DAYS[0]), min(hi, SLIDER_DAYS[1])  # the slider's limits (the buttons go further)
    if lo <= window[0] and window[1] <= hi and lo < hi:
        picked = st.slider("Dates shown", min_value=lo.date(), max_value=hi.date(),
                           value=(window[0].date(), window[1].date()), format="YYYY-MM-DD",
                           key=f"period-{span}-{window[0].date()}-{window[1].date()}-{lo.date()}-{hi.date()}",
                           label_visibility="collapsed")
        if picked != (window[0].date(), window[1].date()):
            st.session_state[_period_key(span)] = (pd.Timestamp(picked[0]).as_unit("s"),
                                                   pd.Timestamp(picked[1]).as_unit("s"))
            st.session_state["window_dragged"] = True
            window = st.session_state[_period_key(span)]
    kind = span if picked_period_is_span(window, span) else "custom"
    placed = story.layout(happenings, kind, *window, events_in_view=story.events_in(shown, *window, kind))
    figure = story.story_figure(placed, color, chart.COLORS.get(color, color), publications, selected=event)
    st.plotly_chart(figure, on_select=_picked_on_chart, selection_mode="points", key="chart",
                    config={"displayModeBar": False})
    notes = [f"{placed.in_view:,} happening{'s' * (placed.in_view != 1)} from "
             f"{window[0].date()} to {window[1].date()}"]
    if placed.aggregated:
        notes.append(f"the {len(placed.placed):,} most reported drawn, the grey strip counts them all")
    if placed.longer:
        notes.append(f"{placed.longer} longer period{'s' * (placed.longer != 1)} (a year, a decade…) overlap it: "
                     "“All” shows them")
    st.caption("; ".join(notes) + ". Click a marker, or an entry of the chronicle, to see it explained.")
    return figure, placed


@st.cache_resource(max_entries=8)
def _default_span(key: str, _events: pd.DataFrame) -> str:
    return story.default_span(story.happening_rows(story.story_columns(_events, "granularity")))


def default_span_of(events: pd.DataFrame) -> str:
    """The period the story opens on for this corpus's events (reference dates aside), whatever the filters: a link
    stays the same view."""
    happened = events[events["role"] == "event"] if (events["role"] != "event").any() else events
    return _default_span(fingerprint(events), happened) if not happened.empty else "month"


def picked_period_is_span(window: tuple[pd.Timestamp, pd.Timestamp], span: str) -> bool:
    days = story.SPANS.get(span)
    return days is None or (window[1] - window[0]).days + 1 == days


def _window(happenings: pd.DataFrame, span: str, shown: pd.DataFrame,
            event: str | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period on screen: the user's, if it still shows something; else the densest of ``span``; moved to
    the picked happening when that is outside it (a shared link opens on its event)."""
    days = story.SPANS.get(span)
    window = st.session_state.get(_period_key(span)) if days is not None or st.session_state.get("window_dragged") \
        else None  # "all" follows the data, unless the slider was moved
    if window is not None and not happenings.empty:
        inside = (happenings["end"] >= window[0]) & (happenings["start"] <= window[1])
        if not inside.any():
            window = None
    if window is None:
        window = story.window_of(happenings, span)
    if event is not None and days is not None and st.session_state.get("window_follows") != event:
        st.session_state["window_follows"] = event
        row = shown[shown["event_id"] == event]
        if not row.empty and not ((row["start"].iloc[0] >= window[0]) and (row["end"].iloc[0] <= window[1])):
            first = row["start"].iloc[0] - pd.Timedelta(days=days // 2)
            window = (story.clamp(first), story.clamp(first + pd.Timedelta(days=days - 1)))
    st.session_state[_period_key(span)] = window
    return window


def chronicle_panel(placed: story.Layout | None, shown: pd.DataFrame, events: pd.DataFrame,
                    event: str | None) -> None:
    """The happenings of the period as a newsroom chronicle: grouped by date, newest or oldest first, each with its
    label (a button: it selects) and its sources. On a phone it comes first, and a picked one opens under it."""
    happenings = placed.listed if placed is not None else story.happening_rows(shown)
    top, toggle = st.columns([3, 2], vertical_alignment="center")
    top.markdown("**Chronicle**")
    newest = toggle.toggle("Newest first", value=True, key="newest", bind=Q)
    limit = st.session_state.get("chronicle_n", CHRONICLE_PAGE)
    groups = view_detail.chronicle(happenings, newest_first=newest, limit=limit)
    if not groups:
        st.caption("No events in this period.")
        return
    picked_cluster = None
    if event is not None:
        hit = events.loc[events["event_id"] == event, "cluster_id"]
        picked_cluster = hit.iloc[0] if not hit.empty else None
    outlets = _outlets_of(shown, [c for _, group in groups for c in group["cluster_id"]])
    listed = 0
    for heading, group in groups:
        st.markdown(f"**{markup.escape_markdown(heading)}**")
        for row in group.itertuples(index=False):
            mark = ":material/arrow_right: " if row.cluster_id == picked_cluster else ""
            st.button(mark + markup.escape_markdown(str(row.headline)), key=f"chronicle-{row.event_id}",
                      type="tertiary", on_click=_pick, args=(row.event_id,))
            names = outlets.get(row.cluster_id, [])
            st.caption(markup.escape_markdown(", ".join(names[:6]) + (f" and {len(names) - 6} more"
                                                                        if len(names) > 6 else ""))
                       + (" (planned)" if row.relation == "future" else ""))
            if row.cluster_id == picked_cluster and event is not None:
                with st.container(key="inline-detail", border=True):
                    detail(events[events["event_id"] == event].iloc[0], events, where="inline")
            listed += 1
    remaining = len(happenings) - listed
    if remaining > 0 and st.button(f"Show {min(remaining, CHRONICLE_PAGE)} more of {remaining:,}",
                                   key="chronicle-more"):
        st.session_state["chronicle_n"] = limit + CHRONICLE_PAGE
        st.rerun()


def _outlets_of(shown: pd.DataFrame, clusters: list[str]) -> dict[str, list[str]]:
    """The outlets reporting each listed happening (only those listed: a page, not the whole table)."""
    rows = shown[shown["cluster_id"].isin(set(clusters))]
    return {cluster: list(dict.fromkeys(str(o) for o in group if pd.notna(o) and str(o)))
            for cluster, group in rows.groupby("cluster_id", sort=False)["outlet"]}


# --------------------------------------------------------------------------- the page


def timeline_tab(shown: pd.DataFrame, events: pd.DataFrame, lane: str, color: str, publications: pd.DataFrame,
                 event: str | None) -> tuple[object, str]:
    """The chart with the picked event beside it, the chronicle under them, and the table of mentions folded away.
    Returns the figure (for the HTML export) and the period shown, in words."""
    if shown.empty:
        st.info("No events match these filters. Widen the dates or clear a filter.")
    st.html(PAGE_CSS)
    left, right = st.columns([3, 2], gap="medium")
    placed = None
    with left:
        if lane == "story":
            figure, placed = story_panel(shown, events, color, publications, event)
        else:
            figure = chart.timeline_figure(shown, lane, color, publications, selected=event)
            st.plotly_chart(figure, on_select=_picked_on_chart, selection_mode="points", key="chart")
    with right, st.container(border=True, key="detail"):
        if event is None:
            st.caption("Click an event on the chart or an entry of the chronicle to see what happened, who reported it "
                       "and how its date was worked out.")
        else:
            detail(events[events["event_id"] == event].iloc[0], events)
    with st.container(key="chronicle"):
        chronicle_panel(placed, shown, events, event)
    # a toggle, not an expander: a folded expander's table is still built and sent on every rerun
    if st.toggle(f"Every dated mention, as a table ({len(shown):,})", key="show_table"):
        table_panel(shown)
    period = f"dates shown {placed.start.date()} to {placed.end.date()}" if placed is not None else ""
    return figure, period


def table_panel(shown: pd.DataFrame) -> None:
    rows = shown.head(TABLE_ROWS)
    if len(shown) > TABLE_ROWS:
        st.caption(f"The first {TABLE_ROWS:,} of {len(shown):,}: the Export tab has them all.")
    table = rows[["start", "end", "granularity", "relation", "role", "timex_text", "headline", "outlet", "n_sources"]]
    # A new key when the rows change, so a row picked under other filters never points at another event.
    key = "table-" + fingerprint(rows)[:12]
    st.session_state["table_ids"] = list(rows["event_id"])
    st.dataframe(table, on_select=functools.partial(_picked_in_table, key), selection_mode="single-row",
                 hide_index=True, key=key, column_config={"start": st.column_config.DateColumn(),
                                                          "end": st.column_config.DateColumn(),
                                                          "granularity": "precision", "relation": "past or future",
                                                          "role": "kind", "timex_text": "as written",
                                                          "n_sources": "articles"})


# --------------------------------------------------------------------------- an event table from a file


def events_path() -> str | None:
    """The event table to open: ``--events PATH`` after ``--`` on the command line, else $TIMELINE_EVENTS.
    Never from the page's address: a link must not open files on the server."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--events")
    known, _ = parser.parse_known_args(sys.argv[1:])
    return known.events or os.environ.get(EVENTS_ENV) or None


@st.cache_resource(show_spinner="Opening the event table…", max_entries=2)
def opened_table(path: str, modified: float) -> tuple[pd.DataFrame | None, str, pd.DataFrame]:
    """The table (shared by every session, never changed), or why it cannot be read; and its articles'
    publication dates. Keyed by path and modification time: a rewritten file is read again."""
    try:
        table = export.read_table(path)
    except ValueError as exc:
        return None, problem(exc), pd.DataFrame()
    articles = table.drop_duplicates("doc_id")[["doc_id", "title", "outlet", "published"]].reset_index(drop=True)
    return table, "", articles


def table_source() -> tuple[pd.DataFrame | None, pd.DataFrame]:
    """The opened event table and its articles, or (None, empty) for the sample articles; a table that cannot be
    read is named, and the samples are shown instead."""
    path = events_path()
    if not path:
        return None, pd.DataFrame()
    try:
        modified = Path(path).stat().st_mtime
    except OSError as exc:
        st.error(f"The event table {markup.escape_markdown(path)} cannot be opened "
                 f"({markup.escape_markdown(exc.strerror or problem(exc))}): showing the sample articles instead.")
        return None, pd.DataFrame()
    table, why, articles = opened_table(path, modified)
    if table is None:
        st.error(f"{markup.escape_markdown(why)}: showing the sample articles instead.")
        return None, pd.DataFrame()
    return table, articles


def main() -> None:
    st.set_page_config(page_title="News timeline", layout="wide")
    st.title("News timeline")
    link = st.session_state.setdefault("link", opened_with())  # before any widget: they drop what they cannot use
    summary = st.container()
    tab_chart, tab_article, tab_mine, tab_export = st.tabs(["Timeline", "Article", "Your articles", "Export"])
    with tab_mine:
        notes_box = st.container()  # filled last: the messages of a change made anywhere in this run
        manage_box = st.container()  # the share box and the table of articles, above the forms, once extracted
        with guarded("upload form"):
            before = opened_corpus()
            add_articles(read_only=before is not None and not before.can_edit)
    saved = opened_corpus()  # after adding: the first change makes the samples a saved corpus
    table, table_articles = table_source()
    docs = corpus(saved, with_seeds=table is None)
    events, aside = corpus_events(docs) if docs or table is None else (schema.empty_events(), [])
    if table is not None:
        events = table if events.empty else pd.concat([table, events], ignore_index=True)
    aside = [*unreadable(saved).values(), *aside]
    chosen, lane, color = sidebar(events)
    shown = filters.filter_events(events, chosen)
    event = picked_event(events)
    undated = [d for d in docs if d.published is None]
    failed = {item.doc_id for item in aside if item.doc_id}
    articles = len(docs) - len(failed) + (len(table_articles) if table is not None else 0)
    publications = pd.DataFrame([{"doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "published": d.published}
                                 for d in docs if d.doc_id not in failed],
                                columns=["doc_id", "title", "outlet", "published"])
    if table is not None:
        publications = pd.concat([table_articles, publications], ignore_index=True) if len(publications) \
            else table_articles
    figure, period = None, ""
    with tab_chart, guarded("timeline"):
        figure, period = timeline_tab(shown, events, lane, color, publications, event)
    if "link_ignored" not in st.session_state:  # the first run: the widgets have just read the link
        st.session_state["link_ignored"] = ignored_in_link(link, view_params(chosen, lane, color, event))
    with summary:
        corpus_status(saved)
        st.caption(f"**{len(shown)}** of {len(events)} events · {articles} articles"
                   + (f" · {len(undated)} without a publication date" if undated else "")
                   + (f" · {len(aside)} set aside" if aside else ""))
        dates_hide(events, chosen, shown)
        link_note(st.session_state["link_ignored"])
        set_aside_panel(aside, editable=saved is None or saved.can_edit)
    if event is not None and st.session_state.get("article_follows") != event:
        st.session_state["article_follows"] = event  # the Article tab opens on the picked event's article
        st.session_state["article"] = events.loc[events["event_id"] == event, "doc_id"].iloc[0]
    with tab_article, guarded("article"):
        if table is not None:
            st.caption("The opened event table holds sentences, not whole articles: the articles you add are here.")
        article_view(docs, {item.doc_id: item.problem for item in aside if item.doc_id})
    with manage_box, guarded("table of articles"):
        your_articles(docs, saved, view_params(chosen, lane, color, event))
    with tab_export, guarded("export"):
        exports(shown, figure, chosen, period)
    with notes_box:
        show_notes()


try:
    main()
except Exception as exc:  # the last guard: every panel has its own, so this should never show
    st.error(f"Something went wrong: {markup.escape_markdown(problem(exc))}. Your articles and filters are kept: "
             "remove the article you added last, or change a filter.")
