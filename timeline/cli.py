"""Command line: ``python -m timeline timex|eval|extract|corpus``. Parses arguments, calls the library.

Each subcommand is one function taking the parsed arguments and returning an exit code. Every
failure is one plain line on stderr, never a traceback; the outputs of ``extract`` are checked
before any work, written under temporary names beside their targets and renamed over them only
once all are written, so a failed run never clobbers or half-writes a file.

Exit codes:
  0    done (extract: the table was written; unreadable files were named on stderr and skipped)
  1    extract: no article could be read, or none has a publication date: nothing written,
       an existing --out left as it was
  2    bad arguments or input: an unknown option, a bad date, an unreadable or oversized file,
       an output that cannot be written (a missing folder, a folder, no permission), checked first
  3    writing the outputs failed (disk full...): nothing was replaced
  4    an unexpected internal error (a bug: please report the line)
  130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import secrets
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.documents import Document

EXIT_OK, EXIT_NOTHING_READ, EXIT_USAGE, EXIT_WRITE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130


def _say(message: object) -> None:
    """One plain line on stderr: newlines and terminal control characters (file names, article text) escaped."""
    text = re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", str(message))
    print(text, file=sys.stderr)


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (want YYYY-MM-DD): {value!r}") from None


def cmd_timex(args: argparse.Namespace) -> int:
    """Print one JSON object per time expression found in FILE (or standard input)."""
    from timeline.documents import MAX_FILE_BYTES, DocumentError, decode_text, read_regular_file
    from timeline.timex import MAX_TEXT_CHARS, find_timexes, timex_to_dict

    name = "standard input" if args.file == "-" else args.file
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                raise DocumentError(f"more than {MAX_FILE_BYTES // 2**20} MB, over the limit; split it", name)
        else:
            data = read_regular_file(args.file)
        if not data.strip():
            return EXIT_OK
        text = decode_text(data, name)[0]
        if len(text) > MAX_TEXT_CHARS:
            raise DocumentError(f"{len(text):,} characters is over the {MAX_TEXT_CHARS:,} limit; split it", name)
    except DocumentError as exc:
        _say(f"error: cannot read {name}: {exc.problem}")
        return EXIT_USAGE
    for timex in find_timexes(text, args.anchor):
        print(json.dumps(timex_to_dict(timex), ensure_ascii=False))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    """Score against the seeds gold file or a TimeML folder (owned by timeline.evaluation)."""
    from timeline import evaluation

    return evaluation.run_cli(args)


def parse_anchors(pairs: list[str]) -> dict[str, dt.date]:
    """``FILE=DATE`` pairs from ``--anchor``; ValueError saying which one is wrong and how to write it."""
    from timeline.documents import parse_date

    anchors: dict[str, dt.date] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name or not value.strip():
            raise ValueError(f"--anchor wants FILE=YYYY-MM-DD, got {pair!r}")
        anchors[name] = parse_date(value.strip(), f"--anchor {name}")
    for name, date in list(anchors.items()):  # "corpus/a.txt=..." also names the file a.txt
        anchors.setdefault(Path(name).name, date)
    return anchors


def _unmatched_anchors(pairs: list[str], documents: Sequence[Document]) -> list[str]:
    """The --anchor names that match no document (by id, file name or path): a typo the user should hear of."""
    known: set[str] = set()
    for doc in documents:
        known.update({doc.doc_id, doc.path, Path(doc.path).name if doc.path else doc.doc_id})
    names = [pair.partition("=")[0].strip() for pair in pairs]
    return [name for name in names if name not in known and Path(name).name not in known]


class OutputError(Exception):
    """An output that cannot be written; the message names it and says why."""


def _stage(target: str, what: str) -> tuple[Path, Path]:
    """The real path of an output and a new empty temporary file beside it: proof, before any work, that the
    folder exists and takes a file (a check of permissions alone would lie to root or on a read-only mount)."""
    path = Path(os.path.realpath(target))  # a link is followed: its target is what gets replaced
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {what} {target}: the folder {folder} does not exist")
    if path.is_dir():
        raise OutputError(f"cannot write {what} {target}: it is a folder; give a file name")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise OutputError(f"cannot write {what} {target}: it is not a regular file")
    temp = folder / f".{path.stem}.{secrets.token_hex(4)}.tmp{path.suffix}"
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))  # the umask applies, as to any file
        if path.exists():
            os.chmod(temp, stat.S_IMODE(path.stat().st_mode))
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise OutputError(f"cannot write {what} {target}: {exc.strerror or exc} (in {folder})") from None
    return path, temp


@contextlib.contextmanager
def _staged(outputs: Sequence[tuple[str, str]]) -> Iterator[list[tuple[Path, Path]]]:
    """Temporary files for each (path, option) output; whatever happens, none is left behind."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, what in outputs:
            staged.append(_stage(target, what))
        yield staged
    finally:
        for _, temp in staged:
            with contextlib.suppress(OSError):
                temp.unlink()


