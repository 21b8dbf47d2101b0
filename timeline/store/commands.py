"""``python -m timeline corpus import|export``: the command line and the saved corpora meet.

``import PATH... --name NAME`` stores articles in a new corpus (or ``--into`` an existing one) and prints its
ids and dashboard links; ``export ID --out events.parquet`` rebuilds the corpus's event table from its
articles. Both use the database the dashboard uses (`timeline.store.config`), or ``--db URL``. Exit codes as
the rest of the command line: 0 done, 1 nothing to store or export, 2 bad arguments, input, id or database,
3 writing failed.
"""

from __future__ import annotations

import argparse
import os
import urllib.parse
from pathlib import Path

from timeline.cli import EXIT_NOTHING_READ, EXIT_OK, EXIT_USAGE, EXIT_WRITE, OutputError, _say, _staged, parse_anchors
from timeline.documents import load_corpus
from timeline.store import config, corpora, schema


def run(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    url = config.database_url() if args.db is None else config._with_driver(args.db)
    try:
        engine = config.make_engine(url)
        schema.migrate(engine)
        return cmd_import(args, engine) if args.action == "import" else cmd_export(args, engine)
    except corpora.StoreError as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE
    except (sa.exc.SQLAlchemyError, schema.SchemaTooNew) as exc:
        reason = " ".join(str(getattr(exc, "orig", None) or exc).split())[:300]
        _say(f"error: cannot use the corpus database {config.describe(url)}: {reason}")
        return EXIT_USAGE


def cmd_import(args: argparse.Namespace, engine) -> int:
    try:
        anchors = parse_anchors(args.anchor)
    except ValueError as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE
    if args.into:
        corpus = corpora.open_corpus(engine, args.into)  # refuses a read-only or unknown id before any reading
        if not corpus.can_edit:
            raise corpora.ReadOnly("--into needs the corpus's editing id, not its read-only id")
    loaded = load_corpus(args.paths, anchors)
    for error in loaded.errors:
        _say(f"skipped {error}")
    for warning in loaded.warnings:
        _say(f"warning: {warning}")
    if not loaded.documents:
        _say("error: no article could be read; no corpus made")
        return EXIT_NOTHING_READ
    if not args.into:
        corpus = corpora.create_corpus(engine, args.name or "")
    outcomes = corpora.add_documents(engine, corpus.edit_token, loaded.documents, source="command line")
    for doc, outcome in zip(loaded.documents, outcomes, strict=True):
        if outcome.status == "refused":
            _say(f"skipped {doc.where}: {outcome.reason}")
        elif doc.published is None:
            _say(f"no publication date for {doc.where}: give it in the dashboard's table of articles, "
                 f"or import again with --anchor {doc.doc_id}=YYYY-MM-DD")
    stored = [o for o in outcomes if o.status != "refused"]
    replaced = sum(o.status == "replaced" for o in stored)
    _say(f"{len(stored)} articles stored ({replaced} replaced an article of the same id), "
         f"{len(outcomes) - len(stored)} refused, in {config.describe(str(engine.url))}")
    base = args.app_url.rstrip("/") + "/"
    print(f"editing id:   {corpus.edit_token}")
    print(f"read-only id: {corpus.view_token}")
    print(f"editing link:   {base}?corpus={urllib.parse.quote(corpus.edit_token)}  (keep it private)")
    print(f"read-only link: {base}?corpus={urllib.parse.quote(corpus.view_token)}")
    return EXIT_OK if stored else EXIT_NOTHING_READ


def cmd_export(args: argparse.Namespace, engine) -> int:
    from timeline.export import check_format, write_table

    try:
        check_format(Path(args.out), "--out")
    except ValueError as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE
    corpus = corpora.open_corpus(engine, args.id)
    try:
        with _staged([(args.out, "--out")]) as staged:
            docs = corpora.documents(engine, corpus.token)
            dated = [d for d in docs if d.published is not None]
            for doc in docs:
                if doc.published is None:
                    _say(f"no publication date for {doc.doc_id}, so no events from it: give one in the dashboard")
            if not dated:
                _say("error: the corpus has no article with a publication date; nothing written")
                return EXIT_NOTHING_READ
            events = corpora.corpus_events(engine, corpus.token)
            for error in events.attrs.get("errors", []):
                _say(f"skipped {error}")
            try:
                write_table(events, staged[0][1])
                os.replace(staged[0][1], staged[0][0])
            except (OSError, ValueError) as exc:
                _say(f"error: cannot write {args.out}: {getattr(exc, 'strerror', None) or exc}; nothing was replaced")
                return EXIT_WRITE
    except OutputError as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE
    _say(f"{len(events)} rows from {len(dated)} articles of the corpus -> {args.out}")
    return EXIT_OK
