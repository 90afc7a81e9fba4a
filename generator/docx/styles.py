"""Named paragraph and character styles, and the font table that names the official fonts.

A clerk who edits the .docx picks 一级标题 or 署名 from Word's style list and keeps the look;
nothing is formatted by hand in the body (the writers only add a paragraph's own indents).

Fonts (zh-CN): each style names the font GB/T 9704 practice means, in w:eastAsia and in the
Latin slots too (digits and “”—… then come from the same face and keep the grid):
仿宋_GB2312 (body), 方正小标宋简体 (title), 黑体, 楷体_GB2312, 宋体 (page numbers). The font table
gives each an w:altName, the font Windows itself ships in the same style, which Word and WPS use
on a machine without the official one: 仿宋 (FangSong), 华文中宋 (STZhongsong, installed with
Office: a heavy Song like 小标宋), 楷体 (KaiTi), SimHei, SimSun. On Linux, LibreOffice asks
fontconfig; the tests map the official names to the same open fonts as the PDF's stylesheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from genreport.docx.page import CELL, PITCH
from genreport.docx.xml import W_NS, el, ppr, rpr, val

FANGSONG, XIAOBIAOSONG, HEI, KAI, SONG = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"
# name -> (w:altName, panose, GB2312 charset, family, pitch)
FONT_TABLE = {
    FANGSONG: ("仿宋", "02010609030101010101", "86", "modern", "fixed"),
    XIAOBIAOSONG: ("华文中宋", "02010600030101010101", "86", "auto", "variable"),
    HEI: ("SimHei", "02010609060101010101", "86", "modern", "fixed"),
    KAI: ("楷体", "02010609030101010101", "86", "modern", "fixed"),
    SONG: ("SimSun", "02010600030101010101", "86", "auto", "variable"),
}
EN_SERIF, EN_SANS = "Noto Serif", "Noto Sans"
# en: hanzi in the text (a document number 左政发〔2024〕2号, a county's name) in the w:eastAsia slot,
# from the CJK face a4.css ends each role's stack with (not whatever CJK font the system picks)
EN_CJK = {EN_SERIF: "Noto Serif CJK SC", EN_SANS: "Noto Sans CJK SC"}
EN_FONT_TABLE = {
    EN_SERIF: ("Times New Roman", "02020600060500020200", "00", "roman", "variable"),
    EN_SANS: ("Arial", "020B0502040504020204", "00", "swiss", "variable"),
    EN_CJK[EN_SERIF]: ("SimSun", "02020400000000000000", "86", "roman", "variable"),
    EN_CJK[EN_SANS]: ("Microsoft YaHei", "020B0500000000000000", "86", "swiss", "variable"),
}
INDENT_2 = round(2 * CELL)  # 632 twips: two characters of the grid
# The body does not snap to the document grid (w:snapToGrid 0) but sets the grid's pitches itself:
# exact 29 pt lines and -0.3 pt between characters (28 x 15.7 pt in the 156 mm line). LibreOffice
# 7.4 snaps each character to whole grid cells, so a 16 pt character would take two 15.79 pt cells
# (14 a line); this way Word, WPS and LibreOffice all set 22 x 28, and the section still carries
# the 22 x 28 grid that Word's page set-up shows and that new text typed in a grid style uses.
CONDENSE = -6  # twentieths of a point
# (LibreOffice rounds the grid's pitch to 15.75 pt and narrows the line to 28 of those, 441 pt, where
# 28 characters of 15.75 pt do not fit: hence 0.3 pt, not 0.21.)


@dataclass(frozen=True)
class Style:
    id: str
    name: str
    kind: str = "paragraph"
    based_on: str | None = "Normal"
    font: str | None = None
    size: float | None = None  # pt
    bold: bool = False
    italic: bool = False
    colour: str | None = None
    spacing: int | None = None  # w:spacing, twentieths of a point between characters
    underline: bool = False
    position: int | None = None  # w:position, half-points the baseline is lowered (negative) or raised
    jc: str | None = None
    indent: dict[str, int] | None = None  # w:ind attributes
    before: int | None = None
    after: int | None = None
    line: int | None = None
    line_rule: str = "exact"
    keep_next: bool = False
    keep_lines: bool = False
    outline: int | None = None
    grid: bool | None = None  # snapToGrid
    widow_control: bool | None = None  # w:widowControl (orphans and widows of 2 lines)
    page_break: bool = False


def _zh_styles() -> list[Style]:
    flush = {"firstLine": 0, "firstLineChars": 0}
    return [
        Style("Normal", "Normal", based_on=None, font=FANGSONG, size=16, spacing=CONDENSE, jc="both", line=PITCH, grid=False,
              indent={"firstLine": INDENT_2, "firstLineChars": 200},
              widow_control=False),  # pages filled to the last line (§5.2.2); a heading's paragraph: body.py
        Style("DocNumber", "发文字号", jc="center", indent=flush, after=PITCH),
        Style("DocTitle", "公文标题", font=XIAOBIAOSONG, size=22, jc="center", indent=flush, keep_next=True, outline=0),
        Style("Recipient", "主送机关", jc="left", indent=flush, before=PITCH),
        Style("Heading1", "一级标题", font=HEI, jc="left", keep_next=True, outline=1),
        Style("Heading2", "二级标题", font=KAI, jc="left", keep_next=True, outline=2),
        Style("Heading3", "三级标题", jc="left", keep_next=True, outline=3),
        Style("Heading4", "四级标题", jc="left", keep_next=True, outline=4),
        Style("ListText", "列表"),
        Style("Missing", "待填写"),
        Style("AttachmentsNote", "附件说明", jc="left", before=PITCH, keep_next=True,
              indent={"left": round(5 * CELL), "hanging": round(3 * CELL)}),
        Style("Signer", "署名", jc="left", indent={"firstLine": 0}, keep_next=True, keep_lines=True),
        Style("SignDate", "成文日期", jc="left", indent={"firstLine": 0}, keep_next=True, keep_lines=True),
        Style("Annotation", "附注", jc="left"),
        Style("AttachmentLabel", "附件标识", font=HEI, jc="left", indent=flush, after=PITCH, page_break=True),
        Style("AttachmentTitle", "附件标题", font=XIAOBIAOSONG, size=22, jc="center", indent=flush, after=PITCH,
              keep_next=True, outline=1),
        Style("TableText", "表格文字", size=14, jc="left", indent=flush, line=392, grid=False),
        Style("TableHeading", "表头", font=HEI, size=14, jc="left", indent=flush, line=392, grid=False),
        Style("Imprint", "版记", size=14, jc="left", indent={"firstLine": 0}, line=PITCH, grid=False),
        Style("Folio", "页码", based_on=None, font=SONG, size=14, line=280, grid=False, indent={"firstLine": 0}),
        Style("DraftMark", "征求意见稿", based_on=None, font=HEI, size=16, colour="CC0000", jc="right", line=320,
              grid=False, indent={"firstLine": 0}),
        Style("Emphasis", "强调", kind="character", based_on=None, font=KAI),
        Style("Strong", "加粗", kind="character", based_on=None, bold=True),
        Style("Hyperlink", "超链接", kind="character", based_on=None, colour="0000FF", underline=True),
    ]  # fmt: skip


def _css_line(size: float, line_height: float) -> int:
    """a4.css's line-height (a multiple of the font size) as an exact Word line, in twips. (Word's and
    LibreOffice's "multiple" spacing multiplies the font's own line height, ~1.36 em for Noto Serif.)"""
    return round(size * line_height * 20)


EN_IMPRINT_LINE = _css_line(10, 1.6)  # the 版记's line, which body.py sizes its rows by


def _en_styles() -> list[Style]:
    return [
        Style("Normal", "Normal", based_on=None, font=EN_SERIF, size=11.5, jc="both", line=_css_line(11.5, 1.45),
              after=115, widow_control=True),  # a4.css: orphans 2, widows 2
        Style("DocNumber", "Document number", size=10.5, jc="right", line=_css_line(10.5, 1.45), after=454),
        Style("DocTitle", "Document title", size=17, bold=True, jc="center", line=_css_line(17, 1.3), after=454,
              keep_next=True, outline=0),
        Style("Recipient", "Recipient", jc="left", after=184),
        Style("Heading1", "Heading level 1", font=EN_SERIF, size=13, bold=True, jc="left", before=286, after=104,
              line=_css_line(13, 1.3), keep_next=True, outline=1),
        Style("Heading2", "Heading level 2", size=11.5, bold=True, italic=True, jc="left", before=184, after=69,
              keep_next=True, outline=2),
        Style("Heading3", "Heading level 3", bold=True, jc="left", keep_next=True, outline=3),
        Style("Heading4", "Heading level 4", italic=True, jc="left", keep_next=True, outline=4),
        Style("ListText", "List text", indent={"left": 345}),
        Style("Missing", "To be completed"),
        Style("AttachmentsNote", "Attachments note", jc="left", before=322, keep_next=True,
              indent={"left": 1495, "hanging": 1495}),
        Style("Signer", "Signature", jc="right", before=0, after=0, keep_next=True, keep_lines=True),
        Style("SignDate", "Date signed", jc="right", keep_next=True, keep_lines=True),
        Style("Annotation", "Annotation", jc="left", before=230),
        Style("AttachmentLabel", "Attachment label", bold=True, jc="left", after=227, page_break=True),
        Style("AttachmentTitle", "Attachment title", size=14, bold=True, jc="center", line=_css_line(14, 1.3), after=340,
              keep_next=True, outline=1),
        Style("TableText", "Table text", size=10, jc="left", line=_css_line(10, 1.3), after=0),
        Style("TableHeading", "Table heading", size=10, bold=True, jc="left", line=_css_line(10, 1.3), after=0),
        Style("Imprint", "Imprint", size=10, jc="left", line=EN_IMPRINT_LINE, after=0),
        Style("Folio", "Page number", based_on=None, size=10, jc="center"),
        Style("DraftMark", "Draft mark", based_on=None, font=EN_SANS, size=11, bold=True, colour="CC0000", jc="right"),
        Style("Emphasis", "Emphasis", kind="character", based_on=None, italic=True),
        Style("Strong", "Strong", kind="character", based_on=None, bold=True),
        Style("Hyperlink", "Hyperlink", kind="character", based_on=None, colour="0000FF", underline=True),
    ]  # fmt: skip


def _fonts(name: str) -> etree._Element:
    return el("w:rFonts", {"ascii": name, "hAnsi": name, "eastAsia": EN_CJK.get(name, name), "cs": name})


def _style_element(s: Style) -> etree._Element:
    node = el("w:style", {"type": s.kind, "styleId": s.id, **({"default": 1} if s.id == "Normal" else {}),
                          **({"customStyle": 1} if s.id not in ("Normal", "Hyperlink", "Strong", "Emphasis") else {})})  # fmt: skip
    node.append(val("w:name", s.name))
    if s.based_on:
        node.append(val("w:basedOn", s.based_on))
    node.append(el("w:qFormat"))
    if s.kind == "paragraph":
        p = []
        if s.keep_next:
            p.append(el("w:keepNext"))
        if s.keep_lines:
            p.append(el("w:keepLines"))
        if s.page_break:
            p.append(el("w:pageBreakBefore"))
        if s.widow_control is not None:
            p.append(val("w:widowControl", int(s.widow_control)))
        if s.id == "Normal":
            p.append(val("w:overflowPunct", 0))  # no punctuation hanging past the 156 mm line
            p.append(val("w:autoSpaceDE", 0))  # no extra space between hanzi and Latin letters or digits:
            p.append(val("w:autoSpaceDN", 0))  # it would push characters off the grid (2024年1月16日)
            p.append(val("w:adjustRightInd", 0))  # the line is the text block's 156 mm, not a whole-cell width
        if s.grid is not None:
            p.append(val("w:snapToGrid", int(s.grid)))
        spacing: dict[str, object] = {}
        if s.before is not None:
            spacing["before"] = s.before
        if s.after is not None:
            spacing["after"] = s.after
        if s.line is not None:
            spacing.update(line=s.line, lineRule=s.line_rule)
        if spacing:
            p.append(el("w:spacing", spacing))
        if s.indent is not None:
            p.append(el("w:ind", s.indent))
        if s.jc:
            p.append(val("w:jc", s.jc))
        if s.outline is not None:
            p.append(val("w:outlineLvl", s.outline))
        node.append(ppr(None, *p))
    r = []
    if s.font:
        r.append(_fonts(s.font))
    if s.bold:
        r += [el("w:b"), el("w:bCs")]
    if s.italic:
        r += [el("w:i"), el("w:iCs")]
    if s.colour:
        r.append(val("w:color", s.colour))
    if s.spacing is not None:
        r.append(val("w:spacing", s.spacing))
    if s.position is not None:
        r.append(val("w:position", s.position))
    if s.underline:
        r.append(val("w:u", "single"))
    if s.size:
        r += [val("w:sz", round(s.size * 2)), val("w:szCs", round(s.size * 2))]
    if r:
        node.append(rpr(*r))
    return node


def styles_xml(locale: str) -> etree._Element:
    """The whole word/styles.xml: document defaults (font, 3号, zh-CN) and the named styles."""
    zh = locale == "zh-CN"
    body, size = (FANGSONG, 16) if zh else (EN_SERIF, 11.5)
    lang = {"val": "zh-CN" if zh else "en-GB", "eastAsia": "zh-CN", "bidi": "ar-SA"}
    defaults = el(
        "w:docDefaults",
        None,
        el(
            "w:rPrDefault",
            None,
            rpr(
                _fonts(body),
                val("w:kern", 0),
                val("w:sz", round(size * 2)),
                val("w:szCs", round(size * 2)),
                el("w:lang", lang),
            ),
        ),  # fmt: skip
        el("w:pPrDefault", None, ppr(None, el("w:spacing", {"after": 0}))),
    )
    root = etree.Element(f"{{{W_NS}}}styles", nsmap={"w": W_NS})
    root.append(defaults)
    root.extend(_style_element(s) for s in (_zh_styles() if zh else _en_styles()))
    table = el(
        "w:style",
        {"type": "table", "styleId": "ReportTable", "customStyle": 1},
        val("w:name", "报告表格" if zh else "Report table"),
    )
    table.append(el("w:tblPr", None, el("w:tblBorders", None, *[
        el(f"w:{side}", {"val": "single", "sz": 6, "space": 0, "color": "000000"})
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    ]), el("w:tblCellMar", None, el("w:left", {"w": 113, "type": "dxa"}), el("w:right", {"w": 113, "type": "dxa"}))))  # fmt: skip
    root.append(table)
    return root


def font_table_xml(locale: str) -> bytes:
    fonts = FONT_TABLE if locale == "zh-CN" else EN_FONT_TABLE
    root = etree.Element(f"{{{W_NS}}}fonts", nsmap={"w": W_NS})
    for name, (alt, panose, charset, family, pitch) in fonts.items():
        root.append(el("w:font", {"name": name}, val("w:altName", alt), val("w:panose1", panose),
                       val("w:charset", charset), val("w:family", family), val("w:pitch", pitch)))  # fmt: skip
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml
