"""Measure a built report PDF against the GB/T 9704-2012 layout clauses.

Prototype of `genreport verify-layout`: every function takes a PDF path (or
an opened pdfplumber PDF) and returns plain numbers; nothing here decides
pass/fail except `check()`, which compares the numbers with the clauses and
says "not verified" where a measurement could not be made.

Where positions come from:
  * glyph positions: pdfplumber chars. Their baseline is taken from the text
    matrix (pdfplumber's own top/bottom depend on the font descriptor's
    bbox, not on the glyph), x from x0, the character cell from the
    distance between neighbouring glyph origins (it includes letter-spacing).
  * "top of the glyphs": the ideographic em box top, baseline - 0.88 em
    (CJK fonts: OS/2 typoAscender 880/1000, the 字身框), and, as a check, the
    ink top found by rasterising the line with pypdfium2.
  * rules (版记) and the page-number dash: rasterised ink (pypdfium2, 600 dpi),
    because WeasyPrint draws borders as filled outlines, not as lines.
  * fonts: the PDF font resources via pypdf (embedded? subset?) and the font
    of each glyph via pdfplumber, grouped by role.

Usage: python measure.py report.pdf [--json]
"""
from __future__ import annotations

import json
import re
import statistics
import sys
from collections import Counter, defaultdict

import pdfplumber

MM = 72 / 25.4                 # points per millimetre
EM_TOP = 0.88                  # ideographic em box top above the baseline, in em
A4 = (210.0, 297.0)
NOMINAL = dict(top=37.0, left=28.0, width=156.0, height=225.0,
               lines=22, chars=28, body_pt=16.0, title_pt=22.0, folio_pt=14.0)
PITCH_PT = NOMINAL["height"] * MM / NOMINAL["lines"]     # 28.99 pt
CELL_PT = NOMINAL["width"] * MM / NOMINAL["chars"]       # 15.79 pt

CJK_RE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’—…《》·]")
LATIN_FALLBACK = re.compile(r"DejaVu|Liberation|Bitstream|FreeSerif|FreeSans", re.I)


def mm(pt: float) -> float:
    return round(pt / MM, 3)


def _font(c) -> str:
    return c["fontname"].split("+", 1)[-1]


def _baseline(c, page_h) -> float:
    """Baseline y from the top of the page, in pt (from the text matrix)."""
    return page_h - c["matrix"][5]


# ------------------------------------------------------------------ lines ---
class Line:
    def __init__(self, chars, page_h):
        self.chars = sorted(chars, key=lambda c: c["x0"])
        self.baseline = statistics.median(_baseline(c, page_h) for c in self.chars)
        self.size = Counter(round(c["size"], 1) for c in self.chars).most_common(1)[0][0]
        self.text = "".join(c["text"] for c in self.chars)
        self.x0 = self.chars[0]["x0"]
        self.fonts = Counter(_font(c) for c in self.chars)

    def cells(self, cell):
        """Right end of the last character cell: last origin + one cell
        (x1 would include the glyph's overhang past its letter-spaced cell)."""
        last = self.chars[-1]
        if CJK_RE.match(last["text"]):
            return last["x0"] + cell
        return last["x1"]

    @property
    def em_top(self):
        return self.baseline - EM_TOP * self.size

    def __repr__(self):
        return f"<Line {mm(self.baseline)}mm {self.size}pt {self.text[:20]!r}>"


def page_lines(page):
    """Group a page's glyphs into lines by baseline (tolerance 1 pt)."""
    h = page.height
    groups = []
    for c in sorted(page.chars, key=lambda c: _baseline(c, h)):
        if c["text"].isspace():
            continue
        b = _baseline(c, h)
        if groups and abs(groups[-1][0] - b) < 1.0 and abs(groups[-1][1][0]["size"] - c["size"]) < 8:
            groups[-1][1].append(c)
        else:
            groups.append((b, [c]))
    # two runs at the same baseline but different sizes (e.g. a heading and
    # its page number) never happen inside the text block; fine for now
    return [Line(cs, h) for _, cs in groups]


