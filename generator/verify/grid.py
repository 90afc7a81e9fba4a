"""verify-layout, GB/T 9704 §5: page size, margins, the 22 x 28 character grid, justification, black text.

A page must hold 22 lines when the body goes on on the next page; a page may end early only by
the lines that a keep-together unit at the top of the next page needed (a heading with its first
line, the signature with the last line of text and the 附注 with the date).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from itertools import pairwise

from genreport.gbt9704 import A4, BODY_PT, CELL, CHARS, LEFT, LINES, MM, PITCH, TOP, WIDTH
from genreport.verify.letterhead import letterhead_mark
from genreport.verify.measure import Line, Pdf, mm, of_size
from genreport.verify.results import CLOSING, DATE, NOT_VERIFIED, PART, SUBSECTION, Grid, Result, in_cells, status_of


def body_size(pdf: Pdf) -> float:
    """The commonest size of the pages before the first attachment: a long indicators table and
    chart (14 pt, 13 pt) may outnumber a short body's characters, and are not its body."""
    sizes: Counter[float] = Counter()
    for page in pdf.pages:
        lines = page.text_lines
        if sizes and lines and re.fullmatch(r"附件\s*\d*", lines[0].text):
            break
        for line in lines:
            sizes[line.size] += len(line.glyphs)
    return sizes.most_common(1)[0][0] if sizes else BODY_PT


# ------------------------------------------------------------------ the grid (§5) ---


