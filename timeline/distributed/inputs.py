"""Inputs of a distributed run: files, folders and globs (local paths or fsspec URLs) cut into partitions.

The client only lists names and sizes; every byte of an article is read by the worker that handles its
partition, so no process holds the corpus. A partition is a run of files of about `PARTITION_BYTES`
(a table file is never split: the loader caps a file at 20 MB), which bounds a worker's memory.

Ids follow `timeline.documents.load_corpus`: a file's id is its path relative to the folder given (its
name, for a file given alone), a table's rows have their own ids; `dedupe_ids` settles clashes the same
way, so a distributed run and one process give the same `doc_id` and so the same event ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import fsspec

from timeline.documents import (
    MAX_FILE_BYTES,
    SIDECAR,
    SUPPORTED,
    Document,
    DocumentError,
    LoadError,
    decode_text,
    parse_bytes,
    read_regular_file,
)

#: Bytes of input per partition: a few thousand news articles, far below a worker's memory.
PARTITION_BYTES = 4 * 2**20
_GLOB = frozenset("*?[")


@dataclass(frozen=True)
class Source:
    """One input file: where it is (``url``), the name its articles are known by, the root it was found
    under (for id clashes) and whether that root is a folder."""

    url: str
    name: str
    root: str
    root_is_folder: bool
    size: int
    local: bool
    location: str = ""  # where a worker opens it: a local path made absolute (a worker's folder is not ours)

    def __post_init__(self) -> None:
        if not self.location:
            object.__setattr__(self, "location", os.path.abspath(self.url) if self.local and "://" not in self.url
                               else self.url)


@dataclass(frozen=True)
class Partition:
    """A run of input files handled by one task."""

    number: int
    first: int  # index of its first file among all the run's files
    sources: tuple[Source, ...]

    @property
    def size(self) -> int:
        return sum(s.size for s in self.sources)


def _strip(path: str) -> str:
    return path.rstrip("/") or path


def _hidden(relative: str) -> bool:
    return any(part.startswith(".") for part in relative.split("/"))


def list_sources(paths: Sequence[str]) -> tuple[list[Source], list[LoadError]]:
    """Every supported file under the given files, folders and globs, in the order `load_corpus` reads them;
    one error per path that names nothing."""
    sources: list[Source] = []
    errors: list[LoadError] = []
    for given in paths:
        try:
            fs, root = fsspec.core.url_to_fs(str(given))
        except (ImportError, ValueError) as exc:  # an unknown protocol, or its extra not installed
            errors.append(LoadError(str(given), f"cannot open ({exc})"))
            continue
        local = "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))
        shown = (lambda p: p) if local else fs.unstrip_protocol
        if any(c in str(given) for c in _GLOB) and not fs.exists(root):
            matches = sorted(fs.glob(root))
            if not matches:
                errors.append(LoadError(str(given), "no file matches"))
            for match in matches:
                if fs.isdir(match):
                    sources.extend(_folder(fs, match, shown(match), local))
                else:
                    sources.append(Source(shown(match), posixpath.basename(match), shown(match), False,
                                          fs.size(match) or 0, local))
            continue
        if not fs.exists(root):
            errors.append(LoadError(str(given), "no such file or folder"))
            continue
        named = str(given) if "://" not in str(given) else shown(root)  # a local path as given, as load_corpus
        if fs.isdir(root):
            sources.extend(_folder(fs, root, named.rstrip("/") or named, local))
        else:
            sources.append(Source(named, posixpath.basename(_strip(root)), named, False, fs.size(root) or 0, local))
    return sources, errors


def _folder(fs: fsspec.AbstractFileSystem, root: str, shown_root: str, local: bool) -> list[Source]:
    """The supported files under a folder, recursively, sorted; hidden ones and sidecars left out."""
    root = _strip(root)
    found = []
    for path, info in sorted(fs.find(root, detail=True).items()):
        relative = posixpath.relpath(path, root)
        name = posixpath.basename(path)
        if (posixpath.splitext(name)[1].lower() not in SUPPORTED or name == SIDECAR or _hidden(relative)
                or info.get("type") == "directory"):
            continue
        found.append(Source(posixpath.join(shown_root, relative), relative, shown_root, True,
                            int(info.get("size") or 0), local))
    return found


def partitions(sources: Sequence[Source], target: int = PARTITION_BYTES) -> list[Partition]:
    """Consecutive files grouped into partitions of about ``target`` bytes (order kept: ids and ties)."""
    out: list[Partition] = []
    run: list[Source] = []
    size = first = 0
    for i, source in enumerate(sources):
        if run and size + source.size > target:
            out.append(Partition(len(out), first, tuple(run)))
            run, size, first = [], 0, i
        run.append(source)
        size += source.size
    if run:
        out.append(Partition(len(out), first, tuple(run)))
    return out


# --------------------------------------------------------------------------- reading (on a worker)


def _read(source: Source) -> bytes:
    if source.local:
        return read_regular_file(source.location, name=source.name)
    with fsspec.open(source.location, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(f"more than {MAX_FILE_BYTES // 2**20} MB, over the limit per file; split it", source.name)
    return data


def _sidecar(folder: str, local: bool, cache: dict[str, dict | DocumentError]) -> dict | DocumentError:
    """A folder's ``metadata.json`` (file name -> metadata), or the error that makes its files unreadable."""
    if folder in cache:
        return cache[folder]
    url = posixpath.join(folder, SIDECAR) if folder else SIDECAR
    try:
        fs, path = fsspec.core.url_to_fs(url)
        if not fs.exists(path):
            cache[folder] = {}
            return cache[folder]
        data = read_regular_file(path) if local else fs.cat_file(path)
        found: dict | DocumentError = json.loads(decode_text(data, SIDECAR)[0])
        if not isinstance(found, dict):
            found = DocumentError(f"{SIDECAR} beside it should map file names to metadata objects")
    except DocumentError as exc:
        found = DocumentError(f"unreadable {SIDECAR} beside it ({exc.problem})")
    except Exception as exc:  # a broken JSON, a storage error: the folder's files are reported, the run goes on
        found = DocumentError(f"unreadable {SIDECAR} beside it ({type(exc).__name__}: {exc})")
    cache[folder] = found
    return found


