"""Ordinals a clerk types at the start of a point or heading: 一是, 第一，, 首先，, 一、, （一）, 1., ①, "First,".

The product numbers points itself (render/points.py), so a typed ordinal would print twice
("一是一是持续深化……"). This module only recognises one and says which number it names; the
render Document drops it (render/document.py) and the `typed-ordinal` rule says so (checks/).

Narrow on purpose, because these words also start ordinary sentences: 第一 needs a comma or 是
after it (第一责任人, 第一书记 and 第一时间 are words), 首先/其次 a comma, 1. a following hanzi or
space (not 1.5万), "First" a comma. A Markdown emphasis around the ordinal (**一是**) goes with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HANZI_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
_SEQUENCE_WORDS = {"首先": 1, "其次": 2}
_NUMERAL = "[一二三四五六七八九十]{1,3}"
_DIGITS = r"\d{1,2}"

# Each alternative names its number in the group "n", in one of four spellings.
_ORDINAL = re.compile(
    rf"(?P<hanzi_shi>{_NUMERAL})是(?=\S)"
    rf"|第(?P<hanzi_di>{_NUMERAL})(?:是|[，,、：:])"
    rf"|(?P<seq>首先|其次)[，,、：:]"
    rf"|(?P<hanzi_dun>{_NUMERAL})、(?![一二三四五六七八九十])"  # not 一、二季度
    rf"|[（(](?P<hanzi_paren>{_NUMERAL})[）)]"
    rf"|[（(](?P<digit_paren>{_DIGITS})[）)]"
    rf"|(?P<digit_dot>{_DIGITS})[.．、](?!\d)"
    rf"|(?P<circled>[{_CIRCLED}])"
    rf"|(?P<word>(?i:{'|'.join(_WORDS)})(?:ly)?),"
)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)?")


@dataclass(frozen=True)
class TypedOrdinal:
    """An ordinal found at the start of a text: what was typed, the number it names, the text without it.

    A loose one (首先, 其次) counts only where it names its own place: 首先 on the third point is
    a word of the sentence ("首先要……"), not a number to drop or to call wrong.
    """

    typed: str
    number: int
    rest: str
    loose: bool = False  # 首先 / 其次: words of sequence, an ordinal only where they match the place


def hanzi_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 二十三 -> 23 (what a point's ordinal may be)."""
    if "十" not in text:
        return _HANZI_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_HANZI_DIGITS.get(tens, 0) if tens else 1) * 10 + (_HANZI_DIGITS.get(ones, 0) if ones else 0)


def _number(match: re.Match[str]) -> int:
    groups = match.groupdict()
    for name in ("hanzi_shi", "hanzi_di", "hanzi_dun", "hanzi_paren"):
        if groups[name]:
            return hanzi_number(groups[name])
    if groups["seq"]:
        return _SEQUENCE_WORDS[groups["seq"]]
    if groups["digit_paren"] or groups["digit_dot"]:
        return int(groups["digit_paren"] or groups["digit_dot"])
    if groups["circled"]:
        return _CIRCLED.index(groups["circled"]) + 1
    word = groups["word"].lower()
    return _WORDS.index(word[:-2] if word.endswith("ly") else word) + 1


def typed_ordinal(text: str) -> TypedOrdinal | None:
    """The ordinal typed at the start of `text` (after spaces and an opening emphasis), or None."""
    stripped = text.lstrip()
    opening = _EMPHASIS.match(stripped)
    marker = opening.group(1) or "" if opening else ""
    body = stripped[len(marker) :]
    match = _ORDINAL.match(body)
    if match is None:
        return None
    number = _number(match)
    if number < 1:
        return None
    after = body[match.end() :].lstrip(" \u3000")
    if not after.strip(" *_"):
        return None  # nothing but the ordinal: it is the text, not a number in front of it
    if marker and after.startswith(marker):
        rest = after[len(marker) :].lstrip(" \u3000")  # **一是** 持续 -> 持续
    else:
        rest = marker + after  # **一是持续深化** -> **持续深化**
    if match.group("word") and rest[:1].islower():
        rest = rest[0].upper() + rest[1:]  # "First, the county" -> "The county" (render lowers it again)
    return TypedOrdinal(match.group(0), number, rest, loose=bool(match.group("seq")))
