"""Issue 24, item 3: one slip hides nothing. A recognised YAML slip (full-width colon, missing
space, full-width or tab indentation, a pasted line that lost its indentation) is mended in
memory, the mended file is checked, and every finding is reported in the same run, each at its
place in the file as written. The slips stay errors, so a final build still refuses."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES, line_of
from typer.testing import CliRunner

from genreport.checks import check_file
from genreport.cli import app
from genreport.preview.render import Renderer

# (name, text in the valid file, the slip, code, the slip's column, zh message, en message)
SLIPS = [
    (
        "full-width colon",
        "            text: 全年承接",
        "            text：全年XX承接",
        "yaml-full-width-colon",
        17,
        "字段名 text 后面用了全角冒号“：”",
        "the key text is followed by a full-width colon “：”",
    ),
    (
        "no space",
        "            text: 全年承接",
        "            text:全年XX承接",
        "yaml-colon-space",
        17,
        "字段名 text 的冒号后缺少空格",
        "no space after the colon of text",
    ),
    (
        "full-width indent",
        "            text: 全年承接",
        "\u3000\u3000\u3000\u3000\u3000\u3000text: 全年XX承接",
        "yaml-full-width-indent",
        1,
        "这一行用全角空格（U+3000）缩进",
        "this line is indented with full-width spaces (U+3000)",
    ),
    (
        "tab indent",
        "            text: 全年承接",
        "\t\ttext: 全年XX承接",
        "yaml-tab-indent",
        1,
        "这一行用 Tab 缩进，YAML 不允许",
        "this line is indented with a tab, which YAML does not allow",
    ),
    (
        "pasted plain line",
        "            text: 全年承接市级下放行政职权11项，梳理公布",
        "            text: 全年承接市级下放行政职权11项，\n梳理XX公布",
        "yaml-unindented-line",
        1,
        "这一行文字没有缩进，无法接在上面的字段之后",
        "this line of text is not indented, so it does not continue the field above",
    ),
    (
        "pasted block line",
        "  2023年，县政府围绕",
        "  2023年，\n县政府XX围绕",
        "yaml-unindented-line",
        1,
        "这一行文字没有缩进，无法接在上面的字段之后",
        "this line of text is not indented, so it does not continue the field above",
    ),
]


def _summary(findings):
    return [(f.code, f.location.line, f.location.column) for f in findings]


@pytest.mark.parametrize(
    ("old", "new", "code", "column", "zh", "en"), [s[1:] for s in SLIPS], ids=[s[0] for s in SLIPS]
)
def test_a_slip_hides_nothing_on_its_line_or_below(check_text, valid_text, old, new, code, column, zh, en):
    # A placeholder on the slip's own line (after the mended part) and one far below it.
    text = valid_text.replace(old, new, 1).replace("发现问题51个", "发现问题XX个")
    result = check_text(text)
    slip_line = line_of(text, new.splitlines()[-1])
    on_line = new.splitlines()[-1]
    assert _summary(result.findings) == [
        (code, slip_line, column),
        ("placeholder", slip_line, on_line.index("XX") + 1),  # the column of the file, not of the mended text
        (
            "placeholder",
            line_of(text, "发现问题XX个"),
            text.splitlines()[line_of(text, "发现问题XX个") - 1].index("XX") + 1,
        ),
    ]
    slip = result.findings[0]
    assert slip.severity.value == "error"  # mended in memory only: the slip itself stays an error
    assert (slip.message.zh, slip.message.en) == (zh, en)
    placeholder = result.findings[1]
    assert (
        placeholder.message.zh == "占位符“XX”尚未替换" and placeholder.message.en == 'placeholder "XX" left in the text'
    )


def test_the_mended_file_is_the_one_the_clerk_meant(check_text, valid_text):
    """A pasted line goes back onto its value without a space between hanzi; a block's line keeps its break."""
    text = valid_text.replace(
        "            text: 全年承接市级下放行政职权11项，梳理公布",
        "            text: 全年承接市级下放行政职权11项，\n梳理公布",
        1,
    )
    text = text.replace("  2023年，县政府围绕", "  2023年，\n县政府围绕", 1)
    text = text.replace("recipient: 大同市人民政府", "recipient：大同市人民政府")
    result = check_text(text)
    assert result.report is not None
    point = result.report.sections["measures"].subsections[0].points[0]
    assert point.text.startswith("全年承接市级下放行政职权11项，梳理公布县直部门")
    assert result.report.preamble.startswith("2023年，\n县政府围绕")
    assert result.report.recipient == "大同市人民政府"
    assert [f.code for f in result.findings] == [
        "yaml-full-width-colon",
        "yaml-unindented-line",
        "yaml-unindented-line",
    ]


