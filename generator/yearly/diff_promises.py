"""The diff's list of last year's arrangements, each beside the places in this year's report on it.

A place is named as the printed report numbers it (一（二）, 一（二）二是), so a reviewer finds it
in the draft, followed by its heading, its lead or its first words. Which places report on an
arrangement is decided by checks/promises.py, the same as `check`'s promise-unreported.
"""

from __future__ import annotations

from dataclasses import dataclass

from genreport.checks.promises import Passage, passages, promises, traces
from genreport.data.kinds import KindSpec
from genreport.data.model import Report
from genreport.render.numbering import part_number, point_number, subsection_number

EXCERPT = 24
MOST = 2  # places shown per arrangement

_WORDS = {
    "zh-CN": {
        "title": "上年安排的落实情况",
        "none": "未找到（check 报 promise-unreported）",
        "empty": "（上年报告没有下一年度安排）",
    },
    "en": {
        "title": "Last year's plans, and where this year's report covers them",
        "none": "not found (check warns promise-unreported)",
        "empty": "(last year's report has no plans for the year)",
    },
}


@dataclass(frozen=True)
class PromiseRow:
    """One of last year's arrangements and the places of this year's report on it, best first."""

    name: str
    places: list[str]


def place_name(place: Passage, kind: KindSpec, locale: str) -> str:
    """一（二）二是 / 1.(2)Second: where `place` prints, then its first words."""
    _, key, *rest = place.path
    spec = kind.section(str(key))
    number = part_number(kind.sections.index(spec) + 1, locale).rstrip("、. ") if spec else str(key)
    if rest and rest[0] == "subsections":
        number += subsection_number(int(rest[1]) + 1, locale).strip()
        rest = rest[2:]
    if rest and rest[0] == "points":
        number += point_number(int(rest[1]) + 1, locale).strip().rstrip(",")
    first = " ".join(place.text.split("\n", 1)[0].split())
    excerpt = first if len(first) <= EXCERPT else first[:EXCERPT] + "…"
    return f"{number} {excerpt}"


def _outermost(places: list[Passage]) -> list[Passage]:
    """The best places; a subsection stands for its own points (none shown inside one already shown).

    An intro that lists every arrangement in one sentence counts for `check`, but a reviewer wants
    the subsection or point that says what was done: those come first.
    """
    shown: list[Passage] = []
    for place in sorted(places, key=lambda p: p.path[-1] == "intro"):  # stable: best first within each
        if not any(s.path[-1] == "heading" and place.path[: len(s.path) - 1] == s.path[:-1] for s in shown):
            shown.append(place)
    return shown[:MOST]


def promise_rows(old: Report, new: Report, kind: KindSpec) -> list[PromiseRow]:
    found = passages(new)
    return [
        PromiseRow(p.name, [place_name(t, kind, new.locale) for t in _outermost(traces(p, found))])
        for p in promises(old)
    ]


def promise_lines(rows: list[PromiseRow], locale: str, *, markdown: bool) -> list[str]:
    words = _WORDS[locale]
    lines = [f"## {words['title']}", ""] if markdown else [f"== {words['title']} =="]
    if not rows:
        return [*lines, words["empty"], ""]
    sep = "；" if locale == "zh-CN" else "; "
    for n, row in enumerate(rows, start=1):
        lines.append(f"{n}. {row.name} → {sep.join(row.places) or words['none']}")
    return [*lines, ""]
