"""Writing the files that `init` and `schema` create, without ever clobbering a user's work.

A data file holds a year of someone's writing: an existing one is replaced only when asked
(--force), and the write goes through atomic.write_file, so an interrupted run leaves either the old
file or the new one, never half of each.
"""

from __future__ import annotations

from pathlib import Path

from genreport.atomic import write_file
from genreport.errors import GenreportError, Text


def write_new(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` as UTF-8; refuse (GenreportError) if it exists and `force` is off."""
    if path.exists() and not force:
        raise GenreportError(
            Text(
                f"{path}: 文件已存在；换一个文件名，或加 --force 覆盖",
                f"{path}: already exists; choose another name, or pass --force to overwrite it",
            )
        )
    if path.is_dir():
        raise GenreportError(Text(f"{path}: 这是一个文件夹", f"{path}: is a folder"))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise GenreportError(Text(f"{folder}: 文件夹不存在", f"{folder}: no such folder"))
    write_file(path, text.encode("utf-8"))


def write_data_file(path: Path, text: str, *, force: bool, schema_reference: str | None) -> list[Path]:
    """Write a new data file and, unless the user named a schema of their own, the schema beside it.

    The schema is written only when missing: it is generated, but a team may keep a copy in
    version control, and an old data file's editor support should not change under it.
    Returns the files written, for the CLI to list.
    """
    written = [path]
    write_new(path, text, force=force)
    if schema_reference is None:
        from genreport.data.schema import SCHEMA_FILE_NAME, schema_text

        companion = path.parent / SCHEMA_FILE_NAME
        if not companion.exists():
            write_new(companion, schema_text())
            written.append(companion)
    return written
