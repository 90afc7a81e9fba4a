"""The draft placeholders Chinese clerks actually type, as patterns (used by the `placeholder` rule).

Each pattern is narrow on purpose, so that real text stays clean: "7×24小时" is a product, "XXL"
and "XXII" are Latin words, 某 in 某些 is a word, 二〇〇〇年 is a year written in hanzi, X光 is
an X-ray, and …… inside a sentence is an ellipsis. What is matched: XX / xx (not touching a
Latin letter), X月X日 and 202X年, a run of ○ or □, 某某, [待填] 【待补充】 （待定） in any
bracket, ？？, a blank line of underscores ＿＿＿, and a field that is only 待定 / 待填 / 暂定.
"""

from __future__ import annotations

import re

_LATIN = "A-Za-z"
_HANZI_NUMERAL = "一二三四五六七八九十〇零"
# The common surnames: 王某某 and 李某 name a party to a case without the name.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾"
    "夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_FILL_WORDS = "待填写?|待补充?|待定|待核实?|待完善|待更新|待确认|此处填写?|请填写?"

_PATTERNS = [
    # 202X年, 20XX年: a year with its last digits left open.
    rf"(?<![{_LATIN}\d])\d{{2,3}}[XxＸｘ]{{1,2}}(?=年)",
    # X月X日, XX月XX日, X月, X日 (a date or a count with X for the figure).
    rf"(?<![{_LATIN}])[XxＸｘ]+月[XxＸｘ]+日",
    # XX, xx, XXX... not part of a Latin word (XXL, XXII, ABXX).
    rf"(?<![{_LATIN}])(?:XX+|xx+|ＸＸ+|ｘｘ+)(?![{_LATIN}])",
    # A single X where a figure belongs: X件, X个, 第X次, X%.
    rf"(?<![{_LATIN}])[XxＸｘ](?=[件个项次人名户家万亿元%％号条所起倍批天])",
    rf"(?<=第)[XxＸｘ](?![{_LATIN}])",
    # ○○ □□ △△ (white circles, squares); 〇〇 only when not a numeral in a hanzi year (二〇〇〇年).
    r"[○◯□△▢]{2,}",
    rf"(?<![{_HANZI_NUMERAL}])〇{{2,}}(?![{_HANZI_NUMERAL}年])",
    # 某某 (某 alone is a word: 某些, 某种; 王某某 is a person named without the name, as case reports do).
    rf"(?<![{_SURNAMES}])某{{2,}}",
    # [待填] 【待补充】 （待定） (待填写) 〔待定〕
    rf"[\[【（(〔［][^\]】）)〕］\n]{{0,8}}(?:{_FILL_WORDS})[^\]】）)〕］\n]{{0,8}}[\]】）)〕］]",
    # ？？ and ??
    r"[?？]{2,}",
    # A blank to fill in: ＿＿ or ___ (three, so that a Markdown emphasis __x__ stays clean).
    r"＿{2,}|(?<!_)_{3,}(?!_)",
]
_INLINE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
# A character every pattern above needs: most texts have none, and skip the long alternation.
_ANY = re.compile(r"[XxＸｘ○◯□△▢〇某待此请?？＿_]")
# A field that holds nothing but a word meaning "to be decided".
_WHOLE = re.compile(rf"^\s*(?:{_FILL_WORDS}|暂定|未定|TBA|N/?A)\s*[。.]?\s*$", re.IGNORECASE)


def placeholder_tokens(text: str) -> list[str]:
    """The placeholders in `text`, in order of appearance (repeats kept)."""
    whole = _WHOLE.match(text)
    if whole:
        return [text.strip()]
    if not _ANY.search(text):
        return []
    return [m.group(0) for m in _INLINE.finditer(text)]
