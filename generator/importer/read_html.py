"""A web page saved from a government website (or genreport's own HTML) as positioned blocks.

Parsed with the standard library's HTMLParser: nothing is fetched, no script runs, images and
links are text at most. What is not the report is dropped on the way in: scripts, styles, the
chart's SVG, and every element whose tag or class names site furniture (navigation, breadcrumbs,
share buttons, footers, sidebars). What is left of the page around the report (a "print / close"
line, the site's contact details) the recogniser leaves out and reports.

Old sites lay pages out with tables: a table whose cells hold paragraphs, long text or another
table is read as its cells' paragraphs; a table of short cells is a table.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from html.parser import HTMLParser

from genreport.importer.blocks import Block, Where

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "nav", "form", "button", "select",
              "iframe", "object", "embed", "canvas", "audio", "video", "head", "textarea"}  # not <aside>: genreport puts its disclosure box there  # fmt: skip
_FURNITURE = re.compile(
    r"(^|[-_\s])(nav|navbar|menu|breadcrumbs?|crumbs?|bread|position|location|share|bdshare|social|footer|foot|"
    r"copyright|sidebar|side|toolbar|search|login|banner|topbar|header-top|skip|print|qrcode|related|pager)([-_\s]|$)",
    re.I,
)
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "header", "footer",
               "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "main", "center",
               "table", "tr", "td", "th", "caption", "title"}  # fmt: skip
# HTML's void elements (never closed, never hold text); <embed> is one, and skipping it as a
# container used to drop the rest of the page
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source", "param", "track", "embed",
         "keygen", "frame", "basefont", "bgsound", "command", "image", "isindex"}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_LAYOUT_CELL = 120
_LINE_BREAK = "\x00"
_BETWEEN_LINES = re.compile("(.)\x00 ?(.)")
_CJK_PAIR = re.compile(
    "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’].|.[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]"
)  # a cell with more text than this is page layout, not a table of figures


# The charsets a web page may declare. Python's codec registry also holds punycode (quadratic in
# its input: 37 s for a 976 KB page), idna, the unicode_escape family and the rot13/base64/zlib
# transforms: none of them is a page's encoding, and a declared one is ignored.
_PAGE_CHARSETS = {
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "ascii",
    "iso8859-1",
    "iso8859-2", "iso8859-5", "iso8859-15", "cp1250", "cp1251", "cp1252", "cp936", "cp950", "euc_jp", "shift_jis",
    "cp932", "euc_kr", "cp949", "koi8-r", "hz", "iso2022_jp",
}  # fmt: skip


def _page_charset(name: str) -> str | None:
    try:
        canonical = codecs.lookup(name).name
    except (LookupError, ValueError):
        return None
    return canonical if canonical in _PAGE_CHARSETS else None


def decode_html(raw: bytes) -> str:
    """The page's text: its BOM or <meta charset> first (Chinese sites often say GB2312), then UTF-8, then GB18030."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    declared = _CHARSET.search(raw[:4096])
    names = []
    if declared:
        name = declared.group(1).decode("ascii").lower()
        charset = "gb18030" if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80") else _page_charset(name)
        if charset:
            names.append(charset)
    for name in [*names, "utf-8", "gb18030"]:
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", errors="replace")


