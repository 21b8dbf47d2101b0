"""``python -m timeline corpus import|export``: a corpus built by a script opens in the dashboard, and back."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from databases import KINDS, database
from paths import FIXTURES, SEEDS

from timeline import store
from timeline.cli import main
from timeline.events import extract_events
from timeline.store import tokens


@pytest.fixture(params=KINDS)
def db(request, tmp_path) -> str:
    return database(request.param, tmp_path)


def imported(capsys, *argv: str) -> tuple[int, dict[str, str], str]:
    """Exit code, the printed ids and links by label, and stderr."""
    code = main(["corpus", "import", *argv])
    out, err = capsys.readouterr()
    printed = dict(re.findall(r"^(editing id|read-only id|editing link|read-only link):\s+(\S+)", out, re.M))
    return code, printed, err


def test_import_prints_both_ids_and_links_and_export_rebuilds_the_events(db, capsys, tmp_path, seed_docs) -> None:
    code, printed, err = imported(capsys, str(SEEDS), "--name", "Troops", "--db", db, "--app-url", "https://x.app")
    assert code == 0 and f"{len(seed_docs)} articles stored" in err
    edit, view = printed["editing id"], printed["read-only id"]
    assert tokens.well_formed(edit) and view == tokens.view_token(edit)
    assert printed["editing link"] == f"https://x.app/?corpus={edit}"
    assert printed["read-only link"] == f"https://x.app/?corpus={view}"
    corpus = store.open_corpus(store.make_engine(db), view)
    assert (corpus.name, corpus.articles, corpus.can_edit) == ("Troops", len(seed_docs), False)

    out = tmp_path / "events.parquet"
    assert main(["corpus", "export", view, "--out", str(out), "--db", db]) == 0
    assert "-> " in capsys.readouterr().err
    expected = extract_events(seed_docs)
    pd.testing.assert_frame_equal(pd.read_parquet(out), expected.reset_index(drop=True), check_dtype=False)


def test_import_into_an_existing_corpus_replaces_same_ids_and_needs_the_editing_id(db, capsys, seed_docs) -> None:
    _, printed, _ = imported(capsys, str(SEEDS), "--db", db)
    code, again, err = imported(capsys, str(SEEDS), str(FIXTURES / "articles" / "saved_page.html"),
                                "--into", printed["editing id"], "--db", db)
    assert code == 0 and again["editing id"] == printed["editing id"]
    n = len(seed_docs)
    assert f"{n + 1} articles stored ({n} replaced an article of the same id)" in err
    assert store.open_corpus(store.make_engine(db), printed["read-only id"]).articles == n + 1
    code, _, err = imported(capsys, str(SEEDS), "--into", printed["read-only id"], "--db", db)
    assert code == 2 and "editing id, not its read-only id" in err


@pytest.mark.parametrize(("token", "message"), [("nope", "malformed"), ("a" * 32, "No corpus has that id")])
def test_a_bad_id_is_one_plain_line_and_exit_2(capsys, tmp_path, token, message) -> None:
    db = database("sqlite", tmp_path)
    assert main(["corpus", "export", token, "--out", str(tmp_path / "e.parquet"), "--db", db]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "e.parquet").exists()


def test_nothing_readable_makes_no_corpus(capsys, tmp_path) -> None:
    (tmp_path / "junk.pdf").write_bytes(b"%PDF")
    (tmp_path / "empty.txt").write_text("")
    db = database("sqlite", tmp_path)
    code, printed, err = imported(capsys, str(tmp_path / "empty.txt"), "--db", db)
    assert code == 1 and not printed and "no corpus made" in err


def test_an_unreachable_database_is_one_plain_line(capsys, tmp_path) -> None:
    code, _, err = imported(capsys, str(SEEDS), "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 2 and "cannot use the corpus database postgresql+psycopg://nobody@127.0.0.1:1/none" in err
    assert len(err.strip().splitlines()) == 1


def test_an_undated_article_is_stored_and_named(capsys, tmp_path) -> None:
    (tmp_path / "undated.txt").write_text("The council will vote on Friday.")
    db = database("sqlite", tmp_path)
    code, printed, err = imported(capsys, str(tmp_path / "undated.txt"), "--db", db)
    assert code == 0 and "no publication date for" in err and "--anchor undated.txt=YYYY-MM-DD" in err
    assert main(["corpus", "export", printed["editing id"], "--out", str(tmp_path / "e.csv"), "--db", db]) == 1
    assert "no article with a publication date" in capsys.readouterr().err
