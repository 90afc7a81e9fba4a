"""Fit the GB/T 9704 grid to the fonts in use: the few offsets that depend on a font's vertical metrics.

gbt9704.css sets every line on a 28.99 pt grid; where a glyph sits inside its line box depends
on the font's ascent and descent (hhea, or OS/2 typo metrics when the font asks for them, as
HarfBuzz reads them for Pango). The sheet's numbers are worked out for its open substitutes
(Noto Serif CJK SC: 2.588 mm). With the user's own 仿宋_GB2312 they would put the first line's
glyphs off 37 mm and the page-number dash off 7 mm, so these rules are recomputed for the faces
the roles actually resolved to and appended after the sheet (for the substitutes they come out
as the sheet's own numbers):

  * the page area's top and bottom margins, so the first line's em box top is at 37 mm (§5.2.1);
  * the 版记's downward shift onto the nominal text block bottom (§7.4);
  * the page-number boxes' padding, so the dash's centre is 7 mm below the text block (§7.5);
  * the 楷体 and 黑体 headings' baseline nudge onto the body's baseline (the grid, §5.2.2).
"""

from __future__ import annotations

from pathlib import Path

from genreport.fonts import harfbuzz
from genreport.fonts.roles import Face, FontSetup
from genreport.gbt9704 import A4, BODY_PT, EM_TOP, FOLIO_PT, HEIGHT, MM, PITCH, TOP
from genreport.resources import per_file_version

DASH_BELOW = 7.0  # mm, §7.5: the dash 7 mm below the text block
FOLIO_LINE = FOLIO_PT  # the page number's line-height in gbt9704.css


@per_file_version(maxsize=32)
def _metrics(path: Path, index: int) -> tuple[float, float, float | None]:
    """(ascent, descent, centre of the — glyph's ink) in em, as Pango lays the face out.

    Read with HarfBuzz, as Pango reads them (OS/2 typo metrics when the font asks for them, else
    hhea): milliseconds even for a 26 MB .ttc, where fontTools needed 0.3 s a face. The font
    cache's cuts keep these tables, so the source face and its cut measure the same.
    """
    face, font = harfbuzz.face(path, index), harfbuzz.font(path, index)  # scale = units per em
    upm = face.upem
    extents = font.get_font_extents("ltr")
    dash = None
    glyph = font.get_nominal_glyph(0x2014)
    if glyph:
        ink = font.get_glyph_extents(glyph)
        if ink is not None and ink.height:
            dash = (ink.y_bearing + ink.height / 2) / upm
    return extents.ascender / upm, -extents.descender / upm, dash


def metrics(face: Face) -> tuple[float, float, float | None]:
    return _metrics(face.path, face.index)


def baseline(face: Face, size: float, line_height: float) -> float:
    """Distance in pt from a line box's top to its baseline: half the leading, then the ascent."""
    ascent, descent, _ = metrics(face)
    return (line_height - (ascent + descent) * size) / 2 + ascent * size


def grid_css(fonts: FontSetup) -> str:
    """CSS rules placing glyphs on the GB/T 9704 grid for the faces `fonts` resolved to ('' if no body face)."""
    body = fonts.role("fangsong")
    if body is None or body.face is None:
        return ""
    body_base = baseline(body.face, BODY_PT, PITCH)
    offset = (body_base - EM_TOP * BODY_PT) / MM  # mm from the line box top to the em box top
    top = TOP - offset
    bottom = A4[1] - top - HEIGHT
    rules = [
        f"@page {{ margin-top: {top:.3f}mm; margin-bottom: {bottom:.3f}mm; }}",
        f".imprint {{ top: {offset:.3f}mm; }}",
    ]
    song = fonts.role("song")
    if song is not None and song.face is not None and metrics(song.face)[2] is not None:
        dash = metrics(song.face)[2] or 0.0
        box_top = A4[1] - bottom  # the bottom margin boxes start where the page area ends
        above = (baseline(song.face, FOLIO_PT, FOLIO_LINE) - dash * FOLIO_PT) / MM
        padding = TOP + HEIGHT + DASH_BELOW - box_top - above
        for side in ("right", "left"):
            rules.append(f"@page :{side} {{ @bottom-{side} {{ padding-top: {padding:.3f}mm; }} }}")
    for key, selector in (("kai", ".subsection-heading"), ("hei", ".part-heading, .attachment-label")):
        role = fonts.role(key)
        if role is not None and role.face is not None:
            nudge = body_base - baseline(role.face, BODY_PT, PITCH)
            rules.append(f"{selector} {{ position: relative; top: {nudge:.3f}pt; }}")
    return "\n".join(rules)


def metrics_of(path: Path, index: int = 0) -> tuple[float, float, float | None]:
    """metrics() of a font file (a cut of the font cache) rather than a role's face."""
    return _metrics(path, index)
