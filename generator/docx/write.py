"""render_docx: Document -> .docx bytes. Assembles the package from the other modules."""

from __future__ import annotations

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from genreport.docx import markdown as md
from genreport.docx.body import IMPRINT_SLACK, IMPRINT_TAIL, Body
from genreport.docx.chart import add_chart
from genreport.docx.numbering import Numbering
from genreport.docx.package import app_properties, deterministic, drop_thumbnail, set_properties
from genreport.docx.page import A4_H, EN, MM, ZH, draft_header, empty_footer, folio, section_properties, twips
from genreport.docx.styles import font_table_xml, styles_xml
from genreport.docx.xml import el
from genreport.render.document import Document

IMPRINT_BOTTOM_MM = 262.0  # GB/T 9704 §7.4: the last rule on the text block's bottom edge


def render_docx(doc: Document) -> bytes:
    zh = doc.locale == "zh-CN"
    page = ZH if zh else EN
    out = docx.Document()
    part = out.part
    drop_thumbnail(out)
    numbering = Numbering(doc.locale)

    def link(url: str) -> str:
        return part.relate_to(url, RT.HYPERLINK, is_external=True)

    ctx = md.Context(doc.locale, link, numbering.new, page.text_width)
    writer = Body(doc, ctx, page)
    body = part.element.body
    for child in list(body):
        body.remove(child)

    footers = {}
    for kind, side in (("default", "odd"), ("even", "even")):
        footer_part, rid = part.add_footer_part()  # type: ignore[no-untyped-call]  # python-docx leaves it unannotated
        _fill(footer_part.element, folio(doc.locale, side))
        footers[kind] = rid
    headers = {}
    if doc.draft:
        for kind in ("default", "even"):
            header_part, rid = part.add_header_part()  # type: ignore[no-untyped-call]  # python-docx leaves it unannotated
            _fill(header_part.element, draft_header(doc.labels.draft, doc.locale))
            headers[kind] = rid

    body.extend(writer.main())
    add_chart(doc, part, body, page.text_width / MM)  # the PDF's chart, as pictures (docx/chart.py)
    # the 版记 section's text block ends under the last rule by what follows the table
    bottom = (A4_H - twips(IMPRINT_BOTTOM_MM) - IMPRINT_TAIL - IMPRINT_SLACK) if zh else page.bottom
    imprint = writer.imprint(A4_H - page.top - bottom)
    if imprint:
        _end_section(body, section_properties(page, footers, headers))
        body.extend(imprint)
        blank = {}
        for kind in ("default", "even"):
            footer_part, rid = part.add_footer_part()  # type: ignore[no-untyped-call]  # python-docx leaves it unannotated
            _fill(footer_part.element, empty_footer())
            blank[kind] = rid
        body.append(section_properties(page, blank, headers, even_page=True, bottom=bottom, grid=False))
    else:
        body.append(section_properties(page, footers, headers))

    styles = out.styles.element
    for child in list(styles):
        styles.remove(child)
    for child in styles_xml(doc.locale):
        styles.append(child)
    numbering.fill(part.numbering_part.element)
    settings = out.settings.element
    out.settings.odd_and_even_pages_header_footer = True
    _settings(settings, doc.locale)
    for rid, rel in list(part.rels.items()):
        if rel.reltype == RT.FONT_TABLE:  # a plain Part: python-docx keeps its bytes in _blob
            rel.target_part._blob = font_table_xml(doc.locale)
        elif rel.reltype.endswith("/stylesWithEffects"):  # Word 2010's copy of the template's styles
            part.rels.pop(rid)
    set_properties(out, doc)
    for rel in out.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_properties()
    buffer = io.BytesIO()
    out.save(buffer)
    return deterministic(buffer.getvalue())


def _end_section(body: etree._Element, sect: etree._Element) -> None:
    """Close the section with the last paragraph (a paragraph of its own after a table)."""
    last = body[-1] if len(body) else None
    if last is None or etree.QName(last).localname != "p":
        last = el("w:p", None, el("w:pPr"))
        body.append(last)
    props = last.find(el("w:pPr").tag)
    if props is None:
        props = el("w:pPr")
        last.insert(0, props)
    props.append(sect)


def _fill(root: etree._Element, paragraph: etree._Element) -> None:
    for child in list(root):
        root.remove(child)
    root.append(paragraph)


def _settings(settings: etree._Element, locale: str) -> None:
    """zh-CN everywhere (the proofing language, the theme's East Asian font language); no rsids, no
    preview picture; Word 2013+ layout (compatibilityMode 15: no "compatibility mode" in the title bar)."""
    for child in list(settings):
        tag = etree.QName(child).localname
        if tag in ("rsids", "attachedTemplate", "proofState", "savePreviewPicture"):
            settings.remove(child)
        if tag == "compat":
            for setting in child:
                if setting.get(qn("w:name")) == "compatibilityMode":
                    setting.set(qn("w:val"), "15")
        if tag == "themeFontLang":
            child.set(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val",
                "zh-CN" if locale == "zh-CN" else "en-GB",
            )
            child.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "zh-CN")