def text_block_lines(page, top_mm=30.0, bottom_mm=264.0):
    """Lines whose baseline lies inside the text block area (excludes the
    running head / draft mark and the page number)."""
    return [l for l in page_lines(page) if top_mm * MM < l.baseline < bottom_mm * MM]


def char_cell(pdf) -> float:
    """Median distance between origins of neighbouring full-width glyphs on
    16 pt lines: the character pitch including letter-spacing."""
    diffs = []
    for page in pdf.pages:
        for l in text_block_lines(page):
            if abs(l.size - NOMINAL["body_pt"]) > 0.5:
                continue
            for a, b in zip(l.chars, l.chars[1:]):
                if CJK_RE.match(a["text"]) and CJK_RE.match(b["text"]):
                    diffs.append(b["x0"] - a["x0"])
    return statistics.median(diffs) if diffs else float("nan")


def _line_pitch(line):
    """Median origin-to-origin distance of neighbouring CJK glyphs in a line."""
    d = [b["x0"] - a["x0"] for a, b in zip(line.chars, line.chars[1:])
         if CJK_RE.match(a["text"]) and CJK_RE.match(b["text"])]
    return statistics.median(d) if d else None


# ------------------------------------------------------------ rasterising ---
_RASTER_CACHE = {}


def _raster(path, page_index, dpi=600):
    key = (path, page_index, dpi)
    if key not in _RASTER_CACHE:
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(path)
        img = doc[page_index].render(scale=dpi / 72, grayscale=True).to_pil()
        _RASTER_CACHE.clear()          # keep one page in memory
        _RASTER_CACHE[key] = img
    return _RASTER_CACHE[key]


def dark_rows(path, page_index, x0_pt, x1_pt, y0_pt, y1_pt, dpi=600, threshold=128,
              min_fraction=0.0):
    """Rows (as y in pt from the page top) in the box that hold ink; with
    min_fraction, only rows whose dark pixels cover that share of the width."""
    img = _raster(path, page_index, dpi)
    s = dpi / 72
    box = (int(x0_pt * s), int(y0_pt * s), int(x1_pt * s), int(y1_pt * s))
    crop = img.crop(box)
    w, h = crop.size
    px = crop.load()
    rows = []
    for y in range(h):
        n = sum(1 for x in range(0, w, 2) if px[x, y] < threshold)
        if n and n >= min_fraction * (w / 2):
            rows.append((box[1] + y) / s)
    return rows


def bands(rows, gap_pt=0.2):
    """Merge consecutive dark rows into bands [(top, bottom)] in pt."""
    out = []
    step = 72 / 600
    for r in rows:
        if out and r - out[-1][1] <= step + gap_pt:
            out[-1][1] = r
        else:
            out.append([r, r])
    return [(a, b + step) for a, b in out]


def ink_top(path, page_index, line: Line, left_pt, right_pt):
    rows = dark_rows(path, page_index, left_pt, right_pt,
                     line.baseline - 1.2 * line.size, line.baseline)
    return rows[0] if rows else None


# ------------------------------------------------------------- measuring ---
def classify_pages(pdf):
    """Label each page: body / attachment / blank / imprint."""
    kinds = []
    for page in pdf.pages:
        lines = text_block_lines(page)
        text = "".join(l.text for l in lines)
        if not lines:
            kinds.append("blank")
        elif page.page_number == 1:
            kinds.append("first")
        elif "印发" in text and "抄送" in text or (re.search(r"印发$", lines[-1].text) and len(lines) <= 6):
            kinds.append("imprint")
        elif re.fullmatch(r"附件\s*\d*", lines[0].text):
            kinds.append("attachment")
        elif lines[0].size > 18 or re.search(r"主要指标", lines[0].text):
            kinds.append("first" if page.page_number == 1 else "section-start")
        else:
            kinds.append("body")
    return kinds


