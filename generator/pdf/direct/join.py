"""One WeasyPrint Document of the placed body pages and the pages WeasyPrint lays out after them.

WeasyPrint lays out the 附件 and the 版记 (or, when there are none, an empty document whose page
is dropped): numbered on from the body's last page and starting on the side that number has.
The body pages go in front of its pages; its write_pdf() then writes them all (writer.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from genreport.pdf.compose.document import Composition
from genreport.pdf.direct.body import plan
from genreport.pdf.direct.faces import DirectFonts
from genreport.pdf.direct.pages import PagePlan, Setter
from genreport.pdf.direct.writer import DirectPage, FontSource, draft_mark, folio_runs, install, tail_css

EMPTY = '<html lang="zh-CN"><head><title></title></head><body></body></html>'


def placed_document(
    html: str,
    composition: Composition,
    faces: DirectFonts,
    render: Callable[..., Any],
    font_config: Any,
) -> Any | None:
    """The Document to write, or None when the body has anything the placing does not set.

    `render(html, *css)` lays HTML out with the build's stylesheets and fonts (pdf/layout.py)."""
    body = plan(html, composition, faces)
    if body is None:
        return None
    install()
    if body.tail_html:
        document = render(body.tail_html, tail_css(body.tail_first_page))
        tail_pages = list(document.pages)
    else:
        document, tail_pages = render(EMPTY), []
    setter = Setter(body.faces)
    fonts = FontSource(font_config, body.faces, body.song_dash)
    mark = None
    if body.draft_mark:
        mark = draft_mark(setter, body.draft_mark, body.area_top, body.faces["hei"].faces[0].path)
    pages: list[Any] = [
        DirectPage(page, body.area_top, folio_runs(setter, page.number), fonts, mark) for page in body.pages
    ]
    if body.blank_before_tail:  # the 版记's even page: a blank page first, unnumbered
        pages.append(DirectPage(PagePlan(), body.area_top, (), fonts, mark))
    document.pages = pages + tail_pages
    return document
