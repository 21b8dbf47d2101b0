"""Documents: articles with their metadata and the anchor their relative dates resolve against.

A corpus is a folder (or list) of files: ``.txt``/``.md`` with front matter or a sidecar
``metadata.json`` (the layout of ``seeds/``), ``.html`` pages, and ``.json``/``.jsonl``/``.csv``
tables with the columns text, title, outlet, url, published.

The anchor (publication date) is never today's date by default. In order of trust: a date the
user gives (``user``), the metadata (``metadata``), a dateline or "Published ..." line in the
text (``document``), the latest date the text itself mentions (``inferred``, with the evidence);
otherwise ``missing``, and the document yields no events until a date is given.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from dateutil import parser as dateutil_parser

#: Where a document's publication date (its anchor) came from.
ANCHOR_SOURCES = ("user", "metadata", "document", "inferred", "missing")
MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".json", ".jsonl", ".csv")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
SIDECAR = "metadata.json"


class DocumentError(ValueError):
    """A file or record that cannot be read as an article; the message names it and says why."""


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


@dataclass(frozen=True)
class LoadError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class LoadResult:
    documents: tuple[Document, ...]
    errors: tuple[LoadError, ...]


# --------------------------------------------------------------------------- dates


def parse_date(value: object, what: str = "date") -> dt.date:
    """A publication date from metadata: ISO, "Feb 15, 2025", "15 February 2025", a datetime...

    Raises DocumentError naming the value when it is no date. Slash dates are read month first
    unless that is impossible (13/02/2025), as most English-language metadata writes them.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        raise DocumentError(f"empty {what}")
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        parsed = dateutil_parser.parse(text, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        raise DocumentError(f"{what} {text!r} is not a date (want YYYY-MM-DD)") from None
    if parsed.year == 1 and not re.search(r"\b0*1\b", text):
        raise DocumentError(f"{what} {text!r} names no year")
    return parsed.date()


_DATELINE = re.compile(
    r"(?:\b(?:published|posted|updated|last updated|date)\s*(?:on|:)?\s*|(?-i:^[A-Z][A-Z .'-]{2,40}),\s*|^)"
    r"(?P<date>(?:(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}))",
    re.IGNORECASE | re.MULTILINE,
)


def find_dateline(text: str) -> tuple[dt.date, str] | None:
    """A publication date the article states near its top: "Published Feb. 15, 2025", "KYIV, May 13, 2025 -"."""
    head = text[:1500]
    for match in _DATELINE.finditer(head):
        stated = match.group(0).strip()
        if match.start() > 400 and not re.match(r"(?i)published|posted|updated|date", stated):
            continue
        try:
            return parse_date(match.group("date")), f"stated in the text: {stated!r}"
        except DocumentError:
            continue
    return None


def infer_anchor(text: str) -> tuple[dt.date, str] | None:
    """The latest fully written date the text mentions (an article cannot predate what it reports).

    Only days and months that name their year count, so the guess does not depend on itself.
    """
    from timeline.timex import find_timexes

    provisional = dt.date(2000, 1, 1)  # unused by the absolute dates kept below
    dates = [t for t in find_timexes(text, provisional) if t.absolute and t.type in ("DATE", "TIME")
             and t.granularity in ("day", "time", "month")]
    if not dates:
        return None
    latest = max(dates, key=lambda t: t.end)  # a month counts by its last day
    mentioned = ", ".join(sorted({t.text for t in dates})[:5])
    return latest.end, f"inferred: the latest date the text mentions ({latest.text!r}; all: {mentioned})"


def with_anchor(doc: Document, anchors: Mapping[str, dt.date] | None = None) -> Document:
    """Settle a document's anchor: the user's date wins, then metadata, dateline, inference."""
    for key in (doc.doc_id, Path(doc.path).name if doc.path else None, doc.path or None):
        if anchors and key in anchors:
            return dataclasses.replace(doc, published=parse_date(anchors[key]), anchor_source="user",
                                       anchor_evidence="given by the user")
    if doc.published is not None:
        return doc
    for source, found in (("document", find_dateline(doc.text)), ("inferred", infer_anchor(doc.text))):
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


def _field(record: Mapping[str, object], name: str) -> object:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for alias in _FIELD_ALIASES[name]:
        value = lowered.get(alias)
        if value not in (None, ""):
            return value
    return None


def document_from_record(record: Mapping[str, object], doc_id: str, path: str = "") -> Document:
    """One article from a mapping with a text and, optionally, title, outlet, url, published."""
    text = _field(record, "text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError(f"{doc_id}: no text (want a non-empty 'text' field)")
    published = _field(record, "published")
    return Document(
        doc_id=str(_field(record, "id") or doc_id), text=text, title=str(_field(record, "title") or ""),
        outlet=str(_field(record, "outlet") or ""), url=str(_field(record, "url") or ""),
        published=parse_date(published, f"{doc_id}: published") if published is not None else None,
        anchor_source="metadata" if published is not None else "missing",
        anchor_evidence="the metadata's publication date" if published is not None else "", path=path,
    )


def document_from_text(text: str, published: dt.date | str | None = None, title: str = "", outlet: str = "",
                       url: str = "", doc_id: str | None = None) -> Document:
    """An article pasted by a user; a date given here counts as the user's."""
    if not text or not text.strip():
        raise DocumentError("the text is empty")
    doc_id = doc_id or "pasted-" + hashlib.sha1(text.encode()).hexdigest()[:10]
    doc = Document(doc_id, text, title or _first_line(text), outlet, url)
    anchors = {doc.doc_id: parse_date(published)} if published else None
    return with_anchor(doc, anchors)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]


# --------------------------------------------------------------------------- files


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty")
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{name}: binary data, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8-sig" and sum(not (c.isprintable() or c.isspace()) for c in text) > len(text) / 100:
            break
        return text.replace("\r\n", "\n")
    raise DocumentError(f"{name}: not readable text (neither UTF-8 nor Windows-1252)")


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` front matter between ``---`` lines; the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end():]


def _from_plain(name: str, text: str, sidecar: Mapping[str, Mapping[str, object]], path: str) -> Document:
    meta, body = _front_matter(text)
    record = {**sidecar.get(Path(name).name, {}), **meta, "text": body}
    record.setdefault("title", _first_line(body))
    return document_from_record(record, name, path)


def _from_html(name: str, text: str, path: str) -> Document:
    import trafilatura
    from htmldate import find_date

    result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    extracted = result.as_dict() if result is not None else {}
    if not (extracted.get("text") or "").strip():
        raise DocumentError(f"{name}: no article text found in the page")
    published = extracted.get("date") or find_date(text, extensive_search=False, original_date=True)
    record = {"text": extracted["text"], "title": extracted.get("title") or "",
              "outlet": extracted.get("sitename") or extracted.get("hostname") or "",
              "url": extracted.get("url") or "", "published": published}
    return document_from_record(record, name, path)


def _from_table(name: str, text: str, path: str) -> list[Document]:
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(text)
            records = data.get("articles", [data]) if isinstance(data, dict) else data
        elif suffix == ".jsonl":
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            reader = csv.DictReader(io.StringIO(text))
            if not reader.fieldnames or not any(f and f.strip().lower() in _FIELD_ALIASES["text"]
                                                for f in reader.fieldnames):
                raise DocumentError(f"{name}: no text column (columns: {', '.join(reader.fieldnames or [])})")
            records = list(reader)
    except (json.JSONDecodeError, csv.Error) as exc:
        raise DocumentError(f"{name}: malformed {suffix[1:].upper()}: {exc}") from None
    if not isinstance(records, list) or not all(isinstance(r, Mapping) for r in records):
        raise DocumentError(f"{name}: want a list of article objects")
    if not records:
        raise DocumentError(f"{name}: no articles in the file")
    return [document_from_record(r, f"{name}#{i + 1}", path) for i, r in enumerate(records)]


def load_bytes(name: str, data: bytes, anchors: Mapping[str, dt.date] | None = None,
               sidecar: Mapping[str, Mapping[str, object]] | None = None, path: str = "") -> list[Document]:
    """The articles in one file's content (an upload, or a file read from disk)."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(f"{name}: unsupported file type {suffix or '(none)'} (want {', '.join(SUPPORTED)})")
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(f"{name}: {len(data) / 2**20:.1f} MB is over the {MAX_FILE_BYTES // 2**20} MB limit")
    text = _decode(data, name)
    if suffix in TEXT_SUFFIXES:
        docs = [_from_plain(name, text, sidecar or {}, path)]
    elif suffix in HTML_SUFFIXES:
        docs = [_from_html(name, text, path)]
    else:
        docs = _from_table(name, text, path)
    return [with_anchor(d, anchors) for d in docs]


def _sidecar(folder: Path) -> dict[str, Mapping[str, object]]:
    path = folder / SIDECAR
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DocumentError(f"{path}: unreadable metadata: {exc}") from None
    if not isinstance(data, dict):
        raise DocumentError(f"{path}: want an object mapping file names to metadata")
    return data


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                      and p.name != SIDECAR and not p.name.startswith("."))
    return [path]


def load_corpus(paths: str | Path | Iterable[str | Path],
                anchors: Mapping[str, dt.date] | None = None) -> LoadResult:
    """Every article under the given files and folders; one error per unreadable file, the rest still loaded."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    documents: list[Document] = []
    errors: list[LoadError] = []
    for root in map(Path, paths):
        if not root.exists():
            errors.append(LoadError(str(root), "no such file or folder"))
            continue
        for file in _files(root):
            name = str(file.relative_to(root)) if root.is_dir() else file.name
            try:
                docs = load_bytes(name, file.read_bytes(), anchors, _sidecar(file.parent), str(file))
            except (DocumentError, OSError) as exc:
                errors.append(LoadError(str(file), str(exc).removeprefix(f"{name}: ")))
                continue
            documents.extend(docs)
    return LoadResult(tuple(documents), tuple(errors))


def load_documents(path: str | Path, anchors: Mapping[str, dt.date] | None = None) -> list[Document]:
    """The articles of a file or folder; raises DocumentError on the first unreadable file."""
    result = load_corpus(path, anchors)
    if result.errors:
        raise DocumentError(str(result.errors[0]))
    return list(result.documents)
