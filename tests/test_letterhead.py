"""The optional 版头 (data `letterhead:`, GB/T 9704 §7.2): 发文机关标志, 签发人 on the number's line and
the red rule, in every output when asked for, nowhere otherwise; verify-layout measures it and
catches each part moved on purpose."""

from __future__ import annotations

import pytest
from html_tree import parse
from pdf_helpers import EXAMPLES, verified
from render_helpers import document

from genreport.pdf.prepare import PdfSettings, render_pdf
from genreport.render.html import render_html
from genreport.render.md import render_markdown
from genreport.verify.layout import FAIL, NA, OK, verify

LETTERHEAD = "letterhead:\n  signers: [王某某]\n"


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """zuoyun with a 版头: the copy sent up to the city."""
    text = (EXAMPLES / "zuoyun-2023.zh-CN.yaml").read_text(encoding="utf-8")
    text = text.replace("document_number: 左政发〔2024〕2号\n", "document_number: 左政发〔2024〕2号\n" + LETTERHEAD, 1)
    assert LETTERHEAD in text
    path = tmp_path_factory.mktemp("letterhead") / "zuoyun-up.zh-CN.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pdf(source, tmp_path_factory):
    """Its PDF."""
    path = tmp_path_factory.mktemp("letterhead-pdf") / "r.pdf"
    path.write_bytes(render_pdf(document(source, draft=False)))
    return path


def test_html_and_markdown_carry_the_mark_and_signers(source):
    doc = document(source, draft=False)
    tree = parse(render_html(doc))
    assert tree.find("p", "issuer-mark").text == "左云县人民政府文件"
    number = tree.find("p", "doc-number")
    assert number.find("span", "number").text == "左政发〔2024〕2号"
    assert number.find("span", "signers").text == "签发人：王某某"
    assert tree.find("div", "red-rule") is not None
    md = render_markdown(doc)
    assert "**左云县人民政府文件**" in md and "左政发〔2024〕2号　签发人：王某某" in md


def test_no_letterhead_no_trace():
    tree = parse(render_html(document(EXAMPLES / "zuoyun-2023.zh-CN.yaml", draft=False)))
    assert tree.find("p", "issuer-mark") is None and tree.find("div", "red-rule") is None
    (result,) = [r for r in verified("zuoyun-2023.zh-CN").results if r.clause == "§7.2"]
    assert result.status == NA


def test_the_letterhead_measures_right_and_keeps_the_grid(pdf):
    results = verify(pdf).results
    ours = {r.clause: r for r in results if r.clause in ("§7.2.4", "§7.2.6", "§7.2.7")}
    assert sorted(ours) == ["§7.2.4", "§7.2.6", "§7.2.7"]
    assert all(r.status == OK for r in ours.values()), ours
    assert [r for r in results if r.status == FAIL] == []  # 22 lines, the grid, the title: all as without it


BROKEN = {
    "mark 5 mm lower": (".with-letterhead .issuer-mark { padding-top: 41.921mm; }", "§7.2.4"),
    "signers at the margin": (".with-letterhead .doc-number { padding: 0; }", "§7.2.6"),
    "rule 8 mm down": (".with-letterhead .red-rule { top: 6mm; }", "§7.2.7"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_moved_letterhead_part_is_reported(name, source, tmp_path):
    css, clause = BROKEN[name]
    path = tmp_path / "broken.pdf"
    path.write_bytes(render_pdf(document(source, draft=False), PdfSettings(extra_css=css)))
    failures = [r.clause for r in verify(path).results if r.status == FAIL]
    assert clause in failures, failures
