"""Ordinals typed by hand where the product numbers: 一是 at the start of a point, （一） in a heading.

The render drops them (render/typed.py), so nothing prints twice; these rules tell the clerk,
so that the data file says what prints. One that names another position than its own (三是 on
the second point) is an error: a point was probably lost or moved, and only the clerk knows which.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from genreport.checks.registry import Context, Problem, rule
from genreport.data.model import Point, Report
from genreport.data.ordinals import typed_ordinal
from genreport.errors import FieldPath, Severity, Text


@dataclass(frozen=True)
class Typed:
    path: FieldPath
    typed: str
    number: int
    position: int
    heading: bool


def _points(base: FieldPath, points: list[Point]) -> Iterator[Typed]:
    if len(points) < 2:
        return  # a lone point prints no ordinal: what was typed is all there is
    for position, point in enumerate(points, start=1):
        field = "lead" if point.lead else "text"
        found = typed_ordinal(getattr(point, field))
        if found is not None and not (found.loose and found.number != position):  # as render/typed.py
            yield Typed((*base, position - 1, field), found.typed, found.number, position, heading=False)


def typed_ordinals(report: Report) -> Iterator[Typed]:
    """Every typed ordinal the render drops, with the position it stands at."""
    for key, section in report.sections.items():
        base: FieldPath = ("sections", key)
        for i, sub in enumerate(section.subsections):
            found = typed_ordinal(sub.heading)
            if found is not None and not found.loose:
                yield Typed((*base, "subsections", i, "heading"), found.typed, found.number, i + 1, heading=True)
            yield from _points((*base, "subsections", i, "points"), sub.points)
        yield from _points((*base, "points"), section.points)


@rule("typed-ordinal", Severity.WARNING)
def typed_ordinal_rule(ctx: Context) -> Iterator[Problem]:
    for found in typed_ordinals(ctx.report):
        if found.number != found.position:
            continue  # ordinal-position says more
        what = Text("小标题", "heading") if found.heading else Text("要点", "point")
        yield Problem(
            found.path,
            Text(
                f"{what.zh}开头手打了序号“{found.typed}”：genreport 按位置自动编号，手打的不再印出",
                f'the {what.en} starts with a typed ordinal "{found.typed}": genreport numbers it by its place,'
                " so the typed one is not printed",
            ),
            Text(f"删去“{found.typed}”", f'delete "{found.typed}"'),
            needle=found.typed,
        )


@rule("ordinal-position", Severity.ERROR)
def ordinal_position(ctx: Context) -> Iterator[Problem]:
    for found in typed_ordinals(ctx.report):
        if found.number == found.position:
            continue
        what = Text("小标题", "heading") if found.heading else Text("要点", "point")
        yield Problem(
            found.path,
            Text(
                f"手打的序号“{found.typed}”与位置不符：这是第{found.position}个{what.zh}，按位置编号",
                f'the typed ordinal "{found.typed}" disagrees with its place:'
                f" this is {what.en} {found.position}, numbered by its place",
            ),
            Text(
                "核对是否漏了或挪了一项，再删去手打的序号（genreport 按位置编号）",
                "check whether an item was lost or moved, then delete the typed ordinal"
                " (genreport numbers by position)",
            ),
            needle=found.typed,
        )
