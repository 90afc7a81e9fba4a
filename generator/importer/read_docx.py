"""A Word file (.docx) as positioned blocks, after making sure it is one.

A .docx is a zip of XML parts. Before python-docx opens it, the archive is inspected without
extracting anything: it must be a zip (an old .doc or an encrypted file is an OLE container, said
so by name), hold word/document.xml, and claim a bounded size at a bounded ratio. Then
docx_package inflates only the parts read, counting the bytes that really come out, and packs
them again for python-docx. Only the document part's text is read: images, embedded objects,
macros (a .docm's vbaProject.bin) and hyperlink targets are never opened, run or fetched.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from genreport.errors import GenreportError, Text
from genreport.importer.blocks import Block, Where
from genreport.importer.docx_package import StyleInfo, is_on, repack
from genreport.importer.places import Places
from genreport.importer.revisions import Review, read_comments, read_footnotes, resolve

MAX_EXPANDED = 200 * 1024 * 1024  # bytes of all parts, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for any part over 1 MB
MAX_PARTS = 5000
MAX_SIDE_PART = 16 * 1024 * 1024  # bytes inflated of comments.xml, footnotes.xml, endnotes.xml (read apart)
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
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        OSError,
        EOFError,
        KeyError,
        UnicodeDecodeError,
    ):
        # NotImplementedError: an entry claiming a zip version Python cannot read (7.9)
        raise _refuse(
            name,
            "不是有效的 .docx 文件（不是 zip 压缩包，或已损坏）",
            "not a valid .docx file (not a zip archive, or damaged)",
        ) from None
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
        raise _refuse(
            name, "压缩包中没有 word/document.xml，不是 Word 文档", "no word/document.xml inside: not a Word document"
        )
    if any(info.flag_bits & 0x1 for info in infos):
        raise _refuse(
            name, "文件已加密，请去掉密码后再导入", "the file is encrypted; remove the password and import it again"
        )


def read_docx(raw: bytes, name: str) -> list[Block]:
    return read_docx_review(raw, name)[0]


Placed = dict[object, Where]  # a body element -> where it is (for a revision's or a comment's line)


def read_docx_review(raw: bytes, name: str, revisions: str = "accept") -> tuple[list[Block], Review, Placed]:
    """The blocks of the text a reader sees (tracked changes resolved per `revisions`), the revisions
    and comments found, and where each body element ended up (for placing them in the report)."""
    inspect_archive(raw, name)
    package, styles = repack(raw, name)
    import docx  # python-docx; imported here so that `genreport --help` stays instant

    try:
        document = docx.Document(io.BytesIO(package))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors... for a damaged file
        raise _refuse(
            name,
            f"无法读取 Word 文档内容（{type(error).__name__}）",
            f"cannot read the Word document ({type(error).__name__})",
        ) from None
    body = document.element.find(f"{_W}body") if document.element.tag == f"{_W}document" else None
    if body is None:
        raise _refuse(
            name,
            "word/document.xml 中没有正文（w:body），文件已损坏",
            "word/document.xml has no body (w:body): the file is damaged",
        )
    try:
        review = resolve(body, read_comments(_part(raw, "word/comments.xml")), revisions)
        for part in ("word/footnotes.xml", "word/endnotes.xml"):
            review.unread += [("footnote", text, None) for text in read_footnotes(_part(raw, part))]
        blocks, wheres = _walk(body, document, styles)
    except (ValueError, AttributeError, KeyError, IndexError, TypeError) as error:
        # python-docx's reading of a run or a paragraph assumes the schema's shapes; a damaged one is refused
        raise _refuse(
            name,
            f"Word 文档结构已损坏（{type(error).__name__}）",
            f"the Word document's structure is damaged ({type(error).__name__})",
        ) from None
    return blocks, review, wheres


def _walk(body: object, document: object, styles: dict[str, StyleInfo]) -> tuple[list[Block], Placed]:
    from docx.text.paragraph import Paragraph

    blocks: list[Block] = []
    count = 0
    places = Places()
    wheres: Placed = {}
    for element in body.iterchildren():  # type: ignore[attr-defined]
        if element.tag == f"{_W}p":
            paragraph = Paragraph(element, document)  # type: ignore[arg-type]
            count += 1
            info = _style_of(element, styles)
            style = _style(info)
            hidden = _drop_hidden(element, styles)
            text = paragraph.text.strip(" \t\u00a0\u3000\r\n")
            label = places.label(text, style == "heading") if text else None
            where = wheres[element] = Where("paragraph", count, label)
            if _listed(element, info):
                style = f"{style} list".strip()  # an item of a Word list: its number is Word's, not in the text
            centred = _aligned(element, info) == "center"
            for line in paragraph.text.replace("\r", "\n").split("\n"):
                # centred paragraphs one after another are one title broken into lines (gap=False joins them)
                blocks.append(Block(line.strip(" \t\u00a0\u3000"), where, style=style, gap=not centred, hidden=hidden))
                hidden = 0
        elif element.tag == f"{_W}tbl":
            count += 1
            where = wheres[element] = Where("paragraph", count, places.label("表"))
            hidden = _drop_hidden(element, styles)
            rows, paragraphs, align = _table(element, document, styles)
            if any(len(cell) > _LAYOUT_CELL for row in rows for cell in row):
                blocks.extend(
                    Block(text, where, hidden=hidden if i == 0 else 0) for i, text in enumerate(paragraphs)
                )  # a table used for layout
            else:
                blocks.append(
                    Block("", where, rows=rows, style="table", align=align if any(align) else None, hidden=hidden)
                )
    return [block for block in blocks if block.text or block.rows], wheres


def _part(raw: bytes, name: str) -> bytes | None:
    """One part of the (already inspected) archive, or None; None too past MAX_SIDE_PART inflated
    bytes (counted as they come out, whatever the zip's headers claim)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if name not in archive.namelist():
                return None
            with archive.open(name) as stream:
                data = stream.read(MAX_SIDE_PART + 1)
            return data if len(data) <= MAX_SIDE_PART else None
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError, EOFError, ValueError):
        return None


