"""Adding an article by its link: a local HTTP server serves a saved page; local addresses are refused by default."""

from __future__ import annotations

import datetime as dt
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest
from paths import FIXTURES

from timeline.store.fetch import FetchError, FetchPolicy, check_url, fetch_article, fetch_page

PAGE = (FIXTURES / "articles" / "saved_page.html").read_bytes()
LOCAL = FetchPolicy(allow_networks=("127.0.0.1/32",), timeout=5)


class Site(http.server.BaseHTTPRequestHandler):
    """A small site: the saved page, redirects, and pages that fail in each way a real one can."""

    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Site.hits.append(self.path)
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", PAGE),
            "/2024/07/02/undated": (200, "text/html", b"<html><body><article><p>The council voted on Friday to "
                                                      b"close the bridge.</p></article></body></html>"),
            "/paper.pdf": (200, "application/pdf", b"%PDF-1.4"),
            "/empty.html": (200, "text/html", b"<html><head><title>Only</title></head><body><script>x=1</script></body>"
                                              b"</html>"),
            "/big.html": (200, "text/html", b"<p>" + b"x" * 300_000 + b"</p>"),
        }
        if self.path == "/moved":
            return self._send(302, "text/html", b"", location="/article.html")
        if self.path == "/to-metadata":
            return self._send(302, "text/html", b"", location="http://169.254.169.254/latest/meta-data/")
        if self.path == "/loop":
            return self._send(302, "text/html", b"", location="/loop")
        if self.path == "/slow.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):  # a trickle that never ends within the limit
                self.wfile.write(b"<p>slow</p>")
                self.wfile.flush()
                time.sleep(0.1)
            return None
        status, kind, body = routes.get(self.path, (404, "text/html", b"not here"))
        return self._send(status, kind, body)

    def _send(self, status: int, kind: str, body: bytes, location: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_saved_page_on_a_local_server_becomes_an_article_when_that_server_is_allowed(site) -> None:
    doc = fetch_article(f"{site}/article.html", LOCAL)
    assert (doc.doc_id, doc.url) == (f"{site}/article.html", f"{site}/article.html")
    assert (doc.title, doc.outlet) == ("Ministers agree on grain corridor", "Harbour Times")
    assert (doc.published, doc.anchor_source) == (dt.date(2025, 3, 14), "metadata")
    assert "reopen the Black Sea grain corridor" in doc.text and "Subscribe" not in doc.text


def test_the_date_in_the_link_counts_when_the_markup_has_none(site) -> None:
    doc = fetch_article(f"{site}/2024/07/02/undated", LOCAL)
    assert (doc.published, doc.anchor_source) == (dt.date(2024, 7, 2), "metadata")
    assert doc.outlet == "127.0.0.1"  # no site name in the page: its host


def test_a_redirect_is_followed_and_the_article_named_by_where_it_landed(site) -> None:
    doc = fetch_article(f"{site}/moved", LOCAL)
    assert doc.doc_id == f"{site}/article.html" and doc.published == dt.date(2025, 3, 14)


def test_a_link_to_127_0_0_1_is_refused_by_default_before_any_request(site) -> None:
    before = len(Site.hits)
    with pytest.raises(FetchError, match=r"private or local address \(127\.0\.0\.1\)"):
        fetch_article(f"{site}/article.html")
    assert len(Site.hits) == before


def test_a_redirect_to_a_private_address_is_refused_even_from_an_allowed_site(site) -> None:
    with pytest.raises(FetchError, match=r"169\.254\.169\.254"):
        fetch_page(f"{site}/to-metadata", LOCAL)


@pytest.mark.parametrize("url", [
    "http://localhost/", "http://10.1.2.3/", "http://192.168.0.1/", "http://172.16.0.1/", "http://169.254.1.1/",
    "http://100.64.0.1/", "http://0.0.0.0/", "http://224.0.0.1/", "http://[::1]/", "http://[fe80::1]/",
    "http://[fc00::1]/", "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0x7f.1/",
])
def test_private_loopback_link_local_and_disguised_local_addresses_are_refused(url) -> None:
    with pytest.raises(FetchError, match="private or local address"):
        check_url(url)


def test_every_address_of_a_host_is_checked() -> None:
    def resolve(host, port, **_):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port))]

    with pytest.raises(FetchError, match=r"10\.0\.0\.7"):
        check_url("https://news.example/story", resolve=resolve)
    public = lambda host, port, **_: resolve(host, port)[:1]  # noqa: E731
    assert [str(a) for a in check_url("https://news.example/story", resolve=public)[1]] == ["93.184.215.14"]


@pytest.mark.parametrize(("url", "message"), [
    ("ftp://example.org/a", "Only http:// and https://"), ("file:///etc/passwd", "Only http:// and https://"),
    ("javascript:alert(1)", "Only http:// and https://"), ("example.org/story", "Only http:// and https://"),
    ("http:///path", "names no host"), ("https://user:secret@example.org/", "user name or password"),
    ("http://example.org:99999/", "Not a valid link"), ("https://example.org/" + "a" * 1000, "over 1,000 characters"),
])
def test_links_that_are_not_public_web_pages_get_a_plain_message(url, message) -> None:
    with pytest.raises(FetchError, match=message):
        check_url(url)


@pytest.mark.parametrize(("path", "message"), [
    ("/paper.pdf", r"not a web page \(application/pdf\)"), ("/missing", "answered 404"),
    ("/empty.html", "gave no article: no article text"), ("/loop", "More than 5 redirects"),
])
def test_a_page_that_gives_no_article_says_why(site, path, message) -> None:
    with pytest.raises(FetchError, match=message):
        fetch_article(f"{site}{path}", LOCAL)


def test_size_and_time_limits(site) -> None:
    with pytest.raises(FetchError, match="over the 100 kB limit"):
        fetch_page(f"{site}/big.html", FetchPolicy(allow_networks=("127.0.0.1/32",), max_bytes=100_000))
    with pytest.raises(FetchError, match="took over 1 seconds"):
        fetch_page(f"{site}/slow.html", FetchPolicy(allow_networks=("127.0.0.1/32",), timeout=1))


def test_nothing_listens_there() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="Could not connect"):
        fetch_page(f"http://127.0.0.1:{port}/", LOCAL)
