"""Issue 23, items 2-4: figures as reports state them (100余, 3.2万, 约60, 近千), indicators
without an invented key, and `figure-mismatch` that compares a figure within its clause and unit."""

from __future__ import annotations

import pytest
from conftest import line_of, output
from typer.testing import CliRunner

from genreport.cli import app
from genreport.yearly.diff import diff_reports
from genreport.yearly.report_file import read_report

runner = CliRunner()

POINT = "乡镇权责事项144项，个体工商户登记委托乡镇办理"


def with_indicators(valid_text: str, indicators: str, sentence: str | None = None) -> str:
    """The valid report with its indicators replaced by `indicators` (YAML list items) and,
    when given, `sentence` written into its first point."""
    head = valid_text[: valid_text.index("indicators:\n")]
    text = head + "indicators:\n" + indicators
    if sentence is not None:
        assert POINT in text
        text = text.replace(POINT, sentence, 1)
    return text


TRAINING = """\
  - label: 开展政治轮训
    value: 120余
    previous: null
    unit: 场次
  - label: 发放普法资料
    value: 45
    previous: 40
    unit: 份
"""


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def test_the_commonest_sentence_shape_is_no_mismatch(check_text, valid_text):
    # 120 场次 beside the label, 3.2万 in the next clause and in another unit: nothing to say.
    sentence = "开展政治轮训120余场次，覆盖干部群众3.2万人次"
    result = check_text(with_indicators(valid_text, TRAINING, sentence))
    assert codes(result) == [], [(f.code, f.message.zh) for f in result.findings]


def test_an_exact_value_agrees_with_the_text_written_120_odd(check_text, valid_text):
    indicators = TRAINING.replace("value: 120余", "value: 126")
    result = check_text(with_indicators(valid_text, indicators, "开展政治轮训120余场次，覆盖干部群众3.2万人次"))
    assert codes(result) == []


def test_120_odd_is_not_140(check_text, valid_text):
    indicators = TRAINING.replace("value: 120余", "value: 140")
    text = with_indicators(valid_text, indicators, "开展政治轮训120余场次，覆盖干部群众3.2万人次")
    result = check_text(text)
    assert codes(result) == ["figure-mismatch"]
    assert result.findings[0].message.zh == "文中“开展政治轮训”为 120余，与主要指标中的 140场次 不一致"


def test_the_real_mismatch_is_still_caught(check_text, valid_text):
    sentence = "发放普法资料42份，覆盖干部群众3.2万人次"
    text = with_indicators(valid_text, TRAINING, sentence)
    result = check_text(text)
    assert codes(result) == ["figure-mismatch"]
    finding = result.findings[0]
    assert (finding.message.zh, finding.message.en) == (
        "文中“发放普法资料”为 42，与主要指标中的 45份 不一致",
        "the text gives 42 for “发放普法资料”, but the indicators say 45份",
    )
    line = line_of(text, sentence)
    assert finding.location.line == line
    assert finding.location.column == text.splitlines()[line - 1].index("42份") + 1


@pytest.mark.parametrize(
    "sentence",
    [
        "发放普法资料42份",  # the mismatch, caught ...
        "发放普法资料较上年增加，另印发宣传册42份",  # ... but not a figure of the next clause
        "发放普法资料45份",  # the value
        "发放普法资料由40份增至45份",  # previous, then value
        "发放普法资料5批，共45份",  # another unit, then a new clause
        "发放普法资料约30份",  # 约30 is 25 to 35: neither 45 nor 40
    ],
)
def test_only_the_clause_and_the_unit_count(check_text, valid_text, sentence):
    result = check_text(with_indicators(valid_text, TRAINING, sentence))
    expected = ["figure-mismatch"] if sentence in ("发放普法资料42份", "发放普法资料约30份") else []
    assert codes(result) == expected, [f.message.zh for f in result.findings]


def test_an_approximate_text_figure_is_compared_as_approximate(check_text, valid_text):
    indicators = TRAINING.replace("value: 45", "value: 58")
    assert codes(check_text(with_indicators(valid_text, indicators, "发放普法资料约60份"))) == []
    assert (
        codes(check_text(with_indicators(valid_text, indicators, "发放普法资料近千份"))) == []
    )  # no figure read: 近千 is words
    assert codes(check_text(with_indicators(valid_text, indicators, "发放普法资料约90份"))) == ["figure-mismatch"]


APPROXIMATE = """\
  - label: 开展政治轮训
    value: 120余
    previous: 近千
    previous_year: 2020
    unit: 场次
  - label: 覆盖干部群众
    value: 3.2万
    previous: null
    unit: 人次
  - label: 组建法律服务团队
    value: 约60
    previous: null
    unit: 个
"""


