"""`genreport check` through the CLI: exit codes, text and JSON output, languages."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from genreport.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_clean_file_exits_0(write, valid_text):
    result = invoke("check", str(write(valid_text)))
    assert result.exit_code == 0, result.output
    assert "没有发现问题" in result.output


def test_errors_exit_1_with_compiler_style_location(write, valid_text):
    path = write(valid_text.replace("乡镇权责事项144项", "乡镇权责事项【待填】项"))
    result = invoke("check", str(path))
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{path}:")
    assert "[placeholder]" in first and "sections.measures.subsections[0].points[0].text" in first
    assert "^" in result.output  # caret under the column


def test_warnings_exit_0_and_strict_exit_1(write, valid_text):
    path = write(valid_text.replace("左政发〔2024〕2号", "左政发[2024]2号"))
    assert invoke("check", str(path)).exit_code == 0
    assert invoke("check", "--strict", str(path)).exit_code == 1


def test_json_envelope(write, valid_text):
    path = write(valid_text.replace("year: 2023", "year: '2023'"))
    result = invoke("check", "--format", "json", str(path))
    assert result.exit_code == 1
    envelope = json.loads(result.output)
    assert envelope["format"] == "genreport.findings" and envelope["version"] == 1
    assert envelope["summary"] == {"errors": 1, "warnings": 0}
    finding = envelope["findings"][0]
    assert finding | {"message": None, "hint": None} == {
        "severity": "error",
        "code": "schema",
        "file": str(path),
        "line": 4,
        "column": 7,
        "path": "year",
        "message": None,
        "hint": None,
        "related": None,
    }


def test_unknown_key_did_you_mean(write, valid_text):
    path = write(valid_text.replace("sections:", "sectons:"))
    result = invoke("check", "--lang", "en", str(path))
    assert result.exit_code == 1
    assert "did you mean sections?" in result.output
    assert "report.yaml:21:1" in result.output


def test_messages_follow_report_locale_and_lang_overrides(write, valid_text):
    path = write(valid_text.replace("乡镇权责事项144项", "乡镇权责事项TODO项"))
    assert "占位符" in invoke("check", str(path)).output
    english = valid_text.replace("locale: zh-CN", "locale: en").replace("乡镇权责事项144项", "TODO")
    assert "placeholder" in invoke("check", str(write(english, "en.yaml"))).output
    assert "placeholder" in invoke("check", "--lang", "en", str(path)).output


def test_unreadable_inputs_exit_2(tmp_path):
    assert invoke("check", str(tmp_path / "absent.yaml")).exit_code == 2
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("issuer: 左云县人民政府\n".encode("gbk"))
    assert invoke("check", str(gbk)).exit_code == 2


def test_broken_yaml_is_a_finding_exit_1(write):
    result = invoke("check", str(write("kind: x\nyear: [2023\n")))
    assert result.exit_code == 1
    assert "yaml-syntax" in result.output


def test_bad_arguments_exit_2(write, valid_text):
    assert invoke("check", "--format", "xml", str(write(valid_text))).exit_code == 2


def test_unknown_kind_with_suggestion(write, valid_text):
    result = invoke(
        "check",
        "--lang",
        "en",
        str(write(valid_text.replace("kind: rule-of-law-government", "kind: rule-of-law-govt"))),
    )
    assert result.exit_code == 1
    assert "unknown-kind" in result.output and "rule-of-law-government" in result.output


def test_previous_file_that_does_not_validate_exits_2(write, valid_text):
    last = write("kind: rule-of-law-government\n", "last.yaml")
    assert invoke("check", "--previous", str(last), str(write(valid_text))).exit_code == 2


def test_help_lists_commands():
    result = invoke("--help")
    assert result.exit_code == 0 and "check" in result.output
