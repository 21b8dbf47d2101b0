"""Documents: articles with their metadata and the anchor their relative dates resolve against.

A corpus is a folder (or list) of files: ``.txt``/``.md`` with front matter or a sidecar
``metadata.json`` (the layout of ``seeds/``), ``.html`` pages, and ``.json``/``.jsonl``/``.csv``
tables with the columns text, title, outlet, url, published.

The anchor (publication date) is never today's date by default. In order of trust: a date the
user gives (``user``), the metadata (``metadata``), a dateline or "Published ..." line in the
text (``document``), the latest date the text itself mentions (``inferred``, with the evidence);
otherwise ``missing``, and the document yields no events until a date is given.

Input is untrusted: only regular files are read (never a FIFO or device, even through a link),
at most ``MAX_FILE_BYTES`` of them; an article longer than ``MAX_TEXT_CHARS`` (the limit of
`find_timexes`) is refused with a message saying to split it, before any work is spent on it; a
date that names no year, no day or anything else it cannot vouch for is refused, never guessed.
Every problem becomes one message naming the file, line or row, and the rest goes on.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import html
import io
import json
import os
import re
import stat
import sys
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from dateutil import parser as dateutil_parser

from timeline.timex.expressions import MAX_TEXT_CHARS

#: Where a document's publication date (its anchor) came from.
ANCHOR_SOURCES = ("user", "metadata", "document", "inferred", "missing")
MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".json", ".jsonl", ".csv")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
SIDECAR = "metadata.json"


class DocumentError(ValueError):
    """A file or record that cannot be read as an article; the message names it and says why.

    ``source`` is the file (or ``file#row``) at fault, ``problem`` the reason alone.
    """

    def __init__(self, problem: str, source: str = "") -> None:
        super().__init__(f"{source}: {problem}" if source else problem)
        self.source = source
        self.problem = problem


@dataclass(frozen=True)
class Document:
    """One article. ``published`` is None only when no date could be found or inferred
    (``anchor_source == "missing"``): such a document yields no events until a date is given."""

    doc_id: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: dt.date | None = None
    anchor_source: str = "missing"
    anchor_evidence: str = ""  # why we believe `published`: the metadata key, the dateline, the dates inferred from
    path: str = ""

    @property
    def where(self) -> str:
        """How messages name the article: its path, with the row's id when the file holds several."""
        if not self.path:
            return self.doc_id
        return self.path if Path(self.path).name == self.doc_id else f"{self.path} ({self.doc_id})"


@dataclass(frozen=True)
class LoadError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class LoadResult:
    """What a load gave: the articles, one error per file/row/line that could not be read, and
    warnings about files read after a repair (stray NUL bytes dropped, a page's tags stripped)."""

    documents: tuple[Document, ...]
    errors: tuple[LoadError, ...]
    warnings: tuple[LoadError, ...] = ()


# --------------------------------------------------------------------------- dates

#: All-numeric day/month/year: "15/02/2025", "15.02.2025", "2025/02/15", "03-04-2025".
_NUMERIC = re.compile(r"^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$")
_CLOCK_ONLY = re.compile(r"^\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{1,5})?$", re.IGNORECASE)
#: Two readings that share nothing: a part the text does not name differs between them.
_DEFAULTS = (dt.datetime(1, 1, 1), dt.datetime(2, 2, 2))


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_date(value: object, what: str = "date") -> dt.date:
    """A publication date from metadata: ISO, "Feb 15, 2025", "15 February 2025", a datetime...

    Raises DocumentError naming the value when it is no date it can vouch for: no year ("May 1"),
    no day ("2025-02"), a time of day alone ("1:00"), a bare number ("1"), a two-digit year,
    trailing garbage ("2025-03-14T99:99 garbage"), a missing value (NaT). ISO and month names are
    read as written; "15/02/2025" is read day first only because 15 cannot be a month;
    "03/04/2025", which could be either, is refused rather than guessed. "15.02.2025" is day first
    (European).
    """
    if isinstance(value, dt.datetime):
        if value != value:  # pandas' NaT is a datetime that equals nothing
            raise DocumentError(f"{what} is missing (NaT)")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        kind = "a number" if isinstance(value, (int, float)) else f"a {type(value).__name__}"
        raise DocumentError(f"{what} {_shown(value)} is {kind}, not a date (want YYYY-MM-DD)")
    text = " ".join(value.split())
    if not text:
        raise DocumentError(f"empty {what}")
    if text.isdigit() and len(text) != 8:  # 20250314 is ISO's basic format
        raise DocumentError(f"{what} {_shown(text)} is a bare number, not a date (want YYYY-MM-DD)")
    if len(text) > 80:
        raise DocumentError(f"{what} {_shown(text)} is too long to be a date (want YYYY-MM-DD)")
    try:
        return dt.datetime.fromisoformat(text).date()  # all of ISO 8601, time and zone included, nothing after
    except ValueError:
        pass
    if text.isdigit():
        raise DocumentError(f"{what} {text!r} is a bare number, not a date (want YYYY-MM-DD)")
    if _CLOCK_ONLY.match(text):
        raise DocumentError(f"{what} {text!r} is a time of day, not a date (want YYYY-MM-DD)")
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric_date(text, numeric, what)
    if re.fullmatch(r"\d{4}[/.-]\d{1,2}", text):
        raise DocumentError(f"{what} {text!r} names no day")
    if re.fullmatch(r"[\d\s/.:,-]+", text):
        raise DocumentError(f"{what} {text!r} is not a date (want YYYY-MM-DD)")
    readings = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # an unknown zone name ("CEST"): the day is what matters
        for default in _DEFAULTS:
            try:
                readings.append(dateutil_parser.parse(text, default=default))
            except (ValueError, OverflowError):
                raise DocumentError(f"{what} {text!r} is not a date (want YYYY-MM-DD)") from None
    first, second = readings
    missing = [part for part in ("year", "month", "day") if getattr(first, part) != getattr(second, part)]
    if missing:
        raise DocumentError(f"{what} {text!r} names no {' and no '.join(missing)}")
    if str(first.year) not in text:  # "Mar 14, 25": dateutil would pick the century
        raise DocumentError(f"{what} {text!r} has a two-digit year: write it as YYYY-MM-DD")
    return first.date()


def _numeric_date(text: str, numeric: re.Match[str], what: str) -> dt.date:
    first, sep, second, third = numeric.groups()
    if len(first) == 4:
        year, month, day = int(first), int(second), int(third)
    elif len(third) == 4:
        a, b = int(first), int(second)
        if sep != "." and a <= 12 and b <= 12 and a != b:
            raise DocumentError(f"{what} {text!r} is ambiguous (day/month or month/day?): write it as YYYY-MM-DD")
        day, month = (a, b) if sep == "." or a > 12 else (b, a)
        year = int(third)
    else:
        raise DocumentError(f"{what} {text!r} has no four-digit year: write it as YYYY-MM-DD")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DocumentError(f"{what} {text!r} is not a date (want YYYY-MM-DD)") from None


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WRITTEN_DATE = (rf"{_WEEKDAY}(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
                 r"|\d{4}-\d{2}-\d{2})")
_CLOCK = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*[,|/]?\s*(?:on\s+)?)?"
#: "Published: Feb. 15, 2025", "By J. Doe | Updated 10:35 GMT, 15 February 2025", "Date: 15.02.2025"
_STATED = re.compile(
    r"^[ \t]*(?:[^\n]{0,80}?[|·•–—]\s*)?(?:first |last |originally )?(?:published|posted|updated|modified|date)\b"
    rf"(?:\s+on)?\s*[:|-]?\s*(?:at\s+)?{_CLOCK}"
    rf"(?P<date>{_WRITTEN_DATE}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})",
    re.IGNORECASE | re.MULTILINE,
)
#: "KYIV, May 13, 2025 - ...", "WASHINGTON (Reuters) Feb 15, 2025 —", or a line that is only a date.
_DATELINE = re.compile(
    r"^[ \t]*(?:(?-i:[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3})(?:\s*\([^)\n]{1,30}\))?,?\s+)?"
    rf"(?P<date>{_WRITTEN_DATE})\s*(?:{_CLOCK})?(?:$|[-–—:(|/])",
    re.IGNORECASE | re.MULTILINE,
)


