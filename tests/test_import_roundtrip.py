"""Round trip: every example rendered by genreport itself (.html, .md, and .docx as `build -f docx`
writes it), imported back, must give the same parts, subsections, points and text (after
normalisation) and the same metadata, and the imported file must check without errors other than
those of the source. The indicators (attachment 1) come back as commented-out candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES
from import_helpers import checked, enable_candidates, import_to_yaml, indicator_view, metadata, shape
from render_helpers import document

from genreport.docx import render_docx
from genreport.render.document import Document
from genreport.render.html import render_html
from genreport.render.md import render_markdown

COMPLETE = [p for p in sorted(EXAMPLES.glob("*.yaml")) if not p.name.startswith("draft-")]
WEB_ONLY = ("index_number", "classification", "published_on")
RENDER: dict[str, Callable[[Document], str | bytes]] = {"html": render_html, "md": render_markdown, "docx": render_docx}


def _write(doc: Document, fmt: str, target: Path) -> Path:
    """The document as genreport writes it in `fmt`, saved to `target`."""
    output = RENDER[fmt](doc)
    if isinstance(output, bytes):
        target.write_bytes(output)
    else:
        target.write_text(output, encoding="utf-8")
    return target


@pytest.mark.parametrize("fmt", ["html", "md", "docx"])
@pytest.mark.parametrize("example", COMPLETE, ids=[p.stem for p in COMPLETE])
def test_round_trip(example: Path, fmt: str, tmp_path: Path) -> None:
    doc = document(example)
    source = _write(doc, fmt, tmp_path / f"{example.stem}.{fmt}")
    imported_path, imported = import_to_yaml(source, tmp_path / "imported.yaml")
    report, imported_doc, errors = checked(imported_path)
    assert errors == [], [f"{e.location}: {e.message.en}" for e in errors]
    # HTML marks each point's lead (span.point-lead); Markdown does not, so there lead + text is compared
    leads = fmt == "html"
    assert shape(report, leads) == shape(doc.report, leads)
    expected = metadata(doc.report, doc.title)
    if (
        fmt == "docx"
    ):  # the website's disclosure fields (索引号, 信息分类, 发布日期) are the web page's, not the Word file's
        expected |= dict.fromkeys(WEB_ONLY)
    assert metadata(report, imported_doc.title) == expected
    # the user's attachments as written, tables' column alignment included (metadata compares them flattened)
    assert [a.body for a in report.attachments] == [a.body.strip() for a in doc.report.attachments]
    if doc.locale == "zh-CN":
        assert [i.level for i in report.issuers] == [i.level for i in doc.report.issuers]
    assert imported.missing == []
    assert report.indicators == []  # figures are never turned into indicators by guesswork
    # the indicators attachment came back as candidates, commented out: switched on, they are the example's
    enabled = tmp_path / "enabled.yaml"
    enabled.write_text(enable_candidates(imported_path.read_text(encoding="utf-8")), encoding="utf-8")
    with_indicators, _, enabled_errors = checked(enabled)
    assert enabled_errors == [], [f"{e.location}: {e.message.en}" for e in enabled_errors]
    assert indicator_view(with_indicators) == indicator_view(doc.report) != []


@pytest.mark.parametrize("fmt", ["html", "md", "docx"])
def test_round_trip_draft(fmt: str, tmp_path: Path) -> None:
    """The incomplete draft: its missing part stays missing and is reported, its placeholder is not imported as text."""
    example = EXAMPLES / "draft-incomplete.zh-CN.yaml"
    doc = document(example)
    source = _write(doc, fmt, tmp_path / f"draft.{fmt}")
    imported_path, imported = import_to_yaml(source, tmp_path / "imported.yaml")
    report, _, errors = checked(imported_path)
    assert "leaders_duties" not in report.sections
    assert imported.missing == ["leaders_duties"]
    assert {e.code for e in errors} >= {"missing-section"}
    expected = shape(doc.report, fmt == "html")
    expected.pop("leaders_duties", None)
    assert shape(report, fmt == "html") == expected
    assert report.document_number == "平政发〔2024〕2号"  # 平政发[2024]第02号, normalised
    assert any("平政发[2024]第02号" in n.message.zh for n in imported.notes.of("normalised"))
    if fmt != "docx":  # the .docx prints its draft mark in the page header, which the importer does not read
        assert any("征求意见稿" in n.message.zh for n in imported.notes.of("left-out"))


LEADS = """
  deficiencies:
    points:
      - text: 执法力量不足。乡镇综合行政执法队伍组建时间不长，人员数量和专业背景与承接的执法事项还不完全匹配。
      - lead: 学习贯彻习近平法治思想还不够深入系统，部分行政执法人员运用法治思维和法治方式解决问题的意识和能力仍有差距。
        text: 主要原因是培训与岗位结合不紧。
      - lead: 普法宣传：
        text: 形式还不够丰富，覆盖对象不够全面。
"""


def test_html_keeps_the_leads_it_marks(valid_text: str, tmp_path: Path) -> None:
    """HTML marks each lead; the first-sentence guess (for text without marks) would get all three wrong."""
    start = valid_text.index("  deficiencies:")
    end = valid_text.index("  leaders_duties:")
    source_yaml = tmp_path / "leads.yaml"
    source_yaml.write_text(valid_text[:start] + LEADS.lstrip("\n") + valid_text[end:], encoding="utf-8")
    doc = document(source_yaml)
    page = tmp_path / "leads.html"
    page.write_text(render_html(doc), encoding="utf-8")
    imported_path, _ = import_to_yaml(page, tmp_path / "imported.yaml")
    report, _, _ = checked(imported_path)
    points = [(p.lead, p.text) for p in report.sections["deficiencies"].points]
    assert points == [(p.lead, p.text) for p in doc.report.sections["deficiencies"].points]
