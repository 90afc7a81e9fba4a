"""Issue 18 items 3, 7 and 10: no input kills, hangs or exhausts the process, and odd integers are data.

Each pathological file runs in a child process under a time limit, so a crash (SIGSEGV in
ruamel's C composer), a hang (reading a FIFO) or a runaway (reading /dev/zero) fails the test
instead of taking pytest down.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from genreport.checks import check_file
from genreport.data import limits
from genreport.data.load import load_yaml


def _check(path: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONFAULTHANDLER": ""}
    return subprocess.run(
        [sys.executable, "-m", "genreport", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 40_000 + "]" * 40_000 + "\n",  # flow sequences: SIGSEGV in the C composer today
        "a: " + "{a: " * 40_000 + "1" + "}" * 40_000 + "\n",  # flow mappings
        "a:\n" + "".join(" " * i + "-\n" for i in range(1, 2_000)),  # block sequences, one per line
        "a:\n" + "- " * 20_000 + "x\n",  # compact block sequences on one line
    ],
    ids=["flow-seq", "flow-map", "block-seq", "compact-seq"],
)
def test_deep_nesting_is_a_finding_not_a_crash(tmp_path, text):
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    run = _check(path)
    assert run.returncode == 1, (run.returncode, run.stderr[-500:])
    assert "yaml-depth" in run.stdout and "Traceback" not in run.stderr


def test_nesting_at_the_limit_still_loads(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("a: " + "[" * limits.MAX_DEPTH + "]" * limits.MAX_DEPTH + "\n", encoding="utf-8")
    assert not [f for f in load_yaml(path).findings if f.code == "yaml-depth"]


def test_too_many_values_are_refused_early(tmp_path):
    path = tmp_path / "wide.yaml"
    path.write_text("x: [" + ",".join(["1"] * (limits.MAX_NODES + 10)) + "]\n", encoding="utf-8")
    found = load_yaml(path).findings
    assert [f.code for f in found] == ["yaml-size"]


def test_a_large_real_report_is_within_the_node_limit():
    sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
    try:
        import corpus
    finally:
        sys.path.pop(0)
    data = corpus.report(300_000)  # a ~250-page report

    def count(value: object) -> int:
        if isinstance(value, dict):
            return 1 + sum(1 + count(v) for v in value.values())
        if isinstance(value, list):
            return 1 + sum(count(v) for v in value)
        return 1

    assert count(data) * 25 < limits.MAX_NODES  # 25 times that size still loads


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_non_regular_files_are_refused_without_reading(tmp_path, special):
    if special == "fifo":
        path = tmp_path / "report.yaml"
        os.mkfifo(path)
    else:
        path = Path(special)
    run = _check(path, timeout=30)  # today: /dev/zero reads until memory runs out, a FIFO blocks forever
    assert run.returncode == 2
    assert "不是普通文件" in run.stdout + run.stderr  # C.UTF-8 names no language: zh-CN


def test_bytes_read_are_bounded_whatever_the_size_claims(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: b\n" * 1000)
    with pytest.raises(Exception) as caught:
        limits.read_bounded(path, limit=100)
    assert "100" in caught.value.message("en")
    assert limits.read_bounded(path, limit=5000) == b"a: b\n" * 1000


@pytest.mark.parametrize(
    ("written", "value"),
    [("-0x10", -16), ("+0o7", 7), ("0b101", 5), ("0x_1F", 31), ("1_000", 1000), ("-12", -12)],
)
def test_yaml_integers_in_every_notation(tmp_path, written, value):
    path = tmp_path / "n.yaml"
    path.write_text(f"n: {written}\n", encoding="utf-8")
    loaded = load_yaml(path)
    assert loaded.findings == [] and loaded.data == {"n": value}


def test_an_integer_too_long_for_python_is_text_and_a_finding(tmp_path, valid_text):
    long_number = "9" * 5_000
    path = tmp_path / "report.yaml"
    path.write_text(valid_text.replace("year: 2023", f"year: {long_number}", 1), encoding="utf-8")
    result = check_file(path)  # today: ValueError "Exceeds the limit (4300 digits)", an internal error
    assert result.report is None
    assert [f.location.line for f in result.errors if f.field == "year"]


def test_an_integer_too_long_in_kind_yaml_is_a_kind_error(tmp_path, monkeypatch):
    import shutil

    from conftest import DATA

    from genreport.data.kinds import load_kind
    from genreport.errors import KindError

    kinds = tmp_path / "kinds"
    shutil.copytree(DATA / "kinds" / "minimal", kinds / "minimal")
    spec = kinds / "minimal" / "kind.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("min_chars: 0", "min_chars: " + "9" * 5_000, 1), encoding="utf-8"
    )
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(kinds))
    with pytest.raises(KindError):
        load_kind("minimal")
