"""A figures table in last year's report read as `indicators`.

Offices print their key figures as a table, usually an attachment: 序号 / 指标 / 2022年 / 单位,
columns in any order, sometimes one column per year. Such a table is the report's indicators, not
an attachment: imported as an attachment it would print twice (附件1 from `indicators`, 附件2 from
the table). A table is one when its header names a label column (指标, 项目, 名称 …) and at least one
year column (2022年, 2023年度), and most of its rows give a figure there. The latest year is the
value, the one before it `previous` (with `previous_year` when it is not the year before); a unit
comes from a 单位 column or from the figure's own cell (11项). A figure is written as the table
wrote it when it is approximate (100余, 3.2万, 约60: data/figures.py reads those), else as a number.
genreport's own indicators table (指标 | 2023年 | 2022年 | 变化) is left to attachments.py, which
makes commented-out candidates of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from genreport.data import figures

_LABEL = re.compile(r"^(主要)?指标(名称|内容)?$|^(项目|名称|内容|工作内容|事项)(名称)?$|^(?i:indicators?|items?)$")
_UNIT = re.compile(r"^(计量)?单位$|^(?i:units?)$")
_YEAR = re.compile(r"^(?P<year>(19|20)\d{2})\s*年?度?\s*(完成情况|完成值|数值|数据|实绩)?$")
# A cell's figure and its unit: 11项, 3,249 项, 82.5%, 100余件, 3.2万人次, 约60个.
_CELL = re.compile(
    r"^(?P<figure>(?:约|近|超过|逾|超)?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:约|近|超过|逾|超)?\d+(?:\.\d+)?)"
    r"(?P<scale>[万亿])?(?P<suffix>余|多)?\s*(?P<unit>[^\d\s，。；,;（）()]{0,8})$"
)
_EMPTY = {"", "—", "-", "--", "——", "/", "－", "无", "n/a"}


@dataclass(frozen=True)
class Layout:
    """Which column holds what."""

    label: int
    unit: int | None
    years: list[tuple[int, int]]  # (year, column), latest first


def layout(header: list[str]) -> Layout | None:
    """The columns of a figures table's header row, or None when it is not one."""
    cells = [re.sub(r"\s+", "", cell) for cell in header]
    label = next((i for i, cell in enumerate(cells) if _LABEL.match(cell)), None)
    unit = next((i for i, cell in enumerate(cells) if _UNIT.match(cell)), None)
    years = sorted(((int(m["year"]), i) for i, cell in enumerate(cells) if (m := _YEAR.match(cell))), reverse=True)
    if label is None or not years:
        return None
    return Layout(label, unit, years)


def figure_of(cell: str) -> tuple[float | int | str, str | None] | None:
    """("100余" or 11, "件") from a cell; None for "—" or for text that is not one figure."""
    text = re.sub(r"\s+", "", cell)
    if text.lower() in _EMPTY:
        return None
    match = _CELL.match(text)
    if match is None:
        return None
    written = match["figure"] + (match["scale"] or "") + (match["suffix"] or "")
    parsed = figures.parse(written)
    if parsed is None:
        return None
    unit = match["unit"] or None
    if parsed.qualifier is None and not match["scale"]:
        number = float(written.replace(",", ""))
        return (int(number) if number.is_integer() and "." not in written else number), unit
    return written, unit


def table_indicators(rows: list[list[str]]) -> list[dict[str, Any]] | None:
    """The rows of a figures table as indicator entries (the data file's keys); None when the table
    is not a figures table (no such header, or fewer than half its rows give a figure)."""
    if len(rows) < 2:
        return None
    found = layout(rows[0])
    if found is None:
        return None
    (year, column), *earlier = found.years
    out: list[dict[str, Any]] = []
    for row in rows[1:]:
        cells = [cell.strip() for cell in row] + [""] * len(rows[0])
        label = cells[found.label]
        if not label:
            continue
        value = figure_of(cells[column])
        previous = figure_of(cells[earlier[0][1]]) if earlier else None
        if value is None and previous is None:
            continue
        unit = cells[found.unit].strip() if found.unit is not None else ""
        entry: dict[str, Any] = {"label": label}
        entry["value"] = value[0] if value else None
        if earlier:
            entry["previous"] = previous[0] if previous else None
            if earlier[0][0] != year - 1 and previous is not None:
                entry["previous_year"] = earlier[0][0]
        unit = unit or (value[1] if value else None) or (previous[1] if previous else None) or ""
        if unit:
            entry["unit"] = unit
        out.append(entry)
    body = [row for row in rows[1:] if any(cell.strip() for cell in row)]
    if not out or len(out) * 2 < len(body):
        return None
    return out


def years_of(rows: list[list[str]]) -> list[int]:
    """The year columns of a figures table, latest first."""
    found = layout(rows[0]) if rows else None
    return [year for year, _ in found.years] if found else []


# ------------------------------------------------------------------ the importer's hook ---


def _add(reader: Any, entries: list[dict[str, Any]]) -> tuple[int, int]:
    """Add `entries` to the data's indicators; a label already there is not added twice."""
    indicators = reader.data.setdefault("indicators", [])
    known = {entry["label"] for entry in indicators}
    fresh = [entry for entry in entries if entry["label"] not in known]
    indicators += fresh
    return len(fresh), len(entries) - len(fresh)


def take_table(reader: Any, index: int, title: str | None) -> int | None:
    """At blocks[index]: a figures table (the first table of an attachment titled `title`, or a
    table after the signature) read into `indicators`; the index after what it took, or None when
    there is no figures table there. An attachment that is only the table is not kept as one."""
    blocks = reader.blocks
    if index >= len(blocks) or not blocks[index].rows:
        return None
    block = blocks[index]
    rows = [[reader.clean(cell, block.where, quiet=True) for cell in row] for row in block.rows]
    entries = table_indicators(rows)
    if entries is None:
        return None
    added, repeated = _add(reader, entries)
    years = "、".join(f"{y}年" for y in years_of(rows))
    where = f"附件“{title}”的" if title else ""
    where_en = f"the attachment “{title}”: its " if title else ""
    reader.note(
        "recognised",
        f"{where}指标表（{years}）导入为 indicators：{added} 项"
        + (f"，另有 {repeated} 项与前表重复，未重复导入" if repeated else "")
        + ("；未再作为附件导入，附件1由 indicators 生成" if title else ""),
        f"{where_en}figures table ({', '.join(str(y) for y in years_of(rows))}) imported as indicators: {added}"
        + (f", {repeated} more repeat an earlier table's" if repeated else "")
        + ("; not kept as an attachment (attachment 1 is made from the indicators)" if title else ""),
        block.where,
    )
    return index + 1
