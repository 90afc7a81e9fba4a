"""`genreport init … -f docx`: a fill-in Word form for a clerk who never saw YAML.

The form is the data file `init` would write, laid out for Word or WPS: a table of the title-block
fields, each part under its heading, a prompt (【待填】…, a placeholder `check` catches if it stays)
in each place to fill, last year's 下一年度安排 as the list to report on, and the indicators table
with last year's figures and an empty column for this year. Every place has a style of its own
(FORM_STYLES: ids that never change, names a clerk reads in the style list), and the tables carry
a caption, so `import` reads the form back by its styles, with no guess (importer/form.py). What the
form does not show (the issuer's level, 版记, disclosure fields) rides along as JSON in hidden text
at the end, and comes back as it went.
"""

from __future__ import annotations

import io
import json
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from lxml import etree

from genreport.data.kinds import KindSpec
from genreport.docx.package import deterministic
from genreport.render.numbering import part_number

FORM_MARK = "genreport-form:1"  # the start of the description property: this file is a genreport form
# style id -> (zh name, en name, east-asian font, size in points, bold)
FORM_STYLES = {
    "GRFormTitle": ("表单·标题", "Form title", "方正小标宋简体", 20, False),
    "GRFormNote": ("表单·说明（导入时略去）", "Form note (left out on import)", "宋体", 10.5, False),
    "GRFormPreamble": ("表单·开头段落", "Form preamble", "仿宋_GB2312", 14, False),
    "GRFormPart": ("表单·部分标题（勿改）", "Form part heading (keep)", "黑体", 15, False),
    "GRFormSub": ("表单·小标题", "Form subheading", "楷体_GB2312", 14, False),
    "GRFormText": ("表单·正文", "Form text", "仿宋_GB2312", 14, False),
    "GRFormPoint": ("表单·要点（加粗部分为引导句）", "Form point (bold words: its lead)", "仿宋_GB2312", 14, False),
    "GRFormAttachment": ("表单·附件标题", "Form attachment title", "黑体", 14, False),
}
META_CAPTION, INDICATORS_CAPTION = "genreport:meta", "genreport:indicators"
# field -> (zh label, en label); the meta table's rows, in order
META_FIELDS = {
    "issuer": ("发文机关", "Issuing body"),
    "year": ("报告年度", "Year reported on"),
    "recipient": ("主送机关", "Recipient"),
    "document_number": ("发文字号（可空）", "Document number (may stay empty)"),
    "signed_on": ("成文日期（如 2025年1月16日）", "Date signed (e.g. 2025-01-16)"),
    "title": ("标题（空：用默认标题）", "Title (empty: the default title)"),
}
HIDDEN = ("kind", "locale", "sealed", "public_release", "disclosure", "distribution", "letterhead", "issuer_extra")

_WORDS: dict[str, dict[str, Any]] = {
    "zh-CN": {
        "title": "{year}年法治政府建设年度报告 填写表",
        "how": [
            "在每个“【待填】”处填写，填写时把提示文字换掉；留着的提示在 genreport check 时会报错。",
            "按 Enter 续写同一格式的段落：小标题、要点、正文各有样式（样式列表中的“表单·…”），"
            "要点中加粗的开头一句是引导句。请勿删除或改动部分标题。",
            "填好后：genreport import 本文件.docx -o 数据文件.yaml，再 genreport check 数据文件.yaml。",
        ],
        "preamble": "开头段落",
        "plans": "上年度的安排（逐项在本部分写明落实情况）：",
        "attachments": "附件",
        "indicators": "主要指标（“{year}年”一列填写本年数值；可在表末增加行，标识可空）",
        "columns": ["标识（勿改）", "指标", "单位", "{previous}年", "{year}年"],
        "none": "无",
    },
    "en": {
        "title": "Annual report {year}: fill-in form",
        "how": [
            "Fill in every “TODO” place, replacing the prompt; a prompt left in is an error in genreport check.",
            "Press Enter to continue in the same style (the “Form …” styles: subheading, point, text); "
            "the bold words opening a point are its lead. Do not delete or change the part headings.",
            "Then: genreport import this.docx -o report.yaml, and genreport check report.yaml.",
        ],
        "preamble": "Opening paragraph",
        "plans": "Last year's arrangements (report on each in this part):",
        "attachments": "Attachments",
        "indicators": "Key figures (fill in the “{year}” column; add rows at the end, the key may stay empty)",
        "columns": ["Key (keep)", "Indicator", "Unit", "{previous}", "{year}"],
        "none": "None.",
    },
}


