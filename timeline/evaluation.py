"""Scoring of time-expression finders: against the seeds gold file and against TimeML corpora.

Every scorer takes the finder (``(text, anchor) -> list[Timex]``) as a parameter, so tests can
inject fakes and the plain ``dateparser`` baseline can be scored beside ours with the same code.

Seeds gold (``shared/gold/seeds.json``): only *dated* predictions count, since only they can
place an event; an extent matches when the spans overlap, a value when the inclusive calendar
range equals the gold one (or one of its ``accept`` ranges). Predictions overlapping an
``ignore`` expression (durations, rates, "now") count neither way, but a *dated* one is
reported apart: giving such an expression a calendar date would invent an event.

TimeML (TempEval-3 style): strict extent = identical offsets, relaxed = overlap, both matched
one-to-one, over all TIMEX3 types in the TEXT element (the DCT is the anchor, not a target).
Attribute scores follow the TempEval-3 scorer (``evaluate_entities.py``, UzZaman et al. 2013):
accuracy = correct attribute / relaxed matches, and attribute F1 = accuracy x relaxed F1 (the
same as the F1 of accuracy-scaled relaxed precision and recall).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.timex import Timex, find_timexes

Finder = Callable[[str, dt.date], list[Timex]]

PROJECT_SEEDS = Path(__file__).resolve().parents[1] / "seeds"


# --------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class PRF:
    """Matched / predicted / gold counts; precision, recall and F1 derive from them."""

    matched_pred: int
    predicted: int
    matched_gold: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.matched_pred + other.matched_pred, self.predicted + other.predicted,
                   self.matched_gold + other.matched_gold, self.gold + other.gold)


ZERO = PRF(0, 0, 0, 0)


@dataclass(frozen=True)
class Issue:
    """One thing ``--verbose`` lists: a miss, an extra, a wrong value or a dated ignored span."""

    doc_id: str
    kind: str  # "miss", "extra", "wrong value", "wrong type", "dated ignored"
    text: str
    start_char: int
    predicted: str = ""
    gold: str = ""
    rule: str = ""

    def describe(self) -> str:
        parts = [f"{self.doc_id} @{self.start_char}", f"{self.kind}:", repr(self.text)]
        if self.predicted:
            parts.append(f"predicted {self.predicted}")
        if self.gold:
            parts.append(f"gold {self.gold}")
        if self.rule:
            parts.append(f"[rule: {self.rule}]")
        return " ".join(parts)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _match_overlapping(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> dict[int, int]:
    """One-to-one pairs gold index -> prediction index of overlapping spans, largest overlap first."""
    pairs = sorted(((_overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                    if _overlap(g, p) > 0), key=lambda t: (-t[0], t[1], t[2]))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


def _range(start: dt.date | None, end: dt.date | None) -> str:
    if start is None or end is None:
        return "(undated)"
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


# --------------------------------------------------------------------------- seeds gold


@dataclass(frozen=True)
class GoldTimex:
    text: str
    start_char: int
    end_char: int
    start: dt.date
    end: dt.date
    value: str
    accept: tuple[tuple[dt.date, dt.date], ...] = ()

    def accepts(self, start: dt.date | None, end: dt.date | None) -> bool:
        return (start, end) == (self.start, self.end) or (start, end) in self.accept


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    text: str
    anchor: dt.date
    timexes: tuple[GoldTimex, ...]
    ignore: tuple[tuple[int, int, str], ...]  # start_char, end_char, text


@dataclass(frozen=True)
class GoldScore:
    documents: int
    extent: PRF
    value: PRF
    dated_on_ignored: int
    issues: tuple[Issue, ...] = field(default=(), repr=False)


def _date(value: object, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"{where}: not a YYYY-MM-DD date: {value!r}") from None


def _document_text(gold_path: Path, entry: dict) -> str:
    """The text at ``path`` relative to the gold file; failing that, the project's ``seeds/<id>``."""
    candidates = []
    if entry.get("path"):
        candidates.append(gold_path.parent / entry["path"])
    candidates.append(PROJECT_SEEDS / str(entry["id"]))
    for candidate in candidates:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"gold document {entry['id']!r}: text not found (tried {tried})")


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold file in the format of ``shared/gold/seeds.json``; checks offsets against the texts."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FileNotFoundError(f"cannot read gold file {path}: {exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"gold file {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise ValueError(f"gold file {path}: expected an object with a 'documents' list")
    docs = []
    for i, entry in enumerate(data["documents"]):
        where = f"gold file {path}, document {i}"
        try:
            doc_id = str(entry["id"])
            if not entry.get("published"):
                raise ValueError(f"{where} ({doc_id}): no 'published' date to anchor it")
            anchor = _date(entry["published"], f"{where} ({doc_id}) published")
            text = _document_text(path, entry)
            timexes = tuple(
                GoldTimex(str(g["text"]), int(g["start_char"]), int(g["end_char"]),
                          _date(g["start"], f"{where} {g['text']!r} start"),
                          _date(g["end"], f"{where} {g['text']!r} end"), str(g.get("value", "")),
                          tuple((_date(a, where), _date(b, where)) for a, b in g.get("accept", [])))
                for g in entry.get("timexes", []))
            ignore = tuple((int(g["start_char"]), int(g["end_char"]), str(g["text"])) for g in entry.get("ignore", []))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{where}: malformed entry ({exc!r})") from None
        for start, end, expected in [(g.start_char, g.end_char, g.text) for g in timexes] + list(ignore):
            if text[start:end] != expected:
                raise ValueError(f"{where} ({doc_id}): offsets {start}-{end} give {text[start:end]!r}, "
                                 f"the gold says {expected!r}: gold and text disagree")
        docs.append(GoldDocument(doc_id, text, anchor, timexes, ignore))
    return docs


def score_document(doc: GoldDocument, predictions: Iterable[Timex]) -> GoldScore:
    """Score one document's predictions; see the module docstring for the rules."""
    dated: list[Timex] = []
    issues: list[Issue] = []
    on_ignored = 0
    for t in predictions:
        if t.start is None or t.end is None:
            continue
        if any(_overlap((s, e), (t.start_char, t.end_char)) > 0 for s, e, _ in doc.ignore):
            on_ignored += 1
            issues.append(Issue(doc.doc_id, "dated ignored", t.text, t.start_char,
                                predicted=_range(t.start, t.end), rule=t.rule))
        else:
            dated.append(t)
    pairs = _match_overlapping([(g.start_char, g.end_char) for g in doc.timexes],
                               [(t.start_char, t.end_char) for t in dated])
    value_ok = 0
    for gi, g in enumerate(doc.timexes):
        gold_range = _range(g.start, g.end) + (f" (value {g.value})" if g.value else "")
        if gi not in pairs:
            issues.append(Issue(doc.doc_id, "miss", g.text, g.start_char, gold=gold_range))
            continue
        t = dated[pairs[gi]]
        if g.accepts(t.start, t.end):
            value_ok += 1
        else:
            issues.append(Issue(doc.doc_id, "wrong value", t.text, t.start_char,
                                predicted=_range(t.start, t.end), gold=f"{gold_range} for {g.text!r}", rule=t.rule))
    matched = set(pairs.values())
    issues.extend(Issue(doc.doc_id, "extra", t.text, t.start_char, predicted=_range(t.start, t.end), rule=t.rule)
                  for pi, t in enumerate(dated) if pi not in matched)
    issues.sort(key=lambda i: i.start_char)
    n_gold, n_pred = len(doc.timexes), len(dated)
    return GoldScore(1, PRF(len(pairs), n_pred, len(pairs), n_gold), PRF(value_ok, n_pred, value_ok, n_gold),
                     on_ignored, tuple(issues))


def score_gold(documents: Iterable[GoldDocument], finder: Finder = find_timexes) -> GoldScore:
    """Micro-averaged extent and value scores of ``finder`` over the gold documents."""
    extent, value, ignored, n, issues = ZERO, ZERO, 0, 0, []
    for doc in documents:
        s = score_document(doc, finder(doc.text, doc.anchor))
        extent, value, ignored, n = extent + s.extent, value + s.value, ignored + s.dated_on_ignored, n + 1
        issues.extend(s.issues)
    return GoldScore(n, extent, value, ignored, tuple(issues))


# --------------------------------------------------------------------------- dateparser baseline


def dateparser_baseline(text: str, anchor: dt.date) -> list[Timex]:
    """Plain ``dateparser.search.search_dates``, as a user would call it, wrapped into day Timexes.

    The substrings it returns are located in order in the text; one that cannot be found
    (dateparser altered it) is dropped rather than given a made-up position. The settings are
    the ones a user would reach for first: the publication date as base, past preferred.
    """
    from dateparser.search import search_dates

    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not isinstance(anchor, dt.date):
        raise TypeError(f"anchor must be a datetime.date, not {type(anchor).__name__}")
    anchor = anchor.date() if isinstance(anchor, dt.datetime) else anchor
    base = dt.datetime.combine(anchor, dt.time())
    try:
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    except Exception:  # the baseline is scored as it behaves: a crash counts as nothing found
        found = None
    out: list[Timex] = []
    pos = 0
    for substring, when in found or []:
        start = _locate(text, substring, pos)
        if start < 0:
            continue
        end = start + len(substring)
        pos = end
        day = when.date()
        out.append(Timex(text=substring, start_char=start, end_char=end, type="DATE", value=day.isoformat(),
                         start=day, end=day, granularity="day", rule="dateparser.search_dates",
                         anchor=anchor))
    return out


def _locate(text: str, substring: str, pos: int) -> int:
    """Where ``substring`` occurs from ``pos`` on, as whole words if it can ("we", not the "we" of "week")."""
    whole = re.compile(rf"(?<!\w){re.escape(substring)}(?!\w)")
    for start in (pos, 0):
        if match := whole.search(text, start):
            return match.start()
    found = text.find(substring, pos)
    return found if found >= 0 else text.find(substring)


# --------------------------------------------------------------------------- TimeML


@dataclass(frozen=True)
class TimemlTimex:
    text: str
    start_char: int
    end_char: int
    type: str
    value: str


@dataclass(frozen=True)
class TimemlDocument:
    doc_id: str
    subset: str  # the first folder under the corpus root ("TimeBank", "AQUAINT"), "" at the root
    text: str  # the TEXT element's plain text, tags stripped
    anchor: dt.date  # the date of the DCT (functionInDocument="CREATION_TIME")
    timexes: tuple[TimemlTimex, ...]


def _plain_text(element: ET.Element) -> tuple[str, list[TimemlTimex]]:
    """Plain text of ``element`` with the offsets of the TIMEX3 elements inside it."""
    chunks: list[str] = []
    timexes: list[TimemlTimex] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            chunks.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                chunks.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3" and node is not element:
            timexes.append(TimemlTimex("".join(chunks)[start:length], start, length,
                                       node.get("type", ""), node.get("value", "")))

    walk(element)
    timexes.sort(key=lambda t: t.start_char)
    return "".join(chunks), timexes


def load_timeml(path: str | Path, subset: str = "") -> TimemlDocument:
    """Parse one ``.tml`` file; ValueError names the file when it is not usable TimeML."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise ValueError(f"{path}: not readable TimeML XML: {exc}") from None
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no TEXT element")
    dct = next((t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    if dct is None or not dct.get("value"):
        raise ValueError(f"{path}: no DCT (TIMEX3 functionInDocument=\"CREATION_TIME\") to anchor it")
    anchor = _date(dct.get("value"), f"{path}: DCT value")
    text, timexes = _plain_text(text_el)
    return TimemlDocument(path.stem, subset, text, anchor, tuple(timexes))


def load_timeml_folder(folder: str | Path) -> list[TimemlDocument]:
    """Every ``.tml`` file under ``folder`` (recursively), in path order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"not a folder: {folder}")
    paths = sorted(folder.rglob("*.tml"))
    if not paths:
        raise FileNotFoundError(f"no .tml files under {folder}")
    docs = []
    for p in paths:
        rel = p.relative_to(folder).parts
        docs.append(load_timeml(p, rel[0] if len(rel) > 1 else ""))
    return docs


