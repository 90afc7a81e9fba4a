"""The document's furniture recognised line by line: numbers, dates, disclosure fields, 版记.

Each function takes one block's text and returns what it found or None; the recogniser decides
where in the document to look.
"""

from __future__ import annotations

import datetime as dt
import re

_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1
)}  # fmt: skip

# 左政发〔2024〕2号, 平政发[2024]第02号, 左政发（2024）2号, 左政发【2024】2号
DOC_NUMBER = re.compile(
    r"^(?P<code>[\u4e00-\u9fff]{1,12})\s*[〔\[［（(【]\s*(?P<year>\d{4})\s*[〕\]］）)】]\s*第?\s*0*(?P<seq>\d{1,4})\s*号$"
)
DATE_ZH = re.compile(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日$")
DATE_CN = re.compile(
    r"^(?P<y>[〇○零一二三四五六七八九ＯO]{4})年(?P<m>[一二三四五六七八九十]{1,3})月(?P<d>[一二三四五六七八九十]{1,3})日$"
)
DATE_EN = re.compile(
    r"^(?P<d>\d{1,2}) (?P<m>[A-Za-z]+) (?P<y>\d{4})$|^(?P<m2>[A-Za-z]+) (?P<d2>\d{1,2}), (?P<y2>\d{4})$"
)
DATE_ISO = re.compile(r"(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?")
ANNOTATION = re.compile(
    r"^[（(]\s*此件(公开发布|主动公开|依申请公开|不予公开)\s*[）)]$|^\(This document is (released to the public|publicly released)\.?\)$",
    re.I,
)
COPIES_TO = re.compile(r"^(抄送|Copies to)\s*[:：]\s*(?P<list>.+?)[。.]?$")
PRINTED = re.compile(
    r"^(?P<by>.*?)[\s\u3000;；]*(?P<date>\d{4}年\d{1,2}月\d{1,2}日)印发$|^(?P<by2>.*?);?\s*Printed (?P<date2>.+)$"
)
INDICATORS_HEAD = {"主要指标", "Key figures", "主要指标与上年比较", "Key figures compared with the previous year"}
NONE_SENTENCE = re.compile(r"^(无|暂无|没有|None|Nothing to report)[。.]?$", re.I)

# Disclosure labels as government sites print them (the page's "信息公开" box or its meta line).
_LABELS = {
    "index_number": ["索引号", "Index number"],
    "classification": ["信息分类", "主题分类", "分类", "Classification", "Information classification"],
    "issuer": ["发文机关", "发布机关", "制发机关", "Issued by"],
    "publisher": ["发布机构", "发布单位", "来源", "Publisher"],
    "published_on": ["发布日期", "发布时间", "公开日期", "发文日期", "Published on", "Date of issue", "Published"],
    "signed_on": ["成文日期"],
    "document_number": ["发文字号", "文号", "Document No."],
    "title": ["标题", "名称"],
    "junk": ["浏览次数", "访问量", "字号", "点击数", "阅读次数", "有效性", "时效", "主题词", "生效日期", "废止日期"],
}
# of the junk, the page's own counters and font-size toolbar are furniture; the rest is metadata the
# data file has no place for, which the import report names
_FURNITURE = {"浏览次数", "访问量", "字号", "点击数", "阅读次数"}
_LABEL_WORDS = sorted((word for words in _LABELS.values() for word in words), key=len, reverse=True)
_LABEL_OF = {word: key for key, words in _LABELS.items() for word in words}
_PAD = "[ \u3000\u00a0]*"  # 信息公开 boxes pad a label to a width: 文　　号：, 索 引 号：


def _padded(word: str) -> str:
    """A label as a regex: a Chinese one may have padding between its characters, an English one is as written."""
    if re.search(r"[\u4e00-\u9fff]", word):
        return _PAD.join(map(re.escape, word))
    return re.escape(word)


def _label(found: str) -> str:
    return found if found in _LABEL_OF else re.sub(_PAD, "", found)


_FIELD = re.compile("(" + "|".join(map(_padded, _LABEL_WORDS)) + r")\s*[:：]\s*")
_LABEL_ONLY = re.compile("^(" + "|".join(map(_padded, _LABEL_WORDS)) + r")\s*[:：]?$")


def _cn_number(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS[text]


def parse_date(text: str) -> dt.date | None:
    """2024年1月16日, 二〇二四年一月十六日, 16 January 2024, 2024-01-16 → a date (None if not a date)."""
    text = text.strip()
    try:
        if match := DATE_ZH.match(text):
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        if match := DATE_CN.match(text):
            year = int("".join(str(_CN_DIGITS[c]) for c in match["y"]))
            return dt.date(year, _cn_number(match["m"]), _cn_number(match["d"]))
        if match := DATE_EN.match(text):
            day, month, year_text = (
                (match["d"], match["m"], match["y"]) if match["d"] else (match["d2"], match["m2"], match["y2"])
            )
            if month.lower() in _MONTHS:
                return dt.date(int(year_text), _MONTHS[month.lower()], int(day))
        if match := DATE_ISO.fullmatch(text):
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except (ValueError, KeyError):
        return None
    return None


def doc_number(text: str) -> str | None:
    """The document number in the standard's form, 机关代字〔年份〕序号号, or None."""
    match = DOC_NUMBER.match(text.replace(" ", ""))
    if not match:
        return None
    return f"{match['code']}〔{match['year']}〕{int(match['seq'])}号"


def fields(text: str) -> dict[str, str] | None:
    """`索引号：… 发布日期：…` → {"index_number": …, "published_on": …}; None unless the text starts with a label."""
    matches = list(_FIELD.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    found: dict[str, str] = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip(" \u3000|")
        label = _label(match.group(1))
        key = _LABEL_OF[label]
        if key == "junk" and label not in _FURNITURE:
            key = f"junk:{label}"  # seen and not read: the import report names it
        if value and key not in found:
            found[key] = value
    return found


def table_fields(rows: list[list[str]]) -> dict[str, str] | None:
    """A disclosure table: label cells each followed by a value cell (or `label：value` cells)."""
    found: dict[str, str] = {}
    for row in rows:
        cells = [cell.strip() for cell in row]
        index = 0
        while index < len(cells):
            cell = cells[index]
            only = _LABEL_ONLY.match(cell)
            if only and index + 1 < len(cells):
                label = _label(only.group(1))
                key = _LABEL_OF[label]
                found.setdefault(
                    f"junk:{label}" if key == "junk" and label not in _FURNITURE else key, cells[index + 1]
                )
                index += 2
                continue
            inline = fields(cell) if cell else None
            if inline:
                for key, value in inline.items():
                    found.setdefault(key, value)
            index += 1
    return found if sum(1 for key in found if not key.startswith("junk")) >= 2 else None


def level_of(name: str) -> str | None:
    """The level of government a body's name implies (a guess the import report lists)."""
    if re.search(r"(局|厅|委员会|办公室|中心|署|院|所|站|队|部)$", name) and not name.endswith(
        ("党委", "区委", "县委", "市委", "省委")
    ):
        return "department"
    if re.search(r"(乡|镇|街道)(人民政府|党委|委员会|办事处)?$", name):
        return "township"
    for pattern, level in ((r"省(人民政府|委)$|自治区(人民政府|委)$", "province"), (r"区(人民政府|委)$", "district"),
                           (r"(县|旗)(人民政府|委)$", "county"), (r"市(人民政府|委)$", "city")):  # fmt: skip
        if re.search(pattern, name):
            return level
    return None


def label_only(text: str) -> bool:
    return bool(_LABEL_ONLY.match(text.strip()))
