"""The geometry of the indicators' bar chart (inline SVG), cut into panels that each fit a page.

One row per indicator that has both a value and a comparison value: this year's bar in black,
the comparison year's in grey. Bars are lengths on one axis per unit, and rows are grouped by
unit, each group under a line that names its unit (单位：件): a 7 项 bar and a 3415 件 bar are
never read as one axis. Percentages share a 0-100 axis.

A chart taller than the text block would run off the paper (WeasyPrint cannot split an SVG), so
the rows are cut into panels of at most PANEL_HEIGHT: each panel is a figure with the chart's
title (continued: （续）) and fits one page, so 40 indicators take five pages, never over the
page number. Pure functions of the model: output is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass

from genreport.data.model import Indicator
from genreport.render.document import Document
from genreport.render.indicators import PERCENT_UNITS, previous_number, value_text, with_unit

CHART_WIDTH = 420  # viewBox units across the text block: 156 mm, so 1 unit = 0.371 mm (zh-CN)
BAR_MAX = 300
BAR_HEIGHT = 14
LEGEND = 34  # the legend's band at the top of each panel
GROUP = 26  # a unit's caption line
ROW_HEIGHT = 58  # a label line and two bars
# The text block is 225 mm tall (GB/T 9704; a4.css's is taller): less the title's line (10.2 mm),
# the figure's 5 mm margin and 5 mm to spare, 205 mm are 550 units. A panel is never taller.
PANEL_HEIGHT = 550


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
class UnitCaption:
    text: str
    y: str


@dataclass(frozen=True)
class Panel:
    """One figure of the chart: what fits one page."""

    height: int
    captions: list[UnitCaption]
    rows: list[ChartRow]
    continued: bool


@dataclass(frozen=True)
class Chart:
    width: int
    title: str
    current_year: str
    previous_year: str
    panels: list[Panel]

    @property
    def rows(self) -> list[ChartRow]:
        return [row for panel in self.panels for row in panel.rows]

    @property
    def height(self) -> int:
        return max(panel.height for panel in self.panels)


def _fmt(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


def _bar(value: float, biggest: float, y: float, text: str) -> Bar:
    length = max(1.0, value / biggest * BAR_MAX) if biggest > 0 and value > 0 else 1.0
    return Bar(_fmt(y), _fmt(length), _fmt(length + 6), _fmt(y + BAR_HEIGHT - 3), text)


def _unit_caption(unit: str, locale: str, continued: bool) -> str:
    if locale == "zh-CN":
        name = unit or "无单位"
        return f"单位：{name}" + ("（续）" if continued else "")
    name = unit or "no unit"
    return f"Unit: {name}" + (" (continued)" if continued else "")


def chart_title(doc: Document) -> str:
    """主要指标与上年比较, or with the year compared when it is not the year before (2020)."""
    years = doc.comparison_years
    zh = doc.locale == "zh-CN"
    if years == [doc.report.year - 1]:
        return doc.labels.chart
    if len(years) == 1:
        return f"主要指标与{years[0]}年比较" if zh else f"Key figures compared with {years[0]}"
    return "主要指标与比较年度比较" if zh else "Key figures compared with earlier years"


def _groups(compared: list[Indicator]) -> list[tuple[str, float, list[Indicator]]]:
    """(unit, longest bar's value, indicators) per unit, in the order units first appear."""
    longest: dict[str, float] = {}
    members: dict[str, list[Indicator]] = {}
    for ind in compared:
        assert ind.value is not None and ind.previous is not None
        unit = ind.unit or ""
        floor = 100.0 if unit in PERCENT_UNITS else 0.0
        longest[unit] = max(longest.get(unit, floor), ind.value, ind.previous)
        members.setdefault(unit, []).append(ind)
    return [(unit, longest[unit], members[unit]) for unit in longest]


def _panels(doc: Document, groups: list[tuple[str, float, list[Indicator]]], limit: float) -> list[Panel]:
    """Rows cut into panels no taller than `limit`; a group cut by a panel names its unit again."""
    locale = doc.locale
    several_years = len(doc.comparison_years) > 1
    panels: list[Panel] = []
    captions: list[UnitCaption] = []
    rows: list[ChartRow] = []
    y = float(LEGEND)
    for unit, biggest, members in groups:
        for n, ind in enumerate(members):
            assert ind.value is not None and ind.previous is not None
            if rows and y + ROW_HEIGHT + (GROUP if n == 0 else 0) > limit:
                panels.append(Panel(int(y) + 4, captions, rows, continued=bool(panels)))
                captions, rows, y = [], [], float(LEGEND)
            if n == 0 or not rows:
                captions.append(UnitCaption(_unit_caption(unit, locale, continued=n > 0), _fmt(y + 17)))
                y += GROUP
            previous_text = with_unit(previous_number(ind, locale), ind.unit, locale)
            if several_years:
                previous_text += f" ({doc.labels.year.format(year=doc.previous_year(ind))})"
            rows.append(
                ChartRow(
                    label=ind.label,
                    label_y=_fmt(y + 12),
                    current=_bar(ind.value, biggest, y + 18, value_text(ind, locale)),
                    previous=_bar(ind.previous, biggest, y + 18 + BAR_HEIGHT + 4, previous_text),
                )
            )
            y += ROW_HEIGHT
    panels.append(Panel(int(y) + 4, captions, rows, continued=bool(panels)))
    return panels


def chart(doc: Document) -> Chart | None:
    """The chart's panels; None for fewer than two compared indicators: a single pair of bars
    says nothing the table does not, and would take a page of its own."""
    locale = doc.locale
    compared = [i for i in doc.report.indicators if i.value is not None and i.previous is not None]
    if len(compared) < 2:
        return None
    groups = _groups(compared)
    panels = _panels(doc, groups, PANEL_HEIGHT)
    # As few panels as fit, as even as they go: 10 rows make 5 + 5, not 8 + 2 (a last page
    # holding one row under a repeated title).
    limit = float(PANEL_HEIGHT)
    while len(panels) > 1 and limit > LEGEND + GROUP + ROW_HEIGHT:
        tighter = _panels(doc, groups, limit - ROW_HEIGHT / 4)
        if len(tighter) > len(panels):
            break
        panels, limit = tighter, limit - ROW_HEIGHT / 4
    years = doc.comparison_years
    several = "比较年度" if locale == "zh-CN" else "Comparison"
    previous_label = doc.labels.year.format(year=years[0]) if len(years) == 1 else several
    return Chart(
        width=CHART_WIDTH,
        title=chart_title(doc),
        current_year=doc.labels.year.format(year=doc.report.year),
        previous_year=previous_label,
        panels=panels,
    )
