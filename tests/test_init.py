"""`genreport init` and `init --from`: files that load, validate, and fail `check` only where work is left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import DATA, EXAMPLES
from typer.testing import CliRunner

from genreport.checks import check_file
from genreport.cli import app
from genreport.data.kinds import load_kind
from genreport.data.load import load_yaml
from genreport.yearly.carry import next_year_name
from genreport.yearly.report_file import read_report

runner = CliRunner()
ZUOYUN = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
# A new or carried-forward file is unfinished in exactly these ways: text to write, a date to sign.
LEFT_TO_DO = {"placeholder", "missing-date"}


def init(*args: str) -> Path:
    """Run `genreport init` with args ending in `-o FILE`; assert success and return FILE."""
    result = runner.invoke(app, ["init", *args])
    assert result.exit_code == 0, result.output
    return Path(args[args.index("-o") + 1])


def error_codes(path: Path, previous: Path | None = None) -> set[str]:
    return {f.code for f in check_file(path, previous).errors}


@pytest.fixture
def extra_kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Adds tests/data/kinds (the `minimal` kind) to the kind search path."""
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(DATA / "kinds"))


@pytest.fixture
def carried(tmp_path: Path) -> Path:
    """The Zuoyun 2023 example carried forward to 2024."""
    return init("--from", str(ZUOYUN), "-o", str(tmp_path / "zuoyun-2024.yaml"))


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_skeleton_loads_and_fails_check_only_on_placeholders(tmp_path, locale):
    path = init("--locale", locale, "--year", "2024", "-o", str(tmp_path / "new.yaml"))
    loaded = load_yaml(path)
    assert loaded.findings == [] and loaded.data["year"] == 2024
    result = check_file(path)
    assert result.report is not None, result.findings
    assert {f.code for f in result.errors} == LEFT_TO_DO
    placeholders = [f for f in result.errors if f.code == "placeholder"]
    assert {f.field for f in placeholders} >= {"issuer.name", "preamble", "sections.measures.subsections[0].heading"}


def test_skeleton_has_every_section_with_its_guidance(tmp_path):
    path = init("--locale", "zh-CN", "--issuer", "左云县人民政府", "-o", str(tmp_path / "new.yaml"))
    text = path.read_text(encoding="utf-8")
    kind = load_kind("rule-of-law-government")
    assert list(load_yaml(path).data["sections"]) == kind.section_keys
    for number, spec in zip("一二三四五", kind.sections, strict=True):
        assert f"  # {number}、{spec.heading('zh-CN')}\n" in text
        assert spec.guidance is not None and f"  # 写什么：{spec.guidance('zh-CN')}\n" in text
    assert "name: 左云县人民政府" in text


def test_skeleton_points_editors_at_the_schema(tmp_path):
    path = init("--locale", "en", "-o", str(tmp_path / "new.yaml"))
    assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=genreport.schema.json"
    assert (tmp_path / "genreport.schema.json").is_file()
    (tmp_path / "b").mkdir()
    other = init(
        "--locale", "en", "--schema", "https://example.org/genreport.json", "-o", str(tmp_path / "b" / "x.yaml")
    )
    assert "$schema=https://example.org/genreport.json" in other.read_text(encoding="utf-8")
    assert not (tmp_path / "b" / "genreport.schema.json").exists()  # the user's own schema: nothing written beside


def test_skeleton_for_a_kind_that_is_only_data(tmp_path, extra_kinds):
    path = init("--kind", "minimal", "--locale", "zh-CN", "-o", str(tmp_path / "brief.yaml"))
    result = check_file(path)
    assert list(load_yaml(path).data["sections"]) == ["summary", "plans"]
    assert {f.code for f in result.errors} == LEFT_TO_DO


def test_init_never_overwrites_without_force(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("kind: rule-of-law-government\n", encoding="utf-8")
    result = runner.invoke(app, ["init", "--locale", "en", "-o", str(path)])
    assert result.exit_code == 2
    assert "already exists" in result.output or "已存在" in result.output
    assert path.read_text(encoding="utf-8") == "kind: rule-of-law-government\n"
    init("--locale", "en", "--force", "-o", str(path))
    assert "yaml-language-server" in path.read_text(encoding="utf-8")


def test_init_to_standard_output_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "--locale", "zh-CN", "--year", "2024", "-o", "-"])
    assert result.exit_code == 0
    assert "year: 2024" in result.output
    assert list(tmp_path.iterdir()) == []


