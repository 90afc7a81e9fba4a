"""Issue 23, item 1: an attachment table that repeats the indicators is a `duplicate-table`
warning (it would print the same figures as 附件1 and 附件2), and `init --from` carries a table's
rows with its figures to fill, not one 【待填】附件内容."""

from __future__ import annotations

from conftest import line_of
from typer.testing import CliRunner

from genreport.cli import app

runner = CliRunner()

REPEATING = """\
attachments:
  - title: 2023年度主要指标完成情况表
    body: |
      | 类别 | 指标 | 2023年 | 说明 |
      | --- | --- | ---: | --- |
      | 复议 | 劳动人事争议受理数 | 88件 | 全部办结 |
      | 复议 | 劳动人事争议结案数 | 88件 | — |
      | 生态 | 空气质量优良天数比例 | 82.5% | 截至11月30日 |
"""


def with_attachment(valid_text: str, attachment: str) -> str:
    head, indicators = valid_text.split("indicators:\n", 1)
    return head + attachment + "\nindicators:\n" + indicators


def test_a_table_repeating_the_indicators_is_a_warning(check_text, valid_text):
    text = with_attachment(valid_text, REPEATING)
    findings = check_text(text).findings
    assert [f.code for f in findings] == ["duplicate-table"]
    finding = findings[0]
    assert finding.severity.value == "warning"
    assert finding.path == ("attachments", 0, "body")
    assert finding.message.zh.startswith(
        "附件“2023年度主要指标完成情况表”的表格重复了 3 项主要指标（劳动人事争议受理数、劳动人事争议结案数、空气质量优良天数比例）"
    )
    line = line_of(text, "| 复议 | 劳动人事争议受理数")
    assert (finding.location.line, finding.location.column) == (
        line,
        text.splitlines()[line - 1].index("劳动人事争议受理数") + 1,
    )


def test_a_table_of_other_figures_or_other_numbers_is_quiet(check_text, valid_text):
    other = (
        REPEATING.replace("88件 | 全部办结", "90件 | 全部办结")
        .replace("88件 | —", "87件 | —")
        .replace("82.5%", "80.1%")
    )
    # other numbers for the same labels: figure-mismatch says so, row by row; no repetition
    assert [f.code for f in check_text(with_attachment(valid_text, other)).findings] == ["figure-mismatch"] * 3
    tasks = "attachments:\n  - title: 重点任务\n    body: |\n      | 序号 | 任务 |\n      | --- | --- |\n      | 1 | 劳动人事争议受理数公开 |\n"
    assert [f.code for f in check_text(with_attachment(valid_text, tasks)).findings] == []


def test_init_from_keeps_a_tables_rows(tmp_path, valid_text):
    last = tmp_path / "last.yaml"
    last.write_text(
        with_attachment(
            valid_text,
            REPEATING.replace("| 复议 | 劳动人事争议结案数 | 88件 | — |\n", "| 复议 | 行政复议办结 | 3件 | — |\n"),
        ),
        encoding="utf-8",
    )
    carried = tmp_path / "next.yaml"
    result = runner.invoke(app, ["init", "--from", str(last), "-o", str(carried)])
    assert result.exit_code == 0, result.output
    text = carried.read_text(encoding="utf-8")
    assert "【待填】附件内容" not in text
    assert "| 类别 | 指标 | 2024年 | 说明 |" in text
    assert "| 复议 | 劳动人事争议受理数 | 【待填】 | 全部办结 |" in text
    assert "| 生态 | 空气质量优良天数比例 | 【待填】 | 【待填】 |" in text  # 截至11月30日 is a date of last year's
    checked = runner.invoke(app, ["check", "--format", "json", str(carried)])
    assert '"placeholder"' in checked.output and '"attachments[0].body"' in checked.output
