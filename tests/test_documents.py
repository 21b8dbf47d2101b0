"""Loading articles: every format, the anchor's provenance, and bad files that lose nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from paths import FIXTURES, SEEDS

from timeline.documents import (
    MAX_FILE_BYTES,
    Document,
    DocumentError,
    document_from_text,
    documents_from_records,
    find_dateline,
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


def test_an_undated_page_is_not_dated_by_its_copyright_footer_and_nothing_is_fetched(monkeypatch) -> None:
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the loader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    page = (FIXTURES / "articles" / "saved_page.html").read_text(encoding="utf-8")
    page = page.replace('<meta property="article:published_time" content="2025-03-14T09:30:00+00:00">', "")
    page = page.replace("/2025/03/14/", "/world/")
    [doc] = load_bytes("undated.html", page.encode())
    assert (doc.published, doc.anchor_source) == (None, "missing")  # "© 2025" is no publication date


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
    ("quote.csv", b'text,title\n"unclosed,A\n', "malformed CSV"),
    ("latin.txt", bytes([0x81, 0x8D, 0x8F]) * 20, "not readable text"),
    ("controls.txt", bytes(range(1, 32)) * 20, "binary"),
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


def test_documents_from_records_for_the_dashboard() -> None:
    docs = documents_from_records([{"body": "Talks began on Monday.", "headline": "A", "date": "Feb 12, 2025"},
                                   {"id": "x7", "text": "Talks ended.", "published": "2025-02-15"}], name="upload")
    assert [(d.doc_id, d.title, d.published) for d in docs] == [("upload#1", "A", dt.date(2025, 2, 12)),
                                                               ("x7", "", dt.date(2025, 2, 15))]


def test_markdown_without_front_matter_takes_its_heading_as_title() -> None:
    [doc] = load_bytes("a.md", b"# Talks resume\n\nKYIV, March 3, 2025 - Talks resumed on Friday.")
    assert (doc.title, doc.published, doc.anchor_source) == ("Talks resume", dt.date(2025, 3, 3), "document")


def test_semicolon_csv_and_long_fields() -> None:
    long_text = "Talks began on Monday. " * 10_000  # over csv's default 128 KB field limit
    data = f'text;title;published\n"{long_text}";A;2025-02-12\n'.encode()
    [doc] = load_bytes("excel.csv", data)
    assert (doc.title, doc.published, len(doc.text)) == ("A", dt.date(2025, 2, 12), len(long_text))


def test_utf16_with_a_byte_order_mark_is_read() -> None:
    [doc] = load_bytes("win.txt", "Talks held on Friday.".encode("utf-16"))
    assert doc.text == "Talks held on Friday."


@pytest.mark.parametrize(("text", "date"), [
    ("Headline\nBy Jane Doe | Updated 10:35 GMT, 15 February 2025\nOfficials met on Monday.", dt.date(2025, 2, 15)),
    ("Headline\nPublished: 15.02.2025\nOfficials met.", dt.date(2025, 2, 15)),
    ("WASHINGTON (Reuters) Feb. 15, 2025 — Officials met.", dt.date(2025, 2, 15)),
    ("Headline\nSaturday, February 15, 2025\nOfficials met.", dt.date(2025, 2, 15)),
])
def test_datelines_and_published_lines(text: str, date: dt.date) -> None:
    found = find_dateline(text)
    assert found is not None and found[0] == date


def test_a_date_in_a_sentence_is_no_dateline() -> None:
    assert find_dateline("Headline\nThe report, published on March 3, 2025, found the talks had stalled.") is None


def test_inference_sets_future_dates_aside_and_prefers_a_day_to_its_month() -> None:
    doc = document_from_text("Leaders met on March 3, 2025 in Brussels, early in March 2025. "
                             "They will meet again on June 5, 2026.")
    assert (doc.published, doc.anchor_source) == (dt.date(2025, 3, 3), "inferred")
    assert "March 3, 2025" in doc.anchor_evidence and "June 5, 2026" in doc.anchor_evidence
    only_month = document_from_text("The ceasefire collapsed in April 2025.")
    assert only_month.published == dt.date(2025, 4, 30)  # a month counts by its last day


def test_a_bad_row_is_reported_and_the_good_rows_of_its_table_still_load(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("text,published\nGood one,2025-01-02\n,2025-01-03\nBad date,someday\n")
    (tmp_path / "d.json").write_text('[{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]')
    result = load_corpus(tmp_path)
    assert [d.doc_id for d in result.documents] == ["a", "t.csv#1"]
    assert sorted(Path(e.path).name for e in result.errors) == ["d.json#2", "t.csv#2", "t.csv#3"]
    messages = " ".join(e.message for e in result.errors)
    assert "no text" in messages and "'someday' is not a date" in messages and "used by an earlier row" in messages
    with pytest.raises(DocumentError, match=r"t\.csv#2: no text"):
        load_bytes("t.csv", (tmp_path / "t.csv").read_bytes())


def test_the_same_file_name_in_two_folders_keeps_both(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"Talks in folder {folder}.")
    result = load_corpus([tmp_path / "a", tmp_path / "b"])
    assert result.errors == ()
    assert [d.doc_id for d in result.documents] == ["x.txt", f"{(tmp_path / 'b').as_posix()}/x.txt"]


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    [error] = load_corpus(tmp_path).errors
    assert "MB limit" in error.message


def test_a_broken_sidecar_is_reported_for_its_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks on Monday.")
    (tmp_path / "metadata.json").write_text("{not json")
    [error] = load_corpus(tmp_path).errors
    assert error.path.endswith("a.txt") and "metadata.json" in error.message


def test_a_users_date_for_a_table_file_dates_each_row(tmp_path: Path) -> None:
    (tmp_path / "t.jsonl").write_text('{"text": "a"}\n{"text": "b", "published": "2025-01-01"}\n')
    docs = load_documents(tmp_path, anchors={"t.jsonl": "2025-02-03"})
    assert {(d.published, d.anchor_source) for d in docs} == {(dt.date(2025, 2, 3), "user")}


def test_ambiguous_slash_dates_are_refused_not_guessed() -> None:
    assert parse_date("15/02/2025") == parse_date("02/15/2025") == dt.date(2025, 2, 15)
    with pytest.raises(DocumentError, match="ambiguous"):
        parse_date("03/04/2025")
    with pytest.raises(DocumentError, match="names no day"):
        parse_date("2025-02")


@pytest.mark.parametrize(("value", "message"), [
    ("May 1", "names no year"), ("Friday", "names no year"), ("2025", "bare number"), (20250314, "a number"),
    ("1:00", "time of day"), ("10:35 GMT", "time of day"), ("2025-03-14T99:99 garbage", "not a date"),
    ("2025-03-14 and more", "not a date"), ("Mar 14, 25", "two-digit year"), ("14.03.25", "four-digit year"),
    ("03-04-2025", "ambiguous"), (float("nan"), "a number"), (None, "NoneType"), ("9" * 5000, "bare number"),
])
def test_dates_that_cannot_be_trusted_are_refused_with_the_reason(value: object, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        parse_date(value, "published")


def test_iso_forms_and_a_datetime_are_read_as_written() -> None:
    import pandas as pd

    for value in ("2025-03-14T23:30:00-05:00", "2025-03-14 09:30", "20250314", "2025/03/14", "14.03.2025",
                  "Friday, 14 March 2025", pd.Timestamp("2025-03-14 10:00"), dt.datetime(2025, 3, 14, 23, 59)):
        assert parse_date(value) == dt.date(2025, 3, 14)
    with pytest.raises(DocumentError, match="NaT"):
        parse_date(pd.NaT)


def test_missing_values_of_a_data_frame_are_no_date_and_lists_are_no_title() -> None:
    import pandas as pd

    [doc] = documents_from_records([{"text": "Talks.", "published": pd.NaT, "title": float("nan")}])
    assert (doc.published, doc.title) == (None, "")
    with pytest.raises(DocumentError, match="the title is a list"):
        documents_from_records([{"text": "Talks.", "title": ["a", "b"]}])


def test_parse_bytes_keeps_the_good_rows_and_never_raises() -> None:
    from timeline.documents import parse_bytes

    result = parse_bytes("t.jsonl", b'{"text": "Good.", "published": "2025-02-14"}\n[1, 2]\n{"text": ""}\nnot json\n')
    assert [d.doc_id for d in result.documents] == ["t.jsonl#1"]
    assert [e.path for e in result.errors] == ["t.jsonl#2", "t.jsonl#3", "t.jsonl#4"]
    assert "a list, not an article object" in result.errors[0].message
    assert parse_bytes("x.pdf", b"%PDF").errors[0].message.startswith("unsupported file type")


def test_the_size_cap_holds_while_reading_even_when_the_size_says_zero() -> None:
    from timeline.documents import read_regular_file

    assert Path("/proc/self/status").stat().st_size == 0  # a regular file whose size lies
    with pytest.raises(DocumentError, match="more than 10 bytes"):
        read_regular_file("/proc/self/status", limit=10)


def test_a_csv_keeps_the_rows_before_a_malformed_line(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text('text,published\nGood one,2025-01-02\nAlso good,2025-01-03\n"broken"x,2025\n')
    result = load_corpus(tmp_path)
    assert [d.doc_id for d in result.documents] == ["t.csv#1", "t.csv#2"]
    [error] = result.errors
    assert "malformed CSV on line 4" in error.message and "2 rows before it were read" in error.message


def test_json_strings_with_half_a_surrogate_pair_still_load() -> None:
    [doc] = load_bytes("s.json", b'[{"text": "Talks \\ud800 on Monday.", "title": "\\udfff"}]')
    assert doc.text == "Talks \ufffd on Monday." and doc.title == "\ufffd"
    doc.text.encode("utf-8")  # every later step can encode it


def test_messages_name_a_table_row_by_its_file_and_id() -> None:
    """One bad row of a CSV must not be confused with its siblings: they share a path, not an id."""
    assert Document("x.csv#2", "text", path="/data/x.csv").where == "/data/x.csv (x.csv#2)"
    assert Document("a.txt", "text", path="/data/a.txt").where == "/data/a.txt"
    assert Document("pasted-1", "text").where == "pasted-1"
