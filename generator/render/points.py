"""A point's ordinal (一是 / "First, "), and only when there is more than one point.

A subsection (or part) with a single point has nothing to enumerate: 一是 with no 二是, or
"First," with no "Second,", reads as a slip. So `point_prefix(n, total, locale)` is empty for a
lone point. In English the ordinal starts the sentence, so the word after it is lower-cased
("First, the county ..."), unless it looks like a name: an acronym, "I", or a capitalised word
followed by another capitalised word that is not an article ("Xi Jinping", "Zuoyun County").
Without an ordinal the text keeps its capital.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from genreport.render.numbering import point_number

# Words that start a sentence and are not names even when the next word is capitalised
# ("The Eighth Five-Year Plan", "Our County Court").
_FUNCTION_WORDS = {
    "a", "an", "the", "we", "our", "this", "these", "that", "those", "in", "on", "at", "for", "with", "by",
    "from", "all", "each", "every", "some", "more", "most", "its", "their", "under", "through", "after",
}  # fmt: skip
# Leading tags (<strong>, <em> ...) of an HTML fragment, the first word, and what follows it.
_FIRST_WORD = re.compile(r"^((?:\s|<[^>]*>)*)([A-Z][a-z]+)\b((?:\s|<[^>]*>)*)(\S*)")


def point_prefix(n: int, total: int, locale: str) -> str:
    """一是 / "First, " for point n of total; "" when total is 1."""
    return "" if total <= 1 else point_number(n, locale)


def _lowered(match: re.Match[str]) -> str:
    lead, word, gap, following = match.groups()
    if word.lower() not in _FUNCTION_WORDS and following[:1].isupper():
        return match.group(0)  # a name: "Xi Jinping", "Zuoyun County"
    return f"{lead}{word[0].lower()}{word[1:]}{gap}{following}"


def after_ordinal(text: str, total: int, locale: str) -> str:
    """The start of a point's text as it reads after its ordinal (en: "First, the ...")."""
    if total <= 1 or locale != "en" or not text:
        return text
    lowered = _FIRST_WORD.sub(_lowered, str(text), count=1)
    return Markup(lowered) if isinstance(text, Markup) else lowered


FILTERS = {"point_prefix": point_prefix, "after_ordinal": after_ordinal}
