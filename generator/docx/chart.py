"""The indicators' chart in the .docx, as pictures: Word reviewers see what the PDF shows.

The PDF's chart is inline SVG (render/chart.py), which python-docx cannot place and Word 2013 and
WPS do not all read; so each panel of the same geometry is drawn here with Pillow into a PNG (in
the font the chart's role resolved to, as in the PDF) and placed after the indicators table, one
picture a panel under the chart's title, each as wide as the text block, so that a panel fits a
page as it does in the PDF. The same input gives the same bytes (Pillow writes no timestamp).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from genreport.docx.xml import el, paragraph, run, val
from genreport.fonts.notes import CHART_ROLES
from genreport.fonts.roles import font_setup
from genreport.render.chart import BAR_HEIGHT, Chart, Panel, chart
from genreport.render.document import Document
from genreport.resources import print_stylesheet

SCALE = 3  # pixels per viewBox unit: 1260 px across 156 mm, about 205 dpi
FONT_SIZE = 13  # the SVG's font-size, in viewBox units
BLACK, GREY = 0x1A, 0xA6  # the SVG's #1a1a1a and #a6a6a6; the picture is greyscale, as the documents print


def _font_file(locale: str) -> tuple[Path, int] | None:
    """The file of the font the chart's role resolved to (黑体; en: the sans role), as in the PDF."""
    setup = font_setup(print_stylesheet("zh-CN" if locale == "zh-CN" else "en"))
    for key in (*CHART_ROLES, setup.body.role.key if setup.resolved else ""):
        resolved = setup.role(key)
        if resolved is not None and resolved.face is not None:
            return resolved.face.path, resolved.face.index
    return None


def panel_png(figure: Chart, panel: Panel, locale: str) -> bytes:
    """One panel drawn as the SVG draws it: legend, unit captions, labels, bars and their figures."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (figure.width * SCALE, panel.height * SCALE), 255)
    draw = ImageDraw.Draw(image)
    found = _font_file(locale)
    font: Any = ImageFont.load_default()
    if found:
        font = ImageFont.truetype(str(found[0]), FONT_SIZE * SCALE, index=found[1])

    def text(x: float, y: float, words: str) -> None:
        draw.text((x * SCALE, y * SCALE), words, fill=BLACK, font=font, anchor="ls")  # y is the baseline, as in SVG

    def box(x: float, y: float, width: float, height: float, colour: int) -> None:
        draw.rectangle([x * SCALE, y * SCALE, (x + width) * SCALE - 1, (y + height) * SCALE - 1], fill=colour)

    box(0, 4, 12, 12, BLACK)
    text(18, 15, figure.current_year)
    box(110, 4, 12, 12, GREY)
    text(128, 15, figure.previous_year)
    for caption in panel.captions:
        text(0, float(caption.y), caption.text)
    for row in panel.rows:
        text(0, float(row.label_y), row.label)
        for bar, colour in ((row.current, BLACK), (row.previous, GREY)):
            box(0, float(bar.y), float(bar.width), BAR_HEIGHT, colour)
            text(float(bar.text_x), float(bar.text_y), bar.text)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=3)
    return out.getvalue()


def chart_paragraphs(doc: Document, part: Any, text_width_mm: float) -> list[etree._Element]:
    """The chart's title and picture per panel (the title repeated, （续）, on the next), or nothing."""
    figure = chart(doc)
    if figure is None:
        return []
    zh = doc.locale == "zh-CN"
    out = []
    for panel in figure.panels:
        title = figure.title + (("（续）" if zh else " (continued)") if panel.continued else "")
        # the title keeps with its picture: never alone at a page foot
        space = el("w:spacing", {"before": 240, "after": 120})
        out.append(paragraph("TableHeading", [run(title)], val("w:jc", "center"), el("w:keepNext"), space))
        width = Mm(text_width_mm)
        height = Mm(text_width_mm * panel.height / figure.width)
        inline = part.new_pic_inline(io.BytesIO(panel_png(figure, panel, doc.locale)), width=width, height=height)
        drawing = el("w:drawing")
        drawing.append(inline)
        picture = el("w:r")
        picture.append(drawing)
        # an exact line height (the grid's) would clip the picture to one line: "auto" takes its height
        spacing = el("w:spacing", {"line": 240, "lineRule": "auto", "before": 0, "after": 0})
        out.append(paragraph("TableText", [picture], val("w:jc", "center"), val("w:snapToGrid", 0), spacing))
    return out


def add_chart(doc: Document, part: Any, body: etree._Element, text_width_mm: float) -> None:
    """Put the chart after the indicators table: the first table after the first 附件 title (the
    indicators are attachment 1 whenever there are any: render/attachments.py)."""
    if not doc.report.indicators:
        return
    titles = [p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
              and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "AttachmentTitle"]  # fmt: skip
    if not titles:
        return
    table = titles[0].getnext()
    while table is not None and table.tag != qn("w:tbl"):
        table = table.getnext()
    if table is None:
        return
    for node in reversed(chart_paragraphs(doc, part, text_width_mm)):
        table.addnext(node)
