"""`verify-layout`: measure a built zh-CN PDF against GB/T 9704-2012 and report each deviation with its clause.

Every check yields Results with one of four statuses: ok; FAIL (a deviation, with what was
measured and what the clause wants); not verified (the thing exists but could not be measured:
never counted as a pass); n/a (an optional element the document does not have, like a 版记).
The grid itself (lines per page, characters per line, margins) is returned as numbers, so the
command and the tests can show it. Measurements come from pdfmeasure.py; the font roles (which
font is official, which a substitute) from the print stylesheet, read by fonts.py.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from genreport.assets import styles_dir
from genreport.errors import GenreportError, Text
from genreport.fonts import Role, roles_of
from genreport.pdfmeasure import (
    A4, BODY_PT, CELL, CHARS, CJK, LATIN_FONT, FOLIO_PT, HEIGHT, LEFT, LINES, MM, PITCH, TITLE_PT, TOP, WIDTH,
    Line, Page, Pdf, ink_bands, ink_extent, mm, of_size, read_pdf,
)  # fmt: skip

OK, FAIL, NOT_VERIFIED, NA = "ok", "FAIL", "not verified", "n/a"
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
PART = re.compile(r"^[一二三四五六七八九十]+、")
SUBSECTION = re.compile(r"^（[一二三四五六七八九十]+）")
LOW_LEVEL = re.compile(r"^(\d+\.|（\d+）)")
CLOSING = set("，。、；：？！）》」』”’…%")
BOLD = re.compile(r"Bold|Heavy|Black|Demi|Semibold", re.I)


@dataclass(frozen=True)
class Result:
    clause: str
    check: str
    status: str
    detail: str
    page: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {"clause": self.clause, "check": self.check, "status": self.status, "detail": self.detail, "page": self.page}


@dataclass
class Grid:
    """The measured character grid (§5.2): what the closing notes and the tests quote."""

    body_pt: float = 0.0
    cell_pt: float | None = None
    pitch_pt: float | None = None
    lines_per_page: dict[int, int] = field(default_factory=dict)  # pages followed by more body text
    chars_per_line: dict[int, int] = field(default_factory=dict)  # natural full lines: cells -> count
    top_mm: list[float] = field(default_factory=list)
    left_mm: float | None = None
    right_mm: float | None = None  # right margin
    width_mm: float | None = None
    height_mm: float | None = None
    bottom_mm: float | None = None

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class Verification:
    path: Path
    kinds: list[str]
    grid: Grid
    results: list[Result]

    @property
    def failures(self) -> list[Result]:
        return [r for r in self.results if r.status == FAIL]

    @property
    def unverified(self) -> list[Result]:
        return [r for r in self.results if r.status == NOT_VERIFIED]


def _ok(flag: bool) -> str:
    return OK if flag else FAIL


def _cells(points: float, cell: float) -> float:
    return round(points / cell, 2)


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


def _body_size(pdf: Pdf) -> float:
    sizes: Counter[float] = Counter()
    for page in pdf.pages:
        for line in page.text_lines:
            sizes[line.size] += len(line.glyphs)
    return sizes.most_common(1)[0][0] if sizes else BODY_PT


# ------------------------------------------------------------------ the grid (§5) ---


def _grid(pdf: Pdf, kinds: list[str], body_pt: float) -> tuple[Grid, list[Result]]:
    grid, results = Grid(body_pt=body_pt), []
    flow = [p for p, k in zip(pdf.pages, kinds, strict=True) if k in ("first", "body")]
    lines = [line for p in flow for line in of_size(p.text_lines, body_pt)]
    width, height = mm(pdf.pages[0].width), mm(pdf.pages[0].height)
    results.append(Result("§5.1", "page size A4 210 × 297 mm", _ok(abs(width - A4[0]) < 0.5 and abs(height - A4[1]) < 0.5), f"{width} × {height} mm"))
    results.append(Result("§5.2.3", "body text 16 pt (3号)", _ok(abs(body_pt - BODY_PT) < 0.3), f"{body_pt} pt"))
    if not lines:
        results.append(Result("§5.2", "character grid", NOT_VERIFIED, "no body text found"))
        return grid, results
    steps = [b.x0 - a.x0 for line in lines for a, b in zip(line.glyphs, line.glyphs[1:]) if line.all_cjk]
    cell = statistics.median(steps) if steps else None
    pitches = [b.baseline - a.baseline for p in flow for a, b in zip(of_size(p.text_lines, body_pt), of_size(p.text_lines, body_pt)[1:])]
    pitches = [d for d in pitches if 0.5 * PITCH < d < 1.5 * PITCH]
    grid.cell_pt = round(cell, 3) if cell else None
    grid.pitch_pt = round(statistics.median(pitches), 3) if pitches else None
    pitch = grid.pitch_pt or PITCH
    left = min(line.x0 for line in lines)
    grid.left_mm = mm(left)
    results.append(Result("§5.2.1", "left margin 28 ± 1 mm", _ok(abs(grid.left_mm - LEFT) <= 1), f"{grid.left_mm} mm"))
    # the top margin: em box top of each page's first line
    for page in flow:
        first = page.text_lines[0]
        grid.top_mm.append(mm(first.em_top))
    bad_tops = [(p.number, t) for p, t in zip(flow, grid.top_mm, strict=True) if abs(t - TOP) > 1]
    results.append(Result("§5.2.1", "top margin 37 ± 1 mm (to the first line's glyph top)", _ok(not bad_tops),
                          f"pages off: {bad_tops}" if bad_tops else f"{min(grid.top_mm)}–{max(grid.top_mm)} mm"))  # fmt: skip
    if cell is None:
        results.append(Result("§5.2.2", "character pitch", NOT_VERIFIED, "no line of Chinese characters"))
        return grid, results
    results.append(Result("§5.2.2", "character pitch 15.79 pt (28 in 156 mm)", _ok(abs(cell - CELL) < 0.05),
                          f"{round(cell, 3)} pt = 16 pt {round(cell - body_pt, 3):+} pt letter-spacing"))  # fmt: skip
    results.append(Result("§5.2.2", "line pitch 28.99 pt (22 in 225 mm)", _ok(abs(pitch - PITCH) < 0.1) if grid.pitch_pt else NOT_VERIFIED,
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
            if reaches and line.all_cjk:
                capacity.append(count)
                if line.natural(cell):
                    natural[count] += 1
            nxt = body[i + 1] if i + 1 < len(body) else None
            if nxt and not reaches and abs(nxt.x0 - left) < 1 and nxt.font == line.font and abs(nxt.baseline - line.baseline - pitch) < 1:
                ragged.append((page.number, line.text[-6:], _cells(right_nominal - end, cell)))
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
        results.append(Result("§5.2.1", "text block width 156 ± 1 mm", _ok(abs(grid.width_mm - WIDTH) <= 1), f"{grid.width_mm} mm (right margin {grid.right_mm} mm)"))
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
    results.append(Result("§5.2.2", "22 lines on every full page", _ok(all(c == LINES for _, c in full)) if full else NOT_VERIFIED, detail))
    if natural or capacity:
        counts = set(natural) or {max(capacity)}
        results.append(Result("§5.2.2", "28 characters on every full line", _ok(counts == {CHARS} and max(capacity) == CHARS),
                              f"natural full lines {dict(natural)}; most on any line {max(capacity)}"))  # fmt: skip
    else:
        results.append(Result("§5.2.2", "28 characters a line", NOT_VERIFIED, "no line reaches the right margin"))
    results.append(Result("§5.2.2", "justified: no short line inside a paragraph", _ok(not ragged), f"{ragged[:5]}" if ragged else "0 short lines"))
    results.append(Result("§5.2.2", "every line on the grid", _ok(not off_grid), f"{off_grid[:5]}" if off_grid else "all on the grid"))
    results.append(Result("SPEC punctuation", "no closing punctuation at a line start", _ok(not closing), f"{closing[:5]}" if closing else "none"))
    colours = {g.colour for line in lines for g in line.glyphs if any(c > 0.05 for c in g.colour[:3]) and g.colour not in ((1.0,),)}
    results.append(Result("§5.2.3", "body text black", _ok(not colours), f"colours {sorted(colours)[:3]}" if colours else "black"))
    first_page = [line for line in of_size(pdf.pages[0].text_lines, body_pt) if not line.text.endswith(("：", "号"))]
    results.append(Result("§5.2.2–5.2.3", "the first page shows body text", _ok(len(first_page) > 0), f"{len(first_page)} body lines on page 1"))
    return grid, results


def _slot(line: Line, body_pt: float, pitch: float) -> int:
    """1-based grid line of a line on its page."""
    return round((line.baseline - TOP * MM - 0.88 * body_pt) / pitch) + 1


def kept_unit(lines: list[Line], body_pt: float, pitch: float, left: float) -> int | None:
    """Grid lines taken by what must stay together at the top of a page, None when nothing must.

    Headings at the top keep with the first line of text after them; when that text is the last
    before the signature (issuers, date, 附注), the unit runs through the 附注.
    """
    if not lines:
        return None
    i = 0
    while i < len(lines) - 1 and (PART.match(lines[i].text) or SUBSECTION.match(lines[i].text)):
        i += 1
    end: Line | None = lines[i] if i else None
    date = next((j for j, line in enumerate(lines) if DATE.match(line.text)), None)
    if date is not None and all(line.x0 > left + 4 * CELL for line in lines[i + 1 : date]) and date - i <= 5:
        end = lines[date + 1] if date + 1 < len(lines) and lines[date + 1].text.startswith("（") else lines[date]
    return _slot(end, body_pt, pitch) if end is not None else None


# ------------------------------------------------------------------ fonts ---


def _fold(name: str) -> str:
    base = re.sub(r"[-_ ](Regular|Bold|Light|Medium|SemiBold|Black|Book|Italic|ExtraLight|Heavy)$", "", name, flags=re.I)
    return re.sub(r"[-_ ]", "", base).casefold()


def role_status(font: str, role: Role | None) -> tuple[str, str]:
    if role is None:
        return NOT_VERIFIED, f"{font} (stylesheet has no such role)"
    names = {_fold(n): n in role.official for n in role.stack}
    names[_fold(f"genreport-user-{role.key}")] = True  # fonts.py's name for a user's official font
    official = names.get(_fold(font))
    if official is None:
        return FAIL, f"{font} is not a {role.label('en')} font ({', '.join(role.stack[:3])} …)"
    return OK, f"{font}" + ("" if official else f" (substitute for {role.official[0]})")


def _fonts(pdf: Pdf, kinds: list[str], body_pt: float, roles: dict[str, Role]) -> Iterator[Result]:
    loose = [f.name for f in pdf.fonts if not (f.embedded and f.subset)]
    yield Result("SPEC outputs", "every font embedded and subset", _ok(not loose), f"not: {loose}" if loose else f"{len(pdf.fonts)} fonts")
    latin = sorted({(p.number, g.text, g.font) for p in pdf.pages for line in p.lines for g in line.glyphs if CJK.match(g.text) and LATIN_FONT.search(g.font)})
    yield Result("SPEC punctuation", "Chinese characters and “”—…《》 in a CJK font", _ok(not latin), f"{latin[:5]}" if latin else "all")
    flow = [p for p, k in zip(pdf.pages, kinds, strict=True) if k in ("first", "body", "attachment")]
    checks = [("§7.3.3", "一、 headings: 黑体, 16 pt, not bold", PART, "hei", True), ("§7.3.3", "（一） headings: 楷体, 16 pt, not bold", SUBSECTION, "kai", True),
              ("§7.3.3", "1. and （1） headings and body: 仿宋", LOW_LEVEL, "fangsong", False)]  # fmt: skip
    for clause, name, pattern, key, heading in checks:
        lines = [(p.number, line) for p in flow for line in of_size(p.text_lines, body_pt) if pattern.match(line.text)]
        if not lines:
            yield Result(clause, name, NA, "none in this document")
            continue
        bad = []
        for number, line in lines:
            font = line.glyphs[0].font if heading else line.font
            status, detail = role_status(font, roles.get(key))
            if status != OK or (heading and BOLD.search(font)) or abs(line.size - BODY_PT) > 0.3:
                bad.append((number, line.text[:10], detail, line.size))
            elif heading and abs(line.x0 - LEFT * MM - 2 * CELL) > 1:
                bad.append((number, line.text[:10], f"indent {_cells(line.x0 - LEFT * MM, CELL)} characters, want 2", line.size))
        yield Result(clause, name, _ok(not bad), f"{bad[:4]}" if bad else f"{len(lines)} lines, {role_status(lines[0][1].glyphs[0].font, roles.get(key))[1]}")
    body = Counter(line.font for p in flow for line in of_size(p.text_lines, body_pt) if not PART.match(line.text) and not SUBSECTION.match(line.text))
    if body:
        status, detail = role_status(body.most_common(1)[0][0], roles.get("fangsong"))
        yield Result("§5.2.3", "body text in 仿宋", status, detail)


# ------------------------------------------------------------------ 版头 / 主体 (§7.2–7.3) ---


def _head(pdf: Pdf, body_pt: float, roles: dict[str, Role]) -> Iterator[Result]:
    page = pdf.pages[0]
    lines = page.text_lines
    centre = (LEFT + WIDTH / 2) * MM
    titles = [line for line in lines if line.size > body_pt + 2]
    if not titles:
        yield Result("§7.3.1", "title 22 pt (2号), centred", FAIL, "no line larger than the body text on page 1")
        return
    bad = [(t.text[:8], t.size, mm((t.x0 + t.glyphs[-1].x1) / 2 - centre)) for t in titles
           if abs(t.size - TITLE_PT) > 0.3 or abs((t.x0 + t.glyphs[-1].x1) / 2 - centre) > 0.5 * MM]  # fmt: skip
    yield Result("§7.3.1", "title 22 pt (2号), centred", _ok(not bad), f"{bad}" if bad else f"{len(titles)} lines")
    widths = [t.glyphs[-1].x1 - t.x0 for t in titles]
    stub = len(widths) > 1 and min(widths) < 0.4 * max(widths)
    yield Result("§7.3.1", "long title in balanced lines (no stub)", _ok(not stub), " / ".join(t.text for t in titles))
    status, detail = role_status(titles[0].font, roles.get("xiaobiaosong"))
    yield Result("§7.3.1", "title in 小标宋", status, detail)
    number = next((line for line in lines if line.baseline < titles[0].baseline and line.text.endswith("号")), None)
    if number is None:
        yield Result("§7.2.5", "document number 〔year〕N号", NA, "no document number")
    else:
        good = re.fullmatch(r".+〔\d{4}〕[1-9]\d*号", number.text) is not None and "第" not in number.text
        yield Result("§7.2.5", "document number 〔year〕N号", _ok(good), number.text)
    after = [line for line in lines if line.baseline > titles[-1].baseline]
    recipient = after[0] if after and after[0].text.endswith("：") and abs(after[0].size - body_pt) < 0.6 else None
    if recipient is None:
        yield Result("§7.3.2", "recipient flush left, one blank line below the title", NA, "no recipient")
    else:
        blank = round((recipient.baseline - titles[-1].baseline) / PITCH) - 1
        good = abs(recipient.x0 - LEFT * MM) < 0.2 * MM and blank == 1
        yield Result("§7.3.2", "recipient flush left, one blank line below the title", _ok(good), f"x {mm(recipient.x0)} mm, {blank} blank lines")


def _closing(pdf: Pdf, kinds: list[str], body_pt: float) -> Iterator[Result]:
    left, right = LEFT * MM, (LEFT + WIDTH) * MM
    found = None
    for page, kind in zip(pdf.pages, kinds, strict=True):
        lines = page.text_lines
        for i, line in enumerate(lines):
            if kind in ("first", "body") and line.text.startswith("附件："):
                gap = round((line.baseline - lines[i - 1].baseline) / PITCH) - 1 if i else None
                good = abs(line.x0 - left - 2 * CELL) < 1 and gap == 1
                yield Result("§7.3.4", "attachments note: one blank line after the body, 2 characters in", _ok(good),
                             f"indent {_cells(line.x0 - left, CELL)}, {gap} blank lines", page.number)  # fmt: skip
            if DATE.match(line.text) and i and kind in ("first", "body"):
                found = (page, lines, i)
    if found is None:
        yield Result("§7.3.5", "signature and date", NOT_VERIFIED, "no date line (YYYY年M月D日) found")
        return
    page, lines, i = found
    date = lines[i]
    signers = []
    j = i - 1
    while j >= 0 and lines[j].x0 > left + 4 * CELL and abs(lines[j + 1].baseline - lines[j].baseline - PITCH) < 1:
        signers.insert(0, lines[j])
        j -= 1
    yield Result("§7.3.5", "date in Arabic numerals, full year, no zero padding", _ok(re.fullmatch(r"\d{4}年[1-9]\d?月[1-9]\d?日", date.text) is not None), date.text, page.number)
    if not signers:
        yield Result("§7.3.5", "issuer above the date", FAIL, "no issuer line directly above the date", page.number)
        return
    start = min(s.x0 for s in signers)
    signer_space = min(_cells(right - s.end(CELL), CELL) for s in signers)
    date_space = _cells(right - date.glyphs[-1].x1, CELL)
    shift = _cells(date.x0 - start, CELL)
    above = round((signers[0].baseline - lines[j].baseline) / PITCH) - 1 if j >= 0 else None
    centred = all(abs((s.x0 + s.glyphs[-1].x1) / 2 - (date.x0 + date.glyphs[-1].x1) / 2) < 0.5 * MM for s in signers)
    if centred:  # issuers centred on the date: the sealed layout (the seal presses on both)
        good = abs(date_space - 4) < 0.15 and above in (1, 2)
        yield Result("§7.3.5", "sealed: date 4 characters in from the right, issuer centred on it", _ok(good),
                     f"date {date_space} in, issuer centred {centred}, {above} blank lines above", page.number)  # fmt: skip
    else:
        good = abs(min(signer_space, date_space) - 2) < 0.15 and abs(shift - 2) < 0.15 and above == 1
        yield Result("§7.3.5", "issuer 2 characters in from the right, date 2 characters right of its start", _ok(good),
                     f"issuer {signer_space} in, date {date_space} in, date starts {shift} right, {above} blank lines above", page.number)  # fmt: skip
    text_above = [line for line in lines[: max(j, 0)] if not line.text.startswith("附件：")]
    yield Result("§7.3.5", "signature on a page with body text", _ok(j >= 0 and bool(text_above)),
                 f"{len(text_above)} lines of text above the signature", page.number)  # fmt: skip
    note = lines[i + 1] if i + 1 < len(lines) else None
    following = pdf.pages[page.number] if page.number < len(pdf.pages) else None
    moved = following is not None and bool(following.text_lines) and re.fullmatch(r"（.+）", following.text_lines[0].text) is not None
    if note is None and moved:
        yield Result("§7.3.6", "附注 on the line after the date, 2 characters in", FAIL,
                     f"{following.text_lines[0].text} is on the next page, away from the date", page.number)  # fmt: skip
    elif note is None or not note.text.startswith("（"):
        yield Result("§7.3.6", "附注 on the line after the date, 2 characters in", NA, "no 附注")
    else:
        good = abs(note.x0 - left - 2 * CELL) < 1 and abs(note.baseline - date.baseline - PITCH) < 1
        yield Result("§7.3.6", "附注 on the line after the date, 2 characters in", _ok(good), f"indent {_cells(note.x0 - left, CELL)}", page.number)


def _attachments(pdf: Pdf, kinds: list[str], roles: dict[str, Role]) -> Iterator[Result]:
    pages = [p for p, k in zip(pdf.pages, kinds, strict=True) if k == "attachment"]
    if not pages:
        yield Result("§7.3.4", "attachment: new page, 附件N 黑体 at the top left", NA, "no attachment")
    for page in pages:
        label = page.text_lines[0]
        status, detail = role_status(label.font, roles.get("hei"))
        good = abs(label.x0 - LEFT * MM) < 0.2 * MM and abs(label.em_top / MM - TOP) <= 1 and status == OK and abs(label.size - BODY_PT) < 0.3
        yield Result("§7.3.4", "attachment: new page, 附件N 黑体 at the top left", _ok(good),
                     f"{label.text} at x {mm(label.x0)} mm, top {mm(label.em_top)} mm, {detail}", page.number)  # fmt: skip


# ------------------------------------------------------------------ 版记, page numbers (§7.4, §7.5) ---


def _imprint(pdf: Pdf, kinds: list[str]) -> Iterator[Result]:
    if kinds[-1] != "imprint":
        yield Result("§7.4", "版记 at the foot of the last page", NA, "no 版记")
        return
    page = pdf.pages[-1]
    yield Result("§7.4", "版记 on an even page (the back of the last sheet)", _ok(page.number % 2 == 0), f"page {page.number}", page.number)
    left, right = LEFT * MM, (LEFT + WIDTH) * MM
    bands = ink_bands(pdf.path, page.number - 1, (left - 2 * MM, 150 * MM, right + 2 * MM, 275 * MM), min_fraction=0.9)
    if len(bands) < 2:  # the 版记's text is there (the page is classified by it): its rules are not
        yield Result("§7.4", "版记 rules: text-block wide, 0.35/0.25/0.35 mm, last on the text block's bottom", FAIL,
                     f"{len(bands)} full-width rules found, want at least 2", page.number)  # fmt: skip
    else:
        rules = []
        for band in bands:
            ends = ink_extent(pdf.path, page.number - 1, band.middle, left - 3 * MM, right + 3 * MM)
            rules.append((mm(band.thickness), mm(ends[1] - ends[0]) if ends else 0.0, mm(band.top + band.thickness)))
        thick = [r[0] for r in rules]
        good = (abs(thick[0] - 0.35) < 0.05 and abs(thick[-1] - 0.35) < 0.05 and all(abs(t - 0.25) < 0.05 for t in thick[1:-1])
                and all(abs(r[1] - WIDTH) < 0.5 for r in rules) and abs(rules[-1][2] - (TOP + HEIGHT)) < 0.5)  # fmt: skip
        yield Result("§7.4", "版记 rules: text-block wide, 0.35/0.25/0.35 mm, last on the text block's bottom", _ok(good),
                     f"(thickness, width, bottom) mm: {rules}", page.number)  # fmt: skip
    texts = of_size(page.text_lines, FOLIO_PT)
    copies = next((i for i, line in enumerate(texts) if line.text.startswith("抄送")), None)
    printed = next((line for line in texts if line.text.endswith("印发")), None)
    if copies is not None:
        block = [line for line in texts[copies:] if line is not printed][: len(texts)]
        end = next((line for line in block if line.text.endswith("。")), block[-1])
        good = abs(texts[copies].x0 - left - FOLIO_PT) < 0.3 * MM and end.text.endswith("。") and abs(texts[copies].size - FOLIO_PT) < 0.3
        yield Result("§7.4", "抄送 4号, one character in, ends with 。", _ok(good),
                     f"x {mm(texts[copies].x0)} mm, {texts[copies].size} pt, ends {end.text[-2:]!r}", page.number)  # fmt: skip
    if printed:
        good = abs(printed.x0 - left - FOLIO_PT) < 0.3 * MM and abs(right - FOLIO_PT - printed.glyphs[-1].x1) < 0.5 * MM
        yield Result("§7.4", "印发机关 and 印发日期 one character in", _ok(good), f"x {mm(printed.x0)}–{mm(printed.glyphs[-1].x1)} mm", page.number)


def _page_numbers(pdf: Pdf, kinds: list[str], roles: dict[str, Role]) -> Iterator[Result]:
    left, right = LEFT * MM, (LEFT + WIDTH) * MM
    bad, seen = [], 0
    for page, kind in zip(pdf.pages, kinds, strict=True):
        foot = [line for line in page.foot_lines if line.baseline < 290 * MM]
        if kind in ("blank", "imprint"):
            if foot:
                bad.append((page.number, f"{kind} page numbered {foot[0].text}"))
            continue
        if not foot:
            bad.append((page.number, "no page number"))
            continue
        seen += 1
        line = foot[0]
        odd = page.number % 2 == 1
        inset = (right - line.glyphs[-1].x1) if odd else (line.x0 - left)
        text = line.text.replace(" ", "")
        dash = ink_bands(pdf.path, page.number - 1, (line.glyphs[0].x0, line.baseline - line.size, line.glyphs[0].x1, line.baseline + 0.3 * line.size))
        below = round(mm(dash[0].middle) - (TOP + HEIGHT), 2) if dash else None
        status, detail = role_status(line.font, roles.get("song"))
        problems = []
        if text != f"—{page.number}—":
            problems.append(f"text {line.text!r}")
        if abs(inset / FOLIO_PT - 1) > 0.1:
            problems.append(f"{'right' if odd else 'left'} inset {round(inset / FOLIO_PT, 2)} characters, want 1")
        if abs(line.size - FOLIO_PT) > 0.3:
            problems.append(f"{line.size} pt")
        if below is None or abs(below - 7) > 0.5:
            problems.append(f"dash {below} mm below the text block, want 7")
        if status != OK:
            problems.append(detail)
        if problems:
            bad.append((page.number, "; ".join(problems)))
    yield Result("§7.5", "page numbers — N —, 14 pt 宋体, 7 mm below, odd right / even left one character in; none on blank and 版记 pages",
                 _ok(not bad) if seen or bad else NOT_VERIFIED, f"{bad[:6]}" if bad else f"{seen} pages numbered")  # fmt: skip


def _draft(pdf: Pdf) -> Iterator[Result]:
    marked = [p.number for p in pdf.pages if any("征求意见稿" in line.text or "DRAFT" in line.text for line in p.head_lines)]
    if not marked:
        yield Result("SPEC --draft", "draft mark on every page", NA, "not a draft")
    else:
        yield Result("SPEC --draft", "draft mark on every page", _ok(len(marked) == len(pdf.pages)), f"{len(marked)} of {len(pdf.pages)} pages")


# ------------------------------------------------------------------ entry ---


def verify(path: Path, stylesheet: Path | None = None) -> Verification:
    """Measure `path`. Raises ValueError (or pdfminer's errors) when it is not a readable PDF."""
    pdf = read_pdf(path)
    roles = {r.key: r for r in roles_of(stylesheet or styles_dir() / "gbt9704.css")}
    body_pt = _body_size(pdf)
    kinds = [classify(p, body_pt, p.number == len(pdf.pages)) for p in pdf.pages]
    if pdf.lang and not pdf.lang.lower().startswith("zh"):
        width, height = mm(pdf.pages[0].width), mm(pdf.pages[0].height)
        results = [Result("§5.1", "page size A4 210 × 297 mm", _ok(abs(width - A4[0]) < 0.5 and abs(height - A4[1]) < 0.5), f"{width} × {height} mm"),
                   Result("GB/T 9704", "the zh-CN layout", NA, f"this PDF's language is {pdf.lang}: GB/T 9704 applies to zh-CN reports")]  # fmt: skip
        return Verification(path, kinds, Grid(body_pt=body_pt), results)
    grid, results = _grid(pdf, kinds, body_pt)
    for part in (_fonts(pdf, kinds, body_pt, roles), _head(pdf, body_pt, roles), _closing(pdf, kinds, body_pt),
                 _attachments(pdf, kinds, roles), _imprint(pdf, kinds), _page_numbers(pdf, kinds, roles), _draft(pdf)):  # fmt: skip
        results += list(part)
    return Verification(path, kinds, grid, results)


def verify_file(path: Path, stylesheet: Path | None = None) -> Verification:
    """verify() for the command line: a missing, unreadable or broken file is a GenreportError (exit 2)."""
    from pdfplumber.utils.exceptions import PdfminerException
    from pypdf.errors import PyPdfError

    if not path.is_file():
        raise GenreportError(Text(f"找不到文件 {path}", f"no such file: {path}"))
    try:
        return verify(path, stylesheet)
    except (PdfminerException, PyPdfError, OSError, ValueError) as exc:
        raise GenreportError(Text(f"{path} 不是可读的 PDF：{exc}", f"{path} is not a readable PDF: {exc}")) from None
