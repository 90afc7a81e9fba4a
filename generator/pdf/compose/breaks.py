"""Where a line of zh-CN body text may break: CLREQ 避头尾 for Chinese, UAX #14 for Latin and digits.

The composer (pdf/compose/paragraph.py) chooses among these opportunities, and WeasyPrint
(through Pango) must see the same ones, or its lines differ from the composer's: the rules
below are the subset of UAX #14 that Pango applies to the characters of a report, with the
classes CLREQ cares about named as it names them.

  * no closing mark at a line start (、。，；：？！ ）」』》〉】〕 ” and their half-width
    forms), no opening mark at a line end (（「『《〈【〔 “);
  * no break inside "——" (UAX #14 LB17) nor "……" (LB22, which also keeps … with what is before it);
  * a number stays whole: 3.2, 46.55%, 7×24, ¥100, A+B (LB23-LB25); "No.|3" may break;
  * a Latin word breaks only at its spaces, after a hyphen or a slash;
  * quotation marks “ ” are UAX #14's QU, which Pango glues on both sides (LB19); pdf/cjk_breaks.py
    adds the opportunities CLREQ allows around them as zero-width spaces, and a zero-width space is
    an opportunity here as it is for Pango (LB8).
"""

from __future__ import annotations

import functools
import unicodedata

ZWSP = "\u200b"

# Classes, by the names of UAX #14.
OP, CL, EX, NS, IS, SY, QU, B2, IN, NU, AL, PR, PO, HY, SP, ZW, ID, GL = (
    "OP CL EX NS IS SY QU B2 IN NU AL PR PO HY SP ZW ID GL".split()
)

_CLASSES: dict[str, str] = {}
for chars, cls in (
    ("（《〈「『【〔｛［([{", OP),
    ("）》〉」』】〕｝］)]}、。，．｡､", CL),
    ("！？!?", EX),
    ("：；ー々〆〻ヽヾゝゞ・‼⁇⁈⁉", NS),
    (",.:;", IS),
    ("/", SY),
    ("“”‘’\"'«»", QU),
    ("—", B2),
    ("…‥", IN),
    ("%‰℃°′″％", PO),
    ("$¥￥£€+＋#№", PR),
    ("-‐", HY),
    (" \t", SP),
    (ZWSP, ZW),
    ("\u00a0\u2060", GL),
):
    for char in chars:
        _CLASSES[char] = cls


@functools.lru_cache(maxsize=4096)
def line_class(char: str) -> str:
    """The UAX #14 class of `char`, as far as the rules below need it."""
    found = _CLASSES.get(char)
    if found is not None:
        return found
    if "0" <= char <= "9":  # (full-width digits break like hanzi in Pango: ID)
        return NU
    if char.isascii():
        return AL if char.isalnum() or char in "&*@^_`|~<=>" else ID
    width = unicodedata.east_asian_width(char)
    if width == "A":
        return AL  # UAX #14's AI (×, §, ①, °), which Pango resolves to AL: 7×24 stays whole
    if unicodedata.category(char).startswith("L") and width not in ("W", "F"):
        return AL  # Latin, Greek, Cyrillic letters
    return ID  # hanzi, kana, full-width forms, symbols: a break on either side


@functools.cache
def _allowed(before: str, after: str, before2: str | None) -> bool:
    """Whether a break is allowed between two characters of classes `before` and `after`
    (`before2`: the class of the character before `before`, for number rules)."""
    if after in (SP, ZW, GL) or before == GL:
        return False  # LB7, LB11-LB12: no break before a space; none around a no-break space
    if before == ZW:
        return True  # LB8
    if before == SP:
        return True  # LB18: after a space
    if after in (CL, EX, IS, SY, NS) or before == OP:
        return False  # LB13, LB14, LB16, LB21: 避头尾
    if before == QU or after == QU:
        return False  # LB19
    if before == B2 and after == B2:
        return False  # LB17
    if after == IN and before in (AL, ID, IN, NU, EX, CL):
        return False  # LB22
    if after == HY or (before == HY and after == NU):
        return False  # LB21, LB25
    if before in (AL, NU) and after in (AL, NU):
        return False  # LB23, LB28
    if before in (PR, PO) and after in (NU, AL) or before in (AL, NU, CL) and after in (PR, PO):
        return False  # LB24, LB25: ¥100, 46.55%, A+B
    if before == PR and after == ID or before == ID and after == PO:
        return False  # LB23a: 承诺制+全代办 keeps + with 全
    if before == IS and after == AL:
        return False  # LB29: e.g., 3.5kg
    if before in (IS, SY) and after == NU and before2 == NU:
        return False  # LB25: 3.2, 1/2
    if before == SY and after == NU:
        return False  # LB25
    return True


def opportunities(text: str) -> list[bool]:
    """For each index i, whether a line may break before text[i] (index 0: never)."""
    classes = [line_class(char) for char in text]
    # (the class before each pair, its first, its second): the three lists end at the shortest
    return [False] + [_allowed(b, a, c) for c, b, a in zip([None, *classes], classes, classes[1:], strict=False)]
