"""The page: A4, the text block, the 22 x 28 document grid, odd/even footers with "— N —".

All lengths in twips (1/20 pt), Word's unit. zh-CN (GB/T 9704 §5, §7.5):

- The text block is 156 x 225 mm. Its top (37 mm) is where the first line's *glyphs* start, as
  the PDF reads §5.2.1; a line of exact height puts its glyph tops GLYPH_DROP below the line's
  top, so the body area starts that much higher and is exactly 22 line pitches tall.
- w:docGrid type linesAndChars: linePitch 580 twips (29.0 pt, the nearest twip to 225 mm / 22 =
  28.99 pt), charSpace -850/4096 pt on the 16 pt Normal font = 15.79 pt (156 mm / 28): Word and
  WPS lay 28 characters on each line and 22 lines on each page.
- Footers: odd pages right, even pages left (w:evenAndOddHeaders), one 14 pt character in, the
  dash 7 mm below the text block. The 版记 section has empty footers (no number on its page).

en: clean A4 as a4.css (25 mm margins, 28 mm at the foot), page number centred, no grid.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from genreport.docx.xml import el, field_runs, paragraph, run, val

MM = 1440 / 25.4  # twips per millimetre
A4_W, A4_H = 11906, 16838
PITCH = 580  # 29.0 pt
LINES = 22
# 1/4096 pt: 16 pt - 0.2075 pt = 15.7925 pt. Word counts floor(8844 twips / pitch) characters a line:
# -848 (15.7930 pt, the nearest to 156 mm / 28) would give 27.9995, i.e. 27; -850 gives 28.0008.
CHAR_SPACE = -850
CELL = 156 * MM / 28  # 315.86 twips


def twips(mm: float) -> int:
    return round(mm * MM)


@dataclass(frozen=True)
class PageSetup:
    """Where the body and the footers sit, in twips."""

    top: int
    bottom: int
    left: int
    right: int
    header: int
    footer: int
    grid: bool

    @property
    def text_width(self) -> int:
        return A4_W - self.left - self.right


# Measured on LibreOffice's layout of a 29 pt exact line of 16 pt Noto Serif CJK: the em box top
# sits 2.6 mm below the line's top (the PDF's gbt9704.css works out 2.588 mm the same way).
GLYPH_DROP_MM = 3.2
_TOP = twips(37 - GLYPH_DROP_MM)
# The footer's bottom edge 20 mm above the page's, and the "— N —" line (14 pt exact) raised in it
# by space after it, so that its dash is 7 mm under the text block (262 mm; measured on
# LibreOffice's layout). A footer distance of 25.67 mm would do the same in Word, but LibreOffice
# then moves the whole text block down 5 mm.
FOOTER_MM, FOLIO_RAISE_MM = 20.0, 5.67
ZH = PageSetup(
    top=_TOP,
    bottom=A4_H - _TOP - LINES * PITCH,
    left=twips(28),
    right=A4_W - twips(28) - twips(156),
    header=twips(22),  # the draft mark's baseline 26.5 mm down, above the text block
    footer=twips(FOOTER_MM),
    grid=True,
)
EN = PageSetup(
    top=twips(25), bottom=twips(28), left=twips(25), right=twips(25), header=twips(12), footer=twips(12), grid=False
)


def section_properties(
    page: PageSetup,
    footers: dict[str, str],
    headers: dict[str, str],
    *,
    even_page: bool = False,
    top: int | None = None,
    bottom: int | None = None,
    grid: bool | None = None,
) -> etree._Element:
    """<w:sectPr>: footer/header references (rIds by type), page size, margins, the grid."""
    sect = el("w:sectPr")
    for kind, rid in headers.items():
        sect.append(el("w:headerReference", {"type": kind, "r:id": rid}))
    for kind, rid in footers.items():
        sect.append(el("w:footerReference", {"type": kind, "r:id": rid}))
    if even_page:
        sect.append(val("w:type", "evenPage"))
    sect.append(el("w:pgSz", {"w": A4_W, "h": A4_H}))
    sect.append(el("w:pgMar", {"top": page.top if top is None else top, "right": page.right,
                               "bottom": page.bottom if bottom is None else bottom, "left": page.left,
                               "header": page.header, "footer": page.footer, "gutter": 0}))  # fmt: skip
    sect.append(el("w:cols", {"space": 425}))
    if page.grid if grid is None else grid:
        sect.append(el("w:docGrid", {"type": "linesAndChars", "linePitch": PITCH, "charSpace": CHAR_SPACE}))
    else:
        sect.append(el("w:docGrid", {"linePitch": 360}))
    return sect


def folio(locale: str, side: str) -> etree._Element:
    """The footer paragraph: "— N —" (zh-CN, odd right / even left) or "N" (en, centred)."""
    if locale != "zh-CN":
        return paragraph("Folio", field_runs("PAGE", "1"), val("w:jc", "center"))
    jc = "right" if side == "odd" else "left"
    ind = el("w:ind", {"right" if side == "odd" else "left": 280})  # one 14 pt character in
    raise_ = el("w:spacing", {"after": twips(FOLIO_RAISE_MM)})
    return paragraph("Folio", [run("— "), *field_runs("PAGE", "1"), run(" —")], val("w:jc", jc), ind, raise_)


def empty_footer() -> etree._Element:
    return paragraph("Folio")


def draft_header(text: str, locale: str) -> etree._Element:
    """征求意见稿 / DRAFT at the right of the header. The header is exactly as tall as the space between
    the header distance and the top margin: LibreOffice starts the text block under a header's
    content (the 版记 page would otherwise move up 3 mm), Word at the top margin; so both agree."""
    page = ZH if locale == "zh-CN" else EN
    line = 320 if locale == "zh-CN" else 260
    height = el("w:spacing", {"before": 0, "after": page.top - page.header - line, "line": line, "lineRule": "exact"})
    return paragraph("DraftMark", [run(text)], val("w:jc", "right"), height)
