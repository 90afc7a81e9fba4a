"""A zh-CN report's body planned as pages: blocks read, rows made, pages broken; the rest named for WeasyPrint.

plan() is the whole placing in one call: None (and the reason, logged) when the report has
anything the placing does not set, so that WeasyPrint lays it out as a whole.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html import escape

from genreport.pdf.compose.document import Composition
from genreport.pdf.direct import blocks
from genreport.pdf.direct.faces import DirectFonts, RoleFaces
from genreport.pdf.direct.pages import PagePlan, RowMaker, geometry, paginate

LOGGER = logging.getLogger("genreport.pdf")
_BODY_OPEN = re.compile(r"<body[^>]*>")


@dataclass(frozen=True)
class BodyPlan:
    pages: list[PagePlan]
    area_top: float  # pt from the page top to the first grid line's top
    faces: dict[str, RoleFaces]
    tail_html: str  # the 附件 and 版记 for WeasyPrint ('' when there are none)
    tail_first_page: int  # the page number the tail starts on
    blank_before_tail: bool  # an unnumbered blank page so that the 版记 falls on an even page
    song_dash: float  # the page number face's dash centre above the baseline, in em
    draft_mark: str | None  # a draft's 征求意见稿, at the head of every page


def plan(html: str, composition: Composition, fonts: DirectFonts) -> BodyPlan | None:
    """The body pages of `html` (the composition's print HTML), or None when it must go to WeasyPrint."""
    if not {"fangsong", "hei", "kai", "xiaobiaosong", "song"} <= set(fonts.faces):
        LOGGER.debug("direct body pages: a role without a font")
        return None
    role_faces = {key: RoleFaces(value) for key, value in fonts.faces.items()}
    try:
        body = blocks.read(html, fonts.plain_bold)
        geo = geometry(role_faces)
        pages = paginate(RowMaker(role_faces, composition, geo).rows(body.blocks))
    except blocks.Unsupported as why:
        LOGGER.debug("direct body pages: %s; WeasyPrint lays the report out", why)
        return None
    tail = html[body.tail_start :] if body.tail_start < len(html) else ""
    tail_html = ""
    next_number = len(pages) + 1
    blank = False
    if tail:
        opened = _BODY_OPEN.search(html)
        assert opened is not None  # read() found the body
        mark = f'<p class="draft-mark">{escape(body.draft_mark)}</p>' if body.draft_mark is not None else ""
        tail_html = html[: opened.end()] + mark + tail  # a draft's pages all carry the mark
        blank = tail.startswith("<footer") and next_number % 2 == 1  # the 版记 goes on an even page
    from genreport.pdf.gridfit import metrics_of

    dash = metrics_of(role_faces["song"].faces[0].path)[2] or 0.0
    return BodyPlan(pages, geo.area_top, role_faces, tail_html, next_number + blank, blank, dash, body.draft_mark)
