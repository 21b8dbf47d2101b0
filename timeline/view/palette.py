"""One fixed colour per category, whatever else is on screen: the chart, the story view and the HTML export agree.

A colour assigned by position ("the first category shown is blue") changes meaning when a filter removes a
category; here a known category (a precision, past/future, a role, where the publication date came from) has a
colour of its own, and any other value (an outlet) takes one from a stable hash of its name, so it is the same in
every view, session and export.
"""

from __future__ import annotations

import zlib

#: Safe for colour-blind readers (Paul Tol's palette as plotly ships it), then more.
PALETTE: tuple[str, ...] = (
    "#88CCEE", "#CC6677", "#DDCC77", "#117733", "#332288", "#AA4499", "#44AA99", "#999933", "#882255",
    "#661100", "#6699CC", "#888888",
)

FIXED: dict[str, dict[str, str]] = {
    "granularity": {"time": "#661100", "day": "#332288", "weekend": "#AA4499", "week": "#117733",
                    "month": "#44AA99", "season": "#999933", "quarter": "#DDCC77", "half": "#CC6677",
                    "year": "#882255", "decade": "#6699CC", "century": "#888888"},
    "relation": {"past": "#332288", "same day": "#117733", "future": "#CC6677"},
    "role": {"event": "#332288", "reference": "#888888"},
    "anchor_source": {"metadata": "#332288", "user": "#117733", "document": "#44AA99", "inferred": "#DDCC77",
                      "missing": "#888888"},
}


def colour(column: str, value: object) -> str:
    """The colour of ``value`` in ``column``: fixed for known categories, else a stable hash of the name."""
    text = "" if value is None else str(value)
    fixed = FIXED.get(column, {})
    if text in fixed:
        return fixed[text]
    return PALETTE[zlib.crc32(text.encode("utf-8")) % len(PALETTE)]


def colours(column: str, values: object) -> dict[str, str]:
    """``{value: colour}`` for each distinct value (computed once per value, not per row)."""
    return {value: colour(column, value) for value in dict.fromkeys(str(v) for v in values)}
