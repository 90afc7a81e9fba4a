"""Last year's promises: each 下一年度安排 item of last year's report, and where this year's reports on it.

The 2019 督察 regulation asks each report to say what became of the previous year's arrangements.
Chinese has no spaces to split words on, so texts are compared by their pairs of adjacent hanzi
(bigrams): an item is reported on when a passage of this year's report holds most of the pairs
of the item's name (its heading or lead). Pairs that say nothing in a report of this kind
(法治, 政府, 推进 ...: those in most of last year's items, or in the list below) are not counted,
so that "全面推进依法行政" is not found in every paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from genreport.checks.registry import Context, Problem, rule
from genreport.data.model import Point, Report, Section
from genreport.data.texts import paragraphs
from genreport.errors import FieldPath, Severity, Text

PLANS_SECTION = "next_year"  # last year's arrangements (kind.yaml has no field for the link yet)
ENOUGH = 0.3  # the score (below) at which a passage reports on an item, set on real reports (README)
_LATIN_WORD = re.compile(r"[A-Za-z]{4,}")
# Pairs in nearly every sentence of such a report, and the function characters that make a pair say nothing.
_GENERIC = frozenset(
    "法治 治政 政府 府建 建设 推进 持续 全面 加强 深化 进一 一步 工作 提升 坚持 不断 积极 深入 切实 扎实 着力 "
    "进行 开展 落实 完善 健全 我县 全县 县政 我市 全市 全省 我省 今年 明年 年度 依法 行政 水平 能力 体系 机制 "
    "各项 有关 相关 重点 主要 大力 努力 全力 力争 进一步 实施 加快 不断 更加 高质 质量 发展 继续".split()
)
_FUNCTION = "的了和与及在对把等为是将以于并其之也"


def _run_without(breaks: str) -> re.Pattern[str]:
    """A run of hanzi that no character of `breaks` is part of (a character class, split around them)."""
    ranges, start = [], 0x4E00
    for code in sorted(map(ord, breaks)):
        if code > start:
            ranges.append(f"{chr(start)}-{chr(code - 1)}")
        start = code + 1
    return re.compile(f"[{''.join(ranges)}{chr(start)}-\u9fff]+")


# A function character breaks a run of hanzi: no pair holds one.
_HANZI_RUN = _run_without(_FUNCTION)
# The same for an en report: its function words and the words every such report uses.
_GENERIC_EN = frozenset(
    "that with will shall through whole work from have this these those their which more every also been into over "
    "under about such than other each year years annual county city province government governments rule building "
    "build keep further strengthen improve improving advancing continue continued promote ensure across respect "
    "according aspects aspect made make well upon what when where while".split()
)


def _pairs(text: str) -> set[str]:
    out: set[str] = set()
    for run in _HANZI_RUN.findall(text):
        out.update(map(str.__add__, run, run[1:]))
    out -= _GENERIC
    if _LATIN_WORD.search(text):  # an en report: its longer words, a plural as its singular
        words = {w.lower().removesuffix("s") if len(w) > 4 else w.lower() for w in _LATIN_WORD.findall(text)}
        out.update(w for w in words if w not in _GENERIC_EN and w + "s" not in _GENERIC_EN)
    return out


@dataclass(frozen=True)
class Promise:
    """One of last year's arrangements: its name (heading or lead), its path in last year's file."""

    name: str
    path: FieldPath
    pairs: frozenset[str]  # of its name
    body: frozenset[str]  # of its name and its text


@dataclass(frozen=True)
class Passage:
    """A piece of this year's report that may report on a promise: a subsection, a point, a paragraph."""

    path: FieldPath
    text: str
    pairs: frozenset[str]


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[。；！？.;!?])", " ".join(text.split()), maxsplit=1)[0]


def _point_name(point: Point) -> str:
    return point.lead or _first_sentence(point.text)


def _items(section: Section) -> Iterator[tuple[str, str, FieldPath]]:
    """(name, whole text, path) of each arrangement: subsections, else points, else paragraphs."""
    base: FieldPath = ("sections", PLANS_SECTION)
    if section.subsections:
        for i, sub in enumerate(section.subsections):
            whole = "\n".join([sub.heading, sub.intro or "", *(f"{p.lead or ''}{p.text}" for p in sub.points)])
            yield sub.heading, whole, (*base, "subsections", i, "heading")
    elif section.points:
        for i, point in enumerate(section.points):
            yield (
                _point_name(point),
                f"{point.lead or ''}{point.text}",
                (*base, "points", i, "lead" if point.lead else "text"),
            )
    else:
        for paragraph in paragraphs(section.intro or ""):
            yield _first_sentence(paragraph), paragraph, (*base, "intro")