def measure_grid(pdf, path=None):
    """Margins, line pitch, lines per page, characters per line."""
    cell = char_cell(pdf)
    kinds = classify_pages(pdf)
    pages = []
    all_pitches = []
    for i, page in enumerate(pdf.pages):
        lines = [l for l in text_block_lines(page) if abs(l.size - NOMINAL["body_pt"]) < 0.6
                 or kinds[i] == "first"]
        if not lines:
            pages.append(dict(page=i + 1, kind=kinds[i], lines=0))
            continue
        body = [l for l in lines if abs(l.size - NOMINAL["body_pt"]) < 0.6]
        first = lines[0]
        pitches = [b.baseline - a.baseline for a, b in zip(body, body[1:])]
        all_pitches += [p for p in pitches if abs(p - PITCH_PT) < 3]
        # off-grid: baseline not a whole number of pitches from the first
        off = []
        if body:
            for l in body:
                k = (l.baseline - body[0].baseline) / PITCH_PT
                if abs(k - round(k)) * PITCH_PT > 0.5:
                    off.append((l.text[:10], round((k - round(k)) * PITCH_PT, 2)))
        slots = round((body[-1].baseline - body[0].baseline) / PITCH_PT) + 1 if body else 0
        info = dict(page=i + 1, kind=kinds[i], lines=len(body), slots=slots,
                    first_text=first.text[:12],
                    first_em_top_mm=mm(first.em_top),
                    last_em_bottom_mm=mm(body[-1].baseline + 0.12 * body[-1].size) if body else None,
                    off_grid=off)
        if path is not None:
            left = min(l.x0 for l in body) if body else first.x0
            t = ink_top(path, i, first, left, left + NOMINAL["width"] * MM)
            info["first_ink_top_mm"] = mm(t) if t else None
        # characters per line
        left = NOMINAL["left"] * MM
        counts, full, short, justified = [], [], [], []
        for j, l in enumerate(body):
            indent_cells = round((l.x0 - left) / cell)
            n = len(l.chars)
            all_cjk = all(CJK_RE.match(c["text"]) for c in l.chars)
            end = l.cells(cell)
            reaches = end >= left + NOMINAL["width"] * MM - 0.5 * cell
            counts.append(n)
            pitch = _line_pitch(l)
            if all_cjk and reaches and pitch is not None:
                if abs(pitch - cell) < 0.02:
                    full.append(indent_cells + n)          # natural full line
                else:
                    justified.append((n + indent_cells, round(pitch, 3)))
            # justification check: a line followed by a continuation line of
            # the same paragraph (next starts flush left, same font) should
            # reach the right margin
            nxt = body[j + 1] if j + 1 < len(body) else None
            if (nxt and abs(nxt.x0 - left) < 1 and not reaches
                    and nxt.fonts.most_common(1)[0][0] == l.fonts.most_common(1)[0][0]
                    and abs(nxt.baseline - l.baseline - PITCH_PT) < 1):
                short.append((l.text[-6:], round((left + NOMINAL["width"] * MM - end) / cell, 2)))
        info.update(full_line_cells=Counter(full), ragged_lines=short,
                    justified_lines=justified)
        pages.append(info)
    lefts = [l.x0 for p in pdf.pages for l in text_block_lines(p)
             if abs(l.size - NOMINAL["body_pt"]) < 0.6]
    left_margin = min(lefts) if lefts else None
    # right edge from natural (unstretched) all-CJK lines only
    rights = [l.cells(cell) for p in pdf.pages for l in text_block_lines(p)
              if abs(l.size - NOMINAL["body_pt"]) < 0.6 and all(CJK_RE.match(c["text"]) for c in l.chars)
              and _line_pitch(l) is not None and abs(_line_pitch(l) - cell) < 0.02]
    body_pages = [p for p in pages if p["kind"] == "body"]
    return dict(
        page_size_mm=(mm(pdf.pages[0].width), mm(pdf.pages[0].height)),
        char_cell_pt=round(cell, 3),
        letter_spacing_pt=round(cell - NOMINAL["body_pt"], 3),
        line_pitch_pt=round(statistics.median(all_pitches), 3) if all_pitches else None,
        left_margin_mm=mm(left_margin) if left_margin else None,
        right_edge_mm=mm(max(rights)) if rights else None,
        text_width_mm=mm(max(rights) - left_margin) if rights and left_margin else None,
        top_margin_em_mm=[p["first_em_top_mm"] for p in body_pages],
        top_margin_ink_mm=[p.get("first_ink_top_mm") for p in body_pages],
        pages=pages,
    )


