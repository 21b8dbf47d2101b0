"""Loading articles: every format, the anchor's provenance, and bad files that lose nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from paths import FIXTURES, SEEDS

from timeline.documents import (
    MAX_FILE_BYTES,
    DocumentError,
    document_from_text,
    load_bytes,
    load_corpus,
    load_documents,
    parse_date,
)


def test_the_seeds_load_with_their_sidecar_metadata(seed_docs) -> None:
    meta = json.loads((SEEDS / "metadata.json").read_text())
    assert [d.doc_id for d in seed_docs] == sorted(meta)
    for doc in seed_docs:
        assert doc.published == dt.date.fromisoformat(meta[doc.doc_id]["published"])
        assert (doc.outlet, doc.title, doc.url) == (meta[doc.doc_id]["outlet"], meta[doc.doc_id]["title"],
                                                    meta[doc.doc_id]["url"])
        assert doc.anchor_source == "metadata"
        assert doc.text == (SEEDS / doc.doc_id).read_text(encoding="utf-8")  # gold offsets stay valid


def test_markdown_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Talks resume\noutlet: Wire\npublished: March 3, 2025\n---\n"
                                   "Talks resumed on Friday.", encoding="utf-8")
    [doc] = load_documents(tmp_path)
    assert (doc.title, doc.outlet, doc.published, doc.text) == ("Talks resume", "Wire", dt.date(2025, 3, 3),
                                                                 "Talks resumed on Friday.")


def test_a_saved_html_page_gives_its_text_and_metadata_without_site_chrome() -> None:
    [doc] = load_documents(FIXTURES / "articles" / "saved_page.html")
    assert doc.title == "Ministers agree on grain corridor"
    assert doc.outlet == "Harbour Times"
    assert doc.url == "https://harbour-times.example/2025/03/14/grain-corridor"
    assert (doc.published, doc.anchor_source) == (dt.date(2025, 3, 14), "metadata")
    assert "agreed on Thursday" in doc.text
    assert "Related Posts" not in doc.text and "Subscribe" not in doc.text


def test_json_jsonl_and_csv_tables(tmp_path: Path) -> None:
    rows = [{"text": "Talks began on Monday.", "title": "A", "outlet": "X", "url": "u", "published": "2025-02-12"},
            {"text": "Talks ended on Friday.", "title": "B", "outlet": "Y", "published": "2025-02-15"}]
    (tmp_path / "a.json").write_text(json.dumps(rows))
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (tmp_path / "c.csv").write_text("text,title,outlet,published\n\"Talks began, on Monday.\",A,X,2025-02-12\n")
    result = load_corpus(tmp_path)
    assert result.errors == ()
    assert [d.doc_id for d in result.documents] == ["a.json#1", "a.json#2", "b.jsonl#1", "b.jsonl#2", "c.csv#1"]
    assert result.documents[4].text == "Talks began, on Monday."
    assert {d.published for d in result.documents} == {dt.date(2025, 2, 12), dt.date(2025, 2, 15)}


def test_a_dateline_in_the_text_gives_the_anchor() -> None:
    doc = document_from_text("KYIV, May 13, 2025 - Officials met on Monday.")
    assert (doc.published, doc.anchor_source) == (dt.date(2025, 5, 13), "document")
    assert "KYIV, May 13, 2025" in doc.anchor_evidence


def test_an_undated_article_gets_an_inferred_anchor_with_its_evidence() -> None:
    text = "The summit opened on March 3, 2025 in Brussels. A second round followed on March 10, 2025."
    doc = document_from_text(text)
    assert (doc.published, doc.anchor_source) == (dt.date(2025, 3, 10), "inferred")
    assert "March 10, 2025" in doc.anchor_evidence


def test_no_date_anywhere_means_missing_never_today() -> None:
    doc = document_from_text("Officials met on Monday and will meet again next week.")
    assert doc.published is None and doc.anchor_source == "missing"
    assert "give one" in doc.anchor_evidence


def test_the_users_date_always_wins(tmp_path: Path) -> None:
    docs = load_documents(SEEDS, anchors={"000_99470accad960eca.txt": dt.date(2025, 2, 20)})
    first = docs[0]
    assert (first.published, first.anchor_source) == (dt.date(2025, 2, 20), "user")
    pasted = document_from_text("KYIV, May 13, 2025 - Officials met.", published="2025-05-14")
    assert (pasted.published, pasted.anchor_source) == (dt.date(2025, 5, 14), "user")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"   \n", "empty"),
    ("junk.txt", bytes(range(256)) * 4, "binary"),
    ("bad.json", b'[{"text": "x",', "malformed JSON"),
    ("bad.jsonl", b'{"text": "x"}\n{oops', "malformed JSONL"),
    ("notext.csv", b"title,outlet\nA,B\n", "no text column"),
    ("list.json", b'{"articles": [1, 2]}', "list of article objects"),
    ("noarticles.json", b"[]", "no articles"),
    ("a.docx", b"PK\x03\x04", "unsupported file type"),
    ("big.txt", b"a" * (MAX_FILE_BYTES + 1), "limit"),
    ("baddate.json", b'[{"text": "x", "published": "someday"}]', "not a date"),
])
def test_bad_files_get_one_clear_message(name: str, data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message) as info:
        load_bytes(name, data)
    assert name in str(info.value)


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    [doc] = load_bytes("old.txt", "Caf\u00e9 talks \u2013 held on Friday.".encode("cp1252"))
    assert doc.text == "Caf\u00e9 talks \u2013 held on Friday."


def test_a_bad_file_in_a_folder_is_reported_and_the_rest_still_load(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Talks began on Monday.")
    (tmp_path / "bad.csv").write_text("title\nx\n")
    (tmp_path / "empty.md").write_text("")
    result = load_corpus([tmp_path, tmp_path / "missing"])
    assert [d.doc_id for d in result.documents] == ["good.txt"]
    assert sorted(Path(e.path).name for e in result.errors) == ["bad.csv", "empty.md", "missing"]
    with pytest.raises(DocumentError):
        load_documents(tmp_path)


def test_parse_date_accepts_common_forms_and_rejects_nonsense() -> None:
    for text in ("2025-02-15", "Feb 15, 2025", "15 February 2025", "2025-02-15T10:00:00Z"):
        assert parse_date(text) == dt.date(2025, 2, 15)
    for bad in ("", "soon", "February"):
        with pytest.raises(DocumentError):
            parse_date(bad)
