"""genreport's own user-agent stylesheet for WeasyPrint, and WeasyPrint's own ones left unparsed.

WeasyPrint parses its HTML user-agent sheets (html5_ua.css, the forms sheet and the
presentational hints, 21 KB of CSS) when it is imported: ~55 ms of every fresh process. Then
every element of every render is matched against their 250 rules: ~40 ms of a 24-page layout
(both measured on bench/'s report). genreport's HTML uses a known set of elements, and
styles/print-ua.css gives those the same defaults in 70 rules.

`deferred_builtin_sheets()` wraps WeasyPrint's import so that its module-level `CSS(...)` calls
in weasyprint/html.py return `DeferredCSS` objects, parsed on first use. WeasyPrint's own
`HTML` still works as before: its counter styles (filled in as a side effect of parsing
html5_ua.css) are made ready before it reads them. `PrintHTML` is WeasyPrint's `HTML` laid out
with print-ua.css instead; genreport's PDFs are rendered with it.

Private WeasyPrint names are used (`HTML._ua_stylesheets`, `_ua_counter_style`, the module
globals of weasyprint/html.py); `check_internals()` says when they change, and
tests/test_user_agent.py calls it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

UA_SHEET = "print-ua.css"
_DEFERRED_NAMES = ("UA_STYLESHEET", "UA_FORM_STYLESHEET", "PH_STYLESHEET")


class UserAgentError(RuntimeError):
    """WeasyPrint's internals no longer look like the ones this module was written for."""


class DeferredCSS:
    """A WeasyPrint `CSS(...)` made on first use: attribute reads parse it, then pass through."""

    def __init__(self, make: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self._make, self._args, self._kwargs = make, args, kwargs
        self._sheet: Any = None

    def materialize(self) -> Any:
        if self._sheet is None:
            self._sheet = self._make(*self._args, **self._kwargs)
        return self._sheet

    def __getattr__(self, name: str) -> Any:  # only called for names this object does not have
        return getattr(self.materialize(), name)


class _DeferWhileImporting(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds weasyprint.html as usual, but runs it with the package's `CSS` replaced by DeferredCSS."""

    NAME = "weasyprint.html"

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != self.NAME:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        self._real = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: Any) -> Any:
        return self._real.create_module(spec)

    def exec_module(self, module: Any) -> None:
        package: Any = sys.modules["weasyprint"]
        real_css = package.CSS
        package.CSS = lambda *args, **kwargs: DeferredCSS(real_css, args, kwargs)
        try:
            self._real.exec_module(module)
        finally:
            package.CSS = real_css


@contextmanager
def deferred_builtin_sheets() -> Iterator[None]:
    """Import WeasyPrint inside this block to leave its user-agent sheets unparsed until used."""
    if "weasyprint.html" in sys.modules:
        yield
        return
    finder = _DeferWhileImporting()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
    _ready_counter_styles_first()


def _ready_counter_styles_first() -> None:
    """WeasyPrint's HTML reads its counter styles before its sheets: parse html5_ua.css before that."""
    import weasyprint

    sheet = getattr(weasyprint, "UA_STYLESHEET", None)
    if not isinstance(sheet, DeferredCSS) or getattr(weasyprint.HTML, "_genreport_ready", False):
        return
    original = weasyprint.HTML._ua_counter_style

    def _ua_counter_style(self: Any) -> Any:
        sheet.materialize()
        return original(self)

    weasyprint.HTML._ua_counter_style = _ua_counter_style
    weasyprint.HTML._genreport_ready = True


def check_internals() -> None:
    """Raise UserAgentError unless the WeasyPrint names this module relies on are still there."""
    import weasyprint
    from weasyprint import html

    problems = [
        f"weasyprint.html.{name} is gone" for name in (*_DEFERRED_NAMES, "UA_COUNTER_STYLE") if not hasattr(html, name)
    ]
    for method, params in (("_ua_stylesheets", ["self", "forms"]), ("_ua_counter_style", ["self"])):
        function = getattr(weasyprint.HTML, method, None)
        if function is None:
            problems.append(f"HTML.{method} is gone")
        elif list(inspect.signature(function).parameters) != params:
            problems.append(f"HTML.{method}{tuple(inspect.signature(function).parameters)} != {tuple(params)}")
    if problems:
        raise UserAgentError("user_agent cannot replace WeasyPrint's stylesheets: " + "; ".join(problems))


@lru_cache(maxsize=1)
def _sheet_and_counters() -> tuple[Any, Any]:
    import weasyprint
    from weasyprint.css.counters import CounterStyle

    from genreport.resources import styles_dir

    counters = CounterStyle()
    sheet = weasyprint.CSS(filename=str(styles_dir() / UA_SHEET), counter_style=counters)
    return sheet, counters


@lru_cache(maxsize=1)
def print_html_class() -> Any:
    """WeasyPrint's HTML, laid out with styles/print-ua.css as its user-agent stylesheet."""
    import weasyprint

    from genreport import speed

    if not speed.on("own-ua-sheet"):
        return weasyprint.HTML
    check_internals()

    class PrintHTML(weasyprint.HTML):  # type: ignore[misc]
        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [_sheet_and_counters()[0]]

        def _ua_counter_style(self) -> list[Any]:
            return [_sheet_and_counters()[1].copy()]

    return PrintHTML
