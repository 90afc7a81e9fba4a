"""Issue 27 items 11 and 13: what a replaced output's mode may be, and writing where nothing can be written.

11. An output replaced where a symlink was planted takes the umask's mode, never the link
    target's (a shared folder's 1777, a program's 4755); no output is ever setuid, setgid or sticky.
13. A read-only file system is a clear message and exit 2 (the old set intact); a disk that fills
    while the journal is written leaves no temp file and no journal behind.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
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


# ------------------------------------------------------------------ 13: read-only, full disk ---


def _can_mount() -> bool:
    """A private mount namespace (root, unshare): the test mounts its own small tmpfs there."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = ["unshare", "-m", "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", "/mnt"]
    return subprocess.run(probe, capture_output=True).returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="needs root and unshare -m to mount a private tmpfs")

# Runs inside `unshare -m`: its mounts are private to it and vanish with it.
IN_NAMESPACE = r"""
import json, os, subprocess, sys
fs, source, spare_pages = sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3].split(",")]
env = {**os.environ, "LANG": "en_US.UTF-8"}
def mount(*options):
    subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(("size=1m",) + options), "tmpfs", fs], check=True)
def build(out):
    done = subprocess.run([sys.executable, "-m", "genreport", "build", source, "-o", out, "-f", "html,md"],
                          capture_output=True, text=True, env=env, timeout=120)
    left = sorted(os.listdir(out)) if os.path.isdir(out) else None
    return {"exit": done.returncode, "stderr": done.stderr, "left": left}
def avail():
    info = os.statvfs(fs)
    return info.f_bavail
runs = {}
# a read-only file system: an old set is there, a new build cannot switch it
mount()
out = os.path.join(fs, "out")
first = build(out)
old = {name: open(os.path.join(out, name), "rb").read() for name in first["left"]}
pages = sum(-(-len(data) // 4096) for data in old.values())  # what the two temp files take
subprocess.run(["mount", "-o", "remount,ro", fs], check=True)
runs["read-only"] = build(out)
runs["read-only"]["same"] = {name: open(os.path.join(out, name), "rb").read() for name in old} == old
runs["read-only new folder"] = build(os.path.join(fs, "new"))
subprocess.run(["umount", fs], check=True)
# a disk with room for `spare` pages: the temp files of both outputs take `pages`
for spare in [pages, pages - 1, 1]:
    mount()
    os.mkdir(out)
    with open(os.path.join(fs, "filler"), "wb") as filler:
        filler.write(b"\0" * ((avail() - spare) * 4096))
    runs[f"spare {spare - pages:+d}"] = build(out)
    subprocess.run(["umount", fs], check=True)
print(json.dumps({"pages": pages, "runs": runs}))
"""


@needs_mount
def test_a_read_only_file_system_and_a_disk_that_fills_on_the_journal(tmp_path):
    script = tmp_path / "in_namespace.py"
    script.write_text(IN_NAMESPACE, encoding="utf-8")
    (tmp_path / "fs").mkdir()
    done = subprocess.run(
        ["unshare", "-m", sys.executable, str(script), str(tmp_path / "fs"), str(VALID), "0"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    runs = answer["runs"]
    for name in ("read-only", "read-only new folder"):
        run = runs[name]
        assert run["exit"] == 2, (name, run)
        assert run["stderr"].count("\n") == 1 and "internal error" not in run["stderr"], run["stderr"]
        assert "Read-only file system" in run["stderr"], run["stderr"]
    assert "(a read-only file system: write elsewhere (-o))" in runs["read-only"]["stderr"]
    assert runs["read-only"]["same"] is True  # the old set stands
    # every page of the temp files fits, and the journal's page does not: the failing build
    # removes its temp files and its half-written journal itself
    journal_full = runs["spare +0"]
    assert journal_full["exit"] == 2 and "No space left on device" in journal_full["stderr"]
    assert journal_full["left"] == [], journal_full
    assert journal_full["stderr"].startswith(f"cannot write {tmp_path / 'fs' / 'out'}:")  # the folder, not one output
    for name in ("spare -1", f"spare {1 - answer['pages']:+d}"):  # a temp file itself hits the full disk
        assert runs[name]["exit"] == 2 and runs[name]["left"] == [], (name, runs[name])


def test_the_journal_hitting_a_full_disk_leaves_nothing_behind(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").write_bytes(b"old a")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(fd, mode="r", *args, **kwargs):
        stream = real_fdopen(fd, mode, *args, **kwargs)
        return Full(stream) if "w" in mode and "b" not in mode else stream  # the journal is the one text write

    monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    with pytest.raises(atomic.WriteError) as refused:
        atomic.write_files({out / "a.md": b"new a", out / "b.md": b"new b"})
    assert sorted(p.name for p in out.iterdir()) == ["a.md"]  # no temp file, no journal
    assert (out / "a.md").read_bytes() == b"old a"
    advice = "(the disk is full: free some space and try again)"
    assert refused.value.message("en") == f"cannot write {out}: {os.strerror(errno.ENOSPC)} {advice}"
