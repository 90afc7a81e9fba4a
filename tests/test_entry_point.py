"""The `genreport` command as installed (launch.main): exit statuses and output survive its quick exit.

launch.main() ends the process with os._exit after run() (no interpreter teardown) and runs
one-shot commands without the cyclic garbage collector; these run the real entry point in a
fresh process and read what a shell would see.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import output

from genreport.batch import jobs as batch

ROOT = Path(__file__).parent.parent
VALID = ROOT / "tests" / "data" / "valid.zh-CN.yaml"
GENREPORT = [sys.executable, "-m", "genreport"]


def genreport(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*GENREPORT, *args], capture_output=True, text=True, timeout=120, **kwargs)


def test_exit_statuses_are_kept(tmp_path):
    assert genreport("check", str(VALID)).returncode == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text(VALID.read_text(encoding="utf-8").replace("year:", "yaer:", 1), encoding="utf-8")
    assert genreport("check", str(broken)).returncode == 1
    missing = genreport("check", str(tmp_path / "absent.yaml"))
    assert missing.returncode == 2 and missing.stderr.strip()
    assert genreport("build", str(VALID), "--format", "nonsense", "-o", str(tmp_path)).returncode == 2


def test_output_is_flushed_in_full_before_the_quick_exit(tmp_path):
    done = genreport("check", str(VALID), "--format", "json")
    assert done.returncode == 0
    envelope = json.loads(done.stdout)  # the whole document, not a truncated buffer
    assert envelope["format"] == "genreport.findings"


def test_a_build_writes_every_output(tmp_path):
    done = genreport("build", str(VALID), "-o", str(tmp_path), "-f", "html,md")
    assert done.returncode == 0, done.stderr
    assert (output(tmp_path, "html")).read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert (output(tmp_path, "md")).stat().st_size > 0


def test_a_closed_pipe_is_not_a_traceback():
    shell = f"{' '.join(GENREPORT)} check --format json {VALID} | head -c 1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr


def test_a_batch_worker_collects_garbage_again():
    """Workers are forked from `genreport build`, which runs without the collector."""
    was = gc.isenabled()
    gc.disable()
    try:
        batch.warm()
        assert gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()


def test_no_temporary_font_folder_is_left_behind(tmp_path):
    """WeasyPrint copies each @font-face font into a temporary folder; a build and a batch remove theirs."""
    temp = tmp_path / "temp"
    temp.mkdir()
    batch_in = tmp_path / "batch"
    batch_in.mkdir()
    for name in ("a", "b"):
        (batch_in / f"{name}.zh-CN.yaml").write_bytes(VALID.read_bytes())
    env = {**os.environ, "TMPDIR": str(temp)}
    single = genreport("build", str(VALID), "-o", str(tmp_path / "one"), "-f", "pdf", env=env)
    assert single.returncode == 0, single.stderr
    assert (output(tmp_path / "one", "pdf")).exists()
    assert list(temp.iterdir()) == []
    many = genreport("build", str(batch_in), "-o", str(tmp_path / "many"), "-f", "pdf", "-j", "2", env=env)
    assert many.returncode == 0, many.stderr
    assert len(list((tmp_path / "many").rglob("*.pdf"))) == 2
    assert list(temp.iterdir()) == []
