"""Adding an article by its link: fetch the page safely, then read it like an uploaded page (trafilatura, htmldate).

A link typed into a shared server must not become a way into the server's own network. So: http and https
only; the host is resolved and *every* address it resolves to must be public (no private, loopback,
link-local, shared, reserved or multicast address, IPv4-mapped ones included), unless `FetchPolicy` names
its network explicitly (tests allow a local server that way); the connection goes to an address that was
checked (no second lookup to be rebound in between); each redirect is checked the same way. The whole fetch
has a time limit and the page a size limit, and every failure is one plain sentence (`FetchError`).
"""

from __future__ import annotations

import dataclasses
import http.client
import ipaddress
import socket
import ssl
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from timeline.documents import Document, parse_bytes

Resolver = Callable[..., Sequence[tuple]]  # socket.getaddrinfo's signature
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_REDIRECTS = (301, 302, 303, 307, 308)
_PAGE_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}
MAX_URL_CHARS = 1000  # a link is the article's id


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of one fetch. ``allow_networks`` (e.g. ``("127.0.0.1/32",)``) lets those otherwise refused
    addresses through; by default every non-public address is refused."""

    timeout: float = 15.0  # seconds for the whole fetch, redirects included
    max_bytes: int = 5 * 2**20
    max_redirects: int = 5
    allow_networks: tuple[str, ...] = ()

    def describe(self) -> str:
        return (f"Pages up to {_size(self.max_bytes)}, fetched within {self.timeout:g} seconds; "
                "only public http(s) addresses.")


class FetchError(ValueError):
    """Why a link gave no article, as a sentence for the user."""


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    content_type: str
    data: bytes


def fetch_article(url: str, policy: FetchPolicy = FetchPolicy(), resolve: Resolver = socket.getaddrinfo) -> Document:
    """The article at a link: its main text, title, outlet and publication date (from the page's markup or the
    link, through trafilatura and htmldate; never today's). Its id and url are the link it was fetched from."""
    page = fetch_page(url, policy, resolve)
    suffix = _PAGE_TYPES.get(page.content_type, ".html")
    result = parse_bytes("page" + suffix, page.data)
    if not result.documents:
        problem = result.errors[0].message if result.errors else "no article in the page"
        raise FetchError(f"The page at {page.url} gave no article: {problem}.")
    doc = result.documents[0]
    host = urllib.parse.urlsplit(page.url).hostname or ""
    doc = dataclasses.replace(doc, doc_id=page.url, url=page.url, path="", outlet=doc.outlet or host,
                              title=doc.title or page.url)
    if suffix == ".html" and doc.anchor_source not in ("metadata", "user"):
        found = _date_of_link(page)
        if found:
            doc = dataclasses.replace(doc, published=found, anchor_source="metadata",
                                      anchor_evidence="the date in the page's link or markup (htmldate)")
    return doc


def _date_of_link(page: Page):
    """htmldate with the link too (``/2025/03/14/...``): only what the page or its address states."""
    import datetime as dt

    from htmldate import find_date

    try:
        found = find_date(page.data, url=page.url, extensive_search=False, original_date=True)
    except Exception:  # the date is optional: without one, the article waits for a date
        return None
    return dt.date.fromisoformat(found) if found else None


def fetch_page(url: str, policy: FetchPolicy = FetchPolicy(), resolve: Resolver = socket.getaddrinfo) -> Page:
    """The bytes of a web page, redirects followed and every hop's addresses checked (see the module)."""
    deadline = time.monotonic() + policy.timeout
    for _ in range(policy.max_redirects + 1):
        parts, addresses = check_url(url, policy, resolve)
        status, reason, headers, data = _get(parts, addresses, policy, deadline)
        if status in _REDIRECTS:
            location = headers.get("location")
            if not location:
                raise FetchError(f"{url} redirects ({status}) without saying where.")
            url = urllib.parse.urljoin(url, location.strip())
            continue
        if status != 200:
            raise FetchError(f"The site answered {status} {reason} for {url}.")
        content_type = (headers.get("content-type") or "text/html").split(";")[0].strip().lower()
        if content_type not in _PAGE_TYPES:
            raise FetchError(f"{url} is not a web page ({content_type}); save the file and upload it instead.")
        return Page(url, content_type, data)
    raise FetchError(f"More than {policy.max_redirects} redirects; stopped at {url}.")


def check_url(url: str, policy: FetchPolicy = FetchPolicy(),
              resolve: Resolver = socket.getaddrinfo) -> tuple[urllib.parse.SplitResult, list[IPAddress]]:
    """The parsed link and the addresses to connect to, all checked; `FetchError` saying why not otherwise."""
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise FetchError(f"The link is over {MAX_URL_CHARS:,} characters.")
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"Not a valid link ({exc}).") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"Only http:// and https:// links can be fetched, not {parts.scheme or 'this'}: {url}")
    if not parts.hostname:
        raise FetchError(f"The link names no host: {url}")
    if parts.username is not None or parts.password is not None:
        raise FetchError("Links with a user name or password are not fetched.")
    try:
        infos = resolve(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"The host {parts.hostname} could not be found ({exc}).") from None
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))
    if not addresses:
        raise FetchError(f"The host {parts.hostname} has no address.")
    allowed = [ipaddress.ip_network(net) for net in policy.allow_networks]
    for address in addresses:
        plain = address.ipv4_mapped or address if isinstance(address, ipaddress.IPv6Address) else address
        if not (plain.is_global and not plain.is_multicast) and not any(plain in net for net in allowed):
            raise FetchError(f"{parts.hostname} is a private or local address ({plain}): only public sites "
                             "are fetched.")
    return parts, addresses