def _where(source: Source, row_source: str) -> str:
    """The file, with the row (``#3``) when the error is a table row's (as `load_corpus` says it)."""
    return source.url + row_source[len(source.name):] if row_source.startswith(source.name) else source.url


def load_source(source: Source, anchors: Mapping[str, dt.date | str] | None,
                cache: dict[str, dict | DocumentError] | None = None) -> tuple[list[Document], list[LoadError],
                                                                                list[LoadError]]:
    """The articles of one file, the errors of the file or its rows, and the warnings of what was repaired.
    Never raises: whatever goes wrong is this file's error."""
    cache = {} if cache is None else cache
    try:
        if posixpath.splitext(source.name)[1].lower() not in SUPPORTED:
            raise DocumentError(f"unsupported file type {posixpath.splitext(source.name)[1] or '(none)'} "
                                f"(want {', '.join(SUPPORTED)})", source.name)
        meta = _sidecar(posixpath.dirname(source.location), source.local, cache)
        if isinstance(meta, DocumentError):
            raise DocumentError(meta.problem, source.name)
        entry = meta.get(posixpath.basename(source.url), {})
        if not isinstance(entry, Mapping):
            raise DocumentError(f"its entry in {SIDECAR} is not an object", source.name)
        result = parse_bytes(source.name, _read(source), anchors, entry, source.url)
    except DocumentError as exc:
        return [], [LoadError(_where(source, exc.source), exc.problem)], []
    except Exception as exc:  # a storage or parser error on hostile input: this file's error
        reason = f"could not be read ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
        return [], [LoadError(source.url, reason)], []
    errors = [LoadError(_where(source, e.path), e.message) for e in result.errors]
    warnings = [LoadError(source.url, w.message) for w in result.warnings]
    return list(result.documents), errors, warnings


def dedupe_ids(partition_ids: Iterable[Sequence[tuple[str, int]]], sources: Sequence[Source]
               ) -> tuple[list[dict[str, str]], list[LoadError]]:
    """`load_corpus`'s rule for an id seen before, over all partitions in order: prefixed by its folder
    (or replaced by the file's path), or skipped when that is taken too. Given each partition's (doc_id,
    source index) pairs, returns each partition's renames (id -> new id, "" to skip) and the skips' errors."""
    seen: dict[str, str] = {}
    renames: list[dict[str, str]] = []
    errors: list[LoadError] = []
    for ids in partition_ids:
        changed: dict[str, str] = {}
        for doc_id, index in ids:
            source = sources[index]
            if doc_id in seen:
                prefixed = f"{source.root}/{doc_id}" if source.root_is_folder else source.url
                if prefixed in seen or prefixed == doc_id:
                    errors.append(LoadError(source.url, f"the id {doc_id!r} is already used by {seen[doc_id]}; "
                                                        "skipped"))
                    changed[f"{index}\x00{doc_id}"] = ""
                    continue
                changed[f"{index}\x00{doc_id}"] = prefixed
                doc_id = prefixed
            seen[doc_id] = source.url
        renames.append(changed)
    return renames, errors


def apply_renames(documents: Sequence[tuple[Document, int]], renames: Mapping[str, str]) -> list[Document]:
    """A partition's documents with the ids `dedupe_ids` settled (skipped ones left out)."""
    out = []
    for doc, index in documents:
        new = renames.get(f"{index}\x00{doc.doc_id}")
        if new is None:
            out.append(doc)
        elif new:
            out.append(dataclasses.replace(doc, doc_id=new))
    return out
