"""Validate a story folder's gold.json against its article files and metadata.json.

Run: python tests/data/story/check_gold.py   (exits non-zero and lists problems on failure)
Other story folders reuse these checks by calling ``main(folder)`` (see tests/data/story2/check_gold.py).
Checks: every doc named in gold.json is in metadata.json and exists; every quote is 10-80 characters,
occurs exactly once in its doc and lies inside one sentence; every event timex occurs in that sentence;
every entity actor/place (or one of its aliases) occurs in that sentence; mentions of multi-article
events come from at least two different docs.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ABBREV = {
    "p.m.",
    "a.m.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Aug.",
    "Dec.",
    "Jan.",
    "Mich.",
    "Tenn.",
    "Co.",
    "Ky.",
    "Ill.",
    "U.S.",
    "Mr.",
    "Gov.",
    "Mo.",
    "Pa.",
    "St.",
    "Jr.",
    "Inc.",
    "No.",
    "Va.",
    "Wis.",
    "Calif.",
    "Md.",
    "Capt.",
    "Col.",
    "Cmdr.",
    "Adm.",
    "Gen.",
    "Lt.",
    "Sen.",
    "Sens.",
    "Rep.",
    "Ltd.",
    "D.C.",
}
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z“\"(\[])")


def sentences(text):
    """(start, end) offsets of sentences: paragraphs split at . ! ? unless the word before is an abbreviation."""
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for b in BOUNDARY.finditer(para.group()):
            cut = para.start() + b.start()
            words = text[start:cut].split()
            last = words[-1] if words else ""
            last = last.rstrip('"”’)')
            if last in ABBREV or re.fullmatch(r"[A-Z]\.", last) or last.endswith("..."):
                continue
            spans.append((start, cut))
            start = para.start() + b.end()
        spans.append((start, para.end()))
    return spans


def sentence_of(text, quote):
    i = text.find(quote)
    for s, e in sentences(text):
        if s <= i and i + len(quote) <= e:
            return text[s:e]
    return None


def main(folder=HERE):
    """Check the story in ``folder`` (this file's folder by default); exit 1 listing the problems."""
    folder = Path(folder)
    articles = folder / "articles"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    meta = json.loads((articles / "metadata.json").read_text(encoding="utf-8"))
    aliases = gold.get("aliases", {})
    problems = []
    texts = {}
    for name in meta:
        p = articles / name
        if not p.exists():
            problems.append(f"metadata names missing file {name}")
        else:
            texts[name] = p.read_text(encoding="utf-8")
    for p in articles.glob("*.txt"):
        if p.name not in meta:
            problems.append(f"{p.name} is not in metadata.json")

    def check_quote(doc, quote, where):
        if doc not in texts:
            problems.append(f"{where}: doc {doc} not in metadata.json")
            return None
        if not 10 <= len(quote) <= 80:
            problems.append(f"{where}: quote length {len(quote)} not in 10..80: {quote!r}")
        n = texts[doc].count(quote)
        if n != 1:
            problems.append(f"{where}: quote occurs {n} times in {doc}: {quote!r}")
            return None
        sent = sentence_of(texts[doc], quote)
        if sent is None:
            problems.append(f"{where}: quote spans a sentence boundary in {doc}: {quote!r}")
        return sent

    ids = set()
    for ev in gold["events"]:
        if ev["id"] in ids:
            problems.append(f"duplicate event id {ev['id']}")
        ids.add(ev["id"])
        docs = {mm["doc"] for mm in ev["mentions"]}
        if ev["id"].startswith("x-"):
            if len(ev["mentions"]) != 1:
                problems.append(f"{ev['id']}: confusable events have one mention")
        elif len(docs) < 2:
            problems.append(f"{ev['id']}: multi-article event mentioned by {len(docs)} doc(s)")
        for k, mm in enumerate(ev["mentions"]):
            where = f"{ev['id']}[{k}]"
            sent = check_quote(mm["doc"], mm["quote"], where)
            if sent is not None and mm["timex"] not in sent:
                problems.append(f"{where}: timex {mm['timex']!r} not in sentence {sent!r}")

    seen = set()
    for k, ent in enumerate(gold["entities"]):
        where = f"entities[{k}]"
        key = (ent["doc"], ent["quote"])
        if key in seen:
            problems.append(f"{where}: duplicate entity sentence")
        seen.add(key)
        sent = check_quote(ent["doc"], ent["quote"], where)
        if sent is None:
            continue
        for name in ent["actors"] + ent["places"]:
            forms = [name, *aliases.get(name, [])]
            if not any(f in sent for f in forms):
                problems.append(f"{where}: {name!r} (or an alias) not in sentence {sent!r}")

    if problems:
        print("\n".join(problems))
        sys.exit(1)
    multi = [e for e in gold["events"] if not e["id"].startswith("x-")]
    print(
        f"ok: {len(texts)} docs, {len(multi)} multi-article events "
        f"({sum(len(e['mentions']) for e in multi)} mentions), "
        f"{len(gold['events']) - len(multi)} confusable single-article events, "
        f"{len(gold['entities'])} entity sentences"
    )


if __name__ == "__main__":
    main()
