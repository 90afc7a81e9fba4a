"""Every rule in SPEC "Checks": one failing case (code and line asserted) and one passing case."""

from __future__ import annotations

import pytest
from conftest import line_of


def codes(result):
    return [f.code for f in result.findings]


def test_valid_report_is_clean(check_text, valid_text):
    result = check_text(valid_text)
    assert result.report is not None
    assert result.findings == []


# (rule code, text to replace, replacement, text on the line the finding must point at)
FAILING = [
    ("missing-section", "  leaders_duties:\n    intro: |\n", "  leaders_duties_x:\n    intro: |\n", "sections:"),
    ("placeholder", "全年承接市级下放行政职权11项", "全年承接市级下放行政职权TODO项", "TODO"),
    ("placeholder", "乡镇权责事项144项", "乡镇权责事项【待填】项", "【待填】"),
    ("placeholder", "公开重大行政决策事项2项", "公开重大行政决策事项××项", "××"),
    ("placeholder", "全县发生行政诉讼案件13件", "全县发生行政诉讼案件XXX件", "XXX"),
    ("placeholder", "      - 行政执法力量仍需充实", "      - ...\n      - 行政执法力量仍需充实", "      - ..."),
    ("placeholder", "把党的领导贯穿", "Lorem ipsum dolor 把党的领导贯穿", "Lorem ipsum"),
    ("date-impossible", "signed_on: 2024-01-16", "signed_on: 2023-12-20", "signed_on:"),
    ("date-impossible", "signed_on: 2024-01-16", "signed_on: 2026-01-16", "signed_on:"),
    ("missing-date", "signed_on: 2024-01-16\n", "", "kind:"),
    ("missing-previous", "    previous: 80\n", "", "- key: labour_disputes_accepted"),
    ("percent-range", "    value: 82.5", "    value: 182.5", "value: 182.5"),
    ("part-exceeds-whole", "    value: 88\n    previous: 79", "    value: 90\n    previous: 79", "value: 90"),
    ("document-number", "左政发〔2024〕2号", "左政发[2024]第02号", "document_number:"),
    ("signed-late", "signed_on: 2024-01-16", "signed_on: 2024-03-20", "signed_on:"),
    ("published-late", "  published_on: 2024-01-17", "  published_on: 2024-04-20", "published_on: 2024-04-20"),
    ("unknown-section", "  other_matters:", "  other_maters:", "other_maters:"),
    (
        "none-not-allowed",
        "  deficiencies:\n    points:\n",
        "  deficiencies:\n    none: true\n    points:\n",
        "none: true",
    ),
    ("none-with-content", "    none: true", "    none: true\n    intro: 本年度无其他事项。", "none: true"),
    ("unknown-part-of", "part_of: labour_disputes_accepted", "part_of: labour_disputes_acepted", "part_of:"),
    ("stray-space", "乡镇权责事项144项", "乡镇权责事项 144项，个体 工商户", "个体 工商户"),
    ("missing-figure", "    value: 82.5\n    change: -8.5\n", "    value: null\n", "value: null"),
    (
        "duplicate-indicator",
        "key: air_quality_share",
        "key: labour_disputes_accepted",
        "key: labour_disputes_accepted\n    label: 空气",
    ),
    ("date-order", "  published_on: 2024-01-17", "  published_on: 2024-01-10", "published_on: 2024-01-10"),
    ("date-order", "  printed_on: 2024-01-17", "  printed_on: 2024-01-15", "printed_on: 2024-01-15"),
    (
        "mixed-section",
        "  next_year:\n    subsections:\n",
        "  next_year:\n    points:\n      - text: 另起一条。\n    subsections:\n",
        "    points:\n      - text: 另起",
    ),
]


@pytest.mark.parametrize(("code", "old", "new", "at"), FAILING, ids=[f"{c[0]}-{i}" for i, c in enumerate(FAILING)])
def test_rule_fires_with_location(check_text, valid_text, code, old, new, at):
    assert old in valid_text
    text = valid_text.replace(old, new, 1)
    result = check_text(text)
    matching = [f for f in result.findings if f.code == code]
    assert matching, f"{code} did not fire; got {codes(result)}"
    finding = matching[0]
    assert finding.location.line == line_of(text, at)
    assert finding.message("zh-CN") and finding.message("en") and finding.hint("en")


