"""Text pasted from Word into a zh-CN report: half-width punctuation between hanzi, tabs, and a
unit in quotes. Each is a warning at its place; an English report is left alone.

`政府,县委` prints with a half-width comma that looks like a gap; Word's tab survives as a wide
gap in the HTML and a single space in the PDF; `120“件”` or `unit: “名”` prints the quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.data.texts import report_texts
from genreport.errors import Severity, Text

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_HAN_OR_MARK = f"{_HAN}\u3001-\u303f\uff01-\uff5e“”‘’"
_HALF_WIDTH = re.compile(f"(?<=[{_HAN}])([,;:()])(?=[{_HAN_OR_MARK}])|(?<=[{_HAN_OR_MARK}])([,;:()])(?=[{_HAN}])")
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
_QUOTED_UNIT = re.compile(f"(?<=[\\d%])\\s*([“\"‘'「『][{_HAN}]{{1,2}}[”\"’'」』])")
_QUOTES = re.compile("[“”\"‘’'「」『』]")


def _chinese(ctx: Context) -> bool:
    return ctx.report.locale == "zh-CN"


@rule("half-width-punctuation", Severity.WARNING)
def half_width_punctuation(ctx: Context) -> Iterator[Problem]:
    if not _chinese(ctx):
        return
    for path, text in report_texts(ctx.report):
        for line in text.splitlines():
            if re.match(r"^\s*\|", line):
                continue  # a Markdown table row: its | and : are structure
            match = _HALF_WIDTH.search(line)
            if match is None:
                continue
            mark = match.group(0)
            following = line[match.end() : match.end() + 2]
            yield Problem(
                path,
                Text(f"汉字之间用了半角标点“{mark}”", f"half-width “{mark}” between Chinese characters"),
                Text(
                    f"改为全角“{_FULL[mark]}”（常见于从 Word 复制的文字）",
                    f"use the full-width “{_FULL[mark]}” (it often comes with text pasted from Word)",
                ),
                needle=mark + following,
            )
            break


@rule("tab-in-text", Severity.WARNING)
def tab_in_text(ctx: Context) -> Iterator[Problem]:
    for path, text in report_texts(ctx.report):
        if "\t" in text:
            yield Problem(
                path,
                Text("文字中有 Tab 制表符", "a tab character in the text"),
                Text(
                    "删除 Tab，或换成逗号、空格（常见于从 Word 复制的文字）",
                    "delete the tab, or use a comma or a space (it often comes with text pasted from Word)",
                ),
                needle="\t",
            )


@rule("quoted-unit", Severity.WARNING)
def quoted_unit(ctx: Context) -> Iterator[Problem]:
    if not _chinese(ctx):
        return
    for i, indicator in enumerate(ctx.report.indicators):
        if indicator.unit and _QUOTES.search(indicator.unit):
            bare = _QUOTES.sub("", indicator.unit)
            yield Problem(
                ("indicators", i, "unit"),
                Text(f"单位“{indicator.unit}”带有引号", f"the unit {indicator.unit} is in quotes"),
                Text(f"只写单位本身：unit: {bare}", f"write the unit alone: unit: {bare}"),
            )
    for path, text in report_texts(ctx.report):
        match = _QUOTED_UNIT.search(text)
        if match:
            quoted = match.group(1)
            yield Problem(
                path,
                Text(f"数字后的单位带有引号：{quoted}", f"the unit after a figure is in quotes: {quoted}"),
                Text(f"去掉引号：{_QUOTES.sub('', quoted)}", f"remove the quotes: {_QUOTES.sub('', quoted)}"),
                needle=quoted,
            )
