"""The command line as a whole: every command module registered, and run() mapping outcomes to exit codes."""

from __future__ import annotations

import signal
import sys

import typer

# Importing a command module registers its commands on the one app.
from genreport.cli import authoring, build, check, importing, pdf, preview  # noqa: F401
from genreport.cli.common import EXIT_CANNOT_RUN, EXIT_INTERRUPTED, EXIT_OK, app, environment_lang, fail, state
from genreport.errors import INTERRUPTED, GenreportError


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
    command = typer.main.get_command(app)
    # One rule for every word the command line prints: the messages' (a locale that names no
    # language, C.UTF-8 on a stock server, means zh-CN), so --help and usage errors follow it too.
    if environment_lang() == "zh-CN":
        from genreport.cli.help_zh import localise

        localise(command)  # --help in Chinese for a Chinese locale
    try:
        code = command(prog_name="genreport", standalone_mode=False)
    except typer.TyperException as error:  # usage errors: shown with the usage line, exit 2
        show = getattr(error, "show", None)
        if show and environment_lang() == "zh-CN":
            import io

            from genreport.cli.help_zh import usage_error_zh

            shown = io.StringIO()
            show(file=shown)
            typer.echo(usage_error_zh(shown.getvalue()), err=True)
        else:
            show() if show else typer.echo(str(error), err=True)
        sys.exit(getattr(error, "exit_code", EXIT_CANNOT_RUN))
    except (KeyboardInterrupt, typer.Abort):
        code = EXIT_INTERRUPTED
    except GenreportError as error:  # one a command did not catch itself (an environment value read deep down)
        code = fail(error).exit_code
    except Terminated:
        typer.echo("terminated; nothing half-written was left behind / 已终止，未留下不完整的文件", err=True)
        sys.exit(143)
    except Exception:
        if state["debug"]:
            raise
        typer.echo(
            "genreport: internal error; rerun with --debug and report the traceback / 内部错误：请加 --debug 重新运行并报告",
            err=True,
        )
        sys.exit(EXIT_CANNOT_RUN)
    if code == EXIT_INTERRUPTED:  # typer itself turns Ctrl-C inside a command into a silent Exit(130)
        typer.echo("\n" + INTERRUPTED, err=True)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
