"""Issue 23, items 5-7: the indicators' chart fits the text block for any count (1-40), its title
is never alone at a page foot, bars of unlike units are grouped under their unit, and
verify-layout reports anything drawn outside the text block. Measured in built PDFs."""

from __future__ import annotations

import functools
from pathlib import Path

import pdfplumber
import pytest
from conftest import DATA

from genreport.build import build_file
from genreport.checks import check_file
from genreport.gbt9704 import EDGE_TOL_MM, HEIGHT, LEFT, MM, TOP, WIDTH
from genreport.render import chart as charts
from genreport.render.document import Document
from genreport.render.indicators import table_headings
from genreport.verify.layout import verify

UNITS = ["件", "项", "%", "人次", "个"]
TITLE = "主要指标与上年比较"


def report_with(count: int, previous_year: int | None = None) -> str:
    """A small complete report with `count` compared indicators in five units (7 项 beside 3415 件)."""
    valid = (DATA / "valid.zh-CN.yaml").read_text(encoding="utf-8")
    items = []
    for i in range(count):
        unit = UNITS[i % len(UNITS)]
        value = [3415, 7, 96.5, 12000, 42][i % 5] + i
        previous = [3000, 9, 90.1, 11000, 40][i % 5] + i
        if unit == "%":
            value, previous = min(value, 99.9), min(previous, 99.0)
        year = f"    previous_year: {previous_year}\n" if previous_year else ""
        items.append(
            f'  - label: 第{i + 1}项行政执法案件办理数量\n    value: {value:g}\n    previous: {previous:g}\n{year}    unit: "{unit}"\n'
        )
    return valid[: valid.index("indicators:\n")] + "indicators:\n" + "".join(items)


@functools.cache
def built(count: int, tmp: Path) -> Path:
    source = tmp / f"n{count}.zh-CN.yaml"
    source.write_text(report_with(count), encoding="utf-8")
    result = build_file(source, tmp / f"out{count}", ["pdf"])
    assert result.written, [f.message.en for f in result.check.findings]
    return result.written[0]


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("charts")


def chart_pages(path: Path) -> list[tuple[int, list[dict], list[dict], str]]:
    """(page number, chart bars, chart glyphs, page text) of every page that shows the chart."""
    found = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            bars = [
                r
                for r in page.rects
                if r.get("fill") and tuple(r.get("non_stroking_color") or ()) in ((0.101961,) * 3, (0.65098,) * 3)
            ]
            text = page.extract_text() or ""
            if TITLE in text:
                glyphs = [c for c in page.chars if "Sans" in c["fontname"] and not c["text"].isspace()]
                found.append((page.page_number, bars, glyphs, text))
    return found


def inside(x0: float, top: float, x1: float, bottom: float) -> bool:
    """Inside the text block itself (37 mm from the top to the glyphs' top, 156 x 225 mm)."""
    tol = EDGE_TOL_MM * MM
    return (
        LEFT * MM - tol <= x0
        and x1 <= (LEFT + WIDTH) * MM + tol
        and TOP * MM - tol <= top
        and bottom <= (TOP + HEIGHT) * MM + tol
    )


@pytest.mark.parametrize("count", [1, 9, 10, 15, 40])
def test_every_bar_and_label_is_inside_the_text_block(tmp, count):
    path = built(count, tmp)
    pages = chart_pages(path)
    if count == 1:
        assert pages == []  # one comparison: the table says it all
    else:
        bars = [b for _, page_bars, _, _ in pages for b in page_bars]
        # two legend squares per panel, two bars per indicator: none missing, none cut off
        assert len(bars) == 2 * len(pages) + 2 * count
        for number, page_bars, glyphs, _ in pages:
            assert page_bars, f"page {number}: the chart's title with no chart under it"
            for box in page_bars:
                assert inside(box["x0"], box["top"], box["x1"], box["bottom"]), (number, box["top"], box["bottom"])
            for g in glyphs:
                assert inside(g["x0"], g["top"], g["x1"], g["bottom"]), (number, g["text"], g["bottom"] / MM)
        printed = "".join(text for *_, text in pages)
        for i in range(count):
            assert f"第{i + 1}项行政执法案件办理数量" in printed
    verification = verify(path)
    failed = [(r.id, r.detail) for r in verification.results if r.status.value == "FAIL"]
    assert failed == []


def test_a_long_chart_continues_with_its_title_and_its_unit(tmp):
    pages = chart_pages(built(40, tmp))
    assert len(pages) >= 5
    assert pages[0][3].count(TITLE + "（续）") == 0
    assert all(TITLE + "（续）" in text for *_, text in pages[1:])
    # each group of bars names its unit; a group cut by a page names it again
    assert all("单位：" in text for *_, text in pages)


def test_the_title_is_never_alone_at_a_page_foot(tmp):
    for count in (9, 10):
        for number, bars, _, _ in chart_pages(built(count, tmp)):
            assert bars, f"{count} indicators: page {number} has the chart's title and no bars"


