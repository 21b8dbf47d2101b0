"""Saved corpora in the dashboard (AppTest): an upload is saved, its link opens it in a fresh session with the same
articles, events and filters; a read-only link cannot change it; a bad id gets a plain message. The same tests run
against SQLite and a real PostgreSQL server (`databases`)."""

from __future__ import annotations

import html
import http.server
import re
import threading
import urllib.parse
from collections.abc import Iterator

import pytest
from databases import KINDS, database
from paths import FIXTURES, ROOT
from streamlit.testing.v1 import AppTest

from timeline import store
from timeline.store import tokens

MEETING = (b"---\ntitle: Ministers meet\noutlet: Test Wire\npublished: 2025-03-14\n---\n"
           b"The ministers met on Wednesday in Brussels. They will meet again next week.")
OLD = b"---\ntitle: Old talks\noutlet: Old Wire\npublished: 2019-03-14\n---\nThe ministers met on Wednesday."


@pytest.fixture(params=KINDS)
def db(request, tmp_path, monkeypatch) -> str:
    url = database(request.param, tmp_path)
    monkeypatch.setenv("TIMELINE_DATABASE_URL", url)
    return url


def app(params: dict[str, str | list[str]] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at


def counts(at: AppTest) -> tuple[int, int, int]:
    """(events shown, events, articles) as the page states them: "**N** of M events · K articles"."""
    caption = next(c.value for c in at.caption if " events" in c.value)
    return tuple(int(n) for n in re.match(r"\*\*(\d+)\*\* of (\d+) events · (\d+) articles", caption).groups())


def links(at: AppTest) -> dict[str, dict[str, list[str]]]:
    """The share box's links, parsed: "read-only" and, on an editing link, "editing"."""
    found = [urllib.parse.parse_qs(urllib.parse.urlsplit(c.value).query) for c in at.code if "corpus=" in c.value]
    return dict(zip(["read-only", "editing"], found, strict=False))


def mentions(at: AppTest):
    """The table of dated mentions under the chart (shown by its toggle)."""
    at.toggle(key="show_table").set_value(True).run()
    return at.dataframe[0].value


def texts(elements) -> str:
    return " ".join(e.value for e in elements)


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    return at.file_uploader[0].set_value((name, data, "text/markdown")).run()


def test_an_upload_is_saved_and_its_link_opens_the_same_articles_events_and_filters_in_a_fresh_session(db) -> None:
    at = upload(app().run(), "meeting.md", MEETING)
    assert not at.exception and not at.error
    edit = at.query_params["corpus"]
    assert tokens.well_formed(edit) and r"meeting\.md" in texts(at.success)
    at.sidebar.multiselect(key="outlet").set_value(["Test Wire"]).run()
    headline = mentions(at)["headline"].iloc[0]
    event = at.session_state["table_ids"][0]
    at.session_state["picked"] = event  # as a click on the chart or the table does
    at.run()
    before, shared = counts(at), links(at)
    assert before[0] == 2 and shared["read-only"]["outlet"] == ["Test Wire"] and shared["read-only"]["event"] == [event]
    assert shared["editing"]["corpus"] == [edit] and shared["read-only"]["corpus"] == [tokens.view_token(edit)]

    for kind in ("read-only", "editing"):  # a new browser: nothing but the link
        fresh = app({k: v for k, v in shared[kind].items()}).run()
        assert not fresh.exception and not fresh.error
        assert counts(fresh) == before
        assert fresh.sidebar.multiselect(key="outlet").value == ["Test Wire"]
        assert fresh.selectbox(key="article").options == at.selectbox(key="article").options
        assert "Test Wire — Ministers meet" in fresh.selectbox(key="article").options
        assert f"<h4>{html.escape(headline)}</h4>" in texts(fresh.markdown)  # the selected event, explained


def test_a_read_only_link_cannot_change_the_corpus(db) -> None:
    at = upload(app().run(), "meeting.md", MEETING)
    view = links(at)["read-only"]["corpus"][0]
    engine = store.make_engine(db)
    kept = store.documents(engine, view)
    viewer = app({"corpus": view}).run()
    assert not viewer.exception and not viewer.error
    assert "Read-only link" in texts(viewer.caption)
    assert not viewer.file_uploader and not viewer.text_area and "link-url" not in [t.key for t in viewer.text_input]
    assert [b.key for b in viewer.button if b.key and ("remove" in b.key or "undo" in b.key)] == []
    assert "editing" not in links(viewer) and len(links(viewer)) == 1
    # a pending edit smuggled into the session does nothing: there is no editor to apply it
    viewer.session_state["articles-table"] = {"edited_rows": {0: {"published": "2001-01-01", "remove": True}},
                                              "added_rows": [], "deleted_rows": []}
    viewer.run()
    assert store.documents(engine, view) == kept
    with pytest.raises(store.ReadOnly):
        store.remove_articles(engine, view, [kept[0].doc_id])


@pytest.mark.parametrize(("token", "message"), [
    ("not-a-token", "malformed"), ("a" * 31 + "!", "malformed"), ("A" * 32, "No corpus has that id")])
def test_an_unknown_or_malformed_id_gets_a_plain_message_and_the_samples(db, token, message) -> None:
    at = app({"corpus": token}).run()
    assert not at.exception
    assert message in texts(at.error) and "Showing the sample articles instead" in texts(at.error)
    assert "Traceback" not in texts(at.error) and counts(at)[2] > 0
    assert not any("Ignored from the link" in i.value for i in at.info)  # the corpus is named once, not twice


def test_a_corrected_date_is_saved_and_opens_with_the_link(db, seed_docs) -> None:
    row = next(i for i, d in enumerate(seed_docs) if d.outlet == "RT")
    at = app({"outlet": "RT"})
    at.session_state["articles-table"] = {"edited_rows": {row: {"published": "2024-12-27"}}, "added_rows": [],
                                          "deleted_rows": []}
    at.run()
    assert not at.exception and not at.error
    assert "Publication date corrected" in texts(at.success)
    again = app({"corpus": links(at)["read-only"]["corpus"][0], "outlet": "RT"}).run()
    starts = set(mentions(again)["start"].dt.date.astype(str))
    assert "2024-12-27" in starts and "2024-12-20" not in starts  # "on Friday" follows the saved date


def test_re_uploading_a_file_replaces_its_article_and_says_so() -> None:
    at = upload(app().run(), "meeting.md", MEETING)
    n = counts(at)
    at = upload(at, "meeting.md", MEETING.replace(b"next week", b"next month"))
    assert "Replaced the earlier copy of **Ministers meet**" in texts(at.info)
    assert counts(at)[2] == n[2]  # replaced, not added twice
    assert not at.file_uploader[0].value  # no chip left behind: the table of articles lists it


def test_a_failed_upload_is_listed_as_failed_until_removed() -> None:
    at = upload(app().run(), "scan.txt", bytes(range(256)) * 8)
    assert not at.exception
    failed = [m.value for m in at.markdown if m.value.startswith(":red[:material/block:]")]
    assert len(failed) == 1 and "scan\\.txt" in failed[0] and "binary data" in failed[0]
    assert "**scan\\.txt** failed" in texts(at.error)
    at.run()  # still there on a rerun, and in a fresh session of its link
    assert [m.value for m in at.markdown if m.value.startswith(":red[:material/block:]")] == failed
    fresh = app({"corpus": at.query_params["corpus"]}).run()
    assert [m.value for m in fresh.markdown if m.value.startswith(":red[:material/block:]")] == failed
    fresh.button(key=next(b.key for b in fresh.button if b.key and b.key.startswith("remove-scan.txt"))).click().run()
    assert not [m.value for m in fresh.markdown if m.value.startswith(":red[:material/block:]")]


def test_messages_after_a_paste_survive_the_reruns_that_follow() -> None:
    at = app().run()
    at.text_area[0].set_value("Talks\nThe envoy arrived on Monday and leaves next week.")
    at.button(key="add-paste").click().run()
    warning = [w.value for w in at.warning if "has no publication date" in w.value]
    assert warning and "Talks" in warning[0]
    at.sidebar.text_input(key="q").set_value("envoy").run()  # any rerun: a filter, a click
    assert [w.value for w in at.warning if "has no publication date" in w.value] == warning
    assert "Added **Talks**" in texts(at.success)


def test_removing_ticked_articles_and_the_samples(seed_docs) -> None:
    at = upload(app().run(), "meeting.md", MEETING)
    at.button(key="articles-remove-samples").click().run()
    assert counts(at)[2] == 1 and "Removed" in texts(at.success)
    at.session_state["articles-table"] = {"edited_rows": {0: {"remove": True}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="articles-remove-ticked").click().run()
    assert not at.exception and counts(at)[1:] == (0, 0)


def hidden_by_dates(at: AppTest) -> int:
    hint = [i.value for i in at.info if "dates hide" in i.value]
    return int(re.search(r"hide (\d+) event", hint[0]).group(1)) if hint else 0


def test_dates_that_hide_new_articles_say_so_with_one_click_to_show_them() -> None:
    at = app({"from": "2024-01-01", "to": "2025-12-31"}).run()
    before = hidden_by_dates(at)
    at = upload(at, "old.md", OLD)
    assert hidden_by_dates(at) == before + 1  # "met on Wednesday", in 2019
    shown, hidden = counts(at)[0], hidden_by_dates(at)
    at.button(key="all-dates").click().run()
    assert counts(at)[0] == shown + hidden and at.sidebar.date_input(key="from").value is None
    assert not [i.value for i in at.info if "hide" in i.value]


# --------------------------------------------------------------------------- adding by link


class SavedPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = (FIXTURES / "articles" / "saved_page.html").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SavedPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/2025/03/14/grain-corridor"
    server.shutdown()
    server.server_close()


def test_an_article_added_by_its_link_from_an_allowed_local_server(site, monkeypatch) -> None:
    monkeypatch.setenv("TIMELINE_FETCH_ALLOW", "127.0.0.1/32")
    at = app().run()
    at.text_input(key="link-url").set_value(site)
    at.button(key="fetch-link").click().run()
    assert not at.exception and "Added **Ministers agree on grain corridor**" in texts(at.success)
    fresh = app({"corpus": at.query_params["corpus"], "outlet": "Harbour Times"}).run()
    assert counts(fresh)[0] > 0 and fresh.sidebar.multiselect(key="outlet").value == ["Harbour Times"]


def test_a_link_to_127_0_0_1_is_refused_when_not_explicitly_allowed(site, monkeypatch) -> None:
    monkeypatch.delenv("TIMELINE_FETCH_ALLOW", raising=False)
    at = app().run()
    n = counts(at)
    at.text_input(key="link-url").set_value(site)
    at.button(key="fetch-link").click().run()
    assert not at.exception
    assert "private or local address (127.0.0.1)" in texts(at.error).replace("\\", "")
    assert counts(at) == n


def test_with_the_database_down_the_samples_work_and_a_change_says_it_cannot_be_saved(monkeypatch) -> None:
    monkeypatch.setenv("TIMELINE_DATABASE_URL", "postgresql://nobody:hunter2@127.0.0.1:1/none")
    at = app().run()
    assert not at.exception and counts(at)[2] > 0
    at = upload(at, "meeting.md", MEETING)
    assert not at.exception
    assert "Could not save the upload" in texts(at.error) and "cannot be used" in texts(at.warning)
    assert "hunter2" not in texts(at.error) + texts(at.warning)
    assert "corpus" not in at.query_params
