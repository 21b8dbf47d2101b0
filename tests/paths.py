"""Where the test data lives."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"
