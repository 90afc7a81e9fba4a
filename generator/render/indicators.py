"""Indicators as table rows (value, previous, change with sign and percentage) and as the
geometry of an inline SVG bar chart. Pure functions of the model: output is deterministic.
"""

from __future__ import annotations

import re
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


def _with_unit(number: str, unit: str | None, locale: str) -> str:
    if not unit:
        return number
    if unit in PERCENT_UNITS or locale == "zh-CN":
        return f"{number}{unit}"
    return f"{number} {unit}"


def _signed(value: float, locale: str) -> str:
    value = round(value, 10)
    text = format_number(abs(value), locale)
    return f"+{text}" if value > 0 else (f"{MINUS[locale]}{text}" if value < 0 else "0")


def value_text(indicator: Indicator, locale: str) -> str:
    if indicator.value is None:
        return "—"
    written = indicator.written("value")
    if written is not None:  # 100余, 3.2万, 约60: printed as the clerk wrote it
        return _with_unit(written, indicator.unit, locale)
    number = format_number(indicator.value, locale)
    if indicator.approx:
        if locale == "zh-CN":
            unit = indicator.unit or ""
            if unit[:1] in ("万", "亿"):  # 6606万余件, not 6606余万件
                return f"{number}{unit[0]}余{unit[1:]}"
            return f"{number}余{unit}"
        return "over " + _with_unit(number, indicator.unit, locale)
    return _with_unit(number, indicator.unit, locale)


def previous_number(indicator: Indicator, locale: str) -> str:
    """The comparison figure as written (近千) or as a number."""
    assert indicator.previous is not None
    return indicator.written("previous") or format_number(indicator.previous, locale)


def change_text(indicator: Indicator, doc: Document) -> str:
    locale = doc.locale
    if indicator.value is not None and indicator.previous is not None:
        diff = indicator.value - indicator.previous
        if indicator.unit in PERCENT_UNITS:
            return _signed(diff, locale) + doc.labels.points
        text = _with_unit(_signed(diff, locale), indicator.unit, locale)
        if indicator.previous != 0:
            share = f"{diff / abs(indicator.previous) * 100:+.1f}%".replace("-", MINUS[locale])
            text += f"（{share}）" if locale == "zh-CN" else f" ({share})"
        return text
    if indicator.change is not None:
        unit = indicator.change_unit
        if unit in POINT_UNITS:
            return _signed(indicator.change, locale) + doc.labels.points
        return _with_unit(_signed(indicator.change, locale), unit, locale)
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
            previous = _with_unit(previous_number(indicator, locale), indicator.unit, locale)
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


_PIECES = re.compile(r"[（(][^）)]*[）)]|[+\-\u2212\uff0d\u2013]?[\d.,]+%?|[^（(\d+\-\u2212\uff0d\u2013]+")


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


# ---------------------------------------------------------------------------- chart geometry ---

CHART_WIDTH = 420
BAR_MAX = 300
BAR_HEIGHT = 14
ROW_HEIGHT = 64
TOP = 34


@dataclass(frozen=True)
class Bar:
    y: str
    width: str
    text_x: str
    text_y: str
    text: str


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: str
    current: Bar
    previous: Bar


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    current_year: str
    previous_year: str
    rows: list[ChartRow]


def _fmt(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


def _bar(value: float, biggest: float, y: float, text: str) -> Bar:
    length = max(1.0, value / biggest * BAR_MAX) if biggest > 0 and value > 0 else 1.0
    return Bar(_fmt(y), _fmt(length), _fmt(length + 6), _fmt(y + BAR_HEIGHT - 3), text)


def chart(doc: Document) -> Chart | None:
    """One row per indicator with both a value and a previous value; None for fewer than two:
    a single pair of bars says nothing the table does not, and would take a page of its own."""
    locale = doc.locale
    compared = [i for i in doc.report.indicators if i.value is not None and i.previous is not None]
    if len(compared) < 2:
        return None
    # Bars are lengths on one axis per unit: 29.38 % and 99.47 % are drawn 29.38 : 99.47, and an
    # indicator in 件 is never measured against one in % (each unit has its own longest bar).
    # Percentages share a 0-100 axis. Rows are grouped by unit (in the order units first appear),
    # so the bars that share an axis stand together.
    longest: dict[str, float] = {}
    for ind in compared:
        assert ind.value is not None and ind.previous is not None
        unit = ind.unit or ""
        floor = 100.0 if unit in PERCENT_UNITS else 0.0
        longest[unit] = max(longest.get(unit, floor), ind.value, ind.previous)
    order = list(longest)
    compared.sort(key=lambda ind: order.index(ind.unit or ""))
    rows = []
    for n, ind in enumerate(compared):
        assert ind.value is not None and ind.previous is not None
        top = TOP + n * ROW_HEIGHT
        biggest = longest[ind.unit or ""]
        previous_text = _with_unit(previous_number(ind, locale), ind.unit, locale)
        if len(doc.comparison_years) > 1:
            previous_text += f" ({doc.labels.year.format(year=doc.previous_year(ind))})"
        rows.append(
            ChartRow(
                label=ind.label,
                label_y=_fmt(top + 12),
                current=_bar(ind.value, biggest, top + 18, value_text(ind, locale)),
                previous=_bar(ind.previous, biggest, top + 18 + BAR_HEIGHT + 4, previous_text),
            )
        )
    years = doc.comparison_years
    previous_label = doc.labels.year.format(year=years[0]) if len(years) == 1 else ("比较年度" if locale == "zh-CN" else "Comparison")
    return Chart(
        width=CHART_WIDTH,
        height=TOP + len(rows) * ROW_HEIGHT,
        current_year=doc.labels.year.format(year=doc.report.year),
        previous_year=previous_label,
        rows=rows,
    )
