"""Indicators as table rows (value, previous, change with sign and percentage), the table's
columns (a column that would be all "—" is left out) and their widths from their content.
The chart's geometry is render/chart.py. Pure functions of the model: output is deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup, escape

from genreport.data.model import Indicator
from genreport.render.document import Document
from genreport.render.numbering import format_number

PERCENT_UNITS = {"%", "％"}
POINT_UNITS = {"个百分点", "percentage points", "pp"}
# A minus sign, not the hyphen: zh-CN the full-width － (GB2312 A3AD, in every Chinese font),
# en the en dash – (the English serif fonts Debian ships, Noto Serif and Liberation Serif, have
# no U+2212, which would then come from DejaVu Serif).
MINUS = {"zh-CN": "\uff0d", "en": "\u2013"}
# Its plus in the same style: full-width ＋ beside full-width － (GB2312 A3AB; FandolFang has no
# U+2212, so a half-width pair is not available in zh-CN), + beside – in en.
PLUS = {"zh-CN": "\uff0b", "en": "+"}


def with_unit(number: str, unit: str | None, locale: str) -> str:
    if not unit:
        return number
    if unit in PERCENT_UNITS or locale == "zh-CN":
        return f"{number}{unit}"
    return f"{number} {unit}"


def _signed(value: float, locale: str) -> str:
    value = round(value, 10)
    text = format_number(abs(value), locale)
    return f"{PLUS[locale]}{text}" if value > 0 else (f"{MINUS[locale]}{text}" if value < 0 else "0")


def value_text(indicator: Indicator, locale: str) -> str:
    if indicator.value is None:
        return "—"
    written = indicator.written("value")
    if written is not None:  # 100余, 3.2万, 约60: printed as the clerk wrote it
        return with_unit(written, indicator.unit, locale)
    number = format_number(indicator.value, locale)
    if indicator.approx:
        if locale == "zh-CN":
            unit = indicator.unit or ""
            if unit[:1] in ("万", "亿"):  # 6606万余件, not 6606余万件
                return f"{number}{unit[0]}余{unit[1:]}"
            return f"{number}余{unit}"
        return "over " + with_unit(number, indicator.unit, locale)
    return with_unit(number, indicator.unit, locale)


def previous_number(indicator: Indicator, locale: str) -> str:
    """The comparison figure as written (近千) or as a number."""
    assert indicator.previous is not None
    return indicator.written("previous") or format_number(indicator.previous, locale)


def change_text(indicator: Indicator, doc: Document) -> str:
    locale = doc.locale
    if indicator.value is not None and indicator.previous is not None:
        diff = indicator.value - indicator.previous
        figures = (indicator.figure("value"), indicator.figure("previous"))
        if any(f is not None and f.qualifier for f in figures):  # 120余 against 90余: about +30, no exact share
            about = "约" if locale == "zh-CN" else "about "
            unit = doc.labels.points if indicator.unit in PERCENT_UNITS else None
            text = with_unit(_signed(diff, locale), None if unit else indicator.unit, locale)
            return about + text + (unit or "")
        if indicator.unit in PERCENT_UNITS:
            return _signed(diff, locale) + doc.labels.points
        text = with_unit(_signed(diff, locale), indicator.unit, locale)
        if indicator.previous != 0:
            share = f"{diff / abs(indicator.previous) * 100:+.1f}%"
            share = share.replace("-", MINUS[locale]).replace("+", PLUS[locale])
            text += f"（{share}）" if locale == "zh-CN" else f" ({share})"
        return text
    if indicator.change is not None:
        unit = indicator.change_unit
        if unit in POINT_UNITS:
            return _signed(indicator.change, locale) + doc.labels.points
        return with_unit(_signed(indicator.change, locale), unit, locale)
    return "—"


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    previous: str
    change: str


def table_rows(doc: Document) -> list[Row]:
    locale = doc.locale
    single_year = len(doc.comparison_years) == 1
    rows = []
    for indicator in doc.report.indicators:
        previous = "—"
        if indicator.previous is not None:
            previous = with_unit(previous_number(indicator, locale), indicator.unit, locale)
            if not single_year:
                year = doc.labels.year.format(year=doc.previous_year(indicator))
                previous += f"（{year}）" if locale == "zh-CN" else f" ({year})"
        rows.append(Row(indicator.label, value_text(indicator, locale), previous, change_text(indicator, doc)))
    return rows


def label_html(label: str) -> Markup:
    """A table label whose last two characters never part: a wrapped label never ends in one
    character alone on its line (行政机关负责人出庭应诉 / 率)."""
    if len(label) < 4:
        return Markup(escape(label))
    return Markup(f'{escape(label[:-2])}<span class="nobr">{escape(label[-2:])}</span>')


_PIECES = re.compile(r"[（(][^）)]*[）)]|[+\-\u2212\uff0b\uff0d\u2013]?[\d.,]+%?|[^（(\d+\-\u2212\uff0b\uff0d\u2013]+")


def change_html(change: str) -> Markup:
    """A change cell that wraps only between its pieces (−16.52 / 个百分点 / （+7.9%）), never inside one."""
    found = _PIECES.findall(change)
    if "".join(found) != change:
        return Markup(escape(change))
    pieces: list[str] = []
    for piece in found:
        if pieces and len(piece.strip()) <= 2 and not piece.startswith(("（", "(")):
            pieces[-1] += piece  # a short unit stays with its number: +7件, not +7 / 件
        else:
            pieces.append(piece)
    return Markup("".join(f'<span class="nobr">{escape(piece)}</span>' for piece in pieces))


# ------------------------------------------------------------------------------ columns ---

TABLE_CHARS = 31.5  # 14 pt characters across the 156 mm text block (a4.css's 10 pt table: more)
CELL_PADDING = 0.6  # a cell's 2 mm padding either side, in those characters


def text_width(text: str) -> float:
    """Width in em: a hanzi or full-width mark 1, a digit or Latin letter about half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in ("W", "F") else 0.55 for c in text)


