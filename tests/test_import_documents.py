"""Real-looking documents, written for these tests: a government page saved with its navigation,
breadcrumbs, disclosure table, share buttons and footer (GB2312); a report copied from Word with
reworded and themed headings, Word's invisible characters and no part 5; a Markdown file with no
recipient and no document number; a joint Party-and-government report as a Word file, signed by
two bodies. Each imports, and the imported file checks with no error other than what the
source lacks.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from conftest import DATA
from import_helpers import checked, import_to_yaml

IMPORT = DATA / "import"


def _messages(imported, category: str) -> str:
    return "\n".join(note.message.zh for note in imported.notes.of(category))


def test_saved_government_page(tmp_path: Path) -> None:
    source = IMPORT / "zuoyun-2023-gov-page.html"
    assert b"charset=gb2312" in source.read_bytes()[:400]
    path, imported = import_to_yaml(source, tmp_path / "page.yaml")
    report, doc, errors = checked(path)
    assert errors == []
    text = path.read_text(encoding="utf-8")
    # the site around the report is gone: menu, breadcrumbs, share buttons, footer, scripts, the toolbar
    for furniture in ("首页", "当前位置", "分享到", "ICP备", "打印本页", "脚本写出", "相关文章", "浏览次数", "无障碍"):
        assert furniture not in text, furniture
    # ... and not even listed as left out: nothing of it reaches the recogniser
    left_out = _messages(imported, "left-out")
    assert left_out == "", left_out
    assert report.document_number == "左政发〔2024〕2号"
    assert report.recipients == ["大同市人民政府"]
    assert doc.title == "左云县人民政府2023年法治政府建设年度报告"
    assert report.signed_on == dt.date(2024, 1, 16)
    assert report.disclosure is not None
    assert (report.disclosure.index_number, report.disclosure.classification) == ("035211000/2024-00051", "政府文件")
    assert report.disclosure.published_on == dt.date(2024, 1, 17)
    assert report.public_release is True
    assert list(report.sections) == ["measures", "deficiencies", "leaders_duties", "next_year", "other_matters"]
    measures = report.sections["measures"]
    assert measures.heading == "2023年法治政府建设主要举措和成效"  # the reworded heading is kept as the part's wording
    assert [s.heading for s in measures.subsections] == ["抓好部署落实", "深化简政放权", "规范执法和监督"]
    # <strong>（一）抓好部署落实。</strong>text… in one paragraph: heading and intro
    assert measures.subsections[0].intro.startswith("县政府常务会议于7月27日")
    # a <br> between 一是 and 二是 in one <p>: two points
    assert [p.lead for p in measures.subsections[1].points] == ["承接下放职权。", "提升政务服务。"]
    assert "| 行政检查 | 233次 |" in measures.subsections[2].points[-1].text
    # 一是……；二是……；三是…… in one paragraph stays one paragraph, with its own numbering
    assert report.sections["deficiencies"].intro.startswith("一是部分执法人员")
    assert report.sections["other_matters"].none
    assert report.sections["next_year"].heading == "2024年推进法治政府建设的主要安排"
    assert "抓好部署落实" in _messages(imported, "guessed")
    # figures are listed for the clerk, never made into indicators
    assert report.indicators == []
    assert re.search(r"# +第\d+段：.*行政检查233次", text)


def test_reworded_headings_copied_from_word(tmp_path: Path) -> None:
    source = IMPORT / "guizhou-2023-reworded.txt"
    raw = source.read_bytes().decode("utf-8")
    assert "\u0003" in raw and "\u200b" in raw and "\r\n" in raw
    path, imported = import_to_yaml(source, tmp_path / "gz.yaml")
    report, doc, errors = checked(path)
    # the source has no part 5: that, and only that, is an error
    assert [(e.code, e.field) for e in errors] == [("missing-section", "sections")]
    assert "其他需要报告的情况" in errors[0].message.zh and "other_matters" in errors[0].message.en
    assert imported.missing == ["other_matters"]
    assert "原文没有“其他需要报告的情况”部分" in _messages(imported, "missing")
    headings = {key: section.heading for key, section in report.sections.items()}
    assert headings == {
        "measures": "2023年法治政府建设主要举措和成效",
        "deficiencies": "存在的问题和不足",
        "leaders_duties": "主要负责人履职情况",
        "next_year": "下一步工作打算",
    }
    # a themed part heading that names no part stays, as a subsection of the part before it
    assert report.sections["measures"].subsections[-1].heading == "坚持以人民为中心深化法治社会建设"
    assert "不对应任何一部分" in _messages(imported, "guessed")
    # the title was broken over two lines; the recipient ended in a half-width colon
    assert doc.title == "贵州省人民政府2023年度法治政府建设情况报告"
    assert report.recipients == ["中共贵州省委", "贵州省人大常委会"]
    assert report.issuers[0].level == "province"
    assert report.signed_on == dt.date(2024, 2, 28)
    # Word's slips are gone, and each change is listed with its line
    text = path.read_text(encoding="utf-8")
    assert "\u0003" not in text and "\u200b" not in text and "基层法治 力量" not in text
    assert ",省" not in text and "对照实施纲要，逐项分解年度任务" in text
    normalised = [(n.where.number, n.message.zh) for n in imported.notes.of("normalised")]
    assert (11, "删除看不见的字符 U+0003（1 个）") in normalised
    assert any(line == 21 and "删除汉字之间的空格" in message for line, message in normalised)
    # 1. 2. 3. stay a numbered list; the tab-separated table became a Markdown table
    next_year = report.sections["next_year"].intro
    assert next_year.startswith("1. 压紧压实法治建设责任")
    assert "| 行政机关败诉率 | 12.86% | 29.38% |" in next_year


def test_no_recipient_no_document_number(tmp_path: Path) -> None:
    path, imported = import_to_yaml(IMPORT / "zuoyun-2023-no-recipient.md", tmp_path / "nr.yaml")
    report, doc, errors = checked(path)
    assert errors == []
    assert report.recipient is None and report.document_number is None
    assert report.title == "左云县2023年法治政府建设情况报告"
    assert report.signed_on == dt.date(2024, 1, 16)  # 二〇二四年一月十六日
    assert [i.name for i in report.issuers] == ["左云县人民政府"]
    assert report.public_release is False
    assert "public_release 设为 false" in _messages(imported, "guessed")
    sub = report.sections["measures"].subsections[1]
    assert "1. 森林防火和河道防汛；\n2. 企业安全生产和食品安全；\n3. 环境卫生。" in sub.intro
    assert "（1）行政诉讼" in sub.intro
    assert report.sections["measures"].subsections[2].intro.startswith("| 项目 | 2023年 |")
    # （一）one sentence with a comma： a numbered paragraph, not a heading
    assert report.sections["next_year"].subsections == []
    assert report.sections["next_year"].intro.startswith("（一）坚持党对法治政府建设的全面领导")


def _joint_docx(target: Path) -> Path:
    """The joint report's paragraphs as a Word user would have them: styles, centred title lines, bold leads, a table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    table_rows: list[list[str]] = []
    lines = [
        line
        for line in (IMPORT / "yungang-joint-2023.paragraphs.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    for line in [*lines, ""]:
        match = re.match(r"^\[(.+?)\](.*)$", line)
        style, text = (match.group(1), match.group(2)) if match else ("", line)
        if style == "表格":
            table_rows.append(text.split("|"))
            continue
        if table_rows:
            table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
            for row, cells in zip(table.rows, table_rows, strict=True):
                for cell, value in zip(row.cells, cells, strict=True):
                    cell.text = value
            table_rows = []
        if not text:
            continue
        paragraph = document.add_paragraph()
        for part in re.split(r"(\*\*.+?\*\*)", text):
            if part:
                run = paragraph.add_run(part.strip("*"))
                run.bold = part.startswith("**") or style in ("标题", "黑体")
        if style in ("居中", "标题"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif style == "右对齐":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(str(target))
    return target


def test_joint_report_two_signatories(tmp_path: Path) -> None:
    source = _joint_docx(tmp_path / "云冈区2023年法治政府建设情况报告.docx")
    path, imported = import_to_yaml(source, tmp_path / "joint.yaml")
    report, doc, errors = checked(path)
    assert errors == []
    assert [(i.name, i.level) for i in report.issuers] == [
        ("中共大同市云冈区委", "district"),
        ("大同市云冈区人民政府", "district"),
    ]
    assert report.signers == ["中共大同市云冈区委", "大同市云冈区人民政府"]
    assert doc.title == "中共大同市云冈区委　大同市云冈区人民政府关于2023年度法治政府建设情况的报告"
    assert report.recipients == ["中共大同市委", "大同市人民政府"]
    assert report.document_number == "云冈发〔2024〕5号"
    assert "云冈发[2024]5号" in _messages(imported, "normalised")
    assert report.signed_on == dt.date(2024, 2, 23)
    assert report.distribution is not None
    assert (
        report.distribution.copies_to[0] == "市委全面依法治市委员会办公室" and len(report.distribution.copies_to) == 5
    )
    assert (report.distribution.printed_by, report.distribution.printed_on) == (
        "中共大同市云冈区委办公室",
        dt.date(2024, 2, 23),
    )
    measures = report.sections["measures"]
    assert [p.lead for p in measures.subsections[0].points] == ["高位推动年度任务落实。", "把法治建设纳入考核。"]
    assert "| 受理行政复议案件 | 42件 | 35件 |" in measures.subsections[2].points[-1].text
    assert report.sections["next_year"].heading == "2024年工作安排"
    assert report.sections["other_matters"].none


def test_english_translation_as_published(tmp_path: Path) -> None:
    """An English translation as such sites publish it: "1、" part numbers, "The second is", the
    disclosure fields in English, a date written "January 16, 2024", and no part 5."""
    path, imported = import_to_yaml(IMPORT / "zuoyun-2023-translation.en.txt", tmp_path / "en.yaml")
    report, doc, errors = checked(path)
    assert report.locale == "en"
    assert [(e.code, e.field) for e in errors] == [("missing-section", "sections")]
    assert imported.missing == ["other_matters"]
    assert list(report.sections) == ["measures", "deficiencies", "leaders_duties", "next_year"]
    assert report.disclosure is not None and report.disclosure.index_number == "035211000/2024-00051"
    assert report.disclosure.published_on == dt.date(2024, 1, 17)
    assert doc.title.startswith("The People's Government of Zuoyun County 2023 Annual Report")
    assert report.recipients == ["Datong Municipal People's Government"]
    assert report.signed_on == dt.date(2024, 1, 16) and report.public_release is True
    assert [i.name for i in report.issuers] == ["People's Government of Zuoyun County"]
    services = report.sections["measures"].subsections[0].points
    # "First, powers handed down …": the text after the ordinal is stored as a sentence (genreport lower-cases it again)
    assert [p.lead for p in services] == ["Powers handed down were taken up.", "Make services easier to reach."]
    plans = report.sections["next_year"].subsections
    assert [s.heading for s in plans] == [
        "Keep the Party in charge of building a government under the rule of law",
        "Strive to become a model county",
    ]
    assert (
        plans[1].intro
        == "The county will work through all 113 indicators of the provincial model programme one by one."
    )
    # First, … Second, … Third, … in one paragraph stays that paragraph, numbering and all
    deficiencies = report.sections["deficiencies"]
    assert deficiencies.points == [] and deficiencies.intro.startswith("First, some enforcement officers")


def test_merged_parts_stay_missing_and_are_reported(tmp_path: Path) -> None:
    """Some reports write the shortcomings and next year's plans under one heading: the part it
    names first takes the text, the other stays missing (check says so) and the report says why."""
    source = tmp_path / "merged.txt"
    source.write_text(
        "左云县人民政府2023年法治政府建设年度报告\n大同市人民政府：\n"
        "2023年，县政府把依法行政贯穿政府工作全过程，现将有关情况报告如下。\n"
        "一、主要举措和成效\n全年新承接市级下放行政职权11项，乡镇综合行政执法队伍开展行政检查233次。\n"
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n县委书记、县长各听取法治建设工作汇报3次，作出批示10次。\n"
        "三、存在的问题和下一步打算\n乡镇执法力量仍然薄弱。下一步将充实乡镇执法队伍，深化“八五”普法。\n"
        "四、其他需要报告的情况\n无。\n左云县人民政府\n2024年1月16日\n",
        encoding="utf-8",
    )
    path, imported = import_to_yaml(source, tmp_path / "merged.yaml")
    report, _, errors = checked(path)
    assert set(report.sections) == {
        "measures",
        "leaders_duties",
        "deficiencies",
        "other_matters",
    }  # written in the kind's order
    assert report.sections["deficiencies"].heading == "存在的问题和下一步打算"
    assert imported.missing == ["next_year"]
    assert "“下一年度推进法治政府建设的主要安排”与另一部分合写在同一标题下" in _messages(imported, "missing")
    assert [e.code for e in errors] == ["missing-section"]
    assert "# 原文没有此部分，请补写：next_year" in path.read_text(encoding="utf-8")
