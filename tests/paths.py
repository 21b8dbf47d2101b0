"""Where the test data lives."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
GOLD = ROOT / "tests" / "data" / "gold" / "seeds.json"  # hand-checked gold of every time expression in seeds/
TIMEX_DEV = ROOT / "tests" / "data" / "timex_dev"  # unseen TimeML development set (see its README.md)
