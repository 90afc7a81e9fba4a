"""The built PDFs, read back: page size, fonts, bookmarks, metadata, text, byte-identical rebuilds, layout.

Every example is built once per session (pdf_helpers.example_pdf) and read with pypdf,
pdfplumber and poppler; `verify-layout` is the oracle for the GB/T 9704 layout.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import pytest
from conftest import output
from fandol_helpers import require_fandol
from html_tree import parse
from pdf_helpers import (
    DRAFT_ZH,
    EN_EXAMPLES,
    EXAMPLES,
    FINAL_ZH,
    ROOT,
    ZH_EXAMPLES,
    example_pdf,
    outline_titles,
    poppler,
    verified,
)
from pypdf import PdfReader
from render_helpers import document

from genreport.render.html import render_html
from genreport.verify.layout import FAIL

ALL = ZH_EXAMPLES + EN_EXAMPLES
A4_PT = (595.28, 841.89)


def headings(stem: str) -> list[tuple[int, str]]:
    """(depth, text) of every h1-h3 of the example's HTML, in order: what the outline must show."""
    tree = parse(render_html(document(EXAMPLES / f"{stem}.yaml", draft=stem.startswith("draft"))))
    found = [(int(n.tag[1]) - 1, " ".join(n.text.split())) for n in tree.iter() if n.tag in ("h1", "h2", "h3")]
    return found


@pytest.mark.parametrize("stem", ALL)
def test_every_page_is_a4(stem):
    reader = PdfReader(example_pdf(stem))
    sizes = {(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) for p in reader.pages}
    assert sizes == {A4_PT}


@pytest.mark.parametrize("stem", ALL)
def test_every_font_is_embedded_and_subset_and_none_is_dejavu(stem):
    rows = poppler("pdffonts", str(example_pdf(stem))).splitlines()[2:]
    assert rows
    for row in rows:
        name, *_, emb, sub, _uni, _obj, _gen = row.split()
        assert (emb, sub) == ("yes", "yes"), row
        assert re.match(r"[A-Z]{6}\+", name), row
        assert "DejaVu" not in name, row


@pytest.mark.parametrize("stem", ALL)
def test_outline_matches_the_headings_nested_by_level(stem):
    outline = [(depth, " ".join(title.split())) for depth, title in outline_titles(example_pdf(stem))]
    assert outline == headings(stem)
    assert outline[0][0] == 0 and {depth for depth, _ in outline} <= {0, 1, 2}


@pytest.mark.parametrize("stem", ALL)
def test_metadata_title_author_subject_language_dates(stem):
    doc = document(EXAMPLES / f"{stem}.yaml", draft=stem.startswith("draft"))
    reader = PdfReader(example_pdf(stem))
    info = reader.metadata
    assert info.title == doc.title
    assert info.author == ", ".join(doc.issuer_names)
    assert str(doc.report.year) in info.subject
    assert reader.trailer["/Root"]["/Lang"] == doc.locale
    signed = doc.report.signed_on
    assert info.get("/CreationDate") == (f"D:{signed:%Y%m%d}" if signed else None)
    assert info.get("/ModDate") == info.get("/CreationDate")
    assert "Tagged:          yes" in poppler("pdfinfo", str(example_pdf(stem)))  # PDF/UA-1 structure tree


@pytest.mark.parametrize("stem", FINAL_ZH + DRAFT_ZH)
def test_chinese_text_extracts_in_reading_order_without_stray_spaces(stem):
    path = example_pdf(stem)
    text = poppler("pdftotext", "-enc", "UTF-8", str(path), "-")
    doc = document(EXAMPLES / f"{stem}.yaml", draft=stem.startswith("draft"))
    flat = re.sub(r"\s+", "", text)
    # every heading, and the preamble's first sentence, in the order the report has them
    positions = [flat.index(re.sub(r"\s+", "", h)) for _, h in headings(stem)[1:] if not h.startswith("主要指标")]
    assert positions == sorted(positions)
    assert re.sub(r"\s+", "", doc.report.preamble or "")[:30] in flat
    # no space between two Chinese characters inside a line of body text (tables excepted: cells),
    # unless the data itself has one there (an ideographic space in a joint title, a typed space)
    source = re.sub(r"[ \u3000]+", " ", parse(render_html(doc)).text)
    body = [
        page for page, kind in zip(text.split("\f"), verified(stem).kinds, strict=False) if kind in ("first", "body")
    ]
    pairs = [
        m
        for page in body
        for m in re.findall(r"[\u4e00-\u9fff，。、；：“”（）] +[\u4e00-\u9fff，。、；：“”（）]", page)
    ]
    stray = [m for m in pairs if re.sub(" +", " ", m) not in source]
    assert stray == []


