"""Issue 15, item 2: one mistake does not hide the rest. The parts that validate are still checked,
in `check` and in the preview panel, and every finding names its own place in the file."""

from __future__ import annotations

from conftest import line_of
from typer.testing import CliRunner

from genreport.cli import app
from genreport.preview.render import Renderer


def _broken(valid_text: str) -> str:
    text = valid_text.replace("recipient: 大同市人民政府", "recipent: 大同市人民政府")
    text = text.replace("全年承接市级下放行政职权11项", "全年承接市级下放行政职权XXX项")
    # The second point of the list is broken; the third keeps its place and its placeholder.
    text = text.replace("            text: 政务服务大厅设立", "            tex: 政务服务大厅设立")
    text = text.replace("全年新增市场主体1798户", "全年新增市场主体XX户")
    return text.replace("    value: 82.5", "    value: 120")


def _summary(findings):
    return [(f.code, f.location.line, f.location.column, f.field) for f in findings]


def test_misspelt_key_and_everything_else_reported(check_text, valid_text):
    text = _broken(valid_text)
    result = check_text(text)
    assert result.report is None  # nothing is built from a file that does not validate
    points = "sections.measures.subsections[0].points"
    assert _summary(result.findings) == [
        ("schema", line_of(text, "recipent:"), 1, "recipent"),
        ("placeholder", line_of(text, "XXX项"), 31, f"{points}[0].text"),
        ("schema", line_of(text, "- lead: 优化政务服务"), 13, f"{points}[1].text"),
        ("schema", line_of(text, "tex: 政务"), 13, f"{points}[1].tex"),
        ("placeholder", line_of(text, "XX户"), 27, f"{points}[2].text"),
        ("percent-range", line_of(text, "value: 120"), 12, "indicators[2].value"),
    ]
    messages = [f.message.zh for f in result.findings]
    assert messages[0] == "未知字段 recipent；是否想写 recipient？"
    assert messages[-1] == "百分比 120% 超出 0–100"
    assert [f.message.en for f in result.findings][-1] == "percentage 120% is outside 0–100"


def test_a_set_aside_part_invents_no_missing_part(check_text, valid_text):
    text = valid_text.replace("  leaders_duties:\n    intro: |", "  leaders_duties:\n    intro: |", 1)
    text = text.replace("  leaders_duties:\n", "  leaders_duties:\n    nonee: true\n", 1)
    codes = [f.code for f in check_text(text).findings]
    assert codes == ["schema"]  # no missing-section for the part set aside


def test_cli_exit_and_json_list_every_problem(write, valid_text):
    result = CliRunner().invoke(app, ["check", "--format", "json", str(write(_broken(valid_text)))])
    assert result.exit_code == 1
    assert result.output.count('"code": "placeholder"') == 2 and '"code": "percent-range"' in result.output


def test_preview_panel_lists_every_problem(write, valid_text):
    snapshot = Renderer(write(_broken(valid_text))).render()
    codes = [f.code for f in snapshot.state.findings]
    assert codes.count("placeholder") == 2 and "percent-range" in codes and "schema" in codes
    assert "XXX" in str(snapshot.panel)


def test_a_year_written_2023年_still_lets_the_rest_be_checked(check_text, valid_text):
    text = valid_text.replace("year: 2023", "year: 2023年").replace("乡镇权责事项144项", "乡镇权责事项XX项")
    findings = check_text(text).findings
    assert [(f.code, f.location.line) for f in findings] == [
        ("schema", line_of(text, "year:")),
        ("placeholder", line_of(text, "XX项")),
    ]
    assert findings[0].hint.zh == "改为 year: 2023"


def test_a_year_that_names_no_year_stops_the_content_rules(check_text, valid_text):
    text = valid_text.replace("year: 2023", "year: 去年").replace("乡镇权责事项144项", "乡镇权责事项XX项")
    assert [f.code for f in check_text(text).findings] == ["schema"]  # nothing invented to check dates against


def test_a_broken_issuer_stands_aside(check_text, valid_text):
    text = valid_text.replace("  name: 左云县人民政府\n", "  nam: 左云县人民政府\n").replace(
        "乡镇权责事项144项", "乡镇权责事项XX项"
    )
    found = [(f.code, f.field) for f in check_text(text).findings]
    assert found == [
        ("schema", "issuer.name"),
        ("schema", "issuer.nam"),
        ("placeholder", "sections.measures.subsections[0].points[0].text"),
    ]