def find_dateline(text: str) -> tuple[dt.date, str] | None:
    """A publication date the article states near its top: "Published Feb. 15, 2025", "KYIV, May 13, 2025 -".

    Only lines that state it (a "Published/Updated/Date" label, a dateline, a line that is a date)
    count: "The report, published on March 3, 2025, found..." is an event, not the article's date.
    """
    found = [(m, 1500) for m in _STATED.finditer(text, 0, 1500)] + [(m, 400) for m in _DATELINE.finditer(text, 0, 400)]
    for match, _ in sorted(found, key=lambda pair: pair[0].start()):
        try:
            return parse_date(match.group("date")), f"stated in the text: {match.group(0).strip()!r}"
        except DocumentError:
            continue
    return None


def infer_anchor(text: str) -> tuple[dt.date, str] | None:
    """The latest fully written date the text reports (an article cannot predate what it reports).

    Only days and months that name their year count, so the guess does not depend on itself; dates
    told in the future tense ("will meet on June 5, 2026") count only when there is nothing else.
    A month counts by its last day, but a day of that month beats it ("March 3, 2025" over "March 2025").
    """
    from timeline.timex import find_timexes
    from timeline.timex.tense import tense_at

    provisional = dt.date(2000, 1, 1)  # unused by the absolute dates kept below
    dated = [t for t in find_timexes(text, provisional) if t.absolute and t.is_dated and t.type in ("DATE", "TIME")
             and t.granularity in ("day", "time", "month")]
    if not dated:
        return None
    reported = [t for t in dated if tense_at(text, t.start_char, t.end_char).direction == "past"]
    latest = max(reported or dated, key=lambda t: (t.start, t.granularity != "month"))
    anchor = latest.end if latest.granularity == "month" else latest.start
    mentioned = ", ".join(list(dict.fromkeys(t.text for t in dated))[:6])
    tense = "" if reported else " (all in the future tense)"
    return anchor, f"inferred: the latest date the text reports, {latest.text!r}{tense}; dates mentioned: {mentioned}"


