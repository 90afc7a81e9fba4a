"""WeasyPrint, loaded once and fast, and the parsed objects a process keeps between renders.

Loading: WeasyPrint opens its C libraries by trying several names each (`libgobject-2.0-0`,
`gobject-2.0-0`, ...); cffi sends every name without a path through `ctypes.util.find_library`,
which on Linux runs `ldconfig -p`, `gcc` and `ld` for each try: 54 subprocesses, 0.2-0.3 s of
every cold build (measured with cProfile on this machine). `load()` answers those look-ups from
one `ldconfig -p` listing, made once, while WeasyPrint imports; a name it cannot answer goes to
the real `find_library`, so nothing changes where the listing is missing (macOS, Windows).

Writing: pydyf's page references are remembered per page count (_RememberedPageReferences).

Each of these is a speed trick of speed.py's (library-lookup, lazy-fonttools, page-references;
own-ua-sheet in user_agent.py), played unless GENREPORT_SPEED_OFF names it.

Reuse: the print stylesheet is parsed once per process (and again only when the file changes);
the font context (an isolated FontConfiguration and its @font-face sheet, pdf/weasy/fontconfig.py) is reused
for every render that prints with the same cached fonts: preview and batch workers render
again without parsing or loading anything twice.
"""

from __future__ import annotations

import ctypes.util
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any

from genreport import speed
from genreport.resources import per_file_version, read_stylesheet

_LDCONFIG_LINE = re.compile(r"^\s*(lib\S+?\.so[^\s]*)\s+\((.*?)\)\s+=>\s+(\S+)")


@lru_cache(maxsize=1)
def _ldconfig() -> dict[str, list[str]]:
    """`ldconfig -p` as {soname: [abi descriptions...]}; empty where there is no ldconfig."""
    try:
        out = subprocess.run(
            ["/sbin/ldconfig", "-p"], capture_output=True, text=True, timeout=10, env={"LC_ALL": "C", "LANG": "C"}
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, list[str]] = {}
    for line in out.splitlines():
        match = _LDCONFIG_LINE.match(line)
        if match:
            found.setdefault(match.group(1), []).append(match.group(2))
    return found