@dataclass(frozen=True)
class TimemlScore:
    documents: int
    strict: PRF
    relaxed: PRF
    value_correct: int
    type_correct: int
    issues: tuple[Issue, ...] = field(default=(), repr=False)

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed.matched_gold if self.relaxed.matched_gold else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed.matched_gold if self.relaxed.matched_gold else 0.0

    @property
    def value_f1(self) -> float:
        """TempEval-3's value F1: value accuracy over relaxed matches times relaxed F1."""
        return self.value_accuracy * self.relaxed.f1

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed.f1

    def __add__(self, other: TimemlScore) -> TimemlScore:
        return TimemlScore(self.documents + other.documents, self.strict + other.strict,
                           self.relaxed + other.relaxed, self.value_correct + other.value_correct,
                           self.type_correct + other.type_correct, self.issues + other.issues)


EMPTY_TIMEML = TimemlScore(0, ZERO, ZERO, 0, 0)


def score_timeml_document(doc: TimemlDocument, predictions: Sequence[Timex]) -> TimemlScore:
    gold_spans = [(g.start_char, g.end_char) for g in doc.timexes]
    pred_spans = [(t.start_char, t.end_char) for t in predictions]
    strict_hits = len(set(gold_spans) & set(pred_spans))
    pairs = _match_overlapping(gold_spans, pred_spans)
    issues: list[Issue] = []
    value_ok = type_ok = 0
    for gi, g in enumerate(doc.timexes):
        if gi not in pairs:
            issues.append(Issue(doc.doc_id, "miss", g.text, g.start_char, gold=f"{g.type} {g.value}"))
            continue
        t = predictions[pairs[gi]]
        if t.value.strip() == g.value.strip():
            value_ok += 1
        else:
            issues.append(Issue(doc.doc_id, "wrong value", t.text, t.start_char, predicted=f"{t.type} {t.value}",
                                gold=f"{g.type} {g.value} for {g.text!r}", rule=t.rule))
        if t.type == g.type:
            type_ok += 1
    matched = set(pairs.values())
    for pi, t in enumerate(predictions):
        if pi not in matched:
            issues.append(Issue(doc.doc_id, "extra", t.text, t.start_char, predicted=f"{t.type} {t.value}",
                                rule=t.rule))
    issues.sort(key=lambda i: i.start_char)
    n_gold, n_pred = len(gold_spans), len(pred_spans)
    return TimemlScore(1, PRF(strict_hits, n_pred, strict_hits, n_gold), PRF(len(pairs), n_pred, len(pairs), n_gold),
                       value_ok, type_ok, tuple(issues))


