"""Sentences: the unit an event is told in, and the site chrome that tells none.

A sentence ends at ., ! or ? (with any closing quotes or brackets) before a capital, a quote
or a digit, except after an abbreviation ("U.S.", "Gen.", "Feb. 3", "J. Smith"); a line break
always ends one, so headlines and photo captions without a full stop stand alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "rep", "sen", "gov",
    "pres", "st", "sr", "jr", "rev", "hon", "amb", "sec", "dept", "corp", "inc", "ltd", "co", "no", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx", "est", "fig", "vol", "p", "pp", "ca", "cf",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "i.e", "e.g", "ft", "mt", "ave", "blvd", "univ",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")


@dataclass(frozen=True)
class Sentence:
    """A sentence with its offsets in the document: ``document[start_char:end_char] == text``."""

    text: str
    start_char: int
    end_char: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of an abbreviation or an initial, not of a sentence?"""
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, dot - 12):dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    if token in _ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isalpha()  # an initial: "J. Smith", "U.S." split as "S"


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a text, stripped of surrounding white space, none empty."""
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        if match.group(0)[0] == "." and "\n" not in match.group(0) and _is_abbreviation(text, match.start()):
            continue
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(stripped, offset, offset + len(stripped)))


_BOILERPLATE = re.compile(
    r"^(?:read (?:more|also|next)|see also|related(?: posts| articles| stories| coverage)?|more on this|"
    r"recommended|trending|most read|share (?:this|on)|follow us|sign up|subscribe|newsletter|advertisement|"
    r"photo|image|video|watch|listen|source|credit|tags?|filed under|comments?|click here|cookie|"
    r"(?:©|\(c\)|copyright)|all rights reserved|this article (?:was|is) (?:originally|first) published)\b"
    r"|\b(?:support (?:our|independent) (?:journalism|reporting)|become a (?:patron|member|supporter|co-creator)|"
    r"donate|donation|subscribe (?:to|now)|sign up for|all rights reserved|cookies? (?:policy|settings)|"
    r"we use cookies|privacy policy|terms of (?:use|service)|follow us on|share this article|"
    r"help (?:us|build)[^.]{0,60}(?:independent|journalism|bridges)|cup of coffee|ad ?blocker|"
    r"suggest a correction|write to us|press ctrl)\b|^\([^)]*\b(?:photo|image|credit|file)\b[^)]*\)$",
    re.IGNORECASE,
)


def is_boilerplate(sentence: str) -> bool:
    """Site chrome (donation appeals, "Read more: ...", share buttons, photo credits): it reports no event."""
    stripped = sentence.strip()
    if not stripped:
        return True
    if _BOILERPLATE.search(stripped):
        return True
    return len(stripped) < 4 or not re.search(r"[A-Za-z]{2}", stripped)
