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


def cmd_extract(args: argparse.Namespace) -> int:
    """Build the event table from files and folders and write it out (owned by timeline.export)."""
    from timeline import export

    return export.run_cli(args)


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
