"""`genreport diff`: per-part changes and the indicator table, pinned by golden files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, EXAMPLES, GOLDEN
from typer.testing import CliRunner

from genreport.cli import app
from genreport.yearly.diff import diff_reports
from genreport.yearly.diff_format import format_number
from genreport.yearly.report_file import read_report

runner = CliRunner()
OLD = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
NEW = DATA / "diff" / "zuoyun-2024.zh-CN.yaml"


def compare_golden(actual: str, golden: Path, update: bool) -> None:
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden and review it"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"diff output differs from {golden} (pytest --update-golden to accept)"
    )


@pytest.mark.parametrize("fmt, suffix", [("text", "txt"), ("md", "md")])
def test_diff_of_two_years_matches_golden(fmt, suffix, update_golden):
    result = runner.invoke(app, ["diff", str(OLD), str(NEW), "--format", fmt])
    assert result.exit_code == 0, result.output
    compare_golden(result.output, GOLDEN / "diff" / f"zuoyun-2023-2024.zh-CN.{suffix}", update_golden)


def test_diff_finds_added_removed_changed_and_unchanged():
    old, kind = read_report(OLD)
    new, _ = read_report(NEW)
    sections = {s.key: s for s in diff_reports(old, new, kind).sections}
    preamble = sections["preamble"].changes
    assert [c.what for c in preamble] == ["changed"]
    deficiencies = sections["deficiencies"]
    assert deficiencies.unchanged == 1  # the paragraph kept word for word
    assert {c.what for c in deficiencies.changes} == {"added", "removed"}
    measures = sections["measures"].changes
    assert any(
        c.what == "added" and c.new and c.new.heading and c.new.text == "扎实推进法治政府建设示范创建" for c in measures
    )
    assert any(
        c.what == "removed" and c.old and c.old.heading and c.old.text == "有效化解社会矛盾纠纷" for c in measures
    )
    assert sections["other_matters"].changes == []


def test_indicator_table_has_both_years_and_the_change():
    old, kind = read_report(OLD)
    new, _ = read_report(NEW)
    rows = {r.key: r for r in diff_reports(old, new, kind).indicators}
    assert (rows["legal_aid_cases"].old, rows["legal_aid_cases"].new) == (60, 72)
    assert rows["demonstration_gaps_rectified"].old is None  # new this year
    assert rows["legal_literate_total"].new is None  # dropped this year


def test_a_report_against_itself_has_no_changes():
    result = runner.invoke(app, ["diff", str(OLD), str(OLD), "--format", "md"])
    assert result.exit_code == 0
    assert not any(f"**{what}**" in result.output for what in ("新增", "删除", "修改"))


def test_diff_in_english_for_an_english_report():
    result = runner.invoke(app, ["diff", str(EXAMPLES / "zuoyun-2023.en.yaml"), str(EXAMPLES / "zuoyun-2023.en.yaml")])
    assert result.exit_code == 0
    assert "No changes" in result.output and "Key figures" in result.output


def test_diff_of_an_invalid_file_cannot_run(write):
    broken = write("kind: rule-of-law-government\nyear: [\n", "broken.yaml")
    result = runner.invoke(app, ["diff", str(OLD), str(broken)])
    assert result.exit_code == 2


def test_numbers_print_as_people_write_them():
    assert [format_number(v) for v in (11.0, 82.5, 1234567.0, -16.519999999, None)] == [
        "11",
        "82.5",
        "1234567",
        "-16.52",
        "—",
    ]
