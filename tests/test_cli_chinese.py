"""Issue 24, item 7: Chinese for a Chinese clerk. The Chinese README (linked at the top of the
English one) and the Chinese docs list the same commands and rule codes as the English; under
LANG=C.UTF-8 --help, usage errors and messages follow one rule (zh-CN); verify-layout speaks
Chinese under Chinese locales; messages name parts by their Chinese names; `init` names the keys
to fill and explains `sealed`."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest
from conftest import ROOT, line_of
from pdf_helpers import example_pdf
from test_readme_codes import _codes_in_source
from typer.testing import CliRunner

from genreport.checks.registry import RULES
from genreport.cli import app
from genreport.verify.results import CHECK_IDS
from genreport.verify.words_zh import CHECKS_ZH

C = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def _commands() -> set[str]:
    import typer.main

    return set(typer.main.get_command(app).commands)


COMMANDS = _commands()
PAIRS = [
    (ROOT / "README.md", ROOT / "README.zh-CN.md"),
    (ROOT / "docs" / "yearly-workflow.md", ROOT / "docs" / "zh-CN" / "yearly-workflow.md"),
    (ROOT / "docs" / "batch-builds.md", ROOT / "docs" / "zh-CN" / "batch-builds.md"),
]


def commands(path) -> list[tuple[str, ...]]:
    """Every `genreport` command line in the document's code blocks: the command and its options."""
    found = []
    inside = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            inside = not inside
            continue
        if not inside:
            continue
        for match in re.finditer(r"(?:^|[\s/'])genreport\s+([^#|>'\n]*)", line):
            words = shlex.split(match.group(1).replace("$(", "").replace(")", ""))
            options = sorted({w.split("=")[0] for w in words if w.startswith("-")})
            command = next((w for w in words if not w.startswith("-")), "")
            if command in COMMANDS or not command and options:  # a command line, not prose that names the package
                found.append((command, *options))
    return sorted(found)


@pytest.mark.parametrize(("english", "chinese"), PAIRS, ids=[p[0].name for p in PAIRS])
def test_chinese_docs_list_the_same_commands(english, chinese):
    listed = commands(english)
    assert listed and commands(chinese) == listed


@pytest.mark.parametrize(("english", "chinese"), PAIRS, ids=[p[0].name for p in PAIRS])
def test_each_language_links_the_other(english, chinese):
    head = english.read_text(encoding="utf-8").splitlines()[:4]
    assert any(f"]({chinese.relative_to(english.parent)})" in line for line in head), head
    assert any(
        f"]({os.path.relpath(english, chinese.parent)})" in line
        for line in chinese.read_text(encoding="utf-8").splitlines()[:4]
    )


def test_every_command_is_in_both_readmes():
    for readme in PAIRS[0]:
        assert COMMANDS <= {c[0] for c in commands(readme)}, readme


def test_the_chinese_readme_lists_the_same_rule_codes():
    codes = {rule.code for rule in RULES} | _codes_in_source()
    english = (ROOT / "README.md").read_text(encoding="utf-8")
    chinese = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    assert sorted(c for c in codes if f"`{c}`" in english and f"`{c}`" not in chinese) == []
    assert {c for c in codes if f"`{c}`" in chinese} == {c for c in codes if f"`{c}`" in english}


