"""Issue 15, item 1: every common Chinese draft placeholder is a `placeholder` error at its exact
line and column, and real text (7×24小时, XXL, 某些, 二〇〇〇年, an ellipsis in a sentence) is clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, EXAMPLES, line_of

from genreport.checks import check_file

# (text in the valid file, what a clerk left instead, the token the finding names)
SLIPS = [
    ("全年承接市级下放行政职权11项", "全年承接市级下放行政职权XX项", "XX"),
    ("全年承接市级下放行政职权11项", "全年承接市级下放行政职权xx项", "xx"),
    ("全年承接市级下放行政职权11项", "全年承接市级下放行政职权X项", "X"),
    ("全年召开县政府常务会议11次", "全年召开县政府常务会议第X次", "X"),
    ("年初专题听取", "X月X日专题听取", "X月X日"),
    ("乡镇综合行政执法队伍", "XX县乡镇综合行政执法队伍", "XX"),
    ("个体工商户登记委托乡镇办理", "个体工商户登记委托○○乡镇办理", "○○"),
    ("个体工商户登记委托乡镇办理", "个体工商户登记委托□□乡镇办理", "□□"),
    ("公开重大行政决策事项2项", "公开重大行政决策事项[待填]项", "[待填]"),
    ("公开重大行政决策事项2项", "公开重大行政决策事项（待补充）项", "（待补充）"),
    ("公开重大行政决策事项2项", "公开重大行政决策事项？？项", "？？"),
    ("邀请法律顾问列席8次", "邀请某某律师列席8次", "某某"),
    ("全年新增市场主体1798户", "202X年新增市场主体1798户", "202X"),
    ("发现问题51个", "发现问题＿＿＿个", "＿＿＿"),
    ("左政发〔2024〕2号", "左政发〔2024〕XX号", "XX"),
    ("把党的领导贯穿", "TBD 把党的领导贯穿", "TBD"),
]


@pytest.mark.parametrize(("old", "new", "token"), SLIPS, ids=[s[2] + str(i) for i, s in enumerate(SLIPS)])
def test_placeholder_is_an_error_at_its_column(check_text, valid_text, old, new, token):
    assert old in valid_text
    text = valid_text.replace(old, new, 1)
    found = [f for f in check_text(text).findings if f.code == "placeholder"]
    assert len(found) == 1, [(f.code, f.message.zh) for f in check_text(text).findings]
    finding = found[0]
    assert finding.severity.value == "error"
    assert finding.location.line == line_of(text, new)
    line = text.splitlines()[finding.location.line - 1]
    assert finding.location.column == line.index(new) + new.index(token) + 1
    assert finding.message.zh == f"占位符“{token}”尚未替换"
    assert finding.message.en == f'placeholder "{token}" left in the text'


@pytest.mark.parametrize("value", ["待定", "待填", "待补充"])
def test_a_field_that_only_says_to_be_decided(check_text, valid_text, value):
    text = valid_text.replace(
        "        intro: 对照示范县创建指标体系逐项推进，力争在全市法治政府建设示范创建中走在前列。",
        f"        intro: {value}",
    )
    finding = next(f for f in check_text(text).findings if f.code == "placeholder")
    assert (finding.location.line, finding.location.column) == (line_of(text, f"intro: {value}"), 16)
    assert finding.message.zh == f"占位符“{value}”尚未替换"


def test_lone_ellipsis_in_a_list_item(check_text, valid_text):
    text = valid_text.replace("      - 普法宣传形式", "      - ……\n      - 普法宣传形式")
    finding = next(f for f in check_text(text).findings if f.code == "placeholder")
    assert (finding.location.line, finding.location.column) == (line_of(text, "      - ……"), 9)


REAL_TEXT = [
    "建成7×24小时自助服务区",
    "配发XXL号执法服装",
    "某些乡镇执法力量不足",
    "二〇〇〇年以来首次",
    "购置X光安检机2台",
    "群众反映“办事难……”的问题得到解决",
    "第XXII届会议",
    "申请人某甲与某乙",
    "申请人王某某不服行政处罚决定",  # a party named without the name, as case reports do
]


@pytest.mark.parametrize("sentence", REAL_TEXT)
def test_real_text_is_not_a_placeholder(check_text, valid_text, sentence):
    text = valid_text.replace("乡镇权责事项144项", f"乡镇权责事项144项，{sentence}", 1)
    assert [f for f in check_text(text).findings if f.code == "placeholder"] == []


@pytest.mark.parametrize(
    "path",
    sorted(EXAMPLES.glob("*.yaml")) + [DATA / "valid.zh-CN.yaml", DATA / "diff" / "zuoyun-2024.zh-CN.yaml"],
    ids=lambda p: p.name,
)
def test_examples_have_no_false_placeholder(path: Path):
    found = [f.message.zh for f in check_file(path).findings if f.code == "placeholder"]
    expected = {
        "draft-incomplete.zh-CN.yaml": ["占位符“【待填】”尚未替换", "占位符“TODO”尚未替换", "占位符“××”尚未替换"]
    }
    assert found == expected.get(path.name, [])
