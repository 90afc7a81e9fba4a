"""`genreport build r.yaml -f docx --review`: check's findings as Word comments (批注) at their text.

Read back two ways: python-docx (the comments part: author, text) with the anchors read from the
document's commentRangeStart/End, and LibreOffice (converted to .odt, whose office:annotation
elements are the comments LibreOffice opened).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_import_revisions import REPORT
from typer.testing import CliRunner

from genreport.checks import check_file
from genreport.cli import app

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
BROKEN = (
    REPORT.replace("全年召开县政府常务会议11次", "全年召开县政府常务会议XX次")
    .replace("高频事项可以全天候自助办理", "高频事项可以全天候自助办理，办件满意率104.5%")
    .replace("signed_on: 2024-01-16", "signed_on: 2023-12-20")
    .replace(REPORT[REPORT.index("  leaders_duties:") : REPORT.index("  next_year:")], "")
    + "indicators:\n  - key: correction_rate\n    label: 行政复议纠错率\n"
    + "    value: 104.5\n    previous: 98\n    unit: '%'\n"
    + "  - key: meetings\n    label: 常务会议次数\n    value: 8\n    unit: 次\n"
)


def _anchors(path: Path) -> dict[str, str]:
    """comment id -> the text between its commentRangeStart and commentRangeEnd."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out: dict[str, str] = {}
    open_ids: list[str] = []
    for node in root.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if node.tag == qn("w:commentRangeStart"):
            open_ids.append(node.get(qn("w:id")))
            out[node.get(qn("w:id"))] = ""
        elif node.tag == qn("w:commentRangeEnd"):
            open_ids.remove(node.get(qn("w:id")))
        else:
            for key in open_ids:
                out[key] += node.text or ""
    return out


def _build(tmp_path: Path, *extra: str) -> Path:
    source = tmp_path / "county-2023.zh-CN.yaml"
    source.write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["build", str(source), "-f", "docx", "--review", "-o", str(tmp_path / "out"), *extra], env=ZH
    )
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / "county-2023.zh-CN.docx"


def test_every_finding_is_a_comment_at_its_text(tmp_path: Path) -> None:
    built = _build(tmp_path)
    findings = check_file(tmp_path / "county-2023.zh-CN.yaml").findings
    codes = {f.code for f in findings}
    assert {"placeholder", "date-impossible", "missing-section", "percent-range"} <= codes
    comments = list(docx.Document(str(built)).comments)
    assert len(comments) == len(findings)
    assert {c.author for c in comments} == {"genreport"}
    anchors = _anchors(built)
    by_code = {re.search(r"\[([a-z-]+)\]", c.text).group(1): (c, anchors[str(c.comment_id)]) for c in comments}  # type: ignore[union-attr]
    comment, anchor = by_code["placeholder"]
    assert "sections.measures.subsections[1].points[1].text" in comment.text and "XX" in comment.text
    assert "全年召开县政府常务会议XX次" in anchor  # the point's own text, not the heading
    comment, anchor = by_code["date-impossible"]
    assert anchor == "2023年12月20日"
    comment, anchor = by_code["missing-section"]
    assert "党政主要负责人履行推进法治建设第一责任人职责情况" in anchor  # the draft's placeholder part
    comment, anchor = by_code["percent-range"]
    assert anchor == "104.5%"  # the figure itself, in the indicators table (not in the point that also says 104.5%)
    # 8 is also in the text (列席8次): the missing-previous comment goes to the indicator's own row
    comment, anchor = by_code["missing-previous"]
    assert "常务会议次数" in comment.text
    root = etree.fromstring(zipfile.ZipFile(built).read("word/document.xml"))
    start = next(n for n in root.iter(qn("w:commentRangeStart")) if n.get(qn("w:id")) == str(comment.comment_id))
    row = next(a for a in start.iterancestors() if a.tag == qn("w:tr"))
    assert "常务会议次数" in "".join(t.text or "" for t in row.iter(qn("w:t")))
    assert "建议：" in comment.text and "位置：" in comment.text


def test_without_review_no_comments_and_the_same_bytes_each_time(tmp_path: Path) -> None:
    first = _build(tmp_path).read_bytes()
    assert _build(tmp_path).read_bytes() == first  # comments carry the document's date, not the clock
    source = tmp_path / "county-2023.zh-CN.yaml"
    plain = CliRunner().invoke(
        app, ["build", str(source), "-f", "docx", "--draft", "-o", str(tmp_path / "plain")], env=ZH
    )
    assert plain.exit_code == 0
    assert len(list(docx.Document(str(tmp_path / "plain" / "county-2023.zh-CN.docx")).comments)) == 0


def test_review_needs_docx(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(source), "-f", "pdf", "--review"], env=ZH)
    assert result.exit_code == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_comments(tmp_path: Path) -> None:
    built = _build(tmp_path)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt",
         "--outdir", str(tmp_path / "odt"), str(built)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    content = etree.fromstring(zipfile.ZipFile(tmp_path / "odt" / "county-2023.zh-CN.odt").read("content.xml"))
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    dc = "http://purl.org/dc/elements/1.1/"
    notes = content.findall(f".//{{{office}}}annotation")
    assert len(notes) == len(list(docx.Document(str(built)).comments))
    assert {n.findtext(f"{{{dc}}}creator") for n in notes} == {"genreport"}
    assert any("占位符" in "".join(n.itertext()) for n in notes)
