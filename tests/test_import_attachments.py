"""Attachments read back (GB/T 9704 §7.3.4): the 附件说明 between the body and the signature in the
forms real reports and converters print it, the attachment pages after the signature, and
genreport's own indicators attachment, which comes back as commented-out candidate indicators.

Each document is the Zuoyun example as genreport writes it in Markdown (or as text copied from a
page), with its closing replaced by the form under test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLES
from import_helpers import checked, import_to_yaml
from render_helpers import document

from genreport.importer.attachments import candidate_indicators, is_indicators, note_titles
from genreport.render.md import render_markdown

SIGNATURE = {
    "zh-CN": "左云县人民政府\n\n2024年1月16日\n\n（此件公开发布）\n\n",
    "en": "People's Government of Zuoyun County\n\n16 January 2024\n\n(This document is released to the public.)\n\n",
}
NOTE_START = {"zh-CN": "附件：", "en": "Attachments:"}


def _with_closing(locale: str, note: str, pages: str, tmp_path: Path, suffix: str = ".md") -> Path:
    """The example's body, then `note`, the signature and `pages` (no 版记)."""
    text = render_markdown(document(EXAMPLES / f"zuoyun-2023.{locale}.yaml"))
    body = text[: text.index(NOTE_START[locale])]
    if suffix == ".txt":  # text as copied from a page: no Markdown markers
        body = re.sub(r"(?m)^#+ ", "", body)
    source = tmp_path / f"report{suffix}"
    source.write_text(body + note + "\n\n" + SIGNATURE[locale] + pages, encoding="utf-8")
    return source


def _none_part_is_clean(report) -> None:  # type: ignore[no-untyped-def]
    other = report.sections["other_matters"]
    assert other.none and not other.intro and not other.subsections and not other.points


def test_numbered_note_lines_without_pages(tmp_path: Path) -> None:
    """A page copied from a government site: "附件：1.…" and "2.…" on the next line, the attachments
    themselves only links. The note is not body text; the titles are reported as not imported."""
    note = "附件：1.左云县2023年度法治政府建设主要指标完成情况表\n　　　2.左云县2023年度行政执法数据统计表"
    source = _with_closing("zh-CN", note, "", tmp_path, suffix=".txt")
    path, imported = import_to_yaml(source, tmp_path / "out.yaml")
    report, _, errors = checked(path)
    assert errors == [], [e.message.en for e in errors]
    _none_part_is_clean(report)
    assert report.attachments == []
    assert report.signers == ["左云县人民政府"]
    missing = "\n".join(n.message.zh for n in imported.notes.of("missing"))
    assert "左云县2023年度法治政府建设主要指标完成情况表；左云县2023年度行政执法数据统计表" in missing
    assert "行政执法数据统计表" not in path.read_text(encoding="utf-8")


def test_single_attachment_note_and_its_page(tmp_path: Path) -> None:
    """One attachment: "附件：<title>" under the body, and the page labelled 附件 with its title below."""
    title = "左云县2023年度行政执法数据统计表"
    pages = f"附件\n\n{title}\n\n| 类别 | 件数 |\n| --- | --- |\n| 行政检查 | 233 |\n\n全年共开展行政检查233次。\n"
    source = _with_closing("zh-CN", f"附件：{title}", pages, tmp_path)
    path, _ = import_to_yaml(source, tmp_path / "out.yaml")
    report, _, errors = checked(path)
    assert errors == [], [e.message.en for e in errors]
    _none_part_is_clean(report)
    assert [(a.title, a.body) for a in report.attachments] == [
        (title, "| 类别 | 件数 |\n| --- | --- |\n| 行政检查 | 233 |\n\n全年共开展行政检查233次。")
    ]
    assert report.indicators == []


def test_note_items_in_a_word_list_lose_their_numbers(tmp_path: Path) -> None:
    """pandoc and Word keep a list's numbers out of the text: "附件：" and bare titles above the signer."""
    pages = "附件1\n\n第一个附件\n\n正文一。\n\n附件2\n\n第二个附件\n\n正文二。\n"
    source = _with_closing("zh-CN", "附件：\n\n第一个附件\n\n第二个附件", pages, tmp_path)
    path, _ = import_to_yaml(source, tmp_path / "out.yaml")
    report, _, errors = checked(path)
    assert errors == [], [e.message.en for e in errors]
    assert report.signers == ["左云县人民政府"]
    _none_part_is_clean(report)
    assert [(a.title, a.body) for a in report.attachments] == [("第一个附件", "正文一。"), ("第二个附件", "正文二。")]


