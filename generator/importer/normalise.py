"""Text made the way `check` wants it, every change noted with its place in the source.

Chinese text: half-width , ; : ? ! ( ) beside hanzi become full-width, spaces between hanzi go,
and Word's and the web's invisible characters (control characters, zero-width spaces, soft
hyphens, the BOM) are removed. C1 controls (U+0080-U+009F: from `&#x81;`-style references or raw
bytes; CSI U+009B starts a terminal command) are removed and named apart, NEL (U+0085, a line
break) becoming a space: `check` refuses every control character in a data file. English text only loses the invisible characters. A title keeps
its spaces: a joint title separates its issuers with one on purpose.
"""

from __future__ import annotations

import re

from genreport.importer.blocks import Notes, Where

_CJK = "\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e"
_HAN = f"[{_CJK}“”‘’]"
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffe\uffff]"
)
_C1 = re.compile("[\u0080-\u009f]")
_SPACE_BETWEEN = re.compile(f"(?<={_HAN})[ \u00a0\u3000]+(?={_HAN})")
_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# The second branch starts only where a run of white space starts ((?<!\\s)): tried from every
# space of a run it scanned the rest of the run each time, quadratic (15 s for 20,000 spaces).
_HALF_PUNCT = re.compile(f"(?<={_HAN})\\s*([,;:?!])\\s*|(?<!\\s)\\s*([,;:?!])\\s*(?={_HAN})")
_PARENS = re.compile(r"\(([^()]{0,60})\)")
_HAN_ONLY = re.compile("[\u4e00-\u9fff]")
_SPACES = re.compile("[ \u00a0]{2,}")


def strip_invisible(text: str, where: Where, notes: Notes) -> str:
    """`text` without control and zero-width characters (noted once, with their code points)."""
    text = _strip_c1(text, where, notes)
    found = _INVISIBLE.findall(text)
    if not found:
        return text
    codes = "、".join(sorted({f"U+{ord(c):04X}" for c in found}))
    notes.add(
        "normalised",
        f"删除看不见的字符 {codes}（{len(found)} 个）",
        f"removed invisible characters {codes} ({len(found)})",
        where,
    )
    return _INVISIBLE.sub("", text)


def _strip_c1(text: str, where: Where, notes: Notes) -> str:
    found = _C1.findall(text)
    if not found:
        return text
    codes = "、".join(sorted({f"U+{ord(c):04X}" for c in found}))
    nel = "\x85" in found
    notes.add("normalised", f"删除 C1 控制字符 {codes}（{len(found)} 个{'；U+0085 换行改为空格' if nel else ''}）",
              f"removed C1 control characters {codes} ({len(found)}{'; U+0085, a line break, became a space' if nel else ''})", where)  # fmt: skip
    return _C1.sub(lambda m: " " if m.group(0) == "\x85" else "", text)


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 4) : end + 4]


def normalise(text: str, locale: str, where: Where, notes: Notes, keep_spaces: bool = False) -> str:
    """`text` normalised; each kind of change made is noted once, with an example."""
    text = strip_invisible(text, where, notes)
    text = text.replace("\u00a0", " ")
    if locale != "zh-CN":
        return _SPACES.sub(" ", text).strip()
    if not keep_spaces:
        match = _SPACE_BETWEEN.search(text)
        if match:
            example = _context(text, match.start(), match.end())
            count = len(_SPACE_BETWEEN.findall(text))
            text = _SPACE_BETWEEN.sub("", text)
            notes.add(
                "normalised",
                f"删除汉字之间的空格 {count} 处，如“{example}”",
                f"removed {count} space(s) between Chinese characters, e.g. “{example}”",
                where,
            )
    match = _HALF_PUNCT.search(text)
    if match:
        example = _context(text, match.start(), match.end())
        count = len(_HALF_PUNCT.findall(text))
        text = _HALF_PUNCT.sub(lambda m: _PUNCT[m.group(1) or m.group(2)], text)
        notes.add(
            "normalised",
            f"半角标点改为全角 {count} 处，如“{example}”",
            f"half-width punctuation made full-width ({count}), e.g. “{example}”",
            where,
        )
    changed = []

    def parens(m: re.Match[str]) -> str:
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        if _HAN_ONLY.search(m.group(1)) or _HAN_ONLY.match(before) or _HAN_ONLY.match(after):
            changed.append(m.group(0))
            return f"（{m.group(1)}）"
        return m.group(0)

    text = _PARENS.sub(parens, text)
    if changed:
        notes.add(
            "normalised",
            f"半角括号改为全角 {len(changed)} 处，如“{changed[0]}”",
            f"half-width brackets made full-width ({len(changed)}), e.g. “{changed[0]}”",
            where,
        )
    return text.strip()
