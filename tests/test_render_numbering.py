"""Numbering, dates, numbers and title lines are generated in Python, per locale."""

from __future__ import annotations

import datetime as dt

import pytest

from genreport.render import numbering as n
from genreport.render.titles import balanced_lines, width


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"), (99, "九十九"),
     (100, "一百"), (105, "一百零五"), (110, "一百一十")],
)  # fmt: skip
def test_chinese_numbers(value, expected):
    assert n.chinese_number(value) == expected


def test_levels_zh():
    assert [n.part_number(i, "zh-CN") for i in (1, 2, 12)] == ["一、", "二、", "十二、"]
    assert n.subsection_number(3, "zh-CN") == "（三）"
    assert [n.point_number(i, "zh-CN") for i in (1, 2, 10)] == ["一是", "二是", "十是"]
    assert n.item_number(4, "zh-CN") == "4."
    assert n.subitem_number(2, "zh-CN") == "（2）"


def test_levels_en():
    assert n.part_number(5, "en") == "5. "
    assert n.subsection_number(2, "en") == "(2) "
    assert [n.point_number(i, "en") for i in (1, 2, 3, 21, 22, 23, 111)] == [
        "First, ", "Second, ", "Third, ", "21st, ", "22nd, ", "23rd, ", "111th, "
    ]  # fmt: skip


def test_dates():
    day = dt.date(2024, 1, 6)
    assert n.format_date(day, "zh-CN") == "2024年1月6日"  # no zero padding (GB/T 9704 §7.3.5)
    assert n.format_date(day, "en") == "6 January 2024"


def test_numbers():
    assert n.format_number(3.0, "zh-CN") == "3"
    assert n.format_number(3249.0, "zh-CN") == "3249"
    assert n.format_number(3249.0, "en") == "3,249"
    assert n.format_number(46.55, "zh-CN") == "46.55"
    assert n.format_number(0.1 + 0.2, "zh-CN") == "0.3"


def test_out_of_range_number_is_an_error():
    with pytest.raises(ValueError):
        n.chinese_number(0)


@pytest.mark.parametrize(
    ("title", "issuers", "lines"),
    [
        ("左云县人民政府2023年法治政府建设年度报告", ["左云县人民政府"], ["左云县人民政府", "2023年法治政府建设年度报告"]),
        ("左云县人民政府关于2023年法治政府建设情况的报告", ["左云县人民政府"], ["左云县人民政府", "关于2023年法治政府建设情况的报告"]),
        ("中共大同市云冈区委　大同市云冈区人民政府关于2023年度法治政府建设情况的报告", ["中共大同市云冈区委", "大同市云冈区人民政府"],
         ["中共大同市云冈区委　大同市云冈区人民政府", "关于2023年度法治政府建设情况的报告"]),
        ("2023年工作简报", [], ["2023年工作简报"]),
    ],
)  # fmt: skip
def test_title_lines(title, issuers, lines):
    assert balanced_lines(title, issuers) == lines


def test_title_lines_never_leave_a_stub():
    title = "关于进一步加强和改进行政复议工作推进法治政府建设的实施意见"
    lines = balanced_lines(title)
    assert "".join(lines) == title and len(lines) == 2
    widths = [width(line) for line in lines]
    assert min(widths) >= 0.4 * max(widths)
    assert not any(line.startswith(("）", "、", "，", "。")) for line in lines)


def test_title_lines_keep_years_whole():
    for title in (
        "某某市某某区人民政府办公室2023年法治政府建设年度报告",
        "关于报送2023年度法治政府建设工作情况和2024年工作安排的报告",
    ):
        lines = balanced_lines(title)
        assert len(lines) == 2 and "".join(lines) == title
        assert not any(line.startswith(("023", "23", "3年", "年")) for line in lines)


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (110, "一百一十"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (10001, "一万零一"),
        (12345, "一万二千三百四十五"),
        (110000, "十一万"),
    ],
)
def test_large_counts_still_number(number, words):
    assert n.chinese_number(number) == words


def test_english_title_breaks_into_balanced_lines_keeping_the_issuer_whole():
    from genreport.render.titles import balanced_lines

    issuer = "People's Government of Zuoyun County"
    title = f"{issuer} 2023 Annual Report on the Construction of a Rule-of-Law Government"
    lines = balanced_lines(title, [issuer], "en")
    assert lines[0] == issuer and " ".join(lines) == title
    assert min(map(len, lines)) >= 0.6 * max(map(len, lines))  # no one-word stub
    assert balanced_lines("Short title", [], "en") == ["Short title"]