def cmd_extract(args: argparse.Namespace) -> int:
    """``python -m timeline extract PATH... --out FILE``: one clear line per problem, the batch goes on.

    Exit codes: see the module's docstring (0 written, 1 nothing to write, 2 bad arguments or an
    output that cannot be written, 3 writing failed and nothing was replaced).
    """
    from timeline.documents import load_corpus
    from timeline.export import check_format

    try:
        anchors = parse_anchors(args.anchor)
        if not args.by_month:
            check_format(Path(args.out), "--out")
        if args.timelinejs and Path(args.timelinejs).suffix.lower() != ".json":
            raise ValueError(f"--timelinejs {args.timelinejs}: want a .json file")
        if args.timelinejs and os.path.realpath(args.timelinejs) == os.path.realpath(args.out):
            raise ValueError("--timelinejs and --out name the same file")
        scheduler = _where_to_run(args)
        if not args.partition_mb > 0:
            raise ValueError(f"--partition-mb {args.partition_mb}: want a size above 0")
    except ValueError as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE
    if scheduler != "none":
        try:
            return _extract_on_dask(args, anchors, scheduler)
        except OutputError as exc:
            _say(f"error: {exc}")
            return EXIT_USAGE
    outputs = [(args.out, "--out")] + ([(args.timelinejs, "--timelinejs")] if args.timelinejs else [])
    try:
        with _staged(outputs) as staged:
            loaded = load_corpus(args.paths, anchors)
            for error in loaded.errors:
                _say(f"skipped {error}")
            for warning in loaded.warnings:
                _say(f"warning: {warning}")
            for name in _unmatched_anchors(args.anchor, loaded.documents):
                _say(f"warning: --anchor {name}=...: no article of that name was read")
            return _extract_and_write(args, loaded.documents, staged)
    except OutputError as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE


def _extract_and_write(args: argparse.Namespace, loaded: Sequence[Document], staged: list[tuple[Path, Path]]) -> int:
    from tqdm import tqdm

    from timeline.events import extract_events
    from timeline.export import write_table, write_timelinejs

    documents = []
    for doc in loaded:
        if doc.published is None:
            _say(f"no publication date for {doc.where}, so no events from it: "
                 f"give one with --anchor {doc.doc_id}=YYYY-MM-DD")
        else:
            documents.append(doc)
    if not loaded:
        _say("error: no article could be read; nothing written")
        return EXIT_NOTHING_READ
    if not documents:
        _say("error: no article has a publication date; nothing written")
        return EXIT_NOTHING_READ
    show = not args.no_progress and sys.stderr.isatty()
    with tqdm(total=len(documents), unit="article", disable=not show, file=sys.stderr) as bar:
        events = extract_events(documents, progress=lambda _: bar.update())
    failures = events.attrs.get("errors", [])
    for error in failures:
        _say(f"skipped {error}")
    if len(failures) == len(documents):
        _say("error: no article could be processed; nothing written")
        return EXIT_NOTHING_READ
    try:
        write_table(events, staged[0][1])
        if args.timelinejs:
            write_timelinejs(events, staged[1][1], group_by=args.group)
        for target, temp in staged:  # every output is whole before any is replaced
            os.replace(temp, target)
    except (OSError, ValueError) as exc:  # disk full, a writer's error: the old files stand
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        _say(f"error: cannot write {args.out}: {reason}; nothing was replaced")
        return EXIT_WRITE
    happenings = events[events["role"] == "event"]
    clusters = happenings.loc[happenings["n_sources"] > 1, "cluster_id"].nunique()
    _say(f"{len(happenings)} events and {len(events) - len(happenings)} reference dates from "
         f"{len(documents) - len(failures)} articles ({clusters} happenings told by several) -> {args.out}")
    return EXIT_OK

#: A corpus smaller than this runs in this process under ``--scheduler auto``: starting worker processes
#: (each loads the gazetteers) costs more seconds than such a corpus takes.
IN_PROCESS_BYTES = 2 * 2**20


def _local_bytes(paths: Sequence[str], limit: int) -> int | None:
    """The size of the local input files, counted up to ``limit``; None when a path is a URL or a glob."""
    total = 0
    for given in paths:
        if "://" in given or (any(c in given for c in "*?[") and not os.path.exists(given)):
            return None  # a URL or a glob (a file whose name holds "[" is a file)
        for root, _, files in os.walk(given) if os.path.isdir(given) else [("", [], [given])]:
            for name in files:
                with contextlib.suppress(OSError):
                    total += os.stat(os.path.join(root, name)).st_size
                if total > limit:
                    return total
    return total