@dataclass(frozen=True)
class Columns:
    """The table's columns: which of previous/change are shown, and every shown column's width in %."""

    previous: bool
    change: bool
    widths: list[int]


def table_headings(doc: Document) -> list[str]:
    """指标 / 2023年 / the comparison year (from `previous_year`: 2020年 for Guizhou's figures; the
    report's year minus one only when no indicator names it) / 变化."""
    labels = doc.labels
    years = doc.comparison_years
    zh = doc.locale == "zh-CN"
    previous = labels.year.format(year=years[0]) if len(years) == 1 else ("比较值" if zh else "Compared with")
    return [labels.indicator, labels.year.format(year=doc.report.year), previous, labels.change]


def shown(columns: Columns, cells: list[str]) -> list[str]:
    """The cells (label, value, previous, change) of the columns the table shows."""
    keep = [True, True, columns.previous, columns.change]
    return [cell for cell, kept in zip(cells, keep, strict=True) if kept]


def table_columns(doc: Document, headings: list[str] | None = None) -> Columns:
    """A column that is "—" in every row is left out; widths follow the content, so that a label
    column is not squeezed to wrap while a figure column has room to spare. `headings` are the
    four column headings (label, year, previous, change), which count as content too."""
    headings = headings or table_headings(doc)
    rows = table_rows(doc)
    show = [True, True, any(r.previous != "—" for r in rows), any(r.change != "—" for r in rows)]
    cells = [[r.label, r.value, r.previous, r.change] for r in rows]
    need = [max([text_width(headings[i])] + [text_width(c[i]) for c in cells]) + CELL_PADDING for i in range(4)]
    # The change column may wrap between its pieces (+415件 / （+13.8%）): its narrowest is its longest piece.
    pieces = [p for r in rows for p in _PIECES.findall(r.change)] or ["—"]
    least_change = max(text_width(p) for p in pieces) + CELL_PADDING + 2
    shown = [i for i in range(4) if show[i]]
    total = sum(need[i] for i in shown)
    if total > TABLE_CHARS and show[3] and need[3] > least_change:
        need[3] = max(least_change, need[3] - (total - TABLE_CHARS))
        total = sum(need[i] for i in shown)
    widths = [round(need[i] / total * 100) for i in shown]
    widths[0] += 100 - sum(widths)
    return Columns(previous=show[2], change=show[3], widths=widths)
