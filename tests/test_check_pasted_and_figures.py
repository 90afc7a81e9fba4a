"""Issue 15, items 5 and 6: text pasted from Word, figures that disagree with the indicators, a
lead with no closing punctuation, and a YAML comment that silently cut a prose line."""

from __future__ import annotations

import pytest
from conftest import line_of

POINT = "乡镇权责事项144项，个体工商户登记委托乡镇办理"
# (code, replacement of POINT (or (old, new)), the text the column must point at, zh, en)
CASES = [
    (
        "half-width-punctuation",
        "乡镇权责事项144项,个体工商户登记委托乡镇办理",
        ",个体",
        "汉字之间用了半角标点“,”",
        "half-width “,” between Chinese characters",
    ),
    (
        "half-width-punctuation",
        "乡镇权责事项144项，个体工商户(含农民专业合作社)登记委托乡镇办理",
        "(含",
        "汉字之间用了半角标点“(”",
        "half-width “(” between Chinese characters",
    ),
    (
        "half-width-punctuation",
        "乡镇权责事项144项；个体工商户登记委托乡镇办理;部门之间",
        ";部门",
        "汉字之间用了半角标点“;”",
        "half-width “;” between Chinese characters",
    ),
    (
        "tab-in-text",
        "乡镇权责事项144项，\t个体工商户登记委托乡镇办理",
        "\t",
        "文字中有 Tab 制表符",
        "a tab character in the text",
    ),
    (
        "quoted-unit",
        "乡镇权责事项144“项”，个体工商户登记委托乡镇办理",
        "“项”",
        "数字后的单位带有引号：“项”",
        "the unit after a figure is in quotes: “项”",
    ),
    (
        "quoted-unit",
        ("    unit: 件\n  - key: labour_disputes_concluded", "    unit: “件”\n  - key: labour_disputes_concluded"),
        "“件”",
        "单位“““件”””带有引号".replace("““", "“").replace("””", "”"),
        "the unit “件” is in quotes",
    ),
    (
        "figure-mismatch",
        "乡镇权责事项144项，空气质量优良天数比例为35.2%，个体工商户登记委托乡镇办理",
        "35.2%",
        "文中“空气质量优良天数比例”为 35.2，与主要指标中的 82.5% 不一致",
        "the text gives 35.2 for “空气质量优良天数比例”, but the indicators say 82.5%",
    ),
    (
        "figure-mismatch",
        "乡镇权责事项144项，受理劳动人事争议受理数为98件，个体工商户登记委托乡镇办理",
        "98件",
        "文中“劳动人事争议受理数”为 98，与主要指标中的 88件 不一致",
        "the text gives 98 for “劳动人事争议受理数”, but the indicators say 88件",
    ),
    (
        "lead-punctuation",
        ("          - lead: 承接下放职权。", "          - lead: 承接下放职权"),
        "下放职权",
        "要点的引导句“承接下放职权”末尾没有标点，印出来会和正文连在一起",
        "the lead “承接下放职权” has no closing punctuation and runs into the text",
    ),
    (
        "yaml-comment",
        "乡镇权责事项144项 #个体工商户登记委托乡镇办理",
        "#个体",
        "“#个体工商户登记委托乡镇办理，部门之间的职责边界更加清晰。”被 YAML 当作注释，不会出现在报告中",
        "“#个体工商户登记委托乡镇办理，部门之间的职责边界更加清晰。” is read as a YAML comment and left out of the report",
    ),
]


@pytest.mark.parametrize(("code", "change", "at", "zh", "en"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_warning_at_its_place(check_text, valid_text, code, change, at, zh, en):
    old, new = change if isinstance(change, tuple) else (POINT, change)
    assert old in valid_text
    text = valid_text.replace(old, new, 1)
    findings = check_text(text).findings
    assert [f.code for f in findings] == [code], [(f.code, f.message.zh) for f in findings]
    finding = findings[0]
    assert finding.severity.value == "warning"
    line = line_of(text, new.splitlines()[0] if code != "quoted-unit" or "unit" not in new else "“件”")
    assert finding.location.line == line
    assert finding.location.column == text.splitlines()[line - 1].index(at) + 1
    assert (finding.message.zh, finding.message.en) == (zh, en)


@pytest.mark.parametrize(
    "sentence",
    [
        "空气质量优良天数比例为82.5%，同比下降8.5个百分点",  # the value and the change
        "劳动人事争议受理数由80件增至88件",  # previous, then value
        "劳动人事争议受理数持续下降",  # no figure: nothing to compare
        "劳动人事争议受理数自2020年以来首次下降",  # a year is no figure
        "空气质量优良天数比例约为80%",  # an approximation
        "空气质量优良天数比例为82.50%",  # the same figure, written with another decimal
        "劳动人事争议受理数为88件，占全部案件的12%",  # a second figure after the first
        "时间为9:30至17:00",  # digits around a colon
        "推行ISO(9001)质量认证",  # half-width brackets around Latin and digits
        "the rate (38%)",
        "年终述法 # 共5次",
    ],
)
def test_real_text_stays_quiet(check_text, valid_text, sentence):
    text = valid_text.replace(POINT, f"乡镇权责事项144项，{sentence}，个体工商户登记委托乡镇办理", 1)
    if "#" in sentence:
        text = text.replace(
            "            text: 全年承接市级下放行政职权11项，", '            text: "全年承接市级下放行政职权11项，', 1
        ).replace("部门之间的职责边界更加清晰。", '部门之间的职责边界更加清晰。"', 1)
    assert check_text(text).findings == []


def test_english_report_is_not_held_to_chinese_punctuation(check_text):
    from conftest import EXAMPLES

    english = (EXAMPLES / "zuoyun-2023.en.yaml").read_text(encoding="utf-8")
    codes = {f.code for f in check_text(english).findings}
    assert not codes & {"half-width-punctuation", "quoted-unit", "lead-punctuation", "figure-mismatch"}


def test_block_scalar_header_comment_is_not_a_cut(check_text, valid_text):
    text = valid_text.replace("preamble: |\n", "preamble: |  # 开头段落\n", 1)
    assert check_text(text).findings == []
