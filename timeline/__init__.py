"""timeline: turn news articles into a correct, explorable event timeline."""

from timeline.documents import Document
from timeline.timex import Timex, find_timexes

__all__ = ["Document", "Timex", "find_timexes"]
