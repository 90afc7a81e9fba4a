"""Tracked changes (修订) and comments (批注) on import: nothing printed in Word vanishes without a line.

A .docx built by genreport gets a reviewer's hand with lxml (tests/review_helpers.py): a tracked
replacement, a deletion, an insertion, a moved paragraph, a formatting change and a comment. It is
imported in each --revisions mode; the accepted text is compared with the text LibreOffice shows
after "accept all changes" (a Basic macro in a private profile), also after LibreOffice re-saved it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from review_helpers import Reviewer, libreoffice_accepted_text, libreoffice_profile, libreoffice_resave
from typer.testing import CliRunner

from genreport.build import build_file
from genreport.cli import app
from genreport.importer.read_docx import read_docx_review

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
REPORT = """\
kind: rule-of-law-government
locale: zh-CN
year: 2023
issuer: {name: 某县人民政府, level: county}
signed_on: 2024-01-16
preamble: 一年来，县政府把依法行政贯穿政府工作全过程，现将有关情况报告如下。
sections:
  measures:
    subsections:
      - heading: 推进简政放权
        points:
          - lead: 承接下放职权。
            text: 全年承接市级下放行政职权11项，部门之间的职责边界更加清晰。
          - lead: 优化政务服务。
            text: 政务服务大厅设立综合窗口和帮办代办窗口，高频事项可以全天候自助办理。
      - heading: 规范行政决策
        points:
          - lead: 落实重大决策程序。
            text: 严格执行重大行政决策程序规定，决策前履行合法性审查和集体讨论程序。
          - lead: 发挥法律顾问作用。
            text: 全年召开县政府常务会议11次，邀请法律顾问列席8次，防范决策法律风险。
  deficiencies:
    points:
      - 部分行政执法人员运用法治思维和法治方式推动工作的能力有待提高，执法规范化水平仍需提升。
      - 普法宣传形式还不够丰富，覆盖对象不够全面，部分宣传活动效果不够明显，需要继续改进。
  leaders_duties:
    intro: 县政府主要负责人认真履行推进法治建设第一责任人职责，全年专题听取法治政府建设汇报3次，对重点任务逐项部署。
  next_year:
    points:
      - 深入学习贯彻习近平法治思想，把法治政府建设摆在全局工作的突出位置，逐项落实年度任务。
      - 加强行政执法队伍建设，开展执法人员轮训，提升基层执法规范化水平和执法效能。
  other_matters:
    none: true
