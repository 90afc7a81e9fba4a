"""Issue 15, item 4: schema messages say what the field wants, with an example and the field's
own description, in the user's language; no pydantic English, no Python repr."""

from __future__ import annotations

import json
import re

import pytest
from conftest import line_of

# (old, new, line text, column, zh message, zh hint, en message, en hint)
CASES = [
    (
        "signed_on: 2024-01-16",
        "signed_on: 2024年1月16日",
        12,
        "signed_on（成文日期）应写成 YYYY-MM-DD 格式的日期，现为“2024年1月16日”",
        "把日期写成 2024-01-16",
        "signed_on (Date signed) must be a date written YYYY-MM-DD, not “2024年1月16日”",
        "write the date as 2024-01-16",
    ),
    (
        "signed_on: 2024-01-16",
        "signed_on: 2024.1.6",
        12,
        "signed_on（成文日期）应写成 YYYY-MM-DD 格式的日期，现为“2024.1.6”",
        "把日期写成 2024-01-06",
        "signed_on (Date signed) must be a date written YYYY-MM-DD, not “2024.1.6”",
        "write the date as 2024-01-06",
    ),
    (
        "year: 2023",
        'year: "2023"',
        7,
        "year（报告所述年度）应为整数（不加引号），现为“2023”",
        "改为 year: 2023",
        "year (The year reported on) must be a whole number (no quotes), not “2023”",
        "write year: 2023",
    ),
    (
        "    value: 82.5",
        '    value: "82.5%"',
        12,
        "value（本年度数值：数字，或报告中的写法如 100余、3.2万、约60、近千（只知同比变化时可不填，改填 change））应为数字（不加引号、不带单位），现为“82.5%”",
        "改为 value: 82.5",
        "value (This year's value: a number, or as reports state it (100余, 3.2万, 约60, 近千); or give only change) must be a number (no quotes, no unit), not “82.5%”",
        "write value: 82.5",
    ),
    (
        "signed_on: 2024-01-16",
        "signed_on: 2024-02-30",
        12,
        "signed_on（成文日期）：2024-02-30 不是实际存在的日期",
        "核对月份和日期（YYYY-MM-DD）",
        "signed_on (Date signed): 2024-02-30 is not a real date",
        "check the month and the day (YYYY-MM-DD)",
    ),
    (
        "    value: 88\n    previous: 80",
        "    value: 八十八\n    previous: 80",
        12,
        "value（本年度数值：数字，或报告中的写法如 100余、3.2万、约60、近千（只知同比变化时可不填，改填 change））应为数字（不加引号、不带单位），现为“八十八”",
        "改为数字（不加引号、不带单位），例如 value: 38.5",
        "value (This year's value: a number, or as reports state it (100余, 3.2万, 约60, 近千); or give only change) must be a number (no quotes, no unit), not “八十八”",
        "write a number (no quotes, no unit), e.g. value: 38.5",
    ),
    (
        "  copies_to: [县委办公室, 县人大常委会办公室]",
        "  copies_to: 县委办公室",
        14,
        "copies_to（抄送机关）应为列表（每项一行，以“- ”开头），现为“县委办公室”",
        "写成列表：在 copies_to: 的下一行缩进写“- 县委办公室”",
        "copies_to (Bodies receiving copies) must be a list: one item a line, each starting with `- `, not “县委办公室”",
        "make it a list: on the line below copies_to:, indented, write “- 县委办公室”",
    ),
    (
        "  deficiencies:\n    points:",
        "  deficiencies:\n    subsections:",
        9,
        "subsections（小节，编为（一）（二）……）应为“字段: 值”的映射（下一行缩进书写），现为“部分行政执法人员学习习近平法治思想还不够…”",
        "写成“- heading: 部分行政执法人员学习习近…”；如果这些是要点，把上面的 subsections 改为 points",
        "subsections (Subsections, numbered (1) (2) …) must be a mapping: `key: value` lines, indented below, not “部分行政执法人员学习习近平法治思想还不够…”",
        "write “- heading: 部分行政执法人员学习习近…”; if these are points, rename subsections above to points",
    ),
    (
        "  other_matters:\n    none: true",
        "  other_matters:",
        17,
        "第五部分“其他需要报告的情况”是空的",  # issue 24: the part as the clerk reads it, not its key
        "在下面缩进写 intro、subsections 或 points；确无内容时写 none: true（或直接写 无）",
        "part 5 (other_matters, “Other matters to report”) is empty",
        "write its intro, subsections or points, indented below; if there is nothing to report, write none: true (or just none)",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "column", "zh", "zh_hint", "en", "en_hint"), CASES, ids=[c[1].strip()[:20] for c in CASES]
)
def test_schema_message_says_what_to_write(check_text, valid_text, old, new, column, zh, zh_hint, en, en_hint):
    assert old in valid_text
    text = valid_text.replace(old, new, 1)
    found = [f for f in check_text(text).findings if f.code == "schema"]
    assert found, [f.message.zh for f in check_text(text).findings]
    finding = found[0]
    line = line_of(text, new) + (2 if "subsections" in new else 0)  # the first item under subsections:
    assert (finding.location.line, finding.location.column) == (line, column)
    assert (finding.message.zh, finding.hint.zh, finding.message.en, finding.hint.en) == (zh, zh_hint, en, en_hint)
    assert "None" not in finding.message.zh and "genreport schema" not in finding.hint.zh


