"""`genreport verify-layout` on the command line (exit 0 / 1 / 2 as check), and the renderer's fetcher."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pdf_helpers import EXAMPLES, example_pdf
from render_helpers import document
from typer.testing import CliRunner

from genreport.cli import app
from genreport.errors import RenderError
from genreport.pdf.fetcher import RefusedURL, RestrictedFetcher
from genreport.pdf.prepare import PdfSettings, render_pdf
from genreport.resources import styles_dir


def invoke(*args: str):
    """In English: these tests read the English wording (test_cli_chinese.py reads the Chinese)."""
    return CliRunner().invoke(app, list(args), env={"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})


def test_a_good_pdf_exits_0_and_shows_the_grid():
    result = invoke("verify-layout", str(example_pdf("zuoyun-2023.zh-CN")))
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output
    assert "line pitch 28.99 pt" in result.output and "28 (" in result.output and "left 28.0" in result.output
    assert "0 deviations, 0 not verified" in result.output


def test_all_lists_each_check_with_its_clause():
    output = invoke("verify-layout", "--all", str(example_pdf("zuoyun-2023.zh-CN"))).output
    for clause in (
        "§5.1",
        "§5.2.1",
        "§5.2.2",
        "§5.2.3",
        "§7.2.5",
        "§7.3.1",
        "§7.3.2",
        "§7.3.3",
        "§7.3.4",
        "§7.3.5",
        "§7.3.6",
        "§7.4",
        "§7.5",
    ):
        assert f"ok           {clause} " in output, clause


def test_json_has_every_result_and_the_grid():
    data = json.loads(invoke("verify-layout", "-f", "json", str(example_pdf("joint-2023.zh-CN"))).output)
    assert data["format"] == "genreport.layout" and data["version"] == 1
    assert {r["status"] for r in data["results"]} <= {"ok", "n/a"}
    assert data["grid"]["pitch_pt"] == pytest.approx(28.99, abs=0.01)
    assert data["pages"][-1] == "imprint" and len(data["pages"]) % 2 == 0  # the 版记 on an even page


def test_a_deviation_exits_1(tmp_path):
    path = tmp_path / "wide.pdf"
    path.write_bytes(
        render_pdf(document(EXAMPLES / "joint-2023.zh-CN.yaml"), PdfSettings(extra_css="@page { margin-left: 20mm; }"))
    )
    result = invoke("verify-layout", str(path))
    assert result.exit_code == 1
    assert result.output.startswith("FAIL         §5.2.1 left margin 28 ± 1 mm: 20.0 mm")


def test_not_verified_is_never_a_pass_and_strict_makes_it_fail(tmp_path):
    # a sealed draft not yet dated: the signature block cannot be found without its date line,
    # so §7.3.5 is not verified (and not passed)
    data = tmp_path / "undated.yaml"
    text = (EXAMPLES / "joint-2023.zh-CN.yaml").read_text(encoding="utf-8")
    data.write_text(re.sub(r"(?m)^signed_on: .*\n", "", text), encoding="utf-8")
    path = tmp_path / "nodate.pdf"
    path.write_bytes(render_pdf(document(data, draft=True)))
    result = invoke("verify-layout", str(path))
    assert "not verified §7.3.5 signature and date: no date line" in result.output
    assert "ok           §7.3.5" not in invoke("verify-layout", "--all", str(path)).output
    assert "§7.3.5" not in "".join(line for line in result.output.splitlines() if line.startswith("FAIL"))
    # not verified alone does not fail the run (this undated draft may also end a page two lines
    # early, WeasyPrint's pagination of the one layout: that is a deviation of its own, exit 1)
    assert result.exit_code == (1 if "\nFAIL" in "\n" + result.output else 0)
    assert invoke("verify-layout", "--strict", str(path)).exit_code == 1


def test_a_版记_without_rules_is_a_deviation(tmp_path):
    path = tmp_path / "norules.pdf"
    css = ".imprint .copies-to, .imprint .printed { border: none; }"
    path.write_bytes(render_pdf(document(EXAMPLES / "joint-2023.zh-CN.yaml"), PdfSettings(extra_css=css)))
    result = invoke("verify-layout", str(path))
    assert result.exit_code == 1
    assert "FAIL         §7.4 版记 rules" in result.output and "0 full-width rules found" in result.output


@pytest.mark.parametrize("content", [b"", b"%PDF-1.7\n%broken", b"plain text"])
def test_a_file_that_is_not_a_pdf_exits_2(tmp_path, content):
    path = tmp_path / "x.pdf"
    path.write_bytes(content)
    result = CliRunner().invoke(app, ["verify-layout", str(path)], env={"LANG": "en_US.UTF-8"})
    assert result.exit_code == 2
    assert "not a readable PDF" in result.output


def test_a_missing_file_exits_2(tmp_path):
    assert invoke("verify-layout", str(tmp_path / "nope.pdf")).exit_code == 2


def test_an_en_pdf_is_only_checked_for_a4():
    result = invoke("verify-layout", "--all", str(example_pdf("zuoyun-2023.en")))
    assert result.exit_code == 0
    assert "GB/T 9704 applies to zh-CN reports" in result.output


# ------------------------------------------------------------------ the fetcher ---


def test_the_fetcher_serves_styles_and_the_users_fonts_only(tmp_path):
    font = tmp_path / "fonts" / "x.ttf"
    font.parent.mkdir()
    font.write_bytes(b"font")
    fetcher = RestrictedFetcher([styles_dir()], [font])
    assert fetcher.fetch((styles_dir() / "gbt9704.css").as_uri()).read().startswith(b"/*")
    assert fetcher.fetch(font.as_uri()).read() == b"font"
    assert fetcher.fetch("data:text/plain,hi").read() == b"hi"
    refused = ["file:///etc/passwd", (styles_dir() / ".." / "pyproject.toml").as_uri(), "https://example.org/a.png",
               "http://127.0.0.1/", "ftp://example.org/x", (tmp_path / "fonts" / "other.ttf").as_uri()]  # fmt: skip
    for url in refused:
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    assert fetcher.refused == refused


def test_a_stylesheet_that_asks_for_a_refused_url_fails_the_build():
    doc = document(EXAMPLES / "joint-2023.zh-CN.yaml")
    with pytest.raises(RenderError, match="file:///etc/hostname"):
        render_pdf(doc, PdfSettings(extra_css='body { background: url("file:///etc/hostname"); }'))


def test_a_stylesheet_may_use_files_under_styles(tmp_path):
    doc = document(EXAMPLES / "joint-2023.zh-CN.yaml")
    css = f'@import url("{Path(styles_dir() / "gbt9704.css").as_uri()}");'
    assert render_pdf(doc, PdfSettings(extra_css=css)).startswith(b"%PDF")