def test_unknown_kind_cannot_run(tmp_path):
    result = runner.invoke(app, ["init", "--kind", "no-such-kind", "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert not (tmp_path / "x.yaml").exists()


def test_kinds_lists_sections_per_locale(extra_kinds):
    zh = runner.invoke(app, ["kinds", "--locale", "zh-CN"])
    en = runner.invoke(app, ["kinds", "--locale", "en"])
    assert zh.exit_code == en.exit_code == 0
    assert "一、上一年度推进法治政府建设的主要举措和成效" in zh.output and "minimal" in zh.output
    assert "1. Main measures and results in building a rule-of-law government" in en.output
    assert "other_matters" in en.output and "may be none" in en.output


# --- init --from ---------------------------------------------------------------------------------


def test_carried_forward_previous_equals_last_years_value(carried):
    last, _ = read_report(ZUOYUN)
    data = load_yaml(carried).data
    assert data["year"] == 2024
    assert data["issuer"] == {"name": "左云县人民政府", "level": "county"} and data["recipient"] == "大同市人民政府"
    new_indicators = {i["key"]: i for i in data["indicators"]}
    assert list(new_indicators) == [i.key for i in last.indicators]
    for old in last.indicators:
        new = new_indicators[old.key]
        assert new["label"].startswith(old.label) and new.get("unit") == old.unit
        assert new.get("previous") == old.value  # None where last year gave only a change


def test_carried_forward_keeps_headings_and_clears_numbers_and_dates(carried):
    last, _ = read_report(ZUOYUN)
    data = load_yaml(carried).data
    for key, section in last.sections.items():
        assert [s["heading"] for s in data["sections"][key].get("subsections", [])] == [
            s.heading for s in section.subsections
        ]
    for field in ("document_number", "signed_on"):
        assert field not in data
    assert "published_on" not in data.get("disclosure", {}) and "index_number" not in data.get("disclosure", {})
    assert "printed_on" not in data["distribution"]


def test_carried_forward_offers_last_years_arrangements_in_measures(carried):
    text = carried.read_text(encoding="utf-8")
    last, _ = read_report(ZUOYUN)
    measures_at = text.index("  measures:")
    for sub in last.sections["next_year"].subsections:
        assert text.index(sub.heading) < measures_at  # listed in the comment above this year's measures


def test_carried_forward_fails_check_only_on_placeholders(carried):
    # The figures are left as value: null, which check reports at each indicator.
    assert error_codes(carried) == LEFT_TO_DO | {"missing-figure"}
    figures = [f for f in check_file(carried).errors if f.code == "missing-figure"]
    assert len(figures) == len(read_report(ZUOYUN)[0].indicators)
    warnings = {f.code for f in check_file(carried, ZUOYUN).warnings}
    assert not warnings & {"copied-from-previous", "previous-mismatch"}


def test_the_old_file_is_never_modified(tmp_path):
    before = ZUOYUN.read_bytes(), os.stat(ZUOYUN).st_mtime_ns
    init("--from", str(ZUOYUN), "-o", str(tmp_path / "next.yaml"))
    assert (ZUOYUN.read_bytes(), os.stat(ZUOYUN).st_mtime_ns) == before


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_carries_forward(tmp_path, example):
    path = init("--from", str(example), "-o", str(tmp_path / "next.yaml"))
    assert load_yaml(path).findings == []
    assert error_codes(path) <= LEFT_TO_DO | {"missing-figure"}


def test_from_excludes_options_that_come_from_the_file(tmp_path):
    result = runner.invoke(app, ["init", "--from", str(ZUOYUN), "--year", "2030", "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2


def test_next_year_name():
    assert next_year_name("zuoyun-2023.zh-CN.yaml", 2023) == "zuoyun-2024.zh-CN.yaml"
    assert next_year_name("report.yaml", 2023) == "report-2024.yaml"


# --- the copy warning on a carried-forward file ----------------------------------------------------

LAST_YEARS_PARAGRAPH = (
    "县政府把落实《法治政府建设实施纲要（2021—2025年）》和我省实施方案作为全年依法行政工作的主线。7月27日，"
    "县政府常务会议对《左云县贯彻落实〈法治政府建设实施纲要（2021—2025年）〉实施方案（讨论稿）》进行审议，修改完善后报送"
    "县委全面依法治县委员会，8月8日经县委全面依法治县委员会第五次会议审议通过。为推动行政机关负责人出庭应诉常态化，县政府"
    "常务会议专题传达学习《关于加强行政机关负责人出庭应诉工作的通知》和省委常委、市委书记卢东亮同志的批示精神，对抓好贯彻落实作出具体安排。"
)


def fill_first_point(carried: Path, text: str) -> Path:
    source = carried.read_text(encoding="utf-8")
    assert LAST_YEARS_PARAGRAPH in ZUOYUN.read_text(encoding="utf-8").replace("\n              ", "")
    carried.write_text(source.replace("- 【待填】具体做法、成效和数据", f"- {text}", 1), encoding="utf-8")
    return carried


def copied(path: Path) -> list[str]:
    return [f.field for f in check_file(path, ZUOYUN).findings if f.code == "copied-from-previous"]


def test_copy_warning_fires_on_a_pasted_paragraph(carried):
    path = fill_first_point(carried, LAST_YEARS_PARAGRAPH)
    assert copied(path) == ["sections.measures.subsections[0].points[0].text"]
    result = runner.invoke(app, ["check", str(path), "--previous", str(ZUOYUN), "--lang", "en"])
    assert "copied-from-previous" in result.output


def test_copy_warning_does_not_fire_on_a_changed_paragraph(carried):
    changed = LAST_YEARS_PARAGRAPH.replace("7月27日", "3月15日").replace("8月8日", "4月2日")
    path = fill_first_point(carried, changed)
    assert copied(path) == []


@pytest.mark.parametrize(
    ("index", "zh", "en"), [(0, "一、", "1. "), (9, "十、", "10. "), (10, "十一、", "11. "), (11, "十二、", "12. ")]
)
def test_the_comment_above_a_part_numbers_past_ten(index, zh, en):
    """A kind with more than ten parts: init's comments, `kinds` and `diff` number as the report does
    (they once printed "11." after 十 in Chinese)."""
    from genreport.data.kinds import load_kind
    from genreport.render.kinds_list import describe_kinds
    from genreport.yearly.scaffold import section_comment

    spec = load_kind("rule-of-law-government").sections[0]
    assert section_comment(index, spec, "zh-CN")[0] == f"{zh}{spec.heading('zh-CN')}"
    assert section_comment(index, spec, "en")[0] == f"{en}{spec.heading('en')}"
    kind = load_kind("rule-of-law-government")
    many = kind.model_copy(update={"sections": [kind.sections[0]] * 12})
    assert f"{zh}{spec.heading('zh-CN')}" in describe_kinds([many], "zh-CN")
