"""Issue 24, item 9: a warning the clerk has judged stays judged. `# genreport: ignore[code] reason`
on a data-file line dismisses that warning there; `check` (text and JSON) and the preview panel
show it as dismissed with the reason; an error is never dismissed, and a comment that names one,
gives no reason or dismisses nothing is itself a warning (`ignore-comment`)."""

from __future__ import annotations

import json

from conftest import line_of
from html_tree import parse
from typer.testing import CliRunner

from genreport.cli import app
from genreport.preview.render import Renderer

MISMATCH = "乡镇权责事项144项，受理劳动人事争议受理数为98件，个体工商户登记委托乡镇办理"
C = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "NO_COLOR": "1"}


def _mismatch(valid_text: str, comment: str = "") -> str:
    text = valid_text.replace("乡镇权责事项144项，个体工商户登记委托乡镇办理", MISMATCH)
    line = next(line for line in text.splitlines() if MISMATCH in line)
    return text.replace(line, line + comment)


def _codes(findings):
    return [(f.code, f.location.line, f.location.column) for f in findings]


def test_a_comment_on_the_line_dismisses_that_warning(check_text, valid_text):
    text = _mismatch(valid_text, "  # genreport: ignore[figure-mismatch] 两个口径不同，已核对")
    result = check_text(text)
    assert result.findings == []
    (dismissed,) = result.dismissed
    line = line_of(text, "98件")
    assert (dismissed.code, dismissed.location.line, dismissed.location.column) == (
        "figure-mismatch",
        line,
        text.splitlines()[line - 1].index("98件") + 1,
    )
    assert dismissed.dismissed == "两个口径不同，已核对"
    assert dismissed.message.zh == "文中“劳动人事争议受理数”为 98，与主要指标中的 88件 不一致"
    assert dismissed.message.en == "the text gives 98 for “劳动人事争议受理数”, but the indicators say 88件"


def test_without_the_comment_the_warning_is_there(check_text, valid_text):
    result = check_text(_mismatch(valid_text))
    assert [f.code for f in result.findings] == ["figure-mismatch"] and result.dismissed == []


def test_check_prints_it_as_dismissed_in_both_languages(write, valid_text):
    text = _mismatch(valid_text, "  # genreport: ignore[figure-mismatch] 两个口径不同")
    path = write(text)
    line = line_of(text, "98件")
    column = text.splitlines()[line - 1].index("98件") + 1
    zh = CliRunner().invoke(app, ["check", "--strict", str(path)], env=C)
    assert zh.exit_code == 0  # dismissed: not a warning any more, even under --strict
    assert zh.output.splitlines() == [
        f"{path}:{line}:{column}: 已忽略[figure-mismatch] sections.measures.subsections[0].points[0].text: "
        "文中“劳动人事争议受理数”为 98，与主要指标中的 88件 不一致（理由：两个口径不同）",
        "检查通过，没有发现问题；已忽略 1 个警告",
    ]
    en = CliRunner().invoke(app, ["check", "--lang", "en", str(path)], env=C)
    assert f"{path}:{line}:{column}: dismissed[figure-mismatch] " in en.output
    assert "the indicators say 88件 (reason: 两个口径不同)" in en.output
    assert en.output.rstrip().endswith("no problems found; 1 warning(s) dismissed")


def test_json_lists_it_apart_with_its_reason(write, valid_text):
    path = write(_mismatch(valid_text, "  # genreport: ignore[figure-mismatch] 两个口径不同"))
    envelope = json.loads(CliRunner().invoke(app, ["check", "--format", "json", str(path)], env=C).output)
    assert envelope["findings"] == [] and envelope["summary"] == {"errors": 0, "warnings": 0}
    (item,) = envelope["dismissed"]
    assert item["code"] == "figure-mismatch" and item["dismissed"] == "两个口径不同" and item["severity"] == "warning"
    assert item["path"] == "sections.measures.subsections[0].points[0].text"


