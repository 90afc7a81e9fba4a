"""Preview reads the file it was started on, and only that.

The preview page can be fetched by any local process (loopback, no password), and its panel
quotes the data file. So the path is resolved once, at start, and before every render the
file must still be there as a regular file at that real path: a data file replaced by a
symbolic link (to /etc/shadow, say), a FIFO or a device is refused, not read; the read itself
refuses a link in the last place (O_NOFOLLOW, limits.no_symlinks). An editor that saves by
writing a new file and renaming it over the old one is fine: that is still a regular file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from genreport.errors import GenreportError, Text


def resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


def still_the_file(*paths: Path | None) -> None:
    """GenreportError unless each path is a regular file, not a link, at its resolved place."""
    for path in paths:
        if path is None:
            continue
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue  # mid-save: the read says "no such file", the next save renders again
        except OSError:
            continue
        if stat.S_ISLNK(info.st_mode) or resolved(path) != path:
            raise GenreportError(
                Text(
                    f"{path} 已被替换为符号链接，预览不再读取它；请恢复原文件后重新启动预览",
                    f"{path} has been replaced by a symbolic link; preview no longer reads it (restore the file and restart preview)",
                )
            )
        if not stat.S_ISREG(info.st_mode):
            raise GenreportError(
                Text(
                    f"{path} 不再是普通文件，预览不读取它",
                    f"{path} is no longer a regular file; preview does not read it",
                )
            )
