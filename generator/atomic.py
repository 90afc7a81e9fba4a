"""The one way genreport writes files: a set switches all at once, a file is never half written.

`write_files(outputs, source=...)` writes a build's outputs, `init`/`schema` their data files and
the font cache its entries (`write_file` for one):

1. Refused before anything is written: a target outside the folder the set shares, a target
   that is the data file itself (`build report.md -o .`), a target that is a folder, and a
   target that is anything but a regular file: a device, FIFO or socket (`-o /dev/null`, or a
   link to one such as /dev/stdout) is refused, never written through and never replaced, since
   the rename below would put a regular file where the machine's /dev/null was.
2. A lock on the folder itself (flock on its descriptor): two builds into one folder take turns, so
   their files cannot mix. Under the lock, what a killed build left is settled first: a
   journal is rolled forward, stray temp files (`.<name>.genreport-*.tmp`) are removed.
3. Every file is written to a temp file beside its target and synced; then a journal naming
   the renames is written and synced, and only then are the renames made, with SIGINT and
   SIGTERM held (Ctrl-C lands after the set is whole), and the journal removed. A SIGKILL or
   power cut between two renames leaves the journal, and the next write there finishes the switch.
A replaced regular file keeps its permission bits; a new one, or one that replaces a symlink, gets
what the user's umask gives (0644 under 022); never setuid, setgid or sticky.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from genreport.errors import GenreportError, Text


class WriteError(GenreportError):
    """Files could not be written (a folder missing or read-only, a full disk, a target refused)."""


JOURNAL = ".genreport-switch.json"
_TEMP = re.compile(r"^\..+\.genreport-[A-Za-z0-9_]+\.tmp$")
_HELD = {signal.SIGINT, signal.SIGTERM}


def write_file(target: Path, data: bytes) -> None:
    """Write one file: readers see the old one or the new one, never a half."""
    write_files({target: data})


def write_files(outputs: dict[Path, bytes], *, source: Path | None = None) -> list[Path]:
    """Write every output, or none; the list of files written. WriteError says why not."""
    if not outputs:
        return []
    folder = _folder_of(outputs)
    for target in outputs:
        _refuse(target, folder, source)
    with _locked(folder):
        recover(folder)
        staged: list[tuple[Path, Path]] = []
        switching = False
        try:
            for target, data in outputs.items():
                _stage(target, data, staged)
            for target in outputs:
                _refuse_special(target)  # again before the journal: a node made while the files were staged
            switching = True
            with _signals_held():
                _write_journal(folder, staged)
                for temp, target in staged:
                    os.replace(temp, target)
                _sync_folder(folder)
                (folder / JOURNAL).unlink()
        except OSError as exc:
            if not (folder / JOURNAL).exists():
                for temp, _ in staged:
                    with contextlib.suppress(OSError):
                        temp.unlink()
            named = next((t for _, t in staged if str(t) == exc.filename), None)
            staging = staged[-1][1] if staged else next(iter(outputs))
            raise _cannot_write(named or (folder if switching else staging), exc) from None
        except BaseException:
            if not (folder / JOURNAL).exists():
                for temp, _ in staged:
                    with contextlib.suppress(OSError):
                        temp.unlink()
            raise
    return [target for _, target in staged]


def recover(folder: Path) -> None:
    """Finish a switch a killed build left half done, and remove its stray temp files."""
    journal = folder / JOURNAL
    with contextlib.suppress(FileNotFoundError, ValueError, OSError):
        entries = json.loads(journal.read_text(encoding="utf-8"))
        for temp_name, target_name in entries:
            temp, target = folder / Path(temp_name).name, folder / Path(target_name).name
            if temp.exists() and _special_kind(target) is None:  # never a rename over a device
                os.replace(temp, target)
        _sync_folder(folder)
    try:
        if os.path.lexists(journal):  # unlinking a missing name on a read-only file system is EROFS, not ENOENT
            journal.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if _TEMP.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _folder_of(outputs: dict[Path, bytes]) -> Path:
    folders = {target.parent for target in outputs}
    if len(folders) != 1:
        raise WriteError("outputs of one build must share one folder")
    return folders.pop()


def _refuse(target: Path, folder: Path, source: Path | None) -> None:
    name = target.name
    if name in ("", ".", "..") or target.parent != folder or os.sep in name:
        raise WriteError(
            Text(
                f"输出文件名 {name!r} 会写到 {folder} 之外",
                f"the output name {name!r} would be written outside {folder}",
            )
        )
    if source is not None and _same_file(target, source):
        raise WriteError(
            Text(
                f"输出文件 {target} 就是数据文件本身，生成会覆盖它：请换一个输出目录（-o）",
                f"the output {target} is the data file itself and would replace it: choose another output folder (-o)",
            )
        )
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISDIR(os.lstat(target).st_mode):
            raise WriteError(
                Text(
                    f"{target} 是一个文件夹，无法写入报告：请移走或改名",
                    f"{target} is a folder, so the report cannot be written there: move or rename it",
                )
            )
    _refuse_special(target)


def _refuse_special(target: Path) -> None:
    """WriteError when `target` (followed through links) exists and is not a regular file."""
    kind = _special_kind(target)
    if kind is not None:
        raise WriteError(
            Text(
                f"{target} 是{kind[0]}，不是普通文件：genreport 只写普通文件，不会替换它；请给一个普通文件名",
                f"{target} is a {kind[1]}, not a regular file: genreport writes only regular files and never replaces it; name a regular file",
            )
        )


def _special_kind(target: Path) -> tuple[str, str] | None:
    """What `target` is (zh, en) when it exists and is neither a regular file nor a folder."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return None  # a new name or a dangling link (the rename makes a regular file); unreadable: the write says why
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _SPECIAL.get(stat.S_IFMT(mode), ("特殊文件", "special file"))


