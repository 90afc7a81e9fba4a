"""A fallback face on the grid: its cut carries the vertical metrics of the role's own font.

A role's font may lack a character the report prints (FandolFang has no 堃 喆 赟 玥 珺 旻 镕);
Pango then draws it with the next font of the role's stack that has it. A line box is as tall
as the union of the fonts' ascents and descents laid out in it (WeasyPrint centres each text
box's Pango extent in its fixed line-height), so a fallback with a taller ascent (Noto Serif
CJK SC: 1.151 em, against FandolFang's 0.88) pushed that line, and every line after it, 2 pt
off the 28.99 pt grid: page 1 held 19 lines instead of 22.

The fix is at the root, in the font cache: the fallback face is cut under a family of its own
for the role (fonts/faces.py) and that cut's vertical metrics (hhea, OS/2 typo and win, the head
box's height, the typo-metrics flag) are rewritten to the role's own font's, in em. Pango then
sees one ascent and one descent on the line whatever font draws a glyph; the glyphs themselves
are not touched: they sit on the same baseline, drawn exactly as before.
"""

from __future__ import annotations

import io
from pathlib import Path

from genreport.resources import per_file_version

# in em: hhea ascent, descent, line gap; OS/2 typo ascender, descender, line gap; win ascent,
# descent; head yMax, yMin; whether the font asks for its typo metrics (fsSelection bit 7); and its
# BASE table (hex, with its units per em), whose ideographic baselines Pango aligns the fonts of a
# line by: a fallback whose em box top (icft) sits 0.073 em higher raised the line by that much
LineMetrics = tuple[float, float, float, float, float, float, float, float, float, float, bool, str]
USE_TYPO_METRICS = 1 << 7


def line_metrics(path: Path, index: int = 0) -> LineMetrics:
    """The face's vertical metrics in em (fontTools reads only hhea, OS/2 and head)."""
    return _line_metrics(Path(path), index)


@per_file_version(maxsize=32)
def _line_metrics(path: Path, index: int) -> LineMetrics:
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        upem = font["head"].unitsPerEm
        hhea, head = font["hhea"], font["head"]
        os2 = font["OS/2"] if "OS/2" in font else None
        typo = (os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap) if os2 else (hhea.ascent, hhea.descent, 0)
        win = (os2.usWinAscent, os2.usWinDescent) if os2 else (hhea.ascent, -hhea.descent)
        values = (hhea.ascent, hhea.descent, hhea.lineGap, *typo, *win, head.yMax, head.yMin)
        use_typo = bool(os2 and os2.fsSelection & USE_TYPO_METRICS)
        base = f"{upem}:{font.reader['BASE'].hex()}" if "BASE" in font.reader else ""
        return (*(v / upem for v in values), use_typo, base)
    finally:
        font.close()


def with_line_metrics(data: bytes, metrics: LineMetrics, family: str | None = None) -> bytes:
    """The font `data` with `metrics`' vertical metrics (scaled to its own units per em) and, given
    `family`, that family name instead of its own (fontconfig must not offer it for its old name)."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True, recalcBBoxes=False)  # only the tables changed below are decompiled
    upem = font["head"].unitsPerEm
    (hhea_a, hhea_d, hhea_g, typo_a, typo_d, typo_g, win_a, win_d, y_max, y_min) = (
        round(m * upem) for m in metrics[:10]
    )
    hhea = font["hhea"]
    hhea.ascent, hhea.descent, hhea.lineGap = hhea_a, hhea_d, hhea_g
    font["head"].yMax, font["head"].yMin = y_max, y_min
    if "OS/2" in font:
        os2 = font["OS/2"]
        os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = typo_a, typo_d, typo_g
        os2.usWinAscent, os2.usWinDescent = max(win_a, 0), max(win_d, 0)
        if metrics[10]:
            os2.fsSelection |= USE_TYPO_METRICS
        else:
            os2.fsSelection &= ~USE_TYPO_METRICS
    _set_base(font, metrics[11], upem)
    if family is not None:
        _rename(font, family)
    out = io.BytesIO()
    font.save(out, reorderTables=False)
    return out.getvalue()


def _rename(font: object, family: str) -> None:
    """Family, full and PostScript names (and the typographic ones) -> `family`, in every language."""
    names = font["name"]  # type: ignore[index]
    style = names.getDebugName(2) or "Regular"
    postscript = "".join(c if c.isascii() and c.isalnum() else "-" for c in family).strip("-")
    wanted = {1: family, 2: style, 4: f"{family} {style}", 6: f"{postscript}-{style}"}
    names.names = [r for r in names.names if r.nameID not in (1, 2, 3, 4, 6, 16, 17, 18)]
    for name_id, text in wanted.items():
        names.setName(text, name_id, 3, 1, 0x409)
        names.setName(text, name_id, 1, 0, 0)
    cff = font["CFF "].cff if "CFF " in font else None  # type: ignore[operator, index]
    if cff is not None:
        cff.fontNames = [f"{postscript}-{style}"]


def _set_base(font: object, base: str, upem: int) -> None:
    """The role's font's BASE table (its coordinates scaled to `upem`), or none when it has none."""
    from fontTools.ttLib import newTable

    if "BASE" in font:  # type: ignore[operator]
        del font["BASE"]  # type: ignore[attr-defined]
    if not base:
        return
    source_upem, data = base.split(":", 1)
    table = newTable("BASE")
    table.decompile(bytes.fromhex(data), font)
    if int(source_upem) != upem:
        scale = upem / int(source_upem)
        for axis in (table.table.HorizAxis, table.table.VertAxis):
            for record in axis.BaseScriptList.BaseScriptRecord if axis else ():
                values = record.BaseScript.BaseValues
                for coord in values.BaseCoord if values else ():
                    coord.Coordinate = round(coord.Coordinate * scale)
    font["BASE"] = table  # type: ignore[index]