@pytest.mark.parametrize("word", ["无", "none", "没有", "暂无。"])
def test_a_part_written_as_nothing_to_report(check_text, valid_text, word):
    text = valid_text.replace("  other_matters:\n    none: true", f"  other_matters: {word}")
    result = check_text(text)
    assert result.findings == []
    assert result.report.sections["other_matters"].none


def test_the_json_schema_accepts_nothing_to_report_too(write, valid_text):
    from jsonschema import Draft202012Validator

    from genreport.data.load import load_yaml
    from genreport.data.schema import report_schema

    validator = Draft202012Validator(report_schema())
    loaded = load_yaml(write(valid_text.replace("  other_matters:\n    none: true", "  other_matters: 无")))
    data = json.loads(json.dumps(loaded.data, default=str))  # dates as the editor sees them: text
    assert list(validator.iter_errors(data)) == []
    data["sections"]["other_matters"] = "其他"
    assert list(validator.iter_errors(data)) != []


def test_nothing_to_report_where_the_part_needs_content(check_text, valid_text):
    start = valid_text.index("  deficiencies:\n")
    end = valid_text.index("  leaders_duties:\n")
    text = valid_text[:start] + "  deficiencies: 无\n" + valid_text[end:]
    finding = next(f for f in check_text(text).findings if f.code == "none-not-allowed")
    assert finding.location.line == line_of(text, "  deficiencies: 无")


PYDANTIC = re.compile(r"Input should|valid dictionary|instance of|Value error|\(现为|None\b")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  other_matters:\n    none: true", "  other_matters: [a, b]"),
        ("  level: county", "  level: town"),
        ("  classification: 政府文件", "  classification: [政府文件]"),
        ("year: 2023", "year: 二〇二三"),
        ("recipient: 大同市人民政府", "recipient: 大同市人民政府\nsealed: 是"),
        ("  - key: air_quality_share", "  - key: Air-Quality"),
        ("    previous: 80", "    previous: 八十"),
    ],
)
def test_no_pydantic_text_in_either_language(check_text, valid_text, old, new):
    assert old in valid_text
    found = [f for f in check_text(valid_text.replace(old, new, 1)).findings if f.code == "schema"]
    assert found
    for finding in found:
        for text in (finding.message.zh, finding.hint.zh, finding.message.en, finding.hint.en):
            assert not PYDANTIC.search(text), text
