"""`genreport diff`: what changed between two years' reports, part by part, and in the figures.

The unit of comparison is the paragraph (whitespace-normalised, so re-wrapping is not a change),
with subsection headings as units of their own, so a new subsection shows up as added. difflib
aligns the two sequences; inside a replaced block, paragraphs are paired in order and called
"changed" when they are still mostly the same text, otherwise "removed" and "added". Last year's
下一年度安排 are listed with the places of this year's report on them (checks/promises.py). Formatting
for people lives in yearly/diff_format.py; this module returns data.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from genreport.data.identity import matching
from genreport.data.kinds import KindSpec
from genreport.data.model import Indicator, Point, Report, Section
from genreport.data.texts import paragraphs
from genreport.yearly.diff_promises import PromiseRow, promise_rows

PREAMBLE = "preamble"
SIMILAR = 0.5  # below this character-level ratio a rewritten paragraph counts as removed + added


@dataclass(frozen=True)
class Unit:
    """One comparable piece of a part: a paragraph, or a subsection heading."""

    text: str
    heading: bool = False


@dataclass(frozen=True)
class Change:
    what: Literal["added", "removed", "changed"]
    old: Unit | None = None
    new: Unit | None = None


@dataclass
class SectionDiff:
    key: str
    index: int | None  # the part's place in the kind, None for the preamble or an unknown part
    heading: str
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0


@dataclass(frozen=True)
class IndicatorRow:
    key: str
    label: str
    unit: str | None
    old: float | None
    new: float | None
    stated_change: float | None = None  # the newer report's own `change`, when it gives one
    change_unit: str | None = None


@dataclass
class ReportDiff:
    old_year: int
    new_year: int
    locale: str
    sections: list[SectionDiff]
    indicators: list[IndicatorRow]
    promises: list[PromiseRow] = field(default_factory=list)


def diff_reports(old: Report, new: Report, kind: KindSpec) -> ReportDiff:
    """Compare two reports of the same kind; messages follow the newer report's locale."""
    locale = new.locale
    sections = [_compare(SectionDiff(PREAMBLE, None, ""), _text_units(old.preamble), _text_units(new.preamble))]
    keys = [*kind.section_keys, *(k for k in [*old.sections, *new.sections] if k not in kind.section_keys)]
    for key in dict.fromkeys(keys):
        spec = kind.section(key)
        before, after = old.sections.get(key), new.sections.get(key)
        if before is None and after is None:
            continue
        heading = (after and after.heading) or (spec.heading(locale) if spec else key)
        index = kind.sections.index(spec) if spec else None
        sections.append(_compare(SectionDiff(key, index, heading), _section_units(before), _section_units(after)))
    kept = promise_rows(old, new, kind)
    return ReportDiff(old.year, new.year, locale, sections, _indicator_rows(old.indicators, new.indicators), kept)


def _compare(result: SectionDiff, old: list[Unit], new: list[Unit]) -> SectionDiff:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.unchanged += i2 - i1
            continue
        _pair(result.changes, old[i1:i2], new[j1:j2])
    return result


def _pair(changes: list[Change], removed: list[Unit], added: list[Unit]) -> None:
    """A replaced block, in order: each old paragraph is paired with the next similar new one."""
    start, waiting = 0, []
    for a in removed:
        match = next((k for k in range(start, len(added)) if _similar(a, added[k])), None)
        if match is None:
            waiting.append(a)
            continue
        changes += [Change("removed", old=w) for w in waiting] + [Change("added", new=b) for b in added[start:match]]
        changes.append(Change("changed", a, added[match]))
        start, waiting = match + 1, []
    changes += [Change("removed", old=w) for w in waiting] + [Change("added", new=b) for b in added[start:]]


# Past this many characters a paragraph's likeness is its characters' overlap (quick_ratio, linear):
# ratio() aligns them, which is quadratic in the paragraph's length (minutes for 200,000 characters).
ALIGN_LIMIT = 5_000


def _similar(a: Unit, b: Unit) -> bool:
    if a.heading != b.heading:
        return False
    matcher = difflib.SequenceMatcher(None, a.text, b.text, autojunk=False)
    if matcher.quick_ratio() < SIMILAR:
        return False
    return len(a.text) + len(b.text) > 2 * ALIGN_LIMIT or matcher.ratio() >= SIMILAR


def _text_units(text: str | None) -> list[Unit]:
    return [Unit(p) for p in paragraphs(text or "")]


def _point_units(points: list[Point]) -> Iterator[Unit]:
    # A point reads as its lead followed by its text, so the two are compared together.
    for point in points:
        yield from _text_units(f"{point.lead or ''}{point.text}")


def _section_units(section: Section | None) -> list[Unit]:
    if section is None:
        return []
    units = _text_units(section.intro)
    for sub in section.subsections:
        units += [Unit(sub.heading, heading=True), *_text_units(sub.intro), *_point_units(sub.points)]
    units += _point_units(section.points)
    return units


def _indicator_rows(old: list[Indicator], new: list[Indicator]) -> list[IndicatorRow]:
    """Every indicator of either year, in the newer report's order; last year's value from its own file.
    Matched by key, or by label when a year gives no key (data/identity.py)."""
    rows = []
    for a, b in matching(old, new):
        shown = b or a
        assert shown is not None
        old_value = a.value if a is not None else (b.previous if b is not None else None)
        stated = (b.change, b.change_unit) if b is not None else (None, None)
        rows.append(IndicatorRow(shown.ident, shown.label, shown.unit, old_value, b.value if b else None, *stated))
    return rows
