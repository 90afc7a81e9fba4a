"""The end of a report: the attachment note (附件说明), signers and the date signed, then the tail
(附注, the attachment pages, genreport's indicators attachment read back as candidate indicators
(attachments.py), 版记, and whatever the site printed below), recognised line by line.

A mixin of the recogniser: it reads `blocks` and writes `data` and notes like the rest of it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from genreport.importer import attachments as attach
from genreport.importer import figures_table, meta
from genreport.importer.blocks import Block, Notes, Where
from genreport.importer.parts import POINT, SUBSECTION, markdown_table

_SIGNER_PUNCT = re.compile(r"[，。；：,;:!?！？、]")


class Closing:
    blocks: list[Block]
    locale: str
    data: dict[str, Any]
    notes: Notes
    signers: list[str]
    note_titles: list[str]  # the titles the attachment note lists
    candidates: list[dict[str, Any]]  # the rows of genreport's indicator table, as indicator entries

    def note(self, category: str, zh: str, en: str, where: Where | None = None) -> None:
        raise NotImplementedError

    def clean(self, text: str, where: Where, quiet: bool = False, keep_spaces: bool = False) -> str:
        raise NotImplementedError

    def _is_part_heading(self, block: Block) -> bool:
        raise NotImplementedError

    def _signature(self, last: int) -> tuple[int, int, list[Block], tuple[dt.date, Where] | None]:
        """(end of body, start of tail, signer blocks, the date signed). The attachment note (附件说明)
        between the body and the signers ends the body; its titles go to `note_titles`."""
        blocks = self.blocks
        self.note_titles = []
        for index in range(last + 1, len(blocks)):
            block = blocks[index]
            date = meta.parse_date(block.text) if not block.rows else None
            if date is None:
                continue
            start = index
            while start - 1 > last and self._signer_like(blocks[start - 1]) and index - start < 12:
                start -= 1
            end = start
            items: list[Block] = []
            pages = sum(1 for b in blocks[index + 1 :] if self._attachment_page(b))
            if start - 1 > last and self._empty_note(blocks[start - 1]):
                # "附件：" and its items with their numbers gone (a Word list): as many items as attachment pages
                count = min(pages or len(blocks[start:index]) - 1, len(blocks[start:index]) - 1)
                items, start, end = blocks[start : start + count], start + count, start - 1
            else:
                start = max(start, index - 4)  # at most four signers
                end = start
                back = start - 1
                while back > last and self._note_item(blocks[back]):
                    back -= 1  # the further lines of a numbered attachment note
                above = start - 1 - pages
                if not (back > last and attach.NOTE.match(blocks[back].text)) and pages and above > last:
                    # "附件：" and as many unnumbered lines as there are attachment pages (a list that lost its numbers)
                    if self._empty_note(blocks[above]) and all(
                        not b.rows and len(b.text) <= 80 for b in blocks[above + 1 : start]
                    ):
                        back = above
                if back > last and attach.NOTE.match(blocks[back].text) and not blocks[back].rows:
                    items, end = blocks[back + 1 : start], back
            if end < start:
                first = attach.NOTE.match(blocks[end].text)
                self.note_titles = attach.note_titles(first["title"] if first else "", [b.text for b in items])
                for note in blocks[end:start]:
                    self.note("recognised", f"附件说明：“{note.text}”", f"attachment note: “{note.text}”", note.where)
            return end, index + 1, blocks[start:index], (date, block.where)
        for index in range(last + 1, len(blocks)):
            text = blocks[index].text
            if (
                meta.ANNOTATION.match(text)
                or meta.COPIES_TO.match(text)
                or text in meta.INDICATORS_HEAD
                or meta.PRINTED.match(text)
            ):
                return index, index, [], None
        return len(blocks), len(blocks), [], None

    @staticmethod
    def _empty_note(block: Block) -> bool:
        note = attach.NOTE.match(block.text)
        return note is not None and not note["title"] and not block.rows

    def _note_item(self, block: Block) -> bool:
        return (
            not block.rows
            and len(block.text) <= 80
            and (bool(attach.NOTE_ITEM.match(block.text)) or "list" in block.style)
        )

    @staticmethod
    def _attachment_page(block: Block) -> bool:
        """The label at the top of an attachment page: 附件1, 附件, Attachment 2, Annex 1."""
        head = attach.HEAD.match(block.text)
        if head is None or block.rows or len(block.text) > 80:
            return False
        return bool(
            head["n"] or head["m"] or not head["title"] or re.match(r"^\S+\s*[:：]", block.text)
        )  # not "附件材料……"

    def _signer_like(self, block: Block) -> bool:
        text = block.text
        return (
            bool(text) and not block.rows and len(text) <= 40 and not _SIGNER_PUNCT.search(text.replace("'", ""))
            and not POINT[self.locale].match(text) and not SUBSECTION[self.locale].match(text) and not self._is_part_heading(block)
            and not meta.NONE_SENTENCE.match(text) and not attach.NOTE_ITEM.match(text) and "list" not in block.style
        )  # fmt: skip

    # -- signature and tail
    def _signers(self, signers: list[Block], signed: tuple[dt.date, Where] | None) -> None:
        if signed:
            self.data["signed_on"] = signed[0]
            self.note(
                "recognised", f"成文日期：{signed[0].isoformat()}", f"date signed: {signed[0].isoformat()}", signed[1]
            )
        else:
            self.note(
                "missing", "没有找到成文日期（落款下一行的日期）", "no date signed found (the date under the signature)"
            )
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
        self.candidates = []
        self._unpack_imprint(start)
        while index < len(blocks):
            block = blocks[index]
            text = block.text
            if meta.ANNOTATION.match(text):
                self.data["public_release"] = True
                notes_seen = True
                self.note("recognised", f"附注：{text}", f"annotation: {text}", block.where)
            elif text in meta.INDICATORS_HEAD:
                index = self._indicators(index + 1, text, block.where)
                continue
            elif (
                not block.rows
                and index + 1 < len(blocks)
                and self._printed_alone(blocks[index + 1])
                and len(text) <= 80
            ):
                blocks[index + 1] = Block(
                    f"{text} {blocks[index + 1].text}", block.where
                )  # 印发机关 and 印发日期 on two lines
            elif meta.COPIES_TO.match(text):
                listed = meta.COPIES_TO.match(text)["list"]  # type: ignore[index]
                names = [
                    name.strip() for name in re.split(r"[，、,]\s*", self.clean(listed, block.where)) if name.strip()
                ]
                self.data.setdefault("distribution", {})["copies_to"] = names
                self.note(
                    "recognised",
                    f"版记：抄送 {len(names)} 个机关",
                    f"imprint: copies to {len(names)} bodies",
                    block.where,
                )
            elif (printed := meta.PRINTED.match(text)) is not None:
                by = (printed["by"] if printed["by"] is not None else printed["by2"] or "").strip(" \u3000;；")
                on = meta.parse_date(printed["date"] or printed["date2"] or "")
                dist = self.data.setdefault("distribution", {})
                if by:
                    dist["printed_by"] = self.clean(by, block.where)
                if on:
                    dist["printed_on"] = on
                self.note("recognised", "版记：印发机关和印发日期", "imprint: printed by and on", block.where)
            elif self._attachment_page(block):
                index = self._attachment(index, attachments)
                continue
            elif block.rows and (taken := figures_table.take_table(self, index, None)) is not None:
                index = taken  # a figures table after the signature, with no 附件 label (a web page's)
                continue
            elif text or block.rows:
                self.note(
                    "left-out",
                    f"落款之后的内容未采用：“{(text or '（表格）')[:30]}”",
                    f"text after the signature left out: “{(text or '(table)')[:30]}”",
                    block.where,
                )
            index += 1
        if attachments:
            self.data["attachments"] = attachments
        listed = [title for title in self.note_titles if not attach.INDICATORS_TITLE.match(title)]
        if not attachments and listed:
            self.note("missing", f"附件说明列出 {len(listed)} 个附件，但原文没有附件正文：未导入（{'；'.join(listed)}）",
                      f"the attachment note lists {len(listed)} attachments the source does not contain: not imported ({'; '.join(listed)})")  # fmt: skip
        if not notes_seen:
            self.data["public_release"] = False
            self.note(
                "guessed",
                "没有“（此件公开发布）”附注：public_release 设为 false",
                "no “released to the public” annotation: public_release set to false",
            )

    def _attachment(self, index: int, attachments: list[dict[str, Any]]) -> int:
        """One attachment page from its label (附件2 / 附件2：<title> / Attachment 2): the index after it."""
        blocks = self.blocks
        label = blocks[index]
        title = attach.HEAD.match(label.text)["title"]  # type: ignore[index]
        index += 1
        if not title and index < len(blocks) and not blocks[index].rows:
            title = blocks[index].text
            index += 1
            while (
                index < len(blocks)
                and not blocks[index].gap
                and not blocks[index].rows
                and len(blocks[index].text) <= 40
            ):
                title += ("" if self.locale == "zh-CN" else " ") + blocks[index].text  # a title over two lines
                index += 1
        if attach.is_indicators(title, blocks[index].rows if index < len(blocks) else None):
            return self._indicators(index, title, label.where)
        if (taken := figures_table.take_table(self, index, self.clean(title, label.where, quiet=True))) is not None:
            index = taken  # a figures table is the indicators (figures_table.py); the rest, if any, stays an attachment
            if index >= len(blocks) or self._tail_element(blocks[index]) or blocks[index].text in meta.INDICATORS_HEAD:
                return index
        body: list[str] = []
        while (
            index < len(blocks)
            and not self._tail_element(blocks[index])
            and blocks[index].text not in meta.INDICATORS_HEAD
        ):
            nxt = blocks[index]
            body.append(markdown_table(nxt.rows, nxt.align) if nxt.rows else self.clean(nxt.text, nxt.where))
            index += 1
        title = self.clean(title, label.where)
        attachments.append({"title": title, "body": "\n\n".join(body)})
        self.note("recognised", f"附件：{title}", f"attachment: {title}", label.where)
        return index

    def _indicators(self, index: int, title: str, where: Where) -> int:
        """genreport's indicators attachment (its table, then the chart): candidate indicators, commented out."""
        blocks = self.blocks
        found = 0
        while index < len(blocks) and not self._tail_element(blocks[index]):
            rows = blocks[index].rows
            if rows and not found:
                rows = [[self.clean(cell, blocks[index].where, quiet=True) for cell in row] for row in rows]
                if attach.is_indicator_header(rows[0]):
                    rows_found = attach.candidate_indicators(rows)
                    self.candidates += rows_found
                    found = len(rows_found)
            index += 1  # the table and the chart (a copied page lists the chart's labels line by line)
        self.note(
            "left-out",
            f"附件“{title}”是 genreport 由 indicators 生成的主要指标表和图：未作为附件导入，表中 {found} 项指标写在文件末尾的注释中，核对后可启用",
            f"the attachment “{title}” is genreport's table and chart of indicators: not imported as an attachment; its {found} rows are candidate indicators in the comments at the end of the file",
            where,
        )
        return index

    def _unpack_imprint(self, start: int) -> None:
        """The 版记 as a one-column table (genreport's .docx): its rows as lines."""
        unpacked = self.blocks[:start]
        for block in self.blocks[start:]:
            lines = [row[0] for row in block.rows or [] if len(row) == 1 and row[0].strip()]
            if (
                block.rows
                and all(len(row) == 1 for row in block.rows)
                and lines
                and all(meta.COPIES_TO.match(line) or meta.PRINTED.match(line) for line in lines)
            ):
                unpacked += [Block(line, block.where) for line in lines]
            else:
                unpacked.append(block)
        self.blocks[:] = unpacked

    def _tail_element(self, block: Block) -> bool:
        text = block.text
        if block.rows:
            return False
        return bool(
            meta.ANNOTATION.match(text) or meta.COPIES_TO.match(text) or meta.PRINTED.match(text)
            or self._attachment_page(block)
        )  # fmt: skip

    @staticmethod
    def _printed_alone(block: Block) -> bool:
        match = meta.PRINTED.match(block.text)
        return bool(match) and not (match["by"] or match["by2"] or "").strip()  # type: ignore[index]
