"""A Markdown text past a rendering limit is printed as plain paragraphs; the author is told.

The limits (data/limits.py) keep rendering linear: more than MAX_CHARS characters or
MAX_BRACKETS `[` in one text,
or lists and quotes nested deeper than MAX_NESTING levels. No real paragraph comes near them;
pasted data or a runaway editor macro does.
"""

from __future__ import annotations

from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.data.limits import MAX_BRACKETS, MAX_CHARS, MAX_NESTING, limit_hit
from genreport.data.texts import report_texts
from genreport.errors import Severity, Text

MARKDOWN_FIELDS = ("intro", "text", "preamble", "body")


@rule("markdown-limit", Severity.WARNING)
def markdown_limit(ctx: Context) -> Iterator[Problem]:
    for path, text in report_texts(ctx.report):
        if path[-1] not in MARKDOWN_FIELDS:
            continue
        hit = limit_hit(text)
        if hit == "length":
            yield Problem(
                path,
                Text(
                    f"这段文字超过 {MAX_CHARS} 字，将按纯文本排印，不解析 Markdown",
                    f"this text is longer than {MAX_CHARS} characters; it is printed as plain text, without Markdown",
                ),
                Text("把它拆成几段或几个要点", "split it into several paragraphs or points"),
            )
        elif hit == "brackets":
            yield Problem(
                path,
                Text(
                    f"这段文字的方括号“[”超过 {MAX_BRACKETS} 个，将按纯文本排印，不解析 Markdown",
                    f"this text has more than {MAX_BRACKETS} '[' brackets; it is printed as plain text, without Markdown",
                ),
                Text("删除多余的方括号；公文中的括号请用全角“〔〕”或“【】”", "remove the stray brackets"),
            )
        elif hit == "nesting":
            yield Problem(
                path,
                Text(
                    f"列表或引用嵌套超过 {MAX_NESTING} 层，将按纯文本排印，不解析 Markdown",
                    f"lists or quotes nested more than {MAX_NESTING} levels deep; the text is printed as plain text",
                ),
                Text("减少缩进层级", "use fewer levels of indentation"),
            )
