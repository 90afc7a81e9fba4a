"""The few parts of a .docx that import reads, inflated under a budget and packed again.

A zip's headers say how big each entry is, and they can lie: the sizes checked before opening
are a first filter, not the bound. This module inflates only the parts import needs (the main
document, its styles and numbering, the content types and the relationships between them),
counting the bytes that actually come out, and refuses at the first byte over the budget. It
then hands python-docx a new, small package holding just those parts, with every relationship
to a part left out removed: images, embedded objects, headers, comments and a .docm's macros
(vbaProject.bin) are never inflated, parsed or run. A .docm's macro-enabled main part is given
the plain document content type, so that its text is read like a .docx's.

Every XML part is parsed by lxml without entities, DTDs or network, with its elements counted
against a bound; the styles become a table read once (python-docx finds a paragraph's style by a
search over every style, which makes a file of many styles and paragraphs quadratic).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from genreport.errors import GenreportError, Text

MAX_INFLATED = 48 * 1024 * 1024  # bytes actually inflated, all the parts read together
MAX_NODES = 1_500_000  # XML elements, all parts together (a 200-page report has ~150k)
MAX_STYLES = 5_000  # Word's own styles.xml holds ~400
# Paragraphs (w:p, tables' included): a 200-page report has ~3,000. python-docx reads a paragraph's
# text with two XPath queries (~0.1 ms each), so 360,000 one-word paragraphs ran past 120 s.
MAX_PARAGRAPHS = 20_000
_CHUNK = 1 << 20
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
MAIN = "word/document.xml"
_KEEP = {
    "[Content_Types].xml",
    "_rels/.rels",
    MAIN,
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/numbering.xml",
}
_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
_PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@dataclass(frozen=True)
class StyleInfo:
    """What import asks of a paragraph style: its name, whether it numbers, its alignment."""

    name: str
    listed: bool
    align: str | None
    hidden: bool = False  # a character style with <w:vanish/>: its runs are not shown


def refuse(name: str, zh: str, en: str) -> GenreportError:
    return GenreportError(Text(f"{name}: {zh}", f"{name}: {en}"))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )


class _Budget:
    def __init__(self, name: str) -> None:
        self.name = name
        self.inflated = 0
        self.nodes = 0
        self.paragraphs = 0

    def too_big(self) -> GenreportError:
        return refuse(
            self.name,
            f"解压后超过 {MAX_INFLATED // (1024 * 1024)} MB，疑似“压缩炸弹”或文件头谎报大小，拒绝打开",
            f"inflates past {MAX_INFLATED // (1024 * 1024)} MB: refused as a likely zip bomb or lying headers",
        )

    def read(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
        """The entry's bytes, counted as they come out of the decompressor, never past the budget."""
        chunks: list[bytes] = []
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                self.inflated += len(chunk)
                if self.inflated > MAX_INFLATED:
                    raise self.too_big()
                chunks.append(chunk)
        return b"".join(chunks)

    def too_many_paragraphs(self) -> GenreportError:
        return refuse(
            self.name,
            f"段落过多（超过 {MAX_PARAGRAPHS} 段；一份报告约 3000 段），拒绝读取",
            f"too many paragraphs (over {MAX_PARAGRAPHS}; a report has ~3,000): refused",
        )

    def parse(self, data: bytes, part: str) -> etree._Element:
        """The part's XML tree; its elements counted (a huge flat document is refused before python-docx)."""
        try:
            root = etree.fromstring(data, _parser())
        except (etree.XMLSyntaxError, ValueError):
            raise refuse(
                self.name,
                f"无法读取 Word 文档内容：{part} 不是有效的 XML（文件已损坏）",
                f"cannot read the Word document: {part} is not valid XML (the file is damaged)",
            ) from None
        if root is None:
            raise refuse(
                self.name,
                f"无法读取 Word 文档内容：{part} 是空的（文件已损坏）",
                f"cannot read the Word document: {part} is empty (the file is damaged)",
            )
        paragraph = f"{_W}p"
        for node in root.iter():
            self.nodes += 1
            if node.tag == paragraph:
                self.paragraphs += 1
                if self.paragraphs > MAX_PARAGRAPHS:
                    raise self.too_many_paragraphs()
            if self.nodes > MAX_NODES:
                raise refuse(
                    self.name,
                    f"XML 元素过多（超过 {MAX_NODES} 个），拒绝读取",
                    f"too many XML elements (over {MAX_NODES}): refused",
                )
        return root


