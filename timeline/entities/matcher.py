"""One pass over a text for many names at once (Aho-Corasick, ``pyahocorasick``): the cost is the text's
length plus the matches, whatever the number of names. Matches are case-sensitive, on whole words
("US-led" and "pro-Russia" count, "USA" holds no "US", "U.S.A" no "U.S."), leftmost-longest and never
overlapping ("New York City" beats "New York", which beats "York").
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class Matcher:
    """Whole-word, leftmost-longest matching of a fixed set of strings."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for key in keys:
            if key:
                self._automaton.add_word(key, len(key))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of each match, in order, none overlapping another."""
        if self._empty:
            return []
        found: list[tuple[int, int]] = []
        for last, length in self._automaton.iter(text):
            start, end = last + 1 - length, last + 1
            if start > 0 and (_word_char(text[start - 1]) or text[start - 1] == "."):
                continue
            if end < len(text) and _word_char(text[end]):
                continue
            found.append((start, end))
        found.sort(key=lambda span: (span[0], -span[1]))  # matches are few and nearly sorted already
        out: list[tuple[int, int, str]] = []
        reached = 0
        for start, end in found:
            if start >= reached:
                out.append((start, end, text[start:end]))
                reached = end
        return out
