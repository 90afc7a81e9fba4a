"""Every environment value genreport reads, read here and nowhere else, each one checked.

A value that cannot be used and cannot be passed over (a batch timeout that is not a number, a
GENREPORT_HOME without templates) is an `EnvironmentValueError` naming the variable, its value
and what it wants: the command stops with exit 2. A value that a standard says to pass over (a
relative XDG_CACHE_HOME, which the XDG Base Directory spec calls invalid) or that names nothing
usable (a GENREPORT_KIND_PATH folder that does not exist) is passed over, and `notes()` says so,
once per command, on standard error (cli/common.py). Paths handed on are absolute: a relative
one would mean something else in the PDF helper and the batch workers, and a font URL cannot
be made from it.

Read elsewhere, on purpose: GENREPORT_PDF_HELPER (pdf/helper.py: only "0" matters; a value
other than 0 or 1 gets a note here), LD_LIBRARY_PATH (pdf/weasy/: set or not), TMPDIR
(Python's tempfile checks it and falls back), GENREPORT_RUN_TMP (run_folder.py: written by
genreport itself; a value it did not make, or a relative one, is replaced, not trusted), and
the locale (LC_ALL, LC_MESSAGES, LANG: read here, any value accepted, see locale_name()).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from genreport.errors import GenreportError, Text

BATCH_TIMEOUT = "GENREPORT_BATCH_TIMEOUT"
DEFAULT_BATCH_TIMEOUT = 600.0  # seconds one report may take in a batch (a 250-page report takes ~15 s)
MAX_BATCH_TIMEOUT = 1_000_000.0  # ~11.6 days; the pool's wait() takes milliseconds in a C int (24.8 days)
HOME = "GENREPORT_HOME"
KIND_PATH = "GENREPORT_KIND_PATH"
FONT_DIR = "GENREPORT_FONT_DIR"
CACHE_HOME = "XDG_CACHE_HOME"
PDF_HELPER = "GENREPORT_PDF_HELPER"
BODY_LAYOUT = "GENREPORT_BODY_LAYOUT"
BODY_LAYOUTS = ("placed", "weasyprint")


class EnvironmentValueError(GenreportError):
    """An environment variable holds a value genreport cannot use (exit 2)."""


def _shown(value: str) -> str:
    """The value as a message may show it: control characters escaped, a long one cut."""
    text = value if len(value) <= 200 else value[:200] + "…"
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def _refuse(name: str, value: str, zh: str, en: str) -> EnvironmentValueError:
    shown = _shown(value)
    zh_text = f"环境变量 {name}={shown} 无效：{zh}"
    return EnvironmentValueError(Text(zh_text, f"the environment variable {name}={shown} is not valid: {en}"))


# ------------------------------------------------------------------ values ---


def body_placed() -> bool:
    """GENREPORT_BODY_LAYOUT: "placed" (unset: the default) sets a zh-CN body's pages on the grid
    (pdf/direct/); "weasyprint" lays every page out with WeasyPrint, for a comparison."""
    raw = os.environ.get(BODY_LAYOUT, "").strip()
    if not raw:
        return True
    if raw not in BODY_LAYOUTS:
        raise _refuse(BODY_LAYOUT, raw, "可用的值为 placed 或 weasyprint", "it takes placed or weasyprint")
    return raw == "placed"


def batch_timeout() -> float | None:
    """GENREPORT_BATCH_TIMEOUT: seconds one report of a batch may take; 0 means no limit, unset 600."""
    raw = os.environ.get(BATCH_TIMEOUT, "").strip()
    if not raw:
        return DEFAULT_BATCH_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 <= value <= MAX_BATCH_TIMEOUT):
        raise _refuse(
            BATCH_TIMEOUT,
            raw,
            f"应为 0 到 {MAX_BATCH_TIMEOUT:.0f} 之间的秒数（0 表示不限时），例如 {BATCH_TIMEOUT}=900",
            f"it wants seconds from 0 to {MAX_BATCH_TIMEOUT:.0f} (0: no limit), e.g. {BATCH_TIMEOUT}=900",
        )
    return value or None


def genreport_home() -> Path | None:
    """GENREPORT_HOME: a folder holding templates/ and styles/ in place of the bundled ones; unset None."""
    raw = os.environ.get(HOME, "")
    if not raw:
        return None
    home = Path(raw).absolute()
    missing = [f"{name}/" for name in ("templates", "styles") if not (home / name).is_dir()]
    if missing:
        raise _refuse(
            HOME,
            raw,
            f"该目录中没有 {'、'.join(missing)}：它应指向装有 templates/ 和 styles/ 的目录，或不设置",
            f"it holds no {' or '.join(missing)}: point it at a folder with templates/ and styles/, or unset it",
        )
    return home


def kind_path() -> list[Path]:
    """GENREPORT_KIND_PATH: folders of extra kinds (os.pathsep between), absolute; what is no folder is passed over."""
    return [folder for folder, usable in _kind_folders() if usable]


def font_dir() -> Path | None:
    """GENREPORT_FONT_DIR: the folder of the user's own fonts (absolute), unset None.

    A folder that does not exist is refused where the fonts are read (fonts/roles.py), with --font-dir's message.
    """
    raw = os.environ.get(FONT_DIR, "")
    return Path(raw).absolute() if raw else None


def cache_home() -> Path:
    """$XDG_CACHE_HOME when it is absolute, else ~/.cache, with ~ an absolute $HOME or the account's home."""
    raw = os.environ.get(CACHE_HOME, "")
    if raw and os.path.isabs(raw):
        return Path(raw)
    home = _home()
    if home is None:  # no home at all: nothing is kept between runs, this run's private folder holds it
        from genreport import run_folder

        return run_folder.folder() / "cache"
    return home / ".cache"


