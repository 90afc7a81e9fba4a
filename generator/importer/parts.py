"""The body: part headings matched to the kind's parts by their wording, then （一） subsections,
一是/二是 points with their lead sentences, numbered items and tables inside each part.

Real reports reword the headings ("一、2023年法治政府建设主要举措和成效", "四、下一步工作打算"),
merge two parts under one heading, reorder them or leave one out. A heading is matched by the
words that say what the part is about, not by its exact text; one that matches no part (or a part
already taken) is kept as a subsection of the part before it, and the import report says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from genreport.importer.blocks import Block, Notes, Where

ZH_NUM = "一二三四五六七八九十"
EN_ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
               "Eleventh", "Twelfth"]  # fmt: skip

PART = {
    "zh-CN": re.compile(rf"^([{ZH_NUM}]{{1,3}})\s*[、.．]\s*(?P<rest>.+)$"),
    "en": re.compile(r"^(\d{1,2})\s*[.、]\s*(?P<rest>[A-Z].+)$"),  # "1、 Main Measures" in machine translations
}
SUBSECTION = {
    "zh-CN": re.compile(rf"^[（(]\s*([{ZH_NUM}]{{1,3}})\s*[）)]\s*(?P<rest>.+)$"),
    "en": re.compile(r"^\((\d{1,2})\)\s+(?P<rest>[A-Z].+)$"),
}
POINT = {
    "zh-CN": re.compile(rf"^([{ZH_NUM}]{{1,3}})是\s*[，,：:]?\s*(?P<rest>.+)$"),
    "en": re.compile(
        r"^(?:("
        + "|".join(EN_ORDINALS)
        + r"),|The (?:"
        + "|".join(EN_ORDINALS).lower()
        + r") is(?: to)?)\s+(?P<rest>.+)$"
    ),
}
ITEM = re.compile(r"^(\d{1,2})\s*[.．、]\s*(?P<rest>\S.*)$")
HEADING_MAX = {"zh-CN": 60, "en": 200}

# What each part is about, in the words reports use; tried in this order (the narrow ones first).
TOPICS: dict[str, list[tuple[str, str]]] = {
    "zh-CN": [
        ("leaders_duties", r"第一责任人|主要负责(人|同志)|履行.*职责|履职"),
        ("other_matters", r"^其[他它]"),
        ("deficiencies", r"不足|问题|差距|短板|薄弱"),
        ("next_year", r"安排|打算|计划|下一步|思路|展望|工作重点|努力方向|下步"),
        ("measures", r"举措|成效|做法|成绩|进展|工作情况|主要工作|推进.*情况|开展.*情况|建设情况"),
    ],
    "en": [
        (
            "leaders_duties",
            r"(?i)first (persons? )?responsible|principal .*leaders|leaders.*duties|responsible persons",
        ),
        ("other_matters", r"(?i)^other"),
        ("deficiencies", r"(?i)deficienc|shortcoming|problems|weakness"),
        ("next_year", r"(?i)coming year|next year|plans? for|arrangements"),
        ("measures", r"(?i)measures|results|progress|achievements"),
    ],
}


def topics(heading: str, locale: str, year: int | None) -> list[str]:
    """The parts a heading's wording names, in the order the rules are tried."""
    found = [key for key, pattern in TOPICS[locale] if re.search(pattern, heading)]
    if locale == "zh-CN" and year is not None and "next_year" not in found:
        match = re.search(r"(\d{4})年", heading)
        if match and int(match.group(1)) > year and "工作" in heading:
            found.append("next_year")  # "四、2024年工作" names the coming year
    return found


def plain_heading(text: str, locale: str) -> str | None:
    """The heading text when `text` is short enough to be one (no sentence after it)."""
    if len(text) > HEADING_MAX[locale]:
        return None
    if locale == "en":
        return None if text.endswith(".") else text
    body = text.rstrip("。")
    if "。" in body or (body != text and re.search("[，；]", body)):
        return None  # a sentence, or more than one: text, not a heading
    return body


_RULE = {"right": " ---: |", "center": " :---: |", "left": " :--- |"}


def markdown_table(rows: list[list[str]], align: list[str | None] | None = None) -> str:
    """The table in Markdown, its columns aligned as the source aligned them."""
    width = max(len(row) for row in rows)
    cells = [
        [cell.replace("|", "\\|").replace("\n", " ") or " " for cell in row] + [" "] * (width - len(row))
        for row in rows
    ]
    columns = list(align or [])[:width] + [None] * (width - len(align or []))
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "".join(_RULE.get(a or "", " --- |") for a in columns)]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)


