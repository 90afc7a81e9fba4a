"""verify-layout's typesetting checks (verify/flow.py, verify/en.py, the sealed rule from the data),
each shown to catch a PDF built with its rule switched off, and the examples passing them.

The break is injected through PdfSettings.extra_css, as in test_verify_cases.py.
"""

from __future__ import annotations

import pytest
from pdf_helpers import EXAMPLES, FINAL_ZH, verified
from render_helpers import document

from genreport.gbt9704 import CELL, LEFT, MM
from genreport.gbt9704 import PITCH as PITCH_PT
from genreport.pdf import cjk_breaks
from genreport.pdf.compose import policy
from genreport.pdf.prepare import PdfSettings, render_pdf
from genreport.verify.layout import FAIL, OK, verify
from genreport.verify.measure import read_pdf

PITCH = "no letter-spaced line"
STRANDED = "no heading stranded"
NOTE = "附件说明 lists every attachment"

# (example, css that switches a rule off, clause, words of the check that must then fail)
BROKEN = {
    # the composer's pushed-down characters let go (first-fit again): zuoyun's loose line before
    # “7×24小时” comes back
    "no composer glue": ("zuoyun-2023.zh-CN", ".nb { white-space: normal; }", "§5.2.2", PITCH),
    # a heading's paragraph may split 1 + rest again: with FandolFang as the body font zuoyun strands
    # two (（一） at the foot of page 1, （二） of page 10); joint, whose headings did with Noto Serif
    # CJK SC, now has none near a page foot, so switching the rule off there proved nothing
    "orphans 1 under headings": ("zuoyun-2023.zh-CN", "p { orphans: 1 !important; }", "SPEC typesetting", STRANDED),
    "no 附件 label": ("joint-2023.zh-CN", ".attachment-label { visibility: hidden; }", "§7.3.4", NOTE),
    "no 附件说明": ("joint-2023.zh-CN", ".attachments-note { display: none; }", "§7.3.4", NOTE),
    # joint is sealed: set its signature as an unsealed one; the geometry alone would pass it
    "sealed report set unsealed": (
        "joint-2023.zh-CN",
        ".signature.sealed { margin-right: 31.56pt; margin-top: 10.2272mm; }"
        " .signature.sealed .sign-date { padding-left: 31.56pt; }"
        " .signature.sealed .signer, .signature.sealed .signer:last-child { text-align: left; margin: 0; }",
        "§7.3.5",
        "sealed",
    ),
    "en left margin 35 mm": ("zuoyun-2023.en", "@page { margin-left: 35mm; }", "a4.css", "margins"),
    "en page numbers at the right": (
        "zuoyun-2023.en",
        "@page { @bottom-center { content: none; } @bottom-right { content: counter(page); font-size: 10pt; } }",
        "a4.css",
        "page numbers",
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_rule_switched_off_is_reported(name, tmp_path):
    stem, css, clause, check = BROKEN[name]
    doc = document(EXAMPLES / f"{stem}.yaml", draft=False)
    path = tmp_path / "broken.pdf"
    path.write_bytes(render_pdf(doc, PdfSettings(extra_css=css)))
    failures = [(r.clause, r.check) for r in verify(path).results if r.status == FAIL]
    assert any(c == clause and check in text for c, text in failures), failures


def test_en_text_in_a_font_of_no_role_is_reported(tmp_path):
    """A build only sees its roles' fonts; plain WeasyPrint, with the system's, can set a font of none."""
    import weasyprint

    from genreport.render.html import render_html
    from genreport.resources import styles_dir

    doc = document(EXAMPLES / "zuoyun-2023.en.yaml", draft=False)
    mono = weasyprint.CSS(string='body { font-family: "DejaVu Sans Mono"; }')
    sheets = [weasyprint.CSS(filename=str(styles_dir() / "a4.css")), mono]
    path = tmp_path / "mono.pdf"
    weasyprint.HTML(string=render_html(doc, stylesheets=())).write_pdf(path, stylesheets=sheets)
    failures = [(r.clause, r.check, r.detail) for r in verify(path).results if r.status == FAIL]
    found = [(c, check) for c, check, detail in failures if "DejaVu" in detail]
    assert any(c == "a4.css" and "font roles" in check for c, check in found), failures


def test_a_drafts_placeholder_keeps_two_lines_under_its_heading(tmp_path):
    """A draft shows a missing part as a placeholder (div.missing, two lines for 三、 in the draft
    example) under its heading: it splits 2 + rest at a page foot, like a paragraph. The part is
    moved down (padding above its heading) until its heading is on line 21 of its page."""
    doc = document(EXAMPLES / "draft-incomplete.zh-CN.yaml", draft=True)
    path = tmp_path / "draft.pdf"

    def stranded(css: str) -> str:
        path.write_bytes(render_pdf(doc, PdfSettings(extra_css=css)))
        (result,) = [r for r in verify(path).results if r.check.startswith(STRANDED)]
        return result.detail if result.status == FAIL else ""

    assert stranded("") == ""
    page = next(p for p in read_pdf(path).pages if any(line.text.startswith("三、党政") for line in p.text_lines))
    body = [line for line in page.text_lines if line.size == 16.0]
    heading = next(i for i, line in enumerate(body) if line.text.startswith("三、党政"))
    row = round((body[heading].baseline - body[0].baseline) / PITCH_PT)  # 0-based grid line on its page
    assert row <= 20, f"三、 is on line {row + 1}: move it some other way"
    lower = f"#part-leaders_duties {{ padding-top: calc({20 - row} * 10.2272mm); }}"
    assert stranded(lower) == ""
    assert "三、党政主要负责人" in stranded(lower + " .missing { orphans: 1 !important; }")  # the rule off


@pytest.mark.parametrize("stem", FINAL_ZH)
def test_examples_pass_the_typesetting_checks(stem):
    results = {r.check: r for r in verified(stem).results}
    for words in (PITCH, STRANDED, NOTE):
        (result,) = [r for check, r in results.items() if check.startswith(words)]
        assert result.status == OK, result


def test_no_example_line_is_letter_spaced_past_8_percent():
    """The measurement itself, on every final example: the widest hanzi pitch of any line."""
    from genreport.verify.flow import hanzi_pitch

    widest = 0.0
    for stem in FINAL_ZH:
        pdf = read_pdf(verified(stem).path)
        pitches = [hanzi_pitch(line) for page in pdf.pages for line in page.text_lines if line.size == 16.0]
        widest = max(widest, max(p for p in pitches if p is not None))
    assert CELL < widest <= CELL * 1.08, widest


def test_the_sealed_rule_comes_from_the_data():
    (result,) = [r for r in verified("joint-2023.zh-CN").results if r.check.startswith("sealed")]
    assert result.status == OK and "sealed (data)" in result.detail
    (result,) = [r for r in verified("zuoyun-2023.zh-CN").results if r.check.startswith("issuer 2 characters")]
    assert result.status == OK and "unsealed (data)" in result.detail


def test_break_opportunities_only_in_body_text():
    html = (
        "<html><head><title>“甲”乙</title></head><body><h2>一、推进“放管服”改革</h2>"
        "<p>推行“7×24小时”服务，落实《纲要（2021—2025年）》。</p>"
        "<svg><text>“甲”乙</text></svg></body></html>"
    )
    out = cjk_breaks.add_breaks(html)
    assert out.count(cjk_breaks.BREAK) == 3  # before “, after ”, after 2021—
    assert "<h2>一、推进“放管服”改革</h2>" in out and "<title>“甲”乙</title>" in out
    assert "<text>“甲”乙</text>" in out
    assert out.replace(cjk_breaks.BREAK, "") == html


def _lone_last_lines(path) -> list[tuple[int, str]]:
    """Paragraph last lines of one hanzi (强。) on the report's pages, from the PDF."""
    import re

    pdf = read_pdf(path)
    return [
        (page.number, line.text)
        for page in pdf.pages
        for line in page.text_lines
        if line.size == 16.0
        and len(line.text) <= 3
        and len(re.findall(r"[\u4e00-\u9fff]", line.text)) == 1
        and abs(line.x0 - LEFT * MM) < 1  # a paragraph's continuation line, not a one-line 无。
    ]


def test_a_lone_last_character_is_avoided_by_the_composer(monkeypatch, tmp_path):
    """First-fit leaves 强。 and 容。 alone in zuoyun with FandolFang; the composer's total-fit
    pushes a character down to them instead: no paragraph of zuoyun ends in one hanzi."""
    doc = document(EXAMPLES / "zuoyun-2023.zh-CN.yaml", draft=False)
    path = tmp_path / "r.pdf"
    path.write_bytes(render_pdf(doc))
    assert _lone_last_lines(path) == []
    monkeypatch.setattr(policy, "LONE_LAST_COST", 0.0)  # the rule off
    path.write_bytes(render_pdf(doc))
    assert _lone_last_lines(path) != []


def test_english_attachments_note_items_stand_clear_of_the_label():
    pdf = read_pdf(verified("zuoyun-2023.en").path)
    (note,) = [line for page in pdf.pages for line in page.lines if line.text.startswith("Attachments:")]
    colon = next(g for g in note.glyphs if g.text == ":")
    number = next(g for g in note.glyphs if g.text == "1")
    assert number.x0 > colon.x1 + 1, (colon, number)  # "Attachments:  1. Key figures, 2023"
