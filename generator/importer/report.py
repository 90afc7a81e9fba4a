"""The import report printed after `genreport import`: recognised, guessed, left out, normalised,
missing, each line with its place in the source, in the reader's language. The notes quote the
source, so every line passes `check`'s terminal escaping: a CSI or ESC in a page is never sent raw."""

from __future__ import annotations

from genreport.importer.blocks import Notes
from genreport.terminal import visible

_HEADINGS = {
    "recognised": ("已识别", "Recognised"),
    "guessed": ("推测（请核对）", "Guessed (check these)"),
    "left-out": ("未采用", "Left out"),
    "normalised": ("已规范", "Normalised"),
    "missing": ("原文缺少", "Missing from the source"),
    "revision": ("修订（每一处）", "Tracked changes (each one)"),
    "comment": ("批注（每一条）", "Comments (each one)"),
}


def format_notes(notes: Notes, lang: str) -> str:
    zh = lang.startswith("zh")
    lines: list[str] = []
    for category, (heading_zh, heading_en) in _HEADINGS.items():
        items = sorted(notes.of(category), key=lambda note: note.where.number if note.where else 1 << 30)
        if not items:
            continue
        lines.append(f"{heading_zh if zh else heading_en}（{len(items)}）:" if zh else f"{heading_en} ({len(items)}):")
        for note in items:
            place = note.where.text()(lang) if note.where else ("全文" if zh else "whole document")
            lines.append(visible(f"  {place}: {note.message(lang)}"))
    return "\n".join(lines) + "\n"
