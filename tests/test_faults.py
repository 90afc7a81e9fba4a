"""Faults during a build: the previous good outputs survive, no temp file is left, the message says why.

Run as root here, so "not writable" is made with a file where the folder should be, and a full
disk by a write that fails with ENOSPC; interrupts are real signals sent to a real process.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, output
from typer.testing import CliRunner

from genreport import atomic, build
from genreport.cli import app

EXAMPLE = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
FORMATS = "html,md"


def build_cli(source: Path, out: Path, *extra: str):
    return CliRunner().invoke(app, ["build", str(source), "-o", str(out), "-f", FORMATS, *extra])


@pytest.fixture
def good_outputs(tmp_path):
    """An output folder holding a previous good build; returns (folder, {name: bytes})."""
    out = tmp_path / "out"
    assert build_cli(EXAMPLE, out).exit_code == 0
    return out, {p.name: p.read_bytes() for p in out.iterdir()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_disk_full_keeps_previous_outputs(good_outputs, monkeypatch):
    out, before = good_outputs
    real_fdopen = os.fdopen
    calls = {"n": 0}

    class FullDisk:
        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(fd, *args, **kwargs):
        calls["n"] += 1
        stream = real_fdopen(fd, *args, **kwargs)
        return FullDisk(stream) if calls["n"] == 2 else stream  # the second output hits a full disk

    monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    result = build_cli(EXAMPLE, out)
    assert result.exit_code == 2
    assert os.strerror(errno.ENOSPC) in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # neither output replaced
    assert leftovers(out) == []


def test_output_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    result = build_cli(EXAMPLE, blocker / "out")
    assert result.exit_code == 2
    assert "out" in result.output
    assert "Traceback" not in result.output


def test_input_vanishing_mid_build_uses_the_snapshot(tmp_path, monkeypatch):
    source = tmp_path / "report.yaml"
    shutil.copy(EXAMPLE, source)
    real = build.WRITERS["html"]

    def html_then_vanish(doc):
        source.unlink()  # the file is gone while outputs are being rendered
        return real(doc)

    monkeypatch.setitem(build.WRITERS, "html", html_then_vanish)
    result = build_cli(source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "左云县" in (output(tmp_path / "out", "html")).read_text(encoding="utf-8")


def test_missing_input_is_a_clear_error(tmp_path):
    result = build_cli(tmp_path / "absent.yaml", tmp_path / "out")
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_input_file_is_never_modified(tmp_path):
    source = tmp_path / "report.yaml"
    shutil.copy(EXAMPLE, source)
    before = source.read_bytes(), source.stat().st_mtime_ns
    assert build_cli(source, tmp_path / "out").exit_code == 0
    assert build_cli(source, tmp_path / "out2", "--draft").exit_code == 0
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before


# A build whose second output stalls after its temp file is written, so a signal lands mid-write.
STALLING_BUILD = """
import sys, time
from genreport import atomic
real_stage = atomic._stage
def slow_stage(target, data, staged):
    real_stage(target, data, staged)
    print("staged", flush=True)
    time.sleep(30)
atomic._stage = slow_stage
sys.argv = ["genreport", "build", sys.argv[1], "-o", sys.argv[2], "-f", "html,md"]
from genreport.cli import run
run()
"""


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupted_build_leaves_previous_outputs(good_outputs, signum, status):
    out, before = good_outputs
    process = subprocess.Popen(
        [sys.executable, "-c", STALLING_BUILD, str(EXAMPLE), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout.readline().strip() == "staged"
        assert leftovers(out)  # a temp file exists while the build is under way
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == status, stderr
    assert "Traceback" not in stderr
    assert ("interrupted" if signum == signal.SIGINT else "terminated") in stderr
    assert leftovers(out) == []
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


CRASHING_CHECK = """
import sys
from genreport import checks
def broken(path, previous=None):
    raise RuntimeError("simulated bug")
checks.check_file = broken
sys.argv = ["genreport", *sys.argv[1:]]
from genreport.cli import run
run()
"""


def test_internal_error_is_explained_and_debug_shows_the_traceback():
    plain = subprocess.run(
        [sys.executable, "-c", CRASHING_CHECK, "check", str(EXAMPLE)], capture_output=True, text=True
    )
    assert plain.returncode == 2
    assert "internal error" in plain.stderr and "Traceback" not in plain.stderr
    debug = subprocess.run(
        [sys.executable, "-c", CRASHING_CHECK, "--debug", "check", str(EXAMPLE)], capture_output=True, text=True
    )
    assert "Traceback" in debug.stderr and "simulated bug" in debug.stderr
