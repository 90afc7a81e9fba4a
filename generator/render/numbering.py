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
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 99 -> 九十九, 100 -> 一百, 105 -> 一百零五."""
    if n < 1 or n > 999:
        raise ValueError(f"cannot number {n} in Chinese numerals (1-999)")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    if ones:
        out += DIGITS[ones]
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
    if float(value).is_integer():
        text = f"{int(value):,}" if locale == "en" else str(int(value))
    else:
        text = f"{value:,.10g}" if locale == "en" else f"{value:.10g}"
    return text


FILTERS = {
    "part_num": part_number,
    "sub_num": subsection_number,
    "point_num": point_number,
    "item_num": item_number,
    "subitem_num": subitem_number,
    "date": format_date,
    "number": format_number,
}
