"""Punctuation squeezing (标点挤压) for the few lines justification would letter-space (zh-CN PDF).

When an unbreakable group (版）》。, “7×24, （2021—) does not fit at a line's end, the line before
is left up to four cells short, and justification would spread the hanzi to 17-19 pt against the
grid's 15.8 pt. CLREQ's remedy comes first: squeeze the punctuation of that line to half width
(the OpenType `halt` feature: the mark's blank half goes, its glyph stays where a reader expects
it), so the group, or the character before it, fits on the line.

The same squeeze pulls a lone last character up (率。 alone on a paragraph's last line): when the
one to three lines before it have enough marks to make room (two half cells per cell the last
line needs), their marks are squeezed too. When they have too few (FandolFang breaks 加强。 as
加 | 强。 under a line with two commas), the character before it is pushed down instead (CLREQ's
other remedy): the two are kept together (<span class="nb">, white-space: nowrap), and the closing
marks of the line they leave are squeezed. That line was already a cell short (强 could not start
the next line without its 。), so without the squeeze it would be spread by two cells over 26
characters, 8 % (zuoyun p. 9 measured 17.05 pt against the 15.79 pt cell); with its two commas
squeezed, one cell, 4 % (16.4 pt). Had it room for 加强。 after the squeeze, all three come up.

Only those lines: the first layout records the text of every line whose justification would
exceed `LIMIT` per character (pdf/weasy/cjk_justify.py), and pdf/layout.py lays the document out
once more with the punctuation of exactly those lines wrapped in <span class="sq"> (gbt9704.css:
font-feature-settings "halt"). Every other line keeps full-width punctuation on the 28-cell grid.
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Iterable
from typing import Any

LIMIT = 0.075  # em of extra space per character: past this a line reads as letter-spaced (~8 % of the cell)
ZWSP = "\u200b"
SQUEEZABLE = set("，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕")
_TOKEN = re.compile(r"<[^>]*>|&[#a-zA-Z0-9]+;|[^<&]")


def _text_positions(markup: str, start: int) -> tuple[str, list[tuple[int, int]]]:
    """The text of markup[start:] (tags dropped, entities decoded, ZWSP and white space dropped:
    a laid-out line may have lost a space, as 附件说明's "2. " before its text) and each
    character's (start, end) in markup."""
    chars, spans = [], []
    for match in _TOKEN.finditer(markup, start):
        token = match.group(0)
        if token.startswith("<"):
            continue
        char = html_module.unescape(token) if token.startswith("&") else token
        if char == ZWSP or len(char) != 1 or char.isspace():
            continue
        chars.append(char)
        spans.append(match.span())
    return "".join(chars), spans


CLOSING = set("，。、；：？！”’）》〉」』】〕")


def squeeze(markup: str, lines: list[str], closing_only: list[str] | None = None) -> str:
    """`markup` with the squeezable punctuation of each of `lines` (the text of a laid-out line)
    wrapped in <span class="sq">; of `closing_only`, the closing marks alone. Never a line's first
    or last character: a squeezed opening mark at a line's start would stand out into the margin.
    (The lines before a lone last character may break differently once squeezed, so any mark of
    theirs could come to start a line: only closing marks, which never do, are squeezed there.)
    Lines not found in the body's text are left as they are. A `PushDown` among `closing_only`
    (a line and the lone last line under it) keeps the line's last hanzi with the lone one."""
    body = markup.find("<body")
    if body < 0 or not (lines or closing_only):
        return markup
    text, spans = _text_positions(markup, body)
    wrap: dict[int, tuple[int, str]] = {}  # first character -> (last character, class)
    searched_from: dict[str, int] = {}
    for line, marks in [(line, SQUEEZABLE) for line in lines] + [(line, CLOSING) for line in closing_only or []]:
        needle = "".join(line.replace(ZWSP, "").split())
        if len(needle) < 4:
            continue
        at = text.find(needle, searched_from.get(needle, 0))
        if at < 0:
            continue
        searched_from[needle] = at + len(needle)
        if isinstance(line, PushDown):
            first = at + len(needle) - len("".join(line.last.split())) - 1
            if text[first].isdigit() and text[first - 1].isdigit():  # 整改51 | 个: 51 goes down whole
                first -= 1
            together = markup[spans[first][0] : spans[at + len(needle) - 1][1]]
            if (
                (_HAN.match(text[first]) or text[first].isdigit())
                and (_HAN.match(text[first - 1]) or text[first - 1] in CLOSING)
                and "<" not in together
            ):
                wrap[first] = (at + len(needle) - 1, "nb")
            continue
        wrap.update((i, (i, "sq")) for i in range(at + 1, at + len(needle) - 1) if text[i] in marks)
    if not wrap:
        return markup
    out, last = [], 0
    for i in sorted(wrap):
        if spans[i][0] < last:
            continue  # inside a span already made
        end, name = wrap[i]
        begin, stop = spans[i][0], spans[end][1]
        out += [markup[last:begin], f'<span class="{name}">{markup[begin:stop]}</span>']
        last = stop
    out.append(markup[last:])
    return "".join(out)


class PushDown(str):
    """A paragraph's line and its lone last line, joined (…持续加 + 强。): push the line's last
    hanzi (or number of one or two digits: 整改51 + 个) down to the lone one. `last` is the lone
    line's text."""

    last: str

    def __new__(cls, line: str, last: str) -> PushDown:
        made = super().__new__(cls, line + last)
        made.last = last
        return made


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def _line_text(box: Any) -> str:
    if type(box).__name__ == "TextBox":
        return str(box.text)
    return "".join(_line_text(child) for child in getattr(box, "children", []))


def lone_last_lines(page_boxes: Iterable[Any]) -> list[str]:
    """The text of each line followed by a paragraph's lone last character (率。), when that line
    has the marks to take it in: squeezing them pulls the character up. Otherwise a PushDown of
    the line before it and the lone line."""
    found: list[str] = []

    def walk(box: Any) -> None:
        children = getattr(box, "children", [])
        lines = [child for child in children if type(child).__name__ == "LineBox"]
        if len(lines) >= 2:
            last = _line_text(lines[-1]).replace(ZWSP, "").strip()
            if len(last) <= 3 and len(_HAN.findall(last)) == 1:
                # up to three lines before it; each squeezed line passes its gain on to the next
                before = [_line_text(line).replace(ZWSP, "") for line in lines[-4:-1]]
                for take in range(1, len(before) + 1):
                    chosen = before[-take:]
                    if sum(1 for text in chosen for char in text[1:-1] if char in CLOSING) >= 2 * len(last):
                        found.extend(chosen)
                        break
                else:  # too few marks to pull it up: push the character before it down
                    found.extend([PushDown(before[-1].rstrip(), last), before[-1]])
        for child in children:
            if type(child).__name__ != "LineBox":
                walk(child)

    for page in page_boxes:
        walk(page)
    return found
