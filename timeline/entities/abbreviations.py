"""Abbreviations an article defines: "the National Transportation Safety Board (NTSB)", "the International
Association of Machinists (IAM)", or the other way round, "NTSB (National Transportation Safety Board)".

The long form is found as Schwartz & Hearst (2003) do: the abbreviation's letters, read backwards, must
appear in order in the words before the parenthesis, its first letter opening a word; the long form
starts at that word and has at most ``len + 5`` words. Later "IAM" mentions then name the
long form, in the same article and across the corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBR = r"[A-Z][A-Za-z0-9&.\-]{0,8}[A-Z0-9]"
#: "Long Form (ABBR)": the long form is read back from the parenthesis
_DEFINED = re.compile(rf"\((?:the\s+)?({_ABBR})s?\)")
#: "ABBR (Long Form)"
_DEFINED_AFTER = re.compile(rf"(?<![\w.])({_ABBR})\s+\(((?:the\s+)?[A-Z][^()\n]{{3,100}})\)")
_WORDS = re.compile(r"[\w'’&.\-]+")
_SKIP = frozenset("the a an".split())


@dataclass(frozen=True)
class Definition:
    """``abbreviation`` stands for ``long`` (as written, a leading "the" dropped) at ``[start, end)``."""

    abbreviation: str
    long: str
    start: int
    end: int


def _letters(abbreviation: str) -> str:
    return "".join(c.lower() for c in abbreviation if c.isalnum())


def _long_form(abbreviation: str, words: list[re.Match[str]]) -> int | None:
    """Index in ``words[-limit:]`` where the long form of ``abbreviation`` starts, or None (Schwartz-Hearst)."""
    letters = _letters(abbreviation)
    if len(letters) < 2 or not words:
        return None
    limit = len(letters) + 5
    words = words[-limit:]
    text = " ".join(w.group(0) for w in words)
    starts = set()
    pos = 0
    for w in words:
        starts.add(pos)
        pos += len(w.group(0)) + 1
    i = len(text) - 1
    for j in range(len(letters) - 1, -1, -1):
        char = letters[j]
        while i >= 0 and (text[i].lower() != char or (j == 0 and i not in starts)):
            i -= 1
        if i < 0:
            return None
        i -= 1
    first = i + 1
    index = sum(1 for s in starts if s < first + 1) - 1  # the word holding the first letter
    return index if words[index].group(0)[:1].isupper() else None


def definitions(text: str) -> list[Definition]:
    """Every abbreviation defined in ``text``, in order."""
    found: list[Definition] = []
    for match in _DEFINED.finditer(text):
        abbreviation = match.group(1)
        window = max(0, match.start() - 200)  # a long form is a few words: never scan back further
        line_start = max(text.rfind("\n", window, match.start()), text.rfind(". ", window, match.start()) + 1, window)
        words = list(_WORDS.finditer(text, line_start, match.start()))
        index = _long_form(abbreviation, words)
        if index is None:
            continue
        kept = words[-(len(_letters(abbreviation)) + 5):]
        first = kept[index]
        if first.group(0).lower() in _SKIP:
            continue
        long = text[first.start():words[-1].end()]
        if len(long.split()) < 2 or not all(w[:1].isupper() or w.lower() in ("of", "and", "for", "the", "on", "in")
                                            for w in long.split()):
            continue  # "(IAM)" after "workers who struck" defines nothing
        found.append(Definition(abbreviation, long, first.start(), words[-1].end()))
    for match in _DEFINED_AFTER.finditer(text):
        abbreviation, long = match.group(1), match.group(2)
        long = re.sub(r"^the\s+", "", long)
        words = list(_WORDS.finditer(long))
        if _long_form(abbreviation, words) == 0 and len(words) >= 2:
            start = match.start(2) + (len(match.group(2)) - len(long))
            found.append(Definition(abbreviation, long, start, start + len(long)))
    return sorted(found, key=lambda d: d.start)
