"""Punctuation squeezing (标点挤压) for the few lines justification would letter-space (zh-CN PDF).

When an unbreakable group (版）》。, “7×24, （2021—) does not fit at a line's end, the line before
is left up to four cells short, and justification would spread the hanzi to 17-19 pt against the
grid's 15.8 pt. CLREQ's remedy comes first: squeeze the punctuation of that line to half width
(the OpenType `halt` feature: the mark's blank half goes, its glyph stays where a reader expects
it), so the group, or the character before it, fits on the line.

Only those lines: the first layout records the text of every line whose justification would
exceed `LIMIT` per character (render/cjk_justify.py), and render/layout.py lays the document out
once more with the punctuation of exactly those lines wrapped in <span class="sq"> (gbt9704.css:
font-feature-settings "halt"). Every other line keeps full-width punctuation on the 28-cell grid.
"""

from __future__ import annotations

import html as html_module
import re

LIMIT = 0.075  # em of extra space per character: past this a line reads as letter-spaced (~8 % of the cell)
ZWSP = "\u200b"
SQUEEZABLE = set("，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕")
_TOKEN = re.compile(r"<[^>]*>|&[#a-zA-Z0-9]+;|[^<&]")


def _text_positions(markup: str, start: int) -> tuple[str, list[tuple[int, int]]]:
    """The text of markup[start:] (tags dropped, entities decoded, ZWSP dropped) and each
    character's (start, end) in markup."""
    chars, spans = [], []
    for match in _TOKEN.finditer(markup, start):
        token = match.group(0)
        if token.startswith("<"):
            continue
        char = html_module.unescape(token) if token.startswith("&") else token
        if char == ZWSP or len(char) != 1:
            continue
        chars.append(char)
        spans.append(match.span())
    return "".join(chars), spans


def squeeze(markup: str, lines: list[str]) -> str:
    """`markup` with the squeezable punctuation of each of `lines` (the text of a laid-out line)
    wrapped in <span class="sq">. Lines not found in the body's text are left as they are."""
    body = markup.find("<body")
    if body < 0 or not lines:
        return markup
    text, spans = _text_positions(markup, body)
    wrap: set[int] = set()
    searched_from: dict[str, int] = {}
    for line in lines:
        needle = line.replace(ZWSP, "")
        if len(needle) < 4:
            continue
        at = text.find(needle, searched_from.get(needle, 0))
        if at < 0:
            continue
        searched_from[needle] = at + len(needle)
        # the line's own marks, not its last character's: a mark ending the line keeps its cell
        wrap.update(i for i in range(at, at + len(needle) - 1) if text[i] in SQUEEZABLE)
    if not wrap:
        return markup
    out, last = [], 0
    for i in sorted(wrap):
        begin, end = spans[i]
        out += [markup[last:begin], f'<span class="sq">{markup[begin:end]}</span>']
        last = end
    out.append(markup[last:])
    return "".join(out)