def _damaged(name: str) -> GenreportError:
    return refuse(
        name,
        "不是有效的 .docx 文件（压缩包已损坏或使用了不支持的格式）",
        "not a valid .docx file (the archive is damaged or uses an unsupported format)",
    )


def repack(raw: bytes, name: str) -> tuple[bytes, dict[str, StyleInfo]]:
    """A package of just the parts import reads, and the style table; or a one-line GenreportError."""
    budget = _Budget(name)
    parts: dict[str, bytes] = {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        for info in archive.infolist():
            if info.filename in _KEEP and info.filename not in parts:
                parts[info.filename] = budget.read(archive, info)
    except GenreportError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        RuntimeError,
        zlib.error,
        EOFError,
        ValueError,
        OSError,
        KeyError,
    ):
        # NotImplementedError: an entry that claims a zip version or compression Python lacks;
        # BadZipFile: a CRC or size that does not match what the headers said
        raise _damaged(name) from None
    if MAIN not in parts or "[Content_Types].xml" not in parts:
        raise refuse(
            name, "压缩包中没有 word/document.xml，不是 Word 文档", "no word/document.xml inside: not a Word document"
        )
    if parts[MAIN].count(b"<w:p>") + parts[MAIN].count(b"<w:p ") > MAX_PARAGRAPHS:
        raise budget.too_many_paragraphs()  # before parsing: the usual prefix counted in the bytes, at C speed
    trees = {part: budget.parse(data, part) for part, data in parts.items()}
    _plain_content_types(trees["[Content_Types].xml"])
    for rels in ("_rels/.rels", "word/_rels/document.xml.rels"):
        if rels in trees:
            _drop_missing_targets(trees[rels], rels, set(parts))
    styles = style_table(trees.get("word/styles.xml"), name)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for part, tree in trees.items():
            package.writestr(part, etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))
    return out.getvalue(), styles


def _plain_content_types(types: etree._Element) -> None:
    """A .docm's main part as a .docx's: its macros are not in the package any more."""
    for node in types:
        if node.get("ContentType") == _MACRO_MAIN:
            node.set("ContentType", _PLAIN_MAIN)


def _drop_missing_targets(rels: etree._Element, where: str, kept: set[str]) -> None:
    base = posixpath.dirname(posixpath.dirname(where))  # "_rels/.rels" -> "", "word/_rels/x.rels" -> "word"
    for rel in list(rels):
        if rel.tag != f"{_REL}Relationship" or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        if path not in kept:
            rels.remove(rel)


def style_table(styles: etree._Element | None, name: str) -> dict[str, StyleInfo]:
    """styleId -> name, numbering and alignment, read once."""
    table: dict[str, StyleInfo] = {}
    if styles is None:
        return table
    found = styles.findall(f"{_W}style")
    if len(found) > MAX_STYLES:
        raise refuse(
            name,
            f"样式过多（{len(found)} 个，上限 {MAX_STYLES}），拒绝读取",
            f"too many styles ({len(found)}; the limit is {MAX_STYLES}): refused",
        )
    for style in found:
        style_id = style.get(f"{_W}styleId")
        if style_id is None or style_id in table:
            continue
        named = style.find(f"{_W}name")
        listed = style.find(f"{_W}pPr/{_W}numPr") is not None
        jc = style.find(f"{_W}pPr/{_W}jc")
        name_text = (named.get(f"{_W}val") or "") if named is not None else ""
        table[style_id] = StyleInfo(name_text, listed, _alignment(jc), is_on(style.find(f"{_W}rPr/{_W}vanish")))
    return table


def is_on(toggle: etree._Element | None) -> bool:
    """A Word on/off property (<w:vanish/>, <w:vanish w:val="0"/>): present and not switched off."""
    return toggle is not None and (toggle.get(f"{_W}val") or "true").lower() not in ("0", "false", "off")


def _alignment(jc: etree._Element | None) -> str | None:
    value = jc.get(f"{_W}val") if jc is not None else None
    return {"center": "center", "right": "right", "end": "right"}.get(value or "")