def grid_results(pdf: Pdf, kinds: list[str], body_pt: float) -> tuple[Grid, list[Result]]:
    grid, results = Grid(body_pt=body_pt), []
    flow = [p for p, k in zip(pdf.pages, kinds, strict=True) if k in ("first", "body")]
    lines = [line for p in flow for line in of_size(p.text_lines, body_pt)]
    width, height = mm(pdf.pages[0].width), mm(pdf.pages[0].height)
    results.append(
        Result(
            "§5.1",
            "page size A4 210 × 297 mm",
            status_of(abs(width - A4[0]) < 0.5 and abs(height - A4[1]) < 0.5),
            f"{width} × {height} mm",
        )
    )
    results.append(Result("§5.2.3", "body text 16 pt (3号)", status_of(abs(body_pt - BODY_PT) < 0.3), f"{body_pt} pt"))
    if not lines:
        results.append(Result("§5.2", "character grid", NOT_VERIFIED, "no body text found"))
        return grid, results
    steps = [b.x0 - a.x0 for line in lines for a, b in pairwise(line.glyphs) if line.all_cjk]
    cell = statistics.median(steps) if steps else None
    pitches = [b.baseline - a.baseline for p in flow for a, b in pairwise(of_size(p.text_lines, body_pt))]
    pitches = [d for d in pitches if 0.5 * PITCH < d < 1.5 * PITCH]
    grid.cell_pt = round(cell, 3) if cell else None
    grid.pitch_pt = round(statistics.median(pitches), 3) if pitches else None
    pitch = grid.pitch_pt or PITCH
    left = min(line.x0 for line in lines)
    grid.left_mm = mm(left)
    results.append(
        Result("§5.2.1", "left margin 28 ± 1 mm", status_of(abs(grid.left_mm - LEFT) <= 1), f"{grid.left_mm} mm")
    )
    # the top margin: em box top of each page's first line
    for page in flow:
        first = page.text_lines[0]
        mark = letterhead_mark(page, body_pt) if page.number == 1 else None
        # with a 版头 the text block's top is 35 mm above the 发文机关标志 (§7.2.4)
        grid.top_mm.append(round(mm(mark.em_top) - 35, 3) if mark else mm(first.em_top))
    bad_tops = [(p.number, t) for p, t in zip(flow, grid.top_mm, strict=True) if abs(t - TOP) > 1]
    results.append(Result("§5.2.1", "top margin 37 ± 1 mm (to the first line's glyph top)", status_of(not bad_tops),
                          f"pages off: {bad_tops}" if bad_tops else f"{min(grid.top_mm)}–{max(grid.top_mm)} mm"))  # fmt: skip
    if cell is None:
        results.append(Result("§5.2.2", "character pitch", NOT_VERIFIED, "no line of Chinese characters"))
        return grid, results
    results.append(Result("§5.2.2", "character pitch 15.79 pt (28 in 156 mm)", status_of(abs(cell - CELL) < 0.05),
                          f"{round(cell, 3)} pt = 16 pt {round(cell - body_pt, 3):+} pt letter-spacing"))  # fmt: skip
    results.append(Result("§5.2.2", "line pitch 28.99 pt (22 in 225 mm)", status_of(abs(pitch - PITCH) < 0.1) if grid.pitch_pt else NOT_VERIFIED,
                          f"{grid.pitch_pt} pt"))  # fmt: skip
    right_nominal = (LEFT + WIDTH) * MM
    natural: Counter[int] = Counter()
    capacity: list[int] = []
    ragged, off_grid, closing = [], [], []
    for page in flow:
        body = of_size(page.text_lines, body_pt)
        y0 = TOP * MM + 0.88 * body_pt
        for i, line in enumerate(body):
            count = round((line.x0 - left) / cell) + len(line.glyphs)
            end = line.end(cell)
            reaches = end >= right_nominal - 0.5 * cell
            if reaches and line.all_cjk and not _squeezed(line, cell):
                capacity.append(count)
                if line.natural(cell):
                    natural[count] += 1
            nxt = body[i + 1] if i + 1 < len(body) else None
            if (
                nxt
                and not reaches
                and abs(nxt.x0 - left) < 1
                and nxt.font == line.font
                and abs(nxt.baseline - line.baseline - pitch) < 1
            ):
                ragged.append((page.number, line.text[-6:], in_cells(right_nominal - end, cell)))
            k = (line.baseline - y0) / pitch
            if abs(k - round(k)) * pitch > 0.5:
                off_grid.append((page.number, line.text[:8], round((k - round(k)) * pitch, 2)))
            if line.text[0] in CLOSING:
                closing.append((page.number, line.text[:8]))
        if body:
            grid.lines_per_page[page.number] = round((body[-1].baseline - y0) / pitch) + 1
    grid.chars_per_line = dict(natural)
    rights = [line.end(cell) for line in lines if line.natural(cell)]
    if rights:
        grid.right_mm = round(A4[0] - mm(max(rights)), 3)
        grid.width_mm = mm(max(rights) - left)
        results.append(
            Result(
                "§5.2.1",
                "text block width 156 ± 1 mm",
                status_of(abs(grid.width_mm - WIDTH) <= 1),
                f"{grid.width_mm} mm (right margin {grid.right_mm} mm)",
            )
        )
    else:
        results.append(Result("§5.2.1", "text block width 156 mm", NOT_VERIFIED, "no unstretched full line"))
    grid.height_mm = round(pitch * LINES / MM, 3)
    grid.bottom_mm = round(A4[1] - (statistics.median(grid.top_mm) + grid.height_mm), 3)
    # A page is full when the body text goes on on the next page (kinds is 0-based: kinds[n] is page
    # n + 1). "特定情况可以作适当调整" (§5.2.2): a heading is kept with its first line, and the
    # signature with the last line of text and the 附注 with the date, so a page may end early by
    # the lines such a unit at the top of the next page needed, and by no more.
    full, kept = [], []
    for page in flow:
        if page.number < len(kinds) and kinds[page.number] == "body":
            count = grid.lines_per_page.get(page.number, 0)
            unit = kept_unit(of_size(pdf.pages[page.number].text_lines, body_pt), body_pt, pitch, left)
            if count < LINES and unit is not None and LINES - count < unit:
                kept.append((page.number, count))
                count = LINES
            full.append((page.number, count))
    detail = f"{dict(full)}" if full else "no page is followed by more body text"
    if kept:
        detail += f"; ended early to keep a heading or the signature with its text: {kept}"
    results.append(
        Result(
            "§5.2.2",
            "22 lines on every full page",
            status_of(all(c == LINES for _, c in full)) if full else NOT_VERIFIED,
            detail,
        )
    )
    if natural or capacity:
        counts = set(natural) or {max(capacity)}
        results.append(Result("§5.2.2", "28 characters on every full line", status_of(counts == {CHARS} and max(capacity) == CHARS),
                              f"natural full lines {dict(natural)}; most on any line {max(capacity)}"))  # fmt: skip
    else:
        results.append(Result("§5.2.2", "28 characters a line", NOT_VERIFIED, "no line reaches the right margin"))
    results.append(
        Result(
            "§5.2.2",
            "justified: no short line inside a paragraph",
            status_of(not ragged),
            f"{ragged[:5]}" if ragged else "0 short lines",
        )
    )
    results.append(
        Result(
            "§5.2.2",
            "every line on the grid",
            status_of(not off_grid),
            f"{off_grid[:5]}" if off_grid else "all on the grid",
        )
    )
    results.append(
        Result(
            "SPEC punctuation",
            "no closing punctuation at a line start",
            status_of(not closing),
            f"{closing[:5]}" if closing else "none",
        )
    )
    colours = {
        g.colour
        for line in lines
        for g in line.glyphs
        if any(c > 0.05 for c in g.colour[:3]) and g.colour not in ((1.0,),)
    }
    results.append(
        Result(
            "§5.2.3",
            "body text black",
            status_of(not colours),
            f"colours {sorted(colours)[:3]}" if colours else "black",
        )
    )
    first_page = [line for line in of_size(pdf.pages[0].text_lines, body_pt) if not line.text.endswith(("：", "号"))]
    results.append(
        Result(
            "§5.2.2–5.2.3",
            "the first page shows body text",
            status_of(len(first_page) > 0),
            f"{len(first_page)} body lines on page 1",
        )
    )
    return grid, results