ROLE_PATTERNS = [
    ("part-heading", re.compile(r"^[一二三四五六七八九十]+、")),
    ("subsection-heading", re.compile(r"^（[一二三四五六七八九十]+）")),
    ("attachment-label", re.compile(r"^附件\s*\d*$")),
]


def measure_fonts(pdf, path):
    """Fonts per role (from the glyphs) and the PDF's font resources."""
    roles = defaultdict(Counter)
    latin_on_cjk = []
    for i, page in enumerate(pdf.pages):
        for l in page_lines(page):
            role = "body"
            if l.baseline < 34 * MM:
                role = "running-head"
            elif l.baseline > 264 * MM and abs(l.size - 14) < 0.6:
                role = "page-number"
            elif abs(l.size - 22) < 0.6:
                role = "title"
            elif abs(l.size - 14) < 0.6:
                role = "imprint/table"
            else:
                text = l.text.lstrip()
                for name, rx in ROLE_PATTERNS:
                    if rx.match(text):
                        role = name
                        break
            for c in l.chars:
                # a heading's number and text are in the heading's font
                roles[role][_font(c)] += 1
                if CJK_RE.match(c["text"]) and LATIN_FALLBACK.search(_font(c)):
                    latin_on_cjk.append((i + 1, c["text"], _font(c)))
    from pypdf import PdfReader
    resources = {}
    for page in PdfReader(path).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            f = ref.get_object()
            name = str(f.get("/BaseFont"))
            desc = f.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in f:
                desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            resources[name.lstrip("/")] = dict(
                embedded=embedded, subset=bool(re.match(r"/?[A-Z]{6}\+", name)),
                subtype=str(f.get("/Subtype")))
    return dict(roles={k: dict(v) for k, v in roles.items()},
                latin_font_on_cjk=latin_on_cjk[:20], resources=resources)


def measure_page_numbers(pdf, path, text_bottom_mm=262.0):
    """Page-number text, side, distance in from the edge (in 14 pt chars),
    and the dash's ink centre below the text block."""
    out = []
    left = NOMINAL["left"] * MM
    right = left + NOMINAL["width"] * MM
    for i, page in enumerate(pdf.pages):
        nums = [l for l in page_lines(page) if l.baseline > text_bottom_mm * MM
                and l.baseline < 290 * MM]
        if not nums:
            out.append(dict(page=i + 1, text=None))
            continue
        l = nums[0]
        size = l.size
        info = dict(page=i + 1, text=l.text, size_pt=size, font=l.fonts.most_common(1)[0][0],
                    x0_mm=mm(l.x0), x1_mm=mm(l.chars[-1]["x1"]),
                    in_from_left_chars=round((l.x0 - left) / size, 2),
                    in_from_right_chars=round((right - l.chars[-1]["x1"]) / size, 2))
        info["side"] = "right" if info["in_from_right_chars"] < info["in_from_left_chars"] else "left"
        dash = l.chars[0]
        rows = dark_rows(path, i, dash["x0"], dash["x1"], l.baseline - size, l.baseline + 0.3 * size)
        if rows:
            b = bands(rows)[0]
            info["dash_ink_mm"] = (mm(b[0]), mm(b[1]))
            info["dash_below_text_block_mm"] = round(mm((b[0] + b[1]) / 2) - text_bottom_mm, 2)
        out.append(info)
    return out


