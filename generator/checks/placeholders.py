"""Placeholders left in the text: TODO, TBD, XXX, ××, 【待填】, a lone "...", lorem ipsum.

Matched with care: "7×24小时" is a multiplication, not the ×× placeholder, and a Chinese
ellipsis …… inside a sentence is punctuation; only an ellipsis standing alone is a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from genreport.checks.placeholder_marks import placeholder_tokens
from genreport.checks.registry import Context, Problem, rule
from genreport.data.texts import every_string
from genreport.errors import Severity, Text

_INLINE = re.compile(
    r"(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])"
    r"|(?<![A-Za-z])[Xx]{3,}(?![A-Za-z])"
    r"|[×Ｘ]{2,}"
    r"|【[^】]{0,8}(?:待|填|补)[^】]{0,8}】"
    r"|(?i:lorem ipsum)"
)
# An ellipsis with nothing else on its line (or in its list item or table cell).
_ALONE = re.compile(r"^[\s>*+\-|]*(?:\.{3,}|…+|。{3,})[\s|]*$", re.MULTILINE)


@rule("placeholder", Severity.ERROR)
def placeholder(ctx: Context) -> Iterator[Problem]:
    for path, text in every_string(ctx.report):  # metadata too: 待定 in disclosure.classification
        found = [m.group(0) for m in _INLINE.finditer(text)]
        found += [m.group(0).strip(" \t>*+-|") for m in _ALONE.finditer(text)]
        found += placeholder_tokens(text)  # the Chinese draft family: XX, X月X日, ○○, 某某, [待填] ...
        for token in dict.fromkeys(found):
            yield Problem(
                path,
                Text(f"占位符“{token}”尚未替换", f'placeholder "{token}" left in the text'),
                Text("把它换成实际内容", "replace it with the actual content"),
                needle=token,
            )
