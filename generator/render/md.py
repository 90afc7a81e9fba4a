"""Document -> report.md: clean and stable for diffing between years (one paragraph per line,
one blank line between blocks, no trailing spaces, one final newline)."""

from __future__ import annotations

import re

from genreport.errors import RenderError, Text
from genreport.render import md_safety
from genreport.render.document import Document
from genreport.render.env import render_template


def render_markdown(doc: Document) -> str:
    text = render_template(doc, "report.md.j2")
    lines = [line.rstrip() for line in text.splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    bad = md_safety.bad_links(text)  # the fields are made safe one by one; this is the whole document
    if bad:
        raise RenderError(
            Text(
                f"report.md 中有不允许的链接：{bad[0][:80]}",
                f"report.md would carry a link that is not allowed: {bad[0][:80]}",
            )
        )
    return text
