"""Issue 24, item 8: `-f pdf -f docx` and `-f pdf,docx` both build both (the last option no longer
wins silently), and `preview` says on the address's own line to open it in a browser (and opens
one itself by default where this machine has a display)."""

from __future__ import annotations

import os
import subprocess
import sys

import docx
import pytest
from conftest import DATA, output
from preview_helpers import PreviewProcess
from pypdf import PdfReader
from typer.testing import CliRunner

from genreport.cli import app
from genreport.cli.preview import address_line, has_display

VALID = DATA / "valid.zh-CN.yaml"


def _names(folder):
    return sorted(p.suffix for p in folder.iterdir())


@pytest.mark.parametrize(
    "args",
    [
        ["-f", "md", "-f", "html"],
        ["-f", "md,html"],
        ["--format", "html", "--format=md"],
        ["-f", "md, html", "-f", "md"],
    ],
)
def test_every_format_named_is_built(tmp_path, args):
    result = CliRunner().invoke(app, ["build", str(VALID), "-o", str(tmp_path), *args])
    assert result.exit_code == 0, result.output
    assert _names(tmp_path) == [".html", ".md"]
    assert "左云县人民政府" in output(tmp_path, "md").read_text(encoding="utf-8")


def test_pdf_and_docx_repeated_both_built_and_readable(tmp_path):
    result = CliRunner().invoke(app, ["build", str(VALID), "-o", str(tmp_path), "-f", "pdf", "-f", "docx"])
    assert result.exit_code == 0, result.output
    assert _names(tmp_path) == [".docx", ".pdf"]
    pdf_text = "".join(page.extract_text() for page in PdfReader(output(tmp_path, "pdf")).pages)
    assert "推进简政放权" in pdf_text
    paragraphs = [p.text for p in docx.Document(str(output(tmp_path, "docx"))).paragraphs]
    assert any("推进简政放权" in p for p in paragraphs)


def _genreport(*args: str, lang: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "genreport", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_an_unknown_format_among_several_is_named_in_the_users_language(tmp_path):
    zh = _genreport("build", str(VALID), "-o", str(tmp_path), "-f", "md", "-f", "odt", lang="C.UTF-8")
    assert zh.returncode == 2 and list(tmp_path.iterdir()) == []
    assert "错误：--format 的值无效：未知的格式 odt；可用：html、md、pdf、docx" in zh.stderr
    en = _genreport("build", str(VALID), "-o", str(tmp_path), "-f", "md", "-f", "odt", lang="en_US.UTF-8")
    assert en.returncode == 2
    assert "Invalid value for --format: unknown format odt; available: html, md, pdf, docx" in en.stderr


def test_preview_says_on_the_address_line_to_open_it(tmp_path):
    report = tmp_path / "r.zh-CN.yaml"
    report.write_text(VALID.read_text(encoding="utf-8"), encoding="utf-8")
    with PreviewProcess(report) as server:
        assert server.url.startswith("http://127.0.0.1:") and server.url.endswith("/")
        assert server.address_line == f"{server.url}  （在浏览器中打开这个地址即可查看草稿）"
    english = tmp_path / "r.en.yaml"
    english.write_text(
        (DATA.parent.parent / "examples" / "zuoyun-2023.en.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with PreviewProcess(english) as server:
        assert server.address_line == f"{server.url}  (open this address in a web browser to read the draft)"


def test_the_line_says_when_the_browser_was_opened():
    assert (
        address_line("http://127.0.0.1:8000/", "zh-CN", True)
        == "http://127.0.0.1:8000/  （已在浏览器中打开；若未显示，请把这个地址复制到浏览器）"
    )
    assert address_line("http://127.0.0.1:8000/", "en", True).startswith(
        "http://127.0.0.1:8000/  (opened in your web browser"
    )


def test_a_browser_is_opened_by_default_only_where_there_is_a_display(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert not has_display()  # a server over ssh: say where to open it, open nothing
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert has_display()
    monkeypatch.delenv("WAYLAND_DISPLAY")
    monkeypatch.setenv("DISPLAY", ":0")
    assert has_display()
