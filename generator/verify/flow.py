"""verify-layout: how the text flows over pages (stranded headings, letter-spaced lines) and the
attachments (附件说明 and 附件N labels, GB/T 9704 §7.3.4).

  * A heading (一、 or （一）) is never the last line of a page, nor followed there by a single line
    of a paragraph that goes on on the next page (SPEC "typesetting a reader accepts").
  * No justified line sets its hanzi more than 8 % apart from the grid's 15.79 pt cell: the line
    before an unbreakable group (《…》, 7×24小时) is not letter-spaced to fill the measure.
  * Every attachment the 附件说明 lists has its page, labelled 附件N (附件 alone for a single
    attachment) in the order of the note; an attachment page has its note.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from itertools import pairwise

from genreport.gbt9704 import CELL, LEFT, MM
from genreport.verify.measure import Line, Pdf, of_size
from genreport.verify.results import FAIL, NA, NOT_VERIFIED, PART, SUBSECTION, Result, status_of

PITCH_LIMIT = 1.08  # a justified line's hanzi may sit at most 8 % further apart than the grid's cell
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
NOTE = re.compile(r"^附件[:：]")
LABEL = re.compile(r"^附件\s*(\d*)$")


def _flow(kinds: list[str]) -> list[int]:
    return [i for i, kind in enumerate(kinds) if kind in ("first", "body")]


def is_heading(line: Line, left: float) -> bool:
    """一、 / （一） at two characters in: the templates' headings, not a numbered line of text."""
    indented = abs(line.x0 - left - 2 * CELL) < 1.5
    return indented and (PART.match(line.text) is not None or SUBSECTION.match(line.text) is not None)


def hanzi_pitch(line: Line) -> float | None:
    """Median distance between neighbouring hanzi origins on a line (None: fewer than 4 hanzi pairs)."""
    steps = [b.x0 - a.x0 for a, b in pairwise(line.glyphs) if HAN.match(a.text) and HAN.match(b.text)]
    return statistics.median(steps) if len(steps) >= 4 else None


def pitch_results(pdf: Pdf, kinds: list[str], body_pt: float) -> Iterator[Result]:
    """§5.2.2 with the SPEC's limit: no body line's hanzi spread more than 8 % past the cell."""
    measured, wide = 0, []
    for index in _flow(kinds):
        page = pdf.pages[index]
        for line in of_size(page.text_lines, body_pt):
            pitch = hanzi_pitch(line)
            if pitch is None:
                continue
            measured += 1
            if pitch > CELL * PITCH_LIMIT:
                wide.append((page.number, line.text[-10:], round(pitch, 2)))
    check = "no letter-spaced line (hanzi pitch ≤ 8 % over 15.79 pt)"
    if not measured:
        yield Result("§5.2.2", check, NOT_VERIFIED, "no body line")
        return
    worst = max(wide, key=lambda w: w[2]) if wide else None
    yield Result(
        "§5.2.2",
        check,
        status_of(not wide),
        f"{len(wide)} of {measured} lines, widest {worst}: {wide[:4]}" if wide else f"{measured} lines measured",
    )


def stranded_results(pdf: Pdf, kinds: list[str], body_pt: float) -> Iterator[Result]:
    """A heading at a page foot must have two lines of what follows under it on that page."""
    left = LEFT * MM
    stranded, headings = [], 0
    for index in _flow(kinds):
        lines = of_size(pdf.pages[index].text_lines, body_pt)
        headings += sum(1 for line in lines if is_heading(line, left))
        if not lines or index + 1 >= len(pdf.pages) or kinds[index + 1] not in ("body",):
            continue
        following = of_size(pdf.pages[index + 1].text_lines, body_pt)
        goes_on = bool(following) and abs(following[0].x0 - left) < 1 and not is_heading(following[0], left)
        # the page's last heading, its second line if it wraps, and what is under it on this page
        starts = [i for i, line in enumerate(lines) if is_heading(line, left)]
        if not starts:
            continue
        end = starts[-1] + 1
        while end < len(lines) and lines[end].font == lines[end - 1].font and abs(lines[end].x0 - left) < 1:
            end += 1  # a heading that wraps goes on at the margin in its own font
        under = len(lines) - end
        heading = lines[starts[-1]].text[:12]
        if under == 0:
            stranded.append((pdf.pages[index].number, heading, "last on the page"))
        elif under == 1 and goes_on:
            stranded.append((pdf.pages[index].number, heading, "one line of its text under it"))
    if not headings:
        yield Result("SPEC typesetting", "no heading stranded at a page foot", NA, "no 一、 or （一） heading")
        return
    yield Result(
        "SPEC typesetting",
        "no heading stranded at a page foot",
        status_of(not stranded),
        f"{stranded[:4]}" if stranded else f"{headings} headings",
    )


def attachment_pages_results(pdf: Pdf, kinds: list[str]) -> Iterator[Result]:
    """The 附件说明 lists the attachments; each has its page with the matching 附件N label."""
    notes = [
        (page.number, i, page.text_lines)
        for page, kind in zip(pdf.pages, kinds, strict=True)
        if kind in ("first", "body")
        for i, line in enumerate(page.text_lines)
        if NOTE.match(line.text)
    ]
    labels = [
        (page.number, LABEL.match(page.text_lines[0].text))
        for page, kind in zip(pdf.pages, kinds, strict=True)
        if kind == "attachment"
    ]
    check = "附件说明 lists every attachment; each on its page as 附件N, in order"
    if not notes and not labels:
        yield Result("§7.3.4", check, NA, "no attachment")
        return
    if not notes:
        yield Result("§7.3.4", check, FAIL, f"{len(labels)} attachment pages but no 附件说明 after the body")
        return
    number, i, lines = notes[0]
    first = lines[i]
    items = 1 + sum(1 for line in lines[i + 1 :] if re.match(r"^\d+\.", line.text) and line.x0 > first.x0 + 2 * CELL)
    numbered = re.match(r"^附件[:：]\s*1\.", first.text) is not None
    expected = [str(n) for n in range(1, items + 1)] if numbered else [""]
    found = [m.group(1) if m else "?" for _, m in labels]
    yield Result(
        "§7.3.4",
        check,
        status_of(found == expected),
        f"note lists {len(expected)}; attachment pages labelled {['附件' + f for f in found]}",
        number,
    )
