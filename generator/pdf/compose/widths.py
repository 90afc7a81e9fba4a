"""The advance of each character as Pango will set it in the body: HarfBuzz widths of the role's fonts.

The body sits on a fixed grid: every hanzi and full-width mark of a CJK face is one em, so a
line of them is arithmetic. Only Latin letters and digits vary, and they are read from the
same font files WeasyPrint lays out with (the font cache's cuts keep the advances of their
sources). A character goes to the first face of the role that has it, as Pango's fallback does.
`font-kerning: none` in gbt9704.css keeps pairs from changing these sums.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from genreport.fonts import harfbuzz
from genreport.fonts.roles import Face, charset

ZERO_WIDTH = frozenset("\u200b\u2060\u00ad")


@dataclass
class Advances:
    """Advances in pt at `size`, with `letter_spacing` added to each character, for one role's faces."""

    faces: Sequence[Face]
    size: float
    letter_spacing: float
    _cache: dict[str, float | None] = field(default_factory=dict, repr=False)
    _opened: list[tuple[frozenset[int], object, float]] = field(default_factory=list, repr=False)

    def _fonts(self) -> list[tuple[frozenset[int], object, float]]:
        """(code points, HarfBuzz font, pt per font unit) of each face, opened on first use."""
        if not self._opened:
            for face in self.faces:
                upem = harfbuzz.face(face.path, face.index).upem
                self._opened.append((charset(face), harfbuzz.font(face.path, face.index), self.size / upem))
        return self._opened

    def of(self, char: str) -> float | None:
        """The advance of `char` (None: no face of the role has it; the composer then keeps out)."""
        found = self._cache.get(char, -1.0)
        if found != -1.0:
            return found
        if char in ZERO_WIDTH:
            width: float | None = 0.0  # the break opportunities' spans carry letter-spacing 0
        else:
            width = None
            point = ord(char)
            for points, font, scale in self._fonts():
                glyph = font.get_nominal_glyph(point) if point in points else None  # type: ignore[attr-defined]
                if glyph is not None:
                    width = font.get_glyph_h_advance(glyph) * scale + self.letter_spacing  # type: ignore[attr-defined]
                    break
        self._cache[char] = width
        return width
