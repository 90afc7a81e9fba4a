"""Attachments (附件, GB/T 9704 §7.3.4): the indicators are attachment 1, the user's follow; the
附件说明, the attachment labels and the Markdown agree. A lone point gets no ordinal. Indicator
changes use minus signs and the chart compares bars on one axis per unit, in black and grey.
"""

from __future__ import annotations

import re

import pytest
from html_tree import parse
from pdf_helpers import EXAMPLES
from render_helpers import document

from genreport.render import chart as charts
from genreport.render import indicators, points
from genreport.render.attachments import attachments_of
from genreport.render.html import render_html
from genreport.render.md import render_markdown


@pytest.fixture(scope="module")
def zuoyun():
    """The zuoyun zh-CN Document: indicators and one attachment of the user's."""
    return document(EXAMPLES / "zuoyun-2023.zh-CN.yaml", draft=False)


@pytest.fixture(scope="module")
def joint():
    """The joint Document: indicators, no attachment of the user's."""
    return document(EXAMPLES / "joint-2023.zh-CN.yaml", draft=False)


def test_indicators_are_attachment_1_and_the_users_follow(zuoyun):
    found = [(a.number, a.kind, a.label, a.numbered) for a in zuoyun.attachments]
    assert found == [(1, "indicators", "附件1", True), (2, "text", "附件2", True)]
    assert zuoyun.attachments[1].title == zuoyun.report.attachments[0].title
    assert zuoyun.attachments[0].title == f"{zuoyun.report.year}年度主要指标完成情况"


def test_a_single_attachment_has_no_number(joint):
    (only,) = joint.attachments
    assert (only.label, only.numbered) == ("附件", False)


def test_english_labels(zuoyun):
    report = zuoyun.report.model_copy(update={"locale": "en"})
    assert [a.label for a in attachments_of(report, "Attachment")] == ["Attachment 1", "Attachment 2"]
    assert attachments_of(report.model_copy(update={"indicators": [], "attachments": []}), "Attachment") == []


def test_html_note_and_pages_agree(zuoyun):
    tree = parse(render_html(zuoyun))
    note = tree.find("p", "attachments-note")
    assert note.find("span", "note-label").text == "附件："
    items = [i.text for i in note.find_all("span", "item")]
    assert items == [f"{a.number}. {a.title}" for a in zuoyun.attachments]
    sections = tree.find_all("section", "attachment")
    assert [s.find("p", "attachment-label").text for s in sections] == ["附件1", "附件2"]
    # ids follow the data (attachments[0] -> attachment-1), so the preview's links stay right
    assert [s.attrs["id"] for s in sections] == ["attachment-indicators", "attachment-1"]
    # the indicator table and chart are inside attachment 1, not loose after the signature
    assert sections[0].find("table", "indicator-table") is not None
    # zuoyun compares only one indicator with the year before: no chart for a single pair of bars
    assert sections[0].find("figure", "indicator-chart") is None
    assert sections[1].find("table", "indicator-table") is None


def test_markdown_has_the_same_note_and_attachments(zuoyun):
    md = render_markdown(zuoyun)
    start = md.index("附件：")
    note = md[start : md.index(zuoyun.report.signers[0], start)]
    assert [line for line in note.splitlines() if re.match(r"\d+\. ", line)] == [
        f"{a.number}. {a.title}" for a in zuoyun.attachments
    ]
    headings = re.findall(r"^## (附件\d?)：", md, re.M)
    assert headings == ["附件1", "附件2"]
    assert md.index("## 附件1") < md.index("| 指标 |") < md.index("## 附件2")


def test_a_lone_point_has_no_ordinal_in_both_outputs(zuoyun):
    subsection = zuoyun.report.sections["measures"].subsections[0]
    lone = subsection.model_copy(update={"points": subsection.points[:1]})
    sections = dict(zuoyun.report.sections)
    sections["measures"] = sections["measures"].model_copy(update={"subsections": [lone]})
    doc = type(zuoyun)(zuoyun.report.model_copy(update={"sections": sections}), zuoyun.kind)
    tree = parse(render_html(doc))
    first = tree.find("section", "subsection").find("p", "point")
    assert first.find("span", "num") is None and not first.text.startswith("一是")
    assert first.text.startswith(lone.points[0].lead)
    md = render_markdown(doc)
    assert f"\n{lone.points[0].lead}" in md and f"一是{lone.points[0].lead}" not in md
    # the next part, with several points, keeps its ordinals
    assert "一是" in md