def test_two_builds_in_two_processes_are_byte_identical(tmp_path):
    """A fresh process with another hash seed writes the same bytes as this session's build."""
    stem = "zuoyun-2023.zh-CN"
    out = tmp_path / "again"
    command = [sys.executable, "-m", "genreport", "build", str(EXAMPLES / f"{stem}.yaml"), "-o", str(out), "-f", "pdf"]
    subprocess.run(
        command,
        check=True,
        capture_output=True,
        cwd=ROOT,
        env={"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    first, second = example_pdf(stem).read_bytes(), (output(out, "pdf")).read_bytes()
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


@pytest.mark.parametrize("stem", FINAL_ZH)
def test_verify_layout_passes_on_every_zh_example(stem):
    result = verified(stem)
    assert result.failures == [], [f"{r.clause} {r.check}: {r.detail}" for r in result.failures]
    assert result.unverified == [], [f"{r.clause} {r.check}: {r.detail}" for r in result.unverified]
    assert set(result.grid.lines_per_page.values()) <= set(range(1, 23))
    assert result.grid.chars_per_line and set(result.grid.chars_per_line) == {28}
    assert abs(result.grid.left_mm - 28) < 0.1 and all(abs(t - 37) <= 1 for t in result.grid.top_mm)


@pytest.mark.parametrize("stem", DRAFT_ZH)
def test_the_draft_fails_only_on_its_planted_document_number(stem):
    """The draft example carries planted data problems; the one that reaches the page is the
    document number 平政发[2024]第02号 (§7.2.5). Everything the stylesheet decides passes."""
    result = verified(stem)
    assert [(r.clause, r.detail) for r in result.failures] == [("§7.2.5", "平政发[2024]第02号")]
    assert result.unverified == []


@pytest.mark.parametrize("stem", FINAL_ZH)
def test_page_one_numbered_at_the_right_and_page_two_at_the_left(stem):
    import pdfplumber

    with pdfplumber.open(example_pdf(stem)) as pdf:
        for index, side in ((0, "right"), (1, "left")):
            page = pdf.pages[index]
            foot = [c for c in page.chars if c["top"] > 264 * 72 / 25.4 and not c["text"].isspace()]
            text = "".join(c["text"] for c in sorted(foot, key=lambda c: c["x0"]))
            assert text == f"—{index + 1}—"
            x0, x1 = min(c["x0"] for c in foot), max(c["x1"] for c in foot)
            left, right = 28 * 72 / 25.4, 184 * 72 / 25.4
            if side == "right":
                assert abs(right - x1 - 14) < 1.5 and x0 > page.width / 2
            else:
                assert abs(x0 - left - 14) < 1.5 and x1 < page.width / 2


@pytest.mark.parametrize("stem", DRAFT_ZH + ["draft-en"])
def test_a_draft_marks_every_page(stem, tmp_path):
    if stem == "draft-en":  # the en example built as a draft
        from genreport.build import build_file

        path = build_file(EXAMPLES / "zuoyun-2023.en.yaml", tmp_path, ["pdf"], draft=True).written[0]
        mark = "DRAFT"
    else:
        path, mark = example_pdf(stem), "征求意见稿"
    pages = poppler("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")[:-1]
    assert pages and all(mark in page for page in pages)


@pytest.mark.parametrize("stem", EN_EXAMPLES)
def test_en_is_a4_serif_with_bookmarks_and_not_judged_by_gbt9704(stem):
    path = example_pdf(stem)
    fonts = poppler("pdffonts", str(path))
    body = [line.split()[0].split("+")[1] for line in fonts.splitlines()[2:]]
    assert any(name.startswith("Noto-Serif") and "CJK" not in name for name in body)
    result = verified(stem)
    assert [r.status for r in result.results if r.clause != "a4.css"] == ["ok", "n/a"]
    assert [r.status for r in result.results if r.clause == "a4.css"] == [
        "ok",
        "ok",
        "ok",
        "ok",
    ]  # verify/en.py: margins, fonts, page numbers, nothing outside the block
    assert len(outline_titles(path)) > 5


def test_the_zh_body_is_set_in_the_fangsong_role_and_headings_in_their_roles():
    require_fandol()
    result = verified("zuoyun-2023.zh-CN")
    by_check = {r.check: r for r in result.results}
    assert by_check["body text in 仿宋"].detail.startswith("FandolFang (substitute")
    assert "Noto-Sans-CJK-SC" in by_check["一、 headings: 黑体, 16 pt, not bold"].detail
    assert "FandolKai" in by_check["（一） headings: 楷体, 16 pt, not bold"].detail
    assert FAIL not in {r.status for r in result.results}
