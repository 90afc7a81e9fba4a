"""verify-layout's font checks beyond each element's role: the chart's text, each role in its font here.

* The indicator chart (an inline SVG) names its font itself (fonts/notes.chart_family): its text
  must be in a 黑体-role font like the other headings' furniture, never the body's 仿宋 or a
  Latin font.
* A role's font in the PDF must not be a later substitute of its stack than the font the role
  resolves to on this machine: when FandolFang is installed, a body set in Noto Serif CJK SC (a
  Song face standing in for 仿宋) is a deviation, though both are in the stack. An official font,
  or the user's own (--font-dir), always passes.

A fallback face (fonts/faces.fallback_family: "<name> <role> fallback", the characters the role's
font lacks) counts as the font it was cut from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from genreport.fonts.roles import Role, font_setup
from genreport.verify.measure import Glyph, Pdf, of_size
from genreport.verify.results import FAIL, NA, NOT_VERIFIED, OK, Result, role_status

# render/chart.py's zh-CN titles of the chart: with the year before, a named year (2020), or several
CHART_CAPTION = re.compile(r"主要指标与(上年|\d{4}年|比较年度)比较")
SUBSECTION = re.compile(r"^（[一二三四五六七八九十]+）")
PART = re.compile(r"^[一二三四五六七八九十]+、")
FALLBACK = re.compile(r"-[a-z]+-fallback(?=$|-)")


def base_font(name: str) -> str:
    """The PDF font name without a fallback family's "-<role>-fallback" (Noto-Serif-CJK-SC-fangsong-fallback)."""
    return FALLBACK.sub("", name)


def _fold(name: str) -> str:
    return re.sub(r"[-_ ]", "", re.sub(r"[-_ ](Regular|Bold|Book)$", "", name, flags=re.I)).casefold()


def _rank(font: str, role: Role) -> int | None:
    """The position in the role's stack of the name `font` is (None: not in the stack)."""
    folded = _fold(base_font(font))
    return next((i for i, name in enumerate(role.stack) if _fold(name) == folded), None)


def chart_glyphs(pdf: Pdf, body_pt: float) -> list[Glyph]:
    """The chart's text: glyphs under the chart caption on its page, smaller than the body, in the text block."""
    for page in pdf.pages:
        captions = [line for line in page.text_lines if CHART_CAPTION.search(line.text)]
        if captions:
            below = captions[0].baseline
            return [
                g
                for line in page.text_lines
                if line.baseline > below
                for g in line.glyphs
                if g.size < body_pt - 1 and not g.text.isspace()
            ]
    return []


def role_font_results(
    pdf: Pdf, kinds: list[str], body_pt: float, roles: dict[str, Role], stylesheet: Path
) -> Iterator[Result]:
    glyphs = chart_glyphs(pdf, body_pt)
    hei = roles.get("hei")
    if not glyphs:
        yield Result("SPEC fonts", "chart text in 黑体", NA, "no indicator chart")
    else:
        fonts = Counter(base_font(g.font) for g in glyphs)
        bad = [(font, role_status(font, hei)[1]) for font in fonts if role_status(font, hei)[0] != OK]
        detail = f"{bad[:3]}" if bad else f"{len(glyphs)} glyphs, {role_status(fonts.most_common(1)[0][0], hei)[1]}"
        yield Result("SPEC fonts", "chart text in 黑体", FAIL if bad else OK, detail)
    yield _resolved_here(pdf, kinds, body_pt, roles, stylesheet)


def _role_fonts(pdf: Pdf, kinds: list[str], body_pt: float) -> dict[str, str]:
    """The font each of the body, 一、 and （一） roles is set in (the most common one of its lines)."""
    flow = [p for p, k in zip(pdf.pages, kinds, strict=True) if k in ("first", "body")]
    counts: dict[str, Counter[str]] = {"fangsong": Counter(), "hei": Counter(), "kai": Counter()}
    for page in flow:
        for line in of_size(page.text_lines, body_pt):
            key = "hei" if PART.match(line.text) else "kai" if SUBSECTION.match(line.text) else "fangsong"
            counts[key].update(base_font(g.font) for g in line.glyphs)
    return {key: c.most_common(1)[0][0] for key, c in counts.items() if c}


def _resolved_here(pdf: Pdf, kinds: list[str], body_pt: float, roles: dict[str, Role], stylesheet: Path) -> Result:
    name = "仿宋, 黑体 and 楷体 in the font each role resolves to on this machine"
    try:
        setup = font_setup(stylesheet)
    except Exception as exc:  # noqa: BLE001 (fontconfig missing, an unreadable font: cannot tell, never ok)
        return Result("SPEC fonts", name, NOT_VERIFIED, f"cannot resolve the roles here: {exc}")
    worse = []
    used = _role_fonts(pdf, kinds, body_pt)
    for key, font in used.items():
        role, resolved = roles.get(key), setup.role(key)
        if role is None or resolved is None or resolved.family is None:
            continue
        rank, best = _rank(font, role), _rank(resolved.family, role)
        if rank is None or rank < len(role.official) or "genreport-user" in font.casefold():
            continue  # an official or user font; a font outside the stack is role_status's FAIL
        if best is not None and rank > best:
            worse.append(f"{role.label('en')}: {font}, but {resolved.family} comes first and is installed")
    if not used:
        return Result("SPEC fonts", name, NA, "no body text")
    detail = "; ".join(worse) if worse else ", ".join(f"{k} {v}" for k, v in used.items())
    return Result("SPEC fonts", name, FAIL if worse else OK, detail)
