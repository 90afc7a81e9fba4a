"""Dates that are impossible for the reported year, or that miss the regulation's deadlines.

The 2019 regulation: report by 1 March of the following year, publish by 1 April.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.errors import Severity, Text


def _zh(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@rule("missing-date", Severity.ERROR)
def missing_date(ctx: Context) -> Iterator[Problem]:
    if ctx.report.signed_on is None:
        yield Problem(
            ("signed_on",),
            Text("缺少成文日期 signed_on", "the date signed (signed_on) is missing"),
            Text(
                "填写 signed_on: YYYY-MM-DD；草稿可用 build --draft 生成",
                "add signed_on: YYYY-MM-DD (a draft builds with --draft)",
            ),
            at_key=True,
        )


@rule("date-impossible", Severity.ERROR)
def date_impossible(ctx: Context) -> Iterator[Problem]:
    year, signed = ctx.report.year, ctx.report.signed_on
    if signed is None:
        return
    if signed < dt.date(year + 1, 1, 1):
        yield Problem(
            ("signed_on",),
            Text(
                f"成文日期 {_zh(signed)} 早于 {year} 年度结束", f"signed on {signed}, before the year {year} had ended"
            ),
            Text(f"年度报告应在 {year + 1} 年签发", f"an annual report for {year} is signed in {year + 1}"),
        )
    elif signed.year > year + 1:
        yield Problem(
            ("signed_on",),
            Text(
                f"成文日期 {_zh(signed)} 比报告年度晚了 {signed.year - year} 年",
                f"signed on {signed}, {signed.year - year} years after {year}",
            ),
            Text("检查 year 和 signed_on 是否写错", "check year and signed_on for a typo"),
        )


@rule("signed-late", Severity.WARNING)
def signed_late(ctx: Context) -> Iterator[Problem]:
    signed, deadline = ctx.report.signed_on, dt.date(ctx.report.year + 1, 3, 1)
    if signed is not None and deadline < signed < dt.date(ctx.report.year + 2, 1, 1):
        yield Problem(
            ("signed_on",),
            Text(f"成文日期晚于报送期限 {_zh(deadline)}", f"signed after the reporting deadline, {deadline}"),
            Text(
                "按规定应在 3 月 1 日前报送；核对日期", "the regulation asks for the report by 1 March; check the date"
            ),
        )


@rule("published-late", Severity.WARNING)
def published_late(ctx: Context) -> Iterator[Problem]:
    disclosure = ctx.report.disclosure
    deadline = dt.date(ctx.report.year + 1, 4, 1)
    if disclosure and disclosure.published_on and disclosure.published_on > deadline:
        yield Problem(
            ("disclosure", "published_on"),
            Text(f"发布日期晚于公开期限 {_zh(deadline)}", f"published after the publication deadline, {deadline}"),
            Text("按规定应在 4 月 1 日前公开", "the regulation asks for publication by 1 April"),
        )


@rule("date-order", Severity.WARNING)
def date_order(ctx: Context) -> Iterator[Problem]:
    signed = ctx.report.signed_on
    later = {
        ("disclosure", "published_on"): ctx.report.disclosure.published_on if ctx.report.disclosure else None,
        ("distribution", "printed_on"): ctx.report.distribution.printed_on if ctx.report.distribution else None,
    }
    for path, day in later.items():
        if signed and day and day < signed:
            yield Problem(
                path,
                Text(f"{path[-1]} 早于成文日期 {_zh(signed)}", f"{path[-1]} is before the date signed, {signed}"),
                Text("印发和发布都在签发之后", "printing and publication come after signing"),
            )
