"""The private names genreport's patches rely on, listed once and checked by one function.

| module          | what it patches, and why                                                  |
|-----------------|---------------------------------------------------------------------------|
| engine.py       | quick library look-up (ctypes), fontTools' subsetter loaded on demand,     |
|                 | pydyf's page references remembered per page count                        |
| cjk_justify.py  | CJK justification on the 22 × 28 grid (WeasyPrint's inline layout)         |
| user_agent.py   | styles/print-ua.css instead of WeasyPrint's user-agent sheets             |
| fontconfig.py   | an isolated fontconfig configuration inside WeasyPrint's FontConfiguration |
| process.py      | a quick exit (CPython's atexit runner, then os._exit)                     |
"""

from __future__ import annotations

import importlib
import inspect

# (dotted object path, the patch that uses it). An attribute of an instance is checked in the
# source of the class that sets it, as "module.Class:attribute".
RELIED_ON: tuple[tuple[str, str], ...] = (
    ("ctypes.util.find_library", "engine: answered from one ldconfig listing"),
    ("pydyf.PDF.page_references", "engine: remembered per page count"),
    ("weasyprint.text.ffi.harfbuzz_subset", "engine: whether HarfBuzz subsets"),
    ("weasyprint.layout.inline.justify_line", "cjk_justify"),
    ("weasyprint.layout.inline.count_expandable_spaces", "cjk_justify"),
    ("weasyprint.text.line_break.create_layout", "cjk_justify"),
    ("weasyprint.text.line_break.Layout.set_text", "cjk_justify"),
    ("weasyprint.html.UA_COUNTER_STYLE", "user_agent"),
    ("weasyprint.HTML._ua_stylesheets", "user_agent"),
    ("weasyprint.HTML._ua_counter_style", "user_agent"),
    ("weasyprint.text.ffi.fontconfig.FcConfigParseAndLoadFromMemory", "fontconfig"),
    ("weasyprint.text.ffi.fontconfig.FcConfigDestroy", "fontconfig"),
    ("weasyprint.text.ffi.pangoft2.pango_fc_font_map_set_config", "fontconfig"),
    ("weasyprint.text.fonts.FontConfiguration:_config", "fontconfig: the isolated configuration"),
    ("weasyprint.text.fonts.FontConfiguration:_folder", "fontconfig: its temporary font folder"),
    ("weasyprint.text.fonts.FontConfiguration:font_map", "fontconfig"),
    (
        "weasyprint.document.Page:_page_box",
        "agreement: pdf/compose/agreement.py compares the laid-out lines with the composer's",
    ),
    ("atexit._run_exitfuncs", "process: the quick exit"),
    ("os._exit", "process: the quick exit"),
)


def _resolve(dotted: str) -> object:
    """Import the longest importable prefix of `dotted`, then follow attributes; AttributeError/ImportError if gone."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            value = getattr(value, name)
        return value
    raise ImportError(dotted)


def _missing(entry: str) -> str | None:
    target, _, attribute = entry.partition(":")
    try:
        value = _resolve(target)
    except (ImportError, AttributeError):
        return f"{target} is gone"
    if attribute and f"self.{attribute} =" not in inspect.getsource(value):  # type: ignore[arg-type]
        return f"{target} no longer sets self.{attribute}"
    return None


def check_internals() -> list[str]:
    """What no longer holds, as sentences ([] when every patch still fits this WeasyPrint)."""
    from genreport.pdf.weasy import cjk_justify, engine, user_agent

    engine.load()  # the patched import, as a build does it
    problems = [problem for entry, _ in RELIED_ON if (problem := _missing(entry))]
    for check in (cjk_justify.check_internals, user_agent.check_internals):  # names and signatures
        try:
            check()
        except RuntimeError as error:
            problems.append(str(error))
    return problems