class _Table:
    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.cell_blocks: list[Block] = []  # the cells' paragraphs, in case it is layout
        self.align: list[str | None] = []  # the first row's cells' alignment: the columns'
        self.cell_align: str | None = None
        self.layout = False


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, hidden)
        self.hidden_depth = 0  # open elements a browser does not show (hidden, display:none)
        self.hidden = 0  # characters of hidden text left out since the last block
        self.open: Counter[str] = Counter()  # tags on the stack: a stray end tag is found without a walk of it
        self.skip_depth = 0
        self.buffer: list[str] = []
        self.lead: list[str] | None = None
        self.lead_text: str | None = None
        self.styles: list[str] = []
        self.tables: list[_Table] = []
        self.cell: list[str] | None = None
        self.count = 0
        self.stack_classes: list[bool] = []  # per open <span>: is it a title line

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """`<![CDATA[`, `<![if ...]>`; anything else (`<![CD`) the standard library asserts on,
        where a browser reads a bogus comment up to the next `>`."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    # -- text collection
    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.buffer)).strip(" \u00a0\u3000" + _LINE_BREAK)
        text = _BETWEEN_LINES.sub(
            lambda m: m.group(1) + ("" if _CJK_PAIR.match(m.group(1) + m.group(2)) else " ") + m.group(2), text
        )
        text = text.replace(_LINE_BREAK, "")
        self.buffer = []
        lead, self.lead_text = self.lead_text, None
        if not text:
            return
        style = self.styles[-1] if self.styles else ""
        if self.tables and self.cell is not None:
            self.cell.append(text)
            table = self.tables[-1]
            table.cell_blocks.append(Block(text, Where("paragraph", 0), style=style))
            return
        self.count += 1
        self.blocks.append(Block(text, Where("paragraph", self.count), lead=lead, style=style, hidden=self.hidden))
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = " ".join(value or "" for key, value in attrs if key in ("class", "id"))
        hides = _hides(attrs)
        skipped = tag in _SKIP_TAGS or bool(names and _FURNITURE.search(names)) or hides
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self._flush()
            return
        if skipped:
            self.skip_depth += 1
        self.stack.append((tag, skipped, hides))
        self.hidden_depth += hides
        self.open[tag] += 1
        if self.skip_depth:
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            self.styles.append(" ".join(filter(None, [tag, names])))
        if tag == "table":
            if self.tables:
                self.tables[-1].layout = True
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables:
            self.cell = []
            self.tables[-1].cell_align = _cell_alignment(attrs)
        elif (
            tag in ("p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6")
            and self.tables
            and self.cell is not None
        ):
            if tag != "p" or self.cell:
                self.tables[-1].layout = True
        if tag == "span":
            self.stack_classes.append("title-line" in names)
        if tag == "span" and "point-lead" in names:
            self.lead = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.open[tag]:
            return
        while self.stack:
            open_tag, skipped, hides = self.stack.pop()
            self.open[open_tag] -= 1
            self._close(open_tag, skipped, hides)
            if open_tag == tag:
                break

    def _close(self, tag: str, skipped: bool, hides: bool = False) -> None:
        self.hidden_depth -= hides
        if skipped:
            self.skip_depth -= 1
            return
        if self.skip_depth:
            return
        if tag == "span" and self.stack_classes and self.stack_classes.pop() and self.buffer:
            self.buffer.append(_LINE_BREAK)  # one line of a title broken into lines
        if tag == "span" and self.lead is not None:
            self.lead_text = "".join(self.lead).strip()
            self.lead = None
        if tag not in _BLOCK_TAGS:
            return
        self._flush()
        if self.styles:
            self.styles.pop()
        if tag in ("td", "th") and self.tables and self.cell is not None:
            table = self.tables[-1]
            text = " ".join(self.cell)
            if len(self.cell) > 1 or len(text) > _LAYOUT_CELL:
                table.layout = True
            if not table.rows:
                table.rows.append([])
            table.rows[-1].append(text)
            if len(table.rows) == 1:
                table.align.append(table.cell_align)
            self.cell = None
        elif tag == "table" and self.tables:
            self._end_table(self.tables.pop())

    def _end_table(self, table: _Table) -> None:
        rows = [row for row in table.rows if any(cell for cell in row)]
        outer = self.tables[-1] if self.tables else None
        if table.layout or not rows:
            for block in table.cell_blocks:
                self._emit(block.text, block.style, None, outer)
            return
        self._emit("", "table", rows, outer, table.align if any(table.align) else None)

    def _emit(
        self,
        text: str,
        style: str,
        rows: list[list[str]] | None,
        outer: _Table | None,
        align: list[str | None] | None = None,
    ) -> None:
        if outer is not None:
            outer.layout = True
            outer.cell_blocks.append(Block(text, Where("paragraph", 0), rows=rows, style=style, align=align))
            return
        self.count += 1
        self.blocks.append(Block(text, Where("paragraph", self.count), rows=rows, style=style, align=align))

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            if self.hidden_depth:
                self.hidden += len(data.strip())
            return
        self.buffer.append(data)
        if self.lead is not None:
            self.lead.append(data)


_HIDING_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.I
)


def _hides(attrs: list[tuple[str, str | None]]) -> bool:
    """An element a browser does not show: `hidden`, or an inline display:none / visibility:hidden.
    Its text is left out (and counted in the report): import reads what the page shows."""
    for key, value in attrs:
        if key == "hidden":
            return True
        if key == "style" and value and _HIDING_STYLE.search(value):
            return True
    return False


def _cell_alignment(attrs: list[tuple[str, str | None]]) -> str | None:
    """A cell's alignment: align="right", or text-align in its style attribute."""
    values = dict(attrs)
    align = (values.get("align") or "").strip().lower()
    match = re.search(r"text-align\s*:\s*(left|right|center)", values.get("style") or "", re.I)
    align = align or (match.group(1).lower() if match else "")
    return align if align in ("left", "right", "center") else None


def read_html(text: str) -> list[Block]:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    while reader.stack:
        reader._close(*reader.stack.pop())
    reader._flush()
    return reader.blocks
