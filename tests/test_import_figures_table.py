"""Issue 23, item 1: a figures table in last year's report (a Word file, a saved web page) comes
back as `indicators` (label, unit, value, previous when there are two years), said so in the
import report, and is not kept as an attachment too."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import EXAMPLES
from import_helpers import checked, import_to_yaml
from render_helpers import document

from genreport.importer.figures_table import figure_of, table_indicators
from genreport.render.md import render_markdown

TITLE = "左云县2023年度法治政府建设主要指标完成情况表"
# Columns in a clerk's order: 序号, the label, the unit, last year, this year.
ROWS = [
    ["序号", "指标名称", "单位", "2022年", "2023年"],
    ["1", "承接市级下放行政职权", "项", "9", "11"],
    ["2", "行政诉讼案件", "件", "15", "13"],
    ["3", "开展政治轮训", "场次", "90余", "120余"],
    ["4", "覆盖干部群众", "人次", "2.8万", "3.2万"],
    ["5", "法律援助案件", "件", "—", "60"],
]
EXPECTED = [
    {"label": "承接市级下放行政职权", "value": 11, "previous": 9, "unit": "项"},
    {"label": "行政诉讼案件", "value": 13, "previous": 15, "unit": "件"},
    {"label": "开展政治轮训", "value": "120余", "previous": "90余", "unit": "场次"},
    {"label": "覆盖干部群众", "value": "3.2万", "previous": "2.8万", "unit": "人次"},
    {"label": "法律援助案件", "value": 60, "previous": None, "unit": "件"},
]


def body_paragraphs() -> list[str]:
    text = render_markdown(document(EXAMPLES / "zuoyun-2023.zh-CN.yaml"))
    body = re.sub(r"(?m)^#+ ", "", text[: text.index("附件：")])
    return [p.strip() for p in body.split("\n\n") if p.strip() and not p.startswith("|")]


def imported_indicators(source: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    path, imported = import_to_yaml(source, tmp_path / "out.yaml")
    report, _, errors = checked(path)
    assert errors == [], [e.message.en for e in errors]
    return report, imported, path.read_text(encoding="utf-8")


def assert_imported(report, imported, text) -> None:  # type: ignore[no-untyped-def]
    assert report.attachments == []  # never both: the table is the indicators, 附件1 is made from them
    got = [(i.label, i.value, i.written("value"), i.previous, i.unit, i.key) for i in report.indicators]
    assert got == [
        ("承接市级下放行政职权", 11, None, 9, "项", None),
        ("行政诉讼案件", 13, None, 15, "件", None),
        ("开展政治轮训", 120, "120余", 90, "场次", None),
        ("覆盖干部群众", 32000, "3.2万", 28000, "人次", None),
        ("法律援助案件", 60, None, None, "件", None),
    ]
    assert all(i.previous_year is None for i in report.indicators)  # 2022 is the year before 2023
    recognised = "\n".join(n.message.zh for n in imported.notes.of("recognised"))
    assert f"附件“{TITLE}”的指标表（2023年、2022年）导入为 indicators：5 项" in recognised
    assert "value: 120余" in text and "previous: 2.8万" in text


def test_a_word_made_figures_table_imports_as_indicators(tmp_path):
    import docx

    word = docx.Document()
    for paragraph in body_paragraphs():
        word.add_paragraph(paragraph)
    word.add_paragraph(f"附件：{TITLE}")
    for line in ("左云县人民政府", "2024年1月16日", "（此件公开发布）"):
        word.add_paragraph(line)
    word.add_page_break()
    word.add_paragraph("附件")
    word.add_paragraph(TITLE)
    table = word.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    source = tmp_path / "report.docx"
    word.save(str(source))
    assert_imported(*imported_indicators(source, tmp_path))


def test_a_web_page_figures_table_imports_as_indicators(tmp_path):
    paragraphs = "\n".join(f"<p>&nbsp;&nbsp;{html.escape(p)}</p>" for p in body_paragraphs())
    table = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in ROWS)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div id="zoom">
{paragraphs}
<p>附件：{TITLE}</p>
<p style="text-align: right">左云县人民政府</p>
<p style="text-align: right">2024年1月16日</p>
<p>（此件公开发布）</p>
<p>附件</p>
<p style="text-align: center">{TITLE}</p>
<table border="1" cellspacing="0">
{table}
</table>
</div>
<div class="footer"><p>主办：左云县人民政府办公室</p></div>
</body></html>"""
    source = tmp_path / "report.html"
    source.write_text(page, encoding="utf-8")
    assert_imported(*imported_indicators(source, tmp_path))


def test_a_figures_table_after_the_signature_without_a_label(tmp_path):
    """A web page that prints the table straight after the signature (no 附件 page) loses it no more."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body_paragraphs())
    table = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in ROWS)
    page = f"""<html><head><meta charset="utf-8"></head><body>{paragraphs}
<p>左云县人民政府</p><p>2024年1月16日</p><p>（此件公开发布）</p><table>{table}</table></body></html>"""
    source = tmp_path / "page.html"
    source.write_text(page, encoding="utf-8")
    report, imported, _ = imported_indicators(source, tmp_path)
    assert [i.label for i in report.indicators] == [e["label"] for e in EXPECTED]
    assert "（表格）" not in "\n".join(n.message.zh for n in imported.notes.of("left-out"))


def test_columns_in_any_order_one_column_per_year():
    assert table_indicators(ROWS) == EXPECTED
    # the year columns read right to left, the unit inside the cells, a comparison two years back
    rows = [
        ["指标", "2023年", "2020年", "备注"],
        ["行政机关负责人出庭应诉率", "99.47%", "45.4%", "—"],
        ["办理行政复议案件", "5309件", "—", ""],
    ]
    assert table_indicators(rows) == [
        {"label": "行政机关负责人出庭应诉率", "value": 99.47, "previous": 45.4, "previous_year": 2020, "unit": "%"},
        {"label": "办理行政复议案件", "value": 5309, "previous": None, "unit": "件"},
    ]
    # one year only: no previous (check then asks for it)
    assert table_indicators([["项目", "2023年度"], ["法律援助案件", "60件"]]) == [
        {"label": "法律援助案件", "value": 60, "unit": "件"}
    ]


def test_a_table_that_is_not_figures_is_not_indicators():
    assert table_indicators([["类别", "件数"], ["行政检查", "233"]]) is None  # no year column
    text_rows = [
        ["指标", "2023年"],
        ["劳动人事争议案件", "受理88件，办结88件"],
        ["普法", "开展多种活动"],
        ["公证", "420件"],
    ]
    assert table_indicators(text_rows) is None  # most rows are text, not figures
    assert figure_of("受理88件，办结88件") is None and figure_of("—") is None
    assert (
        figure_of("3,249项") == (3249, "项")
        and figure_of("82.5%") == (82.5, "%")
        and figure_of("约60个") == ("约60", "个")
    )