def with_anchor(doc: Document, anchors: Mapping[str, dt.date | str] | None = None) -> Document:
    """Settle a document's anchor: the user's date wins, then metadata, dateline, inference."""
    for key in (doc.doc_id, Path(doc.path).name if doc.path else None, doc.path or None):
        if anchors and key in anchors:
            return dataclasses.replace(doc, published=parse_date(anchors[key], f"the date given for {key}"),
                                       anchor_source="user", anchor_evidence="given by the user")
    if doc.published is not None:
        return doc
    for source, find in (("document", find_dateline), ("inferred", infer_anchor)):
        found = find(doc.text)
        if found:
            return dataclasses.replace(doc, published=found[0], anchor_source=source, anchor_evidence=found[1])
    return dataclasses.replace(doc, anchor_source="missing",
                               anchor_evidence="no publication date in the metadata or the text: please give one")


# --------------------------------------------------------------------------- records


_FIELD_ALIASES = {
    "text": ("text", "body", "content", "article", "maintext"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "sitename", "site_name", "publisher", "hostname"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date", "publication_date", "pubdate", "date_publish", "published_at", "datetime"),
    "id": ("id", "doc_id", "identifier"),
}
#: Keys under which a JSON file may wrap its list of articles.
_WRAPPERS = ("articles", "documents", "items", "records", "data", "results")


def _field(record: Mapping[str, object], name: str) -> object:
    """The first of a field's aliases with a value; empty strings and missing values (None, NaN, NaT) are none."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for alias in _FIELD_ALIASES[name]:
        value = lowered.get(alias)
        if value is None or (isinstance(value, (float, dt.datetime)) and value != value):  # NaN, NaT
            continue
        if isinstance(value, str):
            if not value.strip():
                continue
            return _LONE_SURROGATE.sub("\ufffd", value)
        return value
    return None


#: JSON may spell half a surrogate pair ("\ud800"): no encoder accepts it, so it becomes U+FFFD.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_field(record: Mapping[str, object], name: str, doc_id: str) -> str:
    """A short metadata field as text: a number reads as its digits, a list or object is refused."""
    value = _field(record, name)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise DocumentError(f"the {name} is {_kind_of(value)}, not text", doc_id)
    return str(value).strip()


def _kind_of(value: object) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "true/false", int: "a number",
             float: "a number", type(None): "null"}
    return kinds.get(type(value), f"a {type(value).__name__}")


def check_length(text: str, name: str = "") -> None:
    """Refuse a text `find_timexes` would refuse, before any work is spent on it: the limits agree end to end."""
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentError(f"the text is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit per article: "
                            f"split it into smaller files", name)


def document_from_record(record: Mapping[str, object], doc_id: str, path: str = "",
                         evidence: str = "the metadata's publication date") -> Document:
    """One article from a mapping with a text and, optionally, id, title, outlet, url, published.

    ``doc_id`` is the default id (the record's own ``id`` wins) and names the record in errors.
    """
    text = _field(record, "text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError("no text (want a non-empty 'text' field)", doc_id)
    check_length(text, doc_id)
    published = _field(record, "published")
    try:
        date = parse_date(published, "published date") if published is not None else None
    except DocumentError as exc:
        raise DocumentError(exc.problem, doc_id) from None
    return Document(
        doc_id=_text_field(record, "id", doc_id) or doc_id, text=text,
        title=_text_field(record, "title", doc_id), outlet=_text_field(record, "outlet", doc_id),
        url=_text_field(record, "url", doc_id), published=date,
        anchor_source="metadata" if date else "missing", anchor_evidence=evidence if date else "", path=path,
    )


def documents_from_records(records: Iterable[Mapping[str, object]], name: str = "records",
                           anchors: Mapping[str, dt.date | str] | None = None) -> list[Document]:
    """Articles from mappings (rows of a table, a data frame's records); ids default to ``name#row``."""
    return [with_anchor(document_from_record(r, f"{name}#{i}"), anchors) for i, r in enumerate(records, 1)]


def document_from_text(text: str, published: dt.date | str | None = None, title: str = "", outlet: str = "",
                       url: str = "", doc_id: str | None = None) -> Document:
    """An article pasted by a user; a date given here counts as the user's."""
    if not isinstance(text, str) or not text.strip():
        raise DocumentError("the text is empty")
    check_length(text)
    doc_id = doc_id or "pasted-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:10]
    doc = Document(doc_id, text, title or _first_line(text), outlet, url)
    anchors = {doc.doc_id: parse_date(published, "the date given")} if published else None
    return with_anchor(doc, anchors)


def _first_line(text: str) -> str:
    head = text.lstrip()[:1000]  # never split a whole long text to find its first line
    line = next((line.strip() for line in head.splitlines() if line.strip()), "")
    return re.sub(r"^#{1,6}\s+", "", line)[:200]  # a Markdown heading's text


# --------------------------------------------------------------------------- files


def read_regular_file(path: str | Path, limit: int = MAX_FILE_BYTES, name: str = "") -> bytes:
    """The bytes of a regular file, at most ``limit`` of them; DocumentError otherwise.

    A FIFO would block forever and ``/dev/zero`` never ends, so anything but a regular file is
    refused, also behind a symlink; the cap holds while reading (``limit + 1`` bytes at most), since
    a file may grow after its size was looked at.
    """
    name = name or str(path)
    try:
        info = os.stat(path)  # follows links: a .txt link to /dev/zero is a device
        _check_regular(info, name, limit)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # never blocks, even if swapped for a FIFO
        with os.fdopen(fd, "rb") as handle:
            _check_regular(os.fstat(handle.fileno()), name, limit)  # what was opened, not what was looked at
            data = handle.read(limit + 1)
    except OSError as exc:
        raise DocumentError(f"cannot read it ({exc.strerror or exc})", name) from None
    if len(data) > limit:
        shown = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit:,} bytes"
        raise DocumentError(f"more than {shown}, over the limit per file; split it", name)
    return data


def _check_regular(info: os.stat_result, name: str, limit: int) -> None:
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        kind = ("a folder" if stat.S_ISDIR(mode) else "a FIFO (named pipe)" if stat.S_ISFIFO(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "not a regular file")
        raise DocumentError(f"{kind}, not a file: only regular files are read", name)
    if info.st_size > limit:
        raise DocumentError(_too_large(info.st_size, limit), name)


#: Bytes no text holds (C0 controls but tab, newlines, form feed; DEL); NUL is counted on its own.
_CONTROL_BYTES = bytes([*range(1, 9), *range(14, 32), 127])
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BINARY = "binary data, not text (is it a PDF, Word file or image?)"


def decode_text(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """Text from bytes, and warnings about what was repaired.

    UTF-8 (with or without BOM), UTF-16 with a BOM or recognised by its NUL bytes (every other
    byte NUL in mostly-Latin text), else Windows-1252 if it reads as text. A few stray NUL bytes in
    otherwise clean text are dropped with a warning; more than 1% control bytes is binary.
    """
    notes: list[str] = []
    utf16 = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_by_nuls(data[:8192])
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise DocumentError("not readable text (a broken UTF-16 file)", name) from None
        if utf16 != "utf-16":
            notes.append(f"read as {utf16.upper()} (no byte order mark)")
    else:
        nuls = data.count(0)
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
        if nuls + controls > max(len(data) / 100, 4):
            raise DocumentError(_BINARY, name)
        if nuls:
            data = data.replace(b"\x00", b"")
            notes.append(f"{nuls} stray NUL byte{'s' * (nuls != 1)} dropped")
        text = ""
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            break
        else:
            raise DocumentError("not readable text (neither UTF-8 nor Windows-1252)", name)
    if len(_CONTROL_CHARS.findall(text)) > len(text) / 100:
        raise DocumentError(_BINARY, name)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError("the file is empty", name)
    return text, tuple(notes)


def _utf16_by_nuls(sample: bytes) -> str | None:
    """UTF-16 without a byte order mark: in Latin-script text every other byte is NUL, and only those."""
    sample = sample[: len(sample) // 2 * 2]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` front matter between ``---`` lines; the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.lstrip().startswith("#"):
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end():]


def _from_plain(name: str, text: str, sidecar: Mapping[str, object], path: str) -> Document:
    meta, body = _front_matter(text)
    record = {**sidecar, **meta, "text": body}
    if not _field(record, "title"):
        record["title"] = _first_line(body)
    evidence = "the front matter's date" if _field(meta, "published") else "the sidecar metadata.json's date"
    return document_from_record(record, name, path, evidence)


#: libxml2, under trafilatura, stops descending into elements nested this deep: their text is lost to it.
_PARSER_DEPTH = 256


def _from_html(name: str, text: str, sidecar: Mapping[str, object], path: str) -> tuple[Document, tuple[str, ...]]:
    """Main text and metadata of a saved page; dates only from its markup and URL, never guessed from prose.

    A page nested deeper than lxml reads (or that makes trafilatura fail) gets its text with the tags
    stripped instead, with a warning saying so.
    """
    import trafilatura
    from htmldate import find_date

    date_params = {"extensive_search": False, "original_date": True}
    notes: tuple[str, ...] = ()
    try:
        result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                             include_tables=False, date_extraction_params=date_params)
        extracted = result.as_dict() if result is not None else {}
        failure = ""
    except Exception as exc:  # hostile markup can break any parser: the stripped text below still stands
        extracted, failure = {}, f"the HTML extractor failed ({type(exc).__name__})"
    if not (extracted.get("text") or "").strip():
        page = _PageText.read(text)
        if (not failure and page.max_depth < _PARSER_DEPTH) or not page.text.strip():
            raise DocumentError("no article text found in the page", name)
        reason = failure or f"elements nested {page.max_depth:,} deep, beyond what the HTML parser reads"
        extracted = {"text": page.text, "title": page.title}
        notes = (f"{reason}: the text is the page's with its tags stripped (menus and footers included)",)
    try:
        published = extracted.get("date") or find_date(text, **date_params)
    except Exception:  # the date is optional: without one the article waits for a date, it is not lost
        published = None
    record = {"text": extracted["text"], "title": extracted.get("title") or _first_line(extracted["text"]),
              "outlet": extracted.get("sitename") or extracted.get("hostname") or "",
              "url": extracted.get("url") or "", "published": published, **sidecar}
    evidence = "the sidecar metadata.json's date" if _field(sidecar, "published") else "the page's markup"
    return document_from_record(record, name, path, evidence), notes


_TAG = re.compile(r"<!--|<(/?)([a-zA-Z][^\s/>]*)[^>]*>")
_RAW_TEXT = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "title", "textarea")}
_SKIPPED = frozenset({"head", "noscript", "template", "svg", "nav", "footer", "aside", "form", "select"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark",
                     "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"})


@dataclass(frozen=True)
class _PageText:
    """A page's text with its tags stripped, its title, and how deep its elements nest.

    One linear pass that keeps no tree, so no nesting is too deep for it: the fallback when lxml
    cannot see the text. Scripts, styles, menus, forms and footers are left out.
    """

    text: str
    title: str
    max_depth: int

    @classmethod
    def read(cls, page: str) -> _PageText:
        parts: list[str] = []
        title = ""
        depth = max_depth = skipping = pos = 0
        for tag in _TAG.finditer(page):
            if tag.start() < pos:  # inside a comment or a script already skipped
                continue
            if not skipping:
                parts.append(page[pos:tag.start()])
            pos = tag.end()
            if tag.group(0).startswith("<!--"):
                close = page.find("-->", tag.start() + 4)
                pos = len(page) if close < 0 else close + 3
                continue
            name = tag.group(2).lower()
            parts.append("" if name in _INLINE else "\n")
            if tag.group(1):  # an end tag
                if name not in _VOID:
                    depth, skipping = max(depth - 1, 0), max(skipping - 1, 0)
            elif name in _RAW_TEXT:  # their content is no markup: skip to their end tag
                close = _RAW_TEXT[name].search(page, pos)
                if name == "title" and not title:
                    title = " ".join(html.unescape(page[pos:close.start() if close else pos + 500]).split())[:200]
                pos = close.end() if close else len(page)
            elif name not in _VOID and not tag.group(0).endswith("/>"):
                depth += 1
                max_depth = max(max_depth, depth)
                if skipping or name in _SKIPPED:
                    skipping += 1
        if not skipping:
            parts.append(page[pos:])
        lines = (" ".join(line.split()) for line in html.unescape("".join(parts)).split("\n"))
        return cls("\n".join(line for line in lines if line), title, max_depth)


def _read_json(text: str, name: str) -> object:
    """Python's ``json``, with its two escape hatches closed: nesting deeper than the interpreter's
    recursion limit is a message, and an integer too long for ``int()`` keeps its digits as text."""
    try:
        return json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", name) from None
    except RecursionError:
        raise DocumentError("malformed JSON: nested too deeply to read (no article is nested that deep)",
                            name) from None


def _json_int(digits: str) -> int | str:
    limit = sys.get_int_max_str_digits()
    return digits if limit and len(digits) > limit else int(digits)


Row = tuple[str, object]  # (where: "file#n", the record as read, or the DocumentError of a line that could not be)


def _table_records(name: str, text: str) -> list[Row]:
    """The records of a table file in order, each named ``file#n``; a line that could not be read stands
    in its place as its DocumentError.

    A .jsonl keeps its good lines and names the bad ones (numbered among the non-blank lines, so the
    others keep their ids); a .csv keeps the rows before a malformed line.
    """
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        data = _read_json(text, name)
        if isinstance(data, dict):
            wrapper = next((k for k in _WRAPPERS if isinstance(data.get(k), list)), None)
            data = data[wrapper] if wrapper else [data]
        if not isinstance(data, list):
            raise DocumentError("want a list of article objects (each with a 'text')", name)
        return [(f"{name}#{row}", record) for row, record in enumerate(data, 1)]
    if suffix == ".jsonl":
        rows: list[Row] = []
        for number, line in enumerate(text.split("\n"), 1):  # not splitlines(): U+2028 may stand inside a string
            if not line.strip():
                continue
            where = f"{name}#{len(rows) + 1}"
            try:
                rows.append((where, json.loads(line, parse_int=_json_int)))
            except json.JSONDecodeError as exc:
                rows.append((where, DocumentError(f"malformed JSONL on line {number}: {exc.msg} "
                                                  f"(column {exc.colno})", where)))
            except RecursionError:
                rows.append((where, DocumentError(f"malformed JSONL on line {number}: nested too deeply to read",
                                                  where)))
        return rows
    records, error = _csv_records(name, text)
    return [(f"{name}#{row}", record) for row, record in enumerate(records, 1)] + ([(name, error)] if error else [])


def _csv_records(name: str, text: str) -> tuple[list[Mapping[str, object]], DocumentError | None]:
    """The rows of a CSV; the rows before a malformed line are kept and the line is named."""
    header = text[:text.find("\n")] if "\n" in text else text
    delimiter = max(",;\t|", key=header.count)  # Excel in many locales writes ';'
    csv.field_size_limit(MAX_FILE_BYTES)  # any field fits; one over MAX_TEXT_CHARS is its row's error, not the file's
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Mapping[str, object]] = []
    try:
        columns = [c.strip() for c in reader.fieldnames or [] if c]
        if not any(c.lower() in _FIELD_ALIASES["text"] for c in columns):
            raise DocumentError(f"no text column (columns: {', '.join(columns) or 'none'}; want 'text')", name)
        for row in reader:
            if any((v or "").strip() for v in row.values() if isinstance(v, str)):
                rows.append(row)
    except csv.Error as exc:
        error = DocumentError(f"malformed CSV on line {reader.line_num + 1}: {exc}", name)  # lines read before it
        if not rows:
            raise error from None
        return rows, DocumentError(f"{error.problem}; the {len(rows)} rows before it were read", name)
    return rows, None


