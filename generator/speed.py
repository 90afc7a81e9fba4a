"""The one seam for the tricks a one-shot `genreport` process plays to start and leave quickly.

Each trick is named here, with what it saves; launch.main() and the WeasyPrint patches
(pdf/weasy/engine.py, user_agent.py) ask `on(name)` before playing one, and nothing else
decides them. GENREPORT_SPEED_OFF (a comma-separated list
of names, or `all`) switches tricks off: bench/tricks.py measures each one that way, and a user
chasing a problem can rule them out.

Measured by bench/tricks.py (`make bench-tricks`): builds of the benchmark's report, each
trick off alone against all on, cold (empty font cache) and warm, wall and CPU time; the
figures, the load they were taken under and the verdicts are in docs/speed.md. A trick stays
only if it saves 50 ms or more.

  early-helper  launch forks the PDF helper (pdf/helper.py) before typer, pydantic and the checks
                are imported, so WeasyPrint loads in a second process while this one checks the
                report. Off: the build forks the helper itself once its options are parsed.
  helper        the PDF is laid out in that second process at all. Off: one process, one core
                (also GENREPORT_PDF_HELPER=0, pdf/helper.py's own switch, which this sets).
  no-gc         the cyclic garbage collector stays off in a one-shot command: it walks the ~1M
                objects every import and render keeps alive and frees almost nothing. preview and
                batch workers, which live long, turn it back on (long_lived()).
  quick-exit    the process ends by os._exit once the atexit functions ran and the streams are
                flushed (pdf/weasy/process.py), instead of freeing those objects one by one.

The WeasyPrint patches that exist only for speed (pdf/weasy/engine.py, user_agent.py) ask the
same question when WeasyPrint loads or a render starts:

  library-lookup   WeasyPrint's C libraries found from one `ldconfig -p` listing, not ~54 runs
                   of ldconfig, gcc and ld through ctypes.util.find_library.
  lazy-fonttools   fontTools' subsetter and instancer imported only if used (the cached fonts
                   never use them).
  own-ua-sheet     styles/print-ua.css (70 rules) as the user-agent sheet; WeasyPrint's own
                   (250 rules, 21 KB) left unparsed.
  page-references  pydyf's list of page references made once per page count (it is rebuilt
                   for every tagged element: quadratic in the pages).

The collector is switched here and nowhere else: one_shot() (launch.main) turns it off for the
command, and long_lived() turns it back on in a process that outlives one command.

Measured and removed (docs/speed.md has the figures): zlib's default level for pydyf instead
of 9 (saved no CPU that could be seen, for a PDF 0.5 % larger), one cffi array type per font
subset (~40 ms), and a second collector switch around each render (nothing once the command
runs without the collector; ~40 ms of CPU where it runs with it).
"""

from __future__ import annotations

import gc
import os

ENV = "GENREPORT_SPEED_OFF"
TRICKS = (
    "early-helper",
    "helper",
    "no-gc",
    "quick-exit",
    "library-lookup",
    "lazy-fonttools",
    "own-ua-sheet",
    "page-references",
)


def off() -> frozenset[str]:
    """The tricks GENREPORT_SPEED_OFF switches off (`all`: every one)."""
    names = {name.strip() for name in os.environ.get(ENV, "").split(",") if name.strip()}
    return frozenset(TRICKS) if "all" in names else frozenset(names & set(TRICKS))


def on(name: str) -> bool:
    """True when the trick `name` (one of TRICKS) is to be played."""
    if name not in TRICKS:
        raise ValueError(f"no such speed trick: {name}")
    return name not in off()


def one_shot() -> None:
    """The start of a one-shot command (launch.main): the collector off, unless no-gc is switched off."""
    if on("no-gc"):
        gc.disable()


def long_lived() -> None:
    """A process that outlives one command (preview, a batch worker forked from `build`): the collector on."""
    gc.enable()
