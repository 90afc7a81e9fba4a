"""Fallback glyphs: a character its role's font lacks, drawn by a later font of the role's stack, is named.

FandolFang, the open 仿宋, covers GB2312 but not every name character (堃 喆 赟 玥 珺 旻 镕 ...).
Such a character is drawn by the next font of the role's stack that has it (Noto Serif CJK SC, a
Song face), on the grid (fonts/metrics.py), but in another style: the reader sees one character
unlike its neighbours. `build` says which characters came from which fallback font, one warning
per field and fallback font, at the first such character's line and column. A character no font
of the role has is pdf/glyphs.py's missing-glyph instead.

Only characters of a script the role's font is made for are named: a character whose Unicode
block (256 code points) holds none of the font's characters is not the font's business (the
English serif has no 县: the en stylesheet sends Chinese to a CJK font on purpose).
"""

from __future__ import annotations

import unicodedata

from genreport.checks import CheckResult
from genreport.errors import FieldPath, Finding, Severity, Text
from genreport.fonts.roles import Face, FontSetup, Resolved, charset, lacking
from genreport.pdf.glyphs import printed_texts, role_of

CODE = "fallback-glyph"
NOT_DRAWN = ("Cc", "Cf", "Zs", "Zl", "Zp")


def _its_script(face: Face, point: int) -> bool:
    """The face maps some character of `point`'s 256-code-point block: it is made for that script."""
    block = point >> 8
    return any(p >> 8 == block for p in charset(face))


def _fallback_of(resolved: Resolved, point: int) -> str | None:
    """The first later family of the role's stack that has `point` (None: no font of the role has it)."""
    for name, faces in resolved.families[1:]:
        if not lacking(faces[:1], [point]):
            return name
    return None


def fallback_findings(result: CheckResult, fonts: FontSetup) -> list[Finding]:
    """One warning per field and fallback font: the characters of the field that font draws for the role."""
    if result.report is None:
        return []
    findings = []
    lacked: dict[tuple[str, int], str | None] = {}
    for path, text, resolved in ((p, t, role_of(p, fonts)) for p, t in printed_texts(result.report)):
        if resolved.face is None:
            continue
        points = {ord(c) for c in text if unicodedata.category(c) not in NOT_DRAWN}
        by_font: dict[str, list[str]] = {}
        for char in dict.fromkeys(text):
            point = ord(char)
            if point not in points:
                continue
            key = (resolved.role.key, point)
            if key not in lacked:
                missing = lacking([resolved.face], [point]) and _its_script(resolved.face, point)
                lacked[key] = _fallback_of(resolved, point) if missing else None
            if lacked[key]:
                by_font.setdefault(lacked[key], []).append(char)  # type: ignore[arg-type]
        for font, chars in by_font.items():
            findings.append(_finding(result, path, chars, font, resolved))
    return findings


def _finding(result: CheckResult, path: FieldPath, chars: list[str], fallback: str, resolved: Resolved) -> Finding:
    primary = resolved.family or ""
    quoted = "".join(f"“{c}”" for c in chars)
    codes = ", ".join(f"U+{ord(c):04X}" for c in chars)
    many = len(chars) > 1
    plural = "s" if many else ""
    return Finding(
        Severity.WARNING,
        CODE,
        Text(
            f"字符{quoted}（{codes}）不在{resolved.role.label('zh')}的字体 {primary} 中，PDF 中改用 {fallback} 排印："
            "字形风格与前后文字不同（行距不变）",
            f"character{plural} {quoted} ({codes}) {'are' if many else 'is'} not in the {resolved.role.label('en')}"
            f" font {primary}: the PDF draws {'them' if many else 'it'} in {fallback}, in a different style from the"
            " text around (on the same grid)",
        ),
        Text(
            "如有含这些字的正式字体，用 --font-dir 指定其所在文件夹；否则请核对这些字",
            "give an official font that has them with --font-dir, or check the characters",
        ),
        result.loaded.locate_text(path, chars[0]),
        path,
    )
