"""timeline: turn news articles into a correct, explorable event timeline.

Data flows one way: documents -> time expressions -> entities -> events -> table -> chart.
"""

from timeline.documents import Document, DocumentError, load_corpus, load_documents
from timeline.events import extract_events
from timeline.timex import Timex, find_timexes

__all__ = ["Document", "DocumentError", "Timex", "extract_events", "find_timexes", "load_corpus", "load_documents"]
