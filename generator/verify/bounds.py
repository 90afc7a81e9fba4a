"""Nothing drawn outside the text block (版心, GB/T 9704 §5.2.1) but what belongs there.

A chart or table taller than the page used to run past the block's foot and over the page
number, and nothing measured caught it: the grid checks read body lines, the chart is not body.
This check reads every glyph and every painted shape (pdfplumber's rects, lines and curves,
verify/measure.py) and fails any that leaves the block (read as its lines' boxes, _block) by
more than EDGE_TOL_MM, except the
elements the standard itself puts outside it, which their own checks measure: the page number
"— N —" (§7.5, 7 mm below the block) and a draft's 征求意见稿 / DRAFT mark above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from genreport.gbt9704 import A4, BODY_PT, EDGE_TOL_MM, EM_TOP, HEIGHT, LEFT, MM, PITCH, TOP, WIDTH
from genreport.verify.measure import Glyph, Line, Page, Pdf, mm
from genreport.verify.results import FAIL, OK, Result

CLAUSE, CHECK = "§5.2.1", "nothing drawn outside the text block but the page number and draft mark"
_FOLIO = re.compile(r"^[—–-]\s*\d+\s*[—–-]$")
_DRAFT = ("征求意见稿", "DRAFT")


def _block() -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the text block in pt, widened by the tolerance.

    Vertically the block is read as its lines' boxes: 37 mm is the top of the first line's glyphs,
    and a line box reaches half a body line's leading (2.3 mm) above its glyphs and below them.
    A table continued at a page's top draws its rule there, and the 2号 title's em box starts
    0.6 mm higher than a body line's: both are in the block. A chart that runs over the page
    number is 4 mm and more past it."""
    tol = EDGE_TOL_MM * MM
    leading = (PITCH - BODY_PT) / 2
    return LEFT * MM - tol, TOP * MM - leading - tol, (LEFT + WIDTH) * MM + tol, (TOP + HEIGHT) * MM + leading + tol


# Closing marks whose ink sits in the left half of their em box: squeezed at a line end (the
# composer's policy, OpenType halt) the PDF still gives them a full-em box, whose blank right
# half may stand past the text block while nothing is printed there.
_LEFT_HALF_INK = frozenset("，。、；：？！”’）》〉」』】〕")


def _ink_right(glyph: Glyph) -> float:
    """Where a glyph's ink can end: its box's right edge, or its middle for a closing mark."""
    if glyph.text in _LEFT_HALF_INK:
        return min(glyph.x1, glyph.x0 + glyph.size / 2)
    return float(glyph.x1)


def _exempt(line: Line, top: float, bottom: float) -> bool:
    """The page number below the block ("— 3 —"; en: "3") and the draft mark above it."""
    if line.baseline > bottom and (_FOLIO.match(line.text) or line.text.isdigit()):
        return True
    return line.baseline < top and any(mark in line.text for mark in _DRAFT)


def outside(page: Page, block: tuple[float, float, float, float] | None = None) -> list[str]:
    """What on `page` is drawn outside the text block (default: GB/T 9704's, _block), described for
    a reader ("text '…' 3.1 mm below the text block")."""
    left, top, right, bottom = block or _block()
    found = []
    for line in page.lines:
        if _exempt(line, top, bottom):
            continue
        boxes = [
            (g.x0, g.baseline - EM_TOP * g.size, _ink_right(g), g.baseline + (1 - EM_TOP) * g.size) for g in line.glyphs
        ]
        stray = [i for i, (x0, y0, x1, y1) in enumerate(boxes) if x0 < left or x1 > right or y0 < top or y1 > bottom]
        if stray:
            text = "".join(line.glyphs[i].text for i in stray)[:16]
            found.append(f"text '{text}' {_where([boxes[i] for i in stray], (left, top, right, bottom))}")
    shapes = [s for s in page.shapes if s.x0 < left or s.x1 > right or s.top < top or s.bottom > bottom]
    if shapes:
        where = _where([(s.x0, s.top, s.x1, s.bottom) for s in shapes], (left, top, right, bottom))
        found.append(f"{len(shapes)} {shapes[0].kind}(s) {where}")
    return found


def _where(boxes: list[tuple[float, float, float, float]], block: tuple[float, float, float, float]) -> str:
    """How far past which edge of the block (less its tolerance) the boxes reach, in mm."""
    x0, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    tol = EDGE_TOL_MM
    edges = [
        (mm(block[1]) + tol - mm(top), "above"),
        (mm(bottom) - mm(block[3]) + tol, "below"),
        (mm(block[0]) + tol - mm(x0), "left of"),
        (mm(x1) - mm(block[2]) + tol, "right of"),
    ]
    far, side = max(edges)
    return f"{far:.1f} mm {side} the text block"


def a4_block(margin_mm: float, bottom_mm: float) -> tuple[float, float, float, float]:
    """An en page's text block (styles/a4.css's margins), widened by the tolerance, in pt."""
    tol = EDGE_TOL_MM * MM
    return margin_mm * MM - tol, margin_mm * MM - tol, (A4[0] - margin_mm) * MM + tol, (A4[1] - bottom_mm) * MM + tol


def bounds_results(
    pdf: Pdf, block: tuple[float, float, float, float] | None = None, clause: str = CLAUSE
) -> Iterator[Result]:
    """One result: every stray, page by page; `block` and `clause` for an en PDF (a4.css's page)."""
    strays = [(page.number, what) for page in pdf.pages for what in outside(page, block)]
    # every stray named: a reader of the detail (and a test accepting a known one) sees them all
    yield Result(clause, CHECK, FAIL if strays else OK, str(strays) if strays else f"{len(pdf.pages)} pages")
