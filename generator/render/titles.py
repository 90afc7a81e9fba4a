"""Balanced title lines (GB/T 9704 §7.3.1): a long zh-CN title breaks into lines of similar
length, at a natural place (after the issuer's name, before 关于), never one long line and a stub.

Widths are counted in ideographs: an ASCII character (the digits of 2023) counts half.
An en title is one line; the browser wraps it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

SINGLE_LINE_MAX = 18.0  # a 22 pt title fits 20 ideographs in the 156 mm text block; keep some air
LINE_MAX = 20.0
MIN_RATIO = 0.4  # the shortest line is at least this share of the longest: no stubs
NO_LINE_START = set("）》」』”’、，。：；！？%")
NO_LINE_END = set("（《「『“‘")
SOFT_BEFORE = ("关于",)
PENALTY = {"issuer": 0.0, "soft": 10.0, "punct": 15.0, "plain": 50.0}


def width(text: str) -> float:
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def _allowed(title: str, i: int) -> bool:
    before, after = title[i - 1], title[i]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if ord(before) < 128 and ord(after) < 128 and not (before.isspace() or after.isspace()):
        return False  # inside 2023 or a Latin word
    return not (before.isdigit() and after in "年月日号")


def _break_kinds(title: str, names: Iterable[str]) -> dict[int, str]:
    """Position i (a break before title[i]) -> how natural it is."""
    kinds = {i: "plain" for i in range(1, len(title)) if _allowed(title, i)}
    for i in kinds:
        if title[i - 1] in "）》、" or title[i].isspace() or title[i - 1].isspace():
            kinds[i] = "punct"
        if any(title.startswith(word, i) for word in SOFT_BEFORE):
            kinds[i] = "soft"
    for name in names:
        at = title.find(name)
        while at >= 0:
            end = at + len(name)
            for i in (end, end + 1):  # after the name, or after the space that follows it
                if i in kinds and (i == end or title[end].isspace()):
                    kinds[i] = "issuer"
            at = title.find(name, end)
    return kinds


def _cost(lines: list[str], kinds: list[str]) -> float:
    widths = [width(line) for line in lines]
    if max(widths) > LINE_MAX or min(widths) < MIN_RATIO * max(widths):
        return math.inf
    mean = sum(widths) / len(widths)
    spread = sum(((w - mean) / mean) ** 2 for w in widths) * 100
    return spread + sum(PENALTY[k] for k in kinds)


def balanced_lines(title: str, issuer_names: Iterable[str] = (), locale: str = "zh-CN") -> list[str]:
    """The title as lines of similar width; [title] when it is short, English, or cannot be split well."""
    title = title.strip()
    if locale != "zh-CN":
        return _balanced_words(title, list(issuer_names))
    if width(title) <= SINGLE_LINE_MAX:
        return [title]
    kinds = _break_kinds(title, list(issuer_names))
    count = max(2, math.ceil(width(title) / LINE_MAX))
    best: tuple[float, list[str]] = (math.inf, [title])
    for lines_wanted in (count, count + 1):
        if lines_wanted > 4:
            break
        for cuts in itertools.combinations(sorted(kinds), lines_wanted - 1):
            bounds = [0, *cuts, len(title)]
            lines = [title[a:b].strip() for a, b in itertools.pairwise(bounds)]
            if not all(lines):
                continue
            cost = _cost(lines, [kinds[c] for c in cuts]) + (lines_wanted - count) * 20
            if cost < best[0]:
                best = (cost, lines)
        if best[0] < math.inf:
            break
    return best[1]


EN_LINE_CHARS = 44  # a4.css title (bold serif): about 48 characters fit the text block; keep a margin


def _balanced_words(title: str, issuer_names: list[str]) -> list[str]:
    """An English title broken between words into lines of similar length (no one-word stub),
    keeping each issuer's name on one line where it can."""
    words = title.split()
    # Word positions inside an issuer's name: a break there splits the name.
    inside: set[int] = set()
    for name in issuer_names:
        at = title.find(name)
        if at >= 0:
            first = len(title[:at].split())
            inside.update(range(first + 1, first + len(name.split())))
    if len(title) <= EN_LINE_CHARS or len(words) < 2:
        return [title]
    count = math.ceil(len(title) / EN_LINE_CHARS)
    best: tuple[float, list[str]] = (math.inf, [title])
    for cuts in itertools.combinations(range(1, len(words)), min(count, len(words)) - 1):
        bounds = [0, *cuts, len(words)]
        lines = [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
        longest = max(map(len, lines))
        if longest > EN_LINE_CHARS * 1.15:
            continue
        cost = longest - min(map(len, lines)) + 30 * len(inside.intersection(cuts))
        if cost < best[0]:
            best = (cost, lines)
    return best[1]
