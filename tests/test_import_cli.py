"""`genreport import` on the command line: what it writes and prints, and every input it refuses
(exit 2, one line in the user's language, no traceback): not a .docx, a zip bomb, an old .doc,
a file over the size limit, a device or pipe, an unknown type, an empty file. Nothing an input
references (links, images, scripts, macros) is fetched or run.
"""

from __future__ import annotations

import io
import os
import socket
import zipfile
from pathlib import Path

import pytest
from conftest import DATA
from typer.testing import CliRunner

from genreport.cli import app
from genreport.importer.blocks import MAX_INPUT_BYTES

runner = CliRunner()
PAGE = DATA / "import" / "zuoyun-2023-gov-page.html"
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def run(*args: str, env: dict[str, str] = ZH):
    return runner.invoke(app, ["import", *args], env=env)


def test_writes_the_data_file_and_reports(tmp_path: Path) -> None:
    target = tmp_path / "zuoyun-2023.yaml"
    result = run(str(PAGE), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.exists() and (tmp_path / "genreport.schema.json").exists()
    assert str(target) in result.stdout
    # the report, in the reader's language, each line with its place in the source
    assert "已识别" in result.stderr and "推测（请核对）" in result.stderr
    assert "第31段: 附注：（此件公开发布）" in result.stderr
    assert "下一步：核对后运行 genreport check" in result.stderr
    assert runner.invoke(app, ["check", str(target)]).exit_code == 0


def test_default_name_refuses_to_overwrite(tmp_path: Path) -> None:
    source = tmp_path / "last-year.md"
    source.write_text((DATA / "import" / "zuoyun-2023-no-recipient.md").read_text(encoding="utf-8"), encoding="utf-8")
    first = run(str(source))
    assert first.exit_code == 0, first.output
    assert (tmp_path / "last-year.yaml").exists()
    second = run(str(source))
    assert second.exit_code == 2
    assert "已存在" in second.stderr and "--force" in second.stderr
    assert run(str(source), "--force").exit_code == 0


def test_standard_output(tmp_path: Path) -> None:
    result = run(str(PAGE), "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# yaml-language-server: $schema=")
    assert "document_number: 左政发〔2024〕2号" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_locale_option_and_english_messages(tmp_path: Path) -> None:
    result = run(str(PAGE), "-o", str(tmp_path / "x.yaml"), "--locale", "zh-CN", env=EN)
    assert result.exit_code == 0
    # the report's language is the document's: a Chinese report gets its notes in Chinese
    assert "已识别" in result.stderr
    bad = run(str(tmp_path / "missing.docx"), env=EN)
    assert bad.exit_code == 2 and bad.stderr.strip().endswith("no such file")


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


REFUSED = {
    "not-a-zip.docx": (b"PK\x03\x04 this is not really a zip archive", "不是有效的 .docx 文件"),
    "report.doc.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, "旧版 Word 文件（.doc）"),
    "bomb.docx": (
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<" + b" " * (8 * 1024 * 1024)}),
        "压缩炸弹",
    ),
    "no-document.docx": (
        _zip({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<styles/>"}),
        "没有 word/document.xml",
    ),
    "broken-xml.docx": (
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"}),
        "无法读取 Word 文档内容",
    ),
    "report.pdf": (b"%PDF-1.7\n", "不支持的文件类型"),
    "empty.txt": (b"", "文件中没有文字"),
    "blank.html": (b"<html><body><script>alert(1)</script>  </body></html>", "文件中没有文字"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_inputs(name: str, tmp_path: Path) -> None:
    data, message = REFUSED[name]
    source = tmp_path / name
    source.write_bytes(data)
    result = run(str(source), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.yaml").exists()


def test_size_limit_and_pipes(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as stream:
        stream.truncate(MAX_INPUT_BYTES + 1)
    result = run(str(big))
    assert result.exit_code == 2 and "文件过大" in result.stderr
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run(str(fifo))  # would block forever if it were opened
    assert result.exit_code == 2 and "不是普通文件" in result.stderr
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    assert run(str(folder)).exit_code == 2


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_nothing_referenced_is_fetched_or_run(tmp_path: Path, no_network: None) -> None:
    """Links, images, scripts, iframes and a Word file's macros and external links are text at most."""
    import docx

    document = docx.Document()
    document.add_paragraph("左云县人民政府2023年法治政府建设年度报告")
    document.add_paragraph("一、上一年度推进法治政府建设的主要举措和成效")
    paragraph = document.add_paragraph("全年承接下放行政职权11项。")
    part = document.part
    part.relate_to(
        "http://example.invalid/track.png",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
        is_external=True,
    )
    part.relate_to(
        "http://example.invalid/page",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    paragraph.add_run("详见网站。")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/vbaProject.bin", b'Attribute VB_Name = "AutoOpen"\nShell "calc.exe"')
    source = tmp_path / "with-macro.docm"
    source.write_bytes(buffer.getvalue())
    result = run(str(source), "-o", str(tmp_path / "docm.yaml"))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "docm.yaml").read_text(encoding="utf-8")
    assert "全年承接下放行政职权11项。详见网站。" in text and "example.invalid" not in text and "calc" not in text

    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><link rel="stylesheet" href="http://example.invalid/a.css"><script src="http://example.invalid/a.js"></script></head>'
        '<body><h1>左云县人民政府2023年法治政府建设年度报告</h1><iframe src="http://example.invalid/frame"></iframe>'
        '<p>一、上一年度推进法治政府建设的主要举措和成效</p><p><img src="http://example.invalid/x.png" onerror="alert(1)">'
        '全年承接<a href="javascript:alert(1)">下放</a>行政职权11项。</p><script>document.write("一、注入")</script></body></html>',
        encoding="utf-8",
    )
    result = run(str(page), "-o", str(tmp_path / "page.yaml"))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "page.yaml").read_text(encoding="utf-8")
    assert "全年承接下放行政职权11项。" in text
    for active in ("example.invalid", "javascript", "alert", "注入", "onerror"):
        assert active not in text


def test_another_kind_by_its_own_headings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(DATA / "kinds"))
    source = tmp_path / "brief.txt"
    source.write_text(
        "左云县司法局2023年工作简报\n\n一、工作概况\n全年办理法律援助案件60件，接待法律咨询2032人次。\n"
        "二、公共法律服务\n办理公证事项420件。\n三、下一步打算\n无。\n\n左云县司法局\n2024年1月10日\n",
        encoding="utf-8",
    )
    target = tmp_path / "brief.yaml"
    result = run(str(source), "--kind", "minimal", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "kind: minimal" in text
    check = runner.invoke(app, ["check", str(target)])
    assert check.exit_code == 0, check.output
    from genreport.yearly.report_file import read_report

    report, _ = read_report(target)
    assert list(report.sections) == ["summary", "plans"]
    # a heading that is none of the kind's parts: a subsection of the part before it, and said so
    assert report.sections["summary"].subsections[0].heading == "公共法律服务"
    assert "不对应任何一部分" in result.stderr
    assert report.sections["plans"].none
    assert report.issuers[0].level == "department"


def test_build_outputs_import_by_their_names(tmp_path: Path) -> None:
    """`build -f html,md,docx` names its outputs after the data file; each imports back, the
    indicators attachment listed in the report as candidates, and the imported file checks clean."""
    from conftest import EXAMPLES

    example = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
    built = runner.invoke(app, ["build", str(example), "-f", "html,md,docx", "-o", str(tmp_path / "out")], env=ZH)
    assert built.exit_code == 0, built.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"zuoyun-2023.zh-CN.{fmt}" for fmt in ("docx", "html", "md")
    ]
    for fmt in ("docx", "html", "md"):
        target = tmp_path / f"from-{fmt}.yaml"
        result = run(str(tmp_path / "out" / f"zuoyun-2023.zh-CN.{fmt}"), "-o", str(target))
        assert result.exit_code == 0, result.output
        assert "附件说明：" in result.stderr
        assert "由 indicators 生成的主要指标表和图：未作为附件导入，表中 20 项指标写在文件末尾的注释中" in result.stderr
        assert "附件：左云县2023年度法治政府建设重点任务完成情况表" in result.stderr  # the user's attachment stays one
        assert "#     label: 承接市级下放行政职权" in target.read_text(encoding="utf-8")
        checked = runner.invoke(app, ["check", str(target)], env=ZH)
        assert checked.exit_code == 0, checked.output
