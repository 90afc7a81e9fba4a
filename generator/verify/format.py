"""verify-layout's output: one line per check (deviations first), the measured grid, or JSON for machines."""

from __future__ import annotations

import json

from genreport.verify.layout import FAIL, NA, NOT_VERIFIED, OK, Verification

JSON_FORMAT = "genreport.layout"
JSON_VERSION = 1
_ORDER = {FAIL: 0, NOT_VERIFIED: 1, OK: 2, NA: 3}


def grid_line(v: Verification) -> str:
    g = v.grid
    full = sorted(set(g.lines_per_page.values()))
    chars = ", ".join(f"{cells} ({n} lines)" for cells, n in sorted(g.chars_per_line.items())) or "-"
    top = f"{min(g.top_mm)}–{max(g.top_mm)}" if g.top_mm else "-"
    return (
        f"grid: {g.body_pt} pt body, line pitch {g.pitch_pt} pt, character cell {g.cell_pt} pt; "
        f"lines on body pages {full}; characters on full lines {chars}; "
        f"margins top {top}, left {g.left_mm}, right {g.right_mm}, bottom {g.bottom_mm} mm; "
        f"text block {g.width_mm} × {g.height_mm} mm"
    )


def format_text(v: Verification, show_all: bool = False) -> str:
    lines = []
    for r in sorted(v.results, key=lambda r: _ORDER[r.status]):
        if r.status == OK and not show_all or r.status == NA and not show_all:
            continue
        page = f" (page {r.page})" if r.page else ""
        lines.append(f"{r.status:<12} {r.clause} {r.check}{page}: {r.detail}")
    counts = {s: sum(1 for r in v.results if r.status == s) for s in (FAIL, NOT_VERIFIED, OK, NA)}
    lines.append(grid_line(v))
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
