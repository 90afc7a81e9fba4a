"""The PDF helper process (pdf/helper.py): same bytes, clear failures, nothing left running.

`genreport build` forks a helper that loads WeasyPrint while the command checks the report,
then lays the PDF out. These build through the real command line in fresh processes, and drive
PdfHelper directly for the failures a build cannot be made to show on purpose.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer
from render_helpers import document

from genreport.cli import app
from genreport.errors import RenderError
from genreport.pdf import helper as pdf_helper
from genreport.pdf import layout
from genreport.pdf.helper import HelperCrash, PdfHelper, looks_like_pdf_build
from genreport.pdf.prepare import prepare

ROOT = Path(__file__).parent.parent
VALID = ROOT / "tests" / "data" / "valid.zh-CN.yaml"
ZUOYUN = ROOT / "examples" / "zuoyun-2023.zh-CN.yaml"
GENREPORT = [sys.executable, "-m", "genreport"]


def build(*args: str, helper: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, pdf_helper.ENV_SWITCH: "1" if helper else "0"}
    return subprocess.run([*GENREPORT, "build", *args], capture_output=True, text=True, timeout=180, env=env)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def running_with(marker: str) -> list[str]:
    """Processes whose command line names `marker` (the helper is a fork: it has the command's)."""
    found = subprocess.run(["pgrep", "-af", marker], capture_output=True, text=True).stdout.splitlines()
    return [line for line in found if "pgrep" not in line]


@pytest.mark.parametrize("extra", [[], ["--draft"]])
def test_the_helper_writes_the_same_bytes_as_one_process(tmp_path, extra):
    with_helper = build(str(ZUOYUN), "-o", str(tmp_path / "helper"), *extra, helper=True)
    alone = build(str(ZUOYUN), "-o", str(tmp_path / "alone"), *extra, helper=False)
    assert with_helper.returncode == alone.returncode == 0, (with_helper.stderr, alone.stderr)
    assert with_helper.stdout.replace(str(tmp_path / "helper"), str(tmp_path / "alone")) == alone.stdout
    for name in ("zuoyun-2023.zh-CN.pdf", "zuoyun-2023.zh-CN.html", "zuoyun-2023.zh-CN.md"):
        assert sha(tmp_path / "helper" / name) == sha(tmp_path / "alone" / name), name


def test_a_refused_build_leaves_no_helper_behind(tmp_path):
    broken = tmp_path / "refused-marker-4711.yaml"
    broken.write_text(VALID.read_text(encoding="utf-8").replace("year:", "yaer:", 1), encoding="utf-8")
    done = build(str(broken), "-o", str(tmp_path / "out"), helper=True)
    assert done.returncode == 1
    assert not (tmp_path / "out").exists()
    deadline = time.monotonic() + 30  # the helper is told to go; on a loaded machine it may take a while
    while running_with("refused-marker-4711") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running_with("refused-marker-4711") == []


@pytest.mark.parametrize(
    ("signum", "status", "word"), [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")]
)
def test_a_stopped_build_leaves_no_helper_and_no_output_behind(tmp_path, signum, status, word):
    """SIGTERM reaches the command alone; Ctrl-C (SIGINT) the whole process group, the helper too."""
    out = tmp_path / f"stopped-marker-{signum}"
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, pdf_helper.ENV_SWITCH: "1", "TMPDIR": str(temp)}
    process = subprocess.Popen(
        [*GENREPORT, "build", str(ZUOYUN), "-o", str(out)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    # Stop it mid-build on any machine: as soon as the helper is forked (before typer even loads),
    # long before a build could finish.
    deadline = time.monotonic() + 30
    while not _children(process.pid) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert _children(process.pid), "the build never started its helper"
    while not _catches_sigterm(process.pid) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # the command line has installed its handlers: the build is under way
    time.sleep(0.3)  # into checking and loading WeasyPrint (a whole build takes several times this)
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    deadline = time.monotonic() + 5
    while running_with(str(out)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running_with(str(out)) == []
    assert process.returncode == status, stderr
    assert word in stderr and "Traceback" not in stderr
    assert not out.exists()
    assert list(temp.iterdir()) == []  # the helper removed its temporary fonts


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _catches_sigterm(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), 16)
    return bool(caught & (1 << (signal.SIGTERM - 1)))


def helper_or_skip() -> PdfHelper:
    helper = PdfHelper.start()
    if helper is None:
        pytest.skip("no fork here (or other threads are running)")
    return helper


def test_a_render_error_in_the_helper_reaches_the_command():
    job = prepare(document(VALID)).job
    job = type(job)(
        **{**job.__dict__, "extra_css": (*job.extra_css, 'body { background: url("file:///etc/hostname") }')}
    )
    with helper_or_skip() as helper, pytest.raises(RenderError) as raised:
        helper.lay_out(job)
    assert "file:///etc/hostname" in raised.value.text.en and "地址" in raised.value.text.zh


def test_a_bug_in_the_helper_is_an_internal_error_with_its_traceback(monkeypatch):
    def broken(job):
        raise ZeroDivisionError("simulated bug in the helper")

    monkeypatch.setattr(layout, "lay_out", broken)  # the fork inherits it
    with helper_or_skip() as helper, pytest.raises(HelperCrash) as raised:
        helper.lay_out(prepare(document(VALID)).job)
    assert "ZeroDivisionError: simulated bug in the helper" in str(raised.value)


def test_a_helper_killed_mid_way_is_a_clear_render_error():
    helper = helper_or_skip()
    os.kill(helper.pid, signal.SIGKILL)
    with helper, pytest.raises(RenderError) as raised:
        helper.lay_out(prepare(document(VALID)).job)
    assert "signal 9" in raised.value.text.en


def test_an_unused_helper_exits_when_closed():
    helper = helper_or_skip()
    helper.close()
    with pytest.raises(ProcessLookupError):
        os.kill(helper.pid, 0)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["build", "r.yaml"], True),
        (["--debug", "build", "r.yaml", "-o", "out"], True),
        (["build", "-o", "out", "r.yaml", "-f", "html,pdf"], True),
        (["build", "r.yaml", "--format=pdf"], True),
        (["build", "r.yaml", "-f", "html,md"], False),
        (["build", "r.yaml", "--format=md"], False),
        (["build", "a.yaml", "b.yaml"], False),
        (["build", "."], False),  # a folder: a batch
        (["build", "--help"], False),
        (["build", "r.yaml", "-h"], False),
        (["check", "r.yaml"], False),
        ([], False),
    ],
)
def test_which_command_lines_start_the_helper_early(args, expected):
    assert looks_like_pdf_build(args) is expected


