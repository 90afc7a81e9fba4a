"""Line-break opportunities Chinese typesetting has and Pango's UAX #14 rules miss (zh-CN PDF only).

UAX #14 gives the quotation marks “ ” ‘ ’ the class QU, which forbids a break on either side
(LB19). In Chinese text that glues a quoted phrase to the characters around it: 推行“7×24小时”不
cannot break before “ or after ”, so the line before is left short and justification spaces it out
to 18-19 pt a character against the grid's 15.8 pt. CLREQ (Requirements for Chinese Text Layout
§3.1.7) only forbids an opening mark at a line end and a closing mark at a line start; so a break
is allowed before an opening quote that follows a hanzi or closing punctuation, and after a closing
quote that precedes a hanzi or opening punctuation. A range of numbers (2021—2025) may break
after its dash, which never starts the next line.

The opportunity is a zero-width space in its own span (class "brk", letter-spacing 0 in
gbt9704.css, so it moves no character off the grid; cjk_justify gives it no justification
space). It is inserted in the body's text only: not in headings (their text is the PDF's bookmark
labels), the <title>, the chart's SVG or attribute values. A ZWSP is a default-ignorable
character: it draws nothing and pdftotext, pdfplumber and copy-paste do not see it.
"""

from __future__ import annotations

import re

ZWSP = "\u200b"
BREAK = f'<span class="brk">{ZWSP}</span>'

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CLOSING = "”’）》〉」』】〕，。、；：？！…"
_OPENING = "“‘（《〈「『【〔"
# before an opening quote that follows a hanzi or closing punctuation
_BEFORE_OPEN = re.compile(f"(?<=[{_HAN}{_CLOSING}])(?=[“‘])")
# after a closing quote that precedes a hanzi or opening punctuation
_AFTER_CLOSE = re.compile(f"(?<=[”’])(?=[{_HAN}{_OPENING}])")
# after the dash of a range of numbers (2021—2025): the group （2021—2025年） is 8 cells wide,
# and without this a line before it may be left 5 cells short
_AFTER_RANGE_DASH = re.compile(r"(?<=\d[—–])(?=\d)")
_TAG = re.compile(r"(<[^>]*>)")
# elements whose text is left alone: bookmark labels (headings), the title, the chart, scripts
_SKIP = re.compile(r"^<(h1|h2|h3|title|svg|style|script|figcaption)\b", re.I)


def _mark(text: str) -> str:
    return _AFTER_RANGE_DASH.sub(BREAK, _AFTER_CLOSE.sub(BREAK, _BEFORE_OPEN.sub(BREAK, text)))


def add_breaks(html: str) -> str:
    """`html` with a break opportunity at each place CLREQ allows one and UAX #14 does not."""
    head, sep, body = html.partition("<body")
    if not sep:
        return html
    out: list[str] = []
    skipping: str | None = None
    depth = 0
    for piece in _TAG.split(body):
        if piece.startswith("<"):
            out.append(piece)
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            tag = name.group(1).lower() if name else ""
            if skipping is None and _SKIP.match(piece) and not piece.endswith("/>"):
                skipping, depth = tag, 1
            elif skipping is not None and tag == skipping:
                depth += -1 if piece.startswith("</") else (0 if piece.endswith("/>") else 1)
                if depth == 0:
                    skipping = None
        else:
            out.append(piece if skipping is not None else _mark(piece))
    return head + sep + "".join(out)
