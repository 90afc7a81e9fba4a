"""verify-layout catches each deliberately broken stylesheet, naming the right check (by its stable id).

The break is injected through PdfSettings.extra_css (appended after the real gbt9704.css), so
the real sheet is never edited. The joint example is the document: four body pages, a sealed
joint signature, indicators and a 版记 after a blank page, rendered in about half a second.
"""

from __future__ import annotations

import pytest
from pdf_helpers import EXAMPLES
from render_helpers import document

from genreport.pdf.prepare import PdfSettings, render_pdf
from genreport.verify.layout import FAIL, verify

BROKEN = {
    "left margin 35 mm": ("@page { margin-left: 35mm; }", "left-margin"),
    "top margin 45 mm": ("@page { margin-top: 45mm; }", "top-margin"),
    "body 15 pt": ("body { font-size: 15pt; }", "body-size"),
    "no letter-spacing": ("body { letter-spacing: 0; }", "chars-per-line"),
    "line pitch 30 pt": ("body, .part-heading, .subsection-heading { line-height: 30pt; }", "line-pitch"),
    "ragged right": ("body { text-align: left; }", "justified"),
    "page numbers centred": (
        '@page { @bottom-center { content: "— " counter(page) " —"; font-family: var(--font-song); font-size: 14pt;'
        " vertical-align: top; padding-top: 6.3mm; } }"
        " @page :right { @bottom-right { content: none; } } @page :left { @bottom-left { content: none; } }",
        "page-numbers",
    ),
    "page number dash 3 mm below": (
        "@page :right { @bottom-right { padding-top: 2mm; } } @page :left { @bottom-left { padding-top: 2mm; } }",
        "page-numbers",
    ),
    "bold headings": (".part-heading { font-weight: bold; }", "heading-1-font"),
    "title 20 pt": (".doc-title { font-size: 20pt; }", "title-size"),
    "seal date 2 characters in": (".signature.sealed { margin-right: 31.56pt; }", "signature-sealed"),
    "thin first 版记 rule": (".imprint .copies-to { border-top-width: 0.25mm; }", "imprint-rules"),
    "numbered 版记 page": ("@page imprint { @bottom-left { content: counter(page); } }", "page-numbers"),
    "附注 at the margin": (".annotation { text-indent: 0; }", "annotation"),
    "附件N in 仿宋": (".attachment-label { font-family: var(--font-fangsong); }", "attachment-label"),
    "附件N indented": (".attachment-label { text-indent: 31.56pt; }", "attachment-label"),
    "attachments note at the margin": (".attachments-note { margin-left: 0; padding-left: 0; text-indent: 0; }", "attachments-note"),
}
# The draft mark (SPEC --draft): on every page of a draft, here dropped from the left-hand pages.
DRAFT_BROKEN = "@page :left { @top-right { content: none; } }"


@pytest.fixture(scope="module")
def joint():
    """The joint example's Document."""
    return document(EXAMPLES / "joint-2023.zh-CN.yaml", draft=False)


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_stylesheet_is_reported_with_its_clause(name, joint, tmp_path):
    css, check_id = BROKEN[name]
    path = tmp_path / "broken.pdf"
    path.write_bytes(render_pdf(joint, PdfSettings(extra_css=css)))
    failures = [r.id for r in verify(path).results if r.status == FAIL]
    assert check_id in failures, failures


def test_a_draft_mark_missing_from_some_pages_is_reported(tmp_path):
    draft = document(EXAMPLES / "joint-2023.zh-CN.yaml", draft=True)
    path = tmp_path / "draft.pdf"
    path.write_bytes(render_pdf(draft, PdfSettings()))
    assert [r.status for r in verify(path).results if r.id == "draft-mark"] == ["ok"]
    path.write_bytes(render_pdf(draft, PdfSettings(extra_css=DRAFT_BROKEN)))
    assert "draft-mark" in [r.id for r in verify(path).results if r.status == FAIL]
