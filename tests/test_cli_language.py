"""Issue 15, items 8 and 10: the command line speaks the language the zh-CN user works in:
`init` reads a Chinese issuer as zh-CN, batch/fonts/init --from/the GBK message follow the
report (or zh-CN when the locale names no language), --help is Chinese under LANG=zh_CN.*."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import DATA
from typer.testing import CliRunner

from genreport.cli import app
from genreport.cli.help_zh import HELP_ZH

GBK = DATA / "bad" / "gbk.yaml"
C = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def run(*args: str, env: dict[str, str] = C):
    return CliRunner().invoke(app, list(args), env=env)


def genreport(*args: str, lang: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "genreport", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_init_with_a_chinese_issuer_writes_zh_cn_and_says_so(tmp_path):
    target = tmp_path / "r.yaml"
    result = run("init", "--issuer", "某市人民政府", "--year", "2024", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "\nlocale: zh-CN\n" in text and "【待填】" in text and "TODO" not in text
    assert "报告语言：zh-CN（中文，发文机关名称是中文）；如需英文报告，加 --locale en" in result.output


def test_init_without_a_chinese_name_follows_an_english_locale(tmp_path):
    target = tmp_path / "r.yaml"
    result = run(
        "init", "--issuer", "Some County", "--year", "2024", "-o", str(target), env={**C, "LANG": "en_GB.UTF-8"}
    )
    assert "\nlocale: en\n" in target.read_text(encoding="utf-8")
    assert (
        "report language: en (English, from your system's language); for a Chinese report, add --locale zh-CN"
        in result.output
    )


def test_init_locale_option_wins_and_is_not_announced(tmp_path):
    target = tmp_path / "r.yaml"
    result = run("init", "--issuer", "某市人民政府", "--locale", "en", "-o", str(target))
    assert "\nlocale: en\n" in target.read_text(encoding="utf-8")
    assert "report language" not in result.output and "报告语言" not in result.output


def test_init_from_a_broken_file_speaks_its_language(write, valid_text):
    broken = write(valid_text.replace("recipient: 大同市人民政府", "recipient：大同市人民政府"), "last.yaml")
    result = run("init", "--from", str(broken), "-o", "-")
    assert result.exit_code == 2
    assert "无法读取为报告数据" in result.output and "字段名 recipient 后面用了全角冒号" in result.output


def test_gbk_message_in_chinese_and_as_json():
    text = run("check", str(GBK))
    assert text.exit_code == 2
    assert text.output.strip() == f"{GBK}:6: 文件不是 UTF-8 编码（可能是 GBK）；请在编辑器中另存为 UTF-8"
    english = run("check", "--lang", "en", str(GBK))
    assert english.output.strip() == f"{GBK}:6: the file is not UTF-8 (GBK, perhaps); save it as UTF-8 in your editor"
    machine = run("check", "--format", "json", str(GBK))
    assert machine.exit_code == 2
    envelope = json.loads(machine.stdout)
    assert envelope["lang"] == "zh-CN" and envelope["summary"] == {"errors": 1, "warnings": 0}
    (finding,) = envelope["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("not-utf8", 6, 1)
    assert finding["message"].endswith("文件不是 UTF-8 编码（可能是 GBK）；请在编辑器中另存为 UTF-8")


def test_fonts_in_chinese_when_the_locale_names_no_language():
    result = run("fonts", "--locale", "zh-CN")
    assert result.exit_code == 0
    assert "角色" in result.output and "替代" in result.output and "substitute" not in result.output


def test_batch_progress_and_summary_follow_the_reports(tmp_path, valid_text):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.yaml").write_text(valid_text, encoding="utf-8")
    (folder / "b.yaml").write_text(valid_text.replace("  deficiencies:", "  deficiencies_x:"), encoding="utf-8")
    result = run(
        "build", str(folder), "-o", str(tmp_path / "out"), "-f", "md", "-j", "1", env={**C, "LANG": "en_US.UTF-8"}
    )
    assert result.exit_code == 1
    assert re.search(r"^\[1/2\] 已生成 +.*a\.yaml", result.stderr, re.MULTILINE)  # progress, in the reports' language
    assert re.search(r"^文件 +结果 +页数", result.stdout, re.MULTILINE)  # the summary table's head
    assert "共 2 份：已生成 1，因错误未生成 1，失败 0" in result.stdout


def test_help_in_chinese_for_a_chinese_locale():
    result = genreport("check", "--help", lang="zh_CN.UTF-8")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：genreport check [选项]")
    assert "检查数据文件：缺少的部分、未替换的占位符、类型错误、日期、数字。" in result.stdout
    assert "把警告也当作错误（退出码 1）。" in result.stdout and "显示本帮助并退出。" in result.stdout
    assert "Treat warnings" not in result.stdout
    english = genreport("check", "--help", lang="en_US.UTF-8")
    assert (
        english.stdout.startswith("Usage: genreport check [OPTIONS]")
        and "Treat warnings as errors (exit 1)." in english.stdout
    )


def _commands() -> list[str]:
    import typer.main

    return sorted(typer.main.get_command(app).commands)


def test_every_command_is_checked_for_its_chinese_help():
    assert {"check", "build", "preview", "kinds", "init", "diff", "schema", "fonts", "verify-layout", "import"} <= set(
        _commands()
    )


@pytest.mark.parametrize("command", _commands())
def test_every_help_text_has_its_chinese(command):
    import typer.main

    root = typer.main.get_command(app)
    sub = root.commands[command]
    texts = [sub.help] + [p.help for p in sub.params if getattr(p, "help", None)]
    assert [t for t in texts if t not in HELP_ZH] == []
    assert all(re.search("[\u4e00-\u9fff]", HELP_ZH[t]) for t in texts)


@pytest.mark.parametrize("command", ["check", "build", "init", "fonts", "verify-layout"])
def test_help_has_no_stray_dot_and_flags_take_no_value(command):
    result = run(command, "--help", env={**C, "COLUMNS": "200"})
    assert not re.search(r"\s\.\s*$", result.output, re.MULTILINE), result.output
    assert "<bool>" not in result.output
    assert re.search(r"^\s+--help\s+Show this message", result.output, re.MULTILINE) or "显示本帮助" in result.output


def test_strict_is_a_plain_flag(write, valid_text):
    path = write(valid_text.replace("左政发〔2024〕2号", "左政发[2024]2号"))
    assert run("check", "--strict", str(path)).exit_code == 1
    assert run("check", str(path)).exit_code == 0


def test_last_years_broken_file_is_explained_in_chinese(write, valid_text):
    last = write(valid_text.replace("recipient: 大同市人民政府", "recipient：大同市人民政府"), "last.yaml")
    result = run("check", "--previous", str(last), str(write(valid_text)))
    assert result.exit_code == 2
    assert f"{last}: 上年报告无法读取，先修正它。{last}:8:10: 字段名 recipient 后面用了全角冒号“：”" in result.output


@pytest.mark.parametrize(
    ("args", "last_line"),
    [
        (["check"], "错误：缺少参数 file。"),
        (["check", "--strict", "true", "r.yaml"], "错误：多余的参数：r.yaml（开关选项如 --strict 后面不跟值）"),
        (
            ["check", "--format", "xml", "r.yaml"],
            "错误：'--format' / '-f' 的值无效：“xml”不是可选值之一：'text', 'json'",
        ),
    ],
)
def test_usage_errors_in_chinese_for_a_chinese_locale(args, last_line):
    result = genreport(*args, lang="zh_CN.UTF-8")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert (
        lines[0].startswith("用法：genreport check [选项]") and lines[1] == "运行 'genreport check --help' 查看帮助。"
    )
    assert lines[-1] == last_line
    assert genreport(*args, lang="en_US.UTF-8").stderr.strip().splitlines()[-1].startswith("Error: ")
