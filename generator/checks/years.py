"""Last year's year left in this year's words: the title, a part heading, the preamble's 现将…报告如下.

A clerk who starts from last year's file changes the figures and forgets the heading that says
"一、2022年推进法治政府建设的主要举措和成效". Only the places that state which year the report is
about are read: there, every year named must be the report's, except in the part on next year's
plans, whose year is the next one. A span of years (2021—2025年) and a year inside a document's
name (《…（2021—2025年）》) say nothing about the report's year and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.errors import FieldPath, Severity, Text

_HANZI = "〇一二三四五六七八九十"
NEXT_YEAR_SECTION = "next_year"  # the part that names next year (kind.yaml has no field for it yet)
_BOOK_TITLE = re.compile(r"《[^《》]*》")
_RANGE = "—–\\-~～至到"
_YEAR = re.compile(rf"(?<![\d{_RANGE}])(?:19|20)\d{{2}}(?![\d{_RANGE}])(?!\s*[—–~～]\s*\d)")
# The preamble's sentence that announces the report: 现将我县2023年度法治政府建设情况报告如下。
_ANNOUNCE = {
    "zh-CN": re.compile(r"现将[^。！；\n]*?报告如下"),
    "en": re.compile(r"[^.!\n]*\b(?:report|reports|reported)\b[^.!\n]*\bas follows\b", re.IGNORECASE),
}


def named_years(text: str) -> list[tuple[str, str]]:
    """The four-digit years `text` names on their own (not in a span, not inside 《》), each with
    the two characters before it (to find it in the file when the same year is named twice)."""
    blanked = _BOOK_TITLE.sub(lambda m: " " * len(m.group(0)), text)
    return [(m.group(0), text[max(0, m.start() - 2) : m.start()].lstrip()) for m in _YEAR.finditer(blanked)]


def moved_years(text: str, year: int) -> str:
    """`text` of the `year` report carried to the next: 2023 -> 2024, and a named next year 2024 -> 2025.

    Spans (2021—2025年) and years inside 《》 stay; so does any other year, which is history.
    """
    blanked = _BOOK_TITLE.sub(lambda m: " " * len(m.group(0)), text)
    out, end = [], 0
    for match in _YEAR.finditer(blanked):
        if int(match.group(0)) in (year, year + 1):
            out += [text[end : match.start()], str(int(match.group(0)) + 1)]
            end = match.end()
    return "".join(out) + text[end:]


def _part_name(ctx: Context, key: str) -> Text:
    spec = ctx.kind.section(key)
    if spec is None:
        return Text(f"“{key}”部分", f'part "{key}"')
    n = ctx.kind.sections.index(spec) + 1
    return Text(
        f"第{_HANZI[n] if n < len(_HANZI) else n}部分（{spec.heading('zh-CN')}）", f'part {n} ("{spec.heading("en")}")'
    )


def _places(ctx: Context) -> Iterator[tuple[FieldPath, str, str, int, Text]]:
    """(path, text read, the field's whole text, the year it should name, what the place is)."""
    report, year = ctx.report, ctx.report.year
    if report.title:
        yield ("title",), report.title, report.title, year, Text("标题", "the title")
    announce = _ANNOUNCE[report.locale].search(report.preamble or "")
    if announce:
        yield (
            ("preamble",),
            announce.group(0),
            report.preamble or "",
            year,
            Text("开头段落的“现将……报告如下”", "the preamble's announcing sentence"),
        )
    for key, section in report.sections.items():
        if section.heading:
            expected = year + 1 if key == NEXT_YEAR_SECTION else year
            part = _part_name(ctx, key)
            yield (
                ("sections", key, "heading"),
                section.heading,
                section.heading,
                expected,
                Text(f"{part.zh}的标题", f"the heading of {part.en}"),
            )


@rule("year-mismatch", Severity.WARNING)
def year_mismatch(ctx: Context) -> Iterator[Problem]:
    for path, text, whole, expected, place in _places(ctx):
        found = dict.fromkeys(named_years(text))
        # A title or preamble that names the year may name the next as well: "2023年法治政府建设情况
        # 和2024年工作安排". A part heading names one year only.
        allowed = {expected}
        if path[0] != "sections" and str(expected) in (named for named, _ in found):
            allowed.add(expected + 1)
        for named, before in found:
            if int(named) in allowed:
                continue
            yield Problem(
                path,
                Text(
                    f"{place.zh}写的是{named}年，本报告是{ctx.report.year}年度的"
                    + ("（本部分应写下一年度）" if expected != ctx.report.year else ""),
                    f"{place.en} names {named}, but this is the {ctx.report.year} report"
                    + (" (this part is about the next year)" if expected != ctx.report.year else ""),
                ),
                Text(f"改为{expected}年", f"change it to {expected}"),
                # The year alone points at it; when the field names it more than once (a preamble
                # that opens with 2022年), what precedes it tells the right one apart.
                needle=named if whole.count(named) == 1 else before + named,
            )
