"""The ``corpus`` subcommand's arguments: argparse only, so building the command line's parser loads no database
code (that is `timeline.store.commands`, imported when the command runs)."""

from __future__ import annotations

import argparse

DEFAULT_APP_URL = "http://localhost:8501/"


def add_parser(sub: argparse._SubParsersAction) -> None:
    """The ``corpus`` subcommand's arguments (cli.py's parser calls this)."""
    p = sub.add_parser("corpus", help="store articles as a corpus the dashboard opens by link, or export its events",
                       description="Saved corpora: import articles into one and print its links, "
                                   "or export its event table.")
    actions = p.add_subparsers(dest="action", required=True)
    db = {"help": "database URL (default: $TIMELINE_DATABASE_URL, else the dashboard's SQLite file)"}
    i = actions.add_parser("import", help="store articles in a new corpus (or --into one) and print its links",
                           description="Exit 0 stored; 1 nothing could be read or stored; 2 bad arguments, id or "
                                       "database.")
    i.add_argument("paths", nargs="+", help="files or folders of articles")
    i.add_argument("--name", default="", help="a name shown with the corpus")
    i.add_argument("--into", metavar="EDIT_ID", help="add to this corpus (its editing id) instead of a new one")
    i.add_argument("--anchor", action="append", default=[], metavar="FILE=DATE", help="a file's publication date")
    i.add_argument("--app-url", default=DEFAULT_APP_URL, help=f"the dashboard's address (default {DEFAULT_APP_URL})")
    i.add_argument("--db", **db)
    e = actions.add_parser("export", help="write a corpus's event table",
                           description="Exit 0 written; 1 no dated article; 2 bad arguments, id or database; "
                                       "3 writing failed (nothing replaced).")
    e.add_argument("id", help="the corpus's editing or read-only id")
    e.add_argument("--out", required=True, help="events.parquet, events.csv or events.json")
    e.add_argument("--db", **db)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from timeline.store import commands

    return commands.run(args)
