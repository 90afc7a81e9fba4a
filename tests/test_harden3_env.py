"""Issue 27 item 15: every environment value genreport reads is checked, and a bad one is a message.

GENREPORT_BATCH_TIMEOUT=1e309 and a relative XDG_CACHE_HOME ended in "internal error". Now a
value that cannot be used stops the command with one line naming the variable (exit 2), and a
value that is passed over (as the XDG spec says of a relative path) is named in a note.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from typer.testing import CliRunner

from genreport import environment
from genreport.cli import app

VALID = DATA / "valid.zh-CN.yaml"
EN = {"LANG": "en_US.UTF-8"}


def invoke(args: list[str], **env: str | None):
    return CliRunner().invoke(app, args, env={**EN, **env})


@pytest.mark.parametrize("value", ["1e309", "inf", "nan", "-1", "abc", "2e6", "\x1b[31m9"])
def test_a_batch_timeout_that_is_no_usable_number_stops_the_batch_before_any_report(tmp_path, value):
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(VALID, reports / name)
    result = invoke(
        ["build", str(reports), "-o", str(tmp_path / "out"), "-f", "md", "-j", "2"], GENREPORT_BATCH_TIMEOUT=value
    )
    assert result.exit_code == 2, result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    shown = value.encode("unicode_escape").decode() if not value.isprintable() else value
    assert (
        f"the environment variable GENREPORT_BATCH_TIMEOUT={shown} is not valid: it wants seconds from 0"
        in result.output
    )
    assert "\x1b" not in result.output  # an escape sequence in the value never reaches the terminal
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("value", "seconds"), [("", 600.0), ("0", None), (" 900 ", 900.0), ("1.5", 1.5), ("1e6", 1e6)])
def test_batch_timeouts_that_are_taken(monkeypatch, value, seconds):
    monkeypatch.setenv("GENREPORT_BATCH_TIMEOUT", value)
    assert environment.batch_timeout() == seconds


def test_the_batch_timeout_message_is_in_chinese_for_a_chinese_user(tmp_path):
    result = CliRunner().invoke(
        app,
        ["build", str(VALID), str(VALID), "-o", str(tmp_path), "-f", "md"],
        env={"LANG": "zh_CN.UTF-8", "GENREPORT_BATCH_TIMEOUT": "1e309"},
    )
    assert result.exit_code == 2
    assert "环境变量 GENREPORT_BATCH_TIMEOUT=1e309 无效：应为 0 到 1000000 之间的秒数" in result.output


def _pdf_build(cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "HOME")} | EN | env
    return subprocess.run(
        [sys.executable, "-m", "genreport", "build", str(VALID), "-o", "out", "-f", "pdf"],
        capture_output=True, text=True, env=full, cwd=cwd, timeout=180,
    )  # fmt: skip


@pytest.mark.parametrize("variable", ["XDG_CACHE_HOME", "HOME"])
def test_a_relative_cache_home_is_passed_over_with_a_note_and_the_pdf_is_built(tmp_path, variable):
    from pypdf import PdfReader

    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    env = (
        {"XDG_CACHE_HOME": "relative-cache", "HOME": str(home)}
        if variable == "XDG_CACHE_HOME"
        else {"HOME": "relative-home"}
    )
    run = _pdf_build(work, env)
    assert run.returncode == 0, run.stderr
    assert "internal error" not in run.stderr
    value = env[variable]
    assert f"note: {variable}={value} is not an absolute path, so it is ignored" in run.stderr
    pdf = work / "out" / "valid.zh-CN.pdf"
    assert "法治政府建设" in PdfReader(pdf).pages[0].extract_text()
    assert sorted(p.name for p in work.iterdir()) == ["out"]  # no cache folder made relative to the working folder
    if variable == "XDG_CACHE_HOME":
        assert (home / ".cache" / "genreport" / "fonts").is_dir()  # the spec's default took its place


def test_a_genreport_home_without_templates_is_refused_by_name(tmp_path):
    (tmp_path / "empty").mkdir()
    for value in (str(tmp_path / "empty"), str(tmp_path / "missing"), "relative/nowhere"):
        result = invoke(["check", "--lang", "en", str(VALID)], GENREPORT_HOME=value)
        assert result.exit_code == 2, result.output
        assert f"GENREPORT_HOME={value} is not valid: it holds no templates/ or styles/" in result.output


def test_a_genreport_home_given_relative_is_read_from_where_it_points(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    for name in ("templates", "styles"):
        shutil.copytree(ROOT / name, home / name)
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", str(VALID)], GENREPORT_HOME="home")
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("GENREPORT_HOME", "home")
    assert environment.genreport_home() == home  # absolute: the same folder for a helper or worker


def test_a_kind_path_folder_that_does_not_exist_is_named_and_passed_over(tmp_path):
    missing = tmp_path / "no-kinds"
    result = invoke(
        ["check", "--lang", "en", str(VALID)], GENREPORT_KIND_PATH=os.pathsep.join([str(missing), "", "also-missing"])
    )
    assert result.exit_code == 0, result.output
    assert f"note: {missing} on GENREPORT_KIND_PATH is not a folder, so it is ignored" in result.output
    assert "also-missing on GENREPORT_KIND_PATH is not a folder" in result.output


def test_a_font_dir_that_does_not_exist_is_refused(tmp_path):
    result = invoke(["fonts", "--locale", "en"], GENREPORT_FONT_DIR=str(tmp_path / "none"))
    assert result.exit_code == 2
    assert f"font folder {tmp_path / 'none'} does not exist" in result.output


def test_a_relative_font_dir_is_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GENREPORT_FONT_DIR", "fonts")
    assert environment.font_dir() == tmp_path / "fonts"


@pytest.mark.parametrize(("value", "off"), [(None, False), ("", False), ("1", True), ("anything", True)])
def test_no_color_counts_only_when_set_and_not_empty(monkeypatch, value, off):
    # no-color.org: "when present and not an empty string"
    if value is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", value)
    assert environment.no_colour() is off


# Read outside environment.py on purpose (its docstring says why): the PDF helper's switch and
# LD_LIBRARY_PATH (pdf/), and the run folder genreport names itself (run_folder.py).
# Besides environment.py: the PDF helper's switch (set by launch.py as `pdf_helper.ENV_SWITCH`),
# the speed switches of speed.py (`ENV`, `in os.environ`), the loader path, and whether a display
# exists (preview opens a browser only then: DISPLAY, WAYLAND_DISPLAY are not genreport settings).
ALLOWED_ELSEWHERE = {"GENREPORT_PDF_HELPER", "LD_LIBRARY_PATH", "ENV", "ENV_SWITCH", "pdf_helper", "in os.environ",
                     "DISPLAY", "WAYLAND_DISPLAY"}  # fmt: skip


def test_every_environment_value_is_read_through_environment_py():
    read = re.compile(r"os\.environ(?:\.get)?[\[(]\s*([A-Za-z_\"']+)|os\.getenv\(\s*([A-Za-z_\"']+)|in os\.environ")
    elsewhere: dict[str, set[str]] = {}
    for path in (ROOT / "generator").rglob("*.py"):
        if path.name == "environment.py":
            continue
        for match in read.finditer(path.read_text(encoding="utf-8")):
            name = (match.group(1) or match.group(2) or "in os.environ").strip("\"'")
            elsewhere.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    assert set(elsewhere) <= ALLOWED_ELSEWHERE, elsewhere


def test_a_relative_run_folder_is_not_taken(tmp_path, monkeypatch):
    from genreport import run_folder

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GENREPORT_RUN_TMP", "relative-run")
    folder = run_folder.folder()
    assert folder.is_absolute() and folder.is_dir() and not (tmp_path / "relative-run").exists()


def test_a_pdf_helper_switch_that_is_neither_0_nor_1_is_named(tmp_path):
    result = invoke(["check", "--lang", "en", str(VALID)], GENREPORT_PDF_HELPER="off")
    assert result.exit_code == 0
    assert "note: GENREPORT_PDF_HELPER=off can be 0 or 1 only; taken as 1" in result.output
    assert "GENREPORT_PDF_HELPER" not in invoke(["check", str(VALID)], GENREPORT_PDF_HELPER="0").output
