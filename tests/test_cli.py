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


def test_the_exit_codes_are_documented_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    import timeline.cli

    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "130 "):
        assert f"\n  {code}" in timeline.cli.__doc__
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "3 writing failed" in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(("raised", "code", "said"), [
    (RuntimeError("deep\ninside"), 4, "error: unexpected RuntimeError: deep inside (a bug"),
    (KeyboardInterrupt(), 130, "interrupted"),
])
def test_any_failure_is_one_line_and_an_exit_code_never_a_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], raised: BaseException, code: int,
        said: str) -> None:
    import timeline.cli

    def fails(_: object) -> int:
        raise raised

    monkeypatch.setattr(timeline.cli, "cmd_timex", fails)
    assert main(["timex", "--anchor", "2025-02-15", "-"]) == code
    err = capsys.readouterr().err
    assert err.startswith(said) and len(err.splitlines()) == 1


def test_file_names_cannot_drive_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / "evil\x1b[2J\nname.txt"
    name.write_bytes(b"")
    assert main(["extract", str(name), "--out", str(tmp_path / "o.csv"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "evil\\x1b[2J\\x0aname.txt" in err
    assert len(err.splitlines()) == 2  # the file's error, then "nothing written"


def test_a_table_with_no_dated_article_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Officials met on Monday.")
    (tmp_path / "out.json").write_text("[]  my earlier table")
    assert main(["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out.json"), "--no-progress"]) == 1
    assert (tmp_path / "out.json").read_text() == "[]  my earlier table"
    assert "--anchor a.txt=YYYY-MM-DD" in capsys.readouterr().err


def test_an_existing_output_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    out.write_text("old")
    out.chmod(0o640)
    assert main(["extract", str(SEEDS), "--out", str(out), "--no-progress"]) == 0
    assert out.stat().st_mode & 0o777 == 0o640 and out.read_text().startswith("event_id,")
