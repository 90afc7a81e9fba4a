"""Issue 15, item 3 (and the control-character half of item 5): YAML slips named, on the line
that holds them, in the report's language; no message of the YAML library reaches the user."""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import line_of
from typer.testing import CliRunner

from genreport.cli import app

# (text in the valid file, the slip, code, the slip's line text, column, zh message, en message)
SLIPS = [
    (
        "recipient: 大同市人民政府",
        "recipient：大同市人民政府",
        "yaml-full-width-colon",
        10,
        "字段名 recipient 后面用了全角冒号“：”",
        "the key recipient is followed by a full-width colon “：”",
    ),
    (
        "  classification: 政府文件",
        "  classification:政府文件",
        "yaml-colon-space",
        17,
        "字段名 classification 的冒号后缺少空格",
        "no space after the colon of classification",
    ),
    (
        "  printed_by: 左云县人民政府办公室",
        "\u3000\u3000printed_by: 左云县人民政府办公室",
        "yaml-full-width-indent",
        1,
        "这一行用全角空格（U+3000）缩进",
        "this line is indented with full-width spaces (U+3000)",
    ),
    (
        "  printed_by: 左云县人民政府办公室",
        "\tprinted_by: 左云县人民政府办公室",
        "yaml-tab-indent",
        1,
        "这一行用 Tab 缩进，YAML 不允许",
        "this line is indented with a tab, which YAML does not allow",
    ),
    (
        "            text: 全年承接市级下放行政职权11项，梳理公布",
        "            text: 全年承接市级下放行政职权11项，\n梳理公布",
        "yaml-unindented-line",
        1,
        "这一行文字没有缩进，无法接在上面的字段之后",
        "this line of text is not indented, so it does not continue the field above",
    ),
    (
        "  2023年，县政府围绕",
        "  2023年，\n县政府围绕",
        "yaml-unindented-line",
        1,
        "这一行文字没有缩进，无法接在上面的字段之后",
        "this line of text is not indented, so it does not continue the field above",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "code", "column", "zh", "en"), SLIPS, ids=[f"{s[2]}-{i}" for i, s in enumerate(SLIPS)]
)
def test_slip_named_on_its_own_line(check_text, valid_text, old, new, code, column, zh, en):
    assert old in valid_text
    text = valid_text.replace(old, new, 1)
    findings = check_text(text).findings
    assert [f.code for f in findings] == [code]
    finding = findings[0]
    slip_line = new.splitlines()[-1] if code == "yaml-unindented-line" else new
    assert finding.location.line == line_of(text, slip_line)
    assert finding.location.column == column
    assert (finding.message.zh, finding.message.en) == (zh, en)


def test_a_pasted_line_indented_too_little(check_text, valid_text):
    text = valid_text.replace(
        "    intro: |\n      县委、县政府主要负责人", "    intro: |\n      县委、\n  县政府主要负责人"
    )
    (finding,) = check_text(text).findings
    assert (finding.code, finding.location.line, finding.location.column) == (
        "yaml-unindented-line",
        line_of(text, "  县政府主要负责人"),
        3,
    )
    assert finding.message.zh == "这一行文字缩进不够，无法接在上面的字段之后"
    assert finding.message.en == "this line of text is indented less than the field above, so it does not continue it"


def test_valid_values_with_colons_are_not_slips(check_text, valid_text):
    # A colon without a space inside a value, a URL, and a full-width colon in text are all fine.
    text = valid_text.replace("  classification: 政府文件", "  classification: 政府文件：规范性文件")
    text = text.replace("recipient: 大同市人民政府", 'recipient: "大同市人民政府:办公室 https://example.org"')
    assert check_text(text).findings == []


BROKEN = [
    "copies_to: [县委办公室, 县人大常委会办公室]",
    '  printed_by: "左云县人民政府办公室',
    "    points:\n      - 部分",
    "kind: rule-of-law-government\n  locale: zh-CN",
    "year: 2023\n- 2024",
    'year: 2023 "\\q"',
]


