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

_NUMERIC_SLASH = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def parse_date(value: object, what: str = "date") -> dt.date:
    """A publication date from metadata: ISO, "Feb 15, 2025", "15 February 2025", a datetime...

    Raises DocumentError naming the value when it is no date. ISO and month names are read as
    written; "15/02/2025" is read day first only because 15 cannot be a month; "03/04/2025",
    which could be either, is refused rather than guessed. "15.02.2025" is day first (European).
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
    numeric = _NUMERIC_SLASH.match(text)
    if numeric:
        first, second, year = map(int, numeric.groups())
        day, month = (first, second) if "." in text or first > 12 else (second, first)
        if "/" in text and first <= 12 and second <= 12 and first != second:
            raise DocumentError(f"{what} {text!r} is ambiguous (day/month or month/day?): write it as YYYY-MM-DD")
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise DocumentError(f"{what} {text!r} is not a date (want YYYY-MM-DD)") from None
    try:
        parsed = dateutil_parser.parse(text, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        raise DocumentError(f"{what} {text!r} is not a date (want YYYY-MM-DD)") from None
    if parsed.year == 1 and not re.search(r"\b0*1\b", text):
        raise DocumentError(f"{what} {text!r} names no year")
    if parsed.day == 1 and not re.search(r"\b0?1(?:st)?\b", text):
        raise DocumentError(f"{what} {text!r} names no day")
    return parsed.date()


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
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for alias in _FIELD_ALIASES[name]:
        value = lowered.get(alias)
        if value not in (None, "") and not (isinstance(value, str) and not value.strip()):
            return value
    return None


def document_from_record(record: Mapping[str, object], doc_id: str, path: str = "",
                         evidence: str = "the metadata's publication date") -> Document:
    """One article from a mapping with a text and, optionally, id, title, outlet, url, published.

    ``doc_id`` is the default id (the record's own ``id`` wins) and names the record in errors.
    """
    text = _field(record, "text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError("no text (want a non-empty 'text' field)", doc_id)
    published = _field(record, "published")
    try:
        date = parse_date(published, "published date") if published is not None else None
    except DocumentError as exc:
        raise DocumentError(exc.problem, doc_id) from None
    return Document(
        doc_id=str(_field(record, "id") or doc_id).strip(), text=text,
        title=str(_field(record, "title") or "").strip(), outlet=str(_field(record, "outlet") or "").strip(),
        url=str(_field(record, "url") or "").strip(), published=date,
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
    doc_id = doc_id or "pasted-" + hashlib.sha1(text.encode()).hexdigest()[:10]
    doc = Document(doc_id, text, title or _first_line(text), outlet, url)
    anchors = {doc.doc_id: parse_date(published, "the date given")} if published else None
    return with_anchor(doc, anchors)


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return re.sub(r"^#{1,6}\s+", "", line)[:200]  # a Markdown heading's text


# --------------------------------------------------------------------------- files


def _decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 if it reads as text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError("not readable text (a broken UTF-16 file)", name) from None
    else:
        if b"\x00" in data[:8192]:
            raise DocumentError("binary data, not text (is it a PDF, Word file or image?)", name)
        text = ""
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            break
        else:
            raise DocumentError("not readable text (neither UTF-8 nor Windows-1252)", name)
        controls = sum(not (c.isprintable() or c.isspace()) for c in text)
        if controls > len(text) / 100:
            raise DocumentError("binary data, not text (is it a PDF, Word file or image?)", name)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError("the file is empty", name)
    return text


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


def _from_html(name: str, text: str, sidecar: Mapping[str, object], path: str) -> Document:
    """Main text and metadata of a saved page; dates only from its markup and URL, never guessed from prose."""
    import trafilatura
    from htmldate import find_date

    date_params = {"extensive_search": False, "original_date": True}
    result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False,
                                         date_extraction_params=date_params)
    extracted = result.as_dict() if result is not None else {}
    if not (extracted.get("text") or "").strip():
        raise DocumentError("no article text found in the page", name)
    published = extracted.get("date") or find_date(text, **date_params)
    record = {"text": extracted["text"], "title": extracted.get("title") or _first_line(extracted["text"]),
              "outlet": extracted.get("sitename") or extracted.get("hostname") or "",
              "url": extracted.get("url") or "", "published": published, **sidecar}
    evidence = "the sidecar metadata.json's date" if _field(sidecar, "published") else "the page's markup"
    return document_from_record(record, name, path, evidence)


def _table_records(name: str, text: str) -> list[Mapping[str, object]]:
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(text)
            if isinstance(data, dict):
                wrapper = next((k for k in _WRAPPERS if isinstance(data.get(k), list)), None)
                data = data[wrapper] if wrapper else [data]
            records = data
        elif suffix == ".jsonl":
            records = []
            for number, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise DocumentError(f"malformed JSONL on line {number}: {exc.msg}", name) from None
        else:
            records = _csv_records(name, text)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", name) from None
    if not isinstance(records, list) or not all(isinstance(r, Mapping) for r in records):
        raise DocumentError("want a list of article objects (each with a 'text')", name)
    if not records:
        raise DocumentError("no articles in the file", name)
    return records


def _csv_records(name: str, text: str) -> list[Mapping[str, object]]:
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=header.count)  # Excel in many locales writes ';'
    csv.field_size_limit(MAX_FILE_BYTES)  # an article is longer than csv's default 128 KB field limit
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        columns = [c.strip() for c in reader.fieldnames or [] if c]
        if not any(c.lower() in _FIELD_ALIASES["text"] for c in columns):
            raise DocumentError(f"no text column (columns: {', '.join(columns) or 'none'}; want 'text')", name)
        return [row for row in reader if any((v or "").strip() for v in row.values() if isinstance(v, str))]
    except csv.Error as exc:
        raise DocumentError(f"malformed CSV on line {reader.line_num}: {exc}", name) from None


def _parse(name: str, data: bytes, anchors: Mapping[str, dt.date | str] | None,
           sidecar: Mapping[str, object], path: str) -> tuple[list[Document], list[DocumentError]]:
    """The articles of one file, and the errors of its rows that could not be read (a table keeps its good rows)."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(f"unsupported file type {suffix or '(none)'} (want {', '.join(SUPPORTED)})", name)
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(_too_large(len(data)), name)
    text = _decode(data, name)
    if suffix in TEXT_SUFFIXES:
        return [with_anchor(_from_plain(name, text, sidecar, path), anchors)], []
    if suffix in HTML_SUFFIXES:
        return [with_anchor(_from_html(name, text, sidecar, path), anchors)], []
    docs, errors, ids = [], [], set()
    for row, record in enumerate(_table_records(name, text), 1):
        try:
            doc = document_from_record(record, f"{name}#{row}", path)
            if doc.doc_id in ids:
                raise DocumentError(f"the id {doc.doc_id!r} is used by an earlier row; skipped", f"{name}#{row}")
            ids.add(doc.doc_id)
            docs.append(with_anchor(doc, anchors))
        except DocumentError as exc:
            errors.append(exc)
    if not docs:
        raise errors[0] if len(errors) == 1 else DocumentError(f"no readable article in {len(errors)} rows "
                                                               f"(row 1: {errors[0].problem})", name)
    return docs, errors


def _too_large(size: int) -> str:
    return f"{size / 2**20:.1f} MB is over the {MAX_FILE_BYTES // 2**20} MB limit per file; split it"


def load_bytes(name: str, data: bytes, anchors: Mapping[str, dt.date | str] | None = None,
               sidecar: Mapping[str, object] | None = None, path: str = "") -> list[Document]:
    """The articles in one file's content (an upload); raises DocumentError naming the file (or row) at fault.

    ``sidecar`` is this file's entry of a ``metadata.json`` (outlet, title, published, url).
    """
    docs, errors = _parse(name, data, anchors, sidecar or {}, path)
    if errors:
        raise errors[0]
    return docs


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
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            return DocumentError(f"unreadable {SIDECAR} beside it ({exc})")
        if not isinstance(data, dict):
            return DocumentError(f"{SIDECAR} beside it should map file names to metadata objects")
        return data


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                      and p.name != SIDECAR and not any(part.startswith(".") for part in p.relative_to(path).parts))
    return [path]