def _genreport(*args: str, lang: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "genreport", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_a_stock_server_gets_one_language_for_help_errors_and_messages(write, valid_text):
    helped = _genreport("check", "--help", lang="C.UTF-8")
    assert (
        helped.stdout.startswith("用法：genreport check [选项]") and "把警告也当作错误（退出码 1）。" in helped.stdout
    )
    usage = _genreport("check", lang="C.UTF-8")
    assert usage.returncode == 2 and usage.stderr.strip().splitlines()[-1] == "错误：缺少参数 file。"
    path = write(valid_text.replace("全年新增市场主体1798户", "全年新增市场主体XX户"))
    checked = _genreport("check", str(path), lang="C.UTF-8")
    assert "错误[placeholder]" in checked.stdout
    english = _genreport("check", "--help", lang="en_US.UTF-8")
    assert english.stdout.startswith("Usage: genreport check [OPTIONS]")


def test_verify_layout_speaks_chinese_under_chinese_locales():
    pdf = str(example_pdf("zuoyun-2023.zh-CN"))
    for env in (C, {**C, "LANG": "zh_CN.UTF-8"}):
        result = CliRunner().invoke(app, ["verify-layout", "--all", pdf], env=env)
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert "符合     §5.1 纸张 A4（210 × 297 毫米）：210.0 × 297.0 毫米" in lines
        assert "符合     §5.2.2 每行都在网格上：全部在网格上" in lines
        assert "符合     §7.3.3 “一、”标题用黑体，16 磅，不加粗：" in "\n".join(lines)
        assert lines[-2].startswith("网格：正文 16.0 磅，行距 28.99 磅")
        assert re.fullmatch(r".*：0 项不符合，0 项未能验证，\d+ 项符合，\d+ 项不适用", lines[-1])
        assert not re.search(r"\bok\b|deviations|not verified|grid:|substitute for|\bmm\b", result.output)
    english = CliRunner().invoke(app, ["verify-layout", pdf], env={**C, "LANG": "en_US.UTF-8"})
    assert "0 deviations, 0 not verified" in english.output
    chosen = CliRunner().invoke(app, ["verify-layout", "--lang", "en", pdf], env=C)
    assert "0 deviations, 0 not verified" in chosen.output


def test_every_layout_check_has_its_chinese_name():
    assert sorted(set(CHECK_IDS.values()) - set(CHECKS_ZH)) == []
    assert all(re.search("[\u4e00-\u9fff]", name) for name in CHECKS_ZH.values())


PARTS = [
    (
        "missing-section",
        ("  other_matters:\n    none: true\n", ""),
        "sections:",
        "缺少必需的第五部分“其他需要报告的情况”",
        "required part 5 (other_matters, “Other matters to report”) is missing",
    ),
    (
        "short-section",
        (
            "  deficiencies:\n    points:\n",
            "  deficiencies:\n    points:\n      - 执法力量不足，原因是编制少。\n    old_points:\n",
        ),
        "  deficiencies:",
        "第二部分“存在的不足和原因”只有 14 字，远少于通常（至少 60 字）",
        "part 2 (deficiencies, “Deficiencies and their causes”) has only 14 characters, far fewer than usual (at least 60)",
    ),
    (
        "none-not-allowed",
        (
            "  leaders_duties:\n    intro: |\n      县委、县政府主要负责人认真履行",
            "  leaders_duties:\n    none: true\n    intro: |\n      县委、县政府主要负责人认真履行",
        ),
        "    none: true",
        "第三部分“党政主要负责人履行推进法治建设第一责任人职责情况”必须有内容，不能写“无”",
        "part 3 (leaders_duties, “How the principal Party and government leaders performed their duties as first persons "
        "responsible for the rule of law”) must have content; it cannot be 'none'",
    ),
    (
        "schema",
        ("  other_matters:\n    none: true\n", "  other_matters:\n"),
        "  other_matters:",
        "第五部分“其他需要报告的情况”是空的",
        "part 5 (other_matters, “Other matters to report”) is empty",
    ),
]


@pytest.mark.parametrize(("code", "change", "at", "zh", "en"), PARTS, ids=[p[0] for p in PARTS])
def test_messages_name_a_part_as_the_clerk_reads_it(check_text, valid_text, code, change, at, zh, en):
    assert change[0] in valid_text
    text = valid_text.replace(*change)
    if code == "short-section":  # one short point left: the others are dropped, whatever they say
        text = re.sub(r"    old_points:\n(?:      - .*\n)+", "", text)
    finding = next(f for f in check_text(text).findings if f.code == code)
    assert finding.location.line == line_of(text, at)
    key = len(at) - len(at.lstrip())
    column = (
        at.index("true") if code == "none-not-allowed" else len(at) if code == "schema" else key
    )  # the value, or the key
    assert finding.location.column == column + 1
    assert (finding.message.zh, finding.message.en) == (zh, en)
    assert not re.search(r"部分 [a-z_]+", finding.message.zh)  # no internal key where the part's name belongs


def test_init_from_names_the_keys_to_fill_and_explains_sealed(tmp_path, valid_text):
    last = tmp_path / "zuoyun-2023.zh-CN.yaml"
    last.write_text(valid_text, encoding="utf-8")
    result = CliRunner().invoke(app, ["init", "--from", str(last)], env=C)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "zuoyun-2024.zh-CN.yaml").read_text(encoding="utf-8")
    block = text[text.index("# 上年的以下字段已清空") : text.index("\nsealed: false")]
    assert block.splitlines() == [
        "# 上年的以下字段已清空，签发时按今年填写：",
        "#   document_number: 发文字号，如 左政发〔2025〕2号",
        "#   signed_on: 成文日期 YYYY-MM-DD",
        "#   distribution.printed_on: 印发日期 YYYY-MM-DD（写在 distribution 下）",
        "#   disclosure.published_on: 网站发布日期 YYYY-MM-DD（写在 disclosure 下）",
        "#   disclosure.index_number: 索引号（写在 disclosure 下）",
        "# sealed：是否加盖印章。false 为不加盖（网站公开版通常如此），true 为加盖；它决定落款和成文日期的位置（GB/T 9704 第7.3.5条）",
    ]
    assert (
        "上年的 document_number、signed_on、distribution.printed_on、disclosure.published_on、disclosure.index_number 已清空"
        in result.output
    )
    english = tmp_path / "zuoyun-2023.en.yaml"
    english.write_text((ROOT / "examples" / "zuoyun-2023.en.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    done = CliRunner().invoke(app, ["init", "--from", str(english)], env=C)
    assert done.exit_code == 0, done.output
    assert "# sealed: whether the report is sealed. false: no seal" in (tmp_path / "zuoyun-2024.en.yaml").read_text(
        encoding="utf-8"
    )
    assert "last year's document_number, signed_on" in done.output


def test_a_fresh_skeleton_explains_sealed(tmp_path):
    result = CliRunner().invoke(app, ["init", "--issuer", "某县人民政府", "--year", "2024", "-o", "-"], env=C)
    assert "# sealed: 是否加盖印章（省略即 false：不加盖，网站公开版通常如此；加盖时写 true" in result.output


def test_a_deviation_is_told_in_chinese(tmp_path):
    from pdf_helpers import EXAMPLES
    from render_helpers import document

    from genreport.pdf.prepare import PdfSettings, render_pdf

    path = tmp_path / "wide.pdf"
    path.write_bytes(
        render_pdf(document(EXAMPLES / "joint-2023.zh-CN.yaml"), PdfSettings(extra_css="@page { margin-left: 20mm; }"))
    )
    result = CliRunner().invoke(app, ["verify-layout", str(path)], env=C)
    assert result.exit_code == 1
    assert result.output.startswith("不符合   §5.2.1 左白边 28 ± 1 毫米：20.0 毫米")
    assert re.search(r"：[1-9]\d* 项不符合，", result.output.splitlines()[-1])
