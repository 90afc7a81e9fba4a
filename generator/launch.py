"""The `genreport` process: start the PDF helper early, run the command, leave quickly.

This module imports nothing heavy, so that what happens before the command line is parsed
costs nothing: `python -m genreport` and the installed `genreport` script both call main().
cli.run() is the command line itself (tests call it; it ends in SystemExit).
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Run one `genreport` command in this process, and end it.

    - A one-file PDF build gets its helper process (pdf/helper.py) before anything else
      loads: the helper imports WeasyPrint while this process imports typer, pydantic and the
      templates and checks the report.
    - One-shot commands run without the cyclic garbage collector: it walks the objects every
      import and render keeps alive, again and again, and frees almost nothing (3.5 % of a PDF
      build's instructions; the 10x report's peak memory grows by 1 MB). `preview` and batch
      workers, which live long, turn it back on.
    - The process ends with os._exit after the atexit functions: a PDF build holds ~1M objects
      that Python would otherwise free one by one (~2 % of a build's instructions). Every file
      a command writes is written, closed and renamed before run() returns; stdout and stderr
      are flushed here.
    """
    gc.disable()
    from genreport import run_folder
    from genreport.pdf import helper as pdf_helper
    from genreport.pdf.weasy import process

    run_folder.reserve()  # before the helper forks: a fallback font folder is shared, and removed once

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
        status = 0
    elif not isinstance(status, int):  # sys.exit("message"): Python prints it and exits 1
        print(status, file=sys.stderr)
        status = 1
    process.leave(status)
