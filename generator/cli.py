"""The command line: parse options, call one function, print, map the outcome to an exit code.

Exit status everywhere: 0 clean or warnings only, 1 findings with errors (with --strict,
warnings too), 2 the command itself could not run (unreadable file, bad arguments, unknown kind).
Heavy imports (WeasyPrint) happen inside the commands that need them, so --help is instant.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from genreport.errors import Finding, GenreportError, Severity
from genreport.findings_format import visible

if TYPE_CHECKING:
    from genreport.preview.render import Snapshot
    from genreport.render.pdf_helper import PdfHelper

app = typer.Typer(
    name="genreport",
    help="Rule-of-law government annual reports from one YAML data file. / 由一个 YAML 数据文件生成法治政府建设年度报告。",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class Lang(str, Enum):
    zh = "zh-CN"
    en = "en"


_state = {"debug": False}


def environment_lang() -> str:
    """The user's language before any report is read: zh-CN unless the environment says otherwise."""
    value = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "en" if value.startswith(("en", "C", "POSIX")) else "zh-CN"


def fail(error: GenreportError, lang: str | None = None) -> typer.Exit:
    """Print a could-not-run problem and return the exit to raise."""
    typer.echo(visible(error.message(lang or environment_lang())), err=True)  # a file name may hold ESC
    return typer.Exit(EXIT_CANNOT_RUN)


def findings_exit(findings: list[Finding], strict: bool) -> int:
    if any(f.severity is Severity.ERROR for f in findings):
        return EXIT_FINDINGS
    return EXIT_FINDINGS if strict and findings else EXIT_OK


def use_colour(stream: object) -> bool:
    return "NO_COLOR" not in os.environ and getattr(stream, "isatty", lambda: False)()


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback of an internal error (for bug reports).")] = False,
) -> None:
    _state["debug"] = debug


InputFile = Annotated[Path, typer.Argument(help="The report's YAML data file.", show_default=False)]


@app.command()
def check(
    file: InputFile,
    previous: Annotated[
        Optional[Path], typer.Option("--previous", "-p", help="Last year's data file: warn on copied paragraphs and mismatched figures.")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text for people, json for machines.")] = OutputFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors (exit 1).")] = False,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Language of the messages (default: the report's locale).")] = None,
) -> None:
    """Check a data file: missing sections, placeholders, wrong types, dates, figures. / 检查数据文件。"""
    from genreport.checks import check_file
    from genreport.findings_format import format_json, format_text, summary_line

    try:
        result = check_file(file, previous)
    except GenreportError as error:
        raise fail(error, lang.value if lang else None) from None
    message_lang = lang.value if lang else result.locale
    if output_format is OutputFormat.json:
        typer.echo(format_json(str(file), result.findings, message_lang))
    else:
        if result.findings:
            typer.echo(format_text(result.findings, result.loaded.lines, message_lang, use_colour(sys.stdout)))
        typer.echo(summary_line(result.findings, message_lang))
    raise typer.Exit(findings_exit(result.findings, strict))


