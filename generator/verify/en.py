"""verify-layout for an en PDF: the clean A4 layout of styles/a4.css (GB/T 9704 does not apply).

Measured: the A4 page, the margins (25 mm left, right and top, 28 mm bottom), every glyph in a
font of the stylesheet's roles, and the folios (the page number,
10 pt, centred under the text block on every page but a blank page and the 版记 page).
The chart's text and the DRAFT mark are in the sans role, everything else in the serif role.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from genreport.fonts.roles import Role
from genreport.gbt9704 import A4, MM
from genreport.verify.bounds import a4_block, bounds_results
from genreport.verify.measure import Line, Page, Pdf, mm
from genreport.verify.results import NOT_VERIFIED, OK, Result, role_status, status_of

CLAUSE = "a4.css"
MARGIN, BOTTOM = 25.0, 28.0  # mm
FOLIO_PT = 10.0
HEAD_BELOW, FOOT_ABOVE = 25 * MM, (A4[1] - BOTTOM + 3) * MM  # the draft mark above, the folio below


def _family(font: str) -> str:
    """Noto-Serif-Bold-Italic (WeasyPrint) or NotoSerif-BoldItalic (a PostScript name, as LibreOffice
    writes it) -> Noto-Serif / NotoSerif: every style suffix off, not only the last."""
    return re.sub(r"([-_ ](Regular|Bold|Italic|Oblique|Light|Medium|SemiBold|Black)+)+$", "", font, flags=re.I)


def _text(page: Page) -> list[Line]:
    return [line for line in page.lines if HEAD_BELOW < line.baseline < FOOT_ABOVE]


def _foot(page: Page) -> list[Line]:
    return [line for line in page.lines if line.baseline >= FOOT_ABOVE]


def en_kinds(pdf: Pdf) -> list[str]:
    """text / blank / imprint (the last page, holding only the 版记: Copies to ..., Printed ...)."""
    kinds = []
    for page in pdf.pages:
        lines = _text(page)
        if not lines:
            kinds.append("blank")
        elif page is pdf.pages[-1] and any(line.text.startswith(("Copiesto", "Printed")) for line in lines):
            kinds.append("imprint")
        else:
            kinds.append("text")
    return kinds


def en_results(pdf: Pdf, roles: dict[str, Role]) -> Iterator[Result]:
    kinds = en_kinds(pdf)
    text_pages = [p for p, k in zip(pdf.pages, kinds, strict=True) if k == "text"]
    lines = [line for page in text_pages for line in _text(page)]
    if not lines:
        yield Result(CLAUSE, "margins 25 mm (bottom 28 mm)", NOT_VERIFIED, "no text found")
        return
    # the body's size from the pages before the attachments: a long indicators table (10 pt) may
    # outnumber a short body's lines
    first_attachment = next((i for i, p in enumerate(text_pages) if _text(p)[0].text.startswith("Attachment")), None)
    body_pages = text_pages[:first_attachment] or text_pages
    body_pt = Counter(line.size for page in body_pages for line in _text(page)).most_common(1)[0][0]
    body = [line for line in lines if abs(line.size - body_pt) < 0.3]
    left = mm(min(line.x0 for line in body))
    right = round(A4[0] - mm(max(line.glyphs[-1].x1 for line in body)), 3)
    tops = [mm(_text(page)[0].baseline - 0.73 * _text(page)[0].size) for page in text_pages]
    bottom = round(A4[1] - max(mm(line.baseline) for line in lines), 3)
    good = abs(left - MARGIN) <= 1 and abs(right - MARGIN) <= 1 and all(MARGIN - 0.5 <= t <= MARGIN + 3 for t in tops)
    good = good and bottom >= BOTTOM - 0.5
    yield Result(CLAUSE, "margins 25 mm left, right and top, 28 mm bottom", status_of(good),
                 f"left {left}, right {right}, top of the first line {min(tops)}–{max(tops)}, "
                 f"last baseline {bottom} mm above the page edge")  # fmt: skip
    wrong = sorted(
        {
            (page.number, line.font)
            for page in text_pages
            for line in _text(page)
            for font in line.fonts
            if all(role_status(_family(font), roles.get(key))[0] != OK for key in ("serif", "sans"))
        }
    )
    yield Result(
        CLAUSE,
        "text in the stylesheet's font roles (serif; sans for the mark and the chart)",
        status_of(not wrong),
        f"not in the role: {wrong[:4]}" if wrong else role_status(body[0].font, roles.get("serif"))[1],
    )
    bad, numbered = [], 0
    centre = A4[0] / 2
    for page, kind in zip(pdf.pages, kinds, strict=True):
        foot = _foot(page)
        if kind != "text":
            if foot:
                bad.append((page.number, f"{kind} page numbered {foot[0].text}"))
            continue
        if not foot:
            bad.append((page.number, "no page number"))
            continue
        folio = foot[0]
        middle = mm((folio.x0 + folio.glyphs[-1].x1) / 2)
        problems = []
        if folio.text != str(page.number):
            problems.append(f"text {folio.text!r}")
        if abs(middle - centre) > 0.5:
            problems.append(f"centre at {middle} mm, want {centre}")
        if abs(folio.size - FOLIO_PT) > 0.3:
            problems.append(f"{folio.size} pt")
        if problems:
            bad.append((page.number, "; ".join(problems)))
        else:
            numbered += 1
    yield Result(CLAUSE, "page numbers 10 pt, centred below the text block; none on blank and 版记 pages",
                 status_of(not bad), f"{bad[:5]}" if bad else f"{numbered} pages numbered")  # fmt: skip
    yield from bounds_results(pdf, a4_block(MARGIN, BOTTOM), CLAUSE)
