"""The one way genreport writes a file: all of a set, or none of it, never half a file.

Every file is first written in full to a temporary file beside its target and synced to disk,
then renamed over the target. A set of files (a build's outputs) is renamed only once every
member is staged, so a failure or an interrupt while staging leaves all earlier files as they
were. `build` (outputs), `init`/`schema` (data files) and the font cache write through here.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from genreport.errors import GenreportError, Text


class WriteError(GenreportError):
    """A file could not be written (folder missing or read-only, disk full)."""


def write_file(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that readers see the old file or the new one, never a half."""
    write_files({target: data})


def write_files(outputs: dict[Path, bytes]) -> list[Path]:
    """Write every output, or none: all temp files are written and synced before any is renamed.

    A failure while staging (disk full, folder not writable, an interrupt) removes every temp
    file and leaves all earlier files as they were. Only the renames remain after staging,
    and a rename within one folder does not fail for lack of space.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in outputs.items():
            _stage(target, data, staged)
        for temp, target in staged:
            os.replace(temp, target)
    except OSError as exc:
        _discard(staged)
        where = getattr(exc, "filename", None) or next(iter(outputs), "")
        raise WriteError(Text(f"无法写入 {where}：{exc.strerror}", f"cannot write {where}: {exc.strerror}")) from None
    except BaseException:
        _discard(staged)
        raise
    return [target for _, target in staged]


def _stage(target: Path, data: bytes, staged: list[tuple[str, Path]]) -> None:
    """Write a synced temp file beside `target`; it is listed in `staged` the moment it exists,
    so an interrupt at any later point still finds it to remove."""
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    staged.append((temp, target))
    with os.fdopen(fd, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(temp, _file_mode(target))


def _file_mode(target: Path) -> int:
    # mkstemp makes the file private (0600): a replaced file keeps its own mode, a new one gets
    # what the user's umask gives any new file (0644 under the usual 022).
    with contextlib.suppress(OSError):
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _discard(staged: list[tuple[str, Path]]) -> None:
    for temp, _ in staged:
        with contextlib.suppress(OSError):
            os.unlink(temp)