@app.command()
def build(
    files: Annotated[
        list[Path], typer.Argument(help="The report's YAML data file; several files or folders of them build as a batch.", show_default=False, metavar="FILE")
    ],
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Output folder (default: build/<file name without .yaml>; a batch: build/, one folder per report).", show_default=False),
    ] = None,
    formats: Annotated[
        Optional[str], typer.Option("--format", "-f", help="Comma-separated output formats (default: all available: html,md,pdf).", show_default=False)
    ] = None,
    draft: Annotated[bool, typer.Option("--draft", help="Build despite errors: mark DRAFT / 征求意见稿 and show missing parts in place.")] = False,
    previous: Annotated[
        Optional[Path], typer.Option("--previous", "-p", help="Last year's data file, for the checks.")
    ] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Language of the messages (default: the report's locale).")] = None,
    font_dir: Annotated[
        Optional[Path], typer.Option("--font-dir", help="Folder of your own font files (e.g. 仿宋_GB2312), used first [env: GENREPORT_FONT_DIR].", show_default=False)
    ] = None,
    strict_fonts: Annotated[bool, typer.Option("--strict-fonts", help="Refuse to build the PDF with a substitute for an official font.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="A batch: reports built at once (default 0: one per CPU core).")] = 0,
) -> None:
    """Build the report: refuses while `check` finds errors, unless --draft. / 生成报告。"""
    helper = _pdf_helper(files, formats)  # first: it loads WeasyPrint while this process checks
    with helper or contextlib.nullcontext():
        _build(files, output, formats, draft, previous, lang, font_dir, strict_fonts, jobs, helper)


def _pdf_helper(files: list[Path], formats: Optional[str]) -> PdfHelper | None:
    """A helper process for the PDF of a one-file build (render/pdf_helper.py), else None.

    launch.main() has usually started it already, before typer loaded.
    """
    from genreport.render import pdf_helper

    early = pdf_helper.take()
    if len(files) != 1 or files[0].is_dir() or (formats is not None and "pdf" not in formats.split(",")):
        if early is not None:
            early.close()
        return None
    return early or pdf_helper.PdfHelper.start()


def _build(
    files: list[Path],
    output: Optional[Path],
    formats: Optional[str],
    draft: bool,
    previous: Optional[Path],
    lang: Optional[Lang],
    font_dir: Optional[Path],
    strict_fonts: bool,
    jobs: int,
    helper: PdfHelper | None,
) -> None:
    from genreport.build import build_file, default_formats, unknown_formats
    from genreport.findings_format import format_text, summary_line
    from genreport.fonts import font_dir_from
    from genreport.render.pdf import PdfSettings

    wanted = [f.strip() for f in formats.split(",") if f.strip()] if formats else default_formats()
    bad = unknown_formats(wanted)
    if bad or not wanted:
        raise typer.BadParameter(f"unknown format {', '.join(bad) or '(none)'}; available: {', '.join(default_formats())}", param_hint="--format")
    try:
        pdf = PdfSettings(font_dir=font_dir_from(font_dir), strict_fonts=strict_fonts)
    except GenreportError as error:
        raise fail(error, lang.value if lang else None) from None
    if len(files) > 1 or files[0].is_dir():
        if previous is not None:
            raise typer.BadParameter("--previous names last year's file of one report; build a batch without it", param_hint="--previous")
        code = _build_batch(files, output or Path("build"), wanted, draft, pdf, jobs, lang.value if lang else None)
        _warn_without_subsetter(wanted, lang.value if lang else environment_lang())
        raise typer.Exit(code)
    file = files[0]
    out_dir = output if output is not None else Path("build") / file.name.removesuffix(".yaml").removesuffix(".yml")
    try:
        result = build_file(file, out_dir, wanted, draft=draft, previous=previous, pdf=pdf, layout=helper)
    except GenreportError as error:
        raise fail(error, lang.value if lang else None) from None
    _warn_without_subsetter(wanted, lang.value if lang else result.check.locale)
    message_lang = lang.value if lang else result.check.locale
    findings = result.check.findings
    if findings:
        typer.echo(format_text(findings, result.check.loaded.lines, message_lang, use_colour(sys.stdout)))
    if result.refused:
        typer.echo(summary_line(findings, message_lang))
        refusal = "未生成任何文件：先修正以上错误，或用 --draft 生成征求意见稿" if message_lang.startswith("zh") else (
            "nothing written: fix the errors above, or build a draft with --draft"
        )
        typer.echo(refusal, err=True)
        raise typer.Exit(EXIT_FINDINGS)
    for path in result.written:
        typer.echo(visible(str(path)))


def _build_batch(
    files: list[Path], out_root: Path, formats: list[str], draft: bool, pdf: object, jobs: int, lang: str | None
) -> int:
    """Build every report of a batch; print progress, the findings, then the summary table. The exit status."""
    import time

    from genreport.batch import BUILT, FAILED, default_workers, expand, plan, run_batch
    from genreport.batch_format import progress_line, reports, table

    shown = lang or environment_lang()
    try:
        job_list = plan(expand(files), out_root, formats, draft, pdf)  # type: ignore[arg-type]
    except GenreportError as error:
        raise fail(error, shown) from None
    workers = min(jobs or default_workers(), len(job_list))
    done = []

    def progress(outcome: object) -> None:
        done.append(outcome)
        typer.echo(visible(progress_line(outcome, len(done), len(job_list), shown)), err=True)  # type: ignore[arg-type]

    started = time.perf_counter()
    outcomes = run_batch(job_list, workers, lang, progress)
    findings = reports(outcomes)
    if findings:
        typer.echo(findings + "\n")
    typer.echo(visible(table(outcomes, time.perf_counter() - started, workers, shown)))
    if any(o.status == FAILED for o in outcomes):
        return EXIT_CANNOT_RUN
    return EXIT_OK if all(o.status == BUILT for o in outcomes) else EXIT_FINDINGS


_subsetter_warned: list[bool] = []


def _warn_without_subsetter(formats: list[str], lang: str) -> None:
    """Once per run: a PDF build without HarfBuzz's subsetting library is much slower (and says how to fix it)."""
    from genreport.fonts import harfbuzz_subset

    if "pdf" not in formats or _subsetter_warned or harfbuzz_subset() is not None:
        return
    _subsetter_warned.append(True)
    typer.echo(
        "警告：未找到 HarfBuzz 子集化库，PDF 生成会慢很多；请安装 libharfbuzz-subset0（Debian/Ubuntu：apt-get install libharfbuzz-subset0），genreport fonts 可查看"
        if lang.startswith("zh")
        else "warning: HarfBuzz's subsetting library is missing, so PDF builds are much slower; install libharfbuzz-subset0"
        " (Debian/Ubuntu: apt-get install libharfbuzz-subset0); see genreport fonts",
        err=True,
    )


def _render_line(lang: str) -> Callable[[Snapshot], None]:
    """The progress line printed after each re-render: time, duration, what check found."""
    import time

    def echo(snapshot: Snapshot) -> None:
        state = snapshot.state
        stale = ("；稿件未更新" if lang.startswith("zh") else "; draft not updated") if state.stale else ""
        typer.echo(f"{time.strftime('%H:%M:%S')} {state.render_ms:.0f} ms: {state.summary}{stale}", err=True)

    return echo


@app.command()
def preview(
    file: Annotated[Path, typer.Argument(help="The report's YAML data file.", show_default=False, exists=True, dir_okay=False)],
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1 (default: a free one).", show_default=False)] = 0,
    open_browser: Annotated[bool, typer.Option("--open/--no-open", help="Open the page in the default web browser.")] = False,
    previous: Annotated[
        Optional[Path], typer.Option("--previous", "-p", help="Last year's data file, for the checks.", exists=True, dir_okay=False)
    ] = None,
) -> None:
    """Serve a live draft on 127.0.0.1 that follows every save, with check's findings. / 实时预览草稿。"""
    import gc

    from genreport.preview.session import Preview

    gc.enable()  # launch.main() turns collection off for one-shot commands; a preview lives for hours

    try:
        session = Preview(file, port=port, previous=previous)
    except GenreportError as error:
        raise fail(error) from None
    lang = session.renderer.lang
    session.on_render = _render_line(lang)
    with session:
        typer.echo(session.url)
        stop_hint = "按 Ctrl-C 停止预览" if lang.startswith("zh") else "press Ctrl-C to stop"
        separator = "；" if lang.startswith("zh") else "; "
        typer.echo(f"{session.snapshot.state.summary}{separator}{stop_hint}", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(session.url)
        try:
            session.serve_forever()
        except KeyboardInterrupt:
            pass  # Ctrl-C is how a preview ends: leaving the block stops it cleanly
    typer.echo("预览已停止" if lang.startswith("zh") else "preview stopped", err=True)


class Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt so that cleanup (temp files) runs on the way out."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated()


def run() -> None:
    """Entry point: no traceback reaches a user unless --debug asks for it.

    click's standalone mode would turn Ctrl-C into exit status 1, which here means "findings";
    so exceptions are handled here: interrupted 130, terminated 143, internal error 2.
    """
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        code = app(prog_name="genreport", standalone_mode=False)
    except typer.TyperException as error:  # usage errors: shown with the usage line, exit 2
        show = getattr(error, "show", None)
        show() if show else typer.echo(str(error), err=True)
        sys.exit(getattr(error, "exit_code", EXIT_CANNOT_RUN))
    except (KeyboardInterrupt, typer.Abort):
        code = EXIT_INTERRUPTED
    except Terminated:
        typer.echo("terminated; nothing half-written was left behind / 已终止，未留下不完整的文件", err=True)
        sys.exit(143)
    except Exception:
        if _state["debug"]:
            raise
        typer.echo(
            "genreport: internal error; rerun with --debug and report the traceback / 内部错误：请加 --debug 重新运行并报告",
            err=True,
        )
        sys.exit(EXIT_CANNOT_RUN)
    if code == EXIT_INTERRUPTED:  # typer itself turns Ctrl-C inside a command into a silent Exit(130)
        typer.echo("\ninterrupted; nothing half-written was left behind / 已中断，未留下不完整的文件", err=True)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


# The other commands live in their own modules and register themselves on `app` when imported;
# the import comes last because they import this module's helpers.
from genreport import cli_authoring, cli_pdf  # noqa: E402, F401