def _table(
    element: object, document: object, styles: dict[str, StyleInfo]
) -> tuple[list[list[str]], list[str], list[str | None]]:
    """A table's rows of cell texts, its cells' paragraphs, its first row's alignments.

    Read from the XML, one <w:tc> a cell: python-docx's cells repeat a cell once per grid column
    it spans (a gridSpan of 40,000 is 40,000 cells) and walk up every row for a vertical merge,
    which is quadratic in the rows, and raise on a merge with no row above.
    """
    from docx.text.paragraph import Paragraph

    rows: list[list[str]] = []
    paragraphs: list[str] = []
    align: list[str | None] = []
    for tr in element.iterchildren(f"{_W}tr"):  # type: ignore[attr-defined]
        cells: list[str] = []
        for tc in tr.iterchildren(f"{_W}tc"):
            ps = list(tc.iterchildren(f"{_W}p"))
            texts = [text for text in (Paragraph(p, document).text.strip() for p in ps) if text]  # type: ignore[arg-type]
            paragraphs.extend(texts)
            cells.append(" ".join(texts))
            if not rows:
                align.append(_aligned(ps[0], _style_of(ps[0], styles)) if ps else None)
        rows.append(cells)
    return rows, paragraphs, align


def _drop_hidden(element: Any, styles: dict[str, StyleInfo]) -> int:
    """Remove the paragraph's hidden runs (<w:vanish/>, or a character style that hides); their length.

    Word does not show them, so import does not read them: a hidden run is where a file can carry
    text that no reader of the source ever saw."""
    dropped = 0
    for run in list(element.iter(f"{_W}r")):
        hides = is_on(run.find(f"{_W}rPr/{_W}vanish"))
        if not hides:
            style = run.find(f"{_W}rPr/{_W}rStyle")
            info = styles.get(style.get(f"{_W}val") or "") if style is not None else None
            hides = bool(info and info.hidden) and run.find(f"{_W}rPr/{_W}vanish") is None
        if hides and run.getparent() is not None:
            dropped += sum(len(text.text or "") for text in run.iter(f"{_W}t"))
            run.getparent().remove(run)
    return dropped


def _style_of(element: object, styles: dict[str, StyleInfo]) -> StyleInfo | None:
    """The paragraph's style from the table read once (python-docx searches every style each time)."""
    node = element.find(f"{_W}pPr/{_W}pStyle")  # type: ignore[attr-defined]
    return styles.get(node.get(f"{_W}val") or "") if node is not None else None


def _style(info: StyleInfo | None) -> str:
    lowered = info.name.lower() if info else ""
    if lowered == "title":
        return "title"
    return "heading" if lowered.startswith("heading") else ""


def _listed(element: object, info: StyleInfo | None) -> bool:
    """A numbered or bulleted paragraph: numbering on the paragraph or on its style ("List Number")."""
    return element.find(f"{_W}pPr/{_W}numPr") is not None or bool(info and info.listed)  # type: ignore[attr-defined]


def _aligned(element: object, info: StyleInfo | None) -> str | None:
    """ "center" / "right" / None: the paragraph's alignment, or its style's."""
    jc = element.find(f"{_W}pPr/{_W}jc")  # type: ignore[attr-defined]
    if jc is not None:
        return {"center": "center", "right": "right", "end": "right"}.get(jc.get(f"{_W}val") or "")
    return info.align if info else None