def _styles(document: Any, zh: bool) -> None:
    for style_id, (zh_name, en_name, font, size, bold) in FORM_STYLES.items():
        style = document.styles.add_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        style.element.name_val = zh_name if zh else en_name
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.name = font if zh else None
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = etree.SubElement(rpr, qn("w:rFonts"))
        fonts.set(qn("w:eastAsia"), font)
        if style_id == "GRFormNote":
            style.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        if style_id in ("GRFormPart", "GRFormSub", "GRFormAttachment"):
            style.paragraph_format.space_before = Pt(12)
            style.paragraph_format.keep_with_next = True
        if style_id in ("GRFormText", "GRFormPoint", "GRFormPreamble"):
            style.paragraph_format.first_line_indent = Pt(size * 2)


def _style_of(document: Any, style_id: str) -> Any:
    """A form style by its id (its name is in the report's language)."""
    from docx.styles.style import StyleFactory

    return StyleFactory(document.styles.element.get_by_id(style_id))


def _caption(table: Any, caption: str) -> None:
    props = table._tbl.tblPr
    node = etree.SubElement(props, qn("w:tblCaption"))
    node.set(qn("w:val"), caption)


def _point(document: Any, point: Any) -> None:
    paragraph = document.add_paragraph(style=_style_of(document, "GRFormPoint"))
    if isinstance(point, dict):
        if point.get("lead"):
            paragraph.add_run(str(point["lead"])).bold = True
        paragraph.add_run(str(point.get("text") or ""))
    else:
        paragraph.add_run(str(point))