def test_seven_problems_in_one_run(write, valid_text):
    """The issue's clerk: a full-width colon first, six more problems after it, one round."""
    text = valid_text.replace("recipient: 大同市人民政府", "recipient：大同市人民政府")
    text = text.replace("  classification: 政府文件", "  classification:政府文件")
    text = text.replace("  printed_by: 左云县人民政府办公室", "\tprinted_by: 左云县人民政府办公室")
    text = text.replace("全年新增市场主体1798户", "全年新增市场主体XX户")
    text = text.replace(
        "            text: 全年承接市级下放行政职权11项，梳理公布",
        "            text: 全年承接市级下放行政职权11项，\n梳理公布",
        1,
    )
    text = text.replace("    value: 82.5", "    value: 120")
    text = text.replace("signed_on: 2024-01-16", "signed_on: 2023-06-01")
    result = CliRunner().invoke(app, ["check", str(write(text))], env={"LANG": "C.UTF-8", "NO_COLOR": "1"})
    assert result.exit_code == 1
    heads = [line for line in result.output.splitlines() if "错误[" in line or "警告[" in line]
    codes = [line.split("[", 1)[1].split("]", 1)[0] for line in heads]
    assert codes == [
        "yaml-full-width-colon",
        "date-impossible",
        "yaml-colon-space",
        "yaml-tab-indent",
        "yaml-unindented-line",
        "placeholder",
        "percent-range",
    ]
    assert f"report.yaml:{line_of(text, '全年新增市场主体XX户')}:27: 错误[placeholder]" in result.output
    assert result.output.rstrip().endswith("6 个错误，1 个警告")
    english = CliRunner().invoke(app, ["check", "--lang", "en", str(write(text))], env={"NO_COLOR": "1"})
    assert "error[yaml-tab-indent] this line is indented with a tab, which YAML does not allow" in english.output
    assert "6 error(s), 1 warning(s)" in english.output


def test_a_final_build_still_refuses_and_a_draft_is_made(write, valid_text, tmp_path):
    text = valid_text.replace("recipient: 大同市人民政府", "recipient：大同市人民政府")
    path = write(text)
    refused = CliRunner().invoke(app, ["build", str(path), "-f", "md", "-o", str(tmp_path / "out")])
    assert refused.exit_code == 1 and not (tmp_path / "out").exists()
    assert "yaml-full-width-colon" in refused.output
    draft = CliRunner().invoke(app, ["build", "--draft", str(path), "-f", "md", "-o", str(tmp_path / "draft")])
    assert draft.exit_code == 0, draft.output
    markdown = next((tmp_path / "draft").glob("*.md")).read_text(encoding="utf-8")
    assert "大同市人民政府：" in markdown  # the mended recipient reaches the draft


def test_preview_shows_every_finding_and_the_mended_draft(write, valid_text):
    text = valid_text.replace("recipient: 大同市人民政府", "recipient：大同市人民政府").replace(
        "全年新增市场主体1798户", "全年新增市场主体XX户"
    )
    snapshot = Renderer(write(text)).render()
    assert [f.code for f in snapshot.state.findings] == ["yaml-full-width-colon", "placeholder"]
    assert "大同市人民政府" in snapshot.draft.body and not snapshot.state.stale


def test_a_slip_beside_an_unknown_syntax_error_reports_both(check_text, valid_text):
    text = valid_text.replace("recipient: 大同市人民政府", "recipient：大同市人民政府")
    text = text.replace("copies_to: [县委办公室, 县人大常委会办公室]", "copies_to: [县委办公室, 县人大常委会办公室")
    found = _summary(check_text(text).findings)
    assert found[0] == ("yaml-full-width-colon", line_of(text, "recipient："), 10)
    assert [code for code, _, _ in found] == ["yaml-full-width-colon", "yaml-syntax"]
    assert found[1][1] >= line_of(text, "copies_to:")


