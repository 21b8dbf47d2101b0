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
from collections.abc import Iterator, Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from timeline import export, schema
from timeline.documents import SUPPORTED, Document, DocumentError, document_from_text, load_corpus, parse_bytes
from timeline.events import extract_events
from timeline.timex import find_timexes
from timeline.view import chart, filters, markup, story
from timeline.view import detail as view_detail

SEEDS = Path(__file__).parent / "seeds"
Q = "query-params"
EVENT_PARAM = "event"
PREVIEW_CHARS = 20_000  # of a set-aside article's text, in the Article tab
EVENTS_ENV = "TIMELINE_EVENTS"  # or ``streamlit run dashboard.py -- --events x.parquet``
SLIDER_DAYS = (pd.Timestamp("1684-07-30").as_unit("s"), pd.Timestamp("2255-06-03").as_unit("s"))  # Streamlit's range
CHRONICLE_PAGE = 40  # happenings listed at a time under the chart
TABLE_ROWS = 2_000  # rows of the table of mentions (the exports have them all)
#: Narrow screens: the chronicle first; the detail of a happening picked in it shows under it, in view.
PAGE_CSS = """<style>
@media (max-width: 640px) { .st-key-chronicle { order: -1; } }
@media (min-width: 641px) { .st-key-inline-detail { display: none; } }
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


def corpus(with_seeds: bool = True) -> tuple[Document, ...]:
    """The seeds (less those the user removed; none when an event table was opened), the user's own articles,
    each with the user's corrected date."""
    seeds, errors = seed_documents() if with_seeds else ((), ())
    for error in errors:
        st.sidebar.warning(f"A sample article could not be read: {markup.escape_markdown(error)}")
    overrides: dict[str, dt.date] = st.session_state.setdefault("anchors", {})
    hidden: set[str] = st.session_state.setdefault("hidden", set())
    docs = []
    for doc in (*seeds, *st.session_state.setdefault("added", {}).values()):
        if doc.doc_id in hidden:
            continue
        if doc.doc_id in overrides:
            doc = dataclasses.replace(doc, published=overrides[doc.doc_id], anchor_source="user",
                                      anchor_evidence="corrected by the user")
        docs.append(doc)
    return tuple(docs)


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
    corrected = doc.anchor_source == "user" and doc.doc_id in st.session_state.get("anchors", {})
    return SetAside(doc.doc_id, doc.title or doc.doc_id, why, doc.doc_id, corrected)


def unreadable() -> dict[str, SetAside]:
    """Uploads that gave no article, kept (with their message) until the user removes them."""
    return st.session_state.setdefault("unreadable", {})


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


def remove(item: SetAside) -> None:
    """The remove button of a set-aside article: the user's own is dropped, a sample one hidden.

    The file it came from leaves the uploader too, and may be uploaded again (it would be ignored as seen).
    """
    upload = item.key
    if item.doc_id is None:
        unreadable().pop(item.key, None)
    elif item.doc_id in st.session_state.get("added", {}):
        del st.session_state["added"][item.doc_id]
        st.session_state["anchors"].pop(item.doc_id, None)
        upload = st.session_state.get("upload_of", {}).pop(item.doc_id, None)
    else:
        st.session_state["hidden"].add(item.doc_id)
        upload = None
    if upload is not None:
        st.session_state.get("seen_uploads", set()).discard(upload)
        st.session_state["uploads_reset"] = st.session_state.get("uploads_reset", 0) + 1  # a fresh uploader
    st.session_state.pop("dates", None)  # the table of dates loses a row: its pending edits would shift


def undo_correction(doc_id: str) -> None:
    st.session_state["anchors"].pop(doc_id, None)
    st.session_state.pop("dates", None)  # else the table would apply the same correction again


def set_aside_panel(aside: list[SetAside]) -> None:
    """Each article the page could not use, its message, and a button to remove it (or undo its date)."""
    hidden = st.session_state.get("hidden")
    if hidden and st.button(f"Show the {len(hidden)} removed sample article(s) again", key="unhide"):
        hidden.clear()
        st.rerun()
    if not aside:
        return
    label = f"Set aside ({len(aside)}): the rest of the page works without {'it' if len(aside) == 1 else 'them'}"
    with st.expander(label, expanded=len(aside) <= 3, icon=":material/block:"):
        for item in aside:  # one compact row each: a phone still sees the chart on its first screen
            text, buttons = st.columns([5, 1], vertical_alignment="center", gap="small")
            text.markdown(f":red[:material/block:] **{markup.escape_markdown(item.name)}**: "
                          f"{markup.escape_markdown(item.problem)}")
            if item.corrected:
                buttons.button("Undo date", key=f"undo-{item.key}", on_click=undo_correction, args=(item.doc_id,),
                               type="tertiary", icon=":material/undo:", help="Undo the date correction")
            buttons.button("Remove", key=f"remove-{item.key}", on_click=remove, args=(item,), type="tertiary",
                           icon=":material/delete:", help="Remove it from this session's articles")


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


