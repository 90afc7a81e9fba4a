"""Issue 22 item 4: a command imports only what it uses, so that a fresh process starts quickly.

Each case runs `python -X importtime -m genreport ...` in a fresh interpreter and reads the
modules it imported from the interpreter's own log on stderr: every import of the process,
at any depth, wherever it happens (a module that slips back in through a new top-level import
anywhere on the command's path fails here). Times are not asserted (SPEC: performance belongs
in bench/); only which modules load.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA

VALID = DATA / "valid.zh-CN.yaml"

# The PDF stage and what only it (or the .docx writer) loads.
PDF_ONLY = (
    "weasyprint",
    "pydyf",
    "fontTools",
    "cffi",
    "PIL",
    "genreport.pdf.prepare",
    "genreport.pdf.layout",
    "genreport.pdf.compose",
    "genreport.fonts",
)
DOCX_ONLY = ("docx", "lxml", "genreport.docx")
RENDERING = ("jinja2", "markdown", "markdown_it", "nh3", "genreport.render")
CHECKING = ("pydantic", "ruamel", "genreport.checks", "genreport.data")


def imported(*args: str, tmp_path: Path) -> set[str]:
    """Every module a fresh `genreport ARGS` process imports (its status must be 0)."""
    env = {**os.environ, "LANG": "C.UTF-8", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("GENREPORT_SPEED_OFF", None)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "genreport", *args],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    names = set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \| +(\S+)$", done.stderr, re.MULTILINE))
    assert "genreport.cli" in names, done.stderr[-2000:]  # the log was read (the parse works)
    return names


def loaded(names: set[str], prefixes: tuple[str, ...]) -> list[str]:
    """The modules of `names` that are one of `prefixes` or inside one of them."""
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in prefixes))


def test_help_imports_neither_the_checks_nor_any_renderer(tmp_path):
    names = imported("--help", tmp_path=tmp_path)
    assert loaded(names, CHECKING + RENDERING + PDF_ONLY + DOCX_ONLY) == []


def test_check_imports_no_renderer_and_nothing_of_the_pdf(tmp_path):
    names = imported("check", str(VALID), tmp_path=tmp_path)
    assert loaded(names, ("pydantic", "genreport.checks")) != []  # it did check
    assert loaded(names, RENDERING + PDF_ONLY + DOCX_ONLY) == []


@pytest.mark.parametrize("fmt", ["md", "html", "md,html"])
def test_a_build_without_a_pdf_loads_no_pdf_code(tmp_path, fmt):
    names = imported("build", str(VALID), "-f", fmt, "-o", str(tmp_path / "out"), tmp_path=tmp_path)
    assert loaded(names, ("jinja2", "genreport.render")) != []  # it did render
    assert loaded(names, PDF_ONLY + DOCX_ONLY) == []
