"""`verify-layout`: measure a built zh-CN PDF against GB/T 9704-2012 and report each deviation with its clause.

The measurements come from verify/measure.py; §5 (the grid) is judged in verify/grid.py, §7 (the
elements) in verify/clauses.py, and the Results they return are described in verify/results.py.
The font roles (which font is official, which a substitute) come from the print stylesheet, read
by fonts/roles.py. An en PDF is checked against styles/a4.css (verify/en.py): GB/T 9704 applies to zh-CN reports.
"""

from __future__ import annotations

import re
from pathlib import Path

from genreport.errors import GenreportError, Text
from genreport.fonts.roles import roles_of
from genreport.gbt9704 import A4
from genreport.resources import print_stylesheet
from genreport.verify import clauses, flow
from genreport.verify import fonts as layout_fonts
from genreport.verify.bounded import run_bounded
from genreport.verify.bounds import bounds_results
from genreport.verify.en import en_results
from genreport.verify.grid import body_size, grid_results
from genreport.verify.letterhead import letterhead_results
from genreport.verify.measure import Page, mm, of_size, read_pdf
from genreport.verify.results import FAIL, NA, NOT_VERIFIED, OK, Grid, Result, Verification, status_of

__all__ = ["FAIL", "NA", "NOT_VERIFIED", "OK", "Grid", "Result", "Verification", "classify", "verify", "verify_file"]


# ------------------------------------------------------------------ pages ---


def classify(page: Page, body_pt: float, last: bool) -> str:
    """first / body / attachment / other (tables, charts: no grid) / blank / imprint (版记)."""
    lines = page.text_lines
    if not lines:
        return "blank"
    if any(line.text.startswith("抄送") or line.text.endswith("印发") for line in lines) and last:
        return "imprint"
    if re.fullmatch(r"附件\s*\d*", lines[0].text):
        return "attachment"
    glyphs = sum(len(line.glyphs) for line in lines)
    body = sum(len(line.glyphs) for line in of_size(lines, body_pt))
    if page.number == 1:
        return "first"
    return "body" if body >= glyphs / 2 else "other"


# ------------------------------------------------------------------ entry ---


def verify(path: Path, stylesheet: Path | None = None) -> Verification:
    """Measure `path`. Raises ValueError (or pdfminer's errors) when it is not a readable PDF.
    `stylesheet` gives the font roles (default: gbt9704.css for a zh-CN PDF, a4.css for another)."""
    pdf = read_pdf(path)
    sheet = stylesheet or print_stylesheet("zh-CN")
    roles = {r.key: r for r in roles_of(sheet)}
    body_pt = body_size(pdf)
    kinds = [classify(p, body_pt, p.number == len(pdf.pages)) for p in pdf.pages]
    if pdf.lang and not pdf.lang.lower().startswith("zh"):
        width, height = mm(pdf.pages[0].width), mm(pdf.pages[0].height)
        a4 = abs(width - A4[0]) < 0.5 and abs(height - A4[1]) < 0.5
        results = [
            Result("§5.1", "page size A4 210 × 297 mm", status_of(a4), f"{width} × {height} mm"),
            Result(
                "GB/T 9704",
                "the zh-CN layout",
                NA,
                f"this PDF's language is {pdf.lang}: GB/T 9704 applies to zh-CN reports",
            ),
        ]
        results += list(en_results(pdf, {r.key: r for r in roles_of(stylesheet or print_stylesheet("en"))}))
        return Verification(path, kinds, Grid(body_pt=body_pt), results)
    grid, results = grid_results(pdf, kinds, body_pt)
    parts = (
        clauses.fonts_results(pdf, kinds, body_pt, roles),
        clauses.head_results(pdf, body_pt, roles),
        clauses.closing_results(pdf, kinds),
        clauses.attachments_results(pdf, kinds, roles),
        clauses.imprint_results(pdf, kinds),
        clauses.page_numbers_results(pdf, kinds, roles),
        clauses.draft_results(pdf),
        flow.pitch_results(pdf, kinds, body_pt),
        flow.stranded_results(pdf, kinds, body_pt),
        flow.attachment_pages_results(pdf, kinds),
        layout_fonts.role_font_results(pdf, kinds, body_pt, roles, sheet),
        letterhead_results(pdf, body_pt, roles),
        bounds_results(pdf),
    )
    for part in parts:
        results += list(part)
    return Verification(path, kinds, grid, results)


def verify_file(path: Path, stylesheet: Path | None = None) -> Verification:
    """verify() for the command line, on a PDF from anywhere: within verify/bounded.py's bounds, and a
    missing, unreadable or broken file, or one past a bound, is a GenreportError (exit 2)."""
    if not path.is_file():
        raise GenreportError(Text(f"找不到文件 {path}", f"no such file: {path}"))
    return run_bounded(path, lambda: verify(path, stylesheet))