_SPECIAL = {
    stat.S_IFCHR: ("字符设备", "character device"),
    stat.S_IFBLK: ("块设备", "block device"),
    stat.S_IFIFO: ("命名管道（FIFO）", "FIFO (named pipe)"),
    stat.S_IFSOCK: ("套接字", "socket"),
}


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))  # the folder itself: no lock file left
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    try:
        with contextlib.suppress(OSError, ImportError):  # no flock (Windows, some network mounts): no turns
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _stage(target: Path, data: bytes, staged: list[tuple[Path, Path]]) -> None:
    """A synced temp file beside `target`, listed in `staged` the moment it exists (an interrupt
    at any later point still finds it to remove)."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.genreport-", suffix=".tmp")
    staged.append((Path(name), target))
    with os.fdopen(fd, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(name, _file_mode(target))


def _file_mode(target: Path) -> int:
    # mkstemp makes the file private (0600): a replaced regular file keeps its own permission
    # bits, anything else (new, or a symlink planted in its place) gets what the user's umask
    # gives any new file. Never a link target's mode (a shared folder's 1777, a program's 4755),
    # and never setuid, setgid or sticky: an output is a document.
    with contextlib.suppress(OSError):
        info = os.lstat(target)
        if stat.S_ISREG(info.st_mode):
            return info.st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_journal(folder: Path, staged: list[tuple[Path, Path]]) -> None:
    """The journal, written and synced; when it cannot be (a full disk), none is left: no rename has
    been made yet, so the caller removes its temp files and the old set stands as it was."""
    text = json.dumps([[temp.name, target.name] for temp, target in staged])
    journal = folder / JOURNAL
    fd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            journal.unlink()
        raise
    _sync_folder(folder)


_ADVICE = {
    errno.EROFS: Text("只读文件系统：请换一个可写的目录（-o）", "a read-only file system: write elsewhere (-o)"),
    errno.ENOSPC: Text("磁盘已满：请腾出空间后重试", "the disk is full: free some space and try again"),
    errno.EDQUOT: Text("磁盘配额已用完：请腾出空间后重试", "the disk quota is used up: free some space and try again"),
}


def _cannot_write(where: Path, exc: OSError) -> WriteError:
    """The could-not-write message: the place, the system's reason and, for the usual causes, what to do."""
    advice = _ADVICE.get(exc.errno or 0)
    zh, en = f"无法写入 {where}：{exc.strerror}", f"cannot write {where}: {exc.strerror}"
    return WriteError(Text(f"{zh}（{advice.zh}）", f"{en} ({advice.en})") if advice else Text(zh, en))


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block ends (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
