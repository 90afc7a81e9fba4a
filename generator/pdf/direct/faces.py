"""The faces each font role draws with in the PDF, and a character's glyph and advance in them.

The faces are the font cache's cuts that the PDF embeds (fonts/faces.py declares them to
WeasyPrint too), in the role's fallback order: a character goes to the first face that has
it, as Pango's fallback does. Advances are read with HarfBuzz from the same files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from genreport.fonts import harfbuzz
from genreport.fonts.faces import DocumentFonts, fallback_family
from genreport.fonts.roles import FontSetup

# The roles the body pages use, with the weight each is asked for (gbt9704.css).
ROLES = ("fangsong", "hei", "kai", "xiaobiaosong", "song")
ZERO_WIDTH = frozenset("\u200b\u2060\u00ad")


@dataclass(frozen=True)
class CutFace:
    """A cut file the PDF embeds, and the family and weight its @font-face rule declares it under."""

    path: Path
    family: str
    weight: int


@dataclass(frozen=True)
class Glyph:
    face: CutFace
    id: int
    advance: float  # in em

    @property
    def units(self) -> int:
        """The advance in thousandths of an em, as a PDF font's widths give it."""
        return round(self.advance * 1000)


@dataclass
class RoleFaces:
    """One role's faces, in fallback order; glyph() looks a character up in them."""

    faces: tuple[CutFace, ...]
    _cache: dict[str, Glyph | None] = field(default_factory=dict, repr=False)

    def glyph(self, char: str) -> Glyph | None:
        if char in self._cache:
            return self._cache[char]
        found = None
        for face in self.faces:
            font = harfbuzz.font(face.path)
            gid = font.get_nominal_glyph(ord(char))
            if gid:
                found = Glyph(face, gid, font.get_glyph_h_advance(gid) / harfbuzz.face(face.path).upem)
                break
        self._cache[char] = found
        return found


@dataclass(frozen=True)
class DirectFonts:
    """What the placed pages draw with: each role's faces, and the roles whose bold is their regular
    face (FandolFang, 仿宋_GB2312: one face; WeasyPrint then draws <strong> with it, unchanged)."""

    faces: dict[str, tuple[CutFace, ...]]
    plain_bold: frozenset[str]


def role_faces(fonts: FontSetup, cached: DocumentFonts) -> DirectFonts:
    """Each role's cut files in fallback order: the primary family's face at the role's weight,
    then the role's metric-matched fallbacks (fonts/faces.py), as the CSS stacks name them."""
    found: dict[str, tuple[CutFace, ...]] = {}
    plain_bold: set[str] = set()
    for key in ROLES:
        resolved = fonts.role(key)
        if resolved is None or resolved.face is None or not resolved.families:
            continue
        weight = resolved.role.weight if resolved.substitute else 400
        declared = [d for d in cached.declared if d.face in resolved.families[0][1]]
        primary = min(declared, key=lambda d: abs(d.face.weight - weight), default=None)
        if primary is None:
            continue
        if not any(d.face.weight >= 600 and d.font.path != primary.font.path for d in declared):
            plain_bold.add(key)
        faces = [CutFace(primary.font.path, primary.family, primary.face.weight)]
        for name, _faces in resolved.families[1:]:
            alias = fallback_family(name, resolved)
            faces += [CutFace(d.font.path, d.family, d.face.weight) for d in cached.declared
                      if d.family == alias and d.face.weight == 400]  # fmt: skip
        found[key] = tuple(dict.fromkeys(faces))
    return DirectFonts(found, frozenset(plain_bold))