INDICATOR_TABLE = "| 指标 | 2023年 | 2022年 | 变化 |\n| --- | ---: | ---: | ---: |\n| 行政复议案件办结 | 3件 | 2件 | +1件（+50.0%） |\n"


def test_an_attachment_is_the_indicators_only_by_title_and_table(tmp_path: Path) -> None:
    """genreport's indicators attachment has its title and its four columns: candidates, commented
    out. A report's own table of key figures (a label and a year column, under any title) is read
    as indicators (issue 23: never both an attachment and the indicators); a table with no year
    column stays an attachment."""
    own = "| 类别 | 指标 | 2023年 | 说明 |\n| --- | --- | --- | --- |\n| 监督 | 行政复议案件办结 | 3件 | — |\n"
    tasks = "| 序号 | 任务 | 完成情况 |\n| --- | --- | --- |\n| 1 | 公布权责清单 | 已公布 |\n"
    pages = (
        f"## 附件1：2023年度主要指标完成情况\n\n{own}\n## 附件2：复议数据\n\n{INDICATOR_TABLE}\n## 附件3：主要指标\n\n{INDICATOR_TABLE}"
        f"\n## 附件4：重点任务\n\n{tasks}"
    )
    note = "附件：\n\n1. 2023年度主要指标完成情况\n2. 复议数据\n3. 主要指标\n4. 重点任务"
    path, imported = import_to_yaml(_with_closing("zh-CN", note, pages, tmp_path), tmp_path / "out.yaml")
    report, _, errors = checked(path)
    assert errors == [], [e.message.en for e in errors]
    assert [a.title for a in report.attachments] == ["重点任务"]
    # the first table's row; the second repeats its label and is not imported twice
    assert [(i.label, i.value, i.previous, i.unit) for i in report.indicators] == [("行政复议案件办结", 3, None, "件")]
    recognised = "\n".join(n.message.zh for n in imported.notes.of("recognised"))
    assert "附件“复议数据”的指标表（2023年、2022年）导入为 indicators：0 项，另有 1 项与前表重复" in recognised
    assert imported.indicators == [
        {"key": "indicator_1", "label": "行政复议案件办结", "value": 3, "previous": 2, "unit": "件"}
    ]
    assert (
        "#   - key: indicator_1\n#     label: 行政复议案件办结\n#     value: 3\n#     previous: 2\n#     unit: 件"
        in path.read_text(encoding="utf-8")
    )


def test_english_annex_forms(tmp_path: Path) -> None:
    """ "Annexes:" with numbered items, and pages labelled "Annex 1" / "Annex 2"."""
    pages = "Annex 1\n\nEnforcement figures\n\nInspections: 233.\n\nAnnex 2\n\nKey figures, 2023\n\n" + (
        "| Indicator | 2023 | 2022 | Change |\n| --- | ---: | ---: | ---: |\n| Reconsideration cases concluded | 3 cases | 2 cases | +1 case (+50.0%) |\n"
    )
    note = "Annexes:\n\n1. Enforcement figures\n2. Key figures, 2023"
    text = _with_closing("en", note, pages, tmp_path).read_text(encoding="utf-8").replace("Attachments:", "Annexes:")
    source = tmp_path / "annex.md"
    source.write_text(text, encoding="utf-8")
    path, imported = import_to_yaml(source, tmp_path / "out.yaml")
    report, _, errors = checked(path)
    assert errors == [], [e.message.en for e in errors]
    other = report.sections["other_matters"]
    assert other.none and not other.subsections  # "2. Key figures, 2023" is an item of the note, not part heading 2
    assert [(a.title, a.body) for a in report.attachments] == [("Enforcement figures", "Inspections: 233.")]
    assert [(c["label"], c["value"], c["previous"], c["unit"]) for c in imported.indicators] == [
        ("Reconsideration cases concluded", 3, 2, "cases")
    ]


