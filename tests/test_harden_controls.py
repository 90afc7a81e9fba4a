"""Issue 18 item 11: control characters are refused in data and never reach a terminal raw.

A double-quoted YAML string turns "\\e[31m", "\\a" and "\\x9d" into ESC, BEL and C1 OSC; a raw
ESC in the file is refused by the YAML reader, and the finding that says so shows its line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from genreport.build import build_file
from genreport.checks import check_file
from genreport.checks.format import format_text

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.mark.parametrize(
    "escaped", [r"\e[31m红色\e[0m", r"响铃\a", r"\e]52;c;aGVsbG8=\a", r"\x9d8;;http://x\x9c", r"\x00"]
)
def test_escaped_control_characters_are_errors_and_stay_out_of_drafts(tmp_path, valid_text, escaped):
    line = next(text for text in valid_text.splitlines() if text.startswith("          - lead: "))
    path = tmp_path / "report.yaml"
    path.write_text(valid_text.replace(line, f'          - lead: "前言{escaped}"', 1), encoding="utf-8")
    result = check_file(path)  # today: passes check, and the ESC reaches HTML and Markdown
    codes = [f.code for f in result.errors]
    assert "control-character" in codes
    finding = next(f for f in result.errors if f.code == "control-character")
    assert finding.location.line == valid_text.splitlines().index(line) + 1
    built = build_file(path, tmp_path / "out", ["html", "md"], draft=True)
    for output in built.written:
        assert not RAW.search(output.read_text(encoding="utf-8").replace("\t", "")), output


def test_a_raw_escape_sequence_is_never_echoed(tmp_path, valid_text):
    lines = valid_text.splitlines()
    number = next(i for i, text in enumerate(lines) if text.startswith("          - lead: "))
    lines[number] = "          - lead: 剪贴板\x1b]52;c;ZWNobyBwd25lZA==\x07写入"
    path = tmp_path / "report.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "LANG": "C.UTF-8"}
    run = subprocess.run(
        [sys.executable, "-m", "genreport", "check", str(path)], capture_output=True, text=True, env=env, timeout=60
    )
    assert run.returncode == 1
    assert "control-character" in run.stdout
    assert "\x1b" not in run.stdout + run.stderr and "\x07" not in run.stdout + run.stderr  # today: OSC 52 sent raw
    # shown as a visible stand-in (the source line: ␛, the Unicode picture; messages: \x1b), so the
    # user can see what to delete
    assert "␛]52;c;" in run.stdout or "\\x1b]52;c;" in run.stdout


def test_a_long_source_line_is_shown_as_a_window_around_the_caret(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 40_000 + "]" * 40_000 + "\n", encoding="utf-8")
    result = check_file(path)
    text = format_text(result.findings, result.loaded.lines, "en", False)
    assert "yaml-depth" in text and len(text) < 1_000  # today: the 80 KB line printed whole
    source, caret = text.splitlines()[1:3]
    assert source.index("|") == caret.index("|")
    assert len(source) < 120 and source.index("|") < caret.index("^") < len(source)


def test_a_file_name_with_an_escape_sequence_is_not_echoed_raw(tmp_path):
    path = tmp_path / "r\x1b]52;c;aGk=\x07.yaml"  # does not exist: the error names it
    env = {**os.environ, "LANG": "C.UTF-8"}
    run = subprocess.run(
        [sys.executable, "-m", "genreport", "check", str(path)], capture_output=True, text=True, env=env, timeout=60
    )
    assert run.returncode == 2
    assert "\x1b" not in run.stdout + run.stderr and "\\x1b]52" in run.stderr
