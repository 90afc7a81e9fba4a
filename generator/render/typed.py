"""The report as it prints: an ordinal the clerk typed (一是, 第一，, （一）) is dropped where the product numbers.

Only a list of two or more points gets 一是 / "First," (render/points.py), so only there would a
typed one print twice; a lone point keeps its text as written. Subsection headings are always
numbered, so a typed （一） is dropped from every one. `check` names each one it drops
(`typed-ordinal`), so the data file can be cleaned too.
"""

from __future__ import annotations

from genreport.data.model import Point, Report, Section, Subsection
from genreport.data.ordinals import typed_ordinal


def _point(point: Point, position: int, total: int) -> Point:
    if total < 2:
        return point
    field = "lead" if point.lead else "text"
    found = typed_ordinal(getattr(point, field))
    if found is None or (found.loose and found.number != position):
        return point
    return point.model_copy(update={field: found.rest})


def _points(points: list[Point]) -> list[Point]:
    return [_point(p, n, len(points)) for n, p in enumerate(points, start=1)]


def _subsection(sub: Subsection) -> Subsection:
    found = typed_ordinal(sub.heading)  # a subsection is always numbered, a lone one too
    heading = sub.heading if found is None or found.loose else found.rest
    return sub.model_copy(update={"heading": heading, "points": _points(sub.points)})


def _section(section: Section) -> Section:
    subsections = [_subsection(sub) for sub in section.subsections]
    return section.model_copy(update={"subsections": subsections, "points": _points(section.points)})


def without_typed_ordinals(report: Report) -> Report:
    """`report` with each typed ordinal at the start of a numbered point (or its lead) removed."""
    return report.model_copy(update={"sections": {key: _section(s) for key, s in report.sections.items()}})
