"""Evaluation: score a time-expression finder against hand-checked gold data.

Two kinds of gold:

* the project's gold files (``shared/gold/seeds.json``): each expression with the inclusive
  calendar range it denotes. Only *dated* predictions count, since only they place events.
* TimeML corpora (TimeBank, AQUAINT, TempEval-3): TIMEX3 tags with ISO-TimeML values, the
  document creation time (DCT) as the anchor. Scored TempEval-3 style over all timex types.

Every scorer takes the finder as an argument, so the plain dateparser baseline and fakes in
tests are scored by the same code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.timex import Timex, find_timexes

Finder = Callable[[str, dt.date], list[Timex]]
PROJECT_SEEDS = Path(__file__).resolve().parents[1] / "seeds"


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]],
           same: Callable[[tuple[int, int], tuple[int, int]], bool]) -> dict[int, int]:
    """One-to-one matching of gold spans to predicted spans (gold index -> predicted index), in text order."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in used and same(g, p):
                pairs[gi] = pi
                used.add(pi)
                break
    return pairs


# --------------------------------------------------------------------------- the project's gold files


@dataclass(frozen=True)
class GoldExpression:
    text: str
    start_char: int
    end_char: int
    ranges: tuple[tuple[dt.date, dt.date], ...]  # the gold range first, then the accepted alternatives


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    text: str
    anchor: dt.date
    expressions: tuple[GoldExpression, ...]
    ignored: tuple[tuple[int, int, str], ...]


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold file; each document's text is found at its ``path`` (relative to the gold file), or in seeds/."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read gold file {path}: {exc}") from exc
    docs = []
    for entry in data["documents"]:
        candidates = [path.parent / entry.get("path", entry["id"]), PROJECT_SEEDS / entry["id"]]
        text_path = next((c for c in candidates if c.exists()), None)
        if text_path is None:
            raise ValueError(f"gold document {entry['id']}: text not found at {candidates[0]} nor in {PROJECT_SEEDS}")
        day = dt.date.fromisoformat
        expressions = tuple(
            GoldExpression(g["text"], g["start_char"], g["end_char"],
                           ((day(g["start"]), day(g["end"])), *((day(a), day(b)) for a, b in g.get("accept", []))))
            for g in entry["timexes"]
        )
        ignored = tuple((g["start_char"], g["end_char"], g["text"]) for g in entry.get("ignore", []))
        docs.append(GoldDocument(entry["id"], text_path.read_text(encoding="utf-8"), day(entry["published"]),
                                 expressions, ignored))
    return docs


@dataclass
class GoldReport:
    """Extent and value scores over dated predictions, with every miss, wrong value and extra."""

    name: str
    extent: PRF = PRF(0, 0, 0)
    value: PRF = PRF(0, 0, 0)
    dated_on_ignored: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def score_gold(documents: Iterable[GoldDocument], finder: Finder = find_timexes, name: str = "timeline") -> GoldReport:
    """Extent match = spans overlap; value match = same inclusive range as gold or an accepted one."""
    report = GoldReport(name)
    matched = value_ok = predicted = gold_count = 0
    for doc in documents:
        preds = [t for t in finder(doc.text, doc.anchor) if t.is_dated]
        on_ignored = [t for t in preds if any(_overlaps((t.start_char, t.end_char), i[:2]) for i in doc.ignored)]
        report.dated_on_ignored += len(on_ignored)
        preds = [t for t in preds if t not in on_ignored]
        gold_spans = [(g.start_char, g.end_char) for g in doc.expressions]
        pairs = _match(gold_spans, [(t.start_char, t.end_char) for t in preds], _overlaps)
        predicted += len(preds)
        gold_count += len(gold_spans)
        matched += len(pairs)
        for gi, g in enumerate(doc.expressions):
            if gi not in pairs:
                report.misses.append(f"{doc.doc_id}: missed {g.text!r} at {g.start_char} (gold {g.ranges[0][0]}..{g.ranges[0][1]})")
                continue
            t = preds[pairs[gi]]
            if (t.start, t.end) in g.ranges:
                value_ok += 1
            else:
                report.wrong.append(f"{doc.doc_id}: {g.text!r} -> {t.start}..{t.end}, gold {g.ranges[0][0]}..{g.ranges[0][1]}"
                                    f" [{t.rule}]")
        used = set(pairs.values())
        for pi, t in enumerate(preds):
            if pi not in used:
                report.extras.append(f"{doc.doc_id}: extra {t.text!r} at {t.start_char} -> {t.start}..{t.end} [{t.rule}]")
        for t in on_ignored:
            report.extras.append(f"{doc.doc_id}: dated an ignored expression {t.text!r} -> {t.start}..{t.end} [{t.rule}]")
    report.extent = PRF(matched, predicted, gold_count)
    report.value = PRF(value_ok, predicted, gold_count)
    return report


