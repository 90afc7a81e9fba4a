"""From positioned blocks to the data file's content: head, body, signature, tail.

The document is cut in four: the head (site furniture, disclosure fields, document number,
title, recipient, preamble) up to the first part heading; the body (parts.walk) up to the
signature; the signature (signers, then a date on a line of its own); and the tail (附注,
genreport's own indicator table, attachments, 版记, and whatever the site printed below).
Whatever is not recognised is left out and listed, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from genreport.data.kinds import KindSpec
from genreport.importer import attachments as attach
from genreport.importer import meta
from genreport.importer.blocks import Block, Notes, Where
from genreport.importer.closing import Closing
from genreport.importer.normalise import normalise, strip_invisible
from genreport.importer.parts import PART, markdown_table, plain_heading, walk

_TITLE = {"zh-CN": re.compile(r"报告|情况"), "en": re.compile(r"(?i)report")}
_YEAR_IN_TITLE = re.compile(r"(\d{4})\s*年")


@dataclass
class Imported:
    data: dict[str, Any]
    notes: Notes
    missing: list[str] = field(default_factory=list)  # the kind's required parts the source lacks
    figures: list[tuple[Where, str]] = field(default_factory=list)  # sentences that could become indicators
    guessed_fields: dict[str, str] = field(default_factory=dict)  # field -> why (for the YAML comments)
    indicators: list[dict[str, Any]] = field(
        default_factory=list
    )  # genreport's indicator table read back: candidates, commented out


def detect_locale(blocks: list[Block]) -> str:
    text = "".join(block.text for block in blocks[:400])
    han = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    return "zh-CN" if han > 0.15 * max(len(text), 1) else "en"


class _Recogniser(Closing):
    def __init__(self, blocks: list[Block], locale: str, kind: KindSpec) -> None:
        self.locale = locale
        self.kind = kind
        self.notes = Notes()
        self.blocks = [self._visible(block) for block in blocks]
        self.data: dict[str, Any] = {}
        self.fields: dict[str, tuple[str, Where]] = {}
        self.guessed: dict[str, str] = {}
        self.note_titles: list[str] = []
        self.candidates: list[dict[str, Any]] = []

    def _visible(self, block: Block) -> Block:
        """The block without control or zero-width characters: they would break every pattern below."""
        if block.hidden:
            self.note(
                "left-out",
                f"隐藏文字 {block.hidden} 字（原文不显示，未导入）",
                f"{block.hidden} characters of hidden text (not shown in the source; not imported)",
                block.where,
            )
            block.hidden = 0  # noted once, however often the block is looked at
        block.text = strip_invisible(block.text, block.where, self.notes).strip()
        if block.lead:
            block.lead = strip_invisible(block.lead, block.where, Notes())
        if block.rows:
            block.rows = [[strip_invisible(cell, block.where, self.notes) for cell in row] for row in block.rows]
        return block

    def clean(self, text: str, where: Where, quiet: bool = False, keep_spaces: bool = False) -> str:
        return normalise(text, self.locale, where, Notes() if quiet else self.notes, keep_spaces=keep_spaces)

    def note(self, category: str, zh: str, en: str, where: Where | None = None) -> None:
        self.notes.add(category, zh, en, where)

    # -- the four regions
    def run(self) -> Imported:
        blocks = self.blocks
        first = self._first_part()
        last = max((i for i in range(first, len(blocks)) if self._is_part_heading(blocks[i])), default=first)
        note = last
        while note > first and attach.NOTE_ITEM.match(blocks[note].text):
            note -= 1
        if note < last and attach.NOTE.match(blocks[note].text):
            # "2. Main indicators of …" under "Attachments: 1. …" is an item of the note, not a part heading
            last = max((i for i in range(first, note) if self._is_part_heading(blocks[i])), default=first)
        end, tail_start, signers, signed = self._signature(last)
        self._head(blocks[:first] if first < len(blocks) else blocks)
        body = (
            walk(blocks[first:end], self.locale, self._year_hint(), self._defaults(), self.notes, self.clean)
            if first < len(blocks)
            else None
        )
        self._signers(signers, signed)
        self._tail(tail_start)
        return self._assemble(body)

    def _is_part_heading(self, block: Block) -> bool:
        match = PART[self.locale].match(block.text)
        return bool(match and not block.rows and plain_heading(match["rest"], self.locale) is not None)

    def _first_part(self) -> int:
        for index, block in enumerate(self.blocks):
            if self._is_part_heading(block):
                return index
        self.note(
            "missing",
            "没有找到任何一级标题（一、二、三……），全文作为开头段落导入",
            "no part headings (1. 2. 3.) found: the whole text became the preamble",
        )
        return len(self.blocks)

    # -- head
    def _head(self, head: list[Block]) -> None:
        consumed: set[int] = set()
        for index, block in enumerate(head[:-1]):
            if not block.rows and meta.label_only(block.text) and not head[index + 1].rows:
                # a label and its value in separate elements (<dt>/<dd>, two <span>s in two <div>s)
                head[index + 1] = Block(
                    f"{block.text.rstrip(':：')}：{head[index + 1].text}", block.where, style=block.style
                )
                consumed.add(index)
        for index, block in enumerate(head):
            found = meta.table_fields(block.rows) if block.rows else meta.fields(block.text)
            if found:
                consumed.add(index)
                for key, value in found.items():
                    if not key.startswith("junk"):
                        self.fields.setdefault(key, (value, block.where))
                    elif key.startswith("junk:") and value.strip(" \u3000\u00a0"):
                        label, shown = key[5:], value.strip()[:20]  # metadata with no field (有效性 …): named
                        zh, en = f"网页信息“{label}：{shown}”未采用", f"page field “{label}: {shown}” left out"
                        self.note("left-out", zh, en, block.where)
                names = "、".join(key for key in found if not key.startswith("junk"))
                if names:
                    self.note("recognised", f"公开信息：{names}", f"disclosure fields: {names}", block.where)
                continue
            number = meta.doc_number(block.text)
            if number and not block.rows:
                consumed.add(index)
                self._set_number(number, block.text, block.where)
        title_index = self._title_index(head, consumed)
        if title_index is None:
            if "title" in self.fields:
                self.data["title"] = self.clean(self.fields["title"][0], self.fields["title"][1], keep_spaces=True)
                self.note(
                    "guessed",
                    "正文中没有标题，标题取自网页的“标题”栏",
                    "no title in the text: taken from the page's title field",
                    self.fields["title"][1],
                )
            else:
                self.note("missing", "没有找到标题", "no title found")
            start = 0
        else:
            consumed.add(title_index)
            title_block = head[title_index]
            first, last = self._title_lines(head, title_index, consumed)
            joiner = "" if self.locale == "zh-CN" else " "
            title = joiner.join(head[index].text for index in range(first, last + 1))
            if (first, last) != (title_index, title_index):
                consumed.update(range(first, last + 1))
                self.note(
                    "guessed",
                    f"标题分 {last - first + 1} 行：合并为一行",
                    f"title over {last - first + 1} lines: joined",
                    head[first].where,
                )
            title_index = last
            self.data["title"] = self.clean(title, title_block.where, keep_spaces=True)
            self.note(
                "recognised", f"标题：“{self.data['title']}”", f"title: “{self.data['title']}”", title_block.where
            )
            for index in range(title_index):
                if index not in consumed and head[index].text in ("征求意见稿", "DRAFT", "送审稿", "讨论稿"):
                    self.note(
                        "left-out",
                        f"草稿标记“{head[index].text}”未采用",
                        f"draft mark “{head[index].text}” left out",
                        head[index].where,
                    )
                elif index not in consumed and head[index].text == title:
                    self.note("recognised", "网页上重复的标题", "the page's own copy of the title", head[index].where)
                elif index not in consumed and head[index].text:
                    self.note(
                        "left-out",
                        f"标题之前的网页内容未采用：“{head[index].text[:30]}”",
                        f"page content before the title left out: “{head[index].text[:30]}”",
                        head[index].where,
                    )
            start = title_index + 1
        preamble: list[str] = []
        for index in range(start, len(head)):
            if index in consumed:
                continue
            block = head[index]
            text = block.text
            if block.rows:
                preamble.append(markdown_table(block.rows, block.align))
                continue
            if (
                not preamble
                and "recipient" not in self.data
                and re.search(r"[:：]$", text)
                and len(text) <= 80
                and "。" not in text
            ):
                self._recipient(text[:-1], block.where)
                continue
            if not preamble and re.search(r"(打印|关闭|分享|收藏|字体|【[大中小]】)", text) and len(text) <= 40:
                self.note("left-out", f"网页工具栏未采用：“{text}”", f"page toolbar left out: “{text}”", block.where)
                continue
            preamble.append(self.clean(text, block.where))
            if len(preamble) == 1:
                self.note("recognised", "开头段落", "preamble", block.where)
        if preamble:
            self.data["preamble"] = "\n\n".join(preamble)

    def _title_lines(self, head: list[Block], index: int, consumed: set[int]) -> tuple[int, int]:
        """The title's first and last line: a title broken into lines (a copied page) has no blank line inside."""

        def title_line(block: Block) -> bool:
            text = block.text
            return (
                bool(text)
                and not block.rows
                and len(text) <= 40
                and not re.search(r"[。：:，,.;；>›»|]$|[。>›»|]", text)
            )

        first = last = index
        while first - 1 >= 0 and not head[first].gap and first - 1 not in consumed and title_line(head[first - 1]):
            first -= 1
        while (
            last + 1 < len(head) and not head[last + 1].gap and last + 1 not in consumed and title_line(head[last + 1])
        ):
            last += 1
        return first, last

    def _title_index(self, head: list[Block], consumed: set[int]) -> int | None:
        pattern = _TITLE[self.locale]
        best = None
        for index, block in enumerate(head):
            if index in consumed or block.rows:
                continue
            text = block.text
            prose = len(text) > (100 if self.locale == "zh-CN" else 250) or text.endswith(("。", ".", "：", ":"))
            if prose:
                if best is not None:
                    break  # the title is the last candidate before the text begins
                continue
            if pattern.search(text) and (
                "title" in block.style or "h1" in block.style or "heading" in block.style or len(text) >= 8
            ):
                best = index
        return best

    def _set_number(self, number: str, raw: str, where: Where) -> None:
        if "document_number" in self.data:
            return
        self.data["document_number"] = number
        if number != raw.replace(" ", ""):
            self.note(
                "normalised",
                f"发文字号“{raw}”规范为“{number}”",
                f"document number “{raw}” normalised to “{number}”",
                where,
            )
        self.note("recognised", f"发文字号：{number}", f"document number: {number}", where)

    def _recipient(self, text: str, where: Where) -> None:
        text = self.clean(text, where)
        names = [
            name.strip()
            for name in re.split(r"[、，,]" if self.locale == "zh-CN" else r"[;,] (?=[A-Z])", text)
            if name.strip()
        ]
        if self.locale == "en":
            names = [text]
        self.data["recipient"] = names[0] if len(names) == 1 else names
        self.note("recognised", f"主送机关：{text}", f"recipient: {text}", where)

    # -- assembly
    def _defaults(self) -> dict[str, str]:
        return {spec.key: spec.heading(self.locale) for spec in self.kind.sections}  # type: ignore[arg-type]

    def _year_hint(self) -> int | None:
        title = self.data.get("title") or ""
        match = _YEAR_IN_TITLE.search(title) if self.locale == "zh-CN" else re.search(r"\b(?:19|20)\d{2}\b", title)
        if not match:
            return None
        return int(match.group(1) if self.locale == "zh-CN" else match.group(0))

    def _assemble(self, body: Any) -> Imported:
        data = self.data
        out: dict[str, Any] = {"kind": self.kind.name, "locale": self.locale}
        year = self._year_hint()
        signed = data.get("signed_on")
        if year is None and signed is not None:
            year = signed.year - 1
            self.guessed["year"] = "成文日期的上一年" if self.locale == "zh-CN" else "the year before the date signed"
            self.note(
                "guessed",
                f"标题中没有年份：year 取成文日期的上一年 {year}",
                f"no year in the title: year is the year before signing, {year}",
            )
        if year is None:
            year = dt.date.today().year - 1
            self.guessed["year"] = "未找到，请核对" if self.locale == "zh-CN" else "not found: check it"
            self.note("guessed", f"没有找到年度：year 暂填 {year}", f"no year found: year set to {year} for now")
        out["year"] = year
        out["issuer"] = self._issuer()
        for key in ("recipient", "document_number", "title", "signed_on"):
            if key in data:
                out[key] = data[key]
        if "document_number" not in out and "document_number" in self.fields:
            value, where = self.fields["document_number"]
            number = meta.doc_number(value)
            if number:
                self._set_number(number, value, where)
                out["document_number"] = number
        if "signed_on" not in out and "signed_on" in self.fields:
            date = meta.parse_date(self.fields["signed_on"][0])
            if date:
                out["signed_on"] = date
                self.note(
                    "guessed",
                    "成文日期取自网页的“成文日期”栏",
                    "date signed taken from the page's field",
                    self.fields["signed_on"][1],
                )
        default_title = self.kind.title(self.locale).format(  # type: ignore[arg-type]
            issuer=(" " if self.locale == "zh-CN" else " and ").join(i["name"] for i in _issuers(out["issuer"])),
            year=year,
        )
        if out.get("title") == default_title:
            out["title"] = None
        out["public_release"] = data.get("public_release", True)
        disclosure = self._disclosure(out)
        if disclosure:
            out["disclosure"] = disclosure
        if "distribution" in data:
            out["distribution"] = data["distribution"]
        if "preamble" in data:
            out["preamble"] = data["preamble"]
        sections: dict[str, Any] = {}
        missing: list[str] = []
        if body is not None:
            for key, container in body.parts.items():
                content = container.as_dict()
                if set(content) - {"heading"}:
                    sections[key] = content  # a heading with nothing under it is a part still to be written
        for spec in self.kind.sections:
            if spec.key in sections:
                continue
            heading = spec.heading(self.locale)  # type: ignore[arg-type]
            if body is not None and spec.key in body.merged:
                self.note(
                    "missing",
                    f"“{heading}”与另一部分合写在同一标题下，未单独成部分",
                    f"“{heading}” is written together with another part, not on its own",
                )
            else:
                self.note("missing", f"原文没有“{heading}”部分", f"the source has no part “{heading}”")
            if spec.required:
                missing.append(spec.key)
        out["sections"] = sections
        for key in ("attachments", "indicators"):  # indicators: a figures table read (figures_table.py)
            if key in data:
                out[key] = data[key]
        figures = self._figures(body)
        return Imported(out, self.notes, missing, figures, self.guessed, self.candidates)

    def _issuer(self) -> Any:
        names = list(self.signers)
        if not names and "issuer" in self.fields:
            names = [self.fields["issuer"][0]]
            self.guessed["issuer"] = (
                "取自网页的“发文机关”栏" if self.locale == "zh-CN" else "from the page's issuer field"
            )
        if not names and self.data.get("title"):
            match = re.match(r"^(.+?)(关于)?\s*(\d{4})\s*年", self.data["title"])
            if match:
                names = [name for name in re.split(r"[ \u3000]+", match.group(1)) if name]
                self.guessed["issuer"] = "取自标题" if self.locale == "zh-CN" else "from the title"
        if not names:
            names = ["【待填】发文机关全称" if self.locale == "zh-CN" else "TODO: issuing body"]
            self.note("missing", "没有找到发文机关（落款）", "no issuing body (signature) found")
        elif "issuer" in self.guessed:
            self.note(
                "guessed",
                f"没有落款：发文机关{self.guessed['issuer']}",
                f"no signature: issuer {self.guessed['issuer']}",
            )
        issuers = []
        for name in names:
            entry: dict[str, Any] = {"name": name}
            level = meta.level_of(name)
            if level:
                entry["level"] = level
                self.note(
                    "guessed", f"“{name}”的层级按名称判断为 {level}", f"level of “{name}” judged from its name: {level}"
                )
            issuers.append(entry)
        return issuers[0] if len(issuers) == 1 else issuers

    def _disclosure(self, out: dict[str, Any]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key in ("index_number", "classification"):
            if key in self.fields:
                found[key] = self.clean(self.fields[key][0], self.fields[key][1])
        if "published_on" in self.fields:
            value, where = self.fields["published_on"]
            date = meta.parse_date(value) or meta.parse_date(value.split(" ")[0]) or meta.parse_date(value[:10])
            if date:
                found["published_on"] = date
            else:
                self.note(
                    "left-out", f"发布日期“{value}”无法识别为日期", f"published date “{value}” is not a date", where
                )
        if "publisher" in self.fields:
            publisher = self.fields["publisher"][0]
            if publisher not in [i["name"] for i in _issuers(out["issuer"])]:
                found["publisher"] = publisher
        return found

    def _figures(self, body: Any) -> list[tuple[Where, str]]:
        """Sentences with a count or a rate: candidates for indicators, listed in the file's comments."""
        if body is None:
            return []
        out: list[tuple[Where, str]] = []
        pattern = re.compile(r"\d[\d,.]*\s*(件|项|人次|人|个|次|名|户|家|%|％|万元|亿元|个百分点|期|卷)")
        for container in body.parts.values():
            for part in [container, *container.subsections]:
                where = part.where or Where("paragraph", 0)
                texts = [(where, text) for text in part.intro]
                texts += [(p["where"], "".join(filter(None, [p["lead"], *p["chunks"]]))) for p in part.points]
                for place, text in texts:
                    for line in text.split("\n"):
                        if line.startswith("|"):
                            continue  # a table is data already
                        for sentence in re.split(r"(?<=[。；])", line):
                            if pattern.search(sentence) and len(out) < 40:
                                out.append((place, sentence.strip()))
        return out


def _issuers(issuer: Any) -> list[dict[str, Any]]:
    return issuer if isinstance(issuer, list) else [issuer]


def recognise(blocks: list[Block], kind: KindSpec, locale: str | None = None) -> Imported:
    chosen = locale or detect_locale(blocks)
    recogniser = _Recogniser(blocks, chosen, kind)
    recogniser.blocks = [block for block in recogniser.blocks if block.text or block.rows]
    return recogniser.run()
