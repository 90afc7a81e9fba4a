"""Attachments (附件, GB/T 9704 §7.3.4) read back: the 附件说明 under the body, and each
attachment page after the signature.

The note lists the attachments' titles: "附件：<title>" for one, "附件：1. <title>" and "2. <title>"
on the lines below for several (genreport writes "附件：" and the list; a converter may run the items
into one line, or drop their numbers). Its lines are the document's furniture, never body text.

genreport prints the indicators as attachment 1 (render/attachments.py: "2023年度主要指标完成情况",
"Key figures, 2023"; the .docx writer titles it "主要指标" / "Key figures"), a table of label, this
year, the comparison year and the change. That attachment is not the user's: its rows become
candidate indicators, written commented-out in the data file, since a figure in a table is still
a guess about the indicator's value, unit and comparison (numbers are never made indicators
silently).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

NOTE = re.compile(r"^(附件|Attachments?|Annex(?:es)?)\s*[:：]\s*(?P<title>.*)$", re.I)
HEAD = re.compile(r"^(附件\s*(?P<n>\d*)|(?:Attachment|Annex)\s*(?P<m>\d*))\s*[:：]?\s*(?P<title>.*)$")
NOTE_ITEM = re.compile(r"^\s*(?P<n>\d{1,2})\s*[.．、]\s*(?P<title>\S.*)$")
INDICATORS_TITLE = re.compile(r"^(\d{4}\s*年度?)?主要指标(完成情况)?$|^(?i:key figures)(,?\s*\d{4})?$")
_YEAR_CELL = re.compile(r"^\d{4}\s*年?$")
_NUMBER = re.compile(
    r"^(?P<sign>[+\-−＋－–]?)(?P<over>over\s+)?(?P<number>\d[\d,]{0,20}(?:\.\d{1,10})?)(?P<rest>.*)$", re.I
)
_YEAR_AFTER = re.compile(r"\s*[（(](?P<year>\d{4})\s*年?[)）]$")


def note_titles(first: str, lines: list[str]) -> list[str]:
    """The titles an attachment note lists: `first` is what follows "附件：" on its line, `lines` the
    item lines below it. Numbered items run together ("1. A2. B", as LibreOffice joins them) are split at
    each next number in turn."""
    items = [text.strip() for text in [first, *lines] if text.strip()]
    if not items or not NOTE_ITEM.match(items[0]):
        return items  # one title, or one a line (a Word list keeps its numbers out of the text)
    text = " ".join(items)
    titles: list[str] = []
    first_item = NOTE_ITEM.match(text)
    assert first_item is not None  # the text starts with items[0], which matched above
    number, position = int(first_item["n"]), first_item.start("title")
    while len(titles) < 99:
        following = re.compile(rf"(?<!\d){number + 1}\s*[.．、]\s*(?!\d)").search(text, position + 1)
        if following is None:
            break
        titles.append(text[position : following.start()].strip())
        number, position = number + 1, following.end()
    titles.append(text[position:].strip())
    return titles


def is_indicator_header(row: list[str]) -> bool:
    """The header of genreport's indicator table: 指标 | 2023年 | 2022年 (or 比较值) | 变化."""
    cells = [cell.strip() for cell in row]
    if len(cells) != 4:
        return False
    label, current, previous, change = cells
    return (
        label in ("指标", "Indicator")
        and bool(_YEAR_CELL.match(current))
        and (bool(_YEAR_CELL.match(previous)) or previous in ("比较值", "Compared with"))
        and change in ("变化", "Change")
    )


def is_indicators(title: str, first_table: list[list[str]] | None) -> bool:
    """Is the attachment titled `title` (its first table `first_table`) genreport's indicators? Both
    must say so: a report's own "2023年度主要指标完成情况" with other columns stays an attachment."""
    titled = bool(INDICATORS_TITLE.match(re.sub(r"\s+", " ", title.strip())))
    return titled and bool(first_table) and is_indicator_header(first_table[0])  # type: ignore[index]


@dataclass
class Figure:
    number: float | int | None
    unit: str | None
    approx: bool = False
    year: int | None = None


def _figure(cell: str) -> Figure | None:
    """ "11项" / "3,249 items" / "82.5%" / "6606万余件" / "over 3 cases" / "91%（2021年）"; None for "—" or text."""
    cell = cell.strip()
    year = None
    if match := _YEAR_AFTER.search(cell):
        year = int(match["year"])
        cell = cell[: match.start()]
    match = _NUMBER.match(cell)
    if not match:
        return None
    text = match["number"].replace(",", "")
    number: float | int = float(text) if "." in text else int(text)
    if match["sign"] in ("-", "−", "－", "–"):  # genreport prints ＋/－ (zh-CN) and +/– (en)
        number = -number
    rest = match["rest"].strip()
    approx = bool(match["over"])
    if rest.startswith("余"):
        approx, rest = True, rest[1:]
    elif rest[:1] in ("万", "亿") and rest[1:2] == "余":
        approx, rest = True, rest[0] + rest[2:]
    if re.search(r"\d|[（(]", rest):
        return None  # "受理88件，办结88件": text, not one figure
    return Figure(number, rest or None, approx, year)


def candidate_indicators(rows: list[list[str]]) -> list[dict[str, Any]]:
    """genreport's indicator table (header first) as indicator entries, in the data file's keys."""
    out: list[dict[str, Any]] = []
    years = [int(match.group(0)) if (match := re.match(r"\d{4}", cell.strip())) else None for cell in rows[0][1:3]] + [
        None,
        None,
    ]
    compared = years[1] if years[0] is not None and years[1] is not None and years[1] != years[0] - 1 else None
    for number, row in enumerate(rows[1:], start=1):
        cells = [cell.strip() for cell in row] + [""] * 4
        label, value_cell, previous_cell, change_cell = cells[:4]
        if not label:
            continue
        entry: dict[str, Any] = {"key": f"indicator_{number}", "label": label}
        value, previous = _figure(value_cell), _figure(previous_cell)
        unit = (value.unit if value else None) or (previous.unit if previous else None)
        if value is not None:
            entry["value"] = value.number
            if value.approx:
                entry["approx"] = True
        if previous is not None:
            entry["previous"] = previous.number
            if previous.year is not None or compared is not None:
                entry["previous_year"] = (
                    previous.year or compared
                )  # "91%（2021年）", or a header "2020年" not the year before
        elif value is not None:
            entry["previous"] = None  # printed "—": no comparable figure
        if value is None or previous is None:
            change = _figure(change_cell)
            if change is not None and change.number is not None:
                entry["change"] = change.number
                if change.unit:
                    entry["change_unit"] = change.unit
        if unit:
            entry["unit"] = unit
        out.append(entry)
    return out