@pytest.mark.parametrize(
    ("first", "lines", "titles"),
    [
        ("左云县2023年度行政执法数据统计表", [], ["左云县2023年度行政执法数据统计表"]),
        (
            "1.2023年度主要指标完成情况",
            ["2.左云县2023年度法治政府建设主要指标完成情况表"],
            ["2023年度主要指标完成情况", "左云县2023年度法治政府建设主要指标完成情况表"],
        ),
        # LibreOffice runs the items of genreport's HTML note into one paragraph
        (
            "1. 2023年度主要指标完成情况2. 左云县2023年度法治政府建设主要指标完成情况表",
            [],
            ["2023年度主要指标完成情况", "左云县2023年度法治政府建设主要指标完成情况表"],
        ),
        (
            "",
            ["1. Key figures, 2023", "2. Main indicators of Zuoyun County, 2023"],
            ["Key figures, 2023", "Main indicators of Zuoyun County, 2023"],
        ),
        ("1. 2.5级风险清单3. 无关", [], ["2.5级风险清单3. 无关"]),  # "2.5" is no item number
    ],
)
def test_note_titles(first: str, lines: list[str], titles: list[str]) -> None:
    assert note_titles(first, lines) == titles


def test_candidate_indicators_read_every_printed_form() -> None:
    header = ["指标", "2023年", "比较值", "变化"]
    rows = [
        header,
        ["行政诉讼败诉率", "12.86%", "29.38%（2020年）", "−16.52个百分点"],
        ["千人企业拥有量", "—", "—", "+52.81%"],
        ["受理案件", "6606万余件", "—", "—"],
        ["Legal aid cases", "over 3,200 cases", "2,032 cases", "+1,168 cases (+57.5%)"],
        ["劳动人事争议案件", "受理88件，办结88件", "—", "—"],
        ["过长的数字", "9" * 5000 + "件", "—", "—"],  # past int()'s 4300 digits: no traceback, no figure
    ]
    assert is_indicators("2023年度主要指标完成情况", rows) and not is_indicators(
        "2023年度主要指标完成情况", [["类别", *header[1:]]]
    )
    assert candidate_indicators(rows) == [
        {
            "key": "indicator_1",
            "label": "行政诉讼败诉率",
            "value": 12.86,
            "previous": 29.38,
            "previous_year": 2020,
            "unit": "%",
        },
        {"key": "indicator_2", "label": "千人企业拥有量", "change": 52.81, "change_unit": "%"},
        {"key": "indicator_3", "label": "受理案件", "value": 6606, "approx": True, "previous": None, "unit": "万件"},
        {
            "key": "indicator_4",
            "label": "Legal aid cases",
            "value": 3200,
            "approx": True,
            "previous": 2032,
            "unit": "cases",
        },
        {"key": "indicator_5", "label": "劳动人事争议案件"},  # text, not one figure: the clerk fills it in
        {"key": "indicator_6", "label": "过长的数字"},
    ]


def test_word_list_note_without_pages(tmp_path: Path) -> None:
    """A joint report as a Word file whose 附件说明 items are a numbered list (the numbers are Word's,
    not in the text) and whose attachments are separate files: the items are neither body text nor
    signers, and both signers stay."""
    import docx

    text = render_markdown(document(EXAMPLES / "zuoyun-2023.zh-CN.yaml"))
    body = re.sub(r"(?m)^#+ ", "", text[: text.index("附件：")])
    word = docx.Document()
    for paragraph in body.split("\n\n"):
        if paragraph.strip() and not paragraph.startswith("|"):
            word.add_paragraph(paragraph.strip())
    word.add_paragraph("附件：")
    for title in ("县政府部门权责清单", "乡镇权责清单"):
        word.add_paragraph(title, style="List Number")
    for line in ("中共左云县委员会", "左云县人民政府", "2024年1月16日", "（此件公开发布）"):
        word.add_paragraph(line)
    source = tmp_path / "report.docx"
    word.save(str(source))
    path, imported = import_to_yaml(source, tmp_path / "out.yaml")
    report, _, errors = checked(path)
    assert errors == [], [e.message.en for e in errors]
    _none_part_is_clean(report)
    assert report.signers == ["中共左云县委员会", "左云县人民政府"] and report.attachments == []
    assert "县政府部门权责清单；乡镇权责清单" in "\n".join(n.message.zh for n in imported.notes.of("missing"))
