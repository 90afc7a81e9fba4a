"""The fonts one document prints with: every face its roles resolved to, cut by the font cache.

fonts/roles.py says which family each role of the print stylesheet resolved to (the user's fonts
first, then the system's). This module turns that into the @font-face rules the PDF build
adds after the stylesheet, each naming a *document font* from the font cache (fonts/cache.py),
under the very family name the stylesheet's stack already asks for (for a user's font, the
name fonts/roles.user_family gives it). Since the font configuration the PDF is laid out with holds
nothing else (pdf/weasy/fontconfig.font_context), the stacks resolve exactly as `genreport fonts` reports,
and the PDF names its fonts as before (Noto-Serif-CJK-SC, FangSong ...).

Declared per family: the faces a style may ask for — regular and bold, and italic ones where
the family has them — each with its own weight, so that fontconfig picks (or emboldens) as it
would among the system's fonts. Later names of a role's stack are declared only when they have
a character the document prints and the role's own font lacks (FandolFang has no 堃; the English
serif has no 县), each under a family of the role's own ("Noto Serif CJK SC fangsong fallback")
whose cut carries the role's font's line metrics (fonts/metrics.py), placed right after that font
in the role's stack: a fallback glyph never moves the grid.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from genreport.fonts.cache import CachedFont, document_font
from genreport.fonts.metrics import LineMetrics, line_metrics
from genreport.fonts.roles import Face, FontSetup, Resolved, lacking, user_family

# (weight, italic) a style may ask of a family; each is served by its nearest real face.
VARIANTS = ((400, False), (700, False), (400, True), (700, True))
NOT_DRAWN = ("Cc", "Cf", "Zl", "Zp")


@dataclass(frozen=True)
class Declared:
    family: str
    face: Face
    font: CachedFont  # the document font in the cache


@dataclass(frozen=True)
class DocumentFonts:
    """The cached faces of one document, the CSS that declares them, and the fontconfig rules."""

    declared: tuple[Declared, ...]
    css: str  # @font-face rules, then the FontSetup's :root overrides
    rules: str  # fontconfig XML for the isolated configuration

    def font_of(self, face: Face) -> CachedFont | None:
        return next((d.font for d in self.declared if d.face == face), None)

    @property
    def key(self) -> str:
        return hashlib.sha256((self.css + self.rules).encode()).hexdigest()[:16]


def printed_chars(*texts: str) -> frozenset[int]:
    """Every character of `texts` that a font draws (control and format characters left out)."""
    return frozenset(ord(c) for text in texts for c in set(text) if unicodedata.category(c) not in NOT_DRAWN)


def _pick(faces: tuple[Face, ...], weight: int, italic: bool) -> Face | None:
    styled = [f for f in faces if f.italic == italic]
    if not styled:
        return None
    return min(styled, key=lambda f: (abs(f.weight - weight), f.key))


def _family(name: str, face: Face, resolved: Resolved) -> str:
    return user_family(face, resolved.role) if face.user else name


def document_fonts(setup: FontSetup, chars: frozenset[int]) -> DocumentFonts:
    """Cut (or find in the cache) every face `setup`'s roles may print `chars` with."""
    declared: dict[tuple[str, int, bool], Declared] = {}

    def declare(name: str, faces: tuple[Face, ...], resolved: Resolved, metrics: LineMetrics | None = None) -> None:
        for weight, italic in VARIANTS:
            face = _pick(faces, weight, italic)
            if face is None:
                continue
            family = name if metrics else _family(name, face, resolved)
            slot = (family, face.weight, face.italic)
            if slot not in declared:
                font = document_font(face.path, face.index, chars, metrics=metrics, family=family if metrics else None)
                declared[slot] = Declared(family, face, font)

    stacks = []
    for resolved in setup.resolved:
        if not resolved.families:
            continue
        name, faces = resolved.families[0]
        declare(name, faces, resolved)
        primary = _pick(faces, 400, False) or faces[0]
        missing = set(chars) - document_font(primary.path, primary.index, chars).covers
        fallbacks = []
        for name, faces in resolved.families[1:]:
            if not missing:
                break
            has = missing - lacking([_pick(faces, 400, False) or faces[0]], missing)
            if has:
                # under a family of the role's own, with the primary's line metrics: off-grid never
                alias = fallback_family(name, resolved)
                declare(alias, faces, resolved, metrics=line_metrics(primary.path, primary.index))
                fallbacks.append(alias)
                missing -= has
        if fallbacks:
            stacks.append(_stack_css(_family(resolved.families[0][0], primary, resolved), fallbacks, resolved))
    rules = [_font_face(d) for d in declared.values()]
    roots = [setup.css, *stacks]
    css = "\n".join([*rules, *(r for r in roots if r)])
    return DocumentFonts(tuple(declared.values()), css, fontconfig_rules(_generics(setup, declared)))