@dataclass
class Container:
    """A part or a subsection while it is being filled."""

    heading: str | None = None
    intro: list[str] = field(default_factory=list)
    points: list[dict[str, Any]] = field(default_factory=list)
    subsections: list[Container] = field(default_factory=list)
    where: Where | None = None
    none: bool = False

    def add_text(self, text: str, item: bool = False) -> None:
        """A paragraph: to the last point when there is one, else to the intro; list items stay one block."""
        target: list[str]
        if self.points:
            chunks = self.points[-1]["chunks"]
            target = chunks
        else:
            target = self.intro
        if item and target and _is_item(target[-1]):
            target[-1] += "\n" + text
        else:
            target.append(text)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.heading is not None:
            out["heading"] = self.heading
        if self.intro:
            out["intro"] = "\n\n".join(self.intro)
        if self.subsections:
            out["subsections"] = [sub.as_dict() for sub in self.subsections]
        if self.points:
            out["points"] = [_point(point) for point in self.points]
        if self.none:
            out["none"] = True
        return out


def _is_item(text: str) -> bool:
    return bool(re.match(r"^\d{1,2}\. ", text.split("\n")[-1]))


def _point(point: dict[str, Any]) -> dict[str, Any]:
    text = "\n\n".join(point["chunks"])
    return {"lead": point["lead"], "text": text} if point["lead"] else {"text": text}


def split_lead(rest: str, block: Block, locale: str, marked: bool) -> tuple[str | None, str, bool]:
    """(lead, text, guessed): the source's marked lead (a source that marks leads marks them all),
    else the first sentence when it is short."""
    if block.lead and rest.startswith(block.lead.strip()) and len(rest) > len(block.lead.strip()):
        lead = block.lead.strip()
        return lead, rest[len(lead) :].strip(), False
    if marked:
        return None, rest, False
    if locale == "zh-CN":
        end = rest.find("。")
        if 0 < end < 45 and end + 1 < len(rest):
            return rest[: end + 1], rest[end + 1 :], True
        return None, rest, False
    match = re.search(r"[.!?] ", rest)
    if match and match.start() < 160:
        return rest[: match.start() + 1], rest[match.end() :], True
    return None, rest, False


@dataclass
class Body:
    """What the walk over the body found: the parts in source order, keyed by the kind's keys."""

    parts: dict[str, Container] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)  # part also covered by another part's heading


