"""The command line: `python -m timeline timex` prints JSON lines; bad input gets a one-line error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_timex_prints_one_json_object_per_expression(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timex", "--anchor", "2024-12-20", str(SEEDS / "004_2454bc97f983af98.txt")]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    friday = next(r for r in rows if r["text"] == "Friday")
    assert (friday["start"], friday["end"], friday["anchor"]) == ("2024-12-20", "2024-12-20", "2024-12-20")
    assert {"text", "start_char", "end_char", "type", "value", "granularity", "rule"} <= set(friday)


def test_timex_reads_standard_input() -> None:
    out = subprocess.run([sys.executable, "-m", "timeline", "timex", "--anchor", "2025-02-15", "-"],
                         input="Talks start next week.", capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["value"] == "2025-W08"


def test_bad_anchor_and_missing_file_are_one_clear_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["timex", "--anchor", "15/02/2025", "x.txt"])
    assert "not a date" in capsys.readouterr().err
    assert main(["timex", "--anchor", "2025-02-15", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err
