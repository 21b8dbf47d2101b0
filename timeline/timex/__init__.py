"""Time expressions: find them in a text and resolve each against a publication date.

`expressions` runs the rule table (`rules`, over the words of `vocabulary`), turns matches into
calendar ranges (`periods`) and reads the direction of underspecified dates from `tense`.
"""

from timeline.timex.expressions import MAX_TEXT_CHARS, Timex, find_timexes, timex_to_dict

__all__ = ["MAX_TEXT_CHARS", "Timex", "find_timexes", "timex_to_dict"]
