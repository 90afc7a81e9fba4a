"""The `genreport` process: run the command, and leave with its status, whatever Ctrl-C interrupts.

This module imports nothing heavy, so that what happens before the command line is parsed
costs nothing: `python -m genreport` and the installed `genreport` script both call main().
cli.run() is the command line itself (tests call it; it ends in SystemExit). The speed tricks
played here (the early PDF helper, no cyclic collector, the quick exit) are described, measured
and switched in speed.py, and only there.
"""

from __future__ import annotations

import signal
import sys

# Nothing of genreport's own is imported at module level: a Ctrl-C that lands while an import
# runs must already be inside main()'s try (it once died there with a traceback, status -2).

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def main() -> None:
    """Run one `genreport` command in this process, and end it.

    Ctrl-C exits 130 with one line on stderr wherever it lands: in the command (cli/main.py says
    so), while Python imports the command line, or while the process leaves. Every file a
    command writes is written, closed and renamed before run() returns.
    """
    try:
        from genreport import speed

        speed.one_shot()
        status = _command()
    except KeyboardInterrupt:
        status = _interrupted()
    _leave(status)


def _command() -> int:
    from genreport import run_folder, speed
    from genreport.pdf import helper as pdf_helper

    run_folder.reserve()  # before the helper forks: a fallback font folder is shared, and removed once
    if not speed.on("helper"):
        import os

        os.environ[pdf_helper.ENV_SWITCH] = "0"
    if speed.on("early-helper"):
        pdf_helper.start_early(sys.argv[1:])
    try:
        from genreport.cli import run

        run()
        status: object = 0
    except SystemExit as done:
        status = done.code
    finally:
        pdf_helper.discard()  # a helper no command took (a refused build) ends with the process
    if status is None:
        return 0
    if not isinstance(status, int):  # sys.exit("message"): Python prints it and exits 1
        print(status, file=sys.stderr)
        return 1
    return status


def _interrupted() -> int:
    """Ctrl-C outside the command's own handler (imports, the helper's discard): say so, 130."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not cut the message short
    helper = sys.modules.get("genreport.pdf.helper")
    if helper is not None:
        try:
            helper.discard()
        except Exception:  # noqa: BLE001 (leaving anyway: the helper got the same Ctrl-C)
            pass
    from genreport.errors import INTERRUPTED

    print("\n" + INTERRUPTED, file=sys.stderr)
    return EXIT_INTERRUPTED


def _leave(status: int) -> None:
    """End the process with `status`; a Ctrl-C that came since the command returned makes it 130.

    SIGINT is held from here on, so that it cannot land as a KeyboardInterrupt inside an atexit
    function or a stream's flush; one that came before is answered here. (One that comes while
    pdf/weasy/process.py runs the atexit functions is dropped with the process: the command's
    work is done and on disk by then.)
    """
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        if signal.SIGINT in signal.sigpending() and status != EXIT_INTERRUPTED:
            status = _interrupted()
    from genreport import speed

    if speed.on("quick-exit"):
        from genreport.pdf.weasy import process

        process.leave(status)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a held Ctrl-C was answered above: drop it
    sys.exit(status)