def walk(
    blocks: list[Block], locale: str, year: int | None, defaults: dict[str, str], notes: Notes, clean: Any
) -> Body:
    """Fill the parts from `blocks` (the body: first part heading to the signature)."""
    body = Body()
    part: Container | None = None
    leads_guessed: list[Where] = []
    marked = any(block.lead for block in blocks)  # genreport's own HTML marks every lead it has
    for block in blocks:
        if block.rows:
            if part is None:
                continue
            _current(part).add_text(
                markdown_table(
                    [[clean(cell, block.where, quiet=True) for cell in row] for row in block.rows], block.align
                )
            )
            notes.add(
                "recognised",
                f"表格（{len(block.rows)} 行）保存为 Markdown 表格",
                f"table ({len(block.rows)} rows) kept as a Markdown table",
                block.where,
            )
            continue
        text = block.text
        match = PART[locale].match(text)
        heading = plain_heading(match["rest"], locale) if match else None
        if heading is not None:
            heading = clean(heading, block.where)
        if heading == "":
            continue  # a number and nothing else
        if heading is not None:
            exact = [key for key, wording in defaults.items() if wording == heading]  # any kind: its own headings
            keys = exact + [key for key in topics(heading, locale, year) if key in defaults and key not in exact]
            free = [key for key in keys if key not in body.parts]
            if free:
                key = free[0]
                part = Container(heading=None if heading == defaults[key] else heading, where=block.where)
                body.parts[key] = part
                body.order.append(key)
                notes.add(
                    "recognised",
                    f"第{len(body.order)}个一级标题“{heading}”对应“{defaults[key]}”",
                    f"heading “{heading}” is the part “{defaults[key]}”",
                    block.where,
                )
                for other in free[1:]:
                    body.merged[other] = key
                continue
            target = part
            if target is None:
                first = next(iter(defaults))  # the kind's first part
                target = body.parts.setdefault(first, Container(where=block.where))
                if first not in body.order:
                    body.order.append(first)
            target.subsections.append(Container(heading=heading, where=block.where))
            notes.add(
                "guessed",
                f"一级标题“{heading}”不对应任何一部分（或该部分已出现），作为上一部分的小节保留",
                f"heading “{heading}” matches no part (or one already seen): kept as a subsection of the part before it",
                block.where,
            )
            continue
        if text.startswith(("【待填写】", "【待填】", "[To be completed]")):
            notes.add(
                "missing",
                f"草稿中待填写的部分，未导入：“{text[:30]}”",
                f"a part still to be written in the draft, not imported: “{text[:30]}”",
                block.where,
            )
            continue
        if part is None:
            notes.add(
                "left-out",
                f"正文第一部分之前的文字未采用：“{text[:30]}”",
                f"text before the first part left out: “{text[:30]}”",
                block.where,
            )
            continue
        match = SUBSECTION[locale].match(text)
        if match:
            rest = match["rest"]
            heading = plain_heading(rest, locale)
            after = ""
            if heading is None:
                end = rest.find("。") if locale == "zh-CN" else rest.find(". ")
                if 0 < end <= HEADING_MAX[locale] and end + 1 < len(rest.rstrip()):
                    heading, after = rest[:end], rest[end + 1 :].strip()
                    notes.add(
                        "guessed",
                        f"小标题与正文在同一段，以第一个句号分开：“{heading}”",
                        f"subsection heading and text share a paragraph; split at the first full stop: “{heading}”",
                        block.where,
                    )
            if heading is not None and clean(heading, block.where, quiet=True):
                sub = Container(heading=clean(heading, block.where), where=block.where)
                part.subsections.append(sub)
                if after:
                    sub.add_text(clean(after, block.where))
                continue
        match = POINT[locale].match(text)
        if match and (
            re.search(rf"[；;，,。]\s*[{ZH_NUM}]{{1,2}}是", text)
            if locale == "zh-CN"
            else re.search(r"[.;] (Second|Secondly), ", text)
        ):
            match = None  # 一是……；二是……in one paragraph: kept as the paragraph it is
        if match:
            rest = match["rest"]
            if locale == "en":
                # "First, we planned …", "The second is to make …": stored as a sentence; genreport lower-cases it after its ordinal (render/points.py)
                rest = _capital(rest)
                block.lead = _capital(block.lead.strip()) if block.lead else block.lead
            lead, rest, guessed = split_lead(rest, block, locale, marked)
            if guessed:
                leads_guessed.append(block.where)
            container = _current(part)
            container.points.append(
                {
                    "lead": (clean(lead, block.where) or None) if lead else None,
                    "chunks": [clean(rest, block.where)],
                    "where": block.where,
                }
            )
            continue
        if (
            locale == "zh-CN"
            and part.heading is None
            and NONE_OF(text)
            and not _current(part).intro
            and not part.subsections
        ):
            part.none = True
            continue
        match = ITEM.match(text)
        if match:
            _current(part).add_text(f"{int(match.group(1))}. {clean(match['rest'], block.where)}", item=True)
            continue
        if locale == "en" and re.fullmatch(r"(?i)none\.?", text):
            part.none = True
            continue
        _current(part).add_text(clean(text, block.where))
    if leads_guessed:
        places = ("、" if locale == "zh-CN" else ", ").join(str(w.number) for w in leads_guessed[:12]) + (
            "…" if len(leads_guessed) > 12 else ""
        )
        notes.add(
            "guessed",
            f"{len(leads_guessed)} 个要点以第一句作为引导句（lead）：{leads_guessed[0].unit == 'line' and '行' or '段'} {places}",
            f"{len(leads_guessed)} points take their first sentence as the lead: {leads_guessed[0].unit} {places}",
        )
    for key, container in body.parts.items():
        if container.points and container.subsections:
            # a part with points before its first subsection: those points become its intro's paragraphs
            for point in container.points:
                container.intro.append(("" if not point["lead"] else point["lead"]) + "\n\n".join(point["chunks"]))
            container.points = []
            notes.add(
                "guessed",
                f"“{defaults[key]}”既有要点又有小节：要点并入导语",
                f"“{defaults[key]}” has points and subsections: the points joined its intro",
                container.where,
            )
    return body


def NONE_OF(text: str) -> bool:  # noqa: N802 (reads as a predicate on the text)
    return bool(re.fullmatch(r"(无|暂无|没有|本年度无)[。.]?", text))


def _capital(text: str) -> str:
    """The point's text as a sentence of its own: its first letter upper-cased."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _current(part: Container) -> Container:
    return part.subsections[-1] if part.subsections else part
