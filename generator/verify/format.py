"""verify-layout's output: one line per check (deviations first), the measured grid, or JSON for machines."""

from __future__ import annotations

import json

from genreport.verify.layout import FAIL, NA, NOT_VERIFIED, OK, Verification
from genreport.verify.words_zh import CHECKS_ZH, STATUS_ZH, detail_zh

JSON_FORMAT = "genreport.layout"
JSON_VERSION = 1
_ORDER = {FAIL: 0, NOT_VERIFIED: 1, OK: 2, NA: 3}


def grid_line(v: Verification, lang: str = "en") -> str:
    g = v.grid
    if lang.startswith("zh"):
        return _grid_line_zh(v)
    full = sorted(set(g.lines_per_page.values()))
    chars = ", ".join(f"{cells} ({n} lines)" for cells, n in sorted(g.chars_per_line.items())) or "-"
    top = f"{min(g.top_mm)}–{max(g.top_mm)}" if g.top_mm else "-"
    return (
        f"grid: {g.body_pt} pt body, line pitch {g.pitch_pt} pt, character cell {g.cell_pt} pt; "
        f"lines on body pages {full}; characters on full lines {chars}; "
        f"margins top {top}, left {g.left_mm}, right {g.right_mm}, bottom {g.bottom_mm} mm; "
        f"text block {g.width_mm} × {g.height_mm} mm"
    )


def _grid_line_zh(v: Verification) -> str:
    g = v.grid
    full = "、".join(str(n) for n in sorted(set(g.lines_per_page.values()))) or "-"
    chars = "，".join(f"{cells} 字（{n} 行）" for cells, n in sorted(g.chars_per_line.items())) or "-"
    top = f"{min(g.top_mm)}–{max(g.top_mm)}" if g.top_mm else "-"
    return (
        f"网格：正文 {g.body_pt} 磅，行距 {g.pitch_pt} 磅，字距 {g.cell_pt} 磅；"
        f"正文页每面行数 {full}；满行字数 {chars}；"
        f"页边距 上 {top}、左 {g.left_mm}、右 {g.right_mm}、下 {g.bottom_mm} 毫米；"
        f"版心 {g.width_mm} × {g.height_mm} 毫米"
    )


def format_text(v: Verification, show_all: bool = False, lang: str = "en") -> str:
    """One line per check, deviations first; in Chinese when `lang` is zh (the checks by their ids)."""
    zh = lang.startswith("zh")
    lines = []
    for r in sorted(v.results, key=lambda r: _ORDER[r.status]):
        if r.status == OK and not show_all or r.status == NA and not show_all:
            continue
        if zh:
            page = f"（第 {r.page} 页）" if r.page else ""
            status = STATUS_ZH[r.status]
            lines.append(
                f"{status}{' ' * (8 - 2 * len(status))} {r.clause} {CHECKS_ZH.get(r.id, r.check)}{page}：{detail_zh(r.detail)}"
            )
        else:
            page = f" (page {r.page})" if r.page else ""
            lines.append(f"{r.status:<12} {r.clause} {r.check}{page}: {r.detail}")
    counts = {s: sum(1 for r in v.results if r.status == s) for s in (FAIL, NOT_VERIFIED, OK, NA)}
    lines.append(grid_line(v, lang))
    if zh:
        lines.append(
            f"{v.path}：{counts[FAIL]} 项不符合，{counts[NOT_VERIFIED]} 项未能验证，{counts[OK]} 项符合，{counts[NA]} 项不适用"
        )
    else:
        lines.append(
            f"{v.path}: {counts[FAIL]} deviations, {counts[NOT_VERIFIED]} not verified, {counts[OK]} ok, {counts[NA]} not applicable"
        )
    return "\n".join(lines) + "\n"


def format_json(v: Verification) -> str:
    return json.dumps(
        {
            "format": JSON_FORMAT,
            "version": JSON_VERSION,
            "file": str(v.path),
            "pages": v.kinds,
            "grid": v.grid.as_dict(),
            "results": [r.as_dict() for r in v.results],
        },
        ensure_ascii=False,
        indent=2,
    )
