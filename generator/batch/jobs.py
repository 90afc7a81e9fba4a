"""`build A.yaml B.yaml DIR/ -o OUT -j N`: many reports in one run, on a pool of warm processes.

A provincial office collects hundreds of reports. Each one is built exactly as `build` builds
one (build_file: check, refuse on errors unless --draft, write atomically) into OUT/<name>/;
a report that is refused or fails is reported and the others go on. Workers are forked once
and warmed (WeasyPrint imported and patched, the font roles resolved), so each report costs
only its own check and layout; the font cache (fonts/cache.py) is shared on disk, and safe to
share: every entry is written atomically under a name that carries its checksum.

Past one machine the job is embarrassingly parallel: run one `genreport build` per machine or
CI job over a share of the files (docs/batch-builds.md), rather than a scheduler of our own.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from genreport.build import DATA_SUFFIXES, data_stem
from genreport.errors import GenreportError, Text
from genreport.pdf.prepare import PdfSettings

BUILT, REFUSED, FAILED = "built", "refused", "failed"


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
    status: str  # BUILT, REFUSED (check found errors) or FAILED (could not run)
    seconds: float
    pages: int | None = None
    errors: int = 0
    warnings: int = 0
    out_dir: Path | None = None
    report: str = ""  # the findings as `build` prints them, or why it failed
    font_note: str = ""  # which font roles the PDF set in substitutes (build prints each distinct one once)


def expand(paths: Sequence[Path]) -> list[Path]:
    """The data files named: files as given, folders as their *.yaml / *.yml files (sorted, not recursive).

    A file that does not exist stays in the list: its build fails and is reported with the others.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in DATA_SUFFIXES and p.is_file())
        else:
            found.append(path)
    unique: dict[Path, Path] = {}  # resolved -> as named; a file named twice is built once
    for path in found:
        unique.setdefault(path.resolve(), path)
    if not unique:
        raise GenreportError(Text("没有要生成的数据文件（*.yaml）", "no data files (*.yaml) to build"))
    return list(unique.values())




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


def warm() -> None:
    """A worker's start: everything a build needs once per process, before the first report arrives."""
    import gc

    gc.enable()  # forked from `genreport build`, which runs without it (launch.main); a worker lives long
    from multiprocessing import util

    from genreport.pdf.weasy.fontconfig import remove_font_folders

    util.Finalize(None, remove_font_folders, exitpriority=1)  # a worker's exit runs no atexit function
    from genreport.fonts.roles import font_setup
    from genreport.pdf.layout import warm_up
    from genreport.pdf.prepare import STYLESHEETS, stylesheet_path

    warm_up()
    for locale in STYLESHEETS:
        font_setup(stylesheet_path(locale))


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
