"""timeline: turn news articles into a correct, explorable event timeline.

Data flows one way: documents -> time expressions -> entities -> events -> table -> chart.
The event-table functions load pandas on first use, so `find_timexes` alone stays light.
"""

from timeline.documents import Document, DocumentError, load_corpus, load_documents
from timeline.timex import Timex, find_timexes

__all__ = ["Document", "DocumentError", "Timex", "extract_events", "find_timexes", "load_corpus", "load_documents"]


def __getattr__(name: str) -> object:
    if name == "extract_events":
        from timeline.events import extract_events

        return extract_events
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
