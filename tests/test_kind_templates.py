"""A kind finds its templates through its own folder, then templates/_common: a new kind adds
templates (or none at all) without any Python change."""

from __future__ import annotations

import shutil

import pytest
from conftest import DATA, output
from html_tree import parse

from genreport.build import build_file

MINIMAL_REPORT = """\
kind: minimal
locale: {locale}
year: 2023
issuer: {{name: 左云县司法局, level: department, parent: 左云县人民政府}}
signed_on: 2024-01-10
sections:
  summary:
    intro: 全年办理法律援助案件60件，接待群众法律咨询2032人次，公证处办理公证420件。
    points:
      - 法律援助应援尽援。
      - lead: 公证服务便民。
        text: 推行“最多跑一次”。
"""


@pytest.fixture
def extra_kinds(monkeypatch):
    """Adds tests/data/kinds to the kind search path."""
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(DATA / "kinds"))


def test_minimal_kind_builds_with_its_own_and_shared_templates(extra_kinds, tmp_path):
    data = tmp_path / "brief.yaml"
    data.write_text(MINIMAL_REPORT.format(locale="zh-CN"), encoding="utf-8")
    result = build_file(data, tmp_path / "out")
    # the PDF too: a second kind prints with the locale's stylesheet, no Python of its own
    assert [p.name for p in result.written] == ["brief.zh-CN.html", "brief.zh-CN.md", "brief.zh-CN.pdf"], [
        f.message.en for f in result.check.findings
    ]
    tree = parse((output(tmp_path / "out", "html")).read_text(encoding="utf-8"))
    assert [s.text for s in tree.find_all("span", "title-line")] == ["左云县司法局2023年工作简报"]
    parts = tree.find_all("section", "part")
    assert [p.attrs["id"] for p in parts] == ["part-summary"]  # "plans" is optional and absent: no trace
    assert parts[0].find("p", "brief-note").text == "本简报供内部参考。"  # the kind's own sections/summary.html.j2
    assert [p.text for p in parts[0].find_all("p", "point")] == [
        "一是法律援助应援尽援。",
        "二是公证服务便民。推行“最多跑一次”。",
    ]
    md = (output(tmp_path / "out", "md")).read_text(encoding="utf-8")
    assert "## 一、工作概况\n\n*本简报供内部参考。*\n\n全年办理" in md


def test_kind_with_no_templates_uses_the_shared_ones(tmp_path, monkeypatch):
    kinds = tmp_path / "kinds"
    (kinds / "bare").mkdir(parents=True)
    spec = (DATA / "kinds" / "minimal" / "kind.yaml").read_text(encoding="utf-8").replace("name: minimal", "name: bare")
    (kinds / "bare" / "kind.yaml").write_text(spec, encoding="utf-8")
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(kinds))
    data = tmp_path / "bare.yaml"
    text = MINIMAL_REPORT.format(locale="en").replace("kind: minimal", "kind: bare")
    data.write_text(text + "  plans:\n    none: true\n", encoding="utf-8")
    result = build_file(data, tmp_path / "out")
    assert result.written
    tree = parse((output(tmp_path / "out", "html")).read_text(encoding="utf-8"))
    assert tree.find("html").attrs["lang"] == "en"
    assert tree.find("h1").text == "左云县司法局 2023 Work Brief"
    assert tree.find("p", "brief-note") is None
    assert [h.text for h in tree.find_all("h2", "part-heading")] == ["1. Summary", "2. Plans"]
    assert tree.find("p", "none-statement").text == "None."


def test_kind_template_overrides_the_shared_frame(tmp_path, monkeypatch):
    kinds = tmp_path / "kinds"
    shutil.copytree(DATA / "kinds" / "minimal", kinds / "minimal")
    (kinds / "minimal" / "report.html.j2").write_text(
        '{% extends "base.html.j2" %}\n{% block indicators %}<p class="house-style">{{ doc.title }}</p>{% endblock %}\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(kinds))
    data = tmp_path / "brief.yaml"
    data.write_text(MINIMAL_REPORT.format(locale="zh-CN"), encoding="utf-8")
    assert build_file(data, tmp_path / "out").written
    tree = parse((output(tmp_path / "out", "html")).read_text(encoding="utf-8"))
    assert tree.find("p", "house-style").text == "左云县司法局2023年工作简报"


def test_template_error_names_the_template_and_line(tmp_path, monkeypatch):
    from genreport.errors import RenderError

    kinds = tmp_path / "kinds"
    shutil.copytree(DATA / "kinds" / "minimal", kinds / "minimal")
    (kinds / "minimal" / "sections" / "summary.html.j2").write_text(
        '{% extends "part.html.j2" %}\n{% block body %}\n{{ doc.no_such_field }}\n{% endblock %}\n', encoding="utf-8"
    )
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(kinds))
    data = tmp_path / "brief.yaml"
    data.write_text(MINIMAL_REPORT.format(locale="zh-CN"), encoding="utf-8")
    with pytest.raises(RenderError) as caught:
        build_file(data, tmp_path / "out")
    assert "summary.html.j2:3" in caught.value.message("en") and "no_such_field" in caught.value.message("en")
    assert not (tmp_path / "out").exists()
