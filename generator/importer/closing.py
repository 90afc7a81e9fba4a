"""The end of a report: signers and the date signed, then the tail (附注, genreport's own indicator
table and chart, attachments, 版记, and whatever the site printed below), recognised line by line.

A mixin of the recogniser: it reads `blocks` and writes `data` and notes like the rest of it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from genreport.importer import meta
from genreport.importer.blocks import Block, Notes, Where
from genreport.importer.parts import POINT, SUBSECTION, markdown_table

_SIGNER_PUNCT = re.compile(r"[，。；：,;:!?！？、]")


class Closing:
    blocks: list[Block]
    locale: str
    data: dict[str, Any]
    notes: Notes
    signers: list[str]

    def note(self, category: str, zh: str, en: str, where: Where | None = None) -> None:
        raise NotImplementedError

    def clean(self, text: str, where: Where, quiet: bool = False, keep_spaces: bool = False) -> str:
        raise NotImplementedError

    def _is_part_heading(self, block: Block) -> bool:
        raise NotImplementedError

    def _signature(self, last: int) -> tuple[int, int, list[Block], tuple[dt.date, Where] | None]:
        """(end of body, start of tail, signer blocks, the date signed)."""
        blocks = self.blocks
        for index in range(last + 1, len(blocks)):
            block = blocks[index]
            date = meta.parse_date(block.text) if not block.rows else None
            if date is None:
                continue
            start = index
            while start - 1 > last and self._signer_like(blocks[start - 1]) and index - start < 4:
                start -= 1
            end = start
            back = start - 1
            while back > last and re.match(r"^\d{1,2}\s*[.．、]", blocks[back].text) and len(blocks[back].text) <= 80:
                back -= 1  # the further lines of a numbered attachment note
            if back > last and meta.ATTACHMENT_NOTE.match(blocks[back].text):
                end = back
            for note in blocks[end:start]:
                self.note("recognised", f"附件说明：“{note.text}”", f"attachment note: “{note.text}”", note.where)
            return end, index + 1, blocks[start:index], (date, block.where)
        for index in range(last + 1, len(blocks)):
            text = blocks[index].text
            if meta.ANNOTATION.match(text) or meta.COPIES_TO.match(text) or text in meta.INDICATORS_HEAD or meta.PRINTED.match(text):
                return index, index, [], None
        return len(blocks), len(blocks), [], None

    def _signer_like(self, block: Block) -> bool:
        text = block.text
        return (
            bool(text) and not block.rows and len(text) <= 40 and not _SIGNER_PUNCT.search(text.replace("'", ""))
            and not POINT[self.locale].match(text) and not SUBSECTION[self.locale].match(text) and not self._is_part_heading(block)
            and not meta.NONE_SENTENCE.match(text)
        )  # fmt: skip


    # -- signature and tail
    def _signers(self, signers: list[Block], signed: tuple[dt.date, Where] | None) -> None:
        if signed:
            self.data["signed_on"] = signed[0]
            self.note("recognised", f"成文日期：{signed[0].isoformat()}", f"date signed: {signed[0].isoformat()}", signed[1])
        else:
            self.note("missing", "没有找到成文日期（落款下一行的日期）", "no date signed found (the date under the signature)")
        names = [self.clean(block.text, block.where, keep_spaces=True) for block in signers]
        if names:
            self.signers = names
            self.note("recognised", f"落款：{'、'.join(names)}", f"signed by: {'; '.join(names)}", signers[0].where)
        else:
            self.signers = []

    def _tail(self, start: int) -> None:
        blocks = self.blocks
        index = start
        attachments: list[dict[str, Any]] = []
        notes_seen = False
        while index < len(blocks):
            block = blocks[index]
            text = block.text
            if meta.ANNOTATION.match(text):
                self.data["public_release"] = True
                notes_seen = True
                self.note("recognised", f"附注：{text}", f"annotation: {text}", block.where)
            elif text in meta.INDICATORS_HEAD:
                skip = index + 1
                while skip < len(blocks) and not self._tail_element(blocks[skip]):
                    skip += 1  # the table and the chart (a copied page lists the chart's labels line by line)
                self.note("left-out", "“主要指标”表和图（由 genreport 从 indicators 生成）未采用：指标请在 indicators 中填写", "the key figures table and chart (genreport's rendering of indicators) left out: write indicators instead", block.where)
                index = skip
                continue
            elif not block.rows and index + 1 < len(blocks) and self._printed_alone(blocks[index + 1]) and len(text) <= 80:
                blocks[index + 1] = Block(f"{text} {blocks[index + 1].text}", block.where)  # 印发机关 and 印发日期 on two lines
            elif meta.COPIES_TO.match(text):
                listed = meta.COPIES_TO.match(text)["list"]  # type: ignore[index]
                names = [name.strip() for name in re.split(r"[，、,]\s*", self.clean(listed, block.where)) if name.strip()]
                self.data.setdefault("distribution", {})["copies_to"] = names
                self.note("recognised", f"版记：抄送 {len(names)} 个机关", f"imprint: copies to {len(names)} bodies", block.where)
            elif (printed := meta.PRINTED.match(text)) is not None:
                by = (printed["by"] if printed["by"] is not None else printed["by2"] or "").strip(" \u3000;；")
                on = meta.parse_date(printed["date"] or printed["date2"] or "")
                dist = self.data.setdefault("distribution", {})
                if by:
                    dist["printed_by"] = self.clean(by, block.where)
                if on:
                    dist["printed_on"] = on
                self.note("recognised", "版记：印发机关和印发日期", "imprint: printed by and on", block.where)
            elif (head := meta.ATTACHMENT_HEAD.match(text)) is not None and not block.rows and len(text) <= 80:
                title = head["title"]
                index += 1
                if not title and index < len(blocks) and not blocks[index].rows:
                    title = blocks[index].text
                    index += 1
                    while index < len(blocks) and not blocks[index].gap and not blocks[index].rows and len(blocks[index].text) <= 40:
                        title += ("" if self.locale == "zh-CN" else " ") + blocks[index].text  # a title over two lines
                        index += 1
                body: list[str] = []
                while index < len(blocks):
                    nxt = blocks[index]
                    if not nxt.rows and (meta.ATTACHMENT_HEAD.match(nxt.text) and len(nxt.text) <= 80 or meta.COPIES_TO.match(nxt.text)
                                         or meta.PRINTED.match(nxt.text) or nxt.text in meta.INDICATORS_HEAD):  # fmt: skip
                        break
                    body.append(markdown_table(nxt.rows) if nxt.rows else self.clean(nxt.text, nxt.where))
                    index += 1
                title = self.clean(title, block.where)
                attachments.append({"title": title, "body": "\n\n".join(body)})
                self.note("recognised", f"附件：{title}", f"attachment: {title}", block.where)
                continue
            elif text or block.rows:
                self.note("left-out", f"落款之后的内容未采用：“{(text or '（表格）')[:30]}”", f"text after the signature left out: “{(text or '(table)')[:30]}”", block.where)
            index += 1
        if attachments:
            self.data["attachments"] = attachments
        if not notes_seen:
            self.data["public_release"] = False
            self.note("guessed", "没有“（此件公开发布）”附注：public_release 设为 false", "no “released to the public” annotation: public_release set to false")

    def _tail_element(self, block: Block) -> bool:
        text = block.text
        if block.rows:
            return False
        return bool(
            meta.ANNOTATION.match(text) or meta.COPIES_TO.match(text) or meta.PRINTED.match(text)
            or (meta.ATTACHMENT_HEAD.match(text) and len(text) <= 80)
        )  # fmt: skip

    @staticmethod
    def _printed_alone(block: Block) -> bool:
        match = meta.PRINTED.match(block.text)
        return bool(match) and not (match["by"] or match["by2"] or "").strip()  # type: ignore[index]