def _container(document: Any, container: dict[str, Any], locale: str, level: int) -> None:
    for text in str(container.get("intro") or "").split("\n\n"):
        if text.strip():
            document.add_paragraph(text.strip(), style=_style_of(document, "GRFormText"))
    for sub in container.get("subsections") or []:
        document.add_paragraph(str(sub.get("heading") or ""), style=_style_of(document, "GRFormSub"))
        _container(document, sub, locale, level + 1)
    for point in container.get("points") or []:
        _point(document, point)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def render_form(data: dict[str, Any], kind: KindSpec, plans: list[str]) -> bytes:
    """The fill-in .docx for `data` (the dict `init` writes as YAML); `plans`: last year's arrangements."""
    import docx

    locale = str(data.get("locale") or "zh-CN")
    zh = locale == "zh-CN"
    words = _WORDS["zh-CN" if zh else "en"]
    year = int(data.get("year") or 0)
    document = docx.Document()
    _styles(document, zh)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.add_paragraph(words["title"].format(year=year), style=_style_of(document, "GRFormTitle"))
    for line in words["how"]:
        document.add_paragraph(line, style=_style_of(document, "GRFormNote"))

    table = document.add_table(rows=0, cols=2)
    table.style = document.styles["Table Grid"]
    _caption(table, META_CAPTION)
    issuer = data.get("issuer") or {}
    issuers = issuer if isinstance(issuer, list) else [issuer]
    values = {
        "issuer": "、".join(str(i.get("name") or "") for i in issuers)
        if zh
        else "; ".join(str(i.get("name") or "") for i in issuers),
        "year": str(year),
        "recipient": "、".join(data["recipient"])
        if isinstance(data.get("recipient"), list)
        else _plain(data.get("recipient")),
        "document_number": _plain(data.get("document_number")),
        "signed_on": _plain(data.get("signed_on")) or ("【待填】" if zh else "TODO"),
        "title": _plain(data.get("title")),
    }
    for key, labels in META_FIELDS.items():
        cells = table.add_row().cells
        cells[0].text = labels[0] if zh else labels[1]
        cells[1].text = values[key]

    document.add_paragraph(words["preamble"], style=_style_of(document, "GRFormNote"))
    for text in str(data.get("preamble") or "").split("\n\n"):
        document.add_paragraph(text.strip(), style=_style_of(document, "GRFormPreamble"))
    sections = data.get("sections") or {}
    for number, spec in enumerate(kind.sections, start=1):
        section = sections.get(spec.key) or {}
        heading = section.get("heading") or spec.heading(locale)  # type: ignore[arg-type]
        part = document.add_paragraph(
            f"{part_number(number, locale)}{heading}", style=_style_of(document, "GRFormPart")
        )
        start = etree.SubElement(part._p, qn("w:bookmarkStart"))
        start.set(qn("w:id"), str(number))
        start.set(qn("w:name"), f"gr_part_{spec.key}")
        end = etree.SubElement(part._p, qn("w:bookmarkEnd"))
        end.set(qn("w:id"), str(number))
        if spec.guidance:
            document.add_paragraph(spec.guidance(locale), style=_style_of(document, "GRFormNote"))  # type: ignore[arg-type]
        if number == 1 and plans:
            document.add_paragraph(words["plans"], style=_style_of(document, "GRFormNote"))
            for line in plans:
                document.add_paragraph("□ " + line.strip(), style=_style_of(document, "GRFormNote"))
        if section.get("none"):
            document.add_paragraph(words["none"], style=_style_of(document, "GRFormText"))
        _container(document, section, locale, 1)

    for attachment in data.get("attachments") or []:
        document.add_paragraph(words["attachments"], style=_style_of(document, "GRFormNote"))
        document.add_paragraph(str(attachment.get("title") or ""), style=_style_of(document, "GRFormAttachment"))
        for text in str(attachment.get("body") or "").split("\n\n"):
            document.add_paragraph(text.strip(), style=_style_of(document, "GRFormText"))

    document.add_paragraph(words["indicators"].format(year=year), style=_style_of(document, "GRFormNote"))
    indicators = data.get("indicators") or []
    table = document.add_table(rows=1, cols=5)
    table.style = document.styles["Table Grid"]
    _caption(table, INDICATORS_CAPTION)
    for cell, text in zip(table.rows[0].cells, words["columns"], strict=True):
        cell.text = text.format(year=year, previous=year - 1)
    for item in indicators:
        cells = table.add_row().cells
        texts = [item.get("key"), item.get("label"), item.get("unit"), item.get("previous"), item.get("value")]
        for cell, text in zip(cells, texts, strict=True):
            cell.text = _plain(text)
    for _ in range(2 if indicators else 3):
        table.add_row()

    hidden = {key: data[key] for key in HIDDEN if key in data and data[key] is not None}
    if isinstance(issuer, dict):
        hidden["issuer_extra"] = {k: v for k, v in issuer.items() if k != "name"}
    # hidden text (w:vanish) in a note paragraph: Word, WPS and LibreOffice keep it; a property has 255 characters
    carrier = document.add_paragraph(style=_style_of(document, "GRFormNote"))
    carrier.add_run(FORM_MARK + " " + json.dumps(hidden, ensure_ascii=False, default=str)).font.hidden = True
    props = document.core_properties
    props.comments = FORM_MARK
    props.title = words["title"].format(year=year)
    props.author = values["issuer"]
    props.language = locale
    import datetime as dt

    props.created = props.modified = dt.datetime(max(year, 1949) + 1, 1, 1)
    props.last_printed = props.created
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic(buffer.getvalue())