# --------------------------------------------------------------------------- the plain dateparser baseline


def dateparser_baseline(text: str, anchor: dt.date) -> list[Timex]:
    """Plain ``dateparser.search_dates`` (RELATIVE_BASE = anchor, past preferred, English), as day-precise Timexes."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(anchor, dt.time())
    try:
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    except Exception:  # noqa: BLE001 - the baseline is scored as it behaves, crashes included as "nothing found"
        found = None
    out: list[Timex] = []
    cursor = 0
    for substring, moment in found or []:
        start = text.find(substring, cursor)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        cursor = start + len(substring)
        day = moment.date()
        out.append(Timex(substring, start, start + len(substring), "DATE", day.isoformat(), day, day, "day",
                         "dateparser.search_dates", anchor))
    return out


FINDERS: dict[str, Finder] = {"timeline": find_timexes, "dateparser": dateparser_baseline}


# --------------------------------------------------------------------------- TimeML


@dataclass(frozen=True)
class TimemlTimex:
    start_char: int
    end_char: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimemlDocument:
    path: Path
    anchor: dt.date
    text: str
    timexes: tuple[TimemlTimex, ...]


_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TOKEN = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>|<[^>]+>|[^<]+", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_timeml(path: str | Path) -> TimemlDocument:
    """The TEXT element as plain text, its TIMEX3 tags with offsets into it, and the DCT as anchor."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    dct = _DCT.search(raw)
    body = _TEXT.search(raw)
    if not dct or not body:
        raise ValueError(f"{path}: no CREATION_TIME TIMEX3 or no TEXT element")
    anchor = dt.date.fromisoformat(dict(_ATTR.findall(dct.group(0)))["value"][:10])
    pieces: list[str] = []
    timexes: list[TimemlTimex] = []
    offset = 0
    for token in _TOKEN.finditer(body.group(1)):
        if token.group(1) is not None:
            attrs = dict(_ATTR.findall(token.group(1)))
            inner = html.unescape(re.sub(r"<[^>]+>", "", token.group(2)))
            timexes.append(TimemlTimex(offset, offset + len(inner), inner, attrs.get("type", ""),
                                       attrs.get("value", "").strip()))
        elif token.group(0).startswith("<"):
            continue
        else:
            inner = html.unescape(token.group(0))
        pieces.append(inner)
        offset += len(inner)
    return TimemlDocument(path, anchor, "".join(pieces), tuple(timexes))


@dataclass
class TimemlReport:
    """TempEval-3 figures: strict and relaxed extent F1, value and type accuracy on relaxed matches."""

    name: str
    documents: int = 0
    strict: PRF = PRF(0, 0, 0)
    relaxed: PRF = PRF(0, 0, 0)
    value_correct: int = 0
    type_correct: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed.correct if self.relaxed.correct else 0.0

    @property
    def value_f1(self) -> float:
        """TempEval-3's attribute F1: attribute accuracy on relaxed matches times relaxed extent F1."""
        return self.value_accuracy * self.relaxed.f1

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed.correct if self.relaxed.correct else 0.0