def document_of(text: str, folder: Path) -> Document:
    path = folder / "r.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_file(path)
    assert result.report is not None and result.kind is not None
    return Document(result.report, result.kind)


def test_units_are_grouped_and_named_each_on_its_own_scale(tmp_path):
    chart = charts.chart(document_of(report_with(10), tmp_path))
    assert chart is not None
    captions = [c.text for panel in chart.panels for c in panel.captions]
    assert [c for c in captions if "续" not in c] == [f"单位：{u}" for u in UNITS]
    rows = {row.label: row for row in chart.rows}
    # each unit's longest bar is full length, whatever its number: 7 项 is not measured against 3415 件
    for unit in UNITS:
        same = [rows[f"第{i + 1}项行政执法案件办理数量"] for i in range(10) if UNITS[i % 5] == unit]
        longest = max(max(float(r.current.width), float(r.previous.width)) for r in same)
        assert longest > 250 if unit != "%" else longest < charts.BAR_MAX  # % keeps its 0-100 axis


def test_a_planted_overflow_fails_verify_layout(tmp, monkeypatch):
    """One panel as tall as the whole chart: WeasyPrint cannot split it and it runs off the page."""
    monkeypatch.setattr(charts, "PANEL_HEIGHT", 100_000)
    source = tmp / "overflow.zh-CN.yaml"
    source.write_text(report_with(15), encoding="utf-8")
    result = build_file(source, tmp / "overflow", ["pdf"])
    verification = verify(result.written[0])
    failed = {r.id: r.detail for r in verification.results if r.status.value == "FAIL"}
    assert "outside-text-block" in failed
    assert "below the text block" in failed["outside-text-block"]


def test_the_chart_title_and_the_table_heading_follow_previous_year(tmp_path):
    doc = document_of(report_with(3, previous_year=2020), tmp_path)
    chart = charts.chart(doc)
    assert chart is not None and chart.title == "主要指标与2020年比较" and chart.previous_year == "2020年"
    assert table_headings(doc) == ["指标", "2023年", "2020年", "变化"]
    assert table_headings(document_of(report_with(3), tmp_path))[2] == "2022年"


def test_no_all_dash_column_and_one_sign_style(tmp_path):
    from genreport.render.indicators import table_columns, table_rows

    # no indicator has a comparison: no 2022年 column and no change column, in the HTML and the Markdown
    only_values = report_with(3).replace("    previous: ", "    # previous: ")
    doc = document_of(only_values, tmp_path)
    columns = table_columns(doc)
    assert (columns.previous, columns.change, len(columns.widths)) == (False, False, 2)
    from genreport.render.html import render_html
    from genreport.render.md import render_markdown

    html = render_html(doc)
    table = html[html.index('<table class="indicator-table">') : html.index("</table>")]
    assert '<th scope="col">2022年</th>' not in table and "变化" not in table and table.count("<col ") == 2
    assert "| 指标 | 2023年 |\n| --- | ---: |\n" in render_markdown(doc)
    # rises and falls in one style: ＋ beside －, never + or - (hyphen) in a zh-CN table
    changes = [row.change for row in table_rows(document_of(report_with(10), tmp_path))]
    assert any(c.startswith("＋") for c in changes) and any(c.startswith("－") for c in changes)
    assert not [c for c in changes if "+" in c or "-" in c]


def test_widths_follow_the_content(tmp):
    """The label column takes what its labels need: 第1项行政执法案件办理数量 prints on one line."""
    path = built(10, tmp)
    with pdfplumber.open(path) as pdf:
        page = next(p for p in pdf.pages if (p.extract_text() or "").startswith("附件"))  # the table's page
        words = page.extract_text().splitlines()
    labels = [line for line in words if line.startswith("第") and "项行政执法" in line]
    assert [line.split()[0] for line in labels[:9]] == [f"第{i}项行政执法案件办理数量" for i in range(1, 10)]


def test_verify_layout_finds_the_chart_titled_with_its_comparison_year():
    """Guizhou compares with 2020: its chart is titled 主要指标与2020年比较, and its text is still checked for 黑体."""
    from pdf_helpers import verified

    chart_font = next(r for r in verified("guizhou-2023.zh-CN").results if r.id == "chart-font")
    assert chart_font.status.value == "ok", chart_font.detail


def test_a_planted_overflow_fails_verify_layout_in_an_en_report_too(tmp, monkeypatch):
    monkeypatch.setattr(charts, "PANEL_HEIGHT", 100_000)
    source = tmp / "overflow.en.yaml"
    source.write_text(report_with(40).replace("locale: zh-CN", "locale: en"), encoding="utf-8")
    result = build_file(source, tmp / "overflow-en", ["pdf"], draft=True)
    failed = {r.id: r.detail for r in verify(result.written[0]).results if r.status.value == "FAIL"}
    assert "a4-outside-text-block" in failed and "below the text block" in failed["a4-outside-text-block"]
    monkeypatch.undo()
    fitting = build_file(source, tmp / "fitting-en", ["pdf"], draft=True)
    assert [r.id for r in verify(fitting.written[0]).results if r.status.value == "FAIL"] == []