def locale_name() -> str:
    """The locale messages follow: LC_ALL, else LC_MESSAGES, else LANG (POSIX's order); "" when none is set.

    Any value is accepted: one that names neither zh nor en (C.UTF-8, POSIX) names no language, and
    the report or the product's default decides.
    """
    return os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""


def no_colour() -> bool:
    """NO_COLOR (no-color.org): present and not empty turns colour off."""
    return bool(os.environ.get("NO_COLOR"))


def notes() -> list[Text]:
    """The values passed over, each with why: said once per command, so that a typo does not go unseen."""
    found = []
    raw, home = os.environ.get(CACHE_HOME, ""), os.environ.get("HOME", "")
    if raw and not os.path.isabs(raw):
        cache = cache_home() / "genreport"
        found.append(
            Text(
                f"注意：环境变量 {CACHE_HOME}={_shown(raw)} 不是绝对路径，按 XDG 规范忽略；缓存放在 {cache}",
                f"note: {CACHE_HOME}={_shown(raw)} is not an absolute path, so it is ignored (the XDG Base Directory"
                f" spec); the cache is in {cache}",
            )
        )
    if home and not os.path.isabs(home) and not os.path.isabs(raw):  # HOME matters only without XDG_CACHE_HOME
        cache = cache_home() / "genreport"
        found.append(
            Text(
                f"注意：环境变量 HOME={_shown(home)} 不是绝对路径，已忽略；缓存放在 {cache}",
                f"note: HOME={_shown(home)} is not an absolute path, so it is ignored; the cache is in {cache}",
            )
        )
    switch = os.environ.get(PDF_HELPER, "")
    if switch not in ("", "0", "1"):  # read by pdf/helper.py: only "0" turns the helper off
        found.append(
            Text(
                f"注意：环境变量 {PDF_HELPER}={_shown(switch)} 只能是 0 或 1；按 1（使用 PDF 辅助进程）处理",
                f"note: {PDF_HELPER}={_shown(switch)} can be 0 or 1 only; taken as 1 (the PDF helper process is used)",
            )
        )
    for folder, usable in _kind_folders():
        if not usable:
            found.append(
                Text(
                    f"注意：{KIND_PATH} 中的 {_shown(str(folder))} 不是文件夹，已忽略",
                    f"note: {_shown(str(folder))} on {KIND_PATH} is not a folder, so it is ignored",
                )
            )
    return found


# ------------------------------------------------------------------ helpers ---


def _kind_folders() -> list[tuple[Path, bool]]:
    raw = os.environ.get(KIND_PATH, "")
    folders = [Path(part).absolute() for part in raw.split(os.pathsep) if part.strip()]
    return [(folder, folder.is_dir()) for folder in folders]


def _home() -> Path | None:
    """$HOME when absolute (what Path.home() reads), else the account's home from the password file."""
    home = os.environ.get("HOME", "")
    if home and os.path.isabs(home):
        return Path(home)
    try:
        import pwd

        account = pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError, OSError):
        account = ""
    return Path(account) if os.path.isabs(account) else None
