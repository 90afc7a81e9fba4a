"""fontconfig aliases (make setup: .ci/font-aliases): the .docx's official font names -> the PDF's open fonts,
so that LibreOffice on Linux opens the review copy in 仿宋 and not in sans; `genreport fonts` says so."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from genreport.cli import app
from genreport.fonts.aliases import FILE_NAME, aliases_xml

ROOT = Path(__file__).resolve().parent.parent
FANDOL = shutil.which("fc-list") and "FandolFang" in subprocess.run(["fc-list"], capture_output=True, text=True).stdout


def _rules() -> dict[str, str]:
    """Each official name -> the family it falls back to (an <accept>: after the real font, if
    installed; 小标宋's, a match that also asks for bold, as "family bold")."""
    root = etree.fromstring(aliases_xml().encode())
    rules = {alias.findtext("family"): alias.findtext("accept/family") for alias in root.iter("alias")}
    for match in root.iter("match"):
        rules[match.findtext("test[@name='family']/string")] = match.findtext("edit[@name='family']/string") + " bold"
    return rules


def test_the_official_names_map_to_the_pdfs_fonts() -> None:
    rules = _rules()
    for name in ("仿宋_GB2312", "仿宋", "FangSong"):
        assert rules[name] == "FandolFang"
    for name in ("楷体_GB2312", "楷体", "KaiTi"):
        assert rules[name] == "FandolKai"
    assert rules["黑体"] == "Noto Sans CJK SC"
    assert rules["方正小标宋简体"] == "Noto Serif CJK SC bold"
    assert rules["宋体"] == "Noto Serif CJK SC"
    assert rules["仿宋_GB2312"] == "FandolFang" and "仿宋_GB2312</string>" not in aliases_xml()  # never assigned


def _install(folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FONT_ALIASES_DIR": str(folder)}
    python = str(Path(os.sys.executable))
    return subprocess.run(
        ["bash", str(ROOT / ".ci" / "font-aliases"), python],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )


def _config(tmp_path: Path, include: Path | None) -> Path:
    """A fontconfig configuration with the system's fonts and, when given, the aliases file. Without
    one it does not read /etc/fonts/ (where `make setup` has installed the aliases on this machine)."""
    if include:
        body = f"<include>/etc/fonts/fonts.conf</include><include>{include}</include>"
        config = tmp_path / "fonts.conf"
    else:
        body = (
            f"<dir>/usr/share/fonts</dir><dir>/usr/local/share/fonts</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir>"
        )
        config = tmp_path / "fonts-without-aliases.conf"
    config.write_text(f"<?xml version='1.0'?><fontconfig>{body}</fontconfig>", encoding="utf-8")
    return config


@pytest.mark.skipif(not FANDOL, reason="the Fandol fonts are not installed (make setup)")
def test_the_setup_script_installs_them_once_and_fontconfig_follows(tmp_path: Path) -> None:
    folder = tmp_path / "conf.d"
    first = _install(folder)
    assert "installed fontconfig aliases" in first.stdout
    installed = folder / FILE_NAME
    assert installed.read_text(encoding="utf-8") == aliases_xml()
    assert _install(folder).stdout == ""  # up to date: left alone
    env = {**os.environ, "FONTCONFIG_FILE": str(_config(tmp_path, installed))}
    got = subprocess.run(
        ["fc-match", "-f", "%{family[0]}", "仿宋_GB2312"], capture_output=True, text=True, env=env, check=True
    )
    assert got.stdout == "FandolFang"
    with_aliases = CliRunner().invoke(
        app, ["fonts", "-l", "zh-CN"], env={"FONTCONFIG_FILE": env["FONTCONFIG_FILE"], "LANG": "zh_CN.UTF-8"}
    )
    assert "fontconfig 别名：已安装" in with_aliases.output and "仿宋_GB2312 → FandolFang" in with_aliases.output
    without = CliRunner().invoke(
        app, ["fonts", "-l", "zh-CN"], env={"FONTCONFIG_FILE": str(_config(tmp_path, None)), "LANG": "zh_CN.UTF-8"}
    )
    assert "fontconfig 别名：未安装" in without.output and "make setup" in without.output