def test_placeholder_column_points_at_the_token(check_text, valid_text):
    text = valid_text.replace("全年承接市级下放行政职权11项", "全年承接市级下放行政职权TODO项")
    finding = next(f for f in check_text(text).findings if f.code == "placeholder")
    line = text.splitlines()[finding.location.line - 1]
    assert line[finding.location.column - 1 :].startswith("TODO")
    assert finding.field == "sections.measures.subsections[0].points[0].text"


def test_repeated_paragraph_within_report(check_text, valid_text):
    repeat = "部分行政执法人员学习习近平法治思想还不够深入，运用法治思维和法治方式推动工作的能力有待提高。"
    text = valid_text.replace("      - 普法宣传形式", f"      - {repeat}\n      - 普法宣传形式")
    finding = next(f for f in check_text(text).findings if f.code == "repeated-paragraph")
    assert finding.location.line == line_of(text, f"      - {repeat}\n      - 普法")
    assert finding.related is not None and finding.related.line == line_of(text, repeat)


def test_copied_from_last_year_fires_only_on_unchanged_paragraph(check_text, valid_text):
    last_year = valid_text.replace("year: 2023", "year: 2022").replace("signed_on: 2024-01-16", "signed_on: 2023-01-16")
    last_year = last_year.replace("2024-01-17", "2023-01-17").replace("〔2024〕", "〔2023〕")
    # One paragraph reworded this year; the rest left as they were.
    this_year = valid_text.replace("普法宣传形式还不够丰富", "普法宣传的形式仍然单一")
    result = check_text(this_year, previous=last_year)
    copied = [f for f in result.findings if f.code == "copied-from-previous"]
    assert copied, codes(result)
    assert not any("普法宣传" in f.message("zh-CN") for f in copied)
    assert any("部分行政执法人员" in f.message("zh-CN") for f in copied)


def test_previous_mismatch_against_last_year(check_text, valid_text):
    last_year = valid_text.replace("year: 2023", "year: 2022").replace("signed_on: 2024-01-16", "signed_on: 2023-01-16")
    last_year = last_year.replace("    value: 88\n    previous: 80", "    value: 81\n    previous: 70")
    result = check_text(valid_text, previous=last_year)
    finding = next(f for f in result.findings if f.code == "previous-mismatch")
    assert finding.field == "indicators[0].previous"


PASSING = [
    ("placeholder", "7×24小时自助服务区"),  # a multiplication sign, not the ×× placeholder
    ("placeholder", "环境持续改善……各项工作稳步推进"),  # an ellipsis inside a sentence
    ("placeholder", "XXL 号码"),
    ("document-number", "左政发〔2024〕12号"),
]


@pytest.mark.parametrize(("code", "phrase"), PASSING)
def test_rule_stays_quiet_on_near_misses(check_text, valid_text, code, phrase):
    if code == "document-number":
        text = valid_text.replace("左政发〔2024〕2号", phrase)
    else:
        text = valid_text.replace("全年承接市级下放行政职权11项", f"全年承接市级下放行政职权11项，{phrase}")
    assert code not in codes(check_text(text))


def test_dates_inside_window_are_quiet(check_text, valid_text):
    text = valid_text.replace("signed_on: 2024-01-16", "signed_on: 2024-02-29")
    assert not {"signed-late", "date-impossible"} & set(codes(check_text(text)))


def test_short_section_warns(check_text, valid_text):
    start, end = valid_text.index("  deficiencies:"), valid_text.index("  leaders_duties:")
    text = valid_text[:start] + "  deficiencies:\n    points: [执法力量不足。]\n" + valid_text[end:]
    finding = next(f for f in check_text(text).findings if f.code == "short-section")
    assert finding.location.line == line_of(text, "  deficiencies:")
    assert finding.severity.value == "warning"


def test_missing_previous_quiet_when_explicitly_null(check_text, valid_text):
    text = valid_text.replace("    previous: 80\n", "    previous: null\n")
    assert "missing-previous" not in codes(check_text(text))
