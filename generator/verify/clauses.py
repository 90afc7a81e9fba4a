"""verify-layout, GB/T 9704 §7: fonts by role, 版头 and title, headings, signature and date, 附注,
attachments, 版记 and page numbers, and the draft mark.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from genreport.fonts.roles import Role
from genreport.gbt9704 import (
    BODY_PT,
    CELL,
    CELL_TOL,
    CENTRE_TOL_MM,
    EDGE_TOL_MM,
    FLUSH_TOL_MM,
    FOLIO_PT,
    HEIGHT,
    IMPRINT_TOL_MM,
    LEFT,
    LINE_TOL_PT,
    MM,
    PITCH,
    RULE_TOL_MM,
    SIZE_TOL_PT,
    TITLE_PT,
    TOP,
    WIDTH,
)
from genreport.verify.letterhead import letterhead_mark
from genreport.verify.measure import CJK, LATIN_FONT, Line, Pdf, ink_bands, ink_extent, mm, of_size
from genreport.verify.results import (
    BOLD,
    DATE,
    FAIL,
    LOW_LEVEL,
    NA,
    NOT_VERIFIED,
    OK,
    PART,
    SUBSECTION,
    Result,
    in_cells,
    role_status,
    status_of,
)  # fmt: skip


def fonts_results(pdf: Pdf, kinds: list[str], body_pt: float, roles: dict[str, Role]) -> Iterator[Result]:
    loose = [f.name for f in pdf.fonts if not (f.embedded and f.subset)]
    yield Result(
        "SPEC outputs",
        "every font embedded and subset",
        status_of(not loose),
        f"not: {loose}" if loose else f"{len(pdf.fonts)} fonts",
    )
    latin = sorted(
        {
            (p.number, g.text, g.font)
            for p in pdf.pages
            for line in p.lines
            for g in line.glyphs
            if CJK.match(g.text) and LATIN_FONT.search(g.font)
        }
    )
    yield Result(
        "SPEC punctuation",
        "Chinese characters and “”—…《》 in a CJK font",
        status_of(not latin),
        f"{latin[:5]}" if latin else "all",
    )
    # the report's own pages: an attachment's body is the user's free Markdown, where 一、 may
    # number a list item rather than a heading the templates made
    flow = [p for p, k in zip(pdf.pages, kinds, strict=True) if k in ("first", "body")]
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
            bold = heading and BOLD.search(font) is not None  # bold is a house style, not the standard's
            if status != OK or bold or abs(line.size - BODY_PT) > SIZE_TOL_PT:
                bad.append((number, line.text[:10], detail + (": bold" if bold else ""), line.size))
            elif heading and abs(line.x0 - LEFT * MM - 2 * CELL) > LINE_TOL_PT:
                bad.append(
                    (
                        number,
                        line.text[:10],
                        f"indent {in_cells(line.x0 - LEFT * MM, CELL)} characters, want 2",
                        line.size,
                    )
                )
        yield Result(
            clause,
            name,
            status_of(not bad),
            f"{bad[:4]}"
            if bad
            else f"{len(lines)} lines, {role_status(lines[0][1].glyphs[0].font, roles.get(key))[1]}",
        )
    body = Counter(
        line.font
        for p in flow
        for line in of_size(p.text_lines, body_pt)
        if not PART.match(line.text) and not SUBSECTION.match(line.text)
    )
    if body:
        status, detail = role_status(body.most_common(1)[0][0], roles.get("fangsong"))
        yield Result("§5.2.3", "body text in 仿宋", status, detail)


# ------------------------------------------------------------------ 版头 / 主体 (§7.2–7.3) ---


def head_results(pdf: Pdf, body_pt: float, roles: dict[str, Role]) -> Iterator[Result]:
    page = pdf.pages[0]
    lines = page.text_lines
    centre = (LEFT + WIDTH / 2) * MM
    mark = letterhead_mark(page, body_pt)  # the 版头's 发文机关标志 is not the title (verify/letterhead.py)
    titles = [line for line in lines if line.size > body_pt + 2 and line is not mark]
    if not titles:
        yield Result("§7.3.1", "title 22 pt (2号), centred", FAIL, "no line larger than the body text on page 1")
        return
    bad = [(t.text[:8], t.size, mm((t.x0 + t.glyphs[-1].x1) / 2 - centre)) for t in titles
           if abs(t.size - TITLE_PT) > SIZE_TOL_PT or abs((t.x0 + t.glyphs[-1].x1) / 2 - centre) > CENTRE_TOL_MM * MM]  # fmt: skip
    yield Result(
        "§7.3.1", "title 22 pt (2号), centred", status_of(not bad), f"{bad}" if bad else f"{len(titles)} lines"
    )
    widths = [t.glyphs[-1].x1 - t.x0 for t in titles]
    stub = len(widths) > 1 and min(widths) < 0.4 * max(widths)
    yield Result(
        "§7.3.1", "long title in balanced lines (no stub)", status_of(not stub), " / ".join(t.text for t in titles)
    )
    status, detail = role_status(titles[0].font, roles.get("xiaobiaosong"))
    yield Result("§7.3.1", "title in 小标宋", status, detail)
    number = next(
        (line for line in lines if line.baseline < titles[0].baseline and line.text.split("签发人")[0].endswith("号")),
        None,
    )
    if number is None:
        yield Result("§7.2.5", "document number 〔year〕N号", NA, "no document number")
    else:
        text = number.text.split("签发人")[0]  # a 版头 puts 签发人 on the number's line
        good = re.fullmatch(r".+〔\d{4}〕[1-9]\d*号", text) is not None and "第" not in text
        yield Result("§7.2.5", "document number 〔year〕N号", status_of(good), text)
    after = [line for line in lines if line.baseline > titles[-1].baseline]
    recipient = after[0] if after and after[0].text.endswith("：") and abs(after[0].size - body_pt) < 0.6 else None
    if recipient is None:
        yield Result("§7.3.2", "recipient flush left, one blank line below the title", NA, "no recipient")
    else:
        blank = round((recipient.baseline - titles[-1].baseline) / PITCH) - 1
        good = abs(recipient.x0 - LEFT * MM) < FLUSH_TOL_MM * MM and blank == 1
        yield Result(
            "§7.3.2",
            "recipient flush left, one blank line below the title",
            status_of(good),
            f"x {mm(recipient.x0)} mm, {blank} blank lines",
        )


def closing_results(pdf: Pdf, kinds: list[str]) -> Iterator[Result]:
    left, right = LEFT * MM, (LEFT + WIDTH) * MM
    found = None
    for page, kind in zip(pdf.pages, kinds, strict=True):
        lines = page.text_lines
        for i, line in enumerate(lines):
            if kind in ("first", "body") and line.text.startswith("附件："):
                gap = round((line.baseline - lines[i - 1].baseline) / PITCH) - 1 if i else None
                good = abs(line.x0 - left - 2 * CELL) < LINE_TOL_PT and gap == 1
                yield Result("§7.3.4", "attachments note: one blank line after the body, 2 characters in", status_of(good),
                             f"indent {in_cells(line.x0 - left, CELL)}, {gap} blank lines", page.number)  # fmt: skip
            if DATE.match(line.text) and i and kind in ("first", "body"):
                found = (page, lines, i)
    if found is None:
        yield Result("§7.3.5", "signature and date", NOT_VERIFIED, "no date line (YYYY年M月D日) found")
        return
    page, lines, i = found
    date = lines[i]
    signers: list[Line] = []
    j = i - 1
    while (
        j >= 0
        and lines[j].x0 > left + 4 * CELL
        and abs(lines[j + 1].baseline - lines[j].baseline - PITCH) < LINE_TOL_PT
    ):
        signers.insert(0, lines[j])
        j -= 1
    yield Result(
        "§7.3.5",
        "date in Arabic numerals, full year, no zero padding",
        status_of(re.fullmatch(r"\d{4}年[1-9]\d?月[1-9]\d?日", date.text) is not None),
        date.text,
        page.number,
    )
    if not signers:
        yield Result("§7.3.5", "issuer above the date", FAIL, "no issuer line directly above the date", page.number)
        return
    start = min(s.x0 for s in signers)
    signer_space = min(in_cells(right - s.end(CELL), CELL) for s in signers)
    date_space = in_cells(right - date.glyphs[-1].x1, CELL)
    shift = in_cells(date.x0 - start, CELL)
    above = round((signers[0].baseline - lines[j].baseline) / PITCH) - 1 if j >= 0 else None
    centred = all(
        abs((s.x0 + s.glyphs[-1].x1) / 2 - (date.x0 + date.glyphs[-1].x1) / 2) < CENTRE_TOL_MM * MM for s in signers
    )
    # The rule comes from the data (the PDF's GenreportSealed entry); only a PDF without it is
    # judged by its geometry (issuers centred on the date: the sealed layout).
    sealed = pdf.sealed if pdf.sealed is not None else centred
    source = "data" if pdf.sealed is not None else "inferred from the layout"
    if sealed:  # the seal presses on issuer and date
        good = centred and abs(date_space - 4) < CELL_TOL and above in (1, 2)
        yield Result("§7.3.5", "sealed: date 4 characters in from the right, issuer centred on it", status_of(good),
                     f"sealed ({source}): date {date_space} in, issuer centred {centred}, {above} blank lines above", page.number)  # fmt: skip
    else:
        good = abs(min(signer_space, date_space) - 2) < CELL_TOL and abs(shift - 2) < CELL_TOL and above == 1
        yield Result("§7.3.5", "issuer 2 characters in from the right, date 2 characters right of its start", status_of(good),
                     f"unsealed ({source}): issuer {signer_space} in, date {date_space} in, date starts {shift} right, {above} blank lines above", page.number)  # fmt: skip
    text_above = [line for line in lines[: max(j, 0)] if not line.text.startswith("附件：")]
    yield Result("§7.3.5", "signature on a page with body text", status_of(j >= 0 and bool(text_above)),
                 f"{len(text_above)} lines of text above the signature", page.number)  # fmt: skip
    note = lines[i + 1] if i + 1 < len(lines) else None
    following = pdf.pages[page.number] if page.number < len(pdf.pages) else None
    moved = (
        following is not None
        and bool(following.text_lines)
        and re.fullmatch(r"（.+）", following.text_lines[0].text) is not None
    )
    if note is None and moved and following is not None:
        yield Result("§7.3.6", "附注 on the line after the date, 2 characters in", FAIL,
                     f"{following.text_lines[0].text} is on the next page, away from the date", page.number)  # fmt: skip
    elif note is None or not note.text.startswith("（"):
        yield Result("§7.3.6", "附注 on the line after the date, 2 characters in", NA, "no 附注")
    else:
        good = abs(note.x0 - left - 2 * CELL) < LINE_TOL_PT and abs(note.baseline - date.baseline - PITCH) < LINE_TOL_PT
        yield Result(
            "§7.3.6",
            "附注 on the line after the date, 2 characters in",
            status_of(good),
            f"indent {in_cells(note.x0 - left, CELL)}",
            page.number,
        )


def attachments_results(pdf: Pdf, kinds: list[str], roles: dict[str, Role]) -> Iterator[Result]:
    pages = [p for p, k in zip(pdf.pages, kinds, strict=True) if k == "attachment"]
    if not pages:
        yield Result("§7.3.4", "attachment: new page, 附件N 黑体 at the top left", NA, "no attachment")
    for page in pages:
        label = page.text_lines[0]
        status, detail = role_status(label.font, roles.get("hei"))
        good = (
            abs(label.x0 - LEFT * MM) < FLUSH_TOL_MM * MM
            and abs(label.em_top / MM - TOP) <= 1
            and status == OK
            and abs(label.size - BODY_PT) < SIZE_TOL_PT
        )
        yield Result("§7.3.4", "attachment: new page, 附件N 黑体 at the top left", status_of(good),
                     f"{label.text} at x {mm(label.x0)} mm, top {mm(label.em_top)} mm, {detail}", page.number)  # fmt: skip


# ------------------------------------------------------------------ 版记, page numbers (§7.4, §7.5) ---


def imprint_results(pdf: Pdf, kinds: list[str]) -> Iterator[Result]:
    if kinds[-1] != "imprint":
        yield Result("§7.4", "版记 at the foot of the last page", NA, "no 版记")
        return
    page = pdf.pages[-1]
    yield Result(
        "§7.4",
        "版记 on an even page (the back of the last sheet)",
        status_of(page.number % 2 == 0),
        f"page {page.number}",
        page.number,
    )
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
        good = (abs(thick[0] - 0.35) < RULE_TOL_MM and abs(thick[-1] - 0.35) < RULE_TOL_MM and all(abs(t - 0.25) < RULE_TOL_MM for t in thick[1:-1])
                and all(abs(r[1] - WIDTH) < EDGE_TOL_MM for r in rules) and abs(rules[-1][2] - (TOP + HEIGHT)) < EDGE_TOL_MM)  # fmt: skip
        yield Result("§7.4", "版记 rules: text-block wide, 0.35/0.25/0.35 mm, last on the text block's bottom", status_of(good),
                     f"(thickness, width, bottom) mm: {rules}", page.number)  # fmt: skip
    texts = of_size(page.text_lines, FOLIO_PT)
    copies = next((i for i, line in enumerate(texts) if line.text.startswith("抄送")), None)
    printed = next((line for line in texts if line.text.endswith("印发")), None)
    if copies is not None:
        block = [line for line in texts[copies:] if line is not printed][: len(texts)]
        end = next((line for line in block if line.text.endswith("。")), block[-1])
        good = (
            abs(texts[copies].x0 - left - FOLIO_PT) < IMPRINT_TOL_MM * MM
            and end.text.endswith("。")
            and abs(texts[copies].size - FOLIO_PT) < SIZE_TOL_PT
        )
        yield Result("§7.4", "抄送 4号, one character in, ends with 。", status_of(good),
                     f"x {mm(texts[copies].x0)} mm, {texts[copies].size} pt, ends {end.text[-2:]!r}", page.number)  # fmt: skip
    if printed:
        good = (
            abs(printed.x0 - left - FOLIO_PT) < IMPRINT_TOL_MM * MM
            and abs(right - FOLIO_PT - printed.glyphs[-1].x1) < EDGE_TOL_MM * MM
        )
        yield Result(
            "§7.4",
            "印发机关 and 印发日期 one character in",
            status_of(good),
            f"x {mm(printed.x0)}–{mm(printed.glyphs[-1].x1)} mm",
            page.number,
        )


def page_numbers_results(pdf: Pdf, kinds: list[str], roles: dict[str, Role]) -> Iterator[Result]:
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
        dash = ink_bands(
            pdf.path,
            page.number - 1,
            (line.glyphs[0].x0, line.baseline - line.size, line.glyphs[0].x1, line.baseline + 0.3 * line.size),
        )
        below = round(mm(dash[0].middle) - (TOP + HEIGHT), 2) if dash else None
        status, detail = role_status(line.font, roles.get("song"))
        problems = []
        if text != f"—{page.number}—":
            problems.append(f"text {line.text!r}")
        if abs(inset / FOLIO_PT - 1) > 0.1:
            problems.append(f"{'right' if odd else 'left'} inset {round(inset / FOLIO_PT, 2)} characters, want 1")
        if abs(line.size - FOLIO_PT) > SIZE_TOL_PT:
            problems.append(f"{line.size} pt")
        if below is None or abs(below - 7) > EDGE_TOL_MM:
            problems.append(f"dash {below} mm below the text block, want 7")
        if status != OK:
            problems.append(detail)
        if problems:
            bad.append((page.number, "; ".join(problems)))
    yield Result("§7.5", "page numbers — N —, 14 pt 宋体, 7 mm below, odd right / even left one character in; none on blank and 版记 pages",
                 status_of(not bad) if seen or bad else NOT_VERIFIED, f"{bad[:6]}" if bad else f"{seen} pages numbered")  # fmt: skip


def draft_results(pdf: Pdf) -> Iterator[Result]:
    marked = [
        p.number for p in pdf.pages if any("征求意见稿" in line.text or "DRAFT" in line.text for line in p.head_lines)
    ]
    if not marked:
        yield Result("SPEC --draft", "draft mark on every page", NA, "not a draft")
    else:
        yield Result(
            "SPEC --draft",
            "draft mark on every page",
            status_of(len(marked) == len(pdf.pages)),
            f"{len(marked)} of {len(pdf.pages)} pages",
        )
