"""Word lists for Markdown lists: one decimal and one bullet definition, one w:num per list
(so each ordered list restarts, at its `start`)."""

from __future__ import annotations

from lxml import etree

from genreport.docx.page import CELL
from genreport.docx.xml import el, val


class Numbering:
    def __init__(self, locale: str) -> None:
        self.locale = locale
        self.lists: list[tuple[bool, int]] = []

    def new(self, ordered: bool, start: int) -> int:
        self.lists.append((ordered, start))
        return len(self.lists)

    def fill(self, root: etree._Element) -> None:
        """Replace the numbering part's content with the lists this document used."""
        for child in list(root):
            root.remove(child)
        zh = self.locale == "zh-CN"
        for abstract, ordered in ((1, True), (2, False)):
            node = el("w:abstractNum", {"abstractNumId": abstract}, val("w:multiLevelType", "multilevel"))
            for level in range(9):
                indent = round((2 + 2 * level) * CELL) if zh else 360 * (level + 1)
                lvl = el("w:lvl", {"ilvl": level}, val("w:start", 1),
                         val("w:numFmt", "decimal" if ordered else "bullet"),
                         val("w:suff", "nothing" if zh else "space"),
                         val("w:lvlText", f"%{level + 1}." if ordered else "•"), val("w:lvlJc", "left"))  # fmt: skip
                lvl.append(
                    el(
                        "w:pPr",
                        None,
                        el(
                            "w:ind",
                            {"left": 0 if zh else indent, "firstLine": indent}
                            if zh
                            else {"left": indent, "hanging": 360},
                        ),
                    )
                )
                node.append(lvl)
            root.append(node)
        for num, (ordered, start) in enumerate(self.lists, start=1):
            node = el("w:num", {"numId": num}, val("w:abstractNumId", 1 if ordered else 2))
            if ordered:
                node.append(el("w:lvlOverride", {"ilvl": 0}, val("w:startOverride", start)))
            root.append(node)