@pytest.mark.parametrize(
    ("text", "total", "expected"),
    [
        ("Some officers lack training.", 1, "Some officers lack training."),
        ("Some officers lack training.", 2, "some officers lack training."),
        ("<strong>Law</strong> enforcement improved.", 2, "<strong>law</strong> enforcement improved."),
        ("Xi Jinping Thought was studied.", 2, "Xi Jinping Thought was studied."),
        ("The Eighth Five-Year Plan was done.", 2, "the Eighth Five-Year Plan was done."),
        ("CPC committees met.", 2, "CPC committees met."),
    ],
)
def test_english_text_after_an_ordinal_starts_in_lower_case(text, total, expected):
    assert points.after_ordinal(text, total, "en") == expected
    assert points.point_prefix(1, total, "en") == ("" if total == 1 else "First, ")
    assert points.point_prefix(2, total, "zh-CN") == ("" if total == 1 else "二是")


def test_changes_use_minus_signs(joint):
    rows = indicators.table_rows(joint)
    falling = [r.change for r in rows if r.change.startswith(("－", "-"))]
    assert falling and all(c.startswith("－") and "-" not in c for c in falling), falling


def test_chart_bars_share_one_axis_per_unit_in_black_and_grey(joint):
    """joint compares several indicators: its chart is in the indicators attachment."""
    assert parse(render_html(joint)).find("section", "attachment-indicators").find("figure", "indicator-chart")
    chart = charts.chart(joint)
    assert chart is not None
    compared = [i for i in joint.report.indicators if i.value is not None and i.previous is not None]
    by_label = {row.label: row for row in chart.rows}
    for unit in {i.unit for i in compared}:
        same = [i for i in compared if i.unit == unit]
        longest = max(max(i.value, i.previous) for i in same)
        if unit == "%":
            longest = max(longest, 100.0)
        for i in same:
            width = float(by_label[i.label].current.width)
            assert abs(width - max(1.0, i.value / longest * charts.BAR_MAX)) < 0.1, (i.label, width)
    # rows of one unit stand together
    units = [next(i.unit for i in compared if i.label == row.label) for row in chart.rows]
    assert units == sorted(units, key=units.index)
    html = render_html(joint)
    svg = html[html.index("<svg") : html.index("</svg>")]
    fills = set(re.findall(r'fill="(#[0-9a-f]{6})"', svg))
    assert fills and all(f[1:3] == f[3:5] == f[5:7] for f in fills), fills  # greys only


def test_table_labels_keep_their_last_two_characters_together_and_changes_wrap_between_pieces():
    assert (
        str(indicators.label_html("行政机关负责人出庭应诉率")) == '行政机关负责人出庭应<span class="nobr">诉率</span>'
    )
    assert str(indicators.label_html("<b>")) == "&lt;b&gt;"
    pieces = re.findall(r'<span class="nobr">(.*?)</span>', str(indicators.change_html("－16.52个百分点")))
    assert pieces == ["－16.52", "个百分点"]
    pieces = re.findall(r'<span class="nobr">(.*?)</span>', str(indicators.change_html("+7件（+20.0%）")))
    assert pieces == ["+7件", "（+20.0%）"]


def test_no_table_label_wraps_to_a_lone_character_in_the_pdf():
    from pdf_helpers import verified

    from genreport.gbt9704 import LEFT, MM
    from genreport.verify.measure import read_pdf

    pdf = read_pdf(verified("guizhou-2023.zh-CN").path)
    labels = [
        line.text
        for page in pdf.pages
        for line in page.text_lines
        if abs(line.size - 14) < 0.3 and line.x0 < LEFT * MM + 10 and re.search(r"[\u4e00-\u9fff]", line.text)
    ]
    assert len(labels) > 10  # the label column was found
    lone = [text for text in labels if len(re.sub(r"\s", "", text)) == 1]
    assert lone == [], labels
