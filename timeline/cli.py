"""Command line: ``python -m timeline timex|eval|extract``. Parses arguments, calls the library.

Each subcommand is one function taking the parsed arguments and returning an exit code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.documents import Document


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (want YYYY-MM-DD): {value!r}") from None


def cmd_timex(args: argparse.Namespace) -> int:
    """Print one JSON object per time expression found in FILE."""
    from timeline.timex import find_timexes, timex_to_dict

    path = Path(args.file)
    try:
        text = sys.stdin.read() if args.file == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    for timex in find_timexes(text, args.anchor):
        print(json.dumps(timex_to_dict(timex), ensure_ascii=False))
    return 0


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


def cmd_extract(args: argparse.Namespace) -> int:
    """``python -m timeline extract PATH... --out FILE``: one clear line per problem, the batch goes on.

    Exit 0 when a table was written, 1 when no article could be read, 2 for bad arguments or an
    unwritable output.
    """
    from tqdm import tqdm

    from timeline.documents import load_corpus
    from timeline.events import extract_events
    from timeline.export import check_format, write_table, write_timelinejs
    from timeline.timex import MAX_TEXT_CHARS

    try:
        anchors = parse_anchors(args.anchor)
        check_format(Path(args.out), "--out")
        if args.timelinejs and Path(args.timelinejs).suffix.lower() != ".json":
            raise ValueError(f"--timelinejs {args.timelinejs}: want a .json file")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    loaded = load_corpus(args.paths, anchors)
    for error in loaded.errors:
        print(f"skipped {error}", file=sys.stderr)
    for name in _unmatched_anchors(args.anchor, loaded.documents):
        print(f"warning: --anchor {name}=...: no article of that name was read", file=sys.stderr)
    documents = []
    for doc in loaded.documents:
        if doc.published is None:
            print(f"no publication date for {doc.path or doc.doc_id}, so no events from it: "
                  f"give one with --anchor {doc.doc_id}=YYYY-MM-DD", file=sys.stderr)
        elif len(doc.text) > MAX_TEXT_CHARS:
            print(f"skipped {doc.path or doc.doc_id}: {len(doc.text):,} characters is over the "
                  f"{MAX_TEXT_CHARS:,} limit; split it", file=sys.stderr)
        else:
            documents.append(doc)
    if not loaded.documents:
        print("error: no article could be read; nothing written", file=sys.stderr)
        return 1
    show = not args.no_progress and sys.stderr.isatty()
    with tqdm(total=len(documents), unit="article", disable=not show, file=sys.stderr) as bar:
        events = extract_events(documents, progress=lambda _: bar.update())
    try:
        write_table(events, args.out)
        if args.timelinejs:
            write_timelinejs(events, args.timelinejs, group_by=args.group)
    except OSError as exc:
        print(f"error: cannot write {exc.filename or args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    clusters = events.loc[events["n_sources"] > 1, "cluster_id"].nunique()
    print(f"{len(events)} events from {len(loaded.documents)} articles ({clusters} told by several) -> {args.out}",
          file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("timex", help="print the time expressions of a text file as JSON lines")
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

    p = sub.add_parser("extract", help="build the event table from articles")
    p.add_argument("paths", nargs="+", help="files or folders of articles")
    p.add_argument("--out", required=True, help="events.csv, events.json or events.parquet")
    p.add_argument("--anchor", action="append", default=[], metavar="FILE=DATE",
                   help="override a file's publication date (repeatable)")
    p.add_argument("--timelinejs", help="also write the Knight Lab TimelineJS JSON here")
    p.add_argument("--group", choices=["outlet", "actor"], default="outlet", help="TimelineJS groups (default: outlet)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
