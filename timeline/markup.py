"""Article text as escaped HTML with its time expressions highlighted.

Article text is untrusted: every character of it goes through `html.escape` before any tag
of ours is put around it, so a page that says ``<script>`` shows the word, never runs it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from timeline.timex import Timex


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """``text`` escaped, each ``(start, end, note)`` span wrapped in <mark>, the note after it in a small badge."""
    out: list[str] = []
    cursor = 0
    for start, end, note in sorted(spans):
        if start < cursor or end > len(text):
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        if note:
            out.append(f' <sup style="color:#555;background:#eef;border-radius:3px;padding:0 3px">'
                       f"{html.escape(note)}</sup>")
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out).replace("\n", "<br>")


def describe(timex: Timex) -> str:
    """A timex's resolution in a few characters: its range, or its type and value when it has none."""
    if timex.start is None or timex.end is None:
        return f"{timex.type.lower()} {timex.value}"
    if timex.start == timex.end:
        return timex.start.isoformat()
    return f"{timex.start.isoformat()} – {timex.end.isoformat()}"


def article_html(text: str, timexes: Sequence[Timex]) -> str:
    """A whole article with every time expression highlighted and its resolved date beside it."""
    return highlight(text, [(t.start_char, t.end_char, describe(t)) for t in timexes])
