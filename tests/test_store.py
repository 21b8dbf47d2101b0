"""The corpus store, the same specification against SQLite and a real PostgreSQL server (see `databases`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterator

import pandas as pd
import pytest
import sqlalchemy as sa
from databases import KINDS, database

from timeline import store
from timeline.documents import Document, document_from_text
from timeline.events import extract_events
from timeline.store import schema, tokens


@pytest.fixture(params=KINDS)
def engine(request, tmp_path) -> Iterator[sa.Engine]:
    engine = store.make_engine(database(request.param, tmp_path))
    store.migrate(engine)
    yield engine
    engine.dispose()


def doc(doc_id: str, text: str = "The council voted on Friday.", published: dt.date | None = dt.date(2025, 3, 14),
        **fields: str) -> Document:
    return Document(doc_id, text, published=published, anchor_source="metadata" if published else "missing",
                    **fields)


# --------------------------------------------------------------------------- schema


def test_the_schema_is_created_by_migrate_and_a_second_migrate_changes_nothing(engine) -> None:
    assert store.migrate(engine) == schema.VERSION  # already there: the version it found
    with engine.connect() as conn:
        assert schema.schema_version(conn) == schema.VERSION
        assert {"timeline_corpora", "timeline_articles", "timeline_failures"} <= set(sa.inspect(conn).get_table_names())


def test_a_database_from_a_newer_version_is_refused_not_misread(engine) -> None:
    with engine.begin() as conn:
        conn.execute(schema.version_table.update().values(version=schema.VERSION + 1))
    with pytest.raises(schema.SchemaTooNew, match="newer than this code"):
        store.migrate(engine)


# --------------------------------------------------------------------------- tokens and links


def test_tokens_carry_at_least_128_random_bits_and_are_all_different(engine) -> None:
    made = [store.create_corpus(engine) for _ in range(5)]
    every = [c.edit_token for c in made] + [c.view_token for c in made]
    assert len(set(every)) == 10
    assert all(tokens.well_formed(t) and len(t) * 6 >= 128 for t in every)


def test_the_read_only_token_opens_the_corpus_but_cannot_change_it(engine) -> None:
    corpus = store.create_corpus(engine, "council")
    store.add_documents(engine, corpus.edit_token, [doc("a")])
    viewer = store.open_corpus(engine, corpus.view_token)
    assert (viewer.can_edit, viewer.edit_token, viewer.name, viewer.articles) == (False, None, "council", 1)
    assert corpus.edit_token not in repr(viewer)
    changes = [lambda t: store.add_documents(engine, t, [doc("b")]), lambda t: store.remove_articles(engine, t, ["a"]),
               lambda t: store.correct_dates(engine, t, {"a": dt.date(2020, 1, 1)}),
               lambda t: store.record_failure(engine, t, "k", "x.pdf", "binary"),
               lambda t: store.remove_failures(engine, t, ["k"])]
    for change in changes:
        with pytest.raises(store.ReadOnly, match="read-only"):
            change(corpus.view_token)
    assert store.documents(engine, corpus.view_token) == (doc("a"),)


def test_the_editing_token_shows_the_read_only_token_and_the_read_only_token_reveals_nothing(engine) -> None:
    corpus = store.create_corpus(engine)
    editor = store.open_corpus(engine, corpus.edit_token)
    assert editor.can_edit and editor.view_token == corpus.view_token == tokens.view_token(corpus.edit_token)
    assert tokens.view_token(corpus.view_token) != corpus.edit_token  # the derivation does not run backwards


def test_the_database_keeps_no_token_in_clear(engine) -> None:
    corpus = store.create_corpus(engine, "name")
    with engine.connect() as conn:
        stored = " ".join(str(v) for row in conn.execute(sa.select(schema.corpora)) for v in row)
    assert corpus.edit_token not in stored and corpus.view_token not in stored


@pytest.mark.parametrize("token", ["", "abc", "x" * 31, "x" * 33, "a" * 31 + "!", "a" * 31 + "=", "../" * 11 + "ab",
                                   None, 12345, "' OR 1=1 --" + "a" * 21])
def test_a_malformed_link_gets_a_plain_message(engine, token) -> None:
    with pytest.raises(store.MalformedLink, match="malformed"):
        store.open_corpus(engine, token)


def test_an_unknown_id_gets_a_plain_message_that_names_no_other_corpus(engine) -> None:
    store.create_corpus(engine, "secret name")
    with pytest.raises(store.UnknownCorpus, match="No corpus has that id") as raised:
        store.open_corpus(engine, tokens.new_edit_token())
    assert "secret name" not in str(raised.value)


def test_corpora_are_separate(engine) -> None:
    one, two = store.create_corpus(engine), store.create_corpus(engine)
    store.add_documents(engine, one.edit_token, [doc("a")])
    store.add_documents(engine, two.edit_token, [doc("a", "Another text on Monday."), doc("b")])
    store.remove_articles(engine, two.edit_token, ["a"])
    assert [d.doc_id for d in store.documents(engine, one.view_token)] == ["a"]
    assert [d.doc_id for d in store.documents(engine, two.view_token)] == ["b"]


# --------------------------------------------------------------------------- articles


def test_articles_come_back_as_they_were_stored_in_the_order_added(engine) -> None:
    corpus = store.create_corpus(engine)
    docs = [doc("z", "Ünïcödé — “quotes” on Tuesday 😀", title="T", outlet="O", url="https://example.org/a"),
            doc("a", "Founded in the year 1 on January 1.", published=dt.date(1, 1, 1)),
            doc("m", "Far: December 31, 9999.", published=dt.date(9999, 12, 31)),
            dataclasses.replace(doc("u", published=None), anchor_evidence="no date")]
    assert [o.status for o in store.add_documents(engine, corpus.edit_token, docs, "upload.json")] == ["added"] * 4
    assert store.documents(engine, corpus.view_token) == tuple(docs)
    rows = store.stored_articles(engine, corpus.view_token)
    assert [(r.doc_id, r.source, r.chars, r.date) for r in rows] == [
        (d.doc_id, "upload.json", len(d.text), d.published) for d in docs]


def test_text_no_database_can_hold_is_kept_with_a_replacement_character(engine) -> None:
    corpus = store.create_corpus(engine)
    store.add_documents(engine, corpus.edit_token, [doc("nul", "A\x00B on Friday \ud800.")])
    assert store.documents(engine, corpus.view_token)[0].text == "A\ufffdB on Friday \ufffd."


def test_an_article_of_the_same_id_replaces_the_earlier_one_in_place_and_says_so(engine) -> None:
    corpus = store.create_corpus(engine)
    store.add_documents(engine, corpus.edit_token, [doc("a"), doc("b")])
    store.correct_dates(engine, corpus.edit_token, {"a": dt.date(2024, 1, 5)})
    outcomes = store.add_documents(engine, corpus.edit_token, [doc("a", "The board met on Monday.")])
    assert [(o.doc_id, o.status) for o in outcomes] == [("a", "replaced")]
    first = store.documents(engine, corpus.view_token)[0]
    assert (first.doc_id, first.text, first.published, first.anchor_source) == (
        "a", "The board met on Monday.", dt.date(2024, 1, 5), "user")  # the correction outlives the new text
    assert store.open_corpus(engine, corpus.view_token).articles == 2


def test_a_correction_moves_the_date_in_use_and_can_be_undone(engine) -> None:
    corpus = store.create_corpus(engine)
    store.add_documents(engine, corpus.edit_token, [doc("a")])
    found = store.correct_dates(engine, corpus.edit_token, {"a": dt.date(2022, 6, 1), "missing": dt.date(2022, 1, 1)})
    assert found == 1
    row = store.stored_articles(engine, corpus.view_token)[0]
    assert (row.published, row.corrected, row.date) == (dt.date(2025, 3, 14), dt.date(2022, 6, 1), dt.date(2022, 6, 1))
    assert store.documents(engine, corpus.view_token)[0].anchor_evidence == "corrected by the user"
    store.correct_dates(engine, corpus.edit_token, {"a": None})
    assert store.documents(engine, corpus.view_token) == (doc("a"),)


def test_removing_articles(engine) -> None:
    corpus = store.create_corpus(engine)
    store.add_documents(engine, corpus.edit_token, [doc("a"), doc("b"), doc("c")])
    assert store.remove_articles(engine, corpus.edit_token, ["a", "c", "nope"]) == 2
    assert [d.doc_id for d in store.documents(engine, corpus.view_token)] == ["b"]
    assert store.remove_articles(engine, corpus.edit_token, []) == 0


def test_limits_refuse_the_article_over_them_with_the_reason_and_keep_the_rest(engine) -> None:
    corpus = store.create_corpus(engine)
    limits = store.Limits(max_articles=3, max_article_chars=100, max_corpus_chars=250)
    outcomes = store.add_documents(engine, corpus.edit_token, [
        doc("long", "x" * 101), doc("a", "a" * 100), doc("b", "b" * 100), doc("c", "c" * 60), doc("d", "d" * 10),
        doc("a", "a" * 90)], limits=limits)
    assert [(o.doc_id, o.status) for o in outcomes] == [("long", "refused"), ("a", "added"), ("b", "added"),
                                                       ("c", "refused"), ("d", "added"), ("a", "replaced")]
    assert "limit per article" in outcomes[0].reason and "250 limit" in outcomes[3].reason
    more = store.add_documents(engine, corpus.edit_token, [doc("e", "e")], limits=limits)
    assert more[0].status == "refused" and "3 articles at most" in more[0].reason
    assert store.open_corpus(engine, corpus.view_token).chars == 200
    assert "3 articles" in limits.describe() and "100 characters" in limits.describe()


def test_failed_uploads_are_kept_with_their_message_until_removed(engine) -> None:
    corpus = store.create_corpus(engine)
    store.record_failure(engine, corpus.edit_token, "bad.pdf:1", "bad.pdf", "binary data, not text")
    store.record_failure(engine, corpus.edit_token, "bad.pdf:1", "bad.pdf", "binary data again")
    store.record_failure(engine, corpus.edit_token, "k" * 500, "long.txt", "too long")
    found = store.failed(engine, corpus.view_token)
    assert [(f.name, f.problem) for f in found] == [("bad.pdf", "binary data again"), ("long.txt", "too long")]
    store.remove_failures(engine, corpus.edit_token, [found[0].key])
    assert [f.name for f in store.failed(engine, corpus.view_token)] == ["long.txt"]


def test_the_stored_articles_rebuild_the_same_events(engine, seed_docs, seed_events) -> None:
    corpus = store.create_corpus(engine)
    undated = document_from_text("The vote is on Friday.")
    store.add_documents(engine, corpus.edit_token, [*seed_docs, undated])
    rebuilt = store.corpus_events(engine, corpus.view_token)
    pd.testing.assert_frame_equal(rebuilt.reset_index(drop=True), seed_events.reset_index(drop=True))
    assert extract_events(store.documents(engine, corpus.view_token)[:-1]).equals(rebuilt)


def test_a_new_migration_step_runs_once_in_order_and_moves_the_version(engine, monkeypatch) -> None:
    ran = []

    def v2(conn) -> None:
        ran.append(2)
        conn.execute(sa.text("CREATE TABLE timeline_extra (x INTEGER)"))

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, v2))
    monkeypatch.setattr(schema, "VERSION", schema.VERSION + 1)
    assert store.migrate(engine) == schema.VERSION - 1 and store.migrate(engine) == schema.VERSION
    assert ran == [2]
    with engine.connect() as conn:
        assert schema.schema_version(conn) == schema.VERSION and sa.inspect(conn).has_table("timeline_extra")


@pytest.mark.parametrize("kind", KINDS)
def test_processes_starting_at_once_migrate_one_after_the_other(kind, tmp_path) -> None:
    url = database(kind, tmp_path)
    engines = [store.make_engine(url) for _ in range(4)]
    errors: list[BaseException] = []

    def start(engine) -> None:
        try:
            store.migrate(engine)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with engines[0].connect() as conn:
        assert schema.schema_version(conn) == schema.VERSION
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.version_table)).scalar() == 1


# --------------------------------------------------------------------------- which database


def test_the_database_is_the_environment_s_then_the_secrets_then_a_local_sqlite_file(tmp_path) -> None:
    from timeline.store.config import ENV_VAR, database_url

    env = {ENV_VAR: "postgresql://u:p@db.example/corpora", "XDG_DATA_HOME": str(tmp_path)}
    assert database_url("sqlite:////elsewhere.db", env) == "postgresql+psycopg://u:p@db.example/corpora"
    assert database_url("postgres://u@host/db", {"XDG_DATA_HOME": str(tmp_path)}) == "postgresql+psycopg://u@host/db"
    default = database_url(None, {"XDG_DATA_HOME": str(tmp_path)})
    assert default == f"sqlite:///{tmp_path}/timeline/corpora.sqlite3" and (tmp_path / "timeline").is_dir()
    assert database_url("", {ENV_VAR: "  ", "XDG_DATA_HOME": str(tmp_path)}) == default  # blank counts as unset


def test_messages_never_show_a_database_password() -> None:
    from timeline.store.config import describe

    assert "secret" not in describe("postgresql+psycopg://user:secret@db.example:5432/corpora")
