"""Key figures: comparable, in range, and consistent with each other."""

from __future__ import annotations

from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.data.identity import matching
from genreport.errors import Severity, Text


@rule("duplicate-indicator", Severity.ERROR)
def duplicate_indicator(ctx: Context) -> Iterator[Problem]:
    # An indicator without a key is named by its label, so two unkeyed ones may not share a label.
    seen: dict[str, int] = {}
    for i, indicator in enumerate(ctx.report.indicators):
        field = "key" if indicator.key else "label"
        if indicator.ident in seen:
            yield Problem(
                ("indicators", i, field),
                Text(f"指标标识 {indicator.ident} 重复", f"indicator key {indicator.ident} is used twice")
                if indicator.key
                else Text(
                    f"指标名称“{indicator.ident}”重复，且未填写 key",
                    f'indicator label "{indicator.ident}" is used twice, with no key',
                ),
                Text("每个指标的 key 必须唯一", "give each indicator its own key")
                if indicator.key
                else Text("改用不同的名称，或给两个指标各填一个 key", "give them different labels, or a key each"),
                related=ctx.loaded.location(("indicators", seen[indicator.ident], field)),
            )
        seen.setdefault(indicator.ident, i)


@rule("missing-figure", Severity.ERROR)
def missing_figure(ctx: Context) -> Iterator[Problem]:
    # A rule rather than a model constraint, so that a carried-forward file with figures still
    # to fill (value: null) loads, builds as a draft, and shows this error at each indicator.
    for i, indicator in enumerate(ctx.report.indicators):
        if indicator.value is None and indicator.change is None:
            yield Problem(
                ("indicators", i, "value"),
                Text(
                    f"指标“{indicator.label}”尚未填写本年数值",
                    f'indicator "{indicator.label}" has no figure for this year yet',
                ),
                Text(
                    "填写 value（本年数值）；只知同比变化时填写 change",
                    "write value (this year's figure), or change when only the change is known",
                ),
                at_key=True,
            )


@rule("unknown-part-of", Severity.ERROR)
def unknown_part_of(ctx: Context) -> Iterator[Problem]:
    keys = {indicator.ident for indicator in ctx.report.indicators} | {i.label for i in ctx.report.indicators}
    for i, indicator in enumerate(ctx.report.indicators):
        if indicator.part_of and indicator.part_of not in keys:
            yield Problem(
                ("indicators", i, "part_of"),
                Text(
                    f"part_of 指向不存在的指标 {indicator.part_of}", f"part_of names no indicator: {indicator.part_of}"
                ),
                Text(f"可用的指标：{'、'.join(sorted(keys))}", f"known keys: {', '.join(sorted(keys))}"),
            )


@rule("missing-previous", Severity.WARNING)
def missing_previous(ctx: Context) -> Iterator[Problem]:
    for i, indicator in enumerate(ctx.report.indicators):
        # `previous: null` written out says "no comparable figure exists": acknowledged, not forgotten.
        acknowledged = "previous" in indicator.model_fields_set
        if indicator.previous is None and indicator.change is None and not acknowledged:
            yield Problem(
                ("indicators", i),
                Text(f"指标“{indicator.label}”没有比较值", f'indicator "{indicator.label}" has no comparison value'),
                Text(
                    "填写 previous（上年数值）或 change（同比变化）；确无可比数据时写 previous: null",
                    "add previous (last year's value) or change (year on year); write previous: null if none exists",
                ),
                at_key=True,
            )


@rule("percent-range", Severity.WARNING)
def percent_range(ctx: Context) -> Iterator[Problem]:
    for i, indicator in enumerate(ctx.report.indicators):
        if indicator.unit != "%":
            continue
        for field in ("value", "previous"):
            number = getattr(indicator, field)
            if number is not None and not 0 <= number <= 100:
                yield Problem(
                    ("indicators", i, field),
                    Text(f"百分比 {number:g}% 超出 0–100", f"percentage {number:g}% is outside 0–100"),
                    Text("核对数值；增长率请用 change 表示", "check the figure; express growth with change"),
                )


@rule("part-exceeds-whole", Severity.WARNING)
def part_exceeds_whole(ctx: Context) -> Iterator[Problem]:
    by_key = {indicator.label: indicator for indicator in ctx.report.indicators}
    by_key.update({indicator.ident: indicator for indicator in ctx.report.indicators})  # part_of names a key or a label
    for i, part in enumerate(ctx.report.indicators):
        whole = by_key.get(part.part_of or "")
        if whole and part.value is not None and whole.value is not None and part.value > whole.value:
            yield Problem(
                ("indicators", i, "value"),
                Text(
                    f"“{part.label}”（{part.value:g}）大于“{whole.label}”（{whole.value:g}）",
                    f'"{part.label}" ({part.value:g}) exceeds "{whole.label}" ({whole.value:g})',
                ),
                Text("办结数不能多于受理数；核对两个数值", "cases concluded cannot exceed cases accepted; check both"),
            )


@rule("previous-mismatch", Severity.WARNING)
def previous_mismatch(ctx: Context) -> Iterator[Problem]:
    if ctx.previous is None:
        return
    pairs = matching(ctx.previous.indicators, ctx.report.indicators)
    for i, (old, indicator) in enumerate(pairs[: len(ctx.report.indicators)]):
        assert indicator is not None
        comparing_last_year = indicator.previous_year in (None, ctx.report.year - 1)
        if old and old.value is not None and indicator.previous is not None and comparing_last_year:
            if abs(old.value - indicator.previous) > 1e-9:
                yield Problem(
                    ("indicators", i, "previous"),
                    Text(
                        f"previous 为 {indicator.previous:g}，但上年报告中为 {old.value:g}",
                        f"previous is {indicator.previous:g} but last year's report says {old.value:g}",
                    ),
                    Text("核对上年数值，或说明口径变化", "check last year's figure, or explain the change of basis"),
                )
