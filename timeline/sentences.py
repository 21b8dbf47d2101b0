"""Sentences: the unit an event is told in, and the site chrome that tells none.

A sentence ends at ., ! or ? (with any closing quotes or brackets) before white space and a
capital, an opening quote or bracket, or a digit. A full stop after an abbreviation does not end
one ("Gen. Smith", "Feb. 3", "No. 10", "J. Smith") unless the next word plainly starts a sentence
("... to the U.S. The talks ..."). A line break ends a sentence, so headlines and photo captions
without a full stop stand alone, except a soft wrap: a line that stops mid-clause (a lowercase
letter or a comma) continued by a line that starts in lowercase.

Offsets point into the original text: ``text[s.start_char:s.end_char] == s.text``; each sentence
is stripped of surrounding white space, and none is empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Titles before a name: written capitalized, they never end a sentence ("Gen. Smith").
_TITLES = frozenset(
    "mr mrs ms messrs dr prof gen lt col maj capt cmdr cdr adm sgt cpl pvt rep reps sen sens gov pres rev hon amb "
    "st mt ft supt insp det atty".split())
#: Month and weekday abbreviations: not an end before a number or a month ("Feb. 3", "Tue. Feb. 3").
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_WEEKDAYS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
#: Abbreviations before a number: "No. 10", "p. 5", "Art. 5", "Vol. 2".
_NUMBERED = frozenset("no nos nr p pp vol vols fig figs art arts para sec ch chap pt ed op".split())
#: Never at a sentence end in news prose.
_NEVER_END = frozenset("e.g i.e vs cf viz approx ca".split())
#: May end a sentence ("... in the U.S."), or not ("U.S. Army"): decided by the next word.
_MAY_END = frozenset(
    "u.s u.k u.n e.u d.c u.s.a a.m p.m inc corp co ltd llc plc bros jr sr etc al dept univ ave blvd est "
    "n.y l.a".split())
#: Words that start sentences and hardly ever follow an abbreviation inside one.
_STARTERS = frozenset(
    "the a an he she it they we i you his her its their our this that these those there then but and so yet "
    "however meanwhile according after before when while if as in on at by for from with since although though "
    "officials some many most both each several what who why how where no not".split())
_TIME_WORDS = _MONTHS | frozenset(
    "january february march april may june july august september october november december".split())

_END = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[^\W_])|\n\s*")
_WORD_BEFORE = re.compile(r"((?:[^\W\d_]+\.)*[^\W\d_]+)$")
_WORD_AFTER = re.compile(r"\s+[\"'“‘«(\[]?(\w+)(\.?)")
_NEXT_CHAR = re.compile(r"\s+[\"'“‘«(\[]?(\w)")


@dataclass(frozen=True)
class Sentence:
    """A sentence with its offsets in the document: ``document[start_char:end_char] == text``."""

    text: str
    start_char: int
    end_char: int


def _continues(text: str, dot: int, after: int) -> bool:
    """Is the full stop at ``dot`` part of an abbreviation or initial inside a sentence?"""
    word = _WORD_BEFORE.search(text, max(0, dot - 24), dot)
    nxt = _WORD_AFTER.match(text, after)
    if not word or not nxt:
        return False
    written, token = word.group(1), word.group(1).lower()
    following, initial_next = nxt.group(1), bool(nxt.group(2)) and len(nxt.group(1)) == 1
    starter = following.lower() in _STARTERS and not initial_next
    if token in _NEVER_END:
        return True
    if token in _NUMBERED:
        return following[0].isdigit()
    if written[0].isupper() and token in _TITLES:
        return True
    if written[0].isupper() and token in _MONTHS:
        return following[0].isdigit()
    if written[0].isupper() and token in _WEEKDAYS:
        return following[0].isdigit() or following.lower() in _TIME_WORDS
    if token in _MAY_END:
        return not starter
    if len(token) == 1 or "." in token:  # an initial ("J. Smith") or an acronym with stops ("N.A.T.O.")
        return written[-1].isupper() and not starter
    return False


def _capital_follows(text: str, after: int) -> bool:
    nxt = _NEXT_CHAR.match(text, after)
    return bool(nxt) and (nxt.group(1).isupper() or nxt.group(1).isdigit())


def _soft_wrap(text: str, start: int, end: int) -> bool:
    """A single line break inside a clause: "... said that\\nthe talks ..."."""
    gap = text[start:end]
    if gap.count("\n") != 1 or start == 0 or end >= len(text):
        return False
    before, after = text[start - 1], text[end]
    return (before.islower() or before == ",") and after.islower()


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a text, stripped of surrounding white space, none empty."""
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        mark = match.group(0)
        if mark[0] == "\n" and _soft_wrap(text, match.start(), match.end()):
            continue
        if mark[0] != "\n" and not _capital_follows(text, match.end()):
            continue
        if mark == "." and _continues(text, match.start(), match.end()):
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


