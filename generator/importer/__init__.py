"""`genreport import`: a published report (.docx, a saved web page, or text copied from either)
read back into a data file.

readers (read_docx, read_html, read_text) -> positioned blocks -> recognise (head, parts.walk,
signature, tail; normalise on the way, every change noted) -> yaml_out. Nothing in the input is
executed or fetched; every input is bounded in size before it is parsed.
"""

from __future__ import annotations

import stat
from pathlib import Path

from genreport.data.kinds import KindSpec
from genreport.errors import GenreportError, Text
from genreport.importer.blocks import MAX_INPUT_BYTES, Block, Notes
from genreport.importer.recognise import Imported, recognise

SUFFIXES = (".docx", ".docm", ".html", ".htm", ".txt", ".md", ".markdown")


def read_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file under the size limit, or a GenreportError."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise GenreportError(Text(f"{path}: 文件不存在", f"{path}: no such file")) from None
    except OSError as error:
        raise GenreportError(
            Text(f"{path}: 无法读取（{error.strerror}）", f"{path}: cannot read ({error.strerror})")
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise GenreportError(Text(f"{path}: 这是一个文件夹", f"{path}: is a folder"))
    if not stat.S_ISREG(info.st_mode):
        raise GenreportError(
            Text(
                f"{path}: 不是普通文件（设备或管道），拒绝读取",
                f"{path}: not a regular file (a device or a pipe): refused",
            )
        )
    if info.st_size > MAX_INPUT_BYTES:
        raise GenreportError(
            Text(
                f"{path}: 文件过大（{info.st_size} 字节，上限 {MAX_INPUT_BYTES} 字节）",
                f"{path}: file too large ({info.st_size} bytes; the limit is {MAX_INPUT_BYTES})",
            )
        )
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_INPUT_BYTES + 1)[:MAX_INPUT_BYTES]
    except OSError as error:
        raise GenreportError(
            Text(f"{path}: 无法读取（{error.strerror}）", f"{path}: cannot read ({error.strerror})")
        ) from None


def _decode_text(raw: bytes, path: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise GenreportError(
        Text(
            f"{path}: 无法识别文字编码（既不是 UTF-8 也不是 GBK）",
            f"{path}: unknown text encoding (neither UTF-8 nor GBK)",
        )
    )


def read_blocks(path: Path) -> list[Block]:
    return read_source(path)[0]


def read_source(path: Path, revisions: str = "accept") -> tuple[list[Block], Notes]:
    """The blocks of `path`, and for a Word file the report lines of its revisions and comments
    (`revisions`: accept / reject / refuse, see importer/revisions.py)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise GenreportError(
            Text(
                f"{path}: 不支持的文件类型“{suffix or '无扩展名'}”；可导入 .docx、.html/.htm、.txt、.md（.doc 请先另存为 .docx）",
                f"{path}: unsupported file type “{suffix or 'no extension'}”; import .docx, .html/.htm, .txt or .md (save a .doc as .docx first)",
            )
        )
    raw = read_bytes(path)
    if suffix in (".docx", ".docm"):
        from genreport.importer.read_docx import read_docx_review
        from genreport.importer.review_notes import add_review_notes, refuse_revisions

        blocks, review, wheres = read_docx_review(raw, str(path), revisions)
        if revisions == "refuse":
            refuse_revisions(review, wheres, str(path))
        notes = Notes()
        add_review_notes(review, wheres, notes)
        return blocks, notes
    if suffix in (".html", ".htm"):
        from genreport.importer.read_html import decode_html, read_html

        return read_html(decode_html(raw)), Notes()
    from genreport.importer.read_text import read_text

    return read_text(_decode_text(raw, path), markdown=suffix in (".md", ".markdown")), Notes()


def import_file(path: Path, kind: KindSpec, locale: str | None = None, revisions: str = "accept") -> Imported:
    """The report in `path` as data, with the notes of what was recognised, guessed and left out
    (and, for a Word file, every revision and comment). A form of `init -f docx` is read by its styles."""
    if path.suffix.lower() in (".docx", ".docm"):
        from genreport.importer.form import form_data, read_form
        from genreport.importer.read_docx import inspect_archive

        raw = read_bytes(path)
        inspect_archive(raw, str(path))
        hidden = form_data(raw)
        if hidden is not None:
            return read_form(raw, hidden, kind)
    blocks, review = read_source(path, revisions)
    if not any(block.text or block.rows for block in blocks):
        raise GenreportError(Text(f"{path}: 文件中没有文字", f"{path}: the file has no text"))
    imported = recognise(blocks, kind, locale)
    imported.notes.items.extend(review.items)
    return imported
