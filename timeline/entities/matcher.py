"""One pass over a text for many names at once (Aho-Corasick, ``pyahocorasick``): the cost is the text's
length plus the matches, whatever the number of names. Matches are case-sensitive, on whole words
("US-led" and "pro-Russia" count, "USA" holds no "US", "U.S.A" no "U.S."), leftmost-longest and never
overlapping ("New York City" beats "New York", which beats "York"). A longest match that is no whole word
("New York" of "New Yorker") is dropped, not replaced by a shorter one: names rarely hide so.
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
        out: list[tuple[int, int, str]] = []
        size = len(text)
        for last, length in self._automaton.iter_long(text):  # leftmost-longest, never overlapping, in C
            start, end = last + 1 - length, last + 1
            if start > 0 and (_word_char(text[start - 1]) or text[start - 1] == "."):
                continue  # inside a word: "Man" of "German"
            if end < size and _word_char(text[end]):
                continue  # "New York" of "New Yorker"
            out.append((start, end, text[start:end]))
        return out