def test_a_comment_above_a_block_covers_the_whole_block(check_text, valid_text):
    repeat = "部分行政执法人员学习习近平法治思想还不够深入，运用法治思维和法治方式推动工作的能力有待提高。"
    text = valid_text.replace(
        "  leaders_duties:\n    intro: |\n      县委、县政府主要负责人",
        f"  leaders_duties:\n    # genreport: ignore[repeated-paragraph] 按要求与第二部分表述一致\n    intro: |\n      {repeat}\n\n      县委、县政府主要负责人",
    )
    result = check_text(text)
    assert [f.code for f in result.findings] == []
    (dismissed,) = result.dismissed
    assert dismissed.code == "repeated-paragraph" and dismissed.location.line == line_of(text, f"      {repeat}")
    assert dismissed.dismissed == "按要求与第二部分表述一致"


def test_a_comment_after_a_block_does_not_reach_back_into_it(check_text, valid_text):
    repeat = "部分行政执法人员学习习近平法治思想还不够深入，运用法治思维和法治方式推动工作的能力有待提高。"
    text = valid_text.replace(
        "    intro: |\n      县委、县政府主要负责人", f"    intro: |\n      {repeat}\n\n      县委、县政府主要负责人"
    )
    text = text.replace("  next_year:\n", "  next_year:  # genreport: ignore[repeated-paragraph] 不该覆盖上一段\n")
    result = check_text(text)
    assert _codes(result.findings) == [
        ("repeated-paragraph", line_of(text, f"      {repeat}"), 7),
        ("ignore-comment", line_of(text, "  next_year:"), 15),
    ]
    assert result.findings[1].message.zh == "这条忽略注释所在处没有 repeated-paragraph 警告"
    assert result.findings[1].message.en == "there is no repeated-paragraph warning here to dismiss"


def test_an_error_is_never_dismissed(write, check_text, valid_text, tmp_path):
    text = valid_text.replace("全年新增市场主体1798户", "全年新增市场主体XX户")
    line = next(line for line in text.splitlines() if "XX户" in line)
    text = text.replace(line, line + "  # genreport: ignore[placeholder] 先这样")
    result = check_text(text)
    assert _codes(result.findings) == [
        ("placeholder", line_of(text, "XX户"), 27),
        ("ignore-comment", line_of(text, "XX户"), len(line) + 3),
    ]
    assert result.dismissed == []
    comment = result.findings[1]
    assert (comment.message.zh, comment.message.en) == (
        "placeholder 是错误，不能用注释忽略",
        "placeholder is an error, which no comment can dismiss",
    )
    built = CliRunner().invoke(app, ["build", str(write(text)), "-f", "md", "-o", str(tmp_path / "out")], env=C)
    assert built.exit_code == 1 and not (tmp_path / "out").exists()  # a final build still refuses


def test_a_comment_without_a_reason_dismisses_nothing(check_text, valid_text):
    text = _mismatch(valid_text, "  # genreport: ignore[figure-mismatch]")
    result = check_text(text)
    line = line_of(text, "98件")
    assert [(f.code, f.location.line) for f in result.findings] == [("figure-mismatch", line), ("ignore-comment", line)]
    assert result.findings[1].message.zh == "忽略 figure-mismatch 的注释没有写理由"
    assert result.findings[1].message.en == "the comment dismissing figure-mismatch gives no reason"
    assert result.dismissed == []


def test_a_misspelt_code_is_named_with_the_right_one(check_text, valid_text):
    text = _mismatch(valid_text, "  # genreport: ignore[figure-mismatc] 已核对")
    comment = [f for f in check_text(text).findings if f.code == "ignore-comment"][0]
    assert comment.message.zh == "没有代码为 figure-mismatc 的警告；是否想写 figure-mismatch？"
    assert comment.message.en == "no warning has the code figure-mismatc; did you mean figure-mismatch?"