def _where_to_run(args: argparse.Namespace) -> str:
    """``none`` (this process), or the Dask scheduler: ``local:N`` or an address (see ``--scheduler``)."""
    from timeline.distributed.cluster import parse_scheduler

    value = args.scheduler.strip()
    if value == "none":
        if args.by_month:
            raise ValueError("--by-month writes a dataset on Dask: give --scheduler auto, local:N or an address")
        return "none"
    if value == "auto":
        size = _local_bytes(args.paths, IN_PROCESS_BYTES)
        return "local" if args.by_month or size is None or size > IN_PROCESS_BYTES else "none"
    parse_scheduler(value)  # a ValueError saying how to write it
    return value


def _stage_folder(target: str) -> tuple[Path, Path]:
    """A dataset folder's real path and a new empty folder beside it to write into; the target may be missing,
    empty, or a dataset this command wrote (only ``month=...`` folders): never a folder of other files."""
    path = Path(os.path.realpath(target))
    if not path.parent.is_dir():
        raise OutputError(f"cannot write --out {target}: the folder {path.parent} does not exist")
    if path.exists() and not path.is_dir():
        raise OutputError(f"cannot write --out {target}: it is a file; --by-month writes a folder")
    if path.is_dir() and any(not (p.is_dir() and p.name.startswith("month=")) for p in path.iterdir()):
        raise OutputError(f"cannot write --out {target}: the folder holds other files than a dataset's "
                          "month=YYYY-MM folders; give a new or empty folder")
    temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        temp.mkdir()
    except OSError as exc:
        raise OutputError(f"cannot write --out {target}: {exc.strerror or exc} (in {path.parent})") from None
    return path, temp


def _swap_folder(temp: Path, target: Path) -> None:
    """Put the finished dataset in place of the old one (if any); the old one is removed only after."""
    import shutil

    old = target.parent / f".{target.name}.{secrets.token_hex(4)}.old"
    if target.exists():
        os.replace(target, old)
    os.replace(temp, target)
    shutil.rmtree(old, ignore_errors=True)


def _extract_on_dask(args: argparse.Namespace, anchors: dict[str, dt.date], scheduler: str) -> int:
    """``extract`` on a Dask cluster: the outputs checked first, partitions through the rounds of
    `timeline.distributed`, each month's table written by a worker, then the outputs put in place at once."""
    import shutil

    from tqdm import tqdm

    from timeline.distributed import Scratch, connect, dashboard_link, extract
    from timeline.distributed.output import combine

    folder = None
    outputs = [] if args.by_month else [(args.out, "--out")]
    outputs += [(args.timelinejs, "--timelinejs")] if args.timelinejs else []
    with _staged(outputs) as staged, contextlib.ExitStack() as cleanup:
        if args.by_month:
            folder = _stage_folder(args.out)
            cleanup.callback(shutil.rmtree, folder[1], True)
        given = args.scratch if not args.scratch or "://" in args.scratch else os.path.abspath(args.scratch)
        scratch = Scratch(given.rstrip("/") + f"/timeline-{secrets.token_hex(4)}" if given else
                          str(Path(os.path.realpath(args.out)).parent / f".timeline-scratch-{secrets.token_hex(4)}"))
        cleanup.callback(_clear, scratch)
        with connect(scheduler) as client:
            workers = len(client.scheduler_info().get("workers", {}))
            link = dashboard_link(client)
            _say(f"Dask: {workers} worker{'s' if workers != 1 else ''} ({scheduler})"
                 + (f"; progress on the dashboard: {link}" if link else ""))
            show = not args.no_progress and sys.stderr.isatty()
            bars: dict[str, tqdm] = {}

            def progress(name: str, done: int, total: int) -> None:
                if show:
                    bar = bars.setdefault(name, tqdm(total=total, desc=name, unit="part", file=sys.stderr))
                    bar.update(done - bar.n)

            try:
                result = extract(client, args.paths, scratch, anchors=anchors,
                                 target=str(folder[1]) if folder else None,
                                 partition_bytes=int(args.partition_mb * 2**20), progress=progress)
            finally:
                for bar in bars.values():
                    bar.close()
        for error in result.errors:
            _say(f"skipped {error}")
        for warning in result.warnings:
            _say(f"warning: {warning}")
        for where, doc_id in result.undated:
            _say(f"no publication date for {where}, so no events from it: give one with --anchor {doc_id}=YYYY-MM-DD")
        for pair in args.anchor:
            name = pair.partition("=")[0].strip()
            if name not in result.anchored and Path(name).name not in result.anchored:
                _say(f"warning: --anchor {name}=...: no article of that name was read")
        if not result.read:
            _say("error: no article could be read; nothing written")
            return EXIT_NOTHING_READ
        if result.read == len(result.undated):
            _say("error: no article has a publication date; nothing written")
            return EXIT_NOTHING_READ
        if not result.extracted:
            _say("error: no article could be processed; nothing written")
            return EXIT_NOTHING_READ
        try:
            if not folder:
                combine(result.paths, str(staged[0][1]))
            if args.timelinejs:
                from timeline.export import read_table, write_timelinejs

                table = read_table(staged[0][1]) if not folder else _read_dataset(folder[1])
                write_timelinejs(table, staged[-1][1], group_by=args.group)
            for target, temp in staged:
                os.replace(temp, target)
            if folder:
                _swap_folder(folder[1], folder[0])
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            _say(f"error: cannot write {args.out}: {reason}; nothing was replaced")
            return EXIT_WRITE
    _say(f"{result.events} events and {result.references} reference dates from {result.extracted} articles "
         f"({result.clusters} happenings told by several) -> {args.out}")
    return EXIT_OK