# --------------------------------------------------------------------------- site chrome

_LABEL = (  # a label that opens a line of chrome: "Read more: ...", "Photo: ...", "Related Posts"
    r"read (?:more|also|next)|also read|see also|more (?:on this|from|stories|news)|related(?: \w+)?|"
    r"recommended(?: \w+)?|you may also like|don'?t miss|trending(?: now)?|most (?:read|popular|viewed)|"
    r"editor'?s picks|top stories|photos?|images?|pictures?|video|watch|listen|audio|source|credits?|"
    r"caption|tags?|topics|filed under|categor(?:y|ies)|comments?|advertisement|sponsored(?: content)?|"
    r"share(?: this(?: article| story)?)?|newsletter|follow us|sign up"
)
_CHROME = [
    # a label alone or followed by ':', '|', '/', a dash or an arrow
    rf"^(?:{_LABEL})\s*(?:$|[:|/»›>–—-])",
    # photo credits and captions
    r"^(?:photo|image|picture)s?\s+(?:by|credit|courtesy|caption|illustration)\b",
    r"^\([^()]*\b(?:photo|image|credit|file|pictured)\b[^()]*\)$",
    r"^(?-i:[A-Z]{2,}(?: via [A-Z][\w ]+)?|Getty Images|Shutterstock|Depositphotos)\s*/\s*[^\s/][^/]{0,50}$",
    # calls to act: donate, subscribe, share, follow, join
    r"\b(?:support (?:our|independent|quality|local) (?:journalism|reporting|news|work)|support us\b|"
    r"readers like you|become an? (?:patron|member|supporter|subscriber|co-creator)|"
    r"(?:make|with|your|a small) (?:one-off |monthly |recurring )?(?:donation|contribution)s?\b|"
    r"donate (?:now|today|here|to us|to support)|please donate|"
    r"subscribe (?:now|today|to (?:our|the) \w+|for (?:free|unlimited|\$))|"
    r"sign up (?:for|to) (?:our|the|a) (?:\w+ )?(?:newsletter|briefing|digest|email)|our newsletter|"
    r"join our (?:community|channel|newsletter|mailing list|telegram|whatsapp)|follow us on|"
    r"share (?:this|on) (?:article|story|post|page|facebook|twitter|x|whatsapp|telegram|linkedin)|"
    r"help us (?:produce|continue|keep|grow|fund|sustain)|helps? us (?:continue|keep) (?:providing|publishing|going)|"
    r"cup of coffee a month|buy (?:us|me) a coffee|ad ?blockers?\b|"
    r"(?:suggest|report) a (?:correction|typo|mistake)|corrections? here|write to us|press ctrl|"
    r"click here|tap here|download (?:our|the) app|listen to this article|continue reading|story continues|"
    r"skip to (?:main )?content|back to top)",
    # legal: copyright, cookies
    r"(?:©|\(c\) ?\d{4}|\bcopyright (?:©|\(c\)|\d{4})|\ball rights reserved\b)",
    r"\b(?:we use cookies|(?:this|our) (?:site|website) uses cookies|accept (?:all )?cookies|"
    r"cookie (?:policy|settings|notice|preferences|consent))\b",
    # the article's own metadata: "Published on Feb. 15, 2025", "Updated 10:35 GMT", bylines, wire credits
    r"^(?:(?:first |last )?(?:published|posted|updated|modified)|date)(?: on| at)?\s*[:|]?\s*"
    r"(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
    r"^(?:additional )?reporting by\b|;\s*editing by\b|^(?:written|compiled|edited) by\b",
    r"^\d+\s*min(?:ute)?s? read$",
    # a link alone, or behind a label ("Source: https://...")
    r"^(?:[\w ]{0,20}:\s*)?(?:https?://|www\.)\S+$",
    # credits and bylines set off by a bar or slash: "Jane Doe | Reuters", "AFP via Getty Images"
    r"^(?-i:[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|de|van|von))*)\s*[|/•]\s*"
    r"(?-i:[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|via))*)(?:\s*[|/•]\s*(?-i:[A-Z][\w.'’ &-]*))?$",
    r"^(?:[A-Z]{2,}|[\w.]+) via (?:Getty Images|Reuters|AP|AFP|Shutterstock)$",
    r"^(?:\[email protected\]|[\w.+-]+@[\w-]+\.[\w.]+)$",  # an e-mail address alone
]
_CHROME_RE = re.compile("|".join(f"(?:{p})" for p in _CHROME), re.IGNORECASE)
_NAV = re.compile(  # lines of navigation: a single word or two from a site's menus and share bars
    r"^(?:share|tweet|email|e-mail|print|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|"
    r"copy link|menu|search|home|close|next|previous|more|loading|thank you|privacy policy|terms of (?:use|service)|"
    r"contact us|about us|log ?in|sign in|sign out|register)\W*$",
    re.IGNORECASE,
)
_NOT_A_NAME = "(?:mon|tues|wednes|thurs|fri|satur|sun)day|" + "|".join(sorted(_TIME_WORDS)) + "|christmas|easter|noon"
_BYLINE = re.compile(  # "By Jane Doe", "By Jane Doe and John Roe, Reuters"; never "By Friday, ..."
    rf"^by\s+(?!(?:{_NOT_A_NAME})\b)(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}})"
    r"(?:\s*(?:,|\||•|·|–|—|-|and)\s*[\w .,'’|&-]{0,60})?$",
    re.IGNORECASE,
)


