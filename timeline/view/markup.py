"""Article text as escaped HTML with its time expressions highlighted.

Article text is untrusted: every character of it goes through `html.escape` before any tag
of ours is put around it, so a page that says ``<script>`` shows the word, never runs it; and
the result is one HTML block, inside which Markdown is not interpreted either (an article's
``**`` or ``[link](...)`` stays as written). `escape_markdown` covers text shown through
Streamlit's Markdown elements, `chart_text` text that becomes a Plotly label.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from timeline.timex import Timex


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """``text`` escaped (inline HTML), each ``(start, end, note)`` span in <mark>, its note after it in a badge."""
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
    return "".join(out).replace("\r", "").replace("\n", "<br>")


def block(inner_html: str) -> str:
    """One HTML block: no blank line inside, so Markdown leaves it alone."""
    return "<div>" + inner_html.replace("\r", "").replace("\n", "<br>") + "</div>"


def escape_markdown(text: str) -> str:
    """Text for a Streamlit Markdown element, shown literally: no emphasis, link, heading or formula."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~<>$])", r"\\\1", text)


def chart_text(text: object) -> str:
    """Text for a Plotly label, legend name or hover, shown literally.

    Plotly renders a subset of HTML in every label (``<a href>``, ``<span style>``, ``<b>``, ``<br>``) and turns
    ``&lt;``/``&gt;``/``&amp;`` back into characters, but shows ``&quot;`` as written: so only ``&``, ``<`` and
    ``>`` are escaped (without ``<`` no tag can open, and a quote is harmless outside one).
    """
    return html.escape("" if text is None else str(text), quote=False)


def link(url: str, label: str) -> str:
    """An escaped HTML link, only for http(s) addresses; otherwise the escaped label alone."""
    if re.match(r"https?://", url or ""):
        return f'<a href="{html.escape(url, quote=True)}" target="_blank">{html.escape(label)}</a>'
    return html.escape(label)


def describe(timex: Timex) -> str:
    """A timex's resolution in a few characters: its range, or its type and value when it has none."""
    if timex.start is None or timex.end is None:
        return f"{timex.type.lower()} {timex.value}"
    if timex.start == timex.end:
        return timex.start.isoformat()
    return f"{timex.start.isoformat()} – {timex.end.isoformat()}"


def article_html(text: str, timexes: Sequence[Timex]) -> str:
    """A whole article with every time expression highlighted and its resolved date beside it."""
    return block(highlight(text, [(t.start_char, t.end_char, describe(t)) for t in timexes]))
