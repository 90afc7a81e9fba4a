"""Figures as Chinese reports state them: 120余, 3.2万, 约60, 近千, 1,200, 60左右.

One parser for three readers: the model (an indicator's `value: 100余` loads as 100 with its
qualifier, printed as written), the render (the written form goes to the table and chart), and
`figure-mismatch` (a figure in the text is compared with its qualifier understood: 120余 agrees
with 120 and with 125, not with 140). Pure functions, no genreport imports.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

Qualifier = Literal["over", "about", "nearly"] | None

# Words that make a figure approximate, by what they say of the true value.
_PREFIXES: dict[str, Qualifier] = {
    "超过": "over",
    "将近": "nearly",
    "大约": "about",
    "约": "about",
    "近": "nearly",
    "超": "over",
    "逾": "over",
}
_SUFFIXES: dict[str, Qualifier] = {"余": "over", "多": "over", "以上": "over", "左右": "about"}
SCALES = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A whole written figure, as a data file's value holds it: prefix, number (or a bare scale: 近千), scale, suffix.
WRITTEN = re.compile(
    rf"^\s*(?P<prefix>{'|'.join(_PREFIXES)})?\s*"
    rf"(?:(?P<number>{_NUMBER})\s*(?P<scale>[十百千万亿])?|(?P<bare>[百千万亿]))"
    rf"\s*(?P<suffix>{'|'.join(_SUFFIXES)})?\s*$"
)


@dataclass(frozen=True)
class Figure:
    """A figure as written: its value (scale applied), how exact it is, and its text."""

    value: float
    qualifier: Qualifier
    written: str
    step: float  # the figure's last written place: 120 -> 10, 100 -> 100, 3.2万 -> 1000

    def agrees_with(self, known: float) -> bool:
        """Could the true value be `known`? Exact figures agree with themselves and their rounding."""
        if math.isclose(self.value, known, rel_tol=1e-9, abs_tol=1e-9):
            return True
        if self.qualifier == "over":  # 120余: at least 120, less than 130
            return self.value <= known < self.value + self.step
        if self.qualifier == "about":  # 约60: 55 to 65 (a tenth either side for a round 约1000)
            return abs(known - self.value) <= max(self.step / 2, 0.1 * self.value)
        if self.qualifier == "nearly":  # 近千: a little under 1000
            return self.value - max(self.step, 0.2 * self.value) <= known <= self.value
        # 12.9 written for 12.86: the true value rounded to the decimals written.
        rounded = round(known / self.step) * self.step
        return self.step < 1 and math.isclose(self.value, rounded, abs_tol=1e-9) and self.value != 0


def _step(number: str, scale: float) -> float:
    digits = number.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1]) * scale
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** min(zeros, len(digits) - 1) * scale if digits.strip("0") else scale


def parse(text: str) -> Figure | None:
    """The figure a data file's value states (`100余`, `3.2万`, `约60`, `近千`), or None."""
    match = WRITTEN.match(text)
    if match is None:
        return None
    prefix, suffix = match.group("prefix"), match.group("suffix")
    qualifier = _PREFIXES.get(prefix or "") or _SUFFIXES.get(suffix or "")
    if match.group("bare"):
        scale = SCALES[match.group("bare")]
        return Figure(scale, qualifier or "about", text.strip(), scale)
    number = match.group("number")
    scale = SCALES.get(match.group("scale") or "", 1.0)
    value = float(number.replace(",", "")) * scale
    return Figure(value, qualifier, text.strip(), _step(number, scale))


def of_number(value: float) -> Figure:
    """A plain number as a figure (exact): 12.86 has the step 0.01."""
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return Figure(value, None, text, _step(text, 1.0))


# A figure inside running text: the same grammar, without anchors, plus what follows it.
IN_TEXT = re.compile(
    rf"(?:(?P<prefix>{'|'.join(_PREFIXES)})[为有达计]?)?"
    rf"(?<![\d.,第])(?P<number>{_NUMBER})(?![\d])\s*(?P<scale>[万亿])?(?P<suffix>余|多)?"
)


def in_text(text: str, match: re.Match[str]) -> tuple[Figure, str]:
    """The figure a match of IN_TEXT found, and the text after it (where its unit stands).
    以上/左右 after the unit (100件以上, 80%左右) also make it approximate."""
    number = match.group("number")
    scale = SCALES.get(match.group("scale") or "", 1.0)
    qualifier = _PREFIXES.get(match.group("prefix") or "") or _SUFFIXES.get(match.group("suffix") or "")
    rest = text[match.end() :]
    if qualifier is None:
        after = re.match(r"\s*[^\d\s，。；、,;]{0,4}?(以上|左右|上下|以下)", rest)
        if after:
            # 100件以上: at least; 80%左右, 100件以下: roughly, as far as a comparison goes
            qualifier = "over" if after.group(1) == "以上" else "about"
    value = float(number.replace(",", "")) * scale
    return Figure(value, qualifier, match.group(0).strip(), _step(number, scale)), rest