def _clear(scratch: object) -> None:
    with contextlib.suppress(Exception):
        scratch.clear()  # type: ignore[attr-defined]


def _read_dataset(folder: Path) -> object:
    """A dataset folder back into the schema (for the TimelineJS export, which needs the whole table)."""
    import pandas as pd

    from timeline import schema
    from timeline.export import read_table

    tables = [read_table(p) for p in sorted(folder.glob("month=*/*.parquet"))]
    return pd.concat(tables, ignore_index=True) if tables else schema.empty_events()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline", description=__doc__.splitlines()[0],
                                     epilog="Exit codes: 0 done, 1 nothing to write, 2 bad arguments or input, "
                                            "3 writing failed, 4 internal error, 130 interrupted.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("timex", help="print the time expressions of a text file as JSON lines",
                       description="Exit 0 done, 2 bad arguments or an unreadable file, 4 internal error.")
    p.add_argument("--anchor", type=_iso_date, required=True, help="publication date, YYYY-MM-DD")
    p.add_argument("file", help="a UTF-8 text file, or - for standard input")
    p.set_defaults(func=cmd_timex)

    p = sub.add_parser("eval", help="score time expressions against gold data")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--gold", help="a gold file in the format of shared/gold/seeds.json")
    src.add_argument("--timeml", help="a folder of TimeML .tml files (searched recursively)")
    p.add_argument("--baseline", choices=["dateparser"], help="also score plain dateparser.search_dates")
    p.add_argument("--verbose", action="store_true", help="list each miss, wrong value and extra")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("extract", help="build the event table from articles",
                       description="Exit 0 written; 1 no article read or dated (nothing written); 2 bad arguments "
                                   "or an output that cannot be written (checked first); 3 writing failed "
                                   "(nothing replaced); 4 internal error.")
    p.add_argument("paths", nargs="+", help="files, folders or globs of articles (on Dask also fsspec URLs, "
                                            "such as s3://bucket/news/*.jsonl with s3fs installed)")
    p.add_argument("--out", required=True, help="events.csv, events.json or events.parquet (with --by-month: a folder)")
    p.add_argument("--anchor", action="append", default=[], metavar="FILE=DATE",
                   help="override a file's publication date (repeatable)")
    p.add_argument("--timelinejs", help="also write the Knight Lab TimelineJS JSON here")
    p.add_argument("--group", choices=["outlet", "actor"], default="outlet", help="TimelineJS groups (default: outlet)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--scheduler", default="auto", metavar="WHERE",
                   help="auto (default): a worker process per core, or this process alone for inputs under 2 MB; "
                        "local:N: a local Dask cluster of N workers; tcp://HOST:PORT: an existing dask.distributed "
                        "cluster (inputs, --out and --scratch on storage every worker sees); none: this process only")
    p.add_argument("--by-month", action="store_true",
                   help="write --out as a Parquet dataset folder, one month=YYYY-MM/ per month of the events' start")
    p.add_argument("--scratch", metavar="URL",
                   help="where partitions wait between rounds on Dask (default: a hidden folder beside --out, "
                        "removed after); a folder or an fsspec URL every worker can write")
    p.add_argument("--partition-mb", type=float, default=4.0, metavar="MB",
                   help="input per partition on Dask (default 4): a worker holds one partition at a time")
    p.set_defaults(func=cmd_extract)

    from timeline.store.arguments import add_parser as add_corpus_parser  # argparse only; the store loads on use

    add_corpus_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; whatever goes wrong is one line on stderr and an exit code (see the module's docstring)."""
    args = build_parser().parse_args(argv)  # a usage error is argparse's one line and exit 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of our output went away (`| head`): not our failure
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        _say(f"error: unexpected {type(exc).__name__}: {' '.join(str(exc).split())} (a bug: please report this line)")
        return EXIT_INTERNAL
