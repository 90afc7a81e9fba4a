"""Shared fixtures: the valid report text, and a way to write a variant of it and check it."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from genreport.checks import CheckResult, check_file

# The font cache (fontcache.py) lives under $XDG_CACHE_HOME: one empty folder per test session,
# set before anything runs, so subprocesses inherit it and no test reads or fills the user's.
_CACHE_HOME = tempfile.mkdtemp(prefix="genreport-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
atexit.register(shutil.rmtree, _CACHE_HOME, ignore_errors=True)

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ files from the current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files instead of comparing with them."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def valid_text() -> str:
    """The text of a small, complete report that checks clean."""
    return (DATA / "valid.zh-CN.yaml").read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write text to a file under tmp_path and return its path."""

    def _write(text: str, name: str = "report.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def check_text(write: Callable[[str, str], Path]) -> Callable[..., CheckResult]:
    """Check a YAML text as `genreport check` would; `previous` is last year's text."""

    def _check(text: str, previous: str | None = None) -> CheckResult:
        last = write(previous, "last-year.yaml") if previous is not None else None
        return check_file(write(text, "report.yaml"), last)

    return _check


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of needle in text."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1


def output(folder, fmt: str):
    """The one output of format `fmt` a build wrote into `folder` (outputs are named after the data file)."""
    found = sorted(folder.glob(f"*.{fmt}"))
    assert len(found) == 1, f"expected one .{fmt} in {folder}, found {[p.name for p in found]}"
    return found[0]
