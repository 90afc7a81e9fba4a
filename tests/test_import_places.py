"""The import report points where a clerk can look: a place in Word by its headings, and every
metadata line of a web page either read or named as left out (labels padded with U+3000 included)."""

from __future__ import annotations

from pathlib import Path

from test_import_revisions import _built
from typer.testing import CliRunner

from genreport.cli import app

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
PAGE = """<html><head><meta charset="utf-8"><title>某县2023年法治政府建设年度报告</title></head><body>
<div class="xxgk">
<p>索　引　号：035211000/2024-00051</p>
<p>信息分类：政府文件</p>
<p>文　　号：某政发〔2024〕3号</p>
<p>发布日期：2024-01-17</p>
<p>有 效 性：有效</p>
</div>
<h1>某县人民政府2023年法治政府建设年度报告</h1>
<p>2023年，县政府坚持以习近平法治思想为指导，现将有关情况报告如下。</p>
<p>一、2023年法治政府建设主要举措和成效</p>
<p>（一）推进简政放权。全年承接市级下放行政职权11项，部门之间的职责边界更加清晰。</p>
<p>二、存在的问题和不足</p><p>部分行政执法人员运用法治思维的能力有待提高。</p>
<p>三、党政主要负责人履行推进法治建设第一责任人职责情况</p><p>县政府主要负责人认真履行第一责任人职责。</p>
<p>四、2024年工作安排</p><p>深入学习贯彻习近平法治思想。</p>
<p>五、其他需要报告的情况</p><p>无。</p>
<p>某县人民政府</p><p>2024年1月16日</p>
</body></html>
"""


def test_padded_labels_are_read_and_unread_fields_named(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    target = tmp_path / "page.yaml"
    result = CliRunner().invoke(app, ["import", str(page), "-o", str(target)], env=ZH)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "document_number: 某政发〔2024〕3号" in text  # 文　　号：
    assert "index_number: 035211000/2024-00051" in text  # 索　引　号：
    assert "网页信息“有效性：有效”未采用" in result.stderr  # seen, not read: named


def test_word_places_are_headings_and_paragraphs_under_them(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["import", str(_built(tmp_path)), "-o", str(tmp_path / "r.yaml")], env=ZH)
    assert result.exit_code == 0, result.output
    report = result.stderr
    assert "一、“上一年度推进法治…”（标题）: 第1个一级标题" in report
    assert "正文之前第1段: 标题：“某县人民政府2023年法治政府建设年度报告”" in report
    # no place counts empty paragraphs: every paragraph place names its heading
    places = [line.split(": ", 1)[0].strip() for line in report.splitlines() if line.startswith("  ")]
    assert places and all(not p.startswith("第") for p in places), places


def test_after_the_body_and_in_attachments(tmp_path: Path) -> None:
    from conftest import EXAMPLES

    from genreport.build import build_file

    built = build_file(EXAMPLES / "zuoyun-2023.zh-CN.yaml", tmp_path / "out", ["docx"]).written[0]
    result = CliRunner().invoke(app, ["import", str(built), "-o", str(tmp_path / "r.yaml")], env=ZH)
    assert result.exit_code == 0, result.output
    assert "正文之后第3段: 落款：左云县人民政府" in result.stderr  # not "五、…下第N段"
    assert "附件2（标识）: 附件：左云县2023年度法治政府建设重点任务完成情况表" in result.stderr
