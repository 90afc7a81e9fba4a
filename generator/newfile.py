"""Writing the files that `init` and `schema` create, without ever clobbering a user's work.

A data file holds a year of someone's writing: an existing one is replaced only when asked
(--force), and the write goes through a temporary file so an interrupted run leaves either
the old file or the new one, never half of each.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from genreport.errors import GenreportError, Text


def write_new(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` as UTF-8; refuse (GenreportError) if it exists and `force` is off."""
    if path.exists() and not force:
        raise GenreportError(
            Text(f"{path}: 文件已存在；换一个文件名，或加 --force 覆盖", f"{path}: already exists; choose another name, or pass --force to overwrite it")
        )
    if path.is_dir():
        raise GenreportError(Text(f"{path}: 这是一个文件夹", f"{path}: is a folder"))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise GenreportError(Text(f"{folder}: 文件夹不存在", f"{folder}: no such folder"))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, _file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _file_mode(path: Path) -> int:
    # mkstemp makes the file private (0600); a data file should get the usual mode, or keep its own.
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
