"""Issue 27 items 11 and 13: what a replaced output's mode may be, and writing where nothing can be written.

11. An output replaced where a symlink was planted takes the umask's mode, never the link
    target's (a shared folder's 1777, a program's 4755); no output is ever setuid, setgid or sticky.
13. A read-only file system is a clear message and exit 2 (the old set intact); a disk that fills
    while the journal is written leaves no temp file and no journal behind.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA

from genreport import atomic

VALID = DATA / "valid.zh-CN.yaml"
HTML, MD = "valid.zh-CN.html", "valid.zh-CN.md"
ENV = {**os.environ, "LANG": "en_US.UTF-8"}


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask for the test's duration (the mode a new output gets is read from it)."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


# ------------------------------------------------------------------ 11: modes ---


def test_a_planted_symlink_to_a_sticky_world_writable_folder_gives_no_mode_1777(tmp_path, umask_022):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # /tmp's mode
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").symlink_to(shared)
    atomic.write_files({out / "report.md": b"# new\n"})
    written = out / "report.md"
    assert not written.is_symlink() and written.read_bytes() == b"# new\n"
    assert mode(written) == 0o644
    assert mode(shared) == 0o1777  # the target is untouched


def test_a_planted_symlink_to_a_setuid_program_gives_no_setuid_output(tmp_path, umask_022):
    program = tmp_path / "program"
    program.write_bytes(b"#!/bin/sh\n")
    program.chmod(0o4755)
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").symlink_to(program)
    atomic.write_files({out / "report.html": b"<p>new</p>"})
    assert mode(out / "report.html") == 0o644
    assert program.read_bytes() == b"#!/bin/sh\n" and mode(program) == 0o4755


def test_a_replaced_regular_file_keeps_its_permissions_but_loses_setuid_setgid_sticky(tmp_path, umask_022):
    out = tmp_path / "out"
    out.mkdir()
    private, special = out / "private.md", out / "special.md"
    private.write_bytes(b"old")
    private.chmod(0o600)
    special.write_bytes(b"old")
    special.chmod(0o7775)  # every special bit on a regular file
    atomic.write_files({private: b"new", special: b"new"})
    assert mode(private) == 0o600  # the owner's choice is kept
    assert mode(special) == 0o775  # the bits a document must never carry are dropped


def test_a_new_output_follows_a_strict_umask(tmp_path):
    previous = os.umask(0o077)
    try:
        atomic.write_files({tmp_path / "new.md": b"new"})
    finally:
        os.umask(previous)
    assert mode(tmp_path / "new.md") == 0o600


def test_a_real_build_over_planted_symlinks(tmp_path):
    shared, program = tmp_path / "shared", tmp_path / "program"
    shared.mkdir()
    shared.chmod(0o1777)
    program.write_bytes(b"#!/bin/sh\n")
    program.chmod(0o4755)
    out = tmp_path / "out"
    out.mkdir()
    (out / MD).symlink_to(shared)
    (out / HTML).symlink_to(program)
    run = subprocess.run(
        ["sh", "-c", f'umask 022 && exec "{sys.executable}" -m genreport build "{VALID}" -o out -f html,md'],
        capture_output=True, text=True, env=ENV, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert {mode(out / MD), mode(out / HTML)} == {0o644}
    assert "<html" in (out / HTML).read_text(encoding="utf-8")
    assert mode(shared) == 0o1777 and mode(program) == 0o4755 and program.read_bytes() == b"#!/bin/sh\n"
