"""`genreport fonts`: each role, the font it resolved to, substitute or not, and the subsetter."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from genreport.fonts.aliases import status as alias_status
from genreport.fonts.cache import cache_dir
from genreport.fonts.roles import FontSetup, Resolved, harfbuzz_subset, user_faces

_WORDS = {
    "zh": {"role": "角色", "font": "字体", "file": "文件", "sub": "替代", "yes": "是", "no": "否", "none": "（未找到）",
           "hb_yes": "HarfBuzz 子集化：可用（{lib}）", "hb_no": "HarfBuzz 子集化：不可用，字体子集化会慢约 10 倍；请安装 libharfbuzz-subset0",
           "cache": "字体缓存：{dir}（{n} 个文件，{mb:.1f} MB）",
           "user": "字体目录 {dir}：", "unused": "  未用：{file}（{names}）不是任何角色的字体名", "used": "  {file}（{names}）",
           "alias_yes": "fontconfig 别名：已安装，LibreOffice 打开 .docx 时用替代字体（{rows}）",
           "alias_no": "fontconfig 别名：未安装，LibreOffice 打开 .docx 时各角色都显示为无衬线体"
                       "（{rows}）；运行 make setup 安装",
           "alias_unknown": "fontconfig 别名：无法检查（没有 fc-match）"},
    "en": {"role": "role", "font": "font", "file": "file", "sub": "substitute", "yes": "yes", "no": "no", "none": "(none found)",
           "hb_yes": "HarfBuzz subsetting: available ({lib})", "hb_no": "HarfBuzz subsetting: not available; subsetting is ~10x slower; install libharfbuzz-subset0",
           "cache": "font cache: {dir} ({n} files, {mb:.1f} MB)",
           "user": "font folder {dir}:", "unused": "  unused: {file} ({names}) names no role's font", "used": "  {file} ({names})",
           "alias_yes": "fontconfig aliases: installed; LibreOffice opens a .docx in the substitutes ({rows})",
           "alias_no": "fontconfig aliases: not installed; LibreOffice shows every role of a .docx in sans ({rows});"
                       " run make setup",
           "alias_unknown": "fontconfig aliases: cannot check (no fc-match)"},
}  # fmt: skip


def _row(r: Resolved, lang: str, words: dict[str, str]) -> list[str]:
    where = f"{r.face.path}" + (f"#{r.face.index}" if r.face and r.face.index else "") if r.face else words["none"]
    return [r.role.label(lang), r.family or words["none"], where, words["yes"] if r.substitute else words["no"]]


def format_text(setups: Sequence[tuple[str, FontSetup]], lang: str) -> str:
    words = _WORDS["zh" if lang.startswith("zh") else "en"]
    out = []
    header = [words["role"], words["font"], words["file"], words["sub"]]
    for locale, setup in setups:
        rows = [header, *(_row(r, lang, words) for r in setup.resolved)]
        widths = [max(_width(row[i]) for row in rows) for i in range(3)]
        out.append(f"{locale} ({setup.stylesheet.name})")
        for row in rows:
            out.append(
                "  "
                + "  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row[:3]))
                + "  "
                + row[3]
            )
    lib = harfbuzz_subset()
    out.append(words["hb_yes"].format(lib=lib) if lib else words["hb_no"])
    in_place, aliased = alias_status()
    shown = ", ".join(f"{name} → {got or '?'}" for name, _, got in aliased)
    alias = "alias_unknown" if in_place is None else ("alias_yes" if in_place else "alias_no")
    out.append(words[alias].format(rows=shown))
    folder, count, size = cache_usage()
    out.append(words["cache"].format(dir=folder, n=count, mb=size / 1e6))
    user_folder = setups[0][1].font_dir if setups else None
    if user_folder is not None:
        out.append(words["user"].format(dir=user_folder))
        used = {face.key for _, s in setups for r in s.resolved for face in r.faces if face.user}
        for face in user_faces(folder):
            names = ", ".join(face.families[:3])
            key = "used" if face.key in used else "unused"
            out.append(words[key].format(file=face.path.name + (f"#{face.index}" if face.index else ""), names=names))
    return "\n".join(out) + "\n"


def format_json(setups: Sequence[tuple[str, FontSetup]]) -> str:
    data = {
        "format": "genreport.fonts.roles",
        "version": 1,
        "harfbuzz_subset": harfbuzz_subset(),
        "fontconfig_aliases": {name: got for name, _, got in alias_status()[1]},
        "font_cache": dict(zip(("folder", "files", "bytes"), (str(cache_usage()[0]), *cache_usage()[1:]), strict=True)),
        "locales": {
            locale: [
                {
                    "role": r.role.key,
                    "family": r.family,
                    "file": str(r.face.path) if r.face else None,
                    "index": r.face.index if r.face else None,
                    "user_font": bool(r.face and r.face.user),
                    "substitute": r.substitute,
                }
                for r in setup.resolved
            ]
            for locale, setup in setups
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def cache_usage() -> tuple[Path, int, int]:
    """The font cache's folder, its number of entries and their total size."""
    folder = cache_dir()
    entries = [p for p in folder.glob("[cd]-*") if p.is_file()] if folder.is_dir() else []
    return folder, len(entries), sum(p.stat().st_size for p in entries)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
