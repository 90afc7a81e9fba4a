"""Render a data file (or text) to report.html / report.md in memory, as `build` would."""

from __future__ import annotations

from pathlib import Path

from genreport.checks import check_file
from genreport.render.document import Document
from genreport.render.html import render_html
from genreport.render.md import render_markdown


def document(path: Path, draft: bool | None = None) -> Document:
    """The Document for a data file; a draft when it has errors, unless `draft` says otherwise."""
    result = check_file(path)
    assert result.report is not None and result.kind is not None, [str(f.message.en) for f in result.findings]
    return Document(result.report, result.kind, draft=bool(result.errors) if draft is None else draft)


def render_both(path: Path, draft: bool | None = None) -> tuple[str, str]:
    doc = document(path, draft)
    return render_html(doc), render_markdown(doc)