def _fast_find_library(original: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """find_library answered from one ldconfig listing, as ctypes does it (lib<name>.so*, this ABI)."""
    abi = "x86-64" if sys.maxsize > 2**32 else ""

    def find_library(name: str) -> str | None:
        listing = _ldconfig()
        if not listing:
            return original(name)
        prefix = f"lib{name}.so"
        for soname, abis in listing.items():
            if soname.startswith(prefix) and (soname == prefix or soname[len(prefix)] == "."):
                if not abi or any(abi in a for a in abis):
                    return soname
        # ldconfig lists what the loader finds by default; only LD_LIBRARY_PATH can add to it
        return original(name) if os.environ.get("LD_LIBRARY_PATH") else None

    return find_library


@contextmanager
def _quick_library_lookup() -> Iterator[None]:
    if not sys.platform.startswith("linux"):
        yield
        return
    original = ctypes.util.find_library
    ctypes.util.find_library = _fast_find_library(original)  # type: ignore[assignment]
    try:
        yield
    finally:
        ctypes.util.find_library = original


@contextmanager
def _fonttools_on_demand() -> Iterator[None]:
    """Let WeasyPrint import fontTools' subsetter and instancer without loading them (~90 ms).

    It imports both at start-up for its fallbacks (no HarfBuzz subsetter; variable fonts), which
    the cached fonts never take. `fontTools.subset` becomes a lazy module (importlib's
    LazyLoader: loaded on first use, by WeasyPrint or anyone); `instantiateVariableFont` a
    function importing the real one when called. Nothing changes where they were loaded already.
    """
    import importlib.util
    import types

    added = []
    if "fontTools.subset" not in sys.modules:
        spec = importlib.util.find_spec("fontTools.subset")
        if spec is not None and spec.loader is not None:
            spec.loader = importlib.util.LazyLoader(spec.loader)
            module = importlib.util.module_from_spec(spec)
            sys.modules["fontTools.subset"] = module
            spec.loader.exec_module(module)
            # as a finished import would: `from fontTools import subset` then finds it without
            # importing again (Python 3.11's import reads __spec__, which would load it)
            sys.modules["fontTools"].subset = module  # type: ignore[attr-defined]
    name = "fontTools.varLib.instancer"
    if name not in sys.modules:
        stand_in = types.ModuleType(name)

        def instantiateVariableFont(*args: Any, **kwargs: Any) -> Any:  # noqa: N802 (fontTools' name)
            from fontTools.varLib.instancer import instantiateVariableFont as real

            return real(*args, **kwargs)

        stand_in.instantiateVariableFont = instantiateVariableFont  # type: ignore[attr-defined]
        sys.modules[name] = stand_in
        added.append((name, stand_in))
    try:
        yield
    finally:
        for module_name, module in added:  # later imports get the real module
            if sys.modules.get(module_name) is module:
                del sys.modules[module_name]


def load() -> Any:
    """Import WeasyPrint (once per process) and return the module."""
    if "weasyprint" not in sys.modules:
        from genreport.pdf.weasy.user_agent import deferred_builtin_sheets

        with (
            _when("library-lookup", _quick_library_lookup),
            _when("lazy-fonttools", _fonttools_on_demand),
            _when("own-ua-sheet", deferred_builtin_sheets),
        ):
            import weasyprint  # noqa: F401
    weasyprint = sys.modules["weasyprint"]
    # The writing change applies even where something else imported WeasyPrint first.
    import pydyf

    if speed.on("page-references") and not isinstance(
        pydyf.PDF.__dict__.get("page_references"), _RememberedPageReferences
    ):
        pydyf.PDF.page_references = _RememberedPageReferences()
    return weasyprint


def _when(trick: str, patch: Callable[[], AbstractContextManager[None]]) -> AbstractContextManager[None]:
    """The patch while WeasyPrint imports, unless speed.py switches the trick off."""
    return patch() if speed.on(trick) else nullcontext()


class _RememberedPageReferences:
    """pydyf's `PDF.page_references`, made once per page count instead of on every read.

    pydyf builds the tuple of every page's reference each time it is read, and WeasyPrint's
    PDF/UA tagging reads it once per tagged element: quadratic in the pages (0.48 s of a
    200-page report's tagging). The tuple depends only on the page list, which only grows
    while the pages are written: it is remade when the count changes. The bytes are the same.
    """

    def __get__(self, pdf: Any, owner: Any = None) -> Any:
        if pdf is None:
            return self
        kids = pdf.pages["Kids"]
        remembered = pdf.__dict__.get("_genreport_page_references")
        if remembered is None or remembered[0] != len(kids):
            references = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
            remembered = (len(kids), references)
            pdf.__dict__["_genreport_page_references"] = remembered
        return remembered[1]


@per_file_version(maxsize=8)
def stylesheet(path: Path) -> Any:
    """The parsed print stylesheet, kept until the file changes (its text: resources.read_stylesheet)."""
    weasyprint = load()
    from genreport.pdf.fetcher import RestrictedFetcher

    # The print sheets hold no @font-face (fonts/faces.py writes those per document), so no font
    # configuration is needed to parse them and one parse serves every render.
    fetcher = RestrictedFetcher([path.parent])
    # base_url: the file, as CSS(filename=...) would have it (WeasyPrint turns the path into its URL)
    sheet = weasyprint.CSS(string=read_stylesheet(path), base_url=str(path), url_fetcher=fetcher)
    if fetcher.refused:
        from genreport.errors import RenderError, Text

        urls = ", ".join(fetcher.refused)
        raise RenderError(
            Text(
                f"样式表引用了不允许读取的地址：{urls}",
                f"the stylesheet refers to addresses a build never reads: {urls}",
            )
        )
    return sheet


@contextmanager
def collect_warnings() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings while the block runs, so they reach the caller instead of stderr."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = Collect(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def raise_font_problems(messages: list[str]) -> None:
    """RenderError when an @font-face could not load: a font the stylesheet asked for was not used."""
    from genreport.errors import RenderError, Text

    problems = [m for m in messages if m.startswith("Font-face")]
    if problems:
        raise RenderError(Text("字体加载失败：" + "；".join(problems), "fonts failed to load: " + "; ".join(problems)))