def test_a_key_indented_with_full_width_spaces_far_from_where_the_parser_stops(check_text, valid_text):
    # YAML reads "　　measures:" as a key starting with U+3000 and stops lines below it, at an
    # innocent line: the slip is still found on its own line, and mended.
    text = valid_text.replace("  measures:\n", "\u3000\u3000measures:\n", 1).replace(
        "全年新增市场主体1798户", "全年新增市场主体XX户"
    )
    assert _summary(check_text(text).findings) == [
        ("yaml-full-width-indent", line_of(text, "\u3000\u3000measures:"), 1),
        ("placeholder", line_of(text, "XX户"), 27),
    ]


def test_a_list_item_goes_back_beside_its_siblings(check_text, valid_text):
    text = valid_text.replace("      - heading: 规范行政决策", "\t- heading: 规范行政决策", 1)
    result = check_text(text)
    assert _summary(result.findings) == [("yaml-tab-indent", line_of(text, "\t- heading"), 1)]
    assert [s.heading for s in result.report.sections["measures"].subsections] == [
        "推进简政放权",
        "规范行政决策",
        "严格规范执法",
    ]


def _slipped(line: str, code: str) -> str:
    body = line.lstrip(" ")
    if code == "yaml-full-width-colon":
        return line.replace(": ", "：", 1)
    if code == "yaml-colon-space":
        return line.replace(": ", ":", 1)
    if code == "yaml-full-width-indent":
        return "\u3000" * ((len(line) - len(body)) // 2) + body
    return "\t" + body


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
@pytest.mark.parametrize(
    "code", ["yaml-full-width-colon", "yaml-colon-space", "yaml-full-width-indent", "yaml-tab-indent"]
)
def test_a_mended_example_reports_exactly_what_the_clean_one_does(write, example, code):
    """On every example, a slip on any of a spread of key lines: the same findings as the clean
    file, at the same lines and columns, plus the slip itself."""
    lines = example.read_text(encoding="utf-8").split("\n")
    last = (
        max(i for i, line in enumerate(lines) if re.match(r"^ +(text|intro): [|>]", line)) + 1
    )  # a text block's first line
    body = lines[last].lstrip(" ")
    lines[last] = (
        lines[last][: len(lines[last]) - len(body)] + "TODO " + body
    )  # a finding below every slip, even in a clean example
    clean = _summary(check_file(write("\n".join(lines))).findings)
    assert ("placeholder", last + 1) in [f[:2] for f in clean]
    keys = [
        i
        for i, line in enumerate(lines)
        if re.match(r"^ {2,}(- )?[a-z_]+: \S", line) and not line.rstrip().endswith(("|", ">-", ">"))
    ]
    for index in keys[:: max(1, len(keys) // 4)]:
        broken = [*lines]
        broken[index] = _slipped(lines[index], code)
        found = check_file(write("\n".join(broken))).findings
        assert [f for f in _summary(found) if f[0] == code] == [(code, index + 1, _column(broken[index], code))], (
            broken[index]
        )
        # the rest as in the clean file; on the slip's own line, at the same text (its columns moved)
        assert [_at(f, broken) for f in _summary(found) if f[0] != code] == [_at(f, lines) for f in clean], broken[
            index
        ]


def _at(finding: tuple, lines: list[str]) -> tuple:
    code, line, column = finding
    return code, line, lines[line - 1][column - 1 : column + 5].lstrip(" ：:")


def _column(line: str, code: str) -> int:
    if code == "yaml-full-width-colon":
        return line.index("：") + 1
    if code == "yaml-colon-space":
        return line.index(":") + 1
    return 1


def test_two_slips_on_one_line_are_both_mended(check_text, valid_text):
    text = valid_text.replace("  printed_by: 左云县人民政府办公室", "\tprinted_by：左云县人民政府办公室")
    result = check_text(text)
    line = line_of(text, "\tprinted_by")
    assert _summary(result.findings) == [("yaml-tab-indent", line, 1), ("yaml-full-width-colon", line, 12)]
    assert result.report is not None and result.report.distribution.printed_by == "左云县人民政府办公室"


def test_full_width_spaces_opening_a_line_of_text_are_text(check_text, valid_text):
    # In a `|` block, "　　Note: ..." is a paragraph indented the Chinese way, not a key.
    text = valid_text.replace("  2023年，县政府围绕", "  \u3000\u3000Note: 2023年，县政府围绕")
    result = check_text(text)
    assert result.findings == [] and result.loaded.repairs is None
    assert result.report.preamble.startswith("\u3000\u3000Note: 2023年")
