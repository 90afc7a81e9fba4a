"""Leaving a one-shot `genreport` process quickly: CPython's private atexit runner, then os._exit.

Fenced here with the other patches because it relies on an interpreter internal
(`atexit._run_exitfuncs`), named in internals.RELIED_ON and checked by check_internals().
"""

from __future__ import annotations

import atexit
import os
import sys


def leave(status: int) -> None:
    """End the process now: atexit functions run (temporary font folders are removed), streams
    are flushed, and the ~1M objects of a PDF build are never freed one by one (~2 % of a build)."""
    atexit._run_exitfuncs()  # what a normal exit runs first
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (genreport check | head) or stream
            pass
    os._exit(status)