def promises(last: Report) -> list[Promise]:
    """Last year's arrangements, each with the pairs that tell it apart from the others."""
    section = last.sections.get(PLANS_SECTION)
    if section is None or section.none:
        return []
    items = list(_items(section))
    counted = [_pairs(name) for name, _, _ in items]
    # A pair in most items (建设, 法治 in a report that names them everywhere) tells none apart.
    common = {p for pairs in counted for p in pairs if sum(p in c for c in counted) * 2 > len(counted) >= 3}
    return [
        Promise(name, path, frozenset(pairs - common), frozenset((_pairs(whole) | pairs) - common))
        for (name, whole, path), pairs in zip(items, counted, strict=True)
    ]


def _passage(path: FieldPath, text: str) -> Passage:
    return Passage(path, text, frozenset(_pairs(text)))


def _point_passages(base: FieldPath, points: list[Point]) -> list[Passage]:
    return [_passage((*base, k, "lead" if p.lead else "text"), f"{p.lead or ''}{p.text}") for k, p in enumerate(points)]


def _section_passages(key: str, section: Section) -> Iterator[Passage]:
    base: FieldPath = ("sections", key)
    for paragraph in paragraphs(section.intro or ""):
        yield _passage((*base, "intro"), paragraph)
    for i, sub in enumerate(section.subsections):
        points = _point_passages((*base, "subsections", i, "points"), sub.points)
        # The subsection as one passage: its pairs are its parts' (each text is split once).
        head = _passage((*base, "subsections", i, "heading"), f"{sub.heading}\n{sub.intro or ''}")
        whole = "\n".join([head.text, *(p.text for p in points)])
        yield Passage(head.path, whole, head.pairs.union(*(p.pairs for p in points)))
        yield from points
    yield from _point_passages((*base, "points"), section.points)


def passages(report: Report) -> list[Passage]:
    """This year's report, except its own plans for next year, in pieces that may report on a promise."""
    return [p for key, s in report.sections.items() if key != PLANS_SECTION for p in _section_passages(key, s)]


def score(promise: Promise, passage: Passage) -> float:
    """How much of the item the passage holds: its whole text's pairs, and half weight for its name's.

    A report rewords the heading ("坚持党的全面领导" becomes "加强党的领导") but keeps the item's
    substance (纳入年度目标责任考核, 三项制度), so the text counts fully and the name adds to it.
    """
    body = len(promise.body & passage.pairs) / len(promise.body) if promise.body else 0.0
    name = len(promise.pairs & passage.pairs) / len(promise.pairs) if promise.pairs else 0.0
    return body + name / 2


def traces(promise: Promise, found: list[Passage]) -> list[Passage]:
    """The passages that report on `promise`, best first (a subsection before its own points)."""
    scored = [(score(promise, p), -i, p) for i, p in enumerate(found)]
    return [p for score, _, p in sorted(scored, key=lambda s: (s[0], s[1]), reverse=True) if score >= ENOUGH]


@rule("promise-unreported", Severity.WARNING)
def promise_unreported(ctx: Context) -> Iterator[Problem]:
    if ctx.previous is None or ctx.previous_loaded is None:
        return
    found = passages(ctx.report)
    for promise in promises(ctx.previous):
        if not promise.body or any(score(promise, passage) >= ENOUGH for passage in found):
            continue  # a name of stock words only cannot be looked for
        yield Problem(
            ("sections", "measures") if "measures" in ctx.report.sections else ("sections",),
            Text(
                f"上年报告安排的“{promise.name}”在今年的报告中没有找到落实情况",
                f"last year's report planned \"{promise.name}\"; this year's report does not say what became of it",
            ),
            Text(
                "在第一部分（主要举措和成效）写明这项安排的落实情况；确未落实的，在第二部分说明原因"
                "（《法治政府建设与责任落实督察工作规定》：年度报告写上一年度的举措和成效、不足和原因）",
                "say in part 1 (measures and results) what was done about it; if nothing was, give the reason in part 2"
                " (《法治政府建设与责任落实督察工作规定》: the report gives the year's measures and results,"
                " its shortcomings and their causes)",
            ),
            at_key=True,
            related=ctx.previous_loaded.location(promise.path),
        )
