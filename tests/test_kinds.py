"""Report kinds are data: a second kind is found and checked with no Python change."""

from __future__ import annotations

import pytest
from conftest import DATA

from genreport.data.kinds import list_kinds, load_kind
from genreport.errors import KindError

MINIMAL_REPORT = """\
kind: minimal
locale: zh-CN
year: 2023
issuer: {name: 左云县司法局, level: department, parent: 左云县人民政府}
signed_on: 2024-01-10
sections:
  summary:
    intro: 全年办理法律援助案件60件，接待群众法律咨询2032人次，公证处办理公证420件。
"""


@pytest.fixture
def extra_kinds(monkeypatch):
    """Adds tests/data/kinds to the kind search path."""
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(DATA / "kinds"))


def test_bundled_kind_is_listed():
    assert "rule-of-law-government" in list_kinds()
    spec = load_kind("rule-of-law-government")
    assert spec.section_keys == ["measures", "deficiencies", "leaders_duties", "next_year", "other_matters"]
    assert spec.section("other_matters").allow_none


def test_second_kind_found_from_data_only(extra_kinds, check_text):
    assert {"minimal", "rule-of-law-government"} <= set(list_kinds())
    assert load_kind("minimal").section_keys == ["summary", "plans"]
    result = check_text(MINIMAL_REPORT)
    assert result.kind is not None and result.kind.name == "minimal"
    assert result.findings == []


def test_second_kind_rules_apply(extra_kinds, check_text):
    text = MINIMAL_REPORT.replace("  summary:", "  measures:")
    codes = {f.code for f in check_text(text).findings}
    assert {"unknown-section", "missing-section"} <= codes


def test_unknown_kind_raises():
    with pytest.raises(KindError):
        load_kind("no-such-kind")


def test_invalid_kind_file_is_a_kind_error(tmp_path, monkeypatch):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "kind.yaml").write_text("name: broken\nlabel: {zh-CN: x, en: x}\n", encoding="utf-8")
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(tmp_path))
    with pytest.raises(KindError):
        load_kind("broken")


def test_a_kind_whose_name_differs_from_its_folder_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "renamed"
    import shutil

    shutil.copytree(DATA / "kinds" / "minimal", folder)
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(tmp_path))
    with pytest.raises(KindError) as raised:
        load_kind("renamed")
    assert "'minimal'" in raised.value.message("en") and "'renamed'" in raised.value.message("en")