def score_timeml(documents: Iterable[TimemlDocument], finder: Finder = find_timexes,
                 name: str = "timeline") -> TimemlReport:
    report = TimemlReport(name)
    strict = relaxed = predicted = gold_count = 0
    for doc in documents:
        report.documents += 1
        preds = finder(doc.text, doc.anchor)
        gold_spans = [(g.start_char, g.end_char) for g in doc.timexes]
        pred_spans = [(t.start_char, t.end_char) for t in preds]
        predicted += len(preds)
        gold_count += len(gold_spans)
        strict += len(_match(gold_spans, pred_spans, lambda g, p: g == p))
        pairs = _match(gold_spans, pred_spans, _overlaps)
        relaxed += len(pairs)
        where = doc.path.name
        for gi, g in enumerate(doc.timexes):
            if gi not in pairs:
                report.errors.append(f"{where}: missed {g.text!r} {g.type} {g.value}")
                continue
            t = preds[pairs[gi]]
            report.type_correct += t.type == g.type
            if t.value == g.value:
                report.value_correct += 1
            else:
                report.errors.append(f"{where}: {g.text!r} gold {g.value}, got {t.text!r} {t.value} [{t.rule}]")
        used = set(pairs.values())
        report.errors.extend(f"{where}: extra {t.text!r} {t.type} {t.value}" for i, t in enumerate(preds) if i not in used)
    report.strict = PRF(strict, predicted, gold_count)
    report.relaxed = PRF(relaxed, predicted, gold_count)
    return report


def timeml_corpora(root: str | Path) -> dict[str, list[TimemlDocument]]:
    """The .tml files under ``root``, grouped by their folder below it (one group when they lie in root)."""
    root = Path(root)
    files = sorted(root.rglob("*.tml"))
    if not files:
        raise ValueError(f"no .tml files under {root}")
    groups: dict[str, list[TimemlDocument]] = {}
    for file in files:
        relative = file.relative_to(root)
        group = relative.parts[0] if len(relative.parts) > 1 else root.name
        groups.setdefault(group, []).append(parse_timeml(file))
    return groups


# --------------------------------------------------------------------------- command line


def run_cli(args: argparse.Namespace) -> int:
    """``python -m timeline eval``: print the figures; --verbose lists each error."""
    names = ["timeline"] + ([args.baseline] if args.baseline else [])
    try:
        if args.gold:
            documents = load_gold(args.gold)
            reports = [score_gold(documents, FINDERS[n], n) for n in names]
            _print_gold(reports, verbose=args.verbose)
        else:
            groups = timeml_corpora(args.timeml)
            if len(groups) > 1:
                groups["ALL"] = [d for docs in groups.values() for d in docs]
            for group, documents in groups.items():
                _print_timeml(group, [score_timeml(documents, FINDERS[n], n) for n in names], verbose=args.verbose)
    except (ValueError, KeyError, OSError) as exc:
        print(f"error: {exc}")
        return 2
    return 0


def _print_gold(reports: list[GoldReport], verbose: bool) -> None:
    print(f"{'':12} {'extent P':>9} {'R':>6} {'F1':>6}   {'value P':>8} {'R':>6} {'F1':>6}   dated-on-ignored")
    for r in reports:
        print(f"{r.name:12} {r.extent.precision:9.3f} {r.extent.recall:6.3f} {r.extent.f1:6.3f}   "
              f"{r.value.precision:8.3f} {r.value.recall:6.3f} {r.value.f1:6.3f}   {r.dated_on_ignored}")
    if verbose:
        for r in reports:
            print(f"\n== {r.name}")
            for line in r.misses + r.wrong + r.extras:
                print("  " + line)


def _print_timeml(group: str, reports: list[TimemlReport], verbose: bool) -> None:
    print(f"{group} ({reports[0].documents} documents, {reports[0].relaxed.gold} TIMEX3)")
    print(f"  {'':12} {'strict F1':>9} {'relaxed P':>9} {'R':>6} {'F1':>6}   {'value acc':>9} {'value F1':>8}  type acc")
    for r in reports:
        print(f"  {r.name:12} {r.strict.f1:9.3f} {r.relaxed.precision:9.3f} {r.relaxed.recall:6.3f} {r.relaxed.f1:6.3f}   "
              f"{r.value_accuracy:9.3f} {r.value_f1:8.3f}  {r.type_accuracy:.3f}")
    if verbose and group != "ALL":
        for r in reports:
            for line in r.errors:
                print(f"    [{r.name}] {line}")
