"""Invisible characters pasted in from web pages and chat apps (zero-width spaces and joiners).

They are invisible in the editor but break searching, copying and line breaking in the outputs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.checks.texts import report_texts
from genreport.errors import Severity, Text

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@rule("invisible-character", Severity.WARNING)
def invisible_character(ctx: Context) -> Iterator[Problem]:
    for path, text in report_texts(ctx.report):
        match = _INVISIBLE.search(text)
        if match:
            char = match.group(0)
            name = unicodedata.name(char, "")
            yield Problem(
                path,
                Text(f"文字中有看不见的字符 U+{ord(char):04X} {name}", f"invisible character U+{ord(char):04X} {name} in the text"),
                Text("删除它（常见于从网页或微信复制的文字）", "delete it (it often comes with text pasted from web pages or chat apps)"),
                needle=char,
            )