"""
REVISIONS = 7  # replace (a deletion and an insertion), a deletion, an insertion, a move (from, to), bold


def _built(tmp_path: Path) -> Path:
    source = tmp_path / "county-2023.yaml"
    source.write_text(REPORT, encoding="utf-8")
    result = build_file(source, tmp_path / "out", ["docx"])
    assert result.written, [f.message.en for f in result.check.findings]
    return result.written[0]


def _reviewed(tmp_path: Path) -> Path:
    reviewer = Reviewer(_built(tmp_path))
    reviewer.replace("县政府把依法行政", "一年来", "2023年以来")
    reviewer.delete("政务服务大厅设立", "和帮办代办窗口")
    reviewer.insert("全年承接市级下放", "职责边界更加清晰", "，放权事项全部落地")
    reviewer.move_before("全年召开县政府常务会议", "严格执行重大行政决策程序规定")
    reviewer.bold("部分行政执法人员", "法治思维")
    reviewer.comment("普法宣传形式", "覆盖对象不够全面", "请补充具体对象", author="李主任")
    return reviewer.save(tmp_path / "reviewed.docx")


def _text(path: Path, mode: str = "accept") -> str:
    """All the text the importer reads from `path` (paragraphs and table cells), whitespace removed."""
    blocks, _, _ = read_docx_review(path.read_bytes(), path.name, mode)
    pieces = [block.text if not block.rows else "".join("".join(row) for row in block.rows) for block in blocks]
    return re.sub(r"\s+", "", "".join(pieces))


def _import(*args: str) -> object:
    return CliRunner().invoke(app, ["import", *args], env=ZH)


def test_accept_reads_the_final_text(tmp_path: Path) -> None:
    reviewed = _reviewed(tmp_path)
    target = tmp_path / "imported.yaml"
    result = _import(str(reviewed), "-o", str(target))
    assert result.exit_code == 0, result.output
    text = "\n".join(
        line for line in target.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")
    )
    assert "preamble: 2023年以来，县政府把依法行政" in text  # the tracked insertion is read, the deletion is not
    assert "一年来" not in text and "帮办代办" not in text
    assert "职责边界更加清晰，放权事项全部落地。" in text
    # the moved point now comes first in its subsection
    assert text.index("发挥法律顾问作用") < text.index("落实重大决策程序")
    assert text.count("全年召开县政府常务会议") == 1


def test_reject_reads_the_text_before_review(tmp_path: Path) -> None:
    reviewed = _reviewed(tmp_path)
    assert _text(reviewed, "reject") == _text(tmp_path / "out" / "county-2023.zh-CN.docx")
    assert _text(reviewed, "accept") != _text(reviewed, "reject")


def test_the_report_lists_every_revision_and_comment(tmp_path: Path) -> None:
    reviewed = _reviewed(tmp_path)
    result = _import(str(reviewed), "-o", str(tmp_path / "imported.yaml"))
    assert result.exit_code == 0, result.output
    report = result.stderr
    assert f"修订（每一处）（{REVISIONS}）" in report, report
    lines = [line for line in report.splitlines() if "2024-01-10" in line]
    assert len(lines) == REVISIONS + 1
    assert "删除（王科长，2024-01-10，已接受）：“一年来”" in report
    assert "插入（王科长，2024-01-10，已接受）：“2023年以来”" in report
    assert "删除（李主任，2024-01-10，已接受）：“和帮办代办窗口”" in report
    assert "移出（李主任" in report and "移入（李主任" in report
    assert "格式修改（王科长，2024-01-10，已接受）：“法治思维”" in report
    # the comment: author, date, the text it is anchored to, the comment, a place a clerk finds in Word
    assert "二、“存在的不足和原因”下第2段: 李主任，2024-01-10，批注于“覆盖对象不够全面”：请补充具体对象" in report
    assert "一、（一）“推进简政放权”下第1段: 插入（王科长" in report


def test_refuse_lists_the_revisions_and_writes_nothing(tmp_path: Path) -> None:
    reviewed = _reviewed(tmp_path)
    target = tmp_path / "imported.yaml"
    result = _import(str(reviewed), "-o", str(target), "--revisions", "refuse")
    assert result.exit_code == 2
    assert not target.exists()
    assert f"含有 {REVISIONS} 处未处理的修订" in result.stderr
    assert "插入（王科长，2024-01-10，未处理）：“2023年以来”" in result.stderr
    # a file without revisions imports in refuse mode as in any other
    plain = _import(str(tmp_path / "out" / "county-2023.zh-CN.docx"), "-o", str(target), "--revisions", "refuse")
    assert plain.exit_code == 0, plain.output


def test_whole_paragraphs_deleted_and_inserted(tmp_path: Path) -> None:
    """A tracked deletion of a whole point, and a new paragraph typed with tracking: gone and there when
    accepted, the other way round when rejected; no paragraph left empty or run into its neighbour."""
    original = _built(tmp_path)
    reviewer = Reviewer(original)
    reviewer.delete_paragraph("政务服务大厅设立")
    reviewer.insert_paragraph_after("县政府主要负责人认真履行", "县长带头开展年终述法，述法报告在政府网站公开。")
    reviewer.join_with_next("部分行政执法人员运用法治思维")
    reviewed = reviewer.save(tmp_path / "reviewed.docx")
    accepted, _, _ = read_docx_review(reviewed.read_bytes(), "r", "accept")
    texts = [block.text for block in accepted]
    assert not any("政务服务大厅设立" in t for t in texts)
    assert "县长带头开展年终述法，述法报告在政府网站公开。" in texts  # a paragraph of its own
    assert "（二）规范行政决策" in texts  # the deleted point's paragraph mark joined nothing onto the next heading
    joined = next(t for t in texts if "部分行政执法人员运用法治思维" in t)
    assert joined.endswith("普法宣传形式还不够丰富，覆盖对象不够全面，部分宣传活动效果不够明显，需要继续改进。")
    assert _text(reviewed, "reject") == _text(original)
    result = _import(str(reviewed), "-o", str(tmp_path / "r.yaml"))
    assert "删除段落标记（合并段落）（李主任" in result.stderr and "插入段落标记（分段）（王科长" in result.stderr


def test_text_inside_wrappers_is_read(tmp_path: Path) -> None:
    """A smart tag, a content control (around runs and around a paragraph) and a simple field hold printed text."""
    from docx.oxml.ns import qn
    from lxml import etree

    reviewer = Reviewer(_built(tmp_path))
    paragraph = reviewer.paragraph("县政府把依法行政")
    runs = paragraph.findall(qn("w:r"))
    for tag, run in zip(("w:smartTag", "w:fldSimple"), runs[:2], strict=False):
        wrapper = etree.Element(qn(tag))
        run.addprevious(wrapper)
        wrapper.append(run)
    outer = reviewer.paragraph("全年召开县政府常务会议")
    sdt = etree.Element(qn("w:sdt"))
    content = etree.SubElement(sdt, qn("w:sdtContent"))
    outer.addprevious(sdt)
    content.append(outer)
    path = reviewer.save(tmp_path / "wrapped.docx")
    target = tmp_path / "imported.yaml"
    result = _import(str(path), "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "一年来，县政府把依法行政" in text
    assert "全年召开县政府常务会议11次" in text


def test_text_in_a_text_box_is_named(tmp_path: Path) -> None:
    """Text Word prints but the report's text cannot hold (a text box) is named in the report, not lost silently."""
    from lxml import etree

    reviewer = Reviewer(_built(tmp_path))
    paragraph = reviewer.paragraph("县政府把依法行政")
    vml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml">'
        "<w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>图示：执法流程</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    paragraph.append(etree.fromstring(vml))
    result = _import(str(reviewer.save(tmp_path / "box.docx")), "-o", str(tmp_path / "r.yaml"))
    assert result.exit_code == 0, result.output
    assert "正文之前第2段: 文本框中的文字未导入：“图示：执法流程”" in result.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_accepted_text_is_what_libreoffice_shows(tmp_path: Path) -> None:
    reviewed = _reviewed(tmp_path)
    profile = libreoffice_profile(tmp_path)
    shown = re.sub(r"\s+", "", libreoffice_accepted_text(profile, reviewed, tmp_path / "accepted.txt"))
    assert shown == _text(reviewed, "accept")
    # LibreOffice's own WordprocessingML of the same review: the same text, every revision and the comment listed
    resaved = libreoffice_resave(profile, reviewed, tmp_path / "resaved")
    assert _text(resaved, "accept") == shown
    result = _import(str(resaved), "-o", str(tmp_path / "resaved.yaml"))
    assert result.exit_code == 0, result.output
    assert "批注于“覆盖对象不够全面”：请补充具体对象" in result.stderr
    for words in ("“一年来”", "“2023年以来”", "“和帮办代办窗口”", "“，放权事项全部落地”", "“法治思维”"):
        assert words in result.stderr, (words, result.stderr)
    # and in the other two modes: the text before review, or a refusal with the list
    assert _text(resaved, "reject") == _text(tmp_path / "out" / "county-2023.zh-CN.docx")
    refused = _import(str(resaved), "-o", str(tmp_path / "refused.yaml"), "--revisions", "refuse")
    assert refused.exit_code == 2 and "未处理的修订" in refused.stderr and "“2023年以来”" in refused.stderr
    # and back into the data file it was built from
    into = CliRunner().invoke(app, ["import", str(resaved), "--into", str(tmp_path / "county-2023.yaml")], env=ZH)
    assert into.exit_code == 0, into.output
    data = (tmp_path / "county-2023.yaml").read_text(encoding="utf-8")
    assert "preamble: 2023年以来，县政府把依法行政" in data
    assert "\n      # 批注（李主任，2024-01-10）：“覆盖对象不够全面”：请补充具体对象\n" in data


def test_footnotes_are_read_for_the_report() -> None:
    from genreport.importer.revisions import read_footnotes

    xml = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>数据来源：县统计局。</w:t></w:r></w:p></w:footnote></w:footnotes>'
    ).encode()
    assert read_footnotes(xml) == ["数据来源：县统计局。"]
    assert read_footnotes(b"<broken") == []
