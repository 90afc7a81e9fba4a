"""Issue 27 item 10: long unbroken runs, and commands linear in a paragraph's length.

A word of more than 200 characters with no space or Chinese character to break at is an
`unbroken-run` error (LibreOffice could not open the .docx of a 1,000,000-character word, and a
final build no longer makes one); the .docx of a report that passes check with the longest run
allowed and a long paragraph opens in LibreOffice with its text; `diff` compares long paragraphs
by their common start and end instead of aligning them (quadratic: 48 s at 40,000 characters).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import line_of
from docx_helpers import SOFFICE, libreoffice_pdfs, pdf_text, squash

from genreport.build import build_file
from genreport.checks import check_file
from genreport.checks.line_breaks import MAX_UNBROKEN
from genreport.yearly.diff import diff_reports
from genreport.yearly.diff_format import format_text
from genreport.yearly.report_file import read_report

PREAMBLE = "  2023年，县政府围绕法治政府建设目标，把依法行政贯穿政府工作全过程，现将有关情况报告如下。"


def _report(tmp_path: Path, valid_text: str, preamble: str, name: str = "report.yaml") -> Path:
    path = tmp_path / name
    path.write_text(valid_text.replace(PREAMBLE, "  " + preamble, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "run", ["a" * (MAX_UNBROKEN + 1), "_" * 5_000, "x" * 1_000_000, "https://example.gov.cn/" + "a1/" * 80]
)
def test_a_run_with_nowhere_to_break_is_an_error_at_its_line(tmp_path: Path, valid_text: str, run: str) -> None:
    path = _report(tmp_path, valid_text, f"2023年，县政府{run}现将有关情况报告如下。")
    errors = [f for f in check_file(path).errors if f.code == "unbroken-run"]
    assert [(f.location.line, ".".join(map(str, f.path))) for f in errors] == [
        (line_of(valid_text, PREAMBLE), "preamble")
    ]
    assert str(len(run)) in errors[0].message.en
    if len(run) < 10_000:
        assert build_file(path, tmp_path / "out", ["docx"]).written == []  # a final build is refused


@pytest.mark.parametrize(
    "text", ["a" * MAX_UNBROKEN, "县" * 50_000, ("word " * 40_000).strip(), "a" * 150 + "县" + "b" * 150]
)
def test_text_that_can_break_is_no_finding(tmp_path: Path, valid_text: str, text: str) -> None:
    path = _report(tmp_path, valid_text, text)
    assert not [f for f in check_file(path).findings if f.code == "unbroken-run"]


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (Debian: libreoffice-writer-nogui)")
def test_the_docx_of_a_report_that_passes_check_opens_in_libreoffice(tmp_path: Path, valid_text: str) -> None:
    """The longest run check allows, and a 20,000-character paragraph, in one .docx."""
    run = "a" * MAX_UNBROKEN
    long = "依法行政" * 5_000
    path = _report(tmp_path, valid_text, f"2023年，县政府{run}现将有关情况报告如下。{long}")
    assert not check_file(path).errors
    built = build_file(path, tmp_path / "out", ["docx"])
    (docx,) = built.written
    pdf = libreoffice_pdfs([docx], tmp_path / "lo")[docx]
    text = squash(pdf_text(pdf, 0, 297))
    assert run in text and "依法行政" * 50 in text


def test_diff_of_long_paragraphs_never_aligns_them(
    tmp_path: Path, valid_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two 30,000-character paragraphs one edit apart: the edit is shown, and no SequenceMatcher
    ever aligns more than the limit (its cost is the product of the two lengths)."""
    body = "".join("县政府法治建设全年办理行政复议案件推进依法行政"[i * 7 % 23] for i in range(30_000))
    old = _report(tmp_path, valid_text, body, "old.yaml")
    new = _report(tmp_path, valid_text, body[:10_000] + "新增一句话" + body[10_000:], "new.yaml")
    sizes: list[int] = []
    real = difflib.SequenceMatcher.get_matching_blocks  # what ratio() and get_opcodes() align with

    def spy(self: difflib.SequenceMatcher[str]) -> list[difflib.Match]:
        sizes.append(len(self.a) + len(self.b))
        return real(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "get_matching_blocks", spy)
    (last, kind), (this, _) = read_report(old), read_report(new)
    shown = format_text(diff_reports(last, this, kind))
    assert "新增一句话" in shown
    assert sizes and max(sizes) <= 10_000  # the paragraphs are 30,000 characters each


def test_a_long_run_check_allows_stays_inside_the_text_block_of_the_pdf(tmp_path: Path, valid_text: str) -> None:
    """render/ gives a run past 40 characters a break opportunity every 20: without one, the 200
    letters below ran off the page's right edge (the line could not break)."""
    import pdfplumber

    from genreport.render.markdown import to_html

    path = _report(tmp_path, valid_text, f"2023年，县政府{'a' * MAX_UNBROKEN}现将有关情况报告如下。")
    assert not check_file(path).errors
    (pdf,) = build_file(path, tmp_path / "out", ["pdf"]).written
    right_edge = (
        (210 - 26 + 3) / 25.4 * 72
    )  # the text block's right edge, 3 mm of tolerance (justified Latin overhangs ~1.3 mm)
    with pdfplumber.open(pdf) as document:
        letters = [c for c in document.pages[0].chars if c["text"] == "a"]
    assert len(letters) == MAX_UNBROKEN
    assert max(c["x1"] for c in letters) <= right_edge
    assert 'href="https://example.gov.cn/' + "x" * 60 + '"' in str(
        to_html(f"[链接](https://example.gov.cn/{'x' * 60})")
    )  # never in a link
