"""Choose the line breaks of one paragraph for the whole paragraph (a total-fit, as Knuth-Plass does).

A line's cost is how far justification would spread it (the square of its extra space per
character, relative to policy.LIMIT), plus a large cost past the limit; a line-end squeeze
(policy.py) costs a little; a single hanzi alone on the last line costs more than any
acceptable line. The cheapest sequence of lines wins; on the grid most lines hold exactly 28
cells and cost nothing, so the result differs from first-fit only where first-fit would leave a
line loose or a hanzi alone.

`first_fit` is what WeasyPrint (through Pango) does with the same opportunities and widths:
the last opportunity that fits. The difference between the two is what the emitted markup has
to pin down (pdf/compose/emit.py).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from genreport.pdf.compose import policy

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Lines:
    """A paragraph's lines: `breaks[k]` is where line k+1 starts (the last one is len(text));
    `squeezed` the offsets of the closing marks that lose their blank half at a line end."""

    breaks: tuple[int, ...]
    squeezed: frozenset[int]
    cost: float


@dataclass(frozen=True)
class Measure:  # frozen, yet its cached_property tables fill __dict__ once
    """What the composer needs of a paragraph: its text, each character's advance and break opportunities."""

    text: str
    widths: Sequence[float]
    allowed: Sequence[bool]  # allowed[i]: a break before text[i]
    width: float  # the line's measure, pt
    indent: float  # the first line's indent, pt
    size: float  # font size, pt (LIMIT is in em)
    justified: bool = True

    def span(self, start: int, end: int) -> float:
        """The width of text[start:end] as a line: without the spaces that hang at its end."""
        while end > start and self.text[end - 1] == " ":
            end -= 1
        return self.prefix[end] - self.prefix[start]

    @functools.cached_property
    def prefix(self) -> list[float]:
        """prefix[i]: the width of text[:i]."""
        return list(itertools.accumulate(self.widths, initial=0.0))

    @functools.cached_property
    def _counted(self) -> list[int]:
        return list(itertools.accumulate((char not in " \u200b" for char in self.text), initial=0))

    def gaps(self, start: int, end: int) -> int:
        """The places justification spreads on text[start:end]: between its visible characters."""
        return self._counted[end] - self._counted[start] - 1

    def available(self, start: int) -> float:
        return self.width - (self.indent if start == 0 else 0.0)


def half_of(measure: Measure, index: int) -> float:
    """What a line-end squeeze of text[index] gains (0 when it may not be squeezed)."""
    char = measure.text[index]
    return measure.widths[index] / 2 if char in policy.LINE_END_SQUEEZABLE else 0.0


def line_cost(measure: Measure, start: int, end: int, last: bool) -> tuple[float, bool] | None:
    """(cost, squeezed) of the line text[start:end], or None when it cannot be set."""
    shortfall = measure.available(start) - measure.span(start, end)
    squeezed = False
    if shortfall < -1e-6:
        gain = half_of(measure, end - 1) if end > start else 0.0
        if shortfall + gain < -1e-6:
            return None
        shortfall += gain
        squeezed = True
    cost = policy.SQUEEZE_COST if squeezed else 0.0
    if last:
        visible = measure.text[start:end].replace("\u200b", "").strip()
        if start > 0 and len(visible) <= 3 and len(_HAN.findall(visible)) == 1:
            cost += policy.LONE_LAST_COST
        return cost, squeezed
    if not measure.justified:
        return cost, squeezed
    gaps = max(measure.gaps(start, end), 1)
    ratio = shortfall / gaps / (policy.LIMIT * measure.size)
    cost += 100.0 * ratio * ratio
    if ratio > 1.0:
        cost += policy.LOOSE_COST
    return cost, squeezed


def _ends(measure: Measure, start: int, opportunities: list[int]) -> list[int]:
    """The candidate ends of a line starting at `start`: the opportunities (and the paragraph's
    end) that fit, down to 2.5 cells short (past the limit anyway on a full line), and always
    the longest that fits; where none fits, the first, which overflows as Pango lets it."""
    n = len(measure.text)
    available = measure.available(start)
    prefix = measure.prefix
    base = prefix[start]
    first = bisect.bisect_right(opportunities, start)
    # the opportunities up to "over by a squeezed half cell"; the last of them that fits is the longest
    stop = bisect.bisect_right(prefix, base + available + measure.size / 2 + 1e-6, lo=start)
    last = bisect.bisect_right(opportunities, stop, lo=first)
    low = base + available - 2.5 * measure.size
    ends: list[int] = []
    for k in range(last - 1, first - 1, -1):
        end = opportunities[k]
        used = measure.span(start, end)
        if used - half_of(measure, end - 1) > available + 1e-6:
            continue
        if ends and prefix[end] < low:
            break
        ends.append(end)
    if not ends:
        ends.append(opportunities[first] if first < len(opportunities) else n)
    return ends


def _first_fit_lines(measure: Measure, opportunities: list[int]) -> Lines | None:
    """First-fit's lines when every one of them is acceptable (none loose, squeezed or a lone
    hanzi: on the grid, most paragraphs), else None."""
    n = len(measure.text)
    breaks, start, total = [], 0, 0.0
    while start < n:
        end = first_fit(measure, measure.widths, measure.allowed, start)
        priced = line_cost(measure, start, end, last=end == n)
        if priced is None or priced[1] or priced[0] >= 100.0:
            return None
        breaks.append(end)
        total += priced[0]
        start = end
    return Lines(tuple(breaks), frozenset(), total)


def compose(measure: Measure) -> Lines:
    """The cheapest lines of the paragraph."""
    n = len(measure.text)
    if n == 0:
        return Lines((0,), frozenset(), 0.0)
    opportunities = [i for i in range(1, n) if measure.allowed[i]] + [n]
    quick = _first_fit_lines(measure, opportunities)
    if quick is not None:
        return quick
    best: dict[int, tuple[float, int, bool]] = {0: (0.0, -1, False)}  # start -> (cost, previous start, squeezed)
    for start in [0, *opportunities]:
        if start not in best or start == n:
            continue
        base = best[start][0]
        for end in _ends(measure, start, opportunities):
            priced = line_cost(measure, start, end, last=end == n)
            if priced is None:  # an overflowing run: set it as Pango would, at a price
                priced = (policy.LOOSE_COST * 10, False)
            cost = base + priced[0]
            if end not in best or cost < best[end][0]:
                best[end] = (cost, start, priced[1])
    breaks, squeezed, at = [], set(), n
    while at > 0:
        _, start, squeeze = best[at]
        breaks.append(at)
        if squeeze:
            squeezed.add(at - 1)
        at = start
    return Lines(tuple(reversed(breaks)), frozenset(squeezed), best[n][0])


def first_fit(measure: Measure, widths: Sequence[float], allowed: Sequence[bool], start: int) -> int:
    """Where Pango ends a line starting at `start`: the last opportunity that fits (else the first)."""
    n = len(measure.text)
    available = measure.available(start)
    used, fit, first = 0.0, None, None
    trailing = 0.0
    for end in range(start + 1, n + 1):
        char = measure.text[end - 1]
        used += widths[end - 1]
        trailing = trailing + widths[end - 1] if char == " " else 0.0
        if end < n and not allowed[end]:
            continue
        if first is None:
            first = end
        if used - trailing > available + 1e-6:
            break
        fit = end
    return fit if fit is not None else (first if first is not None else n)
