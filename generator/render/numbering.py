"""Numbering and locale formatting, generated in Python and registered as Jinja filters.

The user never types a number: templates pass a 1-based position and the locale.

| level            | zh-CN    | en          |
|------------------|----------|-------------|
| part             | 一、     | 1.          |
| subsection       | （一）   | (1)         |
| point            | 一是     | First,      |
| item             | 1.       | 1.          |
| sub-item         | （1）    | (1)         |
"""

from __future__ import annotations

import datetime as dt

DIGITS = "零一二三四五六七八九"
ORDINALS = (
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
    "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth",
    "Eighteenth", "Nineteenth", "Twentieth",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 105 -> 一百零五, 1010 -> 一千零一十, 10001 -> 一万零一.

    Any positive count: a report with a thousand subsections is odd, but it must still number.
    """
    if n < 1:
        raise ValueError(f"cannot number {n} in Chinese numerals (from 1)")
    high, low = divmod(n, 10000)
    if not high:
        return _below_ten_thousand(n, leading=True)
    out = chinese_number(high) + "万"
    if low:
        out += ("零" if low < 1000 else "") + _below_ten_thousand(low, leading=False)
    return out


def _below_ten_thousand(n: int, leading: bool) -> str:
    out, pending_zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if pending_zero and out:
                out += "零"
            # 十一, not 一十一, when the number starts with its tens.
            out += ("" if unit == "十" and digit == 1 and not out and leading else DIGITS[digit]) + unit
            pending_zero = False
        else:
            pending_zero = True
    return out


def ordinal_word(n: int) -> str:
    """1 -> First; past the words, 21 -> 21st."""
    if 1 <= n <= len(ORDINALS):
        return ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def part_number(n: int, locale: str) -> str:
    return f"{chinese_number(n)}、" if locale == "zh-CN" else f"{n}. "


def subsection_number(n: int, locale: str) -> str:
    return f"（{chinese_number(n)}）" if locale == "zh-CN" else f"({n}) "


def point_number(n: int, locale: str) -> str:
    return f"{chinese_number(n)}是" if locale == "zh-CN" else f"{ordinal_word(n)}, "


def item_number(n: int, locale: str) -> str:
    return f"{n}." if locale == "zh-CN" else f"{n}. "


def subitem_number(n: int, locale: str) -> str:
    return f"（{n}）" if locale == "zh-CN" else f"({n}) "


def format_date(value: dt.date, locale: str) -> str:
    """2024年1月16日 (full year, no zero padding, GB/T 9704 §7.3.5) / 16 January 2024."""
    if locale == "zh-CN":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_number(value: float, locale: str) -> str:
    """3.0 -> 3, 46.55 -> 46.55; en groups thousands (3,249), zh-CN does not (3249)."""
    if locale != "en":
        return plain_number(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10g}"


def plain_number(value: float) -> str:
    """11, 82.5, 3249 — never 11.0 or 1.23457e+06, no grouping (zh-CN text, diffs)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


FILTERS = {
    "part_num": part_number,
    "sub_num": subsection_number,
    "point_num": point_number,
    "item_num": item_number,
    "subitem_num": subitem_number,
    "date": format_date,
    "number": format_number,
}
