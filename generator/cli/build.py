"""`genreport build`: one report (with its PDF helper process) or a batch of them."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from genreport.cli.common import EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, Lang, app, environment_lang, fail, use_colour
from genreport.cli.language import batch_language
from genreport.errors import GenreportError, Text
from genreport.terminal import visible

if TYPE_CHECKING:
    from genreport.pdf.helper import PdfHelper


@app.command()
def build(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="The report's YAML data file; several files or folders of them build as a batch.",
            show_default=False,
            metavar="FILE",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Output folder (default: build/<file name without .yaml>; a batch: build/, one folder per report). Files are named after the data file and locale: zuoyun-2023.zh-CN.pdf.",
            show_default=False,
        ),
    ] = None,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="Output formats, comma-separated or the option repeated: html, md, pdf, docx (default: html,md,pdf).",
            show_default=False,
        ),
    ] = None,
    draft: Annotated[
        bool,
        typer.Option("--draft", help="Build despite errors: mark DRAFT / 征求意见稿 and show missing parts in place."),
    ] = False,
    previous: Annotated[
        Path | None, typer.Option("--previous", "-p", help="Last year's data file, for the checks.")
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language of the messages (default: the report's locale).")
    ] = None,
    font_dir: Annotated[
        Path | None,
        typer.Option(
            "--font-dir",
            help="Folder of your own font files (e.g. 仿宋_GB2312), used first [env: GENREPORT_FONT_DIR].",
            show_default=False,
        ),
    ] = None,
    strict_fonts: Annotated[
        bool, typer.Option("--strict-fonts", help="Refuse to build the PDF with a substitute for an official font.")
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="A batch: reports built at once (default 0: one per CPU core).")
    ] = 0,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="With -f docx: every finding of check as a Word comment (批注) at its text; built as a draft when there are errors.",
        ),
    ] = False,
) -> None:
    """Build the report: refuses while `check` finds errors, unless --draft. / 生成报告。"""
    wanted = _formats(formats)
    if review and (wanted is None or "docx" not in wanted):
        raise typer.BadParameter("--review adds comments to the Word file: use it with -f docx", param_hint="--review")
    if review and (len(files) > 1 or files[0].is_dir()):
        raise typer.BadParameter("--review builds one report's review copy; give one data file", param_hint="--review")
    helper = _pdf_helper(files, wanted)  # first: it loads WeasyPrint while this process checks
    with helper or contextlib.nullcontext():
        _build(files, output, wanted, draft, previous, lang, font_dir, strict_fonts, jobs, helper, review)


def _formats(values: list[str] | None) -> list[str] | None:
    """`-f pdf -f docx` and `-f pdf,docx` alike: every format named, in order, once (None: the default set)."""
    if not values:
        return None
    return list(dict.fromkeys(f.strip() for value in values for f in value.split(",") if f.strip()))


def _pdf_helper(files: list[Path], formats: list[str] | None) -> PdfHelper | None:
    """A helper process for the PDF of a one-file build (pdf/helper.py), else None.

    launch.main() has usually started it already, before typer loaded.
    """
    from genreport.pdf import helper as pdf_helper

    early = pdf_helper.take()
    if len(files) != 1 or files[0].is_dir() or (formats is not None and "pdf" not in formats):
        if early is not None:
            early.close()
        return None
    return early or pdf_helper.PdfHelper.start()


def _build(
    files: list[Path],
    output: Path | None,
    formats: list[str] | None,
    draft: bool,
    previous: Path | None,
    lang: Lang | None,
    font_dir: Path | None,
    strict_fonts: bool,
    jobs: int,
    helper: PdfHelper | None,
    review: bool = False,
) -> None:
    from genreport import environment
    from genreport.build import WRITERS, build_file, default_formats, default_out_dir, unknown_formats
    from genreport.checks.format import format_text, summary_line
    from genreport.pdf.settings import PdfSettings, font_dir_from

    wanted = formats if formats is not None else default_formats()
    bad = unknown_formats(wanted)
    if bad or not wanted:
        said = Text(
            f"未知的格式 {'、'.join(bad) or '（空）'}；可用：{'、'.join(WRITERS)}",
            f"unknown format {', '.join(bad) or '(none)'}; available: {', '.join(WRITERS)}",
        )
        raise typer.BadParameter(said(environment_lang()), param_hint="--format")
    try:
        placed = environment.body_placed()
        pdf = PdfSettings(font_dir=font_dir_from(font_dir), strict_fonts=strict_fonts, place_body=placed)
    except GenreportError as error:
        raise fail(error, lang.value if lang else None) from None
    if len(files) > 1 or files[0].is_dir():
        if previous is not None:
            said = Text(
                "--previous 只能用于单份报告的上年度文件；批量生成时不要加它",
                "--previous names last year's file of one report; build a batch without it",
            )
            raise typer.BadParameter(said(environment_lang()), param_hint="--previous")
        code = _build_batch(files, output or Path("build"), wanted, draft, pdf, jobs, lang.value if lang else None)
        _warn_without_subsetter(wanted, lang.value if lang else environment_lang())
        raise typer.Exit(code)
    file = files[0]
    out_dir = output if output is not None else default_out_dir(file)
    try:
        result = build_file(
            file, out_dir, wanted, draft=draft, previous=previous, pdf=pdf, layout=helper, review=review
        )
    except GenreportError as error:
        raise fail(error, lang.value if lang else None) from None
    _warn_without_subsetter(wanted, lang.value if lang else result.check.locale)
    message_lang = lang.value if lang else result.check.locale
    findings = result.check.findings
    if findings:
        typer.echo(format_text(findings, result.check.loaded.lines, message_lang, use_colour(sys.stdout)))
    if result.refused:
        typer.echo(summary_line(findings, message_lang))
        refusal = (
            "未生成任何文件：先修正以上错误，或用 --draft 生成征求意见稿"
            if message_lang.startswith("zh")
            else ("nothing written: fix the errors above, or build a draft with --draft")
        )
        typer.echo(refusal, err=True)
        raise typer.Exit(EXIT_FINDINGS)
    if result.font_note is not None:
        typer.echo(result.font_note(message_lang), err=True)
    for path in result.written:
        typer.echo(visible(str(path)))


def _build_batch(
    files: list[Path], out_root: Path, formats: list[str], draft: bool, pdf: object, jobs: int, lang: str | None
) -> int:
    """Build every report of a batch; print progress, the findings, then the summary table. The exit status."""
    import time

    from genreport.batch.format import progress_line, reports, skipped_line, table
    from genreport.batch.jobs import BUILT, FAILED, default_workers, expand, plan
    from genreport.batch.pool import default_timeout
    from genreport.batch.run import run_batch

    shown = lang or environment_lang()
    try:
        timeout = default_timeout()  # a value it cannot be stops the run before any report is built
        found = expand(files)
        job_list = plan(found.files, out_root, formats, draft, pdf)  # type: ignore[arg-type]
    except GenreportError as error:
        raise fail(error, shown) from None
    shown = lang or batch_language(job.source for job in job_list) or shown  # the reports' own language
    workers = max(1, min(jobs or default_workers(), len(job_list)))
    done = []
    for skipped in found.skipped:  # named first: they are never read
        typer.echo(visible(skipped_line(skipped, shown)), err=True)

    def progress(outcome: object) -> None:
        done.append(outcome)
        typer.echo(visible(progress_line(outcome, len(done), len(job_list), shown)), err=True)  # type: ignore[arg-type]

    started = time.perf_counter()
    outcomes = [*run_batch(job_list, workers, lang, progress, timeout=timeout), *found.skipped]
    findings = reports(outcomes, shown)
    if findings:
        typer.echo(findings + "\n")
    typer.echo(visible(table(outcomes, time.perf_counter() - started, workers, shown)))
    for note in dict.fromkeys(o.font_note for o in outcomes if o.font_note):
        typer.echo(note, err=True)  # once per run, not once per report
    if any(o.status == FAILED for o in outcomes):
        return EXIT_CANNOT_RUN
    return EXIT_OK if all(o.status == BUILT for o in outcomes) else EXIT_FINDINGS


_subsetter_warned: list[bool] = []


def _warn_without_subsetter(formats: list[str], lang: str) -> None:
    """Once per run: a PDF build without HarfBuzz's subsetting library is much slower (and says how to fix it)."""
    if "pdf" not in formats or _subsetter_warned:
        return
    from genreport.fonts.roles import harfbuzz_subset  # after the test: a build without a PDF loads no font code

    if harfbuzz_subset() is not None:
        return
    _subsetter_warned.append(True)
    typer.echo(
        "警告：未找到 HarfBuzz 子集化库，PDF 生成会慢很多；请安装 libharfbuzz-subset0（Debian/Ubuntu：apt-get install libharfbuzz-subset0），genreport fonts 可查看"
        if lang.startswith("zh")
        else "warning: HarfBuzz's subsetting library is missing, so PDF builds are much slower; install libharfbuzz-subset0"
        " (Debian/Ubuntu: apt-get install libharfbuzz-subset0); see genreport fonts",
        err=True,
    )
