"""Markdown text fields -> Word paragraphs, runs, lists and tables.

The input is the HTML that render/markdown.py makes of a field: python-markdown without raw
HTML, then nh3's allow-list. So whatever nh3 drops (script, style, images, event handlers,
javascript: and data: links) never reaches the .docx either; this module maps only the tags that
allow-list lets through, and treats anything else as its text. Links keep their target only for
http, https and mailto (checked again here), as external relationships.

Mapping: p -> a paragraph in the caller's style; strong/b -> bold; em/i -> the 强调 style (楷体,
as gbt9704.css sets em); u, s/del, sub/sup, br; h4-h6 -> 三级/四级标题; ul/ol -> a Word list
(numbering.xml, ol keeps its start); table -> a Word table with a repeated header row;
blockquote and pre -> paragraphs; hr -> nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from genreport.docx.xml import clean_text, el, paragraph, run, val
from genreport.render.markdown import to_html as markdown_html
from genreport.render.md_safety import URL_SCHEMES

Runs = list[etree._Element]


@dataclass
class Context:
    """What block conversion needs from the package: link relationships and list numbering."""

    locale: str
    link: Callable[[str], str]  # url -> relationship id
    new_list: Callable[[bool, int], int]  # (ordered, start) -> w:numId
    text_width: int
    body_style: str = "Normal"
    lists: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Format:
    bold: bool = False
    emphasis: bool = False
    underline: bool = False
    strike: bool = False
    vert: str | None = None

    def props(self) -> list[etree._Element]:
        out = []
        if self.emphasis:
            out.append(val("w:rStyle", "Emphasis"))
        if self.bold:
            out += [el("w:b"), el("w:bCs")]
        if self.strike:
            out.append(el("w:strike"))
        if self.underline:
            out.append(val("w:u", "single"))
        if self.vert:
            out.append(val("w:vertAlign", self.vert))
        return out


_INLINE: dict[str, dict[str, object]] = {"strong": {"bold": True}, "b": {"bold": True}, "em": {"emphasis": True}, "i": {"emphasis": True},
           "u": {"underline": True}, "s": {"strike": True}, "del": {"strike": True},
           "sub": {"vert": "subscript"}, "sup": {"vert": "superscript"}}  # fmt: skip


def inline(node: etree._Element, ctx: Context, fmt: Format = Format()) -> Runs:
    """The runs of an element's content (its text, children, and their tails)."""
    out: Runs = []
    if node.text:
        out.append(run(_ws(node.text), fmt.props()))
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            out.append(el("w:r", None, el("w:br")))
        elif tag in _INLINE:
            out += inline(child, ctx, Format(**{**fmt.__dict__, **_INLINE[tag]}))
        elif tag == "a":
            out += _link(child, ctx, fmt)
        elif tag:
            out += inline(child, ctx, fmt)
        if child.tail:
            out.append(run(_ws(child.tail), fmt.props()))
    return out


def _ws(text: str) -> str:
    """HTML whitespace: a run of spaces and newlines is one space (control characters go first)."""
    text = clean_text(text)
    return " ".join(text.split()) if text.strip() else (" " if text else "")


def _link(node: etree._Element, ctx: Context, fmt: Format) -> Runs:
    runs = inline(node, ctx, fmt)
    href = (node.get("href") or "").strip()
    if urlsplit(href).scheme.lower() not in URL_SCHEMES:
        return runs
    for r in runs:
        props = r.find(el("w:rPr").tag)
        if props is None:
            props = el("w:rPr")
            r.insert(0, props)
        props.insert(0, val("w:rStyle", "Hyperlink"))
    return [el("w:hyperlink", {"r:id": ctx.link(href)}, *runs)]


def blocks(text: str | None, ctx: Context, style: str | None = None) -> list[etree._Element]:
    """A Markdown field as body elements (paragraphs and tables)."""
    if not text:
        return []
    html = str(markdown_html(text))
    if not html:
        return []
    out: list[etree._Element] = []
    for node in lxml.html.fragments_fromstring(html):
        if isinstance(node, str):
            if node.strip():
                out.append(paragraph(style or ctx.body_style, [run(_ws(node))]))
            continue
        out += _block(node, ctx, style or ctx.body_style)
    return out


def split_first(text: str | None, ctx: Context) -> tuple[Runs, list[etree._Element]]:
    """(the first paragraph's runs, the remaining blocks): a point's text continues its number."""
    if not text:
        return [], []
    html = str(markdown_html(text))
    nodes = [n for n in lxml.html.fragments_fromstring(html) if not isinstance(n, str)] if html else []
    if nodes and nodes[0].tag == "p":
        first = inline(nodes[0], ctx)
        nodes = nodes[1:]
    else:
        first = []
    rest: list[etree._Element] = []
    for node in nodes:
        rest += _block(node, ctx, ctx.body_style)
    return first, rest


def _block(node: etree._Element, ctx: Context, style: str) -> list[etree._Element]:
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag == "p":
        return [paragraph(style, inline(node, ctx))]
    if tag in ("h4", "h5", "h6"):
        return [paragraph("Heading3" if tag == "h4" else "Heading4", inline(node, ctx))]
    if tag in ("ul", "ol"):
        return _list(node, ctx, 0)
    if tag == "table":
        return [_table(node, ctx)]
    if tag in ("blockquote", "div"):
        out: list[etree._Element] = []
        for child in node:
            out += _block(child, ctx, style)
        return out
    if tag == "pre":
        return [paragraph(style, [run(node.text_content().rstrip("\n"))], el("w:ind", {"firstLine": 0}))]
    if tag == "hr":
        return []
    runs = inline(node, ctx)
    return [paragraph(style, runs)] if runs else []