def score_timeml(documents: Iterable[TimemlDocument], finder: Finder = find_timexes) -> dict[str, TimemlScore]:
    """Scores per subset (when the corpus has subfolders) and ``"overall"``."""
    by_subset: dict[str, TimemlScore] = {}
    for doc in documents:
        s = score_timeml_document(doc, list(finder(doc.text, doc.anchor)))
        by_subset[doc.subset] = by_subset.get(doc.subset, EMPTY_TIMEML) + s
    overall = sum(by_subset.values(), EMPTY_TIMEML)
    out = {name or "(top folder)": score for name, score in sorted(by_subset.items())} if len(by_subset) > 1 or \
        "" not in by_subset else {}
    out["overall"] = overall
    return out


# --------------------------------------------------------------------------- report


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = [str(r[0]).ljust(widths[0])] + [str(c).rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def format_gold(scores: dict[str, GoldScore]) -> str:
    """Engines side by side: one column per finder."""
    names = list(scores)
    s = list(scores.values())

    def row(label: str, get: Callable[[GoldScore], object]) -> list[str]:
        return [label] + [f"{v:.3f}" if isinstance(v, float) else str(v) for v in map(get, s)]

    rows = [
        row("extent precision", lambda x: x.extent.precision), row("extent recall", lambda x: x.extent.recall),
        row("extent F1", lambda x: x.extent.f1), row("value precision", lambda x: x.value.precision),
        row("value recall", lambda x: x.value.recall), row("value F1", lambda x: x.value.f1),
        row("gold expressions", lambda x: x.extent.gold), row("dated predictions", lambda x: x.extent.predicted),
        row("value-correct", lambda x: x.value.matched_gold),
        row("dated predictions on ignored", lambda x: x.dated_on_ignored),
    ]
    return _table(["", *names], rows)


def format_timeml(scores: dict[str, dict[str, TimemlScore]]) -> str:
    """One table per subset, engines as columns."""
    names = list(scores)
    subsets = list(next(iter(scores.values())))
    blocks = []
    for subset in subsets:
        s = [scores[n][subset] for n in names]

        def row(label: str, get: Callable[[TimemlScore], object], s: list[TimemlScore] = s) -> list[str]:
            return [label] + [f"{v:.3f}" if isinstance(v, float) else str(v) for v in map(get, s)]

        rows = [
            row("strict P", lambda x: x.strict.precision), row("strict R", lambda x: x.strict.recall),
            row("strict F1", lambda x: x.strict.f1), row("relaxed P", lambda x: x.relaxed.precision),
            row("relaxed R", lambda x: x.relaxed.recall), row("relaxed F1", lambda x: x.relaxed.f1),
            row("value accuracy", lambda x: x.value_accuracy), row("value F1", lambda x: x.value_f1),
            row("type accuracy", lambda x: x.type_accuracy), row("type F1", lambda x: x.type_f1),
            row("documents", lambda x: x.documents), row("gold timexes", lambda x: x.relaxed.gold),
            row("predicted", lambda x: x.relaxed.predicted),
        ]
        blocks.append(f"[{subset}]\n" + _table(["", *names], rows))
    return "\n\n".join(blocks)


def format_issues(name: str, issues: Iterable[Issue]) -> str:
    issues = list(issues)
    return "\n".join([f"--- {name}: {len(issues)} issues", *(i.describe() for i in issues)])


# --------------------------------------------------------------------------- command line


def _engines(args: argparse.Namespace) -> dict[str, Finder]:
    engines: dict[str, Finder] = {"timeline": find_timexes}
    if getattr(args, "baseline", None) == "dateparser":
        engines["dateparser"] = dateparser_baseline
    return engines


def run_cli(args: argparse.Namespace) -> int:
    """``python -m timeline eval``: print the report; 2 on unusable input."""
    engines = _engines(args)
    try:
        if getattr(args, "gold", None):
            docs = load_gold(args.gold)
            gold_scores = {name: score_gold(docs, finder) for name, finder in engines.items()}
            n_gold = sum(len(d.timexes) for d in docs)
            print(f"Gold file {args.gold}: {len(docs)} documents, {n_gold} gold expressions "
                  "(dated predictions only; extent = overlap, value = same calendar range)")
            print(format_gold(gold_scores))
            issues = {name: s.issues for name, s in gold_scores.items()}
        elif getattr(args, "timeml", None):
            tml_docs = load_timeml_folder(args.timeml)
            tml_scores = {name: score_timeml(tml_docs, finder) for name, finder in engines.items()}
            print(f"TimeML {args.timeml}: {len(tml_docs)} documents (TempEval-3 style; strict = same offsets, "
                  "relaxed = overlap; value F1 = value accuracy x relaxed F1)")
            print(format_timeml(tml_scores))
            issues = {name: s["overall"].issues for name, s in tml_scores.items()}
        else:
            print("error: give --gold FILE or --timeml FOLDER", file=sys.stderr)
            return 2
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "verbose", False):
        for name, found in issues.items():
            print()
            print(format_issues(name, found))
    return 0


__all__ = [
    "PRF", "Finder", "GoldDocument", "GoldScore", "GoldTimex", "Issue", "TimemlDocument", "TimemlScore",
    "TimemlTimex", "dateparser_baseline", "format_gold", "format_issues", "format_timeml", "load_gold",
    "load_timeml", "load_timeml_folder", "run_cli", "score_document", "score_gold", "score_timeml",
    "score_timeml_document",
]
