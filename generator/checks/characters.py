"""Characters pasted in from Word, web pages and chat apps that the reader should not get.

Zero-width spaces and joiners are invisible in the editor but break searching, copying and
line breaking. An ASCII space between two Chinese characters shows as a gap, and in a justified
line it is the one place the line stretches, so the gap grows wide.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.data.texts import report_texts
from genreport.errors import Severity, Text

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CJK = "\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e"
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}]) +(?=[{_CJK}])")


@rule("invisible-character", Severity.WARNING)
def invisible_character(ctx: Context) -> Iterator[Problem]:
    for path, text in report_texts(ctx.report):
        match = _INVISIBLE.search(text)
        if match:
            char = match.group(0)
            name = unicodedata.name(char, "")
            yield Problem(
                path,
                Text(
                    f"文字中有看不见的字符 U+{ord(char):04X} {name}",
                    f"invisible character U+{ord(char):04X} {name} in the text",
                ),
                Text(
                    "删除它（常见于从网页或微信复制的文字）",
                    "delete it (it often comes with text pasted from web pages or chat apps)",
                ),
                needle=char,
            )


@rule("stray-space", Severity.WARNING)
def stray_space(ctx: Context) -> Iterator[Problem]:
    for path, text in report_texts(ctx.report):
        if path[-1] in ("title", "name"):
            continue  # a joint title separates its issuers with a space on purpose
        match = _SPACE_BETWEEN_CJK.search(text)
        if match:
            context = text[max(0, match.start() - 4) : match.end() + 4]
            yield Problem(
                path,
                Text(f"汉字之间有空格：“{context}”", f'space between Chinese characters: "{context}"'),
                Text("删除空格，或改用顿号、逗号", "delete the space, or use 、 or ，"),
                needle=context,
            )
