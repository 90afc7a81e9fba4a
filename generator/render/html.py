"""Document -> report.html: one self-contained file, the stylesheet inlined, no network request."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup

from genreport.errors import RenderError
from genreport.render.document import Document
from genreport.render.env import render_template
from genreport.resources import per_file_version, read_stylesheet, styles_dir

WEB_STYLESHEET = "web.css"
_FORBIDDEN_CSS = re.compile(r"@import|url\(|</style", re.IGNORECASE)


@per_file_version(maxsize=8)
def _read_css(path: Path) -> str:
    css = read_stylesheet(path).strip()
    if _FORBIDDEN_CSS.search(css):
        raise RenderError(f"{path}: an inlined stylesheet may not use @import or url(): the page must load nothing")
    return css


def stylesheet(names: Sequence[str] = (WEB_STYLESHEET,)) -> Markup:
    """The named stylesheets from styles/, concatenated for a <style> element."""
    parts = []
    for name in names:
        path = styles_dir() / name
        try:
            parts.append(_read_css(path))
        except OSError as exc:
            raise RenderError(f"cannot read stylesheet {path}: {exc.strerror}") from None
    return Markup("\n".join(parts))


def render_html(doc: Document, stylesheets: Sequence[str] = (WEB_STYLESHEET,), chart_family: str | None = None) -> str:
    """The report's HTML; `chart_family` (the PDF's 黑体 role, fonts/notes.chart_family) names the chart's SVG font."""
    text = render_template(doc, "report.html.j2", stylesheet=stylesheet(stylesheets), chart_family=chart_family)
    return re.sub(r"\n{2,}", "\n", text)
