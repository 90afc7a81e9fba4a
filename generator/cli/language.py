"""Which language the command line speaks, when no report has said it yet.

The user's locale when it names a language (zh_CN.UTF-8 -> zh-CN, en_GB.UTF-8 -> en); C.UTF-8
and POSIX name none, so the report decides (its `locale:`), and without a report zh-CN, the
product's own language. `init` reads the issuer's name: a Chinese name means a zh-CN report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from genreport import environment
from genreport.errors import Finding, GenreportError, Location, Severity, Text

_HANZI = re.compile("[\u4e00-\u9fff]")


def user_language() -> str | None:
    """zh-CN or en when the environment's locale names one of them, else None."""
    value = environment.locale_name()
    if value.startswith("zh"):
        return "zh-CN"
    if value.startswith("en"):
        return "en"
    return None


def file_language(path: Path) -> str | None:
    """The `locale:` written in a data file, read as text (the file may not even parse)."""
    import stat

    from genreport.data.slips import sniff_locale

    try:  # a regular file only, and only its head: /dev/zero or a FIFO never blocks a message
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as stream:
            raw = stream.read(65536)
    except OSError:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return sniff_locale(text) or ("zh-CN" if _HANZI.search(text) else None)
    return None


def batch_language(paths: Iterable[Path]) -> str | None:
    """The reports' language when they all share one."""
    found = {file_language(path) for path in paths}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def init_language(issuer: str | None) -> tuple[str, str]:
    """The locale for a new file, and why: a Chinese issuer name, the user's locale, or the default."""
    if issuer and _HANZI.search(issuer):
        return "zh-CN", "issuer"
    chosen = user_language()
    return (chosen, "environment") if chosen else ("zh-CN", "default")


def locale_note(lang: str, reason: str) -> str:
    """One line for `init`: the report's language, why, and how to choose the other."""
    why_zh = {"issuer": "发文机关名称是中文", "environment": "按系统语言设置", "default": "默认"}[reason]
    why_en = {
        "issuer": "the issuer's name is Chinese",
        "environment": "from your system's language",
        "default": "the default",
    }[reason]
    if lang == "zh-CN":
        return f"报告语言：zh-CN（中文，{why_zh}）；如需英文报告，加 --locale en"
    return f"report language: en (English, {why_en}); for a Chinese report, add --locale zh-CN"


def unreadable_finding(path: Path, error: GenreportError) -> Finding:
    """A file `check` could not read (not UTF-8, missing...), as a finding for `--format json`."""
    code = getattr(error, "code", "unreadable-file")
    hint = (
        Text("在编辑器中另存为 UTF-8 编码", "save the file as UTF-8 in your editor")
        if code == "not-utf8"
        else Text("检查文件路径和权限", "check the file's path and permissions")
    )
    return Finding(
        Severity.ERROR,
        code,
        error.text,
        hint,
        Location(path, getattr(error, "line", None), 1 if getattr(error, "line", None) else None),
    )