def test_the_early_guess_knows_every_build_option_that_takes_a_value():
    command = typer.main.get_command(app)
    build_command = command.commands["build"]  # type: ignore[attr-defined]
    options = [p for p in build_command.params if p.param_type_name == "option"]
    assert options
    taking = {opt for p in options if not p.is_flag for opt in p.opts}
    assert taking == set(pdf_helper.BUILD_VALUE_OPTIONS)
    flags = {opt for p in command.params if p.param_type_name == "option" and p.is_flag for opt in p.opts}
    assert set(pdf_helper.GLOBAL_FLAGS) <= flags


WARM_THEN_LAY_OUT = """
import sys
from pathlib import Path
import cffi.api
from genreport.checks import check_file
from genreport.render.document import Document
from genreport.pdf import layout
from genreport.pdf.prepare import prepare
result = check_file(Path(sys.argv[1]))
job = prepare(Document(result.report, result.kind)).job
parsed = []
original = cffi.api.FFI._typeof_locked
def recording(self, cdecl):
    parsed.append(cdecl)
    return original(self, cdecl)
cffi.api.FFI._typeof_locked = recording
layout.warm_up()
print(len(parsed))
parsed.clear()
layout.lay_out(job)
print(parsed)
"""


def test_a_warmed_process_parses_no_c_type_while_laying_out():
    """layout.FIRST_USE_TYPES lists every type string WeasyPrint parses in a render (a fresh process)."""
    done = subprocess.run(
        [sys.executable, "-c", WARM_THEN_LAY_OUT, str(ZUOYUN)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    during_warm_up, during_layout = done.stdout.splitlines()
    assert int(during_warm_up) >= len(layout.FIRST_USE_TYPES)  # the recording sees them
    # Not declarable ahead: WeasyPrint's font subsetting sizes one glyph array per font (about
    # 40 ms of parsing a build; speed.py says why that is paid rather than patched).
    per_font = re.compile(r"hb_codepoint_t\[\d+\]")
    assert [t for t in ast.literal_eval(during_layout) if not per_font.fullmatch(t)] == []
