"""`genreport import reviewed.docx --into this-year.yaml`: the reviewers' edits and comments, and nothing else.

For every example: build its .docx, change one sentence as a reviewer would (a tracked
replacement) and comment on another paragraph, bring it back with --into, then compare bytes: the
file is the original with that one value replaced and the comment lines added, `check` finds what it
found before, and `diff` against the original shows exactly the one edit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from review_helpers import Reviewer
from test_import_revisions import REPORT
from typer.testing import CliRunner

from genreport.build import build_file
from genreport.checks import check_file
from genreport.cli import app
from genreport.importer.into import _nodes
from genreport.yearly.diff import diff_reports
from genreport.yearly.report_file import read_report

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
ALL = sorted(EXAMPLES.glob("*.yaml"))


def _docx(target: Path, draft: bool = False) -> Path:
    result = build_file(target, target.parent / "out", ["docx"], draft=draft)
    assert result.written, [f.message.en for f in result.check.findings]
    return result.written[0]


def _longest_run(reviewer: Reviewer, contains: str) -> str:
    return max((t.text or "" for t in reviewer.paragraph(contains).iter(qn("w:t"))), key=len)


def _into(reviewed: Path, target: Path) -> object:
    return CliRunner().invoke(app, ["import", str(reviewed), "--into", str(target)], env=ZH)


def _comment_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith(("# 批注（", "# Comment ("))]


@pytest.mark.parametrize("example", ALL, ids=[p.stem for p in ALL])
def test_one_reviewed_sentence_changes_one_value(example: Path, tmp_path: Path) -> None:
    target = tmp_path / example.name
    shutil.copy(example, target)
    original = target.read_bytes()
    reviewer = Reviewer(_docx(target, draft=example.name.startswith("draft")))
    texts = [Paragraph(p, reviewer.document).text for p in reviewer.body.iter(qn("w:p"))]
    long = [t for t in texts if len(t) > 60]
    edited, commented = long[1][:20], long[3][:20]
    words = _longest_run(reviewer, edited)[10:14]
    added = "（经审阅）" if ".zh-CN" in example.name else " (as reviewed)"
    reviewer.replace(edited, words, added)
    reviewer.comment(commented, _longest_run(reviewer, commented)[3:9], "请核实这一数字", author="王科长")
    reviewed = reviewer.save(tmp_path / "reviewed.docx")

    result = _into(reviewed, target)
    assert result.exit_code == 0, result.output
    new = target.read_bytes().decode("utf-8")
    # the comment, above its field, in the form the issue asks for
    comments = _comment_lines(new)
    assert len(comments) == 1 and "（王科长" in comments[0] or "(王科长" in comments[0]
    assert "请核实这一数字" in comments[0]
    # the bytes: the original with one value replaced (the comment line taken out again)
    without = "".join(line for line in new.splitlines(keepends=True) if line not in [c + "\n" for c in comments])
    old_text = original.decode("utf-8")
    nodes = _nodes(old_text)
    changed = [
        path for path, (_, node) in nodes.items()
        if not hasattr(node.value, "__iter__") or isinstance(node.value, str)
        if old_text[node.start_mark.index : node.end_mark.index] not in without
    ]  # fmt: skip
    assert len(changed) == 1, changed
    _, node = nodes[changed[0]]
    head, tail = old_text[: node.start_mark.index], old_text[node.end_mark.index :]
    assert without.startswith(head) and without.endswith(tail)
    assert added.strip() in without[len(head) : len(without) - len(tail)]
    # check finds what it found before; diff shows the one edit
    before, after = check_file(example), check_file(target)
    assert sorted(f.code for f in after.findings) == sorted(f.code for f in before.findings)
    old_report, kind = read_report(example)
    new_report, _ = read_report(target)
    changes = [c for s in diff_reports(old_report, new_report, kind).sections for c in s.changes]
    assert [c.what for c in changes] == ["changed"]
    assert added.strip() in changes[0].new.text  # type: ignore[union-attr]


def _small(tmp_path: Path) -> tuple[Path, Path]:
    target = tmp_path / "county-2023.zh-CN.yaml"
    target.write_text(
        "# 县法制办起草，2024年1月\n" + REPORT.replace("\nsections:\n", "\n\n# 五个部分\nsections:\n"), encoding="utf-8"
    )
    return target, _docx(target)


def test_unreviewed_file_changes_nothing(tmp_path: Path) -> None:
    target, docx_file = _small(tmp_path)
    before = target.read_bytes()
    result = _into(docx_file, target)
    assert result.exit_code == 0, result.output
    assert "没有要写入的修改" in result.stderr
    assert target.read_bytes() == before


def test_changes_and_comments_land_on_their_fields(tmp_path: Path) -> None:
    target, docx_file = _small(tmp_path)
    reviewer = Reviewer(docx_file)
    reviewer.replace("县政府把依法行政", "一年来", "2023年以来")
    reviewer.replace("全年承接市级下放", "承接下放职权", "承接下放事项")
    reviewer.insert("（二）规范行政决策", "规范", "依法")  # a subsection heading
    reviewer.comment("全年召开县政府常务会议", "邀请法律顾问列席8次", "列席次数与台账不符", author="李主任")
    reviewer.comment("2024年1月16日", "2024年1月16日", "按印发日期改")  # the date signed: no text field holds it
    result = _into(reviewer.save(tmp_path / "reviewed.docx"), target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 县法制办起草，2024年1月\n")  # the clerk's own comments stay
    assert "\n# 五个部分\nsections:\n" in text
    assert "preamble: 2023年以来，县政府把依法行政贯穿政府工作全过程，现将有关情况报告如下。\n" in text
    assert "          - lead: 承接下放事项。\n" in text  # the lead, in its own field
    assert "      - heading: 规范依法行政决策\n" in text
    lines = text.splitlines()
    at = lines.index("            # 批注（李主任，2024-01-10）：“邀请法律顾问列席8次”：列席次数与台账不符")
    assert lines[at + 1] == "            text: 全年召开县政府常务会议11次，邀请法律顾问列席8次，防范决策法律风险。"
    at = lines.index("# 批注（王科长，2024-01-10）：“2024年1月16日”：按印发日期改")
    assert lines[at + 1] == "signed_on: 2024-01-16"
    # printed part by part, as diff prints it
    assert "== 开头段落 ==\n~ 修改：[-一年-]{+2023年以+}来" in result.stdout
    assert "已写入" in result.stderr and "3 处文字修改，2 条批注" in result.stderr
    # brought back a second time: nothing twice
    again = _into(tmp_path / "reviewed.docx", target)
    assert again.exit_code == 0 and target.read_text(encoding="utf-8") == text


def test_what_cannot_be_placed_is_refused(tmp_path: Path) -> None:
    target, docx_file = _small(tmp_path)
    before = target.read_bytes()
    reviewer = Reviewer(docx_file)
    reviewer.replace("县政府把依法行政", "一年来", "2023年以来")
    # a heading moved: the first subsection's last point now sits under the second one
    reviewer.move_before("（二）规范行政决策", "政务服务大厅设立")
    result = _into(reviewer.save(tmp_path / "reviewed.docx"), target)
    assert result.exit_code == 2
    assert "无法对应到数据文件，未写入任何内容" in result.stderr
    assert "sections.measures.subsections[0].points[1]：审阅稿删去了这一项" in result.stderr
    assert "sections.measures.subsections[1].points[2]：审阅稿新增了这一项" in result.stderr
    assert target.read_bytes() == before


def test_the_review_copy_s_own_comments_are_not_written_back(tmp_path: Path) -> None:
    """A copy built with --review carries genreport's findings as comments: only the reviewers' come back."""
    target = tmp_path / "county-2023.zh-CN.yaml"
    target.write_text(REPORT.replace("列席8次", "列席XX次"), encoding="utf-8")
    built = CliRunner().invoke(
        app, ["build", str(target), "-f", "docx", "--review", "-o", str(tmp_path / "out")], env=ZH
    )
    assert built.exit_code == 0, built.output
    reviewer = Reviewer(tmp_path / "out" / "county-2023.zh-CN.docx")
    reviewer.comment("县政府把依法行政", "依法行政", "写具体些", author="李主任")
    result = _into(reviewer.save(tmp_path / "reviewed.docx"), target)
    assert result.exit_code == 0, result.output
    assert "genreport，" in result.stderr  # listed in the report all the same
    comments = _comment_lines(target.read_text(encoding="utf-8"))
    assert comments == ["# 批注（李主任，2024-01-10）：“依法行政”：写具体些"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\r"])
def test_a_line_break_in_a_review_stays_inside_its_comment_and_its_value(tmp_path: Path, separator: str) -> None:
    """Issue 27: a reviewer's comment or edit holding a break YAML counts (U+2028 …) must not end
    the comment or the value and make what follows live YAML: the file loads back with the same
    keys, the comment shows the break escaped, and the edit stays inside its value."""
    from ruamel.yaml import YAML

    target, docx_file = _small(tmp_path)
    before = YAML(typ="safe").load(target.read_text(encoding="utf-8"))
    reviewer = Reviewer(docx_file)
    planted = f"列席{separator}indicators: [伪造 999999件]"
    reviewer.comment("全年召开县政府常务会议", "邀请法律顾问列席8次", planted, author="李主任")
    reviewer.replace("县政府把依法行政", "一年来", f"一年来{separator}letterhead: 王某某")
    result = _into(reviewer.save(tmp_path / "reviewed.docx"), target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    after = YAML(typ="safe").load(text)
    assert set(after) == set(before)  # no live `indicators:` or `letterhead:`
    # the value is the reviewer's text as import reads any text (its normaliser may turn a NEL into a
    # space or a half-width colon between hanzi into a full-width one): one string, in its field
    assert after["preamble"].startswith("一年来") and "letterhead" in after["preamble"]
    assert any("indicators: [伪造" in line and line.lstrip().startswith("#") for line in text.splitlines())