def measure_imprint(pdf, path, kinds=None):
    """版记 rules (thickness, width, position) on the last page."""
    i = len(pdf.pages) - 1
    left = NOMINAL["left"] * MM
    width = NOMINAL["width"] * MM
    rows = dark_rows(path, i, left - 2 * MM, left + width + 2 * MM, 150 * MM, 275 * MM,
                     min_fraction=0.9)
    rules = []
    for top, bottom in bands(rows, gap_pt=0.02):
        # horizontal extent of the rule
        img = _raster(path, i)
        s = 600 / 72
        y = int((top + bottom) / 2 * s)
        xs = [x for x in range(int((left - 3 * MM) * s), int((left + width + 3 * MM) * s))
              if img.getpixel((x, y)) < 128]
        rules.append(dict(top_mm=mm(top), bottom_mm=mm(bottom), thickness_mm=mm(bottom - top),
                          x0_mm=mm(xs[0] / s), x1_mm=mm(xs[-1] / s),
                          width_mm=mm((xs[-1] - xs[0]) / s)))
    return dict(page=i + 1, rules=rules)


def measure_blocks(pdf, cell=None):
    """Title, recipient, signature, annotation, attachment label, draft mark."""
    cell = cell or char_cell(pdf)
    left = NOMINAL["left"] * MM
    right = left + NOMINAL["width"] * MM
    centre = (left + right) / 2
    res = {}
    p1 = text_block_lines(pdf.pages[0])
    titles = [l for l in p1 if abs(l.size - 22) < 0.6]
    res["title"] = [dict(text=l.text, size_pt=l.size, font=l.fonts.most_common(1)[0][0],
                         centre_offset_mm=mm((l.x0 + l.chars[-1]["x1"]) / 2 - centre),
                         baseline_mm=mm(l.baseline))
                    for l in titles]
    rec = next((l for l in p1 if l.text.endswith("：") and l.size < 18), None)
    if rec and titles:
        res["recipient"] = dict(text=rec.text, x0_mm=mm(rec.x0),
                                blank_lines_after_title=round((rec.baseline - titles[-1].baseline) / PITCH_PT) - 1,
                                baseline_gap_pitches=round((rec.baseline - titles[-1].baseline) / PITCH_PT, 3))
    # signature / date / annotation (search all pages)
    for i, page in enumerate(pdf.pages):
        lines = text_block_lines(page)
        for j, l in enumerate(lines):
            if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", l.text) and j > 0:
                signer = lines[j - 1]
                res["signature"] = dict(
                    page=i + 1, signer=signer.text, date=l.text,
                    signer_right_space_chars=round((right - signer.cells(cell)) / cell, 2),
                    date_start_minus_signer_start_chars=round((l.x0 - signer.x0) / cell, 2),
                    date_right_space_chars=round((right - l.chars[-1]["x1"]) / cell, 2),
                    lines_between_signer_and_date=round((l.baseline - signer.baseline) / PITCH_PT, 2))
                prev = lines[j - 2] if j >= 2 else None
                if prev:
                    res["signature"]["blank_lines_above"] = round((signer.baseline - prev.baseline) / PITCH_PT - 1, 2)
                if j + 1 < len(lines) and lines[j + 1].text.startswith("（"):
                    a = lines[j + 1]
                    res["annotation"] = dict(text=a.text, indent_chars=round((a.x0 - left) / cell, 2),
                                             lines_after_date=round((a.baseline - l.baseline) / PITCH_PT, 2))
            if l.text.startswith("附件：") or l.text.startswith("附件:"):
                res["attachments_note"] = dict(page=i + 1, indent_chars=round((l.x0 - left) / cell, 2),
                                               next_line_indent_chars=round((lines[j + 1].x0 - left) / cell, 2) if j + 1 < len(lines) else None)
            if j == 0 and re.fullmatch(r"附件\s*\d*", l.text):
                res.setdefault("attachment_labels", []).append(dict(
                    page=i + 1, text=l.text, x0_mm=mm(l.x0), em_top_mm=mm(l.em_top),
                    font=l.fonts.most_common(1)[0][0]))
    res["draft_mark_pages"] = [i + 1 for i, p in enumerate(pdf.pages)
                               if any("征求意见稿" in l.text or "DRAFT" in l.text
                                      for l in page_lines(p) if l.baseline < 34 * MM)]
    return res