def load_corpus(paths: str | Path | Iterable[str | Path],
                anchors: Mapping[str, dt.date | str] | None = None) -> LoadResult:
    """Every article under the given files and folders (recursively; ``metadata.json`` is read as a sidecar).

    One error per unreadable file (or table row), and the rest still load. Ids are file names relative
    to the folder given, ``file#row`` for table rows without an id; a clash between two roots is
    settled by prefixing the root's path; an id repeated within a table is an error.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    documents: list[Document] = []
    errors: list[LoadError] = []
    seen: dict[str, str] = {}  # id -> the file it came from
    sidecars = _Sidecars()
    for root in map(Path, paths):
        if not root.exists():
            errors.append(LoadError(str(root), "no such file or folder"))
            continue
        for file in _files(root):
            name = file.relative_to(root).as_posix() if root.is_dir() else file.name
            try:
                size = file.stat().st_size
                if size > MAX_FILE_BYTES:  # refuse before reading it all
                    raise DocumentError(_too_large(size), name)
                docs, row_errors = _parse(name, file.read_bytes(), anchors, sidecars.entry(file), str(file))
            except DocumentError as exc:
                errors.append(LoadError(_where(file, name, exc.source), exc.problem))
                continue
            except OSError as exc:
                errors.append(LoadError(str(file), f"cannot read it ({exc.strerror or exc})"))
                continue
            errors.extend(LoadError(_where(file, name, e.source), e.problem) for e in row_errors)
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
    return LoadResult(tuple(documents), tuple(errors))


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
