"""Places in a Word file as a clerk finds them: "一、（二）“深入推进简政放权”下第3段", not "第31段".

A paragraph number counts every empty paragraph Word holds (and python-docx sees), which no one can
count on screen. A clerk looks for the part heading, then the subsection, then counts the
paragraphs under it: that is the label each block of a .docx gets, with the heading's first words.
"""

from __future__ import annotations

import re

from genreport.errors import Text

_PART = re.compile(r"^\s*([一二三四五六七八九十]+、|\d{1,2}\.\s)")
_SUB = re.compile(r"^\s*(（[一二三四五六七八九十]+）|\(\d{1,2}\)\s)")
_WORDS = 8
_NOTE = re.compile(r"^(附件[:：]|Attachments?[:：])")  # the 附件说明: the body has ended
_ATTACHMENT = re.compile(r"^(附件\s*\d*|Attachment\s*\d*)$")  # an attachment's label, at the top of its page


def _words(text: str, number: str) -> str:
    rest = text[len(number) :].strip() if text.strip().startswith(number.strip()) else text.strip()
    rest = re.split(r"[。.]", rest, maxsplit=1)[0]
    return rest[:_WORDS] + ("…" if len(rest) > _WORDS else "")


class Places:
    """Feed every non-empty block in order; `label` gives each its place."""

    def __init__(self) -> None:
        self.part = ""
        self.part_words = ""
        self.sub = ""
        self.sub_words = ""
        self.count = 0

    def label(self, text: str, heading_style: bool = False) -> Text:
        stripped = text.strip()
        if _ATTACHMENT.match(stripped):
            self.part, self.part_words, self.sub, self.sub_words, self.count = stripped, "", "", "", 0
            return Text(f"{stripped}（标识）", f"{stripped} (label)")
        if _NOTE.match(stripped) and self.part and not self.part.startswith(("附件", "Attachment")):
            self.part, self.part_words, self.sub, self.sub_words, self.count = "正文之后", "", "", "", 0
        if self.part == "正文之后" or self.part.startswith(("附件", "Attachment")):
            self.count += 1
            if self.part == "正文之后":
                return Text(f"正文之后第{self.count}段", f"after the body, paragraph {self.count}")
            return Text(f"{self.part}第{self.count}段", f"{self.part}, paragraph {self.count}")
        short = len(text) <= 60 or heading_style
        part = _PART.match(text)
        sub = _SUB.match(text)
        if part and short and not text.rstrip().endswith(("；", ";")):
            self.part, self.part_words = part.group(1).strip(), _words(text, part.group(1))
            self.sub = self.sub_words = ""
            self.count = 0
            return Text(f"{self.part}“{self.part_words}”（标题）", f"{self.part} “{self.part_words}” (heading)")
        if sub and self.part:
            self.sub, self.sub_words = sub.group(1).strip(), _words(text, sub.group(1))
            self.count = 0
            return Text(
                f"{self.part}{self.sub}“{self.sub_words}”（标题）",
                f"{self.part} {self.sub} “{self.sub_words}” (heading)",
            )
        self.count += 1
        if not self.part:
            return Text(f"正文之前第{self.count}段", f"before the first part, paragraph {self.count}")
        words = self.sub_words or self.part_words
        return Text(
            f"{self.part}{self.sub}“{words}”下第{self.count}段",
            f"{self.part} {self.sub + ' ' if self.sub else ''}“{words}”, paragraph {self.count}",
        )
