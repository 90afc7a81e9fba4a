"""The one Jinja environment factory.

A kind's templates are found through the kind's own folder first, then templates/_common:
`FileSystemLoader([kind.directory, templates/_common])`. A kind overrides any shared template
by shipping a file of the same name, and adds a section template as `sections/<key>.<fmt>.j2`;
no Python changes. Undefined names are errors (StrictUndefined); HTML templates (*.html.j2)
autoescape, Markdown templates do not (their text goes through the `md`/`plain` filters).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, StrictUndefined, TemplateSyntaxError

from genreport.errors import GenreportError, RenderError, Text
from genreport.render import chart, indicators, markdown, numbering, points, sandbox, titles
from genreport.render.document import Document
from genreport.resources import templates_dir

COMMON = "_common"


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith(".html.j2")


def title_lines(doc: Document) -> list[str]:
    return titles.balanced_lines(doc.title, doc.issuer_names, doc.locale)


def balanced(text: str, doc: Document) -> list[str]:
    """Any other long title (an attachment's) in balanced lines: never one long line and a stub."""
    return titles.balanced_lines(text, doc.issuer_names, doc.locale)


FILTERS: dict[str, Any] = {
    **numbering.FILTERS,
    **points.FILTERS,  # point_prefix: no 一是 / First, for a lone point
    "markdown": markdown.to_html,  # Markdown field -> sanitised HTML (Markup)
    "markdown_split": markdown.to_html_split,  # -> (first paragraph inline, remaining blocks)
    "md": markdown.to_markdown,  # Markdown field -> inert Markdown for report.md
    "plain": markdown.plain_markdown,  # plain-text field -> one safe Markdown line
    "title_lines": title_lines,
    "balanced": balanced,
    "indicator_rows": indicators.table_rows,
    "indicator_chart": chart.chart,
    "indicator_label": indicators.label_html,
    "indicator_change": indicators.change_html,
    "indicator_headings": indicators.table_headings,
    "indicator_columns": indicators.table_columns,
}


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept under <cache root>/jinja: a fresh process skips compiling them (~80 ms
    for the report's HTML and Markdown). Entries are keyed by the template's source, so an edited
    template compiles again; a cache folder that cannot be made just means compiling every time."""
    from genreport.resources import cache_root

    return sandbox.bytecode_cache(cache_root() / "jinja")  # private (0700) or none: it is executed on load


@lru_cache(maxsize=16)
def environment(kind_dir: Path) -> Environment:
    """The environment for one kind's folder (cached: templates compile once per process)."""
    env = sandbox.make_environment(  # kinds are data: every template runs in the sandbox
        sandbox.ConfinedLoader([str(kind_dir), str(templates_dir() / COMMON)]),
        undefined=StrictUndefined,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(FILTERS)
    return env


def _template_place(exc: BaseException) -> str | None:
    """file:line of the innermost template frame in a Jinja traceback."""
    place = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            place = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        place = f"{exc.filename}:{exc.lineno}"
    return place


def render_template(doc: Document, name: str, **context: object) -> str:
    """Render a kind's template with the document, as a RenderError naming the template on failure."""
    try:
        template = environment(doc.kind.directory).get_template(name)
        return sandbox.with_budget(lambda: template.render(doc=doc, **context))
    except GenreportError:
        raise
    except Exception as exc:  # a kind's template is data: its TypeError or RecursionError is the kind's fault
        where = _template_place(exc) or name
        raise RenderError(Text(f"模板 {where} 出错：{exc}", f"template {where} failed: {exc}")) from exc
