"""Issue 18 items 8 and 9: outputs stay in their folder, never replace the data file, and
switch as one set (a Ctrl-C or a SIGKILL between two renames, a folder in a file's place, two
builds into one folder).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import DATA

from genreport import atomic as output_set

VALID = DATA / "valid.zh-CN.yaml"
ENV = {**os.environ, "LANG": "C.UTF-8"}


def genreport(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "genreport", *args], capture_output=True, text=True, env=ENV, cwd=cwd, timeout=timeout
    )


HTML, MD, PDF = (f"{VALID.name.removesuffix('.yaml')}.{fmt}" for fmt in ("html", "md", "pdf"))  # valid.zh-CN.*


def old_outputs(folder: Path) -> dict[str, bytes]:
    """The .html and .md of VALID with marker contents, standing for a previous build's."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in (HTML, MD):
        (folder / name).write_bytes(b"OLD " + name.encode())
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_batch_file_named_dots_cannot_write_outside_the_output_folder(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(VALID, inputs / "...yaml")  # its folder would be "..": OUT/.. is the working folder
    shutil.copy(VALID, inputs / "a.yaml")
    run = genreport(
        "build", str(inputs / "...yaml"), str(inputs / "a.yaml"), "-o", "out", "-f", "html", "-j", "1", cwd=tmp_path
    )
    assert run.returncode == 0, run.stdout + run.stderr
    # the dots name no folder: that report is out/report/report.zh-CN.html, inside -o
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html")) == [
        "out/a/a.zh-CN.html",
        "out/report/report.zh-CN.html",
    ]
    assert "Traceback" not in run.stderr


def test_building_into_the_folder_of_a_data_file_named_like_an_output(tmp_path):
    data = tmp_path / "report.zh-CN.md"  # the data file carries a name outputs are given
    shutil.copy(VALID, data)
    before = data.read_bytes()
    run = genreport("build", data.name, "-o", ".", "-f", "html,md", cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert data.read_bytes() == before  # outputs are named after the whole file name: never the data file
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "report.zh-CN.md",
        "report.zh-CN.md.zh-CN.html",
        "report.zh-CN.md.zh-CN.md",
    ]


def test_the_writer_refuses_to_replace_the_data_file(tmp_path):
    data = tmp_path / "report.zh-CN.md"
    shutil.copy(VALID, data)
    before = data.read_bytes()
    try:
        output_set.write_files({data: b"# an output\n"}, source=data)
    except output_set.WriteError as refused:
        assert "data file" in refused.message("en")
    else:
        raise AssertionError("the data file was replaced")
    assert data.read_bytes() == before


def test_a_folder_where_an_output_goes_stops_the_build_before_any_file_is_replaced(tmp_path):
    out = tmp_path / "out"
    before = old_outputs(out)
    (out / PDF).mkdir()
    run = genreport("build", str(VALID), "-o", str(out), "-f", "html,md,pdf")
    assert run.returncode == 2
    assert PDF in run.stderr + run.stdout and ".tmp" not in run.stderr + run.stdout
    assert {n: (out / n).read_bytes() for n in before} == before
    assert sorted(p.name for p in out.iterdir()) == sorted([HTML, MD, PDF])


# A build that receives a signal (or dies) right after its first output is renamed into place.
SIGNAL_BETWEEN_RENAMES = """
import os, signal, sys
real_replace = os.replace
signum = int(sys.argv[3])
count = [0]
def replace(src, dst, *args, **kwargs):
    real_replace(src, dst, *args, **kwargs)
    count[0] += os.path.basename(dst).startswith("valid.")
    if count[0] == 1 and os.path.basename(dst).startswith("valid."):
        os.kill(os.getpid(), signum)
os.replace = replace
sys.argv = ["genreport", "build", sys.argv[1], "-o", sys.argv[2], "-f", "html,md"]
from genreport.cli import run
run()
"""


def _switch_interrupted(out: Path, signum: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SIGNAL_BETWEEN_RENAMES, str(VALID), str(out), str(int(signum))],
        capture_output=True, text=True, env=ENV, timeout=120,
    )  # fmt: skip


def test_ctrl_c_between_the_renames_lands_after_the_whole_set(tmp_path):
    out = tmp_path / "out"
    old_outputs(out)
    run = _switch_interrupted(out, signal.SIGINT)
    assert run.returncode == 130, run.stderr
    html, md = (out / HTML).read_bytes(), (out / MD).read_bytes()
    assert not html.startswith(b"OLD") and not md.startswith(b"OLD")  # today: a new html beside an old md
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_a_build_killed_between_the_renames_is_finished_by_the_next(tmp_path):
    out = tmp_path / "out"
    old_outputs(out)
    run = _switch_interrupted(out, signal.SIGKILL)
    assert run.returncode == -signal.SIGKILL
    assert (out / output_set.JOURNAL).exists()  # the set is half switched, and says so
    output_set.recover(out)  # what the next build into this folder does first
    assert not (out / HTML).read_bytes().startswith(b"OLD")
    assert not (out / MD).read_bytes().startswith(b"OLD")
    assert sorted(p.name for p in out.iterdir()) == [HTML, MD]


def test_stale_temp_files_a_killed_build_left_are_removed(tmp_path):
    out = tmp_path / "out"
    old_outputs(out)
    stale = out / f".{PDF}.genreport-k1ll3d00.tmp"
    stale.write_bytes(b"half")
    keep = out / ".notes.tmp"
    keep.write_bytes(b"the user's")
    output_set.write_files({out / MD: b"# new\n"})
    assert not stale.exists() and keep.exists()


def test_two_builds_into_one_folder_take_turns(tmp_path):
    out = tmp_path / "out"
    old_outputs(out)
    fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a first build is switching its set
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "genreport", "build", str(VALID), "-o", str(out), "-f", "html,md"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
        )  # fmt: skip
        time.sleep(3)  # long enough for a build of this file to finish
        assert process.poll() is None
        assert (out / HTML).read_bytes().startswith(b"OLD")  # it waits for its turn
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert not (out / HTML).read_bytes().startswith(b"OLD")