#: A line that is only a date or time stamp: "Saturday, February 15, 2025", "Feb 15, 2025 / 10:35 AM / Updated".
_STAMP = re.compile(
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
    r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"\d+(?:st|nd|rd|th)?|a\.?m\.?|p\.?m\.?|[ecmp][sd]?t|gmt|utc|bst|cet|cest|msk|updated?|published|posted|"
    r"last|ago|hours?|hrs?|minutes?|mins?|days?|today|yesterday|at|on|of)\b|[\s,./:|–—()-]+",
    re.IGNORECASE,
)
_NAME_CHARS = re.compile(r"[^\W\d_]")


def _is_stamp(line: str) -> bool:
    if len(line) > 160:  # no stamp is that long: spare the substitution over every sentence of news
        return False
    rest = _STAMP.sub("", line)
    return not _NAME_CHARS.search(rest)


def is_boilerplate(sentence: str) -> bool:
    """Site chrome (donation appeals, "Read more: ...", share bars, links, photo credits, copyright and
    cookie notices, bylines, "Published ..." lines and lines that are only a date): it reports no event."""
    stripped = sentence.strip()
    if len(stripped) < 4 or not re.search(r"[^\W\d_]{2}", stripped):
        return True
    return bool(_CHROME_RE.search(stripped) or _NAV.match(stripped) or _BYLINE.match(stripped)
                or _is_stamp(stripped))


def sentence_key(sentence: str) -> str:
    """What two copies of a sentence share (an article that repeats its headline as its lead):
    case, white space, quote styles and closing punctuation aside."""
    text = re.sub(r"[“”„\"‘’']", "'", sentence.casefold())
    return re.sub(r"\s+", " ", text).strip(" .!?;:'")