def measure(path):
    with pdfplumber.open(path) as pdf:
        grid = measure_grid(pdf, path)
        return dict(
            pages=len(pdf.pages),
            grid=grid,
            fonts=measure_fonts(pdf, path),
            page_numbers=measure_page_numbers(pdf, path),
            imprint=measure_imprint(pdf, path),
            blocks=measure_blocks(pdf, grid["char_cell_pt"]),
        )


def check(m):
    """Compare measurements with the clauses: [(clause, ok|FAIL|not verified, detail)]."""
    out = []
    g = m["grid"]

    def add(clause, ok, detail):
        out.append((clause, "not verified" if ok is None else ("ok" if ok else "FAIL"), detail))

    add("§5.1 A4", abs(g["page_size_mm"][0] - 210) < 0.5 and abs(g["page_size_mm"][1] - 297) < 0.5, g["page_size_mm"])
    tops = g["top_margin_em_mm"]
    add("§5.2.1 top 37±1 mm (em box)", all(abs(t - 37) <= 1 for t in tops) if tops else None, tops)
    inks = [t for t in g["top_margin_ink_mm"] if t]
    add("§5.2.1 top 37±1 mm (ink)", all(abs(t - 37) <= 1 for t in inks) if inks else None, inks)
    add("§5.2.1 left 28±1 mm", None if g["left_margin_mm"] is None else abs(g["left_margin_mm"] - 28) <= 1, g["left_margin_mm"])
    add("§5.2.1 text width 156 mm", None if g["text_width_mm"] is None else abs(g["text_width_mm"] - 156) <= 1, g["text_width_mm"])
    add("§5.2.2 line pitch 28.99 pt", None if g["line_pitch_pt"] is None else abs(g["line_pitch_pt"] - PITCH_PT) < 0.1, g["line_pitch_pt"])
    kinds = [p["kind"] for p in g["pages"]]
    full = []
    for k, p in enumerate(g["pages"]):
        nxt = kinds[k + 1] if k + 1 < len(kinds) else None
        if p["kind"] in ("body", "first", "section-start") and nxt == "body":
            # a page that starts with the title counts grid slots (title
            # lines and blank lines included); a body page counts lines
            n = p["slots"] if p["kind"] != "body" else p["lines"]
            full.append((p["page"], n))
    add("§5.2.2 22 lines per full page", all(n == 22 for _, n in full) if full else None, full)
    cells = Counter()
    for p in g["pages"]:
        cells.update(p.get("full_line_cells", {}))
    add("§5.2.2 28 chars per full line", set(cells) == {28} if cells else None, dict(cells))
    ragged = [(p["page"], r) for p in g["pages"] for r in p.get("ragged_lines", [])]
    add("§5.2.2 justified (no short non-final lines)", not ragged, ragged)
    just = [(p["page"], j) for p in g["pages"] for j in p.get("justified_lines", [])]
    add("§5.2.2 stretched lines (info: cells, pitch pt)", True, just)
    off = [(p["page"], o) for p in g["pages"] for o in p.get("off_grid", [])]
    add("§5.2.2 all lines on the grid", not off, off)
    f = m["fonts"]
    add("fonts embedded", all(r["embedded"] for r in f["resources"].values()), f["resources"])
    add("CJK punctuation in CJK font", not f["latin_font_on_cjk"], f["latin_font_on_cjk"])
    kinds_by_page = {p["page"]: p["kind"] for p in g["pages"]}
    for pn in m["page_numbers"]:
        page, kind = pn["page"], kinds_by_page.get(pn["page"])
        if kind in ("blank", "imprint"):
            add(f"§7.5 p{page} ({kind}) no number", pn["text"] is None, pn.get("text"))
            continue
        if pn["text"] is None:
            add(f"§7.5 p{page} number", False, "missing")
            continue
        want_side = "right" if page % 2 else "left"
        inn = pn["in_from_right_chars"] if want_side == "right" else pn["in_from_left_chars"]
        ok = (pn["text"].replace(" ", "") == f"—{page}—" and pn["side"] == want_side
              and abs(inn - 1) < 0.1 and abs(pn["size_pt"] - 14) < 0.3
              and abs(pn.get("dash_below_text_block_mm", 99) - 7) <= 0.5)
        add(f"§7.5 p{page} number", ok, {k: pn.get(k) for k in ("text", "side", "in_from_left_chars", "in_from_right_chars", "dash_below_text_block_mm", "font")})
    rules = m["imprint"]["rules"]
    if rules:
        th = [r["thickness_mm"] for r in rules]
        ok = (len(rules) >= 2 and abs(th[0] - 0.35) < 0.05 and abs(th[-1] - 0.35) < 0.05
              and all(abs(t - 0.25) < 0.05 for t in th[1:-1])
              and all(abs(r["width_mm"] - 156) < 0.5 for r in rules)
              and abs(rules[-1]["bottom_mm"] - 262) < 0.5)
        add("§7.4 版记 rules", ok, rules)
    else:
        add("§7.4 版记 rules", None, "no rules found on the last page")
    b = m["blocks"]
    s = b.get("signature")
    if s:
        # §7.3.5: the longer of (issuer, 2 chars + date) ends 2 chars in;
        # sealed: date 4 chars in, issuer centred on the date
        if s["date_start_minus_signer_start_chars"] < 1:
            ok = abs(s["date_right_space_chars"] - 4) < 0.15
            add("§7.3.5 signature (sealed)", ok, s)
        else:
            ok = (abs(min(s["signer_right_space_chars"], s["date_right_space_chars"]) - 2) < 0.15
                  and abs(s["date_start_minus_signer_start_chars"] - 2) < 0.15)
            add("§7.3.5 signature (unsealed)", ok, s)
    else:
        add("§7.3.5 signature", None, "not found")
    a = b.get("annotation")
    add("§7.3.6 annotation 2 chars in", None if not a else abs(a["indent_chars"] - 2) < 0.1, a)
    r = b.get("recipient")
    add("§7.3.2 recipient flush left, 1 blank line", None if not r else (abs(r["x0_mm"] - 28) < 0.2 and abs(r["blank_lines_after_title"] - 1) < 0.1), r)
    t = b.get("title")
    add("§7.3.1 title 22 pt centred", None if not t else all(abs(x["size_pt"] - 22) < 0.3 and abs(x["centre_offset_mm"]) < 0.5 for x in t), t)
    return out


def main(argv):
    path = argv[1]
    m = measure(path)
    if "--json" in argv:
        print(json.dumps(m, ensure_ascii=False, indent=1, default=str))
        return
    for clause, status, detail in check(m):
        print(f"{status:12} {clause}: {json.dumps(detail, ensure_ascii=False, default=str)}")
    print("\nper page:")
    for p in m["grid"]["pages"]:
        print(" ", {k: v for k, v in p.items() if k not in ("off_grid", "ragged_lines")},
              "ragged:", p.get("ragged_lines"), "off-grid:", p.get("off_grid"))
    print("\nfonts by role:", json.dumps(m["fonts"]["roles"], ensure_ascii=False))
    print("blocks:", json.dumps(m["blocks"], ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
