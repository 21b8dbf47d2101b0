"""Documents: articles with their metadata and the anchor their relative dates resolve against."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: Where a document's publication date (its anchor) came from.
ANCHOR_SOURCES = ("metadata", "user", "document", "inferred", "missing")


@dataclass(frozen=True)
class Document:
    """One article. ``published`` is None only when no date could be found or inferred
    (``anchor_source == "missing"``): such a document yields no events until a date is given."""

    doc_id: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: dt.date | None = None
    anchor_source: str = "missing"
    anchor_evidence: str = ""  # why we believe `published`: the dateline, the metadata key, inferred dates
    path: str = ""