def _squeezed(line: Line, cell: float) -> bool:
    """A line whose punctuation was squeezed to half width (pdf/compose/policy.py) holds more
    characters than cells: it is not a measure of how many characters a line takes."""
    return any(b.x0 - a.x0 < 0.75 * cell for a, b in pairwise(line.glyphs))


def _slot(line: Line, body_pt: float, pitch: float) -> int:
    """1-based grid line of a line on its page."""
    return round((line.baseline - TOP * MM - 0.88 * body_pt) / pitch) + 1


def kept_unit(lines: list[Line], body_pt: float, pitch: float, left: float) -> int | None:
    """Grid lines taken by what must stay together at the top of a page, None when nothing must.

    Headings at the top keep with the first two lines of text after them; when that text is the last
    before the signature (issuers, date, 附注), the unit runs through the 附注.
    """
    if not lines:
        return None
    i = 0
    while i < len(lines) - 1 and (PART.match(lines[i].text) or SUBSECTION.match(lines[i].text)):
        i += 1
        while i < len(lines) - 1 and lines[i].font == lines[i - 1].font and abs(lines[i].x0 - left) < 1:
            i += 1  # a heading's second line
    end: Line | None = lines[i] if i else None
    goes_on = i + 1 < len(lines) and abs(lines[i + 1].x0 - left) < 1
    if i and goes_on and lines[i + 1].baseline - lines[i].baseline < 1.5 * pitch:
        end = lines[i + 1]  # a heading keeps two lines of its paragraph (gbt9704.css: orphans 2)
    date = next((j for j, line in enumerate(lines) if DATE.match(line.text)), None)
    note = [line for line in lines[i + 1 : date] if line.text.startswith("附件：")] if date is not None else []
    if (
        date is not None
        and all(line.x0 > left + 4 * CELL or line in note for line in lines[i + 1 : date])
        and date - i <= 5 + 2 * len(lines[i + 1 : date]) * bool(note)
    ):
        end = lines[date + 1] if date + 1 < len(lines) and lines[date + 1].text.startswith("（") else lines[date]
    return _slot(end, body_pt, pitch) if end is not None else None
