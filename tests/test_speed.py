"""speed.py, the one seam for the speed tricks: each name switches its trick, and only output time changes.

bench/tricks.py measures each trick by switching it off through GENREPORT_SPEED_OFF; these tests
make sure that the switch really reaches the trick (else the measurement measures nothing) and
that a build without any trick writes the same bytes.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, output

from genreport import speed

ROOT = Path(__file__).resolve().parent.parent


ASKED = re.compile(r'(?:\bspeed\.on|\b_when|^    if on)\("([a-z-]+)"', re.MULTILINE)


def test_every_trick_is_asked_for_by_name_and_no_other_name_is():
    asked = {name for path in (ROOT / "generator").rglob("*.py") for name in ASKED.findall(path.read_text("utf-8"))}
    assert asked == set(speed.TRICKS)


def test_the_switch_reads_names_and_all(monkeypatch):
    monkeypatch.setenv(speed.ENV, " no-gc , quick-exit,nonsense")
    assert speed.off() == {"no-gc", "quick-exit"}
    assert not speed.on("no-gc") and speed.on("helper")
    monkeypatch.setenv(speed.ENV, "all")
    assert speed.off() == set(speed.TRICKS)
    with pytest.raises(ValueError):
        speed.on("nonsense")


def test_the_collector_is_switched_at_the_seam(monkeypatch):
    was = gc.isenabled()
    try:
        gc.enable()
        monkeypatch.setenv(speed.ENV, "no-gc")
        speed.one_shot()
        assert gc.isenabled()
        monkeypatch.delenv(speed.ENV)
        speed.one_shot()
        assert not gc.isenabled()
        speed.long_lived()
        assert gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()


PATCHED = """
import ctypes.util, sys
original = ctypes.util.find_library
from genreport.pdf.weasy import engine, user_agent
weasyprint = engine.load()
import pydyf
subset = sys.modules.get("fontTools.subset")
print(
    type(pydyf.PDF.__dict__["page_references"]).__name__,
    "lazy" if subset is None or type(subset).__name__ == "_LazyModule" else "loaded",
    "own" if user_agent.print_html_class() is not weasyprint.HTML else "weasyprint's",
)
"""


@pytest.mark.parametrize(
    ("off", "expected"),
    [
        ("", "_RememberedPageReferences lazy own"),
        ("page-references", "property lazy own"),
        ("lazy-fonttools", "_RememberedPageReferences loaded own"),
        ("own-ua-sheet", "_RememberedPageReferences lazy weasyprint's"),
        ("all", "property loaded weasyprint's"),
    ],
)
def test_each_weasyprint_trick_is_played_unless_switched_off(off, expected):
    env = {**os.environ, speed.ENV: off}
    done = subprocess.run([sys.executable, "-c", PATCHED], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected


def test_library_lookup_is_switched_off_with_its_name():
    code = (
        "import ctypes.util, subprocess\n"
        "calls = []\n"
        "real = subprocess.run\n"
        "subprocess.run = lambda *a, **k: calls.append(a[0][0]) or real(*a, **k)\n"
        "from genreport.pdf.weasy import engine\n"
        "engine.load()\n"
        "print(calls.count('/sbin/ldconfig'))\n"
    )
    counts = {}
    for off in ("", "library-lookup"):
        env = {**os.environ, speed.ENV: off}
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 0, done.stderr
        counts[off] = int(done.stdout)
    assert counts == {"": 1, "library-lookup": 0}  # one listing for every look-up, or none of ours


def test_a_build_without_any_trick_writes_the_same_bytes(tmp_path):
    digests = {}
    for off in ("", "all"):
        out = tmp_path / (off or "on")
        env = {**os.environ, speed.ENV: off, "XDG_CACHE_HOME": str(tmp_path / "cache")}
        done = subprocess.run(
            [sys.executable, "-m", "genreport", "build", str(DATA / "valid.zh-CN.yaml"), "-o", str(out)],
            capture_output=True, text=True, timeout=240, env=env,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        digests[off] = {fmt: hashlib.sha256(output(out, fmt).read_bytes()).hexdigest() for fmt in ("pdf", "html", "md")}
    assert digests[""] == digests["all"]
