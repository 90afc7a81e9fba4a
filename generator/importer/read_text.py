"""Plain text and Markdown: one block per paragraph, positioned by its first line.

Text copied from a browser or a Word window has one paragraph a line (blank lines between, or
not) and a table's cells separated by tabs; Markdown (genreport's own, or any other) has blank
lines between paragraphs, `#` headings, `- ` items and `|` tables. Both are read the same way;
Markdown's markers are dropped, since the structure is recognised from the text.
"""

from __future__ import annotations

import re

from genreport.importer.blocks import MAX_COLUMNS, Block, Where

_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^[-*+]\s+")
_NUMBERED = re.compile(r"^\d+[.)]\s+")
_QUOTE = re.compile(r"^>\s?")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_CJK_END = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _join(lines: list[str]) -> str:
    """A paragraph wrapped over several lines, joined as it reads: no space between hanzi.

    Each joint looks at the two characters beside it, never at the text so far (a search of the
    growing text made a paragraph of 40,000 short lines quadratic)."""
    out: list[str] = []
    for line in lines:
        if out and not (_CJK_END.search(out[-1][-1:]) and _CJK_START.search(line[:1])):
            out.append(" ")
        if line:
            out.append(line)
    return "".join(out)


def _cells(line: str) -> list[str]:
    if "\t" in line:
        return [cell.strip() for cell in line.split("\t")]
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _alignment(rule: str) -> str | None:
    """A Markdown table rule's cell (---:, :---:, :---) as the column's alignment."""
    if rule.startswith(":") and rule.endswith(":"):
        return "center"
    return "right" if rule.endswith(":") else ("left" if rule.startswith(":") else None)


def read_text(text: str, markdown: bool) -> list[Block]:
    blocks: list[Block] = []
    lines: list[str] = []
    start = 0
    table: list[list[str]] = []
    table_start = 0

    def flush() -> None:
        nonlocal lines
        if lines:
            blocks.append(Block(_join(lines), Where("line", start)))
        lines = []

    align: list[str | None] | None = None

    def flush_table() -> None:
        nonlocal table, align
        if table:
            blocks.append(Block("", Where("line", table_start), rows=table, align=align))
        table, align = [], None

    blank = True
    for number, raw in enumerate(text.splitlines(), start=1):
        was_blank, blank = blank, not raw.strip()
        line = raw.strip(" \t\r\f\v\u00a0\u3000")
        is_row = ("\t" in raw.strip() and 1 < len(_cells(raw.strip())) <= MAX_COLUMNS) or (
            line.startswith("|") and line.endswith("|") and len(line) > 1 and line.count("|") <= MAX_COLUMNS + 1
        )
        if is_row:
            flush()
            if not table:
                table_start = number
            if not _TABLE_RULE.match(line):
                table.append(_cells(raw.strip()))
            elif align is None:
                align = [_alignment(cell) for cell in _cells(line)]
            continue
        flush_table()
        if not line or (markdown and _RULE.match(line)):
            flush()
            continue
        style = ""
        if markdown:
            if _HEADING.match(line):
                flush()
                style = "heading"
                line = _HEADING.sub("", line)
            if _BULLET.match(line) or _NUMBERED.match(line):
                flush()  # each list item is a paragraph of its own
            line = _QUOTE.sub("", _BULLET.sub("", line))
            line = _EMPHASIS.sub(r"\2", line)
        if style or not markdown:
            # a heading is a block of its own; in plain text every line is a paragraph
            flush()
            blocks.append(Block(line, Where("line", number), style=style, gap=was_blank or markdown))
            continue
        if not lines:
            start = number
        lines.append(line)
    flush()
    flush_table()
    return blocks
