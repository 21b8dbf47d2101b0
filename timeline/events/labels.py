"""Labels: a short chart label for an event, taken from the clause that tells it."""

from __future__ import annotations

import re

HEADLINE_WORDS = 12

_FUNCTION_END = frozenset(
    "a an the of to in on at by for with from and or but as that which who whom whose its their his her "
    "this these those into over about than is are was were be been has have had will would".split())
_LEAD_WORDS = (r"on|in|over|during|at|by|since|until|after|before|earlier|later|last|this|next|as of|"
               r"as early as|according to|meanwhile|however|separately|also|then|yesterday|today|tonight")
_LEAD_IN = re.compile(rf"^(?:{_LEAD_WORDS})\b[^,;:\"“”]{{0,60}},\s+(?=\S)", re.IGNORECASE)
_BEFORE_TIMEX = re.compile(rf"^(?:(?:{_LEAD_WORDS}|the|of)\s+)*$", re.IGNORECASE)
#: ", who ..." / ", which ..." / ", sent by ..." (a passive participle): a clause hung on the name before it.
_RELATIVE = re.compile(r",\s+(?:(?:who|which)\s+|(?=[a-z]+\s+by\s))", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|von|van|der|de|del|da|al|bin|ibn|la|le)$")
_NOUN_PHRASE = re.compile(r"\b(?:the|a|an|this|that)(?:\s+[\w’'-]+){1,3}$", re.IGNORECASE)
_QUOTED = re.compile(r"^[\"“‘']\s*(?P<quote>.+?)[,.]?\s*[\"”’']\s*,?\s+(?P<tail>[^,;]{3,120}?)\s*(?:[,;]|\.?$)")
_SPEECH = re.compile(r"\b(?:said|says|told|tells|stated|added|noted|remarked|wrote|asked|warned|suggests|suggested|"
                     r"according to|explained|insisted|declared|announced)\b")
_CLAUSE_END = re.compile(r"[,;:]|\s[–—-]\s")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _antecedent(before: str) -> str:
    """The name a relative clause hangs on: the capitalised words just before ", who" ("US envoy Keith Kellogg")."""
    words = before.split()
    taken: list[str] = []
    for word in reversed(words):
        if len(taken) >= 5 or not _NAME_WORD.match(word):
            break
        taken.append(word)
    while taken and not taken[-1][:1].isupper():  # never start on a particle
        taken.pop()
    if taken:
        return " ".join(reversed(taken))
    phrase = _NOUN_PHRASE.search(before)  # "the mayor, who ..."
    return phrase.group(0) if phrase else ""


def _event_clause(sentence: str, span: tuple[int, int] | None) -> str:
    """The part of the sentence that tells what happened at the expression's date, subject first."""
    text = sentence.strip()
    quoted = _QUOTED.match(text)
    if quoted and _SPEECH.search(quoted.group("tail")):  # “...,” Whitaker told Fox Business on Monday.
        return f"{quoted.group('tail')}: {quoted.group('quote')}"
    if span is not None:
        start, end = span
        relatives = [m for m in _RELATIVE.finditer(text, 0, start) if m.end() <= start]
        if relatives:  # "Macron, who first broached the idea in February, has ..." -> "Macron first broached ..."
            rel = relatives[-1]
            name = _antecedent(text[:rel.start()])
            stop = _CLAUSE_END.search(text, end)
            if name:
                return f"{name} {text[rel.end():stop.start() if stop else len(text)]}"
        head = text[:start]
        if _BEFORE_TIMEX.match(head):  # "On Thursday Russian President Vladimir Putin reiterated ..."
            rest = text[end:].lstrip(" ,")
            if rest[:1].isupper():
                return _capitalize(rest)
    lead = _LEAD_IN.match(text)  # "Over the weekend, French President Emmanuel Macron said ..."
    if lead and len(text[:lead.end()].split()) <= 8:
        return _capitalize(text[lead.end():])
    return text


def headline(sentence: str, span: tuple[int, int] | None = None, words: int = HEADLINE_WORDS) -> str:
    """A short chart label: the clause that tells the event, subject and verb first, cut at a word boundary.

    ``span`` is the expression's offsets inside ``sentence``: a relative clause around it is lifted out
    with the name it describes, and a date that opens the sentence gives way to the subject.
    """
    clause = re.sub(r"\s+", " ", _event_clause(sentence, span)).strip().strip("\"“”'‘’ ")
    tokens = clause.split(" ")
    if len(tokens) <= words:
        return clause.rstrip(".,;: ")
    cut = tokens[:words]
    while len(cut) > 3 and cut[-1].lower().strip(",;:–—-") in _FUNCTION_END | {""}:
        cut.pop()
    return " ".join(cut).rstrip(",;:–—- ") + "…"


