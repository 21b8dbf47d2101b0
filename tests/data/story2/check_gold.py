"""Validate tests/data/story2/gold.json against its article files and metadata.json.

Run: python tests/data/story2/check_gold.py   (exits non-zero and lists problems on failure)
The checks are those of the first story's checker (tests/data/story/check_gold.py), run on this folder.
"""

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _story_checker():
    spec = importlib.util.spec_from_file_location("story_check_gold", HERE.parent / "story" / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    _story_checker().main(HERE)