def _parse(name: str, data: bytes, anchors: Mapping[str, dt.date | str] | None,
           sidecar: Mapping[str, object], path: str) -> tuple[list[Document], list[DocumentError], tuple[str, ...]]:
    """The articles of one file, the errors of its rows or lines that could not be read (a table keeps its
    good rows), and warnings about what was repaired."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(f"unsupported file type {suffix or '(none)'} (want {', '.join(SUPPORTED)})", name)
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(_too_large(len(data)), name)
    text, notes = decode_text(data, name)
    if suffix in TEXT_SUFFIXES:
        return [with_anchor(_from_plain(name, text, sidecar, path), anchors)], [], notes
    if suffix in HTML_SUFFIXES:
        doc, html_notes = _from_html(name, text, sidecar, path)
        return [with_anchor(doc, anchors)], [], notes + html_notes
    docs, ids, errors = [], set(), []
    for where, record in _table_records(name, text):
        try:
            if isinstance(record, DocumentError):
                raise record
            if not isinstance(record, Mapping):
                raise DocumentError(f"{_kind_of(record)}, not an article object (want a list of article objects, "
                                    "each with a 'text')", where)
            doc = document_from_record(record, where, path)
            if doc.doc_id in ids:
                raise DocumentError(f"the id {doc.doc_id!r} is used by an earlier row; skipped", where)
            ids.add(doc.doc_id)
            docs.append(with_anchor(doc, anchors))
        except DocumentError as exc:
            errors.append(exc)
    if not docs:
        if not errors:
            raise DocumentError("no articles in the file", name)
        raise errors[0] if len(errors) == 1 else DocumentError(f"no readable article in {len(errors)} rows "
                                                               f"(first: {errors[0]})", name)
    return docs, errors, notes


def _too_large(size: int, limit: int = MAX_FILE_BYTES) -> str:
    return f"{size / 2**20:.1f} MB is over the {limit // 2**20} MB limit per file; split it"


class LoadWarning(UserWarning):
    """A file was read, but something in it was repaired (stray NUL bytes, a page's tags stripped)."""


def parse_bytes(name: str, data: bytes, anchors: Mapping[str, dt.date | str] | None = None,
                sidecar: Mapping[str, object] | None = None, path: str = "") -> LoadResult:
    """The articles in one file's content (an upload), never raising: each unreadable file, row or line
    is a `LoadError`, each repair a warning, and the good rows of a table are kept."""
    try:
        docs, errors, notes = _parse(name, data, anchors, sidecar or {}, path)
    except DocumentError as exc:
        return LoadResult((), (LoadError(exc.source or name, exc.problem),))
    except Exception as exc:  # untrusted input reaches third-party parsers: whatever they raise is this file's error
        return LoadResult((), (LoadError(name, _unexpected(exc)),))
    return LoadResult(tuple(docs), tuple(LoadError(e.source or name, e.problem) for e in errors),
                      tuple(LoadError(name, note) for note in notes))


def _unexpected(exc: BaseException) -> str:
    return f"could not be read ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"


def load_bytes(name: str, data: bytes, anchors: Mapping[str, dt.date | str] | None = None,
               sidecar: Mapping[str, object] | None = None, path: str = "") -> list[Document]:
    """The articles in one file's content; raises DocumentError naming the file (or row) at fault.

    ``sidecar`` is this file's entry of a ``metadata.json`` (outlet, title, published, url). Strict:
    one bad row fails the call; `parse_bytes` keeps the good rows. Repairs are `LoadWarning`s.
    """
    result = parse_bytes(name, data, anchors, sidecar, path)
    if result.errors:
        first = result.errors[0]
        raise DocumentError(first.message, first.path)
    for note in result.warnings:
        warnings.warn(str(note), LoadWarning, stacklevel=2)
    return list(result.documents)


class _Sidecars:
    """Each folder's ``metadata.json``, read once."""

    def __init__(self) -> None:
        self._cache: dict[Path, dict[str, Mapping[str, object]] | DocumentError] = {}

    def entry(self, file: Path) -> Mapping[str, object]:
        folder = file.parent
        if folder not in self._cache:
            self._cache[folder] = self._read(folder / SIDECAR)
        found = self._cache[folder]
        if isinstance(found, DocumentError):
            raise found
        entry = found.get(file.name, {})
        if not isinstance(entry, Mapping):
            raise DocumentError(f"its entry in {SIDECAR} is not an object", file.name)
        return entry

    @staticmethod
    def _read(path: Path) -> dict[str, Mapping[str, object]] | DocumentError:
        if not path.exists() and not path.is_symlink():
            return {}
        try:
            data = _read_json(decode_text(read_regular_file(path), SIDECAR)[0], SIDECAR)
        except DocumentError as exc:
            return DocumentError(f"unreadable {SIDECAR} beside it ({exc.problem})")
        except Exception as exc:
            return DocumentError(f"unreadable {SIDECAR} beside it ({_unexpected(exc)})")
        if not isinstance(data, dict):
            return DocumentError(f"{SIDECAR} beside it should map file names to metadata objects")
        return data


def _files(path: Path) -> list[Path]:
    """The supported files under a folder (not hidden ones); FIFOs and devices with such names are kept,
    to be refused by name rather than skipped in silence."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED and p.name != SIDECAR
                      and not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(path).parts))
    return [path]


def load_corpus(paths: str | Path | Iterable[str | Path],
                anchors: Mapping[str, dt.date | str] | None = None) -> LoadResult:
    """Every article under the given files and folders (recursively; ``metadata.json`` is read as a sidecar).

    One error per unreadable file (or table row, or JSONL line), and the rest still load: no
    exception from one file ends the batch. Ids are file names relative to the folder given,
    ``file#row`` for table rows without an id; a clash between two roots is settled by prefixing
    the root's path; an id repeated within a table is an error.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    documents: list[Document] = []
    errors: list[LoadError] = []
    notes: list[LoadError] = []
    seen: dict[str, str] = {}  # id -> the file it came from
    sidecars = _Sidecars()
    for root in map(Path, paths):
        if not root.exists() and not root.is_symlink():
            errors.append(LoadError(str(root), "no such file or folder"))
            continue
        for file in _files(root):
            name = file.relative_to(root).as_posix() if root.is_dir() else file.name
            try:
                if file.suffix.lower() not in SUPPORTED:  # say so before touching it
                    raise DocumentError(f"unsupported file type {file.suffix or '(none)'} "
                                        f"(want {', '.join(SUPPORTED)})", name)
                data = read_regular_file(file, name=name)
                docs, row_errors, file_notes = _parse(name, data, anchors, sidecars.entry(file), str(file))
            except DocumentError as exc:
                errors.append(LoadError(_where(file, name, exc.source), exc.problem))
                continue
            except Exception as exc:  # whatever a parser raises on hostile input is this file's error
                errors.append(LoadError(str(file), _unexpected(exc)))
                continue
            errors.extend(LoadError(_where(file, name, e.source), e.problem) for e in row_errors)
            notes.extend(LoadError(str(file), note) for note in file_notes)
            for doc in docs:
                if doc.doc_id in seen:
                    prefixed = f"{root.as_posix()}/{doc.doc_id}" if root.is_dir() else file.as_posix()
                    if prefixed in seen or prefixed == doc.doc_id:
                        errors.append(LoadError(str(file), f"the id {doc.doc_id!r} is already used by "
                                                           f"{seen[doc.doc_id]}; skipped"))
                        continue
                    doc = dataclasses.replace(doc, doc_id=prefixed)
                seen[doc.doc_id] = str(file)
                documents.append(doc)
    return LoadResult(tuple(documents), tuple(errors), tuple(notes))


def _where(file: Path, name: str, source: str) -> str:
    """The file's path, with the row (``#3``) when the error is a table row's."""
    return str(file) + source[len(name):] if source.startswith(name) else str(file)


def load_documents(path: str | Path | Iterable[str | Path],
                   anchors: Mapping[str, dt.date | str] | None = None) -> list[Document]:
    """The articles of a file or folder; raises DocumentError naming the first unreadable file.

    Use `load_corpus` to keep going past bad files and collect their errors.
    """
    result = load_corpus(path, anchors)
    if result.errors:
        first = result.errors[0]
        more = f" (and {len(result.errors) - 1} more)" if len(result.errors) > 1 else ""
        raise DocumentError(first.message + more, first.path)
    return list(result.documents)
