"""Document -> report.md: clean and stable for diffing between years (one paragraph per line,
one blank line between blocks, no trailing spaces, one final newline)."""

from __future__ import annotations

import re

from genreport.render.document import Document
from genreport.render.env import render_template


def render_markdown(doc: Document) -> str:
    text = render_template(doc, "report.md.j2")
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
