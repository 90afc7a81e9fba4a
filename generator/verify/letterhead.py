"""verify-layout, GB/T 9704 §7.2: the 版头 of a copy sent up (data `letterhead:`), when the PDF has one.

* §7.2.4 发文机关标志: red, centred, 小标宋, its top 35 mm below the text block's top (72 mm).
* §7.2.5–7.2.6 发文字号 one character in from the left, 签发人 one character in from the right, on
  one line.
* §7.2.7 a red rule as wide as the text block, 4 mm below the 发文字号.
"""

from __future__ import annotations

from collections.abc import Iterator

from genreport.fonts.roles import Role
from genreport.gbt9704 import CELL, LEFT, MM, TOP, WIDTH
from genreport.verify.measure import Line, Page, Pdf, ink_bands, ink_extent, mm
from genreport.verify.results import NA, OK, Result, role_status, status_of

MARK_TOP = TOP + 35  # mm from the page's top edge


def is_red(line: Line) -> bool:
    colour = line.glyphs[0].colour
    return len(colour) == 3 and colour[0] > 0.6 and colour[1] < 0.3 and colour[2] < 0.3


def letterhead_mark(page: Page, body_pt: float) -> Line | None:
    """The 发文机关标志 of page 1: a red line larger than the body text above everything else."""
    lines = page.text_lines
    return lines[0] if lines and is_red(lines[0]) and lines[0].size > body_pt + 2 else None


def letterhead_results(pdf: Pdf, body_pt: float, roles: dict[str, Role]) -> Iterator[Result]:
    page = pdf.pages[0]
    mark = letterhead_mark(page, body_pt)
    if mark is None:
        yield Result("§7.2", "版头: 发文机关标志, 签发人, red rule", NA, "no 版头 (the website version has none)")
        return
    left, right = LEFT * MM, (LEFT + WIDTH) * MM
    centre = mm((mark.x0 + mark.glyphs[-1].x1) / 2) - (LEFT + WIDTH / 2)
    status, detail = role_status(mark.font, roles.get("xiaobiaosong"))
    good = abs(mark.em_top / MM - MARK_TOP) <= 1 and abs(centre) <= 0.5 and status == OK
    yield Result("§7.2.4", "发文机关标志 red, centred, 小标宋, 35 mm below the text block's top", status_of(good),
                 f"top {mm(mark.em_top)} mm (want {MARK_TOP}), centre {round(centre, 2)} mm off, {detail}", 1)  # fmt: skip
    below = [line for line in page.text_lines if line.baseline > mark.baseline]
    number = below[0] if below else None
    if number is None:
        yield Result(
            "§7.2.6", "发文字号 and 签发人 on one line, one character in", status_of(False), "no line under the mark", 1
        )
        return
    signers = "签发人" in number.text
    end = number.glyphs[-1].x1
    good = signers and abs(number.x0 - left - CELL) < 1.5 and abs(right - CELL - end) < 1.5
    yield Result("§7.2.6", "发文字号 and 签发人 on one line, one character in", status_of(good),
                 f"{number.text}: starts {round((number.x0 - left) / CELL, 2)}, ends {round((right - end) / CELL, 2)} characters in", 1)  # fmt: skip
    glyph_bottom = number.baseline + 0.12 * number.size
    bands = ink_bands(pdf.path, 0, (left, glyph_bottom + 1 * MM, right, glyph_bottom + 8 * MM), min_fraction=0.9)
    if not bands:
        yield Result("§7.2.7", "red rule 4 mm below the 发文字号, as wide as the text block", status_of(False),
                     "no rule under the number line", 1)  # fmt: skip
        return
    rule = bands[0]
    ends = ink_extent(pdf.path, 0, rule.middle, left - 3 * MM, right + 3 * MM)
    width = mm(ends[1] - ends[0]) if ends else 0.0
    gap = mm(rule.top - glyph_bottom)
    good = abs(gap - 4) <= 0.5 and abs(width - WIDTH) <= 0.5
    yield Result("§7.2.7", "red rule 4 mm below the 发文字号, as wide as the text block", status_of(good),
                 f"{gap} mm below, {width} mm wide", 1)  # fmt: skip
