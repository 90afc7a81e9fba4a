"""`build A.yaml B.yaml DIR/ -o OUT -j N`: many reports in one run, on a pool of warm processes.

A provincial office collects hundreds of reports. Each one is built exactly as `build` builds
one (build_file: check, refuse on errors unless --draft, write atomically) into OUT/<name>/;
a report that is refused or fails is reported and the others go on. Workers are forked once
and warmed (WeasyPrint imported and patched, the font roles resolved), so each report costs
only its own check and layout; the font cache (fonts/cache.py) is shared on disk, and safe to
share: every entry is written atomically under a name that carries its checksum.

Past one machine the job is embarrassingly parallel: run one `genreport build` per machine or
CI job over a share of the files (docs/batch-builds.md), rather than a scheduler of our own.

A collecting office unpacks folders it did not make, and the batch log is kept and passed on:
a symlink in a folder that points out of it is named and skipped, never read (it could name a
key file elsewhere), and a file that is not a report is named at its first line only, with
none of its content quoted (a settings file's `api_token:` would be, as an unknown field).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from genreport.build import DATA_SUFFIXES, data_stem
from genreport.errors import Finding, GenreportError, Location, Severity, Text
from genreport.pdf.settings import PdfSettings

BUILT, REFUSED, FAILED, SKIPPED = "built", "refused", "failed", "skipped"
NOT_A_REPORT = "not-a-report"


@dataclass(frozen=True)
class Job:
    source: Path
    out_dir: Path
    formats: tuple[str, ...]
    draft: bool = False
    pdf: PdfSettings = field(default_factory=PdfSettings)


@dataclass(frozen=True)
class Outcome:
    """What became of one report; plain data, so that it crosses from a worker process."""

    source: Path
    status: str  # BUILT, REFUSED (check found errors), FAILED (could not run) or SKIPPED (never read)
    seconds: float
    pages: int | None = None
    errors: int = 0
    warnings: int = 0
    out_dir: Path | None = None
    report: str = ""  # the findings as `build` prints them, or why it failed
    font_note: str = ""  # which font roles the PDF set in substitutes (build prints each distinct one once)


@dataclass(frozen=True)
class Found:
    files: list[Path]  # to build
    skipped: list[Outcome]  # symlinks out of their folder: named, never read


def expand(paths: Sequence[Path]) -> Found:
    """The data files named: files as given, folders as their *.yaml / *.yml files (sorted, not recursive).

    A file that does not exist stays in the list: its build fails and is reported with the others.
    A folder's symlink whose target lies outside that folder is skipped (a file named on the
    command line is the user's own choice and is followed).
    """
    found: list[Path] = []
    skipped: list[Outcome] = []
    for path in paths:
        if path.is_dir():
            root = Path(os.path.realpath(path))
            for entry in sorted(p for p in path.iterdir() if p.suffix in DATA_SUFFIXES):
                # realpath, not resolve(): a link to itself is no RuntimeError, just a name that is no file
                if entry.is_symlink() and not Path(os.path.realpath(entry)).is_relative_to(root):
                    skipped.append(Outcome(entry, SKIPPED, 0.0))  # format.py says why
                elif entry.is_file():
                    found.append(entry)
        else:
            found.append(path)
    unique: dict[Path, Path] = {}  # resolved -> as named; a file named twice is built once
    for path in found:
        unique.setdefault(Path(os.path.realpath(path)), path)
    if not unique and not skipped:
        raise GenreportError(Text("没有要生成的数据文件（*.yaml）", "no data files (*.yaml) to build"))
    return Found(list(unique.values()), skipped)


def plan(sources: Sequence[Path], out_root: Path, formats: Sequence[str], draft: bool, pdf: PdfSettings) -> list[Job]:
    """One job per file, each writing to out_root/<file name without .yaml>/; two files of one name are refused."""
    seen: dict[str, Path] = {}
    for source in sources:
        other = seen.setdefault(data_stem(source), source)
        if other is not source:
            raise GenreportError(
                Text(
                    f"{other} 与 {source} 同名，输出目录会冲突：请改名后再生成",
                    f"{other} and {source} share a name, so their outputs would collide: rename one",
                )
            )
    return [Job(source, out_root / data_stem(source), tuple(formats), draft, pdf) for source in sources]


def run_job(job: Job, lang: str | None = None) -> Outcome:
    """Build one report; never raises (a failure is an Outcome)."""
    from genreport.build import build_file
    from genreport.checks.format import format_text

    started = time.perf_counter()
    try:
        result = build_file(job.source, job.out_dir, list(job.formats), draft=job.draft, pdf=job.pdf)
    except GenreportError as error:
        return Outcome(job.source, FAILED, time.perf_counter() - started, report=error.message(lang or "zh-CN"))
    except Exception as exc:  # one report's bug must not stop the others: reported, exit status 2
        message = f"internal error / 内部错误: {type(exc).__name__}: {exc}"
        return Outcome(job.source, FAILED, time.perf_counter() - started, report=message)
    check = result.check
    if result.refused and not _is_report(check.loaded.data, check.loaded.text):
        return _not_a_report(job.source, time.perf_counter() - started, lang or check.locale)
    text = format_text(check.findings, check.loaded.lines, lang or check.locale, False) if check.findings else ""
    return Outcome(
        job.source,
        REFUSED if result.refused else BUILT,
        time.perf_counter() - started,
        result.pages,
        len(check.errors),
        len(check.warnings),
        None if result.refused else job.out_dir,
        text,
        result.font_note(lang or check.locale) if result.font_note else "",
    )


# A report names its kind, its issuer or its parts at the top level (what `check` needs first);
# read from the text too, so that a report whose YAML is broken still counts as one.
_REPORT_KEYS = ("kind", "issuer", "sections")
_REPORT_LINE = re.compile(r"^(?:kind|issuer|sections)[ \t]*[:：]", re.M)


def _is_report(data: object, text: str) -> bool:
    if isinstance(data, dict):
        return any(key in data for key in _REPORT_KEYS)
    return data is None and _REPORT_LINE.search(text) is not None


def _not_a_report(source: Path, seconds: float, lang: str) -> Outcome:
    """One finding at the file's first line, quoting nothing of it: the file may be anything at all."""
    finding = Finding(
        Severity.ERROR,
        NOT_A_REPORT,
        Text(
            "这不是报告数据文件：顶层没有 kind、issuer 或 sections；未生成，其内容不予显示",
            "not a report data file: no kind, issuer or sections at its top level;"
            " not built, and its content is not shown",
        ),
        Text(
            "把它移出要生成的文件夹，或用 genreport check 单独检查它",
            "move it out of the folder, or check it on its own with genreport check",
        ),
        Location(source, 1, 1),
    )
    from genreport.checks.format import format_text

    return Outcome(source, REFUSED, seconds, errors=1, report=format_text([finding], [], lang, False))


def warm() -> None:
    """A worker's start: everything a build needs once per process, before the first report arrives."""
    from genreport import speed

    speed.long_lived()  # forked from `genreport build`, a one-shot command; a worker lives long
    from multiprocessing import util

    from genreport.pdf.weasy.fontconfig import remove_font_folders

    util.Finalize(None, remove_font_folders, exitpriority=1)  # a worker's exit runs no atexit function
    from genreport.fonts.roles import font_setup
    from genreport.pdf.layout import warm_up
    from genreport.resources import PRINT_STYLESHEETS, print_stylesheet

    warm_up()
    for locale in PRINT_STYLESHEETS:
        font_setup(print_stylesheet(locale))


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