def fallback_family(name: str, resolved: Resolved) -> str:
    """The family a fallback face of a role is declared under (its cut has the role's line metrics)."""
    return f"{name} {resolved.role.key} fallback"


def _stack_css(primary: str, fallbacks: list[str], resolved: Resolved) -> str:
    """The role's stack with its metric-matched fallbacks right after the font it resolved to."""
    key = resolved.role.key
    names = ", ".join(f'"{n}"' for n in (primary, *fallbacks))
    return f":root {{ --font-{key}: {names}, var(--{key}-official), var(--{key}-substitute); }}"


def _font_face(d: Declared) -> str:
    style = "italic" if d.face.italic else "normal"
    return (
        f'@font-face {{ font-family: "{d.family}"; src: url("{d.font.path.as_uri()}"); '
        f"font-weight: {d.face.weight}; font-style: {style}; }}"
    )


def _generics(setup: FontSetup, declared: dict[tuple[str, int, bool], Declared]) -> dict[str, str]:
    """serif, monospace ... -> the body role's family; sans-serif -> the sans (or 黑体) role's."""

    def family_of(resolved: Resolved | None) -> str | None:
        if resolved is None or resolved.face is None:
            return None
        return next((d.family for d in declared.values() if d.face == resolved.face), None)

    body = family_of(setup.body) if setup.resolved else None
    sans = family_of(setup.role("sans")) or family_of(setup.role("hei")) or body
    generics = {g: body for g in ("serif", "monospace", "cursive", "fantasy", "system-ui")}
    generics["sans-serif"] = sans
    return {g: f for g, f in generics.items() if f}


# fontconfig rules for the isolated configuration: only the cached fonts exist in it, so these
# are the few system rules that still matter. Synthetic bold and oblique as fontconfig's
# 90-synthetic.conf has them (a real 仿宋_GB2312 has no bold face: asked for bold, Pango
# emboldens it, as it would with the system configuration).
_SYNTHETIC = """
<match target="font">
  <test name="weight" compare="less_eq"><const>medium</const></test>
  <test target="pattern" name="weight" compare="more_eq"><const>bold</const></test>
  <edit name="embolden" mode="assign"><bool>true</bool></edit>
  <edit name="weight" mode="assign"><const>bold</const></edit>
</match>
<match target="font">
  <test name="slant"><const>roman</const></test>
  <test target="pattern" name="slant" compare="not_eq"><const>roman</const></test>
  <edit name="matrix" mode="assign"><times><name>matrix</name>
    <matrix><double>1</double><double>0.2</double><double>0</double><double>1</double></matrix></times></edit>
  <edit name="slant" mode="assign"><const>oblique</const></edit>
</match>
"""


def fontconfig_rules(generics: dict[str, str]) -> str:
    """The isolated configuration's rules: synthetic styles, and each generic family (serif,
    sans-serif ...) bound to one of the document's cached families (SVG text asks sans-serif)."""
    from html import escape  # not xml.sax.saxutils: it imports urllib.request (~30 ms)

    aliases = "".join(
        f'<alias binding="same"><family>{escape(generic, quote=False)}</family>'
        f"<prefer><family>{escape(family, quote=False)}</family></prefer></alias>"
        for generic, family in sorted(generics.items())
    )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig>{_SYNTHETIC}{aliases}</fontconfig>"
    )