def _get(parts: urllib.parse.SplitResult, addresses: list[IPAddress], policy: FetchPolicy,
         deadline: float) -> tuple[int, str, http.client.HTTPMessage, bytes]:
    """One GET to the first checked address that answers; the body read up to the size limit."""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    error: Exception | None = None
    for address in addresses:
        connection = _Pinned(parts.scheme, parts.hostname, port, str(address), policy.timeout)
        try:
            connection.timeout = _left(deadline)
            connection.request("GET", target, headers={"User-Agent": "timeline/0.1 (adds one article by its link)",
                                                       "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8",
                                                       "Accept-Encoding": "identity"})
            sock = connection.sock  # the response may let go of it once the body is read
            response = connection.getresponse()
            if response.status in _REDIRECTS:
                return response.status, response.reason, response.headers, b""
            length = response.headers.get("content-length")
            if length and length.isdigit() and int(length) > policy.max_bytes:
                raise FetchError(f"The page is {_size(int(length))}, over the {_size(policy.max_bytes)} limit.")
            chunks, size = [], 0
            while chunk := response.read1(65536) if response.status == 200 else b"":
                size += len(chunk)
                if size > policy.max_bytes:
                    raise FetchError(f"The page is over the {_size(policy.max_bytes)} limit.")
                chunks.append(chunk)
                sock.settimeout(_left(deadline))
            return response.status, response.reason, response.headers, b"".join(chunks)
        except FetchError:
            raise
        except TimeoutError:
            raise FetchError(f"{parts.hostname} took over {policy.timeout:g} seconds; try again later.") from None
        except ssl.SSLError as exc:
            raise FetchError(f"The secure connection to {parts.hostname} failed ({exc.reason or exc}).") from None
        except (OSError, http.client.HTTPException) as exc:
            error = exc
        finally:
            connection.close()
    raise FetchError(f"Could not connect to {parts.hostname} ({error}).")


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB".replace(".0 MB", " MB") if n >= 2**20 else f"{n / 1000:.0f} kB"


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


class _Pinned(http.client.HTTPSConnection):
    """An HTTP(S) connection to one checked address, the host name kept for the Host header, SNI and the
    certificate check."""

    def __init__(self, scheme: str, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._tls, self._address = scheme == "https", address
        self.default_port = 443 if self._tls else 80  # the Host header names the port only when it is not this

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host) if self._tls else sock