def fingerprint(events: pd.DataFrame) -> str:
    """A short key for a table's rows (their ids): cheap at 50,000 rows, unlike hashing the frame."""
    return hashlib.sha1("\n".join(events["event_id"].astype(str)).encode()).hexdigest()


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
    """The last click wins, whether on the chart, a label, the chronicle or the table."""
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
        result = parse_bytes(file.name, data)  # never raises; a table keeps its good rows
        add_documents(list(result.documents))
        st.session_state.setdefault("upload_of", {}).update(dict.fromkeys((d.doc_id for d in result.documents),
                                                                          digest))
        for i, error in enumerate(result.errors):
            row = error.path != file.name  # a table's row or line
            key = f"{digest}#{i}" if i else digest
            unreadable()[key] = SetAside(key, file.name, f"could not read {'a row: ' + error.path if row else 'it'}: "
                                                         f"{error.message}")
        for note in result.warnings:
            st.info(f"{markup.escape_markdown(file.name)}: {markup.escape_markdown(note.message)}")
        if result.documents:
            some = f" ({len(result.documents)} of its articles)" if result.errors else ""
            st.success(f"Added {markup.escape_markdown(file.name)}{some}.")
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
    added = st.session_state.get("added")
    if not (added or unreadable()):
        return
    left, right = st.columns(2)
    if added:
        left.download_button("Save my articles (JSON)",
                             functools.partial(saved_articles, dict(added), dict(st.session_state.get("anchors", {}))),
                             "my-articles.json", "application/json", on_click="ignore", key="save",
                             help="Upload this file again to get your articles back, in this or a later session.")
    if right.button("Remove my articles", key="remove"):
        st.session_state["added"] = {}
        unreadable().clear()
        st.session_state["seen_uploads"] = set()
        st.session_state["uploads_reset"] += 1  # a fresh, empty uploader, so nothing is re-added
        st.session_state.pop("dates", None)
        st.rerun()


def saved_articles(added: Mapping[str, Document], anchors: Mapping[str, dt.date]) -> bytes:
    """The user's articles as a JSON table the loader reads back (ids kept, so shared event links still work),
    each with the publication date in use, the user's correction included."""
    rows = []
    for doc in added.values():
        published = anchors.get(doc.doc_id) or doc.published
        rows.append({"id": doc.doc_id, "title": doc.title, "outlet": doc.outlet, "url": doc.url,
                     "published": published.isoformat() if published else "", "text": doc.text})
    return json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8")


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


# --------------------------------------------------------------------------- the story view


def _period_key(span: str) -> str:
    return f"window-{span}"


def story_panel(shown: pd.DataFrame, everything: pd.DataFrame, color: str, publications: pd.DataFrame,
                event: str | None) -> tuple[object, story.Layout | None]:
    """Period buttons and slider, the story chart, and the picked happening beside it; the chronicle under."""
    happenings = story.happening_rows(shown)
    default = story.default_span(story.happening_rows(everything)) if not everything.empty else "month"
    span = st.segmented_control("Period", list(story.SPANS), default=default,
                                key="span", bind=Q, help="How long a stretch the chart shows; it opens on the "
                                                         "busiest one.") or default
    window = _window(happenings, span, shown, event)
    lo = min(window[0], happenings["start"].min()) if not happenings.empty else window[0]
    hi = max(window[1], happenings["end"].max()) if not happenings.empty else window[1]
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
    placed = story.layout(happenings, span if picked_period_is_span(window, span) else "custom", *window,
                          events_in_view=int(((shown["end"] >= window[0]) & (shown["start"] <= window[1])).sum()))
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
    st.caption("; ".join(notes) + ". Click a marker or its label, or an entry below, to see it explained.")
    return figure, placed


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
    happenings = placed.placed if placed is not None else story.happening_rows(shown)
    if placed is not None and placed.aggregated:
        happenings = story.in_window(story.happening_rows(shown), placed.start, placed.end, "custom")[0]
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
            st.caption("Click an event on the chart, its label, or an entry of the chronicle to see what happened, "
                       "who reported it and how its date was worked out.")
        else:
            detail(events[events["event_id"] == event].iloc[0], events)
    with st.container(key="chronicle"):
        chronicle_panel(placed, shown, events, event)
    with st.expander(f"Every dated mention, as a table ({len(shown):,})"):
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
    with tab_mine, guarded("upload form"):
        add_articles()
    table, table_articles = table_source()
    docs = corpus(with_seeds=table is None)
    events, aside = corpus_events(docs) if docs or table is None else (schema.empty_events(), [])
    if table is not None:
        events = table if events.empty else pd.concat([table, events], ignore_index=True)
    aside = [*unreadable().values(), *aside]
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
        st.caption(f"**{len(shown)}** of {len(events)} events · {articles} articles"
                   + (f" · {len(undated)} without a publication date" if undated else "")
                   + (f" · {len(aside)} set aside" if aside else ""))
        link_note(st.session_state["link_ignored"])
        set_aside_panel(aside)
    if event is not None and st.session_state.get("article_follows") != event:
        st.session_state["article_follows"] = event  # the Article tab opens on the picked event's article
        st.session_state["article"] = events.loc[events["event_id"] == event, "doc_id"].iloc[0]
    with tab_article, guarded("article"):
        if table is not None:
            st.caption("The opened event table holds sentences, not whole articles: the articles you add are here.")
        article_view(docs, {item.doc_id: item.problem for item in aside if item.doc_id})
    with tab_mine, guarded("table of publication dates"):
        publication_dates(docs)
    with tab_export, guarded("export"):
        exports(shown, figure, chosen, period)


try:
    main()
except Exception as exc:  # the last guard: every panel has its own, so this should never show
    st.error(f"Something went wrong: {markup.escape_markdown(problem(exc))}. Your articles and filters are kept: "
             "remove the article you added last, or change a filter.")