def test_approximate_figures_load_and_print_as_written(check_text, valid_text, tmp_path):
    text = with_indicators(valid_text, APPROXIMATE)
    result = check_text(text)
    assert [f for f in result.findings if f.severity.value == "error"] == []
    assert result.report is not None
    values = [(i.value, i.written("value")) for i in result.report.indicators]
    assert values == [(120.0, "120余"), (32000.0, "3.2万"), (60.0, "约60")]
    source = tmp_path / "approx.yaml"
    source.write_text(text, encoding="utf-8")
    built = runner.invoke(app, ["build", str(source), "-f", "md", "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    markdown = output(tmp_path / "out", "md").read_text(encoding="utf-8")
    rows = [
        line
        for line in markdown.splitlines()
        if line.startswith("| 开展政治轮训")
        or line.startswith("| 覆盖干部群众")
        or line.startswith("| 组建法律服务团队")
    ]
    assert rows[0].rstrip(" |").split(" | ")[1:4] == [
        "120余场次",
        "近千场次",
        "约－880场次",
    ]  # an approximate change, no exact share
    assert rows[1].split(" | ")[1] == "3.2万人次"
    assert rows[2].split(" | ")[1] == "约60个"


def test_approximate_figures_compare_with_the_text(check_text, valid_text):
    sentence = "开展政治轮训120余场次，覆盖干部群众3.2万人次，组建法律服务团队约60个"
    assert codes(check_text(with_indicators(valid_text, APPROXIMATE, sentence))) == []
    wrong = "开展政治轮训120余场次，覆盖干部群众4.5万人次，组建法律服务团队约60个"
    result = check_text(with_indicators(valid_text, APPROXIMATE, wrong))
    assert codes(result) == ["figure-mismatch"]
    assert "4.5万" in result.findings[0].message.zh


def test_a_text_that_is_no_figure_is_still_a_schema_error(check_text, valid_text):
    text = with_indicators(valid_text, "  - label: 开展政治轮训\n    value: 很多\n    previous: null\n    unit: 场次\n")
    result = check_text(text)
    assert codes(result) == ["schema"]
    assert result.findings[0].path == ("indicators", 0, "value")


# --- item 2: key is optional --------------------------------------------------------------------


def test_indicators_without_key_check_clean_and_part_of_names_a_label(check_text, valid_text):
    indicators = """\
  - label: 劳动人事争议受理数
    value: 88
    previous: 80
    unit: 件
  - label: 劳动人事争议结案数
    value: 90
    previous: 79
    unit: 件
    part_of: 劳动人事争议受理数
"""
    result = check_text(with_indicators(valid_text, indicators))
    assert codes(result) == ["part-exceeds-whole"]


def test_two_unkeyed_indicators_with_one_label_are_a_duplicate(check_text, valid_text):
    indicators = "  - label: 劳动人事争议受理数\n    value: 88\n    previous: null\n    unit: 件\n" * 2
    text = with_indicators(valid_text, indicators)
    result = check_text(text)
    assert codes(result) == ["duplicate-indicator"]
    assert result.findings[0].path == ("indicators", 1, "label")


def test_carry_forward_and_diff_match_by_label(tmp_path, valid_text):
    last = tmp_path / "last.yaml"
    last.write_text(
        with_indicators(
            valid_text, "  - label: 行政复议案件办结数\n    value: 100余\n    previous: null\n    unit: 件\n"
        ),
        encoding="utf-8",
    )
    carried = tmp_path / "next.yaml"
    result = runner.invoke(app, ["init", "--from", str(last), "-o", str(carried)])
    assert result.exit_code == 0, result.output
    text = carried.read_text(encoding="utf-8")
    assert "key:" not in text.split("indicators:", 1)[1]
    new, kind = read_report(carried)
    assert [(i.label, i.previous, i.written("previous")) for i in new.indicators] == [
        ("行政复议案件办结数", 100.0, "100余")
    ]
    # This year gives a key the old file lacked: still the same indicator, by its label.
    keyed = text.replace(
        "  - label: 行政复议案件办结数", "  - key: reconsideration\n    label: 行政复议案件办结数"
    ).replace("value:", "value: 130 #", 1)
    carried.write_text(keyed, encoding="utf-8")
    old, _ = read_report(last)
    new, _ = read_report(carried)
    rows = diff_reports(old, new, kind).indicators
    assert [(r.label, r.old, r.new) for r in rows] == [("行政复议案件办结数", 100.0, 130.0)]


def test_a_label_inside_a_longer_label_is_that_indicator(check_text, valid_text):
    """调委会调解矛盾纠纷72件 is the county committees' figure, not the province's 调解矛盾纠纷 30.2万件."""
    indicators = """\
  - label: 调解矛盾纠纷
    value: 30.2
    previous: null
    unit: 万件
  - label: 调委会调解矛盾纠纷
    value: 72
    previous: null
    unit: 件
"""
    sentence = "全省调解矛盾纠纷30.2万件，乡村两级调委会调解矛盾纠纷72件"
    assert codes(check_text(with_indicators(valid_text, indicators, sentence))) == []
    wrong = "全省调解矛盾纠纷30.2万件，乡村两级调委会调解矛盾纠纷75件"
    result = check_text(with_indicators(valid_text, indicators, wrong))
    assert [(f.code, f.message.zh) for f in result.findings] == [
        ("figure-mismatch", "文中“调委会调解矛盾纠纷”为 75，与主要指标中的 72件 不一致")
    ]


def test_sentences_from_the_real_reports_give_only_the_planted_mismatch():
    from conftest import DATA

    from genreport.checks import check_file

    path = DATA / "figures" / "seeds.zh-CN.yaml"
    findings = [f for f in check_file(path).findings if f.code == "figure-mismatch"]
    assert [f.message.zh for f in findings] == ["文中“发放普法资料”为 45，与主要指标中的 42份 不一致"]


def test_previous_mismatch_matches_by_label_without_keys(check_text, valid_text):
    last = with_indicators(
        valid_text, "  - label: 行政复议案件办结数\n    value: 100\n    previous: null\n    unit: 件\n"
    )
    this = with_indicators(
        valid_text, "  - label: 行政复议案件办结数\n    value: 120\n    previous: 90\n    unit: 件\n"
    )
    result = check_text(this, previous=last)
    # same text both years: copied-from-previous; last year's plans read as this year's: promise-unreported
    found = [(f.code, f.path) for f in result.findings if f.code not in ("copied-from-previous", "promise-unreported")]
    assert found == [("previous-mismatch", ("indicators", 0, "previous"))]
