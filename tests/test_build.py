"""`genreport build`: refuses on errors and writes nothing, --draft marks and fills in place,
formats, and atomic writes that never leave half a file or a temp file behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from genreport import build as build_module
from genreport.build import WRITERS, build_file, default_formats
from genreport.cli import app
from genreport.errors import GenreportError, RenderError
from html_tree import parse

runner = CliRunner()
ZUOYUN = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
DRAFT = EXAMPLES / "draft-incomplete.zh-CN.yaml"


def invoke(*args: str):
    return runner.invoke(app, list(args))


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_default_formats_are_the_publishable_set():
    assert set(WRITERS) == {"html", "md", "pdf", "docx"}
    assert default_formats() == ["html", "md", "pdf"]  # docx only with -f docx (README)


def test_build_writes_html_md_and_pdf(tmp_path):
    result = invoke("build", str(ZUOYUN), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert files(tmp_path / "out") == ["report.html", "report.md", "report.pdf"]
    assert str(tmp_path / "out" / "report.html") in result.output
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert parse(html).find("html").attrs["lang"] == "zh-CN"
    assert "draft" not in parse(html).find("body").classes


def test_format_option_selects(tmp_path):
    result = invoke("build", str(ZUOYUN), "-o", str(tmp_path), "--format", "md")
    assert result.exit_code == 0, result.output
    assert files(tmp_path) == ["report.md"]


def test_unknown_format_exits_2(tmp_path):
    result = invoke("build", str(ZUOYUN), "-o", str(tmp_path), "--format", "html,odt")
    assert result.exit_code == 2
    assert "odt" in result.output
    assert files(tmp_path) == []


def test_refuses_on_errors_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    result = invoke("build", str(DRAFT), "-o", str(out))
    assert result.exit_code == 1
    assert "[missing-section]" in result.output and "[placeholder]" in result.output
    assert "--draft" in result.output
    assert not out.exists()


def test_refusal_leaves_earlier_outputs_alone(tmp_path):
    (tmp_path / "report.html").write_text("earlier", encoding="utf-8")
    assert invoke("build", str(DRAFT), "-o", str(tmp_path)).exit_code == 1
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "earlier"
    assert files(tmp_path) == ["report.html"]


def test_draft_builds_with_marks_and_placeholders(tmp_path):
    result = invoke("build", str(DRAFT), "-o", str(tmp_path), "--draft")
    assert result.exit_code == 0, result.output
    tree = parse((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert "draft" in tree.find("body").classes
    assert tree.find("p", "draft-mark").text == "征求意见稿"
    leaders = next(s for s in tree.find_all("section", "part") if s.attrs["id"] == "part-leaders_duties")
    placeholder = leaders.find("div", "missing")
    assert placeholder is not None
    assert placeholder.text == "【待填写】党政主要负责人学法、述法、研究部署法治建设等履职情况"  # the kind's guidance
    assert leaders.find("h2").text == "三、党政主要负责人履行推进法治建设第一责任人职责情况"
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert md.startswith("**征求意见稿**\n")
    assert "> **【待填写】**党政主要负责人学法、述法、研究部署法治建设等履职情况" in md


def test_draft_in_english_says_draft(tmp_path):
    source = (EXAMPLES / "zuoyun-2023.en.yaml").read_text(encoding="utf-8")
    path = tmp_path / "en.yaml"
    cut = source.index("  deficiencies:")
    end = source.index("  leaders_duties:")
    path.write_text(source[:cut] + source[end:], encoding="utf-8")
    result = invoke("build", str(path), "-o", str(tmp_path / "out"), "--draft")
    assert result.exit_code == 0, result.output
    tree = parse((tmp_path / "out" / "report.html").read_text(encoding="utf-8"))
    assert tree.find("p", "draft-mark").text == "DRAFT"
    assert tree.find("div", "missing").text.startswith("[To be completed] ")


def test_draft_of_an_invalid_file_is_refused(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(ZUOYUN.read_text(encoding="utf-8").replace("year: 2023", "year: '2023'"), encoding="utf-8")
    result = invoke("build", str(path), "-o", str(tmp_path / "out"), "--draft")
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_unreadable_file_exits_2(tmp_path):
    result = invoke("build", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2


def test_failed_render_keeps_the_old_files(tmp_path, monkeypatch):
    assert build_file(ZUOYUN, tmp_path).written
    before = {name: (tmp_path / name).read_bytes() for name in files(tmp_path)}

    def broken(doc):
        raise RenderError("template exploded")

    monkeypatch.setitem(WRITERS, "md", broken)
    result = invoke("build", str(ZUOYUN), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "template exploded" in result.output
    assert {name: (tmp_path / name).read_bytes() for name in files(tmp_path)} == before  # html not rewritten either


def test_failed_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module.os, "replace", failing_replace)
    with pytest.raises(GenreportError):
        build_module.write_atomic(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert files(tmp_path) == ["report.html"]


def test_interrupted_write_leaves_no_temp(tmp_path, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_module.write_atomic(tmp_path / "report.md", b"x")
    assert files(tmp_path) == []


def test_a_new_format_plugs_in(tmp_path, monkeypatch):
    monkeypatch.setitem(WRITERS, "txt", lambda doc: doc.title.encode("utf-8"))
    result = build_file(ZUOYUN, tmp_path, ["txt"])
    assert result.written == [tmp_path / "report.txt"]
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == "左云县人民政府2023年法治政府建设年度报告"


def test_every_example_builds(tmp_path):
    for path in sorted(EXAMPLES.glob("*.yaml")):
        out = tmp_path / path.stem
        draft = path.name.startswith("draft")
        # the PDF of every example is built once per session in tests/test_pdf.py
        result = build_file(path, out, ["html", "md"], draft=draft)
        assert [p.name for p in result.written] == ["report.html", "report.md"], path
