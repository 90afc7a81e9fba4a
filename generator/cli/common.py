"""What every command shares: the typer app, exit codes, the user's language, printing a problem.

Exit status everywhere: 0 clean or warnings only, 1 findings with errors (with --strict,
warnings too), 2 the command itself could not run (unreadable file, bad arguments, unknown kind).
Heavy imports (WeasyPrint) happen inside the commands that need them, so --help is instant.
Each command module registers itself on `app`; cli/main.py imports them all.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from genreport import environment
from genreport.cli.language import user_language
from genreport.errors import Finding, GenreportError, Severity
from genreport.terminal import visible

app = typer.Typer(
    name="genreport",
    help="Rule-of-law government annual reports from one YAML data file. / 由一个 YAML 数据文件生成法治政府建设年度报告。",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich would read "[default: x]" as markup and print flags as "<bool>"
)

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class Lang(str, Enum):
    zh = "zh-CN"
    en = "en"


state = {"debug": False}  # set by the --debug option, read by main.run()


def environment_lang() -> str:
    """The user's language before any report is read: zh-CN unless the environment says otherwise."""
    return user_language() or "zh-CN"  # C.UTF-8 or POSIX names no language: the product's own, zh-CN


def fail(error: GenreportError, lang: str | None = None) -> typer.Exit:
    """Print a could-not-run problem and return the exit to raise."""
    typer.echo(visible(error.message(lang or environment_lang())), err=True)  # a file name may hold ESC
    return typer.Exit(EXIT_CANNOT_RUN)


def findings_exit(findings: list[Finding], strict: bool) -> int:
    if any(f.severity is Severity.ERROR for f in findings):
        return EXIT_FINDINGS
    return EXIT_FINDINGS if strict and findings else EXIT_OK


def use_colour(stream: object) -> bool:
    return not environment.no_colour() and getattr(stream, "isatty", lambda: False)()


@app.callback()
def main(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback of an internal error (for bug reports).")
    ] = False,
) -> None:
    state["debug"] = debug
    for note in environment.notes():  # values passed over (a relative XDG_CACHE_HOME ...), said once
        typer.echo(visible(note(environment_lang())), err=True)


InputFile = Annotated[Path, typer.Argument(help="The report's YAML data file.", show_default=False)]