def _list(node: etree._Element, ctx: Context, level: int) -> list[etree._Element]:
    ordered = node.tag == "ol"
    try:
        start = max(1, int(node.get("start") or 1))
    except ValueError:
        start = 1
    num = ctx.new_list(ordered, start)
    out: list[etree._Element] = []
    for item in node:
        if item.tag != "li":
            continue
        head = etree.Element("li")
        head.text = item.text
        later: list[etree._Element] = []
        for child in list(item):  # children move into `head`: iterate over a copy
            if child.tag in ("ul", "ol"):
                later += _list(child, ctx, min(level + 1, 8))
            elif child.tag == "p" and not later and not len(head) and not (head.text or "").strip():
                head.text, head[:] = child.text, list(child)
                if child.tail and child.tail.strip():
                    head.append(etree.Element("span"))
                    head[-1].text = child.tail
            elif child.tag in ("p", "table", "blockquote", "pre"):
                later += _block(child, ctx, "ListText")
            else:
                head.append(child)
        numbered = el("w:numPr", None, val("w:ilvl", level), val("w:numId", num))
        out.append(paragraph("ListText", inline(head, ctx), numbered))
        out += later
    return out


def _table(node: etree._Element, ctx: Context) -> etree._Element:
    rows = [r for r in node.iter("tr")]
    columns = max((len([c for c in r if c.tag in ("td", "th")]) for r in rows), default=1) or 1
    texts = [[c.text_content() for c in r if c.tag in ("td", "th")] + [""] * columns for r in rows]
    texts = [row[:columns] for row in texts] or [[""] * columns]
    longest = max(range(columns), key=lambda j: max(len(row[j]) for row in texts))
    widths = column_widths(texts, ctx.text_width, 14 if ctx.locale == "zh-CN" else 10, flexible=longest)
    return table(
        [
            [
                (cell.tag == "th" or row.getparent().tag == "thead", inline(cell, ctx), cell.get("align"))
                for cell in row
                if cell.tag in ("td", "th")
            ]
            for row in rows
        ],
        widths,
        header_rows=sum(1 for r in rows if r.getparent().tag == "thead"),
    )


CELL_PAD = 113  # twips: 2 mm each side of a cell's text, as gbt9704.css pads table cells


def column_widths(texts: list[list[str]], total: int, size_pt: float, flexible: int = 0) -> list[int]:
    """Column widths that keep each column's longest text on one line (figures, "-8.5个百分点"), the
    `flexible` column taking what is left; when that is under a quarter, shares in proportion."""
    from genreport.render.titles import width as cells

    need = [max((cells(row[j]) for row in texts if j < len(row)), default=1.0) for j in range(len(texts[0]))]
    # a character to spare (wider digits); no other column wider than a third: long texts wrap
    widths = [min(round((n + 1) * size_pt * 20 + 2 * CELL_PAD), total // 3) for n in need]
    others = sum(w for j, w in enumerate(widths) if j != flexible)
    if total - others >= total // 4:  # the others keep their width, the flexible one wraps
        widths[flexible] = total - others
        return widths
    scaled = [total * w // sum(widths) for w in widths]
    scaled[flexible] += total - sum(scaled)
    return scaled


Cell = tuple[bool, Runs, str | None]  # (a heading cell, its runs, its alignment)


def table(rows: list[list[Cell]], widths: list[int], header_rows: int = 0) -> etree._Element:
    """A Word table in the 报告表格 style: thin black rules, header rows repeated on each page."""
    grid = el("w:tblGrid", None, *[el("w:gridCol", {"w": w}) for w in widths])
    margins = el(
        "w:tblCellMar",
        None,
        el("w:top", {"w": 57, "type": "dxa"}),
        el("w:left", {"w": CELL_PAD, "type": "dxa"}),
        el("w:bottom", {"w": 57, "type": "dxa"}),
        el("w:right", {"w": CELL_PAD, "type": "dxa"}),
    )  # 1 / 2 mm
    props = el("w:tblPr", None, val("w:tblStyle", "ReportTable"), el("w:tblW", {"w": sum(widths), "type": "dxa"}),
               val("w:jc", "center"), el("w:tblLayout", {"type": "fixed"}), margins)  # fmt: skip
    out = el("w:tbl", None, props, grid)
    for i, cells in enumerate(rows):
        row_props = el("w:trPr", None, el("w:cantSplit"), *([el("w:tblHeader")] if i < header_rows else []))
        row = el("w:tr", None, row_props)
        for j, (heading, runs, align) in enumerate(cells):
            width = widths[j] if j < len(widths) else widths[-1]
            jc = {"right": "right", "center": "center"}.get(align or "", "left")
            cell = el(
                "w:tc", None, el("w:tcPr", None, el("w:tcW", {"w": width, "type": "dxa"}), val("w:vAlign", "center"))
            )
            cell.append(paragraph("TableHeading" if heading else "TableText", runs, val("w:jc", jc)))
            row.append(cell)
        for _ in range(len(cells), len(widths)):  # a short row: Word needs every grid column
            row.append(
                el(
                    "w:tc",
                    None,
                    el("w:tcPr", None, el("w:tcW", {"w": widths[-1], "type": "dxa"})),
                    paragraph("TableText"),
                )
            )
        out.append(row)
    return out


__all__ = ["Context", "blocks", "column_widths", "inline", "split_first", "table"]