@pytest.mark.parametrize(
    "slip",
    [
        "  copies_to: [县委办公室, 县人大常委会办公室",
        '  printed_by: "左云县人民政府办公室',
        'year: "2023\\q"',
        "  level: county\n    parent: 市",
    ],
)
def test_no_library_english_reaches_a_chinese_user(check_text, valid_text, slip):
    first = slip.split("\n")[0].strip().split(":")[0]
    anchor = next(line for line in valid_text.splitlines() if line.strip().startswith(first + ":"))
    text = valid_text.replace(anchor, slip, 1)
    findings = check_text(text).findings
    assert findings and findings[0].code.startswith("yaml-")
    for finding in findings:
        assert not re.search(r"while|scanning|expected|found|token|scalar", finding.message.zh + finding.hint.zh)
        assert finding.message.zh.startswith("YAML 语法错误：")
        assert finding.message.en.startswith("YAML syntax error: ")


def test_vertical_tab_reported_on_its_line_with_its_line_shown(write, valid_text):
    text = valid_text.replace("全县发生行政诉讼案件13件", "全县发生行政诉讼案件\x0b13件")
    result = CliRunner().invoke(app, ["check", str(write(text))])
    assert result.exit_code == 1
    line = line_of(text, "全县发生行政诉讼案件")
    first, shown, caret = result.output.split("\n")[:3]
    column = len("            text: 全县发生行政诉讼案件") + 1
    assert f":{line}:{column}: 错误[control-character] " in first and "U+000B" in first
    shown_as = "\u240b" if "\u240b" in shown else "\\x0b"  # its symbol, or an escape: never the raw character
    assert (
        shown == f"  {line:>4} |             text: 全县发生行政诉讼案件{shown_as}13件，" + shown.split("13件，", 1)[1]
    )
    before = shown[: shown.index(shown_as)]
    assert caret.index("^") == len(before) + sum(
        unicodedata.east_asian_width(c) == "W" for c in before
    )  # hanzi: 2 columns


@pytest.mark.parametrize("char", ["\x01", "\x08", "\x0b", "\x0c", "\x1c", "\x1f", "\x7f"])
def test_every_control_character_on_its_line(check_text, valid_text, char):
    text = valid_text.replace("发现问题51个", f"发现问题{char}51个")
    findings = [f for f in check_text(text).findings if f.code in ("control-character", "invisible-character")]
    assert findings, check_text(text).findings
    assert findings[0].location.line == line_of(text, "发现问题")


def test_messages_follow_the_locale_written_in_a_broken_file(write, valid_text):
    text = valid_text.replace("locale: zh-CN", "locale: en").replace(
        "recipient: 大同市人民政府", "recipient：大同市人民政府"
    )
    result = CliRunner().invoke(app, ["check", str(write(text))], env={"LANG": "C.UTF-8"})
    assert "error[yaml-full-width-colon] the key recipient is followed by a full-width colon" in result.output
    zh = CliRunner().invoke(
        app, ["check", str(write(text.replace("locale: en", "locale: zh-CN")))], env={"LANG": "C.UTF-8"}
    )
    assert "错误[yaml-full-width-colon] 字段名 recipient 后面用了全角冒号“：”" in zh.output


def test_every_colon_slip_in_the_file_is_named_not_only_the_first(check_text, valid_text):
    text = valid_text.replace("recipient: 大同市人民政府", "recipient：大同市人民政府")
    text = text.replace("    label: 空气质量优良天数比例", "    label:空气质量优良天数比例")
    text = text.replace("  县委、县政府主要负责人", "  Note:县委、县政府主要负责人")  # text in a block: no key of ours
    found = [(f.code, f.location.line, f.location.column) for f in check_text(text).findings]
    assert found == [
        ("yaml-full-width-colon", line_of(text, "recipient："), 10),
        ("yaml-colon-space", line_of(text, "label:空气"), 10),
    ]
