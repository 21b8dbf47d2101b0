"""Is every entity pass linear in the text? ``find_entities`` plus the per-event ``actors_and_places``.

Two workloads:

* the sentence "Russia Defense Ministry said on Friday." repeated to 40K / 80K / 160K characters, one
  event per sentence (the case users reported as quadratic: 1.8 / 8.8 / 38 s before);
* news text: the seeds plus the TimeML articles (TimeBank + AQUAINT), one event per sentence that
  holds a time expression, reported per article.

Times are CPU seconds (process time), steadier than wall time on a shared machine. For linear passes the
160K / 40K ratio is about 4 (quadratic would be 16). The one-time cost of building the gazetteer
(GeoNames, ISO 3166, the companies, the given names, the matcher) is reported apart.

    python benchmarks/bench_entities.py            # Markdown tables on stdout
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "Russia Defense Ministry said on Friday. "


def _timed(docs: list, sentences: dict[str, list[tuple[int, int]]]) -> tuple[float, float, int]:
    from timeline.entities import actors_and_places, find_entities

    started = time.process_time()
    mentions = find_entities(docs)
    found = time.process_time() - started
    started = time.process_time()
    rows = 0
    for doc in docs:
        for start, end in sentences[doc.doc_id]:
            actors_and_places(mentions[doc.doc_id], start, end)
            rows += 1
    return found, time.process_time() - started, rows


def repeated(sizes: list[int]) -> list[dict[str, float]]:
    from timeline.documents import Document

    out = []
    for size in sizes:
        text = (SENTENCE * (size // len(SENTENCE) + 1))[:size]
        doc = Document("repeated", text)
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
        find, per_event, rows = _timed([doc], {doc.doc_id: spans})
        out.append({"chars": size, "events": rows, "find": find, "events_s": per_event})
    return out


def news() -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from timeline import find_timexes, load_documents
    from timeline.sentences import split_sentences

    docs = list(load_documents(ROOT / "seeds"))
    timeml = ROOT.parent / "shared" / "timeml"
    if timeml.is_dir():
        from timeline.documents import Document
        from timeline.evaluation import load_timeml_folder

        docs += [Document(f"timeml-{t.doc_id}", t.text, published=t.anchor) for t in load_timeml_folder(timeml)]
    sentences = {}
    for doc in docs:
        timexes = find_timexes(doc.text, doc.published) if doc.published else []
        starts = {t.start_char for t in timexes}
        sentences[doc.doc_id] = [(s.start_char, s.end_char) for s in split_sentences(doc.text)
                                 if any(s.start_char <= t < s.end_char for t in starts)]
    find, per_event, rows = _timed(docs, sentences)
    return {"articles": len(docs), "chars": sum(len(d.text) for d in docs), "events": rows, "find": find,
            "events_s": per_event}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="40000,80000,160000")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    started = time.process_time()
    from timeline.documents import Document
    from timeline.entities import find_entities

    find_entities([Document("warm-up", "Officials in Kyiv said so. US envoy Keith Kellogg met Reuters (IAM) said.")])
    print(f"One-time cost (import and gazetteer build): {time.process_time() - started:.2f} s\n")
    sizes = [int(s) for s in args.sizes.split(",")]
    results = repeated(sizes)
    print("| characters | events | find_entities CPU s | actors_and_places CPU s | total CPU s | ratio to first |")
    print("|---:|---:|---:|---:|---:|---:|")
    first = results[0]["find"] + results[0]["events_s"]
    for r in results:
        total = r["find"] + r["events_s"]
        print(f"| {r['chars']:,} | {r['events']:,} | {r['find']:.3f} | {r['events_s']:.4f} | {total:.3f} "
              f"| {total / first:.1f}x |")
    n = news()
    per_article = (n["find"] + n["events_s"]) / n["articles"] * 1000
    print("\n| news articles | characters | events | find_entities CPU s | actors_and_places CPU s "
          "| CPU ms per article |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {n['articles']:,} | {n['chars']:,} | {n['events']:,} | {n['find']:.3f} | {n['events_s']:.4f} "
          f"| {per_article:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
