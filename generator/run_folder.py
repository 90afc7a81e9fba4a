"""One private temporary folder per `genreport` run, shared by every process of that run.

When the font cache cannot be written (a read-only or missing home), fonts are cut into a
temporary folder instead. The command, its PDF helper and batch workers must all use the same
one: the helper lays out with fonts the command declared, and a worker's folder would outlive
it (workers end by os._exit, 15 MB each). So the folder is named once, before anything forks,
in GENREPORT_RUN_TMP (random, 0700, created by whichever process needs it first), and only the
process that named it removes it, at exit (launch.main runs atexit functions before os._exit).
"""

from __future__ import annotations

import atexit
import os
import stat
import tempfile
from pathlib import Path

ENV = "GENREPORT_RUN_TMP"
PREFIX = "genreport-fonts-"


def reserve() -> None:
    """Name this run's folder (not made yet) so that processes forked from here share it."""
    if os.environ.get(ENV):
        return
    path = (
        Path(tempfile.gettempdir()) / f"{PREFIX}{os.getpid()}-{os.urandom(8).hex()}"
    )  # secrets.token_hex, without its imports
    os.environ[ENV] = str(path)
    atexit.register(_remove, path, os.getpid())


def folder() -> Path:
    """The run's folder, made now if need be; a fresh private one when the named one is not ours."""
    reserve()
    path = Path(os.environ[ENV])
    if not path.is_absolute():  # not one genreport named (it names them absolute): fonts loaded from it need a file URL
        return _own_folder()
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return _own_folder()
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return _own_folder()  # someone else's, or open to others: not trusted with fonts we load
    return path


def _own_folder() -> Path:
    path = Path(tempfile.mkdtemp(prefix=PREFIX))
    atexit.register(_remove, path, os.getpid())
    return path


def _remove(path: Path, owner: int) -> None:
    if os.getpid() == owner:  # a forked child never removes its parent's folder
        import shutil  # only at exit: every command names the folder, few make it

        shutil.rmtree(path, ignore_errors=True)
