"""Hostile inputs for `import`, made on the fly (issue 27 items 5-9): nothing here is committed
as a binary. Used by tests/test_harden_import_readers.py and bench/import_hostile.py.

Each maker returns bytes. The .docx makers start from a small valid document written by
python-docx and rewrite its zip: headers that lie about sizes, entries that claim zip version
7.9, a styles part of thousands of styles, a .docm with a macro project.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from collections.abc import Callable

import docx

PARAGRAPHS = [
    "左云县人民政府2023年法治政府建设年度报告",
    "一、上一年度推进法治政府建设的主要举措和成效",
    "（一）深入推进简政放权",
    "一是承接下放权限。全年承接市级下放行政职权11项，办理行政复议案件3件。",
    "二、存在的不足和原因",
    "一是法治意识仍需增强，部分干部学法用法不够深入，原因在于培训不足。",
    "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    "县长主持召开常务会议12次研究法治工作。",
    "四、下一年度推进法治政府建设的主要安排",
    "一是继续深化改革。",
    "五、其他需要报告的情况",
    "无。",
    "左云县人民政府",
    "2024年1月16日",
]
MAIN_PLAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MAIN_MACRO = b"application/vnd.ms-word.document.macroEnabled.main+xml"


def valid_docx(paragraphs: list[str] = PARAGRAPHS, table: bool = False) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=3, cols=3)
        for row in grid.rows:
            for cell in row.cells:
                cell.text = "12"
        grid.cell(0, 0).merge(grid.cell(1, 1))
        document.add_paragraph("二是落实责任。", style="List Number")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def parts_of(raw: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(raw))
    return {info.filename: archive.read(info) for info in archive.infolist()}


def rezip(parts: dict[str, bytes], change: dict[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, (change or {}).get(name, lambda b: b)(data))
    return out.getvalue()


def _central_entries(raw: bytearray) -> list[tuple[int, bytes]]:
    found, at = [], 0
    while (at := raw.find(b"PK\x01\x02", at)) >= 0:
        length = struct.unpack_from("<H", raw, at + 28)[0]
        found.append((at, bytes(raw[at + 46 : at + 46 + length])))
        at += 4
    return found


def zip_version(raw: bytes, version: int = 79) -> bytes:
    """Every entry claims it needs zip version `version` / 10 to extract (7.9: Python has no such reader)."""
    out = bytearray(raw)
    for at, _ in _central_entries(out):
        struct.pack_into("<H", out, at + 6, version)
    at = 0
    while (at := out.find(b"PK\x03\x04", at)) >= 0:
        struct.pack_into("<H", out, at + 4, version)
        at += 4
    return bytes(out)


def lying_sizes(real_bytes: int, claimed_ratio: int = 120) -> bytes:
    """document.xml really inflates to `real_bytes`, while the central directory claims a compressed
    size that makes its ratio `claimed_ratio` (under the ratio check): only counting the bytes that
    come out of the decompressor finds it. A stored random entry keeps the claim inside the file."""
    parts = parts_of(valid_docx())
    head, tail = parts["word/document.xml"].split(b"<w:body>")
    paragraph = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    body = head + b"<w:body>" + paragraph * (real_bytes // len(paragraph)) + tail
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, body if name == "word/document.xml" else data)
        archive.writestr(
            zipfile.ZipInfo("word/media/padding.bin"), random.Random(27).randbytes(len(body) // claimed_ratio + 4096)
        )
    raw = bytearray(out.getvalue())
    for at, name in _central_entries(raw):
        if name == b"word/document.xml":
            struct.pack_into("<I", raw, at + 20, len(body) // claimed_ratio)
    return bytes(raw)


def many_styles(styles: int, paragraphs: int) -> bytes:
    """`styles` paragraph styles, each based on the one before, and `paragraphs` paragraphs using the last."""
    parts = parts_of(valid_docx())
    extra = b"".join(
        b'<w:style w:type="paragraph" w:styleId="S%d"><w:name w:val="s%d"/><w:basedOn w:val="S%d"/></w:style>'
        % (i, i, max(i - 1, 0))
        for i in range(styles)
    )
    head, tail = parts["word/document.xml"].split(b"<w:body>")
    used = b'<w:p><w:pPr><w:pStyle w:val="S%d"/></w:pPr><w:r><w:t>t</w:t></w:r></w:p>' % (styles - 1)
    return rezip(
        parts,
        {
            "word/styles.xml": lambda data: data.replace(b"</w:styles>", extra + b"</w:styles>"),
            "word/document.xml": lambda data: head + b"<w:body>" + used * paragraphs + tail,
        },
    )


def docm() -> bytes:
    """A .docm as Word writes it: the macro-enabled main content type and a VBA project beside it."""
    vba_rel = b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
    parts = parts_of(valid_docx())
    parts["word/vbaProject.bin"] = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b'Sub AutoOpen()\nShell "calc"\nEnd Sub\n' + os.urandom(64)
    )
    return rezip(
        parts,
        {
            "[Content_Types].xml": lambda data: data.replace(MAIN_PLAIN, MAIN_MACRO).replace(
                b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
            ),
            "word/_rels/document.xml.rels": lambda data: data.replace(
                b"</Relationships>", vba_rel + b"</Relationships>"
            ),
        },
    )


def page(paragraphs: list[str] = PARAGRAPHS, between: str = "") -> str:
    """A saved web page of `paragraphs`, with `between` after the first part's heading."""
    body = "".join(f"<p>{text}</p>" + (between if i == 1 else "") for i, text in enumerate(paragraphs))
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
