"""Fallback glyphs: a character its role's font lacks, drawn by a later font of the role's stack.

FandolFang, the open 仿宋, covers GB2312 but not every name character (堃 喆 赟 玥 珺 旻 镕 ...).
Such a character is drawn by the next font of the role's stack that has it (Noto Serif CJK SC, a
Song face), on the grid (fonts/metrics.py), but in another style: the reader sees one character
unlike its neighbours. One Gap per field and fallback font, which build.py names as a
`fallback-glyph` warning at the first such character's line and column. A character no font of
the role has is pdf/glyphs.py's missing-glyph instead.

Only characters of a script the role's font is made for are named: a character whose Unicode
block (256 code points) holds none of the font's characters is not the font's business (the
English serif has no 县: the en stylesheet sends Chinese to a CJK font on purpose).
"""

from __future__ import annotations

import unicodedata

from genreport.errors import FieldPath
from genreport.fonts.roles import Face, Resolved, charset, lacking
from genreport.pdf.glyphs import Gap, gap

NOT_DRAWN = ("Cc", "Cf", "Zs", "Zl", "Zp")


def _blocks(face: Face) -> set[int]:
    """The 256-code-point blocks the face maps some character of: the scripts it is made for."""
    return {p >> 8 for p in charset(face)}


def _fallback_of(resolved: Resolved, point: int) -> str | None:
    """The first later family of the role's stack that has `point` (None: no font of the role has it)."""
    for name, faces in resolved.families[1:]:
        if not lacking(faces[:1], [point]):
            return name
    return None


def fallback_glyphs(texts: list[tuple[FieldPath, str, Resolved]]) -> list[Gap]:
    """Per field and fallback font, the characters of the field that font draws for the role."""
    drawn = [(p, t, r) for p, t, r in texts if r.face is not None]
    used: dict[str, set[str]] = {}
    for _, text, resolved in drawn:
        used.setdefault(resolved.role.key, set()).update(text)
    # one look-up per role and distinct character: the fallback font that draws it, if any
    drawn_by: dict[str, dict[str, str]] = {}
    for _, _, resolved in drawn:
        key, face = resolved.role.key, resolved.face
        if key in drawn_by or face is None:
            continue
        lacked = lacking([face], {ord(c) for c in used[key] if unicodedata.category(c) not in NOT_DRAWN})
        blocks = _blocks(face) if lacked else set()
        fonts = {chr(p): _fallback_of(resolved, p) for p in lacked if p >> 8 in blocks}
        drawn_by[key] = {char: font for char, font in fonts.items() if font}
    gaps = []
    for path, text, resolved in drawn:
        table = drawn_by[resolved.role.key]
        if not table or table.keys().isdisjoint(text):
            continue
        by_font: dict[str, list[str]] = {}
        for char in dict.fromkeys(text):
            if char in table:
                by_font.setdefault(table[char], []).append(char)
        gaps += [gap(path, chars, resolved, font) for font, chars in by_font.items()]
    return gaps