def test_a_directive_inside_a_text_block_is_text(check_text, valid_text):
    text = _mismatch(valid_text).replace(
        "    intro: |\n      县委、县政府主要负责人",
        "    intro: |\n      # genreport: ignore[figure-mismatch] 这是正文\n      县委、县政府主要负责人",
    )
    result = check_text(text)
    assert "figure-mismatch" in [f.code for f in result.findings] and result.dismissed == []
    assert "ignore-comment" not in [f.code for f in result.findings]


def test_the_directive_is_no_yaml_comment_warning(check_text, valid_text):
    text = valid_text.replace(
        "  classification: 政府文件", "  classification: 政府文件  # genreport: ignore[stray-space] 无"
    )
    codes = [f.code for f in check_text(text).findings]
    assert "yaml-comment" not in codes and codes == ["ignore-comment"]  # it dismisses nothing: said, not hidden


def test_several_codes_in_one_comment(check_text, valid_text):
    text = valid_text.replace(
        "乡镇权责事项144项，个体工商户登记委托乡镇办理",
        "乡镇权责事项144项，受理劳动人事争议受理数为98件,个体工商户登记委托乡镇办理",
    )
    line = next(line for line in text.splitlines() if "98件," in line)
    text = text.replace(line, line + "  # genreport: ignore[figure-mismatch, half-width-punctuation] 原文照录")
    result = check_text(text)
    assert result.findings == []
    assert sorted(f.code for f in result.dismissed) == ["figure-mismatch", "half-width-punctuation"]


def test_the_preview_panel_shows_it_dismissed_with_the_reason(write, valid_text):
    text = _mismatch(valid_text, "  # genreport: ignore[figure-mismatch] 两个口径不同")
    snapshot = Renderer(write(text)).render()
    panel = parse(str(snapshot.panel))
    assert panel.find(cls="gp-list") is not None
    section = panel.find("details", cls="gp-dismissed")
    assert section is not None and "已忽略的警告（1 个" in section.find("summary").text
    (item,) = section.find_all("li", cls="gp-dismissed")
    assert item.find(cls="gp-code").text == "figure-mismatch"
    assert item.find(cls="gp-reason").text == "理由：两个口径不同"
    assert (
        item.find(cls="gp-where").text
        == f"{line_of(text, '98件')}:{text.splitlines()[line_of(text, '98件') - 1].index('98件') + 1}"
    )
    assert not [li for li in panel.find_all("li") if "gp-warning" in li.classes]  # not shown as a live warning
    assert "检查通过，没有发现问题；已忽略 1 个警告" in panel.find(cls="gp-summary").text


def test_a_warning_outside_the_rules_can_be_dismissed_too(write, valid_text, tmp_path, monkeypatch):
    """kind-shadowed is given by check itself, not by a rule: the comment on `kind:` dismisses it."""
    import shutil

    from conftest import ROOT

    from genreport.checks import check_file

    kinds = tmp_path / "kinds"
    shutil.copytree(ROOT / "templates" / "rule-of-law-government", kinds / "rule-of-law-government")
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(kinds))
    text = valid_text.replace(
        "kind: rule-of-law-government\n",
        "kind: rule-of-law-government  # genreport: ignore[kind-shadowed] 本单位的定制版\n",
        1,
    )
    result = check_file(write(text))
    assert result.findings == []
    assert [(f.code, f.location.line, f.dismissed) for f in result.dismissed] == [
        ("kind-shadowed", 2, "本单位的定制版")
    ]


def test_a_comment_that_names_no_code(check_text, valid_text):
    text = _mismatch(valid_text, "  # genreport: ignore[] 已核对")
    result = check_text(text)
    line = line_of(text, "98件")
    column = text.splitlines()[line - 1].index("# genreport") + 1
    assert _codes(result.findings) == [
        ("figure-mismatch", line, text.splitlines()[line - 1].index("98件") + 1),
        ("ignore-comment", line, column),
    ]
    comment = result.findings[1]
    assert (comment.message.zh, comment.message.en) == (
        "忽略注释没有写明要忽略的警告代码",
        "the ignore comment names no warning code",
    )
