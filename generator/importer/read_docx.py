"""A Word file (.docx) as positioned blocks, after making sure it is one.

A .docx is a zip of XML parts. Before python-docx opens it, the archive is inspected without
extracting anything: it must be a zip (an old .doc or an encrypted file is an OLE container, said
so by name), hold word/document.xml, and expand to a bounded size at a bounded ratio (a zip bomb
is refused). Only the document part's text is read: images, embedded objects, macros (a .docm's
vbaProject.bin) and hyperlink targets are never opened, run or fetched.
"""

from __future__ import annotations

import io
import zipfile

from genreport.errors import GenreportError, Text
from genreport.importer.blocks import Block, Where

MAX_EXPANDED = 200 * 1024 * 1024  # bytes of all parts, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for any part over 1 MB
MAX_PARTS = 5000
_LAYOUT_CELL = 120
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _refuse(name: str, zh: str, en: str) -> GenreportError:
    return GenreportError(Text(f"{name}: {zh}", f"{name}: {en}"))


def inspect_archive(raw: bytes, name: str) -> None:
    """Raise a GenreportError unless `raw` is a .docx that is safe to open."""
    if raw.startswith(_OLE):
        raise _refuse(
            name,
            "这是旧版 Word 文件（.doc）或加密文件，不是 .docx；请在 Word 中“另存为” .docx（不设密码）后再导入",
            "this is an old Word file (.doc) or an encrypted one, not a .docx; save it as .docx (without a password) and import that",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise _refuse(name, "不是有效的 .docx 文件（不是 zip 压缩包，或已损坏）", "not a valid .docx file (not a zip archive, or damaged)") from None
    if len(infos) > MAX_PARTS:
        raise _refuse(name, f"压缩包内文件过多（{len(infos)} 个）", f"too many parts in the archive ({len(infos)})")
    total = sum(info.file_size for info in infos)
    bomb = total > MAX_EXPANDED or any(
        info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1) for info in infos
    )
    if bomb:
        raise _refuse(
            name,
            f"解压后过大（{total} 字节），疑似“压缩炸弹”，拒绝打开",
            f"expands to {total} bytes: refused as a likely zip bomb",
        )
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise _refuse(name, "压缩包中没有 word/document.xml，不是 Word 文档", "no word/document.xml inside: not a Word document")
    if any(info.flag_bits & 0x1 for info in infos):
        raise _refuse(name, "文件已加密，请去掉密码后再导入", "the file is encrypted; remove the password and import it again")


def read_docx(raw: bytes, name: str) -> list[Block]:
    inspect_archive(raw, name)
    import docx  # python-docx; imported here so that `genreport --help` stays instant
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors... for a damaged file
        raise _refuse(name, f"无法读取 Word 文档内容（{type(error).__name__}）", f"cannot read the Word document ({type(error).__name__})") from None
    blocks: list[Block] = []
    count = 0
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            paragraph = Paragraph(element, document)
            count += 1
            style = _style(paragraph)
            if _listed(paragraph):
                style = f"{style} list".strip()  # an item of a Word list: its number is Word's, not in the text
            centred = _centred(paragraph)
            for line in paragraph.text.replace("\r", "\n").split("\n"):
                # centred paragraphs one after another are one title broken into lines (gap=False joins them)
                blocks.append(Block(line.strip(" \t\u00a0\u3000"), Where("paragraph", count), style=style, gap=not centred))
        elif element.tag == f"{_W}tbl":
            count += 1
            rows: list[list[str]] = []
            paragraphs: list[str] = []
            align: list[str | None] = []
            for row in Table(element, document).rows:
                cells: list[str] = []
                previous = None
                for cell in row.cells:
                    if cell._tc is previous:  # a merged cell is listed once per grid column it spans
                        continue
                    previous = cell._tc
                    texts = [p.text.strip() for p in cell.paragraphs if p.text.strip()]
                    paragraphs.extend(texts)
                    cells.append(" ".join(texts))
                    if not rows:
                        align.append(_aligned(cell.paragraphs[0]) if cell.paragraphs else None)
                rows.append(cells)
            if any(len(cell) > _LAYOUT_CELL for row in rows for cell in row):
                blocks.extend(Block(text, Where("paragraph", count)) for text in paragraphs)  # a table used for layout
            else:
                blocks.append(Block("", Where("paragraph", count), rows=rows, style="table", align=align if any(align) else None))
    return [block for block in blocks if block.text or block.rows]


def _style(paragraph: object) -> str:
    try:
        name = paragraph.style.name or ""  # type: ignore[attr-defined]
    except (AttributeError, KeyError, ValueError):
        return ""
    lowered = name.lower()
    if lowered == "title":
        return "title"
    return "heading" if lowered.startswith("heading") else ""


def _listed(paragraph: object) -> bool:
    """A numbered or bulleted paragraph: numbering on the paragraph or on its style ("List Number")."""
    try:
        if paragraph._p.find(f"{_W}pPr/{_W}numPr") is not None:  # type: ignore[attr-defined]
            return True
        style = paragraph.style.element  # type: ignore[attr-defined]
    except (AttributeError, KeyError, ValueError):
        return False
    return style is not None and style.find(f"{_W}pPr/{_W}numPr") is not None


def _centred(paragraph: object) -> bool:
    return _aligned(paragraph) == "center"


def _aligned(paragraph: object) -> str | None:
    """"center" / "right" / None: the paragraph's alignment, or its style's."""
    try:
        alignment = paragraph.paragraph_format.alignment or paragraph.style.paragraph_format.alignment  # type: ignore[attr-defined]
    except (AttributeError, KeyError, ValueError):
        return None
    return {1: "center", 2: "right"}.get(int(alignment)) if alignment is not None else None  # WD_ALIGN_PARAGRAPH
