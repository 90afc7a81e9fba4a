"""The squeeze policy of the zh-CN PDF, in one place: what may lose its blank half, and where.

GB/T 9704 sets the body on a grid of 28 cells a line, and a 公文 is read down its columns as
well as along its lines: every hanzi and every full-width mark takes one cell. So:

  * **Mid-line, nothing is compressed**, single marks and adjacent pairs (。」 ，「 ）（ …) alike.
    CLREQ allows compressing pairs; on the grid a compressed pair would pull the rest of its
    line half a cell off its column, and the same pair would look different on a line with
    more room. Every pair therefore looks the same wherever it stands: full width.
  * **At a line end, a closing mark may lose its blank half** (CLREQ's line-end adjustment):
    its glyph stays where a reader expects it, the blank right half would only have touched
    the margin. It is used only when no choice of breaks keeps the line within the limit
    without it (it costs more than any line within the limit), and never for an opening mark.
  * Lines are chosen for the whole paragraph (pdf/compose/paragraph.py): a line may end a
    cell or two early (a character pushed down to its neighbour) rather than leave a later
    line letter-spaced or a single hanzi alone on the last line.
  * No line is spread past `LIMIT` of extra space per character (verify-layout measures 8 %).

The decisions are made by position (the paragraph and the character offset), before the one
layout, and emitted into the HTML as <span class="sq"> (gbt9704.css: the `halt` feature) and
<span class="nb"> (white-space: nowrap, which keeps a pushed-down character with what follows).
"""

from __future__ import annotations

LIMIT = 0.075  # em of extra space per character past which a justified line reads as letter-spaced
# Closing marks whose right half is blank in a CJK face: only these may be squeezed, at a line end.
LINE_END_SQUEEZABLE = frozenset("，。、；：？！”’）》〉」』】〕")
SQUEEZE_COST = 150.0  # more than any line within LIMIT (100 at the limit): a squeeze only where nothing else fits
LONE_LAST_COST = 5000.0  # a single hanzi alone on a paragraph's last line
LOOSE_COST = 10000.0  # a line spread past LIMIT
